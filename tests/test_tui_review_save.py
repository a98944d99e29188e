"""A save that fails while a review is paused: the review must not count
the edit that never reached the database (as a fix, or in the minutes'
"what changed").
The app records each edit made during a pause in `Reviewing.meanwhile` as
it is shown; a failed save takes it out again, as it does from the undo
history.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, said, stored, until
from test_tui_save_failed import WAIT, kept_busy
from test_tui_suggest import OWNERLESS, TODAY, codes, on_the_table, paused_at_ownerless, text_of

from raci.model import Assignment
from raci.model.changes import Change
from raci.tui import make_app
from raci.tui.messages import ChangeRequested


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("raci.store.engine.BUSY_TIMEOUT_SECONDS", WAIT)


async def test_an_edit_not_saved_during_a_pause_is_not_the_fix(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await paused_at_ownerless(pilot, app)
        with kept_busy(database):
            app.post_message(ChangeRequested(Change(
                assign=[Assignment("i.isolatie", "A", "sg-bzk")]), "A of i.isolatie to sg-bzk"))
            await until(pilot, lambda: any("not saved" in text for text in said(app)),
                        "the failure said")
        await until(pilot, lambda: OWNERLESS in codes(app, "i.isolatie"), "the findings again")
        assert not stored(database).actors("i.isolatie", "A")
        await pilot.press("R")
        await on_the_table(pilot, app)
        assert "OWN001" in text_of(app, "#review-finding")  # not fixed: asked again
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    minutes = (database.parent / f"org-review-{TODAY.isoformat()}.md").read_text()
    assert "A of i.isolatie to sg-bzk" not in minutes
