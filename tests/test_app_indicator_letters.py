"""An indicator's letters in the app's matrix: clearing the last one leaves
an indicator that never had any, as `raci unassign` does (SPEC §1)."""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, stored, until

from raci.tui import make_app
from raci.tui.widgets.matrix import RaciMatrix


async def test_clearing_an_indicators_last_letter_takes_its_row_away(database: Path) -> None:
    """k.woningen's one letter is dg-bw's A: cleared, the indicator carries no
    `raci` block, so it leaves the matrix, and the cursor stays on a row."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        rows = [r.id for r in matrix.rows]
        await pilot.press(*["down"] * rows.index("k.woningen"), "right")
        assert matrix.cursor_cell is not None
        assert [e.id for e in matrix.cursor_cell] == ["k.woningen", "dg-bw"]
        await pilot.press("space")
        await until(pilot, lambda: not stored(database).kpis["k.woningen"].has_raci,
                    "the indicator with no raci block")
        await until(pilot, lambda: "k.woningen" not in [r.id for r in matrix.rows],
                    "its row gone")
        assert matrix.cursor_cell is not None
