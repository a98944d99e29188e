"""Rust project goals (rust-lang/rust-project-goals), one model per period.

Each project goal is an initiative over its period: its point of contact is
Accountable, the people its task table names (``@handle``) Responsible, and
the teams it asks for something (``![Team][] [lang]``) and its team
champions Consulted. A point of contact who also owns tasks holds A/R.
Accepted goals are active, proposed ones proposed; goals not accepted are
left out. The roadmap themes a goal names (2025h2's flagship themes, 2026's
roadmap) are goals it contributes to; the 2026 theme files name their point
of contact, who is the theme's Accountable. A goal marked only "Flagship:
Yes" is tagged `flagship`. The teams are bodies as rust-lang/team has them
today (`rust.team_bodies`): the goals files do not record past membership.
Each model's as-of date is its period's first day: the plan as it was set.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.realdata import rust
from benchmarks.realdata.build import Builder, NamedModel, read_source, slug
from raci.model import Model

PERIODS = {  # period -> (first day, last day)
    "2024h2": (dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
    "2025h1": (dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    "2025h2": (dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
    "2026": (dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
}
STATUSES = {"Accepted": "active", "Proposed": "proposed"}
HANDLE = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_-]*)")
TEAM = re.compile(r"\[([a-z0-9-]+)\]")
CHAMPION = re.compile(r"^\[([a-z0-9-]+)\] champion$")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def models(data: Path) -> list[NamedModel]:
    goals = read_source(data / "rust-project-goals" / "goals_extracted.json")
    folder = data / "rust-team"
    teams = rust.read_teams(folder / "teams")
    names = rust.read_names(folder)
    return [
        NamedModel(f"rust-goals-{period}",
                   convert(period, [g for g in goals if g["period"] == period], teams, names))
        for period in PERIODS
    ]


def convert(period: str, goals: list[dict[str, Any]], teams: dict[str, dict[str, Any]],
            names: dict[str, str]) -> Model:
    start, end = PERIODS[period]
    builder = Builder(f"Rust project goals {period}", "Converted from "
                      f"rust-lang/rust-project-goals src/{period}/ and rust-lang/team.", start)
    mentioned = {team for goal in goals for team in _teams_asked(goal)}
    mentioned |= set(HANDLE.findall(json.dumps(goals)))  # "@wg-parallel-rustc" is a team
    rust.team_bodies(builder, teams, names, mentioned & set(teams))

    def person(handle: str) -> str:
        """The person with this handle, or the team an @-mention names."""
        if handle.lstrip("@") in builder.model.bodies:
            return handle.lstrip("@")
        return builder.person(handle, names.get(handle.lstrip("@")))

    for goal in goals:
        if goal["meta"].get("Status") is None:
            _theme(builder, _theme_name(goal["title"]), person(goal["poc"]))
    for goal in goals:
        status = STATUSES.get(goal["meta"].get("Status") or "")
        if status:
            _project_goal(builder, goal, status, (start, end), person)
    return builder.build()


def _theme_name(written: str) -> str:
    """A theme as written in a goal's metadata, its Markdown link taken off."""
    return LINK.sub(r"\1", written).strip()


def _theme(builder: Builder, name: str, owner: str | None = None) -> str:
    goal_id = f"theme.{slug(name)}"
    if goal_id not in builder.model:
        builder.goal(goal_id, name)
    if owner:
        builder.assign(goal_id, "A", [owner])
    return goal_id


def _teams_asked(goal: dict[str, Any]) -> list[str]:
    asked = [team for task in goal["tasks"] if "[Team]" in task["owners"]
             for team in TEAM.findall(task["owners"].replace("![Team][]", ""))]
    return asked + [match[1] for key in goal["meta"] if (match := CHAMPION.match(key))]


def _project_goal(builder: Builder, goal: dict[str, Any], status: str,
                  period: tuple[dt.date, dt.date], person: Callable[[str], str]) -> None:
    meta = goal["meta"]
    themes = [_theme_name(meta[key]) for key in ("Roadmap", "Flagship", "flagship")
              if meta.get(key) and meta[key] != "Yes"]
    initiative = builder.initiative(
        f"pg.{slug(Path(goal['file']).stem)}", goal["title"] or meta["Short title"],
        status=status,
        start=period[0], end=period[1], goals=[_theme(builder, theme) for theme in themes],
        tags=["flagship"] if meta.get("Flagship") == "Yes" else [],
    )
    builder.assign(initiative, "A", [person(goal["poc"])])
    owners = [task["owners"] for task in goal["tasks"] if "[Team]" not in task["owners"]]
    builder.assign(initiative, "R", [person(h) for owner in owners for h in HANDLE.findall(owner)])
    champions = [h for key, value in meta.items() if CHAMPION.match(key)
                 for h in HANDLE.findall(value)]
    asked = [team for team in _teams_asked(goal) if team in builder.model.bodies]
    builder.assign(initiative, "C", [person(h) for h in champions] + asked)
