"""The app through a review session: what stood in a designer's way (issue 13).

Each test drives the real app headless on a real SQLite file, as
`test_tui` does, with the keys a user presses.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from test_tui import database, loaded, stored, until  # noqa: F401  (a fixture)
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, Tree

from raci.tui import RaciApp, make_app
from raci.tui.screens.keys import KeysScreen
from raci.tui.widgets.waiver_modal import WaiverForm
from raci.tui.widgets.waivers import WaiversScreen


async def test_the_diagram_tab_leaves_the_global_keys_alone(database: Path) -> None:  # noqa: F811
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.show_entity("dg-bw")
        await pilot.press("4")
        await pilot.pause()
        focus = app.query_one("#diagram-focus")
        assert not focus.has_focus
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one("#views").active == "explorer"
        assert app.query_one("#diagram-focus").value == "dg-bw"  # not "1"
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def _cursor_on_finding(pilot: Pilot[None], app: RaciApp, code: str, waived: bool = False
                             ) -> None:
    """Show the findings and put the cursor on the first finding of `code`."""
    await pilot.press("3")
    await pilot.pause()
    tree: Tree[object] = app.query_one("#findings-tree", Tree)
    level = next(n for n in tree.root.children
                 if str(n.label).startswith("waived" if waived else "warning"))
    level.expand()
    rule = next(n for n in level.children if str(n.label).startswith(code))
    rule.expand()
    await pilot.pause()
    tree.move_cursor(rule.children[0])
    await pilot.pause()


async def _waive(pilot: Pilot[None], app: RaciApp, reason: str) -> None:
    form = app.screen
    assert isinstance(form, WaiverForm)
    form.query_one("#waiver-reason", Input).value = reason
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_waived_finding_opens_its_waiver_instead_of_a_second_one(
        database: Path) -> None:  # noqa: F811
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await _cursor_on_finding(pilot, app, "STR005")
        await pilot.press("w")
        await pilot.pause()
        await _waive(pilot, app, "Criteria volgen.")
        await until(pilot, lambda: any(f.code == "STR005" and f.waived for f in app.findings),
                    "the finding waived")
        await _cursor_on_finding(pilot, app, "STR005", waived=True)
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WaiverForm) and form.editing
        assert form.query_one("#waiver-reason", Input).value == "Criteria volgen."
        await pilot.press(*" Na de verkenning.", "ctrl+s")
        await until(pilot, lambda: stored(database).waivers[0].reason
                    == "Criteria volgen. Na de verkenning.", "the waiver changed")
        assert len(stored(database).waivers) == 1


async def test_waivers_are_listed_changed_and_removed(database: Path) -> None:  # noqa: F811
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await _cursor_on_finding(pilot, app, "STR005")
        await pilot.press("w")
        await pilot.pause()
        await _waive(pilot, app, "Criteria volgen.")
        await until(pilot, lambda: stored(database).waivers, "the waiver saved")
        await pilot.press("W")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WaiversScreen)
        waivers = screen.query_one("#waivers-list", OptionList)
        await until(pilot, lambda: "waives 1 finding" in str(
            waivers.get_option_at_index(0).prompt), "the waiver listed")
        listed = Text.from_markup(str(waivers.get_option_at_index(0).prompt)).plain
        assert "STR005 on Isolatieprogramma (i.isolatie)" in listed
        assert "Criteria volgen." in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WaiverForm)
        app.screen.query_one("#waiver-expires", Input).value = "2027-06-30"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(stored(database).waivers[0].expires) == "2027-06-30",
                    "the expiry saved")
        await until(pilot, lambda: "until 2027-06-30" in str(
            waivers.get_option_at_index(0).prompt), "the list following")
        await pilot.press("d")
        await until(pilot, lambda: not stored(database).waivers, "the waiver removed")
        await until(pilot, lambda: waivers.option_count == 0, "the list emptied")
        assert "none yet" in str(screen.query_one("#waivers-title", Static).render())
        await until(pilot, lambda: "STR005" in {f.code for f in app.findings if not f.waived},
                    "the finding back")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(database).waivers, "the removal undone")
