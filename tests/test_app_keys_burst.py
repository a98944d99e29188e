"""Keys typed in one burst (as tmux's send-keys, or a fast typist) around
the forms and dialogs: each lands where the user meant it."""

from __future__ import annotations

import asyncio
from pathlib import Path

from apphelp import adding, fill, loaded, new_scenario, options, said, stored, until
from test_app_typing_fast import add_form_open, type_at_once
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Select, Static, TabbedContent

from raci.tui import make_app
from raci.tui.screens.scenarios import ConfirmSettle, ScenariosScreen
from raci.tui.widgets.discard_modal import ConfirmDiscard
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import KIND_PREFIX, ModelTree


async def test_n_a_name_tab_and_the_parent_typed_at_once_add_the_unit_under_it(
        database: Path) -> None:
    """The tab ran as it arrived: it took the focus off the tree before the `n`,
    on its way through the tree, opened the form. No form came, and the name's
    `S` opened the scenarios."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await add_form_open(pilot, app, "unit")  # opened and closed once, as the pass did
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, EntityForm), "the form closed")
        type_at_once(app, "n", *"Stuurgroep Noord", "tab", *"bzk", "ctrl+s")
        await until(pilot, lambda: "Added unit Stuurgroep Noord (stuurgroep-noord)" in said(app),
                    "the unit added")
        await until(pilot, lambda: "stuurgroep-noord" in stored(database).units,
                    "the unit in the database")
        assert stored(database).units["stuurgroep-noord"].parent == "bzk"


async def test_s_n_a_name_and_enter_typed_at_once_on_the_findings_make_the_scenario(
        database: Path) -> None:
    """The enter went to the findings behind the dialog: the explorer jumped
    to the finding's entity, and the dialog stayed open with the name."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await until(pilot, lambda: app.focused is app.query_one("#findings-tree"), "the findings")
        type_at_once(app, "S", "n", *"minder-gremia", "enter")
        await until(pilot, lambda: app.place.scenario == "minder-gremia", "the scenario open")
        assert app.query_one(TabbedContent).active == "findings"


async def test_s_down_and_a_typed_at_once_apply_the_scenario_below_the_model(
        database: Path) -> None:
    """`down` and `a` reached the list before it was filled: `down` moved
    nothing, and `a` was on no scenario."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "minder")
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and len(options(app, "#scenarios-list")) == 2, "the scenarios")
        await pilot.press("up", "enter")  # back to the model itself
        await until(pilot, lambda: app.place.scenario is None and app.session is not None,
                    "the model itself")
        type_at_once(app, "S", "down", "a")
        await until(pilot, lambda: isinstance(app.screen, ConfirmSettle), "the question")
        assert isinstance(app.screen, ConfirmSettle) and "minder" in app.screen.question


async def test_ctrl_q_in_a_form_holding_a_typed_name_asks_before_quitting(
        database: Path) -> None:
    """ctrl+q quit at once and the name typed was lost; escape asks first."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await add_form_open(pilot, app, "unit")
        await pilot.press(*"Afdeling Noord", "ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("n")  # keep editing
        await until(pilot, lambda: isinstance(app.screen, EntityForm), "the form again")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard), "the question")
        await pilot.press("y")
        await until(pilot, lambda: not app.is_running, "the app ended")


async def test_ctrl_q_in_a_form_nothing_was_typed_in_quits_at_once(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await add_form_open(pilot, app, "unit")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, "the app ended")


async def chair_asked(pilot: Pilot[None]) -> tuple[EntityForm, Input]:
    """A new body's form, its name and kind given, the chair's field focused."""
    form = await adding(pilot, await loaded(pilot), "body")
    fill(form, name="Overleg Noord")
    form.query_one("#field-kind", Select).value = "steering_group"
    chair = form.query_one("#field-chair", Input)
    chair.focus()
    return form, chair


async def test_enter_takes_the_completion_whose_words_begin_with_the_words_typed(
        database: Path) -> None:
    """"Directeur Bouwen" is Directeur-Generaal Bouwen en Wonen, but no part of
    the name holds it as typed: enter took nothing."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        _, chair = await chair_asked(pilot)
        await pilot.press(*"Directeur Bouwen", "enter")
        assert chair.value == "dg-bw"


async def test_a_name_saved_in_an_id_field_is_the_id_of_the_one_it_names(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        await chair_asked(pilot)
        await pilot.press(*"Directeur Bouwen", "ctrl+s")
        await until(pilot, lambda: "overleg-noord" in stored(database).bodies, "the body")
        assert stored(database).bodies["overleg-noord"].chair == "dg-bw"


async def test_a_name_that_is_no_id_is_said_under_its_field_and_saving_goes_there(
        database: Path) -> None:
    """The file's check said it below the form, and the focus stayed where it was."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        form, chair = await chair_asked(pilot)
        await pilot.press(*"Kees Bouwen", "tab", "ctrl+s")
        await until(pilot, lambda: form.focused is chair, "the chair field focused")
        error = form.query_one("#error-chair", Static)
        assert error.display and "'Kees Bouwen'" in str(error.render())


async def test_an_unknown_id_is_said_under_its_field_as_the_field_is_left(
        database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        form, _ = await chair_asked(pilot)
        await pilot.press(*"dg-bx", "tab")
        error = form.query_one("#error-chair", Static)
        await until(pilot, lambda: error.display, "the chair's problem")
        assert "dg-bw" in str(error.render())


async def test_a_name_and_tab_typed_at_once_leave_its_id_and_no_completions_open(
        database: Path) -> None:
    """The tab ran before the field took the name: the name stayed a name, and
    its completions opened under the field left."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        form, chair = await chair_asked(pilot)
        type_at_once(pilot.app, *"Directeur Bouwen", "tab")
        await until(pilot, lambda: chair.value == "dg-bw", "the chair's id")
        await pilot.pause(0.3)  # time for the completions to open
        assert not form.query_one("#matches-chair", OptionList).display


async def test_a_tab_typed_while_the_form_opens_goes_on_from_its_first_field(
        database: Path) -> None:
    """The form's first field takes the focus a moment after the form is
    ready: the tab kept went on from no field, to the id, not the parent."""
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        app.query_one(ModelTree).move_to(KIND_PREFIX + "unit")
        await pilot.pause()
        type_at_once(app, "n")
        while not isinstance(app.screen, EntityForm):  # on the stack, not yet mounted
            await asyncio.sleep(0)
        type_at_once(app, *"Afdeling Noord", "tab", *"bzk")
        form = app.screen
        await until(pilot, lambda: form.is_mounted
                    and form.query_one("#field-name", Input).value == "Afdeling Noord",
                    "the name typed")
        await until(pilot, lambda: form.query_one("#field-parent", Input).value == "bzk",
                    "bzk typed as the parent")
