"""The review at 80×24, the smallest terminal the app is made for, in English
and in Dutch (longer lines): the finding, its suggestions' detail and the key
line of the review, and every field of the action's question with what it
says under the owner, are on the screen, none cut off below it."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, typed, until
from test_tui_suggest import started_review
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm, Question

SMALL = (80, 24)


def on_screen(widget: Widget) -> bool:
    """Whether `widget` is shown whole above the footer's line."""
    region = widget.region
    return (region.height > 0 and region.y >= 0 and region.x >= 0
            and region.bottom <= SMALL[1] - 1 and region.right <= SMALL[0])


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_review_and_its_action_question_fit_80_by_24(
        database: Path, language: str, request: pytest.FixtureRequest) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    async with make_app(database).run_test(size=SMALL) as pilot:
        app = await loaded(pilot)
        review = await started_review(pilot, app, "Anna")
        shown = [review.query_one(f"#review-{part}") for part in ("progress", "finding", "keys")]
        shown.append(review.query_one("#review-detail").parent)
        assert [w.id for w in shown if not on_screen(w)] == []
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm)
                    and isinstance(app.focused, Input), "who takes the action")
        await typed(pilot, "Petra Jansn")  # a near miss: a line under the field
        await until(pilot, lambda: str(app.screen.query_one("#answer-who-error", Static)
                                       .render()) != "", "what is said under it")
        fields = [*app.screen.query(Input), *app.screen.query(Label),
                  app.screen.query_one("#answer-who-error")]
        assert len(fields) >= 6
        assert [str(w.id or w) for w in fields if not on_screen(w)] == []


async def test_a_long_findings_action_question_fits_80_by_24_in_dutch(
        database: Path, in_dutch: None) -> None:
    """A finding that wraps to four lines (STR007 on a ministry's model):
    the question's help line was cut ("… escape:", no "annuleren")."""
    async with make_app(database).run_test(size=SMALL) as pilot:
        app = await loaded(pilot)
        finding = "[b]STR007[/b] waarschuwing: " + " ".join(["een lange bevinding"] * 14)
        app.push_screen(AnswerForm(f"[b]Actie noteren[/b] bij {finding}", [
            Question("who", "wie neemt hem", str, note=lambda typed: (
                f"dit staat in de naam van meerdere mensen: typ de id van wie bedoeld is "
                f"({typed}, p42, p88, p108, p126, p132, …)")),
            Question("what", "wat ze doen", str),
            Question("by", "uiterlijk wanneer: JJJJ-MM-DD, of geen", str)]))
        await until(pilot, lambda: isinstance(app.screen, AnswerForm)
                    and isinstance(app.focused, Input), "who takes the action")
        await typed(pilot, "Anouk")
        await pilot.press("tab")
        await pilot.pause()
        keys = app.screen.query_one("#answers-keys", Static)
        assert "annuleren" in str(keys.render())
        fields = [*app.screen.query(Input), app.screen.query_one("#answer-who-error"), keys]
        assert [str(w.id or w) for w in fields if not on_screen(w)] == []
        await pilot.press("tab")  # to the last field: the questions scroll to it, above the keys
        await pilot.pause()
        questions = app.screen.query_one("#answers-questions")
        assert app.focused is app.screen.query_one("#answer-by")
        assert questions.region.bottom <= keys.region.y
        assert questions.region.contains_region(app.focused.region)
