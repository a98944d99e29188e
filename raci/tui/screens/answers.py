"""A few questions in one form, each answer read as it is typed: who takes
the minutes, why a finding is accepted and until when, who takes an action.

Dismisses with each question's answer as read (`Question.read`), or None
when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Label, Static

from raci.i18n import _
from raci.tui.screens.form import FieldInput, FormScreen
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.widgets.footer import FittingFooter

Answers = dict[str, object]


@dataclass(frozen=True)
class Question:
    key: str
    label: str
    read: Callable[[str], object]
    """The answer as the caller wants it; a ValueError says what is wrong."""
    default: str = ""
    note: Callable[[str], str] | None = None
    """What an answer read will be taken as, said under it as it is typed
    (who takes an action: the person of that name, or the text as written)."""


class AnswerForm(FormScreen[Answers | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        Binding("ctrl+s", "save", "Save", id="save-answers", priority=True),
        # As the key arrives, as tab does (`FOCUS_KEYS`): what is typed after it
        # goes into the next field, however fast.
        Binding("enter", "next", "Next field, then save", id="next-answer", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-answers"),
    ]

    def __init__(self, title: str, questions: Sequence[Question]) -> None:
        super().__init__()
        self.title_text, self.questions = title, list(questions)
        self.refused = False
        """Whether a save was refused: from then on an empty answer says it cannot be."""

    def compose(self) -> ComposeResult:
        with Vertical(id="answers-box"):
            # Scrolls on a small screen (a finding of four lines, in Dutch, at
            # 80×24): the key line under it stays whole.
            with VerticalScroll(id="answers-questions", can_focus=False):
                yield Static(self.title_text, id="answers-title")
                for question in self.questions:
                    yield Label(escape(question.label))
                    # Selected as it gets the focus: a name typed replaces the default.
                    yield FieldInput(question.default, id=f"answer-{question.key}")
                    yield Static("", id=f"answer-{question.key}-error", classes="field-error")
            yield Static("[dim]" + _("enter: next field, then save · ctrl+s: save · "
                                     "escape: cancel") + "[/]", id="answers-keys")
        yield FittingFooter()

    def _read(self) -> tuple[Answers, dict[str, str]]:
        """The answers read, and what is wrong with the others."""
        answers, problems = {}, {}
        for question in self.questions:
            text = self.query_one(f"#answer-{question.key}", Input).value
            try:
                answers[question.key] = question.read(text)
            except ValueError as wrong:
                problems[question.key] = str(wrong)
        return answers, problems

    @on(Input.Changed)
    def _show_problems(self) -> tuple[Answers, dict[str, str]]:
        """Under each answer what is wrong with it (the readers say it in the
        user's language); an empty one only once a save was refused, and then
        until it is filled, whichever field changes meanwhile."""
        answers, problems = self._read()
        for question in self.questions:
            typed = self.query_one(f"#answer-{question.key}", Input)
            shown = problems.get(question.key, "") if typed.value or self.refused else ""
            note = "" if shown or question.note is None else question.note(typed.value)
            error = self.query_one(f"#answer-{question.key}-error", Static)
            error.update(escape(shown or note))
            error.display = bool(shown or note)  # `.field-error` shows only when there is one
            error.set_class(bool(note), "-note")
            typed.set_class(bool(shown), "-invalid")
        return answers, problems

    def action_next(self) -> None:
        inputs = list(self.query(Input).results(Input))
        if self.focused in inputs[:-1]:
            self.set_focus(inputs[inputs.index(self.focused) + 1])  # now, not after a refresh
        else:
            self.action_save()

    def action_save(self) -> None:
        self.once_typed(self._save)

    def _save(self) -> None:
        answers, problems = self._read()
        if problems:
            self.refused = True
            self._show_problems()
            self.query_one(f"#answer-{next(iter(problems))}", Input).focus()
            return
        self.dismiss(answers)

    def holds_typing(self) -> bool:
        return any(self.query_one(f"#answer-{question.key}", Input).value != question.default
                   for question in self.questions)
