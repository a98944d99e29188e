"""A branch shown in pages lists its entities by name: a page named by its
first and last name holds the names between (CNCF's 2,158 people paged in
file order read "Antonio Ojea … Sandeep Ra…", then "Michael Grosser … Mark…")."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded

from raci.tui import make_app
from raci.tui.widgets import explorer
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree


async def test_people_in_pages_are_in_order_of_name(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(explorer, "PAGE_SIZE", 2)  # the model's three people in two pages
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ModelTree)
        people = next(n for n in tree.root.children if n.data == KIND_PREFIX + "person")
        tree.move_cursor(people)
        await pilot.press("enter")
        await pilot.pause()
        assert [str(page.label) for page in people.children] == [
            "1–2 Anna Smit … Petra Jansen", "3–3 Sander Dekker … Sander Dekker"]
        tree.move_cursor(people.children[0])
        await pilot.press("enter")
        await pilot.pause()
        assert [n.data for n in people.children[0].children] == ["p.smit", "p.jansen"]
