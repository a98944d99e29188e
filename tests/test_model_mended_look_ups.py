"""Adding or replacing an entity mends the look-ups its fields feed (who
names an entity, a role's holders, a body's members) instead of dropping
them: the entity shown after a form's save waited a second of a national
model for them. Mended, each list is what a rebuild makes."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

import pytest

from raci.generate import generate_model
from raci.model import Body, Entity, Model, Person, Role, Unit
from raci.model.model import REFERENCE_FIELDS, kind_of

LOOK_UPS = ("_references_by_target", "_roles_by_holder", "_bodies_by_member")


def look_ups(model: Model) -> list[dict[str, list[object]]]:
    model.references_to(""), model.roles_held_by(""), model.bodies_with_member("")
    return [{key: list(value) for key, value in vars(model)[name].items() if value}
            for name in LOOK_UPS]


def rebuilt(model: Model) -> list[dict[str, list[object]]]:
    return look_ups(model.snapshot())


def rewired(model: Model, entity: Entity, chance: random.Random) -> Entity:
    """`entity` with each of its reference fields naming other entities of the kinds it may."""
    changes: dict[str, Any] = {}
    for name, kinds in REFERENCE_FIELDS[kind_of(entity)].items():
        ids = [i for kind in sorted(kinds) for i in model.collection(kind)]
        value = getattr(entity, name)
        if isinstance(value, list):
            changes[name] = chance.sample(ids, min(len(ids), chance.randint(0, 3)))
        elif chance.random() < 0.7:
            changes[name] = chance.choice(ids)
    return dataclasses.replace(entity, **changes)


@pytest.mark.parametrize("seed", [1, 2])
def test_puts_mend_the_look_ups_as_a_rebuild_makes_them(seed: int) -> None:
    model = generate_model("small", seed=seed)
    chance = random.Random(seed)
    built = look_ups(model)
    indexes = [vars(model)[name] for name in LOOK_UPS]
    entities = chance.sample(list(model.entities()), 60)
    for number, entity in enumerate(entities):
        changed = rewired(model, entity, chance)
        if number % 3:
            model.replace(changed)
        else:
            model.add(dataclasses.replace(changed, id=f"new-{number}"))
        assert [vars(model)[name] for name in LOOK_UPS] == indexes  # kept, not dropped
        built = look_ups(model)
        assert built == rebuilt(model), (number, entity.id)


def test_a_role_and_a_body_put_back_with_other_holders_and_members() -> None:
    from raci.model import Org

    model = Model(Org(name="Warmte"))
    model.units["bzk"] = Unit(id="bzk", name="BZK")
    for person in ("p.a", "p.b", "p.c"):
        model.people[person] = Person(id=person, name=person, unit="bzk")
    model.roles["r1"] = Role(id="r1", name="R1", holders=["p.a"])
    model.roles["r2"] = Role(id="r2", name="R2", holders=["p.a", "p.b"])
    model.roles["r3"] = Role(id="r3", name="R3", holders=["p.a"])
    model.bodies["b1"] = Body(id="b1", name="B1", kind="steering_group", members=["r1"])
    look_ups(model)
    model.replace(Role(id="r1", name="R1", holders=["p.b", "p.c"]))
    model.replace(Body(id="b1", name="B1", kind="steering_group", members=["r2", "p.c"]))
    model.add(Role(id="r4", name="R4", holders=["p.b"]))
    assert model.roles_held_by("p.a") == ["r2", "r3"]
    assert model.roles_held_by("p.b") == ["r1", "r2", "r4"]
    assert model.bodies_with_member("r1") == []
    assert [r.source for r in model.references_to("p.b")] == ["r1", "r2", "r4"]
    assert look_ups(model) == rebuilt(model)


def test_the_palettes_finder_takes_an_entity_put_as_made_anew() -> None:
    """An added or changed entity is put in the finder the palette has (the
    first key after a save made it anew: 50 ms of a national model)."""
    from raci.model.changes import Change
    from raci.tui.matching import EntityFinder
    from raci.tui.session import Session

    model = generate_model("small", seed=3)
    session = Session(model)
    finder = session.entity_finder()
    person = next(iter(model.people.values()))
    unit = next(iter(model.units.values()))
    session.apply(Change(put=[Person(id="p.nieuw", name="Kees de Vries", unit=unit.id),
                              Unit(id="u.nieuw", name="Bureau Nieuw"),
                              dataclasses.replace(person, name="Petra Jansen-de Vries")]))
    assert session.entity_finder() is finder  # put in, not made anew
    anew = EntityFinder(model.entities())
    assert (finder.entities, finder.texts, finder.by_id) == (anew.entities, anew.texts,
                                                              anew.by_id)
    assert finder.find("Kees de Vries")[0].id == "p.nieuw"
    session.apply(Change(delete=["p.nieuw"]))
    assert session.entity_finder() is not finder


def test_a_change_of_many_entities_leaves_the_look_ups_as_a_rebuild_makes_them() -> None:
    from raci.model.changes import MENDED_PUTS, Change

    model = generate_model("small", seed=4)
    look_ups(model)
    unit = next(iter(model.units))
    people = [Person(id=f"p.n{n}", name=f"Nieuw {n}", unit=unit) for n in range(MENDED_PUTS + 5)]
    Change(put=people).apply(model)
    assert look_ups(model) == rebuilt(model)
    assert {p.id for p in people} <= {r.source for r in model.references_to(unit)}
