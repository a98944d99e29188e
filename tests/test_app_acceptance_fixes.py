"""Defects an acceptance pass found in the app, run as the user met them:
keys typed fast in a review, quitting with a review paused, the diagram
preview's reverse edges, renaming, focus arriving late, the matrix headers
of a unit's scope."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from apphelp import loaded, typed, until
from test_app_typing_fast import type_at_once
from textual import events
from textual.screen import Screen
from textual.widgets import Input

from raci.model import Assignment
from raci.model.changes import Change
from raci.tui import make_app
from raci.tui.messages import ChangeRequested
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen
from raci.tui.widgets.rename_modal import RenameForm

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
        await pilot.press("e")  # paused, to edit
        await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the pause")
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("i.isolatie", "A", "sg-bzk")]), EDIT))
        await until(pilot, lambda: app.session is not None and app.session.model.letters_of(
            "i.isolatie", "sg-bzk") == ("A",), "the edit")
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
