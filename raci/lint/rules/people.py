"""People and capacity rules (PPL): overload, external dependence, overcommitment."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sized
from itertools import chain

from raci.analysis import Analysis
from raci.lint.rule import ITEM_KINDS, PEOPLE, UNITS, Problem, Rule, RuleParams, lint_rule, number

# Float slack when comparing sums of FTE and shares.
EPSILON = 1e-9


@lint_rule("PPL001", "accountability-overload", "people", "warning", PEOPLE, uses_assignments=True,
      params={"max_items": 8})
def accountability_overload(analysis: Analysis, params: RuleParams,
                            people: Iterable[str]) -> Iterator[Problem]:
    """A person Accountable, directly or through roles held, for more than `max_items` items.

    Items are goals, initiatives and decisions; an item counts once however
    many of the person's roles own it.

    Why it matters: an owner of too many items owns none of them in
    practice; items queue for their attention.

    How to fix: delegate ownership to roles held by others, or split the
    role that gathers it all.

    Parameters: `max_items` (default 8).

    Failing (max_items = 1):

        goals:
          - {id: g.a, name: A, raci: {A: p.jansen}}
          - {id: g.b, name: B, raci: {A: dg-bw}}     # dg-bw is held by p.jansen

    Passing:

        goals:
          - {id: g.a, name: A, raci: {A: p.jansen}}
          - {id: g.b, name: B, raci: {A: dir-x}}     # held by someone else
    """
    accountable_for = analysis.assignments.items_holding("A")
    roles_of_person = analysis.roles_of_person
    kind = analysis.model.kind
    most = number(params, "max_items")
    for person in people:
        held = [accountable_for.get(actor, ()) for actor in
                (person, *roles_of_person.get(person, ()))]
        # Counted with repeats and indicators first: a bound most people are far below.
        if sum(map(len, held)) <= most:
            continue
        count = sum(kind(item) in ITEM_KINDS for item in set().union(*held))
        if count > most:
            yield Problem.about(
                [person], f"{analysis.label(person)} is Accountable for {count} items "
                          f"(more than {most})"
            )


@lint_rule("PPL002", "meeting-overload", "people", "warning", PEOPLE, uses_assignments=False,
      params={"max_bodies": 5})
def meeting_overload(analysis: Analysis, params: RuleParams,
                     people: Iterable[str]) -> Iterator[Problem]:
    """A person in more than `max_bodies` bodies that meet, directly or through roles held.

    Why it matters: a person who sits everywhere is the bottleneck of every
    body, and has no time left for the work the bodies steer.

    How to fix: let someone else take seats, or merge bodies.

    Parameters: `max_bodies` (default 5).

    Reading: *sits in* means member of; chairing a body without being a
    member does not count. A body with `meets_every_days: 0` does not meet
    (a roster that votes by mail, say) and does not count; a body with no
    `meets_every_days` is taken to meet.

    Failing (max_bodies = 1):

        bodies:
          - {id: sg-a, name: A, kind: steering_group, members: [p.jansen]}
          - {id: sg-b, name: B, kind: steering_group, members: [dg-bw]}  # held by p.jansen

    Passing:

        bodies:
          - {id: sg-a, name: A, kind: steering_group, members: [p.jansen]}
          - {id: sg-b, name: B, kind: steering_group, chair: p.jansen, members: [dir-x]}
    """
    most = number(params, "max_bodies")
    for person in _listed_more_than(analysis, analysis.bodies_of_member, most).intersection(people):
        seats = [body for body in analysis.seats_of_person(person) if analysis.meets(body)]
        if len(seats) > most:
            yield Problem.about(
                [person], f"{analysis.label(person)} sits in {len(seats)} bodies "
                          f"(more than {most})"
            )


def _listed_more_than(analysis: Analysis, listed: Mapping[str, Sized],
                      most: int | float) -> set[str]:
    """The people for whom `listed` names more than `most` things, for them and
    for the roles they hold together, counted with repeats: an upper bound
    most people are far below, so only these few need a closer look (at the
    cost of one pass over `listed`: for a full run, not for a few people)."""
    roles = analysis.model.roles
    counts: dict[str, int] = {}
    for actor, things in listed.items():
        role = roles.get(actor)
        for person in (actor,) if role is None else role.holders:
            counts[person] = counts.get(person, 0) + len(things)
    return {person for person, count in counts.items() if count > most}


def _active_initiatives_of(analysis: Analysis, unit: str) -> frozenset[str]:
    """The active initiatives with an Accountable role or person of exactly `unit`."""
    accountable_for = analysis.assignments.items_holding("A")
    owners = (*analysis.people_by_unit.get(unit, ()), *analysis.roles_by_unit.get(unit, ()))
    return analysis.active_initiatives.intersection(
        chain.from_iterable(accountable_for.get(owner, ()) for owner in owners))


@lint_rule("PPL003", "external-dependence", "people", "info", UNITS, uses_assignments=True,
      params={"max_share": 0.5}, limits={"max_share": (0.0, 1.0)})
def external_dependence(analysis: Analysis, params: RuleParams,
                        units: Iterable[str]) -> Iterator[Problem]:
    """A unit whose active initiatives lean on external Responsibles for more than `max_share`.

    The unit's initiatives are the active ones with an Accountable role or
    person in exactly that unit (not a sub-unit). Counted over all their
    Responsible assignments: the share held by an external person, or by
    a role whose holders are all external. External units, and units under
    one, are not checked.

    Reading: a body as Responsible is one of "all" the assignments (it
    counts in the total) but is never external; a vacant role is not
    external either.

    Why it matters: a unit whose work is mostly done by suppliers loses the
    knowledge to steer it and cannot continue when contracts end.

    How to fix: build internal capacity, or make internal staff Responsible
    alongside the supplier.

    Parameters: `max_share` (default 0.5, between 0 and 1).

    Failing:

        initiatives:
          - {id: i.x, name: X, goals: [g.x], raci: {A: dir-x, R: [p.extern]}}

    Passing:

        initiatives:
          - {id: i.x, name: X, goals: [g.x], raci: {A: dir-x, R: [p.extern, p.intern]}}
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
            yield Problem.about(
                [unit], f"{analysis.label(unit)} has {external} of {total} Responsible "
                        f"assignments on its active initiatives external "
                        f"({external / total:.0%}, more than {most:.0%})"
            )


@lint_rule("PPL004", "capacity-overcommit", "people", "warning", UNITS, uses_assignments=True)
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

    Failing:

        people:
          - {id: p.a, name: A, unit: team-x, capacity_fte: 1.0}
        initiatives:
          - {id: i.x, name: X, goals: [g.x], demand_fte: 3.0, raci: {A: dg, R: [p.a]}}

    Passing:

        initiatives:
          - {id: i.x, name: X, goals: [g.x], demand_fte: 0.8, raci: {A: dg, R: [p.a]}}
    """
    people_by_unit = analysis.people_by_unit
    everyone = analysis.model.people
    for unit in units:
        demand = _demand_of(analysis, unit)
        if not demand:
            continue
        capacity = sum(everyone[p].effective_capacity_fte for p in people_by_unit.get(unit, ()))
        if demand > capacity + EPSILON:
            asked, has = _apart(demand, capacity)
            yield Problem.about([unit],
                                f"{analysis.label(unit)} is asked {asked} FTE but has {has}")


def _demand_of(analysis: Analysis, unit: str) -> float:
    """The demand on a unit's Responsibles.

    Added up one share at a time in one fixed order, so that the rounded
    amounts in messages never depend on the route taken: the unit's people
    in model order, then its roles in model order, each one's initiatives
    in the order of the model's assignments.
    """
    responsible_for = analysis.assignments.items_holding("R")
    doers_of = analysis.assignments.holding("R")
    active = analysis.active_initiatives
    initiatives = analysis.model.initiatives
    demand = 0.0
    for actor in (*analysis.people_by_unit.get(unit, ()), *analysis.roles_by_unit.get(unit, ())):
        for item in responsible_for.get(actor, ()):
            if item in active:
                # Split evenly over the initiative's Responsibles.
                demand += (initiatives[item].demand_fte or 0.0) / len(doers_of[item])
    return demand


def _apart(demand: float, capacity: float) -> tuple[str, str]:
    """Both amounts with one decimal, or more where one would show them equal
    (1.04 asked of 1.0 must not read "asked 1.0 but has 1.0")."""
    for decimals in (1, 2, 3):
        asked, has = f"{demand:.{decimals}f}", f"{capacity:.{decimals}f}"
        if asked != has:
            break
    return asked, has


RULES: list[Rule] = [
    accountability_overload,
    meeting_overload,
    external_dependence,
    capacity_overcommit,
]
