"""No untranslated text on the app's screens: every screen and modal a user
opens, read in the pseudo-language (`tests.pseudo_language`), where every
translated text stands between markers. A word outside them that is not the
model's own data was never translated: the test names it and the screen.

A screen shows the model's names cut to their column ("Programmaraad VE…",
"├── Werkgroep Isolat█"), and keys before what they do ("n ⟦Nieuw⟧"): a
piece of a name where a column cuts it, and a key right before a
translated text, are data too; anything else is not."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from apphelp import loaded, screen_text, until
from conftest import SAMPLE
from textual.binding import Binding
from textual.pilot import Pilot
from textual.theme import BUILTIN_THEMES

from raci.formats.files import read_model
from raci.i18n import _, set_language
from raci.importing import import_file
from raci.lint.review import login_name
from raci.model.entities import NOT_RECORDED_FACTS
from raci.tui import RaciApp, make_app
from raci.tui.language import app_classes, translate_bindings
from raci.tui.widgets.diagram import DiagramView
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.findings import FindingsView
from raci.vocabulary import KIND_TITLES, VIEW_NAMES
from tests.pseudo_language import (
    CLOSE,
    OPEN,
    file_words,
    identifiers,
    leftover,
    model_words,
    speak_pseudo,
)
from tests.test_tui_language import WALK, Step, open_first, press

CUT = "█▕▏│…▐▌▀▁▂▃▄▅▆▇"
"""What a screen draws where it cuts a name: an ellipsis, a scroll bar, a frame."""



@pytest.fixture(autouse=True)
def rule_docs_read_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' documentation as the pseudo-language says it: not as a test
    before, in the same process, had it translated into Dutch (raci keeps a
    rule's translated documentation per language, not per catalogue)."""
    from raci.lint import ruledoc

    monkeypatch.setattr(ruledoc, "_TRANSLATED", {})


def key_names(app: RaciApp) -> set[str]:
    """Every key of the app as its screens show them: ``n``, ``^z``, ``esc``, ``ctrl+z``."""
    keys = {key.strip() for cls in app_classes()
            for binding in cls._merge_bindings().key_to_bindings
            for key in binding.split(",")}
    return keys | {app.get_key_display(Binding(key, "")) for key in keys}


def data_pieces(data: set[str]) -> set[str]:
    """The words of the model's texts, each whole."""
    return data | {piece for text in data for piece in re.findall(r"\w+", text)}


def screen_words(text: str, data: set[str], keys: set[str]) -> list[str]:
    """The untranslated words of a screen, each with the lines it is on."""
    assert OPEN in text, "nothing was translated: the pseudo-language is not in use"
    pieces = data_pieces(data) | identifiers()

    def key(match: re.Match[str]) -> str:
        parts = match.group(1).replace(",", " ").split()
        return " " if all(part in keys for part in parts) else match[0]

    def cut(match: re.Match[str]) -> str:
        word = match.group(0).strip("().,'")
        return " " if any(word in piece for piece in pieces) else match[0]

    text = re.sub(r"▐X[▌…]", " ", text)  # a ticked box
    # A translated text a modal covers the start of: "█  than⟧ 60".
    text = re.sub(rf"(?<=[{CUT}])[^{OPEN}{CLOSE}{CUT}\n]*{CLOSE}", " ", text)
    text = re.sub(rf"(?<![^\s{CUT}])([^\s{OPEN}{CLOSE}{CUT}]+(?:,? [^\s{OPEN}{CLOSE}]+)*)"
                  rf"(?=\s+{OPEN})", key, text)
    text = re.sub(rf"(?:(?<=[{CUT}])|(?<=[{CUT}] ))[^\s{CUT}{OPEN}{CLOSE}]+"
                  rf"|[^\s{CUT}{OPEN}{CLOSE}]+(?=\s?[{CUT}]|\s\s|\s?$)", cut, text, flags=re.M)
    words = sorted(set(leftover(text, pieces)))
    return [f"{word}: " + " | ".join(line.strip() for line in text.splitlines()
                                     if re.search(rf"(?<!\w){word}(?!\w)", line))[:300]
            for word in words]


# ---- the walk, after the one of tests/test_tui_language.py ---------------------------


async def each_kind(pilot: Pilot[None]) -> None:
    await press(pilot, "escape", "escape", "1")
    for kind in KIND_TITLES:
        await open_first(pilot, KIND_TITLES[kind])


def kinds_walk() -> Iterator[tuple[str, Step]]:
    """Each kind's first entity in the explorer, its edit form, and the add form."""
    for kind in KIND_TITLES:
        async def show(pilot: Pilot[None], kind: str = kind) -> None:
            await press(pilot, "escape", "escape", "1")
            await open_first(pilot, KIND_TITLES[kind])

        async def add(pilot: Pilot[None], kind: str = kind) -> None:
            await press(pilot, "escape")
            pilot.app.query_one(ExplorerView).action_add(kind)
            await press(pilot)

        yield f"a {kind}", show
        yield f"{kind}: edit form", lambda p: press(p, "e")
        yield f"{kind}: add form", add


def diagram_walk() -> Iterator[tuple[str, Step]]:
    """The diagram view with each view chosen, previewing a body's neighbourhood."""
    for view in VIEW_NAMES:
        async def show(pilot: Pilot[None], view: str = view) -> None:
            await press(pilot, "escape", "escape", "4")
            diagram = pilot.app.query_one(DiagramView)
            diagram.query_one("#diagram-name").value = view  # type: ignore[attr-defined]
            diagram.query_one("#diagram-focus").value = "pr-vego"  # type: ignore[attr-defined]
            await press(pilot)

        yield f"diagram: {view}", show


async def related_lines(pilot: Pilot[None]) -> None:
    """The findings view on a finding that concerns other entities (→ related)."""
    app = pilot.app
    assert isinstance(app, RaciApp)
    await press(pilot, "escape", "escape", "3")
    finding = next(f for f in app.findings if f.related and not f.waived)
    app.query_one(FindingsView).show_finding(finding)
    await press(pilot, "down")


async def palette(pilot: Pilot[None]) -> None:
    await press(pilot, "escape", "escape", "ctrl+p")
    await until(pilot, lambda: "CommandPalette" in type(pilot.app.screen).__name__,
                "the command palette")
    await press(pilot)


async def theme_picker(pilot: Pilot[None]) -> None:
    """The palette's theme command, as a user chooses it: Textual's own theme picker."""
    app = pilot.app
    await press(pilot, "escape", "escape")
    (theme,) = [c for c in app.get_system_commands(app.screen) if c.title == _("Theme")]
    theme.callback()
    await until(pilot, lambda: "CommandPalette" in type(app.screen).__name__, "the theme picker")
    await press(pilot)


async def nothing_to_undo(pilot: Pilot[None]) -> None:
    await press(pilot, "escape", "escape", "1", "ctrl+z")


EXTRA: list[tuple[str, Step]] = [
    *kinds_walk(), *diagram_walk(),
    ("related", related_lines),
    ("palette", palette),
    ("palette: scenario", lambda p: press(p, *"scen")),
    ("theme picker", theme_picker),
    ("nothing to undo", nothing_to_undo),
]


async def walk(database: Path, steps: list[tuple[str, Step]]) -> tuple[dict[str, str], set[str]]:
    """Each step's screen, and the app's keys as shown."""
    shown: dict[str, str] = {}
    try:
        async with make_app(database).run_test(size=(140, 45)) as pilot:
            app = await loaded(pilot)
            for name, step in steps:
                await step(pilot)
                shown[name] = screen_text(app)
            keys = key_names(app)
    finally:
        set_language("en")
        translate_bindings()
    return shown, keys


SUGGESTED = ("suggestions", "review")
"""Screens that show the suggestions' summaries and reasons ("make X the
Accountable of Y"), which the command line's helper (branch nlcli) translates
where they are made."""


@pytest.fixture(scope="module")
def shown(pseudo_folder: Path, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, list[str]]:
    """Each screen of the walk, by name -> its untranslated words."""
    database = tmp_path_factory.mktemp("app") / "vego.db"
    import_file(SAMPLE, str(database))
    steps = [(name, step) for name, step, _expected in WALK] + EXTRA
    with pytest.MonkeyPatch.context() as patch:
        from raci.lint import ruledoc

        patch.setattr(ruledoc, "_TRANSLATED", {})  # see rule_docs_read_anew
        speak_pseudo(patch, pseudo_folder)
        screens, keys = asyncio.run(walk(database, steps))
    data = model_words(read_model(SAMPLE).model) | file_words(database) | {
        login_name(),  # the review's minutes taker
        "scen",  # typed in the palette
        "drawing",  # the diagram's file name as it is offered: drawing.svg
        *BUILTIN_THEMES,  # the themes' names, in the theme picker
    }
    return {name: screen_words(text, data, keys) for name, text in screens.items()}


def test_every_screen(shown: dict[str, list[str]]) -> None:
    assert len(shown) > 40
    found = {name: words for name, words in shown.items() if words and name not in SUGGESTED}
    assert found == {}


def test_the_screens_with_suggestions(shown: dict[str, list[str]]) -> None:
    assert {name: shown[name] for name in SUGGESTED if shown[name]} == {}


async def test_a_fact_not_recorded(fact_not_recorded: Path, pseudo: None) -> None:
    """DAT001's finding and the screen enter opens on it."""
    async def fact(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, RaciApp)
        await press(pilot, "3")
        app.query_one(FindingsView).show_finding(
            next(f for f in app.findings if f.code == "DAT001"))
        await press(pilot, "enter")

    shown, keys = await walk(fact_not_recorded, [("fact", fact)])
    model = read_model(fact_not_recorded.with_name("warmte.yaml")).model
    # The rules not run, "STR005 (success_criteria not recorded)", are said by
    # raci.lint.output (branch names): not this walk's.
    text = re.sub(r"\(\w+ not recorded\)", " ", shown["fact"])
    facts = set(NOT_RECORDED_FACTS)  # the model file's keys: "add `chairs` to `org.not_recorded`"
    words = model_words(model) | file_words(fact_not_recorded) | facts
    assert screen_words(text, words, keys) == []
