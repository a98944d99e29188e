"""People and capacity rules (PPL): overload, external dependence, overcommitment."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sized
from decimal import Decimal
from itertools import chain

from raci.analysis import Analysis
from raci.lint.message import label, said, said_n
from raci.lint.rule import (
    EXTERNALITY,
    ITEM_KINDS,
    PEOPLE,
    UNITS,
    Problem,
    Rule,
    RuleParams,
    lint_rule,
    number,
)

# Float slack when comparing sums of FTE and shares.
EPSILON = 1e-9


@lint_rule("PPL001", "accountability-overload", "people", "warning", PEOPLE, uses_assignments=True,
      params={"max_items": 8},
           fields=("role.holders", *ITEM_KINDS),
           near=("role.holders",))
def accountability_overload(analysis: Analysis, params: RuleParams,
                            people: Iterable[str]) -> Iterator[Problem]:
    """A person Accountable, directly or through roles held, for more than `max_items` items.

    Items are goals, initiatives and decisions; an item counts once however
    many of the person's roles own it.

    Why it matters: an owner of too many items owns none of them in
    practice; items queue for their attention.

    How to fix: delegate ownership to roles held by others, or split the
    role that gathers it all.

    No suggestion: which items to hand to whom is a judgement of capacity
    and trust.

    Parameters:
    - `max_items`: the most items a person may be the Accountable of.

    Message:

        {person} is Accountable for {count} items (more than {max_items})

    Failing (max_items = 1):

        people:
          - {id: p.jansen, name: Petra Jansen}
        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen, holders: [p.jansen]}
        goals:
          - {id: g.a, name: Doel A, raci: {A: p.jansen}}
          - {id: g.b, name: Doel B, raci: {A: dg-bw}}

    Passing (max_items = 1):

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen, holders: [p.jansen]}
          - {id: dir-x, name: Directeur X, holders: [p.dekker]}
        goals:
          - {id: g.a, name: Doel A, raci: {A: dg-bw}}
          - {id: g.b, name: Doel B, raci: {A: dir-x}}
    """
    accountable_for = analysis.assignments.items_holding("A")
    roles_of_person = analysis.roles_of_person
    kind = analysis.model.kind
    most = number(params, "max_items")
    # Indicators included: a bound that most people are far below.
    for person in _listed_more_than(analysis, accountable_for, most, people):
        items = set(accountable_for.get(person, ()))
        for role in roles_of_person.get(person, ()):
            items.update(accountable_for.get(role, ()))
        count = sum(kind(item) in ITEM_KINDS for item in items)
        if count > most:
            yield Problem.about([person], said_n(
                "{person} is Accountable for {count} item (more than {max_items})",
                "{person} is Accountable for {count} items (more than {max_items})",
                count, person=label(analysis, person), count=count, max_items=most))


@lint_rule("PPL002", "meeting-overload", "people", "warning", PEOPLE, uses_assignments=False,
      params={"max_bodies": 5},
           fields=("role.holders", "body.members", "body.meets_every_days"),
           near=("role.holders", "body.members", "body.meets_every_days"))
def meeting_overload(analysis: Analysis, params: RuleParams,
                     people: Iterable[str]) -> Iterator[Problem]:
    """A person in more than `max_bodies` bodies that meet, directly or through roles held.

    Why it matters: a person who sits everywhere is the bottleneck of every
    body, and has no time left for the work the bodies steer.

    How to fix: let someone else take seats, or merge bodies.

    No suggestion: which seats to give up is a judgement; look-alike bodies
    are merged by BOD001's suggestion.

    Parameters:
    - `max_bodies`: the most bodies that meet a person may sit in.

    Reading: *sits in* means member of; chairing a body without being a
    member does not count. A body with `meets_every_days: 0` does not meet
    (a roster that votes by mail, say) and does not count; a body with no
    `meets_every_days` is taken to meet, and the message counts those.

    Message:

        {person} sits in {count} bodies (more than {max_bodies})[; 1 of them taken to
          meet, as its cadence is not recorded]
        {person} sits in {count} bodies (more than {max_bodies})[; {count} of them taken
          to meet, as their cadence is not recorded]

    Failing (max_bodies = 1):

        people:
          - {id: p.jansen, name: Petra Jansen}
        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen, holders: [p.jansen]}
        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group, members: [p.jansen],
             meets_every_days: 14}
          - {id: sg-b, name: Stuurgroep B, kind: steering_group, members: [dg-bw],
             meets_every_days: 28}

    Passing (max_bodies = 1):

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen, holders: [p.jansen]}
        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group, members: [p.jansen],
             meets_every_days: 14}
          - {id: sg-b, name: Stuurgroep B, kind: steering_group, chair: dg-bw,
             members: [p.dekker], meets_every_days: 28}
    """
    most = number(params, "max_bodies")
    for person in _listed_more_than(analysis, analysis.bodies_of_member, most, people):
        seats = [body for body in analysis.seats_of_person(person) if analysis.meets(body)]
        if len(seats) > most:
            bodies = analysis.model.bodies
            assumed = sum(1 for body in seats if bodies[body].meets_every_days is None)
            why = (said_n("; {count} of them taken to meet, as its cadence is not recorded",
                          "; {count} of them taken to meet, as their cadence is not recorded",
                          assumed, count=assumed) if assumed else "")
            yield Problem.about([person], said_n(
                "{person} sits in {count} body (more than {max_bodies}){assumed}",
                "{person} sits in {count} bodies (more than {max_bodies}){assumed}",
                len(seats), person=label(analysis, person), count=len(seats), max_bodies=most,
                assumed=why))


def _listed_more_than(analysis: Analysis, listed: Mapping[str, Sized], most: int | float,
                      people: Iterable[str]) -> list[str]:
    """Those of `people` for whom `listed` names more than `most` things, for
    them and for the roles they hold together, counted with repeats: an upper
    bound most people are far below, so only these few need a closer look."""
    roles_of = analysis.roles_of_person
    found = []
    for person in people:
        count = len(listed.get(person, ()))
        for role in roles_of.get(person, ()):
            count += len(listed.get(role, ()))
        if count > most:
            found.append(person)
    return found


def _active_initiatives_of(analysis: Analysis, unit: str) -> frozenset[str]:
    """The active initiatives with an Accountable role or person of exactly `unit`."""
    accountable_for = analysis.assignments.items_holding("A")
    owners = (*analysis.people_by_unit.get(unit, ()), *analysis.roles_by_unit.get(unit, ()))
    return analysis.active_initiatives.intersection(
        chain.from_iterable(accountable_for.get(owner, ()) for owner in owners))


@lint_rule("PPL003", "external-dependence", "people", "info", UNITS, uses_assignments=True,
      params={"max_share": 0.5}, limits={"max_share": (0.0, 1.0)},
           fields=(*EXTERNALITY, "role.unit", "initiative.status"))
def external_dependence(analysis: Analysis, params: RuleParams,
                        units: Iterable[str]) -> Iterator[Problem]:
    """A unit whose active initiatives lean on external Responsibles for more than `max_share`.

    The unit's initiatives are the active ones with an Accountable role or
    person in exactly that unit (not a sub-unit). Counted over all their
    Responsible assignments: the share held by an external person, or by
    a role whose holders are all external. External units, and units under
    one, are not checked.

    Why it matters: a unit whose work is mostly done by suppliers loses the
    knowledge to steer it and cannot continue when contracts end.

    How to fix: build internal capacity, or make internal staff Responsible
    alongside the supplier.

    No suggestion: building internal capacity is not an edit of the model.

    Parameters:
    - `max_share`: the largest share of Responsible assignments that may be
      external.

    Reading: a body as Responsible is one of "all" the assignments (it
    counts in the total) but is never external; a vacant role is not
    external either. An actor that holds A with R (A/R) counts as a
    Responsible.

    Message:

        {unit} has {count} of {count} Responsible assignments on its active initiatives
          external ({share}, more than {max_share})

    Failing:

        units:
          - {id: dir-x, name: Directie X}
          - {id: bureau-y, name: Adviesbureau Y, external: true}
        people:
          - {id: p.extern, name: Sander Dekker, unit: bureau-y}
        roles:
          - {id: directeur-x, name: Directeur X, unit: dir-x}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], raci: {A: directeur-x, R: [p.extern]}}

    Passing:

        units:
          - {id: dir-x, name: Directie X}
          - {id: bureau-y, name: Adviesbureau Y, external: true}
        people:
          - {id: p.extern, name: Sander Dekker, unit: bureau-y}
          - {id: p.intern, name: Petra Jansen, unit: dir-x}
        roles:
          - {id: directeur-x, name: Directeur X, unit: dir-x}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x],
             raci: {A: directeur-x, R: [p.extern, p.intern]}}
    """
    externals = analysis.external_actors
    doers_of = analysis.assignments.holding("R")
    most = number(params, "max_share")
    for unit in units:
        if unit in analysis.external_units:
            continue
        total = external = 0
        for initiative in _active_initiatives_of(analysis, unit):
            doers = doers_of.get(initiative, ())
            total += len(doers)
            external += len(externals.intersection(doers))
        # With no external Responsible the share is 0, and not over any bound.
        if external and external / total > most + EPSILON:
            yield Problem.about([unit], said(
                "{unit} has {external} of {total} Responsible assignments on its active "
                "initiatives external ({share:.0%}, more than {max_share:.0%})",
                unit=label(analysis, unit), external=external, total=total,
                share=external / total, max_share=most))


@lint_rule("PPL004", "capacity-overcommit", "people", "warning", UNITS, uses_assignments=True,
           fields=("person.unit", "person.capacity_fte", "role.unit", "role.holders",
                   "initiative.status", "initiative.demand_fte"),
           near=("person.unit", "person.capacity_fte", "role.unit", "role.holders",
                 "initiative.status", "initiative.demand_fte"))
def capacity_overcommit(analysis: Analysis, params: RuleParams,
                        units: Iterable[str]) -> Iterator[Problem]:
    """A unit whose demand exceeds the summed `capacity_fte` of its own people.

    Demand: each active initiative's `demand_fte` is split evenly over its
    Responsibles and counted in each Responsible's unit (a role's unit is
    its `unit`, else its first holder's); a body's share counts nowhere.
    Capacity counts the unit's own people only (not those of sub-units),
    1.0 FTE each unless `capacity_fte` says otherwise.

    Why it matters: planning demand against capacity is what turns a
    portfolio into something that can be executed; an overcommitted unit
    delivers late on everything.

    How to fix: stop or pause initiatives, move work to units with room, or
    add people.

    No suggestion: what to stop, pause or move is a portfolio decision.

    Reading: an actor that holds A with R (A/R) counts as a Responsible.

    Message:

        {unit} is asked {fte} FTE but has {fte}

    Failing:

        units:
          - {id: team-x, name: Team X}
        people:
          - {id: p.jansen, name: Petra Jansen, unit: team-x, capacity_fte: 1.0}
        roles:
          - {id: dg, name: Directeur-generaal}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], demand_fte: 3.0,
             raci: {A: dg, R: [p.jansen]}}

    Passing:

        units:
          - {id: team-x, name: Team X}
        people:
          - {id: p.jansen, name: Petra Jansen, unit: team-x, capacity_fte: 1.0}
        roles:
          - {id: dg, name: Directeur-generaal}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], demand_fte: 0.8,
             raci: {A: dg, R: [p.jansen]}}
    """
    people_by_unit = analysis.people_by_unit
    everyone = analysis.model.people
    for unit in units:
        demand = _demand_of(analysis, unit)
        capacity = sum(everyone[p].effective_capacity_fte for p in people_by_unit.get(unit, ()))
        if demand > capacity + EPSILON:
            asked, has = _apart(demand, capacity)
            yield Problem.about([unit], said("{unit} is asked {asked} FTE but has {has}",
                                             unit=label(analysis, unit), asked=asked, has=has))


def _demand_of(analysis: Analysis, unit: str) -> float:
    """What the unit's Responsibles are asked: each active initiative's
    `demand_fte` split evenly over its Responsibles, summed over the unit's
    people and roles.

    Added up one share at a time in one fixed order, so that the rounded
    amounts in messages never depend on the route taken: its people in
    model order, then its roles in model order, each one's initiatives in
    the order of the model's assignments.
    """
    responsible_for = analysis.assignments.items_holding("R")
    doers_of = analysis.assignments.holding("R")
    active = analysis.active_initiatives
    initiatives = analysis.model.initiatives
    demand = 0.0
    for actor in (*analysis.people_by_unit.get(unit, ()), *analysis.roles_by_unit.get(unit, ())):
        for item in responsible_for.get(actor, ()):
            if item in active:
                demand += (initiatives[item].demand_fte or 0.0) / len(doers_of[item])
    return demand


def _apart(demand: float, capacity: float) -> tuple[Decimal, Decimal]:
    """Both amounts with one decimal, or more where one would show them equal
    (1.04 asked of 1.0 must not read "asked 1.0 but has 1.0")."""
    for decimals in (1, 2, 3):
        asked, has = Decimal(f"{demand:.{decimals}f}"), Decimal(f"{capacity:.{decimals}f}")
        if asked != has:
            break
    return asked, has


RULES: list[Rule] = [
    accountability_overload,
    meeting_overload,
    external_dependence,
    capacity_overcommit,
]
