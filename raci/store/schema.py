"""Creating a model database and migrating an older one, with Alembic.

The migrations live in ``raci/store/migrations``; the Alembic configuration
is built here in code, so no alembic.ini is needed. A database made by an
older raci is migrated when it is opened, after a backup copy of a SQLite
file is written beside it (``org.db.bak-0001``). PostgreSQL databases are
migrated in one transaction without a copy: back them up with pg_dump.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, insert, inspect, text
from sqlalchemy.engine import URL

from raci.errors import StoreError
from raci.i18n import N_, Said
from raci.store import tables
from raci.store.engine import NOT_SQLITE, bulk_writing, describe, reading, sqlite_path, writing
from raci.store.layout import HEAD_VERSION, MODEL_TABLE
from raci.store.sqlite_file import NotSqliteFile, sqlite_tables

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_version() -> str:
    return HEAD_VERSION


def schema_version(connection: Connection) -> str | None:
    """The database's schema version (the revision Alembic records in its
    ``alembic_version`` table), or None when it holds no raci model."""
    there = inspect(connection)
    if not (there.has_table(MODEL_TABLE) and there.has_table("alembic_version")):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def upgrade(connection: Connection, version: str = "head") -> None:
    """Migrate to `version` inside the connection's transaction."""
    from alembic import command

    command.upgrade(alembic_config(connection), version)


def create_model(engine: Engine, url: URL, name: str | None, version: str = "head",
                 fill: Callable[[Connection], None] | None = None) -> None:
    """Make the schema and a model in one transaction: an empty one, or as
    `fill` writes it (an import into a new database, so that a failure or a
    kill leaves no model behind). Refuse if a model, or anything else, is
    already there."""
    database = describe(url)
    path = sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise StoreError(Said(N_("{database}: cannot create it, no directory {folder}"),
                              database=database, folder=path.parent))
    _tables_there(engine, url, creating=True)
    with (writing(engine) if fill is None else bulk_writing(engine)) as connection:
        if schema_version(connection) is not None:
            raise StoreError(Said(N_("{database}: a model is already there; nothing was "
                                     "changed"), database=database))
        upgrade(connection, version)
        connection.execute(
            insert(tables.org).values(id=1, name=name or default_name(url), version=0)
        )
        if fill is not None:
            fill(connection)


def default_name(url: URL) -> str:
    path = sqlite_path(url)
    return path.stem if path is not None else (url.database or "org")


def open_existing(engine: Engine, url: URL) -> Path | None:
    """Check there is a model and bring its schema up to date.

    Returns the backup copy written before a migration, if any.
    """
    database = describe(url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise _no_model(database)
    if _tables_there(engine, url, creating=False) == []:
        # Before raci's connection, which would make an empty file a database in WAL mode.
        raise _no_model(database)
    with reading(engine) as connection:
        version = schema_version(connection)
    if version is None:
        raise _no_model(database)
    head = head_version()
    if version == head:
        return None
    _check_known(version, database)
    backup = back_up(path, version) if path is not None else None
    with writing(engine) as connection:
        # Another process may have migrated it while we copied.
        if schema_version(connection) != head:
            upgrade(connection)
    return backup


def _tables_there(engine: Engine, url: URL, *, creating: bool) -> list[str] | None:
    """The tables in the database; None for a SQLite file that is not there
    yet, or that SQLite cannot read (raci's connection says why). Refuses a
    file that is no SQLite database, and a database that holds tables but no
    raci model; each with what to do when `creating` a model there, or
    opening one.

    A SQLite file is looked at through a read-only connection of its own:
    raci's connections switch a file to WAL mode, which would change it.
    """
    path = sqlite_path(url)
    tables_there: list[str] | None
    if path is None:
        with reading(engine) as connection:
            tables_there = inspect(connection).get_table_names()
    elif path.exists():
        try:
            tables_there = sqlite_tables(path)
        except NotSqliteFile:
            raise StoreError(Said(N_("{database}: a file that is not a SQLite database is "
                                     "there; give another name, or move that file away first")
                                  if creating else NOT_SQLITE, database=describe(url))) from None
    else:
        return None
    if tables_there and MODEL_TABLE not in tables_there:
        listed = ", ".join(sorted(tables_there)[:3]) + (", …" if len(tables_there) > 3 else "")
        raise StoreError(Said(
            N_("{database}: holds tables of its own ({tables}) and no raci model; create "
               "the model in a new file or an empty database"),
            database=describe(url), tables=listed))
    return tables_there


def _no_model(database: str) -> StoreError:
    return StoreError(Said(N_("no model at {database}; create one with `raci new {database}`"),
                           database=database))


def _check_known(version: str, database: str) -> None:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(version)
    except CommandError:
        raise StoreError(Said(
            N_("{database}: made by a newer raci (schema {version}); upgrade raci to open it"),
            database=database, version=version)) from None


def back_up(path: Path, version: str) -> Path:
    """Copy a SQLite database beside itself as ``NAME.bak-VERSION`` (never overwriting).

    The copy goes through SQLite's backup API, so it is consistent even while
    another process writes and includes what is still in the WAL file.
    """
    backup = path.with_name(f"{path.name}.bak-{version}")
    number = 2
    while backup.exists():
        backup = path.with_name(f"{path.name}.bak-{version}-{number}")
        number += 1
    source = sqlite3.connect(path)
    try:
        target = sqlite3.connect(backup)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    return backup
