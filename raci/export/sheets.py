"""The RACI matrix as a workbook or a CSV file that `raci import` reads back exactly.

A workbook has one sheet per top-level goal (its area: the goal, the goals
below it, the initiatives serving them, the decisions about those and the
indicators with letters measuring them), a sheet for items in no area, and
a sheet of the findings. Each matrix sheet (and the CSV file) has:

- the organisation's name as its title (an import into a new database
  names the model after it);
- a hidden row of ``raci:`` cells with each column's id (an actor's
  as ``raci:role:dg-bw``), so that an import matches ids, not names;
- a header of actor **names** (turned upright), frozen with the item
  columns, and a filter on every column;
- columns Id, Kind, Goal (a goal's parent, an initiative's goals, what a
  decision is about, what an indicator measures: names, or ids where a
  name is not unique), Item, the actors, then Description if any item has one;
- one colour per letter (conditional formats: an edited cell takes its colour).

A CSV file holds the whole matrix in one table, UTF-8 with a BOM so that
Excel reads accented names right; a CSV has no hidden rows, so the
``raci:`` row shows.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from raci.errors import UsageError
from raci.export.matrix import Matrix, build_matrix, goal_area_matrices
from raci.i18n import N_, _, format_count
from raci.lint.findings import Finding
from raci.lint.message import localized
from raci.model import Decision, Entity, Goal, Initiative, Kpi, Model, kind_of
from raci.model.naming import name_key
from raci.vocabulary import LEVEL_NAMES, Words, counted

IDS_MARK = "raci:"
DESCRIBING = Words({"id": N_("Id"), "kind": N_("Kind"), "goal": N_("Goal"), "item": N_("Item")})
"""The item columns' headers, in the user's language (`raci import` reads both)."""
LETTER_FILLS = {"A": "F5B7B1", "A/R": "F5B7B1", "R": "FCF3CF", "C": "D6EAF8", "I": "E5E8E8"}
"""One colour per letter: the owner red (as in the diagrams), C blue, I grey."""
HEADER_FILL = "D5D8DC"
IDS_ROW, HEADER_ROW = 2, 3
"""Rows of a matrix sheet: the title, the hidden ``raci:`` row, the header."""
SHEET_NAME_LENGTH = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
FINDINGS_SHEET = N_("Findings")
FINDING_COLUMNS = (N_("Code"), N_("Level"), N_("Rule"), N_("Message"), N_("Targets"),
                   N_("Waived"))
SHEET_COLUMNS, SHEET_ROWS = 16_384, 1_048_576
"""The most columns and rows a spreadsheet opens (Excel's limits; LibreOffice's are alike)."""


def matrix_rows(model: Model, matrix: Matrix,
                references: _References | None = None) -> Iterator[list[str]]:
    """The title, the ``raci:`` row, the header and one row per item, as text."""
    describe = any(row.description for row in matrix.rows)
    ids = [IDS_MARK + f for f in ("id", "kind", "goal", "item")] + [
        f"{IDS_MARK}{kind_of(actor)}:{actor.id}" for actor in matrix.columns]
    header = [*DESCRIBING.values(), *(actor.name for actor in matrix.columns)]
    if describe:
        ids.append(IDS_MARK + "description")
        header.append(_("Description"))
    references = references or _References(model)
    yield from ([model.org.name], ids, header)
    for item, letters in matrix.rows_with_letters():
        row = [item.id, matrix.kind_word(item.id), references.of(item), item.name, *letters]
        yield [*row, item.description or ""] if describe else row


def check_fits_a_sheet(matrix: Matrix) -> None:
    """Refuse a matrix larger than a spreadsheet opens (a national model's is
    tens of thousands of items by actors: hundreds of millions of cells)."""
    columns = len(DESCRIBING) + len(matrix.columns) + 1
    rows = HEADER_ROW + len(matrix.rows)
    if columns > SHEET_COLUMNS or rows > SHEET_ROWS:
        raise UsageError(_(
            "the RACI matrix is {items} by {actors}, more than a spreadsheet opens "
            "({rows} rows, {columns} columns); export the model file (-o org.yaml), "
            "or part of the matrix: `raci matrix MODEL --scope ID --format csv`").format(
            items=counted(len(matrix.rows), "item"),
            actors=counted(len(matrix.columns), "actor"),
            rows=format_count(SHEET_ROWS), columns=format_count(SHEET_COLUMNS)))


class _References:
    """What the Goal column says of an item, by name where the name is unique."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.names = Counter(name_key(item.name) for item in (*model.items(),
                                                             *model.kpis.values()))

    def of(self, item: Entity) -> str:
        return "; ".join(self._word(target) for target in _targets(item))

    def _word(self, target: str) -> str:
        entity = self.model.get(target)
        if entity is None or self.names[name_key(entity.name)] > 1 or \
                re.search(r"[;\n]", entity.name):
            return target
        return entity.name


def _targets(item: Entity) -> list[str]:
    if isinstance(item, Goal):
        return [item.parent] if item.parent else []
    if isinstance(item, Initiative):
        return item.goals
    if isinstance(item, Decision):
        return item.about
    if isinstance(item, Kpi):
        return [item.measures]
    return []


def matrix_csv_lines(model: Model) -> Iterator[str]:
    """The whole matrix as CSV, line by line, so that memory stays flat (write
    it as UTF-8 with a BOM: `write_matrix_csv`). A matrix larger than a
    spreadsheet opens is refused here, before any line."""
    matrix = build_matrix(model)
    check_fits_a_sheet(matrix)
    return _csv_lines(matrix_rows(model, matrix))


def _csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


def write_matrix_csv(model: Model, path: Path) -> None:
    lines = matrix_csv_lines(model)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        file.writelines(lines)


def write_matrix_workbook(model: Model, findings: Iterable[Finding], path: Path) -> None:
    """The workbook: a sheet per goal area, then the findings."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    names: set[str] = set()
    areas = goal_area_matrices(model)
    references = _References(model)  # once: a sheet per goal area would each count names
    for area in areas:
        sheet = workbook.create_sheet(_sheet_name(area.name, names))
        check_fits_a_sheet(area.matrix)
        _fill_matrix_sheet(sheet, list(matrix_rows(model, area.matrix, references)))
    if not areas:  # an empty model: one empty matrix, so the file still imports
        _fill_matrix_sheet(workbook.create_sheet(_("Matrix")),
                           list(matrix_rows(model, build_matrix(model))))
    _fill_findings_sheet(workbook.create_sheet(_sheet_name(_(FINDINGS_SHEET), names)), findings)
    workbook.properties.title = model.org.name
    workbook.save(path)


def _sheet_name(name: str, taken: set[str]) -> str:
    """A sheet name Excel takes: at most 31 characters, none of []:*?/\\, unique."""
    base = _SHEET_NAME_FORBIDDEN.sub(" ", " ".join(name.split())).strip("' ") or "Sheet"
    base = base[:SHEET_NAME_LENGTH]
    made, number = base, 1
    while made.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        made = base[:SHEET_NAME_LENGTH - len(suffix)] + suffix
    taken.add(made.casefold())
    return made


def _fill_matrix_sheet(sheet: Any, rows: list[list[str]]) -> None:
    from openpyxl.styles import Font

    for row in rows:
        sheet.append([text or None for text in row])  # a blank cell is no cell: 5x smaller
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.row_dimensions[IDS_ROW].hidden = True
    ids, header = rows[IDS_ROW - 1], rows[HEADER_ROW - 1]
    actors = [c for c in range(len(DESCRIBING), len(header))
              if not ids[c].endswith(":description")]
    _style_header(sheet, actors)
    last = max(len(rows), HEADER_ROW)
    sheet.freeze_panes = f"{_letter(len(DESCRIBING))}{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{_letter(len(header) - 1)}{last}"
    if actors and last > HEADER_ROW:
        _colour_letters(sheet, f"{_letter(actors[0])}{HEADER_ROW + 1}:"
                               f"{_letter(actors[-1])}{last}")


def _style_header(sheet: Any, actors: list[int]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for column, cell in enumerate(sheet[HEADER_ROW]):
        cell.font, cell.fill = bold, fill
        if column in actors:  # names upright, so that sixty actors fit a screen
            cell.alignment = Alignment(text_rotation=90, horizontal="center", wrap_text=True)
    if actors:
        sheet.row_dimensions[HEADER_ROW].height = 120
    for column, size in enumerate((16, 11, 28, 48)):
        sheet.column_dimensions[_letter(column)].width = size
    for column in actors:
        sheet.column_dimensions[_letter(column)].width = 6


def _colour_letters(sheet: Any, cells: str) -> None:
    """One fill per letter, as conditional formats: a cell edited later takes its colour."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    for letters, colour in LETTER_FILLS.items():
        sheet.conditional_formatting.add(cells, CellIsRule(
            operator="equal", formula=[f'"{letters}"'],
            fill=PatternFill("solid", fgColor=colour, bgColor=colour),
            font=Font(bold=letters.startswith("A"))))


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column + 1))


def _fill_findings_sheet(sheet: Any, findings: Iterable[Finding]) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet.append([_(column) for column in FINDING_COLUMNS])
    for finding in findings:
        sheet.append([finding.code, LEVEL_NAMES[finding.level], finding.name,  # for people
                      localized(finding.message), ", ".join(finding.targets),
                      _("waived") if finding.waived else ""])
    for cell in sheet[1]:
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    for column, size in zip("ABCDEF", (9, 9, 26, 90, 30, 8), strict=True):
        sheet.column_dimensions[column].width = size
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:F{sheet.max_row}"
