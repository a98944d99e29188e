"""What a SQLite file holds, looked at through a read-only connection of its
own (raci's connections switch a file to WAL mode, which would change it),
with the standard `sqlite3` module alone."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from raci.store.layout import MODEL_TABLE

SQLITE_HEADER = b"SQLite format 3\x00"
"""How every SQLite database file begins (sqlite.org/fileformat.html)."""


def is_sqlite_file(path: Path) -> bool:
    """Whether the file at `path` is a SQLite database: it begins with
    `SQLITE_HEADER`, or is empty (SQLite makes an empty file a database)."""
    with path.open("rb") as file:
        return file.read(len(SQLITE_HEADER)) in (b"", SQLITE_HEADER)


def sqlite_tables(path: Path) -> list[str] | None:
    """The tables of the SQLite file at `path`; None when it is not a SQLite database."""
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as file:
            return [name for (name,) in file.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")]
    except sqlite3.DatabaseError:
        return None


def holds_no_model(path: Path) -> bool:
    """Whether `path` is a SQLite database without a raci model in it
    (another program's, or an empty one)."""
    tables = sqlite_tables(path)
    return tables is not None and MODEL_TABLE not in tables
