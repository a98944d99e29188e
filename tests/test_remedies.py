"""The usual remedies as changes on a model in memory: merge two bodies,
retire a body, remove a person, move an item's A; each undone exactly by
its inverse."""

from __future__ import annotations

import copy
import dataclasses

import pytest

from raci.model import Assignment, Body, Goal, Kpi, Model, Org, Person, Role, Unit, Waiver
from raci.model.changes import Change
from raci.model.checks import check_model
from raci.model.remedies import (
    combined,
    merge_bodies,
    move_accountable,
    remove_person,
    retire_body,
)


def programme() -> Model:
    """Two look-alike bodies under a steering group, people in roles, letters on goals."""
    model = Model(org=Org("Programma"))
    model.units["u"] = Unit(id="u", name="Directie")
    for person in ("jansen", "bakker", "smit", "visser"):
        model.people[f"p.{person}"] = Person(id=f"p.{person}", name=person.title(), unit="u")
    model.roles["dg"] = Role(id="dg", name="DG", unit="u", holders=["p.jansen"])
    model.roles["pm"] = Role(id="pm", name="PM", unit="u", holders=["p.bakker", "p.smit"],
                             reports_to="dg")
    model.bodies["sg"] = Body(id="sg", name="Stuurgroep", kind="steering_group", chair="dg",
                              members=["dg", "pm"])
    model.bodies["po"] = Body(id="po", name="Programmaoverleg", kind="programme_board",
                              chair="p.smit", members=["pm", "p.visser", "dg"], reports_to="sg")
    model.bodies["tf"] = Body(id="tf", name="Taskforce", kind="taskforce", members=["p.visser"],
                              reports_to="po")
    for goal in ("g.a", "g.b", "g.c", "g.d"):
        model.goals[goal] = Goal(id=goal, name=goal)
    model.kpis["k.a"] = Kpi(id="k.a", name="Indicator", measures="g.a", type="lagging")
    model.assignments = [
        Assignment("g.a", "A", "sg"), Assignment("g.a", "C", "po"),
        Assignment("g.b", "A", "po"), Assignment("g.b", "R", "po"),
        Assignment("g.c", "I", "sg"), Assignment("g.c", "R", "po"),
        Assignment("g.d", "A", "p.smit"), Assignment("g.d", "R", "p.smit"),
        Assignment("g.d", "C", "p.visser"), Assignment("g.a", "R", "p.smit"),
        Assignment("g.c", "A", "pm"),
    ]
    model.waivers = [Waiver(rule="BOD002", target=["po"], reason="Bereidt voor.")]
    return model


def cells(model: Model, item: str) -> dict[str, tuple[str, ...]]:
    return {a.actor: model.letters_of(item, a.actor) for a in model.assignments_of_item(item)}


def same(model: Model, other: Model) -> bool:
    """Equal, but for the order of assignments (undo puts a restored letter last)."""
    return (set(model.assignments) == set(other.assignments)
            and dataclasses.replace(model, assignments=[])
            == dataclasses.replace(other, assignments=[]))


def applied(model: Model, change: Change) -> Model:
    """The model after the change, which must leave it sound and be undone exactly."""
    before = copy.deepcopy(model)
    after = copy.deepcopy(model)
    inverse = change.apply(after)
    assert check_model(after) == []
    undone = copy.deepcopy(after)
    inverse.apply(undone)
    assert same(undone, before), "the change's inverse gives the model back"
    return after


@pytest.mark.parametrize(("cells_", "kept"), [
    ((("A",), ("R",)), ("A", "R")),
    ((("A", "R"), ("I",)), ("A", "R")),
    ((("A",), ("C",)), ("A",)),
    ((("C",), ("R",)), ("R",)),
    ((("I",), ("C",)), ("C",)),
    ((("I",), ()), ("I",)),
    (((), ()), ()),
])
def test_two_holdings_become_one_by_strength_a_r_c_i_with_a_r_allowed(
        cells_: tuple[tuple[str, ...], ...], kept: tuple[str, ...]) -> None:
    assert combined(*cells_) == kept  # type: ignore[arg-type]
    assert combined(*reversed(cells_)) == kept  # type: ignore[arg-type]


def test_merging_unites_members_moves_letters_by_strength_and_retires_the_other() -> None:
    model = applied(programme(), merge_bodies(programme(), "po", into="sg"))
    assert "po" not in model
    sg = model.bodies["sg"]
    assert sg.members == ["dg", "pm", "p.visser"]
    assert sg.chair == "dg", "the body that stays keeps its chair"
    assert cells(model, "g.a") == {"sg": ("A",), "p.smit": ("R",)}, "A beats C"
    assert cells(model, "g.b") == {"sg": ("A", "R")}, "an A/R moves whole"
    assert cells(model, "g.c") == {"sg": ("R",), "pm": ("A",)}, "R beats I"
    assert model.bodies["tf"].reports_to == "sg", "what reported to po reports to sg"
    assert model.waivers == [], "po's waiver goes with it"


def test_a_merged_body_gets_the_chair_chosen_and_takes_the_others_place() -> None:
    model = applied(programme(), merge_bodies(programme(), "sg", into="po", chair="dg"))
    po = model.bodies["po"]
    assert (po.chair, po.reports_to) == ("dg", None), "po reported to sg, which reported nowhere"
    assert po.members == ["pm", "p.visser", "dg"]
    assert cells(model, "g.a") == {"po": ("A",), "p.smit": ("R",)}


def test_merging_a_body_into_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot be merged into itself"):
        merge_bodies(programme(), "sg", into="sg")


def test_retiring_a_body_hands_its_letters_to_its_chair_and_its_reports_up() -> None:
    model = applied(programme(), retire_body(programme(), "po"))
    assert "po" not in model
    assert cells(model, "g.b") == {"p.smit": ("A", "R")}
    assert cells(model, "g.d") == {"p.smit": ("A", "R"), "p.visser": ("C",)}
    assert cells(model, "g.a") == {"sg": ("A",), "p.smit": ("R",)}, "C is weaker than R"
    assert model.bodies["tf"].reports_to == "sg", "tf reported to po, which reported to sg"


def test_retiring_a_body_that_reports_to_itself_leaves_its_reports_reporting_nowhere() -> None:
    """A reporting cycle of one (BOD005): there is no 'where it reported' to
    hand on, so what reported to it reports to nothing, not to the body gone."""
    looped = programme()
    looped.bodies["po"].reports_to = "po"
    model = applied(looped, retire_body(looped, "po"))
    assert model.bodies["tf"].reports_to is None
    assert check_model(model) == []


def test_a_retired_body_hands_its_letters_to_whom_you_say() -> None:
    model = applied(programme(), retire_body(programme(), "sg", to="p.visser"))
    assert cells(model, "g.a") == {"po": ("C",), "p.smit": ("R",), "p.visser": ("A",)}
    assert model.bodies["po"].reports_to is None


def test_a_body_with_no_chair_needs_an_heir() -> None:
    with pytest.raises(ValueError, match="tf has no chair to take its assignments"):
        retire_body(programme(), "tf")


def test_removing_a_person_leaves_roles_vacant_and_moves_their_own_letters() -> None:
    model = applied(programme(), remove_person(programme(), "p.smit", to="p.visser"))
    assert "p.smit" not in model
    assert model.roles["pm"].holders == ["p.bakker"]
    assert model.bodies["po"].chair is None, "a chair they held goes"
    assert cells(model, "g.d") == {"p.visser": ("A", "R")}, "A/R beats the C p.visser held"
    assert cells(model, "g.a")["p.visser"] == ("R",)
    assert cells(model, "g.c") == {"sg": ("I",), "po": ("R",), "pm": ("A",)}, \
        "letters held through a role stay with the role"


def test_removing_a_person_without_an_heir_drops_their_letters() -> None:
    model = applied(programme(), remove_person(programme(), "p.jansen"))
    assert model.roles["dg"].holders == []
    assert cells(model, "g.a") == {"sg": ("A",), "po": ("C",), "p.smit": ("R",)}
    assert "p.jansen" not in {a.actor for a in model.assignments}


def test_moving_the_a_leaves_one_accountable_and_the_former_keep_their_r() -> None:
    model = programme()
    model.assignments.append(Assignment("g.d", "A", "dg"))
    model = applied(model, move_accountable(model, "g.d", "p.visser"))
    assert cells(model, "g.d") == {"p.smit": ("R",), "p.visser": ("A",)}


def test_the_former_accountables_become_what_you_say() -> None:
    model = applied(programme(), move_accountable(programme(), "g.a", "p.smit", former="C"))
    assert cells(model, "g.a") == {"sg": ("C",), "po": ("C",), "p.smit": ("A", "R")}


def test_moving_the_a_of_an_indicator_gives_it_a_raci_block() -> None:
    model = applied(programme(), move_accountable(programme(), "k.a", "dg"))
    assert cells(model, "k.a") == {"dg": ("A",)}
    assert model.kpis["k.a"].has_raci


def test_moving_the_a_to_the_one_who_holds_it_alone_is_refused() -> None:
    with pytest.raises(ValueError, match=r"sg is already the one Accountable of g\.a"):
        move_accountable(programme(), "g.a", "sg")
