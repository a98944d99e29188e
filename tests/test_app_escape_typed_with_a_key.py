"""`escape` and a key typed at once in a modal form: the terminal sends them
as alt+key, which Textual reads as alt+key or as the macOS option key's
character ("™" for 2, "ß" for s). The user meant: close the form, then the
key. The form's field took the character as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, until
from test_tui_suggest import on_the_table, started_review, text_of
from textual import events
from textual.widgets import Input, TabbedContent

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.form import FormScreen


@pytest.mark.parametrize(("key", "character"), [("alt+2", "2"), ("trade_mark_sign", "™")])
async def test_escape_with_2_in_a_form_closes_it_and_shows_the_matrix(
        database: Path, key: str, character: str) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("o")  # the organisation's form
        await until(pilot, lambda: isinstance(app.screen, FormScreen)
                    and isinstance(app.focused, Input), "the organisation's form")
        form, field = app.screen, app.focused
        app.post_message(events.Key(key, character))
        await until(pilot, lambda: app.query_one(TabbedContent).active == "matrix",
                    "the matrix shown")
        assert form not in app.screen_stack
        assert character not in field.value


async def test_escape_with_s_in_a_reviews_question_closes_it_and_skips(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        assert "finding 1 of 3" in text_of(app, "#review-progress")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm)
                    and isinstance(app.focused, Input), "who takes the action")
        field = app.focused
        app.post_message(events.Key("alt+s", "s"))  # escape, then s: skip
        await until(pilot, lambda: not isinstance(app.screen, AnswerForm), "the question closed")
        await on_the_table(pilot, app)
        assert "finding 2 of 3" in text_of(app, "#review-progress")
        reviewing = app.reviewing
        assert reviewing is not None
        assert [item.decision.kind for item in reviewing.review.items
                if item.decision is not None] == ["skipped"]
        assert "s" not in field.value
