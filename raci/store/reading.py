"""Reading a whole model, to edit or export it: plain SQL through the
database driver's own cursor (sqlite3's or psycopg's), one query per kind
and per table, and no SQLAlchemy (a lint reads leaner still:
`raci.store.lean`).

`Store.load` hands this module its connection's cursor. The app's first
load, `read_file`, opens a SQLite file with the standard `sqlite3` module
instead: the app shows the model and its findings before SQLAlchemy (a
tenth of a second to import) is needed, for the first save.

Values are taken a column at a time, so most of the work is done by C-level
loops: rows are turned into columns, ids interned, and each entity's fields
set a column at a time through its class's slots (calling each class with
keywords took a third of the read of a national model). Each id becomes one
string object however many rows name it: the rules look ids up in many
dicts, and a look-up that meets the very object it holds skips comparing
characters. Assignments are read as the positions of their items and
actors and their ids found by position, as the lean read does.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from raci.model import KINDS, Assignment, Entity, Model, Org, Waiver
from raci.store.layout import (
    BOOLEAN_COLUMNS,
    COLUMN_OF_FIELD,
    DATE_COLUMNS,
    LIST_FIELD_NAMES,
    LIST_TABLES,
    REFERENCE_COLUMNS,
    ListTable,
    not_recorded_facts,
)
from raci.store.lean import Columns, Cursor, Interning, read_snapshot
from raci.store.versions import RememberedVersions


@dataclass
class Loaded:
    """A model as read from one snapshot of its database, with what a store
    needs to save into it: the version of each row and the revision then."""

    model: Model
    versions: RememberedVersions
    revision: int


def read_file(path: Path) -> Loaded | None:
    """The model in the SQLite file at `path`, read with the standard `sqlite3`
    module; None when it is not a model of this raci's schema or cannot be
    read, for the store to open it (migrating an older one, or saying what is
    wrong)."""
    return read_snapshot(path, read_model)


def read_model(cursor: Cursor) -> Loaded:
    """The model, the versions of its rows and the revision, inside the
    cursor's transaction."""
    cursor.execute("SELECT revision FROM meta")
    revision = int(cursor.fetchall()[0][0])
    org, org_version = _read_org(cursor)
    model = Model(org=org)
    versions = RememberedVersions(org=org_version)
    same: dict[str | None, str | None] = {None: None}
    lists = {lt.field: _read_list(cursor, lt, same.setdefault) for lt in LIST_TABLES}
    id_at: list[str] = []  # position -> the id of the entity there ("" where none is)
    for kind, (_, cls) in KINDS.items():
        row_versions, positions, read = _read_kind(cursor, kind, cls, same.setdefault)
        ids = read["id"]
        _place(id_at, positions, ids)
        for name in LIST_FIELD_NAMES.intersection(read):
            read[name] = tuple(map(list, map(lists[name].get, ids, repeat(()))))
        model.collection(kind).update(zip(ids, _made(cls, len(ids), read), strict=True))
        versions.entities.update(zip(ids, row_versions, strict=True))
    items, letters, actors, row_versions = _fetch_columns(
        cursor, "SELECT item_position, letter, actor_position, version FROM assignment "
                "ORDER BY position", 4)
    items, actors = tuple(map(id_at.__getitem__, items)), tuple(map(id_at.__getitem__, actors))
    # tuple.__new__ makes each one in C; the named tuple's own __new__ is Python.
    model.assignments.extend(map(tuple.__new__, repeat(Assignment),
                                 zip(items, letters, actors, strict=True)))
    versions.loaded_assignments = zip(zip(items, actors, strict=True), row_versions, strict=True)
    model.waivers, versions.waivers = _read_waivers(cursor)
    model.changed()
    return Loaded(model, versions, revision)


def _read_kind(cursor: Cursor, kind: str, cls: type[Entity], same: Interning
               ) -> tuple[tuple[int, ...], tuple[int, ...], dict[str, tuple[Any, ...]]]:
    """One kind's rows in model order: their versions, their positions, and
    field -> its column of values (list fields with empty columns, to fill)."""
    names = [f.name for f in fields(cls)]
    scalar = [name for name in names if name not in LIST_FIELD_NAMES]
    columns = [COLUMN_OF_FIELD.get(name, name) for name in scalar]
    row_versions, positions, *values = _fetch_columns(
        cursor, f"SELECT version, position, {', '.join(columns)} FROM entity "
                f"WHERE kind = '{kind}' ORDER BY position", len(columns) + 2)
    read = dict.fromkeys(names, ())
    read.update((name, _typed(column, found, same))
                for name, column, found in zip(scalar, columns, values, strict=True))
    return row_versions, positions, read


def _made(cls: type[Entity], count: int, read: dict[str, tuple[Any, ...]]) -> list[Entity]:
    """`count` entities of `cls`, each field set from its column through the
    class's slot: every field of the class is in `read`, so none is left unset."""
    made = list(map(object.__new__, repeat(cls, count)))
    for name, values in read.items():
        deque(map(getattr(cls, name).__set__, made, values), maxlen=0)
    return made


def _fetch_columns(cursor: Cursor, sql: str, width: int) -> Columns:
    """The values of each selected column, one tuple per column, in row order."""
    cursor.execute(sql)
    return list(zip(*cursor.fetchall(), strict=True)) or [()] * width


def _typed(column: str, values: tuple[Any, ...], same: Interning) -> tuple[Any, ...]:
    """A column's values as the entities hold them: ids interned, dates and
    booleans made so from SQLite's text and numbers (PostgreSQL's driver
    gives them typed already)."""
    if column == "id" or column in REFERENCE_COLUMNS:
        return tuple(map(same, values, values))
    if column in DATE_COLUMNS:
        return tuple(map(_date, values))
    if column in BOOLEAN_COLUMNS:
        return tuple(None if value is None else bool(value) for value in values)
    return values


def _date(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _read_org(cursor: Cursor) -> tuple[Org, int]:
    cursor.execute("SELECT name, description, as_of, not_recorded, version FROM org")
    name, description, as_of, not_recorded, version = cursor.fetchall()[0]
    return Org(name, description, _date(as_of), not_recorded_facts(not_recorded)), version


def _place(id_at: list[str], positions: Sequence[int], ids: Sequence[str]) -> None:
    """Put each id at its position in `id_at`, growing it as needed."""
    if positions:
        id_at.extend(repeat("", max(positions) + 1 - len(id_at)))
    for position, entity_id in zip(positions, ids, strict=True):
        id_at[position] = entity_id


def _read_list(cursor: Cursor, lt: ListTable, same: Interning) -> dict[str, tuple[Any, ...]]:
    """Owner -> its values of one list field, in order; owners with none are absent."""
    owners, values = _fetch_columns(
        cursor, f"SELECT {lt.owner}, {lt.value} FROM {lt.table} "
                f"ORDER BY {lt.owner}, position", 2)
    if lt.names_entities:
        values = tuple(map(same, values, values))
    return {owner_id: tuple([item for _, item in run])
            for owner_id, run in groupby(zip(owners, values, strict=True), itemgetter(0))}


def _read_waivers(cursor: Cursor) -> tuple[list[Waiver], dict[int, int]]:
    """The waivers in order, and the version of each by its place."""
    cursor.execute("SELECT waiver, target FROM waiver_target ORDER BY waiver, position")
    targets = {waiver: [target for _, target in run]
               for waiver, run in groupby(cursor.fetchall(), itemgetter(0))}
    cursor.execute("SELECT position, rule, reason, expires, author, version FROM waiver "
                   "ORDER BY position")
    waivers, versions = [], {}
    for position, rule, reason, expires, author, version in cursor.fetchall():
        waivers.append(Waiver(rule=rule, target=targets.get(position, []), reason=reason,
                              expires=_date(expires), author=author))
        versions[position] = version
    return waivers, versions
