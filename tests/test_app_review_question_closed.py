"""The review's first question (who takes the minutes) closed with escape
and a key typed at once, `R` with them: the review closes and the key runs
on the views, as in every other form (docs/app.md). Once a review had ended
earlier in the session, the review opened fast enough for the key to reach
it before its question was cancelled, and it was lost with the review."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from test_tui_suggest import started_review
from textual import events
from textual.widgets import TabbedContent

from raci.tui import make_app
from raci.tui.screens.review import ReviewScreen


async def test_r_then_escape_with_3_after_a_review_shows_the_findings(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None
                    and not isinstance(app.screen, ReviewScreen), "the review ended")
        app.post_message(events.Key("R", "R"))
        app.post_message(events.Key("alt+3", "3"))  # escape, then 3: the findings
        await until(pilot, lambda: app.query_one(TabbedContent).active == "findings",
                    "the findings shown")
        assert app.screen is app.screen_stack[0]

