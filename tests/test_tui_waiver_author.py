"""The waivers list names a waiver's author as the app names anyone: by
name (and id), not by the bare id the model file holds."""

from __future__ import annotations

from pathlib import Path

from apphelp import MODEL_FILE, database_of, loaded, options, screen_text, until, waiving

from raci.source import open_model
from raci.tui import make_app
from raci.tui.widgets.waiver_modal import author_written
from raci.tui.widgets.waivers import WaiversScreen

WAIVED = MODEL_FILE + """\
waivers:
  - rule: STR005
    target: [i.isolatie]
    reason: Criteria volgen.
    author: p.jansen
  - rule: STR005
    target: [i.wijkaanpak]
    reason: Afgesproken.
    author: Team Warmte
"""


async def test_the_author_shows_by_name(tmp_path: Path) -> None:
    async with make_app(database_of(tmp_path, WAIVED)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3", "W")
        await until(pilot, lambda: isinstance(app.screen, WaiversScreen)
                    and options(app, "#waivers-list"), "the waivers")
        first, second = options(app, "#waivers-list")
        assert "by Petra Jansen (p.jansen)" in first, first
        assert "by Team Warmte" in second, second  # an author not in the model: as written


async def test_a_person_taken_from_the_completions_is_kept_by_id(tmp_path: Path) -> None:
    """Their name is what the field completes to; the waiver keeps their id,
    as the model's other authors are written, and the list says both."""
    async with make_app(database_of(tmp_path, MODEL_FILE)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await waiving(pilot, app, "OWN001")
        await pilot.press(*"afgesproken", "tab", "tab", *"pet")
        await until(pilot, lambda: "etra Jansen" in screen_text(app), "Petra Jansen offered")
        await pilot.press("right", "ctrl+s")
        assert app.session is not None
        session = app.session
        await until(pilot, lambda: bool(session.model.waivers), "the waiver saved")
        assert session.model.waivers[0].author == "p.jansen"
        await pilot.press("W")
        await until(pilot, lambda: isinstance(app.screen, WaiversScreen)
                    and options(app, "#waivers-list"), "the waivers")
        assert "by Petra Jansen (p.jansen)" in options(app, "#waivers-list")[0]


def test_a_typed_author_names_a_person_as_the_entity_form_takes_a_name(tmp_path: Path) -> None:
    """One rule for a typed name: exactly a person's name, or part of the
    one name that holds it, is that person (the author took only a whole
    name or id); anyone else is kept as typed."""
    model = open_model(str(database_of(tmp_path, MODEL_FILE))).model
    written = {typed: author_written(model, typed)
               for typed in ("Petra Jansen", "p.jansen", " Petra J ", "Team Warmte", "jvdberg", "")}
    assert written == {"Petra Jansen": "p.jansen", "p.jansen": "p.jansen", " Petra J ": "p.jansen",
                       "Team Warmte": "Team Warmte", "jvdberg": "jvdberg", "": None}
