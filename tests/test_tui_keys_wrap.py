"""The `?` screen: a description too long for its line wraps under itself,
not under the keys, so the keys column reads down the left edge."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from textual.geometry import Region
from textual.widgets import Static

from raci.tui import make_app
from raci.tui.screens.keys import KEY_WIDTH, KeysScreen


async def test_a_wrapped_description_starts_under_the_description(database: Path) -> None:
    async with make_app(database).run_test(size=(70, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen), "the keys")
        await pilot.pause()
        listed = app.screen.query_one("#keys-list Static", Static)
        lines = [strip.text.rstrip() for strip in listed.render_lines(
            Region(0, 0, listed.size.width, listed.size.height))]
    start = next(n for n, line in enumerate(lines) if line.lstrip().startswith("click "))
    first, *rest = lines[start:start + 3]
    column = first.index("A tab")
    assert column > KEY_WIDTH  # the widest key and a space before it
    assert rest[0][:column].strip() == "" and rest[0][column] != " ", rest  # wrapped beside
