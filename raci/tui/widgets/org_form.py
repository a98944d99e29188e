"""The organisation's header: its name, description, as-of date and the facts
its source does not record (`org.not_recorded`).

Opened with `o` in the explorer (or the palette), and before anything else
when `raci edit` creates a new database, so that a model is named after the
organisation rather than after its file.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static

from raci.i18n import _
from raci.model import Org, parse_date
from raci.model.entities import NOT_RECORDED_FACTS
from raci.tui.describe import field_label, in_words
from raci.tui.screens.form import FieldInput, FormScreen
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.widgets.discard_modal import close_form
from raci.tui.widgets.footer import FittingFooter

FACT_RULES = {
    "chairs": "BOD007, ORG004", "holders": "OWN004, ORG003", "responsibles": "OWN007",
    "success_criteria": "STR005", "indicators": "STR003, STR004", "goals": "STR002",
    "cadence": "DEC002",
}
"""The rules a fact turns off when it is not recorded (docs/lint.md), shown beside it."""


class OrgForm(FormScreen[Org | None]):
    """Dismisses with the organisation's new header, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        # ctrl+s says what the button says: Create a new model, Save a changed one
        Binding("ctrl+s", "create", "Create", id="create-org", priority=True),
        Binding("ctrl+s", "save", "Save", id="save-org", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-org"),
    ]

    def __init__(self, org: Org | None, *, new: str = "") -> None:
        """`org` is the header to change; `new` names the database being created."""
        super().__init__()
        self.org = org or Org(name="")
        self.new = new
        self.initial: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        title = (_("[b]A new model in {label}[/b]: what is the organisation called?").format(
                     label=escape(self.new)) if self.new else _("[b]The organisation[/b]"))
        with Vertical(id="org-box"):
            required = _("* required")
            yield Static(f"{title}  [dim]{required}[/]", id="org-title")
            with VerticalScroll(id="org-fields"):
                for name, value, hint in (
                    ("name", self.org.name, _("e.g. Programma Warmtetransitie")),
                    ("description", self.org.description or "", _("optional")),
                    ("as_of", self.org.as_of.isoformat() if self.org.as_of else "",
                     _("YYYY-MM-DD, for the time rules (default: today)")),
                ):
                    with Horizontal(classes="field-row"):
                        star = " *" if name == "name" else ""
                        yield Label(f"{field_label(name)}{star}", classes="field-label")
                        yield FieldInput(value, placeholder=hint, id=f"org-{name}", compact=True,
                                    select_on_focus=False)
                    yield Static("", id=f"org-{name}-error", classes="field-error")
                yield Label(_("[b]Not recorded:[/b] [dim]facts the source leaves out; their rules "
                              "are not run[/]"), id="org-facts-title")
                for fact in NOT_RECORDED_FACTS:
                    yield Checkbox(f"{in_words(fact)} [dim]({FACT_RULES[fact]})[/]",
                                   fact in self.org.not_recorded, id=f"org-fact-{fact}",
                                   compact=True)
            with Horizontal(id="org-buttons"):
                yield Button(_("Create") if self.new else _("Save"), id="save",
                             variant="primary", compact=True)
                yield Button(_("Cancel"), id="cancel", compact=True)
        yield FittingFooter()

    def first_field(self) -> Input:
        return self.query_one("#org-name", Input)

    def on_mount(self) -> None:
        self.first_field().focus()
        self.initial = self._typed()

    def _typed(self) -> tuple[object, ...]:
        return (*(field.value for field in self.query("#org-fields Input").results(Input)),
                *(box.value for box in self.query("#org-fields Checkbox").results(Checkbox)))

    def _header(self) -> tuple[Org | None, dict[str, str]]:
        """The header the fields give, or None with what is wrong, by field."""
        problems: dict[str, str] = {}
        name = self.query_one("#org-name", Input).value.strip()
        if not name:
            problems["name"] = _("required: the organisation's name")
        as_of_text = self.query_one("#org-as_of", Input).value.strip()
        as_of = None
        if as_of_text:
            try:
                as_of = parse_date(as_of_text)
            except ValueError:
                problems["as_of"] = _("{text} is not a date (YYYY-MM-DD)").format(
                    text=repr(as_of_text))
        if problems:
            return None, problems
        description = self.query_one("#org-description", Input).value.strip() or None
        facts = [fact for fact in NOT_RECORDED_FACTS
                 if self.query_one(f"#org-fact-{fact}", Checkbox).value]
        return Org(name=name, description=description, as_of=as_of, not_recorded=facts), {}

    @on(Input.Changed)
    def _show_problems(self) -> None:
        _, problems = self._header()
        for name in ("name", "as_of"):
            error = self.query_one(f"#org-{name}-error", Static)
            error.update(escape(problems.get(name, "")))
            error.display = name in problems
            self.query_one(f"#org-{name}", Input).set_class(name in problems, "-invalid")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.once_typed(self._save)

    def _save(self) -> None:
        org, problems = self._header()
        if org is None:
            self._show_problems()
            self.notify(_("Fix the marked fields first"), severity="warning", timeout=3)
            self.query_one(f"#org-{next(iter(problems))}", Input).focus()
            return
        self.dismiss(org)

    def action_create(self) -> None:
        self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+s is Create as a model is made, Save as one is changed: as the button."""
        if action in ("create", "save"):
            return (action == "create") == bool(self.new)
        return True

    def holds_typing(self) -> bool:
        return self._typed() != self.initial

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        close_form(self, self.holds_typing())
