"""A fact the model does not record (DAT001): what it means, and declaring it.

Opened by `enter` on a DAT001 finding, which is about a kind of fact, not an
entity. The rules that need the fact are not run while it lacks; declaring
it in `org.not_recorded` says that the source does not record it, which
silences DAT001 and keeps those rules off. Recording the fact instead is
done entity by entity, in the explorer.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from raci.i18n import _, ngettext
from raci.lint.message import localized
from raci.lint.rules.data import FACTS
from raci.tui.describe import in_words


class FactScreen(ModalScreen[bool]):
    """Dismisses with True when the user declares the fact not recorded."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "declare", "Add to not recorded", id="declare-fact"),
        Binding("escape", "close", "Close", id="close-fact"),
    ]

    def __init__(self, fact: str, message: str) -> None:
        """`fact` as `org.not_recorded` names it; `message` is DAT001's."""
        super().__init__()
        self.fact, self.message = fact, message

    def compose(self) -> ComposeResult:
        codes = next((f.rules for f in FACTS if f.name == self.fact), ())
        rules = (" " + _("and") + " ").join(codes)
        words = in_words(self.fact)
        with Vertical(id="fact-box"):
            yield Static("[b]" + _("Not recorded: {fact}").format(fact=words) + "[/b]",
                         id="fact-title")
            yield Static(
                f"{escape(localized(self.message))}\n\n"
                + ngettext("Record {fact} on the entities, in the explorer, and {rules} runs "
                           "again.",
                           "Record {fact} on the entities, in the explorer, and {rules} run "
                           "again.", len(codes)).format(fact=words, rules=rules) + "\n"
                + ngettext("If the source does not record {fact}, add `{name}` to "
                           "org.not_recorded [b](a)[/b]: DAT001 stops reporting it and {rules} "
                           "stays off. The organisation form (o) lists the facts not recorded.",
                           "If the source does not record {fact}, add `{name}` to "
                           "org.not_recorded [b](a)[/b]: DAT001 stops reporting it and {rules} "
                           "stay off. The organisation form (o) lists the facts not recorded.",
                           len(codes)).format(fact=words, name=self.fact, rules=rules),
                id="fact-text")
            with Horizontal(id="fact-buttons"):
                yield Button(_("Add to not recorded (a)"), id="declare", variant="primary")
                yield Button(_("Close (esc)"), id="close")
        yield Footer(compact=True)

    @on(Button.Pressed, "#declare")
    def action_declare(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(False)
