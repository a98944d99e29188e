"""Read-only (`raci edit --read-only`, `raci serve` without --write): the
footer and the explorer's first words offer no key that would be refused
(they offered n, e, d, r, o and R, and "n adds one…"); the keys still say
why they do nothing."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, until
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from raci.tui import make_app
from raci.tui.widgets.footer import FittingFooter


def footer_actions(app: object) -> set[str]:
    footer = app.screen.query_one(FittingFooter)  # type: ignore[attr-defined]
    return {key.action for key in footer.query(FooterKey)}


async def test_read_only_footer_and_hint_offer_no_edit(database: Path) -> None:
    async with make_app(database, read_only=True).run_test(size=(160, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.pause()
        actions = footer_actions(app)
        assert "show_keys" in actions
        assert not actions & {"add", "edit", "delete", "rename", "app.edit_org", "review",
                               "undo", "redo"}
        hint = str(app.query_one("#entity-fields", Static).render())
        assert "adds one" not in hint
        assert "Read-only" in hint
        await pilot.press("2")
        await until(pilot, lambda: "show_view" not in footer_actions(app)
                    and "pick_scope" in footer_actions(app), "the matrix's keys")
        assert not any(action.startswith(("set_letter", "clear")) for action in footer_actions(app))
        await pilot.press("r")  # R on the cell: refused
        await until(pilot, lambda: app._notifications, "why not")  # the key says why


async def test_editing_footer_offers_the_edits(database: Path) -> None:
    async with make_app(database).run_test(size=(160, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.pause()
        assert {"add", "edit", "delete", "review"} <= footer_actions(app)
        assert "adds one" in str(app.query_one("#entity-fields", Static).render())
