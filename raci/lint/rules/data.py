"""Data rules (DAT): kinds of fact the model's source never records.

Models converted from rosters, spreadsheets or other tools often lack a
whole kind of fact (no chairs, no cadences); the rules that need it would
then report every entity and bury the real findings. For each fact the
model does not declare in `org.not_recorded`, DAT001 reports once when most
entities lack it, and the engine does not run the fact's rules; a declared
fact turns its rules off without a finding. The engine runs DAT001 first
and leaves out the rules of the facts it reports (`rules_not_run`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from raci.analysis import Analysis
from raci.analysis.overlap import at_least
from raci.lint.message import Joined, Message, said, template
from raci.lint.rule import WHOLE_MODEL, Problem, Rule, RuleParams, lint_rule, number
from raci.model import ORG_PLACE

if TYPE_CHECKING:
    from raci.lint.config import LintConfig


@dataclass(frozen=True)
class Fact:
    """A kind of fact a source may not record, and the rules that need it."""

    name: str
    """As `org.not_recorded` names it: ``chairs``."""
    words: str
    """The fact in words (a template): ``success criteria``."""
    lacking: str
    """What the entities that lack it are (a template), with ``{missing}`` and
    ``{total}``."""
    rules: tuple[str, ...]
    count: Callable[[Analysis], tuple[int, int]]
    """(how many lack it, how many it applies to)."""
    reads: frozenset[str]
    """The entity fields the count reads (as `Rule.fields` names them): it is
    counted again only when one of them changes (the app runs DAT001 again
    after every matrix edit)."""
    uses_assignments: bool = False
    """Whether the count reads assignments too: then it is counted every time."""


def _bodies_without(field: str) -> Callable[[Analysis], tuple[int, int]]:
    def count(analysis: Analysis) -> tuple[int, int]:
        bodies = analysis.model.bodies.values()
        return sum(getattr(body, field) is None for body in bodies), len(bodies)

    return count


def _roles_without_holders(analysis: Analysis) -> tuple[int, int]:
    return len(analysis.vacant_roles), len(analysis.model.roles)


def _owned_initiatives_without_responsible(analysis: Analysis) -> tuple[int, int]:
    # Counted over the initiatives, not over every item holding an A or R: DAT001
    # counts this again after every matrix edit.
    owners, doers = analysis.assignments.holding("A"), analysis.assignments.holding("R")
    owned = [i for i in analysis.model.initiatives if i in owners]
    return sum(1 for i in owned if i not in doers), len(owned)


def _running_initiatives_without_criteria(analysis: Analysis) -> tuple[int, int]:
    running = [i for i in analysis.model.initiatives.values()
               if i.effective_status in ("proposed", "active")]
    return sum(not i.has_success_criteria for i in running), len(running)


def _leaf_goals_without_indicator(analysis: Analysis) -> tuple[int, int]:
    subgoals, kpis_of = analysis.subgoals, analysis.kpis_of
    leaves = [goal for goal in analysis.model.goals if not subgoals.get(goal)]
    return sum(not kpis_of.get(goal) for goal in leaves), len(leaves)


def _initiatives_without_goal(analysis: Analysis) -> tuple[int, int]:
    initiatives = analysis.model.initiatives.values()
    return sum(not i.goals for i in initiatives), len(initiatives)


FACTS: tuple[Fact, ...] = (
    Fact("chairs", template("chairs"), template("{missing} of {total} bodies have no chair"),
         ("BOD007", "ORG004"), _bodies_without("chair"), frozenset({"body.chair"})),
    Fact("holders", template("holders"), template("{missing} of {total} roles have no holder"),
         ("OWN004", "ORG003"), _roles_without_holders, frozenset({"role.holders"})),
    Fact("responsibles", template("responsibles"),
         template("{missing} of {total} initiatives with an Accountable have no Responsible"),
         ("OWN007",), _owned_initiatives_without_responsible,
         frozenset({"initiative"}), uses_assignments=True),
    Fact("success_criteria", template("success criteria"),
         template("{missing} of {total} proposed or active initiatives have no success "
                  "criteria"), ("STR005",), _running_initiatives_without_criteria,
         frozenset({"initiative.status", "initiative.has_success_criteria"})),
    Fact("indicators", template("indicators"),
         template("{missing} of {total} goals without sub-goals have no indicator"),
         ("STR003", "STR004"), _leaf_goals_without_indicator,
         frozenset({"goal.parent", "kpi.measures"})),
    Fact("goals", template("goals"),
         template("{missing} of {total} initiatives contribute to no goal"), ("STR002",),
         _initiatives_without_goal, frozenset({"initiative.goals"})),
    Fact("cadence", template("cadence"),
         template("{missing} of {total} bodies have no cadence (meets_every_days)"),
         ("DEC002",), _bodies_without("meets_every_days"), frozenset({"body.meets_every_days"})),
)
"""The facts DAT001 checks (docs/lint.md), in its order."""


def _lacking_facts(analysis: Analysis, params: RuleParams) -> Iterator[tuple[Fact, int, int]]:
    """The facts not declared that at least `min_missing` entities lack, at
    least `min_share` of those they apply to; with the two counts."""
    declared = set(analysis.model.org.not_recorded)
    for fact in FACTS:
        if fact.name in declared:
            continue
        missing, total = (fact.count(analysis) if fact.uses_assignments else
                          analysis.remembered(f"DAT001 {fact.name}", fact.reads,
                                              partial(fact.count, analysis)))
        if missing >= number(params, "min_missing") and \
                missing >= at_least(number(params, "min_share"), total):
            yield fact, missing, total


def rules_not_run(analysis: Analysis, lacking: Iterable[str]) -> dict[str, str]:
    """Rule code -> the fact it needs that the model does not record: the
    facts `org.not_recorded` names, and those `lacking` (DAT001's targets)."""
    unrecorded = {*analysis.model.org.not_recorded, *lacking}
    return {code: fact.name for fact in FACTS if fact.name in unrecorded for code in fact.rules}


def facts_not_recorded(analysis: Analysis, config: LintConfig | None = None) -> frozenset[str]:
    """The facts the model does not record, as `raci lint` with `config`
    (raci.toml, the app's settings; None: the defaults) takes them and
    leaves out their rules: those `org.not_recorded` names, and those DAT001,
    with the parameters `config` gives it, finds lacking; none of those where
    DAT001 is not run. The notion by which drawings, the report's charts and
    the app's preview say "not recorded" rather than "none" or "vacant", so
    that they do not contradict the findings beside them. (Goals not
    recorded are told apart otherwise: `raci.export.views.goals_not_recorded`.)"""
    from raci.lint.config import LintConfig  # which imports the rules

    config = config or LintConfig()
    declared = analysis.model.org.not_recorded
    if fact_not_recorded not in config.enabled_rules():
        return frozenset(declared)
    lacking = _lacking_facts(analysis, config.params_of(fact_not_recorded))
    return frozenset({*declared, *(fact.name for fact, _, _ in lacking)})


def fact_words(fact: str) -> Message:
    """A fact `org.not_recorded` names, in words: ``success criteria``."""
    return said(next(known.words for known in FACTS if known.name == fact))


def _rules_phrase(codes: Iterable[str]) -> Message:
    """``BOD007 and ORG004 are not run``, ``OWN007 is not run``."""
    listed = list(codes)
    if len(listed) == 1:
        return said("{rule} is not run", rule=listed[0])
    return said("{rules} and {last} are not run", rules=Joined(listed[:-1]), last=listed[-1])


@lint_rule("DAT001", "fact-not-recorded", "data", "info", WHOLE_MODEL, uses_assignments=True,
           params={"min_missing": 20, "min_share": 0.9},
           limits={"min_missing": (1, float("inf")), "min_share": (0.0, 1.0)}, waivable=False,
           fields=tuple(sorted(read for fact in FACTS for read in fact.reads if "." in read)))
def fact_not_recorded(analysis: Analysis, params: RuleParams,
                      _: Iterable[str]) -> Iterator[Problem]:
    """A kind of fact the model's source does not seem to record; its rules are not run.

    For each fact that `org.not_recorded` does not name: when at least
    `min_missing` of the entities it applies to lack it and they are at
    least `min_share` of those entities, one finding for the fact (its
    target is the fact's name; in a model file it sits at the `org`
    line), and the fact's rules are not run:

    | fact | applies to | lacking it | rules not run |
    |---|---|---|---|
    | chairs | bodies | no `chair` | BOD007, ORG004 |
    | holders | roles | no holder | OWN004, ORG003 |
    | responsibles | initiatives with an Accountable | no Responsible | OWN007 |
    | success_criteria | proposed or active initiatives | no success criteria | STR005 |
    | indicators | goals with no sub-goals | no indicator measures it | STR003, STR004 |
    | goals | initiatives | contributes to no goal | STR002 |
    | cadence | bodies | no `meets_every_days` | DEC002 |

    A fact named in `org.not_recorded` turns its rules off without a
    finding. Either way the summary of `raci lint` says which rules were
    not run and why (JSON: `summary.not_run`, rule code -> fact).

    Looks at: each fact in the table, counted over the whole model; each
    finding is about one fact, its target the fact's name.

    Why it matters: a model converted from a roster, a spreadsheet or
    another tool often lacks a whole kind of fact. Then a rule that needs
    it reports every entity, hundreds of findings that only say the source
    never recorded chairs; a reviewer who meets that flood stops reading,
    and the true findings are lost.

    How to fix: record the fact (chairs, holders, ...) in the model, or add
    its name to `org.not_recorded` to say the source does not have it.

    Suggested: add the fact to `org.not_recorded` (safe: `--fix` applies
    it).

    Parameters:
    - `min_missing`: the fewest entities that must lack the fact.
    - `min_share`: the smallest share of the entities the fact applies to
      that must lack it.

    Reading: both thresholds are inclusive (20 of 22 bodies is enough). A
    body with `meets_every_days: 0` has a recorded cadence. A fact both
    named in `org.not_recorded` and lacking gives no finding. When DAT001
    itself does not run (`--ignore DAT001`), only the facts
    `org.not_recorded` names turn rules off: every other rule runs and
    reports each entity. A waiver of a rule that is not run matches nothing
    and is reported by WAI002, saying why.

    Waiving: instead, record the fact or name it in `org.not_recorded`; to
    see every entity's finding after all, run without DAT001 (`--ignore
    DAT001`).

    Message:

        {count} of {count} {entities lacking the fact}: {rules} {is or are} not run;
          record {fact in words}, or add `{fact}` to `org.not_recorded`

    Failing (min_missing = 2):

        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
        bodies:
          - {id: pmc-a, name: PMC A, kind: committee, members: [p.jansen], meets_every_days: 30}
          - {id: pmc-b, name: PMC B, kind: committee, members: [p.dekker], meets_every_days: 30}

    Passing (min_missing = 2):

        org: {name: Example, not_recorded: [chairs]}
        people:
          - {id: p.jansen, name: Petra Jansen}
          - {id: p.dekker, name: Sander Dekker}
        bodies:
          - {id: pmc-a, name: PMC A, kind: committee, members: [p.jansen], meets_every_days: 30}
          - {id: pmc-b, name: PMC B, kind: committee, members: [p.dekker], meets_every_days: 30}
    """
    for fact, missing, total in _lacking_facts(analysis, params):
        yield Problem.about([fact.name], said(
            "{lacking}: {not_run}; record {words}, or add `{fact}` to `org.not_recorded`",
            lacking=said(fact.lacking, missing=missing, total=total),
            not_run=_rules_phrase(fact.rules), words=fact_words(fact.name), fact=fact.name),
            place=ORG_PLACE)


RULES: list[Rule] = [fact_not_recorded]
