"""The terminal around the app: keys typed while a large model loads are not
echoed at the prompt line before the app takes the screen, and the terminal
is as it was once the app ends. On a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from raci.cli.app_commands import keys_unechoed


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    """(the terminal's side, the program's side) of a new pseudo-terminal of 80 × 24."""
    main, program = pty.openpty()
    fcntl.ioctl(program, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    yield main, program
    os.close(main)
    os.close(program)


def echoes(fd: int) -> bool:
    return bool(termios.tcgetattr(fd)[3] & termios.ECHO)


def test_keys_are_not_echoed_inside_and_the_terminal_comes_back_after(
        terminal: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    main, program = terminal
    before = termios.tcgetattr(program)
    assert echoes(program)
    with os.fdopen(os.dup(program)) as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        with pytest.raises(RuntimeError), keys_unechoed():
            assert not echoes(program)
            os.write(main, b"2r")
            assert not _read(main, 0.2), "nothing echoed"
            raise RuntimeError("the app failed")
    assert termios.tcgetattr(program) == before


def test_without_a_terminal_nothing_happens(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    with (tmp_path / "input").open("w+") as stdin:
        monkeypatch.setattr(sys, "stdin", stdin)
        with keys_unechoed():
            pass


def test_keys_typed_as_the_app_starts_are_not_echoed(terminal: tuple[int, int],
                                                     database: Path) -> None:
    """`raci edit` in a real terminal: letters typed as soon as the app has
    switched echo off are not on the screen before the app's own screen,
    and once it quits the terminal echoes again, as it did before."""
    main, program = terminal
    before = termios.tcgetattr(program)
    process = subprocess.Popen([sys.executable, "-m", "raci", "edit", str(database)],
                               stdin=program, stdout=program, stderr=program,
                               env=os.environ | {"TERM": "xterm-256color"},
                               start_new_session=True)
    output = b""
    while echoes(program):
        output += _read(main, 0.005)
        assert process.poll() is None, output
    os.write(main, b"xyz")
    for _ in range(500):  # until the app's screen is drawn
        output += _read(main, 0.02)
        if b"\x1b[?1049h" in output and b"Explorer" in output:
            break
    os.write(main, b"\x11")  # ctrl+q
    assert process.wait(20) == 0
    output += _read(main, 0.2)
    assert b"xyz" not in output.split(b"\x1b[?1049h")[0]
    assert termios.tcgetattr(program) == before


def _read(fd: int, wait: float) -> bytes:
    """What the program wrote to the terminal within `wait` seconds."""
    read = b""
    deadline = time.monotonic() + wait
    while (left := deadline - time.monotonic()) > 0 and select.select([fd], [], [], left)[0]:
        read += os.read(fd, 65536)
    return read
