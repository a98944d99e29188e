"""The kinds of a governance model (SPEC §1) as plain typed dataclasses.

Fields mirror the model file's keys one to one. Optional values that have a
default in the specification are kept as given (``None`` when absent) so a
file survives a round trip unchanged; the ``effective_*`` properties apply
the defaults.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Letter = Literal["R", "A", "C", "I"]
LETTERS: tuple[Letter, ...] = ("R", "A", "C", "I")

BODY_KINDS = (
    "steering_group",
    "programme_board",
    "portfolio_board",
    "taskforce",
    "crisis_team",
    "working_group",
    "committee",
    "advisory_board",
    "other",
)
TEMPORARY_BY_DEFAULT = frozenset({"taskforce", "crisis_team", "working_group"})
DEFAULT_CADENCE_DAYS = 30

INITIATIVE_STATUSES = ("proposed", "active", "paused", "stopped", "done")
KPI_TYPES = ("leading", "lagging")


@dataclass(slots=True)
class Org:
    name: str
    description: str | None = None
    as_of: dt.date | None = None


@dataclass(slots=True, kw_only=True)
class Entity:
    id: str
    name: str
    description: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Unit(Entity):
    parent: str | None = None
    external: bool = False


@dataclass(slots=True, kw_only=True)
class Person(Entity):
    unit: str | None = None
    capacity_fte: float | None = None
    external: bool = False

    @property
    def effective_capacity_fte(self) -> float:
        return effective_capacity_fte(self.capacity_fte)


@dataclass(slots=True, kw_only=True)
class Role(Entity):
    unit: str | None = None
    holders: list[str] = field(default_factory=list)
    reports_to: str | None = None
    temporary: bool = False
    sunset: dt.date | None = None


@dataclass(slots=True, kw_only=True)
class Body(Entity):
    kind: str
    chair: str | None = None
    members: list[str] = field(default_factory=list)
    reports_to: str | None = None
    temporary: bool | None = None
    established: dt.date | None = None
    sunset: dt.date | None = None
    meets_every_days: int | None = None
    mandate: str | None = None

    @property
    def is_temporary(self) -> bool:
        return is_temporary(self.kind, self.temporary)

    @property
    def cadence_days(self) -> int:
        return cadence_days(self.meets_every_days)


@dataclass(slots=True, kw_only=True)
class Goal(Entity):
    parent: str | None = None
    due: dt.date | None = None


@dataclass(slots=True, kw_only=True)
class Initiative(Entity):
    goals: list[str] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    status: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    success_criteria: list[str] = field(default_factory=list)
    demand_fte: float | None = None

    @property
    def effective_status(self) -> str:
        return effective_status(self.status)


@dataclass(slots=True, kw_only=True)
class Decision(Entity):
    about: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class Kpi(Entity):
    measures: str
    type: str
    target: str | None = None
    has_raci: bool = False
    """Whether the file carries a ``raci`` key, even an empty one (SPEC §2)."""


class Assignment(NamedTuple):
    """One letter for one actor on one item (a goal, initiative, decision or kpi).

    A named tuple rather than a dataclass: a national model has 150,000 of
    them, and a tuple is made in half the time.
    """

    item: str
    letter: Letter
    actor: str


@dataclass(slots=True, kw_only=True)
class Waiver:
    rule: str
    target: list[str]
    reason: str
    expires: dt.date | None = None
    author: str | None = None


# The defaults of SPEC §1, shared with the lean tuples of `raci.model.lean`.


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str) -> dt.date:
    """A date as SPEC §1 writes it, YYYY-MM-DD; ValueError for anything else
    (Python's own parser also takes ``20261101`` and ``2026-W44-1``)."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    return dt.date.fromisoformat(text)


def effective_capacity_fte(capacity_fte: float | None) -> float:
    return 1.0 if capacity_fte is None else capacity_fte


def is_temporary(body_kind: str, temporary: bool | None) -> bool:
    return body_kind in TEMPORARY_BY_DEFAULT if temporary is None else temporary


def cadence_days(meets_every_days: int | None) -> int:
    return DEFAULT_CADENCE_DAYS if meets_every_days is None else meets_every_days


def effective_status(status: str | None) -> str:
    return status or "active"


Actor = Role | Body | Person
Item = Goal | Initiative | Decision | Kpi
