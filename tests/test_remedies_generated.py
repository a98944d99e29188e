"""The remedies on generated organisations, chosen at random and played in
turn as a scenario: each leaves a sound model that holds what it promises,
and its inverse gives the model back."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_remedies import same

from raci.generate import generate_model
from raci.model import Model
from raci.model.changes import Change
from raci.model.checks import check_model
from raci.model.remedies import (
    combined,
    merge_bodies,
    move_accountable,
    remove_person,
    retire_body,
)
from raci.model.scenarios import Step, play


@pytest.fixture(scope="module")
def organisation() -> Model:
    model = generate_model("small", seed=7)
    assert check_model(model) == []
    return model


def letters_held(model: Model, actor: str) -> dict[str, tuple[str, ...]]:
    return {a.item: model.letters_of(a.item, actor) for a in model.assignments_of_actor(actor)}


def reporting_to(model: Model, target: str) -> list[str]:
    """The roles and bodies that report to `target`."""
    return [r.source for r in model.references_to(target) if r.field == "reports_to"]


def assert_reports_moved(before: Model, after: Model, gone: str, successor: str | None,
                         own: str | None = None) -> None:
    """What reported to `gone` reports to `successor`; the successor itself,
    if it did, to `own`."""
    for referrer in reporting_to(before, gone):
        if referrer != gone and referrer in after:
            expected = own if referrer == successor else successor
            assert getattr(after.get(referrer), "reports_to", None) == expected, referrer


Check = Callable[[Model, Model], None]
"""Asserts what a remedy promises, given the model before and after it."""


def merging(model: Model, data: st.DataObject) -> tuple[Change, Check]:
    body, into = data.draw(st.lists(st.sampled_from(sorted(model.bodies)), min_size=2,
                                    max_size=2, unique=True))

    def check(before: Model, after: Model) -> None:
        assert body not in after
        above = before.bodies[body].reports_to
        assert_reports_moved(before, after, body, into, None if above == into else above)
        assert set(after.bodies[into].members) == {*before.bodies[body].members,
                                                    *before.bodies[into].members}
        for item, letters in letters_held(before, body).items():
            assert after.letters_of(item, into) == combined(letters,
                                                            before.letters_of(item, into))
    return merge_bodies(model, body, into), check


def retiring(model: Model, data: st.DataObject) -> tuple[Change, Check]:
    body = data.draw(st.sampled_from(sorted(model.bodies)))
    heir = data.draw(st.sampled_from(sorted({*model.roles, *model.people})))

    def check(before: Model, after: Model) -> None:
        assert body not in after
        reported = before.bodies[body].reports_to  # to nothing where it reported to itself
        assert_reports_moved(before, after, body, None if reported == body else reported)
        for item, letters in letters_held(before, body).items():
            assert after.letters_of(item, heir) == combined(letters,
                                                            before.letters_of(item, heir))
    return retire_body(model, body, heir), check


def removing(model: Model, data: st.DataObject) -> tuple[Change, Check]:
    person = data.draw(st.sampled_from(sorted(model.people)))
    heir = data.draw(st.none() | st.sampled_from(sorted(model.roles)))

    def check(before: Model, after: Model) -> None:
        assert person not in after and not after.references_to(person)
        if heir is not None:
            for item, letters in letters_held(before, person).items():
                assert after.letters_of(item, heir) == combined(letters,
                                                                before.letters_of(item, heir))
    return remove_person(model, person, heir), check


def moving(model: Model, data: st.DataObject) -> tuple[Change, Check]:
    item = data.draw(st.sampled_from(sorted({*model.goals, *model.initiatives})))
    actor = data.draw(st.sampled_from(sorted({*model.roles, *model.people})))

    def check(before: Model, after: Model) -> None:
        assert after.actors(item, "A") == [actor]
    if model.actors(item, "A") == [actor]:
        return Change(), check
    former = data.draw(st.sampled_from([None, "C", "I"]))
    return move_accountable(model, item, actor, former), check


REMEDIES = [merging, retiring, removing, moving]


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_remedies_in_a_row_leave_a_sound_model_and_undo_exactly(
        organisation: Model, data: st.DataObject) -> None:
    view = copy.deepcopy(organisation)
    steps: list[Step] = []
    for number in range(data.draw(st.integers(min_value=1, max_value=4))):
        remedy = data.draw(st.sampled_from(REMEDIES))
        change, promised = remedy(view, data)
        before = copy.deepcopy(view)
        found = change.apply(view)
        assert check_model(view) == [], remedy.__name__
        promised(before, view)
        found.apply(view)
        assert same(view, before), f"{remedy.__name__} undone"
        change.apply(view)
        steps.append(Step(change, found, f"{remedy.__name__} {number}"))
    played = copy.deepcopy(organisation)
    assert play(played, steps) is None
    assert same(played, view), "a scenario's steps played again give its view"
