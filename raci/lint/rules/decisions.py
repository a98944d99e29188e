"""Decision rules (DEC): decisions that wait for too many or too slow parties."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from raci.analysis import Analysis
from raci.lint.message import Message, Named, at_most, label, listed, named, said, said_n
from raci.lint.rule import DECISIONS, Problem, Rule, RuleParams, lint_rule, number
from raci.model.entities import DEFAULT_CADENCE_DAYS


@lint_rule("DEC001", "consensus-bottleneck", "decisions", "warning",
           DECISIONS, uses_assignments=True,
      params={"max_consulted": 4})
def consensus_bottleneck(analysis: Analysis, params: RuleParams,
                         decisions: Iterable[str]) -> Iterator[Problem]:
    """A decision with more Consulted than `max_consulted`.

    Why it matters: every party that must be consulted first is one more
    round before the decision; past a handful, decisions wait for consensus
    rather than being taken.

    How to fix: consult the few who bring knowledge the decision needs;
    inform (`I`) the rest.

    Suggested: keep consulting the `max_consulted` who carry most of what
    the decision is about (roles and people before bodies), and inform (I)
    the rest.

    Parameters:
    - `max_consulted`: the most parties a decision may consult.

    Message:

        {decision} consults {count} parties (more than {max_consulted}): {ids}

    Failing (max_consulted = 2):

        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: dir-a, name: Directeur A}
          - {id: dir-b, name: Directeur B}
          - {id: dir-c, name: Directeur C}
        decisions:
          - {id: d.x, name: Besluit X, raci: {A: dg, C: [dir-a, dir-b, dir-c]}}

    Passing (max_consulted = 2):

        roles:
          - {id: dg, name: Directeur-generaal}
          - {id: dir-a, name: Directeur A}
          - {id: dir-b, name: Directeur B}
          - {id: dir-c, name: Directeur C}
        decisions:
          - {id: d.x, name: Besluit X, raci: {A: dg, C: [dir-a, dir-b], I: [dir-c]}}
    """
    consulted_on = analysis.assignments.holding("C")
    most = number(params, "max_consulted")
    for decision in decisions:
        consulted = consulted_on.get(decision, ())
        if len(consulted) <= most:
            continue
        yield Problem.about([decision], said_n(
            "{decision} consults {count} party (more than {max_consulted}): {ids}",
            "{decision} consults {count} parties (more than {max_consulted}): {ids}",
            len(consulted), decision=label(analysis, decision), count=len(consulted),
            max_consulted=most, ids=listed(analysis, sorted(consulted))))


@lint_rule("DEC002", "slow-decision", "decisions", "warning", DECISIONS, uses_assignments=True,
           params={"max_latency_days": 60},
           fields=("body.meets_every_days",),
           near=("body.meets_every_days",))
def slow_decision(analysis: Analysis, params: RuleParams,
                  decisions: Iterable[str]) -> Iterator[Problem]:
    """Estimated decision latency above `max_latency_days`.

    The estimate is the sum of the meeting cadences (`meets_every_days`)
    of every consulted body and every deciding (Accountable) body; roles
    and people count 0, as they need no meeting, and so does a body that
    does not meet (`meets_every_days: 0`, it decides in writing). A body
    with no `meets_every_days` counts 30 days, and the message marks that
    30 as assumed.

    Why it matters: a decision that must pass three monthly meetings takes
    a quarter, whatever its urgency.

    How to fix: consult fewer bodies, let a role decide on the body's
    advice, or have the bodies meet more often (and record how often).

    Suggested: inform the consulted bodies rather than consult them, the
    slowest first, until the estimate is within `max_latency_days`; if that
    is not enough, let the chairs of the deciding bodies decide, the bodies
    informed.

    Parameters:
    - `max_latency_days`: the longest a decision's estimated latency may be,
      in days.

    Reading: only bodies named in the decision's own `C` and `A` count; a
    consulted role that sits in a body does not bring in that body. A body
    that is both Accountable and Responsible (A/R) counts once.

    Message:

        {decision} takes an estimated {days} days (more than {max_latency_days}):
          {body} {days}[ (assumed)][, {each other body and its days}][ and {count} more]

    Failing:

        roles:
          - {id: dir-x, name: Directeur X}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [dir-x], meets_every_days: 30}
          - {id: pb, name: Programmaraad, kind: programme_board, members: [dir-x],
             meets_every_days: 30}
          - {id: ab, name: Adviesraad, kind: advisory_board, members: [dir-x]}   # 30, assumed
        decisions:
          - {id: d.x, name: Besluit X, raci: {A: sg, C: [pb, ab]}}

    Passing:

        roles:
          - {id: dir-x, name: Directeur X}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [dir-x], meets_every_days: 30}
          - {id: pb, name: Programmaraad, kind: programme_board, members: [dir-x],
             meets_every_days: 30}
          - {id: ab, name: Adviesraad, kind: advisory_board, members: [dir-x]}
        decisions:
          - {id: d.x, name: Besluit X, raci: {A: sg, C: [dir-x], I: [pb, ab]}}
    """
    bodies = analysis.model.bodies
    cadence = analysis.cadences
    deciding = analysis.assignments.holding("A")
    consulted = analysis.assignments.holding("C")
    most = number(params, "max_latency_days")
    for decision in decisions:
        # An actor holds A or C on an item, never both: each body counts once.
        latency = 0
        for actor in deciding.get(decision, ()):
            latency += cadence.get(actor, 0)
        for actor in consulted.get(decision, ()):
            latency += cadence.get(actor, 0)
        if latency > most:
            parties = sorted(party for party in (*deciding.get(decision, ()),
                                                 *consulted.get(decision, ())) if party in bodies)
            parts = at_most((_cadence_text(bodies[body].meets_every_days, named(analysis, body))
                             for body in parties), len(parties))
            yield Problem.about([decision], said_n(
                "{decision} takes an estimated {days} day (more than {max_latency_days}): "
                "{parts}",
                "{decision} takes an estimated {days} days (more than {max_latency_days}): "
                "{parts}", latency, decision=label(analysis, decision), days=latency,
                max_latency_days=most, parts=parts))


def _cadence_text(meets_every_days: int | None, body: Named) -> Message:
    """``sg 14``, or ``sg 30 (assumed)`` for a body with no recorded cadence."""
    if meets_every_days is None:
        return said("{body} {days} (assumed)", body=body, days=DEFAULT_CADENCE_DAYS)
    return said_n("{body} {days}", "{body} {days}", meets_every_days, body=body,
                  days=meets_every_days)


RULES: list[Rule] = [consensus_bottleneck, slow_decision]
