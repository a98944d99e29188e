"""A `Change`: one edit of a model, as the store saves it in one transaction.

The command line's edit verbs and the app build a `Change`, apply it to the
in-memory `Model` and hand it to the store. Its `inverse` is what undo saves.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from raci.i18n import N_, Said
from raci.model.entities import Assignment, Entity, Kpi, Letter, Org, Waiver
from raci.model.model import Model

MENDED_PUTS = 16
"""Up to this many entities put by one change mend the look-ups they feed
(the model's, the palette's finder) one by one; more, and those are built
again once, when next read."""


@dataclass
class Change:
    """Entities to put (added or replaced whole) and to delete, assignments to
    add and remove, and optionally a new org header or waiver list; or one
    entity renamed (a change that renames does nothing else)."""

    put: list[Entity] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    assign: list[Assignment] = field(default_factory=list)
    unassign: list[Assignment] = field(default_factory=list)
    org: Org | None = None
    waivers: list[Waiver] | None = None
    before: dict[str, str] = field(default_factory=dict)
    """New entity id -> the entity of its kind it goes just before (else last):
    the inverse of a delete puts each entity back in its place."""
    rename: tuple[str, str] | None = None
    """(old id, new id): the entity takes the new id in its place, and all
    that names it follows (`Model.rename`); applied before the rest."""

    def apply(self, model: Model) -> Change:
        """Apply to `model` and return the change that undoes it.

        Each step changes the model in one pass and drops its indexes once,
        so a change of many entities (a unit with thousands of people removed
        by ``rm --force``) costs linear, not quadratic, time.
        """
        inverse = Change()
        if self.rename is not None:
            old, new = self.rename
            model.rename(old, new)
            inverse.rename = (new, old)
        if self.org is not None:
            inverse.org, model.org = model.org, self.org
        if self.waivers is not None:
            inverse.waivers, model.waivers = model.waivers, list(self.waivers)
        self._unassign(model, inverse)
        self._delete(model, inverse)
        self._put(model, inverse)
        self._assign(model, inverse)
        return inverse

    def _unassign(self, model: Model, inverse: Change) -> None:
        if not self.unassign:
            return
        gone = [a for a in dict.fromkeys(self.unassign) if a in model.assignments_of_item(a.item)]
        if gone:
            # Undo gives each cell back whole: an A/R that lost its R is
            # assigned A and R again.
            cells = {(a.item, a.actor) for a in gone}
            inverse.assign.extend(a for item in dict.fromkeys(a.item for a in gone)
                                  for a in model.assignments_of_item(item)
                                  if (a.item, a.actor) in cells)
            model.reassign(gone, ())

    def _delete(self, model: Model, inverse: Change) -> None:
        doomed: dict[str, str] = {}  # id -> kind, in the order asked
        for entity_id in self.delete:
            kind = model.kind(entity_id)
            if kind is not None:
                doomed.setdefault(entity_id, kind)
        if not doomed:
            return
        kept: list[Assignment] = []
        for a in model.assignments:
            if a.item in doomed or a.actor in doomed:
                inverse.assign.append(a)
            else:
                kept.append(a)
        inverse.before.update(_followers(model, doomed))
        for entity_id, kind in doomed.items():
            inverse.put.append(copy.deepcopy(model.collection(kind).pop(entity_id)))
        model.assignments = kept
        model.changed()

    def _put(self, model: Model, inverse: Change) -> None:
        if len(self.put) > MENDED_PUTS:
            # Each put mends the look-ups it feeds, in time of the lists it is in:
            # many would cost more than building them again once, when next read.
            model.changed()
        for entity in self.put:
            old = model.get(entity.id)
            if old is None:
                inverse.delete.append(entity.id)
                model.add(entity, before=self.before.get(entity.id))
            else:
                inverse.put.append(copy.deepcopy(old))
                model.replace(entity)

    def _assign(self, model: Model, inverse: Change) -> None:
        """Each item and actor named gets exactly the letters given for it (one,
        or A with R), in place of what it held, and goes last in order."""
        if not self.assign:
            return
        cells: dict[tuple[str, str], dict[Assignment, None]] = {}
        for a in self.assign:
            cells.setdefault((a.item, a.actor), {})[Assignment(a.item, a.letter, a.actor)] = None
        # Only the items named can hold a previous letter: read them from the index
        # rather than hashing every assignment of the model (a matrix edit is one).
        held = [a for item in dict.fromkeys(item for item, _ in cells)
                for a in model.assignments_of_item(item) if (a.item, a.actor) in cells]
        inverse.assign.extend(held)
        given = [a for letters in cells.values() for a in letters]
        inverse.unassign.extend(given)
        model.reassign(held, given)

    def changes(self, model: Model) -> bool:
        """Whether applying to `model` would change it: a sheet imported again
        writes nothing (and an open app reloads for nothing). Each entity
        put is compared with the model's once: linear time."""
        return (self.rename is not None or self.org not in (None, model.org)
                or self.waivers not in (None, model.waivers)
                or any(model.get(entity.id) != entity for entity in self.put)
                or any(entity_id in model for entity_id in self.delete)
                or any(a not in model.assignments_of_item(a.item) for a in self.assign)
                or any(a in model.assignments_of_item(a.item) for a in self.unassign))

    def is_empty(self) -> bool:
        return not (
            self.put or self.delete or self.assign or self.unassign
            or self.org is not None or self.waivers is not None or self.rename is not None
        )


def _followers(model: Model, doomed: dict[str, str]) -> dict[str, str]:
    """Each doomed entity's place: the first entity after it of its kind that stays."""
    followers: dict[str, str] = {}
    for kind in dict.fromkeys(doomed.values()):
        order = list(model.collection(kind))
        for number, entity_id in enumerate(order):
            if doomed.get(entity_id) != kind:
                continue
            follower = next((later for later in order[number + 1:] if later not in doomed), None)
            if follower is not None:
                followers[entity_id] = follower
    return followers


def removal(model: Model, entity_id: str) -> Change:
    """The change that removes an entity and every reference to it (``rm --force``).

    List fields drop the id, optional single references become empty, the
    entity's assignments go, waivers lose the target (and go when none is
    left), and indicators that measure the entity go with it, since an
    indicator's `measures` is required. The model itself is not touched.
    """
    gone = [k.id for k in model.kpis.values() if k.measures == entity_id] + [entity_id]
    gone_ids = set(gone)
    referrers: dict[str, Entity] = {}
    for target in gone:
        for reference in model.references_to(target):
            source = model.get(reference.source)
            if source is None or source.id in gone_ids or reference.field.startswith("raci."):
                continue
            copy_ = referrers.setdefault(source.id, copy.deepcopy(source))
            value = getattr(copy_, reference.field)
            if isinstance(value, list):
                setattr(copy_, reference.field, [v for v in value if v not in gone_ids])
            else:
                setattr(copy_, reference.field, None)
    unassign = list(
        dict.fromkeys(
            a
            for target in gone
            for a in (*model.assignments_of_item(target), *model.assignments_of_actor(target))
        )
    )
    change = Change(put=list(referrers.values()), delete=gone, unassign=unassign)
    if any(gone_ids & set(w.target) for w in model.waivers):
        kept = [dataclasses.replace(w, target=[t for t in w.target if t not in gone_ids])
                for w in model.waivers]
        change.waivers = [w for w in kept if w.target]
    return change


def set_cells(model: Model, cells: Mapping[tuple[str, str], Iterable[Letter]],
              change: Change | None = None) -> Change:
    """The change that gives each (item, actor) exactly these letters, taking
    away all of its letters where none are given, added to `change` (a new one
    if None). An indicator given letters carries a `raci` block from then on,
    and one left with none carries none: the indicator the change puts, else
    the model's (`with_raci_blocks`)."""
    change = Change() if change is None else change
    for (item, actor), letters in cells.items():
        held = tuple(letters)
        if held:
            change.assign += [Assignment(item, letter, actor) for letter in held]
        else:
            change.unassign += [a for a in model.assignments_of_item(item) if a.actor == actor]
    return with_raci_blocks(model, change)


def with_raci_blocks(model: Model, change: Change) -> Change:
    """`change`, with each indicator it gives letters marked as carrying a
    `raci` block, and each it takes the last letters of as carrying none: an
    indicator whose letters are all gone is one that never had any (SPEC §1;
    the model file would write an empty block, and OWN001 ask it for an
    Accountable)."""
    put = {entity.id: number for number, entity in enumerate(change.put)}
    given = {a.item for a in change.assign}
    taken = set(change.unassign)
    for item in dict.fromkeys(a.item for a in (*change.assign, *change.unassign)):
        carries = item in given or any(a not in taken for a in model.assignments_of_item(item))
        entity = change.put[put[item]] if item in put else model.kpis.get(item)
        if not isinstance(entity, Kpi) or entity.has_raci == carries:
            continue
        marked = dataclasses.replace(entity, has_raci=carries)
        if item in put:
            change.put[put[item]] = marked
        else:
            change.put.append(marked)
    return change


def composed(model: Model, steps: Sequence[Callable[[Model], Change]]) -> Change:
    """One change that does what `steps` do one after the other, each built
    on the model as the ones before left it (bodies merged into one in turn,
    say). The steps are tried on `model` itself and undone again: it is left
    holding what it held. A step that renames cannot be composed."""
    if len(steps) == 1:
        return steps[0](model)
    undos: list[Change] = []
    touched: dict[str, None] = {}
    cells: dict[tuple[str, str], None] = {}
    org = waivers = None
    try:
        for build in steps:
            change = build(model)
            if change.rename is not None:
                raise ValueError("a change that renames cannot be composed")
            undos.append(change.apply(model))
            touched.update(dict.fromkeys([*(e.id for e in change.put), *change.delete]))
            cells.update(dict.fromkeys((a.item, a.actor)
                                       for a in (*change.assign, *change.unassign)))
            org = model.org if change.org is not None else org
            waivers = list(model.waivers) if change.waivers is not None else waivers
        at_end = {entity_id: copy.deepcopy(model.get(entity_id)) for entity_id in touched}
        letters = {cell: model.letters_of(*cell) for cell in cells
                   if cell[0] in model and cell[1] in model}
    finally:
        for undo in reversed(undos):
            undo.apply(model)
    net = Change(org=org, waivers=waivers)
    for entity_id, entity in at_end.items():
        if entity is None:
            net.delete += [entity_id] if entity_id in model else []
        elif entity != model.get(entity_id):
            net.put.append(entity)
    for (item, actor), held in letters.items():
        if held != model.letters_of(item, actor):
            net.assign += [Assignment(item, letter, actor) for letter in held]
            net.unassign += [] if held else [a for a in model.assignments_of_item(item)
                                              if a.actor == actor]
    return net


@dataclass(frozen=True)
class Difference:
    """Something a change touches that a model no longer holds as the change found it."""

    what: str
    """``{id}`` (an entity), ``the assignment of {actor} on {item}``, ``the
    assignments of {id}``, ``the organisation's name, description or as-of
    date``, ``the list of waivers``: a template the ids fill."""
    ids: dict[str, str] = field(default_factory=dict)
    how: str = "changed"
    """``changed``, ``added`` (absent when the change was made) or ``removed``."""

    def subject(self, name: Callable[[str], str] = str) -> Said:
        """What differs, each id written by `name` (by default the id itself)."""
        return Said(self.what, **{key: name(value) for key, value in self.ids.items()})


def waiver_key(waiver: Waiver) -> tuple[str, tuple[str, ...]]:
    """What tells a waiver from the others: its rule and its target."""
    return waiver.rule, tuple(waiver.target)


def on_waivers_of(model: Model, change: Change, found: Change) -> tuple[Change, Change]:
    """`change` and what it found, each holding `model`'s waivers but for the
    ones `change` adds, replaces or removes.

    A change carries the whole waiver list as it left it; played on a model
    where another waiver changed since (another scenario applied), it would
    undo that change, and `changed_since` would refuse it though it touches
    another waiver.
    """
    if change.waivers is None:
        return change, found
    made = {waiver_key(w): w for w in change.waivers}
    then = {waiver_key(w): w for w in found.waivers or ()}
    touched = {key for key in made.keys() | then.keys() if made.get(key) != then.get(key)}
    return (dataclasses.replace(change, waivers=_waivers_with(model.waivers, touched, made)),
            dataclasses.replace(found, waivers=_waivers_with(model.waivers, touched, then)))


def _waivers_with(waivers: Sequence[Waiver], touched: set[tuple[str, tuple[str, ...]]],
                  these: Mapping[tuple[str, tuple[str, ...]], Waiver]) -> list[Waiver]:
    """`waivers` with each touched one as in `these` (gone when not there), in its place."""
    held = {waiver_key(w) for w in waivers}
    kept = [these.get(key) if (key := waiver_key(w)) in touched else w for w in waivers]
    added = [w for key, w in these.items() if key in touched and key not in held]
    return [w for w in kept if w is not None] + added


def changed_since(model: Model, change: Change, found: Change) -> Difference | None:
    """What `change` touches that `model` no longer holds as the change found it.

    `found` is what the change found where it was made: its inverse then,
    holding the entities it replaced or removed (an entity it added was
    absent), the letters it replaced or removed (a cell it assigned anew had
    none), the assignments of each entity it removed, the org header and
    waivers. A change may be made on `model` when nothing differs; otherwise
    it would overwrite, or silently drop, what changed since.
    """
    if change.rename is not None:
        old, new = change.rename
        if old not in model:
            return Difference("{id}", {"id": old}, "removed")
        return Difference("{id}", {"id": new}, "added") if new in model else None
    entities_found = {entity.id: entity for entity in found.put}
    for entity_id in (*(entity.id for entity in change.put), *change.delete):
        now, then = model.get(entity_id), entities_found.get(entity_id)
        if now != then:
            how = "added" if then is None else "removed" if now is None else "changed"
            return Difference("{id}", {"id": entity_id}, how)
    letters_found: dict[tuple[str, str], set[str]] = {}
    for a in found.assign:
        letters_found.setdefault((a.item, a.actor), set()).add(a.letter)
    for a in (*change.assign, *change.unassign):
        if set(model.letters_of(a.item, a.actor)) != letters_found.get((a.item, a.actor), set()):
            return Difference(N_("the assignment of {actor} on {item}"),
                              {"actor": a.actor, "item": a.item})
    for entity_id in change.delete:
        held = {*model.assignments_of_item(entity_id), *model.assignments_of_actor(entity_id)}
        if held != {a for a in found.assign if entity_id in (a.item, a.actor)}:
            return Difference(N_("the assignments of {id}"), {"id": entity_id})
    if change.org is not None and model.org != found.org:
        return Difference(N_("the organisation's name, description or as-of date"))
    if change.waivers is not None and model.waivers != found.waivers:
        return Difference(N_("the list of waivers"))
    return None
