"""Reading a model lean (`raci.model.lean`), to lint it: plain SQL through
the database driver's own cursor, one query per kind, per list table and
per letter, and no SQLAlchemy.

`raci lint org.db` spends most of its time reading and the rest in the
rules, so this read is built to cost little more than reading the rows at
all: `read_lean_file` opens a SQLite file with the standard `sqlite3`
module (importing SQLAlchemy alone would take a third of the lint), and
`Store.load_lean` hands this module its own connection's cursor (SQLite or
PostgreSQL). Values are taken a column at a time, so most of the work is
done by C-level loops: rows are turned into columns and each id is
interned, one string object however many rows name it (the rules look ids
up in many dicts, and a look-up that meets the very object it holds skips
comparing characters). Assignments are read as the positions of their
items and actors and their ids found by position: the same objects,
without reading and interning 300,000 strings on a national model.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from raci.model import LETTERS, Letter, Org, Waiver
from raci.model.collector import collector_paused
from raci.model.lean import LEAN_KINDS, LeanEntity, LeanModel, LetterColumns
from raci.store.layout import (
    BOOLEAN_COLUMNS,
    BUSY_TIMEOUT_SECONDS,
    COLUMN_OF_FIELD,
    DATE_COLUMNS,
    HEAD_VERSION,
    LIST_FIELD_NAMES,
    LIST_TABLES,
    REFERENCE_COLUMNS,
    ListTable,
    not_recorded_facts,
)


class Cursor(Protocol):
    """A DB-API cursor: sqlite3's or psycopg's."""

    def execute(self, sql: str, /) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...


Interning = Callable[[Any, Any], Any]
"""`same.setdefault`, called as ``same(id, id)``: the one object for an id."""
Columns = list[tuple[Any, ...]]
T = TypeVar("T")


def read_lean_file(path: Path) -> LeanModel | None:
    """The lean model of the SQLite file at `path` (see `read_snapshot`)."""
    return read_snapshot(path, read_lean)


def read_snapshot(path: Path, read: Callable[[Cursor], T]) -> T | None:
    """What `read` makes of the SQLite file at `path`, read in one snapshot
    with the standard `sqlite3` module; None when it is not a model of this
    raci's schema or cannot be read, for the store to open it (migrating an
    older one, or saying what is wrong)."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS,
                                     isolation_level=None)) as database:
            cursor = database.cursor()
            cursor.execute("BEGIN")
            if cursor.execute("SELECT version_num FROM alembic_version").fetchall() != [
                    (HEAD_VERSION,)]:
                return None
            with collector_paused():
                return read(cursor)
    except sqlite3.Error:
        return None


def read_lean(cursor: Cursor) -> LeanModel:
    """The model as lean tuples, inside the cursor's transaction: no free
    text, no versions."""
    model = LeanModel(org=_read_org(cursor))
    same: dict[str | None, str | None] = {None: None}
    lists = {lt.field: _read_list(cursor, lt, same.setdefault)
             for lt in LIST_TABLES if lt.names_entities}
    with_criteria = frozenset(
        _fetch_columns(cursor, "SELECT DISTINCT initiative FROM success_criterion", 1)[0])
    id_at: list[str] = []  # position -> the id of the entity there ("" where none is)
    for kind, cls in LEAN_KINDS.items():
        fields = [name for name in cls._fields
                  if name not in LIST_FIELD_NAMES and name != "has_success_criteria"]
        columns = [COLUMN_OF_FIELD.get(name, name) for name in fields]
        positions, *values = _fetch_columns(
            cursor, f"SELECT position, {', '.join(columns)} FROM entity "
                    f"WHERE kind = '{kind}' ORDER BY position", len(columns) + 1)
        read = {name: _typed(column, found, same.setdefault)
                for name, column, found in zip(fields, columns, values, strict=True)}
        ids = read["id"]
        _place(id_at, positions, ids)
        for name in cls._fields:
            if name == "has_success_criteria":
                read[name] = tuple(map(with_criteria.__contains__, ids))
            elif name not in read:  # a list field
                read[name] = tuple(map(lists[name].get, ids, repeat(())))
        make = cast(Callable[[Iterable[Any]], LeanEntity], cls._make)
        tuples = map(make, zip(*(read[name] for name in cls._fields), strict=True))
        model.collection(kind).update(zip(ids, tuples, strict=True))
        model.kinds.update(dict.fromkeys(ids, kind))
    model.assignments = _read_letter_columns(cursor, id_at)
    model.waivers = _read_waivers(cursor)
    return model


def _fetch_columns(cursor: Cursor, sql: str, width: int) -> Columns:
    """The values of each selected column, one tuple per column, in row order."""
    cursor.execute(sql)
    return list(zip(*cursor.fetchall(), strict=True)) or [()] * width


def _typed(column: str, values: tuple[Any, ...], same: Interning) -> tuple[Any, ...]:
    """A column's values as the lean tuples hold them: ids interned, dates
    and booleans made so from SQLite's text and numbers."""
    if column == "id" or column in REFERENCE_COLUMNS:
        return tuple(map(same, values, values))
    if column in DATE_COLUMNS:
        return tuple(map(_date, values))
    if column in BOOLEAN_COLUMNS:
        return tuple(None if value is None else bool(value) for value in values)
    return values


def _date(value: str | dt.date | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _read_org(cursor: Cursor) -> Org:
    cursor.execute("SELECT name, description, as_of, not_recorded FROM org")
    name, description, as_of, not_recorded = cursor.fetchall()[0]
    return Org(name, description, _date(as_of), not_recorded_facts(not_recorded))


def _place(id_at: list[str], positions: Sequence[int], ids: Sequence[str]) -> None:
    """Put each id at its position in `id_at`, growing it as needed."""
    if positions:
        id_at.extend(repeat("", max(positions) + 1 - len(id_at)))
    for position, entity_id in zip(positions, ids, strict=True):
        id_at[position] = entity_id


def _read_list(cursor: Cursor, lt: ListTable, same: Interning) -> dict[str, tuple[str, ...]]:
    """Owner -> the entities it names in one list field, in order; owners with none are absent."""
    owners, values = _fetch_columns(
        cursor, f"SELECT {lt.owner}, {lt.value} FROM {lt.table} "
                f"ORDER BY {lt.owner}, position", 2)
    values = tuple(map(same, values, values))
    return {owner_id: tuple([item for _, item in run])
            for owner_id, run in groupby(zip(owners, values, strict=True), itemgetter(0))}


def _read_letter_columns(cursor: Cursor, id_at: list[str]) -> dict[Letter, LetterColumns]:
    """Each letter's assignments in model order, read as the positions of
    their items and actors (from the index `ix_assignment_letter` alone)."""
    by_letter = {}
    for letter in LETTERS:
        items, actors = _fetch_columns(
            cursor, "SELECT item_position, actor_position FROM assignment "
                    f"WHERE letter = '{letter}' ORDER BY position", 2)
        by_letter[letter] = LetterColumns(tuple(map(id_at.__getitem__, items)),
                                          tuple(map(id_at.__getitem__, actors)))
    return by_letter


def _read_waivers(cursor: Cursor) -> list[Waiver]:
    """The waivers in order."""
    cursor.execute("SELECT waiver, target FROM waiver_target ORDER BY waiver, position")
    targets = {waiver: [target for _, target in run]
               for waiver, run in groupby(cursor.fetchall(), itemgetter(0))}
    cursor.execute("SELECT position, rule, reason, expires, author FROM waiver ORDER BY position")
    return [Waiver(rule=rule, target=targets.get(position, []), reason=reason,
                   expires=_date(expires), author=author)
            for position, rule, reason, expires, author in cursor.fetchall()]
