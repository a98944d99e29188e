"""Defects an acceptance pass found in the app, run as the user met them:
keys typed fast in a review, quitting with a review paused, the diagram
preview's reverse edges, renaming, focus arriving late, the matrix headers
of a unit's scope."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from apphelp import (
    edited_in_a_pause,
    findings_tree,
    loaded,
    new_scenario,
    options,
    stored,
    typed,
    until,
)
from conftest import SAMPLES
from test_app_typing_fast import type_at_once
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from raci.importing import import_file
from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen
from raci.tui.screens.scenarios import ScenariosScreen
from raci.tui.widgets.rename_modal import RenameForm
from raci.tui.widgets.search import SearchBar

EDIT = "A van i.isolatie -> sg-bzk"


async def test_keys_typed_while_the_next_finding_loads_are_pressed_on_it(
        database: Path) -> None:
    """`s` and then `n` and the action's owner typed at once: the first
    finding skipped, the action form opened on the second, the name in it
    (not `n` lost, `a` taken as accept, enter as a fix)."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and not app.screen.busy, "the first finding")
        reviewing = app.reviewing
        assert reviewing is not None
        first = reviewing.item
        type_at_once(app, "s", "n", *"Jan")
        app.post_message(events.Key("enter", "\r"))
        await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted
                    and app.screen.query_one("#answer-who", Input).value == "Jan"
                    and app.screen.focused is app.screen.query_one("#answer-what", Input),
                    "the action form, its owner typed")
        second = reviewing.item
        assert first is not None and first.decision is not None
        assert first.decision.kind == "skipped"
        assert second is not None and second is not first and second.decision is None
        assert app.session is not None and not app.session.undo_stack  # nothing fixed


async def test_quitting_with_a_review_paused_writes_its_minutes(database: Path) -> None:
    """`q` in the explorer with a review paused: the decisions made and the
    edits of the pause are in the minutes, which say the review ended early;
    the app says where they are as it ends."""
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and not app.screen.busy, "the first finding")
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen)
                    and not app.screen.busy, "the second finding")
        await edited_in_a_pause(pilot, app, EDIT)
        await pilot.press("q")
        await until(pilot, lambda: app._exit, "the app ending")
        said_at_the_end = " ".join(str(message) for message in app._exit_renderables)
    minutes = database.parent / f"org-review-{dt.date.today().isoformat()}.md"
    text = minutes.read_text()
    assert "(the review ended early)" in text
    assert any(row.startswith("| 1 | OWN001") and "| Skipped |" in row
               for row in text.splitlines())
    assert f"1. {EDIT}" in text.splitlines()
    assert str(minutes.resolve()) in said_at_the_end


async def test_a_new_id_typed_in_the_rename_form_replaces_the_old(database: Path) -> None:
    """`r` and the new id: the old id is selected, so "tf-net" typed gave
    "dg-bwtf-net" (appended) and the rename was refused as invalid or made."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("dg-bw")
        await pilot.pause()
        type_at_once(app, "r", *"dg-bouwen")
        await until(pilot, lambda: isinstance(app.screen, RenameForm) and app.screen.is_mounted
                    and len(renamed_to(app.screen)) >= len("dg-bouwen"), "the new id typed")
        assert renamed_to(app.screen) == "dg-bouwen"
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, RenameForm), "the form closed")
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, RenameForm)
                    and app.screen.is_mounted, "the form, ready")
        await pilot.pause()
        await typed(pilot, "dg-wonen")
        assert renamed_to(app.screen) == "dg-wonen"


def renamed_to(form: Screen[Any]) -> str:
    return form.query_one("#rename-id", Input).value


@pytest.mark.parametrize("keys", [("2", "slash"), ("slash",)], ids=["2 /", "/"])
async def test_a_search_typed_at_once_goes_into_the_search_bar(
        database: Path, keys: tuple[str, ...]) -> None:
    """`2`, `/` and "isolatie" at once: the bar opened empty and the letters
    went to the matrix grid, where `i`, `a` and `t` are letters of a cell."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        if keys == ("slash",):
            await pilot.press("2")
            await pilot.pause(0.5)
        before = stored(database)
        type_at_once(app, *keys, *"isolatie")
        await until(pilot, lambda: isinstance(app.screen, SearchBar) and app.screen.is_mounted
                    and len(searched(app.screen)) >= len("isolatie"), "the search typed")
        assert searched(app.screen) == "isolatie"
        await pilot.pause(0.3)
        assert stored(database) == before


def searched(bar: Screen[Any]) -> str:
    return bar.query_one("#search-text", Input).value


async def test_a_scenario_name_typed_with_s_and_n_goes_into_its_field(database: Path) -> None:
    """`S`, `n` and the name at once: the list, focused as the screen was
    mounted, took the focus back from the name's field and the name was lost."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        type_at_once(app, "S", "n", *"minder-gremia")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and app.screen.is_mounted and len(scenario_named(app.screen)) >= 13,
                    "the name typed")
        assert scenario_named(app.screen) == "minder-gremia"


def scenario_named(screen: Screen[Any]) -> str:
    return screen.query_one("#scenario-name", Input).value


async def test_the_footer_leaves_the_views_keys_as_the_view_changes(database: Path) -> None:
    """`2` on a large model: until the matrix had drawn and taken the focus,
    the footer named the explorer's keys (`r Rename`, where `r` sets R)."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert "rename" in footer_actions(app)  # the explorer's
        app.action_show_view("matrix")  # as `2` does; the matrix takes the focus later
        assert "rename" not in footer_actions(app)
        await until(pilot, lambda: "set_letter('R')" in footer_actions(app), "the matrix keys")


def footer_actions(app: App[None]) -> set[str]:
    return {active.binding.action for active in app.screen.active_bindings.values()}


@pytest.mark.usefixtures("in_dutch")
async def test_the_scenario_list_says_when_one_was_made_in_running_text(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "minder-gremia")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and len(options(app, "#scenarios-list")) == 2, "the scenarios")
        made = options(app, "#scenarios-list")[1]
        today = dt.date.today()
        assert f"aangemaakt {today.day} {DUTCH_MONTHS[today.month - 1]} {today.year}" in made
        assert today.isoformat() not in made


DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")


async def test_the_findings_view_says_there_are_none(tmp_path: Path) -> None:
    """A model without findings showed an empty tree under "0 errors · …"."""
    database = tmp_path / "gezond.db"
    import_file(SAMPLES / "voorbeeld-gezond.yaml", str(database))
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded_without_findings(pilot)
        await pilot.press("3")
        await pilot.pause()
        tree = findings_tree(app)
        assert [str(node.label) for node in tree.root.children] == ["No findings"]


async def loaded_without_findings(pilot: Pilot[None]) -> RaciApp:
    app = pilot.app
    assert isinstance(app, RaciApp)
    await until(pilot, lambda: app.session is not None and app._findings_drawn.is_set(),
                "the model and its lint")
    await pilot.pause()
    return app
