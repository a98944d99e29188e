"""The app's start: the first model is read straight from its SQLite file
(`raci.store.reading.read_file`), shown and linted, and only then is the
store opened (with SQLAlchemy) to save into it.

What the fast read gives must be the model the store gives, with the
findings `raci lint` finds; an edit made at once is saved; and another
process's write between the read and the store's opening is still caught.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from apphelp import loaded, said, stored, until
from conftest import Raci

from raci.formats import read_model, write_model
from raci.generate import generate_model
from raci.importing import import_file
from raci.lint import LintConfig
from raci.lint.engine import LintResult, lint_model, lint_source
from raci.model import Assignment, Model, Org
from raci.model.changes import Change
from raci.model.source import ModelSource
from raci.source import database_url
from raci.store import open_store
from raci.store.reading import Loaded, read_file
from raci.tui import first_findings, make_app, places, session
from raci.tui.first_findings import FirstFindings
from raci.tui.messages import ChangeRequested
from raci.tui.session import LintUpdate, Session
from raci.tui.widgets.matrix import RaciMatrix


@pytest.fixture(autouse=True)
def apart_at_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """These small files are linted apart too, as a national model is."""
    monkeypatch.setattr(first_findings, "SMALLEST_FILE", 0)


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


@pytest.mark.parametrize("child", ["lints", "fails"])
async def test_the_first_screen_shows_the_findings_raci_lint_finds(
        generated: tuple[Model, Path], raci: Raci, child: str,
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The first findings come from the process started with the app; when it
    fails (here: no interpreter to start it with), the app lints them itself.
    Either way they are `raci lint`'s, and the incremental linter made next
    finds the same."""
    model, path = generated[0], Path(shutil.copy(generated[1], tmp_path / "small.db"))
    report = json.loads(raci("lint", path, "--format", "json", "--fail-on", "never").out)
    expected = sorted((f["code"], f["level"], f["message"], tuple(f["targets"]), f["waived"])
                      for f in report["findings"])
    linted_here, updates = [], []

    def lint_here(*args: Any) -> LintResult:
        linted_here.append(args)
        return lint_source(*args)

    def lint_and_keep(self: Session) -> LintUpdate:
        updates.append(lint(self))
        return updates[-1]

    lint = Session.lint
    monkeypatch.setattr(session, "lint_source", lint_here)
    monkeypatch.setattr(Session, "lint", lint_and_keep)
    if child == "fails":
        monkeypatch.setattr(first_findings.sys, "executable", "/bin/false")
    async with make_app(path).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await until(pilot, lambda: len(updates) == 2, "the incremental linter")
        first, then = updates
        assert sorted((f.code, f.level, f.message, f.targets, f.waived)
                      for f in first.findings) == expected
        counts = Counter("waived" if waived else level for _, level, _, _, waived in expected)
        assert app.sub_title.startswith(f"{counts['error']} errors")
        assert len(linted_here) == (child == "fails")
        assert app.first_findings is not None and app.first_findings.process.returncode == (
            0 if child == "lints" else 1)
        assert first.anew and not first.shown
        assert then.anew and then.shown and then.findings == first.findings
        assert then.not_run == first.not_run
        await until(pilot, lambda: app.findings is then.findings, "the linter's findings kept")
        assert app.index.findings == then.findings
        assert all(a is b for a, b in zip(app.index.findings, then.findings, strict=True)), (
            "the app's index holds the linter's own findings, which its updates take out")
        app.post_message(ChangeRequested(second_accountable(model), "", quiet=True))
        await until(pilot, lambda: len(updates) == 3 and app.findings is updates[2].findings,
                    "the edit's findings")
        assert not updates[2].anew and app.index.findings == app.findings == lint_model(
            ModelSource("", app.session.model), app.session.config) != first.findings


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


@pytest.mark.parametrize("later", ["sqlalchemy", "rapidfuzz"])
def test_the_store_and_the_finder_wait_until_the_findings_are_shown(database: Path,
                                                                    later: str) -> None:
    """In a process of its own (this one has them already): the store, and
    SQLAlchemy with it, and the palette's finder, and rapidfuzz with it, are
    first imported once the header counts findings."""
    script = """
import asyncio, sys
from raci.tui import make_app

seen = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == sys.argv[2] and not seen:
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
    shown = subprocess.run([sys.executable, "-c", script, str(database), later],
                           capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    assert "error" in shown and "…" not in shown, shown


def test_the_review_suggestions_and_scenarios_wait_until_their_key(database: Path) -> None:
    """In a process of its own: the app shows its first findings without
    importing the screens that only a key opens (R, f, S), nor the review,
    suggestions and scenarios of the linter behind them; `R` imports its
    screen, its keys said in the app's language as every other screen's."""
    script = """
import asyncio, sys
from raci.i18n import speak
from raci.tui import make_app

LATER = ("raci.tui.screens.review", "raci.tui.screens.suggestions",
         "raci.tui.screens.scenarios", "raci.lint.review", "raci.lint.suggestions",
         "raci.lint.scenarios")
speak("nl")
app = make_app(sys.argv[1])

async def run():
    async with app.run_test(size=(120, 40)) as pilot:
        while app.session is None or app.sub_title.endswith("…"):
            await pilot.pause(0.02)
        print([name for name in LATER if name in sys.modules])
        await pilot.press("R")
        while type(app.screen).__name__ != "AnswerForm":  # who takes the minutes
            await pilot.pause(0.02)
        print(app.screen.active_bindings["enter"].binding.description)

asyncio.run(run())
"""
    done = subprocess.run([sys.executable, "-c", script, str(database)], capture_output=True,
                          text=True, timeout=60, check=True)
    assert done.stdout.splitlines() == ["[]", "Volgend veld, dan opslaan"], (
        done.stdout + done.stderr)


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


def test_the_process_started_with_the_app_lints_the_file_as_raci_lint(
        generated: tuple[Model, Path]) -> None:
    model, path = generated
    loaded = read_file(path)
    assert loaded is not None
    config = LintConfig()
    found = FirstFindings.start(path, "en")
    assert found is not None
    result = found.result(loaded.revision, config)
    assert result is not None and result.findings == lint_model(ModelSource("", model), config)
    assert found.process.returncode == 0
    for revision, other in ((loaded.revision + 1, config), (loaded.revision,
                                                              LintConfig(select=["OWN"]))):
        found = FirstFindings.start(path, "en")
        assert found is not None
        assert found.result(revision, other) is None, "findings of another model or config"


def test_the_process_started_with_the_app_leaves_nothing_behind(
        tmp_path: Path, generated: tuple[Model, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a model: no findings. The app quit at once, or the child took too
    long: it is ended. Either way it is waited for (no process left behind)."""
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    found = FirstFindings.start(tmp_path / "notes.db", "en")
    assert found is not None and found.result(0, LintConfig()) is None
    assert found.process.returncode == 1
    found = FirstFindings.start(generated[1], "en")
    assert found is not None
    found.stop()
    assert found.process.returncode is not None
    monkeypatch.setattr(first_findings, "WAIT_SECONDS", 0.001)
    found = FirstFindings.start(generated[1], "en")
    assert found is not None and found.result(0, LintConfig()) is None
    assert found.process.returncode == -signal.SIGKILL
    monkeypatch.setattr(first_findings.os, "sched_getaffinity", lambda pid: {0})
    assert FirstFindings.start(generated[1], "en") is None, "one core: the app lints itself"
    monkeypatch.undo()
    monkeypatch.setattr(first_findings, "SMALLEST_FILE", generated[1].stat().st_size + 1)
    assert FirstFindings.start(generated[1], "en") is None, "small: the app lints itself"


def second_accountable(model: Model) -> Change:
    """A second A on an item that has one: an edit that changes the findings."""
    held = next(a for a in model.assignments if a.letter == "A")
    other = next(p for p in model.people if p != held.actor)
    return Change(assign=[Assignment(held.item, "A", other)])


def test_an_edit_before_the_incremental_linter_is_made_gets_its_findings(
        generated: tuple[Model, Path]) -> None:
    """The first findings are linted once; an edit made before the next lint
    (which makes the incremental linter) is in that lint, and the edits after
    it are linted incrementally, each time the findings of the model as edited."""
    model, path = generated
    loaded = read_file(path)
    assert loaded is not None
    config = LintConfig()
    edit = Session(loaded.model, config)
    first = edit.lint()
    assert first.anew and first.findings == lint_model(ModelSource("", model), config)
    assert edit.linted_once()
    edit.apply(second_accountable(model))
    then = edit.lint()
    assert then.anew and not then.shown and not edit.linted_once()
    assert then.findings == lint_model(ModelSource("", edit.model), config) != first.findings
    edit.undo()
    assert edit.lint().findings == first.findings


def test_findings_linted_elsewhere_are_not_taken_for_an_edited_model(
        generated: tuple[Model, Path]) -> None:
    """An edit made before the first lint: the findings of the model as read
    (`Session.first`) are no longer its findings."""
    model, path = generated
    loaded = read_file(path)
    assert loaded is not None
    config = LintConfig()
    as_read = lint_source(ModelSource("", model), config)
    edit = Session(loaded.model, config, first=lambda: as_read)
    edit.apply(second_accountable(model))
    first = edit.lint()
    assert first.findings == lint_model(ModelSource("", edit.model), config) != as_read.findings
    assert not edit.linted_once(), "the incremental linter, made at once"
    unedited = Session(read_file(path).model, config, first=lambda: as_read)  # type: ignore[union-attr]
    assert unedited.lint().findings is as_read.findings


async def test_an_edit_made_before_the_first_findings_gets_its_own(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first findings take a while (as a national model's do): an edit
    made meanwhile is linted and saved, the findings those of the model with it."""
    linted = threading.Event()
    result = FirstFindings.result

    def slow_result(self: FirstFindings, *args: Any) -> LintResult | None:
        linted.wait(10)
        return result(self, *args)

    monkeypatch.setattr(FirstFindings, "result", slow_result)
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.session is not None, "the model")
        app.post_message(ChangeRequested(Change(assign=[Assignment("g.klimaat", "R", "dg-bw")]),
                                         "", quiet=True))
        await until(pilot, lambda: app.session is not None and app.session.undo_stack,
                    "the edit made")
        assert not app.findings
        linted.set()
        await until(pilot, lambda: stored(database).letters_of("g.klimaat", "dg-bw") == ("R",),
                    "the letter saved")
        await until(pilot, lambda: app.findings, "the findings")
        assert app.session is not None
        assert app.findings == lint_model(ModelSource("", stored(database)), app.session.config)
        assert app.first_findings is not None and app.first_findings.process.returncode == 0


async def test_keys_typed_while_loading_go_to_the_view_they_name(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`2` and `r` typed while the app says "loading…" (a national model
    takes a second): the matrix opens and `r` sets its first cell, once the
    model and its findings are on screen. The keys used to vanish."""
    read = threading.Event()

    def slow_read(path: Path) -> Loaded | None:
        read.wait(10)
        return read_file(path)

    monkeypatch.setattr(places, "read_file", slow_read)
    before = stored(database)
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "r")
        assert app.sub_title.startswith("loading")
        read.set()
        await until(pilot, lambda: app.query_one(RaciMatrix).cursor_cell is not None
                    and app.session is not None and app.session.undo_stack, "the letter set")
        assert app.query_one("#views").active == "matrix"
        item, actor = (e.id for e in app.query_one(RaciMatrix).cursor_cell)  # type: ignore[union-attr]
        assert before.letters_of(item, actor) != ("R",)
        await until(pilot, lambda: stored(database).letters_of(item, actor) == ("R",),
                    "the letter saved")


def slowed(monkeypatch: pytest.MonkeyPatch, name: str
           ) -> tuple[threading.Event, threading.Event, threading.Event]:
    """Make the session's class `name` (the linter, the palette's finder) take
    as long as a national model's, and more: its first instance is made once
    the test sets the second event (or after 5 s). The events: being made,
    go on, went on."""
    making, made, waited = threading.Event(), threading.Event(), threading.Event()
    made_slowly = getattr(session, name)

    class Slow(made_slowly):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            if not made.is_set():
                making.set()
                made.wait(5)
                waited.set()
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(session, name, Slow)
    return making, made, waited


async def test_a_letter_typed_while_the_incremental_linter_is_made_shows_at_once(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The incremental linter is made after the first findings are drawn (a
    second on a national model): a letter typed meanwhile is in the matrix at
    once, not when the linter is made, and its findings follow."""
    making, made, waited = slowed(monkeypatch, "Linter")
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, making.is_set, "the incremental linter being made")
        await pilot.press("2", "r")
        matrix = app.query_one(RaciMatrix)
        await until(pilot, lambda: app.session is not None and app.session.undo_stack,
                    "the letter set")
        assert not waited.is_set(), "the letter waited for the linter"
        item, actor = (e.id for e in matrix.cursor_cell)  # type: ignore[union-attr]
        assert app.session is not None
        assert app.session.model.letters_of(item, actor) == ("R",)
        made.set()
        await until(pilot, lambda: stored(database).letters_of(item, actor) == ("R",)
                    and app.findings == lint_model(ModelSource("", stored(database)),
                                                   LintConfig()), "the edit's findings")


async def test_the_first_save_finds_its_look_up_built(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The version of each cell, which a letter's save checks, is built
    while the first findings are read, not by the first save (60-90 ms of
    the first edit on a national model)."""
    read: list[Loaded] = []

    def kept_read(path: Path) -> Loaded | None:
        kept = read_file(path)
        if kept is not None:
            read.append(kept)
        return kept

    monkeypatch.setattr(places, "read_file", kept_read)
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: read and "assignments" in vars(read[0].versions),
                    "the cells' versions built")
        assert app.session is not None and not app.session.undo_stack


async def test_a_letter_typed_while_the_look_ups_are_built_shows_at_once(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first findings the app builds what the explorer and the
    palette read (a second on a national model): a letter typed meanwhile
    is in the matrix at once, and what was built for the model before that
    letter is not taken for the model after it."""
    making, made, waited = slowed(monkeypatch, "EntityFinder")
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, making.is_set, "the look-ups being built")
        await pilot.press("2")
        matrix = app.query_one(RaciMatrix)
        await until(pilot, lambda: matrix.cursor_cell is not None, "the matrix")
        item, actor = (e.id for e in matrix.cursor_cell)  # type: ignore[union-attr]
        assert app.session is not None
        letter = next(key for key in "rcia" if app.session.model.letters_of(item, actor)
                      != (key.upper(),))
        await pilot.press(letter)
        await until(pilot, lambda: app.session is not None and app.session.undo_stack,
                    "the letter set")
        assert not waited.is_set(), "the letter waited for the look-ups"
        made.set()
        await until(pilot, lambda: stored(database).letters_of(item, actor) == (letter.upper(),),
                    "the letter saved")
        await until(pilot, lambda: app.session is not None and not app.session._unlinted,
                    "the letter linted")
        await pilot.pause(0.2)
        held = [r for r in app.session.model.references_to(actor) if r.source == item]
        assert [r.field for r in held] == [f"raci.{letter.upper()}"]
