"""Alembic's entry point: runs the migrations on the connection the store gives.

The store builds the Alembic `Config` in code (see `raci.store.schema`) and
puts its open connection, already inside a transaction, in
``config.attributes["connection"]``; no alembic.ini is read.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
