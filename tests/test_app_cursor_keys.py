"""Keys typed right behind a cursor move act on the entity the cursor moved to,
as the detail pane shows it: `j d y` deleted the entity the cursor had left."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, stored, until
from test_app_typing_fast import type_at_once
from textual.pilot import Pilot

from raci.tui import RaciApp, make_app
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import ModelTree
from raci.tui.widgets.rename_modal import RenameForm

LEFT, BELOW = "sg-bzk", "dg-bw"
"""Two roles of the model, one under the other in the explorer."""


async def on_the_role_above(pilot: Pilot[None], app: RaciApp) -> ModelTree:
    """The explorer's cursor on `LEFT`, its detail shown."""
    tree = app.query_one(ModelTree)
    app.show_entity(LEFT)
    await until(pilot, lambda: tree.cursor_node is not None and tree.cursor_node.data == LEFT,
                "the cursor on the role above")
    await pilot.pause()
    return tree


@pytest.mark.parametrize("key", ["e", "r", "d"])
async def test_a_key_typed_with_the_move_down_acts_on_the_entity_below(
        database: Path, key: str) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        tree = await on_the_role_above(pilot, app)
        type_at_once(app, "j", key)
        await until(pilot, lambda: len(app.screen_stack) > 1 and app.screen.is_mounted,
                    "the dialog")
        screen = app.screen
        assert tree.cursor_node is not None and tree.cursor_node.data == BELOW
        if isinstance(screen, EntityForm):
            assert screen.entity is not None and screen.entity.id == BELOW
        elif isinstance(screen, RenameForm):
            assert screen.entity_id == BELOW
        else:
            assert isinstance(screen, ConfirmDelete) and BELOW in screen.question


async def test_j_d_y_typed_at_once_deletes_the_entity_below(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_role_above(pilot, app)
        type_at_once(app, "j", "d", "y")
        await until(pilot, lambda: BELOW not in stored(database).roles, "the role deleted")
        assert LEFT in stored(database).roles
