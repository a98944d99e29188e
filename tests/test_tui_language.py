"""The app in Dutch: every screen a user opens, read as the user reads it.

Each screen's text (what the terminal shows, footer and all) must hold no
English sentence of the catalogue and the Dutch words it should; the same
walk in English finds the English sentences, so the check can see them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import loaded, screen_text, until
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from conftest import SAMPLE
from textual.pilot import Pilot
from textual.widgets import Tree

from raci.i18n import LOCALE_DIR, set_language
from raci.importing import import_file
from raci.tui import RaciApp, make_app
from raci.tui.language import translate_bindings
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen
from raci.tui.screens.scenarios import ScenariosScreen
from raci.tui.screens.suggestions import SuggestionsScreen
from raci.tui.widgets.confirm import yes_key
from raci.tui.widgets.explorer import ModelTree
from raci.tui.widgets.findings import FindingsView
from raci.vocabulary import KIND_TITLES

Step = Callable[[Pilot[None]], Awaitable[None]]


@pytest.fixture(scope="module")
def dutch() -> Catalog:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "raci.po").open("rb") as text:
        return read_po(text, locale="nl")


@pytest.fixture
def vego_database(tmp_path: Path) -> Path:
    """The sample (`SAMPLE`) in a SQLite file, for the app."""
    database = tmp_path / "vego.db"
    import_file(SAMPLE, str(database))
    return database


def english_left(text: str, catalogue: Catalog) -> list[str]:
    """The catalogue's English texts of more than two words (those it
    translates to other words) found whole on one line of `text`."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    found = []
    for message in catalogue:
        if not isinstance(message.id, str) or message.id == message.string:
            continue
        for part in message.id.replace("[/]", "").split("{")[0].split("[b]"):
            words = " ".join(part.replace("[/b]", "").replace("[dim]", "").split())
            if len(words.split()) > 2 and any(words in line for line in lines):
                found.append(message.id)
    return found


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()


async def open_first(pilot: Pilot[None], title: str) -> None:
    """In the explorer: open a kind and choose its first entity."""
    tree = pilot.app.query_one(ModelTree)
    node = next(n for n in tree.root.children if str(n.label).startswith(title))
    node.expand()
    await pilot.pause()
    tree.move_cursor(node.children[0])
    await press(pilot, "enter")


async def waive_first_finding(pilot: Pilot[None]) -> None:
    tree: Tree[object] = pilot.app.query_one("#findings-tree", Tree)
    level = tree.root.children[0]
    level.expand()
    rule = level.children[0]
    rule.expand()
    await pilot.pause()
    tree.move_cursor(rule.children[0])
    await press(pilot, "w")


async def suggest_for_a_finding(pilot: Pilot[None]) -> None:
    """The findings view, the cursor on an ownerless initiative's finding, `f`."""
    app = pilot.app
    assert isinstance(app, RaciApp)
    await press(pilot, "escape", "3")
    finding = next((f for f in app.findings if f.code == "OWN001" and not f.waived),
                   next(f for f in app.findings if not f.waived))
    app.query_one(FindingsView).show_finding(finding)
    await press(pilot, "f")
    await until(pilot, lambda: isinstance(app.screen, SuggestionsScreen)
                and app.screen.suggestions is not None, "the suggestions, tried")
    await pilot.pause()


async def start_review(pilot: Pilot[None]) -> None:
    await press(pilot, "escape", "R")
    await until(pilot, lambda: isinstance(pilot.app.screen, AnswerForm), "the review's form")


async def first_review_finding(pilot: Pilot[None]) -> None:
    """The author as given (the login name), and the first finding on the table."""
    await press(pilot, "enter")
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy,
                "the first finding of the review")
    await pilot.pause()


async def scenarios(pilot: Pilot[None]) -> None:
    """The review paused, `S`, and the scenarios read."""
    await press(pilot, "escape", "S")
    app = pilot.app
    await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                and app.screen.query_one("#scenarios-list").option_count > 0,
                "the scenarios, read")
    await pilot.pause()


# Each screen: how to get there from the one before, and Dutch it must show.
WALK: list[tuple[str, Step, tuple[str, ...]]] = [
    ("explorer", lambda p: press(p), ("Verkenner", "Gremia (", "Open links een soort")),
    ("a body", lambda p: open_first(p, KIND_TITLES["body"]), ("gremium", "Relaties (",
                                                               "voorzitter")),
    ("keys", lambda p: press(p, "question_mark"), ("Toetsen", "Overal", "Volgend veld")),
    ("add form", lambda p: press(p, "escape", "n"), ("toevoegen", "Opslaan", "Annuleren")),
    ("discard", lambda p: press(p, "x", "escape"), ("Weggooien (j)", "Verder bewerken (n)")),
    ("organisation", lambda p: press(p, yes_key(), "o"), ("De organisatie", "peildatum",
                                                    "Niet vastgelegd")),
    ("rename", lambda p: press(p, "escape", "r"), ("hernoemen", "nieuw id")),
    ("delete", lambda p: press(p, "escape", "d"), ("Verwijderen (j)", "Houden (n)")),
    ("matrix", lambda p: press(p, "n", "2"), ("Bereik", "actoren", "Leegmaken")),
    ("scope", lambda p: press(p, "s"), ("Bereik van de matrix", "Het hele model")),
    ("search", lambda p: press(p, "escape", "slash"), ("typ om te zoeken",)),
    ("findings", lambda p: press(p, "escape", "3"), ("fouten", "uitzondering")),
    ("waiver", lambda p: waive_first_finding(p), ("reden", "verloopt", "auteur")),
    ("waivers", lambda p: press(p, "escape", "W"), ("Uitzonderingen",)),
    ("diagram", lambda p: press(p, "escape", "4"), ("gremia", "krijgt rapportage van",
                                                    "Opslaan als bestand", "Exporteren")),
    ("suggestions", suggest_for_a_finding, ("Voorstellen", "voor", "Doorvoeren")),
    ("review start", start_review, ("De bevindingen bespreken", "verslag door",
                                    "volgend veld")),
    ("review", first_review_finding, ("bevinding 1 van", "de grootste eerst", "aanvaarden",
                                      "verslag schrijven")),
    ("scenarios", scenarios, ("Scenario's", "Het model zelf", "Nieuw scenario",
                              "daarin bewerken")),
]


ENGLISH_SEEN = ("explorer", "keys", "suggestions", "review start", "review", "scenarios")
"""The screens the walk in English reads: the English the check must see,
each step of them reached from the one before as in `WALK` (the walk's
other screens, two thirds of its time, it need not show)."""


async def walk(database: Path, language: str, screens: tuple[str, ...] = ()) -> dict[str, str]:
    """Each screen's text, in `language`: every screen of `WALK`, or only `screens`."""
    set_language(language)
    shown: dict[str, str] = {}
    try:
        async with make_app(database).run_test(size=(140, 45)) as pilot:
            app = await loaded(pilot)
            for name, step, _expected in WALK:
                if screens and name not in screens:
                    continue
                await step(pilot)
                shown[name] = screen_text(app)
    finally:
        set_language("en")
        translate_bindings()  # the next app's keys in English again
    return shown


async def test_every_screen_of_the_app_in_dutch(vego_database: Path, dutch: Catalog) -> None:
    shown = await walk(vego_database, "nl")
    for name, _step, expected in WALK:
        text = shown[name]
        assert english_left(text, dutch) == [], (name, text)
        missing = [word for word in expected if word not in text]
        assert missing == [], (name, text)
    footer = shown["explorer"].splitlines()[-1]
    assert "Afsluiten" in footer and "Zoeken" in footer and "Quit" not in footer


async def test_the_walk_sees_english_when_the_app_speaks_it(vego_database: Path,
                                                            dutch: Catalog) -> None:
    shown = await walk(vego_database, "en", ENGLISH_SEEN)
    assert english_left(shown["explorer"], dutch)
    assert english_left(shown["keys"], dutch)
    assert english_left(shown["suggestions"], dutch)
    assert english_left(shown["review"], dutch)
    assert english_left(shown["scenarios"], dutch)
    assert "Quit" in shown["explorer"].splitlines()[-1]
