"""A `Change`: one edit of a model, as the store saves it in one transaction.

The command line's edit verbs and the app build a `Change`, apply it to the
in-memory `Model` and hand it to the store. Its `inverse` is what undo saves.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field

from raci.model.entities import Assignment, Entity, Org, Waiver
from raci.model.model import Model


@dataclass
class Change:
    """Entities to put (added or replaced whole) and to delete, assignments to
    add and remove, and optionally a new org header or waiver list."""

    put: list[Entity] = field(default_factory=list)
    delete: list[str] = field(default_factory=list)
    assign: list[Assignment] = field(default_factory=list)
    unassign: list[Assignment] = field(default_factory=list)
    org: Org | None = None
    waivers: list[Waiver] | None = None

    def apply(self, model: Model) -> Change:
        """Apply to `model` and return the change that undoes it."""
        inverse = Change()
        if self.org is not None:
            inverse.org, model.org = model.org, self.org
        if self.waivers is not None:
            inverse.waivers, model.waivers = model.waivers, list(self.waivers)
        for a in self.unassign:
            if a in model.assignments_of_item(a.item):
                inverse.assign.append(a)
                model.assignments.remove(a)
                model.changed()
        for entity_id in self.delete:
            old = model.get(entity_id)
            if old is not None:
                inverse.put.append(copy.deepcopy(old))
                inverse.assign.extend(
                    a for a in model.assignments
                    if (a.item == entity_id or a.actor == entity_id) and a not in self.unassign
                )
                model.remove(entity_id)
        for entity in self.put:
            old = model.get(entity.id)
            if old is None:
                inverse.delete.append(entity.id)
                model.add(entity)
            else:
                inverse.put.append(copy.deepcopy(old))
                model.replace(entity)
        for a in self.assign:
            previous = model.letter_of(a.item, a.actor)
            if previous is not None:
                inverse.assign.append(Assignment(a.item, previous, a.actor))
            model.assign(a.item, a.letter, a.actor)
            inverse.unassign.append(a)
        return inverse

    def is_empty(self) -> bool:
        return not (
            self.put or self.delete or self.assign or self.unassign
            or self.org is not None or self.waivers is not None
        )


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
