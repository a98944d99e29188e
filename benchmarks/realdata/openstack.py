"""OpenStack: the governance repository's project teams, SIGs and Technical Committee.

Each project team is a unit holding its roles: the PTL (Project Team Lead;
a vacant role where the source writes "APPOINTMENT NEEDED") and its liaisons
(release, security, TaCT SIG, TC, events). Its deliverables are initiatives
the PTL is Accountable for; a team under distributed leadership has no PTL,
so its deliverables have no Accountable, as in the source. Each SIG is a
body (an advisory board where its status is "advisory"), chaired by its
chairs' role, Accountable for the repositories it owns; the TC is a body of
its members with its chair, Accountable for its repositories. Retired SIGs
and no-longer-official projects (legacy.yaml) are left out: raci models a
structure as it stands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, read_source, slug, text
from raci.model import Model

VACANT_LEAD = "APPOINTMENT NEEDED"
TC = "tc"
TC_NAME = "Technical Committee"


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("openstack", convert(data / "openstack"))]


def _load(folder: Path, name: str) -> Any:
    return read_source(folder / name)


def convert(folder: Path) -> Model:
    builder = Builder(
        "OpenStack", "Converted from openstack/governance reference/: project teams, "
        "SIGs and the Technical Committee.", SNAPSHOT)
    _technical_committee(builder, _load(folder, "members.yaml"))
    for project_id, project in _load(folder, "projects.yaml").items():
        _project(builder, slug(project_id), project_id, project)
    repositories = _load(folder, "sigs-repos.yaml")
    for name, sig in _load(folder, "sigs.yaml").items():
        body = _sig(builder, name, sig)
        _repositories(builder, body, repositories.get(name) or [])
    for name, owned in _load(folder, "technical-committee-repos.yaml").items():
        if name == TC_NAME:
            _repositories(builder, TC, owned)
    return builder.build()


def _person(builder: Builder, entry: dict[str, Any]) -> str:
    """A contributor by IRC nick, else by name."""
    return builder.person(entry.get("irc") or slug(entry["name"]), entry["name"])


def _technical_committee(builder: Builder, members: list[dict[str, Any]]) -> None:
    people = [_person(builder, member) for member in members]
    chairs = [person for person, member in zip(people, members, strict=True)
              if member.get("role") == "chair"]
    builder.body(TC, f"OpenStack {TC_NAME}", "committee", members=people,
                 chair=chairs[0] if chairs else None)


def _project(builder: Builder, project_id: str, name: str, project: dict[str, Any]) -> None:
    unit = project_id
    builder.add_unit(unit, f"{name} project team", text(project.get("mission")))
    accountable = []
    lead = project.get("ptl")
    if lead is not None:
        holders = [] if lead["name"] == VACANT_LEAD else [_person(builder, lead)]
        accountable = [builder.role(f"{unit}.ptl", f"{name} PTL", holders, unit=unit)]
    for kind, liaisons in (project.get("liaisons") or {}).items():
        builder.role(f"{unit}.{slug(kind)}-liaison", f"{name} {kind} liaison",
                     [_person(builder, liaison) for liaison in liaisons], unit=unit)
    for deliverable in project.get("deliverables") or {}:
        initiative = builder.initiative(f"{unit}.{slug(deliverable)}", deliverable,
                                        tags=[f"project:{unit}"])
        builder.assign(initiative, "A", accountable)


def _sig(builder: Builder, name: str, sig: dict[str, Any]) -> str:
    body_id = f"sig-{slug(name)}"
    chairs = [_person(builder, chair) for chair in sig.get("chairs") or []]
    chair_role = builder.role(f"{body_id}.chairs", f"Chairs of the {name} SIG", chairs)
    advisory = sig.get("status") == "advisory"
    builder.body(
        body_id, f"{name} SIG", "advisory_board" if advisory else "working_group",
        chair=chair_role, members=[chair_role], temporary=None if advisory else False,
        mandate=text(sig.get("scope")), tags=[f"status:{sig['status']}"],
    )
    return body_id


def _repositories(builder: Builder, owner: str, repositories: list[dict[str, Any]]) -> None:
    for entry in repositories:
        repository = entry["repo"]
        initiative = builder.initiative(f"{owner}.{slug(repository.split('/')[-1])}",
                                        repository, tags=["repository"])
        builder.assign(initiative, "A", [owner])
