"""What every converter draws on: a `Builder` that adds entities once, and small tools.

A converter reads one source and tells the builder what the source says:
people by their handle, roles with their holders, bodies, items and RACI
letters. The builder makes each person once (a handle met again, in any
case, is the same person), keeps ids unique across the model, and keeps
each actor's letters on an item to what a cell may hold (one letter, or A
with R). Models are built in format revision 2; `to_revision_1` takes out
what raci 0.1 could not hold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from raci.model import (
    Assignment,
    Body,
    Decision,
    Entity,
    Goal,
    Initiative,
    Letter,
    Model,
    Org,
    Person,
    Role,
    Unit,
)
from raci.model.entities import PAIRED_LETTERS

SNAPSHOT = dt.date(2026, 12, 6)
"""The day the data in ../shared/realdata was copied: the as-of date of every
model of a source's current state (its README names the commits)."""

NO_COMPANY = frozenset({"", "independent", "none", "n/a", "self"})
"""Company fields that name no organisation, so make no unit."""

PLACEHOLDERS = frozenset({"tbd", "you?", "foo-baz-bar", "none", "n/a"})
"""Texts a source writes where a value is still to come: no value."""

_NOT_ID = re.compile(r"[^A-Za-z0-9_.:-]+")
_NOT_SLUG = re.compile(r"[^a-z0-9_.]+")
_LETTER_STRENGTH = {"A": 0, "R": 1, "C": 2, "I": 3}


class NamedModel(NamedTuple):
    """A converted model and the name of its file (without the suffix)."""

    name: str
    model: Model


def read_source(path: Path) -> Any:
    """A source file's data: JSON, or YAML read by libyaml's safe loader."""
    written = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(written)
    return yaml.load(written, Loader=yaml.CSafeLoader)


def slug(written: str) -> str:
    """A readable id made of `written`: lower case, accents dropped, runs of other
    characters as one dash; a name in a script with no Latin letters gets a
    short stable digest instead."""
    latin = unicodedata.normalize("NFKD", written).encode("ascii", "ignore").decode()
    made = _NOT_SLUG.sub("-", latin.strip().lower()).strip("-._")[:80]
    return made or "x" + hashlib.sha1(written.encode()).hexdigest()[:8]


def handle_id(handle: str) -> str:
    """A person's id from their handle, case kept (``BoxyUwU``, ``deads2k``)."""
    return _NOT_ID.sub("-", handle.strip().lstrip("@")).lstrip("-._:")[:80]


def text(value: object) -> str | None:
    """A source's free text, trimmed; none when empty or a placeholder ("TBD")."""
    if value is None:
        return None
    written = str(value).strip()
    return None if not written or written.lower() in PLACEHOLDERS else written


Frequencies = list[tuple["re.Pattern[str]", int | None]]
"""How a source writes how often a body meets: a pattern and the days between
meetings, first match winning; None marks a text that gives no plain frequency."""


def cadence(schedules: Iterable[str], frequencies: Frequencies) -> int | None:
    """Days between a body's most frequent meetings, of those whose text reads."""
    days = [next((days for pattern, days in frequencies if pattern.search(schedule)), None)
            for schedule in schedules]
    known = [day for day in days if day is not None]
    return min(known) if known else None


def month_date(text: str) -> dt.date:
    """The first day of a ``YYYY-MM`` month (Apache records months only)."""
    return dt.date.fromisoformat(f"{text}-01")


class Builder:
    """One organisation's model, added to entity by entity."""

    def __init__(self, name: str, description: str, as_of: dt.date | None) -> None:
        self.model = Model(org=Org(name=name, description=description, as_of=as_of))
        self._person_by_key: dict[str, str] = {}
        self._letters: dict[tuple[str, str], set[Letter]] = {}

    # ---- actors ---------------------------------------------------------------

    def unit(self, name: str | None) -> str | None:
        """The unit for a company name, made on first use; none for no company."""
        if name is None or name.strip().lower() in NO_COMPANY:
            return None
        unit_id = slug(name)
        if unit_id not in self.model:
            self.model.add(Unit(id=unit_id, name=name.strip()))
        return unit_id

    def add_unit(self, unit_id: str, name: str, description: str | None = None) -> str:
        self.add(Unit(id=unit_id, name=name, description=description or None))
        return unit_id

    def person(self, handle: str, name: str | None = None, company: str | None = None) -> str:
        """The person with this handle, made on first meeting; a later name or
        company fills in what the first meeting left out."""
        key = handle.strip().lstrip("@").lower()
        person_id = self._person_by_key.get(key)
        if person_id is None:
            person_id = handle_id(handle)
            self.model.add(Person(id=person_id, name=(name or handle).strip()))
            self._person_by_key[key] = person_id
        person = self.model.people[person_id]
        if name and person.name == person_id:
            person.name = name.strip()
        if person.unit is None:
            person.unit = self.unit(company)
        return person_id

    def role(self, role_id: str, name: str, holders: Iterable[str] = (), **fields: Any) -> str:
        self.add(Role(id=role_id, name=name, holders=list(dict.fromkeys(holders)), **fields))
        return role_id

    def body(self, body_id: str, name: str, kind: str, **fields: Any) -> Body:
        body = Body(id=body_id, name=name, kind=kind, **fields)
        body.members = list(dict.fromkeys(body.members))
        self.add(body)
        return body

    # ---- items -----------------------------------------------------------------

    def goal(self, goal_id: str, name: str, **fields: Any) -> str:
        self.add(Goal(id=goal_id, name=name, **fields))
        return goal_id

    def initiative(self, initiative_id: str, name: str, **fields: Any) -> str:
        self.add(Initiative(id=initiative_id, name=name, **fields))
        return initiative_id

    def decision(self, decision_id: str, name: str, **fields: Any) -> str:
        self.add(Decision(id=decision_id, name=name, **fields))
        return decision_id

    def assign(self, item: str, letter: Letter, actors: Iterable[str]) -> None:
        """Give each actor the letter on the item. An actor that already holds
        a letter there keeps the stronger one (A, R, C, I), or both when they
        are A and R: the owner who also does the work."""
        for actor in actors:
            held = self._letters.setdefault((item, actor), set())
            if held | {letter} == PAIRED_LETTERS or not held:
                held.add(letter)
            elif _LETTER_STRENGTH[letter] < min(_LETTER_STRENGTH[x] for x in held):
                held.clear()
                held.add(letter)

    def add(self, entity: Entity) -> None:
        self.model.add(entity)

    def build(self) -> Model:
        """The model, its assignments in item order and then A, R, C, I."""
        self.model.assignments = [
            Assignment(item, letter, actor)
            for (item, actor), letters in self._letters.items()
            for letter in sorted(letters, key=_LETTER_STRENGTH.__getitem__)
        ]
        self.model.assignments.sort(key=lambda a: (a.item, _LETTER_STRENGTH[a.letter]))
        self.model.changed()
        return self.model


def to_revision_1(model: Model) -> Model:
    """What raci 0.1 could hold of a rev. 2 model, changed in place: an A/R
    cell keeps its A only, a body that does not meet (0) has no cadence, and
    the org records no `not_recorded` facts (an import's)."""
    model.org.not_recorded = []
    accountable = {(a.item, a.actor) for a in model.assignments if a.letter == "A"}
    model.assignments = [
        a for a in model.assignments
        if not (a.letter == "R" and (a.item, a.actor) in accountable)
    ]
    for body in model.bodies.values():
        if body.meets_every_days == 0:
            body.meets_every_days = None
    model.changed()
    return model
