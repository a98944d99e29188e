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
    REFERENCE_FIELDS,
    Entity,
    Model,
    entity_fields,
    kind_of,
    referenced_ids,
)
from raci.model.entities import LETTER_WORDS

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
FIELD_LABELS = {
    "parent": "part of", "capacity_fte": "capacity (FTE)", "holders": "held by",
    "reports_to": "reports to", "meets_every_days": "meets every … days",
    "depends_on": "depends on", "success_criteria": "success criteria",
    "demand_fte": "demand (FTE)", "not_recorded": "not recorded", "as_of": "as of",
    **LETTER_WORDS,
}
"""How a form and the detail pane name a field: in words, not as the file's key."""


def field_label(name: str) -> str:
    """``meets every … days`` for ``meets_every_days``; ``A Accountable`` for ``A``."""
    if name in LETTER_WORDS:
        return f"{name} {LETTER_WORDS[name]}"
    return FIELD_LABELS.get(name, name.replace("_", " "))


def in_words(value: str) -> str:
    """A choice as it reads: ``steering group`` for ``steering_group``."""
    return value.replace("_", " ")


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


def field_lines(model: Model, entity: Entity) -> list[tuple[str, str]]:
    """(field in words, value as text) for every field that has a value;
    the entities a field names by name and id, choices in words."""
    references = REFERENCE_FIELDS[kind_of(entity)]
    lines = []
    for name in entity_fields(entity):
        value = getattr(entity, name)
        if value in (None, [], "") or value is False:
            continue
        if name in references:
            text = labels(model, value if isinstance(value, list) else [value])
        elif name in ("kind", "status", "type"):
            text = in_words(value)
        else:
            text = _text(value)
        lines.append((field_label(name), text))
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
