"""Entities to rows and back: which column holds which field, which table each list.

Derived from the dataclasses' own fields, so every field of every kind is
stored; a field with no column fails loudly at import (see `_columns_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields
from itertools import count, repeat
from operator import attrgetter, itemgetter
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


def _row_maker(cls: type[Any]) -> Callable[[Entity, str, int, int], tuple[Any, ...]]:
    """`entity_row` for one kind: the entity's fields read by one `attrgetter`
    and put in column order by one `itemgetter`, both C-level calls, with
    kind, position and version after the fields and None for every other
    column (a national model's 80,000 rows took a Python loop each)."""
    pairs = _columns_of(cls, (f.name for f in fields(cls)))
    read_fields = attrgetter(*(name for name, _ in pairs))
    given = [column for _, column in pairs] + ["kind", "position", "version"]
    empty = len(given)  # the None put after them
    in_column_order = itemgetter(*(given.index(column) if column in given else empty
                                   for column in ENTITY_COLUMNS))

    def row(entity: Entity, kind: str, position: int, version: int) -> tuple[Any, ...]:
        return in_column_order((*read_fields(entity), kind, position, version, None))

    return row


_ROW_MAKERS = {kind: _row_maker(cls) for kind, (_, cls) in KINDS.items()}
LIST_FIELDS_OF_KIND = {
    kind: tuple(lf for lf in LIST_FIELDS if lf.field in {f.name for f in fields(cls)})
    for kind, (_, cls) in KINDS.items()
}

Rows = list[tuple[Any, ...]]
"""Rows of one table, each a tuple of all its columns in table order."""


def entity_row(entity: Entity, kind: str, position: int, version: int) -> tuple[Any, ...]:
    return _ROW_MAKERS[kind](entity, kind, position, version)


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


def assignment_rows(assignments: Sequence[Assignment], positions: Mapping[str, int],
                    version: int) -> Rows:
    """The rows of the assignments, given each entity's place in the model."""
    if not assignments:
        return []
    # Column by column, in C-level calls: 150,000 rows on a national model.
    items, letters, actors = zip(*assignments, strict=True)
    place = positions.__getitem__
    return list(zip(items, actors, letters, count(), repeat(version), map(place, items),
                    map(place, actors)))


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
        rows = _processed(rows, processors)
    if not dialect.positional:
        named = [dict(zip(columns, row, strict=True)) for row in rows]
        connection.exec_driver_sql(compiled.string, named)
        return
    order = [columns.index(name) for name in compiled.positiontup or ()]
    if order != list(range(len(columns))):
        rows = [tuple(row[index] for index in order) for row in rows]
    connection.exec_driver_sql(compiled.string, rows)


def _processed(rows: Rows, processors: Sequence[tuple[int, Callable[[Any], Any]]]) -> Rows:
    """The rows with each processed column's values converted, None left as
    it is; column by column, as most of these columns (dates, flags of one
    kind) are empty in most rows."""
    columns = list(zip(*rows, strict=True))
    for index, processor in processors:
        columns[index] = tuple([value if value is None else processor(value)
                                for value in columns[index]])
    return list(zip(*columns, strict=True))
