"""The add/edit form, opened from the explorer: checks as you type, completes ids.

The checks are the model file's own (see `raci.tui.forms`); a field's
problems show under it and the form saves only when nothing is wrong.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from raci.model import Entity
from raci.tui.forms import FormCheck, FormField, check_form, form_fields, known_problems, values_of
from raci.tui.messages import ChangeRequested
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.session import Session
from raci.tui.widgets.discard_modal import ConfirmDiscard

CHECK_DELAY_SECONDS = 0.15
"""Wait for a pause in typing before checking against the whole model."""


class IdSuggester(Suggester):
    """Completes the last id of a comma-separated list from the model's ids."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.ids = sorted(ids)

    async def get_suggestion(self, value: str) -> str | None:
        last = value.rpartition(",")[2].lstrip()
        if not last:
            return None
        index = bisect_left(self.ids, last)
        if index < len(self.ids) and self.ids[index].startswith(last):
            return value + self.ids[index][len(last):]
        return None


class EntityForm(ModalScreen[tuple[str, ChangeRequested] | None]):
    """Add (entity None) or edit one entity; dismisses with the edit to make."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
    ]

    def __init__(self, session: Session, kind: str, entity: Entity | None) -> None:
        super().__init__()
        self.session, self.kind, self.entity = session, kind, entity
        self.fields = form_fields(kind)
        model = session.model
        self.values = values_of(model, entity) if entity else {}
        self.known = known_problems(model, session.lock)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        title = (f"Edit {self.kind} {escape(self.entity.id)}" if self.entity
                 else f"Add {self.kind}")
        with Vertical(id="form-box"):
            yield Static(f"[b]{title}[/b]  [dim]ctrl+s saves, escape cancels[/]", id="form-title")
            with VerticalScroll(id="form-fields"):
                for form_field in self.fields:
                    star = " *" if form_field.required else ""
                    hint = f" [dim]{form_field.hint}[/]" if form_field.hint else ""
                    if form_field.type != "bool":
                        yield Label(f"{form_field.name}{star}{hint}", classes="field-label")
                    yield self._widget(form_field)
                    yield Static("", id=f"error-{form_field.name}", classes="field-error")
            yield Static("", id="form-problems")
            with Horizontal(id="form-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")
        yield Footer(compact=True)

    def _widget(self, form_field: FormField) -> Widget:
        value = self.values.get(form_field.name, "")
        widget_id = f"field-{form_field.name}"
        if form_field.type == "bool":
            return Checkbox(form_field.name, value == "yes", id=widget_id)
        if form_field.type in ("choice", "tristate"):
            choices = form_field.choices or ("yes", "no")
            return Select([(c, c) for c in choices], value=value or Select.NULL,
                          allow_blank=not form_field.required, id=widget_id,
                          prompt="default" if form_field.type == "tristate" else "Select")
        suggester = None
        if form_field.targets:
            model = self.session.model
            suggester = IdSuggester([i for k in form_field.targets for i in model.collection(k)])
        # Editing goes on from the end of what is there: `e` then typing must not
        # replace a name with the first key pressed.
        return Input(value, placeholder=form_field.hint, suggester=suggester, id=widget_id,
                     disabled=form_field.name == "id" and self.entity is not None,
                     select_on_focus=False)

    def on_mount(self) -> None:
        first = next(w for w in self.query("#form-fields Input, #form-fields Select")
                     if not w.disabled)
        first.focus()
        self._check()
        self.initial = self.form_values()

    # ---- checking ----------------------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY_SECONDS, self._check)

    def form_values(self) -> dict[str, str]:
        values = {}
        for form_field in self.fields:
            widget = self.query_one(f"#field-{form_field.name}")
            if isinstance(widget, Checkbox):
                values[form_field.name] = "yes" if widget.value else "no"
            elif isinstance(widget, Select):
                values[form_field.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                values[form_field.name] = widget.value
        return values

    def _check(self) -> FormCheck:
        editing = self.entity.id if self.entity else None
        check = check_form(self.session.model, self.kind, self.form_values(), editing,
                           self.session.lock, self.known)
        for form_field in self.fields:
            problems = check.by_field.get(form_field.name, [])
            self.query_one(f"#error-{form_field.name}", Static).update(
                escape("; ".join(problems)))
            self.query_one(f"#field-{form_field.name}").set_class(bool(problems), "-invalid")
        self.query_one("#form-problems", Static).update(escape("\n".join(check.general)))
        self.query_one("#save", Button).disabled = not check.ok
        focused = self.focused.id.removeprefix("field-") if self.focused and self.focused.id else ""
        if focused in check.by_field:
            # The error is under the field, where a short terminal may not show it yet.
            self.query_one(f"#error-{focused}").scroll_visible(animate=False)
        return check

    # ---- closing -----------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        if self._changed_meanwhile():
            return
        check = self._check()
        if check.change is None:
            self.notify("Fix the marked fields first", severity="warning", timeout=3)
            wrong = next((f.name for f in self.fields if f.name in check.by_field), None)
            if wrong is not None:
                self.query_one(f"#field-{wrong}").focus()
                self.query_one(f"#error-{wrong}").scroll_visible(animate=False)
            return
        entity = check.change.put[0]
        verb = "Saved" if self.entity else f"Added {self.kind}"
        self.dismiss((entity.id, ChangeRequested(check.change,
                                                 f"{verb} {entity.name} ({entity.id})")))

    def _changed_meanwhile(self) -> bool:
        """Refuse to save over what another process changed while the form was open:
        the app reloads the model, and saving every field would undo their change."""
        if self.entity is None:
            return False
        model = self.session.model
        current = model.get(self.entity.id)
        if current is not None and values_of(model, current) == self.values:
            return False
        gone = "removed" if current is None else "changed"
        self.notify(f"{self.entity.name} ({self.entity.id}) was {gone} by someone else while "
                    "you edited it; nothing was saved. Press escape and open it again to see "
                    "their change.", title="Not saved", severity="error", timeout=10)
        return True

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close; when something was typed, only once the user says to throw it away."""
        if self.form_values() == self.initial:
            self.dismiss(None)
        else:
            self.app.push_screen(ConfirmDiscard(), self._discarded)

    def _discarded(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)
