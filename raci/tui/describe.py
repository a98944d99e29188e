"""What the app says about an entity: its label, fields and relations both ways.

Plain functions over the `Model` (no Textual), so the explorer, the palette
and the tests share one wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from raci.model import (
    ACTOR_KINDS,
    ITEM_KINDS,
    Entity,
    Model,
    entity_fields,
    kind_of,
    referenced_ids,
)

KIND_TITLES = {
    "unit": "Units",
    "person": "People",
    "role": "Roles",
    "body": "Bodies",
    "goal": "Goals",
    "initiative": "Initiatives",
    "decision": "Decisions",
    "kpi": "Indicators",
}

# How a reference reads from the entity that holds the field...
OUTGOING = {
    "parent": "part of",
    "unit": "in unit",
    "holders": "held by",
    "reports_to": "reports to",
    "chair": "chaired by",
    "members": "member",
    "goals": "contributes to",
    "depends_on": "depends on",
    "about": "about",
    "measures": "measures",
}
# ...and from the entity it names.
INCOMING = {
    "parent": "contains",
    "unit": "has",
    "holders": "holds",
    "reports_to": "reported to by",
    "chair": "chairs",
    "members": "seat in",
    "goals": "contributed to by",
    "depends_on": "needed by",
    "about": "decided in",
    "measures": "measured by",
}
LETTER_WORDS = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}


@dataclass(frozen=True)
class Relation:
    """One line of the detail pane's relations: choosing it moves to `target`."""

    label: str
    target: str


def plural(count: int, word: str) -> str:
    """`1 error`, `2 errors`; "info" and "waived" stay as they are."""
    return f"{count} {word_for(count, word)}"


def word_for(count: int, word: str) -> str:
    return word if count == 1 or word in ("info", "waived") else f"{word}s"


def label(model: Model, entity_id: str) -> str:
    """`name (id)`, or the bare id when the model has no such entity."""
    entity = model.get(entity_id)
    return entity_id if entity is None else f"{entity.name} ({entity_id})"


def labels(model: Model, entity_ids: list[str] | tuple[str, ...]) -> str:
    """`name (id), name (id)`: several entities in one line."""
    return ", ".join(label(model, entity_id) for entity_id in entity_ids)


def field_lines(entity: Entity) -> list[tuple[str, str]]:
    """(field, value as text) for every field that has a value."""
    lines = []
    for name in entity_fields(entity):
        value = getattr(entity, name)
        if value in (None, [], "") or value is False:
            continue
        lines.append((name, _text(value)))
    return lines


def _text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def relations(model: Model, entity_id: str) -> list[Relation]:
    """The entity's relations both ways: what it names, what names it, its assignments."""
    entity = model.get(entity_id)
    if entity is None:
        return []
    found = [
        Relation(f"{OUTGOING[name]}: {label(model, target)}", target)
        for name, target in referenced_ids(entity)
    ]
    for reference in model.references_to(entity_id):
        if reference.field in INCOMING:
            source_kind = model.kind(reference.source) or ""
            word = INCOMING[reference.field]
            if reference.field == "unit":
                word = f"has {source_kind}"
            found.append(Relation(f"{word}: {label(model, reference.source)}", reference.source))
    kind = kind_of(entity)
    if kind in ITEM_KINDS:
        found.extend(
            Relation(f"{a.letter} ({LETTER_WORDS[a.letter]}): {label(model, a.actor)}", a.actor)
            for a in model.assignments_of_item(entity_id)
        )
    if kind in ACTOR_KINDS:
        found.extend(
            Relation(f"{a.letter} on {label(model, a.item)}", a.item)
            for a in model.assignments_of_actor(entity_id)
        )
    return found
