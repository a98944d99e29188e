"""Before a delete: what refers to the entity and what goes with it."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual.binding import BindingType

from raci.i18n import _, ngettext
from raci.model import Assignment, Model
from raci.model.changes import Change
from raci.tui.describe import field_label, label
from raci.tui.widgets.confirm import ConfirmScreen, answers


class ConfirmDelete(ConfirmScreen):
    BINDINGS: ClassVar[list[BindingType]] = answers("Delete", "Keep")

    def __init__(self, model: Model, entity_id: str, change: Change) -> None:
        """`change` is the removal the user confirms; the model is read before it is made."""
        references = [f"{label(model, r.source)} ({field_label(r.field)})"
                      for r in model.references_to(entity_id)
                      if not r.field.startswith("raci.")]  # listed as assignments below
        assignments = [_assignment_text(model, entity_id, a) for a in change.unassign]
        also_deleted = change.delete[:-1]  # the indicators measuring it, which go with it
        super().__init__(_("Delete {entity}?").format(entity=escape(label(model, entity_id))),
                         _consequences(references, also_deleted, assignments))


def _consequences(references: list[str], also_deleted: list[str], assignments: list[str]) -> str:
    lines = []
    if references:
        lines.append(_("Referred to by {count}; these references go too:").format(
            count=len(references)))
        lines += [f"  • {escape(reference)}" for reference in references]
    if also_deleted:
        lines.append(_("Indicators deleted with it: {ids}").format(
            ids=escape(", ".join(also_deleted))))
    if assignments:
        count = len(assignments)
        lines.append(ngettext("{count} RACI assignment goes too:",
                              "{count} RACI assignments go too:", count).format(count=count))
        lines += [f"  • {escape(assignment)}" for assignment in assignments]
    if not lines:
        return _("Nothing refers to it.")
    lines.append(_("Undo (ctrl+z) brings it all back."))
    return "\n".join(lines)


def _assignment_text(model: Model, entity_id: str, assignment: Assignment) -> str:
    """An assignment as seen from the entity deleted: without repeating its name."""
    if assignment.actor == entity_id:
        return _("{letter} on {item}").format(letter=assignment.letter,
                                               item=label(model, assignment.item))
    held = f"{assignment.letter}: {label(model, assignment.actor)}"
    if assignment.item == entity_id:
        return held
    return _("{letter} on {item}").format(letter=held, item=assignment.item)
