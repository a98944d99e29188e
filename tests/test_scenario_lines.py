"""A scenario's change lines read in the language of whoever reads them,
whoever made them: the app, `raci review` and `raci lint --fix` keep each
line as what it says (a template and its values), as the command line's
edits do, not as text in the language it was made in; `--format json`
keeps the English. (A line an older raci kept as text is shown as it is:
`test_cli_scenarios`.)"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from apphelp import (
    loaded,
    new_scenario,
    on_matrix_row,
    steps_of,
    suggestions_tried,
    until,
)
from conftest import Raci
from test_cli_scenarios import ok
from test_tui_suggest import answered, on_the_table, started_review

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm

TOOK = ("make Directeur-Generaal Bouwen en Wonen (dg-bw) the Accountable of "
        "Isolatieprogramma (i.isolatie)")
"""The first suggestion for OWN001 on i.isolatie, taken in the app."""


def shown(raci: Raci, database: str, language: str) -> str:
    return ok(raci, "scenario", "show", database, "plan", "--lang", language)


def summaries(raci: Raci, database: str) -> list[str]:
    """The scenario's lines as `--format json` keeps them, in English."""
    shown = ok(raci, "scenario", "show", database, "plan", "--format", "json", "--lang", "nl")
    return [change["summary"] for change in json.loads(shown)["changes"]]


async def test_lines_made_in_the_dutch_app_read_in_english(
        raci: Raci, database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "plan")
        await suggestions_tried(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: len(steps_of(database, "plan")) == 1, "the suggestion taken")
        await on_matrix_row(pilot, app, "i.isolatie")
        await pilot.press("c")
        await until(pilot, lambda: len(steps_of(database, "plan")) == 2, "the letter set")
        assert steps_of(database, "plan")[0].startswith("maak Directeur-Generaal")
        assert steps_of(database, "plan")[1].startswith("C voor ")
    in_english = shown(raci, str(database), "en")
    assert f"1. {TOOK}" in in_english
    assert "2. C for Secretaris-Generaal BZK (sg-bzk) on Isolatieprogramma (i.isolatie)" \
        in in_english
    assert "maak" not in in_english and " voor " not in in_english
    assert summaries(raci, str(database))[1] == (
        "C for Secretaris-Generaal BZK (sg-bzk) on Isolatieprogramma (i.isolatie)")


async def test_a_review_in_the_english_app_reads_in_dutch(raci: Raci, database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "plan")
        await started_review(pilot, app, "Anna")
        await pilot.press("1")  # OWN001: its first suggestion
        await on_the_table(pilot, app)
        await pilot.press("a")  # STR005: accepted until a date
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the reason")
        await answered(pilot, app, "pilot phase", "2027-06-30")
        await on_the_table(pilot, app)
        await until(pilot, lambda: len(steps_of(database, "plan")) == 2, "both decisions kept")
    in_dutch = shown(raci, str(database), "nl")
    assert ("1. maak Directeur-Generaal Bouwen en Wonen (dg-bw) de eindverantwoordelijke (A) "
            "van Isolatieprogramma (i.isolatie)") in in_dutch
    assert "2. uitzondering op STR005 voor i.isolatie tot 30 juni 2027: pilot phase" in in_dutch


def test_a_review_in_english_reads_in_dutch(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "1\na\nTijdelijk.\n2027-06-30\nq\n"  # fix OWN004, accept BOD003 until a date
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    assert raci("review", vego, "--scenario", "plan", "--author", "eva").code == 0
    in_dutch = shown(raci, vego, "nl")
    assert ("1. bezet rol Programmadirecteur Netcongestie (r.pd-netcongestie) met Ruud Mulder "
            "(p.mulder)") in in_dutch
    assert "2. uitzondering op BOD003 voor wg-isolatienorm tot 30 juni 2027: Tijdelijk." \
        in in_dutch
    assert summaries(raci, vego)[1] == "waived BOD003 for wg-isolatienorm until 2027-06-30: " \
        "Tijdelijk."
    assert "1. fill role Programmadirecteur Netcongestie (r.pd-netcongestie) with Ruud Mulder " \
        "(p.mulder)" in shown(raci, vego, "en")


def test_lint_fix_in_dutch_reads_in_english(raci: Raci, vego: str) -> None:
    fixed = raci("lint", vego, "--fix", "--scenario", "plan", "--lang", "nl")
    assert fixed.code == 1, fixed  # findings are left
    removed = "remove the expired waiver of BOD002 for Regiegroep Warmtetransitie (rg-warmte)"
    assert f"1. {removed}" in shown(raci, vego, "en")
    assert summaries(raci, vego) == ["remove the expired waiver of BOD002 for rg-warmte"]
    assert "verwijder de verlopen uitzondering op BOD002" in shown(raci, vego, "nl")
    assert "fixes made by raci lint --fix" in shown(raci, vego, "en"), "its description too"


def test_a_description_an_older_raci_kept_as_text_reads_as_it_was(raci: Raci, vego: str) -> None:
    assert raci("scenario", "new", vego, "plan", "--description", "{plan} van eva").code == 0
    assert "{plan} van eva" in shown(raci, vego, "en")


def test_a_field_set_in_english_reads_in_dutch(raci: Raci, vego: str) -> None:
    """`raci set --scenario` keeps what it says, as every other writer does:
    the fields in words, a yes/no, a date and a cadence each said again."""
    assert raci("scenario", "new", vego, "plan").code == 0
    assert raci("set", vego, "wg-isolatienorm", "meets_every_days=14", "temporary=true",
                "sunset=2027-06-30", "mandate=", "--scenario", "plan").code == 0
    assert raci("set", vego, "org.as_of=2026-12-01", "--scenario", "plan").code == 0
    in_dutch = shown(raci, vego, "nl")
    assert ("1. wg-isolatienorm gewijzigd (vergadert elke 14 dagen, tijdelijk ja, "
            "einddatum 30 juni 2027, mandaat leeggemaakt)") in in_dutch
    assert "2. organisatie gewijzigd: peildatum 1 december 2026" in in_dutch
    assert summaries(raci, vego) == [
        "changed wg-isolatienorm (meets every 14 days, temporary yes, sunset 2027-06-30, "
        "mandate cleared)", "changed the organisation: as of 2026-12-01"]


def test_json_keeps_the_description_in_english_as_it_keeps_the_lines(
        raci: Raci, vego: str) -> None:
    """What a tool reads keeps the English, whoever reads it (the description
    `lint --fix` gives its scenario), as lint's JSON keeps its messages;
    a person reads it in their language."""
    assert raci("lint", vego, "--fix", "--scenario", "plan", "--lang", "nl").code == 1
    assert raci("scenario", "new", vego, "other").code == 0
    shown = json.loads(ok(raci, "scenario", "show", vego, "plan", "--format", "json",
                          "--lang", "nl"))
    compared = json.loads(ok(raci, "scenario", "compare", vego, "plan", "other",
                             "--format", "json", "--lang", "nl"))
    assert shown["scenario"]["description"] == compared["scenarios"][0]["description"] \
        == "fixes made by raci lint --fix"
    for command in (("compare", vego, "plan", "other"), ("list", vego)):
        assert "correcties door raci lint --fix" in ok(raci, "scenario", *command,
                                                       "--lang", "nl"), command
