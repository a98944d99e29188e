"""Who takes an action noted in a review: a person of the model typed by
name is that person (kept as their id, given as "Name (id)" in the minutes);
a near miss says the likeliest person; anyone else is kept as written."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, typed, until
from test_tui_suggest import on_the_table, started_review, text_of
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm


async def test_an_actions_owner_typed_by_name_is_the_person_and_free_text_stays(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who and what")
        await typed(pilot, "Petra Jansn")
        await until(pilot, lambda: "did you mean" in text_of(app, "#answer-who-error"),
                    "the likeliest person")
        assert "did you mean 'Petra Jansen'?" in text_of(app, "#answer-who-error")
        app.screen.query_one("#answer-who", Input).value = ""
        await typed(pilot, "petra jansen")
        await until(pilot, lambda: text_of(app, "#answer-who-error") == "Petra Jansen (p.jansen)",
                    "the person it is")
        for answer in ("enter", *"call her", "enter", *"none", "enter"):
            await pilot.press(answer)
        await on_the_table(pilot, app)
        reviewing = app.reviewing
        assert reviewing is not None
        noted = [item.decision for item in reviewing.review.items
                 if item.decision is not None and item.decision.kind == "action"]
        assert [(d.who, d.what) for d in noted] == [("p.jansen", "call her")]
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who and what")
        await typed(pilot, "Team Wonen")
        await until(pilot, lambda: "noted as written" in text_of(app, "#answer-who-error"),
                    "free text kept")
