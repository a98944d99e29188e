"""The usual remedies as changes: merge two bodies, retire a body, remove a
person, move an item's A.

Each function reads the model and returns one `Change`; it changes nothing
itself, so the change can be tried in a scenario, saved and undone like any
edit. Ids are taken as given (the caller has looked them up); a remedy that
makes no sense (a body merged into itself, letters handed to the one who
goes) is a `ValueError` with the reason in the user's words, a `Said` to be
said again in the user's language.

When an actor takes over letters on an item where it already holds some, it
keeps the strongest, A > R > C > I (`STRONGEST_FIRST`), except that A and R
together stay A/R, the one pair an actor may hold (`combined`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from raci.i18n import N_, Said
from raci.model.changes import Change, removal, set_cells
from raci.model.entities import CELL_ORDER, PAIRED_LETTERS, Assignment, Body, Entity, Letter
from raci.model.model import REFERENCE_FIELDS, Model, kind_of

STRONGEST_FIRST: tuple[Letter, ...] = ("A", "R", "C", "I")
"""Which letter an actor keeps when two holdings on one item become one."""


def combined(*cells: Iterable[Letter]) -> tuple[Letter, ...]:
    """One actor's letters on an item when several holdings become one: A and R
    where both are among them (A/R), else the strongest letter; in `CELL_ORDER`."""
    held = {letter for cell in cells for letter in cell}
    paired = tuple(letter for letter in CELL_ORDER if letter in held & PAIRED_LETTERS)
    if paired:
        return paired
    return next(((letter,) for letter in STRONGEST_FIRST if letter in held), ())


def merge_bodies(model: Model, body_id: str, into: str, chair: str | None = None) -> Change:
    """Body `body_id` merged into body `into`: the members united (`into`'s
    first), chaired by `chair` (default: `into`'s chair, else the other's),
    every letter moved to `into`, and `body_id` retired: whatever reported to
    it reports to `into`, its waiver targets go. Where `into` reported to
    `body_id`, it now reports where `body_id` reported."""
    if body_id == into:
        raise ValueError(Said(N_("{body} cannot be merged into itself"), body=body_id))
    gone, kept = _body(model, body_id), _body(model, into)
    reports_to = kept.reports_to
    if reports_to == body_id:
        reports_to = gone.reports_to if gone.reports_to != into else None
    merged = dataclasses.replace(
        kept,
        members=list(dict.fromkeys([*kept.members, *gone.members])),
        chair=chair if chair is not None else kept.chair or gone.chair,
        reports_to=reports_to,
    )
    change = _handing_over(model, body_id, successor=into, letters_to=into)
    change.put = [merged if e.id == into else e for e in change.put]
    if into not in {e.id for e in change.put}:
        change.put.append(merged)
    return change


def retire_body(model: Model, body_id: str, to: str | None = None) -> Change:
    """Body `body_id` removed: its letters go to `to` (default: its chair), and
    whatever reported to it reports where it reported (to nothing, where it
    reported to itself). Its seats simply go."""
    body = _body(model, body_id)
    heir = to if to is not None else body.chair
    if heir is None:
        raise ValueError(Said(N_("{body} has no chair to take its assignments; say who "
                                "does with --to ACTOR"), body=body_id))
    if heir == body_id:
        raise ValueError(Said(N_("{body} cannot take over its own assignments"), body=body_id))
    successor = None if body.reports_to == body_id else body.reports_to
    return _handing_over(model, body_id, successor=successor, letters_to=heir)


def remove_person(model: Model, person_id: str, to: str | None = None) -> Change:
    """Person `person_id` removed: the roles they held become vacant (or keep
    their other holders), their seats and chairs go, and the letters they held
    directly go to `to`, or go too when `to` is None. Letters held through a
    role stay with the role."""
    if model.kind(person_id) != "person":
        raise ValueError(Said(N_("{id} is not a person"), id=person_id))
    if to == person_id:
        raise ValueError(Said(N_("{person} cannot take over their own letters"),
                              person=person_id))
    return _handing_over(model, person_id, successor=None, letters_to=to)


def move_accountable(model: Model, item_id: str, to: str, former: Letter | None = None) -> Change:
    """`to` becomes the one Accountable of the item. Every other Accountable
    loses its A and keeps its R if it held A/R; `former`, if given, is the
    letter they get instead (combined with what they keep)."""
    holders = [actor for actor in model.actors(item_id, "A") if actor != to]
    if not holders and "A" in model.letters_of(item_id, to):
        raise ValueError(Said(N_("{actor} is already the one Accountable of {item}"),
                              actor=to, item=item_id))
    cells = {(item_id, to): combined(model.letters_of(item_id, to), ("A",))}
    for holder in holders:
        kept = tuple(letter for letter in model.letters_of(item_id, holder) if letter != "A")
        cells[item_id, holder] = combined(kept, () if former is None else (former,))
    return set_cells(model, cells)


def _body(model: Model, body_id: str) -> Body:
    body = model.bodies.get(body_id)
    if body is None:
        raise ValueError(Said(N_("{id} is not a body"), id=body_id))
    return body


def _handing_over(model: Model, entity_id: str, *, successor: str | None,
                  letters_to: str | None) -> Change:
    """The change that removes an actor (`removal`), with every single-valued
    reference to it (a ``reports_to``) moved to `successor`, and the letters
    it held moved to `letters_to` (`combined` with what that actor holds)."""
    change = removal(model, entity_id)
    change.put = [_referring_to(model, e, entity_id, successor) for e in change.put]
    if letters_to is None:
        return change
    letters: dict[str, list[Letter]] = {}
    for a in model.assignments_of_actor(entity_id):
        letters.setdefault(a.item, []).append(a.letter)
    for item_id, taken in letters.items():
        before = model.letters_of(item_id, letters_to)
        after = combined(before, taken)
        if after != before:
            change.assign.extend(Assignment(item_id, letter, letters_to) for letter in after)
    return change


def _referring_to(model: Model, referrer: Entity, entity_id: str,
                  successor: str | None) -> Entity:
    """A referrer as `removal` left it, its single references to `entity_id`
    now naming `successor` (never itself: a body does not report to itself)."""
    original = model.get(referrer.id)
    assert original is not None
    moved: dict[str, Any] = {name: successor for name in REFERENCE_FIELDS[kind_of(original)]
             if getattr(original, name) == entity_id and successor != original.id}
    return dataclasses.replace(referrer, **moved) if moved else referrer
