"""Scenarios: named lists of changes kept beside the model (`tables.scenario`).

Two new tables; the model's own tables are not touched, so a database going
back to 0005 loses only its scenarios.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenario",
        sa.Column("name", sa.String, primary_key=True),
        sa.Column("description", sa.Text),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("base_revision", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "scenario_change",
        sa.Column("scenario", sa.String,
                  sa.ForeignKey("scenario.name", deferrable=True, initially="DEFERRED"),
                  primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("change", sa.JSON, nullable=False),
        sa.Column("found", sa.JSON, nullable=False),
    )
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version=revision))


def downgrade() -> None:
    op.drop_table("scenario_change")
    op.drop_table("scenario")
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version="0005"))
