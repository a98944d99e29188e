"""Django Software Foundation: its working groups and teams (django/dsf-working-groups).

Each charter in active/ is a body: a "Working Group" one of raci's working
groups (temporary unless the charter says otherwise, and none does), a
"Team" a standing group of kind `other`. Its chair chairs it; co-chairs,
members and liaisons (board, steering council, code of conduct, the
designated line manager) sit in it, each liaison as a role. A seat the
charter writes "TBD" is a vacant role; "You?" (an invitation to join) is no
seat. Cadence is read from the charter's sentence about meeting ("meets
online once per month", "Fortnightly synchronous meeting"). The draft and
archived charters are left out. People are known by name only.
"""

from __future__ import annotations

import re
from pathlib import Path

from benchmarks.realdata.build import (
    SNAPSHOT,
    Builder,
    Frequencies,
    NamedModel,
    cadence,
    read_source,
    slug,
)
from raci.model import Model

MEMBER_KEYS = ("co-chair", "member", "members", "other members")
CHAIR = "chair"
TO_BE_DECIDED = "tbd"
INVITATION = "you?"
MEETING_LINE = re.compile(r"^.*\bmeet.*$", re.IGNORECASE | re.MULTILINE)
FREQUENCIES: Frequencies = [
    (re.compile(r"fortnightly", re.IGNORECASE), 14),
    (re.compile(r"weekly", re.IGNORECASE), 7),
    (re.compile(r"monthly|once per month", re.IGNORECASE), 30),
    (re.compile(r"quarterly", re.IGNORECASE), 90),
]


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("django-working-groups", convert(data / "django-dsf-working-groups"))]


def convert(folder: Path) -> Model:
    builder = Builder("Django Software Foundation: working groups and teams",
                      "Converted from django/dsf-working-groups active/.", SNAPSHOT)
    membership = read_source(folder / "membership_extracted.json")
    for path in sorted((folder / "active").glob("*.md")):
        _group(builder, path, membership.get(f"active/{path.name}") or {})
    return builder.build()


def _group(builder: Builder, path: Path, seats: dict[str, list[str]]) -> None:
    charter = path.read_text(encoding="utf-8")
    title = charter.splitlines()[0].lstrip("# ").strip()
    body_id = path.stem
    members: list[str] = []
    for key, names in seats.items():
        if key == CHAIR:
            continue
        people = [_person(builder, name) for name in names if name.lower() not in
                  (TO_BE_DECIDED, INVITATION)]
        vacant = TO_BE_DECIDED in (name.lower() for name in names)
        if key in MEMBER_KEYS and not vacant:
            members += people
        elif people or vacant:
            members.append(builder.role(f"{body_id}.{slug(key)}", f"{title}: {key}", people))
    chairs = [_person(builder, name) for name in seats.get(CHAIR) or []
              if name.lower() not in (TO_BE_DECIDED, INVITATION)]
    kind = "working_group" if "working group" in title.lower() else "other"
    builder.body(body_id, title, kind, chair=chairs[0] if chairs else None,
                 members=chairs + members,
                 meets_every_days=cadence(MEETING_LINE.findall(charter), FREQUENCIES))


def _person(builder: Builder, name: str) -> str:
    return builder.person(slug(name), name)
