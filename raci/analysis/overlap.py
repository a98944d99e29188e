"""Bodies that look alike, and bodies that lie inside another, found without
comparing every pair.

Both searches compare sets of seat-holders and use *prefix filtering* (as in
Xiao et al.'s PPJoin): order each set's members rarest first; two sets that
must share at least k of a set's n members share one of its first n - k + 1.
So a pair is only ever looked at when the two share one of those rare
members, and a member who sits in every body (a chair, a secretary) does not
make the work quadratic. Each pair looked at costs the size of the smaller
set (Python intersects from the smaller side), so a huge body adds at most
one look per body it may contain or resemble, never a pass over its members.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain

EPSILON = 1e-9
"""Float slack for thresholds given as fractions (0.6 * 5 must be 3)."""

Sets = Mapping[str, frozenset[str]]


def at_least(share: float, size: int) -> int:
    """The fewest of `size` members that make up `share` of them (4 of 5 for 0.8)."""
    return max(0, math.ceil(share * size - EPSILON))


def _rarest_first(sets: Sets) -> dict[str, tuple[int, str]]:
    """Each member's sort key: how many sets hold it, then its id."""
    frequency = Counter(chain.from_iterable(sets.values()))
    return {member: (count, member) for member, count in frequency.items()}


def similar_pairs(sets: Sets, threshold: float) -> Iterator[tuple[str, str, int]]:
    """Every pair of sets that may reach Jaccard `threshold` (> 0), with the
    number of members they share; the ids of a pair in sorted order.

    Yields every pair it looks at (a caller counts them in tests); pairs it
    never yields cannot reach the threshold. Both sides of a pair with
    Jaccard >= t share one of the first n - ceil(t * n) + 1 members of each,
    so only those prefixes are indexed; sets come smallest first, and a set
    less than t times the size of the one in hand is skipped unlooked.
    """
    rarity = _rarest_first(sets)
    by_prefix_member: dict[str, list[str]] = defaultdict(list)
    for key in sorted(sets, key=lambda k: (len(sets[k]), k)):
        listed = sorted(sets[key], key=rarity.__getitem__)
        prefix = len(listed) - at_least(threshold, len(listed)) + 1
        candidates: set[str] = set()
        for member in listed[:max(1, prefix)]:
            candidates.update(by_prefix_member[member])
            by_prefix_member[member].append(key)
        for other in candidates:
            # Sets come smallest first, so `other` is never the larger one.
            if len(sets[other]) < threshold * len(listed) - EPSILON:
                continue
            shared = len(sets[key] & sets[other])
            yield (other, key, shared) if other < key else (key, other, shared)


def containing_pairs(sets: Sets, share: float,
                     inner_sets: Iterable[str]) -> Iterator[tuple[str, str, int]]:
    """(inner, outer, shared) for every pair where `outer` has more members
    than `inner` and may hold at least `share` (> 0) of `inner`'s members.

    Yields every pair it looks at; pairs it never yields cannot reach the
    share. An outer set holding k = ceil(share * n) of an inner set's n
    members holds one of the inner set's n - k + 1 rarest, so only the
    sets holding one of those are looked at.
    """
    rarity = _rarest_first(sets)
    holding: dict[str, list[str]] = defaultdict(list)
    for key, members in sets.items():
        for member in members:
            holding[member].append(key)
    for inner in inner_sets:
        members = sets[inner]
        listed = sorted(members, key=rarity.__getitem__)
        prefix = len(listed) - at_least(share, len(listed)) + 1
        candidates = {outer for member in listed[:max(1, prefix)] for outer in holding[member]
                      if len(sets[outer]) > len(members)}
        for outer in candidates:
            yield inner, outer, len(members & sets[outer])


@dataclass(frozen=True)
class Pair:
    """Two look-alike bodies (`first` < `second`) and their seat-holders."""

    first: str
    second: str
    shared: int
    union: int

    @property
    def jaccard(self) -> float:
        return self.shared / self.union


@dataclass
class LookAlikes:
    """Bodies whose seat-holders overlap enough, as pairs and as connected groups."""

    groups: list[list[str]] = field(default_factory=list)
    """Each connected group of look-alike pairs, its bodies sorted; groups by first body."""
    pairs: list[list[Pair]] = field(default_factory=list)
    """The pairs of each group, highest Jaccard first (then most shared, then ids)."""
    group_of: dict[str, int] = field(default_factory=dict)
    """Body -> the number of its group; bodies in no pair are absent."""


def look_alikes(sets: Sets, min_overlap: float, min_members: int | float) -> LookAlikes:
    """The pairs of sets, each with at least `min_members` members, whose
    Jaccard reaches `min_overlap`, and their connected groups."""
    big_enough = {key: members for key, members in sets.items() if len(members) >= min_members}
    found = [Pair(first, second, shared, len(sets[first]) + len(sets[second]) - shared)
             for first, second, shared in similar_pairs(big_enough, min_overlap)]
    found = [pair for pair in found if pair.shared >= min_overlap * pair.union - EPSILON]
    result = LookAlikes()
    for group in _connected_groups(found):
        for body in group:
            result.group_of[body] = len(result.groups)
        result.groups.append(group)
        result.pairs.append([])
    for pair in found:
        result.pairs[result.group_of[pair.first]].append(pair)
    for pairs in result.pairs:
        pairs.sort(key=lambda p: (-p.jaccard, -p.shared, p.first, p.second))
    return result


def _connected_groups(pairs: list[Pair]) -> list[list[str]]:
    """The bodies the pairs connect, group by group: each sorted, the groups
    by their first body. (A walk of a few lines: networkx, which has a
    union-find, takes longer to import than a national model's pairs to join.)"""
    around: dict[str, set[str]] = {}
    for pair in pairs:
        around.setdefault(pair.first, set()).add(pair.second)
        around.setdefault(pair.second, set()).add(pair.first)
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in around:
        if start in seen:
            continue
        seen.add(start)
        group, todo = [], [start]
        while todo:
            body = todo.pop()
            group.append(body)
            todo.extend(around[body] - seen)
            seen.update(around[body])
        groups.append(sorted(group))
    return sorted(groups)
