"""A process forked to do part of `raci lint`'s work and hand it back
through a pipe: the lean read's helper (`raci.store.lean`) and the rules'
copy (`raci.lint.split`). Both are an optimisation only: where the system
cannot start one, the work is done in this process."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import NoReturn


def started(work: Callable[[int], NoReturn]) -> tuple[int, int] | None:
    """The process id of a child forked to run `work` with the writing end
    of a pipe (it must end the child), and the pipe's reading end; None
    where the system cannot start one now (no file descriptor left, at its
    process limit, out of memory)."""
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
            work(writing)
        finally:  # an interrupt before `work` took over
            os._exit(1)
    os.close(writing)
    return pid, reading


def ended(pid: int) -> None:
    """Kill the child `pid` and wait for it: its work is handed back, or no
    longer wanted (this process failed or was interrupted), and a child
    still working would keep an interrupted lint from stopping."""
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
