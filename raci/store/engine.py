"""Connecting to a model database: URLs, engine set-up, and database errors.

SQLite gets foreign keys on every connection, WAL mode (readers never wait
for a writer), a 5 s busy timeout, and explicit transactions: reads begin
with ``BEGIN`` and see one snapshot, writes begin with ``BEGIN IMMEDIATE`` so
two writers queue for the lock instead of one failing half-way. PostgreSQL
needs none of that; loads there run in REPEATABLE READ for the same single
snapshot.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError

from raci.errors import StoreError
from raci.i18n import N_, Said
from raci.model.source import without_password
from raci.store.layout import BUSY_TIMEOUT_SECONDS, read_only_uri

BULK_CACHE_KIB = -256 * 1024
"""SQLite's page cache while a whole model is written (a negative size is in KiB)."""
WRITE = "raci_write"
"""Execution option that marks a connection's transaction as a write."""


def database_url(url: str) -> URL:
    """Parse a model database URL; ``postgresql://`` means psycopg 3."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError(Said(
            N_("{url}: not a database URL; give sqlite:///PATH.db or postgresql://HOST/DB"),
            url=without_password(url))) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(Said(N_("{url}: raci stores models in SQLite or PostgreSQL only"),
                              url=describe(parsed)))
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        raise StoreError(Said(N_("{url}: give the SQLite file, as in sqlite:///path/to/org.db"),
                              url=without_password(url)))
    return parsed


def describe(url: URL) -> str:
    """How messages name a database: the file for SQLite, else the URL sans
    password, in its query too (`without_password`: SQLAlchemy hides only the
    one before the host)."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return without_password(url.render_as_string(hide_password=True))


def sqlite_path(url: URL) -> Path | None:
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


def make_engine(url: URL) -> Engine:
    if url.get_backend_name() != "sqlite":
        try:
            return create_engine(url)
        except ModuleNotFoundError as missing:  # psycopg comes with the postgres extra
            raise StoreError(Said(
                N_("{database}: PostgreSQL needs raci's postgres extra (psycopg); install "
                   "it with pip install '.[postgres]' in raci's folder, or pip install "
                   "'psycopg[binary]'"), database=describe(url))) from missing
    path = sqlite_path(url)
    read_only = read_only_uri(path) if path is not None else None
    if read_only is not None:  # a file this user may not write is read all the same
        url = url.set(database=read_only, query={"uri": "true"})
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_SECONDS, "check_same_thread": False},
    )
    event.listen(engine, "connect",
                 _set_up_any_connection if read_only is not None else _set_up_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _set_up_sqlite_connection(dbapi_connection: Any, _record: object) -> None:
    _set_up_any_connection(dbapi_connection, _record)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    # Safe in WAL mode against a killed process; only a power cut may lose
    # the last commits, never corrupt the file.
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _set_up_any_connection(dbapi_connection: Any, _record: object) -> None:
    """What every SQLite connection gets, writable or not. A connection to a
    file this user may not write gets only this: no switch to WAL, which
    writes; a write is refused by SQLite as read-only."""
    # Take transactions away from the sqlite3 module, which would otherwise
    # begin them late and never around DDL; `_begin_sqlite_transaction` does it.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _begin_sqlite_transaction(connection: Connection) -> None:
    writing = connection.get_execution_options().get(WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read transaction that sees one snapshot of the whole database."""
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            yield connection


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction: all of it commits, or none of it."""
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def bulk_writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction for replacing everything, with references checked at the end.

    SQLite checks each row's foreign keys as it is deleted or inserted, which
    made replacing a large model twice as slow; here they are switched off
    for the transaction (possible only outside one) and the whole database
    is checked once before commit instead. SQLite's page cache is raised
    for it too: with the default 2 MB, the indexes of a model four times
    the national one no longer fit, and the import grew faster than the model.
    """
    if engine.dialect.name != "sqlite":
        with writing(engine) as connection:
            yield connection
        return
    with engine.connect() as connection:
        connection.execution_options(**{WRITE: True})
        sqlite = connection.connection.driver_connection
        assert sqlite is not None
        sqlite.execute("PRAGMA foreign_keys = OFF")
        default_cache = sqlite.execute("PRAGMA cache_size").fetchone()[0]
        sqlite.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        try:
            with connection.begin():
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise StoreError(Said(
                        N_("refused: a row of table {table} names an id that is not in the "
                           "model; nothing was written"), table=broken[0]))
        finally:
            if not connection.invalidated:  # an interrupt closes it: nothing to restore
                sqlite.execute("PRAGMA foreign_keys = ON")
                sqlite.execute(f"PRAGMA cache_size = {default_cache}")


NOT_SQLITE = N_("{database}: not a SQLite database, so no raci model; give a database that "
                "raci made (with `raci new` or `raci import`)")
"""A file raci was asked to read that is no database at all."""
SQLITE_REASONS = {
    "unable to open database file": N_("cannot open the file; check that it is a file that you "
                                       "may read and write, in a folder you may write"),
    "attempt to write a readonly database": N_("the file is read-only; make it and its folder "
                                               "writable"),
    "database or disk is full": N_("the disk is full; make room and try again"),
    "disk I/O error": N_("the disk could not read or write the file; check the disk and try "
                         "again"),
}
"""What SQLite says most often when it cannot go on, with what to do, in
words the catalogue translates (as `raci.i18n.OS_REASONS` for the system's)."""
READ_ONLY_STORAGE = N_("it is on read-only storage, which no change of permissions makes "
                      "writable; use storage you may write, or mount it writable")
"""What SQLite's "readonly" or "unable to open" means where the file, or the
folder it would be made in, is on a file system mounted read-only (EROFS)."""
CONNECTION_FAILED = ("connection failed: ", "connection to server", "could not translate host")
"""How psycopg's reason begins when it could not connect to the server."""


@contextmanager
def database_errors(database: str) -> Iterator[None]:
    """Turn the driver's exceptions into one-line `StoreError`s naming the
    database, said in the user's language with what to do, the driver's own
    reason (English) kept where raci has no words of its own for it."""
    try:
        yield
    except IntegrityError as error:
        raise StoreError(Said(N_("{database}: refused by the database ({reason}); nothing was "
                                 "written"), database=database, reason=_first_line(error))
                         ) from error
    except DBAPIError as error:
        raise StoreError(_driver_refusal(database, _first_line(error))) from error
    except SQLAlchemyError as error:
        raise StoreError(Said(N_("{database}: the database failed: {reason}"),
                              database=database, reason=_first_line(error))) from error


def _driver_refusal(database: str, reason: str) -> Said:
    if "locked" in reason or "busy" in reason:
        return Said(N_("{database}: another process kept the database busy for more than "
                       "{seconds} s; try again"), database=database, seconds=BUSY_TIMEOUT_SECONDS)
    if "not a database" in reason:
        return Said(NOT_SQLITE, database=database)
    if reason in SQLITE_REASONS:
        said = READ_ONLY_STORAGE if _on_read_only_storage(database, reason) \
            else SQLITE_REASONS[reason]
        return Said(N_("{database}: {reason}"), database=database, reason=Said(said))
    if reason.startswith(CONNECTION_FAILED):
        return Said(N_("{database}: cannot connect to the PostgreSQL server; check its host, "
                       "port, user and password, and that it is running (psycopg: {reason})"),
                    database=database, reason=reason.removeprefix(CONNECTION_FAILED[0]))
    return Said(N_("{database}: the database failed: {reason}"), database=database,
                reason=reason)


def _on_read_only_storage(database: str, reason: str) -> bool:
    """Whether SQLite's `reason` is the file system's: the SQLite file
    `database`, or the folder it would be made in, is on read-only storage."""
    if reason not in ("unable to open database file", "attempt to write a readonly database"):
        return False
    path = Path(database)
    try:
        status = os.statvfs(path if path.exists() else path.parent)
    except OSError:  # a database URL, or a folder that is not there
        return False
    return bool(status.f_flag & os.ST_RDONLY)


def _first_line(error: SQLAlchemyError) -> str:
    cause = error.orig if isinstance(error, DBAPIError) else error
    text = str(cause).strip()
    return text.splitlines()[0] if text else type(cause).__name__
