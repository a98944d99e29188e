"""What a spreadsheet says, as plain data: a RACI matrix or a seat roster.

`raci.formats` reads a workbook or CSV file into these; `raci.model.merge`
matches them with a model and builds the `Change` that brings them in.
Every value keeps the cell it came from (``Matrix!C3``), so that whatever
the merge refuses is named where the user can find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from raci.model.entities import Letter

Layout = Literal["matrix", "roster"]
LAYOUTS: tuple[Layout, ...] = ("matrix", "roster")
"""How a spreadsheet is laid out: a RACI matrix, or a roster of seats."""


@dataclass
class SheetActor:
    """An actor's column: the name in its header, and the id and kind a
    sheet written by `raci export` keeps in its hidden row."""

    name: str
    cell: str
    id: str | None = None
    kind: str | None = None


@dataclass
class SheetGoal:
    """A goal a sheet implies: a sheet of a workbook with several (its
    programme area) or a section heading (a row with a name and no letters)."""

    name: str
    cell: str
    parent: SheetGoal | None = None


@dataclass
class SheetCell:
    actor: SheetActor
    letters: tuple[Letter, ...]
    cell: str


@dataclass
class SheetItem:
    """One row of a matrix: an item and its letters."""

    name: str
    cell: str
    id: str | None = None
    kind: str | None = None
    """goal, initiative, decision or kpi, from the kind column (already read)."""
    kind_cell: str | None = None
    goals: list[str] = field(default_factory=list)
    """What the goal column names (ids or names): a goal's parent, the goals
    an initiative serves, what a decision is about."""
    goal_cell: str | None = None
    description: str | None = None
    under: SheetGoal | None = None
    """The section heading or sheet the row stands under, if any."""
    cells: list[SheetCell] = field(default_factory=list)


@dataclass
class SheetMatrix:
    """Every matrix of a workbook (or CSV file), in reading order."""

    items: list[SheetItem] = field(default_factory=list)
    goals: list[SheetGoal] = field(default_factory=list)
    actors: list[SheetActor] = field(default_factory=list)
    """Every actor's column, of every sheet, letters or not."""
    title: str | None = None
    """The first title row's text, if the first sheet has one."""


@dataclass
class Seat:
    """One row of a roster: a person's seat in a body."""

    body: str
    body_cell: str
    person: str | None = None
    person_cell: str | None = None
    vacant: str | None = None
    """The person cell's word when the seat is vacant (``Vacature``): a role
    with no holder takes the seat."""
    person_id: str | None = None
    unit: str | None = None
    role: str | None = None
    """The person's function, held as a role: the seat is then the role's."""
    functions: list[str] = field(default_factory=list)
    """Several functions in one cell ("Admin, Release Manager"): each a role
    the person holds; the seat is then the person's."""
    chair: bool = False
    body_kind: str | None = None
    tags: list[str] = field(default_factory=list)
    group: int = 0
    """The group of rows the seat is in: in a grouped roster, one body each."""


@dataclass
class SheetRoster:
    seats: list[Seat] = field(default_factory=list)
    grouped: bool = False
    """Whether the list is grouped (a body named once, above its seats)."""
    has_chair_column: bool = False
    title: str | None = None


def quoted(text: str) -> str:
    """A cell's text as messages quote it: ``"C/I"``, with inner quotes doubled
    as a spreadsheet writes them and characters that show nothing escaped
    (``"C\\u200b"``), so the line says what the cell holds."""
    text = text.replace('"', '""')
    if not text.isprintable():  # a zero-width space, a no-break space: shown, escaped
        text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode()
                       for c in text)
    return '"' + text + '"'
