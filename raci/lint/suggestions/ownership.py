"""Suggestions for the ownership rules (OWN): one named, present, internal owner."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable

from raci.lint.findings import Finding
from raci.lint.message import Joined, said
from raci.lint.rule import number
from raci.lint.suggestions.remedy import (
    CARRYING_WEIGHT,
    MOST_REMEDIES,
    Context,
    Remedy,
    Suggest,
    actor_rank,
    carrying,
    fit_owner,
    ids_text,
    joined,
    letters_text,
    neighbours,
    owner_text,
    owner_weights,
    ranked,
)
from raci.model import Letter, Model
from raci.model.changes import Change, set_cells
from raci.model.entities import cell_text
from raci.model.remedies import combined, move_accountable


def unowned_item(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN001: the actor who already carries the items around it, or does its work."""
    model, item = ctx.model, finding.targets[0]
    around = neighbours(model, item)
    weights = owner_weights(model, around)
    doers = model.actors(item, "R")
    weights.update(doers)
    candidates = [actor for actor in ranked(weights, weights, lambda a: actor_rank(model, a))
                  if weights[actor] and fit_owner(model, ctx.analysis, actor, item)]
    return [Remedy(said("make {actor} the Accountable of {item}", actor=actor, item=item),
                   move_accountable(model, item, actor),
                   _owner_evidence(model, actor, around, item, doing=actor in doers))
            for actor in candidates[:MOST_REMEDIES]]


def multiple_accountable(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN002: keep the Accountable who carries most of the items around it;
    the others become C (an A/R keeps its R)."""
    model, item = ctx.model, finding.targets[0]
    owners = model.actors(item, "A")
    around = neighbours(model, item)
    weights = owner_weights(model, around)
    order = ranked(weights, owners, lambda a: (not fit_owner(model, ctx.analysis, a, item),
                                               actor_rank(model, a)))
    remedies = []
    for keep in order[:MOST_REMEDIES]:
        others = [o for o in owners if o != keep]
        became = Joined([said("{actor} becomes {letters}", actor=o,
                              letters=_without_a(model, item, o, "C")) for o in others], "; ")
        remedies.append(Remedy(said("keep {actor} as the one Accountable of {item}; {became}",
                                    actor=keep, item=item, became=became),
                               move_accountable(model, item, keep, former="C"),
                               _owner_evidence(model, keep, around, item)))
    return remedies


def collective_accountable(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN003: the body's chair becomes the Accountable of its goals and
    initiatives, the body Consulted."""
    model, body = ctx.model, finding.targets[0]
    chair = model.bodies[body].chair
    items = list(finding.related)
    if chair is None or not all(fit_owner(model, ctx.analysis, chair, i) for i in items):
        return []
    cells: dict[tuple[str, str], tuple[Letter, ...]] = {}
    for item in items:
        cells[item, body] = _letters_without_a(model, item, body, "C")
        cells[item, chair] = combined(model.letters_of(item, chair), ("A",))
    return [Remedy(said("make the chair {chair} the Accountable of {items} in place of {body}, "
                        "which becomes C", chair=chair, items=ids_text(items), body=body),
                   set_cells(model, cells))]


def vacant_accountable(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN004: fill the role with who already carries its items and those around them."""
    role = finding.targets[0]
    items = list(finding.related)
    return fill_role(ctx, role, [*items, *(n for i in items for n in neighbours(ctx.model, i))])


def external_accountable(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN005: an internal owner who carries the items around them; the
    supplier stays Responsible."""
    model, supplier = ctx.model, finding.targets[0]
    items = list(finding.related)
    around = [n for item in items for n in neighbours(model, item)]
    weights = owner_weights(model, around)
    weights.update(doer for item in items for doer in model.actors(item, "R"))
    candidates = [actor for actor in ranked(weights, weights, lambda a: actor_rank(model, a))
                  if weights[actor] and actor != supplier
                  and all(fit_owner(model, ctx.analysis, actor, item) for item in items)]
    remedies = []
    for actor in candidates[:MOST_REMEDIES]:
        cells: dict[tuple[str, str], tuple[Letter, ...]] = {}
        for item in items:
            cells[item, supplier] = _letters_without_a(model, item, supplier, "R")
            cells[item, actor] = combined(model.letters_of(item, actor), ("A",))
        remedies.append(Remedy(said("make {actor} the Accountable of {items} in place of "
                                    "{supplier}, which stays Responsible", actor=actor,
                                    items=ids_text(items), supplier=supplier),
                               set_cells(model, cells),
                               owner_text(model, actor, around, said("the items around them"))))
    return remedies


def crowded_responsible(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN006: keep the Responsibles who own, are internal and carry most
    around the item; the others become Consulted."""
    model, item = ctx.model, finding.targets[0]
    most = number(ctx.params, "max_responsible")
    doers = model.actors(item, "R")
    weights = carrying(model, neighbours(model, item))
    order = ranked(weights, doers, lambda a: ("A" not in model.letters_of(item, a),
                                              not fit_owner(model, ctx.analysis, a, item),
                                              actor_rank(model, a)))
    kept = order[:int(most)]
    dropped = [d for d in order[int(most):] if model.letters_of(item, d) == ("R",)]
    if not dropped or len(doers) - len(dropped) > most:
        return []
    return [Remedy(said("make {dropped} Consulted on {item}, keeping {kept} Responsible",
                        dropped=ids_text(dropped), item=item, kept=ids_text(kept)),
                   set_cells(model, {(item, d): ("C",) for d in dropped}))]


def no_responsible(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN007: the Accountable also does the work (A/R), or who does the
    work of the items around it."""
    model, item = ctx.model, finding.targets[0]
    owners = [o for o in model.actors(item, "A") if model.kind(o) != "body"]
    remedies = [Remedy(said("let the Accountable {owner} also do the work of {item} (A/R)",
                            owner=owner, item=item),
                       set_cells(model, {(item, owner): ("A", "R")}))
                for owner in owners if fit_owner(model, ctx.analysis, owner, item)]
    around = neighbours(model, item)
    weights = Counter(a.actor for i in around for a in model.assignments_of_item(i)
                      if a.letter == "R")
    for actor in ranked(weights, weights, lambda a: actor_rank(model, a)):
        if len(remedies) == MOST_REMEDIES:
            break
        if actor not in owners and model.kind(actor) != "body" \
                and fit_owner(model, ctx.analysis, actor, item):
            remedies.append(Remedy(said("make {actor} Responsible for {item}", actor=actor,
                                        item=item),
                                   set_cells(model, {(item, actor): ("R",)}),
                                   said("{actor} is Responsible for {count} of the items "
                                        "around it", actor=actor, count=weights[actor])))
    return remedies


def inverted_accountability(ctx: Context, finding: Finding) -> list[Remedy]:
    """OWN008: the superior who is Responsible becomes the Accountable (A/R),
    the former Accountable Responsible."""
    model, item = ctx.model, finding.targets[0]
    owners, doers = model.actors(item, "A"), model.actors(item, "R")
    reports_to = ctx.analysis.reporting_chains_above(owners).reports_to
    above = {doer: owner for owner in owners for doer in doers
             if owner != doer and reports_to(owner, doer)}
    return [Remedy(said("make {doer} the Accountable of {item} (A/R), {owner} becoming "
                        "Responsible", doer=doer, item=item, owner=owner),
                   move_accountable(model, item, doer, former="R"),
                   said("{owner} reports to {doer}", owner=owner, doer=doer))
            for doer, owner in sorted(above.items())[:MOST_REMEDIES]]


def fill_role(ctx: Context, role: str, items: Iterable[str],
              taken: Iterable[str] = ()) -> list[Remedy]:
    """The role filled with a person who already carries `items` (directly
    or through a role they hold) and is not one of `taken`: internal people,
    the role's own unit first, then who carries most."""
    model, analysis = ctx.model, ctx.analysis
    held: dict[str, Counter[str]] = {}
    for item in dict.fromkeys(items):
        for a in model.assignments_of_item(item):
            for person in analysis.people_of(a.actor):
                held.setdefault(person, Counter())[a.letter] += 1
    weights = Counter({person: sum(CARRYING_WEIGHT.get(letter, 0) * count
                                   for letter, count in letters.items())
                       for person, letters in held.items()})
    unit, cannot = model.roles[role].unit, set(taken)
    people = sorted((p for p in ranked(weights, (p for p in weights if p in model.people))
                     if weights[p] and p not in cannot and not analysis.is_external_person(p)),
                    key=lambda p: model.people[p].unit != unit)
    return [Remedy(said("fill role {role} with {person}", role=role, person=person),
                   Change(put=[dataclasses.replace(model.roles[role], holders=[person])]),
                   said("{person} is {held} of its items and those around them",
                        person=person, held=letters_text(held[person])))
            for person in people[:MOST_REMEDIES]]


def _letters_without_a(model: Model, item: str, actor: str, instead: Letter
                       ) -> tuple[Letter, ...]:
    """An actor's letters on the item once it is no longer Accountable: an
    A/R keeps its R, a lone A becomes `instead`."""
    kept = tuple(letter for letter in model.letters_of(item, actor) if letter != "A")
    return kept or (instead,)


def _without_a(model: Model, item: str, actor: str, instead: Letter) -> str:
    return cell_text(_letters_without_a(model, item, actor, instead))


def _owner_evidence(model: Model, actor: str, around: list[str], item: str, *,
                    doing: bool = False) -> str:
    carried = owner_text(model, actor, around, said("the items around {item}", item=item))
    does = said("{actor} does its work (R)", actor=actor) if doing else ""
    return joined((does, carried))


SUGGESTERS: dict[str, Suggest] = {
    "OWN001": unowned_item,
    "OWN002": multiple_accountable,
    "OWN003": collective_accountable,
    "OWN004": vacant_accountable,
    "OWN005": external_accountable,
    "OWN006": crowded_responsible,
    "OWN007": no_responsible,
    "OWN008": inverted_accountability,
}
