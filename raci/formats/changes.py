"""A `Change` as plain data (dicts, lists, strings and numbers) and back.

Scenarios keep their changes this way, and `raci scenario show --format json`
prints it. Entities are written as the model file writes them
(`entity_to_data`), under their kind; an indicator that carries a ``raci``
block has an empty one, so that ``has_raci`` survives. Only the parts a change
uses are written:

    {"rename": ["old", "new"], "org": {...}, "waivers": [...],
     "put": [{"kind": "body", "entity": {...}}], "delete": ["id"],
     "assign": [{"item": "g", "letter": "A", "actor": "r"}], "unassign": [...]}

`change_from_data` trusts its input: it reads what `change_to_data` wrote.
"""

from __future__ import annotations

from typing import Any, cast

from raci.formats.convert import (
    entity_from_data,
    entity_to_data,
    org_from_data,
    org_to_data,
    waiver_from_data,
    waiver_to_data,
)
from raci.model import Assignment, Entity, Kpi, Letter, kind_of
from raci.model.changes import Change


def change_to_data(change: Change) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if change.rename is not None:
        data["rename"] = list(change.rename)
    if change.org is not None:
        data["org"] = org_to_data(change.org)
    if change.waivers is not None:
        data["waivers"] = [waiver_to_data(w) for w in change.waivers]
    if change.put:
        data["put"] = [{"kind": kind_of(e), "entity": _entity_data(e)} for e in change.put]
    if change.delete:
        data["delete"] = list(change.delete)
    if change.assign:
        data["assign"] = [a._asdict() for a in change.assign]
    if change.unassign:
        data["unassign"] = [a._asdict() for a in change.unassign]
    if change.before:
        data["before"] = dict(change.before)
    return data


def change_from_data(data: dict[str, Any]) -> Change:
    rename = data.get("rename")
    return Change(
        put=[entity_from_data(entry["kind"], entry["entity"]) for entry in data.get("put", [])],
        delete=list(data.get("delete", [])),
        assign=[_assignment(a) for a in data.get("assign", [])],
        unassign=[_assignment(a) for a in data.get("unassign", [])],
        org=org_from_data(data["org"]) if "org" in data else None,
        waivers=[waiver_from_data(w) for w in data["waivers"]] if "waivers" in data else None,
        rename=(rename[0], rename[1]) if rename is not None else None,
        before=dict(data.get("before", {})),
    )


def _entity_data(entity: Entity) -> dict[str, Any]:
    data = entity_to_data(entity)
    if isinstance(entity, Kpi) and entity.has_raci:
        data["raci"] = {}
    return data


def _assignment(data: dict[str, str]) -> Assignment:
    return Assignment(data["item"], cast(Letter, data["letter"]), data["actor"])
