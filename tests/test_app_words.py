"""The app says things its own way: no Markdown backticks, no command-line
advice, no key offered that does nothing."""

from __future__ import annotations

from pathlib import Path

from apphelp import adding, finding_detail, loaded, on_finding, said, suggestions_tried, until
from textual.widgets import Select
from textual.widgets._select import SelectOverlay

from raci.tui import make_app
from raci.tui.screens.suggestions import SuggestionsScreen


async def test_a_fact_not_recorded_is_said_without_markdown_or_command_line(
        fact_not_recorded: Path, in_dutch: None) -> None:
    async with make_app(fact_not_recorded).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_finding(pilot, app, "DAT001")
        await pilot.pause()
        detail = finding_detail(app)
        assert "org.not_recorded" in detail and "`" not in detail, detail
        await pilot.press("w")
        await pilot.pause()
        refused = said(app)[-1]
        assert "`" not in refused and "--ignore" not in refused, refused
        assert "druk op enter op deze bevinding" in refused, refused


async def test_no_suggestion_offers_no_enter_and_no_command(database: Path,
                                                            in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await suggestions_tried(pilot, app, "STR005")
        screen = app.screen
        assert isinstance(screen, SuggestionsScreen) and not screen.suggestions
        status = str(screen.query_one("#suggestions-status").render())
        assert "raci rules" not in status and "`" not in status, status
        enter = app.active_bindings.get("enter")
        assert enter is None or (enter.binding.action != "make" and not enter.binding.show), enter


async def test_an_open_select_offers_its_escape_in_dutch(database: Path, in_dutch: None) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "body")
        form.query_one("#field-kind", Select).focus()
        await pilot.press("enter")  # opens its menu
        await until(pilot, lambda: form.query_one(SelectOverlay).has_focus, "the menu open")
        escape = app.active_bindings["escape"].binding
        assert escape.description == "Menu sluiten", escape
