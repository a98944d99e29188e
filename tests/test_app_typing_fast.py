"""Keys typed fast as a form opens are applied in the order typed.

Keys that come before the form is ready are kept and typed into its first
field once it is; a key that is not text among them (backspace, tab) was
pressed again at the end of the app's queue, after the keys typed later
that had already reached the field: "Overleg Warmtx", backspace, "e west"
read "Overleg Warmtxe wes".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from apphelp import loaded, until
from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input

from raci.tui import make_app
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree


def type_at_once(app: App[None], *keys: str) -> None:
    """Send keys as a fast typist does (or tmux's send-keys): all at once."""
    for key in keys:
        if key == "backspace":
            app.post_message(events.Key("backspace", "\x08"))
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


def name_typed(form: Screen[Any]) -> str:
    return form.query_one("#field-name", Input).value


async def test_a_backspace_typed_fast_in_an_open_form_deletes_where_it_was_typed(
        database: Path) -> None:
    """The form ready: the field takes text at once, but Textual ran its
    backspace only once the key had come up to the app, after the text
    typed next."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "body")
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, EntityForm) and app.screen.is_mounted
                    and app.screen.focused is app.screen.query_one("#field-name"), "the form")
        for _ in range(3):
            type_at_once(app, *"Warmtx", "backspace", *"e west", *[" "])
        expected = "Warmte west " * 3
        await until(pilot, lambda: len(name_typed(app.screen)) >= len(expected),
                    "every key typed")
        assert name_typed(app.screen) == expected
