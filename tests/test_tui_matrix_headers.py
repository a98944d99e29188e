"""The matrix's actor headers use the room there is: a name cut only when
it must be, and then with "…" where words or letters are left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import MODEL_FILE, database_of, loaded

from raci.tui import make_app
from raci.tui.widgets.matrix import CELL_WIDTH, ITEM_WIDTH, RaciMatrix, column_header


async def headers_at(tmp_path: Path, width: int) -> tuple[str, str, int, bool]:
    """The matrix's two header lines at `width` columns, its columns' width,
    and whether every column is on screen."""
    database = database_of(tmp_path, MODEL_FILE.replace("Petra Jansen", "Koen van der Wal"))
    async with make_app(database).run_test(size=(width, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        assert len(matrix.columns) == 7
        room = matrix.scrollable_content_region.width
        every_column = (ITEM_WIDTH + matrix.cell_width * 7 <= room
                        and matrix.virtual_size.width <= room)
        return (matrix.render_line(0).text, matrix.render_line(1).text, matrix.cell_width,
                every_column)


async def test_a_name_shows_whole_where_the_screen_has_room(tmp_path: Path) -> None:
    """At 120 columns, 7 actors: "Koen van der Wal" read "Koen" over "Wal"
    (another person) in 8 columns while 30 stood empty."""
    first, second, width, every_column = await headers_at(tmp_path, 120)
    assert width > CELL_WIDTH and every_column
    at = first.index("Koen van")
    assert second[at:].startswith("der Wal")


async def test_a_name_cut_says_so(tmp_path: Path) -> None:
    first, second, width, every_column = await headers_at(tmp_path, 80)
    assert width == CELL_WIDTH and not every_column
    at = first.index("Koen ")
    assert second[at:].startswith("…Wal")


@pytest.mark.parametrize(("name", "width", "lines"), [
    ("Koen van der Wal", 7, ("Koen", "…Wal")),
    ("Koen van der Wal", 11, ("Koen van", "der Wal")),
    ("Koen van der Wal", 15, ("Koen van der", "Wal")),
    ("Directeur-Generaal Bouwen en Wonen", 7, ("Direct…", "…Wonen")),
    ("Directeur-Generaal Bouwen en Wonen", 15, ("Directeur-", "…en Wonen")),
    ("Stuurgroep Warmte", 11, ("Stuurgroep", "Warmte")),
])
def test_words_left_out_between_the_lines_show_as_an_ellipsis(
        name: str, width: int, lines: tuple[str, str]) -> None:
    assert column_header(name, width) == lines
