"""The `?` screen lists each key once, as the dialogs say it: the scenarios'
`enter` was left out, and a form's `ctrl+s` came twice ("Create", "Save")."""

from __future__ import annotations

from pathlib import Path

from apphelp import keys_listed, loaded, until

from raci.tui import make_app
from raci.tui.screens.keys import KeysScreen


def group(text: str, title: str) -> list[str]:
    """The lines of one group of the `?` screen, its keys and what they do, in one space."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    start = lines.index(title) + 1
    return lines[start:lines.index("", start)]


async def test_the_keys_screen_lists_the_scenarios_enter_and_ctrl_s_once(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen), "the keys")
        text = keys_listed(app)
        assert "enter Edit in it" in group(text, "Scenarios (S)")
        assert [line for line in group(text, "Organisation") if line.startswith("ctrl+s")] == [
            "ctrl+s Create / Save"]
        assert [line for line in group(text, "Waiver") if line.startswith("ctrl+s")] == [
            "ctrl+s Waive / Save"]
