"""An edit the database would not take: off the screen and the undo history.

Another process holds the database's write lock longer than the store waits
(a real SQLite lock, the wait cut short): the save fails, the app says so in
the user's language and shows the model as the database holds it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from apphelp import NO_POLLING, adding, fill, loaded, pressed_on, said, stored, until
from textual.pilot import Pilot

from raci.model import Assignment
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store
from raci.tui import make_app
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import ModelTree

WAIT = 0.2
"""How long the store waits for the lock here (5 s in use)."""


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("raci.store.engine.BUSY_TIMEOUT_SECONDS", WAIT)


@contextmanager
def kept_busy(path: Path) -> Iterator[None]:
    """Another process in the middle of a write: nobody else may write."""
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE org SET name = name")
        yield
        other.execute("ROLLBACK")


async def test_a_letter_not_saved_goes_off_the_screen_and_the_undo_history(
        database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2", "right", "i")  # g.klimaat × dg-bw
        await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                    "the first letter saved")
        with kept_busy(database):
            await pilot.press("c")
            await until(pilot, lambda: len(said(app)) == 1, "the failure said")
        assert said(app) == [
            f"{database}: een ander proces hield de database langer dan {WAIT} s bezet; probeer "
            "het opnieuw. Je wijziging is niet opgeslagen (C voor Directeur-Generaal Bouwen en "
            "Wonen (dg-bw) op Klimaatdoelen gebouwde omgeving (g.klimaat)); het scherm toont "
            "wat de database bevat."]
        assert app.session is not None
        assert app.session.model.letters_of("g.klimaat", "dg-bw") == ("I",)
        assert stored(database).letters_of("g.klimaat", "dg-bw") == ("I",)
        assert len(app.session.undo_stack) == 1  # the I, which was saved
        await pilot.press("ctrl+z")
        await until(pilot, lambda: not stored(database).letters_of("g.klimaat", "dg-bw"),
                    "the I undone")
        assert not app.session.model.letters_of("g.klimaat", "dg-bw")
        assert not any("Ongedaan maken geweigerd" in text or "Niet ongedaan" in text
                       for text in said(app))


async def store_opened(pilot: Pilot[None], database: Path) -> None:
    """A first letter saved from the matrix (so the store is open), then back to the explorer."""
    await pilot.press("2", "right", "i")
    await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                "the first letter saved")
    await pilot.press("1")
    await pilot.pause()


async def test_a_new_unit_not_saved_is_not_left_in_the_tree(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await store_opened(pilot, database)
        form = await adding(pilot, app, "unit")
        fill(form, name="Test Eenheid")
        await pilot.pause(0.3)
        with kept_busy(database):
            await pilot.press("ctrl+s")
            await until(pilot, lambda: any("was not saved" in text for text in said(app)),
                        "the failure said")
        assert app.session is not None
        assert not [u for u in app.session.model.units.values() if u.name == "Test Eenheid"]
        await pilot.pause()
        tree = app.query_one(ModelTree)
        shown = [str(node.label) for node in tree.root.children]
        assert shown and not any("Test Eenheid" in str(node.label)
                                 for kind in tree.root.children for node in kind.children)
        assert [e.summary for e in app.session.undo_stack] == [
            app.session.undo_stack[0].summary]  # the letter alone
        assert "Test Eenheid" not in str(stored(database).units)


async def test_an_edit_refused_for_another_process_s_change_says_why_in_dutch(
        database: Path, in_dutch: None) -> None:
    async with make_app(database, poll_seconds=NO_POLLING).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        with open_store(database_url(str(database))) as other:
            other.load()
            other.save(Change(assign=[Assignment("g.klimaat", "R", "dg-bw")]))
        await pilot.press("2", "right", "c")  # the same cell
        await until(pilot, lambda: any("niet behouden" in text for text in said(app)),
                    "the refusal")
        assert ("Je wijziging is niet behouden: de toewijzing van Directeur-Generaal Bouwen en "
                "Wonen (dg-bw) aan Klimaatdoelen gebouwde omgeving (g.klimaat) is door iemand "
                "anders gewijzigd sinds je het model laadde") in said(app)


@pytest.mark.parametrize(("language", "words"), [
    ("en", "Your edit of role Directeur-Generaal Bouwen en Wonen (dg-bw) was not saved; the "
           "screen shows what the database holds."),
    ("nl", "Je wijziging aan rol Directeur-Generaal Bouwen en Wonen (dg-bw) is niet opgeslagen; "
           "het scherm toont wat de database bevat."),
])
async def test_a_form_not_saved_names_what_was_not_saved_not_a_save(
        database: Path, language: str, words: str, request: pytest.FixtureRequest) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await store_opened(pilot, database)
        await pressed_on(pilot, app, "dg-bw", "e")
        assert isinstance(app.screen, EntityForm)
        fill(app.screen, holders="p.jansen, p.smit")
        await pilot.pause(0.3)
        with kept_busy(database):
            await pilot.press("ctrl+s")
            await until(pilot, lambda: len(said(app)) == 1, "the failure said")
        assert said(app)[0].endswith(words)
        assert "Saved" not in said(app)[0] and "opgeslagen (" not in said(app)[0]
