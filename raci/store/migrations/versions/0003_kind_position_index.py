"""Index the entities by kind and model order.

Loading a model reads each kind's entities in model order, one query per
kind; with this index each query reads only its own kind's rows, already in
order, instead of scanning and sorting the whole table.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entity_kind_position", "entity", ["kind", "position"])
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version=revision))


def downgrade() -> None:
    op.drop_index("ix_entity_kind_position", "entity")
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version="0002"))
