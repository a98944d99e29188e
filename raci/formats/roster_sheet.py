"""Read seat rosters: one row per seat, a body and a person in each.

The header is the first row (of the first 30) in which a body column and
a person column are found: by the words of `ROSTER_HEADERS`, by a word of
the header ("Maintainer Name" is a person, "Company Name" a unit), or by
`--column`. Lists are often grouped: a blank body, kind or tag cell under a
filled one means the same as above. In a grouped list each group is a body
of its own, even where two groups have one name (the "Steering Committee"
of two projects); in a list that names the body on every row, rows of one
name are one body wherever they stand. Role and chair cells are never filled
down, nor person and unit cells in a list grouped by body: a blank company
is no company. A list grouped by person (its person column left of its body
column) fills the person down instead, with their id and unit.

A list of people alone (with `--layout roster`: a person column by its
header, or by `--column person=A` in a file with no header) is one body,
named after the sheet's title, else the sheet. Merged cells below the header
count for every cell they cover (`raci.formats.spreadsheet`), with a note.

A chair is marked in a chair column (``x``, ``ja``, ``yes``, ``voorzitter``)
or by a role that says so (``voorzitter``, ``chair``); a role of ``lid`` or
``member`` is a plain seat. Any other role is the person's function: a role
they hold, whose seat it is. A chair column is each seat's part in its body
(``secretaris``, ``agendalid`` are plain seats), and a role column whose
cells are all such words is read as one, beside a function column.

A person cell ``vacature`` is a vacant seat (`Seat.vacant`); ``n.v.t.`` or
``-`` is no seat, as in a matrix.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from raci.formats.columns import (
    ROSTER_HEADERS,
    ColumnChoices,
    recognised,
    refuse_letters_columns,
    used_width,
)
from raci.formats.matrix_sheet import NO_ROLE, MergedBelow, SheetReading, hidden_notices, peek
from raci.formats.spreadsheet import Row, Sheet, column_letter, one_line
from raci.i18n import N_, _, format_count, ngettext
from raci.model.naming import body_kind_named, name_key
from raci.model.sheets import Seat, SheetRoster, quoted

CHAIR_WORDS = frozenset({"voorzitter", "chair", "vz", "chairperson", "chairman", "chairwoman"})
MEMBER_WORDS = frozenset({"lid", "member", "deelnemer", "participant", "maintainer"})
SEAT_WORDS = MEMBER_WORDS | {
    "vicevoorzitter", "vice-voorzitter", "plv.voorzitter", "plaatsvervangendvoorzitter",
    "secretaris", "ambtelijksecretaris", "secretary", "notulist", "adviseur", "adviseurs",
    "agendalid", "toehoorder", "waarnemer", "vice-chair", "vicechair", "advisor", "adviser",
    "observer", "minutes", "minute-taker"}
"""The words of a seat's part in its body other than the chair's: a plain seat."""
CHAIR_MARKS = CHAIR_WORDS | {"x", "ja", "j", "yes", "y", "true", "waar", "1", "✓", "✔"}
NOT_CHAIR_MARKS = SEAT_WORDS | {"nee", "n", "no", "false", "onwaar", "0", "-"}
VACANT_WORDS = frozenset({"vacature", "vacant", "vacancy", "vacatures", "nnb", "n.n.b.",
                          "tbd", "t.b.d."})
"""A person cell that says the seat is vacant: a role with no holder takes it."""
FUNCTION_SEPARATORS = re.compile(r"[,;/\n]")
"""Between the functions of one cell ("Admin, Release Manager"): each a role."""
FILLED_DOWN = ("body", "kind", "tag")
MOST_ROWS = 10
"""Rows named in a note before "and N more"."""
ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ][0-9:.]*)?$")
DAY_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
PERSON_FILLED_DOWN = ("person", "id", "unit")
"""What a blank person cell takes from the row above in a list grouped by
person (its person column left of its body column)."""
OTHER_KIND_WORDS = frozenset({"overig", "overige", "anders", "ander"})
"""A kind column's Dutch words for ``other`` (raci's own word is overig)."""
FIELD_WORDS = {  # a letters column is refused as any of these
    "person": N_("the people's names"),
    "body": N_("the bodies' names"),
    "unit": N_("the people's units"),
    "role": N_("the people's functions"),
}


def find_roster_header(head: list[Row],
                       choices: ColumnChoices) -> tuple[int, dict[int, str]] | None:
    """The header's index in `head` and its columns' fields, or None."""
    width = used_width(cells for _number, cells in head)
    for index, (_number, cells) in enumerate(head):
        fields = recognised(cells, ROSTER_HEADERS, by_word=True,
                            taken=choices.columns(cells, width))
        if {"body", "person"} <= set(fields.values()):
            return index, fields
    return None


def _find_list_header(head: list[Row], choices: ColumnChoices,
                      ) -> tuple[int | None, dict[int, str]] | None:
    """A list of people with no body column: its header's index and fields;
    with none (the person column given by its letter) the index is None."""
    for index, (_number, cells) in enumerate(head):  # a header names it, not its letter
        fields = recognised(cells, ROSTER_HEADERS, by_word=True,
                            taken=choices.columns(cells, 0))
        if "person" in fields.values():
            return index, fields
    fields = choices.columns([], _row_width(head))
    return (None, fields) if "person" in fields.values() else None


def _row_width(head: list[Row]) -> int:
    """The columns the rows have, filled or not: a column of leaving dates may be
    empty in the first rows of a list of people with no header, and is a column."""
    return max((len(cells) for _number, cells in head), default=0)


@dataclass
class _Grouped:
    """The filled-down values of the rows read so far (with the cell each came
    from), and the number of the group of rows the body started."""

    values: dict[str, tuple[str, str]]
    group: int = 0
    filled: bool = False
    """Whether any seat took its body from a row above: the list is grouped."""
    by_person: bool = False
    """Whether the list is grouped by person: a blank person cell is the one above."""
    person: dict[str, tuple[str, str]] = field(default_factory=dict)
    rows: dict[str, list[int]] = field(default_factory=dict)
    """The rows told of in a note: ``same person``, ``vacant``, ``no seat``."""

    def told(self, what: str, row: int) -> None:
        self.rows.setdefault(what, []).append(row)


def read_roster(sheet: Sheet, choices: ColumnChoices,
                advance: Callable[[], None]) -> tuple[SheetRoster, SheetReading] | None:
    """The seats of a sheet, or None when no roster header is found in it."""
    head = peek(sheet)
    found = find_roster_header(head, choices) or _find_list_header(head, choices)
    if found is None:
        return None
    index, fields = found
    header_row, header = head[index] if index is not None else (0, [])
    choices.check(sheet, header_row, header, _row_width(head))
    below = [cells for _number, cells in head[index + 1 if index is not None else 0:]]
    refuse_letters_columns(sheet, header_row, header, fields, below, FIELD_WORDS)
    roster = SheetRoster()
    titles = [t for _number, cells in head[:index or 0] for t in cells if t]
    roster.title = titles[0] if titles else None
    reading = SheetReading()
    _seat_part_column(sheet, header_row, header, fields, below, choices, reading)
    roster.has_chair_column = "chair" in fields.values()
    grouped = _Grouped({}, by_person=_grouped_by_person(fields))
    if "body" not in fields.values():
        grouped.values["body"] = _one_body(sheet, roster, reading)
    grid = _grid_columns(sheet, header_row, header, fields, below, reading)
    merged = MergedBelow(sheet, header_row)
    hidden = set(sheet.hidden_rows)
    hidden_read: list[int] = []
    skipped: list[str] = []
    ended: list[str] = []
    unheaded: set[int] = set()
    rows = itertools.dropwhile(lambda row: row[0] <= header_row, sheet.rows)
    for number, cells in rows:
        advance()
        unheaded.update(c for c, text in enumerate(cells) if text and c not in fields
                        and not (c < len(header) and header[c]))
        values = {f: (one_line(cells[c]), sheet.cell(number, c)) for c, f in fields.items()
                  if c < len(cells) and cells[c] and f != "ignore"}
        if not values:
            continue
        if number in hidden:
            hidden_read.append(number)
        merged.row(number, cells)
        for seat_values in _grid_seats(sheet, number, cells, values, grid) if grid else [values]:
            _take_seat(number, seat_values, grouped, (roster, reading), (skipped, ended))
    roster.grouped = grouped.filled
    _tell_unread(sheet, header_row, header, fields, unheaded, reading)
    _tell_grouped_rows(sheet, grouped.rows, reading)
    reading.notices.extend(merged.notice())
    reading.notices.extend(hidden_notices(
        sheet, hidden_read, {c for c, f in fields.items() if f != "ignore"}, header))
    _tell_rows(sheet, skipped, ended, reading, seats=len(roster.seats))
    return roster, reading


def _take_seat(number: int, values: dict[str, tuple[str, str]], grouped: _Grouped,
               read: tuple[SheetRoster, SheetReading],
               not_read: tuple[list[str], list[str]]) -> None:
    """The row's seat into the roster; else its row is named as skipped (no
    person and no body) or ended (its until date is past)."""
    roster, reading = read
    skipped, ended = not_read
    seat = _seat(number, values, grouped, reading)
    if seat is None:
        skipped.append(str(number))
    elif "until" in values and _has_ended(*values["until"], reading):
        ended.append(str(number))
    else:
        roster.seats.append(seat)


def _grid_columns(sheet: Sheet, row: int, header: list[str], fields: dict[int, str],
                  below: list[list[str]], reading: SheetReading) -> dict[int, tuple[str, str]]:
    """A grid of people by bodies: two or more headed columns whose cells are
    all seat parts (voorzitter, lid, secretaris, x). Each is a body (its
    header; its cell), made ``ignore`` in `fields`; the body and chair
    columns found by their words go. Empty when the sheet is no such grid."""
    grid = {}
    for column, text in enumerate(header):
        filled = [cells[column] for cells in below if column < len(cells) and cells[column]]
        if text and fields.get(column, "body") in ("body", "chair") and filled \
                and all(name_key(cell) in CHAIR_MARKS | SEAT_WORDS for cell in filled):
            grid[column] = (one_line(text), sheet.cell(row, column))
    if len(grid) < 2 or "person" not in fields.values():
        return {}
    for column, field_name in list(fields.items()):
        if field_name in ("body", "chair"):
            del fields[column]
    fields.update(dict.fromkeys(grid, "ignore"))
    reading.notices.append(_(
        "{sheet}: a grid of people by bodies: each filled cell under {cells} is a seat in "
        "that column's body (voorzitter or x: its chair; lid, secretaris: a plain "
        "seat)").format(
        sheet=sheet.label, cells=", ".join(f"{column_letter(c)}{row}" for c in grid)))
    return grid


def _grid_seats(sheet: Sheet, number: int, cells: list[str], values: dict[str, tuple[str, str]],
                grid: dict[int, tuple[str, str]]) -> list[dict[str, tuple[str, str]]]:
    """A row of a grid of people by bodies: a seat's values for each filled cell."""
    return [{**values, "body": body, "chair": (cells[column], sheet.cell(number, column))}
            for column, body in grid.items() if column < len(cells) and cells[column]]


def _tell_rows(sheet: Sheet, skipped: list[str], ended: list[str], reading: SheetReading, *,
               seats: int) -> None:
    """Name the rows that gave no seat: no person and no body, or a seat that
    ended; every seat ended (of the `seats` read, none) is a problem."""
    if skipped:
        reading.notices.append(ngettext(
            "{sheet}: row with no person and no body of its own skipped: row {rows}",
            "{sheet}: rows with no person and no body of their own skipped: rows {rows}",
            len(skipped)).format(sheet=sheet.label, rows=_listed(skipped)))
    if ended:
        reading.notices.append(ngettext(
            "{sheet}: {count} seat ended before today (its date in the until column) not "
            "read: row {rows}",
            "{sheet}: {count} seats ended before today (their dates in the until column) not "
            "read: rows {rows}", len(ended)).format(
            sheet=sheet.label, count=format_count(len(ended)), rows=_listed(ended)))
    if ended and not seats:
        reading.problems.append(_("{sheet}: every seat ended before today, as the until "
                                  "column says; if that column holds another date (the day "
                                  "a member joined), name the right one with --column "
                                  "until=HEADER").format(sheet=sheet.where))


def _has_ended(text: str, cell: str, reading: SheetReading) -> bool:
    """Whether a seat's until date is before today; a cell that is no date is a problem."""
    day = _day(text)
    if day is None:
        reading.problems.append(_("{cell}: {text}: not a date; write the day the seat ends "
                                  "as 2026-12-31 or 31-12-2026, or leave it blank").format(
            cell=cell, text=quoted(text)))
        return False
    return day < dt.date.today()


def _day(text: str) -> dt.date | None:
    """``2026-12-31`` (a workbook's date cell, perhaps with its time) or
    ``31-12-2026``, ``31/12/2026``, ``31.12.2026`` (the day first); None else."""
    iso = ISO_DAY.match(text)
    dutch = DAY_FIRST.fullmatch(text)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        if dutch:
            return dt.date(int(dutch[3]), int(dutch[2]), int(dutch[1]))
    except ValueError:  # 31-02-2026
        return None
    return None


def _one_body(sheet: Sheet, roster: SheetRoster, reading: SheetReading) -> tuple[str, str]:
    """The one body of a list with no body column: named after the sheet's
    title, else the sheet (a CSV file's name); the note says so."""
    name = roster.title or sheet.name
    reading.notices.append(_("{sheet}: no body column, so everyone listed has a seat in one "
                             "body, {name}; rename it in the app, or name the body column with "
                             "--column body=HEADER").format(sheet=sheet.label,
                                                            name=quoted(name)))
    return name, sheet.cell(1, 0)


def _tell_unread(sheet: Sheet, row: int, header: list[str], fields: dict[int, str],
                 unheaded: set[int], reading: SheetReading) -> None:
    """Name the columns not read: those with a header no field took, and those
    with no header that hold text (such as a category column)."""
    unread = [f'{sheet.near(row, c)} "{text}"' for c, text in enumerate(header)
              if text and c not in fields]
    unread += [_("{cell} (no header)").format(cell=sheet.near(row, c) if row else _(
        "column {letter}").format(letter=column_letter(c))) for c in sorted(unheaded)]
    if unread:
        reading.notices.append(_("columns not read: {columns}; name one with --column "
                                 "FIELD=HEADER (or its letter)").format(
            columns=", ".join(unread)))


def _seat(number: int, values: dict[str, tuple[str, str]], grouped: _Grouped,
          reading: SheetReading) -> Seat | None:
    """The row's seat; the filled-down values carry on from the rows above."""
    own_body = "body" in values
    if own_body and name_key(values["body"][0]) != name_key(grouped.values.get(
            "body", ("", ""))[0]):  # a new group starts: its kind starts afresh
        grouped.values = {f: v for f, v in grouped.values.items() if f == "tag"}
        grouped.group += 1
    if grouped.by_person:
        _same_person(number, values, grouped)
    grouped.filled = grouped.filled or (not own_body and "body" in grouped.values
                                        and "person" in values)
    for name in FILLED_DOWN:
        if name in values:
            grouped.values[name] = values[name]
        elif name in grouped.values:
            values[name] = grouped.values[name]
    if "person" not in values and not own_body:
        return None
    if "body" not in values:
        text, cell = values["person"]
        reading.problems.append(_("{cell}: {text}: no body above this seat; name the body in "
                                  "its column").format(cell=cell, text=quoted(text)))
        return None
    body, body_cell = values["body"]
    seat = Seat(body, body_cell, group=grouped.group)
    if "person" in values:
        _person(number, seat, values["person"], grouped)
    seat.person_id = values.get("id", ("", ""))[0] or None
    seat.unit = values.get("unit", ("", ""))[0] or None
    _role_and_chair(seat, values, reading)
    if seat.functions:
        grouped.told("functions", number)
    if "kind" in values:
        text, cell = values["kind"]
        seat.body_kind = "other" if name_key(text) in OTHER_KIND_WORDS else \
            body_kind_named(text)
        if seat.body_kind is None:
            reading.problems.append(_("{cell}: {text}: not a kind of body; write one such as "
                                      "stuurgroep, werkgroep, committee or other").format(
                cell=cell, text=quoted(text)))
    if "tag" in values:
        seat.tags = [values["tag"][0]]
    return seat


def _grouped_by_person(fields: dict[int, str]) -> bool:
    """Whether the person column stands left of the body column: a list
    grouped by person, each person named once above their seats."""
    columns = {name: column for column, name in fields.items()}
    return {"body", "person"} <= set(columns) and columns["person"] < columns["body"]


def _same_person(number: int, values: dict[str, tuple[str, str]], grouped: _Grouped) -> None:
    """In a list grouped by person, a row with a body and no person is the
    person above's seat (with their id and unit); a named person starts afresh."""
    if "person" in values:
        grouped.person = {f: values[f] for f in PERSON_FILLED_DOWN if f in values}
    elif "body" in values and grouped.person:
        values.update({f: v for f, v in grouped.person.items() if f not in values})
        grouped.told("same person", number)


def _person(number: int, seat: Seat, person: tuple[str, str], grouped: _Grouped) -> None:
    """The seat's person; ``vacature`` makes it vacant, ``n.v.t.`` no seat."""
    text, cell = person
    key = name_key(text)
    if key in NO_ROLE:
        grouped.told("no seat", number)
    elif key in VACANT_WORDS:
        seat.vacant, seat.person_cell = text, cell
        grouped.told("vacant", number)
    else:
        seat.person, seat.person_cell = text, cell


def _listed(rows: list[str]) -> str:
    """Rows as a note names them: the first `MOST_ROWS`, then "and N more"."""
    more = len(rows) - MOST_ROWS
    return ", ".join(rows[:MOST_ROWS]) + (
        _(" and {count} more").format(count=format_count(more)) if more > 0 else "")


def _tell_grouped_rows(sheet: Sheet, rows: dict[str, list[int]], reading: SheetReading) -> None:
    """One note for each way some rows were read: as the person above, as a
    vacant seat, with several functions, as no seat."""
    for what, numbers in rows.items():
        listed = _listed([str(number) for number in numbers])
        if what == "same person":
            text = ngettext(
                "{sheet}: row with a body and no person read as a seat of the person above "
                "(the list is grouped by person): row {rows}",
                "{sheet}: rows with a body and no person read as seats of the person above "
                "(the list is grouped by person): rows {rows}", len(numbers))
        elif what == "vacant":
            text = ngettext(
                "{sheet}: seat read as vacant (a role with no holder takes it): row {rows}",
                "{sheet}: seats read as vacant (a role with no holder takes each): rows {rows}",
                len(numbers))
        elif what == "functions":
            text = ngettext(
                "{sheet}: function cell naming several functions (\"Admin, Release Manager\"): "
                "each is a role the person holds, and the seat is the person's: row {rows}",
                "{sheet}: function cells naming several functions (\"Admin, Release Manager\"): "
                "each is a role the person holds, and the seat is the person's: rows {rows}",
                len(numbers))
        else:
            text = ngettext(
                "{sheet}: person cell read as no seat (n.v.t., -): row {rows}",
                "{sheet}: person cells read as no seat (n.v.t., -): rows {rows}", len(numbers))
        reading.notices.append(text.format(sheet=sheet.label, rows=listed))


def _seat_part_column(sheet: Sheet, row: int, header: list[str], fields: dict[int, str],
                      below: list[list[str]], choices: ColumnChoices,
                      reading: SheetReading) -> None:
    """A function column (``Rol``) whose cells are all seat words (voorzitter,
    secretaris, lid) says each seat's part in its body: it is read as the
    chair column, and another function column (``Functie``) as the functions."""
    chosen = choices.columns(header, 0)
    column = next((c for c, name in fields.items() if name == "role"), None)
    if column is None or column in chosen or column >= len(header) or \
            "chair" in fields.values():
        return
    filled = {name_key(cells[column]) for cells in below if column < len(cells) and cells[column]}
    if not filled or not filled <= CHAIR_WORDS | SEAT_WORDS:
        return
    fields[column] = "chair"
    function = next((c for c, text in enumerate(header) if c not in fields and text
                     and recognised([text], {"role": ROSTER_HEADERS["role"]}, by_word=True,
                                    taken={})), None)
    if function is not None:
        fields[function] = "role"
    reading.notices.append(_("{cell} {header}: each seat's part in its body (voorzitter, "
                             "secretaris, lid): a voorzitter is the chair, the others plain "
                             "seats").format(cell=sheet.near(row, column),
                                             header=quoted(header[column])))


def _role_and_chair(seat: Seat, values: dict[str, tuple[str, str]],
                    reading: SheetReading) -> None:
    if "role" in values:
        role = values["role"][0]
        if name_key(role) in CHAIR_WORDS:
            seat.chair = True
        elif name_key(role) not in MEMBER_WORDS:
            functions = [f.strip() for f in FUNCTION_SEPARATORS.split(role) if f.strip()]
            if len(functions) > 1 and seat.person is not None:
                seat.functions = functions
            else:
                seat.role = role
    if "chair" in values:
        text, cell = values["chair"]
        mark = name_key(text)
        if mark in CHAIR_MARKS:
            seat.chair = True
        elif mark not in NOT_CHAIR_MARKS:
            reading.problems.append(_("{cell}: {text}: not a chair mark; write x (or ja, yes) "
                                      "for the chair, or leave it blank").format(
                cell=cell, text=quoted(text)))
