"""The app keeps SQLite's locks on its model while its Scenarios list opens
the file again (a store of the list's own, in a thread).

Opening the file with Python's open() to look at it, and closing it, dropped
every lock the process held on it, SQLite's too
(sqlite.org/howtocorrupt.html, 2.2): a `raci assign` from another shell then
deleted the WAL under the app, whose edits nobody saw any more.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from apphelp import NO_POLLING, loaded, options, until

from raci.model import Assignment
from raci.model.changes import Change
from raci.tui import make_app
from raci.tui.messages import ChangeRequested
from raci.tui.screens.scenarios import ScenariosScreen

LETTERS = "SELECT letter FROM assignment WHERE item = ? AND actor = ? ORDER BY letter"

# What another process sees of a cell: plain SQLite, no raci.
LETTERS_ELSEWHERE = ("import sqlite3, sys; print(''.join(l for (l,) in sqlite3.connect("
                     f"sys.argv[1]).execute({LETTERS!r}, sys.argv[2:])))")


def letters(database: Path, item: str, actor: str) -> str:
    """The letters of a cell, read here through a connection of SQLite's own."""
    with closing(sqlite3.connect(database)) as reading:
        return "".join(letter for (letter,) in reading.execute(LETTERS, (item, actor)))


def letters_elsewhere(database: Path, item: str, actor: str) -> str:
    """The letters of a cell, as another process reads them."""
    return subprocess.run([sys.executable, "-c", LETTERS_ELSEWHERE, str(database), item, actor],
                          capture_output=True, text=True, check=True).stdout.strip()


async def test_the_scenarios_list_keeps_the_app_s_locks_on_its_model(database: Path) -> None:
    app = make_app(database, poll_seconds=NO_POLLING)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "right", "i")  # g.klimaat × dg-bw: the app's store is open
        await until(pilot, lambda: letters(database, "g.klimaat", "dg-bw") == "I",
                    "the first letter saved")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and options(app, "#scenarios-list"), "the scenarios")
        await pilot.press("escape")
        assigned = subprocess.run(
            [sys.executable, "-m", "raci", "assign", str(database), "i.isolatie", "A", "sg-bzk"],
            capture_output=True, text=True)
        assert assigned.returncode == 0, assigned.stderr
        assert Path(f"{database}-wal").exists()
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("g.klimaat", "C", "kwartiermaker")]), "", quiet=True))
        await until(pilot, lambda: letters(database, "g.klimaat", "kwartiermaker") == "C",
                    "the second letter saved")
        assert letters_elsewhere(database, "g.klimaat", "kwartiermaker") == "C"
        assert letters_elsewhere(database, "i.isolatie", "sg-bzk") == "A"
