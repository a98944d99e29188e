"""Keys typed ahead in the review and while a form opens (as tmux's
send-keys or a fast typist sends them) land where the user meant them, by
one path: the review's questions, the minute-taker's enter, ctrl+q."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from test_app_typing_fast import add_form_open, type_at_once
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen
from raci.tui.widgets.discard_modal import ConfirmDiscard
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree


async def minute_taker_asked(pilot: Pilot[None], app: RaciApp) -> None:
    await pilot.press("R")
    await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted,
                "who takes the minutes")


async def on_the_first_finding(pilot: Pilot[None], app: RaciApp) -> ReviewScreen:
    await minute_taker_asked(pilot, app)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy,
                "the first finding")
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


def answers(form: AnswerForm) -> dict[str, str]:
    return {field.id.removeprefix("answer-"): field.value
            for field in form.query(Input).results(Input) if field.id}


async def test_an_action_typed_at_once_fills_each_of_its_fields(database: Path) -> None:
    """`n`, the owner, tab, what, tab, when: the tabs were lost and the text
    went into the first field, scrambled ("Anouknonedoet")."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_first_finding(pilot, app)
        type_at_once(app, "n", *"Anouk", "tab", *"doet", "tab", *"none")
        expected = {"who": "Anouk", "what": "doet", "by": "none"}
        await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted
                    and answers(app.screen)["by"] == "none", "every key typed")
        assert isinstance(app.screen, AnswerForm)
        assert answers(app.screen) == expected


async def test_a_key_typed_with_the_minute_takers_enter_is_pressed_on_the_first_finding(
        database: Path) -> None:
    """enter and `s` at once: the `s` went to the minute-taker's form as it
    closed, and the review stayed on the first finding."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await minute_taker_asked(pilot, app)
        type_at_once(app, "enter", "s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy
                    and app.reviewing is not None and app.reviewing.review.position == 2,
                    "the second finding")
        assert app.reviewing is not None
        first = app.reviewing.review.items[0]
        assert first.decision is not None and first.decision.kind == "skipped"


async def test_ctrl_q_typed_with_n_and_a_name_asks_before_quitting(database: Path) -> None:
    """ctrl+q ran as it arrived, before `n` had opened the form: the app quit
    and the name was lost."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "person")
        await pilot.pause()
        type_at_once(app, "n", *"Piet Test")
        app.post_message(events.Key("ctrl+q", "\x11"))
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard) or not app.is_running,
                    "the question")
        assert app.is_running and isinstance(app.screen, ConfirmDiscard)
        await pilot.press("n")  # keep editing
        await until(pilot, lambda: isinstance(app.screen, EntityForm), "the form again")
        assert app.screen.query_one("#field-name", Input).value == "Piet Test"


async def test_escape_in_an_action_holding_typed_text_asks_first(database: Path) -> None:
    """The review's questions closed on escape and lost what was typed; the
    entity forms ask first."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        review = await on_the_first_finding(pilot, app)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted,
                    "the action's questions")
        await pilot.press(*"Anouk", "escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("n")  # keep editing
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the questions again")
        assert isinstance(app.screen, AnswerForm)
        assert answers(app.screen)["who"] == "Anouk"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question again")
        await pilot.press("y")
        await until(pilot, lambda: app.screen is review, "the review")


async def test_escape_in_a_question_holding_only_its_offered_answer_closes_it(
        database: Path) -> None:
    """Accept offers an expiry: escape with nothing typed closes at once."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        review = await on_the_first_finding(pilot, app)
        await pilot.press("s")  # the first finding (OWN001) cannot be waived
        await until(pilot, lambda: not review.busy, "the second finding")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted,
                    "the acceptance's questions")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is review, "the review")


async def test_ctrl_q_typed_with_a_name_in_an_open_form_asks_before_quitting(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await add_form_open(pilot, app, "person")
        type_at_once(app, *"Piet Test")
        app.post_message(events.Key("ctrl+q", "\x11"))
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard) or not app.is_running,
                    "the question")
        assert app.is_running and isinstance(app.screen, ConfirmDiscard)


async def test_r_a_minute_taker_enter_and_s_typed_at_once_skip_the_first_finding(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        type_at_once(app, "R", "ctrl+u", *"Anna", "enter", "s")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy
                    and app.reviewing is not None and app.reviewing.review.position == 2,
                    "the second finding")
        assert app.reviewing is not None and app.reviewing.review.author == "Anna"
