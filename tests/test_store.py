"""The store on SQLite and PostgreSQL: create, open, round trip, saves,
conflicts between two stores, the revision counter and foreign keys."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, event, insert, inspect
from sqlalchemy.exc import IntegrityError

from raci.errors import ConflictError, ModelExistsError, StoreError
from raci.model import (
    LETTERS,
    Assignment,
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Model,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
    referenced_ids,
)
from raci.model.changes import Change, removal
from raci.model.lean import LeanModel
from raci.store import Store, open_store, tables
from raci.store.engine import database_url, make_engine
from raci.store.layout import read_only_uri

HARD_NAMES = [
    'Stuurgroep "Warmte" \'s-Hertogenbosch',
    "line one\nline two\r\nline three",
    "back\\slash {braces} <angle> & amp; % _ like",
    "财政部 气候与能源",
    "وزارة المالية",
    "emoji 🏛️👩🏽‍💼 and combining é",
    "tab\tand trailing space ",
]


def every_field_model() -> Model:
    """A model where every field of every kind is set, most to a non-default."""
    model = Model(org=Org("Programma \"Warmte\"\n2026", "Een beschrijving", dt.date(2026, 11, 1),
                          ["success_criteria", "chairs"]))
    model.units["bzk"] = Unit(id="bzk", name=HARD_NAMES[0], description="", tags=["rijk", "rijk2"])
    model.units["bzk-dg"] = Unit(id="bzk-dg", name=HARD_NAMES[1], parent="bzk")
    model.units["ext"] = Unit(id="ext", name=HARD_NAMES[2], external=True)
    model.people["p.a"] = Person(id="p.a", name=HARD_NAMES[3], unit="bzk-dg", capacity_fte=0.1)
    model.people["p.b"] = Person(id="p.b", name=HARD_NAMES[4], external=True)
    model.people["p.c"] = Person(id="p.c", name=HARD_NAMES[5], unit="ext", capacity_fte=1e-7)
    model.roles["dg"] = Role(
        id="dg", name="DG", unit="bzk-dg", holders=["p.c", "p.a"], reports_to="sg",
        temporary=True, sunset=dt.date(2026, 6, 30), tags=["t"],
    )
    model.roles["kwartier"] = Role(id="kwartier", name="Kwartiermaker", reports_to="dg")
    model.bodies["sg"] = Body(
        id="sg", name=HARD_NAMES[6], kind="taskforce", chair="dg",
        members=["kwartier", "p.b", "dg"], reports_to="dg", temporary=False,
        established=dt.date(2024, 1, 1), sunset=dt.date(2027, 12, 31), meets_every_days=14,
        mandate="Besluit\nover alles", description="desc",
    )
    model.bodies["tf"] = Body(id="tf", name="TF", kind="taskforce", temporary=None,
                              meets_every_days=0)
    model.goals["g.top"] = Goal(id="g.top", name="Top")
    model.goals["g.sub"] = Goal(id="g.sub", name="Sub", parent="g.top", due=dt.date(2030, 12, 31))
    model.initiatives["i.a"] = Initiative(
        id="i.a", name="A", goals=["g.sub", "g.top"], depends_on=["i.b"], status="paused",
        start=dt.date(2025, 1, 1), end=dt.date(2027, 12, 31),
        success_criteria=["200 wijken", "200 wijken", ""], demand_fte=4.25,
    )
    model.initiatives["i.b"] = Initiative(id="i.b", name="B", depends_on=["i.a"], demand_fte=0.0)
    model.decisions["d.x"] = Decision(id="d.x", name="X", about=["i.b", "g.top"])
    model.kpis["k.1"] = Kpi(
        id="k.1", name="K1", measures="g.sub", type="leading", target="1,5 mln", has_raci=True
    )
    model.kpis["k.2"] = Kpi(id="k.2", name="K2", measures="i.a", type="lagging")
    model.assignments = [
        Assignment("g.sub", "R", "kwartier"),
        Assignment("g.sub", "A", "dg"),
        Assignment("i.a", "R", "p.c"),
        Assignment("g.sub", "R", "p.a"),
        Assignment("i.a", "A", "p.c"),
        Assignment("d.x", "A", "sg"),
        Assignment("d.x", "C", "p.b"),
        Assignment("k.1", "A", "dg"),
    ]
    model.waivers = [
        Waiver(rule="BOD002", target=["tf"], reason="Advisory by design.",
               expires=dt.date(2027, 1, 1), author="p.a"),
        Waiver(rule="BOD001", target=["sg", "tf", "gone"], reason="Pair\n\"quoted\""),
    ]
    return model


def small_model(name: str = "Small") -> Model:
    model = Model(org=Org(name))
    model.units["u"] = Unit(id="u", name="Unit")
    model.people["p"] = Person(id="p", name="Person", unit="u")
    model.roles["r"] = Role(id="r", name="Role", holders=["p"])
    model.goals["g"] = Goal(id="g", name="Goal")
    model.assignments = [Assignment("g", "A", "r")]
    return model


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url, create=True, name="Test") as opened:
        yield opened


def saved(store: Store, model: Model, change: Change) -> Change:
    """Apply `change` to the model in memory and save it; return its inverse."""
    inverse = change.apply(model)
    store.save(change)
    return inverse


# ---- create and open ---------------------------------------------------------


def test_create_makes_an_empty_model_named_after_the_file(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'warmte.db'}", create=True) as store:
        assert store.is_empty()
        assert store.load() == Model(org=Org("warmte"))
        assert store.revision() == 0


def test_create_with_a_name_and_open_again(store_url: str) -> None:
    with open_store(store_url, create=True, name="Programma") as store:
        assert store.load().org.name == "Programma"
    with open_store(store_url) as store:
        assert store.load() == Model(org=Org("Programma"))
        assert store.backup is None


def test_create_refuses_when_a_model_is_there(store: Store, store_url: str) -> None:
    store.replace_model(small_model())
    with pytest.raises(StoreError, match="a model is already there"):
        open_store(store_url, create=True, name="Other")
    assert store.load() == small_model()


def test_create_refuses_a_database_holding_other_tables(store_url: str) -> None:
    engine = make_engine(database_url(store_url))
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE notes (line TEXT)")
    with pytest.raises(StoreError, match=r"holds tables of its own \(notes\) and no raci model"):
        open_store(store_url, create=True)
    assert inspect(engine).get_table_names() == ["notes"]
    engine.dispose()


def test_open_without_a_model_says_how_to_create_one(store_url: str) -> None:
    with pytest.raises(StoreError, match=r"no model at .*; create one with `raci new "):
        open_store(store_url)


def test_open_does_not_create_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match=f"no model at {path}"):
        open_store(f"sqlite:///{path}")
    assert not path.exists()


def test_create_in_a_missing_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no directory"):
        open_store(f"sqlite:///{tmp_path / 'nowhere' / 'org.db'}", create=True)


@pytest.mark.parametrize("text", ["units:\n  - id: x\n" * 200, "x"])
def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path, text: str) -> None:
    """SQLite itself takes a file of one byte for an empty database."""
    path = tmp_path / "org.db"
    path.write_text(text)
    with pytest.raises(StoreError, match="not a SQLite database"):
        open_store(f"sqlite:///{path}")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("mysql://localhost/raci", "SQLite or PostgreSQL only"),
        ("sqlite://", "give the SQLite file"),
        ("not a url", "not a database URL"),
        ("postgresql://raci@127.0.0.1:1/raci", r"postgresql\+psycopg://raci@127.0.0.1:1/raci: "),
    ],
)
def test_bad_urls_are_refused_in_one_line(url: str, reason: str) -> None:
    with pytest.raises(StoreError, match=reason) as refused:
        open_store(url)
    assert "\n" not in str(refused.value)


@pytest.mark.postgres
def test_plain_postgresql_urls_use_psycopg_and_hide_the_password(postgres_url: str) -> None:
    plain = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    with open_store(plain, create=True, name="Plain") as store:
        assert store.load().org.name == "Plain"
        assert store.url.startswith("postgresql+psycopg://")
    with_password = database_url("postgresql://user:secret@db.example/raci")
    assert "secret" not in with_password.render_as_string()


def test_sqlite_databases_use_wal_and_foreign_keys(sqlite_url: str) -> None:
    open_store(sqlite_url, create=True).close()
    engine = make_engine(database_url(sqlite_url))
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    engine.dispose()


def test_the_database_refuses_a_row_naming_a_missing_entity(store: Store, store_url: str) -> None:
    store.replace_model(small_model())
    engine = make_engine(database_url(store_url))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            insert(tables.holder).values(role="r", position=1, person="nobody", version=1)
        )
    engine.dispose()
    assert store.load() == small_model()


# ---- whole models ------------------------------------------------------------


def test_every_field_of_every_kind_round_trips(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    loaded = store.load()
    assert loaded == model
    for kind in ("unit", "person", "role", "body", "goal", "initiative", "decision", "kpi"):
        assert list(loaded.collection(kind)) == list(model.collection(kind))
    assert loaded.bodies["tf"].temporary is None
    assert loaded.bodies["sg"].temporary is False
    assert loaded.units["bzk"].description == ""
    assert type(loaded.org.as_of) is dt.date
    assert type(loaded.initiatives["i.a"].demand_fte) is float


def test_the_lean_load_holds_what_the_full_load_holds(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    lean = store.load_lean()
    assert lean == LeanModel.of_model(store.load())
    assert lean.initiatives["i.a"].has_success_criteria
    assert lean.kind("sg") == "body" and len(lean) == len(model)


def test_the_lean_load_follows_edits_that_move_entities_and_assignments(store: Store) -> None:
    # The lean load reads assignments as the positions of their items and
    # actors: new, deleted and re-created entities must not shift them.
    model = every_field_model()
    store.replace_model(model)
    store.load()
    store.save(removal(model, "kwartier"))
    store.save(Change(put=[Role(id="kwartier", name="Terug"), Goal(id="g.new", name="Nieuw")],
                      assign=[Assignment("g.new", "A", "kwartier"),
                              Assignment("g.sub", "C", "p.a"),
                              Assignment("i.a", "I", "kwartier")],
                      unassign=[Assignment("d.x", "C", "p.b")]))
    loaded = store.load()
    assert [a for a in loaded.assignments if "kwartier" in (a.item, a.actor)] == [
        Assignment("g.new", "A", "kwartier"), Assignment("i.a", "I", "kwartier")]
    assert store.load_lean() == LeanModel.of_model(loaded)


def test_each_id_is_loaded_as_one_string_object(store: Store) -> None:
    store.replace_model(every_field_model())
    loaded = store.load()
    ids = {entity.id: entity.id for entity in loaded.entities()}
    named = [target for entity in loaded.entities() for _, target in referenced_ids(entity)]
    named += [a.item for a in loaded.assignments] + [a.actor for a in loaded.assignments]
    assert named
    assert all(target is ids[target] for target in named)
    lean = store.load_lean()
    ids = {entity.id: entity.id for entity in lean.entities()}
    named = [name for held in lean.assignments.values() for name in (*held.items, *held.actors)]
    assert len(named) == 2 * len(loaded.assignments)
    assert all(name is ids[name] for name in named)
    assert all(holder is ids[holder] for role in lean.roles.values() for holder in role.holders)


def test_replace_model_replaces_everything(store: Store) -> None:
    store.replace_model(every_field_model())
    store.replace_model(small_model("Next"))
    assert store.load() == small_model("Next")
    assert not store.is_empty()


# SQLite fills the tables of a whole model first and builds their indexes afterwards.
def test_a_replaced_model_keeps_every_index(store: Store, store_url: str) -> None:
    store.replace_model(every_field_model())
    assert schema_differences(store_url) == []


def test_an_imported_model_has_every_index(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    open_store(url, create=True, model=every_field_model()).close()
    assert schema_differences(url) == []


def schema_differences(url: str) -> list[object]:
    """How the database's tables and indexes differ from those `tables` describes."""
    engine = make_engine(database_url(url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    engine.dispose()
    return list(differences)


def test_a_refused_replace_changes_nothing(store: Store) -> None:
    store.replace_model(small_model())
    revision = store.revision()
    broken = small_model()
    broken.roles["r"].holders.append("nobody")
    with pytest.raises(StoreError, match="nothing was written"):
        store.replace_model(broken)
    assert store.load() == small_model()
    assert store.revision() == revision


def test_of_two_imports_into_one_empty_database_only_the_first_lands(
    store: Store, store_url: str
) -> None:
    with open_store(store_url) as other:
        assert store.is_empty() and other.is_empty()  # both checked before either wrote
        store.replace_model(small_model("First"), only_if_empty=True)
        with pytest.raises(ModelExistsError):
            other.replace_model(small_model("Second"), only_if_empty=True)
        assert other.load().org.name == "First"


def test_an_empty_model_is_empty(store: Store) -> None:
    assert store.is_empty()
    model = Model(org=Org("W"))
    model.waivers.append(Waiver(rule="WAI002", target=["x"], reason="r"))
    store.replace_model(model)
    assert not store.is_empty()


# ---- saving one change ---------------------------------------------------------


def test_each_kind_of_change_is_saved(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    changes = [
        Change(put=[Unit(id="new", name="Nieuw", parent="bzk", tags=["a"])]),
        Change(put=[Role(id="dg", name="DG 2", holders=["p.b"], reports_to="kwartier")]),
        Change(assign=[Assignment("g.top", "A", "p.a"), Assignment("i.b", "R", "tf")]),
        Change(assign=[Assignment("g.sub", "C", "kwartier")]),
        Change(unassign=[Assignment("d.x", "C", "p.b")]),
        Change(assign=[Assignment("g.sub", "A", "p.a"), Assignment("g.sub", "R", "p.a")]),
        Change(unassign=[Assignment("i.a", "R", "p.c")]),
        Change(assign=[Assignment("i.a", "R", "p.c")]),
        Change(delete=["k.2"]),
        Change(delete=["p.c"], put=[
            Role(id="dg", name="DG 2", holders=["p.b"], reports_to="kwartier"),
            Unit(id="ext", name="Ext", external=True),
        ]),
        Change(org=Org("Hernoemd", None, None, ["cadence"])),
        Change(waivers=[Waiver(rule="OWN001", target=["g.top"], reason="later")]),
        Change(waivers=[]),
    ]
    undo = []
    for change in changes:
        undo.append(saved(store, model, change))
        assert store.load() == model
    for inverse in reversed(undo):
        saved(store, model, inverse)
        assert store.load() == model
    # Undoing a delete puts the entity and its assignments back last, so
    # compare the assignments as a set; entities compare by id.
    loaded, original = store.load(), every_field_model()
    assert set(loaded.assignments) == set(original.assignments)
    loaded.assignments = original.assignments
    assert loaded == original


def test_a_replaced_entity_keeps_its_place_and_a_new_one_goes_last(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    saved(store, model, Change(put=[Goal(id="g.new", name="New")]))
    saved(store, model, Change(put=[Goal(id="g.top", name="Top 2")]))
    assert list(store.load().goals) == ["g.top", "g.sub", "g.new"]


def test_undoing_a_delete_puts_the_entity_back_in_its_place(store: Store) -> None:
    model = every_field_model()
    model.add(Person(id="p.d", name="Dirk"))
    model.add(Person(id="p.e", name="Eva"))
    store.replace_model(model)
    people = list(model.people)
    undo = saved(store, model, removal(model, "p.b"))
    saved(store, model, Change(put=[Person(id="p.new", name="Nieuw")]))  # last of all
    saved(store, model, undo)
    assert list(model.people) == [*people, "p.new"]
    assert list(store.load().people) == [*people, "p.new"]
    # A first and a last entity of their kind come back first and last.
    for entity_id in (people[0], people[-1]):
        saved(store, model, saved(store, model, removal(model, entity_id)))
    assert list(store.load().people) == list(model.people) == [*people, "p.new"]


def test_entities_deleted_together_come_back_in_their_order(store: Store) -> None:
    model = every_field_model()
    for number in range(3):
        model.add(Kpi(id=f"k.top{number}", name=f"Indicator {number}", measures="g.top",
                      type="leading"))
    model.add(Kpi(id="k.after", name="After", measures="g.sub", type="leading"))
    store.replace_model(model)
    kpis, goals = list(model.kpis), list(model.goals)
    undo = saved(store, model, removal(model, "g.top"))  # its indicators go with it
    assert list(model.kpis) == ["k.1", "k.2", "k.after"]
    saved(store, model, undo)
    loaded = store.load()
    assert (list(loaded.kpis), list(loaded.goals)) == (kpis, goals)
    assert (list(model.kpis), list(model.goals)) == (kpis, goals)


def test_reassigning_replaces_the_letter_and_moves_it_last(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    saved(store, model, Change(assign=[Assignment("g.sub", "I", "kwartier")]))
    loaded = store.load()
    assert loaded.assignments[-1] == Assignment("g.sub", "I", "kwartier")
    assert loaded.letters_of("g.sub", "kwartier") == ("I",)
    assert loaded == model


def test_a_paired_cell_is_written_whole_and_taken_apart_letter_by_letter(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    saved(store, model, Change(assign=[Assignment("g.sub", "A", "kwartier"),
                                       Assignment("g.sub", "R", "kwartier")]))
    assert store.load().letters_of("g.sub", "kwartier") == ("A", "R")
    saved(store, model, Change(unassign=[Assignment("g.sub", "A", "kwartier")]))
    saved(store, model, Change(assign=[Assignment("g.sub", "C", "dg")]))
    loaded = store.load()
    assert loaded.letters_of("g.sub", "kwartier") == ("R",)
    assert loaded.letters_of("g.sub", "dg") == ("C",), "A and R gave way to one letter"
    assert loaded == model


def test_a_rename_keeps_the_place_and_moves_every_reference(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    undo = saved(store, model, Change(rename=("dg", "dg-new")))
    loaded = store.load()
    assert loaded == model
    assert list(loaded.roles) == ["dg-new", "kwartier"], "in its place"
    assert loaded.bodies["sg"].chair == "dg-new" and "dg-new" in loaded.bodies["sg"].members
    assert store.load_lean() == LeanModel.of_model(model)
    saved(store, model, Change(put=[Body(id="sg", name="SG", kind="committee",
                                         reports_to="dg-new")]))
    saved(store, model, undo)
    assert store.load() == model and "dg" in model


def test_a_rename_after_someone_changed_a_referrer_is_refused(
        two_stores: tuple[Store, Store]) -> None:
    first, second = two_stores
    first.load()
    second.load()
    first.save(Change(put=[Body(id="sg", name="Changed", kind="taskforce", chair="dg")]))
    with pytest.raises(ConflictError, match="sg was changed by someone else"):
        second.save(Change(rename=("dg", "dg-new")))
    assert "dg" in second.load()


def test_deleting_an_entity_removes_its_assignments(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    saved(store, model, Change(put=[
        Body(id="sg", name="SG", kind="committee", members=["kwartier", "p.b"]),
        Role(id="kwartier", name="Kwartiermaker"),
    ], delete=["dg"]))
    loaded = store.load()
    assert "dg" not in loaded
    assert all("dg" not in (a.item, a.actor) for a in loaded.assignments)


def test_deleting_an_entity_still_named_is_refused(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    with pytest.raises(StoreError, match=r"cannot delete dg: (sg|kwartier) still names it"):
        store.save(Change(delete=["dg"]))
    assert store.load() == model


def test_naming_an_unknown_id_is_refused(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    with pytest.raises(StoreError, match="names nobody, which is not in the model"):
        store.save(Change(put=[Role(id="r.new", name="R", holders=["nobody"])]))
    with pytest.raises(StoreError, match="not in the model"):
        store.save(Change(assign=[Assignment("g.top", "A", "nobody")]))
    assert store.load() == model


def test_replacing_with_a_model_whose_assignment_names_nobody_writes_nothing(
    store: Store,
) -> None:
    store.replace_model(small_model())
    broken = every_field_model()
    broken.assignments.append(Assignment("g.top", "I", "nobody"))
    with pytest.raises(StoreError, match="an assignment names nobody, which is not in the model"):
        store.replace_model(broken)
    assert store.load() == small_model()


def test_an_empty_change_writes_nothing(store: Store) -> None:
    store.replace_model(small_model())
    revision = store.revision()
    store.save(Change())
    assert store.revision() == revision


# ---- two stores on one database ---------------------------------------------------


@pytest.fixture
def two_stores(store_url: str) -> Iterator[tuple[Store, Store]]:
    with open_store(store_url, create=True) as first:
        first.replace_model(every_field_model())
        with open_store(store_url) as second:
            yield first, second


def test_the_second_writer_of_an_entity_is_told(two_stores: tuple[Store, Store]) -> None:
    first, second = two_stores
    first.load()
    second.load()
    first.save(Change(put=[Goal(id="g.top", name="By the first")]))
    with pytest.raises(ConflictError, match=r"goal g\.top was changed by someone else"):
        second.save(Change(put=[Goal(id="g.top", name="By the second")]))
    assert second.load().goals["g.top"].name == "By the first"
    second.save(Change(put=[Goal(id="g.top", name="By the second, after reloading")]))
    assert first.load().goals["g.top"].name == "By the second, after reloading"


@pytest.mark.parametrize(
    ("first_change", "second_change", "named"),
    [
        (Change(delete=["k.2"]), Change(put=[Kpi(id="k.2", name="K", measures="i.a",
                                                 type="leading")]), "indicator k.2"),
        (Change(put=[Kpi(id="k.2", name="K", measures="i.a", type="leading")]),
         Change(delete=["k.2"]), "k.2"),
        (Change(put=[Goal(id="g.new", name="A")]), Change(put=[Goal(id="g.new", name="B")]),
         "goal g.new was added"),
        (Change(assign=[Assignment("g.top", "A", "dg")]),
         Change(assign=[Assignment("g.top", "R", "dg")]), "assignment of dg on g.top"),
        (Change(assign=[Assignment("g.sub", "I", "dg")]),
         Change(unassign=[Assignment("g.sub", "A", "dg")]), "assignment of dg on g.sub"),
        (Change(unassign=[Assignment("i.a", "R", "p.c")]),
         Change(assign=[Assignment("i.a", "C", "p.c")]), "assignment of p.c on i.a"),
        (Change(assign=[Assignment("g.sub", "R", "dg"), Assignment("g.sub", "A", "dg")]),
         Change(unassign=[Assignment("g.sub", "A", "dg")]), "assignment of dg on g.sub"),
        (Change(assign=[Assignment("d.x", "I", "p.a")]), Change(delete=["p.a"]),
         "assignment of p.a on d.x"),
        (Change(delete=["d.x"]), Change(assign=[Assignment("d.x", "I", "p.a")]),
         "d.x was deleted"),
        (Change(put=[Body(id="tf", name="TF", kind="taskforce", members=["kwartier"])]),
         Change(delete=["kwartier"], put=[
             Role(id="dg", name="DG", holders=["p.a"]),
             Body(id="sg", name="SG", kind="committee"),
         ]), "tf was changed by someone else to name kwartier"),
        (Change(org=Org("A")), Change(org=Org("B")), "organisation"),
        (Change(waivers=[]), Change(waivers=[]), "waivers"),
    ],
)
def test_conflicting_changes_are_refused_whole(
    two_stores: tuple[Store, Store], first_change: Change, second_change: Change, named: str
) -> None:
    first, second = two_stores
    first.load()
    second.load()
    first.save(first_change)
    after_first = first.load()
    revision = first.revision()
    with pytest.raises(ConflictError, match=f"{named}.*reload and try again"):
        second.save(second_change)
    assert second.load() == after_first
    assert second.revision() == revision


def test_edits_of_different_entities_both_survive(two_stores: tuple[Store, Store]) -> None:
    first, second = two_stores
    first.load()
    second.load()
    first.save(Change(put=[Goal(id="g.top", name="First")]))
    second.save(Change(put=[Goal(id="g.sub", name="Second", parent="g.top")],
                       assign=[Assignment("g.top", "I", "p.b")]))
    loaded = first.load()
    assert loaded.goals["g.top"].name == "First"
    assert loaded.goals["g.sub"].name == "Second"
    assert loaded.letters_of("g.top", "p.b") == ("I",)


def test_a_store_goes_on_editing_after_its_own_saves(store: Store) -> None:
    model = every_field_model()
    store.replace_model(model)
    for number, letter in enumerate(LETTERS):
        saved(store, model, Change(put=[Goal(id="g.top", name=f"Top {number}")]))
        saved(store, model, Change(assign=[Assignment("g.top", letter, "dg")]))
        saved(store, model, Change(waivers=[*model.waivers, Waiver(
            rule="OWN001", target=["g.top"], reason=str(number))]))
        saved(store, model, Change(org=Org(f"Org {number}")))
    assert store.load() == model


# ---- the revision counter ------------------------------------------------------------


def test_every_committed_write_raises_the_revision(two_stores: tuple[Store, Store]) -> None:
    first, second = two_stores
    first.load()
    second.load()
    start = second.revision()
    assert second.known_revision == start
    first.save(Change(put=[Goal(id="g.new", name="New")]))
    assert second.revision() == start + 1
    with pytest.raises(ConflictError):
        second.save(Change(put=[Goal(id="g.new", name="Mine")]))
    assert second.revision() == start + 1
    second.save(Change(put=[Goal(id="g.top", name="Mine")]))
    assert second.revision() == start + 2
    assert second.known_revision == start, "second has not seen first's change yet"
    second.load()
    assert second.known_revision == start + 2
    second.save(Change(put=[Goal(id="g.top", name="Again")]))
    assert second.known_revision == second.revision() == start + 3
    first.replace_model(copy.deepcopy(every_field_model()))
    assert second.revision() == start + 4


# ---- many entities in one change ---------------------------------------------------


def unit_of_many(size: int) -> Model:
    """A unit with `size` people, the shape of a real foundation's committers."""
    model = small_model()
    model.units["many"] = Unit(id="many", name="Committers")
    for n in range(size):
        model.people[f"p{n}"] = Person(id=f"p{n}", name=f"Person {n}", unit="many")
    return model


def test_removing_a_unit_of_many_people_rewrites_them_in_few_statements(store: Store) -> None:
    model = unit_of_many(300)
    store.replace_model(copy.deepcopy(model))
    store.load()
    statements: list[str] = []

    def count(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        saved(store, model, removal(model, "many"))
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert store.load() == model
    assert all(model.people[f"p{n}"].unit is None for n in range(300))
    assert len(statements) < 100, "one statement per person is too many"


def test_a_person_changed_by_someone_else_refuses_the_whole_unit_removal(
    store_url: str,
) -> None:
    model = unit_of_many(50)
    with open_store(store_url, create=True) as first, open_store(store_url) as second:
        first.replace_model(copy.deepcopy(model))
        first.load()
        second.load()
        second.save(Change(put=[Person(id="p37", name="Renamed", unit="many")]))
        before = second.load()
        with pytest.raises(ConflictError, match=r"person p37 was changed by someone else"):
            first.save(removal(model, "many"))
        assert first.load() == before


def test_an_entity_put_twice_in_one_change_is_stored_once_as_last_given(store: Store) -> None:
    model = small_model()
    store.replace_model(copy.deepcopy(model))
    store.load()
    store.save(Change(put=[Goal(id="g.new", name="First"), Goal(id="g.new", name="Second"),
                           Goal(id="g", name="Old goal, first"), Goal(id="g", name="Again")]))
    loaded = store.load()
    assert loaded.goals["g.new"].name == "Second"
    assert loaded.goals["g"].name == "Again"
    assert list(loaded.goals) == ["g", "g.new"]


def test_an_interrupted_replace_leaves_the_model_and_says_interrupted(store: Store) -> None:
    store.replace_model(small_model())
    statements = 0

    def interrupt_midway(*_: object) -> None:
        nonlocal statements
        statements += 1
        if statements == 6:  # a few rows in: the old model is already deleted
            raise KeyboardInterrupt

    event.listen(Engine, "before_cursor_execute", interrupt_midway)
    try:
        with pytest.raises(KeyboardInterrupt):
            store.replace_model(every_field_model())
    finally:
        event.remove(Engine, "before_cursor_execute", interrupt_midway)
    assert store.load() == small_model()


def test_an_import_into_a_new_database_is_one_transaction(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    broken = every_field_model()
    broken.assignments.append(Assignment("g.top", "I", "nobody"))
    with pytest.raises(StoreError, match="an assignment names nobody"):
        open_store(url, create=True, name="Nieuw", model=broken)
    with pytest.raises(StoreError, match="no model at"):
        open_store(url)
    with open_store(url, create=True, model=every_field_model()) as store:
        assert store.load() == every_field_model()


@pytest.mark.parametrize(("beside", "immutable"), [((), True), (("-wal",), False)])
def test_a_database_in_a_folder_nobody_may_write_is_opened_immutable_only_without_a_wal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, beside: tuple[str, ...],
        immutable: bool) -> None:
    """Another user may hold the database open with commits still in its
    -wal file: `mode=ro` reads them, `immutable=1` would show the old data."""
    database = tmp_path / "org.db"
    database.write_bytes(b"")
    for suffix in beside:
        (tmp_path / f"org.db{suffix}").write_bytes(b"")
    monkeypatch.setattr("raci.store.layout.os.access", lambda path, mode: False)
    uri = read_only_uri(database)
    assert uri is not None and "mode=ro" in uri
    assert ("immutable=1" in uri) is immutable
