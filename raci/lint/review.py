"""A review session: the findings of a model walked one at a time, each decided.

`Review` holds the session as plain data: the findings as they were at the
start, largest first, and for each what was decided: *fixed* with one of
its suggestions, *accepted* with a reason (a waiver, with author and
expiry), an *action* noted (who does what, by when), or *skipped*. A fix or
an acceptance is a `Change` made on the model at once (through the
`Suggester`, so the findings stay up to date); the caller stores it (in a
scenario, or in the model) as the `Step` the decision returns. Findings a
fix resolves are not asked about again; findings a fix introduces join the
walk at its end. `minutes_markdown` writes what the session decided.

*Largest first*: errors, then warnings, then infos; within a level, the
findings that concern the most entities (targets and related ids) first;
then in lint order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from raci.lint.findings import LEVEL_RANK, LEVELS, Finding
from raci.lint.output import markdown_text, outcome_text, summary
from raci.lint.rules import find_rule
from raci.lint.scenarios import FindingsDelta
from raci.lint.suggestions import Suggester, Suggestion
from raci.model import Waiver
from raci.model.changes import Change
from raci.model.scenarios import Step

DecisionKind = Literal["fixed", "accepted", "action", "skipped"]
WAIVER_DAYS = 365
"""An acceptance lasts this long after the session by default: a year on, the
finding comes back to be decided again (WAI001)."""


@dataclass
class Decision:
    kind: DecisionKind
    by: str
    suggestion: Suggestion | None = None
    """What fixed the finding."""
    reason: str | None = None
    """Why the finding was accepted."""
    until: dt.date | None = None
    """When an acceptance expires, or an action is due."""
    who: str | None = None
    """Who takes the action."""
    what: str | None = None
    """The action."""
    step: Step | None = None
    """The change the decision made, as stored."""


@dataclass
class ReviewItem:
    finding: Finding
    decision: Decision | None = None
    introduced: bool = False
    """Whether a fix made in the session brought the finding up."""
    resolved: bool = False
    """Whether a decision on another finding resolved it before its turn."""


@dataclass
class Review:
    """A review session on the model a `Suggester` holds (see the module)."""

    suggester: Suggester
    author: str
    """Who takes the minutes; the decisions and waivers are theirs."""
    model: str
    """The MODEL argument, as the minutes name it."""
    kept_in: str
    """Where the changes go: ``scenario NAME`` or ``the model``."""
    date: dt.date = field(default_factory=dt.date.today)
    items: list[ReviewItem] = field(default_factory=list)
    before: list[Finding] = field(default_factory=list)
    position: int = 0
    ended_early: bool = False

    def __post_init__(self) -> None:
        self.before = self.suggester.open_findings()
        self.items = [ReviewItem(f) for f in largest_first(self.before)]

    def next_item(self) -> ReviewItem | None:
        """The next finding to decide; those resolved meanwhile are passed."""
        while self.position < len(self.items):
            item = self.items[self.position]
            self.position += 1
            now = self.suggester.current(item.finding)
            if now is not None:
                item.finding = now  # as it reads after the decisions made so far
                return item
            item.resolved = True
        return None

    def suggestions(self, item: ReviewItem) -> list[Suggestion]:
        return self.suggester.suggestions(item.finding)

    def can_accept(self, item: ReviewItem) -> bool:
        """Whether the finding's rule can be waived (not DAT001, WAI001, WAI002)."""
        rule = find_rule(item.finding.code)
        return rule is not None and rule.waivable

    def fix(self, item: ReviewItem, suggestion: Suggestion) -> Step:
        step = self._make(suggestion.change, suggestion.summary)
        item.decision = Decision("fixed", self.author, suggestion=suggestion, step=step)
        return step

    def accept(self, item: ReviewItem, reason: str, until: dt.date | None) -> Step:
        finding = item.finding
        waiver = Waiver(rule=finding.code, target=list(finding.targets), reason=reason,
                        expires=until, author=self.author)
        change = Change(waivers=[*self.suggester.model.waivers, waiver])
        expiring = f" until {until.isoformat()}" if until else ""
        step = self._make(change, f"waived {finding.code} for {', '.join(finding.targets)}"
                                  f"{expiring}: {reason}")
        item.decision = Decision("accepted", self.author, reason=reason, until=until, step=step)
        return step

    def note(self, item: ReviewItem, who: str, what: str, until: dt.date | None) -> None:
        item.decision = Decision("action", self.author, who=who, what=what, until=until)

    def skip(self, item: ReviewItem) -> None:
        item.decision = Decision("skipped", self.author)

    def default_expiry(self) -> dt.date:
        return self.date + dt.timedelta(days=WAIVER_DAYS)

    @property
    def steps(self) -> list[Step]:
        """Every change the session made, in order."""
        return [i.decision.step for i in self.items if i.decision and i.decision.step]

    def delta(self) -> FindingsDelta:
        """The findings at the start of the session against now."""
        return FindingsDelta(self.before, self.suggester.open_findings())

    def _make(self, change: Change, summary_text: str) -> Step:
        known = {f.fingerprint for f in (*self.before, *(i.finding for i in self.items))}
        found = self.suggester.apply(change)
        self.items += [ReviewItem(f, introduced=True)
                       for f in largest_first(self.suggester.open_findings())
                       if f.fingerprint not in known]
        return Step(change, found, summary_text)


def largest_first(findings: list[Finding]) -> list[Finding]:
    """Errors first, then the findings that concern most entities, then lint order."""
    return sorted(findings, key=lambda f: (-LEVEL_RANK[f.level],
                                           -len({*f.targets, *f.related})))


# ---- minutes -------------------------------------------------------------------

DECIDED = {"fixed": "Fixed", "accepted": "Accepted", "action": "Action", "skipped": "Skipped"}


def minutes_markdown(review: Review) -> str:
    """The minutes: what was decided, by whom, what changed, and the findings
    before and after."""
    delta = review.delta()
    decided = [i for i in review.items if i.decision and i.decision.kind != "skipped"]
    organisation = review.suggester.model.org.name
    out = [f"# Review of {markdown_text(organisation)} (`{markdown_text(review.model)}`)", "",
           f"{review.date.isoformat()}; minutes by {markdown_text(review.author)}; "
           f"{len(decided)} of {len(review.before)} findings decided, the largest first"
           f"{' (the review ended early)' if review.ended_early else ''}.", "",
           "## Findings before and after", "",
           "| Level | Before | After |", "|---|---:|---:|"]
    before, after = summary(delta.before), summary(delta.after)
    out += [f"| {level} | {before[level]} | {after[level]} |" for level in LEVELS]
    accepted = {i.finding.fingerprint for i in review.items
                if i.decision is not None and i.decision.kind == "accepted"}
    resolved = [f for f in delta.resolved if f.fingerprint not in accepted]
    waived = [f for f in delta.resolved if f.fingerprint in accepted]
    out += ["", f"Resolved {len(resolved)}, accepted {len(waived)}, introduced "
                f"{len(delta.introduced)}."]
    out += _decisions(review) + _actions(review) + _changes(review)
    out += _listed("Findings resolved", resolved)
    out += _listed("Findings accepted", waived)
    out += _listed("Findings introduced", delta.introduced)
    out += _listed("Not reviewed", [i.finding for i in review.items
                                    if i.decision is None and not i.resolved
                                    and review.suggester.is_open(i.finding)])
    return "\n".join(out) + "\n"


def _decisions(review: Review) -> list[str]:
    rows = [_decision_row(number, item) for number, item in enumerate(review.items, start=1)
            if item.decision is not None or item.resolved]
    if not rows:
        return ["", "## Decisions", "", "None."]
    return ["", "## Decisions", "", "| # | Finding | Decision | By |", "|---|---|---|---|",
            *rows]


def _decision_row(number: int, item: ReviewItem) -> str:
    finding, decision = item.finding, item.decision
    what = f"{finding.code} [{finding.level}] {finding.message}"
    if item.introduced:
        what += " (brought up by a fix in this review)"
    if decision is None:
        return f"| {number} | {markdown_text(what)} | resolved by an earlier decision |  |"
    return (f"| {number} | {markdown_text(what)} | {markdown_text(_decision_text(decision))} "
            f"| {markdown_text(decision.by)} |")


def _decision_text(decision: Decision) -> str:
    if decision.kind == "fixed" and decision.suggestion is not None:
        return f"Fixed: {decision.suggestion.summary} ({outcome_text(decision.suggestion)})"
    if decision.kind == "accepted":
        until = f", until {decision.until.isoformat()}" if decision.until else ""
        return f"Accepted{until}: {decision.reason}"
    if decision.kind == "action":
        due = f" by {decision.until.isoformat()}" if decision.until else ""
        return f"Action for {decision.who}{due}: {decision.what}"
    return DECIDED[decision.kind]


def _actions(review: Review) -> list[str]:
    actions = [i for i in review.items if i.decision and i.decision.kind == "action"]
    if not actions:
        return []
    return ["", "## Actions", "", "| Who | What | By | Finding |", "|---|---|---|---|",
            *(f"| {markdown_text(d.who)} | {markdown_text(d.what)} | "
              f"{d.until.isoformat() if d.until else ''} | {markdown_text(i.finding.fingerprint)} |"
              for i in actions if (d := i.decision) is not None)]


def _changes(review: Review) -> list[str]:
    steps = review.steps
    where = f" (in {review.kept_in})" if steps else ""
    lines = [f"{n}. {markdown_text(step.summary)}" for n, step in enumerate(steps, start=1)]
    return ["", f"## What changed{where}", "", *(lines or ["Nothing."])]


def _listed(title: str, findings: list[Finding]) -> list[str]:
    if not findings:
        return []
    return ["", f"## {title} ({len(findings)})", "",
            *(f"- {markdown_text(f'{f.code} [{f.level}] {f.message}')}" for f in findings)]
