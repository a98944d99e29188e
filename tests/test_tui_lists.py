"""`j` and `k` move down and up in every list the app shows, as they do in
its trees and the matrix (the scenario list ignored them)."""

from __future__ import annotations

from pathlib import Path

from apphelp import (
    loaded,
    new_scenario,
    options,
    suggestions_tried,
    until,
)
from textual.pilot import Pilot
from textual.widgets import OptionList

from raci.tui import RaciApp, make_app
from raci.tui.screens.scenarios import ScenariosScreen


async def moves_with_j_and_k(pilot: Pilot[None], app: RaciApp, selector: str) -> None:
    listed = app.screen.query_one(selector, OptionList)
    assert listed.has_focus and listed.option_count > 1
    listed.highlighted = 0
    await pilot.press("j")
    assert listed.highlighted == 1
    await pilot.press("k")
    assert listed.highlighted == 0


async def test_j_and_k_move_in_the_scenario_list(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "minder")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and len(options(app, "#scenarios-list")) > 1, "the scenarios")
        await moves_with_j_and_k(pilot, app, "#scenarios-list")


async def test_j_and_k_move_in_the_suggestions(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await suggestions_tried(pilot, app)
        await moves_with_j_and_k(pilot, app, "#suggestions-list")

