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

A change's line (`Step.summary`) is kept as data too, so that whoever reads
it later reads it in their own language: a `Said` as its template and values
(``{"template": "renamed {old} to {new}", "values": {"old": "g.a", ...}}``,
with ``plural`` and ``number`` where a number decides the form, ``context``
for a word told apart by one); a rule's `Message` (a suggestion's line) the
same with ``"domain": "rules"``; values tagged where they are more than
text (``{"named": [id, name, kind]}``, ``{"joined": [...], "separator": ",
"}``, ``{"date": "2027-01-31"}``). Any other text is kept as it is: an older
raci stored every line made in the app, the review and `lint --fix` that
way, in its writer's language.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, cast

from raci.formats.convert import (
    entity_from_data,
    entity_to_data,
    org_from_data,
    org_to_data,
    waiver_from_data,
    waiver_to_data,
)
from raci.i18n import Said, counted, in_context
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


def line_to_data(line: str) -> str | dict[str, Any]:
    """A change's line as kept: a `Said` or a rule's `Message` as data, other text as it is."""
    return line if type(line) is str else cast(dict[str, Any], _said_to_data(line))


def line_from_data(data: str | dict[str, Any]) -> str:
    """A kept line again: a `Said` or `Message` where it was kept as data, else the text."""
    return data if isinstance(data, str) else cast(str, _said_from_data(data))


def line_renamed(data: str | dict[str, Any], old: str, new: str) -> str | dict[str, Any]:
    """A kept line naming `new` wherever it named `old` (`raci rename`): in
    each of its values that names ids, as an id on its own, among ids (``g.a,
    g.b``) or after a name (``Stuurgroep (sg)``); in a line kept as text, in
    the text. Its template stays as it is, and so does a person's own text in
    it (a waiver's reason), as applying writes that text unchanged."""
    if isinstance(data, str):
        named = re.compile(rf"(?<![A-Za-z0-9_.:-]){re.escape(old)}"
                           r"(?![A-Za-z0-9_]|[.:-][A-Za-z0-9_.:-])")
        return named.sub(new, data)

    def ids(text: str) -> str:
        return ", ".join(new if each == old else
                         f"{each.removesuffix(f'({old})')}({new})" if each.endswith(f" ({old})")
                         else each for each in text.split(", "))

    def value(part: Any) -> Any:
        if isinstance(part, str):
            return ids(part)
        if isinstance(part, list):
            return [value(each) for each in part]
        if not isinstance(part, dict):
            return part
        if "named" in part:
            entity_id, name, kind = part["named"]
            return {"named": [new if entity_id == old else entity_id, name, kind]}
        if "joined" in part:
            return part | {"joined": value(part["joined"])}
        if "values" in part:
            return part | {"values": {name: value(v) for name, v in part["values"].items()}}
        return part  # a date, a number

    return value(data)


def _said_to_data(value: object) -> object:
    if isinstance(value, Said) and value.context is not None:
        return {"template": value.template, "context": value.context, "values": {}}
    if isinstance(value, Said):
        return _with_number({"template": value.template, "values": _values_data(value.values)},
                            value.plural, value.number)
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if type(value) is str or not isinstance(value, str):
        return value
    from raci.lint.message import Joined, Message, Named  # only a rule's line is one

    if isinstance(value, Message):
        return _with_number({"template": value.template, "domain": "rules",
                             "values": _values_data(value.values)}, value.plural, value.number)
    if isinstance(value, Joined):
        return {"joined": [_said_to_data(part) for part in value.parts],
                "separator": value.separator}
    if isinstance(value, Named):
        return {"named": [value.id, value.name, value.kind]}
    return str(value)


def _values_data(values: Any) -> dict[str, object]:
    return {name: _said_to_data(value) for name, value in values.items()}


def _with_number(data: dict[str, Any], plural: str | None, number: int) -> dict[str, Any]:
    return data if plural is None else data | {"plural": plural, "number": number}


def _said_from_data(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    if "date" in value:
        return dt.date.fromisoformat(value["date"])
    if "decimal" in value:
        return Decimal(value["decimal"])
    if "template" not in value:
        from raci.lint.message import Joined, Named

        if "joined" in value:
            return Joined(map(_said_from_data, value["joined"]), value["separator"])
        return Named(*value["named"])
    values = {name: _said_from_data(v) for name, v in value["values"].items()}
    plural, number = value.get("plural"), value.get("number", 1)
    if value.get("domain") == "rules":
        from raci.lint.message import Message

        return Message(value["template"], values, plural, number)
    if "context" in value:
        return in_context(value["context"], value["template"])
    if plural is not None:
        return counted(value["template"], plural, number, **values)
    return Said(value["template"], **values)
