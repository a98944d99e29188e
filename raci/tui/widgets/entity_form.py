"""The add/edit form, opened from the explorer: checks as you type, completes by name.

The checks are the model file's own (see `raci.tui.forms`); a field's
problems show under it and the form saves only when nothing is wrong.
Labels stand beside their fields, so a form fits 80×24. A field that takes
ids offers the entities whose name or id is like what is typed (`down` and
`up` choose, `enter`, or `right` at the end of what is typed, takes one); a
new entity's id is made from its name until the user types one.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from raci.i18n import N_, Said, _
from raci.model import Entity
from raci.model.ids import id_from_name
from raci.tui.describe import field_label, in_words, labels
from raci.tui.forms import (
    ID_PREFIXES,
    FormCheck,
    FormField,
    check_form,
    form_fields,
    known_problems,
    values_of,
)
from raci.tui.matching import EntityFinder, entity_named, holds_typed
from raci.tui.messages import ChangeRequested
from raci.tui.screens.form import FieldInput, FormScreen
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.session import Session
from raci.tui.widgets.footer import FittingFooter
from raci.vocabulary import KIND_NAMES, capitalised

CHECK_DELAY_SECONDS = 0.15
"""Wait for a pause in typing before checking the entity against the model."""
MATCHES_SHOWN = 5
YES_NO = {"true": N_("yes"), "false": N_("no")}
"""How a yes/no field's choices read; the form's text is the model file's word."""


def last_part(text: str) -> str:
    """What is being typed in a comma-separated list: the text after the last comma."""
    return text.rpartition(",")[2].strip()


def with_last_part(text: str, entity_id: str) -> str:
    """The list with what is being typed replaced by `entity_id`."""
    before, comma, _ = text.rpartition(",")
    return f"{before}{comma} {entity_id}" if comma else entity_id


class IdField(FieldInput):
    """A field that takes ids: `right` at the end of what is typed takes the
    completion chosen under it, as `right` takes a suggester's completion."""

    class RightAtEnd(Message):
        pass

    def action_cursor_right(self, select: bool = False) -> None:
        if self.cursor_at_end and not select:
            self.post_message(self.RightAtEnd())
        else:
            super().action_cursor_right(select)


class EntityForm(FormScreen[tuple[str, ChangeRequested] | None]):
    """Add (entity None) or edit one entity; dismisses with the edit to make."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        Binding("ctrl+s", "save", "Save", id="save-form", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-form"),
    ]
    AUTO_FOCUS = "#field-name"
    """The name, adding or editing (the id made from it, or not to be changed):
    focused as the form is composed, the field styled once, not twice."""

    def __init__(self, session: Session, kind: str, entity: Entity | None) -> None:
        super().__init__()
        self.session, self.kind, self.entity = session, kind, entity
        self.fields = form_fields(kind)
        model = session.model
        self.values = values_of(model, entity) if entity else {}
        self.known = known_problems(model, session.lock, entity.id if entity else None)
        self.finders: dict[str, EntityFinder] = {}
        self.made_id: str | None = "" if entity is None else None
        """The id last made from the name; None once the user typed an id (or when editing)."""
        self._timer: Timer | None = None
        self.initial: dict[str, str] = {}
        self._said: dict[str, str] = {}
        """The problems said under each field: only a change is drawn again."""

    def compose(self) -> ComposeResult:
        title = (_("Edit {kind} {name} ({id})").format(
                     kind=KIND_NAMES[self.kind], name=escape(self.entity.name),
                     id=escape(self.entity.id))
                 if self.entity
                 else capitalised(_("Add {kind}").format(kind=KIND_NAMES[self.kind])))
        with Vertical(id="form-box"):
            required = _("* required")
            yield Static(f"[b]{title}[/b]  [dim]{required}[/]", id="form-title")
            with VerticalScroll(id="form-fields"):
                for form_field in self.fields:
                    with Horizontal(classes="field-row"):
                        star = " *" if form_field.required else ""
                        yield Label(f"{escape(field_label(form_field.name))}{star}",
                                    classes="field-label")
                        yield self._widget(form_field)
                    yield Static("", id=f"error-{form_field.name}", classes="field-error")
                    if form_field.targets:
                        matches = OptionList(id=f"matches-{form_field.name}",
                                             classes="field-matches")
                        matches.can_focus = False  # the field keeps the keys; tab skips it
                        yield matches
            yield Static("", id="form-hint")
            yield Static("", id="form-problems")
            with Horizontal(id="form-buttons"):
                yield Button(_("Save"), id="save", variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield FittingFooter()

    def _widget(self, form_field: FormField) -> Widget:
        value = self.values.get(form_field.name, "")
        widget_id = f"field-{form_field.name}"
        if form_field.type == "bool":
            return Checkbox("", value == "true", id=widget_id, compact=True)
        if form_field.type in ("choice", "tristate"):
            choices = form_field.choices or ("true", "false")
            # an optional choice left open is not given (the rules take their default)
            return Select([(_(YES_NO[c]) if c in YES_NO else in_words(c), c) for c in choices],
                          value=value or Select.NULL, allow_blank=not form_field.required,
                          id=widget_id, compact=True,
                          prompt=in_words(form_field.default) if form_field.default
                          else _("not given"))
        # Editing goes on from the end of what is there: `e` then typing must not
        # replace a name with the first key pressed.
        field = IdField if form_field.targets else FieldInput
        return field(value, placeholder=form_field.hint, id=widget_id, compact=True,
                     disabled=form_field.name == "id" and self.entity is not None,
                     select_on_focus=False)

    def on_mount(self) -> None:
        self._check()
        self.initial = self.form_values()

    # ---- checking ----------------------------------------------------------------

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        if isinstance(event, Input.Changed) and event.input.id:
            self._typed(event.input.id.removeprefix("field-"), event.value)
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(CHECK_DELAY_SECONDS, self._check)

    def _typed(self, name: str, value: str) -> None:
        if name == "name" and self.made_id is not None:
            field = self.query_one("#field-id", Input)
            if field.value != self.made_id:
                self.made_id = None  # the user's own id: the name no longer changes it
                return
            self.made_id = id_from_name(value, self.session.model,
                                        ID_PREFIXES.get(self.kind, "")) if value.strip() else ""
            with field.prevent(Input.Changed):  # not the user's typing
                field.value = self.made_id
        elif name in self._finders_needed():
            self._show_matches(name, value)

    def form_values(self) -> dict[str, str]:
        values = {}
        for form_field in self.fields:
            widget = self.query_one(f"#field-{form_field.name}")
            if isinstance(widget, Checkbox):
                values[form_field.name] = "true" if widget.value else "false"
            elif isinstance(widget, Select):
                values[form_field.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                values[form_field.name] = widget.value
        return values

    def _check(self) -> FormCheck:
        editing = self.entity.id if self.entity else None
        check = check_form(self.session.model, self.kind, self.form_values(), editing,
                           self.session.lock, self.known)
        matches = self._open_matches()
        choosing = matches.id.removeprefix("matches-") if matches and matches.id else None
        for form_field in self.fields:
            # While the user chooses among the completions, what is typed is no id yet.
            problems = [] if form_field.name == choosing else check.by_field.get(
                form_field.name, [])
            said = escape("; ".join(problems))
            if said != self._said.get(form_field.name, ""):
                # Each update lays the form out again: the empty lines of the
                # fields with nothing to say, redrawn at every check, slowed
                # the form's opening and each pause in typing.
                self._said[form_field.name] = said
                error = self.query_one(f"#error-{form_field.name}", Static)
                error.update(said)
                error.display = bool(problems)
            self.query_one(f"#field-{form_field.name}").set_class(bool(problems), "-invalid")
        self.query_one("#form-problems", Static).update(escape("\n".join(check.general)))
        self.query_one("#save", Button).disabled = not check.ok
        focused = self._focused_field()
        if focused in check.by_field:
            # The error is under the field, where a short terminal may not show it yet.
            self.query_one(f"#error-{focused}").scroll_visible(animate=False)
        self._show_names(focused)
        return check

    def _focused_field(self) -> str:
        widget = self.focused
        return widget.id.removeprefix("field-") if widget and widget.id else ""

    def _show_names(self, name: str) -> None:
        """Who the ids of the focused field are, by name, under the fields."""
        hint = ""
        if name in self._finders_needed():
            model = self.session.model
            ids = [i.strip() for i in self.query_one(f"#field-{name}", Input).value.split(",")]
            known = [i for i in ids if i in model]
            if known:
                hint = f"[b]{escape(field_label(name))}[/b]: {escape(labels(model, known))}"
        self.query_one("#form-hint", Static).update(hint)

    # ---- completing by name ------------------------------------------------------

    def _finders_needed(self) -> dict[str, FormField]:
        return {f.name: f for f in self.fields if f.targets}

    def _finder(self, name: str) -> EntityFinder:
        if name not in self.finders:
            model = self.session.model
            kinds = self._finders_needed()[name].targets
            self.finders[name] = EntityFinder(
                e for kind in sorted(kinds) for e in model.collection(kind).values())
        return self.finders[name]

    def _show_matches(self, name: str, value: str) -> None:
        matches = self.query_one(f"#matches-{name}", OptionList)
        typed = last_part(value)
        listed = {part.strip() for part in value.split(",")[:-1]}  # offered once only
        found = [e for e in self._finder(name).find(typed, MATCHES_SHOWN + len(listed))
                 if e.id not in listed][:MATCHES_SHOWN] if typed else []
        matches.clear_options()
        if found and not (len(found) == 1 and found[0].id == typed):
            matches.add_options(Option(f"{escape(e.name)} [dim]{escape(e.id)}[/]", id=e.id)
                                for e in found)
            # Enter takes the first only if it holds what was typed; a near
            # one is there to choose with down.
            matches.highlighted = 0 if holds_typed(found[0], typed) else None
        # Not under a field left already: its text, typed before the tab, came after it.
        matches.display = matches.option_count > 0 and self._focused_field() == name

    def _open_matches(self) -> OptionList | None:
        """The completions under the focused field, when they show."""
        name = self._focused_field()
        if name not in self._finders_needed():
            return None
        matches = self.query_one(f"#matches-{name}", OptionList)
        return matches if matches.display and matches.option_count else None

    def on_key(self, event: events.Key) -> None:
        """`down`/`up` choose a completion, `escape` hides them (and leaves the form open)."""
        matches = self._open_matches()
        if matches is None or event.key not in ("down", "up", "escape"):
            return
        event.stop()
        event.prevent_default()
        if event.key == "escape":
            matches.display = False
        elif event.key == "down":
            matches.action_cursor_down()
        else:
            matches.action_cursor_up()

    @on(Input.Submitted)
    def _take_match(self, event: Input.Submitted) -> None:
        matches = self._open_matches()
        if matches is not None and matches.highlighted is not None:
            event.stop()
            self._complete(matches, matches.highlighted)

    @on(IdField.RightAtEnd)
    def _right_at_end(self) -> None:
        matches = self._open_matches()
        if matches is not None and matches.highlighted is not None:
            self._complete(matches, matches.highlighted)

    @on(OptionList.OptionSelected, ".field-matches")
    def _match_clicked(self, event: OptionList.OptionSelected) -> None:
        self._complete(event.option_list, event.option_index)

    def _complete(self, matches: OptionList, index: int) -> None:
        assert matches.id is not None
        field = self.query_one(f"#field-{matches.id.removeprefix('matches-')}", Input)
        chosen = matches.get_option_at_index(index).id or ""
        matches.display = False
        with field.prevent(Input.Changed):
            field.value = with_last_part(field.value, chosen)
        field.cursor_position = len(field.value)
        field.focus()
        self._check()

    @on(events.DescendantBlur)
    def _left_field(self, event: events.DescendantBlur) -> None:
        """The completions close, a name that names one entity becomes its id,
        and the field's problems show (hidden while completions were offered)."""
        for matches in self.query(".field-matches").results(OptionList):
            if matches.display and not matches.has_focus:
                matches.display = False
        if isinstance(event.widget, IdField):
            # After the keys typed into it before the tab that left it (tab runs as it arrives).
            event.widget.call_later(self._left_id_field, event.widget)

    def _left_id_field(self, field: IdField) -> None:
        if self.app.screen is self:  # not as the form closes
            self._take_names(field)
            self._check()

    def _take_names(self, field: Input) -> None:
        """Each name in an id field that names one entity, as its id."""
        assert field.id is not None
        name, model = field.id.removeprefix("field-"), self.session.model
        parts = [part.strip() for part in field.value.split(",")]
        taken = [part if not part or part in model else self._named(name, part)
                 for part in parts]
        if taken != parts:
            with field.prevent(Input.Changed):
                field.value = ", ".join(taken)

    def _named(self, name: str, typed: str) -> str:
        """The id of the entity `typed` names (`entity_named`), else `typed`."""
        named = entity_named(self._finder(name), typed, MATCHES_SHOWN)
        return named.id if named is not None else typed

    # ---- closing -----------------------------------------------------------------

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.once_typed(self._save)

    def _save(self) -> None:
        if self._changed_meanwhile():
            return
        if self.made_id is not None:  # the name's last change may not have reached it yet
            self._typed("name", self.query_one("#field-name", Input).value)
        for field in self.query(IdField).results(IdField):
            self._take_names(field)
        check = self._check()
        if check.change is None:
            self.notify(_("Fix the marked fields first"), severity="warning", timeout=3)
            wrong = next((f.name for f in self.fields if f.name in check.by_field), None)
            if wrong is not None:
                self.query_one(f"#field-{wrong}").focus()
                self.query_one(f"#error-{wrong}").scroll_visible(animate=False)
            return
        entity = check.change.put[0]
        said = Said(N_("Saved {name} ({id})") if self.entity else N_("Added {kind} {name} ({id})"),
                    kind=KIND_NAMES.said(self.kind), name=entity.name, id=entity.id)
        self.dismiss((entity.id, ChangeRequested(check.change, said)))

    def _changed_meanwhile(self) -> bool:
        """Refuse to save over what another process changed while the form was open:
        the app reloads the model, and saving every field would undo their change."""
        if self.entity is None:
            return False
        model = self.session.model
        current = model.get(self.entity.id)
        if current is not None and values_of(model, current) == self.values:
            return False
        said = (_("{name} ({id}) was removed by someone else while you edited it; nothing "
                  "was saved. Press escape and open it again to see their change.")
                if current is None else
                _("{name} ({id}) was changed by someone else while you edited it; nothing "
                  "was saved. Press escape and open it again to see their change."))
        self.notify(said.format(name=self.entity.name, id=self.entity.id), title=_("Not saved"),
                    severity="error", timeout=10)
        return True

    def holds_typing(self) -> bool:
        return self.form_values() != self.initial

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
