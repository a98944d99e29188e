"""The app's incremental `Linter`: after any sequence of edits its findings
equal a fresh full lint of the edited model."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import itertools
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.generate import generate_model
from raci.lint import LintConfig, Linter, lint_model
from raci.lint.findings import Finding, FindingIndex
from raci.model import (
    BODY_KINDS,
    INITIATIVE_STATUSES,
    KPI_TYPES,
    LETTERS,
    Assignment,
    Body,
    Entity,
    Model,
    Waiver,
    entity_fields,
    referenced_ids,
)
from raci.model.changes import Change, removal
from raci.model.entities import NOT_RECORDED_FACTS
from raci.model.lean import LEAN_KINDS
from raci.model.source import ModelSource
from raci.source import open_model

SAMPLE = Path(__file__).parent.parent / "sample_orgs" / "politie-digitaal.yaml"
BASE = open_model(str(SAMPLE)).model
GENERATED = generate_model("small", seed=5)
"""Bigger, with every kind of weakness: edits there cross more thresholds."""
ITEMS = sorted([*BASE.goals, *BASE.initiatives, *BASE.decisions, *BASE.kpis])
CONFIGS = [
    LintConfig(),
    LintConfig(select=["OWN", "PPL", "SIL", "ORG", "WAI"], levels={"OWN001": "info"},
               params={"PPL001": {"max_items": 1}, "SIL001": {"min_units": 2},
                       "PPL003": {"max_share": 0.0}}),
    # Facts on the edge of DAT001 (1 of 17 initiatives with an Accountable has
    # no Responsible: just under 0.06), so that edits turn rules off and on.
    LintConfig(params={"DAT001": {"min_missing": 1, "min_share": 0.06},
                       "BOD001": {"min_overlap": 0.4}, "BOD010": {"min_contained": 0.5}}),
]


def fresh_findings(model: Model, config: LintConfig) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(f) for f in lint_model(ModelSource("", model), config)]


def edit(model: Model, draw: Callable[[st.SearchStrategy[Any]], Any]) -> Change:
    """One random edit of the kinds the app makes."""
    kind = draw(st.sampled_from(["assign", "assign", "owner-doer", "unassign", "holders",
                                 "members", "cadence", "status", "remove", "org", "waiver",
                                 "field", "field", "field", "add"]))
    items = sorted([*model.goals, *model.initiatives, *model.decisions, *model.kpis])
    actors = sorted([*model.roles, *model.people, *model.bodies])
    if kind == "assign" and items and actors:
        return Change(assign=[Assignment(draw(st.sampled_from(items)),
                                         draw(st.sampled_from(LETTERS)),
                                         draw(st.sampled_from(actors)))])
    if kind == "owner-doer" and items and actors:  # one actor A/R on an item
        item, actor = draw(st.sampled_from(items)), draw(st.sampled_from(actors))
        return Change(assign=[Assignment(item, "A", actor), Assignment(item, "R", actor)])
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
    if kind == "cadence" and model.bodies:
        body = copy.deepcopy(model.bodies[draw(st.sampled_from(sorted(model.bodies)))])
        body.meets_every_days = draw(st.sampled_from([None, 0, 14]))
        body.chair = draw(st.sampled_from([None, *body.members]))
        return Change(put=[body])
    if kind == "org":
        facts = draw(st.lists(st.sampled_from(NOT_RECORDED_FACTS), unique=True, max_size=2))
        return Change(org=dataclasses.replace(model.org, not_recorded=facts))
    if kind == "status" and model.initiatives:
        initiative = copy.deepcopy(
            model.initiatives[draw(st.sampled_from(sorted(model.initiatives)))])
        initiative.status = draw(st.sampled_from(["proposed", "active", "paused", "stopped"]))
        return Change(put=[initiative])
    if kind == "remove":
        return removal(model, draw(st.sampled_from(sorted(e.id for e in model.entities()))))
    if kind == "field":
        entity = copy.deepcopy(draw(st.sampled_from(list(model.entities()))))
        name = draw(st.sampled_from([f for f in entity_fields(entity) if f != "id"]))
        setattr(entity, name, draw(field_values(model, entity, name)))
        return Change(put=[entity])
    if kind == "add":
        entity = copy.deepcopy(draw(st.sampled_from(list(model.entities()))))
        entity.id = next(f"new.{n}" for n in itertools.count() if f"new.{n}" not in model)
        return Change(put=[entity])
    # Waivers may name ids that are gone, rules not run, or DAT001 (never waivable).
    rule = draw(st.sampled_from(["OWN001", "OWN003", "OWN007", "DAT001"]))
    items = sorted([*model.goals, *model.initiatives, *model.decisions, *model.kpis])
    target = draw(st.sampled_from([*items, *sorted(model.bodies), "responsibles"]))
    return Change(waivers=[*model.waivers, Waiver(rule=rule, target=[target], reason="test")])


def field_values(model: Model, entity: Entity, name: str) -> st.SearchStrategy[Any]:
    """Values a field of `entity` may take that keep the model sound, the
    fields the rules read among them."""
    units, people = sorted(model.units), sorted(model.people)
    actors = sorted([*model.roles, *model.people])
    day = st.sampled_from([None, dt.date(2020, 1, 1), dt.date(2030, 1, 1)])
    values: dict[str, st.SearchStrategy[Any]] = {
        "name": st.sampled_from(["Nieuw", entity.name + " 2"]),
        "description": st.sampled_from([None, "beschrijving"]),
        "tags": st.sampled_from([[], ["x"]]),
        "unit": st.sampled_from([None, *units]),
        "external": st.booleans(),
        "capacity_fte": st.sampled_from([None, 0.2, 3.0]),
        "holders": st.lists(st.sampled_from(people), unique=True, max_size=2),
        "reports_to": st.sampled_from([None, *sorted([*model.roles, *model.bodies])]),
        "temporary": st.sampled_from([None, True, False] if isinstance(entity, Body)
                                     else [True, False]),
        "sunset": day, "established": day, "end": day, "start": day, "due": day,
        "kind": st.sampled_from(BODY_KINDS),
        "chair": st.sampled_from([None, *actors]),
        "members": st.lists(st.sampled_from(actors), unique=True, max_size=6),
        "meets_every_days": st.sampled_from([None, 0, 14, 90]),
        "mandate": st.sampled_from([None, "mandaat"]),
        "parent": st.just(None),  # another parent might close a cycle, which no model may hold
        "goals": st.lists(st.sampled_from(sorted(model.goals)), unique=True, max_size=2),
        "depends_on": st.lists(st.sampled_from(sorted(model.initiatives)), unique=True,
                               max_size=2),
        "status": st.sampled_from([None, *INITIATIVE_STATUSES]),
        "success_criteria": st.sampled_from([[], ["klaar"]]),
        "demand_fte": st.sampled_from([None, 0.0, 5.0]),
        "about": st.lists(st.sampled_from(sorted([*model.goals, *model.initiatives])),
                          unique=True, max_size=2),
        "measures": st.sampled_from(sorted([*model.goals, *model.initiatives])),
        "type": st.sampled_from(KPI_TYPES),
        "target": st.sampled_from([None, "10"]),
        "has_raci": st.booleans(),
    }
    return values[name]


def as_reported(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [dataclasses.astuple(f) for f in findings]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_update_equals_a_full_lint_after_random_edits(data: st.DataObject) -> None:
    """Edits made one by one or several before a lint (the app applies edits
    while the linter works), caught up one update each or in one update."""
    model = copy.deepcopy(data.draw(st.sampled_from([BASE, GENERATED])))
    config = data.draw(st.sampled_from(CONFIGS))
    linter = Linter(model, config)
    pending: list[Change] = []
    for _ in range(data.draw(st.integers(1, 6))):
        change = edit(model, data.draw)
        change.apply(model)
        pending.append(change)
        if data.draw(st.booleans()):  # the app may apply several edits before it lints
            continue
        if data.draw(st.booleans()):
            updated = linter.update(*pending)
        else:
            for applied in pending:
                updated = linter.update(applied)
        pending.clear()
        assert as_reported(updated) == fresh_findings(model, config)
    linter.update(*pending)
    assert as_reported(linter.findings()) == fresh_findings(model, config)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_what_an_update_removes_and_adds_keeps_a_copy_of_the_findings_exact(
        data: st.DataObject) -> None:
    """The app keeps its own index of the findings from each update's
    `removed` and `added`; a finding, once reported, never changes."""
    model = copy.deepcopy(BASE)
    linter = Linter(model, data.draw(st.sampled_from(CONFIGS)))
    kept = FindingIndex(linter.added)
    reported = {id(f): (f, dataclasses.astuple(f)) for f in linter.added}
    for _ in range(data.draw(st.integers(1, 8))):
        change = edit(model, data.draw)
        change.apply(model)
        linter.update(change)
        assert all(id(f) in reported for f in linter.removed), "only reported ones go"
        kept.update(linter.removed, linter.added)
        reported.update((id(f), (f, dataclasses.astuple(f))) for f in linter.added)
        assert [id(f) for f in kept.findings] == [id(f) for f in linter.findings()]
        assert all(dataclasses.astuple(f) == then for f, then in reported.values())
        everyone = {t for f in kept.findings for t in f.targets} | set(ITEMS)
        assert all([id(f) for f in kept.about(entity_id)]
                   == [id(f) for f in kept.findings if entity_id in f.targets]
                   for entity_id in everyone)
        assert +kept.counts == Counter("waived" if f.waived else f.level
                                       for f in kept.findings)


def test_an_edit_that_changes_no_finding_reports_none() -> None:
    """An Informed letter for a role that holds letters already changes no
    finding: nothing is reported as removed or added."""
    model = copy.deepcopy(BASE)
    linter = Linter(model)
    change = Change(assign=[Assignment("g.realtime-info", "I", "r.ciso")])
    change.apply(model)
    linter.update(change)
    assert (linter.removed, linter.added) == ([], [])


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


def test_an_assignment_that_makes_a_fact_sparse_turns_its_rule_off_and_on() -> None:
    """One more initiative without a Responsible makes `responsibles` lacking
    (2 of 17 over 0.1): OWN007 stops and DAT001 reports; undoing it turns
    OWN007 back on. The app's update must give what a full lint gives."""
    model = copy.deepcopy(BASE)
    config = LintConfig(params={"DAT001": {"min_missing": 2, "min_share": 0.1}})
    linter = Linter(model, config)
    assert "OWN007" not in linter.not_run
    doer = next(a for a in model.assignments
                if a.letter == "R" and a.item in model.initiatives
                and len(model.actors(a.item, "R")) == 1 and model.actors(a.item, "A"))
    change = Change(unassign=[doer])
    undo = change.apply(model)
    after = linter.update(change)
    assert linter.not_run == {"OWN007": "responsibles"}
    assert "DAT001:responsibles" in {f.fingerprint for f in after}
    assert not [f for f in after if f.code == "OWN007"]
    assert [dataclasses.astuple(f) for f in after] == fresh_findings(model, config)
    undo.apply(model)
    back = linter.update(undo)
    assert linter.not_run == {} and any(f.code == "OWN007" for f in back)
    assert [dataclasses.astuple(f) for f in back] == fresh_findings(model, config)


def test_owners_are_the_subjects_of_own003_to_own005_after_a_matrix_edit() -> None:
    """Making a body the Accountable of a goal reports the body, with the goal
    related; taking it away again removes the finding."""
    model = copy.deepcopy(BASE)
    linter = Linter(model, LintConfig(select=["OWN003"]))
    before = {(f.targets, f.related) for f in linter.findings()}
    change = Change(assign=[Assignment("g.realtime-info", "A", "sg-pd")])
    undo = change.apply(model)
    after = {(f.targets, f.related) for f in linter.update(change)}
    assert after - before == {(("sg-pd",), ("g.realtime-info",))}
    undo.apply(model)
    assert {(f.targets, f.related) for f in linter.update(undo)} == before


def extreme_values(model: Model, entity: Entity, name: str) -> list[Any]:
    """Values far from the field's own, to cross any rule's threshold."""
    units, people = sorted(model.units), sorted(model.people)
    external = [p.id for p in model.people.values() if p.external][:1]
    past, future = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
    values: dict[str, list[Any]] = {
        "name": [entity.name + " (nieuw)"],
        "unit": [None, units[-1]], "external": [not getattr(entity, "external", False)],
        "capacity_fte": [0.0, 1000.0],
        "holders": [[], external or people[:1], people[:3]],
        "reports_to": [None, sorted(model.bodies)[0], sorted(model.roles)[0], entity.id],
        "temporary": [True, False], "sunset": [None, past, future],
        "established": [None, future, past], "end": [past], "kind": ["taskforce", "advisory_board"],
        "chair": [None, people[0]],
        "members": [[], sorted([*model.roles, *model.people])[:14]],
        "meets_every_days": [None, 0, 90], "parent": [None],
        "goals": [[], sorted(model.goals)[:1]], "depends_on": [[], sorted(model.initiatives)[:2]],
        "status": ["active", "paused", "stopped"], "success_criteria": [[], ["klaar"]],
        "demand_fte": [0.0, 100.0], "measures": [sorted(model.goals)[0]],
        "type": ["leading", "lagging"], "has_raci": [True, False],
    }
    return values.get(name, [])


def test_update_equals_a_full_lint_after_each_field_the_rules_read() -> None:
    """Every field of the lean model set, on a few entities of each kind, to
    values that cross thresholds: the rules that read it (their `fields`)
    must say so, or the update would miss what changed. The entities are
    those a finding is about, or that name one (a person of a unit with too
    much demand), where an edit most likely changes a finding."""
    model = copy.deepcopy(GENERATED)
    config = LintConfig(params={"BOD001": {"min_overlap": 0.3}})
    linter = Linter(model, config)
    found = {entity for f in linter.findings() for entity in (*f.targets, *f.related)}
    for kind, lean in LEAN_KINDS.items():
        near = [entity.id for entity in model.collection(kind).values() if entity.id in found
                or any(named in found for _, named in referenced_ids(entity))]
        for entity_id in sorted(near)[:: max(1, len(near) // 4)]:
            for lean_name in lean._fields:
                name = "success_criteria" if lean_name == "has_success_criteria" else lean_name
                for value in extreme_values(model, model.collection(kind)[entity_id], name):
                    edited = copy.deepcopy(model.collection(kind)[entity_id])
                    setattr(edited, name, value)
                    change = Change(put=[edited])
                    undo = change.apply(model)
                    updated = [dataclasses.astuple(f) for f in linter.update(change)]
                    assert updated == fresh_findings(model, config), (entity_id, name, value)
                    undo.apply(model)
                    linter.update(undo)
