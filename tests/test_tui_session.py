"""The app through a review session: what stood in a designer's way (issue 13).

Each test drives the real app headless on a real SQLite file, as
`test_tui` does, with the keys a user presses.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from apphelp import adding, fill, loaded, on_finding, pressed_on, said, stored, until
from conftest import Raci
from rich.text import Text
from textual import events
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Footer, Input, OptionList, Select, Static, Tree
from textual.widgets._footer import FooterKey

from raci.model import Assignment, Goal
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store
from raci.tui import RaciApp, make_app
from raci.tui.messages import ChangeRequested
from raci.tui.screens.keys import KeysScreen
from raci.tui.settings import remembered_theme, settings_file
from raci.tui.widgets.discard_modal import ConfirmDiscard
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ExplorerView, ModelTree
from raci.tui.widgets.footer import _width
from raci.tui.widgets.matrix import HEADER_LINES, RaciMatrix
from raci.tui.widgets.org_form import OrgForm
from raci.tui.widgets.rename_modal import RenameForm
from raci.tui.widgets.waiver_modal import WaiverForm
from raci.tui.widgets.waivers import WaiversScreen


async def test_the_diagram_tab_leaves_the_global_keys_alone(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.show_entity("dg-bw")
        await pilot.press("4")
        await pilot.pause()
        focus = app.query_one("#diagram-focus")
        assert not focus.has_focus
        await pilot.press("1")
        await pilot.pause()
        assert app.query_one("#views").active == "explorer"
        assert app.query_one("#diagram-focus").value == "dg-bw"  # not "1"
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        await pilot.press("escape", "q")
        await pilot.pause()
        assert not app.is_running


async def _waive_str005(pilot: Pilot[None], app: RaciApp, reason: str) -> None:
    """Waive the first STR005 finding with `reason`, through `w` and the waiver form."""
    await on_finding(pilot, app, "STR005")
    await pilot.press("w")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, WaiverForm)
    form.query_one("#waiver-reason", Input).value = reason
    await pilot.pause()
    await pilot.press("ctrl+s")
    await until(pilot, lambda: any(f.code == "STR005" and f.waived for f in app.findings),
                "the finding waived")


async def test_a_waived_finding_opens_its_waiver_instead_of_a_second_one(
        database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await _waive_str005(pilot, app, "Criteria volgen.")
        await on_finding(pilot, app, "STR005", waived=True)
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WaiverForm) and form.editing
        assert form.query_one("#waiver-reason", Input).value == "Criteria volgen."
        await pilot.press(*" Na de verkenning.", "ctrl+s")
        await until(pilot, lambda: stored(database).waivers[0].reason
                    == "Criteria volgen. Na de verkenning.", "the waiver changed")
        assert len(stored(database).waivers) == 1


async def test_waivers_are_listed_changed_and_removed(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await _waive_str005(pilot, app, "Criteria volgen.")
        await until(pilot, lambda: stored(database).waivers, "the waiver saved")
        await pilot.press("W")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WaiversScreen)
        waivers = screen.query_one("#waivers-list", OptionList)
        await until(pilot, lambda: "waives 1 finding" in str(
            waivers.get_option_at_index(0).prompt), "the waiver listed")
        listed = Text.from_markup(str(waivers.get_option_at_index(0).prompt)).plain
        assert "STR005 on Isolatieprogramma (i.isolatie)" in listed
        assert "Criteria volgen." in listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WaiverForm)
        app.screen.query_one("#waiver-expires", Input).value = "2027-06-30"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: str(stored(database).waivers[0].expires) == "2027-06-30",
                    "the expiry saved")
        await until(pilot, lambda: "until 30 June 2027" in str(
            waivers.get_option_at_index(0).prompt), "the list following")
        await pilot.press("d")
        await until(pilot, lambda: not stored(database).waivers, "the waiver removed")
        await until(pilot, lambda: waivers.option_count == 0, "the list emptied")
        assert "none yet" in str(screen.query_one("#waivers-title", Static).render())
        await until(pilot, lambda: "STR005" in {f.code for f in app.findings if not f.waived},
                    "the finding back")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(database).waivers, "the removal undone")


async def test_another_process_s_change_shows_without_an_edit_of_ours(
        database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        assert app.session is not None
        with open_store(database_url(str(database))) as other:
            other.load()
            other.save(Change(assign=[Assignment("i.isolatie", "A", "sg-bzk")]))
        await until(pilot, lambda: app.session is not None
                    and app.session.model.actors("i.isolatie", "A") == ["sg-bzk"],
                    "the other process's letter")
        assert any("Another process" in text for text in said(app))
        await until(pilot, lambda: "OWN001" not in {
            f.code for f in app.findings if "i.isolatie" in f.targets}, "the findings following")


@pytest.mark.parametrize(("language", "undone", "redone"), [
    ("en", "Undone: I for Directeur-Generaal Bouwen en Wonen (dg-bw) on Klimaatdoelen "
           "gebouwde omgeving (g.klimaat)", "Redone: I for Directeur-Generaal"),
    ("nl", "Ongedaan gemaakt: I voor Directeur-Generaal Bouwen en Wonen (dg-bw) op "
           "Klimaatdoelen gebouwde omgeving (g.klimaat)",
     "Opnieuw gedaan: I voor Directeur-Generaal"),
])
async def test_undo_and_redo_say_what_they_undid_and_redid(
        database: Path, request: pytest.FixtureRequest, language: str, undone: str,
        redone: str) -> None:
    if language == "nl":
        request.getfixturevalue("in_dutch")
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "right", "i")  # g.klimaat × dg-bw
        await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                    "the letter saved")
        assert not said(app)  # a letter speaks for itself in its cell
        await pilot.press("ctrl+z")
        await until(pilot, lambda: said(app), "the undo said")
        assert said(app) == [undone]
        await pilot.press("ctrl+y")
        await until(pilot, lambda: len(said(app)) == 2, "the redo said")
        assert said(app)[1].startswith(redone)


async def test_a_form_open_while_another_process_changes_its_entity_saves_nothing(
        database: Path) -> None:
    app = make_app(database, poll_seconds=0.2)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await pressed_on(pilot, app, "i.isolatie", "e")
        with open_store(database_url(str(database))) as other:
            isolatie = other.load().initiatives["i.isolatie"]
            other.save(Change(put=[replace(isolatie, demand_fte=9.0)]))
        await until(pilot, lambda: any("Another process" in text for text in said(app)),
                    "the reload")
        app.screen.query_one("#field-name", Input).value = "Nationaal Isolatieprogramma"
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("changed by someone else while you edited it" in text
                                       for text in said(app)), "the refusal")
        assert isinstance(app.screen, EntityForm)  # what was typed is still there
        await pilot.pause(0.3)
        kept = stored(database).initiatives["i.isolatie"]
        assert (kept.name, kept.demand_fte) == ("Isolatieprogramma", 9.0)


async def test_undoing_a_delete_puts_the_entity_back_in_its_place(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.show_entity("p.dekker")
        await pilot.pause()
        await pilot.press("d", "y")
        await until(pilot, lambda: "p.dekker" not in stored(database), "the delete")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "p.dekker" in stored(database), "the undo")
        assert list(stored(database).people) == ["p.jansen", "p.dekker", "p.smit"]
        people = app.query_one(ModelTree).root.children[1]
        assert [node.data for node in people.children] == ["p.jansen", "p.dekker", "p.smit"]
        assert "Undone: Deleted person Sander Dekker (p.dekker)" in said(app)


async def test_matrix_pagedown_moves_the_rows_with_the_cursor(database: Path) -> None:
    with open_store(database_url(str(database))) as store:
        store.load()
        store.save(Change(put=[Goal(id=f"g.{n:02}", name=f"Doel {n}") for n in range(60)]))
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        page = matrix.scrollable_content_region.height - HEADER_LINES
        await pilot.press("down", "down")
        await pilot.press("pagedown")
        await pilot.pause()
        assert (matrix.cursor[1], matrix.scroll_offset.y) == (2 + page, page)
        await pilot.press("pagedown", "pageup")
        await pilot.pause()
        assert (matrix.cursor[1], matrix.scroll_offset.y) == (2 + page, page)


async def test_the_footer_shows_a_form_s_keys_while_it_is_open(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pressed_on(pilot, app, "dg-bw", "e")
        assert isinstance(app.screen, EntityForm)
        footer = app.screen.query_one(Footer)
        shown = {key.description for key in footer.query(FooterKey)}
        assert {"Save", "Cancel"} <= shown and "New" not in shown


async def test_keys_typed_at_paste_speed_lose_no_tab(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        form = await adding(pilot, app, "goal")
        form.query_one("#field-id", Input).focus()
        typed = ["g", ".", "x", "tab", "D", "o", "e", "l", "tab", *"g.klimaat", "ctrl+s"]
        for key in typed:  # as a terminal delivers them: all at once, no pause between
            character = {"tab": "\t", "ctrl+s": "\x13"}.get(key, key)
            app.post_message(events.Key(key, character))
        # ctrl+s came last, and saves what was typed before it.
        await until(pilot, lambda: "g.x" in stored(database), "the goal saved")
        goal = stored(database).goals["g.x"]
        assert (goal.name, goal.parent) == ("Doel", "g.klimaat")


async def test_escape_on_a_filled_form_asks_before_throwing_it_away(
        database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(100, 40)) as pilot:
        await loaded(pilot)
        await adding(pilot, app, "goal")
        await pilot.press("escape")  # nothing typed: it just closes
        await pilot.pause()
        assert not isinstance(app.screen, EntityForm)
        await adding(pilot, app, "goal")
        await pilot.press(*"Doel", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntityForm)
        assert form.query_one("#field-name", Input).value == "Doel"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not isinstance(app.screen, (EntityForm, ConfirmDiscard))
        await on_finding(pilot, app, "STR005")
        await pilot.press("w", *"Omdat", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)


async def test_a_new_entity_gets_a_readable_id_made_from_its_name(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        form = await adding(pilot, app, "goal")
        await pilot.press(*"Woningen geïsoleerd")  # the name has the focus
        await pilot.pause(0.3)
        assert form.query_one("#field-id", Input).value == "g.woningen-geisoleerd"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "g.woningen-geisoleerd" in stored(database), "the goal")
        form = await adding(pilot, app, "body")
        fill(form, id="sg-eigen")  # an id of the user's own
        await pilot.pause()
        await pilot.press(*"Stuurgroep Isolatie")
        await pilot.pause(0.3)
        assert form.query_one("#field-id", Input).value == "sg-eigen"


async def test_the_detail_names_what_a_field_refers_to_in_words(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.show_entity("sg-warmte")
        await pilot.pause()
        shown = Text.from_markup(str(app.query_one("#entity-fields", Static).content)).plain
        assert "kind: steering group" in shown
        assert "chair: Directeur-Generaal Bouwen en Wonen (dg-bw)" in shown
        assert "meets every … days: 30" in shown


async def test_slash_searches_the_list_on_screen(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        explorer = app.query_one(ExplorerView)
        await pilot.press("slash", *"dekker", "enter")
        await pilot.pause()
        assert explorer.current == "p.dekker"
        assert app.query_one(ModelTree).cursor_node.data == "p.dekker"
        await pilot.press("slash", *"stuurgroep", "escape")  # escape goes back
        await pilot.pause()
        assert explorer.current == "p.dekker"

        await pilot.press("2", "slash", *"subsidie", "enter")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        assert matrix.rows[matrix.cursor[1]].id == "d.subsidie"
        await pilot.press("slash", *"Jansen", "enter")  # a column: an actor
        await pilot.pause()
        assert matrix.columns[matrix.cursor[0]].id == "p.jansen"
        assert matrix.rows[matrix.cursor[1]].id == "d.subsidie"

        await pilot.press("3", "slash", *"success criteria", "down", "up", "enter")
        await pilot.pause()
        node = app.query_one("#findings-tree", Tree).cursor_node
        assert node is not None and getattr(node.data, "code", None) == "STR005"


async def test_j_and_k_move_in_trees_lists_and_the_matrix(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        tree = app.query_one(ModelTree)
        await pilot.press("j", "j")
        await pilot.pause()
        assert tree.cursor_line == 2
        await pilot.press("k")
        assert tree.cursor_line == 1
        await pilot.press("2", "j", "l", "l", "h")
        matrix = app.query_one(RaciMatrix)
        assert matrix.cursor == (1, 1)


async def test_the_chosen_theme_is_remembered_and_theme_chooses_one(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        app.theme = "nord"  # as the palette's "Change theme" sets it
        await pilot.pause()
    assert settings_file().read_text(encoding="utf-8").endswith('theme = "nord"\n')
    again = make_app(database)
    async with again.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert again.theme == "nord"
    chosen = make_app(database, theme="gruvbox")
    async with chosen.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        assert chosen.theme == "gruvbox"
    assert remembered_theme() == "nord"  # --theme is for that run only


def test_an_unknown_theme_is_refused_in_one_line(raci: Raci, database: Path) -> None:
    result = raci("edit", database, "--theme", "noord")
    assert result.code == 2
    assert result.err.startswith("raci: --theme: no theme 'noord'; choose one of ")
    assert "nord" in result.err and len(result.err.splitlines()) == 1


async def test_the_organisation_s_header_is_set_in_the_app(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OrgForm)
        assert form.query_one("#org-name", Input).value == "Programma Warmte"
        form.query_one("#org-name", Input).value = "Programma Warmtetransitie"
        form.query_one("#org-description", Input).value = "Wijk voor wijk van het gas af"
        form.query_one("#org-as_of", Input).value = "1-12-2026"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, OrgForm)  # not a date: nothing saved
        assert "not a date" in str(form.query_one("#org-as_of-error", Static).render())
        form.query_one("#org-as_of", Input).value = "2026-12-01"
        form.query_one("#org-fact-chairs", Checkbox).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(database).org.name == "Programma Warmtetransitie",
                    "the header saved")
        org = stored(database).org
        assert (str(org.as_of), org.description, org.not_recorded) == (
            "2026-12-01", "Wijk voor wijk van het gas af", ["chairs"])
        assert app.title == "Programma Warmtetransitie"
        await until(pilot, lambda: "BOD007" not in {f.code for f in app.findings},
                    "chairs not recorded: BOD007 not run")


async def test_a_new_database_is_named_after_the_organisation(tmp_path: Path) -> None:
    new = tmp_path / "nieuw.db"
    app = make_app(new, create=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OrgForm)
        # The footer says what the button says ("Save" beside "Create" before).
        assert str(app.screen.query_one("#save", Button).label) == "Create"
        assert "Create" in _footer_says(app) and "Save" not in _footer_says(app)
        await pilot.press("ctrl+s")  # no name yet
        await pilot.pause()
        assert isinstance(app.screen, OrgForm) and not new.exists()
        await pilot.press(*"Gemeente Utrecht", "ctrl+s")
        await until(pilot, lambda: app.session is not None, "the new model")
        assert app.title == "Gemeente Utrecht"
    assert stored(new).org.name == "Gemeente Utrecht"

    other = tmp_path / "leeg.db"
    app = make_app(other, create=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not app.is_running
    assert not other.exists()


async def test_read_only_refuses_every_edit_with_a_notice(database: Path) -> None:
    before = stored(database)
    app = make_app(database, read_only=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        assert app.sub_title.startswith("read-only · ") and "error" in app.sub_title
        app.show_entity("dg-bw")
        await pilot.pause()
        for keys in (["n"], ["e"], ["d"], ["o"], ["2", "r"], ["2", "space"], ["ctrl+z"],
                     ["3", "down", "down", "down", "w"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], keys  # no form opened
            assert said(app) and said(app)[-1].startswith("This model is open read-only"), keys
            app.clear_notifications()
        app.post_message(ChangeRequested(Change(put=[Goal(id="g.x", name="X")]), "Added"))
        await pilot.pause(0.3)
    assert stored(database) == before


async def test_an_id_is_renamed_everywhere_from_the_app(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pressed_on(pilot, app, "dg-bw", "r")
        form = app.screen
        assert isinstance(form, RenameForm)
        field = form.query_one("#rename-id", Input)
        field.value = "sg-bzk"  # taken
        await pilot.pause()
        assert "already used" in str(form.query_one("#rename-error", Static).render())
        field.value = "dg-bouwen-wonen"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "dg-bouwen-wonen" in stored(database), "the rename saved")
        saved = stored(database)
        assert "dg-bw" not in saved
        assert saved.bodies["sg-warmte"].chair == "dg-bouwen-wonen"
        assert saved.actors("g.aardgasvrij", "A") == ["dg-bouwen-wonen"]
        assert app.query_one(ExplorerView).current == "dg-bouwen-wonen"
        assert app.query_one(ModelTree).cursor_node.data == "dg-bouwen-wonen"
        await pilot.press("ctrl+z")
        await until(pilot, lambda: "dg-bw" in stored(database), "the rename undone")
        assert said(app)[-1] == ("Undone: Renamed Directeur-Generaal Bouwen en Wonen (dg-bw) "
                                 "to dg-bouwen-wonen")


def _footer_says(app: RaciApp) -> set[str]:
    return {key.description for key in app.screen.query(FooterKey)}


async def test_the_diagram_footer_offers_esc_only_in_a_field(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        assert app.query_one("#diagram-preview-box").has_focus
        assert "Export" in _footer_says(app) and "Leave fields" not in _footer_says(app)
        assert str(app.query_one("#diagram-file-label", Static).render()) == "Save as file"
        app.query_one("#diagram-focus", Input).focus()
        await pilot.pause()
        assert "Leave fields" in _footer_says(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Leave fields" not in _footer_says(app)


async def test_the_waiver_form_s_footer_says_what_its_button_says(
        database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await on_finding(pilot, app, "STR005")
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WaiverForm), "the waiver form")
        assert str(app.screen.query_one("#save", Button).label) == "Waive"
        assert "Waive" in _footer_says(app) and "Save" not in _footer_says(app)
        await pilot.press("escape")
        await _waive_str005(pilot, app, "Criteria volgen.")  # ctrl+s waives
        await on_finding(pilot, app, "STR005", waived=True)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, WaiverForm), "the waiver form")
        assert str(app.screen.query_one("#save", Button).label) == "Save"
        assert "Save" in _footer_says(app) and "Waive" not in _footer_says(app)


async def test_an_open_status_shows_the_status_it_means(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "initiative")
        await pilot.pause()
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, EntityForm), "the add form")
        status = app.screen.query_one("#field-status", Select)
        assert status.value is Select.NULL and status.prompt == "active"


def test_footer_keys_are_measured_in_columns() -> None:
    """A wide character takes two columns: a footer that counted characters
    would keep a key that does not fit."""
    assert _width(FooterKey("x", "x", "日本", "act")) == 1 + 1 + 4 + 1
