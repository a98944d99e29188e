"""What every part of a generated organisation draws on: the builder's state and small tools.

`BuilderBase` holds the entities made so far, their RACI blocks and the
bookkeeping later parts and the weaknesses pass look things up in; each
module of this package adds one part of the organisation on top of it:
`units` (units, people, roles), `bodies`, `portfolio` (goals, initiatives,
indicators, decisions) and `organisation` (the whole, and its deep chains).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from raci.generate.names import FIRST_NAMES, LAST_NAMES
from raci.generate.shapes import AS_OF, Shape
from raci.i18n import _
from raci.model import (
    LETTERS,
    Assignment,
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Letter,
    Model,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
)

T = TypeVar("T")


class Rotation:
    """Hands out the members of a pool in turn, reshuffled each round, so the
    work (an Accountable, a Responsible seat) is spread evenly but not in order."""

    def __init__(self, rng: random.Random, pool: Sequence[str]) -> None:
        self._rng = rng
        self._pool = list(pool)
        self._queue: list[str] = []

    def next(self) -> str:
        if not self._queue:
            self._queue = self._pool[:]
            self._rng.shuffle(self._queue)
        return self._queue.pop()

    def __bool__(self) -> bool:
        return bool(self._pool)


@dataclass
class Directorate:
    """A directorate with what its items draw on."""

    unit: str
    dg: str
    ministry: str
    topic: str
    departments: list[str]
    programme_roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    leaf_goals: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    stakeholders: list[str] = field(default_factory=list)
    """Actors worth informing about the directorate's items."""


@dataclass
class DirectorateGeneral:
    unit: str
    ministry: str
    topic: str
    directorates: list[Directorate] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    advisory_board: str = ""
    functional_roles: list[str] = field(default_factory=list)


@dataclass
class Ministry:
    unit: str
    name: str
    dgs: list[DirectorateGeneral] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    external_roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)


class BuilderBase:
    """The entities made so far and what the later passes look up."""

    def __init__(self, shape: Shape, rng: random.Random, size: str) -> None:
        self.shape = shape
        self.rng = rng
        self.size = size
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}
        self.roles: dict[str, Role] = {}
        self.bodies: dict[str, Body] = {}
        self.goals: dict[str, Goal] = {}
        self.initiatives: dict[str, Initiative] = {}
        self.decisions: dict[str, Decision] = {}
        self.kpis: dict[str, Kpi] = {}
        self.raci: dict[str, dict[Letter, list[str]]] = {}
        self.waivers: list[Waiver] = []
        self.unit_people: dict[str, list[str]] = defaultdict(list)
        self.head: dict[str, str] = {}
        """unit id -> the id of the role that heads it."""
        self.staff: dict[str, list[str]] = defaultdict(list)
        """unit id -> its roles other than the head."""
        self.ministries: list[Ministry] = []
        self.directorates: list[Directorate] = []
        self.root_role: str | None = None
        self.department_of: dict[str, str] = {}
        """Leaf goal or initiative id -> the department doing the work."""
        self.directorate_of: dict[str, Directorate] = {}
        """Leaf goal or initiative id -> its directorate."""
        self.chain_ids: set[str] = set()
        self._serial: dict[str, int] = defaultdict(int)

    # ---- small tools ----------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        self._serial[prefix] += 1
        return f"{prefix}{self._serial[prefix]}"

    def date(self, low_days: int, high_days: int) -> dt.date:
        """A date between `low_days` and `high_days` days from the as-of date."""
        return AS_OF + dt.timedelta(days=self.rng.randint(low_days, high_days))

    def sample(self, pool: Sequence[T], count: int) -> list[T]:
        return self.rng.sample(pool, min(count, len(pool)))

    def person_name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def assign(self, item: str, letter: Letter, actor: str) -> bool:
        """Give `actor` the letter on `item` unless it already holds one there."""
        block = self.raci.setdefault(item, {})
        if any(actor in actors for actors in block.values()):
            return False
        block.setdefault(letter, []).append(actor)
        return True

    def set_accountable(self, item: str, actor: str) -> None:
        """Make `actor` the only Accountable, dropping any other letter it held."""
        block = self.raci.setdefault(item, {})
        for actors in block.values():
            if actor in actors:
                actors.remove(actor)
        block["A"] = [actor]

    def inform(self, item: str, pool: Sequence[str]) -> None:
        low, high = self.shape.informed
        for actor in self.sample(pool, self.rng.randint(low, high)):
            self.assign(item, "I", actor)

    def unit_of_role(self, role_id: str) -> str | None:
        role = self.roles[role_id]
        if role.unit is not None:
            return role.unit
        return self.people[role.holders[0]].unit if role.holders else None

    def model(self) -> Model:
        assignments = [
            Assignment(item, letter, actor)
            for item, block in self.raci.items()
            for letter in LETTERS
            for actor in block.get(letter, [])
        ]
        for kpi_id, kpi in self.kpis.items():
            kpi.has_raci = kpi_id in self.raci
        org = Org(
            name=_("Synthetic organisation ({size})").format(size=self.size),
            description=_("Generated by `raci generate`; every name is invented."),
            as_of=AS_OF,
        )
        return Model(
            org=org, units=self.units, people=self.people, roles=self.roles,
            bodies=self.bodies, goals=self.goals, initiatives=self.initiatives,
            decisions=self.decisions, kpis=self.kpis, assignments=assignments,
            waivers=self.waivers,
        )
