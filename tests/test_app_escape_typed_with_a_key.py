"""`escape` and a key typed at once in a modal form: the terminal sends them
as alt+key. The user meant: close the form, then the key. The form's field
took the character as text. Textual reads escape and a digit as a
character ("™" for 2, "£" for 3), the same as that character typed: that
stays text (review31a: "£" could not be typed into a name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, until
from test_tui_suggest import on_the_table, started_review, text_of
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, TabbedContent

from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.form import FormScreen


async def organisation_form(pilot: Pilot[None], app: RaciApp) -> tuple[Screen[object], Input]:
    """The organisation's form opened (`o`), and its field with the focus."""
    await pilot.press("o")
    await until(pilot, lambda: isinstance(app.screen, FormScreen)
                and isinstance(app.focused, Input), "the organisation's form")
    field = app.focused
    assert isinstance(field, Input)
    return app.screen, field


async def test_escape_with_2_in_a_form_closes_it_and_shows_the_matrix(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form, field = await organisation_form(pilot, app)
        app.post_message(events.Key("alt+2", "2"))
        await until(pilot, lambda: app.query_one(TabbedContent).active == "matrix",
                    "the matrix shown")
        assert form not in app.screen_stack
        assert "2" not in field.value


@pytest.mark.parametrize(("key", "character"), [("pound_sign", "£"), ("trade_mark_sign", "™")])
async def test_a_pound_sign_typed_in_a_form_stays_in_its_field(
        database: Path, key: str, character: str) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form, field = await organisation_form(pilot, app)
        app.post_message(events.Key(key, character))
        await until(pilot, lambda: field.value.endswith(character), "the character typed")
        assert app.screen is form


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
