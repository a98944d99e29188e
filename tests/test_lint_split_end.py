"""The copy a split lint forks is waited for once the findings are made
and ended at once when the lint is interrupted; where none can start, this
process checks every rule."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import NoReturn

import pytest
from conftest import SAMPLE, Raci, assert_reaped

from raci.lint import split
from raci.lint.engine import lint_source
from raci.source import open_lean_model
from raci.store import lean


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
def test_no_copy_is_left_behind(monkeypatch: pytest.MonkeyPatch, forked: list[int]) -> None:
    monkeypatch.setattr(split, "SPLIT_FROM", 0)
    together = lint_source(open_lean_model(str(SAMPLE)), split=True).findings
    assert_reaped(forked)
    assert together == lint_source(open_lean_model(str(SAMPLE))).findings


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
@pytest.mark.parametrize("read_apart", [False, True])
@pytest.mark.parametrize("failing", ["fork", "pipe"])
def test_a_lint_where_no_process_can_start_is_done_in_this_one(
        raci: Raci, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_apart: bool,
        failing: str) -> None:
    """At the system's process limit (or with no file descriptor left), the
    file is read (`read_apart`: one large enough to be read on two cores)
    and every rule checked here: the same findings, not an internal error."""
    database = tmp_path / "org.db"
    assert raci("import", SAMPLE, "--into", database).code == 0
    alone = raci("lint", database)
    monkeypatch.setattr(split, "SPLIT_FROM", 0)
    if read_apart:
        monkeypatch.setattr(lean, "READ_APART_FROM", 0)

    def cannot() -> NoReturn:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, failing, cannot)
    refused = raci("lint", database)
    assert (refused.code, refused.out, refused.err) == (1, alone.out, alone.err)
    assert alone.code == 1


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
def test_an_interrupted_lint_ends_the_copy_at_once(monkeypatch: pytest.MonkeyPatch,
                                                   wait_statuses: list[int]) -> None:
    monkeypatch.setattr(split, "SPLIT_FROM", 0)

    def sleeping_copy(*args: object) -> NoReturn:
        time.sleep(60)
        raise RuntimeError("a copy still checking")

    def interrupted(*args: object) -> NoReturn:
        raise KeyboardInterrupt

    monkeypatch.setattr(split, "_checked_in_copy", sleeping_copy)
    monkeypatch.setattr(split, "_checked", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lint_source(open_lean_model(str(SAMPLE)), split=True)
    assert len(wait_statuses) == 1
    assert os.WIFSIGNALED(wait_statuses[0]) and os.WTERMSIG(wait_statuses[0]) == signal.SIGKILL
