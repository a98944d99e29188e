"""What a form's fields take and say: completions that enter takes, and
a wrong value said at the field it is in."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import adding, loaded, screen_text, until, waiving
from textual.widgets import Input, OptionList, Static

from raci.tui import make_app
from raci.tui.widgets.waiver_modal import WaiverForm


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


async def test_right_at_the_end_of_a_field_takes_the_completion(database: Path) -> None:
    """As the keys screen says, and as the waiver's author takes its own:
    `right` at the end of what is typed takes the completion under the cursor."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "body")
        members = form.query_one("#field-members", Input)
        members.focus()
        await pilot.press(*"Dekk", "left", "right")  # back to the end: not yet taken
        assert members.value == "Dekk"
        await pilot.press("right")
        assert members.value == "p.dekker"


async def test_a_date_that_is_none_is_said_at_the_expiry_field(database: Path,
                                                                 in_dutch: None) -> None:
    """As a number field says "'abc' is geen getal" under it; the waiver form
    only said "Herstel eerst de gemarkeerde velden" in a notice."""
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        form = await waiving(pilot, app, "OWN001")
        error = form.query_one("#waiver-expires-error", Static)
        assert not error.display  # nothing to say yet
        await pilot.press(*"te klein om te regelen", "tab", *"2026-13-01")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaiverForm)  # not waived
        assert str(error.render()) == "'2026-13-01' is geen datum (JJJJ-MM-DD)"
        field = form.query_one("#waiver-expires", Input).region
        assert error.region.height == 1 and error.region.y == field.bottom  # right under it
        assert form.query_one("#waiver-fields").region.contains_region(error.region)


async def test_the_waivers_author_completes_a_person_or_the_login_name(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the review offers the login name as its author: the waiver's
    author completes to it, or to a person of the model; `right` or `tab` takes it."""
    monkeypatch.setattr("getpass.getuser", lambda: "jvdberg")
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await waiving(pilot, app, "OWN001")
        author = form.query_one("#waiver-author", Input)
        await pilot.press(*"afgesproken", "tab", "tab", *"pet")
        await until(pilot, lambda: "petra Jansen" in screen_text(app), "Petra Jansen offered")
        await pilot.press("right")
        assert author.value == "Petra Jansen"
        author.clear()
        await pilot.press(*"jv")
        await until(pilot, lambda: "jvdberg" in screen_text(app), "the login name offered")
        await pilot.press("tab")
        await pilot.pause()
        assert author.value == "jvdberg" and not author.has_focus
