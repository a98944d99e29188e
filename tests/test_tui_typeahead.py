"""Keys typed the moment a form opens land in its first field.

A user who presses `n` and types the name at once used to lose the first
keys: the form's first field got the focus only once the form was mounted,
and keys that came before went to the form itself, which ignored them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from apphelp import loaded, said, stored, until
from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree


def type_at_once(app: App[None], keys: str) -> None:
    """Send keys as a fast typist does: all at once, none waiting for the screen."""
    for key in keys:
        app.post_message(events.Key("space" if key == " " else key, key))


async def opened(app: App[None], key: str, form: type[Screen[Any]]) -> Screen[Any]:
    """Press `key` and come back the moment the form is on the stack, before it is
    mounted: as when the key that opens it took a while (a national model)."""
    type_at_once(app, key)
    while not isinstance(app.screen, form):
        await asyncio.sleep(0)
    assert not app.screen.is_mounted
    return app.screen


async def test_a_name_typed_as_the_add_form_opens_is_kept(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "goal")
        await pilot.pause()
        form = await opened(app, "n", EntityForm)
        type_at_once(app, "Warme wijken")
        await pilot.pause()
        assert form.query_one("#field-name", Input).value == "Warme wijken"


async def test_n_and_a_name_typed_at_once_give_the_form_that_name(database: Path) -> None:
    """As in a real terminal: `n` and the name arrive together, while the tree has
    the focus; Textual runs the `n` binding only once the key came back up to the
    app, after it handed the name's keys to the tree."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "goal")
        await pilot.pause()
        type_at_once(app, "nWarme wijken")
        # As a user waits for the form to show the name (under load it takes a moment).
        await until(pilot, lambda: isinstance(app.screen, EntityForm)
                    and app.screen.query("#field-name")
                    and app.screen.query_one("#field-name", Input).value == "Warme wijken",
                    "the goal form with the name typed")
        assert isinstance(app.screen, EntityForm) and app.screen.kind == "goal"


async def test_n_a_name_and_ctrl_s_typed_at_once_save_the_new_entity(
        database: Path) -> None:
    """The save key among the keys typed before the form was ready saves, as
    it does once the form is there (it used to be lost: the form stayed open)."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "unit")
        await pilot.pause()
        type_at_once(app, "nSnelle Eenheid")
        app.post_message(events.Key("ctrl+s", None))
        await until(pilot, lambda: "Added unit Snelle Eenheid (snelle-eenheid)" in said(app),
                    "the unit added")
        assert not isinstance(app.screen, EntityForm)
        await until(pilot, lambda: any(u.name == "Snelle Eenheid"
                                       for u in stored(database).units.values()),
                    "the unit in the database")


async def test_a_letter_typed_with_the_key_that_shows_the_matrix_is_set(
        database: Path) -> None:
    """`2` and `i` at once: the `i` reached the explorer, which had the focus
    still, and was lost; it goes to the matrix now, as typed."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        assert stored(database).letters_of("g.klimaat", "sg-bzk") == ("A",)
        type_at_once(app, "2i")
        await until(pilot, lambda: stored(database).letters_of("g.klimaat", "sg-bzk") == ("I",),
                    "the letter saved")
