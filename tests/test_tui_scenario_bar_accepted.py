"""The scenario bar counts a finding the scenario waives as accepted, not
resolved, as `raci scenario show` and the review's minutes count it
(review31a: since the bar stopped calling an acceptance resolved, accepting
in a scenario's review left the bar as it was)."""

from __future__ import annotations

from types import SimpleNamespace

from raci.lint.findings import Finding
from raci.lint.scenarios import FindingsDelta
from raci.tui.widgets.scenario_bar import ScenarioBar


def finding(code: str) -> Finding:
    return Finding(code, code, "warning", code, (code.lower(),))  # type: ignore[arg-type]


def test_the_bar_counts_a_waived_finding_as_accepted() -> None:
    waived, fixed = finding("BOD010"), finding("OWN001")
    bar = ScenarioBar()
    bar.place = SimpleNamespace(steps=2)  # type: ignore[assignment]
    bar.delta = FindingsDelta([waived, fixed], [], [waived])
    text = bar._text("plan", short=False)
    assert "[b]1[/b] finding resolved, [b]0[/b] introduced" in text
    assert "[b]1[/b] accepted" in text
    bar.delta = FindingsDelta([waived, fixed], [], [])
    assert "accepted" not in bar._text("plan", short=False)
