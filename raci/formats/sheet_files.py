"""A spreadsheet file read as a RACI matrix or a seat roster (`raci import FILE.xlsx`).

The layout is taken from `--layout`, else found: a sheet with RACI letters
under a header of names is a matrix; one with a body and a person column
(and no letters) is a roster. What the file holds comes back as the plain
data of `raci.model.sheets`, with its problems and notices.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from raci.errors import ModelFileError
from raci.formats.columns import ROSTER_FIELDS, ColumnChoices
from raci.formats.matrix_sheet import (
    HEADER_SEARCH_ROWS,
    SheetReading,
    find_header,
    peek,
    read_matrices,
)
from raci.formats.roster_sheet import find_roster_header, read_roster
from raci.formats.spreadsheet import CSV_SUFFIXES, Progress, Sheet, open_sheets
from raci.i18n import _, ngettext
from raci.model.naming import name_key
from raci.model.sheets import Layout, SheetMatrix, SheetRoster, quoted


@dataclass
class SpreadsheetData:
    layout: Layout
    data: SheetMatrix | SheetRoster
    reading: SheetReading


def read_spreadsheet(path: Path, *, layout: Layout | None = None, columns: tuple[str, ...] = (),
                     sheet_names: tuple[str, ...] = (),
                     progress: Progress | None = None) -> SpreadsheetData:
    """Read a .xlsx or CSV file whole (or only the sheets named); `ModelFileError`
    when it holds neither layout (bad cells are not raised here: they are in
    `reading.problems`)."""
    with open_sheets(path) as every_sheet:
        _refuse_empty(path, every_sheet)
        sheets = _chosen(path, every_sheet, sheet_names)
        hidden = [] if sheet_names else [sheet for sheet in every_sheet if sheet.hidden]
        data = _read(path, sheets, layout, columns, named=bool(sheet_names), hidden=hidden,
                     progress=progress)
        data.reading.notices.extend(_hidden_sheets(hidden, sheets))
        return data


def _read(path: Path, sheets: list[Sheet], layout: Layout | None, columns: tuple[str, ...], *,
          named: bool, hidden: list[Sheet], progress: Progress | None) -> SpreadsheetData:
    """`hidden`: the hidden sheets left out, which a refusal for want of a
    header names."""
    found = layout is None
    if layout is None:
        layout = _detect(path, sheets, columns, named=named, hidden=hidden)
    choices = ColumnChoices.parse(columns, layout, file=str(path), found=found)
    if layout == "matrix":
        matrix, reading = read_matrices(sheets, choices, _advance(progress))
        _tell_unread(path, reading, named=named)
        if not matrix.items and not reading.problems:
            raise ModelFileError([_no_header(path, "matrix", sheets, named=named, hidden=hidden)])
        return SpreadsheetData("matrix", matrix, reading)
    return _read_rosters(path, sheets, choices, _advance(progress), named=named, hidden=hidden)


def _tell_unread(path: Path, reading: SheetReading, *, named: bool) -> None:
    """A sheet with no matrix is told in a note; refused when `--sheet` named
    it. One that looks like a roster gets ``--layout roster`` suggested."""
    rosters = [sheet for sheet in reading.unread
               if find_roster_header(peek(sheet), ColumnChoices()) is not None]
    if named and reading.unread:
        problem = _no_header_in(path, "matrix", reading.unread)
        if rosters:
            problem += _("; it looks like a roster (a body and a person column): give "
                         "--layout roster")
        raise ModelFileError([problem])
    for sheet in reading.unread:
        if sheet in rosters:
            reading.notices.append(_(
                "sheet {sheet} holds no RACI matrix; not read (it looks like a roster: import "
                "it with --sheet {name} --layout roster)").format(
                sheet=sheet.label, name=quoted(sheet.name)))
        else:
            reading.notices.append(_("sheet {sheet} holds no RACI matrix; not read").format(
                sheet=sheet.label))


def _hidden_sheets(left_out: list[Sheet], chosen: list[Sheet]) -> list[str]:
    """A hidden sheet is often an old copy that would double the model: it is
    read only when named, and a note names the ones `left_out` and how to
    read one with the sheets `chosen`."""
    if not left_out:
        return []
    command = " ".join(f"--sheet {quoted(sheet.name)}" for sheet in [*chosen, left_out[0]])
    return [ngettext(
        "sheet {sheets} is hidden in the workbook; not read (read it by naming it, with every "
        "sheet to read: {command})",
        "sheets {sheets} are hidden in the workbook; not read (read one by naming it, with "
        "every sheet to read: {command})", len(left_out)).format(
        sheets=", ".join(sheet.label for sheet in left_out), command=command)]


def _refuse_empty(path: Path, sheets: list[Sheet]) -> None:
    """A workbook whose every sheet is blank has no header to look for:
    saying so beats naming the header not found (and --layout cannot help)."""
    if not sheets or not all(sheet.in_workbook and _is_empty(sheet) for sheet in sheets):
        return
    raise ModelFileError([ngettext(
        "{path}: sheet {sheets} is empty; fill it in with a RACI matrix (the actors' names "
        "above R, A, C or I cells) or a roster (a body and a person column), or import "
        "another file",
        "{path}: sheets {sheets} are empty; fill one in with a RACI matrix (the actors' names "
        "above R, A, C or I cells) or a roster (a body and a person column), or import "
        "another file", len(sheets)).format(
        path=path, sheets=", ".join(sheet.label for sheet in sheets))])


def _is_empty(sheet: Sheet) -> bool:
    """No cell written, in a sheet short enough to be seen whole by `peek`."""
    head = peek(sheet)
    return len(head) < HEADER_SEARCH_ROWS and not any(any(cells) for _number, cells in head)


def _chosen(path: Path, sheets: list[Sheet], names: tuple[str, ...]) -> list[Sheet]:
    """The sheets `--sheet` names (by name, case and spaces aside), in the
    order given; when none is named, every sheet but the hidden ones."""
    if not names:
        return [sheet for sheet in sheets if not sheet.hidden]
    if path.suffix.lower() in CSV_SUFFIXES:
        raise ModelFileError([_("{path}: --sheet: a CSV file has no sheets; leave --sheet "
                                "out").format(path=path)])
    by_key = {name_key(sheet.name): sheet for sheet in sheets}
    chosen: list[Sheet] = []
    for name in names:
        sheet = by_key.get(name_key(name))
        if sheet is None:
            raise ModelFileError([_no_sheet(path, name, [s.name for s in sheets])])
        if sheet not in chosen:
            chosen.append(sheet)
    return chosen


def _no_sheet(path: Path, name: str, names: list[str]) -> str:
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    listed = ", ".join(quoted(n) for n in names)
    if close:
        return _("{path}: --sheet {name}: no such sheet; did you mean {close}? The sheets: "
                 "{sheets}").format(path=path, name=quoted(name), close=quoted(close[0]),
                                    sheets=listed)
    return _("{path}: --sheet {name}: no such sheet; the sheets: {sheets}").format(
        path=path, name=quoted(name), sheets=listed)


def _detect(path: Path, sheets: list[Sheet], columns: tuple[str, ...], *,
            named: bool, hidden: list[Sheet]) -> Layout:
    roster_choices = ColumnChoices.parse(
        [c for c in columns if c.partition("=")[0].strip().lower() in ROSTER_FIELDS], "roster")
    for sheet in sheets:
        head = peek(sheet)
        if find_header(head) is not None:
            return "matrix"
        if find_roster_header(head, roster_choices) is not None:
            return "roster"
    raise ModelFileError([_no_header(path, None, sheets, named=named, hidden=hidden)])


def _no_header(path: Path, layout: Layout | None, sheets: list[Sheet], *, named: bool,
               hidden: list[Sheet]) -> str:
    """No header found: in any sheet, or in the sheets `--sheet` named (then
    the line names them). Where hidden sheets were left out, the line names
    the sheets read and ends with the note on the hidden ones: a workbook
    whose data sheets are all hidden shows only a blank one."""
    if named:
        return _no_header_in(path, layout, sheets)
    if hidden:
        return "; ".join([_no_header_in(path, layout, sheets), *_hidden_sheets(hidden, [])])
    if layout == "matrix":
        text = _("{path}: no RACI matrix found: no row in the first {rows} rows of any sheet "
                 "names the actors above R, A, C or I cells")
    elif layout == "roster":
        text = _("{path}: no roster header found: no row in the first {rows} rows of any sheet "
                 "names a person column (such as Naam), nor a body column (such as Overleg); "
                 "name them with --column person=HEADER --column body=HEADER, by header or "
                 "letter (a list of people alone needs no body column)")
    else:
        text = _("{path}: no header found: no row in the first {rows} rows of any sheet names "
                 "the actors above R, A, C or I cells (a matrix), nor a body and a person "
                 "column (a roster); give --layout and --column")
    return text.format(path=path, rows=HEADER_SEARCH_ROWS)


def _no_header_in(path: Path, layout: Layout | None, named: list[Sheet]) -> str:
    count = len(named)
    if layout == "matrix":
        text = ngettext(
            "{path}: sheet {sheets} holds no RACI matrix: no row in its first {rows} rows "
            "names the actors above R, A, C or I cells; name another sheet with --sheet",
            "{path}: sheets {sheets} hold no RACI matrix: no row in their first {rows} rows "
            "names the actors above R, A, C or I cells; name another sheet with --sheet",
            count)
    elif layout == "roster":
        text = ngettext(
            "{path}: sheet {sheets} holds no roster: no row in its first {rows} rows names a "
            "person column (such as Naam), nor a body column (such as Overleg); name another "
            "sheet with --sheet, or the columns with --column person=HEADER --column "
            "body=HEADER",
            "{path}: sheets {sheets} hold no roster: no row in their first {rows} rows names a "
            "person column (such as Naam), nor a body column (such as Overleg); name another "
            "sheet with --sheet, or the columns with --column person=HEADER --column "
            "body=HEADER",
            count)
    else:
        text = ngettext(
            "{path}: sheet {sheets} holds no RACI matrix and no roster: no row in its first "
            "{rows} rows names the actors above R, A, C or I cells, nor a body and a person "
            "column; name another sheet with --sheet, or give --layout and --column",
            "{path}: sheets {sheets} hold no RACI matrix and no roster: no row in their first "
            "{rows} rows names the actors above R, A, C or I cells, nor a body and a person "
            "column; name another sheet with --sheet, or give --layout and --column",
            count)
    return text.format(path=path, sheets=", ".join(sheet.label for sheet in named),
                       rows=HEADER_SEARCH_ROWS)


def _read_rosters(path: Path, sheets: list[Sheet], choices: ColumnChoices,
                  advance: Callable[[Sheet], Callable[[], None]], *,
                  named: bool, hidden: list[Sheet]) -> SpreadsheetData:
    roster, reading = SheetRoster(), SheetReading()
    for sheet in sheets:
        found = read_roster(sheet, choices, advance(sheet))
        if found is None:
            reading.notices.append(_("sheet {sheet} holds no roster; not read").format(
                sheet=sheet.label))
            continue
        part, part_reading = found
        roster.seats.extend(part.seats)
        roster.has_chair_column = roster.has_chair_column or part.has_chair_column
        roster.grouped = roster.grouped or part.grouped
        roster.title = roster.title or part.title
        reading.problems.extend(part_reading.problems)
        reading.notices.extend(part_reading.notices)
    if not roster.seats and not reading.problems:
        raise ModelFileError([_no_header(path, "roster", sheets, named=named, hidden=hidden)])
    return SpreadsheetData("roster", roster, reading)


def _advance(progress: Progress | None) -> Callable[[Sheet], Callable[[], None]]:
    def start(sheet: Sheet) -> Callable[[], None]:
        if progress is None:
            return _nothing
        return progress(_("reading {sheet}").format(sheet=sheet.label), sheet.total)
    return start


def _nothing() -> None:
    pass
