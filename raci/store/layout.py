"""The model database's layout in names alone: the schema version this raci
writes, the column of each entity field, the table of each list field, how
long a reader waits for a writer, and how to open a file this user may not
write (`read_only_uri`).

Kept apart from the SQLAlchemy tables (`raci.store.tables`, which are built
on these names) so that the lean read (`raci.store.lean`), plain SQL through
the driver, imports no SQLAlchemy; a test holds the kinds of column listed
here to the tables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_SECONDS = 5
"""How long a SQLite connection waits for another process's write."""

MODEL_TABLE = "meta"
"""The table every raci model database has (the org's one row): a SQLite
file without it holds no raci model."""
HEAD_VERSION = "0006"
"""The schema this raci writes: the newest migration's revision. Known
without Alembic, which is imported only to create or migrate a database (a
read-only command would spend a tenth of a second importing it and reading
every migration); a test holds it to Alembic's own head."""


@dataclass(frozen=True)
class ListTable:
    """A list field of an entity and the table that holds it, one row per value."""

    field: str
    table: str
    owner: str
    value: str
    names_entities: bool


LIST_TABLES = (
    ListTable("tags", "tag", "entity", "tag", names_entities=False),
    ListTable("holders", "holder", "role", "person", names_entities=True),
    ListTable("members", "membership", "body", "member", names_entities=True),
    ListTable("goals", "contribution", "initiative", "goal", names_entities=True),
    ListTable("depends_on", "dependency", "initiative", "depends_on", names_entities=True),
    ListTable("about", "decision_about", "decision", "about", names_entities=True),
    ListTable("success_criteria", "success_criterion", "initiative", "criterion",
              names_entities=False),
)
LIST_FIELD_NAMES = frozenset(lt.field for lt in LIST_TABLES)

COLUMN_OF_FIELD = {
    "kind": "body_kind", "type": "kpi_type", "start": "start_date", "end": "end_date"
}
"""Fields whose column has another name: `kind` is the entity's kind, and
`start`/`end` are SQL keywords."""

REFERENCE_COLUMNS = ("parent", "unit", "reports_to", "chair", "measures")
"""Columns of `entity` that name another entity."""
DATE_COLUMNS = frozenset({"sunset", "established", "due", "start_date", "end_date"})
"""Columns of `entity` that hold a date (SQLite keeps it as ISO text)."""
BOOLEAN_COLUMNS = frozenset({"external", "temporary", "has_raci"})
"""Columns of `entity` that hold a boolean (SQLite keeps it as 0 or 1)."""


def not_recorded_facts(column: str | None) -> list[str]:
    """`org.not_recorded` from its column: the facts, comma-separated."""
    return column.split(",") if column else []


def read_only_uri(path: Path) -> str | None:
    """How to open the SQLite file at `path` when this user may not write it
    (a file or folder on read-only storage, a file without write permission),
    so that it can still be read; None when it may be written, or is not
    there.

    A WAL database needs its ``-shm`` file beside it even to be read: where
    the folder cannot take one and there is no ``-wal`` file either, the
    file is opened as one that nothing changes (``immutable=1``); plain
    ``mode=ro`` would fail there. Where a ``-wal`` file is beside it, another
    user may hold the database open with commits still in that file: plain
    ``mode=ro`` reads them, ``immutable=1`` would not. A reader opened
    immutable also sees no write made after it opened the file."""
    if not path.is_file() or (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return None
    wal = path.with_name(f"{path.name}-wal")
    immutable = not os.access(path.parent, os.W_OK) and not wal.exists()
    return f"{path.resolve().as_uri()}?mode=ro" + ("&immutable=1" if immutable else "")
