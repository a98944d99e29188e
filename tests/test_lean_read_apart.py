"""A large SQLite file is read on two cores: a forked helper reads the
lists and the assignments while this process reads the entities. The model
is the one read by one process, also when the helper fails or read another
snapshot (a save came between), and no helper is left behind."""

from __future__ import annotations

import os
import pickle
import signal
import sqlite3
import sys
import time
from array import array
from pathlib import Path

import pytest
from conftest import assert_reaped

from raci.store import columns, lean
from raci.store.columns import Cursor, Interning
from raci.store.lean import HelperPart, read_lean_file
from tests.test_lean_read import model_database

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="read apart on Linux only")


def failing_helper(cursor: Cursor, same: Interning) -> HelperPart:
    raise RuntimeError("the helper fails")


def other_snapshot(cursor: Cursor, same: Interning) -> HelperPart:
    """A part read after a save: nothing of it may be used."""
    return HelperPart(-1, {}, {})


@pytest.mark.parametrize("helper", [None, failing_helper, other_snapshot])
def test_a_file_read_with_a_helper_is_the_model_read_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: list[int], helper: object
        ) -> None:
    path = model_database(tmp_path)
    alone = read_lean_file(path)
    assert alone is not None and alone.assignments and alone.roles
    monkeypatch.setattr(lean, "READ_APART_FROM", 0)
    if helper is not None:
        monkeypatch.setattr(lean, "_part_in_helper", helper)
    together = read_lean_file(path)
    assert_reaped(forked)
    assert together == alone
    assert together is not None and list(together.kinds) == list(alone.kinds)


def test_no_helper_is_left_behind_when_the_read_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: list[int]) -> None:
    """The store then opens the file and says what is wrong."""
    path = model_database(tmp_path)
    monkeypatch.setattr(lean, "READ_APART_FROM", 0)

    def failing_read(cursor: Cursor) -> object:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(lean, "read_waivers", failing_read)
    assert read_lean_file(path) is None
    assert_reaped(forked)


def test_the_helper_is_forked_before_the_file_is_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite keeps its locks on a file in the process's memory: a helper
    forked while a connection is open would read with none of its own."""
    path = model_database(tmp_path)
    monkeypatch.setattr(lean, "READ_APART_FROM", 0)
    done: list[str] = []  # this process's, in order
    fork, connect = os.fork, sqlite3.connect

    def logged_fork() -> int:
        done.append("fork")
        return fork()

    def logged_connect(*args: object, **kwargs: object) -> sqlite3.Connection:
        done.append("connect")
        return connect(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fork", logged_fork)
    monkeypatch.setattr(columns.sqlite3, "connect", logged_connect)
    assert read_lean_file(path) is not None
    assert done == ["fork", "connect"]


@pytest.mark.parametrize("error", [BlockingIOError(11, "Resource temporarily unavailable"),
                                   OSError(12, "Cannot allocate memory")])
def test_a_file_is_read_by_one_process_where_no_helper_can_start(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    path = model_database(tmp_path)
    alone = read_lean_file(path)
    monkeypatch.setattr(lean, "READ_APART_FROM", 0)

    def failing_fork() -> int:
        raise error

    monkeypatch.setattr(os, "fork", failing_fork)
    assert read_lean_file(path) == alone


def sleeping_helper(cursor: Cursor, same: Interning) -> HelperPart:
    time.sleep(60)
    raise RuntimeError("a helper still reading")


def test_an_interrupted_read_ends_the_helper_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: list[int],
        wait_statuses: list[int]) -> None:
    path = model_database(tmp_path)
    monkeypatch.setattr(lean, "READ_APART_FROM", 0)
    monkeypatch.setattr(lean, "_part_in_helper", sleeping_helper)

    def interrupted(cursor: Cursor) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(lean, "read_waivers", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_lean_file(path)
    assert_reaped(forked)
    assert os.WIFSIGNALED(wait_statuses[0]) and os.WTERMSIG(wait_statuses[0]) == signal.SIGKILL


@pytest.mark.parametrize("revision", [7, 8])
def test_only_a_part_of_this_snapshot_counts_as_handed_back(revision: int) -> None:
    """A part read in another snapshot than this process's (the file changed
    between the two reads) is not taken; a pickle cut short is nothing
    handed back (test_forking)."""
    part = HelperPart(revision, {"holders": {"r.a": ("p.a",)}},
                      {"R": (array("q", [0]), array("q", [1]))})
    reading, writing = os.pipe()
    os.write(writing, pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
    os.close(writing)
    assert lean._part_handed_back(reading, 7) == (part if revision == 7 else None)
    os.close(reading)


def test_a_small_file_is_read_by_one_process(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = model_database(tmp_path)
    monkeypatch.setattr(os, "fork", lambda: pytest.fail("forked for a small model"))
    assert read_lean_file(path) is not None
