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

import heapq
import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain, combinations, islice

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


def same_sets(sets: Sets) -> dict[frozenset[str], list[str]]:
    """Each distinct set -> the ids that have exactly it, sorted. Ids with
    one set alike each other fully, so the searches compare each distinct
    set once, however many bodies share it."""
    classes: dict[frozenset[str], list[str]] = defaultdict(list)
    for key, members in sets.items():
        classes[members].append(key)
    for keys in classes.values():
        keys.sort()
    return dict(classes)


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


@dataclass(frozen=True)
class AlikeSets:
    """Every body of `one` with every body of `other`: the look-alike pairs
    of two distinct sets of seat-holders, or, where `one` is `other`, every
    two bodies of one set (Jaccard 1)."""

    one: list[str]
    other: list[str]
    shared: int
    union: int

    def __len__(self) -> int:
        if self.one == self.other:
            return len(self.one) * (len(self.one) - 1) // 2
        return len(self.one) * len(self.other)

    def pairs(self) -> Iterator[Pair]:
        """The pairs, by first body then second, made as they are asked for."""
        if self.one == self.other:
            for first, second in combinations(self.one, 2):
                yield Pair(first, second, self.shared, self.union)
            return
        firsts = heapq.merge(((body, self.other) for body in self.one),
                             ((body, self.one) for body in self.other))
        for first, across in firsts:
            for later in range(bisect_right(across, first), len(across)):
                yield Pair(first, across[later], self.shared, self.union)


def _most_alike_first(pair: Pair) -> tuple[float, int, str, str]:
    return -pair.jaccard, -pair.shared, pair.first, pair.second


@dataclass
class GroupPairs:
    """The look-alike pairs of one group, kept as pairs of sets of seat-holders."""

    alike_sets: list[AlikeSets] = field(default_factory=list)

    def __len__(self) -> int:
        return sum(len(alike) for alike in self.alike_sets)

    def most_alike(self, count: int) -> list[Pair]:
        """The `count` pairs of highest Jaccard (then most shared, then ids)."""
        every = heapq.merge(*(alike.pairs() for alike in self.alike_sets), key=_most_alike_first)
        return list(islice(every, count))


@dataclass
class LookAlikes:
    """Bodies whose seat-holders overlap enough, as pairs and as connected groups."""

    groups: list[list[str]] = field(default_factory=list)
    """Each connected group of look-alike pairs, its bodies sorted; groups by first body."""
    pairs: list[GroupPairs] = field(default_factory=list)
    """The pairs of each group."""
    group_of: dict[str, int] = field(default_factory=dict)
    """Body -> the number of its group; bodies in no pair are absent."""


def look_alikes(sets: Sets, min_overlap: float, min_members: int | float) -> LookAlikes:
    """The pairs of sets, each with at least `min_members` members, whose
    Jaccard reaches `min_overlap`, and their connected groups.

    Bodies with the same seat-holders are one class: every two of them are
    a pair, so the pairs are never listed, only counted and the most alike
    few made (`GroupPairs`); the search compares distinct sets only."""
    classes = same_sets({key: members for key, members in sets.items()
                         if len(members) >= min_members})
    one_each = {keys[0]: members for members, keys in classes.items()}
    found = [AlikeSets(keys, keys, len(members), len(members))
             for members, keys in classes.items() if len(keys) > 1 and members]
    for first, second, shared in similar_pairs(one_each, min_overlap):
        union = len(one_each[first]) + len(one_each[second]) - shared
        if shared >= min_overlap * union - EPSILON:
            found.append(AlikeSets(classes[one_each[first]], classes[one_each[second]],
                                   shared, union))
    result = LookAlikes()
    for group in _connected_groups(found):
        for body in group:
            result.group_of[body] = len(result.groups)
        result.groups.append(group)
        result.pairs.append(GroupPairs())
    for alike in found:
        result.pairs[result.group_of[alike.one[0]]].alike_sets.append(alike)
    return result


def _connected_groups(found: list[AlikeSets]) -> list[list[str]]:
    """The bodies the pairs connect, group by group: each sorted, the groups
    by their first body. (A walk of a few lines: networkx, which has a
    union-find, takes longer to import than a national model's pairs to join.)
    A class of bodies with one set stands for all of them by its first."""
    around: dict[str, set[str]] = {}
    class_of: dict[str, list[str]] = {}
    for alike in found:
        first, second = alike.one[0], alike.other[0]
        class_of[first], class_of[second] = alike.one, alike.other
        around.setdefault(first, set()).add(second)
        around.setdefault(second, set()).add(first)
    groups: list[list[str]] = []
    seen: set[str] = set()
    for start in around:
        if start in seen:
            continue
        seen.add(start)
        group, todo = [], [start]
        while todo:
            body = todo.pop()
            group.extend(class_of[body])
            todo.extend(around[body] - seen)
            seen.update(around[body])
        groups.append(sorted(group))
    return sorted(groups)
