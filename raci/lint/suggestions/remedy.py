"""What a rule's suggester gives, and what suggesters share.

A suggester reads the model and one finding and returns `Remedy`s: concrete
changes with a line saying what each does and why it was chosen, the most
likely first. Those lines are said with `said` (`raci.lint.message`), as
the rules say their messages: English for JSON and for what a scenario
keeps, and `localized` in the user's language. It changes nothing itself (its changes are tried by
`Suggester`). The evidence the suggesters rank by is who already *carries*
the items around an item: who is Accountable (weight 2) or Responsible
(weight 1) on its neighbours (`neighbours`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from raci.analysis import Analysis
from raci.lint.findings import Finding
from raci.lint.message import Joined, Message, Named, said
from raci.lint.rule import RuleParams
from raci.model import Model
from raci.model.changes import Change
from raci.vocabulary import BODY_KIND_NAMES

MOST_REMEDIES = 3
"""A suggester offers at most this many remedies for one finding."""
CARRYING_WEIGHT: dict[str, int] = {"A": 2, "R": 1}
"""How much a letter on a neighbouring item counts as carrying it."""
NEIGHBOUR_FIELDS = frozenset({"goals", "measures", "about", "parent"})
"""The fields that make two items neighbours: an initiative's goals, an
indicator's measure, a decision's subject, a goal's parent."""


@dataclass(frozen=True)
class Remedy:
    """A concrete edit that would resolve a finding."""

    summary: str
    """What it does, in the user's words: ``make r.dg-ke the one Accountable of g.co2``
    (a `Message`: English, said again with `localized`)."""
    change: Change
    because: str = ""
    """Why this one, where there was a choice: ``r.dg-ke is the Accountable of 2
    of its initiatives and indicators``."""
    safe: bool = False
    """Whether the edit decides nothing the model does not already say (a
    waiver that silences nothing removed, a fact declared as not recorded):
    ruff's *safe fix*. Only a safe remedy can be applied by `--fix`."""


@dataclass
class Context:
    """What a suggester reads: the model, the linter's analysis of it, and the
    finding's rule's parameters as configured."""

    model: Model
    analysis: Analysis
    params: RuleParams

    @property
    def as_of(self) -> dt.date:
        return self.analysis.as_of


Suggest = Callable[[Context, Finding], list[Remedy]]


def neighbours(model: Model, item: str) -> list[str]:
    """The items around an item: a goal's initiatives, indicators, sub-goals
    and decisions and its parent; an initiative's goals, indicators and
    decisions; a decision's subjects; an indicator's measure."""
    around = [r.source for r in model.references_to(item) if r.field in NEIGHBOUR_FIELDS]
    entity = model.get(item)
    for name in NEIGHBOUR_FIELDS:
        value = getattr(entity, name, None)
        if isinstance(value, str):
            around.append(value)
        elif isinstance(value, list):
            around.extend(value)
    return list(dict.fromkeys(i for i in around if i != item and i in model))


def carrying(model: Model, items: Iterable[str]) -> Counter[str]:
    """Each actor's weight as Accountable (2) or Responsible (1) on `items`."""
    weights: Counter[str] = Counter()
    for item in items:
        for a in model.assignments_of_item(item):
            weights[a.actor] += CARRYING_WEIGHT.get(a.letter, 0)
    return weights


def owner_weights(model: Model, items: Iterable[str]) -> Counter[str]:
    """Who carries `items` as an owner would: each actor's own weight
    (`carrying`) counted twice, plus the weight of the roles and bodies that
    report to it directly (a director's goals are their DG's too)."""
    own = carrying(model, items)
    weights: Counter[str] = Counter({actor: 2 * weight for actor, weight in own.items()})
    for actor, weight in own.items():
        above = getattr(model.get(actor), "reports_to", None)
        if above is not None and weight:
            weights[above] += weight
    return weights


def owner_text(model: Model, actor: str, items: Sequence[str], where: Message) -> str:
    """Why an actor would own: what it, and those reporting to it, carry of
    `items` (`where` names them: ``the items around g.co2``)."""
    parts = [carried_text(model, actor, items, where)]
    for reporting in sorted({a.actor for item in items for a in model.assignments_of_item(item)
                             if getattr(model.get(a.actor), "reports_to", None) == actor}):
        parts.append(carried_text(model, reporting, items, where, said(
            "{reporting}, reporting to {actor},", reporting=reporting, actor=actor)))
    return joined(part for part in parts if part)


def carried_text(model: Model, actor: str, items: Sequence[str], where: Message,
                 who: str | None = None) -> str:
    """``r.x is Accountable for 2 and Responsible for 1 of the items around g.y``."""
    counts: Counter[str] = Counter(
        a.letter for item in items for a in model.assignments_of_item(item) if a.actor == actor)
    held = letters_text(counts)
    return said("{who} is {held} of {where}", who=who or actor, held=held,
                where=where) if held else ""


def letters_text(counts: Mapping[str, int]) -> str:
    """``Accountable for 2 and Responsible for 1``: the letters that count as carrying."""
    parts = [said("Accountable for {count}", count=counts["A"]) if counts.get("A") else "",
             said("Responsible for {count}", count=counts["R"]) if counts.get("R") else ""]
    return both(*parts)


def both(first: str, second: str) -> str:
    """``a and b``; either alone when the other is empty."""
    if first and second:
        return said("{first} and {second}", first=first, second=second)
    return first or second


def joined(parts: Iterable[str]) -> str:
    """Reasons one after the other: ``a; b``."""
    listed = [part for part in parts if part]
    if len(listed) > 1:
        return Joined(listed, "; ")
    return listed[0] if listed else ""


def fit_owner(model: Model, analysis: Analysis, actor: str, item: str) -> bool:
    """Whether an actor can own the item without a new ownership finding: a
    filled, internal role or an internal person; a body only for a decision."""
    kind = model.kind(actor)
    if kind == "body":
        return model.kind(item) == "decision"
    return (kind in ("role", "person") and actor not in analysis.vacant_roles
            and actor not in analysis.external_actors)


def ranked(weights: Mapping[str, float], candidates: Iterable[str],
           tie: Callable[[str], object] = lambda _: 0) -> list[str]:
    """The candidates by weight, the heaviest first; then by `tie`, then by id."""
    return sorted(dict.fromkeys(candidates), key=lambda c: (-weights.get(c, 0), tie(c), c))


def actor_rank(model: Model, actor: str) -> int:
    """Roles first, then people, then bodies: a role outlives its holder."""
    return {"role": 0, "person": 1}.get(model.kind(actor) or "", 2)


def ids_text(ids: Sequence[str], most: int = 5) -> str:
    """``a, b and c``; at most `most`, then how many more."""
    shown = list(ids[:most])
    if len(ids) > most:
        return said("{ids} and {count} more", ids=Joined(shown), count=len(ids) - most)
    if len(shown) == 1:
        return shown[0]
    return said("{ids} and {last}", ids=Joined(shown[:-1]), last=shown[-1])




class BodyKind(Named):
    """A body's kind in a remedy's line: its model key in the English text
    (``advisory_board``), its words for people ("adviesraad")."""

    def __new__(cls, key: str) -> BodyKind:
        kind = super().__new__(cls, key)
        assert isinstance(kind, BodyKind)
        return kind

    def __reduce__(self) -> tuple[object, ...]:
        return BodyKind, (self.id,)

    def spoken(self, starts: bool = False) -> str:
        return BODY_KIND_NAMES[self.id]


def names_first(model: Model, text: str) -> str:
    """A remedy's line with every entity it names by id said name first for
    people (``Stuurgroep Warmte (sg-warmte)``), as the rules name them
    (`raci.lint.message.named`); its English text, what JSON and SARIF keep,
    stays as it is."""
    if isinstance(text, Message):
        values = {key: names_first(model, value) if isinstance(value, str) else value
                  for key, value in text.values.items()}
        return Message(text.template, values, text.plural, text.number)
    if isinstance(text, Joined):
        return Joined((names_first(model, part) if isinstance(part, str) else part
                       for part in text.parts), text.separator)
    entity = None if isinstance(text, Named) else model.get(text)
    return text if entity is None else Named(text, entity.name)
