"""Let an actor hold A together with R on one item, and keep `org.not_recorded`.

docs/model-format.md, format revision 2 allows the one pair of letters real RACI charts write as
"A/R", so an assignment's key grows from (item, actor) to (item, actor,
letter). The key of a table cannot be changed in place on SQLite, so the
table is made anew with the new key and its rows copied over, on both
databases alike. The org header gains the facts its source does not record,
written as their names joined by commas.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = "item, actor, letter, position, version, item_position, actor_position"


def _entity_reference(name: str) -> sa.Column[str]:
    return sa.Column(name, sa.String,
                     sa.ForeignKey("entity.id", deferrable=True, initially="DEFERRED"),
                     nullable=False)


def _remake_assignment(key: list[str]) -> None:
    op.create_table(
        "assignment_new",
        _entity_reference("item"),
        _entity_reference("actor"),
        sa.Column("letter", sa.String(1), sa.CheckConstraint("letter IN ('R', 'A', 'C', 'I')"),
                  nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("item_position", sa.Integer, nullable=False),
        sa.Column("actor_position", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint(*key),
    )
    op.execute(sa.text(f"INSERT INTO assignment_new ({COLUMNS}) SELECT {COLUMNS} FROM assignment"))
    if op.get_bind().dialect.name == "postgresql":
        # The copied rows' deferred reference checks would otherwise still be
        # pending, and PostgreSQL indexes no table with pending checks.
        op.execute(sa.text("SET CONSTRAINTS ALL IMMEDIATE"))
        op.execute(sa.text("SET CONSTRAINTS ALL DEFERRED"))
    op.drop_table("assignment")
    op.rename_table("assignment_new", "assignment")
    op.create_index("ix_assignment_actor", "assignment", ["actor"])
    op.create_index("ix_assignment_position", "assignment", ["position"])
    op.create_index("ix_assignment_letter", "assignment",
                    ["letter", "position", "item_position", "actor_position"])


def upgrade() -> None:
    _remake_assignment(["item", "actor", "letter"])
    op.add_column("org", sa.Column("not_recorded", sa.Text))
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version=revision))


def downgrade() -> None:
    # An older raci knows one letter per actor and item: an A/R pair keeps its A.
    op.execute(sa.text("DELETE FROM assignment WHERE letter = 'R' AND EXISTS (SELECT 1 FROM "
                       "assignment AS a WHERE a.item = assignment.item AND "
                       "a.actor = assignment.actor AND a.letter = 'A')"))
    _remake_assignment(["item", "actor"])
    with op.batch_alter_table("org") as batch:
        batch.drop_column("not_recorded")
    op.execute(sa.text("UPDATE meta SET schema_version = :version").bindparams(version="0004"))
