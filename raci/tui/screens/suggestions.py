"""`f` on a finding: its suggestions, each tried on a copy of the model.

The same `Suggester` as `raci lint --suggest`: each suggestion says what it
does, why it was chosen, and the findings it resolves and introduces.
Enter makes the one under the cursor, where edits go now (the scenario, or
the model); ctrl+z undoes it. The suggestions are worked out in a thread,
on a copy of the model, so the app stays responsive on a large model.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from raci.i18n import _, ngettext
from raci.lint.findings import Finding
from raci.lint.message import localized
from raci.lint.suggestions import Suggester, Suggestion
from raci.tui.markup import finding_message
from raci.tui.session import Session
from raci.tui.widgets.explorer import ChoiceList
from raci.tui.widgets.findings import GROUP_STYLES
from raci.tui.widgets.footer import FittingFooter
from raci.vocabulary import LEVEL_NAMES

MOST_LISTED = 8
"""A suggestion's detail lists at most this many resolved (or introduced) findings."""


def suggester_for(session: Session) -> Suggester:
    """A `Suggester` on a copy of the session's model, as the session lints it.

    The copy (`Model.working_copy`) has collections and look-ups of its own
    and the same entities: the tries replace entities, never change one, so
    the model the app shows is not touched. A deep copy took 7 s of a
    national model's 9."""
    with session.lock:
        model = session.model.working_copy()
    return Suggester(model, session.config)


def say_if_failed(screen: Screen[Any], event: Worker.StateChanged) -> None:
    """A suggestion tried in a thread that failed: say so rather than wait forever."""
    if event.state is WorkerState.ERROR:
        screen.notify(_("Internal error: {kind}: {error}").format(
            kind=type(event.worker.error).__name__, error=event.worker.error),
            title=_("Not tried"), severity="error", timeout=10)


def finding_text(finding: Finding) -> str:
    """``OWN002 error: message``, the level in the user's language and its colour, as markup."""
    level = f"[{GROUP_STYLES[finding.level]}]{LEVEL_NAMES[finding.level]}[/]"
    return f"[b]{finding.code}[/b] {level}: {finding_message(finding)}"


def suggestion_option(number: int, suggestion: Suggestion) -> Option:
    resolved, introduced = len(suggestion.resolves), len(suggestion.introduces)
    outcome = (_("resolves {resolved}, introduces {introduced}") if introduced
               else _("resolves {resolved}")).format(resolved=resolved, introduced=introduced)
    safe = " · " + _("certain") if suggestion.certain else ""
    summary = escape(localized(suggestion.summary))
    return Option(f"[b]{number}.[/b] {summary} [dim]({outcome}{safe})[/]")


def where_said(where: str) -> str:
    """Where edits go (``the model``, ``scenario plan``, as the app says it) in the
    current language."""
    if where == "the model":
        return _("the model")
    if where.startswith("scenario "):
        return _("scenario {name}").format(name=where.removeprefix("scenario "))
    return where


def suggestion_detail(suggestion: Suggestion, where: str) -> str:
    """Why this one, then every finding it resolves and introduces."""
    lines = []
    if suggestion.remedy.because:
        because = escape(localized(suggestion.remedy.because))
        lines += ["[dim]" + _("Because {reason}").format(reason=because) + "[/]", ""]
    for title, none, found in (
            (_("Resolves {count}"), _("Resolves nothing"), suggestion.resolves),
            (_("Introduces {count}"), _("Introduces no new findings"), suggestion.introduces)):
        lines.append("[b]" + (title.format(count=len(found)) + ":" if found else none) + "[/b]")
        lines += [f"  {finding_text(f)}" for f in found[:MOST_LISTED]]
        if len(found) > MOST_LISTED:
            lines.append("  " + _("and {count} more").format(count=len(found) - MOST_LISTED))
    lines += ["", "[dim]" + _("Enter makes it in {where}; ctrl+z undoes it.").format(
        where=escape(where_said(where))) + "[/]"]
    return "\n".join(lines)


SUGGESTIONS_CSS = """
#suggestions-box {
    width: 100%; max-width: 110; height: 100%; max-height: 40;
    border: thick $accent; background: $surface; padding: 0 1;
}
.suggestion-list { height: auto; max-height: 10; padding: 0; }
.suggestion-list, .suggestion-list:focus { border: none; }
.suggestion-detail { height: 1fr; border-top: solid $panel; }
"""


class SuggestionsScreen(ModalScreen[Suggestion | None]):
    DEFAULT_CSS = "SuggestionsScreen { align: center middle; }" + SUGGESTIONS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "make", "Make it", id="make-suggestion", priority=True),
        Binding("escape", "dismiss(None)", "Close", id="close-suggestions"),
    ]

    def __init__(self, session: Session, finding: Finding, where: str) -> None:
        """`where` says where the edit goes: ``scenario plan`` or ``the model``."""
        super().__init__()
        self.session, self.finding, self.where = session, finding, where
        self.suggestions: list[Suggestion] | None = None
        """None while they are being tried."""

    def compose(self) -> ComposeResult:
        with Vertical(id="suggestions-box"):
            yield Static(_("[b]Suggestions[/b] for {finding}").format(
                finding=finding_text(self.finding)),
                         id="suggestions-title")
            yield Static(_("Trying the remedies on a copy of the model…"),
                         id="suggestions-status")
            yield ChoiceList(id="suggestions-list", classes="suggestion-list")
            with VerticalScroll(classes="suggestion-detail"):
                yield Static("", id="suggestion-detail")
        yield FittingFooter()

    def on_mount(self) -> None:
        self._try()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        say_if_failed(self, event)

    @work(thread=True, exit_on_error=False)
    def _try(self) -> None:
        suggester = suggester_for(self.session)
        finding = suggester.current(self.finding)
        found = [] if finding is None else suggester.suggestions(finding)
        self.app.call_from_thread(self._show, found, finding is None)

    def _show(self, suggestions: list[Suggestion], gone: bool) -> None:
        self.suggestions = suggestions
        self.refresh_bindings()
        status = self.query_one("#suggestions-status", Static)
        if gone:
            status.update(_("This finding is gone (or waived) since you chose it."))
        elif not suggestions:
            status.update(_("No suggestion: this rule has no clear remedy here, or none that "
                            "resolves it without an error. Edit the model: the rule's line in "
                            "the findings view says how to fix it."))
        else:
            status.update(ngettext(
                "{count} suggestion, the most likely first. Enter makes the one under the "
                "cursor.",
                "{count} suggestions, the most likely first. Enter makes the one under the "
                "cursor.", len(suggestions)).format(count=len(suggestions)))
        options = self.query_one(OptionList)
        options.add_options(suggestion_option(n, s) for n, s in enumerate(suggestions, 1))
        if suggestions:
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionHighlighted, "#suggestions-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.suggestions:
            self.query_one("#suggestion-detail", Static).update(
                suggestion_detail(self.suggestions[event.option_index], self.where))

    @on(OptionList.OptionSelected, "#suggestions-list")
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is offered only when there is a suggestion to make."""
        return action != "make" or bool(self.suggestions)

    def action_make(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if self.suggestions and highlighted is not None:
            self.dismiss(self.suggestions[highlighted])
