"""The waivers screen: every waiver of the model, what it waives, and changing it.

Opened from the findings view (`W`) or the palette. `enter` changes a
waiver's reason, expiry or author; `d` removes it (undo brings it back).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from raci.i18n import N_, Said, _, format_date
from raci.lint.findings import Finding, FindingIndex
from raci.lint.rules import find_rule
from raci.model import Waiver
from raci.model.changes import Change
from raci.tui.describe import label, labels, plural
from raci.tui.messages import ChangeRequested, raci_app
from raci.tui.session import Session
from raci.tui.widgets.footer import FittingFooter
from raci.tui.widgets.waiver_modal import WaiverForm


def waives(waiver: Waiver, finding: Finding) -> bool:
    """Whether the waiver is written for the finding, as the linter matches them
    (docs/lint.md): its rule, and the same targets or a single one among them. Expiry
    is not looked at: an expired waiver is still the one to change."""
    rule = find_rule(waiver.rule)
    if (rule.code if rule else waiver.rule) != finding.code:
        return False
    targets = set(waiver.target)
    return targets == set(finding.targets) or (
        len(targets) == 1 and waiver.target[0] in finding.targets)


def waiver_of(waivers: list[Waiver], finding: Finding) -> int | None:
    """The number of the first waiver written for the finding, or None."""
    return next((n for n, waiver in enumerate(waivers) if waives(waiver, finding)), None)


class WaiversScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,e", "change", "Change", id="change-waiver"),
        Binding("d,delete", "remove", "Remove", id="remove-waiver"),
        Binding("j", "cursor('down')", "Down", show=False, id="waivers-down"),
        Binding("k", "cursor('up')", "Up", show=False, id="waivers-up"),
        Binding("ctrl+z", "app.undo", "Undo", id="waivers-undo"),
        Binding("ctrl+y", "app.redo", "Redo", id="waivers-redo"),
        Binding("escape", "dismiss", "Close", id="close-waivers"),
    ]

    def __init__(self, session: Session, index: FindingIndex, as_of: dt.date) -> None:
        super().__init__()
        self.session, self.index, self.as_of = session, index, as_of

    def compose(self) -> ComposeResult:
        with Vertical(id="waivers-box"):
            yield Static("[b]Waivers[/b]", id="waivers-title")
            yield OptionList(id="waivers-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.show_waivers()

    def show_waivers(self, index: FindingIndex | None = None) -> None:
        """(Re)list the waivers, keeping the cursor; the app calls this after each lint."""
        if index is not None:
            self.index = index
        options = self.query_one("#waivers-list", OptionList)
        kept = options.highlighted
        options.clear_options()
        waivers = self.session.model.waivers
        options.add_options(Option(self._describe(waiver), id=f"waiver:{number}")
                            for number, waiver in enumerate(waivers))
        if waivers:
            options.highlighted = min(kept or 0, len(waivers) - 1)
        self.query_one("#waivers-title", Static).update(
            _("[b]Waivers[/b] ({count})  [dim]enter: change · d: remove (ctrl+z undoes) · "
              "escape: close[/]").format(count=len(waivers)) if waivers else
            _("[b]Waivers[/b]  [dim]none yet: press w on a finding to waive it[/]"))

    def _describe(self, waiver: Waiver) -> str:
        model = self.session.model
        # A finding a waiver is written for has the waiver's (first) target among its own.
        about = self.index.about(waiver.target[0]) if waiver.target else []
        waived = sum(1 for f in about if f.waived and waives(waiver, f))
        if waiver.expires is not None and waiver.expires < self.as_of:
            state = _("[b $warning]expired {date}[/]: the finding is back").format(
                date=format_date(waiver.expires))
        elif waived:
            state = _("waives {findings}").format(findings=plural(waived, "finding"))
        else:
            state = _("[b $primary]waives nothing[/] (WAI002)")
        details = [escape(waiver.reason)]
        if waiver.expires and waiver.expires >= self.as_of:
            details.append(_("until {date}").format(date=format_date(waiver.expires)))
        if waiver.author:
            # An author the model knows (a person's id) by name, as everywhere in the app.
            details.append(_("by {author}").format(author=escape(label(model, waiver.author))))
        on = _("{letter} on {item}").format(letter=f"[b]{escape(waiver.rule)}[/b]",
                                            item=escape(labels(model, waiver.target)))
        return f"{on} · {state}\n  [dim]{' · '.join(details)}[/]"

    def _chosen(self) -> int | None:
        options = self.query_one("#waivers-list", OptionList)
        return options.highlighted if options.option_count else None

    def action_cursor(self, direction: str) -> None:
        options = self.query_one("#waivers-list", OptionList)
        getattr(options, f"action_cursor_{direction}")()

    @on(OptionList.OptionSelected, "#waivers-list")
    def action_change(self) -> None:
        number = self._chosen()
        if number is None or not raci_app(self).may_edit():
            return
        waiver = self.session.model.waivers[number]

        def changed(new: Waiver | None) -> None:
            if new is not None and new != waiver:
                self.app.post_message(ChangeRequested(
                    Change(waivers=with_waiver(self.session.model.waivers, number, new)),
                    Said(N_("Changed the waiver of {rule} on {targets}"),
                         rule=new.rule, targets=labels(self.session.model, new.target))))

        self.app.push_screen(WaiverForm(self.session.model, waiver, self.as_of, editing=True),
                             changed)

    def action_remove(self) -> None:
        number = self._chosen()
        if number is None or not raci_app(self).may_edit():
            return
        waivers = list(self.session.model.waivers)
        gone = waivers.pop(number)
        self.app.post_message(ChangeRequested(
            Change(waivers=waivers),
            Said(N_("Removed the waiver of {rule} on {targets}"),
                 rule=gone.rule, targets=labels(self.session.model, gone.target))))


def with_waiver(waivers: list[Waiver], number: int | None, waiver: Waiver) -> list[Waiver]:
    """The waivers with `waiver` added, or put in place of number `number`."""
    if number is None:
        return [*waivers, waiver]
    return [waiver if n == number else w for n, w in enumerate(waivers)]
