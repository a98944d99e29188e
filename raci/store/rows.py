"""Entities to rows and back: which column holds which field, which table each list.

Derived from the dataclasses' own fields, so every field of every kind is
stored; a field with no column fails loudly at import (see `_columns_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Connection, Table, insert

from raci.model import KINDS, Assignment, Entity, Org, Waiver
from raci.store import tables
from raci.store.layout import (
    COLUMN_OF_FIELD,
    LIST_FIELD_NAMES,
    LIST_TABLES,
)


@dataclass(frozen=True)
class ListField:
    """A list field of an entity and the table that holds it, one row per value."""

    field: str
    table: Table
    owner: str
    value: str
    names_entities: bool


LIST_FIELDS = tuple(
    ListField(lt.field, tables.metadata.tables[lt.table], lt.owner, lt.value, lt.names_entities)
    for lt in LIST_TABLES
)

ENTITY_COLUMNS = tuple(column.name for column in tables.entity.columns)


def _columns_of(cls: type[Any], names: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(field, column) for each of the fields `names` of `cls` kept in the `entity` row."""
    pairs = []
    for name in names:
        if name in LIST_FIELD_NAMES:
            continue
        column = COLUMN_OF_FIELD.get(name, name)
        if column not in ENTITY_COLUMNS:
            raise RuntimeError(f"{cls.__name__}.{name} has no column in the entity table")
        pairs.append((name, column))
    return tuple(pairs)


_SCALAR_INDEXES = {
    kind: tuple((name, ENTITY_COLUMNS.index(column))
                for name, column in _columns_of(cls, (f.name for f in fields(cls))))
    for kind, (_, cls) in KINDS.items()
}
LIST_FIELDS_OF_KIND = {
    kind: tuple(lf for lf in LIST_FIELDS if lf.field in {f.name for f in fields(cls)})
    for kind, (_, cls) in KINDS.items()
}
_KIND_COLUMN = ENTITY_COLUMNS.index("kind")
_POSITION_COLUMN = ENTITY_COLUMNS.index("position")
_VERSION_COLUMN = ENTITY_COLUMNS.index("version")

Rows = list[tuple[Any, ...]]
"""Rows of one table, each a tuple of all its columns in table order."""


def entity_row(entity: Entity, kind: str, position: int, version: int) -> tuple[Any, ...]:
    row: list[Any] = [None] * len(ENTITY_COLUMNS)
    row[_KIND_COLUMN] = kind
    row[_POSITION_COLUMN] = position
    row[_VERSION_COLUMN] = version
    for name, index in _SCALAR_INDEXES[kind]:
        row[index] = getattr(entity, name)
    return tuple(row)


def entity_values(entity: Entity, kind: str, position: int, version: int) -> dict[str, Any]:
    """An entity's row as a dict of column values, for a single insert or update."""
    return dict(zip(ENTITY_COLUMNS, entity_row(entity, kind, position, version), strict=True))


def list_rows(
    entities: Iterable[tuple[str, Entity]], version: int
) -> Iterator[tuple[ListField, Rows]]:
    """For each list table, the rows of the given (kind, entity) pairs."""
    rows: dict[str, Rows] = {lf.field: [] for lf in LIST_FIELDS}
    for kind, entity in entities:
        for lf in LIST_FIELDS_OF_KIND[kind]:
            rows[lf.field].extend(
                (entity.id, position, value, version)
                for position, value in enumerate(getattr(entity, lf.field))
            )
    for lf in LIST_FIELDS:
        yield lf, rows[lf.field]


def org_values(org: Org, version: int) -> dict[str, Any]:
    """The org header's row."""
    return {"name": org.name, "description": org.description, "as_of": org.as_of,
            "not_recorded": ",".join(org.not_recorded) or None, "version": version}


def assignment_rows(assignments: Iterable[Assignment], positions: Mapping[str, int],
                    version: int) -> Rows:
    """The rows of the assignments, given each entity's place in the model."""
    return [
        (a.item, a.actor, a.letter, position, version, positions[a.item], positions[a.actor])
        for position, a in enumerate(assignments)
    ]


def waiver_rows(waivers: list[Waiver], version: int) -> tuple[Rows, Rows]:
    """Rows of the `waiver` and `waiver_target` tables."""
    waiver_table = [
        (position, w.rule, w.reason, w.expires, w.author, version)
        for position, w in enumerate(waivers)
    ]
    target_table = [
        (position, index, target, version)
        for position, w in enumerate(waivers)
        for index, target in enumerate(w.target)
    ]
    return waiver_table, target_table


def insert_many(connection: Connection, table: Table, rows: Rows) -> None:
    """Insert `rows` with one executemany of a Core INSERT.

    The statement is compiled by SQLAlchemy and the values converted by each
    column type's own bind processor, but handed to the driver directly:
    SQLAlchemy's per-row parameter handling took as long as SQLite's insert.
    """
    if not rows:
        return
    dialect = connection.dialect
    columns = [column.name for column in table.columns]
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    processors = [
        (index, processor)
        for index, column in enumerate(table.columns)
        if (processor := column.type.dialect_impl(dialect).bind_processor(dialect))
    ]
    if processors:
        rows = [_processed(row, processors) for row in rows]
    if not dialect.positional:
        named = [dict(zip(columns, row, strict=True)) for row in rows]
        connection.exec_driver_sql(compiled.string, named)
        return
    order = [columns.index(name) for name in compiled.positiontup or ()]
    if order != list(range(len(columns))):
        rows = [tuple(row[index] for index in order) for row in rows]
    connection.exec_driver_sql(compiled.string, rows)


def _processed(
    row: tuple[Any, ...], processors: Sequence[tuple[int, Callable[[Any], Any]]]
) -> tuple[Any, ...]:
    values = list(row)
    for index, processor in processors:
        if values[index] is not None:
            values[index] = processor(values[index])
    return tuple(values)
