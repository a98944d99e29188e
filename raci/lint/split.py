"""Checking a large model's rules on two cores (`raci lint`).

After the read and DAT001, a lint of a large model forks: the copy checks
the rules of `SPLIT_GROUPS` and hands their problems back pickled through a
pipe, while this process checks the others. The copy starts with the
analysis as far as it was worked out and works out what its rules need on
its own; the findings are made here, rule by rule in the order of the
rules, so that they, their waivers and every output are the same bytes as
when one process checks everything (a test holds them so).

Only where it pays and is safe: a model of at least `SPLIT_FROM` entities
(below, starting the copy costs more than it saves), on Linux (where
forking a process of Python alone is sound; macOS's system libraries may
not survive it), and only for `raci lint` (the app runs threads, and keeps
its own incremental linter). If the copy fails in any way, this process
checks its rules after all: the lint is then as slow as before, never
different.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from raci.analysis import Analysis
from raci.lint.config import LintConfig
from raci.lint.rule import Problem, Rule

SPLIT_GROUPS = frozenset({"people", "silos"})
"""The groups of rules the copy checks: on a national model they take about
half of the rules' time and have few problems to hand back (OWN001, which
can have tens of thousands, stays here)."""
SPLIT_FROM = 20_000
"""The entities a model must hold for its rules to be split."""

Problems = dict[str, list[Problem]]
"""Rule code -> the problems of every subject of its scope."""


def problems_of(rules: Sequence[Rule], analysis: Analysis, config: LintConfig, *,
                split: bool) -> Problems:
    """The problems of each of `rules` over every subject of its scope; with
    `split`, those of `SPLIT_GROUPS` checked by a forked copy at the same
    time, where the model is large enough and the system forks soundly."""
    theirs = [r for r in rules if r.group in SPLIT_GROUPS] if split and _splits(analysis) else []
    if not theirs:
        return _checked(rules, analysis, config)
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy
        os.close(reading)
        _check_and_hand_back(theirs, analysis, config, writing)
    os.close(writing)
    try:
        found = _checked([r for r in rules if r not in theirs], analysis, config)
    finally:
        handed = _handed_back(pid, reading)
    return found | (_checked(theirs, analysis, config) if handed is None else handed)


def _splits(analysis: Analysis) -> bool:
    return sys.platform == "linux" and len(analysis.model) >= SPLIT_FROM


def _checked(rules: Sequence[Rule], analysis: Analysis, config: LintConfig) -> Problems:
    return {r.code: list(r.run(analysis, config.params_of(r))) for r in rules}


_checked_in_copy = _checked
"""How the copy checks its rules (a test makes it fail)."""


def _check_and_hand_back(rules: Sequence[Rule], analysis: Analysis, config: LintConfig,
                         writing: int) -> NoReturn:
    """In the copy: check `rules`, write their problems to the pipe, and end
    without running anything of the program's exit (its output is the
    parent's); exit 1 on any failure, so that the parent checks them itself."""
    import pickle  # a split only

    status = 1
    try:
        problems = _checked_in_copy(rules, analysis, config)
        with os.fdopen(writing, "wb") as pipe:
            pickle.dump(problems, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _handed_back(pid: int, reading: int) -> Problems | None:
    """The problems the copy handed back; None if it failed."""
    import pickle

    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        problems: Problems = pickle.loads(data)
    except Exception:  # a copy cut short: check its rules here
        return None
    return problems
