"""Give an entity a new id, everywhere it is named (as `raci rename` does).

Opened with `r` in the explorer or from the palette. The new id is checked
as it is typed; the rename is one change, undone like any other.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, Static

from raci.i18n import _
from raci.model import Model
from raci.model.entities import ID_MAX_LENGTH, is_valid_id
from raci.tui.describe import label, plural
from raci.tui.screens.form import FieldInput, FormScreen
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.widgets.footer import FittingFooter


class RenameForm(FormScreen[str | None]):
    """Dismisses with the new id, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        Binding("ctrl+s", "save", "Rename", id="save-rename", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-rename"),
    ]

    def __init__(self, model: Model, entity_id: str) -> None:
        super().__init__()
        self.model, self.entity_id = model, entity_id

    def compose(self) -> ComposeResult:
        references = self.model.references_to(self.entity_id)
        assignments = sum(1 for r in references if r.field.startswith("raci."))
        assignments += len(self.model.assignments_of_item(self.entity_id))
        waivers = sum(1 for r in references if r.source.startswith("waivers["))
        fields = len(references) - waivers - sum(
            1 for r in references if r.field.startswith("raci."))
        follows = ", ".join(text for count, text in (
            (fields, plural(fields, "reference")), (assignments, plural(assignments, "assignment")),
            (waivers, plural(waivers, "waiver"))) if count)
        with Vertical(id="rename-box"):
            yield Static(_("[b]Rename {entity}[/b]").format(
                entity=escape(label(self.model, self.entity_id))) + "\n[dim]" + (
                _("Everything that names it follows: {what}; ctrl+z undoes it.").format(
                    what=follows) if follows else
                _("Everything that names it follows; ctrl+z undoes it.")) + "[/]")
            with Horizontal(classes="field-row"):
                yield Label(_("new id *"), classes="field-label")
                # Selected as it gets the focus: a new id typed replaces the old.
                yield FieldInput(self.entity_id, id="rename-id", compact=True)
            yield Static("", id="rename-error", classes="field-error")
            with Horizontal(id="rename-buttons"):
                yield Button(_("Rename"), id="save", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield FittingFooter()

    def problem(self) -> str:
        new = self.query_one("#rename-id", Input).value.strip()
        if new == self.entity_id:
            return _("give it a new id")
        if not is_valid_id(new):
            return _("an id starts with a letter or digit, then letters, digits, _ . : - "
                     "(at most {most})").format(most=ID_MAX_LENGTH)
        if new in self.model:
            return _("id {id} is already used by {entity}").format(
                id=repr(new), entity=label(self.model, new))
        return ""

    @on(Input.Changed)
    def _show_problem(self) -> str:
        problem = self.problem()
        error = self.query_one("#rename-error", Static)
        error.update(escape(problem))
        error.display = bool(problem)
        self.query_one("#save", Button).disabled = bool(problem)
        return problem

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.once_typed(self._save)

    def _save(self) -> None:
        if self._show_problem():
            self.notify(_("Fix the new id first"), severity="warning", timeout=3)
            return
        self.dismiss(self.query_one("#rename-id", Input).value.strip())

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
