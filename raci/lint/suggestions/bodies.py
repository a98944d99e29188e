"""Suggestions for the governance body rules (BOD): fewer bodies, each with a
chair, an end date where temporary, and a place in one chain of reporting."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from functools import partial

from raci.lint.findings import Finding
from raci.lint.message import said, said_n
from raci.lint.rule import names, number
from raci.lint.suggestions.remedy import (
    MOST_REMEDIES,
    BodyKind,
    Context,
    Remedy,
    Suggest,
    actor_rank,
    carrying,
    fit_owner,
    ids_text,
    joined,
    letters_text,
    ranked,
)
from raci.model import Body, Model, Role
from raci.model.changes import Change, composed, removal
from raci.model.remedies import merge_bodies, retire_body

KIND_RANK = ("steering_group", "portfolio_board", "programme_board", "committee", "crisis_team",
             "advisory_board", "other", "taskforce", "working_group")
"""Which of several look-alike bodies stays, other things equal: a lasting,
deciding kind before a temporary one."""
RENEWAL = dt.timedelta(days=365)
"""A sunset with nothing to go by: a year after the as-of date."""


def redundant_bodies(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD001: merge the group into the body the others report to, that
    decides most, that is biggest (its membership united)."""
    model, group = ctx.model, list(finding.targets)
    deciding = {body: sum(a.letter == "A" for a in model.assignments_of_actor(body))
                for body in group}
    above = {body: sum(model.bodies[other].reports_to == body for other in group)
             for body in group}
    order = sorted(group, key=lambda b: (-above[b], model.bodies[b].is_temporary, -deciding[b],
                                         -len(ctx.analysis.seat_holders.get(b, ())),
                                         _kind_rank(model.bodies[b]), b))
    remedies = []
    for keep in order[:2]:
        others = [b for b in group if b != keep]
        chair = model.bodies[keep].chair or next(
            (c for b in others if (c := model.bodies[b].chair) is not None), None)
        change = composed(model, [partial(_merged, body=b, into=keep, chair=chair)
                                  for b in others])
        merged = next((e for e in change.put if e.id == keep), model.bodies[keep])
        assert isinstance(merged, Body)
        members = merged.members
        remedies.append(Remedy(
            said_n("merge {others} into {keep} ({count} member: {members})",
                   "merge {others} into {keep} ({count} members: {members})", len(members),
                   others=ids_text(others), keep=keep, count=len(members),
                   members=ids_text(members, 8)), change,
            _keeper_text(model, keep, deciding[keep], above[keep])))
    return remedies


def powerless_body(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD002: an advisory body made one (it is consulted), or the body
    retired, its letters to its chair."""
    model, body_id = ctx.model, finding.targets[0]
    body = model.bodies[body_id]
    consulted = [a.item for a in model.assignments_of_actor(body_id) if a.letter == "C"]
    exempt = names(ctx.params, "exempt_kinds")
    remedies = []
    if consulted and exempt:
        kind = "advisory_board" if "advisory_board" in exempt else exempt[0]
        remedies.append(Remedy(said("make {body} an advisory body (kind {kind})", body=body_id,
                                    kind=BodyKind(kind)),
                               Change(put=[dataclasses.replace(body, kind=kind)]),
                               said_n("it is consulted on {count} item and decides none",
                                      "it is consulted on {count} items and decides none",
                                      len(consulted), count=len(consulted))))
    remedies += _retiring(model, body_id)
    return remedies


def expired_mandate(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD003: the mandate renewed with a sunset ahead, or the body retired,
    or the body or role made permanent."""
    model, entity_id = ctx.model, finding.targets[0]
    return [_sunset_remedy(ctx, entity_id, renew=True),
            *_retiring(model, entity_id), _permanent(model, entity_id)][:MOST_REMEDIES]


def open_ended_temporary(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD004: a sunset from the work it carries, or the body or role made permanent."""
    entity_id = finding.targets[0]
    return [_sunset_remedy(ctx, entity_id, renew=False), _permanent(ctx.model, entity_id)]


def reporting_cycle(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD005: the member of the cycle that most others report to stops
    reporting (it is the cycle's natural top)."""
    model, cycle = ctx.model, set(finding.targets)
    reporters = {member: [r.source for r in model.references_to(member)
                          if r.field == "reports_to" and r.source not in cycle]
                 for member in cycle}
    order = sorted(cycle, key=lambda m: (-len(reporters[m]), _kind_rank(model.get(m)), m))
    remedies = []
    for member in order[:MOST_REMEDIES]:
        entity = model.get(member)
        assert isinstance(entity, Body | Role)
        others = len(reporters[member])
        remedies.append(Remedy(said("let {member} report to nobody (not to {above})",
                                    member=member, above=entity.reports_to or ""),
                               Change(put=[dataclasses.replace(entity, reports_to=None)]),
                               said_n("{count} other reports to it", "{count} others report to it",
                                      others, count=others) if others else ""))
    return remedies


def steering_layers(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD006: the body reports straight to the body above that leaves it
    `max_layers` deep."""
    model, body_id = ctx.model, finding.targets[0]
    chain: list[str] = []
    parent = model.bodies[body_id].reports_to
    while parent in model.bodies and parent not in chain and parent != body_id:
        chain.append(parent)
        parent = model.bodies[parent].reports_to
    most = int(number(ctx.params, "max_layers"))
    skip = len(chain) + 1 - most
    if most < 2 or skip < 1 or skip >= len(chain):
        return []
    above = chain[skip]
    return [Remedy(said("let {body} report to {above} directly, not through {between}",
                        body=body_id, above=above, between=ids_text(chain[:skip])),
                   Change(put=[dataclasses.replace(model.bodies[body_id], reports_to=above)]))]


def chairless_body(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD007: a member who owns what the body has a part in, or whom other
    members report to."""
    model, body_id = ctx.model, finding.targets[0]
    body = model.bodies[body_id]
    items = [a.item for a in model.assignments_of_actor(body_id)]
    weights = carrying(model, items)
    reporting = Counter(entity.reports_to for entity in map(model.get, body.members)
                        if isinstance(entity, Role) and entity.reports_to in body.members)
    weights.update(reporting)
    candidates = [m for m in ranked(weights, body.members, partial(actor_rank, model))
                  if fit_owner(model, ctx.analysis, m, "")]
    return [Remedy(said("let {member} chair {body}", member=member, body=body_id),
                   Change(put=[dataclasses.replace(body, chair=member)]),
                   _chair_text(model, member, items, reporting[member]))
            for member in candidates[:MOST_REMEDIES]]


def _chair_text(model: Model, member: str, items: list[str], reporting: int) -> str:
    """``r.x is Accountable for 2 of what the body has a part in; 1 member reports to it``."""
    counts: Counter[str] = Counter(a.letter for item in items
                                   for a in model.assignments_of_item(item) if a.actor == member)
    held = letters_text(counts)
    return joined([said("{member} is {held} of what the body has a part in", member=member,
                        held=held) if held else "",
                   said_n("{count} member reports to it", "{count} members report to it",
                          reporting, count=reporting) if reporting else ""])


def empty_body(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD009: its chair seated; a body with no chair and no part in any item removed."""
    model, body_id = ctx.model, finding.targets[0]
    body = model.bodies[body_id]
    if body.chair is not None:
        return [Remedy(said("seat the chair {chair} in {body}", chair=body.chair, body=body_id),
                       Change(put=[dataclasses.replace(body, members=[body.chair])]), safe=True)]
    if model.assignments_of_actor(body_id):
        return []
    return [Remedy(said("remove body {body}, which has no members, chair or part in any item",
                        body=body_id),
                   removal(model, body_id))]


def nested_body(ctx: Context, finding: Finding) -> list[Remedy]:
    """BOD010: the small body made a sub-body of the big one, or merged into it."""
    model, holders = ctx.model, ctx.analysis.seat_holders
    inner, outer = sorted(finding.targets, key=lambda b: (len(holders.get(b, ())), b))
    return [Remedy(said("let {inner} report to {outer} as its sub-body", inner=inner,
                        outer=outer),
                   Change(put=[dataclasses.replace(model.bodies[inner], reports_to=outer)])),
            Remedy(said("merge {inner} into {outer}", inner=inner, outer=outer),
                   merge_bodies(model, inner, outer))]


def proposed_sunset(ctx: Context, entity_id: str) -> tuple[dt.date, str]:
    """When a temporary body or role should end, and why: when the last
    initiative it owns or works on ends, else when the last goal it owns or
    works on is due, else a year after the as-of date."""
    model, as_of = ctx.model, ctx.as_of
    items = {a.item for a in model.assignments_of_actor(entity_id) if a.letter in ("A", "R")}
    ends = sorted((i.end, i.id) for i in map(model.initiatives.get, items)
                  if i is not None and i.end is not None and i.end > as_of)
    if ends:
        return ends[-1][0], said("when its last initiative {initiative} ends",
                                 initiative=ends[-1][1])
    dues = sorted((g.due, g.id) for g in map(model.goals.get, items)
                  if g is not None and g.due is not None and g.due > as_of)
    if dues:
        return dues[-1][0], said("when its last goal {goal} is due", goal=dues[-1][1])
    return as_of + RENEWAL, said("a year after {as_of}, as nothing it carries has a date",
                                 as_of=as_of)


def _sunset_remedy(ctx: Context, entity_id: str, *, renew: bool) -> Remedy:
    sunset, why = proposed_sunset(ctx, entity_id)
    entity = ctx.model.get(entity_id)
    assert isinstance(entity, Body | Role)
    summary = (said("renew the mandate of {entity} until {sunset}", entity=entity_id,
                    sunset=sunset) if renew else
               said("set a sunset on {entity} until {sunset}", entity=entity_id,
                    sunset=sunset))
    return Remedy(summary,
                  Change(put=[dataclasses.replace(entity, sunset=sunset)]), why)


def _permanent(model: Model, entity_id: str) -> Remedy:
    entity = model.get(entity_id)
    assert isinstance(entity, Body | Role)
    return Remedy(said("make {entity} permanent (temporary: false)", entity=entity_id),
                  Change(put=[dataclasses.replace(entity, temporary=False, sunset=None)]))


def _retiring(model: Model, entity_id: str) -> list[Remedy]:
    """A body retired, its letters to its chair: none for a role or a body with no chair."""
    body = model.bodies.get(entity_id)
    if body is None or body.chair is None:
        return []
    return [Remedy(said("retire {body}, its letters to its chair {chair}", body=entity_id,
                        chair=body.chair),
                   retire_body(model, entity_id))]


def _keeper_text(model: Model, keep: str, deciding: int, above: int) -> str:
    """Why the body that stays was chosen."""
    return joined([said_n("{count} of the others reports to it",
                          "{count} of the others report to it", above, count=above)
                   if above else "",
                   "" if model.bodies[keep].is_temporary else said("it is permanent"),
                   said_n("it decides {count} item", "it decides {count} items", deciding,
                          count=deciding) if deciding else ""])


def _merged(model: Model, *, body: str, into: str, chair: str | None) -> Change:
    return merge_bodies(model, body, into, chair)


def _kind_rank(entity: object) -> int:
    kind = entity.kind if isinstance(entity, Body) else "other"
    return KIND_RANK.index(kind) if kind in KIND_RANK else len(KIND_RANK)


SUGGESTERS: dict[str, Suggest] = {
    "BOD001": redundant_bodies,
    "BOD002": powerless_body,
    "BOD003": expired_mandate,
    "BOD004": open_ended_temporary,
    "BOD005": reporting_cycle,
    "BOD006": steering_layers,
    "BOD007": chairless_body,
    "BOD009": empty_body,
    "BOD010": nested_body,
}
