"""A forked child hands back what its work returned through a pipe, pickled;
what the parent reads counts only when it is whole."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap

import pytest

from raci.forking import handed_back, started
from raci.lint.rule import Problem


def test_what_the_child_returns_is_handed_back() -> None:
    problems = {"OWN001": [Problem(("g.a",), "g.a has no Accountable")], "PPL001": []}
    child = started(lambda: problems)
    assert child is not None
    pid, reading = child
    try:
        assert handed_back(reading) == problems
    finally:
        os.close(reading)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def test_a_child_that_fails_hands_back_nothing() -> None:
    def failing() -> object:
        raise RuntimeError("the work fails")

    child = started(failing)
    assert child is not None
    pid, reading = child
    try:
        assert handed_back(reading) is None
    finally:
        os.close(reading)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1


@pytest.mark.parametrize("cut", [0, 1, -1])
def test_a_pickle_cut_short_is_nothing_handed_back(cut: int) -> None:
    """A child killed or failing while it wrote: the parent does the work."""
    data = pickle.dumps({"OWN001": [Problem(("g.a",), "g.a has no Accountable")]},
                        protocol=pickle.HIGHEST_PROTOCOL)
    reading, writing = os.pipe()
    os.write(writing, data[:cut])
    os.close(writing)
    try:
        assert handed_back(reading) is None
    finally:
        os.close(reading)


def test_a_child_interrupted_before_its_work_never_runs_the_program_on() -> None:
    """A ctrl+c reaches the whole process group: a child interrupted before
    its work takes over must end, not return into the lint (it printed
    "Aborted!" twice and flushed the parent's output again)."""
    script = textwrap.dedent("""
        import os
        from raci.forking import started

        def work():
            raise KeyboardInterrupt

        try:
            pid, reading = started(work)
        except KeyboardInterrupt:
            print("the child ran on", flush=True)
            raise SystemExit(0)
        _, status = os.waitpid(pid, 0)
        print("child ended", os.waitstatus_to_exitcode(status), flush=True)
    """)
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60, check=True)
    assert ran.stdout == "child ended 1\n"
