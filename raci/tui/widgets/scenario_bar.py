"""The scenario bar: shown while the app edits a scenario, under the header.

It names the scenario and how many changes it has, and compares the
findings as they are now with the model's without the scenario, as `raci
scenario show` does (`FindingsDelta`): how many the scenario resolves and
how many it introduces, after every edit. `S` chooses another scenario,
leaves this one, applies or drops it.
"""

from __future__ import annotations

from textual.widgets import Static

from raci.i18n import _, ngettext
from raci.lint.findings import Finding
from raci.lint.scenarios import FindingsDelta
from raci.tui.messages import raci_app
from raci.tui.places import Place, ScenarioPlace


class ScenarioBar(Static):
    DEFAULT_CSS = """
    ScenarioBar {
        display: none;
        height: 1;
        padding: 0 1;
        background: $warning-muted;
        color: $text;
    }
    ScenarioBar.-shown {
        display: block;
    }
    """

    def __init__(self) -> None:
        super().__init__("", id="scenario-bar")
        self.place: ScenarioPlace | None = None
        self.delta: FindingsDelta | None = None
        """The findings now against the model's, once linted in the scenario."""
        self.changes = 0

    def place_opened(self, place: Place) -> None:
        self.place = place if isinstance(place, ScenarioPlace) else None
        self.delta = None
        self.set_class(self.place is not None, "-shown")
        self._show()

    def findings_changed(self, findings: list[Finding]) -> None:
        if self.place is None:
            return
        self.delta = FindingsDelta(self.place.base, [f for f in findings if not f.waived])
        session = raci_app(self).session
        self.changes = 0 if session is None else len(session.undo_stack)
        self._show()

    def _show(self) -> None:
        if self.place is None:
            self.update("")
            return
        text = ("[b]" + _("Scenario {name}").format(name=self.place.name) + "[/b] · "
                + ngettext("{count} change", "{count} changes", self.changes).format(
                    count=self.changes))
        if self.delta is None:
            text += " · " + _("linting…")
        else:
            resolved, introduced = len(self.delta.resolved), len(self.delta.introduced)
            text += " · " + ngettext(
                "{resolved} finding resolved, {introduced} introduced",
                "{resolved} findings resolved, {introduced} introduced", resolved).format(
                    resolved=f"[b]{resolved}[/b]", introduced=f"[b]{introduced}[/b]")
        self.update(text + " [dim]· " + _("S: scenarios") + "[/]")
