"""The model database: SQLAlchemy Core tables on SQLite or PostgreSQL, Alembic
migrations, and the `Store` that loads a whole model and saves edits.

The only package of raci that imports SQLAlchemy and Alembic, and only when
`open_store` or `Store` is first asked for: `raci lint org.db` reads the
file lean with the standard `sqlite3` module (`raci.store.lean`), and
importing SQLAlchemy would take a third of its time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from raci.model import Model
    from raci.store.repository import Store


def open_store(url: str, *, create: bool = False, name: str | None = None,
               model: Model | None = None) -> Store:
    """Open the model database at `url` (``sqlite:///…`` or ``postgresql://…``).

    ``create=True`` makes a model named `name` (default: the file's stem),
    empty or holding `model`, in one transaction, and refuses if a model is
    already there. Otherwise a missing model is a `StoreError`, and an older
    schema is migrated, after a backup copy for SQLite (see `Store.backup`),
    which is named on stderr.
    """
    from functools import partial

    from raci.store.engine import database_errors, database_url, describe, make_engine
    from raci.store.repository import Store
    from raci.store.schema import create_model, open_existing

    parsed = database_url(url)
    engine = make_engine(parsed)
    store = Store(engine, parsed, backup=None)
    try:
        with database_errors(describe(parsed)):
            if create:
                fill = None if model is None else partial(store.write_first, model)
                create_model(engine, parsed, name, fill=fill)
            else:
                store.backup = open_existing(engine, parsed)
    except BaseException:
        engine.dispose()
        raise
    store.opened_file()
    if store.backup is not None:
        _tell_upgraded(describe(parsed), store.backup)
    return store


def _tell_upgraded(database: str, backup: Path) -> None:
    """Say on stderr, once, that a database made by an older raci was
    upgraded, and where the copy as it was lies: an older raci still reads
    only that copy, and a user who goes back needs to know it is there."""
    import sys

    from raci.i18n import _

    sys.stderr.write(_("note: {database} was made by an older raci and is now upgraded; the "
                       "copy as it was is {backup}").format(database=database, backup=backup)
                     + "\n")


def __getattr__(name: str) -> Any:
    """`Store`, imported (with SQLAlchemy) when first asked for."""
    if name == "Store":
        from raci.store.repository import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Store", "open_store"]
