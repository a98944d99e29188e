"""`/` in the app: the match is a row in sight, and the count is every match.

The real app, headless, on a model with more people than fit on the screen
and more than the search used to count."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import database_of, loaded, typed, until
from textual.pilot import Pilot
from textual.widgets import Label

from raci.tui import RaciApp, make_app
from raci.tui.widgets.explorer import ModelTree
from raci.tui.widgets.search import SearchBar

PEOPLE = 683
"""More people of one surname than the search used to count (200)."""


def crowded() -> str:
    people = "\n".join(f"  - id: p.{n}\n    name: Persoon {n} Jansen" for n in range(PEOPLE))
    return f"raci: 1\norg:\n  name: Druk\npeople:\n{people}\n"


@pytest.fixture
def crowd(tmp_path: Path) -> Path:
    return database_of(tmp_path, crowded())


async def searching(pilot: Pilot[None], app: RaciApp, text: str) -> SearchBar:
    await pilot.press("slash")
    await until(pilot, lambda: isinstance(app.screen, SearchBar), "the search bar")
    await typed(pilot, text)
    await pilot.pause()
    bar = app.screen
    assert isinstance(bar, SearchBar)
    return bar


@pytest.mark.parametrize(("language", "count"), [("en", "1 of 683"), ("nl", "1 van 683")])
async def test_the_count_is_every_match(crowd: Path, language: str, count: str,
                                        request: pytest.FixtureRequest) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    async with make_app(crowd).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        bar = await searching(pilot, app, "Jansen")
        assert str(bar.query_one("#search-count", Label).render()) == count
        await pilot.press("up")  # from the first to the last match
        await pilot.pause()
        assert str(bar.query_one("#search-count", Label).render()).startswith("683")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_match_is_a_row_above_the_bar(crowd: Path, size: tuple[int, int]) -> None:
    async with make_app(crowd).run_test(size=size) as pilot:
        app = await loaded(pilot)
        bar = await searching(pilot, app, "Jansen")
        tree = app.query_one(ModelTree)
        bar_row = bar.query_one("#search-bar").region.y
        for _ in range(size[1]):
            await pilot.press("down")
            await pilot.pause()
            wanted = bar.searchable.keys[bar.matches[bar.at]]
            await until(pilot, lambda wanted=wanted: tree.cursor_node is not None
                        and tree.cursor_node.data == wanted, "the cursor on the match")
            await pilot.pause()
            row = tree.content_region.y + tree.cursor_line - round(tree.scroll_offset.y)
            assert tree.content_region.y <= row < bar_row, (wanted, row, bar_row)
