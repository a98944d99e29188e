"""What a user still met in `raci edit` (tmux, 120 × 40, often in Dutch): a
long organisation name cut in the header with room to spare, a person's
seats held through a role missing from their page, `a` on the model itself
in the scenario list saying nothing, a refused save's note erased by a late
change, the waiver's author typed with no completion."""

from __future__ import annotations

from pathlib import Path

from apphelp import (
    MODEL_FILE,
    database_of,
    loaded,
    new_scenario,
    options,
    prompts,
    screen_text,
    stored,
    until,
)
from test_app_typing_fast import type_at_once
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from raci.lint.review import required_text
from raci.tui import RaciApp, make_app
from raci.tui.screens.answers import AnswerForm, Question
from raci.tui.screens.scenarios import ScenariosScreen
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.matrix import RaciMatrix
from raci.tui.widgets.search import SearchBar

LONG_NAME = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


async def test_the_header_shows_a_long_name_whole_where_it_fits(tmp_path: Path,
                                                               in_dutch: None) -> None:
    database = database_of(tmp_path, MODEL_FILE.replace("Programma Warmte", LONG_NAME))
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_state("12 fouten · 345 waarschuwingen · 678 meldingen")  # a ministry's counts
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert f"678 meldingen — {LONG_NAME}" in header, header
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        header = screen_text(app).splitlines()[0]
        assert "678 meldingen — Ministerie van" in header and header.rstrip().endswith("…"), header


async def test_a_persons_page_lists_the_seats_held_through_a_role(tmp_path: Path,
                                                                 in_dutch: None) -> None:
    """Petra Jansen holds dg-bw, which sits in and chairs Stuurgroep Warmte:
    her page names both, through the role, and enter on one goes to the body."""
    async with make_app(database_of(tmp_path)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("p.jansen")
        await pilot.pause()
        relations = app.query_one("#relations", OptionList)
        through_role = [line for line in prompts(relations) if "Stuurgroep Warmte" in line]
        via = "via Directeur-Generaal Bouwen en Wonen (dg-bw)"
        assert through_role == [f"zit voor: Stuurgroep Warmte (sg-warmte), {via}",
                                f"zetel in: Stuurgroep Warmte (sg-warmte), {via}"], through_role
        relations.focus()
        relations.highlighted = prompts(relations).index(through_role[1])
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ExplorerView).current == "sg-warmte"


def letters_stored(database: Path) -> dict[tuple[str, str], str]:
    """(item, actor) -> the letters the database holds, as "A" or "AR"."""
    letters: dict[tuple[str, str], str] = {}
    for assignment in stored(database).assignments:
        key = (assignment.item, assignment.actor)
        letters[key] = letters.get(key, "") + assignment.letter
    return letters


async def scenarios_shown(pilot: Pilot[None], app: RaciApp) -> None:
    await pilot.press("S")
    await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                and options(app, "#scenarios-list"), "the scenarios")


async def test_a_on_the_model_itself_says_why_in_the_scenario_list(
        tmp_path: Path, in_dutch: None) -> None:
    """`a` (apply) and `d` (drop) on "Het model zelf": the list's box says
    why not, where the user looks (a toast far below it went unseen)."""
    async with make_app(database_of(tmp_path)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await scenarios_shown(pilot, app)
        await pilot.press("a")
        await pilot.pause()
        assert "Er is nog geen scenario om door te voeren" in screen_text(app), screen_text(app)
        await pilot.press("escape")
        await new_scenario(pilot, app, "plan")
        await scenarios_shown(pilot, app)
        await pilot.press("up", "a")
        await pilot.pause()
        assert "Het model zelf kan niet worden doorgevoerd" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "Het model zelf kan niet worden weggegooid" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "Het model zelf kan niet" not in screen_text(app)  # the cursor on a scenario


async def test_a_refused_saves_note_stays_until_the_field_is_filled(tmp_path: Path) -> None:
    """An action's owner typed and saved at once, its task left empty: the
    note under the task stays when the owner's field changes after the
    save (its change arrived late), and goes once the task is typed."""
    async with make_app(database_of(tmp_path)).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form = AnswerForm("Note an action", [Question("who", "who takes it", required_text),
                                             Question("what", "what they do", required_text)])
        await app.push_screen(form)
        await pilot.press("J", "a", "n", "ctrl+s")
        await pilot.pause()
        note = form.query_one("#answer-what-error", Static)
        field = form.query_one("#answer-what", Input).region
        assert str(note.render()) == "this cannot be empty"
        assert note.region.height == 1 and note.region.y == field.bottom  # in sight, under it
        form.query_one("#answer-who", Input).value = "Jan de Vries"  # a late change
        await pilot.pause()
        assert str(note.render()) == "this cannot be empty" and note.region.height == 1
        await pilot.press("b")
        await pilot.pause()
        assert not note.display


async def test_a_search_stayed_at_and_a_letter_typed_at_once_set_the_letter_found(
        database: Path) -> None:
    """`/`, "isolatie", enter and `a` at once in the matrix (tmux's
    send-keys): A on Isolatieprogramma, where the search went. Typed
    before the bar was ready, enter (which the bar's field does not take)
    went back into the queue behind the `a`, which went into the bar: the
    bar closed on "isolatiea", the `a` lost (or, with other timing, A set
    on the cell the search began in)."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await until(pilot, lambda: app.query_one(RaciMatrix).has_focus, "the matrix")
        matrix = app.query_one(RaciMatrix)
        actor = matrix.columns[matrix.cursor[0]].id
        type_at_once(app, "slash", *"isolatie", "enter", "a")
        await until(pilot, lambda: ("i.isolatie", actor) in letters_stored(database),
                    "A on Isolatieprogramma")
        assert not isinstance(app.screen, SearchBar)
        assert letters_stored(database)[("i.isolatie", actor)] == "A"
