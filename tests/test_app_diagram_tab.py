"""The diagram tab as a user goes through it: tab from field to field, a focus
typed (and corrected) fast or by name, a refusal in the user's language, and
where the drawing went."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from apphelp import loaded, said, until
from test_app_typing_fast import type_at_once
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TabbedContent

from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm


async def on_the_diagram(pilot: Pilot[None], app: RaciApp) -> None:
    await pilot.press("4")
    await until(pilot, lambda: app.focused is app.query_one("#diagram-preview-box"),
                "the diagram's preview")


def preview(app: RaciApp) -> str:
    return str(app.query_one("#diagram-preview", Static).render())


async def test_tab_goes_from_the_view_to_the_focus_depth_file_export_and_preview(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        passed = []  # never the row of view names: `1`-`4` and the mouse reach it
        for _ in range(6):
            await pilot.press("tab")
            await pilot.pause()
            assert app.focused is not None
            passed.append(app.focused.id or type(app.focused).__name__)
        assert passed == ["diagram-name", "diagram-focus", "diagram-depth",
                          "diagram-file", "diagram-export-button", "diagram-preview-box"]


async def test_backspaces_typed_with_text_in_the_focus_delete_where_they_were_typed(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        focus = app.query_one("#diagram-focus", Input)
        focus.focus()
        await pilot.press(*"dg-")
        await pilot.pause(0.3)
        type_at_once(app, *["backspace"] * 6, *"sg-bzk")
        await until(pilot, lambda: len(focus.value) >= len("sg-bzk"), "every key typed")
        await pilot.pause(0.3)
        assert focus.value == "sg-bzk"


async def test_a_focus_typed_by_name_is_previewed(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one("#diagram-focus", Input).value = "Directeur-Generaal Bouwen en Wonen"
        await until(pilot, lambda: "Secretaris-Generaal BZK (sg-bzk)" in preview(app),
                    "the preview of dg-bw")


@pytest.mark.usefixtures("in_dutch")
async def test_a_focus_the_view_does_not_draw_is_said_with_the_views_names(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one("#diagram-focus", Input).value = "sg-warmte"  # a body, not in org
        await until(pilot, lambda: "sg-warmte:" in preview(app), "the refusal")
        assert "weergave organisatie" in preview(app)
        assert "gremia, RACI of besluiten" in preview(app)
        assert "view" not in preview(app)


async def test_the_export_names_the_whole_path_or_the_missing_folder(
        database: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one("#diagram-focus", Input).value = "dg-bw"
        app.query_one("#diagram-file", Input).value = "org-dg.dot"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: (tmp_path / "org-dg.dot").exists(), "the drawing")
        await until(pilot, lambda: said(app), "the notice")
        assert said(app)[-1] == f"Wrote {tmp_path / 'org-dg.dot'}"

        app.query_one("#diagram-file", Input).value = str(tmp_path / "nowhere" / "x.png")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: len(said(app)) == 2, "the refusal")
        assert said(app)[-1] == (f"{tmp_path / 'nowhere'}: no such folder; make it first, "
                                 "or name a file in a folder that exists")



async def test_a_tab_typed_among_text_moves_to_the_depth_in_its_turn(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        focus, depth = (app.query_one(f"#diagram-{name}", Input) for name in ("focus", "depth"))
        focus.focus()
        await pilot.pause()
        type_at_once(app, *"dg-bw", "tab", "3")
        await until(pilot, lambda: depth.value == "3", "the depth typed")
        assert focus.value == "dg-bw"
        assert app.focused is depth


@pytest.mark.parametrize(("typed", "expected"), [
    ("dg-bx", "no entity named or with id 'dg-bx'; did you mean 'dg-bw'?"),
    ("Directeur-Generaal Bouwen en Wonenn",
     "did you mean 'Directeur-Generaal Bouwen en Wonen'?"),
])
async def test_a_focus_that_names_no_entity_is_said_so_with_a_likely_one(
        database: Path, typed: str, expected: str) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one("#diagram-focus", Input).value = typed
        await until(pilot, lambda: "did you mean" in preview(app), "the hint")
        assert expected in preview(app)


async def test_keys_typed_after_one_that_opens_a_screen_go_there_in_order(
        database: Path) -> None:
    """`R` typed with the minutes' author after text in a field: the keys the
    pane still held when the review opened, then those typed after, in order."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one("#diagram-depth", Input).focus()
        await pilot.pause()
        type_at_once(app, "5", "escape", "R", *"Ano")
        for _ in range(10_000):  # the rest typed as the review opens
            if app.screen is not app.screen_stack[0]:
                break
            await asyncio.sleep(0)
        type_at_once(app, *"uk")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the author asked")
        author = app.screen.query_one("#answer-author", Input)
        await until(pilot, lambda: len(author.value) >= len("Anouk"), "every key typed")
        assert author.value == "Anouk"
        assert app.query_one("#diagram-depth", Input).value == "5"


@pytest.mark.parametrize("escape_and_2", [
    [("escape", "\x1b"), ("2", "2")],
    # A terminal sends them as alt+2: the field took "2".
    [("alt+2", "2")],
])
async def test_a_view_key_typed_right_after_escape_leaves_the_field_as_it_was(
        database: Path, escape_and_2: list[tuple[str, str]]) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        depth = app.query_one("#diagram-depth", Input)
        depth.focus()
        await pilot.pause()
        type_at_once(app, "5")
        for key, character in escape_and_2:
            app.post_message(events.Key(key, character))
        await until(pilot, lambda: app.query_one(TabbedContent).active == "matrix",
                    "the matrix shown")
        assert depth.value == "5"


@pytest.mark.parametrize("start", ["diagram-preview-box", "diagram-name"])
async def test_text_typed_with_the_tab_that_reaches_the_focus_goes_into_it(
        database: Path, start: str) -> None:
    """From the preview or the view's choice, the tabs and the focus typed in
    one go: the focus's text went to the widget left, lost, and the last tab
    took the depth's "3" from the focus field."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_the_diagram(pilot, app)
        app.query_one(f"#{start}").focus()
        await pilot.pause()
        tabs = ["tab"] * (2 if start == "diagram-preview-box" else 1)
        type_at_once(app, *tabs, *"dg-bw", "tab", "3")
        depth = app.query_one("#diagram-depth", Input)
        await until(pilot, lambda: depth.value == "3", "the depth typed")
        assert app.query_one("#diagram-focus", Input).value == "dg-bw"

