"""OpenTelemetry: the community's workstreams and people (workstreams.yml, people.yml).

The Governance Committee, the Technical Committee and the specification
sponsors are bodies of the people people.yml lists for them. Each workstream
(a SIG) is a body reporting to its parent workstream; the source names no
SIG members or chairs, only the people who connect it to the committees:
its GC liaison, TC sponsors and specification sponsor, each a role sitting
in it (a liaison written "tbd" is a vacant role). Each repository a
workstream lists is an initiative it is Accountable for. Cadence is read
from the meeting's schedule where it says plainly how often ("Tuesday at
08:00 PT" weekly, "every other" fortnightly, "monthly"); alternating and
shared schedules are left unknown. Companies are units.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.realdata.build import (
    SNAPSHOT,
    Builder,
    Frequencies,
    NamedModel,
    cadence,
    read_source,
    slug,
    text,
)
from raci.model import Model

TEAMS = {
    "governance-committee": ("Governance Committee", "committee"),
    "technical-committee": ("Technical Committee", "committee"),
    "spec-sponsors": ("Specification sponsors", "other"),
}
SEATS = {  # how workstreams.yml names a seat -> (role id suffix, role name)
    "gcLiaison": ("gc-liaison", "GC liaison"),
    "tcSponsor": ("tc-sponsors", "TC sponsors"),
    "specSponsor": ("spec-sponsor", "Specification sponsor"),
}
SCHEDULES: Frequencies = [
    (re.compile(r"alternating|meets during|every third|different day", re.IGNORECASE), None),
    (re.compile(r"every (other|second)", re.IGNORECASE), 14),
    (re.compile(r"monthly", re.IGNORECASE), 30),
    (re.compile(r"(mon|tues|wednes|thurs|fri)day", re.IGNORECASE), 7),
]


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("opentelemetry",
                       convert(data / "otel_workstreams.yml", data / "otel_people.yml"))]


def _load(path: Path) -> Any:
    return read_source(path)


def convert(workstreams_path: Path, people_path: Path) -> Model:
    people = _load(people_path)
    builder = Builder("OpenTelemetry", "Converted from open-telemetry/community "
                      "workstreams.yml and people.yml.", SNAPSHOT)
    directory = people.get("people") or {}

    def person(handle: str) -> str:
        known = directory.get(handle) or {}
        return builder.person(handle, known.get("name"), known.get("company"))

    for team_id, members in (people.get("teams") or {}).items():
        name, kind = TEAMS.get(team_id, (team_id, "other"))
        builder.body(team_id, name, kind, members=[person(handle) for handle in members])
    workstreams = _load(workstreams_path)
    for workstream in workstreams:
        _workstream(builder, workstream, person)
    for workstream in workstreams:
        if workstream["parent"] in builder.model.bodies:
            builder.model.bodies[workstream["id"]].reports_to = workstream["parent"]
    return builder.build()


def _workstream(builder: Builder, workstream: dict[str, Any],
                person: Callable[[str], str]) -> None:
    body_id = workstream["id"]
    seats: dict[str, list[str]] = {}
    for entry in workstream.get("people") or []:
        for key, value in entry.items():
            handle = text(value["username"] if isinstance(value, dict) else value)
            seats.setdefault(key, []).extend([person(handle)] if handle else [])
    members = [
        builder.role(f"{body_id}.{suffix}", f"{label} of {workstream['name']}", seats[key])
        for key, (suffix, label) in SEATS.items() if key in seats
    ]
    resources = workstream.get("resources") or []
    schedules = [entry["meeting"].get("schedule") or "" for entry in resources
                 if "meeting" in entry]
    builder.body(body_id, workstream["name"], "working_group", members=members,
                 temporary=False, meets_every_days=cadence(schedules, SCHEDULES),
                 tags=[f"category:{workstream['sigCategory']}"])
    for entry in resources:
        if "repository" in entry:
            repository = entry["repository"]
            initiative = builder.initiative(f"{body_id}.{slug(repository.split('/')[-1])}",
                                            repository, tags=["repository"])
            builder.assign(initiative, "A", [body_id])
