"""A form checks the entity it puts, not the whole model (`check_entities`):
on a national model a whole check took half a second when the form opened
and again at each pause in typing, so the id and "required" came seconds
after the name was typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import adding, fill, loaded, stored, until
from textual.widgets import Input

from raci.model import Assignment, Goal, Model, Org, Person, Role, Unit, checks
from raci.model.checks import check_entities, check_model
from raci.tui import make_app
from raci.tui.widgets.entity_form import EntityForm


@pytest.fixture
def broken() -> Model:
    """A model with a problem of each kind, each on another entity."""
    model = Model(Org(name="Warmte"))
    model.units["bzk"] = Unit(id="bzk", name="BZK", parent="dgbw")
    model.units["dgbw"] = Unit(id="dgbw", name="DG BW", parent="bzk")
    model.people["p.jansen"] = Person(id="p.jansen", name="Petra Jansen", unit="bzz")
    model.people["p.smit"] = Person(id="p.smit", name="Anna Smit", unit="bzk")
    model.roles["dg-bw"] = Role(id="dg-bw", name="DG", holders=["p.jansen", "p.jansen"])
    model.goals["g.klimaat"] = Goal(id="g.klimaat", name="Klimaat")
    model.goals["g.warmte"] = Goal(id="g.warmte", name="Warmte")
    model.assignments = [Assignment("g.warmte", "A", "dg-bw"), Assignment("g.warmte", "C", "dg-bw"),
                         Assignment("g.klimaat", "A", "p.smid")]
    return model


@pytest.mark.parametrize("entity_id", ["p.jansen", "dg-bw", "g.warmte", "g.klimaat", "p.smit"])
def test_an_entity_has_the_problems_the_whole_check_finds_about_it(broken: Model,
                                                                   entity_id: str) -> None:
    assert check_entities(broken, [entity_id]) == [
        p for p in check_model(broken) if p.entity_id == entity_id]


def test_a_parent_cycle_is_told_from_the_entity_checked(broken: Model) -> None:
    """The whole check tells the cycle from its first unit; checking the
    second, the form that made it, tells it from there."""
    [cycle] = check_entities(broken, ["dgbw"])
    assert (cycle.entity_id, cycle.field, cycle.value) == ("dgbw", "parent", "bzk")
    assert "(dgbw → bzk → dgbw)" in cycle.message
    assert [p.message for p in check_entities(broken, ["bzk"])] == [
        p.message for p in check_model(broken) if p.field == "parent"]


def test_a_unit_below_a_cycle_is_in_none(broken: Model) -> None:
    broken.units["dir"] = Unit(id="dir", name="Directie", parent="bzk")
    assert check_entities(broken, ["dir"]) == []


async def test_adding_and_saving_never_checks_the_whole_model(
        database: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def whole_check(model: Model) -> list[checks.Problem]:
        raise AssertionError("the form checked the whole model")

    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        monkeypatch.setattr(checks, "check_model", whole_check)
        form = await adding(pilot, app, "person")
        await pilot.press(*"Kees de Vries")
        await until(pilot, lambda: form.query_one("#field-id", Input).value == "p.kees-de-vries",
                    "the id made from the name")
        fill(form, unit="bzz")
        await until(pilot, lambda: "names nothing" in str(form.query_one("#error-unit").render()),
                    "the unknown unit said at its field")
        fill(form, unit="bzk")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, EntityForm), "the form saved")
        await until(pilot, lambda: not app._saves.unfinished_tasks, "the edit saved")
    assert stored(database).people["p.kees-de-vries"].unit == "bzk"
