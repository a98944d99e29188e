"""The palette in a review: the review's decisions first, then Textual's
own theme and keys (docs/app.md), in English and in Dutch alike. The order
was a set's (Textual's own first in Dutch), and Screenshot and Maximize
were offered too."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, until
from test_tui_suggest import started_review
from textual.command import CommandList, CommandPalette

from raci.i18n import _
from raci.tui import make_app
from raci.tui.screens.review import ReviewScreen


async def palette_lines(database: Path) -> list[str]:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        options = app.screen.query_one(CommandList)
        await until(pilot, lambda: options.option_count >= 9, "the commands")
        await pilot.pause(0.3)  # every provider has answered
        return [str(options.get_option_at_index(n).prompt).splitlines()[0]
                for n in range(options.option_count)]


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_review_palette_offers_its_decisions_then_theme_and_keys(
        database: Path, language: str, request: pytest.FixtureRequest) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    decisions = [_(binding.description) for binding in ReviewScreen.BINDINGS
                 if binding.show]  # type: ignore[union-attr]
    assert await palette_lines(database) == [*decisions, _("Theme"), _("Keys")]
