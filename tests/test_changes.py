"""`Change.apply` on a model in memory: what it does, and that its inverse
undoes it exactly, also for changes of thousands of entities."""

from __future__ import annotations

import copy
import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from raci.model import Assignment, Body, Goal, Model, Org, Person, Role, Unit, Waiver
from raci.model.changes import Change, removal


def foundation(size: int) -> Model:
    """A foundation-like shape: one unit of many people, in bodies, with letters."""
    model = Model(org=Org("Foundation"))
    model.units["asf"] = Unit(id="asf", name="Foundation")
    model.units["committers"] = Unit(id="committers", name="Committers", parent="asf")
    for n in range(size):
        model.people[f"p{n}"] = Person(id=f"p{n}", name=f"Person {n}", unit="committers")
    model.roles["chair"] = Role(id="chair", name="Chair", holders=["p0"], unit="committers")
    model.bodies["pmc"] = Body(id="pmc", name="PMC", kind="committee", chair="chair",
                               members=[f"p{n}" for n in range(0, size, 2)])
    model.goals["g"] = Goal(id="g", name="Goal")
    model.assignments = [Assignment("g", "A", "chair")] + [
        Assignment("g", "I", f"p{n}") for n in range(1, size, 3)
    ]
    return model


def test_removing_a_unit_of_thousands_and_undoing_it() -> None:
    model = foundation(3_000)
    before = copy.deepcopy(model)
    inverse = removal(model, "committers").apply(model)
    assert "committers" not in model
    assert all(model.people[f"p{n}"].unit is None for n in range(3_000))
    assert model.kind("p2999") == "person"
    inverse.apply(model)
    assert model == before


def same(model: Model, other: Model) -> bool:
    """Equal, but for the order of assignments (undo puts a restored letter last)."""
    return (set(model.assignments) == set(other.assignments)
            and dataclasses.replace(model, assignments=[])
            == dataclasses.replace(other, assignments=[]))


def test_removing_a_person_takes_their_seats_and_letters_and_undo_restores_them() -> None:
    model = foundation(10)
    before = copy.deepcopy(model)
    inverse = removal(model, "p4").apply(model)
    assert "p4" not in model.bodies["pmc"].members
    assert model.letters_of("g", "p4") == ()
    assert model.letters_of("g", "p7") == ("I",)
    inverse.apply(model)
    assert same(model, before)


def test_putting_many_new_entities_and_undoing_it() -> None:
    model = foundation(5)
    before = copy.deepcopy(model)
    new = [Goal(id=f"g{n}", name=f"Goal {n}", parent="g") for n in range(2_000)]
    inverse = Change(put=new).apply(model)
    assert model.kind("g1999") == "goal"
    assert len(model.goals) == 2_001
    inverse.apply(model)
    assert model == before


def test_the_letters_given_for_a_pair_are_its_cell_placed_last() -> None:
    model = foundation(5)
    before = copy.deepcopy(model)
    inverse = Change(assign=[Assignment("g", "R", "p1"), Assignment("g", "C", "p2"),
                             Assignment("g", "A", "p1")]).apply(model)
    assert model.assignments[-3:] == [Assignment("g", "R", "p1"), Assignment("g", "A", "p1"),
                                      Assignment("g", "C", "p2")]
    assert model.letters_of("g", "p1") == ("A", "R")
    inverse.apply(model)
    assert same(model, before)
    assert model.letters_of("g", "p1") == ("I",), "undo gives back the letter held before"


def test_a_paired_cell_replaced_by_one_letter_and_undone() -> None:
    model = foundation(5)
    Change(assign=[Assignment("g", "A", "p1"), Assignment("g", "R", "p1")]).apply(model)
    before = copy.deepcopy(model)
    inverse = Change(assign=[Assignment("g", "C", "p1")]).apply(model)
    assert model.letters_of("g", "p1") == ("C",)
    inverse.apply(model)
    assert same(model, before)
    assert model.letters_of("g", "p1") == ("A", "R")


def test_an_entity_deleted_and_put_again_in_one_change() -> None:
    model = foundation(5)
    before = copy.deepcopy(model)
    inverse = Change(delete=["chair"], put=[Role(id="chair", name="New chair")]).apply(model)
    assert model.roles["chair"].name == "New chair"
    assert model.letters_of("g", "chair") == (), "the delete took its letter"
    inverse.apply(model)
    assert model.roles["chair"] == before.roles["chair"]
    assert model.letters_of("g", "chair") == ("A",)


def test_look_ups_by_relation_follow_a_change_and_its_undo() -> None:
    model = foundation(6)  # pmc seats p0, p2, p4; Informed on g: p1, p4
    model.bodies["board"] = Body(id="board", name="Board", kind="programme_board",
                                 members=["chair"])
    assert model.roles_held_by("p0") == ["chair"]
    assert model.bodies_with_member("chair") == ["board"]
    assert model.bodies_of_person("p0") == {"pmc", "board"}
    assert [a.actor for a in model.assignments_of_item("g")] == ["chair", "p1", "p4"]
    assert model.assignments_of_actor("chair") == [Assignment("g", "A", "chair")]
    assert {(r.source, r.field) for r in model.references_to("chair")} == {
        ("pmc", "chair"), ("board", "members"), ("g", "raci.A")
    }

    handed_over = dataclasses.replace(model.roles["chair"], holders=["p1"])
    inverse = Change(put=[handed_over], assign=[Assignment("g", "R", "p0")]).apply(model)
    assert model.roles_held_by("p0") == [] and model.roles_held_by("p1") == ["chair"]
    assert model.bodies_of_person("p0") == {"pmc"}
    assert model.bodies_of_person("p1") == {"board"}
    assert model.letters_of("g", "p0") == ("R",)

    inverse.apply(model)
    assert model.roles_held_by("p0") == ["chair"] and model.roles_held_by("p1") == []
    assert model.letters_of("g", "p0") == ()


def test_a_rename_follows_every_reference_keeps_the_place_and_undoes() -> None:
    model = foundation(7)
    model.waivers = [Waiver(rule="BOD002", target=["pmc", "chair"], reason="r")]
    model.bodies["pmc"].reports_to = "pmc"  # names itself
    before = copy.deepcopy(model)
    held_role = model.roles["chair"]
    Change(rename=("chair", "voorzitter")).apply(model)
    assert list(model.roles) == ["voorzitter"] and "chair" not in model
    assert model.bodies["pmc"].chair == "voorzitter"
    assert model.letters_of("g", "voorzitter") == ("A",)
    assert model.waivers[0].target == ["pmc", "voorzitter"]
    assert held_role.id == "chair", "an entity someone holds does not change under them"
    undo = Change(rename=("pmc", "bestuur")).apply(model)
    assert model.bodies["bestuur"].reports_to == "bestuur"
    undo.apply(model)
    Change(rename=("voorzitter", "chair")).apply(model)
    assert model == before


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_letters_set_and_cleared_mend_the_look_ups_as_a_rebuild_makes_them(
        data: st.DataObject) -> None:
    """A matrix edit mends the model's look-ups by item, actor and reference
    (it no longer rebuilds them): after any run of letters set, cleared and
    undone they equal the ones built afresh, order included."""
    model = foundation(7)
    model.waivers = [Waiver(rule="ORG002", target=["p1"], reason="test")]
    model.goals["h"] = Goal(id="h", name="Another goal")
    ids = sorted(e.id for e in model.entities())
    undo: list[Change] = []
    for _ in range(data.draw(st.integers(1, 12))):
        for entity_id in ids:  # built before the change, so that it is mended
            model.assignments_of_item(entity_id), model.assignments_of_actor(entity_id)
            model.references_to(entity_id)
        item = data.draw(st.sampled_from(["g", "h"]))
        actor = data.draw(st.sampled_from(["chair", *model.people]))
        what = data.draw(st.sampled_from(["set", "both", "clear", "undo", "many"]))
        if what == "undo" and undo:
            change = undo.pop()
        elif what == "clear":
            change = Change(unassign=[a for a in model.assignments_of_item(item)
                                      if a.actor == actor])
        elif what == "many":  # more than are taken out one by one
            change = Change(unassign=list(model.assignments))
        else:
            letters = ["A", "R"] if what == "both" else [data.draw(st.sampled_from("RACI"))]
            change = Change(assign=[Assignment(item, letter, actor) for letter in letters])
        undo.append(change.apply(model))
        rebuilt = copy.deepcopy(model)
        rebuilt.changed()
        for entity_id in ids:
            assert model.assignments_of_item(entity_id) == rebuilt.assignments_of_item(entity_id)
            assert model.assignments_of_actor(entity_id) == rebuilt.assignments_of_actor(entity_id)
            assert model.references_to(entity_id) == rebuilt.references_to(entity_id)


def test_letters_set_and_taken_keep_the_look_ups_of_assignments_true() -> None:
    """After edits of letters, the look-ups by item and actor (brought up to
    date in place, not built again) list what a fresh model lists, in order."""
    model = foundation(30)
    model.assignments_of_item("g"), model.assignments_of_actor("p1")  # built before the edits
    edits = [Change(assign=[Assignment("g", "R", "p1"), Assignment("g", "A", "p1")]),
             Change(unassign=[Assignment("g", "A", "chair"), Assignment("g", "I", "p4")]),
             Change(assign=[Assignment("g", "C", "p4"), Assignment("g", "I", "chair")])]
    for change in edits:
        undo = change.apply(model)
        fresh = copy.deepcopy(model)
        fresh.changed()
        for key in ("g", "p1", "p4", "chair"):
            assert model.assignments_of_item(key) == fresh.assignments_of_item(key)
            assert model.assignments_of_actor(key) == fresh.assignments_of_actor(key)
        assert model.references_to("p1") == fresh.references_to("p1")
    undo.apply(model)
    assert model.letters_of("g", "chair") == model.letters_of("g", "p4") == ()


def test_every_look_up_of_the_model_is_kept_or_dropped_on_purpose() -> None:
    """An entity added or replaced drops the look-ups that read entities'
    fields and keeps the others; a new look-up must say which it is."""
    from raci.model.model import _ENTITY_INDEXES, _INDEXES

    kept = {"_kind_by_id", "_assignments_by_item", "_assignments_by_actor"}
    assert set(_INDEXES) == set(_ENTITY_INDEXES) | kept
