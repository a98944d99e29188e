"""The palette's enter on an entity in the view shown: what it does again
and what it leaves as it was.

Its time is the benchmark's (`benchmarks/app_bench.py`, "palette, enter to
the person shown"); these tests hold the work it leaves out.
"""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from textual.pilot import Pilot
from textual.widgets import OptionList

from raci.tui import RaciApp, make_app
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.footer import FittingFooter


async def test_the_footer_stays_as_it_was_when_its_keys_do(database: Path) -> None:
    """The palette closed on the explorer gives the explorer its keys again:
    the footer built them anew and restyled every one (a quarter of the
    enter's time on a national model)."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        footer = app.screen.query_one(FittingFooter)
        keys = list(footer.children)
        assert keys
        await jump(pilot, app, "Sander Dekker", "p.dekker")
        assert list(footer.children) == keys


async def test_the_footer_follows_keys_that_change(database: Path) -> None:
    """The palette's "Show matrix": the matrix's keys, not the explorer's."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        footer = app.screen.query_one(FittingFooter)
        assert "rename" in actions_shown(footer)
        await pilot.press("ctrl+p")
        await pilot.press(*"Show matrix")
        await until(pilot, lambda: first_hit(app).startswith("Show matrix"), "the action")
        await pilot.press("enter")
        await until(pilot, lambda: "set_letter('R')" in actions_shown(footer), "the matrix keys")
        assert "rename" not in actions_shown(footer)


async def jump(pilot: Pilot[None], app: RaciApp, name: str, entity_id: str) -> None:
    """Choose an entity in the palette by its name; wait until the explorer shows it."""
    await pilot.press("ctrl+p")
    await pilot.press(*name)
    await until(pilot, lambda: f"({entity_id})" in first_hit(app), "the entity first")
    await pilot.press("enter")
    await until(pilot, lambda: app.query_one(ExplorerView).current == entity_id, "the entity")
    await pilot.pause()


def first_hit(app: RaciApp) -> str:
    hits = app.screen.query("CommandList")
    if not hits or not hits.first(OptionList).option_count:
        return ""
    return str(hits.first(OptionList).get_option_at_index(0).prompt)


def actions_shown(footer: FittingFooter) -> set[str]:
    return {str(getattr(key, "action", "")) for key in footer.query("FooterKey")}
