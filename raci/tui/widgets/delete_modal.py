"""Before a delete: what refers to the entity and what goes with it."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from raci.model.changes import Change
from raci.tui.describe import plural


class ConfirmDelete(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Delete", id="confirm-delete"),
        Binding("n,escape", "cancel", "Keep", id="cancel-delete"),
    ]

    def __init__(self, title: str, references: list[str], change: Change) -> None:
        super().__init__()
        self.title_text, self.references, self.change = title, references, change

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-box"):
            yield Static(f"[b]Delete {escape(self.title_text)}?[/b]", id="delete-title")
            with VerticalScroll(id="delete-references"):
                yield Static(self._consequences())
            with Horizontal(id="delete-buttons"):
                yield Button("Delete (y)", id="confirm", variant="error")
                yield Button("Keep (n)", id="cancel")

    def _consequences(self) -> str:
        lines = []
        if self.references:
            lines.append(f"Referred to by {len(self.references)}; these references go too:")
            lines += [f"  • {escape(reference)}" for reference in self.references]
        also = self.change.delete[:-1]
        if also:
            lines.append(f"Indicators deleted with it: {escape(', '.join(also))}")
        if self.change.unassign:
            count = len(self.change.unassign)
            lines.append(f"Its {plural(count, 'RACI assignment')} {'goes' if count == 1 else 'go'}"
                         " too.")
        if not lines:
            return "Nothing refers to it."
        lines.append("Undo (ctrl+z) brings it all back.")
        return "\n".join(lines)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
