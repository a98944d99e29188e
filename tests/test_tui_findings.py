"""The findings view as a designer reads it: the entities a finding concerns,
each a key away; a fact not recorded (DAT001), which names no entity; which
rules cannot be waived; and which rules were not run.

Every test runs the real app headless on a real SQLite file, made from the
model of `apphelp` with a change or a configuration of its own (`conftest`).
"""

from __future__ import annotations

from pathlib import Path

from apphelp import fact_explained, finding_detail, findings_tree, loaded, on_finding, stored, until
from textual.widgets import Static

from raci.lint import rule
from raci.lint.findings import Finding
from raci.tui import make_app
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.fact_modal import FactScreen
from raci.tui.widgets.findings import Link
from raci.tui.widgets.waiver_modal import WaiverForm


async def test_a_related_entity_is_a_line_under_its_finding_and_enter_goes_there(
        body_owns_a_goal: Path) -> None:
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        node = await on_finding(pilot, app, "OWN003")
        finding = node.data
        assert isinstance(finding, Finding) and finding.related == ("g.klimaat",)
        assert node.is_expanded
        assert [str(child.label) for child in node.children] == [
            "→ related: Klimaatdoelen gebouwde omgeving (g.klimaat)"]
        # The line under the tree names what the finding is about and concerns.
        assert "about: Stuurgroep Warmte (sg-warmte)" in finding_detail(app)
        assert "related: Klimaatdoelen gebouwde omgeving (g.klimaat)" in finding_detail(app)
        await pilot.press("down")
        await pilot.pause()
        link = findings_tree(app).cursor_node
        assert link is not None and isinstance(link.data, Link)
        await pilot.press("enter")
        await until(pilot, lambda: app.query_one("#views").active == "explorer", "the explorer")
        assert app.query_one(ExplorerView).current == "g.klimaat"


async def test_w_on_a_related_line_waives_its_finding(body_owns_a_goal: Path) -> None:
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_finding(pilot, app, "OWN003")
        await pilot.press("down", "w")
        await until(pilot, lambda: isinstance(app.screen, WaiverForm), "the waiver form")
        form = app.screen
        assert isinstance(form, WaiverForm)
        assert (form.waiver.rule, form.waiver.target) == ("OWN003", ["sg-warmte"])


async def test_a_finding_about_one_entity_has_no_lines_under_it(body_owns_a_goal: Path) -> None:
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        node = await on_finding(pilot, app, "OWN001")
        assert not node.children and not node.allow_expand


async def test_dat001_cannot_be_waived_as_its_rule_says(fact_not_recorded: Path) -> None:
    """DAT001 is not a waiver rule, yet it cannot be waived (SPEC §2): `w`
    must say so, as the rule's documentation does, and open no form."""
    assert not rule("DAT001").waivable
    async with make_app(fact_not_recorded).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_finding(pilot, app, "DAT001")
        await pilot.press("w")
        await pilot.pause()
        assert not isinstance(app.screen, WaiverForm)
        told = [n.message for n in app._notifications]
        assert any(m.startswith("DAT001 cannot be waived") and "org.not_recorded" in m
                   for m in told), told


async def test_enter_on_a_fact_not_recorded_offers_to_declare_it(
        fact_not_recorded: Path) -> None:
    async with make_app(fact_not_recorded).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        said = await fact_explained(pilot, app)
        assert "success criteria" in said and "STR005" in said
        await pilot.press("escape")  # changes nothing
        await pilot.pause()
        assert not isinstance(app.screen, FactScreen)
        assert stored(fact_not_recorded).org.not_recorded == []
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FactScreen), "the fact's screen again")
        await pilot.press("a")
        await until(pilot, lambda: stored(fact_not_recorded).org.not_recorded
                    == ["success_criteria"], "the fact declared in the database")
        await until(pilot, lambda: not any(f.code == "DAT001" for f in app.findings),
                    "DAT001 gone once the fact is declared")
        assert app.not_run == {"STR005": "success_criteria"}
        # The line under the tree follows the cursor into the tree filled anew.
        await until(pilot, lambda: "success criteria" not in finding_detail(app),
                    "a detail not stale")
        node = findings_tree(app).cursor_node
        assert node is not None and isinstance(node.data, Finding | str)


async def test_the_findings_view_names_the_rules_not_run(fact_not_recorded: Path) -> None:
    async with make_app(fact_not_recorded).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        line = app.query_one("#findings-not-run", Static)
        assert line.display
        assert str(line.render()) == "Not run: STR005 (success_criteria not recorded)"


async def test_no_line_of_rules_not_run_when_every_rule_ran(body_owns_a_goal: Path) -> None:
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        assert app.not_run == {}
        assert not app.query_one("#findings-not-run", Static).display
