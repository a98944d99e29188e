"""What `raci diagram --split` says while it cuts a large view into parts:
on a terminal, one line rewritten in place, from a second on, wiped when
the parts are found; in a pipe or a log, nothing. On a real pseudo-terminal.

`fits_page` here counts nodes instead of laying parts out (the split is the
same, and cheap), and waits for the line to show before the first try: a
split of a large view takes minutes, this one a moment.
"""

from __future__ import annotations

import os
import pty
import select
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import Raci
from test_split_parts import many_small_units

from raci.cli import diagram_commands, main
from raci.export import render
from raci.export.graph import View
from raci.formats import write_model


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """Forty small units, cut into parts of at most twenty roles."""
    path = tmp_path / "units.yaml"
    write_model(many_small_units(40), path)
    return path


@pytest.fixture
def terminal() -> Iterator[tuple[int, int]]:
    """(the terminal's side, the program's side) of a new pseudo-terminal."""
    main_side, program = pty.openpty()
    yield main_side, program
    os.close(main_side)
    os.close(program)


def few_nodes(shown: Callable[[], bool]) -> Callable[[object, float], Callable[[View], bool]]:
    """A `fits_page` whose first try waits until `shown()` says the line is there."""
    def fits_page(page: object, timeout: float) -> Callable[[View], bool]:
        def fits(part: View) -> bool:
            assert shown(), "the line was not shown"
            return len(part.nodes) <= 20
        return fits
    return fits_page


def said(terminal_side: int, wait: float) -> bytes:
    """What the program wrote to the terminal, waiting up to `wait` seconds for it."""
    written = b""
    while select.select([terminal_side], [], [], wait)[0]:
        written += os.read(terminal_side, 65536)
        wait = 0
    return written


@pytest.mark.parametrize(("language", "words"), [
    ("en", "raci: cutting the org view into parts"),
    ("nl", "raci: de weergave organisatie wordt in delen geknipt")])
def test_a_terminal_is_told_how_far_the_cutting_is_on_one_line(
        model: Path, tmp_path: Path, terminal: tuple[int, int], language: str, words: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    terminal_side, program = terminal
    seen = b""

    def shown() -> bool:
        nonlocal seen
        while words.encode() not in seen and (more := said(terminal_side, 10.0)):
            seen += more
        return words.encode() in seen

    monkeypatch.setattr(diagram_commands, "SAID_AFTER", 0.01)
    monkeypatch.setattr(render, "fits_page", few_nodes(shown))
    with os.fdopen(os.dup(program), "w", encoding="utf-8") as stderr:
        monkeypatch.setattr("sys.stderr", stderr)
        with pytest.raises(SystemExit) as stopped:
            main(["diagram", str(model), "--view", "org", "--split", "unit", "--lang", language,
                  "-o", str(tmp_path / "org.dot")])
        stderr.flush()
    assert stopped.value.code in (0, None)
    text = (seen + said(terminal_side, 0.5)).decode()
    cutting = next(line for line in text.split("\r\n") if words in line).split("\r")
    assert cutting[0] == ""  # each rewrite starts at the line's beginning
    assert cutting[1].startswith(words) and cutting[1].endswith("…\x1b[K")
    made = [line for line in cutting[2:-1] if line]
    assert made and all(line.startswith(words + ": ") for line in made)
    counted = [int(line.removeprefix(words + ": ").split()[0]) for line in made]
    assert counted == list(range(1, len(counted) + 1))
    wiped, then = cutting[-1][:3], cutting[-1][3:]
    assert wiped == "\x1b[K" and words not in then  # what comes next is said in its place
    assert len(list(tmp_path.glob("org-*.dot"))) == counted[-1]


def test_a_pipe_is_not_told(model: Path, tmp_path: Path, raci: Raci,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagram_commands, "SAID_AFTER", 0.0)
    monkeypatch.setattr(render, "fits_page", few_nodes(lambda: True))
    done = raci("diagram", model, "--view", "org", "--split", "unit", "-o", tmp_path / "org.dot")
    assert done.code == 0, done.err
    assert "cutting" not in done.err and "\r" not in done.err
    assert done.err.splitlines()[-1].startswith("wrote ")
