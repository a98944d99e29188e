"""Schema versions: a database made by an older raci is migrated on open after
a backup copy, a newer one is refused, and the migrated schema is the one
the code's tables describe."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select, text

from raci.errors import StoreError
from raci.model import Assignment, Goal, Model, Org, Person, Role, Unit
from raci.model.changes import Change
from raci.model.lean import LeanModel
from raci.store import open_store, tables
from raci.store.engine import database_url, make_engine, writing
from raci.store.schema import create_model, head_version

# What a raci with schema 0001 wrote, in that schema's own SQL.
SCHEMA_0001_ROWS = [
    "UPDATE meta SET revision = 3",
    "UPDATE org SET name = 'Oud ''model''', as_of = '2026-01-31', version = 1",
    "INSERT INTO entity (id, kind, position, version, name, external) "
    "VALUES ('u', 'unit', 0, 1, 'Unit', false)",
    "INSERT INTO entity (id, kind, position, version, name, unit, external, capacity_fte) "
    "VALUES ('p', 'person', 1, 2, 'Persoon', 'u', false, 0.5)",
    "INSERT INTO entity (id, kind, position, version, name, temporary) "
    "VALUES ('r', 'role', 2, 3, 'Rol', false)",
    "INSERT INTO entity (id, kind, position, version, name) VALUES ('g', 'goal', 3, 1, 'Doel')",
    "INSERT INTO holder (role, position, person, version) VALUES ('r', 0, 'p', 3)",
    "INSERT INTO tag (entity, position, tag, version) VALUES ('g', 0, 'oud', 1)",
    "INSERT INTO assignment (item, actor, letter, position, version) "
    "VALUES ('g', 'r', 'A', 0, 1)",
]


def model_of_schema_0001_rows() -> Model:
    import datetime as dt

    model = Model(org=Org("Oud 'model'", None, dt.date(2026, 1, 31)))
    model.units["u"] = Unit(id="u", name="Unit")
    model.people["p"] = Person(id="p", name="Persoon", unit="u", capacity_fte=0.5)
    model.roles["r"] = Role(id="r", name="Rol", holders=["p"])
    model.goals["g"] = Goal(id="g", name="Doel", tags=["oud"])
    model.assignments = [Assignment("g", "A", "r")]
    return model


def make_old_database(url: str) -> None:
    """A database as raci with schema 0001 left it."""
    parsed = database_url(url)
    engine = make_engine(parsed)
    create_model(engine, parsed, "Oud", version="0001")
    with writing(engine) as connection:
        for statement in SCHEMA_0001_ROWS:
            connection.execute(text(statement))
    engine.dispose()


def schema_version_of(engine: Engine) -> tuple[str | None, str]:
    with engine.connect() as connection:
        return (
            MigrationContext.configure(connection).get_current_revision(),
            connection.execute(select(tables.meta.c.schema_version)).scalar_one(),
        )


def test_there_is_an_older_schema_to_migrate_from() -> None:
    assert head_version() != "0001"


def test_the_head_raci_knows_without_alembic_is_alembic_s_head() -> None:
    from alembic.script import ScriptDirectory

    from raci.store.schema import alembic_config

    assert head_version() == ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_reading_a_current_database_imports_no_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path}/m.db"
    subprocess.run([sys.executable, "-c", "from raci.store import open_store; "
                    f"open_store({url!r}, create=True).close()"], check=True)
    read = ("import sys; from raci.store import open_store\n"
            f"with open_store({url!r}) as store: store.load_lean()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))")
    done = subprocess.run([sys.executable, "-c", read], check=True, capture_output=True,
                          text=True)
    assert done.stdout.strip() == "[]"


def test_an_old_database_is_migrated_on_open_and_keeps_its_model(store_url: str) -> None:
    make_old_database(store_url)
    with open_store(store_url) as store:
        assert store.load() == model_of_schema_0001_rows()
        assert store.load_lean() == LeanModel.of_model(model_of_schema_0001_rows())
        assert store.revision() == 3
    engine = make_engine(database_url(store_url))
    assert schema_version_of(engine) == (head_version(), head_version())
    engine.dispose()


def test_a_migrated_database_takes_a_together_with_r(store_url: str) -> None:
    make_old_database(store_url)
    with open_store(store_url) as store:
        model = store.load()
        change = Change(assign=[Assignment("g", "R", "r"), Assignment("g", "A", "r")],
                        org=Org("Oud 'model'", None, model.org.as_of, ["chairs"]))
        change.apply(model)
        store.save(change)
    with open_store(store_url) as store:
        loaded = store.load()
    assert loaded.letters_of("g", "r") == ("A", "R")
    assert loaded.org.not_recorded == ["chairs"]


def test_sqlite_is_backed_up_beside_itself_before_migrating(tmp_path: Path) -> None:
    path = tmp_path / "org.db"
    make_old_database(f"sqlite:///{path}")
    with open_store(f"sqlite:///{path}") as store:
        assert store.backup == tmp_path / "org.db.bak-0001"
    backup = sqlite3.connect(store.backup)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert backup.execute("SELECT id FROM entity ORDER BY position").fetchall() == [
        ("u",), ("p",), ("r",), ("g",)
    ]
    backup.close()
    with open_store(f"sqlite:///{store.backup}") as old:
        assert old.load() == model_of_schema_0001_rows(), "the backup opens as a model too"


@pytest.mark.parametrize("command", [("lint", "--fail-on", "never"), ("export",)])
def test_a_command_that_migrates_says_so_naming_the_backup(
        tmp_path: Path, raci, command: tuple[str, ...]) -> None:
    path = tmp_path / "old.db"
    make_old_database(f"sqlite:///{path}")
    result = raci(command[0], path, *command[1:])
    assert result.code == 0
    assert result.err == (f"note: {path} was made by an older raci and is now upgraded; the "
                          f"copy as it was is {tmp_path / 'old.db.bak-0001'}\n")
    assert raci(command[0], path, *command[1:]).err == ""


def test_a_backup_never_overwrites_an_earlier_one(tmp_path: Path) -> None:
    path = tmp_path / "org.db"
    (tmp_path / "org.db.bak-0001").write_text("an earlier backup")
    make_old_database(f"sqlite:///{path}")
    with open_store(f"sqlite:///{path}") as store:
        assert store.backup == tmp_path / "org.db.bak-0001-2"
    assert (tmp_path / "org.db.bak-0001").read_text() == "an earlier backup"


def test_a_current_database_is_not_backed_up(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'org.db'}"
    open_store(url, create=True).close()
    with open_store(url) as store:
        assert store.backup is None
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


def test_a_database_from_a_newer_raci_is_refused(store_url: str) -> None:
    open_store(store_url, create=True).close()
    engine = make_engine(database_url(store_url))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"made by a newer raci \(schema 9999\)"):
        open_store(store_url)


def test_the_migrated_schema_is_the_one_the_tables_describe(store_url: str) -> None:
    make_old_database(store_url)
    open_store(store_url).close()
    engine = make_engine(database_url(store_url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), tables.metadata)
    engine.dispose()
    assert differences == []
