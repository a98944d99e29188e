"""The line under the matrix names item and actor in full, however long, and
still shows the item's finding under them: cut with "…" where it is longer
than the screen is wide, never left out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from apphelp import MODEL_FILE, database_of, loaded, on_matrix_row
from textual.geometry import Region
from textual.widgets import Static

from raci.tui import make_app
from raci.tui.widgets.matrix import MatrixView, RaciMatrix

LONG = "Isolatieprogramma voor alle huurwoningen van de woningcorporaties in de regio"


def shown_under_grid(view: MatrixView) -> list[str]:
    """The lines the user sees under the grid, as drawn in the room each line has."""
    lines = []
    for line in view.query(Static).results(Static):
        if line.id in ("matrix-cell", "matrix-finding"):
            region = Region(0, 0, line.region.width, line.region.height)
            lines += [strip.text.strip() for strip in line.render_lines(region)]
    return lines


async def test_a_long_item_leaves_its_finding_shown_and_cut_with_an_ellipsis(
        tmp_path: Path) -> None:
    database = database_of(tmp_path, MODEL_FILE.replace("name: Isolatieprogramma",
                                                        f"name: {LONG}"))
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        matrix = await on_matrix_row(pilot, app, "i.isolatie")
        lines = shown_under_grid(app.query_one(MatrixView))
        said = " ".join(lines)
        assert LONG in said and matrix.columns[0].name in said, lines  # both in full
        assert lines[-1].startswith("OWN"), lines
        assert lines[-1].endswith("…"), lines


@pytest.mark.usefixtures("in_dutch")
async def test_more_findings_are_counted_in_dutch(tmp_path: Path) -> None:
    async with make_app(database_of(tmp_path, MODEL_FILE)).run_test(size=(200, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        counted = []
        for row in range(len(matrix.rows)):
            matrix.go_to(0, row)
            await pilot.pause()
            counted += [line for line in shown_under_grid(app.query_one(MatrixView))
                        if "(+" in line]
        assert counted and all(re.match(r"\w+ \(\+\d+ meer\) ", line) for line in counted), counted
