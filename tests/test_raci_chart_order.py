"""The `raci` view's chart keeps a sheet's sections: each goal followed by
its items, in the order the matrix and the report list them (one function
decides it: `in_reading_order`)."""

from __future__ import annotations

from pathlib import Path

from conftest import Raci

from raci.export.matrix import build_matrix
from raci.export.views import raci_view
from raci.source import open_model

SECTIONED = """\
Taak,Projectleider,Wethouder
Voorbereiding,,
Plan maken,A,I
Budget vragen,R,A
Draagvlak peilen,C,A
Uitvoering,,
Wijkaanpak,A,C
Subsidie verlenen,R,A
Evaluatie,A,I
"""


def test_the_chart_lists_each_section_with_its_items_as_the_matrix_does(
        raci: Raci, tmp_path: Path) -> None:
    sheet = tmp_path / "plan.csv"
    sheet.write_text(SECTIONED, encoding="utf-8")
    result = raci("import", sheet, "--into", tmp_path / "plan.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "plan.db")).model
    rows = raci_view(model).table_rows()
    assert rows is not None, "eight items are drawn as a chart"
    assert [getattr(model.get(row), "name", row) for row in rows] == [
        "Voorbereiding", "Plan maken", "Budget vragen", "Draagvlak peilen",
        "Uitvoering", "Wijkaanpak", "Subsidie verlenen", "Evaluatie"]
    assert rows == [item.id for item in build_matrix(model).rows]
