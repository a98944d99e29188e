"""Suggestions for the organisation and silo rules (ORG, SIL): roles filled,
chairs seated, crossings given a table, what plays no part removed."""

from __future__ import annotations

import dataclasses

from raci.lint.findings import Finding
from raci.lint.message import said
from raci.lint.suggestions.ownership import fill_role
from raci.lint.suggestions.remedy import (
    Context,
    Remedy,
    Suggest,
    actor_rank,
    ids_text,
    neighbours,
)
from raci.model.changes import Change, removal
from raci.model.remedies import remove_person

MOST_BODIES_TRIED = 2
"""SIL001 offers to widen at most this many bodies."""


def uncoordinated_crossing(ctx: Context, finding: Finding) -> list[Remedy]:
    """SIL001: the body that already has members from most of the units gets
    a Responsible from each of the others."""
    model, analysis, initiative = ctx.model, ctx.analysis, finding.targets[0]
    doers = [d for d in model.actors(initiative, "R") if analysis.unit_of(d) is not None]
    units = {analysis.unit_of(d) for d in doers}
    covered = {body: len(units & analysis.units_of_bodies.get(body, frozenset()))
               for unit in units for body in analysis.bodies_by_unit.get(unit or "", ())}
    order = sorted(covered, key=lambda b: (-covered[b], len(model.bodies[b].members), b))
    remedies = []
    for body_id in order[:MOST_BODIES_TRIED]:
        body = model.bodies[body_id]
        missing = units - analysis.units_of_bodies.get(body_id, frozenset())
        joining = [sorted((d for d in doers if analysis.unit_of(d) == unit),
                          key=lambda d: (actor_rank(model, d), d))[0] for unit in sorted(
                              u for u in missing if u is not None)]
        remedies.append(Remedy(
            said("seat {joining} in {body}, so that all {count} units meet there",
                 joining=ids_text(joining), body=body_id, count=len(units)),
            Change(put=[dataclasses.replace(body, members=[*body.members, *joining])]),
            said("{body} already has members from {count} of the units", body=body_id,
                 count=covered[body_id])))
    return remedies


def idle_role(ctx: Context, finding: Finding) -> list[Remedy]:
    """ORG001: the role removed."""
    role = finding.targets[0]
    return [Remedy(said("remove role {role}, which plays no part", role=role),
                   removal(ctx.model, role))]


def unplaced_person(ctx: Context, finding: Finding) -> list[Remedy]:
    """ORG002: the person removed from the model."""
    person = finding.targets[0]
    return [Remedy(said("remove person {person}, who plays no part", person=person),
                   remove_person(ctx.model, person))]


def vacant_role(ctx: Context, finding: Finding) -> list[Remedy]:
    """ORG003: the role filled with who carries the items around its own. Who
    already has a letter on its items or a seat in its bodies is no
    candidate: filling the role would give one person two letters on one item
    or two seats at one table, and leave the work or the seat as thin as before."""
    model, analysis, role = ctx.model, ctx.analysis, finding.targets[0]
    items = [a.item for a in model.assignments_of_actor(role)]
    bodies = [b.id for b in model.bodies.values() if role in b.members or b.chair == role]
    there = {*(person for item in items for a in model.assignments_of_item(item)
               for person in analysis.people_of(a.actor)),
             *(person for body in bodies for person in analysis.seat_holders.get(body, ()))}
    return fill_role(ctx, role, [n for i in items for n in neighbours(model, i)], there)


def chair_not_member(ctx: Context, finding: Finding) -> list[Remedy]:
    """ORG004: the chair seated in the body."""
    model, body_id = ctx.model, finding.targets[0]
    body = model.bodies[body_id]
    assert body.chair is not None
    return [Remedy(said("seat the chair {chair} in {body}", chair=body.chair, body=body_id),
                   Change(put=[dataclasses.replace(body, members=[*body.members, body.chair])]),
                   safe=True)]


SUGGESTERS: dict[str, Suggest] = {
    "SIL001": uncoordinated_crossing,
    "ORG001": idle_role,
    "ORG002": unplaced_person,
    "ORG003": vacant_role,
    "ORG004": chair_not_member,
}
