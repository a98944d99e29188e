"""Reading a whole model, to edit or export it: plain SQL through the
database driver's own cursor (sqlite3's or psycopg's), one query per kind
and per table, and no SQLAlchemy (a lint reads leaner still:
`raci.store.lean`).

`Store.load` hands this module its connection's cursor. The app's first
load, `read_file`, opens a SQLite file with the standard `sqlite3` module
instead: the app shows the model and its findings before SQLAlchemy (a
tenth of a second to import) is needed, for the first save.

Rows are read a column at a time and ids interned, as the lean read does
(`raci.store.columns`, which both share); each entity's fields are set a
column at a time through its class's slots (calling each class with
keywords took a third of the read of a national model).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, fields
from itertools import repeat
from pathlib import Path
from typing import Any

from raci.model import KINDS, Assignment, Entity, Model
from raci.store.columns import (
    Cursor,
    Interning,
    fetch_columns,
    place_ids,
    read_list,
    read_org,
    read_revision,
    read_snapshot,
    read_waivers,
    typed,
)
from raci.store.layout import COLUMN_OF_FIELD, LIST_FIELD_NAMES, LIST_TABLES
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
    revision = read_revision(cursor)
    org, org_version = read_org(cursor)
    model = Model(org=org)
    versions = RememberedVersions(org=org_version)
    same: dict[str | None, str | None] = {None: None}
    lists = {lt.field: read_list(cursor, lt, same.setdefault) for lt in LIST_TABLES}
    id_at: list[str] = []  # position -> the id of the entity there ("" where none is)
    for kind, (_, cls) in KINDS.items():
        row_versions, positions, read = _read_kind(cursor, kind, cls, same.setdefault)
        ids = read["id"]
        place_ids(id_at, positions, ids)
        for name in LIST_FIELD_NAMES.intersection(read):
            read[name] = tuple(map(list, map(lists[name].get, ids, repeat(()))))
        model.collection(kind).update(zip(ids, _made(cls, len(ids), read), strict=True))
        versions.entities.update(zip(ids, row_versions, strict=True))
    items, letters, actors, row_versions = fetch_columns(
        cursor, "SELECT item_position, letter, actor_position, version FROM assignment "
                "ORDER BY position", 4)
    items, actors = tuple(map(id_at.__getitem__, items)), tuple(map(id_at.__getitem__, actors))
    # tuple.__new__ makes each one in C; the named tuple's own __new__ is Python.
    model.assignments.extend(map(tuple.__new__, repeat(Assignment),
                                 zip(items, letters, actors, strict=True)))
    versions.loaded_assignments = zip(zip(items, actors, strict=True), row_versions, strict=True)
    model.waivers, versions.waivers = read_waivers(cursor)
    model.changed()
    return Loaded(model, versions, revision)


def _read_kind(cursor: Cursor, kind: str, cls: type[Entity], same: Interning
               ) -> tuple[tuple[int, ...], tuple[int, ...], dict[str, tuple[Any, ...]]]:
    """One kind's rows in model order: their versions, their positions, and
    field -> its column of values (list fields with empty columns, to fill)."""
    names = [f.name for f in fields(cls)]
    scalar = [name for name in names if name not in LIST_FIELD_NAMES]
    columns = [COLUMN_OF_FIELD.get(name, name) for name in scalar]
    row_versions, positions, *values = fetch_columns(
        cursor, f"SELECT version, position, {', '.join(columns)} FROM entity "
                f"WHERE kind = '{kind}' ORDER BY position", len(columns) + 2)
    read = dict.fromkeys(names, ())
    read.update((name, typed(column, found, same))
                for name, column, found in zip(scalar, columns, values, strict=True))
    return row_versions, positions, read


def _made(cls: type[Entity], count: int, read: dict[str, tuple[Any, ...]]) -> list[Entity]:
    """`count` entities of `cls`, each field set from its column through the
    class's slot: every field of the class is in `read`, so none is left unset."""
    made = list(map(object.__new__, repeat(cls, count)))
    for name, values in read.items():
        deque(map(getattr(cls, name).__set__, made, values), maxlen=0)
    return made
