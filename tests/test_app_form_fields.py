"""What a form's fields take and say: completions that enter takes, and
a wrong value said at the field it is in."""

from __future__ import annotations

from pathlib import Path

from apphelp import adding, loaded
from textual.widgets import Input, OptionList

from raci.tui import make_app


async def test_enter_takes_only_a_completion_that_holds_what_was_typed(database: Path) -> None:
    """"Piet" is nobody: the people near it by letters are offered (Petra Jansen), and down
    chooses one, but enter alone leaves "Piet" as typed (it took a person
    of another name, who was then saved as a member)."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "body")
        members = form.query_one("#field-members", Input)
        members.focus()
        await pilot.press(*"Dekker", "enter")
        assert members.value == "p.dekker"
        await pilot.press(*", Piet")
        await pilot.pause(0.2)
        matches = form.query_one("#matches-members", OptionList)
        assert matches.display and matches.option_count, "nobody near Piet to offer"
        await pilot.press("enter")
        assert members.value == "p.dekker, Piet"
        await pilot.press("down", "enter")  # chosen, it is taken
        assert members.value.startswith("p.dekker, ") and "Piet" not in members.value
