"""A review session: the findings of a model walked one at a time, each decided.

`Review` holds the session as plain data: the findings as they were at the
start, largest first, and for each what was decided: *fixed* with one of
its suggestions, *accepted* with a reason (a waiver, with author and
expiry), an *action* noted (who does what, by when), or *skipped*. A fix or
an acceptance is a `Change` made on the model at once (through the
`Suggester`, so the findings stay up to date); the caller stores it (in a
scenario, or in the model) as the `Step` the decision returns. Findings a
fix resolves are not asked about again; findings a fix introduces join the
walk at its end. A session can pause for edits made outside it (the app's
jump to an edit) and `resume`: a finding they resolved is *fixed* by them.
`minutes_markdown` writes what the session decided.

*Largest first*: errors, then warnings, then infos; within a level, the
findings that concern the most entities (targets and related ids) first;
then in lint order.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import getpass
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from raci.i18n import N_, Said, _, format_count, format_date, ngettext, said_again
from raci.lint.findings import LEVEL_RANK, LEVELS, Finding
from raci.lint.message import markdown_said
from raci.lint.output import outcome_text, summary
from raci.lint.rules import find_rule
from raci.lint.scenarios import FindingsDelta
from raci.lint.suggestions import Suggester, Suggestion
from raci.model import Entity, Model, Person, Waiver
from raci.model.changes import Change
from raci.model.checks import Spellings
from raci.model.scenarios import Step
from raci.text import Markdown, markdown_prose
from raci.vocabulary import LEVEL_NAMES

DecisionKind = Literal["fixed", "accepted", "action", "skipped"]
NONE_WORDS = ("", "none", "-")
"""What answers *no date* to a question that takes one (and ``none`` in the
current language: ``geen``)."""
BROUGHT_UP = N_("(brought up by a fix in this review)")
"""What a finding a fix brought up is marked with, in the walk and the minutes."""
THE_MODEL = "the model"
"""Where the changes go without a scenario (`Review.kept_in`; `where_said` says it)."""
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
    edits: list[Step] = field(default_factory=list)
    """Edits made outside the review while the finding was on the table (the
    app's jump to an edit); a finding they resolve is *fixed* by them."""


@dataclass
class Review:
    """A review session on the model a `Suggester` holds (see the module)."""

    suggester: Suggester
    author: str
    """Who takes the minutes; the decisions and waivers are theirs."""
    model: str
    """The MODEL argument, as the minutes name it."""
    kept_in: str
    """Where the changes go: ``scenario NAME`` or ``the model``, in English
    (`where_said` says it in the current language)."""
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
        targets = ", ".join(finding.targets)
        line = Said(N_("waived {code} for {targets} until {until}: {reason}") if until
                    else N_("waived {code} for {targets}: {reason}"),
                    code=finding.code, targets=targets, until=until,
                    reason=reason)
        step = self._make(change, line)
        item.decision = Decision("accepted", self.author, reason=reason, until=until, step=step)
        return step

    def note(self, item: ReviewItem, who: str, what: str, until: dt.date | None) -> None:
        item.decision = Decision("action", self.author, who=who, what=what, until=until)

    def skip(self, item: ReviewItem) -> None:
        item.decision = Decision("skipped", self.author)

    def resume(self, suggester: Suggester, item: ReviewItem, edits: list[Step]) -> None:
        """Carry on after `edits`, made outside the review while `item` was on
        the table, on `suggester`, which holds the model as edited. A finding
        the edits resolved is decided as fixed by them; otherwise it is asked
        again. Findings the edits brought up join the walk at its end."""
        known = self._known()
        self.suggester = suggester
        item.edits += edits
        self._join(known)
        if suggester.current(item.finding) is None:
            item.decision = Decision("fixed", self.author)
        else:
            self.position = self.items.index(item)

    def default_expiry(self) -> dt.date:
        return self.date + dt.timedelta(days=WAIVER_DAYS)

    @property
    def decided(self) -> int:
        """How many findings were decided: fixed, accepted or given an action.
        A skipped finding is not decided (the minutes list it as skipped),
        nor one an earlier decision resolved."""
        return sum(1 for i in self.items if i.decision and i.decision.kind != "skipped")

    @property
    def steps(self) -> list[Step]:
        """Every change the session made, in order."""
        return [step for i in self.items for step in
                (*i.edits, *([i.decision.step] if i.decision and i.decision.step else []))]

    def delta(self) -> FindingsDelta:
        """The findings at the start of the session against now: one waived
        now is accepted, however the review came to waive it (an accept, a
        waiver added in a form), as `raci scenario show` counts it."""
        return FindingsDelta(self.before, self.suggester.open_findings(),
                             [f for f in self.suggester.findings if f.waived])

    def _make(self, change: Change, line: str) -> Step:
        known = self._known()
        found = self.suggester.apply(change)
        self._join(known)
        return Step(change, found, line)

    def _known(self) -> set[str]:
        return {f.fingerprint for f in (*self.before, *(i.finding for i in self.items))}

    def _join(self, known: set[str]) -> None:
        """The open findings not `known` join the walk, as brought up in the review."""
        self.items += [ReviewItem(f, introduced=True)
                       for f in largest_first(self.suggester.open_findings())
                       if f.fingerprint not in known]


def largest_first(findings: list[Finding]) -> list[Finding]:
    """Errors first, then the findings that concern most entities, then lint order."""
    return sorted(findings, key=lambda f: (-LEVEL_RANK[f.level],
                                           -len({*f.targets, *f.related})))


def login_name() -> str:
    """Who is logged in: the author of the minutes unless told otherwise."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment: a container, say
        return "unknown"


def where_said(where: str) -> str:
    """Where changes go (``the model``, ``scenario plan``: `Review.kept_in`) in
    the current language."""
    if where == THE_MODEL:
        return _("the model")
    if where.startswith("scenario "):
        return _("scenario {name}").format(name=where.removeprefix("scenario "))
    return where


def required_text(text: str) -> str:
    """An answer that must not be empty; a ValueError says so."""
    if not text.strip():
        raise ValueError(_("this cannot be empty"))
    return text.strip()


def means_no_date(text: str) -> bool:
    """Whether a date's text says *no date*: nothing, ``-``, or "none" in
    English or in the user's language ("geen")."""
    return text.strip().lower() in {*NONE_WORDS, _("none").lower()}


def date_or_none(text: str) -> dt.date | None:
    """A date (YYYY-MM-DD) or none; a ValueError says what to give."""
    if means_no_date(text):
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(_("give a date as YYYY-MM-DD, or none")) from None


# ---- minutes -------------------------------------------------------------------

DECIDED = {"fixed": N_("Fixed"), "accepted": N_("Accepted"), "action": N_("Action"),
           "skipped": N_("Skipped")}


def minutes_markdown(review: Review) -> str:
    """The minutes: what was decided, by whom, what changed, and the findings
    before and after."""
    delta = review.delta()
    organisation = review.suggester.model.org.name
    ended = " " + _("(the review ended early)") if review.ended_early else ""
    out = [_("# Review of {organisation} (`{model}`)").format(
               organisation=markdown_prose(organisation), model=markdown_prose(review.model)), "",
           ngettext("{date}; minutes by {author}; {decided} of {count} finding decided, the "
                    "largest first{ended}.",
                    "{date}; minutes by {author}; {decided} of {count} findings decided, the "
                    "largest first{ended}.", len(review.before)).format(
               date=format_date(review.date), author=markdown_prose(review.author),
               decided=review.decided, count=len(review.before), ended=ended), "",
           "## " + _("Findings before and after"), "",
           _row(_("Level"), _("Before"), _("After")), "|---|---:|---:|"]
    before, after = summary(delta.before), summary(delta.after)
    out += [f"| {LEVEL_NAMES[level]} | {before[level]} | {after[level]} |" for level in LEVELS]
    out += ["", _("Resolved {resolved}, accepted {accepted}, introduced {introduced}.").format(
        resolved=len(delta.resolved), accepted=len(delta.accepted),
        introduced=len(delta.introduced))]
    out += _decisions(review) + _actions(review) + _changes(review)
    out += _listed(_("Findings resolved"), delta.resolved)
    out += _listed(_("Findings accepted"), delta.accepted)
    out += _listed(_("Findings introduced"), delta.introduced)
    out += _listed(_("Not reviewed"), [i.finding for i in review.items
                                    if i.decision is None and not i.resolved
                                    and review.suggester.is_open(i.finding)])
    return "\n".join(out) + "\n"


def finding_words(finding: Finding) -> Markdown:
    """``OWN001 fout: …``: a finding as the review screen shows it, its level
    a word, its message in Markdown (names escaped: "R&D \\*kern\\*")."""
    return Markdown(f"{finding.code} {LEVEL_NAMES[finding.level]}: "
                    f"{markdown_said(finding.message)}")


def _row(*cells: str) -> str:
    """A row of a Markdown table, its cells already escaped."""
    return "| " + " | ".join(cells) + " |"


def _decisions(review: Review) -> list[str]:
    rows = [_decision_row(number, item, review.suggester.model)
            for number, item in enumerate(review.items, start=1)
            if item.decision is not None or item.resolved]
    heading = "## " + _("Decisions")
    if not rows:
        return ["", heading, "", _("None.")]
    return ["", heading, "", _row("#", _("Finding"), _("Decision"), _("By")),
            "|---|---|---|---|", *rows]


def _decision_row(number: int, item: ReviewItem, model: Model) -> str:
    finding, decision = item.finding, item.decision
    what = finding_words(finding)
    if item.introduced:
        what = Markdown(f"{what} {_(BROUGHT_UP)}")
    if decision is None:
        return _row(str(number), markdown_prose(what), _("resolved by an earlier decision"), "")
    return (f"| {number} | {markdown_prose(what)} | {markdown_prose(_decision_text(item, model))} "
            f"| {markdown_prose(decision.by)} |")


def _decision_text(item: ReviewItem, model: Model) -> str:
    decision = item.decision
    assert decision is not None
    if decision.kind == "fixed" and decision.suggestion is not None:
        return Markdown(_("Fixed: {change} ({outcome})").format(
            change=markdown_said(decision.suggestion.summary),
            outcome=markdown_prose(outcome_text(decision.suggestion, LEVEL_NAMES))))
    if decision.kind == "fixed" and item.edits:
        return _("Fixed by editing: {changes}").format(
            changes="; ".join(said_again(step.summary) for step in item.edits))
    if decision.kind == "accepted":
        if decision.until:
            return _("Accepted, until {until}: {reason}").format(
                until=format_date(decision.until), reason=decision.reason)
        return _("Accepted: {reason}").format(reason=decision.reason)
    if decision.kind == "action":
        if decision.until:
            return _("Action for {who} by {until}: {what}").format(
                who=who_in_minutes(model, decision.who), until=format_date(decision.until),
                what=decision.what)
        return _("Action for {who}: {what}").format(who=who_in_minutes(model, decision.who),
                                                    what=decision.what)
    return _(DECIDED[decision.kind])


def _actions(review: Review) -> list[str]:
    model = review.suggester.model
    actions = [i for i in review.items if i.decision and i.decision.kind == "action"]
    if not actions:
        return []
    return ["", "## " + _("Actions"), "",
            _row(_("Who"), _("What"), _("By when"), _("Finding")), "|---|---|---|---|",
            *(f"| {markdown_prose(who_in_minutes(model, d.who))} | {markdown_prose(d.what)} | "
              f"{format_date(d.until) if d.until else ''} | "
              f"{markdown_prose(i.finding.fingerprint)} |"
              for i in actions if (d := i.decision) is not None)]


def who_in_minutes(model: Model, who: str | None) -> str:
    """Who an action is for as the app says anyone: "Name (id)" for someone
    of the model, anyone else as written."""
    entity = model.get(who or "")
    if entity is None:
        return who or ""
    return f"{entity.name} ({entity.id})"


NAMESAKES_SHOWN = 5
"""The ids named when several people share the name typed for an action."""


class ActionOwners:
    """Who takes an action, as typed, by one rule for the app and `raci
    review`: an entity's id (in any case where none has it exactly), or an
    entity as the minutes give it, "Name (id)"; else a person's name exactly
    (in any case, spaces as typed or not); else the one person whose name
    holds the text as whole words (a first name alone too) is that
    person, kept as their id, which the minutes give as "Name (id)". Anyone
    else (an outside party, a team) is kept as written; where several
    people have the name, or a word of their names, `several` says so with
    their ids to type (the app says it under the field, `raci review` asks
    again, the text typed kept on `enter`)."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self._names: _PersonNames | None = None
        """The persons' names, made ready when first looked in."""

    def read(self, typed: str) -> str:
        """The id of the entity `typed` is, else `typed` as written."""
        typed = required_text(typed)
        entity = self._entity(typed)
        return typed if entity is None else entity.id

    def said(self, typed: str) -> str:
        """Who it is, or that it is kept as written, with the person likeliest
        meant: under the app's field, after the command line's prompt."""
        if not typed.strip():
            return ""
        entity = self._entity(typed.strip())
        if entity is not None:  # a person, or a role or body typed by its id
            return who_in_minutes(self.model, entity.id)
        return self.several(typed) or _("not a person of the model: noted as written") + \
            said_again(self._person_names().spellings.hint(typed.strip()))

    def _entity(self, typed: str) -> Entity | None:
        """The entity `typed` names by its id or as "Name (id)", else the one
        person it names."""
        entity = self.model.get(typed) or self.model.get(typed.casefold()) \
            or self._as_in_minutes(typed)
        if entity is not None:
            return entity
        names = self._person_names()
        named = names.by_name.get(spoken(typed), [])
        if named:
            return named[0] if len(named) == 1 else None
        found = names.holding(spoken(typed), 1)
        return found[0] if len(found) == 1 else None

    def _as_in_minutes(self, typed: str) -> Entity | None:
        """The entity `typed` as the minutes and the line under the field
        give it, "Name (id)" (copied back), else None."""
        given = _IN_MINUTES.fullmatch(typed)
        entity = self.model.get(given[2]) if given else None
        if entity is None or given is None or spoken(entity.name) != spoken(given[1]):
            return None
        return entity

    def several(self, typed: str) -> str:
        """That `typed` is several people's name, or a word of their names,
        and their ids to type; else nothing."""
        names = self._person_names()
        namesakes = names.by_name.get(spoken(typed), [])
        if len(namesakes) > 1:
            ids = [person.id for person in namesakes[:NAMESAKES_SHOWN]]
            more = ", …" if len(namesakes) > NAMESAKES_SHOWN else ""
            return _("{count} people are named so: type the id of the one meant ({ids})").format(
                count=format_count(len(namesakes)), ids=", ".join(ids) + more)
        holders = names.holding(spoken(typed), NAMESAKES_SHOWN)
        if len(holders) > 1:
            ids = [person.id for person in holders[:NAMESAKES_SHOWN]]
            more = ", …" if len(holders) > NAMESAKES_SHOWN else ""
            return _("the names of several people hold it: type the id of the one meant "
                     "({ids})").format(ids=", ".join(ids) + more)
        return ""

    def _person_names(self) -> _PersonNames:
        if self._names is None:
            self._names = _PersonNames(self.model.people.values())
        return self._names


_WORD_START = r"(?<![^\s'’-])"
_WORD_END = r"(?![^\s'’-])"
"""Where a word of a name starts and ends: at a space, a hyphen, an
apostrophe ("d'Ancona"), or the name's start or end."""
_IN_MINUTES = re.compile(r"(.*\S)\s*\(([^()\s]+)\)")
"""An entity as the minutes give it: "Koen van der Wal (p.vanderwal)"."""


def spoken(name: str) -> str:
    """A name as it is compared with one typed: in any case, one space
    between its words ("  Anouk   Smit " is Anouk Smit), each letter in
    one form (an "ë" typed is the "e" and diaeresis a name was stored with)."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


class _PersonNames:
    """The persons' names made ready to be looked through on every key: one
    text, a name a line, as `spoken` says it, searched in C (a national
    model's 80,000 names in about a millisecond, where a loop over them
    takes ten)."""

    def __init__(self, people: Iterable[Person]) -> None:
        self.people = list(people)
        lines = [spoken(person.name) for person in self.people]
        self.by_name: dict[str, list[Person]] = {}
        for name, person in zip(lines, self.people, strict=True):
            self.by_name.setdefault(name, []).append(person)
        self.starts = list(itertools.accumulate((len(line) + 1 for line in lines), initial=0))
        self.text = "\n".join(lines)

    @functools.cached_property
    def spellings(self) -> Spellings:
        """What a near miss is said to mean: ids and names, made ready once,
        when an owner typed is first not found (half the time of the rest
        on a national model, and an id or name typed whole never needs it)."""
        return Spellings(word for person in self.people for word in (person.id, person.name))

    def holding(self, wanted: str, most: int) -> list[Person]:
        """The persons whose names hold `wanted` as whole words ("smit" in
        "Anouk Smit", "ancona" in "Paolo d'Ancona"; not "it", which a team
        typed as "IT" means), in the model's order: no more than `most` + 1,
        enough to tell one from several and to name a few, however many
        names hold it."""
        found: list[Person] = []
        if not wanted:
            return found
        for match in re.finditer(rf"{_WORD_START}{re.escape(wanted)}{_WORD_END}", self.text):
            line = bisect.bisect_right(self.starts, match.start()) - 1
            if not found or found[-1] is not self.people[line]:
                found.append(self.people[line])
            if len(found) > most:
                break
        return found


def _changes(review: Review) -> list[str]:
    steps = review.steps
    title = (_("What changed (in {where})").format(where=where_said(review.kept_in)) if steps
             else _("What changed"))
    lines = [f"{n}. {markdown_prose(said_again(step.summary))}"
             for n, step in enumerate(steps, start=1)]
    return ["", f"## {title}", "", *(lines or [_("Nothing.")])]


def _listed(title: str, findings: list[Finding]) -> list[str]:
    if not findings:
        return []
    return ["", f"## {title} ({len(findings)})", "",
            *(f"- {markdown_prose(finding_words(f))}" for f in findings)]

