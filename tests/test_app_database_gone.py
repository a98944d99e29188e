"""The database file removed or replaced while the app has it open.

The app's connections keep the old file open: saves would go on into a
file nobody will open again, and quitting would lose them all without a
word. The app notices (before each save, and on its idle look for other
processes' changes), goes read-only and says why.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from apphelp import NO_POLLING, loaded, said, stored, until
from textual.pilot import Pilot

from raci.tui import RaciApp, make_app


def removed(database: Path) -> None:
    """`rm org.db org.db-wal org.db-shm`, as in another shell."""
    for path in (database, *database.parent.glob(f"{database.name}-*")):
        path.unlink()


async def first_letter_saved(pilot: Pilot[None], database: Path) -> RaciApp:
    """The app with a letter saved from the matrix (so its store is open)."""
    app = await loaded(pilot)
    await pilot.press("2", "right", "i")  # g.klimaat × dg-bw
    await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                "the first letter saved")
    return app


async def test_a_removed_database_makes_the_app_read_only_at_the_next_letter(
        database: Path, in_dutch: None) -> None:
    async with make_app(database, poll_seconds=NO_POLLING).run_test(size=(120, 40)) as pilot:
        app = await first_letter_saved(pilot, database)
        removed(database)
        await pilot.press("down", "r")
        await until(pilot, lambda: app.read_only, "the app to go read-only")
        assert app.sub_title.startswith("alleen-lezen: opslaan lukt niet · "), app.sub_title
        assert said(app)[-1] == (
            f"{database} is verwijderd sinds de app het opende. Wijzigingen die nog niet waren "
            f"opgeslagen zijn verloren, en de app is nu alleen-lezen: sluit af (q) en open "
            f"{database} opnieuw zodra het weer gelezen en geschreven kan worden."), said(app)
        await pilot.press("c")
        await pilot.pause()
        assert said(app)[-1].startswith("Er kan niets worden gewijzigd"), said(app)[-1]
    assert not database.exists()  # nothing made anew in its place


async def test_a_replaced_database_is_noticed_while_the_app_is_idle(
        database: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    shutil.copy(database, other)
    async with make_app(database, poll_seconds=0.1).run_test(size=(120, 40)) as pilot:
        app = await first_letter_saved(pilot, database)
        removed(database)
        shutil.copy(other, database)
        await until(pilot, lambda: app.read_only, "the app to go read-only")
        assert app.sub_title.startswith("read-only: cannot save · "), app.sub_title
        assert said(app)[-1].startswith(
            f"{database} was replaced by another file since it was opened. Changes not yet "
            "saved are lost"), said(app)[-1]
        await pilot.press("c")
        await pilot.pause()
    assert not stored(database).letters_of("g.klimaat", "dg-bw")  # the copy, untouched
