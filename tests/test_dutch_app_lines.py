"""What the app says after an edit, and what it stores of it, in Dutch: a
suggestion made from the findings view (its line in the scenario too), and
`raci lint --fix`'s lines (the undo and redo lines are in `test_tui_session`,
in both languages).

The real app, headless, on the real SQLite file of `apphelp`, with the
keys a user presses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apphelp import (
    adding,
    fact_explained,
    field_error,
    fill,
    keys_listed,
    loaded,
    new_scenario,
    prompts,
    said,
    screen_text,
    steps_of,
    stored,
    suggestions_tried,
    until,
)
from conftest import Raci
from test_cli_dutch import dutch
from textual.widgets import OptionList, Static

from raci.model.entities import NOT_RECORDED_FACTS
from raci.tui import make_app
from raci.tui.language import search_themes
from raci.tui.screens.keys import KeysScreen
from raci.tui.widgets.fact_modal import FactScreen
from raci.vocabulary import capitalised

MADE = ("maak Directeur-Generaal Bouwen en Wonen (dg-bw) de eindverantwoordelijke (A) van "
        "Isolatieprogramma (i.isolatie)")
"""The first suggestion for OWN001 on i.isolatie, as a Dutch user reads it."""


async def test_a_suggestion_made_in_dutch_is_said_and_stored_in_dutch(
        database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "plan")
        await suggestions_tried(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: steps_of(database, "plan"), "the step")
        assert steps_of(database, "plan") == [MADE]
        assert capitalised(MADE) in said(app)  # the notice as a sentence


def test_lint_fix_says_its_fixes_in_dutch(raci: Raci, vego: str) -> None:
    out = dutch(raci, "lint", vego, "--fix").out
    assert ("1 bevinding hersteld in vego.db:\n  WAI001:rg-warmte: verwijder de verlopen "
            "uitzondering op BOD002 voor Regiegroep Warmtetransitie (rg-warmte)\n") in out


async def test_the_palette_says_each_kind_with_its_own_article(database: Path,
                                                                in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Warmte")
        commands = pilot.app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: "Kwartiermaker" in "\n".join(prompts(commands)),
                    "the palette's hits")
        await pilot.pause(0.3)
        offered = "\n".join(prompts(commands))
        assert "Stuurgroep Warmte (sg-warmte)\nGa naar dit gremium" in offered
        assert "Kwartiermaker Warmte (kwartiermaker)\nGa naar deze rol" in offered


async def test_a_fact_not_recorded_names_where_it_is_recorded(fact_not_recorded: Path,
                                                               in_dutch: None) -> None:
    async with make_app(fact_not_recorded).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        details = await fact_explained(pilot, app)
        assert ("Leg succescriteria vast bij de initiatieven, in de verkenner, en STR005 "
                "draait weer.") in details.splitlines()
        # Fact names in words, not as the model file writes them ("voeg `cadence` toe").
        assert "`" not in details and "success_criteria" not in details, details
        assert "de niet vastgelegde feiten" in details, details
        await pilot.press("a")
        await until(pilot, lambda: said(app), "the declaration said")
        assert said(app) == ["Vastgelegd dat de bron geen succescriteria bijhoudt: DAT001 meldt "
                             "het niet meer"]


def test_each_fact_is_recorded_on_its_own_kind(in_dutch: None) -> None:
    where = {fact: FactScreen(fact, "").details.splitlines()[2].split(", in de verkenner")[0]
             for fact in NOT_RECORDED_FACTS}
    assert where == {
        "chairs": "Leg voorzitters vast bij de gremia",
        "holders": "Leg rolhouders vast bij de rollen",
        "responsibles": "Leg uitvoerenden vast bij de initiatieven",
        "success_criteria": "Leg succescriteria vast bij de initiatieven",
        "indicators": "Leg indicatoren vast bij de doelen",
        "goals": "Leg doelen vast bij de initiatieven",
        "cadence": "Leg vergaderfrequentie vast bij de gremia"}


async def test_a_dutch_decimal_is_typed_and_shown_with_a_comma(database: Path,
                                                               in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "person")
        fill(form, id="p.deeltijd", name="Dirk Deeltijd", capacity_fte="0,5")
        # the form's check of what was filled in: the name no longer missing
        await until(pilot, lambda: not field_error(form, "name"), "the form's check")
        assert not field_error(form, "capacity_fte")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "p.deeltijd" in stored(database), "the person saved")
        assert stored(database).people["p.deeltijd"].capacity_fte == 0.5
        app.show_entity("p.deeltijd")
        await pilot.pause()
        fields = str(app.query_one("#entity-fields", Static).render()).splitlines()
        assert "capaciteit (fte): 0,5" in fields


@pytest.mark.parametrize("themes", [False, True], ids=["commands", "themes"])
async def test_a_palette_with_no_match_says_so_in_dutch(database: Path, in_dutch: None,
                                                         themes: bool) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        if themes:
            search_themes(app)
        else:
            await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zzz")
        commands = app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: commands.option_count == 1
                    and commands.get_option_at_index(0).disabled, "the palette's answer")
        await pilot.pause()
        shown = screen_text(app)
        assert "Niets gevonden" in shown and "No matches" not in shown


async def test_the_palette_offers_quit_once_and_adds_with_a_capital(database: Path,
                                                                    in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        commands = app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: commands.option_count > 10, "the palette's commands")
        await pilot.pause(0.3)
        titles = [line.split("\n")[0] for line in prompts(commands)]
        assert "Onderdeel toevoegen" in titles and "Gremium toevoegen" in titles
        assert not [title for title in titles if title.endswith(" toevoegen")
                    and title[0].islower()]
        assert [title for title in titles if "fsluiten" in title] == ["Afsluiten"]


def test_the_catalogue_writes_one_apostrophe() -> None:
    catalogue = (Path(__file__).parent.parent / "raci" / "locale" / "nl" / "LC_MESSAGES"
                 / "raci.po").read_text(encoding="utf-8")
    assert "Scenario's" in catalogue and "\u2019" not in catalogue


async def test_the_keys_have_dutch_names_in_the_footer_and_the_key_list(
        database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(160, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")  # the matrix: space clears a cell
        await pilot.pause(0.3)
        footer = screen_text(app).splitlines()[-1]
        assert "spatie" in footer and "space" not in footer
        await pilot.press("question_mark")
        await pilot.pause(0.3)
        keys = screen_text(app)
        assert "spatie" in keys and "omlaag" in keys
        assert not re.search(r"\b(space|down|pagedown)\b", keys)


async def test_the_key_list_starts_each_line_with_a_capital_and_lists_the_reviews_numbers(
        database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(160, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen), "the keys")
        listed = keys_listed(app)
    said_of_keys = re.findall(r"^ +\S+(?:, \S+)* {2,}(\S)", listed, re.MULTILINE)
    assert said_of_keys and all(first.isupper() for first in said_of_keys), listed
    review = listed[listed.index("Bevindingen bespreken (R)"):listed.index("Zoeken (/)")]
    assert re.search(r"^ +1-9 +Oplossen", review, re.MULTILINE), review
