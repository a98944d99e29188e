"""Waiver rules (WAI): waivers that expired or no longer silence anything.

These run after every other finding has been matched against the waivers
(the engine records the matches in `Analysis.matched_waivers`) and cannot
be waived themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from raci.analysis import Analysis
from raci.lint.message import Joined, Message, label, listed, said, said_n
from raci.lint.rule import ITEM_KINDS, WAIVERS, Problem, Rule, RuleParams, lint_rule
from raci.lint.rules.data import fact_words
from raci.model import Waiver, waiver_place


def waiver_expired(waiver: Waiver, analysis: Analysis) -> bool:
    """Past its `expires`: the date is strictly before the as-of date."""
    return waiver.expires is not None and waiver.expires < analysis.as_of


def _rule_code(waiver: Waiver) -> str:
    """The waived rule as messages name it: by its code (``BOD002`` for
    ``bod002`` or its name), or as written if raci has no such rule."""
    from raci.lint import rules  # the registry imports this module

    found = rules.find_rule(waiver.rule)
    return waiver.rule if found is None else found.code


def _targets(waiver: Waiver, analysis: Analysis) -> Joined:
    return Joined(label(analysis, target) for target in waiver.target)


@lint_rule("WAI001", "expired-waiver", "waivers", "warning", WAIVERS, uses_assignments=False)
def expired_waiver(analysis: Analysis, params: RuleParams,
                   numbers: Iterable[str]) -> Iterator[Problem]:
    """A waiver past its `expires` date; the finding it waived is reported again too.

    Past means the date is strictly before the as-of date (`--as-of`, else
    the model's `org.as_of`, else today).

    Looks at: each waiver in the model; a finding has the waiver's targets.

    Why it matters: a waiver records a decision to accept a weakness for a
    while; when that while is over, the decision must be taken again.

    How to fix: fix the weakness and remove the waiver, or renew it with a
    new `expires` and a reason that still holds.

    Suggested: remove the expired waiver (safe: `--fix` applies it);
    renewing it needs a reason that still holds.

    Waiving: WAI001 and WAI002 are computed after every other finding has
    been matched against the waivers; fix or remove the waiver instead.

    Message:

        Waiver of {rule} for {targets} expired on {date}

    Failing (as of 2026-11-01):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [dg-bw]}
        waivers:
          - {rule: BOD002, target: sg-warmte, reason: Adviserend, expires: 2026-01-01}

    Passing (as of 2026-11-01):

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [dg-bw]}
        waivers:
          - {rule: BOD002, target: sg-warmte, reason: Adviserend, expires: 2027-01-01}
    """
    for number in numbers:
        waiver = analysis.model.waivers[int(number)]
        if waiver_expired(waiver, analysis):
            assert waiver.expires is not None
            yield Problem.about(waiver.target, said(
                "Waiver of {rule} for {targets} expired on {expires}", rule=_rule_code(waiver),
                targets=_targets(waiver, analysis), expires=waiver.expires),
                place=waiver_place(int(number)))


@lint_rule("WAI002", "unused-waiver", "waivers", "info", WAIVERS, uses_assignments=False)
def unused_waiver(analysis: Analysis, params: RuleParams,
                  numbers: Iterable[str]) -> Iterator[Problem]:
    """A waiver, not expired, that matches no finding.

    Looks at: each waiver in the model; a finding has the waiver's targets.

    Why it matters: a waiver for a weakness that is gone hides the next one
    that appears on the same entity.

    How to fix: remove the waiver.

    Suggested: remove the waiver (safe: `--fix` applies it).

    Reading: a waiver for a rule that did not run (not selected, ignored or
    set to `off`) is not reported: whether it matches is unknown. A waiver
    for a rule that was selected but not run because the model does not
    record its fact (DAT001, `org.not_recorded`) matches nothing and is
    reported, saying why. A waiver names its rule by code or name, in any
    case; one for a rule raci does not have (a typo, or a rule of a newer
    raci) is reported, saying so and naming the nearest rule; so is a
    waiver of WAI001, WAI002 or DAT001, which cannot be waived (a DAT001
    waiver's targets may be the facts DAT001 is about, `chairs` say). A
    waiver of OWN003, OWN004 or OWN005 that names items, as one written
    before raci 0.2 did, is reported naming their Accountables, whom the
    rule reports now (a waiver to write instead).

    Waiving: WAI001 and WAI002 are computed after every other finding has
    been matched against the waivers; remove the waiver instead.

    Message:

        Waiver of {rule} for {targets} matches no finding[: {why it never can}]

    Failing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, chair: dg-bw,
             members: [dg-bw]}
        waivers:
          - {rule: BOD007, target: sg-warmte, reason: Voorzitter volgt}

    Passing:

        roles:
          - {id: dg-bw, name: DG Bouwen en Wonen}
        bodies:
          - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, chair: dg-bw,
             members: [dg-bw]}
    """
    for number in numbers:
        waiver = analysis.model.waivers[int(number)]
        if int(number) not in analysis.matched_waivers and not waiver_expired(waiver, analysis):
            yield Problem.about(waiver.target, said(
                "Waiver of {rule} for {targets} matches no finding{why}", rule=_rule_code(waiver),
                targets=_targets(waiver, analysis), why=_why_none(waiver, analysis)),
                place=waiver_place(int(number)))


ON_THE_ACCOUNTABLE = {"OWN003": ("goal", "initiative"), "OWN004": ITEM_KINDS,
                      "OWN005": ITEM_KINDS}
"""The rules that report an item's Accountable since raci 0.2, not the
item, and the kinds of item each looks at: a waiver written before names
the item."""


def _why_none(waiver: Waiver, analysis: Analysis) -> Message | str:
    """Why a waiver can never match: its rule is unknown, cannot be waived,
    or is not run for a fact the model does not record; or it names the
    items of a rule that now reports their Accountable."""
    code = waiver.rule
    from raci.lint import rules  # the registry imports this module

    found = rules.find_rule(code)
    if found is None:
        waivable = (key for r in rules.RULES if r.waivable for key in (r.code, r.name))
        # the one rule that holds what was written (3 characters or more), else
        # one at least 0.8 alike: a slip or two (`nearest`)
        nearest = rules.closest_rule(code, waivable, cutoff=0.8)
        if nearest:
            return said(": raci has no rule {code}; did you mean {nearest}?", code=code,
                        nearest=nearest)
        return said(": raci has no rule {code}", code=code)
    if not found.waivable:
        return said(": {rule} cannot be waived", rule=found.code)
    fact = analysis.not_run.get(found.code)
    if fact is not None:
        return said(": {rule} is not run, as the model does not record {fact}", rule=found.code,
                    fact=fact_words(fact))
    if found.code in ON_THE_ACCOUNTABLE:
        return _accountables_now(found.code, waiver.target, analysis)
    return ""


def _accountables_now(code: str, targets: Sequence[str], analysis: Analysis) -> Message | str:
    """For a waiver of OWN003-OWN005 that names items of the kinds the rule
    looks at (as one written before raci 0.2 does): the Accountables of those
    items, whom the rule reports now."""
    kind = analysis.model.kind
    if any(kind(target) not in ON_THE_ACCOUNTABLE[code] for target in targets):
        return ""
    owners_of = analysis.assignments.holding("A")
    owners = sorted({owner for target in targets for owner in owners_of.get(target, ())})
    if not owners:
        return ""
    return said_n(": {rule} now reports the Accountable, {ids}",
                  ": {rule} now reports the Accountables, {ids}", len(owners), rule=code,
                  ids=listed(analysis, owners))


RULES: list[Rule] = [expired_waiver, unused_waiver]
