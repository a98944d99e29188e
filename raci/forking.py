"""A process forked to do part of `raci lint`'s work and hand back what it
found through a pipe, pickled: the lean read's helper (`raci.store.lean`)
and the rules' copy (`raci.lint.split`). Both are an optimisation only:
where the system cannot start one, or it fails, the work is done in this
process."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn


@contextmanager
def forked(work: Callable[[], object]) -> Iterator[int | None]:
    """The reading end of the pipe through which a child forked to run
    `work` hands back what it returns (`handed_back`), the child killed and
    waited for and the pipe closed when the block ends, however it ends: its
    work is handed back, or no longer wanted, and a child still working
    would keep an interrupted lint from stopping. None where the system
    cannot start one now. A ctrl+c is held off from the fork until the
    block's end is sure to run (a child left unreaped)."""
    held = _interrupts_held()
    child = None
    try:
        child = started(work)
        signal.pthread_sigmask(signal.SIG_SETMASK, held)  # one held off is raised here
        yield None if child is None else child[1]
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
        if child is not None:
            pid, reading = child
            os.close(reading)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)


def started(work: Callable[[], object]) -> tuple[int, int] | None:
    """The process id of a child forked to run `work` and hand back what it
    returns (`handed_back`), and the reading end of the pipe it hands it
    back through, the caller's to close; None where the system cannot start
    one now (no file descriptor left, at its process limit, out of
    memory). A ctrl+c is held off while forking, so that the child takes it
    only where it ends on it (it ran on into the program and printed
    "Aborted!" a second time); `forked` also reaps the child whatever
    happens after."""
    held = _interrupts_held()
    try:
        return _forked_with_pipe(work)
    finally:  # in this process only: the child never returns
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _forked_with_pipe(work: Callable[[], object]) -> tuple[int, int] | None:
    """`started`, with SIGINT blocked."""
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
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
            os.close(reading)
            _hand_back(writing, work())
        finally:  # failed or interrupted, having written nothing or part of it
            os._exit(1)
    os.close(writing)
    return pid, reading


def _interrupts_held() -> set[int | signal.Signals]:
    """Block SIGINT (a ctrl+c waits until it is unblocked) and return the
    signals blocked before, to set again."""
    try:
        return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    except KeyboardInterrupt:  # one came just before, raised with SIGINT already blocked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        raise


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
