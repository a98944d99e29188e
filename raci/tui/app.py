"""The raci app (docs/app.md): explore, edit, matrix, findings and diagrams over a database.

`raci.tui.make_app` is the one way to build it, for the command line and the tests.
One database worker owns the store: it loads the model, then saves each edit
in order, noticing when another process wrote first. Lint and export run in
their own workers. Workers only post messages; the `@on` handlers below
change the app's state and tell the views.

The screens only a key opens (the review `R`, the suggestions `f`, the
scenarios `S`) are imported when one is first wanted (`keyed_screens`): the
app's start, which the user waits for, does without them and the linter's
review, suggestions and scenarios behind them (a tenth of a second of CPU).
"""

from __future__ import annotations

import asyncio
import gc
import math
import queue
import threading
import time
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events, on, work
from textual._time import get_time
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.content import Content
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Header, TabbedContent, TabPane, Tabs
from textual.worker import get_current_worker

from raci.errors import ConflictError, RaciError
from raci.errors import reason as reason_of
from raci.i18n import N_, Said, _, missing_catalogue, said_again
from raci.lint import LintConfig, load_config
from raci.lint.findings import LEVELS, Finding, FindingIndex
from raci.model import Model, Org
from raci.model.changes import Change
from raci.model.scenarios import Step
from raci.tui import POLL_SECONDS
from raci.tui.commands import RaciCommands
from raci.tui.describe import plural, what_a_change_touches
from raci.tui.language import (
    TranslatedCommandPalette,
    translate_bindings,
    translated_commands,
)
from raci.tui.messages import (
    ChangeRequested,
    ChangeSaved,
    ConflictFound,
    DiagramExported,
    EntityChosen,
    ExportFailed,
    LintFinished,
    ModelLoaded,
    PlaceOpened,
    StoreFailed,
)
from raci.tui.places import Place, ScenarioPlace, Stepped
from raci.tui.screens.form import FormKeysApp, FormScreen, KeysInOrderScreen
from raci.tui.screens.keys import FOCUS_KEYS, KEY_WORDS, KeysScreen, key_word, keys_of
from raci.tui.session import Edit, Session
from raci.tui.settings import remember_theme, remembered_theme
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.diagram import DiagramView
from raci.tui.widgets.discard_modal import ConfirmDiscard
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.fact_modal import FactScreen
from raci.tui.widgets.findings import FindingsView
from raci.tui.widgets.footer import FittingFooter
from raci.tui.widgets.matrix import MatrixView, RaciMatrix
from raci.tui.widgets.org_form import OrgForm
from raci.tui.widgets.rename_modal import RenameForm
from raci.tui.widgets.scenario_bar import ScenarioBar
from raci.tui.widgets.scope_modal import ScopePicker
from raci.tui.widgets.search import SearchBar
from raci.tui.widgets.waiver_modal import WaiverForm
from raci.tui.widgets.waivers import WaiversScreen
from raci.vocabulary import as_sentence

if TYPE_CHECKING:
    from raci.store import Store
    from raci.store.reading import Loaded
    from raci.tui.first_findings import FirstFindings
    from raci.tui.screens.review import Reviewing, ReviewScreen
    from raci.tui.screens.scenarios import ScenariosScreen
    from raci.tui.screens.suggestions import SuggestionsScreen

View = ExplorerView | MatrixView | FindingsView | DiagramView
QUIT_WAIT_SECONDS = 10.0
"""How long quitting waits for edits still being saved."""
STORE_WAIT_SECONDS = 5.0
"""How long the first model's store waits for its findings to be drawn before opening."""
DRAW_WAIT_SECONDS = 1.0
"""How long the lint worker waits for the findings to be drawn before building look-ups."""
COLLECTOR_THRESHOLDS = (10_000, 10, 100)
"""The collector's thresholds once the model is loaded. The command line's first
threshold (100,000, `raci.cli.set_collector_policy`) makes each young collection
scan that many objects, a pause of 50-80 ms in the middle of an edit; Python's
own (700, 10, 10) sweeps everything made since the freeze (the explorer's
21,000 people, the matrix) every few edits, as long."""


class RaciApp(FormKeysApp):
    CSS_PATH = "app.tcss"
    TITLE = "raci"
    COMMANDS: ClassVar = App.COMMANDS | {RaciCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *FOCUS_KEYS,
        Binding("q", "quit", "Quit", id="quit"),
        Binding("ctrl+p", "command_palette", "Palette", show=False, priority=True,
                tooltip="Open the command palette", id="command-palette"),
        Binding("question_mark", "show_keys", "Keys", id="show-keys"),
        Binding("slash", "search", "Search", id="search"),
        Binding("ctrl+z", "undo", "Undo", id="undo"),
        Binding("ctrl+y", "redo", "Redo", id="redo"),
        Binding("S", "choose_scenario", "Scenarios", id="choose-scenario"),
        Binding("R", "review", "Review", id="review"),
        Binding("1", "show_view('explorer')", "Explorer", show=False, id="view-explorer"),
        Binding("2", "show_view('matrix')", "Matrix", show=False, id="view-matrix"),
        Binding("3", "show_view('findings')", "Findings", show=False, id="view-findings"),
        Binding("4", "show_view('diagram')", "Diagram", show=False, id="view-diagram"),
    ]

    def __init__(self, url: str, label: str, *, create: bool = False,
                 poll_seconds: float = POLL_SECONDS, theme: str | None = None,
                 read_only: bool = False, scenario: str | None = None,
                 first_findings: FirstFindings | None = None) -> None:
        translate_bindings()  # before Textual copies the app's keys
        super().__init__()
        self.read_only = read_only
        """Every edit is refused (`why_read_only` says why): served without
        --write (or `raci edit --read-only`), or the database cannot be saved
        into (`_saving_stopped`)."""
        self.why_read_only = _("This model is open read-only (served without --write, or "
                               "--read-only): nothing can be changed here.")
        self.url, self.label, self.create = url, label, create
        self.first_findings = first_findings
        """The first model's findings, linted in a process of their own as the app started."""
        self.poll_seconds = poll_seconds
        self.read_only_mark = _("read-only") if read_only else ""
        """The header's first words while the app is read-only."""
        self.state = ""
        """What the header says after the mark: the findings counted, or what
        the app is doing."""
        self.chosen_theme = theme
        """`--theme`, for this run only; else the theme chosen last in the app."""
        self.session: Session | None = None
        self.findings: list[Finding] = []
        """Every finding of the last lint, sorted."""
        self.index = FindingIndex()
        """The same findings, by entity and counted; the views read them here."""
        self.not_run: dict[str, str] = {}
        """Rule code -> the fact not recorded for which the rule was not run."""
        self.failure: str | None = None
        """Why the database could not be opened, when the app gave up."""
        self._saves: queue.Queue[Edit] = queue.Queue()
        self._stale_models: set[View] = set()
        self._stale_findings: set[View] = set()
        """Views not on screen when the model or the findings changed."""
        self._lint_wanted = threading.Event()
        self._collector_set = False
        """Whether the first lint has set the collector's policy (once per app)."""
        self._started = False
        """Whether the first model's findings were drawn (the app has started)."""
        self._findings_drawn = threading.Event()
        """Set once the findings of the last lint are on screen."""
        self._adopted = threading.Event()
        """Set once the UI has taken a reloaded model; the database worker waits for it."""
        self.place = Place() if scenario is None else ScenarioPlace(name=scenario,
                                                                     create=not read_only)
        """Where edits go: the model, or a scenario (the scenario bar shows which)."""
        self.switching = False
        """While the database worker changes place, edits wait."""
        self.reviewing: Reviewing | None = None
        """The review under way, paused while the user edits (`R` resumes it)."""
        self._view_ready_at = math.inf
        """When the view shown last got the focus (infinity until it has, and
        until the first model and its findings are on screen)."""
        self._keys_for_view: list[events.Key] = []
        """Keys typed before that view got the focus that the view before it
        left: pressed again once it has (`2` and `i` typed at once); and the
        keys typed while the first model was loaded and linted, pressed
        once its findings are drawn (`2` and `r` typed during the start)."""

    def show_state(self, state: str | None = None) -> None:
        """Say `state` in the header (else the last one again), after the
        read-only mark if the app is read-only."""
        self.state = self.state if state is None else state
        self.sub_title = " · ".join(part for part in (self.read_only_mark, self.state) if part)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The sub-title (the read-only mark, the findings counts) first, so a
        narrow terminal cuts the name rather than them."""
        if not sub_title:
            return Content(title)
        return Content.assemble((sub_title, "bold"), (" — ", "dim"), title)

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScenarioBar()
        with TabbedContent(id="views", initial="explorer"):
            with TabPane(_("Explorer"), id="explorer"):
                yield ExplorerView()
            with TabPane(_("Matrix"), id="matrix"):
                yield MatrixView()
            with TabPane(_("Findings"), id="findings"):
                yield FindingsView()
            with TabPane(_("Diagram"), id="diagram"):
                yield DiagramView()
        yield FittingFooter()

    def on_mount(self) -> None:
        # No cyclic collection until the first model is loaded, linted and
        # frozen (`settle_collector`): a young collection right after the load
        # or the lint would scan every object just made (0.1 s each on a
        # national model), and none of them is garbage.
        gc.disable()
        theme = self.chosen_theme or remembered_theme()
        if theme in self.available_themes:
            self.theme = theme
        # From here on, a theme chosen in the palette is remembered for the next run.
        self.call_after_refresh(self._follow_theme)
        # The row of view names is reached by `1`-`4` and the mouse; `tab` goes
        # round a view's own widgets, not to the row, where the view's keys do nothing.
        self.query_one("#views", TabbedContent).query_one(Tabs).can_focus = False
        self.query_one(ExplorerView).focus_main()
        self._say_if_english_instead()
        if self.create:
            self.sub_title = _("a new model in {label}").format(label=self.label)
            self.push_screen(OrgForm(None, new=self.label), self._named)
        else:
            self.sub_title = _("loading {label}…").format(label=self.label)
            self._run_database(place=self.place, first=True)

    def _say_if_english_instead(self) -> None:
        """A language asked for whose catalogue is missing: said in English
        (there is nothing to say it in), long enough to read before the
        first findings' notices."""
        missing = missing_catalogue()
        if missing is not None:
            self.notify(missing, title="Language", severity="warning", timeout=30)

    def on_unmount(self) -> None:
        if self.first_findings is not None:
            self.first_findings.stop()
        if not self._collector_set:  # ended before its first model was settled
            gc.enable()

    def _named(self, org: Org | None) -> None:
        """A new database is made only once its organisation has a name."""
        if org is None:
            self.exit(message=_("Nothing was created: {label} needs the organisation's name "
                                "first.").format(label=self.label))
        else:
            self.sub_title = _("creating {label}…").format(label=self.label)
            self._run_database(org, self.place, first=True)

    def _follow_theme(self) -> None:
        if self.is_running:  # not when the database failed at once and the app is ending
            self.theme_changed_signal.subscribe(self, self._theme_chosen)

    def _theme_chosen(self, theme: Theme) -> None:
        remember_theme(theme.name)

    # ---- workers --------------------------------------------------------------

    @work(thread=True, exclusive=True, group="database", exit_on_error=False)
    def _run_database(self, org: Org | None = None, place: Place | None = None, *,
                      first: bool = False) -> None:
        """Open the store (making it, with `org` as its header, when new), load the
        model (or open `place`: a scenario, say), then save each edit in the order made.
        `first`: the app's first model, not another place."""
        from raci.store import open_store

        worker = get_current_worker()
        place = place or Place()
        beside = None if "://" in self.label else Path(self.label)
        try:
            config = load_config(beside)
            shown = self._shown_first(place, beside, config) if first and org is None else None
            store = open_store(self.url, create=self.create,
                               model=None if org is None else Model(org))
        except Exception as error:
            self.post_message(StoreFailed(_reason(error), ended=True))
            return
        try:
            if shown is None:
                place, session = self._opened(store, place, config, first=first)
                self.post_message(PlaceOpened(place))
                self.post_message(ModelLoaded(session))
            else:
                store.remember(shown)
                _ready_to_save(shown)
            looked = time.monotonic()
            while not worker.is_cancelled:
                try:
                    edit = self._saves.get(timeout=0.1)
                except queue.Empty:
                    if time.monotonic() - looked >= self.poll_seconds:
                        looked = time.monotonic()
                        store.check_file()  # removed or replaced: the app goes read-only
                        if store.revision() != store.known_revision:
                            self._hand_over(store, place, _drain(self._saves))
                    continue
                store.check_file()
                self._save(store, place, edit)
                self._saves.task_done()
        except Exception as error:
            self.post_message(StoreFailed(_reason(error), ended=True))
        finally:
            store.close()

    def _shown_first(self, place: Place, path: Path | None, config: LintConfig
                     ) -> Loaded | None:
        """Show the app's first model read straight from its SQLite file, and
        return what was read once its findings are on screen (or after a few
        seconds), for the store opened next to save into; None, showing
        nothing, where only the store can open it (`Place.read_first`).

        The store needs SQLAlchemy (a tenth of a second to import) and its
        first use is the first save: opened before the findings, it would
        hold them up, as every thread takes turns on the one interpreter."""
        first = None if path is None else place.read_first(path, config, self.first_findings)
        if first is None:
            if self.first_findings is not None:
                self.first_findings.stop()
            return None
        session, loaded = first
        self.post_message(PlaceOpened(place))
        self.post_message(ModelLoaded(session))
        waited = time.monotonic()
        while not self._findings_drawn.wait(0.1):
            if get_current_worker().is_cancelled or time.monotonic() - waited > STORE_WAIT_SECONDS:
                break
        return loaded

    def _opened(self, store: Store, place: Place, config: LintConfig, *, first: bool
                ) -> tuple[Place, Session]:
        """Open `place`; when a scenario chosen in the app cannot be opened, say why and
        open the model (the first place failing ends the app, as the model failing does)."""
        try:
            return place, place.open(store, config)
        except RaciError as error:
            if first or (place.scenario is None and place.settle is None):
                raise
            self.post_message(StoreFailed(_reason(error)))
            return Place(), Place().open(store, config)

    def _save(self, store: Store, place: Place, edit: Edit) -> None:
        """Save one edit, unless another process wrote since this one last looked."""
        try:
            if store.revision() != store.known_revision:
                raise ConflictError(_("another process changed the model"))
            place.save(store, edit)
        except ConflictError:
            self._hand_over(store, place, [edit, *_drain(self._saves)])
        except RaciError as error:  # the screen goes back to what the database holds
            self._hand_over(store, place, _drain(self._saves), failed=(edit, _reason(error)))
        else:
            self.post_message(ChangeSaved(edit))

    def _hand_over(self, store: Store, place: Place, pending: list[Edit],
                   failed: tuple[Edit, str] | None = None) -> None:
        """Send the model as the database has it to the UI thread, with the
        edits not yet saved (and the one that failed to save, if any), and
        wait until the UI has re-applied them."""
        self._adopted.clear()
        self.post_message(ConflictFound(place.load(store), pending, failed))
        while not self._adopted.wait(0.1):
            if get_current_worker().is_cancelled:
                return

    @work(thread=True, exclusive=True, group="lint", exit_on_error=False)
    def _run_lint(self, session: Session) -> None:
        """Lint whenever asked; one thread that waits, so an edit's lint starts at once.

        Once the findings are drawn it builds the look-ups the views read
        (`Session.warm`), unless another edit waits to be linted: they would
        only slow the drawing down, and they hold the model's lock. The first
        findings are linted once (the quickest way to them); once they are
        drawn, it makes the incremental linter at once, before the look-ups.
        """
        worker = get_current_worker()
        while not worker.is_cancelled:
            if self._lint_wanted.wait(0.1):
                if worker.is_cancelled:  # another place's session: its worker lints it
                    self._lint_wanted.set()
                    return
                self._lint_wanted.clear()
                update = session.lint()
                if worker.is_cancelled:
                    return
                self._findings_drawn.clear()
                self.post_message(LintFinished(update))
                self._findings_drawn.wait(DRAW_WAIT_SECONDS)
                if session.linted_once():  # the incremental linter next, before an edit needs it
                    self._lint_wanted.set()
                    continue
                if not self._lint_wanted.is_set():
                    session.warm()
                if not self._collector_set:
                    self._collector_set = True
                    settle_collector()

    # ---- what workers report ------------------------------------------------------

    @on(ModelLoaded)
    def _model_loaded(self, message: ModelLoaded) -> None:
        self.session = message.session
        self.create = False  # made: another place opens it as it is
        self.show_state(_("linting…"))
        self._lint_wanted.set()
        self._run_lint(message.session)
        self._models_changed()

    @on(PlaceOpened)
    def _place_opened(self, message: PlaceOpened) -> None:
        self.place = message.place
        self.switching = False
        self.query_one(ScenarioBar).place_opened(message.place)
        if message.place.done:
            self.notify(message.place.done, title=_("Scenario"), timeout=6)

    @on(StoreFailed)
    def _store_failed(self, message: StoreFailed) -> None:
        if self.session is None:
            self.failure = message.reason
            self.exit(return_code=2)
        elif message.ended:
            self._saving_stopped(message.reason)
        else:
            self.notify(message.reason, title=_("Not saved"), severity="error", timeout=10)

    def _saving_stopped(self, reason: str) -> None:
        """The database worker stopped (the store could not be opened after the
        model was shown, or failed on its way): nothing more would be saved, so
        the app goes read-only and says so."""
        assert self.session is not None
        _drain(self._saves)
        self.read_only, self.switching = True, False
        self.why_read_only = _("Nothing can be changed: {label} cannot be saved into. Quit (q) "
                               "and open it again once it can.").format(label=self.label)
        self.read_only_mark = _("read-only: cannot save")
        self.show_state()
        text = _("{reason}. Changes not yet saved are lost, and the app is read-only now: quit "
                 "(q) and open {label} again once it can be read and written.").format(
                     reason=reason.rstrip("."), label=self.label)
        self.notify(text, title=_("Cannot save"), severity="error", timeout=30)

    @on(ChangeSaved)
    def _change_saved(self, message: ChangeSaved) -> None:
        for bar in self.query(ScenarioBar):  # none once quitting
            bar.change_saved()
        edit = message.edit
        if edit.summary and not edit.quiet:
            self.notify(said_again(edit.summary), timeout=3)

    @on(ConflictFound)
    def _conflict_found(self, message: ConflictFound) -> None:
        assert self.session is not None
        # Edits made since the worker looked are still queued: they go on the fresh model too.
        pending = [*message.pending, *_drain(self._saves)]
        judged = [(edit, self.place.why_not_undone(edit)) for edit in pending]
        not_undone = [why for edit, why in judged if why]
        if not_undone:  # what the refused undo moved to redo is in the fresh model
            pending = [edit for edit, why in judged if not why]
            self.session.redo_stack.clear()
        if message.failed is not None:
            self.session.forget(message.failed[0])
            self._review_forgets(message.failed[0].change)
        reapplied, refused = self.session.adopt(message.fresh, pending)
        for edit in reapplied:
            self._saves.put(edit)
        self._adopted.set()
        if message.failed is not None:
            self._not_saved(*message.failed)
        else:
            text = _("Another process changed the model: reloaded")
            if reapplied:
                text += _(" and kept your edit")
            self.notify(text, title=_("Reloaded"), severity="warning", timeout=8)
        for reason in refused:
            self.notify(_("Your edit was not kept: {reason}").format(reason=reason),
                        title=_("Edit refused"),
                        severity="error", timeout=10)
        for reason in not_undone:
            self._not_undone(reason)
        self._lint_wanted.set()
        self._models_changed()

    def _review_forgets(self, change: Change) -> None:
        """A paused review no longer counts an edit that was not saved."""
        if self.reviewing is not None:
            self.reviewing.meanwhile = [step for step in self.reviewing.meanwhile
                                        if step.change is not change]

    def _not_saved(self, edit: Edit, reason: str) -> None:
        """Say that `edit` was not saved: it is off the screen and the undo history.
        A letter's summary names the cell; any other says what was done ("Saved
        …"), so the edit is named by what it touched."""
        reason = reason.rstrip(".")
        assert self.session is not None
        what = what_a_change_touches(self.session.model, edit.change)
        if edit.quiet and edit.summary:
            text = _("{reason}. Your edit was not saved ({change}); the screen shows what the "
                     "database holds.").format(reason=reason, change=said_again(edit.summary))
        elif what:
            text = _("{reason}. Your edit of {what} was not saved; the screen shows what the "
                     "database holds.").format(reason=reason, what=what)
        else:
            text = _("{reason}. Your edit was not saved; the screen shows what the database "
                     "holds.").format(reason=reason)
        self.notify(text, title=_("Not saved"), severity="error", timeout=10)

    @on(LintFinished)
    def _lint_finished(self, message: LintFinished) -> None:
        if not self.query(TabbedContent) or not self.query(ScenarioBar):  # quitting: views go
            self._findings_drawn.set()
            return
        self.call_after_refresh(self._findings_drawn.set)
        if not self._started:  # the keys typed while loading go to the view now
            self._started = True
            self.call_after_refresh(self._focus_view, self.query_one(TabbedContent).active)
        update = message.update
        if update.anew:
            self.index = FindingIndex(update.findings)
        else:
            self.index.update(update.removed, update.added)
        self.findings, self.not_run = update.findings, update.not_run
        if update.shown:  # the views show these findings already; the next edit tells them
            return
        self.show_state(" · ".join(plural(self.index.counts[level], level) for level in LEVELS))
        self.query_one(ScenarioBar).findings_changed(update.findings)
        for view in self._views():
            if self._is_shown(view):
                view.findings_changed(self.index)
            else:
                self._stale_findings.add(view)
        for screen in self.screen_stack:
            if isinstance(screen, WaiversScreen):
                screen.show_waivers(self.index)

    @on(DiagramExported)
    def _diagram_exported(self, message: DiagramExported) -> None:
        self.notify(_("Wrote {file}").format(file=message.path), title=_("Exported"))

    @on(ExportFailed)
    def _export_failed(self, message: ExportFailed) -> None:
        self.notify(message.reason, title=_("Export failed"), severity="error", timeout=10)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notice of the app (a view's, a dialog's) as a sentence: a
        suggestion made, a reason given by the library start in lower case."""
        super().notify(as_sentence(message), title=title, severity=severity, timeout=timeout,
                       markup=markup)

    # ---- what views ask -----------------------------------------------------------

    def may_edit(self) -> bool:
        """Whether edits are allowed; when not, the user is told why."""
        if self.switching:
            self.notify(_("A moment: the app is changing scenario"), timeout=2)
            return False
        if self.read_only:
            self.notify(self.why_read_only, title=_("Read-only"), severity="warning", timeout=5)
        return not self.read_only

    @on(ChangeRequested)
    def _change_requested(self, message: ChangeRequested) -> None:
        if self.session is None or message.change.is_empty() or not self.may_edit():
            return
        self._saved_and_shown(self.session.apply(message.change, message.summary,
                                                 quiet=message.quiet))

    @on(EntityChosen)
    def _entity_chosen(self, message: EntityChosen) -> None:
        self.show_entity(message.entity_id)

    @on(TabbedContent.TabActivated, "#views")
    def _view_shown(self, event: TabbedContent.TabActivated) -> None:
        """Bring a view up to date with what changed while it was hidden."""
        try:
            views = self._views()
        except NoMatches:  # shown as the app closes: its views are gone already
            return
        view = next(v for v in views if v.parent is event.pane)
        if view in self._stale_models and self.session is not None:
            self._stale_models.discard(view)
            view.model_changed(self.session, None)
        if view in self._stale_findings:
            self._stale_findings.discard(view)
            view.findings_changed(self.index)
        if isinstance(view, DiagramView):
            view.offer_focus(self.query_one(ExplorerView).current)

    def _saved_and_shown(self, edit: Edit) -> None:
        assert self.session is not None
        if self.reviewing is not None and self.reviewing.paused:
            self.reviewing.meanwhile.append(Step(edit.change, edit.inverse, edit.summary))
        self._saves.put(edit)
        self._lint_wanted.set()
        self._models_changed(edit.change)

    def _models_changed(self, change: Change | None = None) -> None:
        """Tell the view on screen; the others catch up when shown (see `_view_shown`).

        `change` is None when the whole model was (re)loaded.
        """
        assert self.session is not None
        self.title = self.session.model.org.name
        for view in self._views():
            if self._is_shown(view):
                view.model_changed(self.session, change)
            else:
                self._stale_models.add(view)

    def _is_shown(self, view: View) -> bool:
        pane = view.parent
        return pane is not None and self.query_one(TabbedContent).active == pane.id

    def _views(self) -> tuple[View, ...]:
        return (self.query_one(ExplorerView), self.query_one(MatrixView),
                self.query_one(FindingsView), self.query_one(DiagramView))

    # ---- actions -----------------------------------------------------------------

    def action_show_view(self, view: str) -> None:
        tabs = self.query_one(TabbedContent)
        if tabs.active != view:
            tabs.active = view
            # Until the view takes the focus (after it is drawn, seconds on a large
            # model), none has it: the footer named the view before's keys meanwhile.
            # Only on a change of view: dropping the focus restyles the whole
            # screen (~0.15 s on the ministry model), which a jump within the
            # view shown (the palette's enter) would pay for nothing.
            self.screen_stack[0].set_focus(None)
            self.screen_stack[0].refresh_bindings()  # now: set_focus does it after a refresh
        self._view_ready_at = math.inf
        self.call_after_refresh(self._focus_view, view)

    def _focus_view(self, view: str) -> None:
        for widget in self._views():
            if widget.parent is not None and widget.parent.id == view:
                widget.focus_main()
        self._view_ready_at = get_time()  # the clock of `Message.time`
        self._press_for_view()

    def _press_for_view(self) -> None:
        keys, self._keys_for_view = self._keys_for_view, []
        for key in keys:
            self.post_message(events.Key(key.key, key.character))

    async def _on_key(self, event: events.Key) -> None:
        """A key the view on screen before the switch let through: for the view
        shown now, once it has the focus (the key that switched went first,
        but the view before got the keys typed with it)."""
        if event.time < self._view_ready_at and self.screen is self.screen_stack[0]:
            event.prevent_default()
            self._keys_for_view.append(event)
            if self._view_ready_at < math.inf:
                self._press_for_view()

    def action_undo(self) -> None:
        self._step(undo=True)

    def action_redo(self) -> None:
        self._step(undo=False)

    def _step(self, *, undo: bool) -> None:
        if self.session is None or not self.may_edit():
            return
        stale = self.session.stale_undo() if undo else None
        if stale is not None:
            self._not_undone(stale)
            return
        edit = self.session.undo() if undo else self.session.redo()
        if edit is None:
            self.notify(_("Nothing to undo") if undo else _("Nothing to redo"), timeout=2)
            return
        named = "" if undo else self.session.undo_stack[-1].summary
        self._saved_and_shown(Stepped(edit.change, edit.inverse, edit.summary, edit.quiet,
                                      undoing=undo, named=named))

    def _not_undone(self, reason: str) -> None:
        self.notify(_("Not undone: {reason}").format(reason=reason), title=_("Undo refused"),
                    severity="error", timeout=10)

    def show_entity(self, entity_id: str) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).show_entity(entity_id)

    def action_add_entity(self, kind: str) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).action_add(kind)

    def action_edit_entity(self) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).action_edit()

    def action_rename_entity(self) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).action_rename()

    def action_delete_entity(self) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).action_delete()

    def action_go_back(self) -> None:
        self.action_show_view("explorer")
        self.query_one(ExplorerView).action_back()

    def action_waive_finding(self) -> None:
        self.action_show_view("findings")
        self.query_one(FindingsView).action_waive()

    def action_suggest_finding(self) -> None:
        self.action_show_view("findings")
        self.query_one(FindingsView).action_suggest()

    def action_edit_org(self) -> None:
        """The organisation's name, description, as-of date and facts not recorded."""
        if self.session is None or not self.may_edit():
            return
        session = self.session

        def changed(org: Org | None) -> None:
            if org is not None and org != session.model.org:
                self.post_message(ChangeRequested(
                    Change(org=org), Said(N_("Saved the organisation {name}"), name=org.name)))

        self.push_screen(OrgForm(session.model.org), changed)

    def action_show_waivers(self) -> None:
        self.action_show_view("findings")
        self.query_one(FindingsView).action_show_waivers()

    def action_pick_scope(self) -> None:
        self.action_show_view("matrix")
        self.query_one(MatrixView).action_pick_scope()

    def action_export_diagram(self) -> None:
        self.action_show_view("diagram")
        self.query_one(DiagramView).action_export()

    def action_search(self) -> None:
        """`/`: search the list of the view on screen."""
        view = next(v for v in self._views() if self._is_shown(v))
        searchable = None if isinstance(view, DiagramView) else view.searchable()
        if searchable is None or not searchable.keys:
            self.notify(_("Nothing to search here"), timeout=2)
            return
        what = {ExplorerView: _("entities"), MatrixView: _("items and actors"),
                FindingsView: _("findings")}[type(view)]
        self.push_screen(SearchBar(what, searchable))

    def show_suggestions(self, finding: Finding) -> None:
        """The suggestions for a finding; the one chosen is made where edits go now."""
        if self.session is None or not self.may_edit():
            return

        def chosen(change: Change | None, summary: str = "") -> None:
            if change is not None:
                self.post_message(ChangeRequested(change, summary))

        self.push_screen(keyed_screens().suggestions(self.session, finding,
                                                     self.where_edits_go()),
                         lambda s: chosen(None) if s is None
                         else chosen(s.change, s.summary))

    def action_choose_scenario(self) -> None:
        """Choose, make, leave, apply or drop a scenario."""
        if self.session is not None:
            self.push_screen(keyed_screens().scenarios(self.url, self.place.scenario),
                             self._go_to_place)

    async def _go_to_place(self, place: Place | None) -> None:
        """Have the database worker open another place once every edit is saved."""
        if place is None or self.switching:
            return
        self.switching = True
        waited = 0.0
        while self._saves.unfinished_tasks and waited < QUIT_WAIT_SECONDS:
            await asyncio.sleep(0.02)
            waited += 0.02
        self._run_database(place=place)

    def action_review(self) -> None:
        """Walk the findings one at a time, the largest first (or go on with the review)."""
        if self.session is None or not self.may_edit():
            return
        self.push_screen(keyed_screens().review(self))

    def where_edits_go(self) -> str:
        """Where edits go now, in words: ``scenario plan`` or ``the model``."""
        name = self.place.scenario
        return _("the model") if name is None else _("scenario {name}").format(name=name)

    def get_key_display(self, binding: Binding) -> str:
        """A key in the footer as the user reads it: "spatie", "omlaag"."""
        if not binding.key_display and binding.key in KEY_WORDS:
            return key_word(binding.key)
        return super().get_key_display(binding)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # raci's own Quit (in `RaciCommands`) says that every edit is saved: Textual's goes.
        return translated_commands(command for command in super().get_system_commands(screen)
                                   if command.title != "Quit")

    def action_command_palette(self) -> None:
        """The command palette, asking in the user's language. In a review (a
        screen that takes its keys in order, or a form it opened) it offers the
        review's commands (`ReviewCommands`), none of the app's: they act on
        the views behind it."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            in_review = any(isinstance(under, KeysInOrderScreen) for under in self.screen_stack)
            providers = keyed_screens().review.COMMANDS if in_review else None
            self.push_screen(TranslatedCommandPalette(providers=providers,
                                                      placeholder=_("Search for commands…"),
                                                      id="--command-palette"))

    def action_show_keys(self) -> None:
        self.push_screen(KeysScreen(self._key_groups()))

    async def action_quit(self) -> None:
        """Quit, once the user said to throw away what a form holds typed and
        unsaved (ctrl+q reaches the app in a form; a second ctrl+q quits).
        In a form, once its fields took the keys typed before ctrl+q: a name
        typed with ctrl+q at once was not in the field yet, and the app quit."""
        if isinstance(self.screen, FormScreen):
            self.screen.once_typed(lambda: self.call_later(self._quit_asking))
        else:
            await self._quit_asking()

    async def _quit_asking(self) -> None:
        if isinstance(self.screen, ConfirmDiscard) or not any(
                isinstance(s, FormScreen) and s.holds_typing() for s in self.screen_stack):
            await self._quit()
            return

        def thrown_away(yes: bool | None) -> None:
            if yes:
                self.call_later(self._quit)

        self.push_screen(ConfirmDiscard(), thrown_away)

    async def _quit(self) -> None:
        """Quit once every edit made is in the database, and a review under
        way has its minutes written (said as the app ends)."""
        waited = 0.0
        while self._saves.unfinished_tasks and waited < QUIT_WAIT_SECONDS:
            await asyncio.sleep(0.02)
            waited += 0.02
        message = None
        if self.reviewing is not None:  # the review's module is loaded once one began
            from raci.tui.screens.review import minutes_on_quit
            message = minutes_on_quit(self)
        self.exit(message=message)

    def _key_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Every key of the app, by view, for the keys screen."""
        keyed = keyed_screens()
        from raci.tui.screens.scenarios import ScenarioList  # loaded with the scenarios' screen

        return [
            (_("Everywhere"), keys_of(self)),
            (_("Explorer"), keys_of(ExplorerView)),
            (_("Matrix"), keys_of(MatrixView) + keys_of(RaciMatrix)),
            (_("Findings"), keys_of(FindingsView)),
            (_("Diagram"), keys_of(DiagramView)),
            (_("Add and edit forms"), keys_of(EntityForm)),
            (_("Delete"), keys_of(ConfirmDelete)),
            (_("Throw away a filled form"), keys_of(ConfirmDiscard)),
            (_("Fact not recorded (enter on DAT001)"), keys_of(FactScreen)),
            (_("Organisation"), keys_of(OrgForm)),
            (_("Rename"), keys_of(RenameForm)),
            (_("Waiver"), keys_of(WaiverForm)),
            (_("Waivers"), keys_of(WaiversScreen)),
            (_("Suggestions (f on a finding)"), keys_of(keyed.suggestions)),
            (_("Scenarios (S)"), keys_of(ScenarioList) + keys_of(keyed.scenarios)),
            (_("Review (R)"), [*keys_of(keyed.review),
                               ("1-9", _("Fix with that suggestion, as enter with the first"))]),
            (_("Matrix scope"), keys_of(ScopePicker)),
            (_("Search (/)"), keys_of(SearchBar)),
        ]


class KeyedScreens(NamedTuple):
    """The screens only a key opens."""

    review: type[ReviewScreen]
    scenarios: type[ScenariosScreen]
    suggestions: type[SuggestionsScreen]


@cache
def keyed_screens() -> KeyedScreens:
    """The screens only a key opens (`R`, `S`, `f`), imported when one is
    first wanted: the app's start does without them. Their keys are said in
    the current language as the other classes' were when the app started
    (`translate_bindings`); an app made later says them in its own."""
    from raci.tui.screens.review import ReviewScreen
    from raci.tui.screens.scenarios import ScenariosScreen
    from raci.tui.screens.suggestions import SuggestionsScreen

    translate_bindings()
    return KeyedScreens(ReviewScreen, ScenariosScreen, SuggestionsScreen)


def settle_collector() -> None:
    """The collector's policy once the model is loaded, linted and its
    look-ups built (set once per app; the collector is off until then): those
    are large graphs that live as long as the app, so they are frozen out of
    the sweeps that would otherwise pause edits. Never again: each edit's
    garbage must stay collectable (see `raci.model.collector`)."""
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)
    gc.enable()


def _reason(error: Exception) -> str:
    if isinstance(error, RaciError):
        return reason_of(error)
    return _("internal error: {error}").format(error=f"{type(error).__name__}: {error}")


def _ready_to_save(loaded: Loaded) -> None:
    """Build, while the user reads the first findings, the look-up the first
    save of a letter checks (the version of each of the model's cells,
    150,000 on a national model): built by that save, it took 60-90 ms of
    the first edit."""
    loaded.versions.assignments  # noqa: B018 (a cached property, built here)


def _drain(saves: queue.Queue[Edit]) -> list[Edit]:
    """Take every edit waiting to be saved; whoever takes them puts them back or drops them."""
    found = []
    while not saves.empty():
        found.append(saves.get())
        saves.task_done()
    return found
