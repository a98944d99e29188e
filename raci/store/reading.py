"""Reading a whole model, to edit or export it, with one query per kind and
per table (a lint reads it lean: `raci.store.lean`).

Values are taken a column at a time: rows are turned into columns, ids
interned, and entities built from the columns, so most of the work is
done by C-level loops. Each id becomes one string object however many rows
name it: the rules look ids up in many dicts, and a look-up that meets the
very object it holds skips comparing characters.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, select

from raci.model import Assignment, Entity, Model, Org, Waiver
from raci.store import tables
from raci.store.lean import Columns, Interning
from raci.store.rows import (
    KIND_COLUMNS,
    LIST_FIELDS,
    KindColumns,
    ListField,
    fetch_columns,
    org_from_row,
)
from raci.store.saving import RememberedVersions


def read_model(connection: Connection) -> tuple[Model, RememberedVersions]:
    """The model and the version of each of its rows."""
    org, org_version = _read_org(connection)
    model = Model(org=org)
    versions = RememberedVersions(org=org_version)
    same = _interning()
    by_id: dict[str, Entity] = {}
    for kind, read in KIND_COLUMNS.items():
        row_versions, ids, columns = _read_kind(connection, kind, read, same)
        cls, names = read.cls, read.fields
        entities = [cls(**dict(zip(names, values, strict=True)))
                    for values in zip(*columns, strict=True)]
        model.collection(kind).update(zip(ids, entities, strict=True))
        by_id.update(zip(ids, entities, strict=True))
        versions.entities.update(zip(ids, row_versions, strict=True))
    for lf in LIST_FIELDS:
        for owner_id, values in _read_list(connection, lf, same).items():
            getattr(by_id[owner_id], lf.field).extend(values)
    items, letters, actors, row_versions = _read_assignments(connection, same)
    model.assignments.extend(map(Assignment, items, letters, actors))
    versions.loaded_assignments = zip(zip(items, actors, strict=True), row_versions, strict=True)
    model.waivers, versions.waivers = _read_waivers(connection)
    model.changed()
    return model, versions


def _interning() -> Interning:
    same: dict[str | None, str | None] = {None: None}
    return same.setdefault


def _read_org(connection: Connection) -> tuple[Org, int]:
    row = connection.execute(select(tables.org)).one()
    return org_from_row(row), row.version


def _read_kind(connection: Connection, kind: str, read: KindColumns,
               same: Interning) -> tuple[tuple[int, ...], tuple[str, ...], Columns]:
    """One kind's rows in model order, as columns: (the versions, ids, the
    columns of `read.fields`), ids interned."""
    entity = tables.entity
    query = (select(entity.c.version, *read.columns)
             .where(entity.c.kind == kind).order_by(entity.c.position))
    versions, *columns = fetch_columns(connection, query)
    for place in read.names_entities:
        columns[place] = tuple(map(same, columns[place], columns[place]))
    return versions, columns[0], columns


def _read_list(connection: Connection, lf: ListField,
               same: Interning) -> dict[str, tuple[Any, ...]]:
    """Owner -> its values of one list field, in order; owners with none are absent."""
    owner, value = lf.table.c[lf.owner], lf.table.c[lf.value]
    owners, values = fetch_columns(
        connection, select(owner, value).order_by(owner, lf.table.c.position))
    if lf.names_entities:
        values = tuple(map(same, values, values))
    return {owner_id: tuple([item for _, item in run])
            for owner_id, run in groupby(zip(owners, values, strict=True), itemgetter(0))}


def _read_assignments(connection: Connection, same: Interning) -> Columns:
    """The columns item, letter, actor and version, in model order."""
    table = tables.assignment
    query = select(table.c.item, table.c.letter, table.c.actor, table.c.version)
    columns = fetch_columns(connection, query.order_by(table.c.position))
    for place in (0, 2):
        columns[place] = tuple(map(same, columns[place], columns[place]))
    return columns


def _read_waivers(connection: Connection) -> tuple[list[Waiver], dict[int, int]]:
    """The waivers in order, and the version of each by its place."""
    targets: dict[int, list[str]] = defaultdict(list)
    target_table = tables.waiver_target
    query = select(target_table.c.waiver, target_table.c.target).order_by(
        target_table.c.waiver, target_table.c.position
    )
    for waiver_position, target in connection.execute(query).all():
        targets[waiver_position].append(target)
    waivers: list[Waiver] = []
    versions: dict[int, int] = {}
    for row in connection.execute(select(tables.waiver).order_by(tables.waiver.c.position)):
        waivers.append(Waiver(rule=row.rule, target=targets[row.position], reason=row.reason,
                              expires=row.expires, author=row.author))
        versions[row.position] = row.version
    return waivers, versions
