"""Read RACI matrices from spreadsheet sheets: rows are items, the header names actors.

How a sheet is read:

- The **header** is found, not assumed: the first row with RACI letters
  (after its first filled cell) marks the body, and the header is the
  nearest row above it that names at least half of that row's lettered
  columns. Rows above the header are titles; the first one's text is kept.
  A header cell left empty under a merged cell takes the text above it.
- A row of ``raci:`` cells above the header (hidden in the workbooks `raci
  export` writes) gives each column's id, so such a sheet imports exactly;
  in a workbook with such sheets only those are read (not its findings).
- **Columns**: the items' names (naam, taak, activiteit, task, ...), id,
  kind (soort), goal (doel) and description (omschrijving, toelichting) are
  recognised by their header anywhere; with no names header the names are
  in the first other column, unless it holds RACI letters (then in the
  description column left of it, else the sheet is refused); every named
  column after the names is an actor. `--column FIELD=HEADER` says what the
  words do not.
- **Rows**: blank rows are skipped. A row with a name and no letters, id,
  kind or goal is a **section heading**: it becomes a goal that the rows
  under it (up to the next heading) serve. In a workbook with several
  matrix sheets each sheet becomes a goal too (its programme area), above
  its sections.
- **Merged cells** below the header count for every cell they cover, with
  a note naming each range; a header merged over several actors' columns,
  a column chosen for two fields, a letters column chosen (or headed) as
  another field and an actor named twice are refused before any row is read.
- **Cells** are read with `parse_cell`; a bad cell is named
  (``Matrix!C3: "C/I": ...``) and every bad cell is reported at once.
"""

from __future__ import annotations

import collections
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from raci.errors import ModelFileError
from raci.formats.columns import (
    MATRIX_HEADERS,
    PROCESS_HEADERS,
    ColumnChoices,
    holds_letters,
    prefer_tasks,
    recognised,
    refuse_letters_columns,
    used_width,
    written_in_letters,
)
from raci.formats.spreadsheet import Merged, Row, Sheet, column_letter, one_line
from raci.i18n import N_, Said, _, format_count, ngettext
from raci.model.entities import LETTERS, Letter, parse_cell
from raci.model.naming import item_kind_named, name_key
from raci.model.sheets import (
    SheetActor,
    SheetCell,
    SheetGoal,
    SheetItem,
    SheetMatrix,
    quoted,
)

HEADER_SEARCH_ROWS = 30
"""How far down a sheet the header is looked for."""
IDS_MARK = "raci:"
read_cell = functools.lru_cache(maxsize=256)(parse_cell)
"""`parse_cell`, remembered: a sheet holds a handful of different cells many times."""
NUMBER = re.compile(r"[-+]?[0-9][0-9.,]*%?")
"""A cell of a totals row: ``12``, ``3,5``, ``40%``."""
NUMBER_OR_DATE = re.compile(r"[-+]?[0-9][0-9.,:T/-]*%?")
"""A cell that is no name: ``12``, ``2027-03-01``, ``1-3-2027``."""
NO_ROLE = frozenset({"n.v.t.", "n.v.t", "nvt", "nvt.", "n/a", "n.a.", "-", "–", "—"})
"""Cells that say the actor has no role on the item: read as empty."""
FOOTNOTE_MARKS = "*†‡§¹²³⁴⁵⁶⁷⁸⁹⁰"
"""Marks after a cell's letters pointing to a footnote (``A*``, ``R¹``): the
letters are read, the mark told."""
INVISIBLE = str.maketrans({"\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
                           "\ufeff": None, "\u00ad": None, "\u00a0": " ", "\u202f": " ",
                           "\u2007": " "})
"""Characters a cell shows nothing of (zero-width, no-break spaces): a
letters cell is read without them."""
LEGEND_WORDS = frozenset({"legenda", "legend", "verklaring", "racilegenda", "racilegend"})
"""A row holding only one of these starts a legend under the table."""
LETTER_MEANINGS = frozenset({
    "responsible", "accountable", "consulted", "informed", "verantwoordelijk",
    "eindverantwoordelijk", "eindverantwoordelijke", "uitvoerend", "uitvoerende", "uitvoerder",
    "geraadpleegd", "geinformeerd", "raadplegen", "informeren"})
"""The first word of a legend's line after its letter (``R | Responsible - voert uit``)."""
LEGEND_PUNCTUATION = str.maketrans("=:-–()", "      ")
GOAL_SEPARATORS = str.maketrans({"\n": ";"})
MOST_NAMED = 10
"""Merged ranges named in a note before "and N more"."""
MISTYPED_LETTER = 2
"""A bad cell this short and of letters alone (``x``, ``q``) is a letter
mistyped: its cell is named, its column is not told to hold no letters (a
names column holds longer text, a numbers or dates column digits)."""
FIELD_WORDS = {  # a letters column is refused as any of these
    "item": N_("the items' names"),
    "id": N_("the items' ids"),
    "kind": N_("the items' kinds"),
    "goal": N_("the items' goals"),
    "description": N_("the items' descriptions"),
}


@dataclass
class SheetReading:
    """What reading a file found, besides the data: problems refuse the
    import, notices are told."""

    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unread: list[Sheet] = field(default_factory=list)
    """Sheets that hold no matrix (a legend, a roster): the caller tells of them."""


class MergedBelow:
    """The merged ranges of a sheet under its header, and the text each gave
    every cell it covers, to be told in one note."""

    def __init__(self, sheet: Sheet, header_row: int) -> None:
        self.sheet = sheet
        self.starting: dict[int, list[Merged]] = {}
        for merged in sheet.merged:
            if merged.first_row > header_row and (merged.last_row > merged.first_row
                                                  or merged.last_column > merged.first_column):
                self.starting.setdefault(merged.first_row, []).append(merged)
        self.spread: list[str] = []

    def row(self, number: int, cells: list[str]) -> None:
        for merged in self.starting.get(number, ()):
            text = cells[merged.first_column] if merged.first_column < len(cells) else ""
            if text:
                self.spread.append(f"{merged.name()} {quoted(text)}")

    def notice(self) -> list[str]:
        if not self.spread:
            return []
        named = ", ".join(self.spread[:MOST_NAMED])
        if len(self.spread) > MOST_NAMED:
            named += _(" and {count} more").format(count=len(self.spread) - MOST_NAMED)
        return [ngettext(
            "{sheet}: merged cell read as its value in each cell it covers: {ranges}; "
            "unmerge it if that is not meant",
            "{sheet}: merged cells read as their value in each cell they cover: {ranges}; "
            "unmerge them if that is not meant", len(self.spread)).format(
            sheet=self.sheet.label, ranges=named)]


class ProcessDown:
    """The process column read down, as a reader reads it: an empty cell under
    a filled one takes its value (as a merged cell does), told in one note;
    a row with only a process is a heading over the rows under it."""

    def __init__(self, sheet: Sheet, column: int | None, header: str) -> None:
        self.sheet, self.column, self.header = sheet, column, header
        self.goals: list[str] = []
        self.cell: str | None = None
        self.under_heading = False
        self.filled: list[str] = []

    def is_heading(self, item: SheetItem, had_cells: bool) -> bool:
        """A row with a process and no name, letters, id or kind."""
        return self.column is not None and bool(item.goals) and not item.name \
            and not had_cells and not item.id and item.kind_cell is None

    def row(self, item: SheetItem, number: int, had_cells: bool) -> None:
        if self.column is None:
            return
        if item.goals:
            self.goals, self.cell = item.goals, item.goal_cell
            self.under_heading = self.is_heading(item, had_cells)
        elif item.name and had_cells and self.goals:
            item.goals, item.goal_cell = list(self.goals), self.cell
            if not self.under_heading:
                self.filled.append(f"{column_letter(self.column)}{number}")

    def notice(self) -> list[str]:
        if not self.filled:
            return []
        return [ngettext(
            "{sheet}: empty {header} cell {cells} read as the one above it; fill it in if "
            "that is not meant",
            "{sheet}: empty {header} cells {cells} read as the ones above them; fill them in "
            "if that is not meant", len(self.filled)).format(
            sheet=self.sheet.label, header=quoted(self.header), cells=", ".join(self.filled))]


def hidden_notices(sheet: Sheet, rows: list[int], read: set[int],
                   names: list[str]) -> list[str]:
    """Hidden rows and columns are data: read, and named so nothing hidden
    comes in unseen. `rows` are the hidden rows read, `read` the columns
    read, `names` each column's header."""
    notices = []
    if rows:
        notices.append(ngettext(
            "{sheet}: hidden row {rows} read as any other; delete it from the sheet if "
            "it is not meant",
            "{sheet}: hidden rows {rows} read as any other; delete them from the sheet if "
            "they are not meant", len(rows)).format(
            sheet=sheet.label, rows=", ".join(map(str, rows))))
    columns = [f"{column_letter(c)} {quoted(names[c] if c < len(names) else '')}"
               for c in sheet.hidden_columns if c in read]
    if columns:
        notices.append(ngettext(
            "{sheet}: hidden column {columns} read as any other; leave it out with "
            "--column ignore=HEADER if it is not meant",
            "{sheet}: hidden columns {columns} read as any other; leave one out with "
            "--column ignore=HEADER if it is not meant", len(columns)).format(
            sheet=sheet.label, columns=", ".join(columns)))
    return notices


def peek(sheet: Sheet, count: int = HEADER_SEARCH_ROWS) -> list[Row]:
    """The sheet's first rows; the sheet still reads from its first row."""
    head = list(itertools.islice(sheet.rows, count))
    sheet.rows = itertools.chain(head, sheet.rows)
    return head


def has_letters(cells: list[str]) -> bool:
    """Whether a row holds a RACI cell after its first filled cell (its name)."""
    filled = [text for text in cells if text]
    return any(_letters_or_none(text) for text in filled[1:])


class RowsAhead:
    """A sheet's rows, read once, with a look at all those still to come: a
    totals row ends the table only if no letters follow it."""

    def __init__(self, rows: Iterator[Row]) -> None:
        self._rows = rows
        self._ahead: collections.deque[Row] = collections.deque()

    def __iter__(self) -> Iterator[Row]:
        while True:
            row = self._ahead.popleft() if self._ahead else next(self._rows, None)
            if row is None:
                return
            yield row

    def ahead(self) -> collections.deque[Row]:
        """The rows not read yet, kept to be read after the look."""
        self._ahead.extend(self._rows)
        return self._ahead


def _letters_or_none(text: str) -> tuple[Letter, ...] | None:
    try:
        return read_cell(text)
    except ValueError:
        return None


def is_legend(cells: list[str]) -> bool:
    """Whether a row is a legend's: ``Legenda`` alone, or a letter and its
    meaning (``R`` | ``Responsible - voert uit``, ``A = Accountable``)."""
    words = " ".join(text for text in cells if text).translate(LEGEND_PUNCTUATION).split()
    if len(words) == 1:
        return name_key(words[0]) in LEGEND_WORDS
    return len(words) > 1 and words[0].upper() in LETTERS and \
        name_key(words[1]) in LETTER_MEANINGS


def find_header(head: list[Row]) -> int | None:
    """The header's index in `head`, or None: no matrix here.
    Under a ``raci:`` row the header is the next row, letters or not."""
    marked = next((i for i, (_number, cells) in enumerate(head) if _is_ids_row(cells)), None)
    if marked is not None and marked + 1 < len(head):
        return marked + 1
    for index, (_number, cells) in enumerate(head):
        if index == 0 or not has_letters(cells):
            continue
        lettered = [c for c, text in enumerate(cells) if text and _letters_or_none(text)]
        for above in range(index - 1, -1, -1):
            names = head[above][1]
            named = sum(1 for c in lettered if c < len(names) and names[c])
            if named * 2 >= len(lettered) and sum(1 for t in names if t) > 1 \
                    and not _is_ids_row(names):
                return above
        return None
    return None


def _is_ids_row(cells: list[str]) -> bool:
    filled = [text for text in cells if text]
    return bool(filled) and all(text.startswith(IDS_MARK) for text in filled)


@dataclass
class _Columns:
    """What each column of one sheet holds."""

    fields: dict[int, str]
    item: int
    actors: dict[int, SheetActor]
    names: list[str]
    """Each column's header."""


def read_matrices(sheets: list[Sheet], choices: ColumnChoices,
                  advance: Callable[[Sheet], Callable[[], None]]) -> tuple[SheetMatrix,
                                                                           SheetReading]:
    """Every matrix in the sheets. A workbook that `raci export` wrote is read
    by its marked sheets only (its findings sheet is no matrix)."""
    reading = SheetReading()
    parts: list[tuple[Sheet, _SheetMatrixReader]] = []
    unread: list[Sheet] = []
    for sheet in sheets:
        head = peek(sheet)
        found = find_header(head)
        if found is None:
            unread.append(sheet)
            continue
        reader = _SheetMatrixReader(sheet, head, found, choices)
        reader.read(advance(sheet))
        parts.append((sheet, reader))
    if any(reader.marked for _sheet, reader in parts):
        unread.extend(sheet for sheet, reader in parts if not reader.marked)
        parts = [(s, r) for s, r in parts if r.marked]
    else:
        reading.unread = unread
    return _combine([r for _sheet, r in parts], reading)


def _combine(readers: list[_SheetMatrixReader], reading: SheetReading) -> tuple[SheetMatrix,
                                                                                SheetReading]:
    matrix = SheetMatrix()
    several = len(readers) > 1 and not any(r.marked for r in readers)
    for reader in readers:
        if not several:
            reader.drop_area()
        matrix.goals.extend(reader.goals)
        matrix.actors.extend(reader.columns.actors.values())
        matrix.items.extend(reader.items)
        reading.problems.extend(reader.problems)
        reading.notices.extend(reader.notices)
        if matrix.title is None:
            matrix.title = reader.title
    return matrix, reading


class _SheetMatrixReader:
    def __init__(self, sheet: Sheet, head: list[Row], header_index: int,
                 choices: ColumnChoices) -> None:
        self.sheet = sheet
        above = head[:header_index]
        self.marked = any(_is_ids_row(cells) for _number, cells in above)
        titles = [cells for _number, cells in above if not _is_ids_row(cells) and any(cells)]
        self.title = next((t for t in titles[0] if t), None) if titles else None
        self.header_row, header = head[header_index]
        self.problems: list[str] = []
        self.notices: list[str] = []
        self.area = SheetGoal(sheet.name, sheet.cell(1, 0))
        self.goals: list[SheetGoal] = [self.area]
        self.items: list[SheetItem] = []
        body = list(itertools.takewhile(lambda cells: not is_legend(cells),
                                        (cells for _number, cells in head[header_index + 1:])))
        self.columns = self._columns(self._names(header, above), above, body, choices)
        self.lettered: dict[int, int] = dict.fromkeys(self.columns.actors, 0)
        """Cells written in letters, well or badly (``A``, ``R/C``, ``x``)."""
        self.bad: dict[int, int] = dict.fromkeys(self.columns.actors, 0)
        self.words: dict[int, int] = dict.fromkeys(self.columns.actors, 0)
        """Bad cells of words (not dates or numbers): a names column, perhaps."""
        self.ticks: dict[int, list[tuple[int, str]]] = {}
        """Each column's bad cells of a short mark (``x``): the problem's place
        in `problems` and the mark. A column of nothing else is one problem."""
        self.footnoted: list[str] = []
        """Cells whose letters carry a footnote mark, as ``B3 "A*"``."""
        self.no_role = 0
        """Cells read as empty: n.v.t., -."""
        self.names_key = name_key(self.columns.names[self.columns.item])
        """The header of the items' names, as a row repeating it (a second table) says it."""
        goal = next((c for c, f in self.columns.fields.items() if f == "goal"), None)
        down = goal is not None and name_key(self.columns.names[goal]) in PROCESS_HEADERS
        self.process = ProcessDown(sheet, goal if down else None,
                                   self.columns.names[goal] if goal is not None else "")
        self.unnamed: dict[int, list[int]] = {}
        """The first and the last filled row of each column with no header."""

    # ---- the header -------------------------------------------------------------

    def _names(self, header: list[str], above: list[tuple[int, list[str]]]) -> list[str]:
        """Each column's header; an empty one (under a merged cell) takes the
        nearest text above it."""
        width = max([len(header)] + [len(cells) for _number, cells in above])
        names = self._joined(header, above) + [""] * (width - len(header))
        for column in range(width):
            for _number, cells in reversed(above):
                if names[column] or _is_ids_row(cells):
                    continue
                if column < len(cells) and cells[column]:
                    names[column] = cells[column]
        return [one_line(name) for name in names]

    def _joined(self, header: list[str], above: list[Row]) -> list[str]:
        """Names written over two rows ("Gedeputeerde" above "Klimaat"): when the
        row right above the header has text over every named column, each is
        read joined ("Gedeputeerde Klimaat"), told in a note. A band merged
        across columns in that row is a title (an organisation over its
        actors), and a cell merged down over both rows is one name."""
        number, upper = above[-1] if above else (0, [])
        named = [c for c, text in enumerate(header) if text]
        banded = any(m.first_row <= number <= m.last_row and m.last_column > m.first_column
                     for m in self.sheet.merged)  # an organisation over its actors
        if number != self.header_row - 1 or len(named) < 2 or _is_ids_row(upper) or banded \
                or not all(c < len(upper) and upper[c] for c in named):
            return header
        joined = [f"{upper[c]} {text}" if text and text != upper[c] else text
                  for c, text in enumerate(header)]
        self.notices.append(_(
            "{sheet}: the header is written over rows {upper} and {row}; each name read as "
            "its two lines joined ({example}); write each name in one cell if that is not "
            "meant").format(sheet=self.sheet.label, upper=number, row=self.header_row,
                            example=", ".join(quoted(one_line(joined[c])) for c in named[:3])
                            + (", ..." if len(named) > 3 else "")))
        return joined

    def _columns(self, names: list[str], above: list[Row], body: list[list[str]],
                 choices: ColumnChoices) -> _Columns:
        width = max(len(names), used_width(body))
        names += [""] * (width - len(names))
        choices.check(self.sheet, self.header_row, names, width)
        chosen = choices.columns(names, width)
        fields = recognised(names, MATRIX_HEADERS, by_word=False, taken=chosen)
        prefer_tasks(names, fields, chosen)
        ids = next((cells for _number, cells in above if _is_ids_row(cells)), [])
        item = self._item_column(names, fields, chosen, body)
        refuse_letters_columns(self.sheet, self.header_row, names, fields, body, FIELD_WORDS)
        self._refuse_second_names(names, fields, item)
        actors: dict[int, SheetActor] = {}
        for column in range(item + 1, len(names)):
            if column in fields or not names[column]:
                continue
            kind, _colon, actor_id = _id_cell(ids, column).partition(":")
            actors[column] = SheetActor(names[column], self.sheet.cell(self.header_row, column),
                                        actor_id or None, kind or None)
        self._check_merged_header(names, actors)
        self._check_left_of_names(names, fields, item, body)
        self._check_unique(actors)
        return _Columns(fields, item, actors, names)

    def _refuse_second_names(self, names: list[str], fields: dict[int, str], item: int) -> None:
        """A column right of the items' names headed as items' names ("Taak"
        twice) starts a second table beside the first: its letters would go on
        the first table's rows."""
        for column in range(item + 1, len(names)):
            if fields.get(column, "ignore") == "ignore" and names[column] \
                    and name_key(names[column]) in MATRIX_HEADERS["item"]:
                raise ModelFileError([_(
                    "{cell}: {header}: a second table starts at column {column}, beside the "
                    "first; put each table on its own sheet (each sheet is read as a "
                    "programme area)").format(
                    cell=self.sheet.cell(self.header_row, column), header=quoted(names[column]),
                    column=column_letter(column))])

    def _check_merged_header(self, names: list[str], actors: dict[int, SheetActor]) -> None:
        """One header merged over several actors' columns names none of them."""
        refused = [_("{range}: the header {name} is merged over {count} columns; unmerge it "
                     "and give each actor's column its own header").format(
            range=self.sheet.range(merged), name=quoted(names[merged.first_column]),
            count=merged.last_column - merged.first_column + 1)
            for merged in self.sheet.merged
            if merged.first_row <= self.header_row <= merged.last_row
            and merged.last_column > merged.first_column
            and any(c in actors for c in range(merged.first_column, merged.last_column + 1))]
        if refused:
            raise ModelFileError(refused)

    def _check_left_of_names(self, names: list[str], fields: dict[int, str], item: int,
                             body: list[list[str]]) -> None:
        """A named column left of the items' names is not read: told, and
        refused when it holds letters (they would be lost)."""
        for column in range(item):
            if column in fields or not names[column]:
                continue
            if holds_letters(body, column):
                self.problems.append(_(
                    "{cell}: {header}: this column holds RACI letters but is left of the "
                    "items' names ({names}); move the names column left of the actors").format(
                    cell=self.sheet.cell(self.header_row, column), header=quoted(names[column]),
                    names=self.sheet.cell(self.header_row, item)))
            else:
                self.notices.append(_(
                    "{cell}: column {header} not read (it is left of the items' names); name "
                    "it with --column FIELD=HEADER").format(
                    cell=self.sheet.near(self.header_row, column), header=quoted(names[column])))

    def _item_column(self, names: list[str], fields: dict[int, str], chosen: dict[int, str],
                     body: list[list[str]]) -> int:
        """The column of the items' names: the one `--column item=` or its
        header names, else the first other column. A column of RACI letters is
        an actor's, never the names: then the description column (left of it)
        holds the names; with none, the sheet is refused."""
        item = next((c for c, f in fields.items() if f == "item"), None)
        if item is not None and item in chosen:
            return item
        if item is None:
            item = next((c for c, name in enumerate(names) if c not in fields), 0)
        if not holds_letters(body, item):
            return item
        description = next((c for c, f in fields.items() if f == "description"), None)
        if description is not None and description < item:
            fields.pop(item, None)  # its letters are an actor's
            fields[description] = "item"
            return description
        raise ModelFileError([Said(N_(
            "{cell}: \"{header}\" holds RACI letters, so it is not the column of the items' "
            "names, and no column left of it is; say which column names the items with "
            "--column item=HEADER"), cell=self.sheet.cell(self.header_row, item),
            header=names[item])])

    def _check_unique(self, actors: dict[int, SheetActor]) -> None:
        """Refused before any cell is read: its cells would be told as clashes."""
        seen: dict[str, SheetActor] = {}
        twice = []
        for actor in actors.values():
            key = actor.id or name_key(actor.name)
            if key in seen:
                twice.append(_("{cell}: {name}: names the same actor as {earlier}; give each "
                               "actor one column").format(
                    cell=actor.cell, name=quoted(actor.name), earlier=seen[key].cell))
            seen.setdefault(key, actor)
        if twice:
            raise ModelFileError(twice)

    # ---- the rows -------------------------------------------------------------------

    def read(self, advance: Callable[[], None]) -> None:
        section: SheetGoal | None = None
        headings: list[tuple[int, SheetGoal]] = []
        """Section headings with no item under them yet: trailing ones are no goals."""
        merged = MergedBelow(self.sheet, self.header_row)
        hidden = set(self.sheet.hidden_rows)
        hidden_read: list[int] = []
        rows = RowsAhead(self._body())
        for number, cells in rows:
            advance()
            if not any(cells):
                continue
            if number in hidden:
                hidden_read.append(number)
            self._refuse_second_header(number, cells)
            end = self._table_end(cells, rows)
            if end is not None:
                self._tell_table_end(headings, (number, end))
                headings = []
                break
            merged.row(number, cells)
            item, had_cells = self._row(number, cells, section or self.area)
            if item is not None and not had_cells and not self._described(item):
                section = SheetGoal(item.name, item.cell, self.area)
                headings.append((number, section))
            elif item is not None:
                self.goals.extend(goal for _number, goal in headings)
                headings = []
                self.items.append(item)
        self._tell_table_end(headings, None)
        self._tell_read(hidden_read, merged)

    def _tell_read(self, hidden_read: list[int], merged: MergedBelow) -> None:
        """The notes on how the sheet was read: hidden rows and columns, cells of no
        role, footnote marks, processes filled down, merged cells."""
        read = {self.columns.item, *self.columns.actors, *self.columns.fields}
        self.notices.extend(hidden_notices(self.sheet, hidden_read, read, self.columns.names))
        if self.no_role:
            self.notices.append(ngettext(
                "{sheet}: {count} cell read as no role (n.v.t., n/a, -)",
                "{sheet}: {count} cells read as no role (n.v.t., n/a, -)", self.no_role).format(
                sheet=self.sheet.label, count=format_count(self.no_role)))
        if self.footnoted:
            self.notices.append(ngettext(
                "{sheet}: {cells}: read as its letters without the footnote mark; the "
                "footnote itself is not imported (write it in the item's description if it "
                "matters)",
                "{sheet}: {cells}: read as their letters without the footnote marks; the "
                "footnotes themselves are not imported (write them in the items' descriptions "
                "if they matter)", len(self.footnoted)).format(
                sheet=self.sheet.label, cells=", ".join(self.footnoted)))
        self.notices.extend(self.process.notice())
        self._tell_tick_columns()
        self._hint_columns_without_letters()
        self._tell_unnamed()
        self.notices.extend(merged.notice())

    def _table_end(self, cells: list[str], rows: RowsAhead) -> str | None:
        """Why the table ends at this row, if it does: a legend of the letters,
        or a totals row. One stray number on a heading is no totals row: it
        is read, and refused as a cell."""
        filled = [cells[c] for c in self.columns.actors if c < len(cells) and cells[c]]
        if self._totals(filled) and not self._letters_in(rows.ahead()):
            return _("a row of numbers (totals), not letters")
        if not any(map(_letters_or_none, filled)) and is_legend(cells):
            return _("a legend of the letters")
        return None

    def _totals(self, filled: list[str]) -> bool:
        """Numbers under at least half the actors and nothing else: a count
        per actor may be empty where it is nought, one number alone is a typo."""
        return 2 * len(filled) >= len(self.columns.actors) \
            and all(NUMBER.fullmatch(text) for text in filled)

    def _letters_in(self, rows: Iterable[Row]) -> bool:
        """Whether any of these rows holds letters under an actor before a
        legend (whose letters are its meanings, not roles)."""
        for _number, cells in rows:
            if is_legend(cells):
                return False
            if any(_letters_or_none(cells[c]) for c in self.columns.actors
                   if c < len(cells) and cells[c]):
                return True
        return False

    def _refuse_second_header(self, number: int, cells: list[str]) -> None:
        """A row that repeats the header's name for the items' column starts a
        second table: its header would be read as cells, its letters under the
        first table's actors."""
        column = self.columns.item
        text = cells[column] if column < len(cells) else ""
        if text and name_key(text) == self.names_key:
            raise ModelFileError([_(
                "{cell}: {header}: a second table starts at row {row}; put each table on "
                "its own sheet (each sheet is read as a programme area)").format(
                cell=self.sheet.cell(number, column), header=quoted(text), row=number)])

    def _tell_table_end(self, headings: list[tuple[int, SheetGoal]],
                        end: tuple[int, str] | None) -> None:
        """Rows under the last item with no letters (a legend, a note), a totals
        row and a legend end the table: said, never read as goals."""
        if not headings and end is None:
            return
        rows = [number for number, _goal in headings]
        if end is not None:
            rows.append(end[0])
            self.notices.append(_(
                "{sheet}: the table ends at row {row}, {why}; row {first} and the rows under "
                "it are not read").format(
                sheet=self.sheet.label, row=end[0], why=end[1], first=rows[0]))
        else:
            self.notices.append(ngettext(
                "{sheet}: row {rows} under the table has no letters and no item under it "
                "(a legend or a note); not read",
                "{sheet}: rows {rows} under the table have no letters and no item under them "
                "(a legend or a note); not read", len(rows)).format(
                sheet=self.sheet.label, rows=", ".join(map(str, rows))))

    def _body(self) -> Iterator[Row]:
        return itertools.dropwhile(lambda row: row[0] <= self.header_row, self.sheet.rows)

    def _row(self, number: int, cells: list[str],
             under: SheetGoal) -> tuple[SheetItem | None, bool]:
        """The row's item (None when it has no name), and whether any actor's
        cell in it is filled (a section heading has none)."""
        def text(column: int) -> str:
            return cells[column] if column < len(cells) else ""

        item = SheetItem(one_line(text(self.columns.item)),
                         self.sheet.cell(number, self.columns.item),
                         under=under)
        had_cells = False
        for column, actor in self.columns.actors.items():
            if text(column) and name_key(text(column)) in NO_ROLE:
                had_cells = True
                self.no_role += 1
            elif text(column):
                had_cells = True
                self._cell(item, actor, (number, column), text(column))
        for column, field_name in self.columns.fields.items():
            if text(column):
                self._field(item, field_name, text(column), self.sheet.cell(number, column))
        self._check_unnamed(number, cells)
        self.process.row(item, number, had_cells)
        if not item.name:
            if not self.process.is_heading(item, had_cells) and (
                    had_cells or self._described(item)):
                self.problems.append(_("{cell}: this row has letters but no item name; name "
                                       "the item").format(cell=item.cell))
            return None, had_cells
        return item, had_cells

    def _cell(self, item: SheetItem, actor: SheetActor, place: tuple[int, int],
              text: str) -> None:
        number, column = place
        cell = self.sheet.cell(number, column)
        letters = _letters_or_none(text) or self._without_marks(text, place)
        if letters is not None:
            self.lettered[column] += 1
            item.cells.append(SheetCell(actor, letters, cell))
            return
        visible = text.translate(INVISIBLE).strip()
        self.bad[column] += 1
        if written_in_letters(visible) or (len(visible) <= MISTYPED_LETTER and visible.isalpha()):
            self.lettered[column] += 1
        if len(visible) <= MISTYPED_LETTER and visible.isalpha():
            self.ticks.setdefault(column, []).append((len(self.problems), visible))
        if not NUMBER_OR_DATE.fullmatch(text):
            self.words[column] += 1
        try:
            read_cell(visible)
        except ValueError as bad:  # bad: said in parse_cell
            hint = "" if written_in_letters(visible) else _(
                "; leave the cell empty if there is no role")
            self.problems.append(f"{cell}: {quoted(text)}: {bad}{hint}")

    def _without_marks(self, text: str, place: tuple[int, int]) -> tuple[Letter, ...] | None:
        """The letters of a cell with characters it shows nothing of (a
        zero-width space) or a footnote mark after them (``A*``, the mark
        noted); None when they are no letters either."""
        visible = text.translate(INVISIBLE).strip()
        unmarked = visible.rstrip(FOOTNOTE_MARKS + " ")
        letters = _letters_or_none(unmarked)
        if letters is not None and unmarked != visible:
            number, column = place
            self.footnoted.append(f"{column_letter(column)}{number} {quoted(text)}")
        return letters

    def _field(self, item: SheetItem, field_name: str, text: str, cell: str) -> None:
        if field_name == "id":
            item.id = text
        elif field_name == "kind":
            item.kind, item.kind_cell = item_kind_named(text), cell
            if item.kind is None:
                self.problems.append(_("{cell}: {text}: not a kind of item; write goal, "
                                       "initiative, decision or indicator (or doel, "
                                       "initiatief, besluit, indicator)").format(
                    cell=cell, text=quoted(text)))
        elif field_name == "goal":
            item.goals = [g.strip() for g in text.translate(GOAL_SEPARATORS).split(";")
                          if g.strip()]
            item.goal_cell = cell
        elif field_name == "description":
            item.description = text

    @staticmethod
    def _described(item: SheetItem) -> bool:
        return bool(item.id or item.kind_cell or item.goals)

    def _check_unnamed(self, number: int, cells: list[str]) -> None:
        for column in range(self.columns.item + 1, len(cells)):
            if cells[column] and column not in self.columns.actors \
                    and column not in self.columns.fields:
                filled = self.unnamed.setdefault(column, [number])
                filled[1:] = [number]

    def _tell_unnamed(self) -> None:
        """One problem for each column with no header that holds cells."""
        for column, (first, last) in self.unnamed.items():
            self.problems.append(_(
                "{cell}: this column has no header, but cells below it are filled ({cells}); "
                "name the actor in the header, or leave the column out with --column "
                "ignore={letter}").format(
                cell=self.sheet.cell(self.header_row, column),
                cells=Merged(first, last, column, column).name() if last > first
                else column_letter(column) + str(first),
                letter=column_letter(column)))

    def _tell_tick_columns(self) -> None:
        """A column of one mark (``x``, ticked where an actor is involved) and
        no letter is one problem, naming the column, not a line per tick."""
        ticked = {column: ticks for column, ticks in self.ticks.items()
                  if len(ticks) > 1 and len({mark.lower() for _place, mark in ticks}) == 1
                  and len(ticks) == self.bad[column] == self.lettered[column]}
        told = {place for ticks in ticked.values() for place, _mark in ticks}
        self.problems = [p for place, p in enumerate(self.problems) if place not in told]
        for column, ticks in ticked.items():
            name = quoted(self.columns.actors[column].name)
            self.problems.append(_(  # two ticks or more: no singular
                "{cell}: {name}: this column holds no RACI letter but {mark} in {count} cells; "
                "write the letter each one stands for (R, A, C or I), or if it is not an actor, "
                "leave it out with --column ignore={name}").format(
                cell=self.columns.actors[column].cell, name=name, mark=quoted(ticks[0][1]),
                count=format_count(len(ticks))))

    def _hint_columns_without_letters(self) -> None:
        for column, actor in self.columns.actors.items():
            if not self.bad[column] or self.lettered[column]:
                continue
            if not self.words[column]:  # dates or numbers
                self.problems.append(_(
                    "{cell}: {name}: this column holds no RACI letter; if it is not an actor, "
                    "leave it out with --column ignore={name}").format(
                    cell=actor.cell, name=quoted(actor.name)))
            else:
                self.problems.append(_(
                    "{cell}: {name}: this column holds no RACI letter; if it is not an actor, "
                    "say what it holds with --column item={name} (the items' names) or "
                    "--column goal={name} (their goals), or leave it out with --column "
                    "ignore={name}").format(
                    cell=actor.cell, name=quoted(actor.name)))

    def drop_area(self) -> None:
        """A workbook of one matrix has no programme areas: no goal per sheet."""
        self.goals.remove(self.area)
        for goal in self.goals:
            if goal.parent is self.area:
                goal.parent = None
        for item in self.items:
            if item.under is self.area:
                item.under = None


def _id_cell(ids: list[str], column: int) -> str:
    text = ids[column] if column < len(ids) else ""
    return text.removeprefix(IDS_MARK) if text.startswith(IDS_MARK) else ""
