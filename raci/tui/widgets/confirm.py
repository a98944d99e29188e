"""A yes/no question before something that cannot be taken back lightly:
delete?, throw away what was typed?, apply or drop a scenario?, declare a
fact not recorded?

Asked in the user's language, its keys too: the yes key (`yes_key`: ``y``,
in Dutch ``j`` of "ja") or the yes button answers yes; ``n``, escape or the
no button answers no (a question may name other keys: `answers`). The
buttons and the footer say the keys.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from raci.i18n import _, pgettext
from raci.tui.widgets.footer import FittingFooter

YES, NO = "y", "n"
"""The keys that answer as the bindings declare them (English)."""

ButtonVariant = Literal["default", "primary", "success", "warning", "error"]


def yes_key() -> str:
    """The key that answers yes in the user's language: ``y``; ``j`` in Dutch."""
    return pgettext("the key that answers yes", "y")


def said_keys(binding: Binding) -> str:
    """The keys of `binding` as the user presses them: the yes key in the
    user's language."""
    return ",".join(yes_key() if key == YES and binding.action == "yes" else key
                    for key in binding.key.split(","))


def answers(yes: str, no: str, *, yes_keys: str = YES,
            no_keys: str = f"{NO},escape") -> list[BindingType]:
    """A question's keys: `yes` and `no` say what each answer does ("Delete",
    "Keep"), in English as every key's description (the app translates them);
    `yes_keys` and `no_keys` the keys that give each answer."""
    return [Binding(yes_keys, "yes", yes, id="answer-yes"),
            Binding(no_keys, "no", no, id="answer-no")]


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True when the user answers yes. A question says what
    its answers do through its `BINDINGS` (`answers`), or per question with
    `yes` and `no` (already in the user's language)."""

    DEFAULT_CSS = """
    #confirm-details { height: auto; max-height: 16; }
    #confirm-buttons { height: auto; align: right middle; }
    #confirm-buttons Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = answers("Yes", "No")

    def __init__(self, question: str, details: str = "", *, yes: str | None = None,
                 no: str | None = None, yes_variant: ButtonVariant = "error") -> None:
        """`question` and `details` are Rich markup in the user's language;
        `yes_variant` how the yes button looks (red where yes loses something)."""
        super().__init__()
        self.question, self.details, self.yes_variant = question, details, yes_variant
        declared = {b.action: b for b in self.BINDINGS if isinstance(b, Binding)}
        self.words = {"yes": yes or _(declared["yes"].description),
                      "no": no or _(declared["no"].description)}
        self.keys = {answer: said_keys(binding) for answer, binding in declared.items()}
        self._bindings = BindingsMap([
            Binding(self.keys[answer], answer, self.words[answer], id=binding.id)
            for answer, binding in declared.items()])

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(f"[b]{self.question}[/b]", id="confirm-question")
            if self.details:
                with VerticalScroll(id="confirm-details"):
                    yield Static(self.details)
            with Horizontal(id="confirm-buttons"):
                yield Button(self._label("yes"), id="yes", variant=self.yes_variant)
                yield Button(self._label("no"), id="no")
        yield FittingFooter()

    def _label(self, answer: str) -> str:
        """``Delete (y)``: the answer's words and its first key."""
        key = self.keys[answer].split(",")[0]
        return f"{self.words[answer]} ({'esc' if key == 'escape' else key})"

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)
