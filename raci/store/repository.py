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

from collections import defaultdict
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, delete, exists, select, update
from sqlalchemy.engine import URL

from raci.errors import ModelExistsError, StoreError
from raci.model import KINDS, Assignment, Entity, Model, Org, Waiver, kind_of
from raci.model.changes import Change
from raci.model.collector import collector_paused
from raci.store import tables
from raci.store.engine import bulk_writing, database_errors, describe, reading, writing
from raci.store.rows import (
    ENTITY_COLUMNS,
    LIST_FIELDS,
    assignment_rows,
    entity_from_row,
    entity_row,
    fetch_all,
    insert_many,
    list_rows,
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
            model, versions = _read_model(connection)
        self._versions = versions
        self._known_revision = revision
        return model

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


def _read_model(connection: Connection) -> tuple[Model, RememberedVersions]:
    """The model and the version of each of its rows."""
    org_row = connection.execute(select(tables.org)).one()
    model = Model(org=Org(org_row.name, org_row.description, org_row.as_of))
    versions = RememberedVersions(org=org_row.version)
    by_id: dict[str, Entity] = {}
    collections = {kind: model.collection(kind) for kind in KINDS}
    entity_versions = versions.entities
    version_column = ENTITY_COLUMNS.index("version")
    query = select(tables.entity).order_by(tables.entity.c.position)
    for row in fetch_all(connection, query):
        kind, entity = entity_from_row(row)
        collections[kind][entity.id] = by_id[entity.id] = entity
        entity_versions[entity.id] = row[version_column]
    for lf in LIST_FIELDS:
        owner, value = lf.table.c[lf.owner], lf.table.c[lf.value]
        query = select(owner, value).order_by(owner, lf.table.c.position)
        field = lf.field
        for owner_id, item in fetch_all(connection, query):
            getattr(by_id[owner_id], field).append(item)
    _read_assignments(connection, model, versions)
    _read_waivers(connection, model, versions)
    model.changed()
    return model, versions


def _read_assignments(connection: Connection, model: Model, versions: RememberedVersions) -> None:
    table = tables.assignment
    query = select(table.c.item, table.c.letter, table.c.actor, table.c.version)
    rows = fetch_all(connection, query.order_by(table.c.position))
    model.assignments.extend(Assignment(item, letter, actor) for item, letter, actor, _ in rows)
    versions.assignments.update(((item, actor), version) for item, _, actor, version in rows)


def _read_waivers(connection: Connection, model: Model, versions: RememberedVersions) -> None:
    targets: dict[int, list[str]] = defaultdict(list)
    target_table = tables.waiver_target
    query = select(target_table.c.waiver, target_table.c.target).order_by(
        target_table.c.waiver, target_table.c.position
    )
    for waiver_position, target in connection.execute(query).all():
        targets[waiver_position].append(target)
    for row in connection.execute(select(tables.waiver).order_by(tables.waiver.c.position)):
        model.waivers.append(
            Waiver(
                rule=row.rule, target=targets[row.position], reason=row.reason,
                expires=row.expires, author=row.author,
            )
        )
        versions.waivers[row.position] = row.version


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
    org = model.org
    connection.execute(
        update(tables.org).values(
            name=org.name, description=org.description, as_of=org.as_of, version=revision
        )
    )
    entities = [(kind_of(entity), entity) for entity in model.entities()]
    insert_many(
        connection,
        tables.entity,
        [entity_row(e, kind, n, revision) for n, (kind, e) in enumerate(entities)],
    )
    for lf, rows in list_rows(entities, revision):
        insert_many(connection, lf.table, rows)
    insert_many(connection, tables.assignment, assignment_rows(model.assignments, revision))
    waiver_table, target_table = waiver_rows(model.waivers, revision)
    insert_many(connection, tables.waiver, waiver_table)
    insert_many(connection, tables.waiver_target, target_table)
