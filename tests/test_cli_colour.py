"""Colour in `raci lint`'s text output: on a terminal (a real pty), never in a
pipe or a file, and as NO_COLOR, FORCE_COLOR and --no-color ask."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect

RACI = str(Path(sys.executable).with_name("raci"))
MODEL = str(Path(__file__).parents[1] / "raci" / "sample_orgs" / "energietransitie.yaml")
WARNING = "\x1b[33m[warning]\x1b[0m"


def on_terminal(*args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    child = pexpect.spawn(RACI, ["lint", MODEL, *args], env={**environment, **env},
                          encoding="utf-8", timeout=60, dimensions=(40, 400))
    child.expect(pexpect.EOF)
    return child.before


def in_a_pipe(*args: str, **env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    return subprocess.run([RACI, "lint", MODEL, *args], env={**environment, **env},
                          capture_output=True, text=True, timeout=60).stdout


def test_a_terminal_gets_colour_unless_asked_not_to() -> None:
    coloured = on_terminal()
    assert WARNING in coloured and "\x1b[1mOWN004\x1b[0m" in coloured
    assert "\x1b[" not in on_terminal(NO_COLOR="1")
    assert "\x1b[" not in on_terminal("--no-color")


def test_a_pipe_gets_none_unless_forced(tmp_path: Path) -> None:
    plain = in_a_pipe()
    assert "\x1b[" not in plain and "[warning]" in plain
    assert WARNING in in_a_pipe(FORCE_COLOR="1")
    assert "\x1b[" not in in_a_pipe("--format", "json", FORCE_COLOR="1")
    in_a_pipe("-o", str(tmp_path / "lint.txt"), FORCE_COLOR="1")
    assert (tmp_path / "lint.txt").read_text(encoding="utf-8") == plain
