"""Saving one `Change` in one transaction, with optimistic concurrency.

The store remembers the version of each row it loaded (`RememberedVersions`).
Updating or deleting an entity is ``WHERE id = :id AND version = :loaded``;
no row means someone else changed or deleted it, and the whole change is
refused with a `ConflictError` naming it. Writing an id, or an assignment,
that this store never saw but that now exists is a conflict too: someone
else added it. The transaction runs:

1. a rename, which every row that names the entity follows (the scenarios'
   changes too: `rename_in_scenarios`);
2. the org header and the waivers;
3. removed assignments, then each deleted entity's assignments and lists,
   then the deleted entity rows (relation rows go before their entity);
4. put entities: their rows, then their list rows;
5. reference checks, so a refused change names what is wrong instead of
   failing on a deferred foreign key at commit;
6. new assignments, each with the positions of its item and actor, which
   the checks have just made sure exist.

The caller (`Store.save`) opened the transaction and raised the revision,
which keeps every other writer out until it commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Column, Connection, bindparam, delete, func, insert, or_, select, update

from raci.errors import RELOAD, ConflictError, StoreError
from raci.i18n import N_, Said
from raci.model import Assignment, Entity, Org, Waiver, kind_of, referenced_ids
from raci.model.changes import Change
from raci.store import tables
from raci.store.layout import REFERENCE_COLUMNS
from raci.store.rows import (
    ENTITY_COLUMNS,
    LIST_FIELDS,
    entity_row,
    entity_values,
    insert_many,
    list_rows,
    org_values,
    waiver_rows,
)
from raci.store.scenarios import rename_in_scenarios
from raci.store.versions import AssignmentKey, RememberedVersions, WrittenVersions
from raci.vocabulary import KIND_NAMES

CHUNK = 500
"""Ids per ``IN (...)``, well under SQLite's limit on bound parameters."""
HEADER = N_("the organisation's header (name, description, as-of date or facts not recorded)")
WAIVERS = N_("the list of waivers")
"""What a conflict names when another process changed the header, or the waivers."""


def save_change(
    connection: Connection, change: Change, revision: int, remembered: RememberedVersions
) -> WrittenVersions:
    """Write `change`; return the versions written, for the store to remember."""
    saving = _Saving(connection, revision, remembered)
    if change.rename is not None:
        saving.rename(*change.rename)
        rename_in_scenarios(connection, *change.rename)
    if change.org is not None:
        saving.write_org(change.org)
    if change.waivers is not None:
        saving.write_waivers(change.waivers)
    for a in change.unassign:
        saving.unassign(a)
    deleted = [entity_id for entity_id in change.delete if saving.delete_entity(entity_id)]
    saving.put(change.put, change.before)
    put_ids = {entity.id for entity in change.put}
    saving.check_nothing_names([d for d in deleted if d not in put_ids])
    saving.check_names_exist(change, set(deleted) - put_ids)
    saving.assign(change.assign)
    return saving.written


def _changed(what: str) -> ConflictError:
    return ConflictError(Said(
        N_("{what} was changed by someone else since you loaded it"), what=what), RELOAD)


def _added(what: str) -> ConflictError:
    return ConflictError(Said(
        N_("{what} was added by someone else since you loaded it"), what=what), RELOAD)


def _assignment(actor: str, item: str) -> Said:
    return Said(N_("the assignment of {actor} on {item}"), actor=actor, item=item)


def _entity(entity: Entity) -> Said:
    """``body bo-x``, the kind a word of the user's language."""
    return Said(N_("{kind} {id}"), kind=KIND_NAMES.said(kind_of(entity)), id=entity.id)


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class _Saving:
    """The steps of one save, sharing its connection and the versions it wrote."""

    def __init__(
        self, connection: Connection, revision: int, remembered: RememberedVersions
    ) -> None:
        self.connection = connection
        self.revision = revision
        self.remembered = remembered
        self.written = WrittenVersions()
        self._next_entity_position: int | None = None
        self._next_assignment_position: int | None = None

    # ---- what this store knows, its own writes included ----------------------

    def entity_version(self, entity_id: str) -> int | None:
        if entity_id in self.written.entities:
            return self.written.entities[entity_id]
        return self.remembered.entities.get(entity_id)

    def assignment_version(self, key: AssignmentKey) -> int | None:
        if key in self.written.assignments:
            return self.written.assignments[key]
        return self.remembered.assignments.get(key)

    def entity_exists(self, entity_id: str) -> bool:
        query = select(tables.entity.c.id).where(tables.entity.c.id == entity_id)
        return self.connection.execute(query).first() is not None

    def assignment_exists(self, key: AssignmentKey) -> bool:
        table = tables.assignment
        query = select(table.c.item).where(table.c.item == key[0], table.c.actor == key[1])
        return self.connection.execute(query).first() is not None

    # ---- header and waivers ------------------------------------------------------

    def write_org(self, org: Org) -> None:
        table = tables.org
        result = self.connection.execute(
            update(table)
            .where(table.c.version == self.remembered.org)
            .values(org_values(org, self.revision))
        )
        if result.rowcount == 0:
            raise _changed(Said(HEADER))
        self.written.org = self.revision

    def write_waivers(self, waivers: list[Waiver]) -> None:
        current = {
            position: version
            for position, version in self.connection.execute(
                select(tables.waiver.c.position, tables.waiver.c.version)
            )
        }
        if current != self.remembered.waivers:
            raise _changed(Said(WAIVERS))
        self.connection.execute(delete(tables.waiver_target))
        self.connection.execute(delete(tables.waiver))
        waiver_table, target_table = waiver_rows(waivers, self.revision)
        insert_many(self.connection, tables.waiver, waiver_table)
        insert_many(self.connection, tables.waiver_target, target_table)
        self.written.waivers = dict.fromkeys(range(len(waivers)), self.revision)

    # ---- assignments ---------------------------------------------------------------

    def unassign(self, a: Assignment) -> None:
        """Take one letter away; the rest of its cell, if any, takes this save's version."""
        key = (a.item, a.actor)
        version = self.assignment_version(key)
        if version is None:
            if self.assignment_exists(key):
                raise _added(_assignment(a.actor, a.item))
            return
        table = tables.assignment
        cell = (table.c.item == a.item, table.c.actor == a.actor)
        result = self.connection.execute(
            delete(table).where(*cell, table.c.letter == a.letter, table.c.version == version)
        )
        if result.rowcount == 0:
            raise _changed(_assignment(a.actor, a.item))
        kept = self.connection.execute(update(table).where(*cell).values(version=self.revision))
        self.written.assignments[key] = self.revision if kept.rowcount else None

    def assign(self, assignments: list[Assignment]) -> None:
        """Give each actor its letters on an item (one, or A with R), replacing
        the ones it held; each cell goes last in order. Every id they name is
        in the model by now."""
        positions = self._positions({name for a in assignments for name in (a.item, a.actor)})
        cells: dict[AssignmentKey, dict[Assignment, None]] = {}
        for a in assignments:
            cells.setdefault((a.item, a.actor), {})[a] = None
        for key, letters in cells.items():
            self._replace_cell(key, letters, positions)

    def _replace_cell(self, key: AssignmentKey, letters: Iterable[Assignment],
                      positions: dict[str, int]) -> None:
        item, actor = key
        version = self.assignment_version(key)
        table = tables.assignment
        cell = (table.c.item == item, table.c.actor == actor)
        if version is None:
            if self.assignment_exists(key):
                raise _added(_assignment(actor, item))
        else:
            held = self.connection.execute(select(table.c.version).where(*cell)).scalars().all()
            if not held or any(v != version for v in held):
                raise _changed(_assignment(actor, item))
            self.connection.execute(delete(table).where(*cell))
        self.connection.execute(insert(table), [
            {"item": item, "actor": actor, "letter": a.letter,
             "position": self.next_assignment_position(), "version": self.revision,
             "item_position": positions[item], "actor_position": positions[actor]}
            for a in letters])
        self.written.assignments[key] = self.revision

    def next_assignment_position(self) -> int:
        if self._next_assignment_position is None:
            self._next_assignment_position = self._next_position(tables.assignment.c.position)
        self._next_assignment_position += 1
        return self._next_assignment_position - 1

    def next_entity_position(self) -> int:
        if self._next_entity_position is None:
            self._next_entity_position = self._next_position(tables.entity.c.position)
        self._next_entity_position += 1
        return self._next_entity_position - 1

    def _next_position(self, column: Column[int]) -> int:
        last = self.connection.execute(select(func.max(column))).scalar()
        return 0 if last is None else int(last) + 1

    # ---- entities ------------------------------------------------------------------

    def delete_entity(self, entity_id: str) -> bool:
        """Delete an entity with its assignments and lists; False if it was not there."""
        version = self.entity_version(entity_id)
        if version is None:
            if self.entity_exists(entity_id):
                raise _added(entity_id)
            return False
        table = tables.assignment
        mine = or_(table.c.item == entity_id, table.c.actor == entity_id)
        cells = {(item, actor): version for item, actor, version in self.connection.execute(
            select(table.c.item, table.c.actor, table.c.version).where(mine))}
        for (item, actor), assignment_version in cells.items():
            if self.assignment_version((item, actor)) != assignment_version:
                raise _changed(_assignment(actor, item))
        self.written.assignments.update(dict.fromkeys(cells))
        self.connection.execute(delete(table).where(mine))
        self._delete_lists([entity_id])
        result = self.connection.execute(
            delete(tables.entity).where(
                tables.entity.c.id == entity_id, tables.entity.c.version == version
            )
        )
        if result.rowcount == 0:
            raise _changed(entity_id)
        self.written.entities[entity_id] = None
        return True

    def put(self, entities: list[Entity], before: dict[str, str]) -> None:
        """Insert or replace entities whole, their lists included; a new entity
        named in `before` goes just before that entity of its kind.

        New rows go in with one insert and known rows change with one
        executemany update: ``rm --force`` of a unit rewrites every person
        in it, and a statement per row took seconds per thousand.
        """
        latest = {entity.id: entity for entity in entities}  # a later put of an id wins
        known = [e for e in latest.values() if self.entity_version(e.id) is not None]
        new = [e for e in latest.values() if self.entity_version(e.id) is None]
        self._update_rows(known)
        self._insert_rows(new, before)
        self._delete_lists(list(latest))
        for lf, rows in list_rows(((kind_of(e), e) for e in latest.values()), self.revision):
            insert_many(self.connection, lf.table, rows)

    def _insert_rows(self, entities: list[Entity], before: dict[str, str]) -> None:
        taken = set(self._existing([e.id for e in entities]))
        for entity in entities:
            if entity.id in taken:
                raise _added(_entity(entity))
        rows = []
        for entity in entities:
            kind = kind_of(entity)
            follower = before.get(entity.id)
            position = None if follower is None else self._free_position_before(kind, follower)
            if position is None:
                position = self.next_entity_position()
            rows.append(entity_row(entity, kind, position, self.revision))
            if follower is not None:  # the next one placed before it must see it
                insert_many(self.connection, tables.entity, rows)
                rows = []
        insert_many(self.connection, tables.entity, rows)
        self.written.entities.update(dict.fromkeys((e.id for e in entities), self.revision))

    def _free_position_before(self, kind: str, follower: str) -> int | None:
        """A free position between `follower` and the entity of `kind` before it:
        the one a deleted entity left, when it comes back. None when there is
        none (the follower is gone, or another process filled the gap)."""
        column = tables.entity.c
        upper = self.connection.execute(
            select(column.position).where(column.id == follower, column.kind == kind)).scalar()
        if upper is None:
            return None
        lower = self.connection.execute(select(func.max(column.position)).where(
            column.kind == kind, column.position < upper)).scalar()
        lowest = -1 if lower is None else int(lower)
        taken = self.connection.execute(select(column.position).where(
            column.position > lowest, column.position < upper).order_by(column.position))
        candidate = lowest + 1
        for (position,) in taken:
            if position != candidate:
                break
            candidate += 1
        return candidate if candidate < upper else None

    def _update_rows(self, entities: list[Entity]) -> None:
        """Replace rows at the versions this store knows; any other version is a conflict."""
        if not entities:
            return
        table = tables.entity
        # A replaced entity keeps its place in the model, so no position.
        columns = [c for c in ENTITY_COLUMNS if c not in ("id", "position")]
        statement = (
            update(table)
            .where(table.c.id == bindparam("old_id"), table.c.version == bindparam("old_version"))
            .values({column: bindparam(f"new_{column}") for column in columns})
        )
        parameters = []
        for entity in entities:
            values = entity_values(entity, kind_of(entity), 0, self.revision)
            parameters.append({
                "old_id": entity.id,
                "old_version": self.entity_version(entity.id),
                **{f"new_{column}": values[column] for column in columns},
            })
        result = self.connection.execute(statement, parameters)
        if result.rowcount != len(entities):
            self._refuse_stale(entities)
        self.written.entities.update(dict.fromkeys((e.id for e in entities), self.revision))

    def _refuse_stale(self, entities: list[Entity]) -> None:
        """Name the first entity whose row someone else changed or deleted."""
        written = {e.id for e in entities}
        column = tables.entity.c
        current: set[str] = set()
        for chunk in _chunks(sorted(written)):
            query = select(column.id).where(column.id.in_(chunk),
                                            column.version == self.revision)
            current.update(self.connection.execute(query).scalars())
        for entity in entities:
            if entity.id not in current:
                raise _changed(_entity(entity))

    def _delete_lists(self, owner_ids: list[str]) -> None:
        for lf in LIST_FIELDS:
            owner = lf.table.c[lf.owner]
            for chunk in _chunks(owner_ids):
                self.connection.execute(delete(lf.table).where(owner.in_(chunk)))

    # ---- renaming ---------------------------------------------------------------------

    def rename(self, old: str, new: str) -> None:
        """Give entity `old` the id `new` in its place and make every row that
        names it follow: referring entities, assignments and waiver targets
        take this save's version, after checking that each is as loaded."""
        version = self.entity_version(old)
        if version is None:
            raise _added(old) if self.entity_exists(old) else StoreError(
                Said(N_("{id} is not there"), id=old))
        if self.entity_exists(new):
            raise _added(new)
        referrers = {referrer: v for referrer, _, _, v in self._references_to([old])
                     if referrer != old}  # a body reporting to itself is renamed, not touched
        for referrer, referrer_version in referrers.items():
            if self.entity_version(referrer) != referrer_version:
                raise _changed(referrer)
        cells = self._cells_naming(old)
        waivers_named = self._waivers_name(old)
        entity = tables.entity
        result = self.connection.execute(update(entity).where(
            entity.c.id == old, entity.c.version == version).values(id=new, version=self.revision))
        if result.rowcount == 0:
            raise _changed(old)
        for name in REFERENCE_COLUMNS:
            self.connection.execute(update(entity).where(entity.c[name] == old).values({name: new}))
        for lf in LIST_FIELDS:
            table = lf.table
            self.connection.execute(update(table).where(table.c[lf.owner] == old)
                                    .values({lf.owner: new, "version": self.revision}))
            if lf.names_entities:
                self.connection.execute(update(table).where(table.c[lf.value] == old)
                                        .values({lf.value: new}))
        self._touch_entities(list(referrers))
        self._rename_in_assignments(old, new, cells)
        if waivers_named:
            self._rename_in_waivers(old, new)
        self.written.entities.update({old: None, new: self.revision})

    def _cells_naming(self, entity_id: str) -> dict[AssignmentKey, int]:
        table = tables.assignment
        rows = self.connection.execute(
            select(table.c.item, table.c.actor, table.c.version)
            .where(or_(table.c.item == entity_id, table.c.actor == entity_id)))
        cells = {(item, actor): version for item, actor, version in rows}
        for (item, actor), version in cells.items():
            if self.assignment_version((item, actor)) != version:
                raise _changed(_assignment(actor, item))
        return cells

    def _waivers_name(self, entity_id: str) -> bool:
        target = tables.waiver_target.c.target
        named = self.connection.execute(select(target).where(target == entity_id)).first()
        if named is None:
            return False
        current = dict(self.connection.execute(
            select(tables.waiver.c.position, tables.waiver.c.version)).all())
        if current != self.remembered.waivers:
            raise _changed(Said(WAIVERS))
        return True

    def _touch_entities(self, ids: list[str]) -> None:
        """Give entities (and their list rows) this save's version."""
        for chunk in _chunks(ids):
            self.connection.execute(update(tables.entity).where(tables.entity.c.id.in_(chunk))
                                    .values(version=self.revision))
            for lf in LIST_FIELDS:
                owner = lf.table.c[lf.owner]
                self.connection.execute(update(lf.table).where(owner.in_(chunk))
                                        .values(version=self.revision))
        self.written.entities.update(dict.fromkeys(ids, self.revision))

    def _rename_in_assignments(self, old: str, new: str,
                               cells: dict[AssignmentKey, int]) -> None:
        table = tables.assignment
        for column in (table.c.item, table.c.actor):
            self.connection.execute(update(table).where(column == old)
                                    .values({column.name: new, "version": self.revision}))
        for item, actor in cells:
            self.written.assignments[item, actor] = None
            renamed = (new if item == old else item, new if actor == old else actor)
            self.written.assignments[renamed] = self.revision

    def _rename_in_waivers(self, old: str, new: str) -> None:
        target = tables.waiver_target.c.target
        self.connection.execute(update(tables.waiver_target).where(target == old)
                                .values(target=new))
        self.connection.execute(update(tables.waiver_target).values(version=self.revision))
        self.connection.execute(update(tables.waiver).values(version=self.revision))
        self.written.waivers = dict.fromkeys(self.remembered.waivers, self.revision)

    # ---- references -------------------------------------------------------------------

    def check_nothing_names(self, deleted: list[str]) -> None:
        """Refuse to delete an entity that another entity still names."""
        for referrer, name, entity_id, version in self._references_to(deleted):
            if self.entity_version(referrer) != version:
                raise ConflictError(Said(
                    N_("{referrer} was changed by someone else to name {id} since you loaded "
                       "it"), referrer=referrer, id=entity_id), RELOAD)
            raise StoreError(Said(
                N_("cannot delete {id}: {referrer} still names it in {field}; change that "
                   "first"), id=entity_id, referrer=referrer, field=name))

    def _references_to(self, ids: list[str]) -> Iterator[tuple[str, str, str, int]]:
        """(referrer, field, named id, referrer's version) for rows naming `ids`."""
        entity = tables.entity
        for chunk in _chunks(ids):
            for name in REFERENCE_COLUMNS:
                column = entity.c[name]
                query = select(entity.c.id, column, entity.c.version).where(column.in_(chunk))
                for referrer, target, version in self.connection.execute(query):
                    yield referrer, name, target, version
            for lf in LIST_FIELDS:
                if not lf.names_entities:
                    continue
                value = lf.table.c[lf.value]
                query = select(lf.table.c[lf.owner], value, lf.table.c.version).where(
                    value.in_(chunk)
                )
                for referrer, target, version in self.connection.execute(query):
                    yield referrer, lf.field, target, version

    def check_names_exist(self, change: Change, deleted: set[str]) -> None:
        """Refuse entities and assignments that name ids not in the model."""
        named: dict[str, str] = {}  # id -> what names it
        for entity in change.put:
            for _, target in referenced_ids(entity):
                named.setdefault(target, entity.id)
        for a in change.assign:
            named.setdefault(a.item, Said(N_("the assignment of {actor}"), actor=a.actor))
            named.setdefault(a.actor, Said(N_("the assignment on {item}"), item=a.item))
        missing = set(named) - set(self._existing(list(named)))
        for target in sorted(missing):
            if target in deleted:
                raise StoreError(Said(N_("{what} names {id}, which this change deletes"),
                                      what=named[target], id=target))
            if target in self.remembered.entities:
                raise ConflictError(Said(
                    N_("{id} was deleted by someone else since you loaded it"), id=target),
                    RELOAD)
            raise StoreError(Said(N_("{what} names {id}, which is not in the model"),
                                  what=named[target], id=target))

    def _positions(self, ids: set[str]) -> dict[str, int]:
        """Id -> its entity's place in the model."""
        column = tables.entity.c
        positions: dict[str, int] = {}
        for chunk in _chunks(sorted(ids)):
            positions.update(self.connection.execute(
                select(column.id, column.position).where(column.id.in_(chunk))).all())
        return positions

    def _existing(self, ids: list[str]) -> Iterable[str]:
        column = tables.entity.c.id
        for chunk in _chunks(ids):
            yield from self.connection.execute(select(column).where(column.in_(chunk))).scalars()
