"""The command palette opened in a review: it offers the review's decisions,
and nothing that acts on the views behind it ("Show matrix" switched the
view under the review, which the user found only on leaving it)."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, typed, until
from test_tui_suggest import on_the_table, started_review, text_of
from textual.pilot import Pilot
from textual.widgets import OptionList, TabbedContent

from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen


async def offered(pilot: Pilot[None], app: RaciApp, query: str) -> list[str]:
    """The palette's hits for `query`, typed into it once open."""
    await pilot.press("ctrl+p")
    await until(pilot, lambda: app.screen.id == "--command-palette", "the palette")
    await typed(pilot, query)
    commands = app.screen.query_one("CommandList", OptionList)
    await until(pilot, lambda: commands.option_count, "the palette's hits")
    await pilot.pause(0.3)  # every provider has answered
    return [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]


async def test_the_palette_in_a_review_offers_its_decisions_not_the_views(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        assert "finding 1 of 3" in text_of(app, "#review-progress")
        assert not any("Show matrix" in hit for hit in await offered(pilot, app, "matrix"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the review again")
        assert any("Skip" in hit for hit in await offered(pilot, app, "skip"))
        await pilot.press("enter")
        await on_the_table(pilot, app)
        assert "finding 2 of 3" in text_of(app, "#review-progress")
        assert app.query_one("#views", TabbedContent).active == "explorer"


async def test_the_palette_over_a_form_the_review_opened_offers_nothing_of_the_views(
        database: Path) -> None:
    """Over the review's own questions ("Note an action"), the views are still
    behind the review: "Show matrix" switched them there too."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the action's questions")
        assert not any("Show matrix" in hit for hit in await offered(pilot, app, "matrix"))
