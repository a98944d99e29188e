"""The matrix's scope picker lists the first `MOST_SHOWN` choices that hold
what is typed, and says how many more there are: a national model's
thousands of units, bodies and goals took a second at each key."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, options, until
from textual.widgets import Static

from raci.tui import make_app
from raci.tui.widgets import scope_modal
from raci.tui.widgets.matrix import RaciMatrix
from raci.tui.widgets.scope_modal import ScopePicker


async def test_the_list_stops_at_the_most_shown_and_typing_narrows_it(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scope_modal, "MOST_SHOWN", 3)
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2", "s")
        await until(pilot, lambda: isinstance(app.screen, ScopePicker), "the scope picker")
        picker = app.screen
        assert isinstance(picker, ScopePicker)
        listed = options(app, "#scope-list")
        assert listed[:3] == ["The whole model", "unit: Ministerie van BZK (bzk)",
                              "unit: DG Bouwen en Wonen (bzk-dgbw)"]
        assert listed[3:] == [f"… and {len(picker.choices) - 3} more: type to narrow the list"]
        await pilot.press(*"warmte")
        await pilot.pause()
        assert options(app, "#scope-list") == ["body: Stuurgroep Warmte (sg-warmte)"]
        await pilot.press("enter")
        await until(pilot, lambda: not isinstance(app.screen, ScopePicker), "the scope taken")
        assert "Stuurgroep Warmte" in str(app.query_one("#matrix-title", Static).render())
        assert "sg-warmte" in {c.id for c in app.query_one(RaciMatrix).columns}


async def test_a_filter_that_matches_nothing_says_so(database: Path) -> None:
    """The list was empty, as if it were still to come."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2", "s")
        await until(pilot, lambda: isinstance(app.screen, ScopePicker), "the scope picker")
        await pilot.press(*"Directie Zorg")
        await pilot.pause()
        assert options(app, "#scope-list") == [
            "Nothing matches 'Directie Zorg': type less, or other words"]
        await pilot.press("enter")  # nothing to pick: the picker stays
        await pilot.pause()
        assert isinstance(app.screen, ScopePicker)
