"""Typing into a field that holds something: a pre-filled answer is
selected, so a name typed replaces it ("Jan de Vriesroot" before)."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, typed, until
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm


async def test_a_name_typed_replaces_the_pre_filled_minute_taker(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
        await pilot.pause()
        field = app.screen.focused
        assert isinstance(field, Input) and field.value  # the login name, offered
        await typed(pilot, "Jan de Vries")
        assert field.value == "Jan de Vries"
