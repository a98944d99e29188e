"""The findings view while an edit's findings are still being linted: the
last lint's tree, whole, and a title that says it is being updated."""

from __future__ import annotations

from pathlib import Path

from apphelp import findings_tree, loaded, until
from textual.widgets import Static

from raci.model.changes import set_cells
from raci.tui import RaciApp, make_app
from raci.tui.messages import ChangeRequested


def title(app: RaciApp) -> str:
    return str(app.query_one("#findings-title", Static).render())


def level_lines(app: RaciApp) -> list[str]:
    return [str(node.label) for node in findings_tree(app).root.children]


async def test_an_edit_shows_the_old_findings_whole_and_says_they_are_updating(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await until(pilot, lambda: "error" in title(app), "the findings")
        before = level_lines(app)
        assert "updating…" not in title(app)
        session = app.session
        assert session is not None
        # Held as a long lint holds it: the edit's findings cannot come yet.
        with session.lock:
            change = set_cells(session.model, {("g.klimaat", "sg-bzk"): ()})
            app.post_message(ChangeRequested(change, "took the A off"))
            await until(pilot, lambda: "updating…" in title(app), "the title saying so")
            assert level_lines(app) == before  # the last lint's tree, as it was
        await until(pilot, lambda: "updating…" not in title(app), "the edit's findings")
        assert level_lines(app) != before
        errors = sum(1 for f in app.findings if f.level == "error" and not f.waived)
        assert level_lines(app)[0] == f"error ({errors})"
