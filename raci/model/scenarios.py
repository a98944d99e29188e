"""Scenarios: named lists of changes tried on top of a model without touching it.

A scenario keeps each edit made in it as a `Step`: the `Change`, what the
change found where it was made (its inverse then) and a line saying what the
user did. Its *view* is the model with every step played on it, in order.
The model goes on changing while a scenario waits; a step still fits as long
as what it touches is as it found it (`changed_since`), and the steps
together must not break the model (`check_model`): `play` says which step no
longer fits, or what the steps would break, and the scenario is then refused
rather than played half.

An entity renamed in the model (`raci rename`) is renamed in the scenarios
too (`renamed_change`), in the same transaction, so that their steps still
fit: a scenario names what the model names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from raci.i18n import N_, Said
from raci.model.changes import Change, Difference, changed_since, on_waivers_of
from raci.model.checks import Problem, check_model
from raci.model.entities import Assignment, Entity
from raci.model.model import Model, renaming_in

_SINCE = {
    "changed": N_("its change {number} ({summary}) touches {subject}, which was changed in the "
                  "model since"),
    "added": N_("its change {number} ({summary}) touches {subject}, which was added to the "
                "model since"),
    "removed": N_("its change {number} ({summary}) touches {subject}, which was removed from "
                  "the model since"),
}
_GONE = N_("its change {number} ({summary}) touches {subject}, but {id} is no longer in the "
           "model: it was renamed or removed since")


@dataclass
class Step:
    """One edit made in a scenario."""

    change: Change
    found: Change
    """What the change found where it was made: its inverse there."""
    summary: str
    """What the user did, in their words: ``merged body tf-net into bo-net``."""


@dataclass
class Scenario:
    name: str
    description: str | None
    """What the scenario is for: a `Said` where raci gave it (`said_again`
    says it in the reader's language, JSON keeps the English), else text as typed."""
    created: dt.datetime
    base_revision: int
    """The model's revision when the scenario was made."""
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class Misfit:
    """Why a scenario cannot be played on a model."""

    reason: str
    """Why, a `Said` (said again where a person reads it)."""
    step: int | None = None
    """The step (from 1) that no longer fits; None when every step fits but
    together they would break the model."""

    def __str__(self) -> str:
        return self.reason


Known = frozenset[tuple[str | None, str | None, str | None]]
"""The problems a model has before any step, by what each is about (`_where`)."""


def known_problems(model: Model) -> Known:
    """The problems `model` has before any step: what `play` does not count
    against a scenario. Found once, they serve every scenario of the model
    (checking a national model takes seconds)."""
    return frozenset(map(_where, check_model(model)))


def play(model: Model, steps: Sequence[Step], known: Known | None = None) -> Misfit | None:
    """Play the steps on `model` in order; None when all of them fitted and the
    result is a sound model. Otherwise the reason, and `model` is left part
    changed: play on a model of its own (a fresh load or a copy).

    Only what the steps break counts: a problem the model had before them
    (a waiver naming what is gone, say; `known`, when found already) is not
    the scenario's."""
    if not steps:
        return None
    known = known_problems(model) if known is None else known
    for number, step in enumerate(steps, start=1):
        change, found = on_waivers_of(model, step.change, step.found)
        difference = changed_since(model, change, found)
        if difference is not None:
            return Misfit(_misfit_said(model, difference, number, step), number)
        change.apply(model)
    problems = [problem for problem in check_model(model) if _where(problem) not in known]
    if problems:
        template = (N_("on the model as it is now, its changes would leave {problem} (and "
                       "{count} more)") if len(problems) > 1 else
                    N_("on the model as it is now, its changes would leave {problem}"))
        return Misfit(Said(template, problem=problems[0].message, count=len(problems) - 1))
    return None


def _misfit_said(model: Model, difference: Difference, number: int, step: Step) -> Said:
    """Why a step no longer fits; where an id it names is gone from the model
    (`raci rename` gives it another), that id, not just "changed"."""
    gone = [entity_id for entity_id in difference.ids.values() if entity_id not in model]
    if gone and difference.how == "changed":
        return Said(_GONE, number=number, summary=step.summary, subject=difference.subject(),
                    id=gone[0])
    return Said(_SINCE[difference.how], number=number, summary=step.summary,
                subject=difference.subject())


def renamed_change(change: Change, old: str, new: str) -> Change:
    """`change` naming `new` wherever it named `old`: what it is on the model
    once `old` was renamed there, as `Model.rename` renames what it holds."""

    def id_(entity_id: str) -> str:
        return new if entity_id == old else entity_id

    def entity(put: Entity) -> Entity:
        return replace(renaming_in(put, old, new), id=id_(put.id))

    def assignment(a: Assignment) -> Assignment:
        return Assignment(id_(a.item), a.letter, id_(a.actor))

    return Change(
        put=[entity(e) for e in change.put], delete=[id_(i) for i in change.delete],
        assign=[assignment(a) for a in change.assign],
        unassign=[assignment(a) for a in change.unassign], org=change.org,
        waivers=None if change.waivers is None else [
            replace(w, target=[id_(t) for t in w.target]) for w in change.waivers],
        before={id_(key): id_(value) for key, value in change.before.items()},
        rename=None if change.rename is None else (id_(change.rename[0]), change.rename[1]))


def _where(problem: Problem) -> tuple[str | None, str | None, str | None]:
    """What a problem is about, the same before and after other changes: its
    message may suggest another id, and a waiver's number may move."""
    about = problem.entity_id
    if about is not None and about.startswith("waivers["):
        about = "waivers"
    return about, problem.field, problem.value
