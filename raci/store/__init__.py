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
    from raci.model import Model
    from raci.store.repository import Store


def open_store(url: str, *, create: bool = False, name: str | None = None,
               model: Model | None = None) -> Store:
    """Open the model database at `url` (``sqlite:///…`` or ``postgresql://…``).

    ``create=True`` makes a model named `name` (default: the file's stem),
    empty or holding `model`, in one transaction, and refuses if a model is
    already there. Otherwise a missing model is a `StoreError`, and an older
    schema is migrated, after a backup copy for SQLite (see `Store.backup`).
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
    return store


def __getattr__(name: str) -> Any:
    """`Store`, imported (with SQLAlchemy) when first asked for."""
    if name == "Store":
        from raci.store.repository import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Store", "open_store"]
