"""The app's incremental `Linter`: after any sequence of edits its findings
equal a fresh full lint of the edited model."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.lint import LintConfig, Linter, lint_model
from raci.model import LETTERS, Assignment, Model, Waiver
from raci.model.changes import Change, removal
from raci.source import ModelSource, open_model

SAMPLE = Path(__file__).parent.parent / "sample_orgs" / "politie-digitaal.yaml"
BASE = open_model(str(SAMPLE)).model
ITEMS = sorted([*BASE.goals, *BASE.initiatives, *BASE.decisions, *BASE.kpis])
CONFIGS = [
    LintConfig(),
    LintConfig(select=["OWN", "PPL", "SIL", "ORG", "WAI"], levels={"OWN001": "info"},
               params={"PPL001": {"max_items": 1}, "SIL001": {"min_units": 2},
                       "PPL003": {"max_share": 0.0}}),
]


def fresh_findings(model: Model, config: LintConfig) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(f) for f in lint_model(ModelSource("", model), config)]


def edit(model: Model, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Change:
    """One random edit of the kinds the app makes."""
    kind = draw(st.sampled_from(["assign", "assign", "unassign", "holders", "members",
                                 "status", "remove", "waiver"]))
    items = sorted([*model.goals, *model.initiatives, *model.decisions, *model.kpis])
    actors = sorted([*model.roles, *model.people, *model.bodies])
    if kind == "assign" and items and actors:
        return Change(assign=[Assignment(draw(st.sampled_from(items)),
                                         draw(st.sampled_from(LETTERS)),
                                         draw(st.sampled_from(actors)))])
    if kind == "unassign" and model.assignments:
        return Change(unassign=[draw(st.sampled_from(model.assignments))])
    if kind == "holders" and model.roles:
        role = copy.deepcopy(model.roles[draw(st.sampled_from(sorted(model.roles)))])
        role.holders = draw(st.lists(st.sampled_from(sorted(model.people)), unique=True,
                                     max_size=2))
        return Change(put=[role])
    if kind == "members" and model.bodies:
        body = copy.deepcopy(model.bodies[draw(st.sampled_from(sorted(model.bodies)))])
        body.members = draw(st.lists(st.sampled_from(sorted([*model.roles, *model.people])),
                                     unique=True, max_size=6))
        return Change(put=[body])
    if kind == "status" and model.initiatives:
        initiative = copy.deepcopy(
            model.initiatives[draw(st.sampled_from(sorted(model.initiatives)))])
        initiative.status = draw(st.sampled_from(["proposed", "active", "paused", "stopped"]))
        return Change(put=[initiative])
    if kind == "remove":
        return removal(model, draw(st.sampled_from(sorted(e.id for e in model.entities()))))
    target = draw(st.sampled_from(ITEMS))  # waivers may name ids that are gone
    return Change(waivers=[*model.waivers, Waiver(rule="OWN001", target=[target], reason="test")])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_update_equals_a_full_lint_after_random_edits(data: st.DataObject) -> None:
    model = copy.deepcopy(BASE)
    config = data.draw(st.sampled_from(CONFIGS))
    linter = Linter(model, config)
    pending: list[Change] = []
    for _ in range(data.draw(st.integers(1, 6))):
        change = edit(model, data.draw)
        change.apply(model)
        pending.append(change)
        if data.draw(st.booleans()):  # the app may apply several edits before it lints
            continue
        for applied in pending:
            updated = linter.update(applied)
        pending.clear()
        assert [dataclasses.astuple(f) for f in updated] == fresh_findings(model, config)
    for applied in pending:
        linter.update(applied)
    assert [dataclasses.astuple(f) for f in linter.findings()] == fresh_findings(model, config)


def test_a_matrix_edit_changes_only_what_it_should() -> None:
    model = copy.deepcopy(BASE)
    linter = Linter(model)
    before = {f.fingerprint for f in linter.findings()}
    assert "OWN001:g.realtime-info" in before
    change = Change(assign=[Assignment("g.realtime-info", "A", "r.hfd-iv")])
    undo = change.apply(model)
    after = {f.fingerprint for f in linter.update(change)}
    assert "OWN001:g.realtime-info" not in after
    assert after - before == set()
    undo.apply(model)
    assert {f.fingerprint for f in linter.update(undo)} == before


def test_an_indicator_given_and_stripped_of_assignments_enters_and_leaves_own001() -> None:
    model = copy.deepcopy(BASE)
    assert not model.kpis["k.kantoortijd"].has_raci
    linter = Linter(model, LintConfig(select=["OWN001"]))
    change = Change(assign=[Assignment("k.kantoortijd", "R", "r.ciso")])
    undo = change.apply(model)
    after = {f.fingerprint for f in linter.update(change)}
    assert "OWN001:k.kantoortijd" in after
    assert [dataclasses.astuple(f) for f in linter.findings()] == fresh_findings(
        model, LintConfig(select=["OWN001"]))
    undo.apply(model)
    assert "OWN001:k.kantoortijd" not in {f.fingerprint for f in linter.update(undo)}


def test_edits_applied_before_the_lint_are_caught_up_in_order() -> None:
    """The app applies an assignment and then a removal, and only then lints:
    the assignment's update must not read the removed person."""
    model = copy.deepcopy(BASE)
    linter = Linter(model)
    assign = Change(assign=[Assignment("d.app-functies", "R", "ab-architectuur")])
    assign.apply(model)
    remove = removal(model, "p.willems")
    remove.apply(model)
    linter.update(assign)
    linter.update(remove)
    caught_up = [dataclasses.astuple(f) for f in linter.findings()]
    assert caught_up == fresh_findings(model, LintConfig())
