"""Spreadsheets as rows of text: .xlsx workbooks and CSV files, streamed.

A workbook is read with openpyxl in read-only mode, row by row, so that a
sheet of 100,000 rows never sits in memory as cells; formulas give the value
Excel last calculated (never evaluated here). Numbers, dates and booleans
become the text a person would type. A CSV file may be UTF-8 (with or
without a BOM), UTF-16 (Excel's "Unicode text") or Windows-1252 (Excel's
plain "CSV" on Windows), separated by commas, semicolons (Excel in Dutch) or
tabs (or what an Excel ``sep=`` first line says): `raci.formats.csv_sheet`.
Every failure is one `ModelFileError` line naming the file.

Cells are named as a spreadsheet names them, after the file as the user gave
it: ``org.xlsx:Matrix!C3`` (``org.xlsx:'Programma Warmte'!C3`` when the
sheet's name has spaces) in a workbook, and ``matrix.csv:C3`` in a CSV file,
whose row is the record as Excel numbers it.

A merged range of a workbook (``C6:E6``) gives its value to every cell it
covers, as a reader sees it; the sheet lists its ranges (`Sheet.merged`) so
that the readers can say so, or refuse where that makes no sense.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from raci.errors import ModelFileError
from raci.i18n import N_, Said

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
SHEET_SUFFIXES = WORKBOOK_SUFFIXES + CSV_SUFFIXES
OTHER_SPREADSHEETS = {
    ".xls": N_("an Excel 97-2003 workbook (.xls)"),
    ".ods": N_("an OpenDocument spreadsheet (.ods)"),
    ".numbers": N_("a Numbers spreadsheet"),
}
"""Spreadsheets raci does not read, by the suffix their kind calls for."""
OLE2_START = bytes.fromhex("d0cf11e0a1b11ae1")
"""How an OLE2 compound file begins, as an Excel 97-2003 workbook does."""
_PLAIN_SHEET_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")

_MERGED_RANGE = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')
_SHEET_DATA_END = re.compile(rb"</(?:\w+:)?sheetData>")
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\s[^>]*?hidden="(?:1|true)"[^>]*>')
_HIDDEN_COLUMN = re.compile(rb'<(?:\w+:)?col\s[^>]*?hidden="(?:1|true)"[^>]*>')
_ATTRIBUTE_R = re.compile(rb'\sr="([0-9]+)"')
_ATTRIBUTE_MIN = re.compile(rb'\smin="([0-9]+)"')
_ATTRIBUTE_MAX = re.compile(rb'\smax="([0-9]+)"')

Row = tuple[int, list[str]]
"""A row's number (1-based, as the spreadsheet shows it) and its cells' text."""


@dataclass(frozen=True)
class Merged:
    """A merged range of cells: its first and last row (1-based) and column (0-based)."""

    first_row: int
    last_row: int
    first_column: int
    last_column: int

    def name(self) -> str:
        """``C6:E6``."""
        return (f"{column_letter(self.first_column)}{self.first_row}:"
                f"{column_letter(self.last_column)}{self.last_row}")


@dataclass
class Sheet:
    """One sheet of a workbook, or a whole CSV file, read once from top to bottom."""

    file: str
    """The file, as the user gave it."""
    label: str
    """How running text names the sheet: ``Matrix``, ``'Programma Warmte'``, ``matrix.csv``."""
    name: str
    """The sheet's own name (the file's stem for a CSV file)."""
    rows: Iterator[Row]
    total: int | None = None
    """How many rows the sheet says it has, for a progress bar; None if unknown."""
    in_workbook: bool = True
    merged: list[Merged] = field(default_factory=list)
    """The merged ranges, by first row; each cell they cover reads as the first."""
    hidden_rows: list[int] = field(default_factory=list)
    """The rows hidden in the workbook (1-based, as the spreadsheet numbers them)."""
    hidden_columns: list[int] = field(default_factory=list)
    """The columns hidden in the workbook (0-based)."""
    hidden: bool = False
    """Hidden in the workbook (or very hidden): an old copy, often; read only when named."""

    @property
    def where(self) -> str:
        """Where a message about the whole sheet points: ``org.xlsx:Matrix``, ``matrix.csv``."""
        return f"{self.file}:{self.label}" if self.in_workbook else self.file

    def cell(self, row: int, column: int) -> str:
        """``org.xlsx:Matrix!C3`` (``matrix.csv:C3``) for the 0-based `column` of `row`."""
        return self._at(f"{column_letter(column)}{row}")

    def range(self, merged: Merged) -> str:
        """``org.xlsx:Matrix!C6:E6``."""
        return self._at(merged.name())

    def near(self, row: int, column: int) -> str:
        """``Matrix!C3`` (``matrix.csv:C3``): a cell as a note names it, in
        the file the import names."""
        return f"{self.label}{'!' if self.in_workbook else ':'}{column_letter(column)}{row}"

    def _at(self, reference: str) -> str:
        return f"{self.where}{'!' if self.in_workbook else ':'}{reference}"


def is_spreadsheet(path: Path) -> bool:
    return path.suffix.lower() in SHEET_SUFFIXES


def other_spreadsheet_refused(path: Path, kind: str | None) -> ModelFileError | None:
    """The one refusal of a spreadsheet raci does not read (.xls, .ods), told
    by its first bytes (`kind`, see `workbook_kind`) else by its name, with
    the name it has where that says otherwise; None for any other file."""
    other = OTHER_SPREADSHEETS.get(kind or path.suffix.lower())
    if other is None:
        return None
    if kind is None or kind == path.suffix.lower():
        return ModelFileError([Said(N_("{path}: {other}; save it as .xlsx (Excel Workbook) "
                                       "or CSV"), path=path, other=Said(other))])
    return ModelFileError([Said(N_(
        "{path}: {other}, named {suffix}; save it as .xlsx (Excel Workbook) or CSV"),
        path=path, other=Said(other), suffix=path.suffix)])


def workbook_kind(path: Path) -> str | None:
    """The suffix a workbook's first bytes call for, whatever it is named:
    ``.xlsx`` (a zip holding ``xl/``), ``.ods`` (a zip holding
    ``content.xml``), ``.xls`` (an OLE2 file); None for anything else (CSV,
    a missing file). A file renamed by hand is then read or refused as what
    it is, not as its name says."""
    try:
        with path.open("rb") as file:
            start = file.read(len(OLE2_START))
            if start == OLE2_START:
                return ".xls"
            if not start.startswith(b"PK"):
                return None
            with zipfile.ZipFile(file) as archive:
                names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return None
    if any(name.startswith("xl/") for name in names):
        return ".xlsx"
    return ".ods" if "content.xml" in names else None


@functools.lru_cache(maxsize=1024)
def column_letter(column: int) -> str:
    """``A`` for column 0, ``Z`` for 25, ``AA`` for 26."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_number(letters: str) -> int | None:
    """The 0-based column of ``A``, ``AB`` (at most three letters); None otherwise."""
    if not re.fullmatch(r"[A-Za-z]{1,3}", letters):
        return None
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def cell_text(value: Any) -> str:
    """A cell's value as the text a person would type: ``3``, ``2.5``, ``2026-11-01``."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, (dt.date, dt.time, dt.datetime)):
        return value.isoformat()
    return str(value)


def one_line(text: str) -> str:
    """A name typed over lines (Alt+Enter in Excel) or with runs of spaces, as one
    line: ``Team\nHandhaving`` is ``Team Handhaving``."""
    return " ".join(text.split())


@contextmanager
def open_sheets(path: Path) -> Iterator[list[Sheet]]:
    """The sheets of a workbook (in its order), or the one sheet of a CSV file."""
    _check_file(path)
    if path.suffix.lower() in CSV_SUFFIXES:
        from raci.formats.csv_sheet import csv_sheet

        with path.open("rb") as raw:
            yield [csv_sheet(path, raw)]
        return
    with path.open("rb") as raw:  # openpyxl judges a path by its suffix, a file by its bytes
        workbook = _open_workbook(path, raw)
        try:
            yield [_workbook_sheet(path, worksheet) for worksheet in workbook.worksheets]
        finally:
            workbook.close()


def _check_file(path: Path) -> None:
    if not path.exists():
        raise ModelFileError([Said(N_("{path}: no such file"), path=path)])
    if path.is_dir():
        raise ModelFileError([Said(N_("{path}: is a folder; give a .xlsx or .csv file"),
                                   path=path)])
    if path.stat().st_size == 0:
        raise ModelFileError([Said(N_("{path}: the file is empty"), path=path)])


def _open_workbook(path: Path, raw: BinaryIO) -> Any:
    from openpyxl import load_workbook

    try:
        return load_workbook(raw, read_only=True, data_only=True)
    # openpyxl fails on a broken or foreign file with whatever its zip and XML
    # readers raise (BadZipFile, KeyError, ValueError, ParseError, ...).
    except Exception:
        if refusal := other_spreadsheet_refused(path, workbook_kind(path)):
            raise refusal from None
        raise ModelFileError([Said(N_(
            "{path}: not an Excel workbook, or a damaged one; save it from Excel as .xlsx, "
            "or as CSV"), path=path)]) from None


def _workbook_sheet(path: Path, worksheet: Any) -> Sheet:
    name = str(worksheet.title)
    label = name if _PLAIN_SHEET_NAME.fullmatch(name) else "'" + name.replace("'", "''") + "'"
    total = worksheet.max_row if isinstance(worksheet.max_row, int) else None
    # Some programs write a wrong size into the sheet; read what is really there.
    worksheet.reset_dimensions()
    merged, hidden_rows, hidden_columns = _sheet_layout(path, label, worksheet)
    return Sheet(str(path), label, name, _workbook_rows(path, label, worksheet, merged), total,
                 merged=merged, hidden_rows=hidden_rows, hidden_columns=hidden_columns,
                 hidden=worksheet.sheet_state != "visible")


def _sheet_layout(path: Path, label: str, worksheet: Any) -> tuple[list[Merged], list[int],
                                                                   list[int]]:
    """The sheet's merged ranges, which its XML lists after the rows, and its
    hidden rows (1-based) and columns (0-based), which read-only openpyxl does
    not read: the rows are unzipped and searched, not parsed."""
    tail = b""
    rows: set[int] = set()
    columns: set[int] = set()
    try:
        # openpyxl's own handle on the sheet's part of the zip (no public one)
        with worksheet.parent._archive.open(worksheet._worksheet_path) as source:
            while chunk := source.read(1 << 20):
                tail += chunk
                _hidden(tail, rows, columns)
                end = _SHEET_DATA_END.search(tail)
                if end:
                    tail = tail[end.end():] + source.read()
                    break
                tail = tail[-512:]
    except Exception:  # as in _workbook_rows
        raise _unreadable(path, label, 0) from None
    ranges = [Merged(int(first_row), int(last_row), column_number(first.decode()) or 0,
                     column_number(last.decode()) or 0)
              for first, first_row, last, last_row in _MERGED_RANGE.findall(tail)]
    return sorted(ranges, key=lambda m: (m.first_row, m.first_column)), sorted(rows), \
        sorted(columns)


def _hidden(xml: bytes, rows: set[int], columns: set[int]) -> None:
    """Add the hidden rows and columns this piece of a sheet's XML marks."""
    for tag in _HIDDEN_ROW.findall(xml):
        number = _ATTRIBUTE_R.search(tag)
        if number:
            rows.add(int(number.group(1)))
    for tag in _HIDDEN_COLUMN.findall(xml):
        first, last = _ATTRIBUTE_MIN.search(tag), _ATTRIBUTE_MAX.search(tag)
        if first and last:
            columns.update(range(int(first.group(1)) - 1, int(last.group(1))))


def _workbook_rows(path: Path, label: str, worksheet: Any,
                   merged: list[Merged]) -> Iterator[Row]:
    number = 0
    waiting = list(reversed(merged))
    spread: list[tuple[Merged, str]] = []
    try:
        for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            cells = [cell_text(value) for value in values]
            if waiting or spread:
                cells = _spread(number, cells, waiting, spread)
            yield number, cells
    except Exception:  # a broken sheet inside a good zip: as in _open_workbook
        raise _unreadable(path, label, number) from None


def _spread(number: int, cells: list[str], waiting: list[Merged],
            spread: list[tuple[Merged, str]]) -> list[str]:
    """The row with each merged range's value in every cell it covers;
    `waiting` (last first) and `spread` are the ranges to come and under way."""
    while waiting and waiting[-1].first_row <= number:
        merged = waiting.pop()
        first = merged.first_column
        spread.append((merged, cells[first] if first < len(cells) else ""))
    spread[:] = [(merged, text) for merged, text in spread if merged.last_row >= number]
    for merged, text in spread:
        if text:
            cells += [""] * (merged.last_column + 1 - len(cells))
            cells[merged.first_column:merged.last_column + 1] = \
                [text] * (merged.last_column + 1 - merged.first_column)
    return cells


def _unreadable(path: Path, label: str, row: int) -> ModelFileError:
    if row:
        return ModelFileError([Said(N_(
            "{path}: sheet {sheet} could not be read after row {row}: the file is damaged; "
            "open and save it in Excel, or save it as CSV"), path=path, sheet=label, row=row)])
    return ModelFileError([Said(N_(
        "{path}: sheet {sheet} could not be read: the file is damaged; open and save it in "
        "Excel, or save it as CSV"), path=path, sheet=label)])


Progress = Callable[[str, int | None], Callable[[], None]]
"""Called once per step (``reading Matrix``) with its count of rows, if
known; returns what to call after each row. The command line draws a bar."""
