"""The modal forms' base: keys typed as a form opens go into its first field.

A form gives its first field the focus once it is mounted, a moment after
it opens (a second on a national model). A fast typist who presses `n` and
the name at once sends the first keys before that: they reach the form,
not a field, and were lost. Here they go into the field that gets the focus.
"""

from __future__ import annotations

from textual import events
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget
from textual.widgets import Input


class FormScreen(ModalScreen[ScreenResultType]):
    def first_field(self) -> Widget | None:
        """The field the form opens in: the first focusable widget `AUTO_FOCUS` names."""
        return next((w for w in self.query(self.AUTO_FOCUS or "*") if w.focusable), None)

    def on_key(self, event: events.Key) -> None:
        """A printable key that reached the form itself, not a field: typed before
        the first field had the focus. (A field with the focus takes such keys.)"""
        if not event.is_printable or event.character is None:
            return
        field = self.focused or self.first_field()
        if isinstance(field, Input) and not field.disabled:
            event.stop()
            event.prevent_default()
            field.insert_text_at_cursor(event.character)
