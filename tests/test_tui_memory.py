"""The app's memory over a long session: hundreds of edits, each linted.

The collector used to be frozen after every full lint, so each edit's
garbage moved where no collection frees it (2.6M frozen objects and 490 MB
after 240 edits of a large model). The app freezes once, after its first
load and lint; after that the frozen count stays put and what is alive grows only
by the undo history.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

from apphelp import loaded, until

from raci.model.changes import Change
from raci.tui import make_app
from raci.tui.app import COLLECTOR_THRESHOLDS
from raci.tui.messages import ChangeRequested

EDITS = 300
UNDO_HISTORY_OBJECTS_PER_EDIT = 60
"""An edit and the change undoing it, with a copy of the entity: about 15 objects."""
FROZEN_LEEWAY = 1_000
"""Apps of earlier tests in this process may still be winding down."""


def alive() -> tuple[int, int]:
    """(frozen objects, every object the collector tracks), after a full collection."""
    gc.collect()
    frozen = gc.get_freeze_count()
    return frozen, frozen + len(gc.get_objects())


async def test_memory_stays_flat_over_hundreds_of_edits(database: Path) -> None:
    gc.unfreeze()  # what earlier tests' apps froze
    app = make_app(database)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await loaded(pilot)
            assert app.session is not None
            await until(pilot, lambda: gc.get_freeze_count() > 0, "the app to freeze its model")
            frozen_after_load = gc.get_freeze_count()
            counts = {}
            for number in range(1, EDITS + 1):
                goal = app.session.model.goals["g.klimaat"]
                before = app.findings
                app.post_message(ChangeRequested(
                    Change(put=[replace(goal, name=f"Klimaatdoelen {number}")]), ""))
                await until(pilot, lambda b=before: app.findings is not b, "the edit linted")
                if number in (100, EDITS):
                    counts[number] = alive()
            # Frozen objects are only ever freed; a freeze per edit added ~600 an edit here.
            assert counts[100][0] <= frozen_after_load + FROZEN_LEEWAY
            assert counts[EDITS][0] <= counts[100][0] + FROZEN_LEEWAY
            grown = counts[EDITS][1] - counts[100][1]
            assert grown < (EDITS - 100) * UNDO_HISTORY_OBJECTS_PER_EDIT, grown
    finally:
        gc.unfreeze()


async def test_the_collector_is_on_once_the_model_is_settled(database: Path) -> None:
    app = make_app(database)
    try:
        async with app.run_test(size=(100, 40)) as pilot:
            await loaded(pilot)
            await until(pilot, lambda: gc.get_freeze_count() > 0, "the app to freeze its model")
            assert gc.isenabled() and gc.get_threshold() == COLLECTOR_THRESHOLDS
    finally:
        gc.unfreeze()


async def test_an_app_that_ends_before_its_model_is_loaded_leaves_the_collector_on(
        tmp_path: Path) -> None:
    """The app switches the collector off until its first model is settled."""
    app = make_app(tmp_path / "missing.db")
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: app.failure is not None, "the failure")
    assert gc.isenabled()
