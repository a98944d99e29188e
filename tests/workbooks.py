"""Spreadsheets the tests build for themselves: tidy, messy and hostile ones."""

from __future__ import annotations

import csv
import re
import shutil
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook


def write_workbook(path: Path, sheets: Mapping[str, Sequence[Sequence[Any]]], *,
                   merged: Mapping[str, Sequence[str]] | None = None) -> Path:
    """A workbook with these sheets (rows of values, None for an empty cell),
    and these ranges merged (``{"Matrix": ["A1:A2"]}``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merged or {}).get(name, ()):
            sheet.merge_cells(cells)
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Sequence[Sequence[str]], *, separator: str = ",",
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as file:
        csv.writer(file, delimiter=separator).writerows(rows)
    return path


def give_cached_values(path: Path, sheet: int, values: Mapping[str, str]) -> None:
    """Store a last-calculated value with each formula cell named, as Excel
    does on saving (openpyxl writes formulas without one)."""
    member = f"xl/worksheets/sheet{sheet}.xml"
    copy = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == member:
                text = data.decode()
                for cell, value in values.items():
                    text, found = re.subn(
                        rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/?>(</v>)?',
                        rf'<c r="{cell}" t="str"><f>\2</f><v>{value}</v>', text)
                    assert found == 1, f"no formula in {cell}"
                data = text.encode()
            target.writestr(item, data)
    shutil.move(copy, path)


def write_plain_workbook(path: Path, sheet: str, rows: Sequence[Sequence[str]]) -> Path:
    """A workbook of one sheet written as bare XML, ten times faster than
    openpyxl writes one: for sheets of 100,000 rows."""
    def cell(column: int, number: int, text: str) -> str:
        letters = chr(ord("A") + column)
        escaped = text.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{letters}{number}" t="str"><v>{escaped}</v></c>'

    body = "".join(
        f'<row r="{n}">' + "".join(cell(c, n, t) for c, t in enumerate(row)) + "</row>"
        for n, row in enumerate(rows, start=1))
    width = max(len(row) for row in rows)
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    package = "http://schemas.openxmlformats.org/package/2006/relationships"
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{office}.worksheet+xml"/></Types>',
        "_rels/.rels":
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{relations}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<workbook xmlns="{main}" xmlns:r="{relations}"><sheets>'
            f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<Relationships xmlns="{package}"><Relationship Id="rId1" '
            f'Type="{relations}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml":
            f'<worksheet xmlns="{main}"><dimension ref="A1:{chr(ord("A") + width - 1)}'
            f'{len(rows)}"/><sheetData>{body}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path
