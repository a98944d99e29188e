"""Kubernetes: the community's sigs.yaml, today and on 2021-01-01.

Each SIG, working group, user group and committee is a body; its chairs and
its tech leads are two roles (the source lists several of each), the chairs'
role chairing it and both sitting in it. A SIG's subprojects are initiatives
the SIG is Accountable for, their leads Responsible. A body reports to
Steering where the source names a Steering liaison for it. Leaders' companies
are units. Established dates come from k8s_body_lifetimes.json (the span of
sigs.yaml's history in which the body's directory was listed); cadence is the
most frequent of the body's meetings.
"""

from __future__ import annotations

import datetime as dt
import re
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

CURRENT = "k8s_sigs.yaml"
IN_2021 = "k8s_sigs_2021-01-01_9a4bca58b79dad63b59037fa498c5cd11aeb0172.yaml"
LIFETIMES = "k8s_body_lifetimes.json"

# category in sigs.yaml -> (body kind, temporary, how names are written)
CATEGORIES: dict[str, tuple[str, bool | None, str]] = {
    "committees": ("committee", None, "{} Committee"),
    "sigs": ("working_group", False, "SIG {}"),  # SIGs are standing groups
    "workinggroups": ("working_group", None, "WG {}"),  # temporary by charter, raci's default
    "usergroups": ("other", None, "{} User Group"),
}
STEERING = "committee-steering"

# A meeting's frequency as written, first match wins: days between meetings.
FREQUENCIES: Frequencies = [
    (re.compile(r"bi-?weekly", re.IGNORECASE), 14),
    (re.compile(r"every third week", re.IGNORECASE), 21),
    (re.compile(r"every four weeks", re.IGNORECASE), 28),
    (re.compile(r"weekly", re.IGNORECASE), 7),
    (re.compile(r"month", re.IGNORECASE), 30),
]


def models(data: Path) -> list[NamedModel]:
    lifetimes = read_source(data / LIFETIMES)["spans"]
    return [
        NamedModel("kubernetes", convert(data / CURRENT, SNAPSHOT, lifetimes)),
        NamedModel("kubernetes-2021", convert(data / IN_2021, dt.date(2021, 1, 1), lifetimes)),
    ]


def convert(path: Path, as_of: dt.date, lifetimes: list[dict[str, Any]]) -> Model:
    source = read_source(path)
    builder = Builder(
        f"Kubernetes community ({as_of.isoformat()})",
        f"Converted from kubernetes/community {path.name}: SIGs, working groups, "
        "committees and their subprojects.",
        as_of,
    )
    established = _established_dates(lifetimes, as_of)
    for category, (kind, temporary, label) in CATEGORIES.items():
        for entry in source.get(category) or []:
            _body(builder, entry, kind, temporary, label, established.get(entry["dir"]))
    for entry in source.get("sigs") or []:
        for subproject in entry.get("subprojects") or []:
            _subproject(builder, entry["dir"], subproject)
    representative = source.get("gb_rep")
    if representative:
        builder.role("gb-rep", "Governing Board representative",
                     [_leader(builder, representative)])
    _report_to_steering(builder, source)
    return builder.build()


def _established_dates(lifetimes: list[dict[str, Any]], as_of: dt.date) -> dict[str, dt.date]:
    """Each directory's date of the span of its history that holds `as_of`."""
    dates: dict[str, dt.date] = {}
    for span in lifetimes:
        added = dt.date.fromisoformat(span["added"])
        removed = span["removed"] and dt.date.fromisoformat(span["removed"])
        if added <= as_of and (not removed or removed > as_of):
            dates[span["dir"]] = added
    return dates


def _leader(builder: Builder, entry: dict[str, Any]) -> str:
    return builder.person(entry["github"], entry.get("name"), entry.get("company"))


def _body(builder: Builder, entry: dict[str, Any], kind: str, temporary: bool | None,
          label: str, established: dt.date | None) -> None:
    body_id = entry["dir"]
    name = label.format(entry["name"])
    leadership = entry.get("leadership") or {}
    chairs = [_leader(builder, chair) for chair in leadership.get("chairs") or []]
    leads = [_leader(builder, lead) for lead in leadership.get("tech_leads") or []]
    members = []
    chair_role = None
    if chairs:
        chair_role = builder.role(f"{body_id}.chairs", f"Chairs of {name}", chairs)
        members.append(chair_role)
    if leads:
        members.append(builder.role(f"{body_id}.tech-leads", f"Tech leads of {name}", leads))
    builder.body(
        body_id, name, kind, chair=chair_role, members=members, temporary=temporary,
        established=established, meets_every_days=cadence(
            (str(meeting.get("frequency") or "") for meeting in entry.get("meetings") or []),
            FREQUENCIES),
        mandate=text(entry.get("mission_statement")),
        tags=[f"stakeholder:{slug(sig)}" for sig in entry.get("stakeholder_sigs") or []],
    )


def _subproject(builder: Builder, sig: str, entry: dict[str, Any]) -> None:
    initiative = builder.initiative(
        f"{sig}.{slug(entry['name'])}", entry["name"],
        description=text(entry.get("description")),
    )
    builder.assign(initiative, "A", [sig])
    builder.assign(initiative, "R", [_leader(builder, lead) for lead in entry.get("leads") or []])


def _report_to_steering(builder: Builder, source: dict[str, Any]) -> None:
    """Bodies with a Steering liaison report to Steering (the 2021 file names none)."""
    if STEERING not in builder.model.bodies:
        return
    for category in CATEGORIES:
        for entry in source.get(category) or []:
            if (entry.get("contact") or {}).get("liaison") and entry["dir"] != STEERING:
                builder.model.bodies[entry["dir"]].reports_to = STEERING
