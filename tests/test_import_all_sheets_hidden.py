"""`raci import` of a workbook whose data sheets are all hidden, one blank
sheet showing: the refusal names the blank sheet it read and the hidden ones,
with the `--sheet` to read one, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci


@pytest.fixture
def all_hidden(tmp_path: Path) -> Path:
    """A matrix on the hidden sheets RACI and 'Oud 2024'; Leeg shows, blank."""
    from openpyxl import Workbook

    workbook = Workbook()
    for name in ("RACI", "Oud 2024"):
        sheet = workbook.create_sheet(name)
        for row in [["Taak", "Projectleider", "Wethouder"], ["Plan maken", "A", "I"]]:
            sheet.append(row)
        sheet.sheet_state = "hidden"
    workbook.active.title = "Leeg"
    workbook.save(tmp_path / "allhidden.xlsx")
    return tmp_path / "allhidden.xlsx"


HIDDEN = {
    "en": "sheets RACI, 'Oud 2024' are hidden in the workbook; not read (read one by naming "
          "it, with every sheet to read: --sheet \"RACI\")",
    "nl": "bladen RACI, 'Oud 2024' zijn verborgen in de werkmap; niet gelezen (lees er een "
          "door het te noemen, met elk blad dat gelezen moet worden: --sheet \"RACI\")",
}
BLANK = {
    None: {"en": "sheet Leeg holds no RACI matrix and no roster",
           "nl": "blad Leeg bevat geen RACI-matrix en geen bezettingslijst"},
    "matrix": {"en": "sheet Leeg holds no RACI matrix:", "nl": "blad Leeg bevat geen RACI-matrix:"},
    "roster": {"en": "sheet Leeg holds no roster:", "nl": "blad Leeg bevat geen bezettingslijst:"},
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("layout", [None, "matrix", "roster"])
def test_the_refusal_names_the_blank_sheet_and_the_hidden_ones(
        raci: Raci, all_hidden: Path, language: str, layout: str | None) -> None:
    database = all_hidden.parent / "h.db"
    chosen = () if layout is None else ("--layout", layout)
    result = raci("import", all_hidden, "--into", database, "--lang", language, *chosen)
    assert (result.code, result.out) == (2, "")
    [line] = result.err.splitlines()
    assert line.startswith(f"{all_hidden}: {BLANK[layout][language]}")
    assert line.endswith("; " + HIDDEN[language])
    assert not database.exists()


def test_the_hidden_sheet_named_is_read(raci: Raci, all_hidden: Path) -> None:
    result = raci("import", all_hidden, "--sheet", "RACI", "--into", all_hidden.parent / "h.db")
    assert result.code == 0, result.err
