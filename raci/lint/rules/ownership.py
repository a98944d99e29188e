"""Ownership rules (OWN): every item needs one named, present, internal owner."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Iterator

from raci.analysis import Analysis
from raci.lint.message import (
    Joined,
    Message,
    at_most,
    label,
    listed,
    named,
    said,
    said_n,
    template_n,
)
from raci.lint.rule import (
    BODIES,
    EXTERNALITY,
    INITIATIVES,
    ITEM_KINDS,
    ITEMS,
    ITEMS_AND_RACI_KPIS,
    ROLES,
    ROLES_AND_PEOPLE,
    Problem,
    Rule,
    RuleParams,
    lint_rule,
    number,
)


@lint_rule("OWN001", "unowned-item", "ownership", "error",
           ITEMS_AND_RACI_KPIS, uses_assignments=True,
           fields=("kpi.has_raci",),
           near=("kpi.has_raci",))
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

    Suggested: make Accountable the actor who
    already carries the items around it (its goals, initiatives,
    indicators, decisions and sub-goals: Accountable counts 2, Responsible
    1, twice over for the actor itself and once for what the roles and
    bodies reporting to it carry), or who does its work (R); only filled,
    internal roles and people (a body only for a decision); up to three,
    the heaviest first.

    Message:

        {item} has no Accountable

    Failing:

        roles:
          - {id: team-klimaat, name: Team Klimaat}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {R: [team-klimaat]}}

    Passing:

        roles:
          - {id: dg-klimaat, name: DG Klimaat}
          - {id: team-klimaat, name: Team Klimaat}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, R: [team-klimaat]}}
    """
    owned = analysis.assignments.holding("A")
    # Tens of thousands on a model that records no Accountables: made with no
    # more than each one needs (a problem about one id is its own target).
    return (Problem((item,), said("{item} has no Accountable", item=label(analysis, item)))
            for item in items if item not in owned)


@lint_rule("OWN002", "multiple-accountable", "ownership", "error", ITEMS, uses_assignments=True)
def multiple_accountable(analysis: Analysis, params: RuleParams,
                         items: Iterable[str]) -> Iterator[Problem]:
    """More than one Accountable on an item.

    Why it matters: two owners means each can wait for the other; when the
    item slips, neither answers for it. Shared accountability is diffuse
    ownership by another name.

    How to fix: keep one `A`; make the others `R` (they do the work) or `C`
    (they are heard first).

    Suggested: keep one Accountable, the one who carries most of the items
    around it (as for OWN001; a filled, internal role first); the others
    become C, or keep their R where they held A/R. One suggestion per
    Accountable, up to three.

    Message:

        {item} has {count} Accountables: {ids}

    Failing:

        roles:
          - {id: dg-ke, name: DG Klimaat en Energie}
          - {id: dir-klimaat, name: Directeur Klimaat}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: [dg-ke, dir-klimaat]}}

    Passing:

        roles:
          - {id: dg-ke, name: DG Klimaat en Energie}
          - {id: dir-klimaat, name: Directeur Klimaat}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-ke, C: [dir-klimaat]}}
    """
    owners_of = analysis.assignments.holding("A")
    for item in items:
        owners = owners_of.get(item, ())
        if len(owners) < 2:
            continue
        yield Problem.about([item], said("{item} has {count} Accountables: {ids}",
                                         item=label(analysis, item), count=len(owners),
                                         ids=listed(analysis, sorted(owners))))


ITEM_WORDS = {"goal": template_n("{count} goal", "{count} goals"),
              "initiative": template_n("{count} initiative", "{count} initiatives"),
              "decision": template_n("{count} decision", "{count} decisions")}
"""How a message counts items of each kind (templates: singular, plural)."""


def _owners(analysis: Analysis, actors: Iterable[str],
            kinds: Collection[str]) -> Iterator[tuple[str, list[str]]]:
    """Each of `actors` that is the Accountable of items of `kinds`, with those items."""
    accountable_for = analysis.assignments.items_holding("A")
    kind = analysis.model.kind
    for actor in accountable_for.keys() & set(actors):
        items = [item for item in accountable_for[actor] if kind(item) in kinds]
        if items:
            yield actor, items


def _counted(analysis: Analysis, items: Iterable[str]) -> Message:
    """``2 goals and 1 initiative``: the items counted by kind, in kind order."""
    counts = Counter(analysis.model.kind(item) for item in items)
    parts = [said_n(*words, counts[kind], count=counts[kind])
             for kind, words in ITEM_WORDS.items() if counts[kind]]
    if len(parts) == 1:
        return parts[0]
    return said("{items} and {last}", items=Joined(parts[:-1]), last=parts[-1])


@lint_rule("OWN003", "collective-accountable", "ownership", "warning", BODIES,
           uses_assignments=True,
           fields=ITEM_KINDS)
def collective_accountable(analysis: Analysis, params: RuleParams,
                           bodies: Iterable[str]) -> Iterator[Problem]:
    """A body that is the Accountable of one or more goals or initiatives.

    One finding per body, on the body; the goals and initiatives it owns
    are the finding's related entities. Decisions are left alone: a
    decision may well be taken by a body, so a body that is Accountable
    only for decisions is not reported.

    Why it matters: a committee cannot be held to account; its members
    point at each other. Goals and initiatives need one person or role who
    answers for the result, the body can advise or decide.

    How to fix: make a role (the body's chair, say) the `A` and give the
    body `C`, or move the body's part to a decision it takes.

    Suggested: make the body's chair the Accountable of its goals and
    initiatives, the body C (keeping an R it held), when the chair is a
    filled, internal role or person; no suggestion for a body with no such
    chair.

    Reading: a body among several Accountables of an item is reported as
    well (OWN002 reports the several Accountables).

    Waiving: a waiver targets the body; one written for an item (before
    raci 0.2) no longer matches and is reported by WAI002.

    Message:

        {body} is the Accountable of {items counted by kind}

    Failing:

        roles:
          - {id: dg-klimaat, name: DG Klimaat}
        bodies:
          - {id: sg-klimaat, name: Stuurgroep Klimaat, kind: steering_group, members: [dg-klimaat]}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: sg-klimaat}}

    Passing:

        roles:
          - {id: dg-klimaat, name: DG Klimaat}
        bodies:
          - {id: sg-klimaat, name: Stuurgroep Klimaat, kind: steering_group, members: [dg-klimaat]}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, C: [sg-klimaat]}}
    """
    for body, items in _owners(analysis, bodies, ("goal", "initiative")):
        yield Problem.about([body], said("{body} is the Accountable of {items}",
                                         body=label(analysis, body),
                                         items=_counted(analysis, items)), related=items)


@lint_rule("OWN004", "vacant-accountable", "ownership", "error", ROLES, uses_assignments=True,
           fields=("role.holders", *ITEM_KINDS),
           near=("role.holders",))
def vacant_accountable(analysis: Analysis, params: RuleParams,
                       roles: Iterable[str]) -> Iterator[Problem]:
    """A role with no holder that is the Accountable of one or more items.

    One finding per role, on the role; the goals, initiatives and decisions
    it owns are the finding's related entities.

    Why it matters: an owner on paper only. Until someone fills the role,
    nobody answers for its items, and the chart hides it.

    How to fix: fill the role (`holders`), or make a filled role the `A`.

    Suggested: fill the role with a person who already carries its items and
    the items around them (Accountable 2, Responsible 1, directly or through
    a role they hold), internal people of the role's own unit first; up to
    three.

    Reading: an item with several Accountables counts for each vacant role
    among them. Being the Accountable of an indicator does not count:
    indicators are not items.

    Waiving: a waiver targets the role; one written for an item (before
    raci 0.2) no longer matches and is reported by WAI002.

    Message:

        {role} is vacant but the Accountable of {items counted by kind}

    Failing:

        roles:
          - {id: pm-warmte, name: Programmamanager Warmte, holders: []}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte], raci: {A: pm-warmte}}

    Passing:

        people:
          - {id: p.jansen, name: Petra Jansen}
        roles:
          - {id: pm-warmte, name: Programmamanager Warmte, holders: [p.jansen]}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte], raci: {A: pm-warmte}}
    """
    for role, items in _owners(analysis, analysis.vacant_roles.intersection(roles), ITEM_KINDS):
        yield Problem.about([role], said("{role} is vacant but the Accountable of {items}",
                                         role=label(analysis, role),
                                         items=_counted(analysis, items)), related=items)


@lint_rule("OWN005", "external-accountable", "ownership", "warning", ROLES_AND_PEOPLE,
           uses_assignments=True,
           fields=(*EXTERNALITY, *ITEM_KINDS),
           near=("role.holders",))
def external_accountable(analysis: Analysis, params: RuleParams,
                         actors: Iterable[str]) -> Iterator[Problem]:
    """An external person, or a role held only by external people, owning one or more items.

    One finding per person or role, on that actor; the goals, initiatives
    and decisions it owns are the finding's related entities. A person is
    external when `external: true` or their unit, or a unit above it, is
    external; a role is external when it has holders and all of them are
    external.

    Why it matters: a supplier can be Responsible, but ownership of public
    policy cannot be outsourced; when the contract ends, so does the owner.

    How to fix: make an internal role the `A`; keep the supplier as `R`.

    Suggested: make an internal actor who carries the items around them the
    Accountable of all of its items, the supplier keeping (or becoming) R;
    up to three.

    Reading: a role with some internal holders is not external and is not
    reported; an external person who holds such a role is reported only
    for the items they own themselves. On an item with several
    Accountables each external one counts.

    Waiving: a waiver targets the actor; one written for an item (before
    raci 0.2) no longer matches and is reported by WAI002.

    Message:

        {person} is external but the Accountable of {items counted by kind}
        {role} is held only by external people but the Accountable of {items counted by kind}

    Failing:

        units:
          - {id: bureau-x, name: Adviesbureau X, external: true}
        people:
          - {id: p.dekker, name: Sander Dekker, unit: bureau-x}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: p.dekker}}

    Passing:

        units:
          - {id: bureau-x, name: Adviesbureau X, external: true}
        people:
          - {id: p.dekker, name: Sander Dekker, unit: bureau-x}
          - {id: p.visser, name: Anne Visser}
        roles:
          - {id: dg-klimaat, name: DG Klimaat, holders: [p.visser]}
        goals:
          - {id: g.co2, name: CO2 -55%, raci: {A: dg-klimaat, R: [p.dekker]}}
    """
    for actor, items in _owners(analysis, analysis.external_actors.intersection(actors),
                                ITEM_KINDS):
        message = (said("{role} is held only by external people but the Accountable of {items}",
                        role=label(analysis, actor), items=_counted(analysis, items))
                   if actor in analysis.model.roles else
                   said("{person} is external but the Accountable of {items}",
                        person=label(analysis, actor), items=_counted(analysis, items)))
        yield Problem.about([actor], message, related=items)


@lint_rule("OWN006", "crowded-responsible", "ownership", "warning", ITEMS, uses_assignments=True,
      params={"max_responsible": 3})
def crowded_responsible(analysis: Analysis, params: RuleParams,
                        items: Iterable[str]) -> Iterator[Problem]:
    """More Responsibles than `max_responsible`.

    Why it matters: when many parties do the work, coordination eats the
    capacity and each assumes another is on it.

    How to fix: split the item into parts with one or two Responsibles
    each, or make some parties `C` or `I`.

    Suggested: keep `max_responsible` Responsibles (an A/R first, then
    filled, internal roles and people, then who carries most around the
    item) and make the others C.

    Parameters:
    - `max_responsible`: the most Responsibles an item may have.

    Reading: an actor that holds A with R (A/R) counts as a Responsible.

    Message:

        {item} has {count} Responsibles (more than {max_responsible}): {ids}

    Failing (max_responsible = 2):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: team-a, name: Team A}
          - {id: team-b, name: Team B}
          - {id: team-c, name: Team C}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte],
             raci: {A: dg-bw, R: [team-a, team-b, team-c]}}

    Passing (max_responsible = 2):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: team-a, name: Team A}
          - {id: team-b, name: Team B}
          - {id: team-c, name: Team C}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte],
             raci: {A: dg-bw, R: [team-a, team-b], C: [team-c]}}
    """
    doers_of = analysis.assignments.holding("R")
    most = number(params, "max_responsible")
    for item in items:
        doers = doers_of.get(item, ())
        if len(doers) <= most:
            continue
        yield Problem.about([item], said_n(
            "{item} has {count} Responsible (more than {max_responsible}): {ids}",
            "{item} has {count} Responsibles (more than {max_responsible}): {ids}",
            len(doers), item=label(analysis, item), count=len(doers), max_responsible=most,
            ids=listed(analysis, sorted(doers))))


@lint_rule("OWN007", "no-responsible", "ownership", "warning", INITIATIVES, uses_assignments=True)
def no_responsible(analysis: Analysis, params: RuleParams,
                   items: Iterable[str]) -> Iterator[Problem]:
    """An initiative with an Accountable but no Responsible.

    Why it matters: an owner with nobody doing the work is a wish, not an
    initiative; it signals that capacity was never planned.

    How to fix: name the roles or people who do the work as `R`.

    Suggested: let the Accountable also do the work (A/R), or make
    Responsible who is Responsible for the items around it.

    Reading: an Accountable that also holds R (A/R) is a Responsible, so
    its initiative is not reported.

    Message:

        {initiative} has an Accountable but no Responsible

    Failing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte], raci: {A: dg-bw}}

    Passing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: team-wijk, name: Team Wijkaanpak}
        goals:
          - {id: g.warmte, name: Warmtetransitie}
        initiatives:
          - {id: i.wijk, name: Wijkaanpak, goals: [g.warmte], raci: {A: dg-bw, R: [team-wijk]}}
    """
    owned = analysis.assignments.holding("A")
    done = analysis.assignments.holding("R")
    for item in items:
        if item in owned and item not in done:
            yield Problem.about([item], said("{initiative} has an Accountable but no Responsible",
                                             initiative=label(analysis, item)))


@lint_rule("OWN008", "inverted-accountability", "ownership", "info", ITEMS, uses_assignments=True,
           fields=("role.reports_to", "body.reports_to"))
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

    Suggested: make the Responsible the Accountable reports to the
    Accountable (A/R), the former Accountable Responsible.

    Reading: an Accountable that is also a Responsible of the item (A/R)
    is never compared with itself, even on a reporting cycle (BOD005
    reports that).

    Message:

        {item} has inverted accountability: {accountable} reports to
          {responsible}[; {more pairs}][ and {count} more]

    Failing:

        roles:
          - {id: sg, name: Secretaris-generaal}
          - {id: dir, name: Directeur, reports_to: sg}
        goals:
          - {id: g.x, name: Doel X, raci: {A: dir, R: [sg]}}

    Passing:

        roles:
          - {id: sg, name: Secretaris-generaal}
          - {id: dir, name: Directeur, reports_to: sg}
        goals:
          - {id: g.x, name: Doel X, raci: {A: sg, R: [dir]}}
    """
    owners_of = analysis.assignments.holding("A")
    doers_of = analysis.assignments.holding("R")
    # Only a Responsible that some role or body reports to can be above the Accountable.
    done_by_reported_to = analysis.assignments.items_held_by("R", analysis.reported_to)
    candidates = [item for item in items if item in owners_of and item in done_by_reported_to]
    reports_to = analysis.reporting_chains_above(
        owner for item in candidates for owner in owners_of.get(item, ())).reports_to
    for item in candidates:
        owners, doers = owners_of[item], doers_of[item]
        inverted = sorted((owner, doer) for owner in owners for doer in doers
                          if owner != doer and reports_to(owner, doer))
        if inverted:
            pairs = at_most((said("{accountable} reports to {responsible}",
                                  accountable=named(analysis, owner),
                                  responsible=named(analysis, doer))
                             for owner, doer in inverted), len(inverted), "; ")
            yield Problem.about([item], said("{item} has inverted accountability: {pairs}",
                                             item=label(analysis, item), pairs=pairs))


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
