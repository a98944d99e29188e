"""The Apache Software Foundation: committees (PMCs) and podlings (comdev-projects JSON).

Two models, two shapes. In `apache-committees` each Project Management
Committee is a body of its roster with its chair (a person), established in
the month the source gives and Accountable for its project, an initiative
whose committers (the project's LDAP group, a role) are Responsible. In
`apache-podlings` the Incubator PMC is such a body and each podling a
temporary committee reporting to it, started when the source says, whose
members are the podling's group and which is Accountable for its project;
the source names no podling chairs or mentors. PMCs and podlings decide by
vote on their mailing lists, so in revision 2 they do not meet
(`meets_every_days: 0`). Retired committees and the podling history have no
rosters and are left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, month_date, read_source, text
from raci.model import Model

INCUBATOR = "incubator"
DECIDES_BY_VOTE = 0
"""Cadence of a body that votes on its mailing list instead of meeting."""


def models(data: Path) -> list[NamedModel]:
    folder = data / "apache"
    return [
        NamedModel("apache-committees", committees(folder)),
        NamedModel("apache-podlings", podlings(folder)),
    ]


def _load(folder: Path, name: str) -> Any:
    return read_source(folder / name)


def committees(folder: Path) -> Model:
    builder = Builder("Apache Software Foundation: project management committees",
                      "Converted from apache/comdev-projects committees.json, groups.json "
                      "and people.json.", SNAPSHOT)
    groups = _load(folder, "groups.json")
    names = _names(folder)
    for committee in _load(folder, "committees.json"):
        _committee(builder, committee, names, groups)
    return builder.build()


def _names(folder: Path) -> dict[str, str]:
    return {handle: entry["name"] for handle, entry in _load(folder, "people.json").items()}


def _committee(builder: Builder, committee: dict[str, Any], names: dict[str, str],
               groups: dict[str, list[str]]) -> str:
    """The committee's body, its project and its committers; returns the body's id."""
    body_id = f"{committee['id']}-pmc"
    roster = {handle: entry.get("name") or names.get(handle)
              for handle, entry in committee["roster"].items()}
    chair = committee.get("chair")
    builder.body(
        body_id, f"{committee['name']} PMC", "committee",
        chair=builder.person(chair, roster.get(chair) or names.get(chair)) if chair else None,
        members=[builder.person(handle, name) for handle, name in roster.items()],
        established=month_date(committee["established"]),
        meets_every_days=DECIDES_BY_VOTE, mandate=text(committee.get("charter")),
    )
    project = builder.initiative(f"{committee['id']}.project", committee["name"],
                                 description=text(committee.get("shortdesc")))
    builder.assign(project, "A", [body_id])
    committers = groups.get(committee["group"]) or []
    if committers:
        role = builder.role(f"{committee['id']}.committers", f"{committee['name']} committers",
                            [builder.person(handle, names.get(handle)) for handle in committers])
        builder.assign(project, "R", [role])
    return body_id


def podlings(folder: Path) -> Model:
    builder = Builder("Apache Incubator: podlings",
                      "Converted from apache/comdev-projects podlings.json, committees.json, "
                      "groups.json and people.json.", SNAPSHOT)
    names = _names(folder)
    groups = _load(folder, "groups.json")
    incubator = next(c for c in _load(folder, "committees.json") if c["id"] == INCUBATOR)
    incubator_body = _committee(builder, incubator, names, groups)
    for podling_id, podling in _load(folder, "podlings.json").items():
        body_id = f"{podling_id}-ppmc"
        builder.body(
            body_id, f"{podling['name']} PPMC", "committee",
            members=[builder.person(handle, names.get(handle))
                     for handle in groups.get(podling_id) or []],
            reports_to=incubator_body, temporary=True,
            established=month_date(podling["started"]), meets_every_days=DECIDES_BY_VOTE,
        )
        project = builder.initiative(f"{podling_id}.project", podling["name"],
                                     description=text(podling.get("description")))
        builder.assign(project, "A", [body_id])
    return builder.build()
