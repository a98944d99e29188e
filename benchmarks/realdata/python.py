"""Python: the core team, the Security Response Team and the experts index (python/devguide).

The core team is a committee of the core developers whose privileges have
not ended (core-team.csv), established on the earliest date a member
joined; the Python Security Response Team (psrt.csv) is a committee of its
members, and the notes the list gives them ("Admin", "Release Manager") are
roles they hold. Each module, tool and interest area of the experts index
is an initiative: its experts Responsible (the index's marks, `*`, `^` and
"(inactive)", taken off) and the core team Accountable, since the index
says questions without an active expert "can and should be decided by any
committer". Emeritus experts are left out.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, read_source, slug
from raci.model import Model

CORE = "core-team"
PSRT = "psrt"
MARKS = re.compile(r"[*^]|\(inactive\)", re.IGNORECASE)


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("python-core", convert(data / "python-devguide"))]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def convert(folder: Path) -> Model:
    builder = Builder("Python core development", "Converted from python/devguide "
                      "core-team/core-team.csv, security/psrt.csv and the experts index.",
                      SNAPSHOT)
    active = [row for row in _rows(folder / "core-team.csv") if not row[3]]
    builder.body(CORE, "Python core team", "committee",
                 members=[_person(builder, row[0], row[1]) for row in active],
                 established=min(dt.date.fromisoformat(row[2]) for row in active))
    _security_team(builder, _rows(folder / "psrt.csv"))
    experts = read_source(folder / "experts_extracted.json")
    for entry in experts:
        section = slug(entry["section"])  # io is both a module and an interest area
        initiative = builder.initiative(f"{section}.{slug(entry['item'])}", entry["item"],
                                        tags=[section])
        builder.assign(initiative, "A", [CORE])
        handles = [MARKS.sub("", owner).strip() for owner in entry["owners"]]
        builder.assign(initiative, "R", [builder.person(h) for h in handles if h])
    return builder.build()


def _person(builder: Builder, name: str, handle: str) -> str:
    return builder.person(handle or slug(name), name)


def _security_team(builder: Builder, rows: list[list[str]]) -> None:
    people = [_person(builder, row[0], row[1]) for row in rows]
    builder.body(PSRT, "Python Security Response Team", "committee", members=people)
    notes: dict[str, list[str]] = {}
    for person, row in zip(people, rows, strict=True):
        for note in filter(None, (part.strip() for part in row[2].split(","))):
            notes.setdefault(note, []).append(person)
    for note, holders in notes.items():
        builder.role(f"{PSRT}.{slug(note)}", f"PSRT {note}", holders)
