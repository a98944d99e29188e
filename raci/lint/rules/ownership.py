"""Ownership rules (OWN): every item needs one named, present, internal owner."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from raci.analysis import Analysis
from raci.lint.rule import (
    INITIATIVES,
    ITEMS,
    ITEMS_AND_RACI_KPIS,
    Problem,
    Rule,
    RuleParams,
    lint_rule,
)


def _ids(ids: Iterable[str]) -> str:
    """Ids as a message lists them: sorted, comma-separated."""
    return ", ".join(sorted(ids))


@lint_rule("OWN001", "unowned-item", "ownership", "error",
           ITEMS_AND_RACI_KPIS, uses_assignments=True)
def unowned_item(analysis: Analysis, params: RuleParams, items: Iterable[str]) -> Iterator[Problem]:
    """A goal, initiative or decision with no Accountable.

    Finds goals, initiatives and decisions with no `A` in their `raci`
    block, and indicators that carry a `raci` block (even an empty one)
    without an `A`. An indicator given assignments in the app or with
    `raci assign` carries a block too.

    Why it matters: what nobody owns, nobody drives. An item without an
    Accountable has no one who answers for its progress, so it drifts until
    someone notices in an evaluation.

    How to fix: name one role (preferably) or person as `A`.

    Failing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {R: [team-klimaat]}}

    Passing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, R: [team-klimaat]}}
    """
    owned = analysis.assignments.holding("A")
    for item in items:
        if item not in owned:
            yield Problem.about([item], f"{analysis.label(item)} has no Accountable")


@lint_rule("OWN002", "multiple-accountable", "ownership", "error", ITEMS, uses_assignments=True)
def multiple_accountable(analysis: Analysis, params: RuleParams,
                         items: Iterable[str]) -> Iterator[Problem]:
    """More than one Accountable on an item.

    Why it matters: two owners means each can wait for the other; when the
    item slips, neither answers for it. Shared accountability is diffuse
    ownership by another name.

    How to fix: keep one `A`; make the others `R` (they do the work) or `C`
    (they are heard first).

    Failing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: [dg-ke, sg-klimaat]}}

    Passing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-ke, C: [sg-klimaat]}}
    """
    owners_of = analysis.assignments.holding("A")
    shared = {item for item, owners in owners_of.items() if len(owners) > 1}
    for item in shared.intersection(items):
        owners = owners_of[item]
        yield Problem.about(
            [item], f"{analysis.label(item)} has {len(owners)} Accountables: {_ids(owners)}"
        )


@lint_rule("OWN003", "collective-accountable", "ownership", "warning", ITEMS, uses_assignments=True)
def collective_accountable(analysis: Analysis, params: RuleParams,
                           items: Iterable[str]) -> Iterator[Problem]:
    """A body is the Accountable of a goal or initiative.

    Decisions are left alone: a decision may well be taken by a body.

    Why it matters: a committee cannot be held to account; its members
    point at each other. Goals and initiatives need one person or role who
    answers for the result, the body can advise or decide.

    How to fix: make a role (the body's chair, say) the `A` and give the
    body `C`, or move the body's part to a decision it takes.

    Reading: a body among several Accountables is reported here as well
    (OWN002 reports the several Accountables); one finding per item names
    every body that is Accountable.

    Failing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: sg-klimaat}}

    Passing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, C: [sg-klimaat]}}
    """
    owners_of = analysis.assignments.holding("A")
    decisions = analysis.model.decisions
    all_bodies = analysis.model.bodies
    for item in analysis.assignments.items_held_by("A", all_bodies).intersection(items):
        if item in decisions:
            continue
        bodies = [a for a in owners_of[item] if a in all_bodies]
        yield Problem.about(
            [item], f"{analysis.label(item)} has a body as Accountable: {_ids(bodies)}"
        )


@lint_rule("OWN004", "vacant-accountable", "ownership", "error", ITEMS, uses_assignments=True)
def vacant_accountable(analysis: Analysis, params: RuleParams,
                       items: Iterable[str]) -> Iterator[Problem]:
    """The Accountable is a role with no holder.

    Why it matters: an owner on paper only. Until someone fills the role,
    nobody answers for the item, and the chart hides it.

    How to fix: fill the role (`holders`), or make a filled role the `A`.

    Reading: when an item has several Accountables, any vacant role among
    them is reported (one finding per item naming the vacant roles).

    Failing:

        roles:
          - {id: pm-warmte, name: Programmamanager Warmte, holders: []}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.x], raci: {A: pm-warmte}}

    Passing:

        roles:
          - {id: pm-warmte, name: Programmamanager Warmte, holders: [p.jansen]}
    """
    owners_of = analysis.assignments.holding("A")
    vacant_roles = analysis.vacant_roles
    for item in analysis.assignments.items_held_by("A", vacant_roles).intersection(items):
        vacant = [a for a in owners_of[item] if a in vacant_roles]
        yield Problem.about(
            [item], f"{analysis.label(item)} is owned by a vacant role: {_ids(vacant)}"
        )


@lint_rule("OWN005", "external-accountable", "ownership", "warning", ITEMS, uses_assignments=True)
def external_accountable(analysis: Analysis, params: RuleParams,
                         items: Iterable[str]) -> Iterator[Problem]:
    """The Accountable is an external person, or a role held only by external people.

    A person is external when `external: true` or their unit, or a unit
    above it, is external; a role is external when it has holders and all
    of them are external.

    Why it matters: a supplier can be Responsible, but ownership of public
    policy cannot be outsourced; when the contract ends, so does the owner.

    How to fix: make an internal role the `A`; keep the supplier as `R`.

    Reading: a role with some internal holders is not external and is not
    reported; on an item with several Accountables any external one is.

    Failing:

        units:
          - {id: bureau-x, name: Adviesbureau X, external: true}
        people:
          - {id: p.dekker, name: Sander Dekker, unit: bureau-x}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: p.dekker}}

    Passing:

        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, R: [p.dekker]}}
    """
    owners_of = analysis.assignments.holding("A")
    externals = analysis.external_actors
    for item in analysis.assignments.items_held_by("A", externals).intersection(items):
        external = [a for a in owners_of[item] if a in externals]
        yield Problem.about(
            [item], f"{analysis.label(item)} has an external Accountable: {_ids(external)}"
        )


@lint_rule("OWN006", "crowded-responsible", "ownership", "warning", ITEMS, uses_assignments=True,
      params={"max_responsible": 3})
def crowded_responsible(analysis: Analysis, params: RuleParams,
                        items: Iterable[str]) -> Iterator[Problem]:
    """More Responsibles than `max_responsible`.

    Why it matters: when many parties do the work, coordination eats the
    capacity and each assumes another is on it.

    How to fix: split the item into parts with one or two Responsibles
    each, or make some parties `C` or `I`.

    Parameters: `max_responsible` (default 3).

    Failing (max_responsible = 3):

        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.x],
             raci: {A: dg-bw, R: [team-a, team-b, team-c, team-d]}}

    Passing:

        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.x],
             raci: {A: dg-bw, R: [team-a, team-b], C: [team-c, team-d]}}
    """
    doers_of = analysis.assignments.holding("R")
    most = params["max_responsible"]
    crowded = {item for item, doers in doers_of.items() if len(doers) > most}
    for item in crowded.intersection(items):
        doers = doers_of[item]
        yield Problem.about(
            [item],
            f"{analysis.label(item)} has {len(doers)} Responsibles "
            f"(more than {most}): {_ids(doers)}",
        )


@lint_rule("OWN007", "no-responsible", "ownership", "warning", INITIATIVES, uses_assignments=True)
def no_responsible(analysis: Analysis, params: RuleParams,
                   items: Iterable[str]) -> Iterator[Problem]:
    """An initiative with an Accountable but no Responsible.

    Why it matters: an owner with nobody doing the work is a wish, not an
    initiative; it signals that capacity was never planned.

    How to fix: name the roles or people who do the work as `R`.

    Failing:

        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.x], raci: {A: dg-bw}}

    Passing:

        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.x], raci: {A: dg-bw, R: [team-wijk]}}
    """
    owned = analysis.assignments.holding("A")
    done = analysis.assignments.holding("R")
    for item in items:
        if item in owned and item not in done:
            yield Problem.about([item],
                                f"{analysis.label(item)} has an Accountable but no Responsible")


@lint_rule("OWN008", "inverted-accountability", "ownership", "info", ITEMS, uses_assignments=True)
def inverted_accountability(analysis: Analysis, params: RuleParams,
                            items: Iterable[str]) -> Iterator[Problem]:
    """An Accountable reports, directly or not, to one of the item's Responsibles.

    Finds items whose Accountable (a role or body) has one of the item's
    Responsibles among the roles and bodies it reports to, directly or
    not, compared by id.

    Why it matters: the owner then answers to the one doing the work; the
    superior cannot really be steered by the subordinate, so ownership is
    nominal.

    How to fix: make the superior the `A`, or the subordinate the `R` of
    a smaller item of its own.

    Failing:

        roles:
          - {id: sg, name: Secretaris-generaal}
          - {id: dir, name: Directeur, reports_to: sg}
        goals:
          - {id: g.x, name: Doel, raci: {A: dir, R: [sg]}}

    Passing:

        goals:
          - {id: g.x, name: Doel, raci: {A: sg, R: [dir]}}
    """
    owners_of = analysis.assignments.holding("A")
    doers_of = analysis.assignments.holding("R")
    # Only a Responsible that some role or body reports to can be above the Accountable.
    candidates = analysis.assignments.items_held_by("R", analysis.reported_to).intersection(items)
    reports_to = analysis.reporting_chains_above(
        owner for item in candidates for owner in owners_of.get(item, ())).reports_to
    for item in candidates:
        owners = owners_of.get(item)
        if owners is None:
            continue
        doers = doers_of[item]
        inverted = sorted((owner, doer) for owner in owners for doer in doers
                          if reports_to(owner, doer))
        if inverted:
            pairs = "; ".join(f"{owner} reports to {doer}" for owner, doer in inverted)
            yield Problem.about(
                [item], f"{analysis.label(item)} has inverted accountability: {pairs}"
            )


RULES: list[Rule] = [
    unowned_item,
    multiple_accountable,
    collective_accountable,
    vacant_accountable,
    external_accountable,
    crowded_responsible,
    no_responsible,
    inverted_accountability,
]
