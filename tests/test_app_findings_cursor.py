"""The findings view keeps the cursor row in sight when the detail under
the tree grows (a long finding at 80×24 took the rows the cursor was on)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import findings_tree, loaded
from textual.widgets import Tree

from raci.formats import write_model
from raci.generate import generate_model
from raci.importing import import_file
from raci.tui import make_app


@pytest.fixture(scope="module")
def many_findings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated organisation: some 65 findings, more than 80×24 shows."""
    folder = tmp_path_factory.mktemp("findings")
    write_model(generate_model("small"), folder / "small.yaml")
    import_file(folder / "small.yaml", str(folder / "small.db"))
    return folder / "small.db"


def cursor_in_sight(tree: Tree[object]) -> bool:
    row = tree.cursor_line - tree.scroll_offset.y
    return 0 <= row < tree.scrollable_content_region.height


async def test_the_cursor_row_stays_in_sight_as_the_detail_grows(many_findings: Path) -> None:
    async with make_app(many_findings).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        tree = findings_tree(app)
        for level in tree.root.children:
            for rule in level.children:
                rule.expand()  # its findings, one line each: more than fit
        await pilot.pause()
        for step in range(30):
            await pilot.press("j")
            await pilot.pause()
            await pilot.pause()
            assert cursor_in_sight(tree), (step, tree.cursor_line, tree.scroll_offset.y,
                                           tree.scrollable_content_region.height)
