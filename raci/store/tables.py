"""The database schema as SQLAlchemy Core tables (the head of the migrations).

One `entity` table holds every kind: the common fields (id, kind, name,
description), the model order (`position`), the row `version`, and one
nullable column per kind-specific field. One table rather than one per kind
because ids are unique across the whole model and many references may name
several kinds (a body's members are roles or people, a role reports to a role
or a body): with one table the primary key enforces the single id space and
every reference is a plain foreign key to `entity.id`. Single-valued
references (parent, unit, reports_to, chair, and an indicator's `measures`)
are columns of `entity`; each list is a table of its own (`holder`,
`membership`, `contribution`, `dependency`, `decision_about`, `tag`,
`success_criterion`) with the owner, the place in the list and the value.

An assignment's key is (item, actor, letter): an actor holds one letter on
an item, or A together with R (docs/model-format.md, format revision 2). The rows of one item and
actor, a *cell*, are written together and share one version, so the cell is
what a conflict check compares.

The org header keeps the facts its source does not record
(`org.not_recorded`) as their names joined by commas.

An assignment also keeps the `position` of its item and of its actor: a
lint reads each letter's assignments as numbers, in model order, from the
index `ix_assignment_letter` alone, and numbers are read and turned back
into ids in two thirds of the time ids take. An entity keeps its position
for life (a replaced entity keeps its place) and no two share one, so the
copies never go stale.

Every data row carries a `version`: the revision (see `meta`) of the write
that last changed it. An entity's list rows carry their owner's version, as
they are written together. Versions taken from the global revision only ever
grow, so a row deleted and written again never looks unchanged to a store
that loaded the old one.

Foreign keys are deferred to the end of the transaction: an import writes a
model whose references may run in any order, cycles in `reports_to` included
(a lint finding, not a broken model). Waiver targets are not foreign keys: a
waiver may outlive what it names, and lint reports it as unused.

A *scenario* (`scenario`) is a named list of changes tried on top of the
model without touching it: its name, description, when it was made and the
model's revision then, and a `version` that each write of the scenario
raises (the row writers of one scenario queue on). Its changes
(`scenario_change`) are rows in order, each the change and what it found
where it was made as plain data (`raci.formats.changes`), and a line saying
what the user did. Scenario rows name entities only inside their data, so
they never hold the model back: the model may change under a scenario, and
`raci.model.scenarios.play` says whether the scenario still fits.

Changing anything here needs a migration in `migrations/versions/`; a test
checks that the migrated schema equals these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def entity_reference(
    column_name: str, *, primary_key: bool = False, nullable: bool = True
) -> Column[str]:
    """A column naming an entity by id, checked when the transaction commits."""
    return Column(
        column_name,
        String,
        ForeignKey("entity.id", deferrable=True, initially="DEFERRED"),
        primary_key=primary_key,
        nullable=nullable and not primary_key,
    )


meta = Table(
    "meta",
    metadata,
    Column("id", Integer, CheckConstraint("id = 1"), primary_key=True),
    Column("schema_version", String, nullable=False),
    Column("revision", Integer, nullable=False),
)

org = Table(
    "org",
    metadata,
    Column("id", Integer, CheckConstraint("id = 1"), primary_key=True),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("as_of", Date),
    Column("version", Integer, nullable=False),
    Column("not_recorded", Text),
)

entity = Table(
    "entity",
    metadata,
    Column("id", String, primary_key=True),
    Column("kind", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("name", Text, nullable=False),
    Column("description", Text),
    entity_reference("parent"),
    entity_reference("unit"),
    entity_reference("reports_to"),
    entity_reference("chair"),
    entity_reference("measures"),
    Column("external", Boolean),
    Column("capacity_fte", Float),
    Column("temporary", Boolean),
    Column("sunset", Date),
    Column("body_kind", String),
    Column("established", Date),
    Column("meets_every_days", Integer),
    Column("mandate", Text),
    Column("due", Date),
    Column("status", String),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("demand_fte", Float),
    Column("kpi_type", String),
    Column("target", Text),
    Column("has_raci", Boolean),
    Index("ix_entity_position", "position", unique=True),
    Index("ix_entity_kind_position", "kind", "position"),
    Index("ix_entity_parent", "parent"),
    Index("ix_entity_unit", "unit"),
    Index("ix_entity_reports_to", "reports_to"),
    Index("ix_entity_chair", "chair"),
    Index("ix_entity_measures", "measures"),
)


def list_table(name: str, owner: str, value: str, *, value_is_entity: bool) -> Table:
    """A table for one list field: (owner, position) -> value."""
    value_column = (
        entity_reference(value, nullable=False)
        if value_is_entity
        else Column(value, Text, nullable=False)
    )
    table = Table(
        name,
        metadata,
        entity_reference(owner, primary_key=True),
        Column("position", Integer, primary_key=True),
        value_column,
        Column("version", Integer, nullable=False),
    )
    if value_is_entity:
        # Deleting an entity looks up what names it; without this index every
        # delete would scan the whole table.
        Index(f"ix_{name}_{value}", table.c[value])
    return table


holder = list_table("holder", "role", "person", value_is_entity=True)
membership = list_table("membership", "body", "member", value_is_entity=True)
contribution = list_table("contribution", "initiative", "goal", value_is_entity=True)
dependency = list_table("dependency", "initiative", "depends_on", value_is_entity=True)
decision_about = list_table("decision_about", "decision", "about", value_is_entity=True)
tag = list_table("tag", "entity", "tag", value_is_entity=False)
success_criterion = list_table(
    "success_criterion", "initiative", "criterion", value_is_entity=False
)

assignment = Table(
    "assignment",
    metadata,
    entity_reference("item", primary_key=True),
    entity_reference("actor", primary_key=True),
    Column("letter", String(1), CheckConstraint("letter IN ('R', 'A', 'C', 'I')"),
           primary_key=True),
    Column("position", Integer, nullable=False),
    Column("version", Integer, nullable=False),
    Column("item_position", Integer, nullable=False),
    Column("actor_position", Integer, nullable=False),
    Index("ix_assignment_actor", "actor"),
    Index("ix_assignment_position", "position"),
    Index("ix_assignment_letter", "letter", "position", "item_position", "actor_position"),
)

waiver = Table(
    "waiver",
    metadata,
    Column("position", Integer, primary_key=True),
    Column("rule", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("expires", Date),
    Column("author", Text),
    Column("version", Integer, nullable=False),
)

waiver_target = Table(
    "waiver_target",
    metadata,
    Column(
        "waiver",
        Integer,
        ForeignKey("waiver.position", deferrable=True, initially="DEFERRED"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("target", Text, nullable=False),
    Column("version", Integer, nullable=False),
)

scenario = Table(
    "scenario",
    metadata,
    Column("name", String, primary_key=True),
    Column("description", Text),
    Column("created", DateTime, nullable=False),
    Column("base_revision", Integer, nullable=False),
    Column("version", Integer, nullable=False),
)

scenario_change = Table(
    "scenario_change",
    metadata,
    Column(
        "scenario",
        String,
        ForeignKey("scenario.name", deferrable=True, initially="DEFERRED"),
        primary_key=True,
    ),
    Column("position", Integer, primary_key=True),
    Column("summary", Text, nullable=False),
    Column("change", JSON, nullable=False),
    Column("found", JSON, nullable=False),
)
