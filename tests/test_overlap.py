"""Look-alike bodies join into groups through any chain of look-alike pairs;
bodies with the same seat-holders are kept as one class, never as all their
pairs, and the result equals a search over every pair."""

from __future__ import annotations

import itertools
import tracemalloc

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.analysis.overlap import Pair, look_alikes

MEMBERS = st.sets(st.sampled_from("pqrstuvw"), max_size=6)
with_repeats = st.lists(MEMBERS, min_size=1, max_size=5).flatmap(
    lambda distinct: st.lists(st.sampled_from(distinct), max_size=16))
"""Up to 16 bodies drawn from up to 5 sets: most sets are held by several bodies."""


def test_pairs_join_into_connected_groups_sorted_by_first_body() -> None:
    sets = {
        "b": frozenset("pqrs"), "a": frozenset("pqrt"), "c": frozenset("qrst"),  # a~b~c
        "y": frozenset("wxyz"), "x": frozenset("wxyv"),                           # x~y
        "lone": frozenset("klmn"),
    }
    found = look_alikes(sets, min_overlap=0.6, min_members=3)
    assert found.groups == [["a", "b", "c"], ["x", "y"]]
    assert found.group_of == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1}
    assert found.pairs[1].most_alike(5) == [Pair("x", "y", 3, 5)]


def every_pair(sets: dict[str, frozenset[str]], overlap: float, minimum: int) -> list[Pair]:
    """The reference: every two sets compared, the look-alike pairs most alike first."""
    found = []
    for first, second in itertools.combinations(sorted(sets), 2):
        one, other = sets[first], sets[second]
        if min(len(one), len(other)) >= minimum and one & other \
                and len(one & other) >= overlap * len(one | other) - 1e-9:
            found.append(Pair(first, second, len(one & other), len(one | other)))
    return sorted(found, key=lambda p: (-p.jaccard, -p.shared, p.first, p.second))


@settings(max_examples=200)
@given(with_repeats, st.sampled_from([0.3, 0.5, 0.6, 1.0]), st.integers(0, 3))
def test_look_alikes_equal_every_pair_compared(drawn: list[set[str]], overlap: float,
                                               minimum: int) -> None:
    # ids out of order and of uneven length, so sorting by id is tested too
    sets = {f"b{(7 * n) % 17}": frozenset(members) for n, members in enumerate(drawn)}
    found = look_alikes(sets, overlap, minimum)
    pairs = every_pair(sets, overlap, minimum)
    graph: nx.Graph[str] = nx.Graph()
    graph.add_edges_from((pair.first, pair.second) for pair in pairs)
    assert found.groups == sorted(sorted(group) for group in nx.connected_components(graph))
    for group, group_pairs in zip(found.groups, found.pairs, strict=True):
        expected = [pair for pair in pairs if pair.first in group]
        assert len(group_pairs) == len(expected)
        for count in (1, 3, 10, len(expected)):
            assert group_pairs.most_alike(count) == expected[:count]


def test_bodies_with_one_set_of_seat_holders_are_not_listed_pair_by_pair() -> None:
    """3,000 bodies with the same three seat-holders are 4,498,500 pairs, one
    group: counted and the ten first made, in a few megabytes (listing them
    took over a gigabyte)."""
    sets = {f"b{n:04}": frozenset({"p0", "p1", "p2"}) for n in range(3000)}
    tracemalloc.start()
    try:
        found = look_alikes(sets, 0.6, 3)
        most_alike = found.pairs[0].most_alike(10)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found.groups == [sorted(sets)]
    assert len(found.pairs[0]) == 3000 * 2999 // 2
    assert [(p.first, p.second) for p in most_alike] == [("b0000", f"b{n:04}")
                                                         for n in range(1, 11)]
    assert peak < 20_000_000
