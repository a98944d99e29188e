"""A scenario's name typed in the Scenarios dialog is typing, as in every
other form: escape asks before throwing it away (it closed the dialog)."""

from __future__ import annotations

import math
from pathlib import Path

from apphelp import loaded, until
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.screens.scenarios import ScenariosScreen
from raci.tui.widgets.discard_modal import ConfirmDiscard


async def test_escape_on_a_scenario_name_typed_asks_first(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and app.screen.ready_at < math.inf, "the scenarios read")
        dialog = app.screen
        await pilot.press("n", "a", "b", "c", "escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("n")  # keep editing
        await until(pilot, lambda: app.screen is dialog, "the dialog again")
        assert dialog.query_one("#scenario-name", Input).value == "abc"
        await pilot.press("escape", "y")
        await until(pilot, lambda: dialog not in app.screen_stack, "the dialog closed")


async def test_escape_with_no_name_typed_closes_at_once(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen), "the scenarios")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is app.screen_stack[0], "the dialog closed")
