"""Scenarios in the store, on SQLite and PostgreSQL: kept beside the model
and never touching it, played into a view, extended and undone a change at
a time, applied all or nothing (a killed process included), and refused,
saying what, when the model changed under them."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from test_store import HARD_NAMES, every_field_model, small_model

from raci.errors import ConflictError, StoreError
from raci.model import Assignment, Body, Goal, Kpi, Model, Org, Person, Role, Waiver
from raci.model.changes import Change, removal
from raci.model.remedies import merge_bodies
from raci.model.scenarios import Scenario, Step
from raci.store import Store, open_store
from raci.store.engine import database_url, make_engine
from raci.store.repository import Store as RawStore
from raci.store.schema import create_model


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url, create=True, name="Test", model=every_field_model()) as opened:
        yield opened


def step(model: Model, change: Change, summary: str) -> Step:
    """A step made on `model` (which it changes), as an edit in a scenario is made."""
    return Step(change, change.apply(model), summary)


def steps_of_every_kind(model: Model) -> list[Step]:
    """One step of each kind of change, made in order on `model`."""
    return [
        step(model, Change(put=[Body(id="sg2", name=HARD_NAMES[3], kind="committee",
                                     members=["dg"], sunset=dt.date(2027, 1, 1),
                                     meets_every_days=0)]), "added body sg2"),
        step(model, Change(assign=[Assignment("g.top", "A", "dg"),
                                   Assignment("g.top", "R", "dg")]), "dg is A/R on g.top"),
        step(model, Change(unassign=[Assignment("d.x", "C", "p.b")]), "p.b no longer C"),
        step(model, removal(model, "p.a"), "removed p.a"),
        step(model, Change(put=[dataclasses.replace(model.kpis["k.2"], has_raci=True)]),
             "k.2 carries a raci block"),
        step(model, Change(rename=("kwartier", "kwartiermaker")), "renamed kwartier"),
        step(model, Change(org=Org("Nieuw", None, dt.date(2027, 1, 1), ["cadence"]),
                           waivers=[Waiver(rule="OWN001", target=["g.top"], reason="Later.")]),
             "new header and waivers"),
    ]


def test_a_scenario_keeps_every_kind_of_change_exactly_and_leaves_the_model(store: Store) -> None:
    model, revision = store.load(), store.revision()
    made = store.create_scenario("plan", "Wat als", created=dt.datetime(2026, 12, 1, 9, 30))
    view = copy.deepcopy(model)
    steps = steps_of_every_kind(view)
    for number, each in enumerate(steps):
        store.add_step("plan", each, after=number)
    assert store.scenario("plan") == dataclasses.replace(made, steps=steps)
    assert made == Scenario("plan", "Wat als", dt.datetime(2026, 12, 1, 9, 30), revision)
    assert store.load() == model, "the model is not touched"
    assert store.revision() == revision, "nor is its revision"
    assert store.load_view("plan") == (view, store.scenario("plan"))


def test_applying_writes_every_change_and_drops_the_scenario(store: Store) -> None:
    store.create_scenario("plan")
    store.create_scenario("other")
    view = store.load()
    for number, each in enumerate(steps_of_every_kind(view)):
        store.add_step("plan", each, after=number)
    revision = store.revision()
    applied, scenario = store.apply_scenario("plan")
    assert len(scenario.steps) == 7
    assert applied == view
    assert store.load() == view
    assert store.revision() == revision + 1, "one transaction"
    assert [s.name for s in store.scenarios()] == ["other"]


def test_a_model_changed_elsewhere_still_takes_the_scenario(store: Store) -> None:
    store.create_scenario("plan")
    view = store.load()
    store.add_step("plan", step(view, Change(put=[Goal(id="g.new", name="Nieuw")]), "g.new"),
                   after=0)
    model = store.load()
    change = Change(put=[dataclasses.replace(model.goals["g.sub"], name="Elders veranderd")])
    change.apply(model)
    store.save(change)
    applied, _ = store.apply_scenario("plan")
    assert applied.goals["g.sub"].name == "Elders veranderd"
    assert "g.new" in applied


def test_scenarios_on_different_waivers_are_applied_one_after_the_other(store: Store) -> None:
    model = store.load()
    first = Waiver(rule="OWN001", target=["g.top"], reason="Eerst.")
    second = Waiver(rule="BOD002", target=["sg"], reason="Daarna.")
    for name, waiver in (("first", first), ("second", second)):
        store.create_scenario(name)
        view = store.load()
        store.add_step(name, step(view, Change(waivers=[*view.waivers, waiver]), name), after=0)
    store.create_scenario("drop")
    view = store.load()
    store.add_step("drop", step(view, Change(waivers=view.waivers[1:]), "drop"), after=0)
    store.apply_scenario("first")
    store.apply_scenario("drop")
    applied, _ = store.apply_scenario("second")
    assert applied.waivers == [*model.waivers[1:], first, second]
    assert store.load().waivers == applied.waivers


def test_a_scenario_on_a_waiver_changed_since_is_refused(store: Store) -> None:
    store.create_scenario("plan")
    view = store.load()
    changed = dataclasses.replace(view.waivers[0], reason="In het scenario.")
    store.add_step("plan", step(view, Change(waivers=[changed, *view.waivers[1:]]), "plan"),
                   after=0)
    model = store.load()
    store.save(Change(waivers=[dataclasses.replace(model.waivers[0], reason="Elders.")]))
    with pytest.raises(ConflictError, match="touches the list of waivers"):
        store.apply_scenario("plan")


SINCE: dict[str, Callable[[Model], Change]] = {
    "changed": lambda model: Change(put=[Goal(id="g.top", name="Elders")]),
    "removed": lambda model: removal(model, "g.top"),
    "added": lambda model: Change(put=[Goal(id="g.new", name="Elders ook")]),
    "assigned": lambda model: Change(assign=[Assignment("g.top", "C", "p.b")]),
    "assigned to p.c": lambda model: Change(assign=[Assignment("g.top", "I", "p.c")]),
    "gave p.c a role": lambda model: Change(put=[Role(id="nieuw", name="N", holders=["p.c"])]),
}
IN_THE_SCENARIO: dict[str, Callable[[Model], Change]] = {
    "set": lambda model: Change(put=[Goal(id="g.top", name="In het scenario")]),
    "add": lambda model: Change(put=[Goal(id="g.new", name="In het scenario")]),
    "assign": lambda model: Change(assign=[Assignment("g.top", "I", "p.b")]),
    "remove": lambda model: removal(model, "p.c"),
}


@pytest.mark.parametrize(("what", "since", "said"), [
    ("set", "changed", "touches g.top, which was changed in the model since"),
    ("set", "removed", "touches g.top, which was removed from the model since"),
    ("add", "added", "touches g.new, which was added to the model since"),
    ("assign", "assigned",
     "touches the assignment of p.b on g.top, which was changed in the model since"),
    ("remove", "assigned to p.c",
     "touches the assignments of p.c, which was changed in the model since"),
    ("remove", "gave p.c a role", "its changes would leave role nieuw: holder 'p.c' names nothing"),
])
def test_a_conflicting_model_refuses_the_scenario_and_says_what(
        store: Store, what: str, since: str, said: str) -> None:
    store.create_scenario("plan")
    view = store.load()
    store.add_step("plan", step(view, IN_THE_SCENARIO[what](view), f"{what} in plan"), after=0)
    model = store.load()
    change = SINCE[since](model)
    change.apply(model)
    store.save(change)
    with pytest.raises(ConflictError) as refused:
        store.apply_scenario("plan")
    assert "scenario plan no longer fits the model: " in str(refused.value)
    assert said in str(refused.value)
    assert str(refused.value).endswith("; nothing was written")
    assert store.load() == model, "nothing was written"
    assert len(store.scenario("plan").steps) == 1, "the scenario stays"
    with pytest.raises(ConflictError, match="undo its changes back to that one, or drop it"):
        store.load_view("plan")


def test_the_second_writer_of_a_scenario_is_told_only_of_a_real_conflict(store_url: str) -> None:
    with open_store(store_url, create=True, model=small_model()) as first:
        first.create_scenario("plan")
        with open_store(store_url) as second:
            view_one, plan_one = first.load_view("plan")
            view_two, plan_two = second.load_view("plan")
            first.add_step("plan", step(view_one, Change(put=[Goal(id="g1", name="1")]), "g1"),
                           after=len(plan_one.steps))
            with pytest.raises(ConflictError, match="scenario plan was changed by someone else"):
                second.add_step("plan", step(copy.deepcopy(view_two),
                                             Change(put=[Goal(id="g1", name="1 ook")]), "g1 ook"),
                                after=len(plan_two.steps), recheck=True)
            with pytest.raises(ConflictError, match="scenario plan was changed by someone else"):
                second.undo_step("plan", expected=0)
            g2 = step(view_two, Change(put=[Goal(id="g2", name="2")]), "g2")
            with pytest.raises(ConflictError, match="scenario plan was changed by someone else"):
                second.add_step("plan", g2, after=len(plan_two.steps))  # the app reloads
            second.add_step("plan", g2, after=len(plan_two.steps), recheck=True)
        assert [s.summary for s in first.scenario("plan").steps] == ["g1", "g2"]
        assert {"g1", "g2"} <= set(first.load_view("plan")[0].goals)


def test_undo_takes_the_last_change_off_and_the_view_follows(store: Store) -> None:
    store.create_scenario("plan")
    model = store.load()
    view = copy.deepcopy(model)
    body_merge = step(view, merge_bodies(view, "tf", into="sg"), "merged tf into sg")
    store.add_step("plan", body_merge, after=0)
    assert store.load_view("plan")[0] == view
    assert store.undo_step("plan") == body_merge
    assert store.load_view("plan")[0] == model
    with pytest.raises(StoreError, match="scenario plan has no change to undo"):
        store.undo_step("plan")


def test_a_scenario_name_is_taken_once_and_an_unknown_one_is_named(store: Store) -> None:
    store.create_scenario("fewer-boards")
    with pytest.raises(StoreError, match="there is a scenario fewer-boards already"):
        store.create_scenario("fewer-boards")
    with pytest.raises(StoreError, match="no scenario fewer-board; did you mean 'fewer-boards'"):
        store.apply_scenario("fewer-board")
    assert store.drop_scenario("fewer-boards").name == "fewer-boards"
    with pytest.raises(StoreError, match="no scenario fewer-boards; it has no scenarios"):
        store.load_view("fewer-boards")


def test_scenarios_are_listed_oldest_first(store: Store) -> None:
    store.create_scenario("b", created=dt.datetime(2026, 1, 2))
    store.create_scenario("a", created=dt.datetime(2026, 1, 3))
    store.create_scenario("c", created=dt.datetime(2026, 1, 1))
    assert [s.name for s in store.scenarios()] == ["c", "b", "a"]


# ---- a process killed while applying -------------------------------------------------

# Applies scenario "plan" and stops, forever, once every change is written and
# the scenario is being deleted: the transaction is open when the test kills it.
KILLED_APPLY = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import Engine, event
    from raci.store import open_store

    def stop_at_the_end(conn, cursor, statement, parameters, context, executemany):
        if statement.startswith("DELETE FROM scenario_change"):
            print("half-way", flush=True)
            time.sleep(120)

    event.listen(Engine, "after_cursor_execute", stop_at_the_end)
    with open_store(sys.argv[1]) as store:
        store.apply_scenario("plan")
    """
)


def test_a_process_killed_while_applying_leaves_the_model_and_the_scenario(
        store: Store, store_url: str) -> None:
    model, revision = store.load(), store.revision()
    store.create_scenario("plan")
    view = copy.deepcopy(model)
    for number, each in enumerate(steps_of_every_kind(view)):
        store.add_step("plan", each, after=number)
    plan = store.scenario("plan")
    applier = subprocess.Popen([sys.executable, "-c", KILLED_APPLY, store_url],
                               stdout=subprocess.PIPE, text=True)
    assert applier.stdout is not None
    assert applier.stdout.readline() == "half-way\n"
    applier.kill()
    applier.wait()
    with open_store(store_url) as after:
        assert after.load() == model
        assert after.revision() == revision
        assert after.scenario("plan") == plan
        applied, _ = after.apply_scenario("plan")
        assert applied == view, "the scenario still applies whole"


# ---- migration -------------------------------------------------------------------------


def test_a_database_of_schema_0005_gets_scenarios_after_a_backup(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'org.db'}"
    parsed = database_url(url)
    engine = make_engine(parsed)
    create_model(engine, parsed, "Oud", version="0005")
    RawStore(engine, parsed, backup=None).replace_model(small_model("Oud"))
    engine.dispose()
    with open_store(url) as store:
        assert store.backup == tmp_path / "org.db.bak-0005"
        assert store.load() == small_model("Oud")
        assert store.scenarios() == []
        store.create_scenario("plan")
        assert [s.name for s in store.scenarios()] == ["plan"]
    with open_store(f"sqlite:///{tmp_path / 'org.db.bak-0005'}") as backup:
        assert backup.load() == small_model("Oud"), "the copy is the model as it was"


def test_an_indicator_and_names_of_every_script_survive_a_scenario(store: Store) -> None:
    store.create_scenario("plan")
    view = store.load()
    kpi = Kpi(id="k.nieuw", name=HARD_NAMES[4], measures="g.top", type="leading",
              target=HARD_NAMES[1], has_raci=True)
    person = Person(id="p.nieuw", name=HARD_NAMES[2], capacity_fte=0.25, external=True)
    added = step(view, Change(put=[kpi, person], assign=[Assignment("k.nieuw", "A", "p.nieuw")]),
                 HARD_NAMES[5])
    store.add_step("plan", added, after=0)
    assert store.scenario("plan").steps == [added]
    assert store.load_view("plan")[0] == view
