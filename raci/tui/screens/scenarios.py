"""`S`: choose where edits go: the model itself, a scenario, or a new one;
apply or drop a scenario.

Dismisses with the `Place` to open (the database worker then opens it), or
None when nothing is to change. The scenarios are read from the database
(a store of the screen's own, in a thread) when the screen opens. Keys
typed as it opens (`S`, `n` and a name at once) are kept (`FormScreen`)
until the list is read: `n` moves to the name's field, and the name goes
into it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from raci.i18n import _, format_date, ngettext, said_again
from raci.model.scenarios import Scenario
from raci.model.source import is_valid_scenario_name
from raci.tui.messages import raci_app
from raci.tui.places import Place, ScenarioPlace, Settle
from raci.tui.screens.form import FormScreen
from raci.tui.widgets.confirm import ConfirmScreen
from raci.tui.widgets.explorer import ChoiceList
from raci.tui.widgets.footer import FittingFooter

THE_MODEL = "model:"
"""The option id of the model itself; a scenario's is ``scenario:NAME``."""


class ScenarioList(ChoiceList):
    """The scenarios, and the model itself: `enter` edits in the one chosen
    (said in the footer and on the `?` screen as the dialog's title says it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Edit in it", id="edit-in-scenario"),
    ]


class ScenariosScreen(FormScreen[Place | None]):
    DEFAULT_CSS = "#scenarios-list { height: auto; max-height: 20; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        # As the key arrives (and passed on while a name is typed), so that a name
        # typed right after `n` goes into its field, however fast.
        Binding("n", "new", "New scenario", id="new-scenario", priority=True),
        Binding("a", "settle('apply')", "Apply into the model", id="apply-scenario"),
        Binding("d", "settle('drop')", "Drop", id="drop-scenario"),
        Binding("escape", "cancel", "Close", id="close-scenarios"),
    ]

    ready_when_mounted = False
    """Ready once the list is read: `S`, `down` and `a` at once moved in an empty
    list, and `a` was on no scenario."""

    def __init__(self, url: str, current: str | None) -> None:
        super().__init__()
        self.url, self.current = url, current
        self.scenarios: list[Scenario] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="scenarios-box"):
            yield Static(_("[b]Scenarios[/b]") + "  [dim]" + _(
                "enter: edit in it · n: new · a: apply · d: drop · escape: close") + "[/]",
                id="scenarios-title")
            yield ScenarioList(id="scenarios-list")
            yield Static("", id="scenarios-note")
            yield Static(_("New scenario") + " [dim](" + _(
                "letters, digits, _ and -; enter makes it and edits in it") + ")[/]")
            yield Input(placeholder=_("name, e.g. fewer-steering-groups"), id="scenario-name")
        yield FittingFooter()

    def on_mount(self) -> None:
        if self.focused is None:  # `n`, typed at once with `S`, may have chosen the name
            self.query_one(OptionList).focus()
        self._read()

    @work(thread=True, exit_on_error=False)
    def _read(self) -> None:
        from raci.store import open_store

        with open_store(self.url) as store:
            found = store.scenarios()
        self.app.call_from_thread(self._fill, found)

    @on(Worker.StateChanged)
    def _read_done(self, event: Worker.StateChanged) -> None:
        if event.worker.is_finished:  # filled, or failed: the keys kept go on either way
            self.now_ready()

    def _fill(self, scenarios: list[Scenario]) -> None:
        self.scenarios = scenarios
        options = self.query_one(OptionList)
        editing = " [b $accent]← " + _("editing") + "[/]"
        options.add_option(Option(
            _("The model itself") + ("" if self.current else editing)
            + ("" if not self.current else "  [dim]" + _("leave the scenario") + "[/]"),
            id=THE_MODEL))
        for scenario in scenarios:
            about = (f" · {escape(said_again(scenario.description))}"
                     if scenario.description else "")
            changes = ngettext("{count} change", "{count} changes",
                               len(scenario.steps)).format(count=len(scenario.steps))
            made = _("made {when}").format(  # running text: "7 december 2026 06:06"
                when=f"{format_date(scenario.created)} {scenario.created:%H:%M}")
            options.add_option(Option(
                f"[b]{escape(scenario.name)}[/b] · {changes}{about} [dim]· {made}[/]"
                + (editing if scenario.name == self.current else ""),
                id=f"scenario:{scenario.name}"))
        here = next((n for n, s in enumerate(scenarios, 1) if s.name == self.current), 0)
        options.highlighted = here

    def _highlighted(self) -> str | None:
        """The scenario under the cursor, or None on the model itself."""
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or THE_MODEL
        return option_id.removeprefix("scenario:") if option_id != THE_MODEL else None

    @on(OptionList.OptionSelected, "#scenarios-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        name = self._highlighted()
        if name == self.current:
            self.dismiss(None)
        else:
            self.dismiss(Place() if name is None else ScenarioPlace(name=name))

    @on(OptionList.OptionHighlighted, "#scenarios-list")
    def _moved(self) -> None:
        self._note("")  # it was about the line left

    def _note(self, text: str) -> None:
        note = self.query_one("#scenarios-note", Static)
        note.update(text)
        note.display = bool(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`n`, `a` and `d` are the name's letters while it is typed."""
        return action not in ("new", "settle") or not isinstance(self.focused, Input)

    def first_field(self) -> Widget | None:
        """Where keys typed as the screen opens go: the name's field once `n` chose it."""
        return self.focused or self.query_one(OptionList)

    def take_typed(self, event: events.Key) -> None:
        if event.key == "n" and not isinstance(self.focused, Input):
            self.action_new()  # now: the name's letters, typed next, go into it
        else:
            super().take_typed(event)

    def holds_typing(self) -> bool:
        """A new scenario's name typed: escape and quitting ask, as in every form."""
        return bool(self.query_one("#scenario-name", Input).value)

    def action_new(self) -> None:
        self.set_focus(self.query_one("#scenario-name", Input))  # now, for the keys that follow

    @on(Input.Submitted, "#scenario-name")
    def _make(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not is_valid_scenario_name(name):
            self.notify(_("{name} is not a scenario name: letters, digits, _ and -, starting "
                          "with a letter or digit").format(name=repr(name)),
                        severity="warning", timeout=5)
        elif name in {s.name for s in self.scenarios}:
            self.notify(_("There is a scenario {name} already: choose it in the list, or "
                          "another name").format(name=name), severity="warning", timeout=5)
        elif raci_app(self).may_edit():
            self.dismiss(ScenarioPlace(name=name, create=True))

    def action_settle(self, how: str) -> None:
        name = self._highlighted()
        if name is None:
            # In the box, under the list: a toast at the foot of the screen went unseen.
            self._note(self._not_a_scenario(how))
            return
        if not raci_app(self).may_edit():
            return
        settle: Settle = ("apply", name) if how == "apply" else ("drop", name)
        scenario = next(s for s in self.scenarios if s.name == name)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            if name == self.current:  # settled: edits go into the model again
                self.dismiss(Place(settle=settle))
            else:
                self.dismiss(ScenarioPlace(name=self.current, settle=settle) if self.current
                             else Place(settle=settle))

        self.app.push_screen(ConfirmSettle(scenario, settle), confirmed)

    def _not_a_scenario(self, how: str) -> str:
        """Why `a` or `d` on the model itself does nothing, and what would."""
        if not self.scenarios:
            return _("There is no scenario to apply or drop yet: n makes one.")
        if how == "apply":
            return _("The model itself cannot be applied: a scenario is applied into it. "
                     "Put the cursor on a scenario and press a.")
        return _("The model itself cannot be dropped: put the cursor on a scenario and "
                 "press d.")


class ConfirmSettle(ConfirmScreen):
    """Before a scenario is applied into the model, or dropped."""

    def __init__(self, scenario: Scenario, settle: Settle) -> None:
        count, name = len(scenario.steps), escape(scenario.name)
        if settle[0] == "apply":
            question = ngettext(
                "Apply scenario {name}: write its {count} change into the model and drop it?",
                "Apply scenario {name}: write its {count} changes into the model and drop it?",
                count)
            yes = _("Apply")
        else:
            question = ngettext(
                "Drop scenario {name} and its {count} change? The model stays as it is.",
                "Drop scenario {name} and its {count} changes? The model stays as it is.",
                count)
            yes = _("Drop")
        super().__init__(question.format(name=name, count=count), yes=yes,
                         yes_variant="warning" if settle[0] == "apply" else "error")
