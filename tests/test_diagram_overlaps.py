"""Which overlaps between bodies the bodies view draws."""

from raci.export.views import build_view
from raci.model import Body, Model, Org, Person


def _bodies(members: dict[str, list[str]]) -> Model:
    model = Model(org=Org("Project"))
    for person in sorted({p for people in members.values() for p in people}):
        model.people[person] = Person(id=person, name=person.upper())
    for body, people in members.items():
        model.bodies[body] = Body(id=body, name=body, kind="working_group", members=people)
    return model


def test_one_person_in_two_small_bodies_draws_no_overlap() -> None:
    """OpenTelemetry's working groups of two or three drew dozens of "1 of 3
    seat-holders" lines (a third, past 25 %) over one another and the names."""
    model = _bodies({"python": ["a", "b"], "go": ["b", "c"], "java": ["b", "c", "d"]})
    labels = {e.label for e in build_view(model, "bodies").edges if e.style == "overlap"}
    assert labels == {"2 of 3 seat-holders"}  # go and java; python shares only b
