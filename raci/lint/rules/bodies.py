"""Governance body rules (BOD): overlap, decision rights, lifetimes, layers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from raci.analysis import Analysis
from raci.analysis.overlap import EPSILON, at_least, containing_pairs, same_sets
from raci.lint.message import Joined, at_most, cycle_path, label, named, said, said_n
from raci.lint.rule import (
    BODIES,
    BODIES_AND_ROLES,
    ITEM_KINDS,
    TEMPORARINESS,
    WHOLE_MODEL,
    Problem,
    Rule,
    RuleParams,
    borrowed,
    lint_rule,
    names,
    number,
)
from raci.model import BODY_KINDS
from raci.model.lean import LeanBody

MOST_PAIRS_NAMED = 10
"""BOD001 names this many pairs of a group, the most alike first."""


@lint_rule("BOD001", "redundant-bodies", "bodies", "warning", WHOLE_MODEL, uses_assignments=False,
           params={"min_overlap": 0.6, "min_members": 3},
           limits={"min_overlap": (EPSILON, 1.0)},
           fields=("body.members", "role.holders"))
def redundant_bodies(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """A group of look-alike bodies: their seat-holders overlap with Jaccard >= `min_overlap`.

    Bodies are compared by their *seat-holders*: each member expanded, a
    person to themself, a role to its holders, a vacant role to the role
    itself (a vacant seat still counts once). So a role in one body and
    its holder in the other are the same person. Every pair of bodies
    with at least `min_members` seat-holders each whose Jaccard share
    (shared seat-holders over all seat-holders of the two) reaches
    `min_overlap` is a look-alike pair; pairs that share a body join into
    one group, and each group is one finding with every body of the group
    as a target. The message gives each pair's shared count and Jaccard,
    the ten most alike first, then how many more there are.

    Looks at: every pair of bodies, by their seat-holders; each finding is
    about one group of look-alike bodies, every body of the group a target.

    Why it matters: the same people meeting in two bodies about the same
    subject is the fragmented governance that slows execution: twice the
    meetings, two places where a decision can stall.

    How to fix: merge the bodies, or give each a distinct mandate and
    membership.

    Suggested: merge the group into one body, its membership united: the
    body the others report to, else a permanent one, else the one that
    decides most, else the biggest; the two best, each with the merged
    membership.

    Parameters:
    - `min_overlap`: the Jaccard share of shared seat-holders at which two
      bodies look alike.
    - `min_members`: the fewest seat-holders a body needs to be compared.

    Reading: a group is connected through its pairs, so two bodies of one
    group may have little in common themselves (A like B, B like C). Only
    bodies that share a seat-holder are ever compared, and only when they
    share one of their rarest few (a share of 0 never reaches
    `min_overlap`, which must be above 0), so a chair who sits in every
    body does not make the work grow with the square of the bodies; each
    pair looked at costs the size of the smaller body. Bodies with the
    same seat-holders are compared once, as one set: every two of them
    are a pair (Jaccard 1.00), listed like any other pair (such pairs are
    the most alike, so they come first) and counted in "and N more", but
    only the ten listed are ever made one by one, so a thousand copies of
    a body cost what one does. The message names the first ten bodies of
    a bigger group, then how many more there are.

    Waiving: a waiver written for a pair (before raci 0.2) matches a group
    of exactly those two bodies; a single id matches the group that holds
    it.

    Message:

        {body} and {body} share {count} of {count} seat-holders (Jaccard {share})
        {count} bodies look alike by their seat-holders: {bodies}[ and {count} more];
          {id} and {id} share {count} of {count} (Jaccard {share})[; {more pairs}][; and
          {count} more]

    Failing:

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
          - {id: p.visser, name: Anne Visser}
          - {id: p.bakker, name: Joris Bakker}
        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group,
             members: [p.jansen, p.dekker, p.visser]}
          - {id: pb-a, name: Programmaraad A, kind: programme_board,
             members: [p.jansen, p.dekker, p.visser, p.bakker]}

    Passing:

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
          - {id: p.visser, name: Anne Visser}
          - {id: p.bakker, name: Joris Bakker}
          - {id: p.smit, name: Eva Smit}
          - {id: p.mulder, name: Daan Mulder}
        bodies:
          - {id: sg-a, name: Stuurgroep A, kind: steering_group,
             members: [p.jansen, p.dekker, p.visser]}
          - {id: pb-a, name: Programmaraad A, kind: programme_board,
             members: [p.jansen, p.bakker, p.smit, p.mulder]}
    """
    found = analysis.look_alikes(number(params, "min_overlap"), number(params, "min_members"))
    for group, pairs in zip(found.groups, found.pairs, strict=True):
        if len(group) == 2:
            (pair,) = pairs.most_alike(2)
            message = said("{first} and {second} share {shared} of {union} seat-holders "
                           "(Jaccard {jaccard:.2f})", first=label(analysis, pair.first),
                           second=label(analysis, pair.second), shared=pair.shared,
                           union=pair.union, jaccard=pair.jaccard)
        else:
            said_pairs = Joined((said("{first} and {second} share {shared} of {union} "
                                      "(Jaccard {jaccard:.2f})", first=named(analysis, p.first),
                                      second=named(analysis, p.second),
                                      shared=p.shared, union=p.union, jaccard=p.jaccard)
                                 for p in pairs.most_alike(MOST_PAIRS_NAMED)), "; ")
            more = len(pairs) - MOST_PAIRS_NAMED
            message = said("{count} bodies look alike by their seat-holders: {bodies}; "
                           "{pairs}{more}", count=len(group),
                           bodies=at_most((label(analysis, body) for body in group),
                                          len(group)),
                           pairs=said_pairs,
                           more=said("; and {count} more", count=more) if more > 0 else "")
        yield Problem.about(group, message)


@lint_rule("BOD002", "powerless-body", "bodies", "warning", BODIES, uses_assignments=True,
           params={"exempt_kinds": ("advisory_board",)}, choices={"exempt_kinds": BODY_KINDS},
           fields=("body.kind", *ITEM_KINDS),
           near=("body.kind",))
def powerless_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body, of a kind not in `exempt_kinds`, Accountable for no goal, initiative or decision.

    Why it matters: a body without decision rights of its own is a talking
    shop: it meets, but every real decision is taken elsewhere, after it.

    How to fix: give the body the decisions it should take (`A` on them),
    make it an `advisory_board`, or dissolve it.

    Suggested: make a body that is consulted an advisory body (the first
    exempt kind, `advisory_board` by default), or retire the body, its
    letters to its chair.

    Parameters:
    - `exempt_kinds`: the body kinds that need no decision rights of their
      own.

    Reading: being Accountable for an indicator does not count: indicators
    are not items. An empty `exempt_kinds` exempts no kind.

    Message:

        {body} is Accountable for no goal, initiative or decision

    Failing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [dg-bw]}

    Passing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [dg-bw]}
        decisions:
          - {id: d.subsidie, name: Subsidieregeling, raci: {A: sg-warmte}}
    """
    bodies = analysis.model.bodies
    accountable_for = analysis.assignments.items_holding("A")
    kind = analysis.model.kind
    exempt = names(params, "exempt_kinds")
    for body_id in body_ids:
        if bodies[body_id].kind in exempt:
            continue
        if not any(kind(item) in ITEM_KINDS for item in accountable_for.get(body_id, ())):
            yield Problem.about(
                [body_id], said("{body} is Accountable for no goal, initiative or decision",
                                body=label(analysis, body_id)))


@lint_rule("BOD003", "expired-mandate", "bodies", "error", BODIES_AND_ROLES, uses_assignments=False,
           fields=TEMPORARINESS,
           near=TEMPORARINESS)
def expired_mandate(analysis: Analysis, params: RuleParams,
                    entity_ids: Iterable[str]) -> Iterator[Problem]:
    """A temporary body or role past its sunset on the as-of date.

    Taskforces, crisis teams and working groups are temporary unless
    `temporary: false`; other bodies and roles when `temporary: true`.
    Past means the sunset is strictly before the as-of date (`--as-of`,
    else the model's `org.as_of`, else today).

    Why it matters: a temporary structure that outlives its mandate keeps
    claiming time and authority nobody granted it any more.

    How to fix: dissolve it, or renew the mandate with a new sunset
    (or make it permanent with `temporary: false`).

    Suggested: renew the mandate until the sunset its work gives (the end of
    the last initiative it is A or R for, else the due date of its last
    goal, else a year after the as-of date), retire the body (its letters to
    its chair), or make it permanent.

    Message:

        {body or role} is temporary and past its sunset {date}

    Failing (as of 2026-11-01):

        bodies:
          - {id: tf-x, name: Taskforce X, kind: taskforce, sunset: 2026-06-30}

    Passing (as of 2026-11-01):

        bodies:
          - {id: tf-x, name: Taskforce X, kind: taskforce, sunset: 2027-06-30}
    """
    temporaries = analysis.temporaries
    for entity_id in set(temporaries).intersection(entity_ids):
        entity = temporaries[entity_id]
        if entity.sunset is not None and entity.sunset < analysis.as_of:
            yield Problem.about(
                [entity_id], said("{entity} is temporary and past its sunset {sunset}",
                                  entity=label(analysis, entity_id), sunset=entity.sunset))


@lint_rule("BOD004", "open-ended-temporary", "bodies", "warning", BODIES_AND_ROLES,
           uses_assignments=False, params={"grace_days": 365},
           fields=(*TEMPORARINESS, "body.established"),
           near=(*TEMPORARINESS, "body.established"))
def open_ended_temporary(analysis: Analysis, params: RuleParams,
                         entity_ids: Iterable[str]) -> Iterator[Problem]:
    """A temporary body or role with no sunset, past its first `grace_days`.

    A body `established` less than `grace_days` before the as-of date is
    left alone: a working group set up last month need not know its end
    yet. The message gives the age of a body whose `established` is known.

    Why it matters: a temporary structure with no end date becomes
    permanent by default, one more layer nobody decided to keep.

    How to fix: give it a sunset, or make it permanent (`temporary: false`).

    Suggested: set the sunset its work gives (as for BOD003), or make it
    permanent.

    Parameters:
    - `grace_days`: the days after its `established` date that a temporary
      body may go without a `sunset`.

    Reading: a body exactly `grace_days` old is reported; one whose
    `established` lies after the as-of date is within the grace; a body
    with no `established` and a role (roles have no `established`) get no
    grace.

    Message:

        {body or role} is temporary with no sunset
        {body} is temporary with no sunset and {days} days old (established {date})

    Failing:

        roles:
          - {id: kwartiermaker, name: Kwartiermaker, temporary: true}

    Failing (as of 2026-11-01):

        bodies:
          - {id: wg-data, name: Werkgroep Data, kind: working_group, established: 2025-03-01}

    Passing:

        roles:
          - {id: kwartiermaker, name: Kwartiermaker, temporary: true, sunset: 2027-06-30}

    Passing (as of 2026-11-01):

        bodies:
          - {id: wg-data, name: Werkgroep Data, kind: working_group, established: 2026-09-01}
    """
    temporaries = analysis.temporaries
    grace = number(params, "grace_days")
    for entity_id in set(temporaries).intersection(entity_ids):
        entity = temporaries[entity_id]
        if entity.sunset is not None:
            continue
        established = entity.established if isinstance(entity, LeanBody) else None
        if established is None:
            yield Problem.about([entity_id], said("{entity} is temporary with no sunset",
                                                  entity=label(analysis, entity_id)))
            continue
        age = (analysis.as_of - established).days
        if age >= grace:
            yield Problem.about([entity_id], said_n(
                "{body} is temporary with no sunset and {days} day old (established {date})",
                "{body} is temporary with no sunset and {days} days old (established {date})",
                age, body=label(analysis, entity_id), days=age, date=established))


@lint_rule("BOD005", "reporting-cycle", "bodies", "error", WHOLE_MODEL, uses_assignments=False,
           fields=("role.reports_to", "body.reports_to"))
def reporting_cycle(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """A cycle in `reports_to` among roles and bodies.

    One finding per cycle (strongly connected component), with every member
    as a target; a role or body that reports to itself is a cycle.

    Looks at: the `reports_to` of every role and body; each finding is
    about one cycle, every role and body in it a target.

    Why it matters: when A reports to B and B to A, nobody is at the top:
    escalations go round and nothing gets decided.

    How to fix: break the cycle: make one of them report to a role or body
    outside it, or to nobody.

    Suggested: let the member of the cycle that most others report to (its
    natural top) report to nobody; up to three members.

    Reading: as every role and body reports to at most one other, each
    cycle is one strongly connected component of the reporting graph. The
    message walks it from its smallest id back to it, and names the first
    ten members of a longer cycle, then how many more there are.

    Message:

        {role or body} reports to itself
        Reporting cycle of {count}: {first} -> {each next} -> {first}
        Reporting cycle of {count}: {first} -> {each next} and {count} more

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
            yield Problem.about(cycle, said("{entity} reports to itself",
                                            entity=label(analysis, cycle[0])))
            continue
        start = cycle.index(min(cycle))
        walk = chain(cycle[start:], cycle[:start], [cycle[start]])
        yield Problem.about(cycle, said("Reporting cycle of {count}: {path}", count=len(cycle),
                                        path=cycle_path(analysis, walk, len(cycle))))


@lint_rule("BOD006", "steering-layers", "bodies", "warning", BODIES, uses_assignments=False,
      params={"max_layers": 2},
           fields=("body.reports_to",))
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

    Suggested: let the body report straight to the body above it that leaves
    it `max_layers` deep (none when `max_layers` is 1).

    Parameters:
    - `max_layers`: the most bodies a chain of `reports_to` may hold, the
      body itself included.

    Reading: only body-to-body reporting counts; a body that reports to a
    role ends the chain.

    Message:

        {body} is {count} layers of bodies deep (more than {max_layers})

    Failing:

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
        if layers is not None and layers > number(params, "max_layers"):
            yield Problem.about([body_id], said_n(
                "{body} is {layers} layer of bodies deep (more than {max_layers})",
                "{body} is {layers} layers of bodies deep (more than {max_layers})",
                layers, body=label(analysis, body_id), layers=layers,
                max_layers=number(params, "max_layers")))


@lint_rule("BOD007", "chairless-body", "bodies", "warning", BODIES, uses_assignments=False,
           fields=("body.chair",),
           near=("body.chair",))
def chairless_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body with no chair.

    Why it matters: without a chair nobody sets the agenda, closes the
    discussion or carries the decision out of the room.

    How to fix: set `chair` to a role (preferably) or person.

    Suggested: let a member chair it: one who is Accountable or Responsible
    for what the body has a part in, or whom other members report to;
    filled, internal roles first; up to three.

    Message:

        {body} has no chair

    Failing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: dir-wonen, name: Directeur Wonen}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [dg-bw, dir-wonen]}

    Passing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: dir-wonen, name: Directeur Wonen}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, chair: dg-bw,
             members: [dg-bw, dir-wonen]}
    """
    for body_id in body_ids:
        if analysis.model.bodies[body_id].chair is None:
            yield Problem.about([body_id], said("{body} has no chair",
                                                body=label(analysis, body_id)))


@lint_rule("BOD008", "oversized-body", "bodies", "info", BODIES, uses_assignments=False,
      params={"max_members": 12},
           fields=("body.members", "body.meets_every_days"),
           near=("body.members", "body.meets_every_days"))
def oversized_body(analysis: Analysis, params: RuleParams,
                   body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body that meets with more members than `max_members`.

    Why it matters: large bodies inform rather than decide; every member
    adds an agenda and a veto.

    How to fix: shrink to the people who decide; inform the others.

    No suggestion: which members to drop is a judgement of who decides,
    which the model does not record.

    Parameters:
    - `max_members`: the most members a body that meets may have.

    Reading: members are counted as listed (a role is one member however
    many hold it). A body with `meets_every_days: 0` does not meet (a
    roster that votes by mail, say) and is never oversized; a body with no
    `meets_every_days` is taken to meet, and the message says so.

    Message:

        {body} has {count} members (more than {max_members})[; it is taken to meet, as
          its cadence is not recorded]

    Failing (max_members = 2):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: dir-wonen, name: Directeur Wonen}
          - {id: dir-bouwen, name: Directeur Bouwen}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, meets_every_days: 14,
             members: [dg-bw, dir-wonen, dir-bouwen]}

    Passing (max_members = 2):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: dir-wonen, name: Directeur Wonen}
          - {id: dir-bouwen, name: Directeur Bouwen}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, meets_every_days: 14,
             members: [dg-bw, dir-wonen]}

    Passing (max_members = 2):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
          - {id: dir-wonen, name: Directeur Wonen}
          - {id: dir-bouwen, name: Directeur Bouwen}
        bodies:
          - {id: raad, name: Raad, kind: committee, meets_every_days: 0,
             members: [dg-bw, dir-wonen, dir-bouwen]}
    """
    for body_id in body_ids:
        count = len(analysis.model.bodies[body_id].members)
        if count > number(params, "max_members") and analysis.meets(body_id):
            assumed = (said("; it is taken to meet, as its cadence is not recorded")
                       if analysis.model.bodies[body_id].meets_every_days is None else "")
            yield Problem.about([body_id], said_n(
                "{body} has {count} member (more than {max_members}){assumed}",
                "{body} has {count} members (more than {max_members}){assumed}",
                count, body=label(analysis, body_id), count=count,
                max_members=number(params, "max_members"), assumed=assumed))


@lint_rule("BOD009", "empty-body", "bodies", "error", BODIES, uses_assignments=False,
           fields=("body.members",),
           near=("body.members",))
def empty_body(analysis: Analysis, params: RuleParams,
               body_ids: Iterable[str]) -> Iterator[Problem]:
    """A body with no members.

    Why it matters: a body nobody sits in cannot meet, so whatever it is
    accountable for has no one behind it.

    How to fix: list its `members`, or remove the body.

    Suggested: seat its chair in it (safe: `--fix` applies it); a body with
    no chair and no part in any item: remove it.

    Message:

        {body} has no members

    Failing:

        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: []}

    Passing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg, name: Stuurgroep, kind: steering_group, members: [dg-bw]}
    """
    for body_id in body_ids:
        if not analysis.model.bodies[body_id].members:
            yield Problem.about([body_id], said("{body} has no members",
                                                body=label(analysis, body_id)))


@lint_rule("BOD010", "nested-body", "bodies", "warning", WHOLE_MODEL, uses_assignments=False,
           params={"min_contained": 0.8, "min_members": 3},
           limits={"min_contained": (EPSILON, 1.0)}, reads=("BOD001",),
           fields=("body.members", "role.holders", "body.reports_to"))
def nested_body(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """A body most of whose seat-holders also hold seats in one bigger body.

    A body A with at least `min_members` seat-holders (as BOD001 counts
    them: roles expanded to their holders, a vacant role counting once),
    of whom at least `min_contained` also hold a seat in a body B with more
    seat-holders, where A does not report to B directly and A and B are
    not in one BOD001 group. One finding per A, for the B that holds the
    largest share of A (ties: the B with fewer seat-holders, then the
    smaller id); its targets are A and B, and, as every finding, it is
    placed at the first of them in sorted order.

    Looks at: every body, against each bigger body that holds one of its
    rarest seat-holders; each finding is about one nested body and the
    bigger body that holds most of it, both targets.

    Why it matters: a small body nested in a big one is the same people
    deciding twice: the small one's decisions are either rubber-stamped
    or reopened by the big one, and the small one's meetings are a layer
    nobody designed.

    How to fix: make A a formal sub-body of B (`reports_to: B`) with its
    own mandate, or fold it into B, or give it members of its own.

    Suggested: let the small body report to the big one as its sub-body, or
    merge it into the big one.

    Parameters:
    - `min_contained`: the share of A's seat-holders that must also sit in
      B.
    - `min_members`: the fewest seat-holders A needs.

    Reading: the exclusions come first, then the best B is chosen among
    the rest. "One BOD001 group" is the connected group BOD001 finds with
    its own parameters as configured (whether or not BOD001 runs), even
    where the A–B pair is itself under `min_overlap`. Shares compare as
    fractions (4 of 5 meets 0.8). B needs strictly more seat-holders than
    A but no `min_members` of its own. Ids compare as plain strings. Only
    bodies that hold one of A's rarest seat-holders are looked at (a
    body that misses all of A's rarest misses too many), and each look
    costs the size of A, so a huge body costs one look per smaller body
    it may contain, never a pass over all pairs. Bodies with the same
    seat-holders are looked at once, as one set, however many there are.

    Message:

        {body} has {count} of its {count} seat-holders ({share}) in {bigger body}, which has {count}

    Failing:

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
          - {id: p.visser, name: Anne Visser}
          - {id: p.bakker, name: Joris Bakker}
          - {id: p.smit, name: Eva Smit}
          - {id: p.mulder, name: Daan Mulder}
        bodies:
          - {id: wg-data, name: Werkgroep Data, kind: working_group,
             members: [p.jansen, p.dekker, p.visser]}
          - {id: sg-iv, name: Stuurgroep IV, kind: steering_group,
             members: [p.jansen, p.dekker, p.visser, p.bakker, p.smit, p.mulder]}

    Passing:

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
          - {id: p.visser, name: Anne Visser}
          - {id: p.bakker, name: Joris Bakker}
          - {id: p.smit, name: Eva Smit}
          - {id: p.mulder, name: Daan Mulder}
        bodies:
          - {id: wg-data, name: Werkgroep Data, kind: working_group, reports_to: sg-iv,
             members: [p.jansen, p.dekker, p.visser]}
          - {id: sg-iv, name: Stuurgroep IV, kind: steering_group,
             members: [p.jansen, p.dekker, p.visser, p.bakker, p.smit, p.mulder]}
    """
    holders = analysis.seat_holders
    groups = analysis.look_alikes(borrowed(params, redundant_bodies, "min_overlap"),
                                  borrowed(params, redundant_bodies, "min_members")).group_of
    classes = same_sets(holders)
    bigger_of = _bigger_holding(classes, number(params, "min_contained"),
                                number(params, "min_members"))
    for inner, held in holders.items():
        reports_to = analysis.model.bodies[inner].reports_to
        ranked = [(-shared, len(holders[outers[0]]), outer)
                  for shared, outers in bigger_of.get(classes[held][0], ())
                  if (outer := _other_than(inner, outers, reports_to, groups)) is not None]
        if not ranked:
            continue
        minus_shared, outer_size, outer = min(ranked)
        size = len(held)
        yield Problem.about([inner, outer], said(
            "{body} has {shared} of its {size} seat-holders ({share:.0%}) in {bigger}, "
            "which has {bigger_size}", body=label(analysis, inner), shared=-minus_shared,
            size=size, share=-minus_shared / size, bigger=label(analysis, outer),
            bigger_size=outer_size))


def _bigger_holding(classes: dict[frozenset[str], list[str]], share: float,
                    min_members: float) -> dict[str, list[tuple[int, list[str]]]]:
    """For each set of seat-holders with at least `min_members`, by the first
    of the bodies that have it (`classes`): every bigger set holding `share`
    of it, as (shared count, the bodies that have the bigger set). Each
    distinct set is looked at once, however many bodies have it."""
    one_each = {bodies[0]: members for members, bodies in classes.items()}
    inners = [first for first, members in one_each.items() if len(members) >= min_members]
    found: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for inner, outer, shared in containing_pairs(one_each, share, inners):
        if shared >= at_least(share, len(one_each[inner])):
            found[inner].append((shared, classes[one_each[outer]]))
    return found


def _other_than(inner: str, outers: list[str], reports_to: str | None,
                groups: dict[str, int]) -> str | None:
    """The first of `outers` (bodies with one set of seat-holders) that
    `inner` does not report to and shares no BOD001 group with. Bodies
    with one set are in one group or in none, so the first tells for all."""
    if inner in groups and groups.get(outers[0]) == groups[inner]:
        return None
    return next((outer for outer in outers[:2] if outer != reports_to), None)


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
    nested_body,
]
