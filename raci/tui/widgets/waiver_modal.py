"""Waive a finding, or change a waiver: a reason is required.

Opened from the findings view (`w` on a finding) and from the waivers
screen (`enter` on a waiver). The expiry date and the author are optional;
the author completes to the login name (the review's author), an author of
the model's waivers or a person of the model (`right` or `tab` takes it).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from raci.i18n import _, format_date
from raci.model import Model, Waiver, parse_date
from raci.tui.describe import labels
from raci.tui.matching import EntityFinder, entity_named
from raci.tui.screens.form import FieldInput, FormScreen
from raci.tui.screens.keys import FOCUS_KEYS
from raci.tui.widgets.discard_modal import close_form
from raci.tui.widgets.entity_form import MATCHES_SHOWN
from raci.tui.widgets.footer import FittingFooter


def authors_offered(model: Model) -> list[str]:
    """What the author completes to, the likeliest first: the login name,
    the authors already written in the model's waivers, its people by name,
    then by id."""
    from raci.lint.review import login_name  # not needed to start the app

    people = list(model.collection("person").values())
    return list(dict.fromkeys([login_name(), *(w.author for w in model.waivers if w.author),
                               *(p.name for p in people), *(p.id for p in people)]))


def author_written(model: Model, typed: str) -> str | None:
    """The author as the waiver keeps it: a person of the model by their id
    (as the sample's authors are written), whether their id was typed or
    their name as the entity form takes one (`entity_named`); anyone else as
    typed; None for no author."""
    typed = typed.strip()
    people = model.collection("person")
    if not typed or typed in people:
        return typed or None
    named = entity_named(EntityFinder(people.values()), typed, MATCHES_SHOWN)
    return named.id if named is not None else typed


class WaiverForm(FormScreen[Waiver | None]):
    AUTO_FOCUS = "#waiver-reason"
    """Not the scrolling box around the fields, which would take the first key."""
    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        # ctrl+s says what the button says: Waive a new waiver, Save a changed one
        Binding("ctrl+s", "waive", "Waive", id="waive", priority=True),
        Binding("ctrl+s", "save", "Save", id="save-waiver", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-waiver"),
    ]

    def __init__(self, model: Model, waiver: Waiver, as_of: dt.date, *, about: str = "",
                 editing: bool = False) -> None:
        """`waiver` gives the rule and targets (and, when `editing`, the fields);
        `about` is the finding's message, as markup (`finding_message`)."""
        super().__init__()
        self.waiver, self.about, self.editing = waiver, about, editing
        self.targets = labels(model, waiver.target)
        self.model = model
        self.authors = authors_offered(model)
        self.as_of = as_of
        """The date the time rules use: an expiry before it would waive nothing."""

    def compose(self) -> ComposeResult:
        verb = _("Change the waiver of") if self.editing else _("Waive")
        waiver = self.waiver if self.editing else None
        with Vertical(id="waiver-box"):
            yield Static(f"[b]{verb} {self.waiver.rule}[/b] "
                         + _("on {targets}").format(targets=escape(self.targets))
                         + (f"\n[dim]{self.about}[/]" if self.about else ""),
                         id="waiver-title")
            with VerticalScroll(id="waiver-fields"):
                yield Label(_("reason * [dim]why this is acceptable[/]"))
                yield FieldInput(waiver.reason if waiver else "", id="waiver-reason",
                            select_on_focus=False)
                yield Static("", id="waiver-reason-error", classes="field-error")
                yield Label(_("expires [dim]YYYY-MM-DD, optional: the finding returns after it[/]"))
                yield FieldInput(waiver.expires.isoformat() if waiver and waiver.expires else "",
                            id="waiver-expires", placeholder=_("YYYY-MM-DD, or none"))
                yield Static("", id="waiver-expires-error", classes="field-error")
                yield Label(_("author [dim]optional: who accepted it[/]"))
                yield FieldInput(waiver.author or "" if waiver else "", id="waiver-author",
                                 suggester=SuggestFromList(self.authors, case_sensitive=False))
            with Horizontal(id="waiver-buttons"):
                yield Button(_("Save") if self.editing else _("Waive"), id="save",
                             variant="primary")
                yield Button(_("Cancel"), id="cancel")
        yield FittingFooter()

    def problems(self) -> dict[str, str]:
        """Field -> what is wrong with it."""
        # Imported here: the review's module, and the suggestions it imports,
        # are not needed to start the app (the findings view imports this form).
        from raci.lint.review import means_no_date

        problems = {}
        if not self.query_one("#waiver-reason", Input).value.strip():
            problems["reason"] = _("required: say why this finding is acceptable")
        expires = self.query_one("#waiver-expires", Input).value.strip()
        if not means_no_date(expires):
            try:
                if parse_date(expires) < self.as_of:
                    problems["expires"] = _(
                        "{date} is already past (the model's date is {as_of}); give a later "
                        "date or none").format(date=expires, as_of=format_date(self.as_of))
            except ValueError:
                problems["expires"] = _("{text} is not a date (YYYY-MM-DD)").format(
                    text=repr(expires))
        return problems

    @on(Input.Changed)
    def _show_problems(self) -> dict[str, str]:
        problems = self.problems()
        for name in ("reason", "expires"):
            error = self.query_one(f"#waiver-{name}-error", Static)
            error.update(escape(problems.get(name, "")))
            error.display = name in problems  # `.field-error` shows only when there is one
            self.query_one(f"#waiver-{name}", Input).set_class(name in problems, "-invalid")
        return problems

    @on(Input.Blurred, "#waiver-author")
    def _left_author(self, event: Input.Blurred) -> None:
        """Leaving the author (tab, which the app runs as it arrives) takes the
        completion shown, as `right` does: what the field showed is what is saved."""
        if event.input.cursor_at_end:
            event.input.action_cursor_right()

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.once_typed(self._save)

    def action_waive(self) -> None:
        self.action_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+s is Waive as a waiver is made, Save as one is changed: as the button."""
        if action in ("waive", "save"):
            return (action == "save") == self.editing
        return True

    def _save(self) -> None:
        from raci.lint.review import means_no_date

        problems = self._show_problems()
        if problems:
            self.notify(_("Fix the marked fields first"), severity="warning", timeout=3)
            self.query_one(f"#waiver-{next(iter(problems))}", Input).focus()
            return
        expires = self.query_one("#waiver-expires", Input).value.strip()
        self.dismiss(Waiver(
            rule=self.waiver.rule,
            target=list(self.waiver.target),
            reason=self.query_one("#waiver-reason", Input).value.strip(),
            expires=None if means_no_date(expires) else parse_date(expires),
            author=author_written(self.model, self.query_one("#waiver-author", Input).value),
        ))

    def on_mount(self) -> None:
        self.initial = self._typed()

    def _typed(self) -> list[str]:
        return [field.value for field in self.query("#waiver-fields Input").results(Input)]

    def holds_typing(self) -> bool:
        return self._typed() != self.initial

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        close_form(self, self.holds_typing())
