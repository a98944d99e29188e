"""A `LeanModel`: what the lint rules read of a model, and nothing else.

Each entity is a small named tuple holding its id, its name (for messages)
and the fields the rules look at: references, flags, dates and amounts; no
descriptions, tags, mandates or indicator targets. Assignments are kept
per letter, as the columns of items and actors the rules group them by. A
lint of a database reads one straight from the store (`Store.load_lean`),
in under two thirds of the time the full `Model` takes (0.38 s against
0.60 s on a national model); a model file or the app's model is made lean
with `LeanModel.of_model`. The tuples' field names are the entities' own,
so a rule reads ``model.people[id].unit`` from either.

The defaults that docs/model-format.md gives (a body's temporariness by kind, its
cadence, an initiative's status, a person's capacity) are worked out by the
same functions as on the full entities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import NamedTuple

from raci.model.entities import (
    LETTERS,
    Assignment,
    Body,
    Decision,
    Entity,
    Goal,
    Initiative,
    Kpi,
    Letter,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
    cadence_days,
    effective_capacity_fte,
    effective_status,
    is_temporary,
)
from raci.model.model import KINDS, Model


class LeanUnit(NamedTuple):
    id: str
    name: str
    parent: str | None
    external: bool


class LeanPerson(NamedTuple):
    id: str
    name: str
    unit: str | None
    capacity_fte: float | None
    external: bool

    @property
    def effective_capacity_fte(self) -> float:
        return effective_capacity_fte(self.capacity_fte)


class LeanRole(NamedTuple):
    id: str
    name: str
    unit: str | None
    holders: tuple[str, ...]
    reports_to: str | None
    temporary: bool
    sunset: dt.date | None


class LeanBody(NamedTuple):
    id: str
    name: str
    kind: str
    chair: str | None
    members: tuple[str, ...]
    reports_to: str | None
    temporary: bool | None
    established: dt.date | None
    sunset: dt.date | None
    meets_every_days: int | None

    @property
    def is_temporary(self) -> bool:
        return is_temporary(self.kind, self.temporary)

    @property
    def cadence_days(self) -> int:
        return cadence_days(self.meets_every_days)


class LeanGoal(NamedTuple):
    id: str
    name: str
    parent: str | None
    due: dt.date | None


class LeanInitiative(NamedTuple):
    id: str
    name: str
    goals: tuple[str, ...]
    depends_on: tuple[str, ...]
    status: str | None
    start: dt.date | None
    end: dt.date | None
    has_success_criteria: bool
    demand_fte: float | None

    @property
    def effective_status(self) -> str:
        return effective_status(self.status)


class LeanDecision(NamedTuple):
    id: str
    name: str
    about: tuple[str, ...]


class LeanKpi(NamedTuple):
    id: str
    name: str
    measures: str
    type: str
    has_raci: bool


class LetterColumns(NamedTuple):
    """One letter's assignments in model order: the n-th actor holds the
    letter on the n-th item."""

    items: tuple[str, ...]
    actors: tuple[str, ...]


NO_ASSIGNMENTS = LetterColumns((), ())

LeanEntity = (LeanUnit | LeanPerson | LeanRole | LeanBody | LeanGoal | LeanInitiative
              | LeanDecision | LeanKpi)

LEAN_KINDS: dict[str, type[LeanEntity]] = {
    "unit": LeanUnit,
    "person": LeanPerson,
    "role": LeanRole,
    "body": LeanBody,
    "goal": LeanGoal,
    "initiative": LeanInitiative,
    "decision": LeanDecision,
    "kpi": LeanKpi,
}
"""Kind -> its lean tuple, in the model's kind order."""


@dataclass
class LeanModel:
    org: Org
    units: dict[str, LeanUnit] = field(default_factory=dict)
    people: dict[str, LeanPerson] = field(default_factory=dict)
    roles: dict[str, LeanRole] = field(default_factory=dict)
    bodies: dict[str, LeanBody] = field(default_factory=dict)
    goals: dict[str, LeanGoal] = field(default_factory=dict)
    initiatives: dict[str, LeanInitiative] = field(default_factory=dict)
    decisions: dict[str, LeanDecision] = field(default_factory=dict)
    kpis: dict[str, LeanKpi] = field(default_factory=dict)
    assignments: dict[Letter, LetterColumns] = field(default_factory=dict)
    """Each letter's assignments, in model order (a letter left out has none)."""
    waivers: list[Waiver] = field(default_factory=list)
    kinds: dict[str, str] = field(default_factory=dict)
    """Every id -> its kind."""

    @classmethod
    def of_model(cls, model: Model) -> LeanModel:
        lean = cls(
            org=model.org,
            units={u.id: _unit(u) for u in model.units.values()},
            people={p.id: _person(p) for p in model.people.values()},
            roles={r.id: _role(r) for r in model.roles.values()},
            bodies={b.id: _body(b) for b in model.bodies.values()},
            goals={g.id: _goal(g) for g in model.goals.values()},
            initiatives={i.id: _initiative(i) for i in model.initiatives.values()},
            decisions={d.id: _decision(d) for d in model.decisions.values()},
            kpis={k.id: _kpi(k) for k in model.kpis.values()},
            assignments=_by_letter(model.assignments),
            waivers=list(model.waivers),
        )
        lean.kinds = {entity_id: kind for kind in LEAN_KINDS for entity_id in lean.collection(kind)}
        return lean

    def collection(self, kind: str) -> dict[str, LeanEntity]:
        collection: dict[str, LeanEntity] = getattr(self, KINDS[kind][0])
        return collection

    def entities(self) -> Iterator[LeanEntity]:
        return chain.from_iterable(self.collection(kind).values() for kind in LEAN_KINDS)

    def kind(self, entity_id: str) -> str | None:
        return self.kinds.get(entity_id)

    def __len__(self) -> int:
        return len(self.kinds)

    def get(self, entity_id: str) -> LeanEntity | None:
        kind = self.kinds.get(entity_id)
        return None if kind is None else self.collection(kind)[entity_id]

    def put(self, kind: str, entity: LeanEntity) -> None:
        """Add an entity, or replace it in its place (as `Model.add` and
        `Model.replace` do). Its assignments are the caller's business."""
        self.collection(kind)[entity.id] = entity
        self.kinds[entity.id] = kind

    def remove(self, entity_id: str) -> None:
        kind = self.kinds.pop(entity_id)
        del self.collection(kind)[entity_id]


def lean_entity(entity: Entity) -> LeanEntity:
    """An entity of a `Model` as its lean tuple."""
    return _LEAN_OF[type(entity)](entity)


def _by_letter(assignments: Iterable[Assignment]) -> dict[Letter, LetterColumns]:
    items: dict[Letter, list[str]] = {letter: [] for letter in LETTERS}
    actors: dict[Letter, list[str]] = {letter: [] for letter in LETTERS}
    for item, letter, actor in assignments:
        items[letter].append(item)
        actors[letter].append(actor)
    return {letter: LetterColumns(tuple(items[letter]), tuple(actors[letter]))
            for letter in LETTERS}


def _unit(u: Unit) -> LeanUnit:
    return LeanUnit(u.id, u.name, u.parent, u.external)


def _person(p: Person) -> LeanPerson:
    return LeanPerson(p.id, p.name, p.unit, p.capacity_fte, p.external)


def _role(r: Role) -> LeanRole:
    return LeanRole(r.id, r.name, r.unit, tuple(r.holders), r.reports_to, r.temporary, r.sunset)


def _body(b: Body) -> LeanBody:
    return LeanBody(b.id, b.name, b.kind, b.chair, tuple(b.members), b.reports_to, b.temporary,
                    b.established, b.sunset, b.meets_every_days)


def _goal(g: Goal) -> LeanGoal:
    return LeanGoal(g.id, g.name, g.parent, g.due)


def _initiative(i: Initiative) -> LeanInitiative:
    return LeanInitiative(i.id, i.name, tuple(i.goals), tuple(i.depends_on), i.status, i.start,
                          i.end, bool(i.success_criteria), i.demand_fte)


def _decision(d: Decision) -> LeanDecision:
    return LeanDecision(d.id, d.name, tuple(d.about))


def _kpi(k: Kpi) -> LeanKpi:
    return LeanKpi(k.id, k.name, k.measures, k.type, k.has_raci)


_LEAN_OF: dict[type[Entity], Callable[..., LeanEntity]] = {
    Unit: _unit, Person: _person, Role: _role, Body: _body, Goal: _goal,
    Initiative: _initiative, Decision: _decision, Kpi: _kpi,
}
