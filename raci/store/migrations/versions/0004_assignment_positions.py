"""Keep each assignment's item and actor positions, and index them by letter.

A lint reads each letter's assignments in model order as the positions of
their items and actors, from the new index alone: numbers are read and
turned back into ids in two thirds of the time the ids themselves take.
An entity's position, which raci always gave out one by one, is now also
held unique by the database, as these copies rely on it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

POSITION_OF = "(SELECT entity.position FROM entity WHERE entity.id = assignment.{})"

# SQLite rebuilds the table to change it, and does not carry unnamed CHECK
# constraints over by itself.
KEEP = (sa.CheckConstraint("letter IN ('R', 'A', 'C', 'I')"),)


def upgrade() -> None:
    with op.batch_alter_table("assignment", table_args=KEEP) as batch:
        batch.add_column(sa.Column("item_position", sa.Integer))
        batch.add_column(sa.Column("actor_position", sa.Integer))
    op.execute(sa.text(f"UPDATE assignment SET item_position = {POSITION_OF.format('item')}, "
                       f"actor_position = {POSITION_OF.format('actor')}"))
    with op.batch_alter_table("assignment", table_args=KEEP) as batch:
        batch.alter_column("item_position", existing_type=sa.Integer, nullable=False)
        batch.alter_column("actor_position", existing_type=sa.Integer, nullable=False)
    op.create_index("ix_assignment_letter", "assignment",
                    ["letter", "position", "item_position", "actor_position"])
    op.drop_index("ix_entity_position", "entity")
    op.create_index("ix_entity_position", "entity", ["position"], unique=True)
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version=revision))


def downgrade() -> None:
    op.drop_index("ix_entity_position", "entity")
    op.create_index("ix_entity_position", "entity", ["position"])
    op.drop_index("ix_assignment_letter", "assignment")
    with op.batch_alter_table("assignment", table_args=KEEP) as batch:
        batch.drop_column("actor_position")
        batch.drop_column("item_position")
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version="0003"))
