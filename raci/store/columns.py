"""Reading model rows a column at a time through the database driver's own
cursor (sqlite3's or psycopg's), with no SQLAlchemy: the pieces that the
lean read (`raci.store.lean`, to lint) and the whole read
(`raci.store.reading`, to edit or export) share.

Rows are turned into columns so that most of the work is done by C-level
loops, and each id is interned: one string object however many rows name
it (the rules look ids up in many dicts, and a look-up that meets the very
object it holds skips comparing characters). Assignments are read as the
positions of their items and actors and their ids found by position
(`place_ids`): the same objects, without reading and interning 300,000
strings on a national model.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import closing
from itertools import groupby, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol, TypeVar

from raci.model import Org, Waiver
from raci.model.collector import collector_paused
from raci.store.layout import (
    BOOLEAN_COLUMNS,
    BUSY_TIMEOUT_SECONDS,
    DATE_COLUMNS,
    HEAD_VERSION,
    REFERENCE_COLUMNS,
    ListTable,
    not_recorded_facts,
    read_only_uri,
)


class Cursor(Protocol):
    """A DB-API cursor: sqlite3's or psycopg's."""

    def execute(self, sql: str, /) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...


Interning = Callable[[Any, Any], Any]
"""`same.setdefault`, called as ``same(id, id)``: the one object for an id."""
Columns = list[tuple[Any, ...]]
T = TypeVar("T")


def read_snapshot(path: Path, read: Callable[[Cursor], T]) -> T | None:
    """What `read` makes of the SQLite file at `path`, read in one snapshot
    with the standard `sqlite3` module; None when it is not a model of this
    raci's schema or cannot be read, for the store to open it (migrating an
    older one, or saying what is wrong)."""
    if not path.is_file():
        return None
    try:
        read_only = read_only_uri(path)
        with closing(sqlite3.connect(read_only or path, timeout=BUSY_TIMEOUT_SECONDS,
                                     isolation_level=None, uri=read_only is not None)
                     ) as database:
            cursor = database.cursor()
            cursor.execute("BEGIN")
            if cursor.execute("SELECT version_num FROM alembic_version").fetchall() != [
                    (HEAD_VERSION,)]:
                return None
            with collector_paused():
                return read(cursor)
    except sqlite3.Error:
        return None


def fetch_columns(cursor: Cursor, sql: str, width: int) -> Columns:
    """The values of each selected column, one tuple per column, in row order."""
    cursor.execute(sql)
    # The rows of one query are all as wide: checking it cost a sixth of the turn.
    return list(zip(*cursor.fetchall(), strict=False)) or [()] * width


def typed(column: str, values: tuple[Any, ...], same: Interning) -> tuple[Any, ...]:
    """A column of `entity` as the model holds it: ids interned, dates and
    booleans made so from SQLite's text and numbers (PostgreSQL's driver
    gives them typed already)."""
    if column == "id" or column in REFERENCE_COLUMNS:
        return tuple(map(same, values, values))
    if column in DATE_COLUMNS:
        # Each distinct date made once (a few thousand stand for tens of
        # thousands of rows), then looked up by C-level calls alone.
        dates = {value: read_date(value) for value in set(values)}
        return tuple(map(dates.__getitem__, values))
    if column in BOOLEAN_COLUMNS:
        return tuple(map(_BOOLEAN.__getitem__, values))
    return values


_BOOLEAN = {None: None, False: False, True: True}
"""A boolean column's value as the model holds it, from SQLite's 0 or 1 (or
PostgreSQL's own booleans, which hash as those do)."""


def read_date(value: str | dt.date | None) -> dt.date | None:
    """A date column's value: ISO text in SQLite, a date in PostgreSQL."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def place_ids(id_at: list[str], positions: Sequence[int], ids: Sequence[str]) -> None:
    """Put each id at its position in `id_at`, growing it as needed."""
    if positions:
        id_at.extend(repeat("", max(positions) + 1 - len(id_at)))
    for position, entity_id in zip(positions, ids, strict=True):
        id_at[position] = entity_id


def read_list(cursor: Cursor, lt: ListTable, same: Interning) -> dict[str, tuple[Any, ...]]:
    """Owner -> its values of one list field, in order (entity ids interned);
    owners with none are absent."""
    owners, values = fetch_columns(
        cursor, f"SELECT {lt.owner}, {lt.value} FROM {lt.table} "
                f"ORDER BY {lt.owner}, position", 2)
    if lt.names_entities:
        values = tuple(map(same, values, values))
    return {owner_id: tuple([item for _, item in run])
            for owner_id, run in groupby(zip(owners, values, strict=True), itemgetter(0))}


def read_revision(cursor: Cursor) -> int:
    """The database's write counter, inside the cursor's transaction."""
    cursor.execute("SELECT revision FROM meta")
    return int(cursor.fetchall()[0][0])


def read_org(cursor: Cursor) -> tuple[Org, int]:
    """The organisation and the version of its row."""
    cursor.execute("SELECT name, description, as_of, not_recorded, version FROM org")
    name, description, as_of, not_recorded, version = cursor.fetchall()[0]
    return Org(name, description, read_date(as_of), not_recorded_facts(not_recorded)), version


def read_waivers(cursor: Cursor) -> tuple[list[Waiver], dict[int, int]]:
    """The waivers in order, and the version of each by its place."""
    cursor.execute("SELECT waiver, target FROM waiver_target ORDER BY waiver, position")
    targets = {waiver: [target for _, target in run]
               for waiver, run in groupby(cursor.fetchall(), itemgetter(0))}
    cursor.execute("SELECT position, rule, reason, expires, author, version FROM waiver "
                   "ORDER BY position")
    waivers, versions = [], {}
    for position, rule, reason, expires, author, version in cursor.fetchall():
        waivers.append(Waiver(rule=rule, target=targets.get(position, []), reason=reason,
                              expires=read_date(expires), author=author))
        versions[position] = version
    return waivers, versions
