"""Defects an acceptance pass found in the app, run as the user met them:
keys typed fast in a review, quitting with a review paused, the diagram
preview's reverse edges, renaming, focus arriving late, the matrix headers
of a unit's scope."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from test_app_typing_fast import type_at_once
from textual import events
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen


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

