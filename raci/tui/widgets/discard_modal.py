"""Before a filled form is closed with escape: throw away what was typed?"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import BindingType
from textual.screen import Screen

from raci.i18n import _
from raci.tui.widgets.confirm import ConfirmScreen, answers


class ConfirmDiscard(ConfirmScreen):
    """Dismisses with True when the user throws the form's changes away."""

    DEFAULT_CSS = "ConfirmDiscard #confirm-box { max-width: 60; }"
    BINDINGS: ClassVar[list[BindingType]] = answers("Throw away", "Keep editing")

    def __init__(self) -> None:
        super().__init__(_("Throw away what you typed?"),
                         _("Nothing of this form is saved yet."))


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
