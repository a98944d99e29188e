"""Between a `Model` and the model file's data (plain dicts and lists).

The data is what a YAML or JSON file holds (docs/model-format.md): dates as ISO strings,
optional fields left out when empty or unset, each item's assignments as a
``raci`` block inside the item. Assignments live in `Model.assignments`, not
on the entities, so `entity_from_data` ignores a ``raci`` key (except that a
kpi notes that it carries one) and `raci_from_data` turns the block into
`Assignment`s; `raci_to_data` writes an item's block back.

`model_from_data` trusts its input: call it on data that passed the schema
(`raci.formats.schema`), as `read_model` does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields
from typing import Any, cast

from raci.formats.schema import KIND_SECTIONS, SECTION_KINDS
from raci.model import KINDS, Assignment, Entity, Kpi, Letter, Model, Org, Waiver, parse_date
from raci.model import kind_of as model_kind_of
from raci.model.entities import CELL_ORDER

FORMAT_VERSION = 1
DATE_FIELDS = frozenset({"as_of", "sunset", "established", "due", "start", "end", "expires"})

# Fields that are not keys of the file, or are written only when they differ
# from the dataclass default (False for `external` and a role's `temporary`).
_NOT_KEYS = frozenset({"has_raci"})


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return parse_date(value)


_CONVERSIONS: dict[str, Any] = {
    **dict.fromkeys(DATE_FIELDS, _date),
    "capacity_fte": float,
    "demand_fte": float,
    "meets_every_days": int,
}


_CONVERTED_FIELDS: dict[str, tuple[str, ...]] = {
    kind: tuple(spec.name for spec in fields(cls) if spec.name in _CONVERSIONS)
    for kind, (_, cls) in KINDS.items()
}


def entity_from_data(kind: str, data: dict[str, Any]) -> Entity:
    """An entity of `kind` from its (valid) data; a ``raci`` key is not read here."""
    cls = KINDS[kind][1]
    values = {key: value for key, value in data.items() if value is not None}
    values.pop("raci", None)
    for key in _CONVERTED_FIELDS[kind]:
        if key in values:
            values[key] = _CONVERSIONS[key](values[key])
    entity = cls(**values)
    if isinstance(entity, Kpi):
        entity.has_raci = "raci" in data
    return entity


def entity_to_data(entity: Entity) -> dict[str, Any]:
    """The entity as the file writes it: set fields only, dates as ISO strings."""
    data: dict[str, Any] = {}
    for spec in fields(entity):
        value = getattr(entity, spec.name)
        if spec.name in _NOT_KEYS or value is None or value == []:
            continue
        if value is False and spec.default is False:
            continue
        data[spec.name] = value.isoformat() if isinstance(value, dt.date) else value
    return data


def raci_from_data(item_id: str, block: dict[str, Any] | None) -> list[Assignment]:
    """The assignments of one item's ``raci`` block (a letter: an id or a list)."""
    assignments: list[Assignment] = []
    for letter, actors in (block or {}).items():
        for actor in [actors] if isinstance(actors, str) else actors or []:
            assignments.append(Assignment(item_id, cast(Letter, letter), actor))
    return assignments


def raci_to_data(model: Model, item_id: str) -> dict[str, Any]:
    """An item's ``raci`` block: letters A, R, C, I; one actor plain, several as a list."""
    by_letter: dict[str, list[str]] = {}
    for assignment in model.assignments_of_item(item_id):
        by_letter.setdefault(assignment.letter, []).append(assignment.actor)
    return {
        letter: actors[0] if len(actors) == 1 else actors
        for letter in CELL_ORDER
        if (actors := by_letter.get(letter))
    }


def org_to_data(org: Org) -> dict[str, Any]:
    data: dict[str, Any] = {"name": org.name}
    if org.description is not None:
        data["description"] = org.description
    if org.as_of is not None:
        data["as_of"] = org.as_of.isoformat()
    if org.not_recorded:
        data["not_recorded"] = list(org.not_recorded)
    return data


def org_from_data(data: dict[str, Any]) -> Org:
    return Org(name=data["name"], description=data.get("description"),
               as_of=_date(data.get("as_of")), not_recorded=list(data.get("not_recorded") or []))


def waiver_to_data(waiver: Waiver) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": waiver.rule,
        "target": waiver.target[0] if len(waiver.target) == 1 else list(waiver.target),
        "reason": waiver.reason,
    }
    if waiver.expires is not None:
        data["expires"] = waiver.expires.isoformat()
    if waiver.author is not None:
        data["author"] = waiver.author
    return data


def waiver_from_data(data: dict[str, Any]) -> Waiver:
    target = data["target"]
    return Waiver(
        rule=data["rule"],
        target=[target] if isinstance(target, str) else list(target),
        reason=data["reason"],
        expires=_date(data.get("expires")),
        author=data.get("author"),
    )


def model_to_data(model: Model) -> dict[str, Any]:
    """The whole file structure, in the key order of docs/model-format.md; empty
    sections left out."""
    data: dict[str, Any] = {"raci": FORMAT_VERSION, "org": org_to_data(model.org)}
    for kind, (attribute, _) in KINDS.items():
        entities = getattr(model, attribute)
        if entities:
            data[KIND_SECTIONS[kind]] = [_entity_with_raci(model, e) for e in entities.values()]
    if model.waivers:
        data["waivers"] = [waiver_to_data(w) for w in model.waivers]
    return data


def _entity_with_raci(model: Model, entity: Entity) -> dict[str, Any]:
    data = entity_to_data(entity)
    if model_kind_of(entity) in ("goal", "initiative", "decision", "kpi"):
        block = raci_to_data(model, entity.id)
        if block or (isinstance(entity, Kpi) and entity.has_raci):
            data["raci"] = block
    return data


def model_from_data(data: dict[str, Any]) -> Model:
    """A model from data that passed the schema and has unique ids."""
    model = Model(org_from_data(data["org"]))
    assignments: list[Assignment] = []
    for section, kind in SECTION_KINDS.items():
        collection = model.collection(kind)
        for entity_data in data.get(section) or []:
            entity = entity_from_data(kind, entity_data)
            collection[entity.id] = entity
            if "raci" in entity_data:
                assignments.extend(raci_from_data(entity.id, entity_data["raci"]))
    model.assignments = assignments
    model.waivers = [waiver_from_data(w) for w in data.get("waivers") or []]
    model.changed()
    return model

