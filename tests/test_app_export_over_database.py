"""The app's diagram export never writes over a database: a file name, or
a link, naming one (the model the app has open included) is refused with a
notice, and the database stays byte for byte as it was."""

from __future__ import annotations

import hashlib
from pathlib import Path

from apphelp import loaded, said, until
from textual.widgets import Input

from raci.tui import make_app


async def test_a_drawing_is_not_saved_over_the_open_database(database: Path,
                                                             tmp_path: Path) -> None:
    link = tmp_path / "org.svg"
    link.symlink_to(database)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("4")
        app.query_one("#diagram-file", Input).value = str(link)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("SQLite database" in line for line in said(app)),
                    "the refusal")
        assert said(app)[-1] == (f"{link} is a SQLite database: writing there would lose it; "
                                 "name another file")
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert link.is_symlink()
