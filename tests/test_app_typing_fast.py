"""Keys typed fast, as a form opens or in an open form, are applied in the
order typed, and a save typed last saves what was typed before it.

Keys that come before the form is ready are kept and typed into its first
field once it is; a key that is not text among them (backspace, tab) was
pressed again at the end of the app's queue, after the keys typed later
that had already reached the field: "Overleg Warmtx", backspace, "e west"
read "Overleg Warmtxe wes".
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from apphelp import loaded, said, until
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input

from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree

HELD_UP_SECONDS = 0.3
CONTROL_CHARACTERS = {"backspace": "\x08", "ctrl+u": "\x15", "enter": "\r", "ctrl+s": "\x13",
                      "tab": "\t", "escape": "\x1b"}


def type_at_once(app: App[None], *keys: str) -> None:
    """Send keys as a fast typist does (or tmux's send-keys): all at once."""
    for key in keys:
        if key in CONTROL_CHARACTERS:
            app.post_message(events.Key(key, CONTROL_CHARACTERS[key]))
        else:
            app.post_message(events.Key("space" if key == " " else key, key))


async def test_a_backspace_typed_as_the_form_opens_deletes_where_it_was_typed(
        database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "body")
        await pilot.pause()
        type_at_once(app, "n", *"Overleg Warmtx", "backspace", *"e west")
        expected = "Overleg Warmte west"
        await until(pilot, lambda: isinstance(app.screen, EntityForm) and app.screen.is_mounted
                    and len(name_typed(app.screen)) >= len(expected), "every key typed")
        assert name_typed(app.screen) == expected


async def add_form_open(pilot: Pilot[None], app: RaciApp, kind: str) -> Input:
    """`n` on the kind in the explorer: the form, ready, its name field focused."""
    app.query_one(ModelTree).move_to(KIND_PREFIX + kind)
    await pilot.pause()
    await pilot.press("n")
    await until(pilot, lambda: isinstance(app.screen, EntityForm) and app.screen.is_mounted
                and app.screen.focused is app.screen.query_one("#field-name"), "the form")
    return app.screen.query_one("#field-name", Input)


def name_typed(form: Screen[Any]) -> str:
    return form.query_one("#field-name", Input).value


async def test_a_backspace_typed_fast_in_an_open_form_deletes_where_it_was_typed(
        database: Path) -> None:
    """The form ready: the field takes text at once, but Textual ran its
    backspace only once the key had come up to the app, after the text
    typed next."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        await add_form_open(pilot, app, "body")
        for _ in range(3):
            type_at_once(app, *"Warmtx", "backspace", *"e west", *[" "])
        expected = "Warmte west " * 3
        await until(pilot, lambda: len(name_typed(app.screen)) >= len(expected),
                    "every key typed")
        assert name_typed(app.screen) == expected




def held_up(field: Input) -> None:
    """Keep `field` from taking the keys sent to it for a moment: as on a loaded
    machine, where the field's turn comes after the app's."""
    go_on = asyncio.Event()
    field.call_later(go_on.wait)
    asyncio.get_running_loop().call_later(HELD_UP_SECONDS, go_on.set)


async def author_asked(pilot: Pilot[None], app: RaciApp) -> Input:
    """`R`: the review's form, its author field holding the login name, selected."""
    await pilot.press("R")
    await until(pilot, lambda: isinstance(app.screen, AnswerForm) and app.screen.is_mounted
                and isinstance(app.screen.focused, Input)
                and not app.screen.focused.selection.is_empty, "the author's default")
    assert isinstance(app.screen.focused, Input)
    return app.screen.focused


async def test_a_name_typed_over_the_review_authors_default_with_enter_is_the_author(
        database: Path) -> None:
    """ctrl+u, the name and enter, the field slow to take them: enter saved
    before the field had taken the name, and the author was the login name."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        held_up(await author_asked(pilot, app))
        type_at_once(app, "ctrl+u", *"Anna de Vries", "enter")
        await until(pilot, lambda: app.reviewing is not None, "the review")
        assert app.reviewing is not None and app.reviewing.review.author == "Anna de Vries"


async def test_ctrl_u_and_a_name_typed_at_once_leave_the_name(database: Path) -> None:
    """The field ran ctrl+u once the key had come up to the app, after the
    name: it deleted the name."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        author = await author_asked(pilot, app)
        type_at_once(app, "ctrl+u", *"Anna de Vries")
        for _ in range(10):  # time for a late ctrl+u to come up to the app
            await pilot.pause(0.02)
        assert author.value == "Anna de Vries"


async def test_a_name_and_ctrl_s_typed_at_once_in_an_open_form_save_it(
        database: Path) -> None:
    """The name and ctrl+s, the field slow to take them: ctrl+s saved before
    the field had the name ("Fix the marked fields first"), and the form stayed."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        held_up(await add_form_open(pilot, app, "unit"))
        type_at_once(app, *"Snelle Eenheid", "ctrl+s")
        await until(pilot, lambda: "Added unit Snelle Eenheid (snelle-eenheid)" in said(app),
                    "the unit added")
