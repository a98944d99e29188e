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
