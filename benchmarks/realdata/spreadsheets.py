"""The three spreadsheets: two public RACI charts and the CNCF maintainers list.

These are what `raci import FILE.csv --into DB` is for (issue 10: a matrix,
and `--layout roster` for a list of seats), so in format revision 2 they
come through that import (`imported`). Revision 1 predates it: `hand_converted`
reads them here the way a designer retyping them into raci 0.1 would, for
the "before" counts of docs/real-data.md. A RACI chart's rows are
initiatives and its header's actors vacant roles (a chart names no people);
a row with no letters heads the rows below it, and becomes a goal they
contribute to. An "A/R" cell is A and R (revision 1 keeps the A). In the
maintainers list each project is a body of its maintainers, blank cells
repeating the row above, companies units, the maturity column a tag.
"""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, slug
from raci.model import Model
from raci.model.entities import parse_cell

RACI_CHARTS = {  # model name -> file in raci/
    "raci-github-devops": "Stephnrl_my_stuff_raci.csv",
    "raci-ai-governance": "ammaraltalhi_saudi-public-sector-ai-governance-lab_raci.csv",
}
MAINTAINERS = ("cncf-maintainers", "cncf_project-maintainers.csv")


def imported(data: Path) -> list[NamedModel]:
    """(rev. 2) The spreadsheets as `raci import` reads them.

    WAITING FOR ISSUE 10's SPREADSHEET IMPORT (the `sheets` helper's
    `raci import FILE.csv --into DB`, matrix and `--layout roster`): once
    its library function is on main, call it here on each RACI chart (matrix
    layout) and on the maintainers list (roster layout) and return the
    models. Until then revision 2 has no spreadsheet models, and the "after"
    column of docs/real-data.md has no rows for them.
    """
    return []


def hand_converted(data: Path) -> list[NamedModel]:
    """(rev. 1) The spreadsheets converted by hand, as a designer on raci 0.1 would."""
    charts = [NamedModel(name, raci_chart(data / "raci" / file))
              for name, file in RACI_CHARTS.items()]
    name, file = MAINTAINERS
    return [*charts, NamedModel(name, maintainers(data / file))]


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle) if any(cell.strip() for cell in row)]


def raci_chart(path: Path) -> Model:
    header, *rows = _rows(path)
    builder = Builder(path.stem, f"A RACI chart converted from {path.name}.", SNAPSHOT)
    actors = [builder.role(slug(name), name.strip()) for name in header[1:]]
    goal = None
    for row in rows:
        name, cells = row[0].strip(), row[1:]
        if not any(cell.strip() for cell in cells):
            goal = builder.goal(f"area.{slug(name)}", name)
            continue
        item = builder.initiative(slug(name), name, goals=[goal] if goal else [])
        for actor, cell in zip(actors, cells, strict=False):
            for letter in parse_cell(cell):
                builder.assign(item, letter, [actor])
    return builder.build()


def maintainers(path: Path) -> Model:
    _header, *rows = _rows(path)
    builder = Builder("CNCF project maintainers", f"Converted from cncf/foundation {path.name}.",
                      SNAPSHOT)
    members: dict[str, list[str]] = {}
    maturity: dict[str, str] = {}
    above = ["", ""]
    for row in rows:
        level, project = (row[0].strip() or above[0]), (row[1].strip() or above[1])
        above = [level, project]
        name, company, handle = row[2].strip(), row[3].strip(), row[4].strip()
        maturity[project] = level
        members.setdefault(project, []).append(builder.person(handle or slug(name), name, company))
    for project, people in members.items():
        builder.body(f"project.{slug(project)}", project, "other", members=people,
                     tags=[slug(maturity[project])])
    return builder.build()
