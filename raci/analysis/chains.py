"""Chains of `reports_to` and cycles, computed by iteration, never recursion.

`strongly_connected_components` finds the cycles of any directed graph
(`depends_on`), in linear time: networkx has it too, but takes longer to
import than a national model's whole lint spends on the rule.

`reports_to` gives every role and body at most one parent, so the reporting
structure is a *functional graph*: trees that hang from a root or run into
one cycle. That shape lets every question the rules ask be answered in
linear time: the cycles (the strongly connected components that are not a
lone node without a self-loop), "does X report to Y, directly or not" in
constant time after one Euler tour, and each body's number of layers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass


def functional_cycles(parent: Mapping[str, str | None]) -> list[list[str]]:
    """Every cycle of a graph where each node has at most one parent, each once.

    `parent` maps a node to the node it points at, or None; nodes it points
    at that are not keys end a chain. A self-loop is a cycle of one.
    """
    walk_of: dict[str, int] = {}  # node -> number of the walk that met it first
    cycles: list[list[str]] = []
    for number, start in enumerate(parent):
        if start in walk_of:
            continue
        walk: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in walk_of:
            walk_of[node] = number
            walk.append(node)
            node = parent[node]
        if node is not None and walk_of.get(node) == number:  # met its own walk again
            cycles.append(walk[walk.index(node):])
    return cycles


def strongly_connected_components(
        successors: Mapping[str, Sequence[str]]) -> Iterator[list[str]]:
    """The strongly connected components of the graph whose nodes are the
    keys of `successors`, each pointing at those it lists (a node listed but
    not a key points at nothing): Tarjan's algorithm, its walk kept on a
    list rather than the call stack."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: dict[str, int] = {}  # node -> its place on `stack`
    for root in successors:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        on_stack[root] = len(stack)
        stack.append(root)
        walk = [(root, iter(successors[root]))]
        while walk:
            node, ahead = walk[-1]
            for then in ahead:
                if then not in index:
                    index[then] = low[then] = len(index)
                    on_stack[then] = len(stack)
                    stack.append(then)
                    walk.append((then, iter(successors.get(then, ()))))
                    break
                if then in on_stack:
                    low[node] = min(low[node], index[then])
            else:  # every node `node` points at is done
                walk.pop()
                if walk:
                    low[walk[-1][0]] = min(low[walk[-1][0]], low[node])
                if low[node] == index[node]:
                    component = stack[on_stack[node]:]
                    del stack[on_stack[node]:]
                    for member in component:
                        del on_stack[member]
                    yield component


@dataclass
class ReportingChains:
    """Answers "is `upper` among the roles and bodies `lower` reports to"."""

    cycle_of: dict[str, int]
    """Node -> number of the cycle it lies on."""
    cycle_reached: dict[str, int]
    """Node -> number of the cycle its chain runs into (cycle nodes included)."""
    enter: dict[str, int]
    leave: dict[str, int]
    """Euler tour times of the tree nodes (those on no cycle)."""

    @classmethod
    def build(cls, parent_of: Mapping[str, str | None]) -> ReportingChains:
        """`parent_of` maps every node to its parent, or None; parents that are
        not nodes end the chain."""
        cycle_of = {node: number for number, cycle in enumerate(functional_cycles(parent_of))
                    for node in cycle}
        children: defaultdict[str, list[str]] = defaultdict(list)
        roots: list[str] = []
        for node, up in parent_of.items():
            if node in cycle_of:
                continue
            if up is None or up not in parent_of or up in cycle_of:
                roots.append(node)
            else:
                children[up].append(node)
        enter: dict[str, int] = {}
        leave: dict[str, int] = {}
        cycle_reached = dict(cycle_of)
        clock = 0
        for root in roots:
            up = parent_of[root]
            reached = cycle_of[up] if up is not None and up in cycle_of else -1
            stack = [root]
            while stack:
                node = stack.pop()
                if node in enter:  # met again: its whole subtree is done
                    leave[node] = clock
                    continue
                clock += 1
                enter[node] = clock
                if reached >= 0:
                    cycle_reached[node] = reached
                below = children.get(node)
                if below is None:
                    leave[node] = clock
                else:
                    stack.append(node)
                    stack.extend(below)
        return cls(cycle_of, cycle_reached, enter, leave)

    def reports_to(self, lower: str, upper: str) -> bool:
        """Whether `upper` is on `lower`'s chain of `reports_to`, directly or not."""
        if upper in self.cycle_of:
            return self.cycle_reached.get(lower) == self.cycle_of[upper]
        if upper not in self.enter or lower not in self.enter:
            return False
        return self.enter[upper] < self.enter[lower] <= self.leave[upper]


def chain_lengths(parent: Mapping[str, str | None]) -> dict[str, int]:
    """Each node's number of nodes on its chain, itself included.

    `parent` maps a node to its parent or None; a parent that is not a key ends the
    chain (and is not counted). Nodes whose chain runs into a cycle get no
    length (they are absent).
    Memoised walk: each node is visited a bounded number of times.
    """
    length: dict[str, int] = {}
    on_cycle_path: set[str] = set()
    for start in parent:
        if start in length or start in on_cycle_path:
            continue
        walk: list[str] = []
        seen: set[str] = set()
        node: str | None = start
        base = 0
        while node is not None and node in parent:
            if node in length:
                base = length[node]
                break
            if node in on_cycle_path or node in seen:
                on_cycle_path.update(walk)
                walk = []
                break
            seen.add(node)
            walk.append(node)
            node = parent.get(node)
        for offset, visited in enumerate(reversed(walk), start=1):
            length[visited] = base + offset
    return length
