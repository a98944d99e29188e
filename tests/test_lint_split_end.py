"""The copy a split lint forks is waited for once the findings are made,
and what it hands back counts only when it is whole."""

from __future__ import annotations

import os
import pickle
import sys

import pytest
from conftest import SAMPLE

from raci.lint import split
from raci.lint.engine import lint_source
from raci.lint.rule import Problem
from raci.source import open_lean_model


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
def test_no_copy_is_left_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(split, "SPLIT_FROM", 0)
    forked: list[int] = []
    fork = os.fork

    def counted_fork() -> int:
        pid = fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counted_fork)
    together = lint_source(open_lean_model(str(SAMPLE)), split=True).findings
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # reaped: no such child any more
        os.waitpid(forked[0], os.WNOHANG)
    assert together == lint_source(open_lean_model(str(SAMPLE))).findings


@pytest.mark.parametrize("cut", [None, 0, 1, -1])
def test_only_a_whole_pickle_counts_as_handed_back(cut: int | None) -> None:
    problems = {"OWN001": [Problem(("g.a",), "g.a has no Accountable")]}
    data = pickle.dumps(problems, protocol=pickle.HIGHEST_PROTOCOL)
    reading, writing = os.pipe()
    os.write(writing, data if cut is None else data[:cut])
    os.close(writing)
    assert split._handed_back(reading) == (problems if cut is None else None)
