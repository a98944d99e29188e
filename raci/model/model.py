"""The `Model`: every entity of one organisation, with fast look-ups.

Entities live in one ordered dict per kind; assignments in one list. The
look-ups by relation (who holds a role, which bodies a person sits in, the
assignments of an item or an actor) are built once on first use; a mutation
mends those it changes (an entity added or replaced, assignments) or drops
them (a delete, a rename), so readers never see a stale index.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from itertools import chain, count
from typing import Any, TypeVar

from raci.model.entities import (
    CELL_ORDER,
    Assignment,
    Body,
    Decision,
    Entity,
    Goal,
    Initiative,
    Kpi,
    Letter,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
)

# kind name (as on the command line) -> (Model attribute, class); file order.
KINDS: dict[str, tuple[str, type[Entity]]] = {
    "unit": ("units", Unit),
    "person": ("people", Person),
    "role": ("roles", Role),
    "body": ("bodies", Body),
    "goal": ("goals", Goal),
    "initiative": ("initiatives", Initiative),
    "decision": ("decisions", Decision),
    "kpi": ("kpis", Kpi),
}
KIND_OF_CLASS: dict[type[Entity], str] = {cls: kind for kind, (_, cls) in KINDS.items()}
_KIND_ORDER = {kind: number for number, kind in enumerate(KINDS)}
T = TypeVar("T")
ITEM_KINDS = frozenset({"goal", "initiative", "decision", "kpi"})
ACTOR_KINDS = frozenset({"role", "body", "person"})
ORG_PLACE = "[org]"
"""Where a model file's `org` is among its entity locations (no id has brackets)."""


def waiver_place(number: int) -> str:
    """Where the model's waiver `number` (from 0) is among its entity
    locations and references: ``waivers[0]``, its ``rule`` key in the file."""
    return f"waivers[{number}]"

# Fields holding ids of other entities: kind -> field -> kinds it may name.
REFERENCE_FIELDS: dict[str, dict[str, frozenset[str]]] = {
    "unit": {"parent": frozenset({"unit"})},
    "person": {"unit": frozenset({"unit"})},
    "role": {
        "unit": frozenset({"unit"}),
        "holders": frozenset({"person"}),
        "reports_to": frozenset({"role", "body"}),
    },
    "body": {
        "chair": frozenset({"role", "person"}),
        "members": frozenset({"role", "person"}),
        "reports_to": frozenset({"body", "role"}),
    },
    "goal": {"parent": frozenset({"goal"})},
    "initiative": {
        "goals": frozenset({"goal"}),
        "depends_on": frozenset({"initiative"}),
    },
    "decision": {"about": frozenset({"goal", "initiative"})},
    "kpi": {"measures": frozenset({"goal", "initiative"})},
}


@dataclass(frozen=True, slots=True)
class Reference:
    """`source` names `target` in `field` (a field name, or ``raci.X``)."""

    source: str
    field: str
    target: str


def kind_of(entity: Entity) -> str:
    return KIND_OF_CLASS[type(entity)]


def referenced_ids(entity: Entity) -> Iterator[tuple[str, str]]:
    """(field, id) for every id the entity's own fields name."""
    for name in REFERENCE_FIELDS[kind_of(entity)]:
        value = getattr(entity, name)
        if isinstance(value, list):
            for target in value:
                yield name, target
        elif value is not None:
            yield name, value


@dataclass
class Model:
    org: Org
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    goals: dict[str, Goal] = field(default_factory=dict)
    initiatives: dict[str, Initiative] = field(default_factory=dict)
    decisions: dict[str, Decision] = field(default_factory=dict)
    kpis: dict[str, Kpi] = field(default_factory=dict)
    assignments: list[Assignment] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)

    # ---- entities -------------------------------------------------------

    def collection(self, kind: str) -> dict[str, Entity]:
        collection: dict[str, Entity] = getattr(self, KINDS[kind][0])
        return collection

    def entities(self) -> Iterator[Entity]:
        return chain.from_iterable(self.collection(kind).values() for kind in KINDS)

    def get(self, entity_id: str) -> Entity | None:
        kind = self._kind_by_id.get(entity_id)
        return None if kind is None else self.collection(kind).get(entity_id)

    def kind(self, entity_id: str) -> str | None:
        return self._kind_by_id.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._kind_by_id

    def __len__(self) -> int:
        # Counted by kind: the app's first screen says how many entities a
        # model has before anything needs the index by id (80,000 on a
        # national model); ids are unique across kinds.
        return sum(len(self.collection(kind)) for kind in KINDS)

    def items(self) -> Iterator[Goal | Initiative | Decision]:
        """Goals, initiatives and decisions: the *items* of docs/lint.md."""
        yield from self.goals.values()
        yield from self.initiatives.values()
        yield from self.decisions.values()

    # ---- look-ups by relation --------------------------------------------

    def roles_held_by(self, person_id: str) -> list[str]:
        return self._roles_by_holder.get(person_id, [])

    def bodies_with_member(self, actor_id: str) -> list[str]:
        """Bodies that list `actor_id` (a role or person) among their members."""
        return self._bodies_by_member.get(actor_id, [])

    def bodies_of_person(self, person_id: str) -> set[str]:
        """Bodies a person sits in, directly or through a role they hold."""
        bodies = set(self.bodies_with_member(person_id))
        for role_id in self.roles_held_by(person_id):
            bodies.update(self.bodies_with_member(role_id))
        return bodies

    def assignments_of_item(self, item_id: str) -> list[Assignment]:
        return self._assignments_by_item.get(item_id, [])

    def assignments_of_actor(self, actor_id: str) -> list[Assignment]:
        return self._assignments_by_actor.get(actor_id, [])

    def actors(self, item_id: str, letter: Letter) -> list[str]:
        return [a.actor for a in self.assignments_of_item(item_id) if a.letter == letter]

    def letters_of(self, item_id: str, actor_id: str) -> tuple[Letter, ...]:
        """The letters an actor holds on an item: none, one, or A and R, in
        `CELL_ORDER` (``cell_text`` writes them as ``A/R``)."""
        held = {a.letter for a in self.assignments_of_item(item_id) if a.actor == actor_id}
        return tuple(letter for letter in CELL_ORDER if letter in held)

    def references_to(self, entity_id: str) -> list[Reference]:
        """Everything in the model that names `entity_id`, in model order."""
        return self._references_by_target.get(entity_id, [])

    # ---- mutation (each mends or drops the indexes) -----------------------

    def add(self, entity: Entity, *, before: str | None = None) -> None:
        """Add an entity last of its kind, or just before `before` when that is
        an entity of its kind (undoing a delete puts it back in its place)."""
        if entity.id in self:
            raise ValueError(f"id {entity.id!r} is already used")
        collection = self.collection(kind_of(entity))
        if before in collection:
            following = list(collection)[list(collection).index(before):]
            moved = {entity_id: collection.pop(entity_id) for entity_id in following}
            collection[entity.id] = entity
            collection.update(moved)
            self._entities_changed(entity.id, kind_of(entity))
        else:
            collection[entity.id] = entity
            self._entity_put(None, entity)

    def replace(self, entity: Entity) -> None:
        """Put a new version of an existing entity (same id and kind) in place."""
        if self.kind(entity.id) != kind_of(entity):
            raise ValueError(f"no {kind_of(entity)} with id {entity.id!r}")
        collection = self.collection(kind_of(entity))
        old, collection[entity.id] = collection[entity.id], entity
        self._entity_put(old, entity)

    def remove(self, entity_id: str) -> Entity:
        """Remove an entity and its own assignments (as item or actor)."""
        kind = self.kind(entity_id)
        if kind is None:
            raise KeyError(entity_id)
        entity = self.collection(kind).pop(entity_id)
        self.assignments = [
            a for a in self.assignments if a.item != entity_id and a.actor != entity_id
        ]
        self.changed()
        return entity

    def assign(self, item_id: str, letter: Letter, actor_id: str) -> None:
        """Give `actor_id` the letter on the item, replacing the letters it held."""
        self.assignments = [
            a for a in self.assignments if not (a.item == item_id and a.actor == actor_id)
        ]
        self.assignments.append(Assignment(item_id, letter, actor_id))
        self.changed()

    def unassign(self, item_id: str, actor_id: str) -> bool:
        before = len(self.assignments)
        self.assignments = [
            a for a in self.assignments if not (a.item == item_id and a.actor == actor_id)
        ]
        self.changed()
        return len(self.assignments) != before

    def reassign(self, gone: Collection[Assignment], added: Iterable[Assignment]) -> None:
        """Take the assignments `gone` (held by the model) out and put `added` last.

        Unlike the other mutations this mends the look-ups that assignments
        feed instead of dropping them, and keeps the others: a matrix edit of a
        national model (150,000 assignments) then costs what it changes, not
        a rebuild of every index.
        """
        added = list(added)
        if len(gone) > _FEW:
            dropped = set(gone)
            self.assignments = [a for a in self.assignments if a not in dropped]
        else:
            for assignment in gone:
                self.assignments.remove(assignment)
        self.assignments.extend(added)
        built = self.__dict__
        if "_assignments_by_item" in built:
            _mend(built["_assignments_by_item"], gone, added, lambda a: a.item)
        if "_assignments_by_actor" in built:
            _mend(built["_assignments_by_actor"], gone, added, lambda a: a.actor)
        if "_references_by_target" in built:
            _mend_references(built["_references_by_target"], gone, added)

    def rename(self, old: str, new: str) -> None:
        """Give the entity `old` the id `new`, in its place, and make everything
        that names it (fields, assignments, waiver targets) name `new`. Every
        entity or waiver that changes is a new object: nobody holding the old
        ones sees them change."""
        kind = self.kind(old)
        if kind is None:
            raise KeyError(old)
        if new in self:
            raise ValueError(f"id {new!r} is already used")
        referrers = dict.fromkeys(r.source for r in self.references_to(old) if r.source in self)
        collection = self.collection(kind)
        entries = [(new if key == old else key, replace(entity, id=new) if key == old else entity)
                   for key, entity in collection.items()]
        collection.clear()
        collection.update(entries)
        self.changed()
        for referrer in (new if r == old else r for r in referrers):
            entity = self.get(referrer)
            assert entity is not None
            self.collection(kind_of(entity))[referrer] = renaming_in(entity, old, new)
        self.assignments = [
            Assignment(new if a.item == old else a.item, a.letter,
                       new if a.actor == old else a.actor) if old in (a.item, a.actor) else a
            for a in self.assignments
        ]
        self.waivers = [replace(w, target=[new if t == old else t for t in w.target])
                        if old in w.target else w for w in self.waivers]
        self.changed()

    def snapshot(self) -> Model:
        """A model holding what this one holds now, with collections of its
        own and the same entities (an edit replaces an entity, never changes
        it): for a thread to read, or to build look-ups in (`take_look_ups`),
        while this one is edited. A few milliseconds on a national model."""
        snapshot = Model(self.org, assignments=list(self.assignments), waivers=list(self.waivers))
        for kind in KINDS:
            snapshot.collection(kind).update(self.collection(kind))
        return snapshot

    def working_copy(self) -> Model:
        """A snapshot to change (a suggestion tried on it, then undone), with
        copies of the look-ups this model has built: building them anew (who
        names an entity) took seconds of a national model's suggestions.
        The look-ups are mended in place by an edit, their lists replaced,
        never changed: a copy of each dict is enough."""
        working = self.snapshot()
        for name in _INDEXES:
            if name in vars(self):
                vars(working)[name] = copy.copy(vars(self)[name])
        return working

    def take_look_ups(self, snapshot: Model) -> None:
        """Take the look-ups built in `snapshot` that this model has not built:
        call only while both hold the same (no edit since the snapshot)."""
        for name in _INDEXES:
            if name in vars(snapshot) and name not in vars(self):
                vars(self)[name] = vars(snapshot)[name]

    def changed(self) -> None:
        """Drop the indexes; call after changing an entity's fields in place."""
        for name in _INDEXES:
            self.__dict__.pop(name, None)

    def _entities_changed(self, entity_id: str, kind: str) -> None:
        """Drop the indexes that read entities' fields, after an entity was
        added or replaced (its assignments are as they were): the id index is
        kept, updated, and so are the look-ups of assignments, so that adding
        or replacing many entities one by one (`Change.apply`) rebuilds none."""
        for name in _ENTITY_INDEXES:
            self.__dict__.pop(name, None)
        kinds = self.__dict__.get("_kind_by_id")
        if kinds is not None:
            kinds[entity_id] = kind

    def _entity_put(self, old: Entity | None, new: Entity) -> None:
        """Mend the look-ups an entity's fields feed, after `new` was added
        last of its kind (`old` None) or put in place of `old`: an edit then
        costs what the entity names, not a rebuild of every index (a second
        of a national model, which the entity shown after a form's save
        waited for). Each list ends as a rebuild would make it."""
        kind = kind_of(new)
        self._kind_by_id[new.id] = kind
        before = self._before(new, last=old is None)
        built = self.__dict__
        if "_references_by_target" in built:
            def mine(reference: Reference) -> bool:
                return reference.source == new.id and not _made_elsewhere(reference)

            _mend_entries(built["_references_by_target"], mine,
                          lambda r: not _made_elsewhere(r) and before(r.source),
                          [r.target for r in _references_of(old)],
                          [(r.target, r) for r in _references_of(new)])
        for name, entity_kind, listed in (("_roles_by_holder", "role", "holders"),
                                          ("_bodies_by_member", "body", "members")):
            if kind == entity_kind and name in built:
                _mend_entries(built[name], lambda entry: entry == new.id, before,
                              [] if old is None else getattr(old, listed),
                              [(target, new.id) for target in getattr(new, listed)])

    def _before(self, entity: Entity, *, last: bool) -> Callable[[str], bool]:
        """Whether an entity (by id) comes before `entity` in model order; `last`:
        `entity` is the last of its kind."""
        order, kinds = _KIND_ORDER, self._kind_by_id
        positions: dict[str, int] = {}
        mine = order[kind_of(entity)]

        def before(entity_id: str) -> bool:
            theirs = order[kinds[entity_id]]
            if theirs != mine or last:
                return theirs <= mine
            if not positions:  # only when an index lists another of its kind
                positions.update(zip(self.collection(kind_of(entity)), count()))
            return positions[entity_id] < positions[entity.id]

        return before

    # ---- indexes ----------------------------------------------------------

    @cached_property
    def _kind_by_id(self) -> dict[str, str]:
        return {
            entity_id: kind for kind in KINDS for entity_id in self.collection(kind)
        }

    @cached_property
    def _roles_by_holder(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for role in self.roles.values():
            for holder in role.holders:
                index[holder].append(role.id)
        return index

    @cached_property
    def _bodies_by_member(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for body in self.bodies.values():
            for member in body.members:
                index[member].append(body.id)
        return index

    @cached_property
    def _assignments_by_item(self) -> dict[str, list[Assignment]]:
        index: dict[str, list[Assignment]] = defaultdict(list)
        for assignment in self.assignments:
            index[assignment.item].append(assignment)
        return index

    @cached_property
    def _assignments_by_actor(self) -> dict[str, list[Assignment]]:
        index: dict[str, list[Assignment]] = defaultdict(list)
        for assignment in self.assignments:
            index[assignment.actor].append(assignment)
        return index

    @cached_property
    def _references_by_target(self) -> dict[str, list[Reference]]:
        index: dict[str, list[Reference]] = defaultdict(list)
        for entity in self.entities():
            for name, target in referenced_ids(entity):
                index[target].append(Reference(entity.id, name, target))
        for a in self.assignments:
            index[a.actor].append(Reference(a.item, f"raci.{a.letter}", a.actor))
        for number, waiver in enumerate(self.waivers):
            for target in waiver.target:
                index[target].append(Reference(waiver_place(number), "target", target))
        return index


_FEW = 16
"""Up to this many assignments are taken out one by one; more, in one pass."""


def _mend(index: dict[str, list[Assignment]], gone: Iterable[Assignment],
          added: Iterable[Assignment], key: Callable[[Assignment], str]) -> None:
    """Take `gone` out of an index by item or actor and add `added` last. Lists
    are replaced, not changed, as callers may hold one."""
    for assignment in gone:
        kept = [a for a in index[key(assignment)] if a != assignment]
        if kept:
            index[key(assignment)] = kept
        else:
            del index[key(assignment)]
    for assignment in added:
        index[key(assignment)] = [*index.get(key(assignment), ()), assignment]


def _mend_references(index: dict[str, list[Reference]], gone: Iterable[Assignment],
                     added: Iterable[Assignment]) -> None:
    """The same for the references of assignments: each sits after the entities'
    references to its actor and before the waivers' (see `_references_by_target`)."""
    for item, letter, actor in gone:
        kept = [r for r in index[actor] if r != Reference(item, f"raci.{letter}", actor)]
        if kept:
            index[actor] = kept
        else:
            del index[actor]
    for item, letter, actor in added:
        references = list(index.get(actor, ()))
        waivers_from = next((n for n, r in enumerate(references) if r.field == "target"),
                            len(references))
        references.insert(waivers_from, Reference(item, f"raci.{letter}", actor))
        index[actor] = references


def _references_of(entity: Entity | None) -> list[Reference]:
    if entity is None:
        return []
    return [Reference(entity.id, name, target) for name, target in referenced_ids(entity)]


def _made_elsewhere(reference: Reference) -> bool:
    """A reference an assignment or a waiver makes, not an entity's field
    (listed after every entity's, see `_references_by_target`)."""
    return reference.field.startswith("raci.") or reference.field == "target"


def _mend_entries(index: dict[str, list[T]], mine: Callable[[T], bool],
                  before: Callable[[T], bool], gone: Iterable[str],
                  added: Iterable[tuple[str, T]]) -> None:
    """Take an entity's entries (`mine`) out of the lists of `index` it was
    in (`gone`: their keys) and put its `added` entries (key, entry) in,
    after the entries of the entities `before` it. Lists are replaced, not
    changed, as callers may hold one; an emptied list goes."""
    putting: dict[str, list[T]] = {}
    for key, entry in added:
        putting.setdefault(key, []).append(entry)
    for key in {*gone, *putting}:
        kept = [entry for entry in index.get(key, ()) if not mine(entry)]
        at = next((n for n, entry in enumerate(kept) if not before(entry)), len(kept))
        mended = [*kept[:at], *putting.get(key, ()), *kept[at:]]
        if mended:
            index[key] = mended
        else:
            index.pop(key, None)


def renaming_in(entity: Entity, old: str, new: str) -> Entity:
    """A copy of `entity` whose reference fields name `new` where they named `old`."""
    changes: dict[str, Any] = {}
    for name in REFERENCE_FIELDS[kind_of(entity)]:
        value = getattr(entity, name)
        if isinstance(value, list) and old in value:
            changes[name] = [new if v == old else v for v in value]
        elif value == old:
            changes[name] = new
    return replace(entity, **changes)


_INDEXES = tuple(
    name for name, value in vars(Model).items() if isinstance(value, cached_property)
)
_ENTITY_INDEXES = ("_roles_by_holder", "_bodies_by_member", "_references_by_target")
"""The indexes an entity added or replaced can change (not its kind's: updated in place)."""



def entity_fields(entity: Entity) -> list[str]:
    """The field names of an entity, in declaration order."""
    return [f.name for f in fields(entity)]
