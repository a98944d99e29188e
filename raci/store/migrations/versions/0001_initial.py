"""The first schema: meta, org, entities, their lists, assignments and waivers.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def entity_reference(
    name: str, *, primary_key: bool = False, nullable: bool = True
) -> sa.Column[str]:
    return sa.Column(
        name,
        sa.String,
        sa.ForeignKey("entity.id", deferrable=True, initially="DEFERRED"),
        primary_key=primary_key,
        nullable=nullable and not primary_key,
    )


def create_list_table(name: str, owner: str, value: str, *, value_is_entity: bool) -> None:
    op.create_table(
        name,
        entity_reference(owner, primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        entity_reference(value, nullable=False)
        if value_is_entity
        else sa.Column(value, sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def upgrade() -> None:
    meta = op.create_table(
        "meta",
        sa.Column("id", sa.Integer, sa.CheckConstraint("id = 1"), primary_key=True),
        sa.Column("schema_version", sa.String, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
    )
    op.bulk_insert(meta, [{"id": 1, "schema_version": revision, "revision": 0}])
    op.create_table(
        "org",
        sa.Column("id", sa.Integer, sa.CheckConstraint("id = 1"), primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        sa.Column("as_of", sa.Date),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "entity",
        sa.Column("id", sa.String, primary_key=True),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text),
        entity_reference("parent"),
        entity_reference("unit"),
        entity_reference("reports_to"),
        entity_reference("chair"),
        entity_reference("measures"),
        sa.Column("external", sa.Boolean),
        sa.Column("capacity_fte", sa.Float),
        sa.Column("temporary", sa.Boolean),
        sa.Column("sunset", sa.Date),
        sa.Column("body_kind", sa.String),
        sa.Column("established", sa.Date),
        sa.Column("meets_every_days", sa.Integer),
        sa.Column("mandate", sa.Text),
        sa.Column("due", sa.Date),
        sa.Column("status", sa.String),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("demand_fte", sa.Float),
        sa.Column("kpi_type", sa.String),
        sa.Column("target", sa.Text),
        sa.Column("has_raci", sa.Boolean),
    )
    create_list_table("holder", "role", "person", value_is_entity=True)
    create_list_table("membership", "body", "member", value_is_entity=True)
    create_list_table("contribution", "initiative", "goal", value_is_entity=True)
    create_list_table("dependency", "initiative", "depends_on", value_is_entity=True)
    create_list_table("decision_about", "decision", "about", value_is_entity=True)
    create_list_table("tag", "entity", "tag", value_is_entity=False)
    create_list_table("success_criterion", "initiative", "criterion", value_is_entity=False)
    op.create_table(
        "assignment",
        entity_reference("item", primary_key=True),
        entity_reference("actor", primary_key=True),
        sa.Column(
            "letter",
            sa.String(1),
            sa.CheckConstraint("letter IN ('R', 'A', 'C', 'I')"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "waiver",
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("expires", sa.Date),
        sa.Column("author", sa.Text),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "waiver_target",
        sa.Column(
            "waiver",
            sa.Integer,
            sa.ForeignKey("waiver.position", deferrable=True, initially="DEFERRED"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in (
        "waiver_target", "waiver", "assignment", "success_criterion", "tag",
        "decision_about", "dependency", "contribution", "membership", "holder",
        "entity", "org", "meta",
    ):
        op.drop_table(table)
