"""`R`: a review session in the app, as `raci review` holds one (`raci.lint.review`).

The findings are walked one at a time, the largest first. For each: fix it
with one of its suggestions (enter, or its number), accept it with a reason
(a waiver with the author and an expiry), note an action (who, what, by
when), skip it, or go to it and edit (the review pauses; `R` goes on, and
a finding the edits resolved counts as fixed by them). Fixes and waivers
are made where edits go now (a scenario, or the model) and can be undone.
At the end, or on `q`, the minutes (`minutes_markdown`, as `raci review`
writes them) go to a Markdown file next to the database.

The review works on a copy of the model (its `Suggester`'s), kept in step
with the app's by making each decision's change in both; a pause is ended
on a fresh copy.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.markup import escape
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.worker import Worker

from raci.i18n import _, ngettext, pgettext
from raci.lint.review import (
    ActionOwners,
    Review,
    ReviewItem,
    date_or_none,
    login_name,
    minutes_markdown,
    required_text,
)
from raci.lint.suggestions import Suggestion
from raci.model.scenarios import Step
from raci.tui.commands import Command, CommandList
from raci.tui.describe import labels
from raci.tui.language import theme_and_keys
from raci.tui.messages import ChangeRequested
from raci.tui.screens.answers import AnswerForm, Answers, Question
from raci.tui.screens.form import FormScreen, KeysInOrderScreen, press_again
from raci.tui.screens.suggestions import (
    SUGGESTIONS_CSS,
    finding_text,
    say_if_failed,
    suggester_for,
    suggestion_detail,
    suggestion_option,
    where_said,
)
from raci.tui.widgets.explorer import ChoiceList
from raci.tui.widgets.footer import FittingFooter

if TYPE_CHECKING:
    from raci.tui.app import RaciApp


@dataclass
class Reviewing:
    """A review under way in the app."""

    review: Review
    item: ReviewItem | None = None
    """The finding on the table."""
    paused: bool = False
    meanwhile: list[Step] = field(default_factory=list)
    """The edits made in the app while the review was paused."""


def minutes_path(label: str, day: dt.date) -> Path:
    """Where the minutes go: next to the database (``org.db`` ->
    ``org-review-2026-12-06.md``, in Dutch ``org-bespreking-2026-12-06.md``,
    then ``-2``, ``-3`` if taken); for a database URL, in the working directory."""
    base = Path("raci") if "://" in label else Path(label)
    review = pgettext("minutes file name", "review")
    stem = f"{base.stem}-{review}-{day.isoformat()}"
    for number in itertools.count(1):
        path = base.with_name(f"{stem}{'' if number == 1 else f'-{number}'}.md")
        if not path.exists():
            return path
    raise AssertionError("unreachable")


def write_minutes(reviewing: Reviewing, path: Path) -> None:
    """The review's minutes, ended early if a finding is still on the table."""
    reviewing.review.ended_early = reviewing.item is not None
    path.write_text(minutes_markdown(reviewing.review), encoding="utf-8")


def minutes_on_quit(app: RaciApp) -> Text | None:
    """Quitting with a review under way (paused, mostly) ends it as `q` in
    it does: the minutes written, the edits of a pause in them. What the
    app says as it ends: where they are, or why they could not be written."""
    reviewing = app.reviewing
    if reviewing is None:
        return None
    if reviewing.paused and reviewing.meanwhile and app.session is not None:
        assert reviewing.item is not None
        reviewing.review.resume(suggester_for(app.session), reviewing.item,
                                reviewing.meanwhile)
        if reviewing.item.decision is not None:  # the edits fixed it
            reviewing.item = reviewing.review.next_item()
    path = minutes_path(app.label, reviewing.review.date)
    try:
        write_minutes(reviewing, path)
    except OSError as error:
        return Text(_("The review ended early; its minutes could not be written to {path}: "
                      "{error}").format(path=path, error=error.strerror))
    app.reviewing = None
    return Text(_("The review ended early: {decided} decided; the minutes are in {path}").format(
        decided=reviewing.review.decided, path=path.resolve()))


class SuggestionList(ChoiceList):
    """The review's suggestions: enter is the review's own key (fix with the
    one under the cursor), named in its footer, not the list's selection."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action != "select"


class ReviewCommands(CommandList):
    """The palette in the review: the review's own decisions, as its keys make
    them, then Textual's theme and keys (in a question the review asks, only
    those). The app's commands act on the views behind the review ("Show
    matrix" switched the view under it, found only on leaving it): not here.
    One provider, so that the decisions come first in every language (two
    answered in either order)."""

    def commands(self) -> list[Command]:
        """Each decision the review's footer line names, its key for help."""
        screen, app = self.screen, self.app
        decisions: list[Command] = [
            (_(binding.description), app.get_key_display(binding),
             partial(app.run_action, binding.action, screen))
            for bindings in screen._bindings.key_to_bindings.values() for binding in bindings
            if binding.show] if isinstance(screen, ReviewScreen) else []
        return decisions + [(command.title, command.help, command.callback)
                            for command in theme_and_keys(app, screen)]


class ReviewScreen(KeysInOrderScreen[None]):
    COMMANDS: ClassVar = {ReviewCommands}
    DEFAULT_CSS = "ReviewScreen { align: center middle; }" + SUGGESTIONS_CSS.replace(
        "#suggestions-box", "#review-box")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Not a priority key: typed while the next finding loads, it waits for
        # it (`take_key`) as the other keys do.
        Binding("enter", "fix", "Fix with it", id="review-fix"),
        Binding("a", "accept", "Accept (waive)", id="review-accept"),
        Binding("n", "note", "Note an action", id="review-note"),
        Binding("e", "edit", "Go to it and edit", id="review-edit"),
        Binding("s", "skip", "Skip", id="review-skip"),
        Binding("q", "end", "End, write the minutes", id="review-end"),
        Binding("escape", "pause", "Pause", id="review-pause"),
        *(Binding(str(n), f"fix({n})", show=False, id=f"review-fix-{n}") for n in range(1, 10)),
    ]

    def __init__(self, app: RaciApp) -> None:
        super().__init__()
        self.raci = app
        self.suggestions: list[Suggestion] = []
        self.busy = True
        """While a decision is asked for or made and the next finding and its
        suggestions are worked out: the keys typed meanwhile wait for it."""
        self._typed: list[events.Key] = []
        """Keys typed and not yet pressed, in order (`take_key`)."""
        self._pressing = False

    def compose(self) -> ComposeResult:
        with Vertical(id="review-box"):
            yield Static("[b]" + _("Review session") + "[/b]", id="review-progress")
            yield Static(_("Trying the remedies on a copy of the model…"), id="review-finding")
            yield SuggestionList(id="review-suggestions", classes="suggestion-list")
            with VerticalScroll(classes="suggestion-detail"):
                yield Static("", id="review-detail")
            yield Static("[dim]" + _("enter, 1-9: fix · a: accept · n: note an action · "
                                     "e: edit · s: skip · q: end, write the minutes · "
                                     "esc: pause") + "[/]",
                         id="review-keys")
        # The line above names every key: the footer keeps ending and pausing.
        yield FittingFooter(give_way=("edit", "note", "accept", "skip"))

    def on_mount(self) -> None:
        reviewing = self.raci.reviewing
        if reviewing is None:
            self.app.push_screen(AnswerForm(_("[b]Review the findings[/b], the largest first"), [
                Question("author", _("minutes by (the decisions and waivers are theirs)"),
                         required_text, login_name())]), self._start)
            self.call_later(self._press_typed)  # a name typed with `R` goes into it
        elif reviewing.paused:
            self._carry_on(lambda: self._resume(reviewing))
        else:
            self._carry_on(lambda: None)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        say_if_failed(self, event)

    def _start(self, answers: Answers | None) -> None:
        if answers is None:  # keys typed after escape go to the views
            self.dismiss()
            self.app.call_later(self._press_typed)
            return
        session = self.raci.session
        assert session is not None
        kept_in, author = self.raci.where_edits_go(), str(answers["author"])

        def start() -> None:
            review = Review(suggester_for(session), author, self.raci.label, kept_in)
            self.raci.reviewing = Reviewing(review)

        self._carry_on(start)

    def _resume(self, reviewing: Reviewing) -> None:
        assert self.raci.session is not None and reviewing.item is not None
        reviewing.review.resume(suggester_for(self.raci.session), reviewing.item,
                                reviewing.meanwhile)
        reviewing.paused, reviewing.meanwhile = False, []
        reviewing.item = None

    # ---- the walk ---------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _carry_on(self, decide: Callable[[], Step | None]) -> None:
        """Make a decision (on the review's copy), then find the next finding
        and try its suggestions; the UI thread shows them and makes the step."""
        step = decide()
        reviewing = self.raci.reviewing
        assert reviewing is not None
        if reviewing.item is None or reviewing.item.decision is not None:
            reviewing.item = reviewing.review.next_item()
        item = reviewing.item
        suggestions = [] if item is None else reviewing.review.suggestions(item)
        self.app.call_from_thread(self._shown, step, suggestions)

    def _shown(self, step: Step | None, suggestions: list[Suggestion]) -> None:
        if step is not None:
            self.raci.post_message(ChangeRequested(step.change, step.summary))
        reviewing = self.raci.reviewing
        assert reviewing is not None
        self.busy = False
        if reviewing.item is None:
            self.action_end()  # keys typed meanwhile go to the app (`_press_typed`)
            self.call_later(self._press_typed)
            return
        self.suggestions = suggestions
        self._show(reviewing.review, reviewing.item)
        self.call_later(self._press_typed)

    async def take_key(self, key: events.Key) -> None:
        """Keys typed while a decision is asked for or made (`s`, then `n` and
        the action's owner, at once; enter in the action's form, then `s`)
        are pressed on the next finding once it is shown, in order. Textual
        runs a key's binding only once the key has come up to the app, after
        the keys typed next went by the review (`n` found the review deciding
        on `s`, and did nothing): they are pressed here as they come, each
        after the decision before it."""
        self._typed.append(key)
        await self._press_typed()

    async def _press_typed(self) -> None:
        """The keys typed, in order: those typed before a form a key opened was
        ready go into it, the others are pressed while a finding is on the
        table and wait while a decision is asked for or made; once the review
        closed, or under another screen, they go to the app."""
        if self._pressing:
            return  # the loop under way takes the key just typed
        self._pressing = True
        try:
            while self._typed:
                key, screen = self._typed[0], self.app.screen
                if isinstance(screen, FormScreen) and screen.typed_before_ready(key):
                    screen.take_typed(self._typed.pop(0))
                elif self.busy and self in self.app.screen_stack:
                    return
                elif screen is self:
                    await self._press(self._typed.pop(0))
                else:
                    press_again(self.app, self._typed.pop(0))
        finally:
            self._pressing = False

    async def _press(self, key: events.Key) -> None:
        """The app's keys that run at once (tab, ctrl+q), then the review's own
        (enter fixes at once, not through the list's selection, a message
        away), then the list's (up, down)."""
        if await self.app._check_bindings(key.key, priority=True):
            return
        for binding in self._bindings.key_to_bindings.get(key.key, ()):
            if await self.app.run_action(binding.action, self):
                return
        await self.app._check_bindings(key.key)

    def _show(self, review: Review, item: ReviewItem) -> None:
        self.query_one("#review-progress", Static).update(
            "[b]" + _("Review session") + "[/b] · " + _(
                "finding {position} of {count}, the largest first · {decided} decided · "
                "minutes by {author} · changes go into {kept_in}").format(
                position=review.position, count=len(review.items), decided=review.decided,
                author=escape(review.author), kept_in=escape(where_said(review.kept_in))))
        finding = item.finding
        came = ("\n[dim](" + _("brought up by a fix in this review") + ")[/]"
                if item.introduced else "")
        model = review.suggester.model
        about = labels(model, [t for t in finding.targets if t in model])
        self.query_one("#review-finding", Static).update(
            f"{finding_text(finding)}\n[dim]"
            + _("about {entities}").format(entities=escape(about)) + f"[/]{came}\n"
            + (ngettext("{count} suggestion:", "{count} suggestions:",
                        len(self.suggestions)).format(count=len(self.suggestions))
               if self.suggestions else _("No suggestion: accept it, note an action, go to "
                                          "it and edit (e), or skip it.")))
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(suggestion_option(n, s) for n, s in enumerate(self.suggestions, 1))
        detail = self.query_one("#review-detail", Static)
        detail.update("")
        if self.suggestions:
            options.highlighted = 0
            options.focus()

    @on(OptionList.OptionHighlighted, "#review-suggestions")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.suggestions:
            self.query_one("#review-detail", Static).update(
                suggestion_detail(self.suggestions[event.option_index], self._kept_in()))

    def _kept_in(self) -> str:
        reviewing = self.raci.reviewing
        return "the model" if reviewing is None else reviewing.review.kept_in

    def _on_the_table(self) -> tuple[Review, ReviewItem] | None:
        reviewing = self.raci.reviewing
        if self.busy or reviewing is None or reviewing.item is None:
            return None
        return reviewing.review, reviewing.item

    def _decide(self, decide: Callable[[], Step | None]) -> None:
        self.busy = True
        self.query_one("#review-finding", Static).update("…")
        self._carry_on(decide)

    # ---- the decisions ----------------------------------------------------------

    @on(OptionList.OptionSelected, "#review-suggestions")
    def _clicked(self) -> None:
        self.action_fix()

    def action_fix(self, number: int | None = None) -> None:
        table = self._on_the_table()
        if table is None:
            return
        index = self.query_one(OptionList).highlighted if number is None else number - 1
        if index is None or not 0 <= index < len(self.suggestions):
            self.notify(_("No such suggestion"), severity="warning", timeout=2)
            return
        review, item = table
        suggestion = self.suggestions[index]
        self._decide(lambda: review.fix(item, suggestion))

    def action_accept(self) -> None:
        table = self._on_the_table()
        if table is None:
            return
        review, item = table
        if not review.can_accept(item):
            self.notify(_("{code} findings cannot be waived: fix it, note an action or skip "
                          "it").format(code=item.finding.code), severity="warning", timeout=4)
            return

        def accepted(answers: Answers | None) -> None:
            if answers is None:
                self._not_decided()
                return
            reason, until = str(answers["reason"]), answers["until"]
            assert until is None or isinstance(until, dt.date)
            self._decide(lambda: review.accept(item, reason, until))

        self.busy = True
        self.app.push_screen(AnswerForm(
            "[b]" + _("Accept") + f"[/b] {finding_text(item.finding)}\n[dim]"
            + _("a waiver by {author}").format(author=escape(review.author)) + "[/]",
            [Question("reason", _("reason: why this is acceptable"), required_text),
             Question("until", _("until: YYYY-MM-DD, or none (the finding returns after it)"),
                      date_or_none, review.default_expiry().isoformat())]), accepted)

    def action_note(self) -> None:
        table = self._on_the_table()
        if table is None:
            return
        review, item = table

        def noted(answers: Answers | None) -> None:
            if answers is None:
                self._not_decided()
                return
            due = answers["by"]
            assert due is None or isinstance(due, dt.date)
            review.note(item, str(answers["who"]), str(answers["what"]), due)
            self._decide(lambda: None)

        owners = ActionOwners(review.suggester.model)
        self.busy = True
        self.app.push_screen(AnswerForm(
            _("[b]Note an action[/b] on {finding}").format(finding=finding_text(item.finding)),
            [Question("who", _("who takes it: a person's name or id, or anyone else"),
                      owners.read, note=owners.said),
             Question("what", _("what they do"), required_text),
             Question("by", _("by when: YYYY-MM-DD, or none"), date_or_none)]), noted)

    def _not_decided(self) -> None:
        """A question closed with no answer: the finding is on the table again."""
        self.busy = False
        self.call_later(self._press_typed)

    def action_skip(self) -> None:
        table = self._on_the_table()
        if table is not None:
            table[0].skip(table[1])
            self._decide(lambda: None)

    def action_edit(self) -> None:
        """Pause on this finding and show its first target in the explorer."""
        table = self._on_the_table()
        if table is not None:
            target = table[1].finding.targets[0]
            self.action_pause()
            self.raci.show_entity(target)

    def action_pause(self) -> None:
        reviewing = self.raci.reviewing
        if reviewing is not None and reviewing.item is not None:
            reviewing.paused = True
            self.notify(_("Review paused: edit the model, then R goes on with this finding"),
                        title=_("Review session"), timeout=6)
        self.dismiss()

    def action_end(self) -> None:
        """Write the minutes next to the database and end the review."""
        reviewing = self.raci.reviewing
        if reviewing is None:
            self.dismiss()
            return
        if self.busy and reviewing.item is not None:
            self.notify(_("A moment: the decision is being made"), timeout=2)
            return
        review = reviewing.review
        path = minutes_path(self.raci.label, review.date)
        try:
            write_minutes(reviewing, path)
        except OSError as error:
            self.notify(_("Could not write the minutes to {path}: {error}; the review goes "
                          "on (q tries again)").format(path=path, error=error.strerror),
                        severity="error", timeout=10)
            return
        self.raci.reviewing = None
        self.notify(_("{decided} decided; the minutes are in {path}").format(
                        decided=review.decided, path=path.resolve()),
                    title=_("Review ended"),
                    timeout=12)
        self.dismiss()
