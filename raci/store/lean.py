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

A large SQLite file is read on two cores (`read_lean_file`, Linux only): a
helper forked before this process opens the file opens it itself, reads
the list tables that name entities and the assignments' positions, and
hands them back (`HelperPart`, through `raci.forking`), while this process
reads the entities and makes those of the kinds with no list field; the
rest is made here, so the model is the same either way. The helper's ids are its own objects (one
per id), not interned here again: that cost more than loading them. The
helper's snapshot must be this process's: both read the database's write
counter, which every save raises, and where they differ (a save came
between) or the helper failed or could not be started, this process reads
its part itself. The fork comes before this process's connection to the
file is opened: SQLite keeps its locks on a file in the process's memory,
and a child forked with a connection open would take the parent's locks
for its own and could read with none (SQLite's "How To Corrupt", 2.6).
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from raci.forking import forked, handed_back
from raci.model import LETTERS, Letter
from raci.model.lean import LEAN_KINDS, LeanModel, LetterColumns
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

READ_APART_FROM = 13_000_000
"""The bytes a file must hold for a helper to read part of it: a generated
model of 20,000 entities (`raci.lint.split.SPLIT_FROM`) holds about as
many (generated ministry: 6.3 MB for about 7,900 entities, 800 bytes each;
national: 38 MB for about 80,000, 480 each; between them, about 650); below,
forking costs more than it saves. The size, not a count of the entities,
since the helper is forked before the file is opened."""

Lists = dict[str, dict[str, tuple[str, ...]]]
"""A list field -> owner -> the ids it holds, in order."""
Fields = dict[str, tuple[Any, ...]]
"""One kind's fields, by name: the value of each of its entities, in order."""


@dataclass
class HelperPart:
    """What the helper reads, in a snapshot of `revision`: the list tables
    that name entities, and the positions of the items and actors of each
    letter's assignments."""

    revision: int
    lists: Lists
    letters: dict[Letter, tuple[array[int], array[int]]]


def read_lean_file(path: Path) -> LeanModel | None:
    """The lean model of the SQLite file at `path` (see `read_snapshot`), a
    large one read on two cores where forking is sound (Linux: see
    `raci.lint.split`)."""
    with _helper(path) as helper:
        return read_snapshot(path, lambda cursor: read_lean(cursor, helper))


def read_lean(cursor: Cursor, helper: int | None = None) -> LeanModel:
    """The model as lean tuples, inside the cursor's transaction: no free
    text, no versions. `helper`: the pipe of a helper reading its part of
    the same file at the same time (`_helper`)."""
    model = LeanModel(org=read_org(cursor)[0])
    same: dict[str | None, str | None] = {None: None}
    fields = {kind: _fields(cursor, kind, same.setdefault) for kind in LEAN_KINDS}
    id_at: list[str] = []  # position -> the id of the entity there ("" where none is)
    for read in fields.values():
        place_ids(id_at, read.pop("position"), read["id"])
    # The kinds with no list field are made while the helper still reads.
    waiting = [kind for kind, read in fields.items()
               if LEAN_KINDS[kind]._fields - read.keys()]
    for kind, read in fields.items():
        if kind not in waiting:
            _put(model, kind, read)
    model.waivers = read_waivers(cursor)[0]
    with_criteria = frozenset(
        fetch_columns(cursor, "SELECT DISTINCT initiative FROM success_criterion", 1)[0])
    part = _part_handed_back(helper, read_revision(cursor)) if helper is not None else None
    if part is None:
        part = _part(cursor, same.setdefault)
    for kind in waiting:
        read = fields[kind]
        ids = read["id"]
        for name in LEAN_KINDS[kind]._fields - read.keys():
            read[name] = (tuple(map(with_criteria.__contains__, ids))
                          if name == "has_success_criteria"
                          else tuple(map(part.lists[name].get, ids, repeat(()))))
        _put(model, kind, read)
    for kind, read in fields.items():
        model.kinds.update(zip(read["id"], repeat(kind)))
    model.assignments = {letter: LetterColumns(tuple(map(id_at.__getitem__, items)),
                                               tuple(map(id_at.__getitem__, actors)))
                         for letter, (items, actors) in part.letters.items()}
    return model


def _fields(cursor: Cursor, kind: str, same: Interning) -> Fields:
    """The positions of one kind's entities and the fields `entity` holds
    of them, typed as the model holds them."""
    names = [name for name in LEAN_KINDS[kind]._fields
             if name not in LIST_FIELD_NAMES and name != "has_success_criteria"]
    columns = [COLUMN_OF_FIELD.get(name, name) for name in names]
    positions, *values = fetch_columns(
        cursor, f"SELECT position, {', '.join(columns)} FROM entity "
                f"WHERE kind = '{kind}' ORDER BY position", len(columns) + 1)
    read = {name: typed(column, found, same)
            for name, column, found in zip(names, columns, values, strict=True)}
    return {"position": positions, **read}


def _put(model: LeanModel, kind: str, read: Fields) -> None:
    """Put the entities of one kind, every field read, in the model."""
    cls = LEAN_KINDS[kind]
    # tuple.__new__ makes each one in C; the named tuple's own _make is Python.
    rows = zip(*(read[name] for name in cls._fields), strict=True)
    model.collection(kind).update(zip(read["id"], map(tuple.__new__, repeat(cls), rows),
                                      strict=True))


def _part(cursor: Cursor, same: Interning) -> HelperPart:
    """The helper's part (`HelperPart`): read by the helper, or by this
    process where the helper could not hand it back."""
    lists = {lt.field: read_list(cursor, lt, same) for lt in LIST_TABLES if lt.names_entities}
    return HelperPart(read_revision(cursor), lists, dict(_letter_positions(cursor)))


_ITEM, _ACTOR = itemgetter(0), itemgetter(1)
"""An assignment row's item and actor positions."""


def _letter_positions(cursor: Cursor) -> Iterator[tuple[Letter, tuple[array[int], array[int]]]]:
    """Each letter's assignments in model order, as the positions of their
    items and actors (read from the index `ix_assignment_letter` alone; each
    id is found from its position, with no string read)."""
    for letter in LETTERS:
        cursor.execute("SELECT item_position, actor_position FROM assignment "
                       f"WHERE letter = '{letter}' ORDER BY position")
        rows = cursor.fetchall()
        yield letter, (array("q", map(_ITEM, rows)), array("q", map(_ACTOR, rows)))


# ---- the helper ----------------------------------------------------------------


@contextmanager
def _helper(path: Path) -> Iterator[int | None]:
    """A forked helper reading its part of `path`, where the file is large
    enough and forking sound: the pipe it hands its part back through (None:
    no helper, also where the system cannot start one now). Forked before
    this process opens the file (see the module); ended and waited for when
    the block ends, so that a read that fails or is interrupted does not
    wait for it."""
    with forked(partial(_read_by_helper, path)) if _reads_apart(path) else nullcontext() \
            as reading:
        yield reading


def _reads_apart(path: Path) -> bool:
    """Whether a helper is to read part of the file (see `READ_APART_FROM`)."""
    if sys.platform != "linux":
        return False
    try:
        return path.stat().st_size >= READ_APART_FROM
    except OSError:  # the read says what is wrong
        return False


_part_in_helper = _part
"""How the helper reads its part (a test makes it fail)."""


def _read_by_helper(path: Path) -> HelperPart | None:
    """In the helper: its part, read in a snapshot of its own (None: the
    file could not be read)."""
    return read_snapshot(path, lambda cursor: _part_in_helper(cursor, {None: None}.setdefault))


def _part_handed_back(reading: int, revision: int) -> HelperPart | None:
    """The helper's part (`handed_back`); None if it failed, read nothing,
    or read another snapshot than `revision`."""
    part: HelperPart | None = handed_back(reading)
    return part if part is not None and part.revision == revision else None
