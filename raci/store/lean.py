"""Reading a model lean (`raci.model.lean`), to lint it: plain SQL through
the database driver's own cursor, one query per kind, per list table and
per letter, and no SQLAlchemy.

`raci lint org.db` spends most of its time reading and the rest in the
rules, so this read is built to cost little more than reading the rows at
all: `read_lean_file` opens a SQLite file with the standard `sqlite3`
module (importing SQLAlchemy alone would take a third of the lint), and
`Store.load_lean` hands this module its own connection's cursor (SQLite or
PostgreSQL). Rows are read a column at a time and ids interned, as the
whole read does (`raci.store.columns`, which both share).
"""

from __future__ import annotations

from itertools import repeat
from operator import itemgetter
from pathlib import Path

from raci.model import LETTERS, Letter
from raci.model.lean import LEAN_KINDS, LeanModel, LetterColumns
from raci.store.columns import (
    Cursor,
    fetch_columns,
    place_ids,
    read_list,
    read_org,
    read_snapshot,
    read_waivers,
    typed,
)
from raci.store.layout import COLUMN_OF_FIELD, LIST_FIELD_NAMES, LIST_TABLES


def read_lean_file(path: Path) -> LeanModel | None:
    """The lean model of the SQLite file at `path` (see `read_snapshot`)."""
    return read_snapshot(path, read_lean)


def read_lean(cursor: Cursor) -> LeanModel:
    """The model as lean tuples, inside the cursor's transaction: no free
    text, no versions."""
    model = LeanModel(org=read_org(cursor)[0])
    same: dict[str | None, str | None] = {None: None}
    lists = {lt.field: read_list(cursor, lt, same.setdefault)
             for lt in LIST_TABLES if lt.names_entities}
    with_criteria = frozenset(
        fetch_columns(cursor, "SELECT DISTINCT initiative FROM success_criterion", 1)[0])
    id_at: list[str] = []  # position -> the id of the entity there ("" where none is)
    for kind, cls in LEAN_KINDS.items():
        fields = [name for name in cls._fields
                  if name not in LIST_FIELD_NAMES and name != "has_success_criteria"]
        columns = [COLUMN_OF_FIELD.get(name, name) for name in fields]
        positions, *values = fetch_columns(
            cursor, f"SELECT position, {', '.join(columns)} FROM entity "
                    f"WHERE kind = '{kind}' ORDER BY position", len(columns) + 1)
        read = {name: typed(column, found, same.setdefault)
                for name, column, found in zip(fields, columns, values, strict=True)}
        ids = read["id"]
        place_ids(id_at, positions, ids)
        for name in cls._fields:
            if name == "has_success_criteria":
                read[name] = tuple(map(with_criteria.__contains__, ids))
            elif name not in read:  # a list field
                read[name] = tuple(map(lists[name].get, ids, repeat(())))
        # tuple.__new__ makes each one in C; the named tuple's own _make is Python.
        rows = zip(*(read[name] for name in cls._fields), strict=True)
        model.collection(kind).update(zip(ids, map(tuple.__new__, repeat(cls), rows), strict=True))
        model.kinds.update(zip(ids, repeat(kind)))
    model.assignments = _read_letter_columns(cursor, id_at)
    model.waivers = read_waivers(cursor)[0]
    return model


_ITEM, _ACTOR = itemgetter(0), itemgetter(1)
"""An assignment row's item and actor positions."""


def _read_letter_columns(cursor: Cursor, id_at: list[str]) -> dict[Letter, LetterColumns]:
    """Each letter's assignments in model order, read as the positions of
    their items and actors (from the index `ix_assignment_letter` alone)."""
    by_letter = {}
    for letter in LETTERS:
        cursor.execute("SELECT item_position, actor_position FROM assignment "
                       f"WHERE letter = '{letter}' ORDER BY position")
        rows = cursor.fetchall()
        # Each id found from its row's position, with no column of positions
        # made first (fetch_columns): an eighth less for 120,000 assignments.
        by_letter[letter] = LetterColumns(tuple(map(id_at.__getitem__, map(_ITEM, rows))),
                                          tuple(map(id_at.__getitem__, map(_ACTOR, rows))))
    return by_letter

