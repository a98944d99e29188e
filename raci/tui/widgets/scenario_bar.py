"""The scenario bar: shown while the app edits a scenario, under the header.

It names the scenario and how many changes it has, and compares the
findings as they are now with the model's without the scenario, as `raci
scenario show` does (`FindingsDelta`): how many the scenario resolves and
how many it introduces, after every edit, and how many it waives (accepted,
not resolved), when it waives any. `S` chooses another scenario,
leaves this one, applies or drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from raci.i18n import _, ngettext
from raci.lint.findings import Finding
from raci.tui.places import Place, ScenarioPlace

if TYPE_CHECKING:
    from raci.lint.scenarios import FindingsDelta


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

    def place_opened(self, place: Place) -> None:
        self.place = place if isinstance(place, ScenarioPlace) else None
        self.delta = None
        self.set_class(self.place is not None, "-shown")
        self._show()

    def findings_changed(self, findings: list[Finding]) -> None:
        if self.place is None:
            return
        from raci.lint.scenarios import FindingsDelta  # only in a scenario: not to start the app

        self.delta = FindingsDelta(self.place.base, [f for f in findings if not f.waived],
                                   [f for f in findings if f.waived])
        self._show()

    def change_saved(self) -> None:
        """The scenario's count follows a change saved into it (its findings
        follow the edit already)."""
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        """The whole bar where it fits; else the findings said shortly; else
        the scenario's name cut with an ellipsis, so that nothing else is
        cut (the key S last of all)."""
        if self.place is None:
            self.update("")
            return
        room = self.content_size.width
        name = self.place.name
        text = self._text(name, short=False)
        if room and _width(text) > room:
            text = self._text(name, short=True)
        overflow = _width(text) - room
        if room and overflow > 0:
            text = self._text(name[:max(1, len(name) - overflow - 1)] + "…", short=True)
        self.update(text)

    def _text(self, name: str, short: bool) -> str:
        assert self.place is not None
        # The scenario's changes in the database, as last loaded or saved (another
        # process's too), not this session's undo history.
        changes = self.place.steps
        parts = ["[b]" + _("Scenario {name}").format(name=name) + "[/b]",
                 ngettext("{count} change", "{count} changes", changes).format(count=changes)]
        if self.delta is None:
            parts.append(_("linting…"))
        else:
            resolved, introduced = len(self.delta.resolved), len(self.delta.introduced)
            if short:
                said = _("{resolved} resolved, {introduced} new")
            else:
                said = ngettext("{resolved} finding resolved, {introduced} introduced",
                                "{resolved} findings resolved, {introduced} introduced",
                                resolved)
            parts.append(said.format(resolved=f"[b]{resolved}[/b]",
                                     introduced=f"[b]{introduced}[/b]"))
            accepted = len(self.delta.accepted)
            if accepted:  # waived in the scenario: not resolved, as `scenario show` says
                parts.append(_("{accepted} accepted").format(accepted=f"[b]{accepted}[/b]"))
        return " · ".join(parts) + " [dim]· " + _("S: scenarios") + "[/]"


def _width(markup: str) -> int:
    return Text.from_markup(markup).cell_len
