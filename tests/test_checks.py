"""`check_model`: the broken references, duplicates and cycles the app shows after each edit."""

from __future__ import annotations

import pytest

from raci.model import Assignment, Body, Goal, Kpi, Model, Org, Person, Role, Unit, Waiver
from raci.model.checks import Problem, check_model


@pytest.fixture
def model() -> Model:
    model = Model(Org(name="Warmte"))
    model.units["bzk"] = Unit(id="bzk", name="BZK")
    model.people["p.jansen"] = Person(id="p.jansen", name="Petra Jansen", unit="bzk")
    model.roles["dg-bw"] = Role(id="dg-bw", name="DG", holders=["p.jansen"])
    model.bodies["sg"] = Body(id="sg", name="SG", kind="steering_group", members=["dg-bw"])
    model.goals["g.klimaat"] = Goal(id="g.klimaat", name="Klimaat")
    model.goals["g.warmte"] = Goal(id="g.warmte", name="Warmte", parent="g.klimaat")
    model.assignments = [Assignment("g.warmte", "A", "dg-bw")]
    return model


def test_a_sound_model_has_no_problems(model: Model) -> None:
    assert check_model(model) == []


def test_an_unknown_holder_gets_a_suggestion(model: Model) -> None:
    model.roles["dg-bw"].holders = ["p.jansn"]
    assert check_model(model) == [
        Problem("dg-bw", "holders",
                "role dg-bw: holder 'p.jansn' names nothing (expected a person); "
                "did you mean 'p.jansen'?",
                "p.jansn")
    ]


@pytest.mark.parametrize(("written", "meant"), [("DG-BW", "dg-bw"), ("R1", "r1"), ("r2", "r1")])
def test_a_suggestion_ignores_case_and_finds_short_ids(
        model: Model, written: str, meant: str) -> None:
    model.roles["r1"] = Role(id="r1", name="Rol 1")
    model.bodies["sg"].members = [written]
    assert check_model(model)[0].message.endswith(f"did you mean {meant!r}?")


def test_suggestions_only_come_from_the_allowed_kinds(model: Model) -> None:
    model.units["p.janse"] = Unit(id="p.janse", name="not a person")
    model.roles["dg-bw"].holders = ["p.jansn"]
    assert check_model(model)[0].message.endswith("did you mean 'p.jansen'?")


def test_a_reference_to_the_wrong_kind(model: Model) -> None:
    model.bodies["sg"].members = ["dg-bw", "bzk"]
    assert [p.message for p in check_model(model)] == [
        "body sg: member 'bzk' is not a person or role but a unit"
    ]


def test_an_id_named_twice_in_one_list(model: Model) -> None:
    model.bodies["sg"].members = ["dg-bw", "dg-bw"]
    assert [(p.field, p.message) for p in check_model(model)] == [
        ("members", "body sg: members lists 'dg-bw' twice")
    ]


def test_an_actor_may_hold_a_together_with_r(model: Model) -> None:
    model.assignments.append(Assignment("g.warmte", "R", "dg-bw"))
    assert check_model(model) == []


@pytest.mark.parametrize("letter", ["C", "I"])
def test_an_actor_with_two_letters_other_than_a_and_r(model: Model, letter: str) -> None:
    model.assignments.append(Assignment("g.warmte", letter, "dg-bw"))
    assert check_model(model) == [
        Problem("g.warmte", f"raci.{letter}",
                f"goal g.warmte: 'dg-bw' holds both A and {letter}; give it one letter "
                "(A with R is the only pair)", "dg-bw")
    ]


def test_a_paired_actor_holding_a_third_letter(model: Model) -> None:
    model.assignments.append(Assignment("g.warmte", "R", "dg-bw"))
    model.assignments.append(Assignment("g.warmte", "I", "dg-bw"))
    assert [p.message for p in check_model(model)] == [
        "goal g.warmte: 'dg-bw' holds both A and I; give it one letter (A with R is the only pair)"
    ]


def test_an_actor_that_is_not_a_role_body_or_person(model: Model) -> None:
    model.assignments.append(Assignment("g.warmte", "C", "g.klimaat"))
    assert [p.message for p in check_model(model)] == [
        "goal g.warmte: raci.C actor 'g.klimaat' is not a person, role or body but a goal"
    ]


def test_assignments_on_something_that_is_not_an_item(model: Model) -> None:
    model.assignments.append(Assignment("bzk", "A", "dg-bw"))
    assert [(p.entity_id, p.field) for p in check_model(model)] == [("bzk", "raci.A")]


def test_an_indicator_must_measure_a_goal_or_initiative(model: Model) -> None:
    model.kpis["k"] = Kpi(id="k", name="K", measures="sg", type="lagging")
    assert [p.message for p in check_model(model)] == [
        "indicator k: measures 'sg' is not a goal or initiative but a body"
    ]


def test_cycles_in_unit_and_goal_parents_are_found_once_each(model: Model) -> None:
    model.units["bzk"].parent = "dgbw"
    model.units["dgbw"] = Unit(id="dgbw", name="DG", parent="bzk")
    model.goals["g.klimaat"].parent = "g.warmte"
    model.changed()
    assert [(p.entity_id, p.value, p.message) for p in check_model(model)] == [
        ("bzk", "dgbw", "unit bzk: parent forms a cycle (bzk → dgbw → bzk); parents must form "
         "a tree"),
        ("g.klimaat", "g.warmte", "goal g.klimaat: parent forms a cycle (g.klimaat → g.warmte → "
         "g.klimaat); parents must form a tree"),
    ]


def test_a_goal_that_is_its_own_parent(model: Model) -> None:
    model.goals["g.klimaat"].parent = "g.klimaat"
    assert [p.message for p in check_model(model)] == [
        "goal g.klimaat: parent forms a cycle (g.klimaat → g.klimaat); parents must form a tree"
    ]


def test_a_very_deep_unit_tree_ending_in_a_cycle_needs_no_recursion() -> None:
    model = Model(Org(name="Deep"))
    depth = 20_000
    for n in range(depth):
        model.units[f"u{n}"] = Unit(id=f"u{n}", name="U", parent=f"u{n + 1}")
    model.units[f"u{depth}"] = Unit(id=f"u{depth}", name="U", parent=f"u{depth - 2}")
    problems = check_model(model)
    assert len(problems) == 1
    assert problems[0].message.startswith(f"unit u{depth - 2}: parent forms a cycle")


def test_waivers_must_name_entities(model: Model) -> None:
    model.waivers = [Waiver(rule="BOD002", target=["sg", "sgg", "sg"], reason="advisory")]
    assert check_model(model) == [
        Problem("waivers[0]", "target", "waiver 1: target 'sgg' names nothing; did you mean "
                "'sg'?", "sgg"),
        Problem("waivers[0]", "target", "waiver 1: target lists 'sg' twice", "sg"),
    ]


def test_only_a_dat001_waiver_may_name_a_fact(model: Model) -> None:
    model.waivers = [Waiver(rule="BOD007", target=["chairs"], reason="no chairs"),
                     Waiver(rule="fact-not-recorded", target=["chairs"], reason="none kept")]
    assert check_model(model) == [
        Problem("waivers[0]", "target", "waiver 1: target 'chairs' names nothing; correct it or "
                "remove it", "chairs")]


def test_many_unknown_ids_are_all_reported_quickly() -> None:
    model = Model(Org(name="Many"))
    for n in range(20_000):
        model.people[f"p.{n}"] = Person(id=f"p.{n}", name="P")
    model.roles["r"] = Role(id="r", name="R", holders=[f"x.{n}" for n in range(2_000)])
    problems = check_model(model)
    assert len(problems) == 2_000
    assert all(p.message.startswith("role r: holder 'x.") for p in problems)


def test_every_unknown_id_of_a_large_model_gets_its_suggestion() -> None:
    model = Model(Org("Groot"))
    for number in range(5000):
        model.add(Person(id=f"p.{number:05}", name=f"Persoon {number}"))
    model.add(Body(id="sg", name="SG", kind="committee",
                   members=[f"p.{number:05}x" for number in range(0, 5000, 100)]))
    messages = [p.message for p in check_model(model)]
    assert len(messages) == 50  # no budget: the fiftieth typo is helped as the first was
    assert messages[-1].endswith("did you mean 'p.04900'?")
