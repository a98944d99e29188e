"""Checking a large model's rules on two cores (`raci lint`).

After the read and DAT001, a lint of a large model forks. The copy starts
with the rules of `SPLIT_GROUPS`, this process with those of `KEPT_HERE`;
the other rules are shared out group by group: whichever process is free
first takes the next group (from a pipe both read), so that both finish
together whether a model has few findings or tens of thousands. The copy
hands the problems of the rules it checked back through a second pipe
(`raci.forking`; a copy that fails writes none, or part of one) and ends;
it is waited for only once the findings are made. It starts with the
analysis as far as it was worked out and works out what its rules need on
its own (a group's rules share most of that work, hence a group at a
time). The findings are made here, rule by rule in the order of the
rules, so that they, their waivers and every output are the same bytes as
when one process checks everything (a test holds them so, whoever checks
which group).

Only where it pays and is safe: a model of at least `SPLIT_FROM` entities
(below, starting the copy costs more than it saves), on Linux (where
forking a process of Python alone is sound; macOS's system libraries may
not survive it), and only for `raci lint` (the app runs threads, and keeps
its own incremental linter). If the copy fails in any way, this process
checks the rules it did not check itself: the lint is then as slow as
before, never different; where the system cannot start one (at its
process limit, or out of memory), this process checks every rule.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial

from raci.analysis import Analysis
from raci.forking import forked, handed_back
from raci.lint.config import LintConfig
from raci.lint.message import say_ahead
from raci.lint.rule import Problem, Rule

SPLIT_GROUPS = frozenset({"people", "silos"})
"""The groups of rules the copy starts with: on a national model they take
about half of the rules' time and have few problems to hand back."""
KEPT_HERE = frozenset({"OWN001"})
"""The rules this process starts with and always checks itself: OWN001 can
have tens of thousands of problems (a model that records no Accountables),
which would cost more to hand back than to find."""
SPLIT_FROM = 20_000
"""The entities a model must hold for its rules to be split."""

Problems = dict[str, list[Problem]]
"""Rule code -> the problems of every subject of its scope."""


@contextmanager
def problems_of(rules: Sequence[Rule], analysis: Analysis, config: LintConfig, *,
                split: bool, say: bool = False) -> Iterator[Problems]:
    """The problems of each of `rules` over every subject of its scope; with
    `split`, checked by this process and a forked copy at the same time,
    where the model is large enough and the system forks soundly. The copy
    ends as soon as it has handed its problems back, but is waited for only
    when the block ends: the system takes a few hundredths of a second to
    free its memory, which the work done with the problems hides. `say`:
    an output will say every message for people (the text output), so the
    messages of `KEPT_HERE` are said as soon as they are found, while the
    copy checks its rules (`say_ahead`): the copy then takes more of the
    shared groups, and both cores share that work too."""
    if not (split and _splits(analysis)):
        yield _checked(rules, analysis, config)
        return
    theirs = [r for r in rules if r.group in SPLIT_GROUPS]
    shared = _groups([r for r in rules if r.group not in SPLIT_GROUPS and r.code not in KEPT_HERE])
    try:
        queue = _queue(len(shared))
    except OSError:  # no file descriptor left: check every rule here
        yield _checked(rules, analysis, config)
        return
    with forked(partial(_checked_by_copy, theirs, shared, queue, analysis, config)) as copy:
        if copy is None:  # the system cannot start one now: check every rule here
            os.close(queue)
            yield _checked(rules, analysis, config)
            return
        try:
            found = _checked([r for r in rules if r.code in KEPT_HERE], analysis, config)
            if say:
                say_ahead(problem.message for problems in found.values() for problem in problems)
            for number in _claimed(queue):
                found |= _checked(shared[number], analysis, config)
        finally:
            os.close(queue)
        found |= handed_back(copy) or {}
        yield found | _checked([r for r in rules if r.code not in found], analysis, config)


def _splits(analysis: Analysis) -> bool:
    return sys.platform == "linux" and len(analysis.model) >= SPLIT_FROM


def _groups(rules: Sequence[Rule]) -> list[list[Rule]]:
    """`rules` by group, the groups in the order of their first rule."""
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule.group, []).append(rule)
    return list(groups.values())


def _queue(count: int) -> int:
    """A pipe to read from that holds the numbers 0 to `count` - 1, a byte
    each, then ends: reading a byte takes a number that no other reader
    of the pipe then gets."""
    reading, writing = os.pipe()
    os.write(writing, bytes(range(count)))
    os.close(writing)
    return reading


def _claimed(queue: int) -> Iterator[int]:
    """The numbers taken from `queue`, one at a time, until it is empty."""
    while taken := os.read(queue, 1):
        yield taken[0]


def _checked(rules: Sequence[Rule], analysis: Analysis, config: LintConfig) -> Problems:
    return {r.code: list(r.run(analysis, config.params_of(r))) for r in rules}


_checked_in_copy = _checked
"""How the copy checks its rules (a test makes it fail)."""
_claimed_in_copy = _claimed
"""How the copy takes groups of rules (a test makes it take none)."""


def _checked_by_copy(rules: Sequence[Rule], shared: Sequence[Sequence[Rule]], queue: int,
                     analysis: Analysis, config: LintConfig) -> Problems:
    """In the copy: the problems of `rules` and of the `shared` groups it
    takes from `queue`, to hand back (`raci.forking.forked`)."""
    problems = _checked_in_copy(rules, analysis, config)
    for number in _claimed_in_copy(queue):
        problems |= _checked_in_copy(shared[number], analysis, config)
    return problems
