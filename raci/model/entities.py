"""The kinds of a governance model (docs/model-format.md) as plain typed dataclasses.

Fields mirror the model file's keys one to one. Optional values that have a
default in the specification are kept as given (``None`` when absent) so a
file survives a round trip unchanged; the ``effective_*`` properties apply
the defaults.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from raci.i18n import _

Letter = Literal["R", "A", "C", "I"]
LETTERS: tuple[Letter, ...] = ("R", "A", "C", "I")
PAIRED_LETTERS = frozenset({"A", "R"})
"""The one pair of letters an actor may hold on one item: the owner who also
does the work, written "A/R" in most RACI charts (docs/model-format.md, format revision 2)."""
CELL_ORDER: tuple[Letter, ...] = ("A", "R", "C", "I")
"""The order letters are written in, in a cell and in a `raci` block: the owner first."""
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
"""What an id is (docs/model-format.md): letters, digits and ``_ . : -``, starting with a
letter or digit."""
ID_MAX_LENGTH = 100


def is_valid_id(text: str) -> bool:
    return len(text) <= ID_MAX_LENGTH and ID_PATTERN.fullmatch(text) is not None


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
NOT_RECORDED_FACTS = (
    "chairs",
    "holders",
    "responsibles",
    "success_criteria",
    "indicators",
    "goals",
    "cadence",
)
"""The facts a source may not record (docs/lint.md, `org.not_recorded`)."""
FACT_KINDS = {"chairs": "body", "holders": "role", "responsibles": "initiative",
              "success_criteria": "initiative", "indicators": "goal", "goals": "initiative",
              "cadence": "body"}
"""The kind of entity each fact is recorded on: a body's chair, a goal's indicators."""
KPI_TYPES = ("leading", "lagging")


@dataclass(slots=True)
class Org:
    name: str
    description: str | None = None
    as_of: dt.date | None = None
    not_recorded: list[str] = field(default_factory=list)
    """Facts the source does not record (`NOT_RECORDED_FACTS`), in the file's order."""

    def judged_on(self, given: dt.date | None = None) -> dt.date:
        """The day the model is judged on: `given` (``--as-of``), else its
        ``as_of``, else today."""
        return given or self.as_of or dt.date.today()


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
    """Whether the file carries a ``raci`` key, even an empty one (docs/lint.md)."""


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


# The defaults of docs/model-format.md, shared with the lean tuples of `raci.model.lean`.


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_date(text: str) -> dt.date:
    """A date as docs/model-format.md writes it, YYYY-MM-DD; ValueError for anything else
    (Python's own parser also takes ``20261101`` and ``2026-W44-1``)."""
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)")
    return dt.date.fromisoformat(text)


def may_hold_together(letters: Iterable[str]) -> bool:
    """Whether one actor may hold these letters on one item: one letter, or A with R."""
    held = set(letters)
    return len(held) <= 1 or held == PAIRED_LETTERS


def cell_text(letters: Iterable[str]) -> str:
    """An actor's letters on one item as a RACI chart writes them: ``R``, ``A/R``."""
    held = set(letters)
    return "/".join(letter for letter in CELL_ORDER if letter in held)


_CELL_SEPARATORS = re.compile(r"[\s/,;+&]+")


def parse_cell(text: str) -> tuple[Letter, ...]:
    """The letters a matrix cell holds, in `CELL_ORDER`: ``r``, `` A ``, ``A/R``,
    ``R/A``, ``AR``, ``R,A``; empty for a blank cell. ValueError, with the
    reason in the user's words, for anything else."""
    compact = _CELL_SEPARATORS.sub("", text).upper()
    if not compact:
        return ()
    if any(character not in "RACI" for character in compact):
        raise ValueError(_("not a RACI letter; write R, A, C or I, or A/R for the owner who "
                           "also does the work"))
    letters = set(compact)
    if not may_hold_together(letters):
        raise ValueError(_why_not_together(letters))
    if len(letters) != len(compact):
        raise ValueError(_("a letter is written twice; write each letter once"))
    return tuple(letter for letter in CELL_ORDER if letter in letters)


def _why_not_together(letters: set[str]) -> str:
    if letters == {"C", "I"}:
        return _("one actor holds one letter per item (A with R is the only pair); "
                 "Consulted already implies Informed")
    if letters & PAIRED_LETTERS and letters & {"C", "I"}:
        return _("one actor holds one letter per item (A with R is the only pair); "
                 "a Responsible or Accountable is already consulted and informed")
    return _("one actor holds one letter per item (A with R is the only pair)")


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
