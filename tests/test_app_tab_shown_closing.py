"""A tab shown while the app closes: Textual may deliver the tab's
TabActivated after the views are removed (the clean-clone CI, at load, in
tests/test_app_diagram_tab.py: "No nodes match 'ExplorerView'"). It is
passed over, not an error."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded
from textual.widgets import TabbedContent

from raci.tui import make_app
from raci.tui.widgets.explorer import ExplorerView


async def test_a_tab_shown_after_the_views_are_gone_is_passed_over(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        tabs = app.query_one(TabbedContent)
        shown = TabbedContent.TabActivated(tabs, tabs.get_tab("matrix"))
        await app.query_one(ExplorerView).remove()
        app._view_shown(shown)  # raised NoMatches
        assert not app.query(ExplorerView)
