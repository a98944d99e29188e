"""Before a delete: what refers to the entity and what goes with it."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from raci.i18n import _, ngettext
from raci.model import Assignment, Model
from raci.model.changes import Change
from raci.tui.describe import field_label, label


class ConfirmDelete(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Delete", id="confirm-delete"),
        Binding("n,escape", "cancel", "Keep", id="cancel-delete"),
    ]

    def __init__(self, model: Model, entity_id: str, change: Change) -> None:
        """`change` is the removal the user confirms; the model is read before it is made."""
        super().__init__()
        self.title_text = label(model, entity_id)
        self.references = [f"{label(model, r.source)} ({field_label(r.field)})"
                           for r in model.references_to(entity_id)
                           if not r.field.startswith("raci.")]  # listed as assignments below
        self.assignments = [_assignment_text(model, entity_id, a) for a in change.unassign]
        self.also_deleted = change.delete[:-1]
        """The indicators measuring the entity, which go with it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="delete-box"):
            yield Static(_("[b]Delete {entity}?[/b]").format(entity=escape(self.title_text)),
                         id="delete-title")
            with VerticalScroll(id="delete-references"):
                yield Static(self._consequences())
            with Horizontal(id="delete-buttons"):
                yield Button(_("Delete (y)"), id="confirm", variant="error")
                yield Button(_("Keep (n)"), id="cancel")
        yield Footer(compact=True)

    def _consequences(self) -> str:
        lines = []
        if self.references:
            lines.append(_("Referred to by {count}; these references go too:").format(
                count=len(self.references)))
            lines += [f"  • {escape(reference)}" for reference in self.references]
        if self.also_deleted:
            lines.append(_("Indicators deleted with it: {ids}").format(
                ids=escape(", ".join(self.also_deleted))))
        if self.assignments:
            count = len(self.assignments)
            lines.append(ngettext("{count} RACI assignment goes too:",
                                  "{count} RACI assignments go too:", count).format(count=count))
            lines += [f"  • {escape(assignment)}" for assignment in self.assignments]
        if not lines:
            return _("Nothing refers to it.")
        lines.append(_("Undo (ctrl+z) brings it all back."))
        return "\n".join(lines)

    @on(Button.Pressed, "#confirm")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


def _assignment_text(model: Model, entity_id: str, assignment: Assignment) -> str:
    """An assignment as seen from the entity deleted: without repeating its name."""
    if assignment.actor == entity_id:
        return _("{letter} on {item}").format(letter=assignment.letter,
                                               item=label(model, assignment.item))
    held = f"{assignment.letter}: {label(model, assignment.actor)}"
    if assignment.item == entity_id:
        return held
    return _("{letter} on {item}").format(letter=held, item=assignment.item)
