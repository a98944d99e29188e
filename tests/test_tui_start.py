"""The app's start: the first model is read straight from its SQLite file
(`raci.store.reading.read_file`), shown and linted, and only then is the
store opened (with SQLAlchemy) to save into it.

What the fast read gives must be the model the store gives, with the
findings `raci lint` finds; an edit made at once is saved; and another
process's write between the read and the store's opening is still caught.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import Counter
from contextlib import closing
from pathlib import Path

import pytest
from apphelp import loaded, said, stored, until
from conftest import Raci

from raci.formats import read_model, write_model
from raci.generate import generate_model
from raci.importing import import_file
from raci.model import Assignment, Model, Org
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store
from raci.store.reading import Loaded, read_file
from raci.tui import make_app, places
from raci.tui.messages import ChangeRequested
from raci.tui.widgets.matrix import RaciMatrix


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Model, Path]:
    """A small generated organisation (every kind and field, waivers too), in a database."""
    folder = tmp_path_factory.mktemp("start")
    write_model(generate_model("small"), folder / "small.yaml")
    import_file(folder / "small.yaml", str(folder / "small.db"))
    return read_model(folder / "small.yaml").model, folder / "small.db"


def test_the_fast_read_gives_the_model_the_store_loads(generated: tuple[Model, Path]) -> None:
    model, path = generated
    loaded = read_file(path)
    assert loaded is not None
    with open_store(database_url(str(path))) as store:
        assert loaded.model == store.load() == model
        assert loaded.revision == store.known_revision
    assert model.waivers and loaded.model.waivers == model.waivers


def test_the_fast_read_leaves_to_the_store_what_only_it_can_open(tmp_path: Path) -> None:
    """A file of an older schema, for the store to migrate; a file that is no
    model, or none, for the store to refuse in words."""
    older = tmp_path / "older.db"
    with open_store(database_url(str(older)), create=True, model=Model(Org("Ouder"))):
        pass
    assert read_file(older) is not None
    with closing(sqlite3.connect(older)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0005'")
    assert read_file(older) is None
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    assert read_file(tmp_path / "notes.db") is None
    assert read_file(tmp_path / "absent.db") is None


async def test_the_first_screen_counts_the_findings_raci_lint_finds(
        generated: tuple[Model, Path], raci: Raci) -> None:
    _, path = generated
    report = json.loads(raci("lint", path, "--format", "json", "--fail-on", "never").out)
    expected = Counter("waived" if f["waived"] else f["level"] for f in report["findings"])
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert +app.index.counts == expected
        assert app.sub_title.startswith(f"{expected['error']} errors")


async def test_an_edit_made_at_once_is_saved(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session is not None, "the model")
        app.post_message(ChangeRequested(Change(assign=[Assignment("g.klimaat", "I", "dg-bw")]),
                                         "", quiet=True))
        await until(pilot, lambda: stored(database).letters_of("g.klimaat", "dg-bw") == ("I",),
                    "the letter saved")


async def test_a_write_between_the_first_read_and_the_store_is_caught(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process writes right after the app read the file, before its
    store is open: the app reloads, and the user's edit goes on top of theirs."""
    def read_then_another_writes(path: Path) -> Loaded | None:
        first = read_file(path)
        with open_store(database_url(str(path))) as other:
            other.load()
            other.save(Change(assign=[Assignment("g.klimaat", "C", "dg-bw")]))
        return first

    monkeypatch.setattr(places, "read_file", read_then_another_writes)
    app = make_app(database, poll_seconds=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session is not None, "the model")
        assert app.session is not None and app.session.model.letters_of(
            "g.klimaat", "dg-bw") == (), "the app shows what it read, before their write"
        app.post_message(ChangeRequested(Change(assign=[Assignment("i.isolatie", "I", "dg-bw")]),
                                         "", quiet=True))
        await until(pilot, lambda: any("Another process" in text for text in said(app)),
                    "the reload")
        await until(pilot, lambda: stored(database).letters_of("i.isolatie", "dg-bw") == ("I",),
                    "the user's edit saved")
        assert stored(database).letters_of("g.klimaat", "dg-bw") == ("C",)
        assert app.session.model.letters_of("g.klimaat", "dg-bw") == ("C",)


def test_sqlalchemy_waits_until_the_findings_are_shown(database: Path) -> None:
    """In a process of its own (this one has SQLAlchemy already): the store,
    and SQLAlchemy with it, is first imported once the header counts findings."""
    script = """
import asyncio, sys
from raci.tui import make_app

seen = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "sqlalchemy" and not seen:
            seen.append(app.sub_title)

sys.meta_path.insert(0, Watch())
app = make_app(sys.argv[1])

async def run():
    async with app.run_test(size=(120, 40)) as pilot:
        while not seen:
            await pilot.pause(0.02)
    print(seen[0])

asyncio.run(run())
"""
    shown = subprocess.run([sys.executable, "-c", script, str(database)], capture_output=True,
                           text=True, timeout=60, check=True).stdout.strip()
    assert "error" in shown and "…" not in shown, shown


async def test_a_store_that_cannot_be_opened_after_the_first_read_makes_the_app_read_only(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is replaced by something that is no database right after the
    app read it: the model stays on screen, the app says it cannot save and
    why, and refuses every edit instead of queueing it for a save that never
    comes."""
    def read_then_replaced(path: Path) -> Loaded | None:
        first = read_file(path)
        path.write_text("not a database any more", encoding="utf-8")
        return first

    monkeypatch.setattr(places, "read_file", read_then_replaced)
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.read_only, "the app to go read-only")
        assert app.title == "Programma Warmte"
        assert app.sub_title.startswith("read-only: cannot save · ") and "error" in app.sub_title
        told = said(app)[-1]
        assert told.startswith(str(database)) and told.endswith(
            f"Changes not yet saved are lost, and the app is read-only now: quit (q) and open "
            f"{database} again once it can be read and written."), told
        await pilot.press("2")
        await until(pilot, lambda: app.query_one(RaciMatrix).model is not None, "the matrix")
        await pilot.press("right", "i")
        await pilot.pause()
        assert said(app)[-1] == (f"Nothing can be changed: {database} cannot be saved into. "
                                 "Quit (q) and open it again once it can.")
        assert app.session is not None and not app.session.undo_stack
        assert app._saves.empty()
