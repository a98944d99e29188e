"""What a SQLite file holds, looked at through a read-only connection of its
own (raci's connections switch a file to WAL mode, which would change it),
with the standard `sqlite3` module alone.

The file is never opened with Python's own `open()`: SQLite's locks are the
process's POSIX locks, and closing *any* descriptor of a file drops every
one of them (sqlite.org/howtocorrupt.html, 2.2). This process may hold the
model open (the app does while its Scenarios list opens a store of its
own); another process would then delete the WAL under it, and edits be
lost. SQLite's own connections share the locks of every connection of the
process to the file, and keep them.
"""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

from raci.errors import UsageError
from raci.i18n import _
from raci.store.layout import MODEL_TABLE

SMALLEST_DATABASE = 512
"""Bytes in the smallest SQLite database that is not empty: one page of the
smallest page size (sqlite.org/fileformat.html). SQLite itself takes a
one-byte file for an empty database."""


class NotSqliteFile(Exception):
    """The file is there, and it is not a SQLite database."""


def sqlite_tables(path: Path, *, untouched: bool = False) -> list[str] | None:
    """The tables of the SQLite file at `path` (none in an empty file); None
    when SQLite cannot read it otherwise (raci's own connection says why).
    Raises `NotSqliteFile` for a file that is not a SQLite database.
    `untouched` reads the file alone, as though nothing could change it: no
    lock, and no ``-wal`` or ``-shm`` made beside a database in WAL mode (a
    read-only connection makes them and cannot remove them), but tables still
    only in the write-ahead log go unseen."""
    status = path.stat()
    if stat.S_ISREG(status.st_mode) and 0 < status.st_size < SMALLEST_DATABASE:
        raise NotSqliteFile(path)
    reading = "immutable=1" if untouched else "mode=ro"
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?{reading}", uri=True)) as file:
            return [name for (name,) in file.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError as error:
        if error.sqlite_errorcode == sqlite3.SQLITE_NOTADB:
            raise NotSqliteFile(path) from None
        return None


def holds_no_model(path: Path) -> bool:
    """Whether `path` is a SQLite database without a raci model in it
    (another program's, or an empty one)."""
    try:
        tables = sqlite_tables(path)
    except NotSqliteFile:
        return False
    return tables is not None and MODEL_TABLE not in tables


def refuse_database(path: Path) -> None:
    """Refuse to write a file over a SQLite database, before any work: a
    command's output there (`-o m.db`, or a link to it) would lose the model
    it may just have read. Told by content, through any links: a new
    ``lint.db`` or an empty file loses nothing."""
    if is_sqlite_database(path):
        raise UsageError(_("{file} is a SQLite database: writing there would lose it; name "
                           "another file").format(file=path))


def is_sqlite_database(path: Path) -> bool:
    """Whether `path` names a file with something in it that SQLite takes for
    a database; also one it cannot read to tell (not readable), which may be
    one. Read alone (`untouched`), a database another process has locked is
    read all the same."""
    try:
        status = path.stat()
    except OSError:  # nothing there yet, or a link to nothing
        return False
    if not stat.S_ISREG(status.st_mode) or status.st_size == 0:
        return False
    try:
        sqlite_tables(path, untouched=True)  # whatever its tables, it is a database
    except NotSqliteFile:
        return False
    return True
