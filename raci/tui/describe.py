"""What the app says about an entity: its label, fields and relations both ways.

Plain functions over the `Model` (no Textual), so the explorer, the palette
and the tests share one wording.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from raci.i18n import _, format_count, format_date, format_decimal
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
from raci.model.changes import Change
from raci.vocabulary import (
    BODY_KIND_NAMES,
    FACT_WORDS,
    FIELD_LABELS,
    INCOMING,
    KIND_NAMES,
    KPI_TYPE_WORDS,
    LETTER_WORDS,
    OUTGOING,
    STATUS_WORDS,
    counted,
)


def field_label(name: str) -> str:
    """``meets every … days`` for ``meets_every_days``; ``A Accountable`` for ``A``."""
    if name in LETTER_WORDS:
        return f"{name} {LETTER_WORDS[name]}"
    return FIELD_LABELS.get(name, name.replace("_", " "))


def in_words(value: str) -> str:
    """A choice as it reads: ``steering group`` (``stuurgroep``) for ``steering_group``."""
    for words in (BODY_KIND_NAMES, STATUS_WORDS, KPI_TYPE_WORDS, FACT_WORDS):
        if value in words:
            return words[value]
    return value.replace("_", " ")


@dataclass(frozen=True)
class Relation:
    """One line of the detail pane's relations: choosing it moves to `target`."""

    label: str
    target: str


plural = counted


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
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float):
        return format_decimal(value, "0.###")
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
                word = _("has {kind}").format(kind=KIND_NAMES.get(source_kind, source_kind))
            found.append(Relation(f"{word}: {label(model, reference.source)}", reference.source))
    kind = kind_of(entity)
    if kind == "person":
        found += _seats_through_roles(model, entity_id)
    if kind in ITEM_KINDS:
        found.extend(
            Relation(f"{a.letter} ({LETTER_WORDS[a.letter]}): {label(model, a.actor)}", a.actor)
            for a in model.assignments_of_item(entity_id)
        )
    if kind in ACTOR_KINDS:
        found.extend(
            Relation(_("{letter} on {item}").format(letter=a.letter, item=label(model, a.item)),
                     a.item)
            for a in model.assignments_of_actor(entity_id)
        )
    return found


def _seats_through_roles(model: Model, person_id: str) -> list[Relation]:
    """The seats and chairs a person holds through the roles they hold: they
    are the person's too (a person holds a seat or a chair directly, or
    through a role; PPL002 counts them), said with the role they come by."""
    found = []
    for held in model.references_to(person_id):
        if held.field != "holders":
            continue
        for seat in model.references_to(held.source):
            if seat.field in ("members", "chair"):
                found.append(Relation(_("{relation}: {body}, via {role}").format(
                    relation=INCOMING[seat.field], body=label(model, seat.source),
                    role=label(model, held.source)), seat.source))
    return found


def what_a_change_touches(model: Model, change: Change) -> str:
    """What `change` would have changed, as a noun phrase for "your edit of
    …": "role Programme director (r.pd)", "the assignments on Goal (g.x)".
    `model` is the model without the change (its deleted entities are there)."""
    parts: list[str] = []
    if change.rename is not None:
        parts.append(_kind_label(model, change.rename[0]))
    named = [f"{KIND_NAMES[kind_of(entity)]} {entity.name} ({entity.id})" for entity in change.put]
    named += [_kind_label(model, entity_id) for entity_id in change.delete]
    if len(named) > 3:
        named = [*named[:2], _("{count} more").format(count=format_count(len(named) - 2))]
    parts += named
    items = list(dict.fromkeys(a.item for a in (*change.assign, *change.unassign)))
    if items and not named:
        parts.append(_("the assignments on {items}").format(items=labels(model, items[:3])))
    if change.org is not None:
        parts.append(_("the organisation"))
    if change.waivers is not None:
        parts.append(_("the waivers"))
    return ", ".join(parts)


def _kind_label(model: Model, entity_id: str) -> str:
    kind = model.kind(entity_id)
    named = label(model, entity_id)
    return named if kind is None else f"{KIND_NAMES[kind]} {named}"
