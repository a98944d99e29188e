"""A forked child hands back what its work returned through a pipe, pickled;
what the parent reads counts only when it is whole."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import textwrap

import pytest
from conftest import SAMPLE

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


FORK_THEN_INTERRUPT = """
    import os, signal

    fork = os.fork
    children = []

    def fork_then_interrupt(whom):
        def forked():
            pid = fork()
            if pid:
                children.append(pid)
            if (pid == 0) == (whom == "child"):
                os.kill(os.getpid(), signal.SIGINT)
            return pid
        os.fork = forked
"""
"""Replaces `os.fork` with one after which a ctrl+c reaches the child or this
process at once, where nothing yet ends or reaps the child; `children` are
the children forked."""


@pytest.mark.parametrize("when", ["in its work", "as it starts"])
def test_an_interrupted_child_never_runs_the_program_on(when: str) -> None:
    """A ctrl+c reaches the whole process group: a child interrupted while it
    works, or between the fork and its own `try` (the ctrl+c was raised out
    of `started`), must end, not return into the lint (it printed "Aborted!"
    twice and flushed the parent's output again)."""
    interrupted = """
        def work():
            raise KeyboardInterrupt
    """ if when == "in its work" else """
        fork_then_interrupt("child")
        work = lambda: "found"
    """
    script = textwrap.dedent(FORK_THEN_INTERRUPT) + textwrap.dedent(interrupted) + \
        textwrap.dedent("""
        from raci.forking import started

        try:
            pid, reading = started(work)
        except KeyboardInterrupt:
            print("the child ran on", flush=True)
            raise SystemExit(0)
        _, status = os.waitpid(pid, 0)
        print("child ended", os.waitstatus_to_exitcode(status), flush=True)
    """)
    assert run(script) == "child ended 1\n"


def test_a_lint_interrupted_as_its_copy_starts_reaps_it() -> None:
    """Between the fork and the lint's `try`, a ctrl+c left the copy unreaped."""
    script = textwrap.dedent(FORK_THEN_INTERRUPT) + textwrap.dedent(f"""
        from raci.lint import split
        from raci.lint.engine import lint_source
        from raci.source import open_lean_model

        split.SPLIT_FROM = 0
        fork_then_interrupt("parent")
        try:
            lint_source(open_lean_model({str(SAMPLE)!r}), split=True)
        except KeyboardInterrupt:
            pass
        try:
            os.waitpid(children[0], os.WNOHANG)
            print("the copy was left", flush=True)
        except ChildProcessError:
            print("the copy was reaped", flush=True)
    """)
    assert run(script) == "the copy was reaped\n"


def run(script: str) -> str:
    """What `script` prints, run by Python in a process of its own."""
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True).stdout
