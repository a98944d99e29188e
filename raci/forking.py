"""A process forked to do part of `raci lint`'s work and hand back what it
found through a pipe, pickled: the lean read's helper (`raci.store.lean`)
and the rules' copy (`raci.lint.split`). Both are an optimisation only:
where the system cannot start one, or it fails, the work is done in this
process."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import Any, NoReturn


def started(work: Callable[[], object]) -> tuple[int, int] | None:
    """The process id of a child forked to run `work` and hand back what it
    returns (`handed_back`), and the reading end of the pipe it hands it
    back through, the caller's to close; None where the system cannot start
    one now (no file descriptor left, at its process limit, out of
    memory)."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # the child: never returns into this process's program
        try:
            os.close(reading)
            _hand_back(writing, work())
        finally:  # failed or interrupted, having written nothing or part of it
            os._exit(1)
    os.close(writing)
    return pid, reading


def _hand_back(writing: int, found: object) -> NoReturn:
    """In the child: write `found` to the pipe pickled, and end without
    running anything of the program's exit (its output is the parent's)."""
    import pickle  # a fork only

    with os.fdopen(writing, "wb") as pipe:
        pickle.dump(found, pipe, protocol=pickle.HIGHEST_PROTOCOL)
    os._exit(0)


def handed_back(reading: int) -> Any:
    """What the child returned, read from its pipe to the end (the pipe is
    left open); None if it failed: it wrote nothing, or a pickle cut
    short."""
    import pickle  # a fork only

    with os.fdopen(reading, "rb", closefd=False) as pipe:
        data = pipe.read()
    try:
        return pickle.loads(data)
    except Exception:  # a child that failed: the caller does its work
        return None


def ended(pid: int) -> None:
    """Kill the child `pid` and wait for it: its work is handed back, or no
    longer wanted (this process failed or was interrupted), and a child
    still working would keep an interrupted lint from stopping."""
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
