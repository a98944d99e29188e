"""What a model database costs to read at all: every row of every table,
with the standard sqlite3 module and nothing else (the floor for `raci lint`,
docs/contributing.md#benchmarks). Imported by `benchmarks/run.py`, and run as a process of its own
beside a whole `raci lint`:

    .venv/bin/python benchmarks/plain_read.py org.db
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path


def read_every_row(database: Path) -> int:
    """Read every row of every table; how many there were."""
    with closing(sqlite3.connect(database)) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        return sum(len(connection.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)


if __name__ == "__main__":
    print(read_every_row(Path(sys.argv[1])))
