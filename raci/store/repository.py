"""The `Store`: load a whole model, replace it, and save one change at a time.

Loading and importing use one statement per table (a SELECT, or an
executemany of a Core INSERT), never a row at a time. Saving a `Change`
runs in one transaction with optimistic concurrency: the store remembers the
version of every entity, assignment and waiver it loaded, and a write whose
row changed since then is refused with a `ConflictError` (see `saving`).

Every write transaction begins by bumping `meta.revision`. That one row
serialises writers (SQLite takes its write lock at BEGIN IMMEDIATE,
PostgreSQL locks the row until commit), so the checks a save makes stay true
until it commits; the new revision is also the version of every row written.
"""

from __future__ import annotations

from operator import attrgetter
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, delete, exists, select, update
from sqlalchemy.engine import URL

from raci.errors import ModelExistsError, StoreError
from raci.model import Model, kind_of
from raci.model.changes import Change
from raci.model.collector import collector_paused
from raci.model.lean import LeanModel
from raci.store import tables
from raci.store.engine import bulk_writing, database_errors, describe, reading, writing
from raci.store.reading import read_lean_model, read_model
from raci.store.rows import (
    LIST_FIELDS,
    assignment_rows,
    entity_row,
    insert_many,
    list_rows,
    org_values,
    waiver_rows,
)
from raci.store.saving import RememberedVersions, save_change


class Store:
    """One model database, opened by `open_store`; use it as a context manager."""

    def __init__(self, engine: Engine, url: URL, backup: Path | None) -> None:
        self._engine = engine
        self._url = url
        self._database = describe(url)
        self._versions = RememberedVersions()
        self._known_revision = 0
        self.backup = backup
        """The copy written before migrating this database on open, if any."""

    # ---- opening and closing ------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL, with any password hidden."""
        return self._url.render_as_string(hide_password=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ---- reading ---------------------------------------------------------------

    def load(self) -> Model:
        """The whole model, from one snapshot of the database."""
        with (
            collector_paused(),
            database_errors(self._database),
            reading(self._engine) as connection,
        ):
            revision = _current_revision(connection)
            model, versions = read_model(connection)
        self._versions = versions
        self._known_revision = revision
        return model

    def load_lean(self) -> LeanModel:
        """The model as lean tuples, for reading only (a lint): faster than
        `load`, as no free text is read and no versions are kept."""
        with (
            collector_paused(),
            database_errors(self._database),
            reading(self._engine) as connection,
        ):
            return read_lean_model(connection)

    def is_empty(self) -> bool:
        """True when the model has no entities, assignments or waivers."""
        with database_errors(self._database), reading(self._engine) as connection:
            return _is_empty(connection)

    def revision(self) -> int:
        """The database's write counter; any process's commit raises it."""
        with database_errors(self._database), reading(self._engine) as connection:
            return _current_revision(connection)

    @property
    def known_revision(self) -> int:
        """The revision this store's last load saw, raised by its own saves only
        while nobody else wrote in between: ``revision() > known_revision``
        means the loaded model misses someone else's changes."""
        return self._known_revision

    # ---- writing ---------------------------------------------------------------

    def replace_model(self, model: Model, *, only_if_empty: bool = False) -> None:
        """Delete everything and write `model`, in one transaction.

        With `only_if_empty`, raise `ModelExistsError` and write nothing when
        the database already holds a model; checked inside the transaction, so
        of two imports into one new database only the first one lands.
        """
        with (
            collector_paused(),
            database_errors(self._database),
            bulk_writing(self._engine) as connection,
        ):
            revision = _bump_revision(connection)  # from here on, other writers wait
            if only_if_empty and not _is_empty(connection):
                raise ModelExistsError(f"{self._database} already holds a model")
            _delete_model(connection)
            _write_model(connection, model, revision)
        self._versions = RememberedVersions.of_model(model, revision)
        self._known_revision = revision

    def write_first(self, model: Model, connection: Connection) -> None:
        """Write `model` into the database `open_store` is creating, in its
        transaction."""
        with collector_paused():
            revision = _bump_revision(connection)
            _write_model(connection, model, revision)
        self._versions = RememberedVersions.of_model(model, revision)
        self._known_revision = revision

    def save(self, change: Change) -> None:
        """Write one change in one transaction, or raise `ConflictError` and write nothing.

        The versions it checks come from this store's last `load` (or
        `replace_model`) and its own saves since: load before the first save.
        """
        if change.is_empty():
            return
        with database_errors(self._database), writing(self._engine) as connection:
            revision = _bump_revision(connection)
            try:
                written = save_change(connection, change, revision, self._versions)
            except StoreError as refused:  # a conflict too: name the database, keep the kind
                raise type(refused)(f"{self._database}: {refused}") from None
        self._versions.update(written)
        if revision == self._known_revision + 1:
            self._known_revision = revision


def _bump_revision(connection: Connection) -> int:
    """Raise the revision counter and return it; this locks out other writers."""
    statement = (
        update(tables.meta)
        .values(revision=tables.meta.c.revision + 1)
        .returning(tables.meta.c.revision)
    )
    return int(connection.execute(statement).scalar_one())


def _current_revision(connection: Connection) -> int:
    return int(connection.execute(select(tables.meta.c.revision)).scalar_one())


# ---- whole-model reads and writes --------------------------------------------------


def _is_empty(connection: Connection) -> bool:
    return not any(
        connection.scalar(select(exists().select_from(table)))
        for table in (tables.entity, tables.assignment, tables.waiver)
    )


def _delete_model(connection: Connection) -> None:
    for table in (
        tables.waiver_target,
        tables.waiver,
        tables.assignment,
        *(lf.table for lf in LIST_FIELDS),
        tables.entity,
    ):
        connection.execute(delete(table))


def _write_model(connection: Connection, model: Model, revision: int) -> None:
    connection.execute(update(tables.org).values(org_values(model.org, revision)))
    entities = [(kind_of(entity), entity) for entity in model.entities()]
    insert_many(
        connection,
        tables.entity,
        [entity_row(e, kind, n, revision) for n, (kind, e) in enumerate(entities)],
    )
    for lf, rows in list_rows(entities, revision):
        insert_many(connection, lf.table, rows)
    positions = {e.id: n for n, (_, e) in enumerate(entities)}
    named = {*map(attrgetter("item"), model.assignments),
             *map(attrgetter("actor"), model.assignments)}
    missing = sorted(named.difference(positions))
    if missing:
        raise StoreError(f"refused: an assignment names {missing[0]}, which is not in the "
                         "model; nothing was written")
    insert_many(connection, tables.assignment,
                assignment_rows(model.assignments, positions, revision))
    waiver_table, target_table = waiver_rows(model.waivers, revision)
    insert_many(connection, tables.waiver, waiver_table)
    insert_many(connection, tables.waiver_target, target_table)
