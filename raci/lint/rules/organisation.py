"""Organisation rules (ORG): roles and people with no place, vacancies that matter."""

from __future__ import annotations

from collections.abc import Container, Iterable, Iterator
from itertools import filterfalse

from raci.analysis import Analysis
from raci.lint.message import Joined, label, named, said
from raci.lint.rule import BODIES, PEOPLE, ROLES, Problem, Rule, RuleParams, lint_rule


@lint_rule("ORG001", "idle-role", "organisation", "info", ROLES, uses_assignments=True,
           fields=("body.members", "body.chair", "role.reports_to", "body.reports_to"),
           near=("body.members", "body.chair", "role.reports_to", "body.reports_to"))
def idle_role(analysis: Analysis, params: RuleParams, roles: Iterable[str]) -> Iterator[Problem]:
    """A role with no assignment, no body seat, no chair and nobody reporting to it.

    Why it matters: a role that plays no part in the governance model is
    either missing from it (the model is incomplete) or not needed.

    How to fix: give the role its assignments or seats, or remove it.

    Suggested: remove the role.

    Message:

        {role} has no assignment, seat, chair or one reporting to it

    Failing:

        roles:
          - {id: adviseur, name: Adviseur}

    Passing:

        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: adviseur, name: Adviseur}
        goals:
          - {id: g.x, name: Doel X, raci: {A: dg, C: [adviseur]}}
    """
    playing = (analysis.bodies_of_member, analysis.chairs, analysis.reported_to,
               analysis.assignments.assigned_actors())
    for role in _in_none(roles, playing):
        yield Problem.about([role], said("{role} has no assignment, seat, chair or one reporting "
                                         "to it", role=label(analysis, role)))


@lint_rule("ORG002", "unplaced-person", "organisation", "info", PEOPLE, uses_assignments=True,
           fields=("role.holders", "body.members", "body.chair"),
           near=("role.holders", "body.members", "body.chair"))
def unplaced_person(analysis: Analysis, params: RuleParams,
                    people: Iterable[str]) -> Iterator[Problem]:
    """A person who holds no role, sits in or chairs no body and has no assignment.

    Why it matters: someone in the model with no part in its governance is
    capacity the design does not use, or a gap in the model.

    How to fix: give them a role, a seat or an assignment, or leave them
    out of the model.

    Suggested: remove the person from the model.

    Message:

        {person} holds no role, seat, chair or assignment

    Failing:

        people:
          - {id: p.jansen, name: Petra Jansen}

    Passing:

        people:
          - {id: p.jansen, name: Petra Jansen}
        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen, holders: [p.jansen]}
    """
    playing = (analysis.roles_of_person, analysis.bodies_of_member, analysis.chairs,
               analysis.assignments.assigned_actors())
    for person in _in_none(people, playing):
        yield Problem.about([person], said("{person} holds no role, seat, chair or assignment",
                                           person=label(analysis, person)))


@lint_rule("ORG003", "vacant-role", "organisation", "warning", ROLES, uses_assignments=True,
           fields=("role.holders", "body.chair", "body.members"),
           near=("role.holders", "body.chair", "body.members"))
def vacant_role(analysis: Analysis, params: RuleParams, roles: Iterable[str]) -> Iterator[Problem]:
    """A role with no holder that is Responsible anywhere, a chair or a body member.

    Indicators' assignments count too.

    Why it matters: work, a chair or a seat assigned to nobody; meetings run
    short and the work is not done, while the chart looks complete.

    How to fix: fill the role (`holders`), or move its duties to a filled one.

    Suggested: fill the role with a person who carries the items around its
    own and holds no letter on them and no seat in its bodies, the role's own
    unit first.

    Reading: an actor that holds A with R (A/R) counts as a Responsible.

    Message:

        {role} is vacant but {is Responsible, chairs a body, sits in a body: those that hold}

    Failing:

        roles:
          - {id: pm, name: Programmamanager, holders: []}
        bodies:
          - {id: pb, name: Programmaraad, kind: programme_board, chair: pm, members: [pm]}

    Passing:

        people:
          - {id: p.jansen, name: Petra Jansen}
        roles:
          - {id: pm, name: Programmamanager, holders: [p.jansen]}
        bodies:
          - {id: pb, name: Programmaraad, kind: programme_board, chair: pm, members: [pm]}
    """
    responsible = analysis.assignments.items_holding("R")
    for role in analysis.vacant_roles.intersection(roles):
        duties = []
        if role in responsible:
            duties.append(said("is Responsible"))
        if role in analysis.chairs:
            duties.append(said("chairs a body"))
        if analysis.bodies_of_member.get(role):
            duties.append(said("sits in a body"))
        if duties:
            yield Problem.about([role], said("{role} is vacant but {duties}",
                                             role=label(analysis, role), duties=Joined(duties)))


@lint_rule("ORG004", "chair-not-member", "organisation", "info", BODIES, uses_assignments=False,
           fields=("body.chair", "body.members", "role.holders", "person"),
           near=("body.chair", "body.members"))
def chair_not_member(analysis: Analysis, params: RuleParams,
                     body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body whose chair does not sit in it.

    A person chair sits in the body when they are a member or hold a role
    that is a member; a role chair when the role is a member or one of its
    holders sits in the body (as a member, or through another role that
    is one).

    Why it matters: a chair from outside the body leads meetings without a
    seat; it is unclear whether they decide along or only preside.

    How to fix: add the chair to `members`, or make a member the chair.

    Suggested: seat the chair in the body (safe: `--fix` applies it).

    Reading: a vacant role as chair sits in the body only when the role
    itself is a member.

    Message:

        {body} is chaired by {chair}, who does not sit in it

    Failing:

        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: dir-a, name: Directeur A}
          - {id: dir-b, name: Directeur B}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, chair: dg, members: [dir-a, dir-b]}

    Passing:

        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: dir-a, name: Directeur A}
          - {id: dir-b, name: Directeur B}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, chair: dg,
             members: [dg, dir-a, dir-b]}
    """
    bodies = analysis.model.bodies
    for body_id in body_ids:
        chair = bodies[body_id].chair
        if chair is not None and not _sits_in(analysis, chair, body_id):
            yield Problem.about([body_id], said("{body} is chaired by {chair}, who does not sit "
                                                "in it", body=label(analysis, body_id),
                                                chair=named(analysis, chair)))


def _in_none(ids: Iterable[str], collections: Iterable[Container[str]]) -> list[str]:
    """The ids in none of the collections, in order: those left after each
    collection, one look-up each at C speed (a set difference would walk
    every collection, costly when a few ids are checked again)."""
    found = list(dict.fromkeys(ids))
    for collection in collections:
        found = list(filterfalse(collection.__contains__, found))
    return found


def _sits_in(analysis: Analysis, chair: str, body_id: str) -> bool:
    """Whether a chair (a role or person) sits in the body, itself or through
    the people who hold it."""
    members = analysis.model.bodies[body_id].members
    if chair in members:
        return True
    return any(body_id in analysis.seats_of_person(person) for person in analysis.people_of(chair))


RULES: list[Rule] = [idle_role, unplaced_person, vacant_role, chair_not_member]
