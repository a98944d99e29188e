"""The RACI matrix: items as rows, actors as columns, one letter per cell (or A/R).

A scope narrows it to one part of the organisation:

- a **unit**: the roles and people in that unit or any unit below it (a
  role's unit is its `unit`, else its first holder's), as columns, and the
  items they hold a letter on, as rows;
- a **body**: the body itself, its chair and its members, as columns, and
  the items they hold a letter on;
- a **goal**: the goal and every goal below it, the initiatives contributing
  to any of them, the decisions about those goals or initiatives and the
  indicators measuring them, as rows, and every actor with a letter on them.

Rows are in the goal tree's order (`goal_areas`): a goal, what is about it,
its initiatives each with what is about them, then the goals below it; what
serves no goal last. Columns are roles, bodies, then people with at least
one letter in the rows.

A matrix is built from a whole `Model` (the app, the workbook, the report) or
from the `LeanModel` that `raci matrix` reads from a database without
SQLAlchemy (as `raci lint` does); both give the same matrix.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from typing import Any, Generic, TypeVar, cast, overload

from rich.cells import cell_len, set_cell_size

from raci.errors import UsageError
from raci.i18n import _, said_again
from raci.model import Entity, Goal, Model, Unit
from raci.model.checks import kinds_phrase
from raci.model.entities import CELL_ORDER, Item, cell_text
from raci.model.lean import NO_ASSIGNMENTS, LeanEntity, LeanGoal, LeanModel, LeanUnit
from raci.text import MARKDOWN_SPECIALS
from raci.vocabulary import KIND_NAMES, LETTER_WORDS

TABLE_ACTOR_WIDTH = 12
TABLE_ITEM_WIDTH = 36
BREAKS = re.compile(r"[^-/]+[-/]*|[-/]+")
"""A word's parts, each ending at its hyphens or slashes: where a name may
break (`name_pieces`)."""
UNBREAKABLE = re.compile(r"[^\s/-]+")
"""A run of characters that a name never breaks inside."""
CONTROL_AS_SPACE = dict.fromkeys([*range(0x20), 0x7F, 0x85, 0x2028, 0x2029], " ")
BOLD, BOLD_RED, RESET = "\x1b[1m", "\x1b[1;31m", "\x1b[0m"
"""What a terminal shows bold, bold red, and plain again (as rich writes them)."""

MatrixModel = Model | LeanModel
"""What a matrix is built from: a whole model, or a lean one."""
MatrixEntity = Entity | LeanEntity
"""A row or column of a matrix: it has an id and a name."""
E = TypeVar("E", bound=MatrixEntity)
"""A matrix's rows and columns: the entities of a whole model, or the lean tuples."""
T = TypeVar("T")
NONE_FILLED: list[tuple[int, str]] = []
"""A row without letters (`Matrix.row_cells`): one list shared, never changed."""


class _Held:
    """Who holds which letters on which items, in a whole or a lean model."""

    def __init__(self, model: MatrixModel) -> None:
        self._whole = model if isinstance(model, Model) else None
        self._lean = model.assignments if isinstance(model, LeanModel) else None

    def cells(self, rows: Iterable[str], actors: Container[str]) -> dict[tuple[str, str], str]:
        """(item, actor) -> its letters (``A/R``), for the `rows` and `actors`."""
        if self._whole is None:
            return self._lean_cells(set(rows), actors)
        cells: dict[tuple[str, str], str] = {}
        for item in rows:
            for held in self._whole.assignments_of_item(item):
                if held.actor in actors:
                    key = (item, held.actor)
                    before = cells.get(key)
                    cells[key] = (held.letter if before is None
                                  else cell_text((before, held.letter)))
        return cells

    def _lean_cells(self, rows: set[str], actors: Container[str]) -> dict[tuple[str, str], str]:
        """One pass over each letter's columns, in `CELL_ORDER`: a second
        letter of a cell comes after the first, as `cell_text` writes it."""
        assert self._lean is not None
        cells: dict[tuple[str, str], str] = {}
        for letter in CELL_ORDER:
            columns = self._lean.get(letter, NO_ASSIGNMENTS)
            for key in zip(columns.items, columns.actors, strict=True):
                if key[0] in rows and key[1] in actors:
                    before = cells.get(key)
                    cells[key] = letter if before is None else f"{before}/{letter}"
        return cells

    def items(self) -> set[str]:
        """The items where anyone holds a letter."""
        if self._whole is not None:
            return {a.item for a in self._whole.assignments}
        assert self._lean is not None
        return set(chain.from_iterable(columns.items for columns in self._lean.values()))

    def items_of(self, actors: Container[str]) -> set[str]:
        """The items where any of `actors` holds a letter."""
        if self._whole is not None:
            return {a.item for a in self._whole.assignments if a.actor in actors}
        assert self._lean is not None
        return {item for columns in self._lean.values()
                for item, actor in zip(columns.items, columns.actors, strict=True)
                if actor in actors}


@dataclass
class Matrix(Generic[E]):
    rows: list[E]
    """Items: goals, initiatives, decisions and indicators."""
    columns: list[E]
    """Actors: roles, bodies and people."""
    cells: dict[tuple[str, str], str]
    """(item id, actor id) -> the letter, or ``A/R``."""
    kinds: dict[str, str]
    """Each row's kind (``goal``, ``kpi``): what a CSV file says, whatever the language."""

    def kind_word(self, item_id: str) -> str:
        """A row's kind in the user's words ("doel"), for people to read."""
        return KIND_NAMES[self.kinds[item_id]]

    def kind_words(self) -> dict[str, str]:
        """Each kind of row -> `kind_word`: a translation looked up once per
        kind rather than once per row, for output of many rows."""
        return {kind: KIND_NAMES[kind] for kind in set(self.kinds.values())}

    def letter(self, item_id: str, actor_id: str) -> str:
        return self.cells.get((item_id, actor_id), "")

    def rows_with_letters(self) -> Iterator[tuple[E, list[str]]]:
        """Each row with its letters in column order ("" for none)."""
        for row, filled in self.row_cells():
            letters = [""] * len(self.columns)
            for index, mark in filled:
                letters[index] = mark
            yield row, letters

    def row_cells(self, columns: Sequence[E] | None = None,
                  ) -> Iterator[tuple[E, list[tuple[int, str]]]]:
        """Each row with its filled cells only, as (column position, letters)
        in column order, among `columns` (default: all of them): what a row
        costs grows with its letters, not with the actors. One pass over the
        cells rather than a look-up per cell."""
        position = {actor.id: index
                    for index, actor in enumerate(self.columns if columns is None else columns)}
        by_row: dict[str, list[tuple[int, str]]] = {}
        for (item, actor), letter in self.cells.items():
            index = position.get(actor)
            if index is not None:
                filled = by_row.get(item)
                if filled is None:
                    by_row[item] = [(index, letter)]
                else:
                    filled.append((index, letter))
        for row in self.rows:
            filled = by_row.get(row.id, NONE_FILLED)
            if len(filled) > 1:
                filled.sort()
            yield row, filled

    def letter_counts(self) -> Counter[str]:
        """How many letters each actor holds in the rows."""
        return Counter(map(itemgetter(1), self.cells))

    def with_columns(self, kept: Iterable[E]) -> Matrix[E]:
        """The same rows with only the `kept` actors, in column order."""
        kept_ids = {actor.id for actor in kept}
        columns = [actor for actor in self.columns if actor.id in kept_ids]
        cells = {key: letter for key, letter in self.cells.items() if key[1] in kept_ids}
        return Matrix(self.rows, columns, cells, self.kinds)


@overload
def build_matrix(model: Model, scope: str | None = None) -> Matrix[Entity]: ...
@overload
def build_matrix(model: LeanModel, scope: str | None = None) -> Matrix[LeanEntity]: ...
def build_matrix(model: MatrixModel, scope: str | None = None) -> Matrix[Any]:
    """The matrix of the whole model, or of a unit, body or goal subtree."""
    held = _Held(model)
    if scope is None:
        return _matrix(model, _all_rows(model, held), None, held=held)
    from raci.export.graph import require_id  # and the lint findings it draws: only here

    require_id(model, scope, "--scope")
    kind = model.kind(scope)
    if kind == "goal":
        return _matrix(model, goal_areas(model, held, scope)[scope], None, held=held)
    if kind == "unit":
        return _matrix_of_actors(model, actors_in_unit(model, scope), held)
    if kind == "body":
        return _matrix_of_actors(model, actors_in_body(model, scope), held)
    raise UsageError(_("--scope {scope}: this is {kind}; give a unit, a body or a goal").format(
        scope=scope, kind=said_again(kinds_phrase([kind or ""]))))


def in_reading_order(model: Model) -> list[Item]:
    """Every item once, in the goal tree's order: the matrix's rows, the
    report's and the `raci` view's chart's, so that each keeps a sheet's
    sections (a goal followed by its items)."""
    return cast(list[Item], _all_rows(model, _Held(model)))


def _all_rows(model: MatrixModel, held: _Held) -> list[MatrixEntity]:
    """Every item of the matrix once, in reading order: each goal area's
    (`goal_areas`), then those of none."""
    rows: dict[str, MatrixEntity] = {}
    for area in goal_areas(model, held).values():
        for item in area:
            rows.setdefault(item.id, item)
    return list(rows.values())


def goal_areas(model: MatrixModel, held: _Held,
               top: str | None = None) -> dict[str | None, list[MatrixEntity]]:
    """Each top-level goal's area, its items in the goal tree's order: the
    goal, the decisions about it and the indicators measuring it, then the
    initiatives serving it, each followed by its own decisions and
    indicators, then the goals below it, the same way. Within an area an
    item stands where the walk first reaches it; an initiative serving goals
    of two areas is in both, with its decisions and indicators. Under None,
    what no area holds: initiatives (each with its decisions and
    indicators), decisions, indicators. With `top`, only that goal's area,
    as though it were a top-level goal. Indicators are those with a `raci`
    block or a letter on them."""
    assigned = held.items()
    kpis = [kpi for kpi in model.kpis.values() if kpi.has_raci or kpi.id in assigned]
    # A goal or an initiative -> the decisions about it, then the indicators measuring it.
    about: dict[str, list[MatrixEntity]] = defaultdict(list)
    for decision in model.decisions.values():
        for subject in dict.fromkeys(decision.about):
            about[subject].append(decision)
    for kpi in kpis:
        about[kpi.measures].append(kpi)
    serving: dict[str, list[MatrixEntity]] = defaultdict(list)
    for initiative in model.initiatives.values():
        for served in dict.fromkeys(initiative.goals):
            serving[served].append(initiative)
    children = _children(model.goals.values())
    areas: dict[str | None, list[MatrixEntity]] = {}
    walked: set[str] = set()
    # Every goal may start an area: those in a cycle (which validation refuses) too.
    tops = [top] if top else [*(goal.id for goal in model.goals.values()
                                if goal.parent not in model.goals), *model.goals]
    for start in (goal for goal in tops if goal not in walked):
        goals = _walk(start, children, walked)
        rows: dict[str, MatrixEntity] = {}
        for item in chain.from_iterable((model.goals[goal], *serving.get(goal, ()))
                                        for goal in goals):
            _place(rows, item, about)
        areas[start] = list(rows.values())
    if top is None:
        placed = {item.id for area in areas.values() for item in area}
        rest: dict[str, MatrixEntity] = {}
        for item in chain(model.initiatives.values(), model.decisions.values(), kpis):
            _place(rest, item, about, placed)
        areas[None] = list(rest.values())
    return areas


def _place(rows: dict[str, MatrixEntity], item: MatrixEntity,
           about: Mapping[str, list[MatrixEntity]], elsewhere: Container[str] = ()) -> None:
    """`item` next in `rows`, then what is `about` it: each unless placed
    before, in `rows` or `elsewhere`."""
    if item.id in rows or item.id in elsewhere:
        return
    rows[item.id] = item
    for other in about.get(item.id, ()):
        if other.id not in elsewhere:
            rows.setdefault(other.id, other)


def _walk(top: str, children: Mapping[str, list[str]], walked: set[str]) -> list[str]:
    """`top` and the goals below it, depth first, each level in model order,
    but those `walked` before (iterative: a broken tree cannot loop); adds
    them to `walked`."""
    found, stack = [], [top]
    while stack:
        goal = stack.pop()
        if goal not in walked:
            walked.add(goal)
            found.append(goal)
            stack += reversed(children.get(goal, []))
    return found


def _matrix_of_actors(model: MatrixModel, actors: set[str], held: _Held) -> Matrix[Any]:
    items = held.items_of(actors)
    rows = [item for item in _all_rows(model, held) if item.id in items]
    return _matrix(model, rows, actors, held=held)


def actor_order(model: MatrixModel) -> dict[str, int]:
    """Column order: roles, bodies, then people, each in model order."""
    actors = (e for kind in ("role", "body", "person") for e in model.collection(kind).values())
    return {actor.id: position for position, actor in enumerate(actors)}


def _matrix(model: MatrixModel, rows: Sequence[MatrixEntity], actors: set[str] | None,
            order: dict[str, int] | None = None, held: _Held | None = None) -> Matrix[Any]:
    """Rows as given; columns: the actors (all, or those given) with a letter in them."""
    order = actor_order(model) if order is None else order
    held = _Held(model) if held is None else held
    kept = order if actors is None else {actor for actor in actors if actor in order}
    cells = held.cells((row.id for row in rows), kept)
    with_letters = sorted(set(map(itemgetter(1), cells)), key=order.__getitem__)
    columns: list[MatrixEntity] = [entity for actor in with_letters
                                   if (entity := model.get(actor)) is not None]
    kinds = {row.id: model.kind(row.id) or "goal" for row in rows}
    return Matrix(list(rows), columns, cells, kinds)


@dataclass
class GoalArea:
    goal: str | None
    """The top-level goal; None for the items outside every goal area."""
    name: str
    matrix: Matrix[Entity]


def goal_area_matrices(model: Model) -> list[GoalArea]:
    """A matrix per top-level goal's area (`goal_areas`), then one for the
    items in no area."""
    order = actor_order(model)
    return [GoalArea(goal, model.goals[goal].name if goal else _("Outside every goal area"),
                     _matrix(model, rows, None, order))
            for goal, rows in goal_areas(model, _Held(model)).items() if goal or rows]


def goals_of_items(model: Model) -> dict[str, list[str]]:
    """Each goal, initiative, decision and indicator -> the goals it belongs to: a
    goal itself, an initiative the goals it serves, a decision those of what it
    is about, an indicator those of what it measures (none: outside every goal)."""
    goals_of: dict[str, list[str]] = {goal: [goal] for goal in model.goals}
    for initiative in model.initiatives.values():
        goals_of[initiative.id] = [g for g in initiative.goals if g in model.goals]
    for decision in model.decisions.values():
        goals_of[decision.id] = list(dict.fromkeys(
            goal for about in decision.about for goal in goals_of.get(about, [])))
    for kpi in model.kpis.values():
        goals_of[kpi.id] = goals_of.get(kpi.measures, [])
    return goals_of


def actors_in_unit(model: MatrixModel, unit_id: str) -> set[str]:
    """Roles and people in the unit or any unit below it."""
    from raci.analysis import Analysis  # only a unit's matrix needs it

    units = _subtree(unit_id, _children(model.units.values()))
    # The analysis knows a role's unit (its own, else its first holder's); the
    # date it wants does not matter here.
    analysis = (Analysis(model, model.org.judged_on()) if isinstance(model, LeanModel)
                else Analysis.of_model(model))
    return {actor for actor in (*model.people, *model.roles) if analysis.unit_of(actor) in units}


def actors_in_body(model: MatrixModel, body_id: str) -> set[str]:
    """The body itself, its chair and its members."""
    body = model.bodies[body_id]
    return {body_id, *body.members, *([body.chair] if body.chair else [])}


def _subtree(top: str, children: Mapping[str, list[str]]) -> set[str]:
    """`top` and everything below it (iterative; a broken tree cannot loop)."""
    found, stack = {top}, [top]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _children(tree: Iterable[Unit | Goal | LeanUnit | LeanGoal]) -> dict[str, list[str]]:
    """Parent -> its children, of units or of goals."""
    children: dict[str, list[str]] = defaultdict(list)
    for node in tree:
        if node.parent is not None:
            children[node.parent].append(node.id)
    return children


def matrix_csv(matrix: Matrix) -> str:
    """One row per item: id, name, kind, then one column per actor id."""
    return "".join(matrix_csv_lines(matrix))


def matrix_csv_lines(matrix: Matrix) -> Iterator[str]:
    """`matrix_csv` a line at a time, each built from the row's filled cells."""
    csv_line = CsvLine()
    yield csv_line(["id", "name", "kind", *(actor.id for actor in matrix.columns)])
    count = len(matrix.columns)
    for row, filled in matrix.row_cells():
        head = csv_line([row.id, row.name, matrix.kinds[row.id]]).removesuffix("\n")
        # Letters never need quoting, so the blanks are plain commas.
        yield "".join([head, *_cells(filled, count, ","), "\n"])


class CsvLine:
    """Fields as one line of CSV (the `csv` module's quoting), one writer for
    every line of a file."""

    def __init__(self) -> None:
        self._out = io.StringIO()
        self._writer = csv.writer(self._out, lineterminator="\n")

    def __call__(self, fields: Iterable[str]) -> str:
        self._out.seek(0)
        self._out.truncate()
        self._writer.writerow(fields)
        return self._out.getvalue()


def _cells(filled: list[tuple[int, str]], count: int, separator: str) -> list[str]:
    """The parts of a row of `count` cells, each cell after a `separator`,
    blank but for the `filled` (position, letters) ones: runs of blanks are
    repeated separators, so a row of 17,000 actors costs what its few letters
    cost, and the caller joins the whole line at once."""
    parts: list[str] = []
    done = 0
    for index, letters in filled:
        parts += (separator * (index - done + 1), letters)
        done = index + 1
    parts.append(separator * (count - done))
    return parts


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: specials escaped, line breaks as `<br>`."""
    return "<br>".join(line.translate(MARKDOWN_SPECIALS) for line in text.splitlines())


def matrix_markdown(matrix: Matrix) -> str:
    """A GitHub-flavoured Markdown table."""
    return "".join(matrix_markdown_lines(matrix))


def matrix_markdown_lines(matrix: Matrix) -> Iterator[str]:
    """`matrix_markdown` a line at a time, each built from the row's filled cells."""
    header = [_("Item"), _("Kind"), *(markdown_text(actor.name) for actor in matrix.columns)]
    yield _markdown_row(header) + "\n"
    yield _markdown_row(["---"] * len(header)) + "\n"
    count = len(matrix.columns)
    words = matrix.kind_words()
    for row, filled in matrix.row_cells():
        yield "".join(["| ", markdown_text(row.name), " | ", words[matrix.kinds[row.id]],
                       *_cells(filled, count, " | "), " |\n"])


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# ---- the table for a terminal -----------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """The matrix laid out for a terminal: its lines (made as they are read)
    and how many actors were left out to fit the width."""

    lines: Iterator[str]
    columns: list[MatrixEntity]
    """The actors shown."""
    left_out: int
    unowned: int = 0
    """Items whose Accountable is among the actors left out: more hold A than fit."""


def matrix_table(matrix: Matrix, width: int, *, colour: bool = False) -> Table:
    """A table that fits `width` columns, laid out a row at a time.

    When not every actor fits, those Accountable or Responsible for a row are
    shown first, then the busiest (in column order): whoever answers for an
    item must not be the one left out, and a column of blanks tells a
    reviewer nothing. Each actor's column is as
    wide as its name, at most `TABLE_ACTOR_WIDTH`, the name broken over the
    header's lines at spaces and hyphens; an item's name is cut with an ellipsis. With `colour`,
    the header is bold and the Accountable's cells bold red.
    """
    cap = min(TABLE_ITEM_WIDTH, width // 3)
    item_width = max(_widest((_one_line(row.name) for row in matrix.rows), cap), 4)
    budget = width - item_width - 2
    tally = Tally.of(matrix)
    widths: dict[str, int] = {}
    for actor in tally.owners_first(matrix.columns):
        if budget < 4:  # not even a column of one letter fits any more
            break
        if _narrowest(actor.name) + 3 > budget:
            continue
        name = max(map(cell_len, wrapped_name(actor.name, TABLE_ACTOR_WIDTH)))
        column = max(name, tally.widest.get(actor.id, 1))
        if column + 3 <= budget:  # with its padding and the gap before it
            budget -= column + 3
            widths[actor.id] = column
    shown = [actor for actor in matrix.columns if actor.id in widths]
    lines = _table_lines(matrix, shown, item_width, [widths[a.id] for a in shown], colour)
    unowned = {item for actor, items in tally.owned.items() if actor not in widths
               for item in items}
    return Table(lines, shown, len(matrix.columns) - len(shown), len(unowned))


@dataclass
class Tally:
    """What a table weighs the actors by, found in one pass over the cells."""

    counts: Counter[str]
    """How many letters each actor holds."""
    owned: dict[str, list[str]]
    """Each actor Accountable for an item -> those items."""
    responsible: set[str]
    """The actors Responsible for an item."""
    widest: dict[str, int]
    """Each actor holding several letters on an item -> its widest such cell."""

    @classmethod
    def of(cls, matrix: Matrix) -> Tally:
        owned: dict[str, list[str]] = defaultdict(list)
        responsible: set[str] = set()
        widest: dict[str, int] = {}
        for (item, actor), letters in matrix.cells.items():
            if letters == "A":
                owned[actor].append(item)
            elif letters == "R":
                responsible.add(actor)
            elif len(letters) > 1:
                widest[actor] = max(widest.get(actor, 0), len(letters))
                if "A" in letters:
                    owned[actor].append(item)
                if "R" in letters:
                    responsible.add(actor)
        return cls(matrix.letter_counts(), owned, responsible, widest)

    def owners_first(self, actors: Iterable[E]) -> list[E]:
        """The `actors` in the order a narrow table keeps them: those
        Accountable for a row, then those Responsible, then the rest; the
        busiest first in each."""
        return sorted(actors, key=lambda actor: (
            0 if actor.id in self.owned else 1 if actor.id in self.responsible else 2,
            -self.counts[actor.id]))


def owners_first(matrix: Matrix[E]) -> list[E]:
    """`Tally.owners_first` of the matrix's columns."""
    return Tally.of(matrix).owners_first(matrix.columns)


def _narrowest(name: str) -> int:
    """At least how many terminal columns `name` takes as a header, found
    without wrapping it: its longest run of letters between spaces,
    hyphens and slashes (at most `TABLE_ACTOR_WIDTH`); 1 for a name not in printable
    ASCII, whose characters may take two columns, or none."""
    if not (name.isascii() and name.isprintable()):
        return 1
    return min(max(map(len, UNBREAKABLE.findall(name)), default=1), TABLE_ACTOR_WIDTH)


def _widest(texts: Iterable[str], cap: int) -> int:
    """The most terminal columns any of `texts` takes, or `cap` when one takes
    that many (read no further)."""
    widest = 0
    for text in texts:
        widest = max(widest, cell_len(text))
        if widest >= cap:
            return cap
    return widest


def _table_lines(matrix: Matrix, columns: list[MatrixEntity], item_width: int,
                 widths: list[int], colour: bool) -> Iterator[str]:
    """The table of the `columns` shown, each as wide as its `widths`."""
    bold, owner, plain = (BOLD, BOLD_RED, RESET) if colour else ("", "", "")
    names = [wrapped_name(actor.name, width) for actor, width in zip(columns, widths,
                                                                  strict=True)]
    height = max(map(len, names), default=1)
    for line in range(height):
        cells = [_cell(name[line - height + len(name)] if line >= height - len(name) else "",
                       width) for name, width in zip(names, widths, strict=True)]
        item = _("Item") if line == height - 1 else ""
        yield f"{bold}{_row_text(item, item_width, cells).rstrip()}{plain}\n"
    # Columns are padded on both sides, but not at the table's edges.
    yield "─" * (item_width + sum(width + 3 for width in widths)) + "\n"
    blanks = [" " * width for width in widths]
    for row, filled in matrix.row_cells(columns):
        cells = list(blanks)
        for index, letters in filled:
            shown = f"{owner}{letters}{plain}" if "A" in letters and colour else letters
            cells[index] = _cell(letters, widths[index]).replace(letters, shown)
        yield _row_text(_one_line(row.name), item_width, cells).rstrip() + "\n"


def _row_text(item: str, item_width: int, cells: list[str]) -> str:
    if cell_len(item) > item_width:
        item = set_cell_size(item, item_width - 1) + "…"
    return item + " " * (item_width - cell_len(item)) + " " + "".join(
        f"  {cell} " for cell in cells)


def _cell(text: str, width: int) -> str:
    """`text` centred in `width` columns of the terminal."""
    left = (width - cell_len(text)) // 2
    return " " * left + text + " " * (width - cell_len(text) - left)


def wrapped_name(name: str, width: int) -> list[str]:
    """A name over lines of at most `width` terminal columns: its own lines
    kept, each broken at spaces and after hyphens ("Directeur-" / "generaal"),
    a part still too long for one line shortened with an ellipsis
    ("Programmama…"), never cut mid-word onto the next line."""
    lines: list[str] = []
    for part in name.splitlines() or [""]:
        line = ""
        for word in _one_line(part).split():
            for index, piece in enumerate(name_pieces(word)):
                if cell_len(piece) > width:
                    piece = set_cell_size(piece, width - 1) + "…"
                joined = f"{line}{' ' if index == 0 else ''}{piece}" if line else piece
                if cell_len(joined) <= width:
                    line = joined
                else:
                    lines.append(line)
                    line = piece
        lines.append(line)
    return lines


def name_pieces(word: str) -> list[str]:
    """A word of a name in the pieces it may break between: after hyphens and
    slashes ("open-" "telemetry/" "opentelemetry-" "go"), so that a chart, in
    the terminal or in the report, never breaks it mid-word."""
    return BREAKS.findall(word)


def _one_line(text: str) -> str:
    """Text for one line of a terminal: line breaks, tabs and control characters as spaces."""
    # Most names are printable: testing that is much quicker than translating.
    return text if text.isprintable() else text.translate(CONTROL_AS_SPACE)


# ---- the list: each item with the actors holding each letter ------------------------------


def holders(matrix: Matrix[E], labels: Sequence[T]) -> Iterator[tuple[E, dict[str, list[T]]]]:
    """Each row with, for each letter (A, R, C, I), the labels of the actors
    holding it (`labels`: one per column, as the output writes them) in
    column order; one holding A/R is under both. A `defaultdict`: a letter
    nobody holds reads as an empty list, without four lists made for every row."""
    for row, filled in matrix.row_cells():
        held: dict[str, list[T]] = defaultdict(list)
        for index, letters in filled:
            if len(letters) == 1:  # most cells
                held[letters].append(labels[index])
            else:
                for letter in letters[::2]:  # "A/R": every other character
                    held[letter].append(labels[index])
        yield row, held


def list_csv_lines(matrix: Matrix) -> Iterator[str]:
    """One row per item: id, name, kind, then a column per letter holding the
    ids of its actors, separated by spaces (an id has none)."""
    csv_line = CsvLine()
    yield csv_line(["id", "name", "kind", *CELL_ORDER])
    for row, held in holders(matrix, [actor.id for actor in matrix.columns]):
        yield csv_line([row.id, row.name, matrix.kinds[row.id],
                        *(" ".join(held[letter]) for letter in CELL_ORDER)])


def list_markdown_lines(matrix: Matrix) -> Iterator[str]:
    """A Markdown table: item, kind, then a column per letter naming its actors,
    one per line."""
    header = [_("Item"), _("Kind"), *(LETTER_WORDS[letter] for letter in CELL_ORDER)]
    yield _markdown_row(header) + "\n"
    yield _markdown_row(["---"] * len(header)) + "\n"
    names = [markdown_text(actor.name) for actor in matrix.columns]
    words = matrix.kind_words()
    for row, held in holders(matrix, names):
        yield _markdown_row([
            markdown_text(row.name), words[matrix.kinds[row.id]],
            *("<br>".join(held[letter]) for letter in CELL_ORDER)]) + "\n"


def list_text_lines(matrix: Matrix, *, colour: bool = False) -> Iterator[str]:
    """For a terminal: each item's name and kind, then a line for each letter
    held on it, naming the actors; a blank line between items. Each item's
    lines come as one string: one write per item rather than per line."""
    bold, owner, plain = (BOLD, BOLD_RED, RESET) if colour else ("", "", "")
    word_width = max(len(word) for word in LETTER_WORDS.values())
    starts = {letter: f"  {LETTER_WORDS[letter]:<{word_width}}  " for letter in CELL_ORDER}
    starts["A"] += owner
    ends = {letter: "\n" for letter in CELL_ORDER} | {"A": f"{plain if owner else ''}\n"}
    gap = ""
    words = matrix.kind_words()
    for row, held in holders(matrix, [_one_line(actor.name) for actor in matrix.columns]):
        yield "".join([f"{gap}{bold}{_one_line(row.name)}{plain} ({words[matrix.kinds[row.id]]})\n",
                       *(f"{starts[letter]}{', '.join(held[letter])}{ends[letter]}"
                         for letter in CELL_ORDER if held[letter])])
        gap = "\n"
