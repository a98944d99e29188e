"""Silo rules (SIL): work that crosses units without a forum, units that never meet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from raci.analysis import Analysis
from raci.lint.message import label, listed, said, said_n
from raci.lint.rule import (
    INITIATIVES,
    ITEM_KINDS,
    UNITS,
    Problem,
    Rule,
    RuleParams,
    lint_rule,
    number,
)


@lint_rule("SIL001", "uncoordinated-crossing", "silos", "warning",
           INITIATIVES, uses_assignments=True,
           params={"min_units": 3}, limits={"min_units": (1, float("inf"))},
           fields=("role.unit", "role.holders", "person.unit", "body.members"))
def uncoordinated_crossing(analysis: Analysis, params: RuleParams,
                           initiatives: Iterable[str]) -> Iterator[Problem]:
    """An initiative whose Responsibles come from at least `min_units` units with no common body.

    The Responsible roles and people are placed in their units (a role's
    unit is its `unit`, else its first holder's; a body as Responsible
    counts nowhere). The crossing is coordinated when a single body has
    members from all of those units.

    Why it matters: work that crosses silos stalls at each border unless
    there is one table where all the units meet.

    How to fix: set up (or name) one body with members from every unit
    involved, or cut the initiative along unit lines.

    Suggested: seat a Responsible of each missing unit in the body that
    already has members from most of the units; the two best bodies.

    Parameters:
    - `min_units`: the fewest units an initiative's Responsibles must come
      from to need a common body.

    Reading: units are compared as they are (a sub-unit is a unit of its
    own); Responsibles without a unit count for none. An actor that holds
    A with R (A/R) counts as a Responsible.

    `min_units` is at least 1: Responsibles from no unit cross nothing. At
    1, an initiative within a single unit is reported when no body has a
    member from that unit.

    Message:

        {initiative} crosses {count} units with no body where they all meet: {units}

    Failing:

        units:
          - {id: unit-a, name: Directie A}
          - {id: unit-b, name: Directie B}
          - {id: unit-c, name: Directie C}
        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: head-a, name: Hoofd A, unit: unit-a}
          - {id: head-b, name: Hoofd B, unit: unit-b}
          - {id: head-c, name: Hoofd C, unit: unit-c}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], raci: {A: dg, R: [head-a, head-b, head-c]}}

    Passing:

        units:
          - {id: unit-a, name: Directie A}
          - {id: unit-b, name: Directie B}
          - {id: unit-c, name: Directie C}
        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: head-a, name: Hoofd A, unit: unit-a}
          - {id: head-b, name: Hoofd B, unit: unit-b}
          - {id: head-c, name: Hoofd C, unit: unit-c}
        bodies:
          - {id: pb-x, name: Programmaraad X, kind: programme_board,
             members: [head-a, head-b, head-c]}
        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], raci: {A: dg, R: [head-a, head-b, head-c]}}
    """
    doers_of = analysis.assignments.holding("R")
    unit_of = analysis.actor_units.get
    fewest = number(params, "min_units")
    for initiative in initiatives:
        doers = doers_of.get(initiative)
        if doers is None or len(doers) < fewest:  # too few to cross that many
            continue
        units = frozenset(unit for unit in map(unit_of, doers) if unit is not None)
        if not units or len(units) < fewest:  # no unit, nothing to cross
            continue
        if not analysis.has_common_body(units):
            yield Problem.about([initiative], said_n(
                "{initiative} crosses {count} unit with no body where they all meet: {units}",
                "{initiative} crosses {count} units with no body where they all meet: {units}",
                len(units), initiative=label(analysis, initiative), count=len(units),
                units=listed(analysis, sorted(units))))


@lint_rule("SIL002", "isolated-unit", "silos", "info", UNITS, uses_assignments=True,
           fields=("person.unit", "role.holders", "body.members", *ITEM_KINDS),
           near=("body.members",))
def isolated_unit(analysis: Analysis, params: RuleParams,
                  units: Iterable[str]) -> Iterator[Problem]:
    """A unit with people of its own, none of whom shares a body or an item with another unit.

    Only run when at least two units have people of their own: in a
    one-unit organisation there is no other unit to meet.

    A person shares a body when they sit in it (a member, directly or
    through a held role) and an item (a goal, initiative or decision) when
    they hold an assignment on it (directly or through a held role);
    *another unit* is any unit other than this one (a sub-unit too); people
    without a unit are of no unit.

    Why it matters: a unit that meets nobody from elsewhere, in no body
    and on no item, executes in a silo; its work will not connect.

    How to fix: give it a seat in the relevant body, or involve its people
    (`C` or `R`) on items of other units.

    No suggestion: which body or item the unit should join is a judgement.

    Reading: a body's assignments (a body as `R`, say) are not held by its
    members; only seats and the person's own or role's assignments count.
    "Anyone" is a person: the other side of a shared body or item is of its
    people's units (a role brings in its holders' units, not its own
    `unit`; a vacant role brings in nobody). A chair who is not a member
    shares nothing through that body. Every unit with a person of its own
    counts towards the two units, external units included.

    Message:

        {unit} shares no body or item with another unit

    Failing:

        units:
          - {id: team-a, name: Team A}
          - {id: team-b, name: Team B}
          - {id: team-c, name: Team C}
        people:
          - {id: p.jansen, name: Petra Jansen, unit: team-a}
          - {id: p.dekker, name: Sander Dekker, unit: team-b}
          - {id: p.visser, name: Anna Visser, unit: team-c}
        goals:
          - {id: g.x, name: Doel X, raci: {A: p.jansen, C: [p.dekker]}}

    Passing:

        units:
          - {id: team-a, name: Team A}
          - {id: team-b, name: Team B}
          - {id: team-c, name: Team C}
        people:
          - {id: p.jansen, name: Petra Jansen, unit: team-a}
          - {id: p.dekker, name: Sander Dekker, unit: team-b}
          - {id: p.visser, name: Anna Visser, unit: team-c}
        goals:
          - {id: g.x, name: Doel X, raci: {A: p.jansen, C: [p.dekker, p.visser]}}
    """
    if sum(1 for people in analysis.people_by_unit.values() if people) < 2:
        return
    meeting_in_bodies = analysis.units_meeting_in_bodies
    for unit in units:
        people = analysis.people_by_unit.get(unit)
        if not people or unit in meeting_in_bodies or _shares_an_item(analysis, unit, people):
            continue
        yield Problem.about([unit], said("{unit} shares no body or item with another unit",
                                         unit=label(analysis, unit)))


def _shares_an_item(analysis: Analysis, unit: str, people: list[str]) -> bool:
    """Whether any of the unit's people holds an assignment on a goal,
    initiative or decision (directly or through a held role) that someone of
    another unit holds one on too."""
    kinds = analysis.model.kind
    seen: set[str] = set()
    for person in people:
        for actor in (person, *analysis.roles_of_person.get(person, ())):
            for item in analysis.assignments.items_of(actor):
                if item in seen or kinds(item) not in ITEM_KINDS:
                    continue
                seen.add(item)
                if analysis.people_units(analysis.assignments.actors_on(item)) - {unit}:
                    return True
    return False


RULES: list[Rule] = [uncoordinated_crossing, isolated_unit]
