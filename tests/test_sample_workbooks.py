"""The sample workbooks: remade by their script, and docs/importing.md's walk through them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from conftest import Raci
from openpyxl import load_workbook

from raci.source import open_model

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "raci" / "sample_orgs"
SCRIPT = ROOT / "scripts" / "make_sample_workbooks.py"


def cell_values(path: Path) -> dict[str, list[list[object]]]:
    workbook = load_workbook(path)
    return {sheet.title: [[c.value for c in row] for row in sheet.iter_rows()]
            for sheet in workbook.worksheets}


def test_the_script_makes_the_workbooks_shipped(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("make_sample_workbooks", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    for name, make in (("res-noordkust-leden.xlsx", script.roster_workbook),
                       ("res-noordkust-matrix.xlsx", script.matrix_workbook)):
        make().save(tmp_path / name)
        assert cell_values(tmp_path / name) == cell_values(SAMPLES / name), name


def test_the_roster_then_the_matrix_land_on_the_same_people(raci: Raci,
                                                            tmp_path: Path) -> None:
    database = tmp_path / "res.db"
    roster = raci("import", SAMPLES / "res-noordkust-leden.xlsx", "--into", database)
    assert roster.code == 0, roster.err
    matrix = raci("import", SAMPLES / "res-noordkust-matrix.xlsx", "--into", database)
    assert matrix.code == 0, matrix.err
    # every actor of the matrix was in the roster
    assert "not in the model became" not in matrix.err
    model = open_model(str(database)).model
    assert model.org.name == "RES Noordkust"
    assert model.bodies["stuurgroep-res-noordkust"].chair == "gedeputeerde-energie"
    assert model.letters_of("Z1.2", "projectleider-opwek") == ("A", "R")
    assert model.decisions["Z2.2"].about == ["netcapaciteit"]
    assert model.goals["netcapaciteit"].parent == "zon-en-wind"
    assert model.org.not_recorded == ["success_criteria", "indicators", "cadence"]
    lint = raci("lint", database, "--select", "OWN002,OWN007,DEC001")
    assert [line.split()[1] for line in lint.out.splitlines()[:-1]] == [
        "DEC001", "OWN002", "OWN007"]
