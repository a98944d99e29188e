"""The app as a governance designer uses it: explore, edit, undo, matrix, findings,
diagram, palette, keys, and a second process writing to the same database.

Every test runs the real app headless (`run_test`) on a real SQLite file
made from a small model file, and checks both the screen's state and what
the database holds afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from apphelp import (
    NO_POLLING,
    adding,
    codes,
    deleting,
    field_error,
    fill,
    keys_listed,
    loaded,
    pressed_on,
    prompts,
    said,
    stored,
    until,
)
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, Tree

from raci.importing import import_file
from raci.model import BODY_KINDS, Assignment, Goal, Model, Org, Role
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store
from raci.tui import RaciApp, make_app
from raci.tui.messages import ChangeRequested
from raci.tui.screens.keys import KeysScreen, key_word
from raci.tui.session import Session
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.diagram import DiagramView
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ExplorerView, ModelTree, every_node
from raci.tui.widgets.findings import FindingsView
from raci.tui.widgets.matrix import (
    CELL_WIDTH,
    HEADER_LINES,
    ITEM_WIDTH,
    MatrixView,
    RaciMatrix,
)
from raci.tui.widgets.scope_modal import ScopePicker
from raci.tui.widgets.waiver_modal import WaiverForm


async def linted(pilot: Pilot[None], app: RaciApp, condition: Callable[[], object]) -> None:
    await until(pilot, condition, "the findings to follow the edit")


def kind_node(app: RaciApp, title: str):  # type: ignore[no-untyped-def]
    tree = app.query_one(ModelTree)
    return next(n for n in tree.root.children if str(n.label).startswith(title))


# ---- explorer ---------------------------------------------------------------------


async def test_explorer_shows_kinds_with_counts_and_the_entity_with_relations(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert app.title == "Programma Warmte"
        # The counts come first in the header, so a narrow terminal cuts the name instead.
        header = app.format_title(app.title, app.sub_title).plain
        assert header.startswith(app.sub_title) and header.endswith("Programma Warmte")
        assert "error" in app.sub_title
        labels = [str(n.label) for n in app.query_one(ModelTree).root.children]
        assert labels[:4] == ["Units (3)", "People (3)", "Roles (3)", "Bodies (1)"]
        assert "Indicators (1)" in labels

        await pilot.press("down", "down", "enter", "down")  # Roles, open, first role
        await pilot.pause()
        explorer = app.query_one(ExplorerView)
        assert explorer.current == "sg-bzk"
        relations = app.query_one("#relations", OptionList)
        shown = prompts(relations)
        assert "held by: Anna Smit (p.smit)" in shown
        assert "reported to by: Directeur-Generaal Bouwen en Wonen (dg-bw)" in shown
        assert "seat in: Stuurgroep Warmte (sg-warmte)" in shown
        assert "A on Klimaatdoelen gebouwde omgeving (g.klimaat)" in shown


async def test_units_and_goals_nest_under_their_parent(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("enter")  # the cursor starts on Units: enter opens it
        await pilot.pause()
        units = kind_node(app, "Units")
        assert units.is_expanded
        assert [n.data for n in units.children] == ["bzk", "bureau-x"]
        app.show_entity("g.aardgasvrij")
        await pilot.pause()
        tree = app.query_one(ModelTree)
        node = tree.cursor_node
        assert node is not None and node.data == "g.aardgasvrij"
        assert node.parent is not None and node.parent.data == "g.klimaat"
        assert node.parent.is_expanded


async def test_units_whose_parents_loop_are_each_shown_once(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert app.session is not None
        bzk = app.session.model.units["bzk"]
        app.post_message(ChangeRequested(Change(put=[replace(bzk, parent="bzk-dgbw")]), ""))
        await until(pilot, lambda: app.session is not None
                    and app.session.model.units["bzk"].parent == "bzk-dgbw", "the loop")
        app.show_entity("bzk-dgbw")
        await pilot.pause()
        tree = app.query_one(ModelTree)
        for node in every_node(kind_node(app, "Units")):
            node.expand()
        await pilot.pause()
        shown = [n.data for n in every_node(kind_node(app, "Units"))]
        assert sorted(shown) == ["bureau-x", "bzk", "bzk-dgbw"]
        assert tree.cursor_node is not None and tree.cursor_node.data == "bzk-dgbw"


async def test_a_letter_set_while_exploring_shows_without_rebuilding_the_tree(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("p.smit")
        await pilot.pause()
        tree = app.query_one(ModelTree)
        node = tree.entity_nodes["p.smit"]
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("i.isolatie", "A", "p.smit")]), ""))
        relations = app.query_one("#relations", OptionList)
        await until(pilot, lambda: any("A on Isolatieprogramma" in prompt
                                       for prompt in prompts(relations)),
                    "the new assignment in the detail")
        assert tree.entity_nodes["p.smit"] is node  # the tree, with what is open, stayed


async def test_choosing_a_relation_moves_there_and_backspace_returns(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("dg-bw")
        await pilot.pause()
        relations = app.query_one("#relations", OptionList)
        target = next(i for i, prompt in enumerate(prompts(relations))
                      if "seat in: Stuurgroep Warmte" in prompt)
        relations.focus()
        relations.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        explorer = app.query_one(ExplorerView)
        assert explorer.current == "sg-warmte"
        fields = str(app.query_one("#entity-fields", Static).render())
        assert "Stuurgroep Warmte" in fields and "steering group" in fields
        assert app.query_one(ModelTree).has_focus
        await pilot.press("backspace")
        await pilot.pause()
        assert explorer.current == "dg-bw"


async def test_detail_lists_the_entity_findings(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("i.isolatie")
        await pilot.pause()
        fields = str(app.query_one("#entity-fields", Static).render())
        assert "OWN001" in fields  # no Accountable
        assert "STR005" in fields  # no success criteria


# ---- editing ----------------------------------------------------------------------


async def test_add_a_goal_through_the_form_is_saved_at_once(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "goal")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntityForm) and form.kind == "goal"
        form.query_one("#field-id", Input).focus()
        await pilot.press(*"g.isolatie")
        fill(form, name="Woningen geïsoleerd", parent="g.klimaat", A="dg-bw")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, EntityForm)
        assert app.session is not None
        assert app.session.model.goals["g.isolatie"].parent == "g.klimaat"
        assert app.query_one(ExplorerView).current == "g.isolatie"
        await until(pilot, lambda: "g.isolatie" in stored(database), "the goal in the database")
        saved = stored(database)
        assert saved.goals["g.isolatie"].name == "Woningen geïsoleerd"
        assert saved.actors("g.isolatie", "A") == ["dg-bw"]
        await linted(pilot, app, lambda: "STR001" in codes(app, "g.isolatie"))


async def test_form_checks_as_you_type_and_refuses_to_save_bad_input(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "role")
        fill(form, id="dg-bw", sunset="30-06-2027", holders="p.janssen")  # the id is taken
        await until(pilot, lambda: "already used" in field_error(form, "id"), "the form's check")

        assert "already used" in field_error(form, "id")
        assert "required" in field_error(form, "name")
        assert "not a date" in field_error(form, "sunset")
        assert form.query_one("#save").disabled
        form.query_one("#field-sunset", Input).focus()
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, EntityForm)
        # Saving takes the user to the first field to fix.
        assert form.focused is form.query_one("#field-id", Input)

        fill(form, id="pm-warmte", name="Programmamanager Warmte", sunset="2027-06-30")
        await until(pilot, lambda: not field_error(form, "id"), "the form's check again")
        # An unknown id is what the model file's check reports, with its suggestion.
        holders = field_error(form, "holders")
        assert "p.janssen" in holders and "p.jansen" in holders
        assert form.query_one("#save").disabled


async def test_form_checks_ids_choices_and_numbers(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "body")
        form.query_one("#field-id", Input).focus()
        await pilot.press(*"werk groep")
        fill(form, name="Werkgroep Warmte", meets_every_days="vaak")
        await until(pilot, lambda: "not a number" in field_error(form, "meets_every_days"),
                    "the form's check")

        assert "an id starts with a letter or digit" in field_error(form, "id")
        kind = form.query_one("#field-kind", Select)
        # a required choice starts chosen
        assert kind.value in BODY_KINDS and not field_error(form, "kind")
        assert "'vaak' is not a number" in field_error(form, "meets_every_days")
        assert form.query_one("#save").disabled

        fill(form, id="wg-warmte")
        form.query_one("#field-kind", Select).value = "working_group"
        fill(form, meets_every_days="14")
        await until(pilot, lambda: not field_error(form, "meets_every_days"),
                    "the form's check again")
        assert not form.query_one("#save").disabled
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "wg-warmte" in stored(database), "the body in the database")
        body = stored(database).bodies["wg-warmte"]
        assert (body.kind, body.meets_every_days) == ("working_group", 14)


async def test_form_checks_the_assignments_of_an_item(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "decision")
        fill(form, id="d.warmtewet", name="Warmtewet indienen", A="dg-bww",
                   C="sg-warmte, g.klimaat", I="sg-warmte")
        await until(pilot, lambda: field_error(form, "I"), "the form's check")

        assert "already holds C" in field_error(form, "I")
        fill(form, I="")
        await until(pilot, lambda: not field_error(form, "I"), "the form's check again")
        accountable = field_error(form, "A")
        assert "dg-bww" in accountable and "'dg-bw'" in accountable  # did you mean
        assert "g.klimaat" in field_error(form, "C")  # a goal is no actor
        assert form.query_one("#save").disabled


async def test_form_completes_names_and_ids_from_the_model(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "body")
        members = form.query_one("#field-members", Input)
        members.focus()
        await pilot.press(*"dg-bw,", "space", *"kwartier")  # a name, not an id
        await pilot.pause(0.2)
        matches = form.query_one("#matches-members", OptionList)
        assert matches.display and matches.get_option_at_index(0).id == "kwartiermaker"
        await pilot.press("enter")  # take the first
        assert members.value == "dg-bw, kwartiermaker"
        assert not matches.display
        await pilot.press(*", jansen")
        await pilot.pause(0.2)
        offered = [matches.get_option_at_index(i).id for i in range(matches.option_count)]
        assert offered[0] == "p.jansen" and len(offered) > 1  # by name, best first
        await pilot.press("down", "enter")  # down takes the next one
        assert members.value == f"dg-bw, kwartiermaker, {offered[1]}"
        await pilot.press(*", generaal")  # two roles have it in their names, one listed
        await pilot.pause(0.2)
        offered = [matches.get_option_at_index(i).id for i in range(matches.option_count)]
        assert "sg-bzk" in offered and "dg-bw" not in offered
        hint = str(form.query_one("#form-hint", Static).render())
        assert "Kwartiermaker Warmte (kwartiermaker)" in hint


async def test_edit_an_entity_and_undo_redo_the_edit(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        await pressed_on(pilot, app, "i.isolatie", "e")
        form = app.screen
        assert isinstance(form, EntityForm)
        assert form.query_one("#field-id", Input).disabled
        await pilot.press("x")  # typed at the end of the name, not over it
        assert form.query_one("#field-name", Input).value == "Isolatieprogrammax"
        fill(form, name="Nationaal Isolatieprogramma", A="dg-bw")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(database).initiatives["i.isolatie"].name
                    == "Nationaal Isolatieprogramma", "the edit in the database")
        assert stored(database).actors("i.isolatie", "A") == ["dg-bw"]
        await linted(pilot, app, lambda: "OWN001" not in codes(app, "i.isolatie"))

        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(database).initiatives["i.isolatie"].name
                    == "Isolatieprogramma", "the undo in the database")
        assert stored(database).actors("i.isolatie", "A") == []
        await linted(pilot, app, lambda: "OWN001" in codes(app, "i.isolatie"))

        await pilot.press("ctrl+y")
        await until(pilot, lambda: stored(database).actors("i.isolatie", "A") == ["dg-bw"],
                    "the redo in the database")


async def test_delete_shows_references_and_undo_brings_them_back(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        text = await deleting(pilot, app, "g.aardgasvrij")
        assert "i.wijkaanpak" in text and "i.isolatie" in text
        assert "k.woningen" in text  # the indicator measuring it goes too
        before = stored(database)
        held = len(before.assignments_of_item("g.aardgasvrij")) + len(
            before.assignments_of_item("k.woningen"))
        assert f"{held} RACI assignments go too:" in text
        assert "A: Directeur-Generaal Bouwen en Wonen (dg-bw)\n" in text  # on the goal itself
        assert "A: Directeur-Generaal Bouwen en Wonen (dg-bw) on k.woningen" in text
        await pilot.press("y")
        await until(pilot, lambda: "g.aardgasvrij" not in stored(database),
                    "the delete in the database")
        after = stored(database)
        assert "k.woningen" not in after
        assert after.initiatives["i.wijkaanpak"].goals == []
        assert not after.assignments_of_item("g.aardgasvrij")

        await pilot.press("ctrl+z")
        await until(pilot, lambda: "g.aardgasvrij" in stored(database), "the undo of the delete")
        restored = stored(database)
        assert restored.initiatives["i.wijkaanpak"].goals == ["g.aardgasvrij"]
        assert restored.kpis["k.woningen"].measures == "g.aardgasvrij"
        assert sorted((a.letter, a.actor) for a in restored.assignments_of_item("g.aardgasvrij")) \
            == [("A", "dg-bw"), ("C", "sg-warmte"), ("R", "kwartiermaker")]

        await pilot.press("ctrl+y")
        await until(pilot, lambda: "g.aardgasvrij" not in stored(database),
                    "the redo of the delete")


async def test_delete_can_be_cancelled(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        text = await deleting(pilot, app, "dg-bw")
        assert "A on Woningen aardgasvrij (g.aardgasvrij)" in text  # what the role holds
        await pilot.press("n")
        await pilot.pause()
        assert app.session is not None and "dg-bw" in app.session.model
        assert "dg-bw" in stored(database)


async def test_on_a_kind_delete_and_edit_act_on_no_entity(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("p.smit")
        await pilot.pause()
        app.query_one(ModelTree).move_to(KIND_PREFIX + "role")  # the cursor leaves the person
        await pilot.pause()
        assert app.query_one(ExplorerView).current is None
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDelete)
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, EntityForm)
        assert app.session is not None and "p.smit" in app.session.model


# ---- matrix -----------------------------------------------------------------------


async def test_matrix_keys_set_and_clear_letters(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        assert matrix.has_focus
        rows = [r.id for r in matrix.rows]
        columns = [c.id for c in matrix.columns]
        assert rows[:2] == ["g.klimaat", "g.aardgasvrij"] and "k.woningen" in rows
        assert columns[:3] == ["sg-bzk", "dg-bw", "kwartiermaker"]
        # i.isolatie has no Accountable: its row is marked.
        assert matrix.index.worst_level("i.isolatie") == "error"

        await pilot.press(*["down"] * rows.index("i.isolatie"), "right")  # dg-bw
        assert matrix.cursor_cell is not None
        assert [e.id for e in matrix.cursor_cell] == ["i.isolatie", "dg-bw"]
        await pilot.press("a")
        await until(pilot, lambda: stored(database).actors("i.isolatie", "A") == ["dg-bw"],
                    "the A in the database")
        await linted(pilot, app, lambda: matrix.index.worst_level("i.isolatie") == "warning")
        await pilot.press("c")
        await until(pilot, lambda: stored(database).actors("i.isolatie", "C") == ["dg-bw"],
                    "the C replacing the A")
        assert stored(database).actors("i.isolatie", "A") == []
        await pilot.press("space")
        await until(pilot, lambda: not stored(database).assignments_of_item("i.isolatie"),
                    "the cleared cell")
        await pilot.press("right", "r", "i")
        await until(pilot, lambda: stored(database).actors("i.isolatie", "I") == ["kwartiermaker"],
                    "the I")
        await pilot.press("backspace")
        await until(pilot, lambda: not stored(database).assignments_of_item("i.isolatie"),
                    "the cell cleared by backspace")


async def test_matrix_of_a_thousand_items_by_three_hundred_actors(tmp_path: Path) -> None:
    roles = [{"id": f"r{n}", "name": f"Rol {n}"} for n in range(300)]
    goals = [{"id": f"g{n}", "name": f"Doel {n}", "raci": {"A": f"r{n % 300}"}}
             for n in range(1000)]
    model_file = tmp_path / "groot.yaml"
    model_file.write_text(yaml.safe_dump(
        {"raci": 1, "org": {"name": "Groot"}, "roles": roles, "goals": goals}), encoding="utf-8")
    import_file(model_file, str(tmp_path / "groot.db"))
    async with make_app(tmp_path / "groot.db").run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        assert (len(matrix.rows), len(matrix.columns)) == (1000, 300)
        await pilot.press("end", *["pagedown"] * 5)
        await pilot.pause()
        row = 5 * (matrix.scrollable_content_region.height - HEADER_LINES)  # five screenfuls
        assert matrix.cursor == (299, row)
        scroll_x, scroll_y = matrix.scroll_offset
        cell = 299 * CELL_WIDTH
        assert scroll_x <= cell < scroll_x + matrix.size.width - ITEM_WIDTH  # the cell shows
        assert scroll_y <= row < scroll_y + matrix.size.height
        header = matrix.render_line(0).text  # drawn for what is on screen: the last actors
        assert "Rol 299" in header and "Rol 0 " not in header
        assert len(header) == matrix.size.width
        await pilot.press("r")
        await until(pilot,
                    lambda: stored(tmp_path / "groot.db").letters_of(f"g{row}", "r299") == ("R",),
                    "the letter in the database")


async def test_matrix_scope_is_picked_from_a_list(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2", "s")
        await pilot.pause()
        assert isinstance(app.screen, ScopePicker)
        app.screen.query_one("#scope-filter", Input).value = "stuurgroep"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        assert {c.id for c in matrix.columns} == {"sg-warmte", "dg-bw", "kwartiermaker", "sg-bzk"}
        title = str(app.query_one("#matrix-title", Static).render())
        assert "Stuurgroep Warmte" in title

        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"aardgas", "enter")
        await pilot.pause()
        assert {r.id for r in matrix.rows} == {"g.aardgasvrij", "i.wijkaanpak", "i.isolatie",
                                               "d.subsidie", "k.woningen"}


async def test_matrix_follows_the_mouse(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        width = matrix.cell_width  # the room there is, shared
        await pilot.click(RaciMatrix, offset=(matrix.item_width + width * 2 + 1, HEADER_LINES + 1))
        assert matrix.cursor == (2, 1)
        # A header shows a shortened name; hovering gives the whole of it.
        await pilot.hover(RaciMatrix, offset=(matrix.item_width + 1, 0))
        assert matrix.tooltip == f"{matrix.columns[0].name} ({matrix.columns[0].id})"


async def test_the_mouse_switches_views_and_follows_relations(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.click("#--content-tab-findings")
        await pilot.pause()
        assert app.query_one("#views").active == "findings"
        await pilot.click("#--content-tab-explorer")
        await pilot.pause()
        app.show_entity("dg-bw")
        await pilot.pause()
        relations = app.query_one("#relations", OptionList)
        first = relations.get_option_at_index(0)
        assert first.id is not None
        await pilot.click(relations, offset=(2, 1))  # the first option, inside the border
        await pilot.pause()
        assert app.query_one(ExplorerView).current == first.id.split(":", 1)[1]


# ---- findings -----------------------------------------------------------------------


async def test_findings_are_grouped_and_enter_jumps_to_the_entity(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        title = str(app.query_one("#findings-title", Static).render())
        errors = sum(1 for f in app.findings if f.level == "error" and not f.waived)
        assert f"{errors} error" in title
        tree: Tree[object] = app.query_one("#findings-tree", Tree)
        assert tree.has_focus
        levels = [str(n.label) for n in tree.root.children]
        assert levels[0] == f"error ({errors})"
        rules = [str(n.label) for n in tree.root.children[0].children]
        assert any(label.startswith("OWN001 unowned-item") for label in rules)

        own001 = next(n for n in tree.root.children[0].children
                      if str(n.label).startswith("OWN001"))
        tree.move_cursor(own001)
        await pilot.pause()
        # On a rule, the line under the tree says what it finds and how to fix it.
        assert str(app.query_one("#finding-detail", Static).render()) == (
            "OWN001 A goal, initiative or decision with no Accountable. "
            "How to fix: Name one role (preferably) or person as A.")
        was_open = own001.is_expanded
        await pilot.press("enter")  # on a rule, enter opens or closes it
        await pilot.pause()
        assert own001.is_expanded is not was_open
        own001.expand()
        await pilot.pause()
        tree.move_cursor(own001.children[0])
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#views").active == "explorer"
        assert app.query_one(ExplorerView).current == "i.isolatie"


async def test_waiver_needs_a_reason_and_silences_the_finding(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        tree: Tree[object] = app.query_one("#findings-tree", Tree)
        warnings = next(n for n in tree.root.children if str(n.label).startswith("warning"))
        str005 = next(n for n in warnings.children if str(n.label).startswith("STR005"))
        str005.expand()
        await pilot.pause()
        tree.move_cursor(str005.children[0])
        await pilot.pause()
        # The tree cuts long messages; the line under it shows the whole one.
        whole = str(app.query_one("#finding-detail", Static).render())
        assert whole.startswith("STR005 ") and "i.isolatie" in whole
        await pilot.press("w")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, WaiverForm)
        assert form.query_one("#waiver-reason", Input).has_focus  # typing goes to the reason
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaiverForm)
        assert "required" in str(form.query_one("#waiver-reason-error", Static).render())
        form.query_one("#waiver-reason", Input).value = "Criteria volgen na de verkenning."
        form.query_one("#waiver-expires", Input).value = "2020-03-01"  # it would waive nothing
        form.query_one("#waiver-author", Input).focus()
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WaiverForm)
        assert "already past" in str(form.query_one("#waiver-expires-error", Static).render())
        assert form.query_one("#waiver-expires", Input).has_focus
        assert any("Fix the marked fields" in n.message for n in app._notifications)
        form.query_one("#waiver-expires", Input).value = "2027-03-01"
        form.query_one("#waiver-author", Input).value = "Programmaraad"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(database).waivers, "the waiver in the database")
        waiver = stored(database).waivers[0]
        assert (waiver.rule, waiver.target, waiver.reason) == (
            "STR005", ["i.isolatie"], "Criteria volgen na de verkenning.")
        assert waiver.expires is not None and waiver.expires.isoformat() == "2027-03-01"
        assert waiver.author == "Programmaraad"
        await linted(pilot, app, lambda: "STR005" not in codes(app, "i.isolatie"))
        assert any(f.code == "STR005" and f.waived for f in app.findings)


# ---- diagram ----------------------------------------------------------------------------


async def test_diagram_previews_the_neighbourhood_and_exports(
    database: Path, tmp_path: Path
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pressed_on(pilot, app, "dg-bw", "4")
        focus = app.query_one("#diagram-focus", Input)
        assert focus.value == "dg-bw"  # taken from the explorer
        preview = app.query_one("#diagram-preview", Static)
        await until(pilot, lambda: "Directeur-Generaal" in str(preview.render()), "the preview")
        assert "Secretaris-Generaal BZK (sg-bzk)" in str(preview.render())

        drawing = tmp_path / "org.svg"
        app.query_one("#diagram-file", Input).value = str(drawing)
        await pilot.press("ctrl+s")
        await until(pilot, drawing.exists, "the drawing")
        assert "<svg" in drawing.read_text(encoding="utf-8")

        mermaid = tmp_path / "org.mmd"  # a suffix names its format as on the command line
        app.query_one("#diagram-file", Input).value = str(mermaid)
        await pilot.press("ctrl+s")
        await until(pilot, mermaid.exists, "the Mermaid drawing")
        assert mermaid.read_text(encoding="utf-8").startswith("flowchart ")

        app.query_one("#diagram-file", Input).value = str(tmp_path / "org.txt")
        await pilot.press("ctrl+s")  # in its turn, after any key typed before it
        await until(pilot, lambda: "org.txt" in said(app)[-1], "the refusal")
        assert not (tmp_path / "org.txt").exists()
        assert said(app)[-1].startswith(f"{tmp_path / 'org.txt'}: end the name with .dot, .gv, ")

        focus.value = "sg-warmte"  # a body, which the org view does not draw
        await until(pilot, lambda: "not drawn" in str(preview.render()), "the refusal")
        # Said with the app's fields, not with `raci diagram`'s options.
        assert "--" not in str(preview.render()) and "view bodies" in str(preview.render())

        focus.focus()
        await pilot.press("escape", "1")  # out of the fields, the view keys work again
        await pilot.pause()
        assert app.query_one("#views").active == "explorer"


# ---- everywhere -------------------------------------------------------------------------


async def test_palette_jumps_to_an_entity_by_name(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Sand")
        await until(pilot, lambda: app.screen.query("CommandList Option") or
                    app.screen.query_one("CommandList", OptionList).option_count,
                    "the palette's hits")
        await pilot.pause(0.2)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ExplorerView).current == "p.dekker"


async def test_palette_runs_actions(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"matrix")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#views").active == "matrix"


async def test_palette_offers_every_action(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        commands = pilot.app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: commands.option_count > 20, "the palette's actions")
        offered = "\n".join(prompts(commands))
        for title in ("Undo", "Redo", "Edit selected entity", "Delete selected entity",
                      "Go back", "Waive finding", "Pick matrix scope", "Export diagram",
                      "Show keys", "Add unit", "Add indicator", "Show findings"):
            assert title in offered


async def test_question_mark_lists_every_key(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, KeysScreen)
        text = keys_listed(pilot.app)
        for key, description in [("n", "New"), ("d", "Delete"), ("r", "Responsible"),
                                 ("space, backspace", "Clear"), ("s", "Scope"), ("w", "Waive"),
                                 ("ctrl+z", "Undo"), ("ctrl+p", "Palette"),
                                 ("/", "Search"), ("click", "a matrix cell"),
                                 ("hover", "whole names")]:
            assert key in text and description in text
        # Every key any view or dialog declares is on the list, the dialogs' too.
        lines = {" ".join(line.split()) for line in text.splitlines()}
        for owner in (RaciApp, ExplorerView, MatrixView, RaciMatrix, FindingsView, DiagramView,
                      EntityForm, ConfirmDelete, WaiverForm, ScopePicker):
            for binding in owner.BINDINGS:
                assert isinstance(binding, Binding)
                keys = ", ".join(key_word(key) for key in binding.key.split(","))
                assert any(line.startswith(f"{keys} ") and binding.description in line
                           for line in lines), (owner, binding.key)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, KeysScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quits_with_q_and_ctrl_q(database: Path, key: str) -> None:
    app = make_app(database)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_another_process_writing_is_noticed_and_nothing_is_lost(database: Path) -> None:
    async with make_app(database, poll_seconds=NO_POLLING).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        with open_store(database_url(str(database))) as other:
            other.load()
            other.save(Change(assign=[Assignment("i.isolatie", "A", "sg-bzk")]))
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        rows = [r.id for r in matrix.rows]
        await pilot.press(*["down"] * rows.index("d.subsidie"), "right", "i")  # dg-bw: C -> I
        await until(pilot, lambda: stored(database).actors("d.subsidie", "I") == ["dg-bw"],
                    "the edit saved after the reload")
        after = stored(database)
        assert after.actors("i.isolatie", "A") == ["sg-bzk"]  # the other process's edit
        assert app.session is not None
        assert app.session.model.actors("i.isolatie", "A") == ["sg-bzk"]
        assert any("Another process" in n.message for n in app._notifications)


async def test_an_edit_that_no_longer_fits_is_refused_with_a_reason(database: Path) -> None:
    async with make_app(database, poll_seconds=NO_POLLING).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        rows = [r.id for r in matrix.rows]
        with open_store(database_url(str(database))) as other:
            other.load()
            other.save(Change(delete=["d.subsidie"],
                              unassign=list(other.load().assignments_of_item("d.subsidie"))))
        await pilot.press(*["down"] * rows.index("d.subsidie"), "r")
        await until(pilot, lambda: any("not kept" in n.message for n in app._notifications),
                    "the refusal")
        assert app.session is not None
        assert "d.subsidie" not in app.session.model
        assert "d.subsidie" not in stored(database)
        assert not app.session.undo_stack  # the refused edit is not offered for undo


async def test_a_form_edit_never_overwrites_what_another_process_changed(
        database: Path) -> None:
    async with make_app(database, poll_seconds=NO_POLLING).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        app.show_entity("i.isolatie")
        await pilot.pause()
        with open_store(database_url(str(database))) as other:
            isolatie = other.load().initiatives["i.isolatie"]
            other.save(Change(put=[replace(isolatie, demand_fte=9.0)]))
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, EntityForm)
        fill(form, name="Nationaal Isolatieprogramma")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any("not kept" in n.message for n in app._notifications),
                    "the refusal")
        kept = stored(database).initiatives["i.isolatie"]
        assert (kept.name, kept.demand_fte) == ("Isolatieprogramma", 9.0)
        assert app.session is not None
        assert app.session.model.initiatives["i.isolatie"] == kept
        assert any("Isolatieprogramma (i.isolatie) was changed by someone else" in n.message
                   for n in app._notifications)
        # "Saved" is said once an edit is in the database, so never for one turned down.
        assert not [n for n in app._notifications if n.message.startswith("Saved")]
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-name", Input).value = "Isolatie"
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: any(n.message == "Saved Isolatie (i.isolatie)"
                                       for n in app._notifications), "the toast after saving")


def test_an_edit_is_reapplied_after_a_reload_only_where_nobody_else_wrote() -> None:
    def model() -> Model:
        built = Model(Org("Org"))
        built.add(Role(id="dg", name="DG"))
        built.add(Role(id="dir", name="Directeur"))
        built.add(Goal(id="g", name="Doel"))
        built.assignments = [Assignment("g", "A", "dg")]
        return built

    session = Session(model())
    letter = session.apply(Change(assign=[Assignment("g", "R", "dir")]))
    renamed = session.apply(Change(put=[Goal(id="g", name="Doel 2030")]))
    fresh = model()
    fresh.assignments.append(Assignment("g", "C", "dir"))  # someone else's letter for dir
    reapplied, refused = session.adopt(fresh, [letter, renamed])
    assert [edit.change for edit in reapplied] == [renamed.change]
    assert refused == ["the assignment of Directeur (dir) on Doel (g) was changed by "
                       "someone else since you loaded it"]
    assert fresh.goals["g"].name == "Doel 2030" and fresh.actors("g", "C") == ["dir"]
    assert [edit.change for edit in session.undo_stack] == [renamed.change]


async def test_add_a_person_and_an_indicator_of_other_kinds(database: Path) -> None:
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "person")
        fill(form, id="p.bakker", name="Joost Bakker", unit="bzk-dgbw", capacity_fte="0.8")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        form = await adding(pilot, app, "kpi")
        fill(form, id="k.wijken", name="Wijken gestart", measures="i.wijkaanpak", A="p.bakker")
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "k.wijken" in stored(database), "the indicator saved")
        saved = stored(database)
        assert saved.people["p.bakker"].capacity_fte == 0.8
        kpi = saved.kpis["k.wijken"]
        assert (kpi.measures, kpi.type, kpi.has_raci) == ("i.wijkaanpak", "leading", True)
        assert saved.actors("k.wijken", "A") == ["p.bakker"]


async def test_undo_and_redo_of_matrix_edits_and_nothing_left_to_undo(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2", "a")  # g.klimaat × sg-bzk already holds A: nothing changes
        await pilot.press("right", "i")  # g.klimaat × dg-bw
        await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                    "the I")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == [], "the undo")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Nothing to undo" in n.message for n in app._notifications)
        await pilot.press("ctrl+y")
        await until(pilot, lambda: stored(database).actors("g.klimaat", "I") == ["dg-bw"],
                    "the redo")


async def test_quitting_right_after_an_edit_keeps_the_edit(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await pilot.press("2", "right", "i", "q")
        await pilot.pause()
        assert not app.is_running
    assert stored(database).actors("g.klimaat", "I") == ["dg-bw"]


async def test_lint_configuration_beside_the_database_applies(database: Path) -> None:
    (database.parent / "raci.toml").write_text('[raci]\nignore = ["OWN001"]\n', encoding="utf-8")
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert "STR005" in codes(app, "i.isolatie")
        assert "OWN001" not in codes(app, "i.isolatie")


@pytest.mark.parametrize(("name", "lines"), [
    ("Petra Jansen", ("Petra", "Jansen")),
    ("Rol 7", ("Rol 7", "")),
    ("Stuurgroep Warmte", ("Stuurg…", "Warmte")),
    ("Directeur-Generaal Bouwen en Wonen", ("Direct…", "…Wonen")),
    ("Kwartiermaker", ("Kwarti…", "")),
])
def test_matrix_headers_show_names_shortened_to_the_column(
        name: str, lines: tuple[str, str]) -> None:
    from raci.tui.widgets.matrix import column_header

    assert column_header(name) == lines
