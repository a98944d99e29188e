"""Index the columns that name entities, and the model order.

Deleting an entity makes the database look for rows that still name it, and
a new entity or assignment goes after the last one; without these indexes
each of those scans a whole table, which made replacing a large model slow.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = {
    "entity": ["position", "parent", "unit", "reports_to", "chair", "measures"],
    "holder": ["person"],
    "membership": ["member"],
    "contribution": ["goal"],
    "dependency": ["depends_on"],
    "decision_about": ["about"],
    "assignment": ["actor", "position"],
}


def upgrade() -> None:
    for table, columns in INDEXES.items():
        for column in columns:
            op.create_index(f"ix_{table}_{column}", table, [column])
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version=revision))


def downgrade() -> None:
    for table, columns in INDEXES.items():
        for column in columns:
            op.drop_index(f"ix_{table}_{column}", table)
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version="0001"))
