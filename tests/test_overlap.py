"""Look-alike bodies join into groups through any chain of look-alike pairs."""

from __future__ import annotations

from raci.analysis.overlap import look_alikes


def test_pairs_join_into_connected_groups_sorted_by_first_body() -> None:
    sets = {
        "b": frozenset("pqrs"), "a": frozenset("pqrt"), "c": frozenset("qrst"),  # a~b~c
        "y": frozenset("wxyz"), "x": frozenset("wxyv"),                           # x~y
        "lone": frozenset("klmn"),
    }
    found = look_alikes(sets, min_overlap=0.6, min_members=3)
    assert found.groups == [["a", "b", "c"], ["x", "y"]]
    assert found.group_of == {"a": 0, "b": 0, "c": 0, "x": 1, "y": 1}
    assert {(p.first, p.second) for p in found.pairs[1]} == {("x", "y")} or \
        {(p.second, p.first) for p in found.pairs[1]} == {("x", "y")}
