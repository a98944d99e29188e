"""Before a filled form is closed with escape: throw away what was typed?"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Static

from raci.i18n import _


class ConfirmDiscard(ModalScreen[bool]):
    """Dismisses with True when the user throws the form's changes away."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "discard", "Throw away", id="confirm-discard"),
        Binding("n,escape", "keep", "Keep editing", id="keep-editing"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="discard-box"):
            yield Static(_("[b]Throw away what you typed?[/b]\nNothing of this form is saved yet."))
            with Horizontal(id="discard-buttons"):
                yield Button(_("Throw away (y)"), id="discard", variant="error")
                yield Button(_("Keep editing (n)"), id="keep", variant="primary")
        yield Footer(compact=True)

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss(False)


def close_form(form: Screen[Any], typed: bool) -> None:
    """Close a form with nothing saved; when something was `typed`, only once the
    user says to throw it away."""

    def discarded(yes: bool | None) -> None:
        if yes:
            form.dismiss(None)

    if typed:
        form.app.push_screen(ConfirmDiscard(), discarded)
    else:
        form.dismiss(None)
