"""Every yes/no question of the app (`ConfirmScreen`: delete, throw away a
filled form, apply or drop a scenario) answered with its keys, in English and
in Dutch: y (Dutch j) answers yes, n and escape no; the buttons and the
footer say the keys of the user's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from conftest import SAMPLE
from textual.app import App
from textual.widgets import Button, Footer
from textual.widgets._footer import FooterKey

from raci.formats.files import read_model
from raci.i18n import speak
from raci.model.changes import removal
from raci.model.scenarios import Scenario
from raci.tui.screens.keys import keys_of
from raci.tui.screens.scenarios import ConfirmSettle
from raci.tui.widgets.confirm import ConfirmScreen
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.discard_modal import ConfirmDiscard
from raci.tui.widgets.fact_modal import FactScreen

PLAN = Scenario("plan", None, dt.datetime(2026, 12, 6, 14, 42), 1)


def delete_goal() -> ConfirmScreen:
    model = read_model(SAMPLE).model
    return ConfirmDelete(model, "g.aardgasvrij", removal(model, "g.aardgasvrij"))


QUESTIONS: dict[str, Callable[[], ConfirmScreen]] = {
    "delete": delete_goal,
    "discard": ConfirmDiscard,
    "apply": lambda: ConfirmSettle(PLAN, ("apply", "plan")),
    "drop": lambda: ConfirmSettle(PLAN, ("drop", "plan")),
}
YES_BUTTON = {  # (English, Dutch)
    "delete": ("Delete (y)", "Verwijderen (j)"),
    "discard": ("Throw away (y)", "Weggooien (j)"),
    "apply": ("Apply (y)", "Doorvoeren (j)"),
    "drop": ("Drop (y)", "Weggooien (j)"),
}
NO_BUTTON = {
    "delete": ("Keep (n)", "Houden (n)"),
    "discard": ("Keep editing (n)", "Verder bewerken (n)"),
    "apply": ("No (n)", "Nee (n)"),
    "drop": ("No (n)", "Nee (n)"),
}


class Asker(App[None]):
    """Asks one question and keeps the answer."""

    def __init__(self, question: Callable[[], ConfirmScreen]) -> None:
        super().__init__()
        self.question = question
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.question(), self.answers.append)


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("question", list(QUESTIONS))
async def test_the_buttons_and_the_footer_say_the_keys_of_the_language(
        question: str, language: str) -> None:
    speak(language)
    index = ["en", "nl"].index(language)
    app = Asker(QUESTIONS[question])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ConfirmScreen)
        labels = [str(button.label) for button in screen.query(Button)]
        assert labels == [YES_BUTTON[question][index], NO_BUTTON[question][index]]
        footer = screen.query_one(Footer)
        keys = {(key.key_display, key.description) for key in footer.query(FooterKey)}
        yes_word, no_word = (label.rpartition(" (")[0] for label in labels)
        assert (("j" if language == "nl" else "y"), yes_word) in keys
        assert ("n", no_word) in keys


@pytest.mark.parametrize(("language", "key", "answer"), [
    ("en", "y", True), ("en", "n", False), ("en", "escape", False),
    ("nl", "j", True), ("nl", "n", False), ("nl", "escape", False),
])
@pytest.mark.parametrize("question", list(QUESTIONS))
async def test_each_key_answers(question: str, language: str, key: str, answer: bool) -> None:
    speak(language)
    app = Asker(QUESTIONS[question])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize(("language", "key"), [("en", "j"), ("nl", "y")])
async def test_the_other_languages_yes_key_answers_nothing(language: str, key: str) -> None:
    speak(language)
    app = Asker(ConfirmDiscard)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == []
        assert isinstance(app.screen, ConfirmDiscard)


@pytest.mark.parametrize("button", ["yes", "no"])
async def test_the_buttons_answer(button: str) -> None:
    app = Asker(ConfirmDiscard)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click(f"#{button}")
        await pilot.pause()
        assert app.answers == [button == "yes"]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", [("y", "Delete"), ("n, escape", "Keep")]),
    ("nl", [("j", "Verwijderen"), ("n, escape", "Houden")]),
])
def test_the_keys_screen_lists_the_keys_of_the_language(
        language: str, expected: list[tuple[str, str]]) -> None:
    speak(language)
    assert keys_of(ConfirmDelete) == expected


@pytest.mark.parametrize(("language", "labels"), [
    ("en", ["Add to not recorded (a)", "Close (esc)"]),
    ("nl", ["Toevoegen aan niet vastgelegd (a)", "Sluiten (esc)"]),
])
@pytest.mark.parametrize(("key", "answer"), [("a", True), ("escape", False)])
async def test_a_question_with_keys_of_its_own(
        language: str, labels: list[str], key: str, answer: bool) -> None:
    """DAT001's fact screen: `a` declares the fact not recorded, escape closes."""
    speak(language)
    app = Asker(lambda: FactScreen("success_criteria", "success criteria are not recorded"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert [str(button.label) for button in app.screen.query(Button)] == labels
        await pilot.press(key)
        await pilot.pause()
        assert app.answers == [answer]
