"""Governance body rules (BOD): overlap, decision rights, lifetimes, layers."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from raci.analysis import Analysis
from raci.lint.rule import (
    BODIES,
    BODIES_AND_ROLES,
    WHOLE_MODEL,
    Problem,
    Rule,
    RuleParams,
    lint_rule,
)

# Float slack for thresholds given as fractions (0.6 * 5 must be 3).
EPSILON = 1e-9


@lint_rule("BOD001", "redundant-bodies", "bodies", "warning", WHOLE_MODEL, uses_assignments=False,
      params={"min_overlap": 0.6, "min_members": 3},
      limits={"min_overlap": (EPSILON, 1.0)})
def redundant_bodies(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """Two bodies whose members overlap with Jaccard >= `min_overlap`.

    Both bodies need at least `min_members` members; members are compared
    as listed, by id (a role and its holder are different members).

    Why it matters: the same people meeting in two bodies about the same
    subject is the fragmented governance that slows execution: twice the
    meetings, two places where a decision can stall.

    How to fix: merge the bodies, or give each a distinct mandate and
    membership.

    Parameters: `min_overlap` (Jaccard share of shared members, default 0.6,
    above 0 and at most 1), `min_members` (default 3).

    Reading: only pairs that share a member are compared (a share of 0 can
    never reach `min_overlap`, which must be above 0).

    Failing:

        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group, members: [r1, r2, r3]}
          - {id: pb-a, name: Programmaraad A, kind: programme_board, members: [r1, r2, r3, r4]}

    Passing:

        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group, members: [r1, r2, r3]}
          - {id: pb-a, name: Programmaraad A, kind: programme_board, members: [r1, r5, r6, r7]}
    """
    threshold = float(params["min_overlap"])
    members = {b.id: set(b.members) for b in analysis.model.bodies.values()
               if len(set(b.members)) >= params["min_members"]}
    for first, second, shared in _overlapping_pairs(members, threshold):
        union = len(members[first]) + len(members[second]) - shared
        if shared >= threshold * union - EPSILON:
            yield Problem.about(
                [first, second],
                f"{analysis.label(first)} and {analysis.label(second)} share {shared} of "
                f"{union} members (Jaccard {shared / union:.2f})",
            )


def _overlapping_pairs(members: dict[str, set[str]],
                       threshold: float) -> Iterator[tuple[str, str, int]]:
    """Pairs of bodies that may reach `threshold`, with their shared member count.

    Prefix filtering: with members ordered rarest first, two sets with
    Jaccard >= t must share one of the first n - ceil(t * n) + 1 members of
    each; so only bodies sharing a rare member are ever paired, and a
    member sitting in every body does not make the work quadratic.
    """
    frequency = Counter(chain.from_iterable(members.values()))
    rarity = {member: (count, member) for member, count in frequency.items()}
    bodies_by_prefix_member: dict[str, list[str]] = defaultdict(list)
    for body_id in sorted(members, key=lambda b: (len(members[b]), b)):
        listed = sorted(members[body_id], key=rarity.__getitem__)
        prefix = len(listed) - math.ceil(threshold * len(listed) - EPSILON) + 1
        candidates: set[str] = set()
        for member in listed[:max(1, prefix)]:
            candidates.update(bodies_by_prefix_member[member])
            bodies_by_prefix_member[member].append(body_id)
        for other in candidates:
            # Bodies come smallest first, so `other` is never the larger one.
            if len(members[other]) < threshold * len(listed) - EPSILON:
                continue
            shared = len(members[body_id] & members[other])
            yield (other, body_id, shared) if other < body_id else (body_id, other, shared)


@lint_rule("BOD002", "powerless-body", "bodies", "warning", BODIES, uses_assignments=True)
def powerless_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body, other than an advisory board, Accountable for no goal, initiative or decision.

    Why it matters: a body without decision rights of its own is a talking
    shop: it meets, but every real decision is taken elsewhere, after it.

    How to fix: give the body the decisions it should take (`A` on them),
    make it an `advisory_board`, or dissolve it.

    Reading: being Accountable for an indicator does not count: indicators
    are not items.

    Failing:

        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [r1]}

    Passing:

        decisions:
          - {id: d.subsidie, name: Subsidieregeling, raci: {A: sg-warmte}}
    """
    bodies = analysis.model.bodies
    accountable_for = analysis.assignments.items_holding("A")
    kind = analysis.model.kind
    for body_id in body_ids:
        if bodies[body_id].kind == "advisory_board":
            continue
        if not any(kind(item) in ("goal", "initiative", "decision")
                   for item in accountable_for.get(body_id, ())):
            yield Problem.about(
                [body_id], f"{analysis.label(body_id)} is Accountable for no goal, "
                           "initiative or decision"
            )


@lint_rule("BOD003", "expired-mandate", "bodies", "error", BODIES_AND_ROLES, uses_assignments=False)
def expired_mandate(analysis: Analysis, params: RuleParams,
                    entity_ids: Iterable[str]) -> Iterator[Problem]:
    """A temporary body or role past its `sunset` on the as-of date.

    Taskforces, crisis teams and working groups are temporary unless
    `temporary: false`; other bodies and roles when `temporary: true`.
    Past means the sunset is strictly before the as-of date (`--as-of`,
    else the model's `org.as_of`, else today).

    Why it matters: a temporary structure that outlives its mandate keeps
    claiming time and authority nobody granted it any more.

    How to fix: dissolve it, or renew the mandate with a new `sunset`
    (or make it permanent with `temporary: false`).

    Failing (as of 2026-11-01):

        bodies:
          - {id: tf-x, name: Taskforce X, kind: taskforce, sunset: 2026-06-30}

    Passing:

        bodies:
          - {id: tf-x, name: Taskforce X, kind: taskforce, sunset: 2027-06-30}
    """
    temporaries = analysis.temporaries
    for entity_id in set(temporaries).intersection(entity_ids):
        entity = temporaries[entity_id]
        if entity.sunset is not None and entity.sunset < analysis.as_of:
            yield Problem.about(
                [entity_id], f"{analysis.label(entity_id)} is temporary and past its sunset "
                             f"{entity.sunset.isoformat()}"
            )


@lint_rule("BOD004", "open-ended-temporary", "bodies", "warning", BODIES_AND_ROLES,
      uses_assignments=False)
def open_ended_temporary(analysis: Analysis, params: RuleParams,
                         entity_ids: Iterable[str]) -> Iterator[Problem]:
    """A temporary body or role with no `sunset`.

    Why it matters: a temporary structure with no end date becomes
    permanent by default, one more layer nobody decided to keep.

    How to fix: give it a `sunset`, or make it permanent (`temporary: false`).

    Failing:

        roles:
          - {id: kwartiermaker, name: Kwartiermaker, temporary: true}

    Passing:

        roles:
          - {id: kwartiermaker, name: Kwartiermaker, temporary: true, sunset: 2027-06-30}
    """
    temporaries = analysis.temporaries
    for entity_id in set(temporaries).intersection(entity_ids):
        if temporaries[entity_id].sunset is None:
            yield Problem.about([entity_id],
                                f"{analysis.label(entity_id)} is temporary with no sunset")


@lint_rule("BOD005", "reporting-cycle", "bodies", "error", WHOLE_MODEL, uses_assignments=False)
def reporting_cycle(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """A cycle in `reports_to` among roles and bodies.

    One finding per cycle (strongly connected component), with every member
    as a target; a role or body that reports to itself is a cycle.

    Why it matters: when A reports to B and B to A, nobody is at the top:
    escalations go round and nothing gets decided.

    How to fix: break the cycle: make one of them report to a role or body
    outside it, or to nobody.

    Reading: as every role and body reports to at most one other, each
    cycle is one strongly connected component of the reporting graph.

    Failing:

        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group, reports_to: pb-b}
          - {id: pb-b, name: Programmaraad B, kind: programme_board, reports_to: sg-a}

    Passing:

        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group}
          - {id: pb-b, name: Programmaraad B, kind: programme_board, reports_to: sg-a}
    """
    for cycle in analysis.reporting_cycles:
        if len(cycle) == 1:
            yield Problem.about(cycle, f"{analysis.label(cycle[0])} reports to itself")
            continue
        start = cycle.index(min(cycle))
        path = [*map(analysis.label, [*cycle[start:], *cycle[:start]]), cycle[start]]
        yield Problem.about(cycle, f"Reporting cycle of {len(cycle)}: {' -> '.join(path)}")


@lint_rule("BOD006", "steering-layers", "bodies", "warning", BODIES, uses_assignments=False,
      params={"max_layers": 2})
def steering_layers(analysis: Analysis, params: RuleParams,
                    body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body with more than `max_layers` bodies in its chain of `reports_to`.

    The chain counts bodies only, the body itself included: when A reports
    to B and B to C, C is layer 1 and A layer 3. One finding per such body;
    chains that run into a cycle of bodies are left to BOD005.

    Why it matters: every layer of steering adds a meeting cycle between the
    work and the decision, and blurs who decides.

    How to fix: flatten: let lower bodies report to the top body, or merge
    layers.

    Parameters: `max_layers` (default 2).

    Reading: only body-to-body reporting counts; a body that reports to a
    role ends the chain.

    Failing (max_layers = 2):

        bodies:
          - {id: wg, name: Werkgroep, kind: working_group, reports_to: pb}
          - {id: pb, name: Programmaraad, kind: programme_board, reports_to: sg}
          - {id: sg, name: Stuurgroep, kind: steering_group}

    Passing:

        bodies:
          - {id: wg, name: Werkgroep, kind: working_group, reports_to: sg}
          - {id: pb, name: Programmaraad, kind: programme_board, reports_to: sg}
          - {id: sg, name: Stuurgroep, kind: steering_group}
    """
    for body_id in body_ids:
        layers = analysis.body_layers.get(body_id)
        if layers is not None and layers > params["max_layers"]:
            yield Problem.about(
                [body_id], f"{analysis.label(body_id)} is {layers} layers of bodies deep "
                           f"(more than {params['max_layers']})"
            )


@lint_rule("BOD007", "chairless-body", "bodies", "warning", BODIES, uses_assignments=False)
def chairless_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body with no chair.

    Why it matters: without a chair nobody sets the agenda, closes the
    discussion or carries the decision out of the room.

    How to fix: set `chair` to a role (preferably) or person.

    Failing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [r1, r2]}

    Passing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, chair: r1, members: [r1, r2]}
    """
    for body_id in body_ids:
        if analysis.model.bodies[body_id].chair is None:
            yield Problem.about([body_id], f"{analysis.label(body_id)} has no chair")


@lint_rule("BOD008", "oversized-body", "bodies", "info", BODIES, uses_assignments=False,
      params={"max_members": 12})
def oversized_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """More members than `max_members`.

    Why it matters: large bodies inform rather than decide; every member
    adds an agenda and a veto.

    How to fix: shrink to the people who decide; inform the others.

    Parameters: `max_members` (default 12).

    Failing (max_members = 2):

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [r1, r2, r3]}

    Passing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [r1, r2]}
    """
    for body_id in body_ids:
        count = len(analysis.model.bodies[body_id].members)
        if count > params["max_members"]:
            yield Problem.about(
                [body_id], f"{analysis.label(body_id)} has {count} members "
                           f"(more than {params['max_members']})"
            )


@lint_rule("BOD009", "empty-body", "bodies", "error", BODIES, uses_assignments=False)
def empty_body(analysis: Analysis, params: RuleParams,
               body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body with no members.

    Why it matters: a body nobody sits in cannot meet, so whatever it is
    accountable for has no one behind it.

    How to fix: list its `members`, or remove the body.

    Failing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: []}

    Passing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [r1]}
    """
    for body_id in body_ids:
        if not analysis.model.bodies[body_id].members:
            yield Problem.about([body_id], f"{analysis.label(body_id)} has no members")


RULES: list[Rule] = [
    redundant_bodies,
    powerless_body,
    expired_mandate,
    open_ended_temporary,
    reporting_cycle,
    steering_layers,
    chairless_body,
    oversized_body,
    empty_body,
]
