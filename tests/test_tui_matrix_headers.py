"""The matrix's actor headers use the room there is: a name cut only when
it must be, and then with "…" where words or letters are left out; the
item names take the room the actors leave."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import MODEL_FILE, database_of, loaded
from textual.widgets import Static

from raci.i18n import speak
from raci.tui import make_app
from raci.tui.widgets.matrix import (
    CELL_WIDTH,
    HEADER_LINES,
    ITEM_WIDTH,
    RaciMatrix,
    column_header,
)


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


async def items_at(tmp_path: Path, model_text: str) -> tuple[list[str], RaciMatrix, int]:
    """The matrix's item names as drawn at 120 columns, the matrix, and the
    width it had."""
    async with make_app(database_of(tmp_path, model_text)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        names = [matrix.render_line(HEADER_LINES + row).text[2:matrix.item_width].rstrip()
                 for row in range(len(matrix.rows))]
        return names, matrix, matrix.scrollable_content_region.width


async def test_item_names_take_the_room_the_actors_leave(tmp_path: Path) -> None:
    """At 120 columns, 7 actors: "Klimaatdoelen gebouwde omg…" was cut while
    6 columns stood empty on the right."""
    names, matrix, room = await items_at(tmp_path, MODEL_FILE)
    assert names == [row.name for row in matrix.rows]
    assert "Klimaatdoelen gebouwde omgeving" in names
    assert matrix.virtual_size.width <= room


async def test_a_long_item_name_takes_all_the_room_left_and_no_more(tmp_path: Path) -> None:
    long_name = "Klimaatdoelen gebouwde omgeving " * 3
    names, matrix, room = await items_at(tmp_path, MODEL_FILE.replace(
        "Klimaatdoelen gebouwde omgeving", long_name.strip()))
    assert matrix.item_width > ITEM_WIDTH
    assert matrix.item_width + matrix.cell_width * len(matrix.columns) == room  # every actor shows
    assert names[0] == long_name[:matrix.item_width - 4] + "…"


def counted_model(goals: int, roles: int) -> str:
    """`goals` goals and `roles` roles, and nothing else to put in the matrix."""
    return "\n".join(["raci: 1", "org: {name: Klein, as_of: 2026-11-01}", "roles:",
                      *(f"  - {{id: r{n}, name: Rol {n}}}" for n in range(roles)), "goals:",
                      *(f"  - {{id: g{n}, name: Doel {n}}}" for n in range(goals))]) + "\n"


@pytest.mark.parametrize(("language", "goals", "roles", "counted"), [
    ("en", 2, 1, "2 items × 1 actor"), ("en", 1, 2, "1 item × 2 actors"),
    ("nl", 2, 1, "2 items × 1 actor"), ("nl", 1, 2, "1 item × 2 actoren")])
async def test_the_title_counts_items_and_actors_in_their_form(
        tmp_path: Path, language: str, goals: int, roles: int, counted: str) -> None:
    speak(language)
    async with make_app(database_of(tmp_path, counted_model(goals, roles))).run_test(
            size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert f" · {counted}  " in str(app.query_one("#matrix-title", Static).render())
