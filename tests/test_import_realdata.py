"""The public RACI charts and the CNCF maintainers list in ../shared/realdata
import with every cell accounted for, and come back the same through a sheet.

The files are read where they lie (they are not ours to copy); the tests
skip when the folder is absent.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import Raci

from raci.formats import model_to_data
from raci.model import Model
from raci.model.entities import parse_cell
from raci.model.naming import name_key, slug
from raci.source import open_model

REALDATA = Path(__file__).resolve().parent.parent.parent / "shared" / "realdata"
CHARTS = sorted((REALDATA / "raci").glob("*.csv")) if REALDATA.is_dir() else []
ROSTER = REALDATA / "cncf_project-maintainers.csv"

needs_realdata = pytest.mark.skipif(not CHARTS, reason="../shared/realdata is absent")


def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [[cell.strip() for cell in row] for row in csv.reader(file)]


def same_model(left: Model, right: Model) -> None:
    a, b = model_to_data(left), model_to_data(right)
    a["org"].pop("name"), b["org"].pop("name")
    assert a == b


@needs_realdata
@pytest.mark.parametrize("chart", CHARTS, ids=lambda path: path.stem)
def test_every_cell_of_a_real_chart_is_accounted_for(raci: Raci, tmp_path: Path,
                                                      chart: Path) -> None:
    result = raci("import", chart, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    header, *rows = read_rows(chart)
    actors = [next(r for r in model.roles.values() if r.name == name) for name in header[1:]]
    section = None
    for row in rows:
        if not any(row):
            continue
        if not any(row[1:]):  # a section heading: a goal the rows below serve
            section = next(g for g in model.goals.values() if g.name == row[0])
            continue
        item = next(i for i in model.initiatives.values() if i.name == row[0])
        assert item.goals == ([section.id] if section else [])
        for actor, cell in zip(actors, row[1:], strict=True):
            assert model.letters_of(item.id, actor.id) == parse_cell(cell), (row[0], actor.name)
    lettered = sum(1 for row in rows if any(row[1:]))
    assert len(model.initiatives) == lettered
    assert len(model.assignments) == sum(len(parse_cell(c)) for row in rows for c in row[1:])


@needs_realdata
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("chart", CHARTS, ids=lambda path: path.stem)
def test_a_real_chart_comes_back_the_same_through_a_sheet(raci: Raci, tmp_path: Path,
                                                          chart: Path, fmt: str) -> None:
    assert raci("import", chart, "--into", tmp_path / "first.db").code == 0
    assert raci("export", tmp_path / "first.db", "-o", tmp_path / f"again.{fmt}").code == 0
    result = raci("import", tmp_path / f"again.{fmt}", "--into", tmp_path / "second.db")
    assert result.code == 0, result.err
    same_model(open_model(str(tmp_path / "first.db")).model,
               open_model(str(tmp_path / "second.db")).model)


@pytest.mark.skipif(not ROSTER.exists(), reason="../shared/realdata is absent")
def test_every_seat_of_the_cncf_maintainers_list_is_accounted_for(raci: Raci,
                                                                  tmp_path: Path) -> None:
    result = raci("import", ROSTER, "--into", tmp_path / "org.db", "--column", "tag=A")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    header, *rows = read_rows(ROSTER)
    assert header[1:4] == ["Project", "Maintainer Name", "Company"]
    bodies = iter(model.bodies.values())
    body = None
    category = ""
    first_unit: dict[str, str] = {}
    renamed: set[str] = set()
    by_id = {p.id.casefold(): p for p in model.people.values()}
    for row in rows:
        row = row + [""] * (6 - len(row))
        category = row[0] or category
        if row[1] and (body is None or name_key(row[1]) != name_key(body.name)):
            body = next(bodies)  # each group of rows is the next body, in order
            assert body.name == row[1]
            assert body.tags == [category]
        if not row[2]:
            continue  # a row with no person (only a GitHub name): told, not read
        assert body is not None
        if row[4].casefold() in by_id:  # the GitHub name is the id, and wins over the name
            person = by_id[row[4].casefold()]
            if name_key(person.name) != name_key(row[2]):
                renamed.add(person.id)
        else:
            person = next(p for p in model.people.values() if name_key(p.name) ==
                          name_key(row[2]))
        assert person.id in body.members
        if row[3]:
            first_unit.setdefault(person.id, row[3])
    assert next(bodies, None) is None  # and no body more
    for person in model.people.values():  # the first company given is the person's unit
        unit = model.units[person.unit].name if person.unit else ""
        assert name_key(unit) == name_key(first_unit.get(person.id, "")), person.name
    assert f"{len(renamed)} people named otherwise in some rows (one id)" in result.err
    assert model.org.not_recorded == ["chairs", "cadence"]


@pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is absent")
@pytest.mark.parametrize("name", ["k8s_sigs.yaml", "apache/people.json", "otel_workstreams.yml",
                                  "k8s_body_lifetimes.json", "README.md",
                                  "python-devguide/psrt.csv"])
def test_a_real_file_that_is_no_model_or_sheet_is_one_line(raci: Raci, tmp_path: Path,
                                                           name: str) -> None:
    """Another tool's data (thousands of keys that are not a model's) is one
    line naming the file and what a model file is, in English and Dutch."""
    for language in ("en", "nl"):
        result = raci("import", REALDATA / name, "--into", tmp_path / "org.db", "--lang",
                      language)
        assert result.code == 2
        assert len(result.err.splitlines()) == 1, result.err[:500]
        assert result.err.startswith(f"{REALDATA / name}:"), result.err
    assert not (tmp_path / "org.db").exists()


CORE_TEAM = REALDATA / "python-devguide" / "core-team.csv"


@pytest.mark.skipif(not CORE_TEAM.exists(), reason="../shared/realdata is absent")
def test_the_python_core_team_seats_only_those_who_have_not_left(raci: Raci,
                                                                 tmp_path: Path) -> None:
    """Name, login, joined, left, note, with no header: the left column by its letter."""
    result = raci("--lang", "nl", "import", CORE_TEAM, "--into", tmp_path / "org.db",
                  "--layout", "roster", "--column", "person=A", "--column", "id=B",
                  "--column", "until=D")
    assert result.code == 0, result.err
    rows = read_rows(CORE_TEAM)
    left = [number for number, row in enumerate(rows, start=1) if row[3]]
    assert left and all(row[3] < "2026-12-06" for row in rows if row[3])  # left before today
    assert f"{len(left)} zetels die vóór vandaag eindigden (hun datums in de kolom until), " \
        f"niet gelezen: rijen {', '.join(map(str, left[:10]))} en nog {len(left) - 10}" \
        in result.err
    model = open_model(str(tmp_path / "org.db")).model
    (body,) = model.bodies.values()
    assert sorted(body.members) == sorted(row[1] or slug(row[0]) for row in rows if not row[3])
