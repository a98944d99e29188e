"""Rust: the project's teams (rust-lang/team teams/, teams/archive/, people/).

Each team, working group and project group is a body of its members
(included teams' members too), chaired by its leads' role and reporting to
the team it is a subteam of. Teams are standing committees; working and
project groups are raci's working groups (temporary unless the source says
otherwise, and it does not). A team with an rfcbot label decides by final
comment period: that decision right is a decision the team is Accountable
for. Custom member roles (a council seat, "compiler maintainer") are roles
held by those members. Marker teams (mailing and permission lists such as
`all` or `leads`, and target maintainer lists) are not governance bodies
and are left out, and so is teams/archive/: an archived team lists no
members (they all moved to its alumni), so it would be a model of empty
bodies.

`team_bodies` also gives the project goals (`rust_goals`) their teams.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, text
from raci.model import Model

KINDS = {"team": "committee", "working-group": "working_group", "project-group": "working_group"}
MARKER = "marker-team"


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("rust-teams", convert(data / "rust-team"))]


def read_teams(folder: Path) -> dict[str, dict[str, Any]]:
    """Every team file of a folder by the team's name, marker teams included."""
    teams = {}
    for path in sorted(folder.glob("*.toml")):
        team = tomllib.loads(path.read_text(encoding="utf-8"))
        teams[team["name"]] = team
    return teams


def read_names(folder: Path) -> dict[str, str]:
    """People's names by GitHub handle, from people/."""
    names = {}
    for path in (folder / "people").glob("*.toml"):
        person = tomllib.loads(path.read_text(encoding="utf-8"))
        names[person["github"]] = person.get("name") or person["github"]
    return names


def convert(folder: Path) -> Model:
    builder = Builder("Rust project teams", "Converted from rust-lang/team teams/ and people/.",
                      SNAPSHOT)
    teams = read_teams(folder / "teams")
    team_bodies(builder, teams, read_names(folder), set(teams))
    return builder.build()


def team_bodies(builder: Builder, teams: dict[str, dict[str, Any]], names: dict[str, str],
                wanted: set[str]) -> None:
    """Bodies for the wanted teams that are not marker teams, reporting to their parents."""
    made = [team for name, team in teams.items()
            if name in wanted and team.get("kind", "team") != MARKER]
    for team in made:
        _team(builder, team, teams, names)
    for team in made:
        parent = team.get("subteam-of")
        if parent in builder.model.bodies:
            builder.model.bodies[team["name"]].reports_to = parent


def _handle(entry: str | dict[str, Any]) -> str:
    return entry if isinstance(entry, str) else entry["github"]


def _team(builder: Builder, team: dict[str, Any], teams: dict[str, dict[str, Any]],
          names: dict[str, str]) -> None:
    body_id = team["name"]
    website = team.get("website") or {}
    title = website.get("name") or body_id
    people = team.get("people") or {}

    def person(entry: str | dict[str, Any]) -> str:
        return builder.person(_handle(entry), names.get(_handle(entry)))

    members = [person(entry) for entry in people.get("members") or []]
    for included in people.get("included-teams") or []:
        members += [person(entry)
                    for entry in (teams.get(included, {}).get("people") or {}).get("members", [])]
    leads = [person(entry) for entry in people.get("leads") or []]
    chair = builder.role(f"{body_id}.leads", f"Leads of {title}", leads) if leads else None
    builder.body(body_id, title, KINDS[team.get("kind", "team")], chair=chair, members=members,
                 mandate=text(website.get("description")))
    for role in team.get("roles") or []:
        holders = [person(entry) for entry in people.get("members") or []
                   if isinstance(entry, dict) and role["id"] in entry.get("roles", [])]
        builder.role(f"{body_id}.{role['id']}", f"{title}: {role['description']}", holders)
    if team.get("rfcbot"):
        decision = builder.decision(f"{body_id}.fcp", f"Final comment periods of {title}")
        builder.assign(decision, "A", [body_id])
