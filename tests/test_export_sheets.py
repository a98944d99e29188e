"""`raci export --format xlsx|csv`: the matrix as a workbook a steering group can
filter, that `raci import` reads back to the same assignments."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from conftest import Raci
from openpyxl import load_workbook

from raci.formats import read_model, write_model
from raci.model import Model
from raci.source import open_model

SAMPLES = Path(__file__).parent.parent / "sample_orgs"


def without_letters(model: Model, path: Path) -> Path:
    """The model with no assignments (indicators keep their empty `raci` block)."""
    model.assignments = []
    model.changed()
    write_model(model, path, "yaml")
    return path


def assignment_set(model: Model) -> set[tuple[str, str, str]]:
    return {(a.item, a.letter, a.actor) for a in model.assignments}


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("sample", ["energietransitie", "nationaal-archief"])
def test_export_then_import_gives_the_same_assignments(raci: Raci, tmp_path: Path,
                                                       sample: str, fmt: str) -> None:
    source = read_model(SAMPLES / f"{sample}.yaml").model
    sheet = tmp_path / f"matrix.{fmt}"
    assert raci("export", SAMPLES / f"{sample}.yaml", "-o", sheet).code == 0
    bare = without_letters(read_model(SAMPLES / f"{sample}.yaml").model, tmp_path / "bare.yaml")
    assert raci("import", bare, "--into", tmp_path / "org.db").code == 0
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    imported = open_model(str(tmp_path / "org.db")).model
    assert assignment_set(imported) == assignment_set(source)
    assert len(imported) == len(source)  # every row and column was matched, none made


def test_the_workbook_has_an_area_per_top_goal_and_the_findings(raci: Raci,
                                                               tmp_path: Path) -> None:
    model_file = SAMPLES / "energietransitie.yaml"
    model = read_model(model_file).model
    assert raci("export", model_file, "-o", tmp_path / "matrix.xlsx").code == 0
    workbook = load_workbook(tmp_path / "matrix.xlsx")
    tops = [g.name for g in model.goals.values() if g.parent is None]
    assert workbook.sheetnames[:len(tops)] == [name[:31] for name in tops]
    assert workbook.sheetnames[-1] == "Findings"
    sheet = workbook[workbook.sheetnames[0]]
    assert sheet["A1"].value == model.org.name
    assert sheet.row_dimensions[2].hidden
    assert [c.value for c in sheet[3]][:4] == ["Id", "Kind", "Goal", "Item"]
    ids = [c.value for c in sheet[2]][4:]
    names = [c.value for c in sheet[3]][4:]
    for marked, name in zip(ids, names, strict=True):
        kind, _, actor = marked.removeprefix("raci:").partition(":")
        assert model.get(actor) is not None and model.get(actor).name == name
        assert kind in ("role", "body", "person")
    assert sheet.freeze_panes == "E4"
    assert sheet.auto_filter.ref.startswith("A3:")
    rules = [rule for ranges in sheet.conditional_formatting for rule in ranges.rules]
    assert sorted(r.formula[0] for r in rules) == ['"A"', '"A/R"', '"C"', '"I"', '"R"']
    findings = workbook["Findings"]
    lint = raci("lint", model_file, "--format", "json", "--fail-on", "never")
    expected = json.loads(lint.out)["findings"]
    rows = [[c.value for c in row] for row in findings.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [f["code"] for f in expected]
    said = raci("lint", model_file, "--fail-on", "never").out  # for people: names first
    assert all(f" {r[0]} [{r[1]}] {r[3]} (" in said for r in rows), rows


def test_csv_is_utf8_with_a_bom_and_names_in_the_header(raci: Raci, tmp_path: Path) -> None:
    assert raci("export", SAMPLES / "energietransitie.yaml", "-o", tmp_path / "m.csv").code == 0
    raw = (tmp_path / "m.csv").read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[1].startswith("raci:id,raci:kind,raci:goal,raci:item,raci:")
    assert lines[2].startswith("Id,Kind,Goal,Item,")
    printed = raci("export", SAMPLES / "energietransitie.yaml", "--format", "csv")
    assert printed.out.startswith("\ufeff")  # standard output as the file: with the BOM
    assert printed.out.removeprefix("\ufeff").splitlines() == lines


def test_a_workbook_needs_a_file(raci: Raci) -> None:
    result = raci("export", SAMPLES / "energietransitie.yaml", "--format", "xlsx")
    assert result.code == 2
    assert result.err == "raci: --format xlsx: give the workbook to write with -o FILE.xlsx\n"


def test_a_matrix_wider_than_a_spreadsheet_is_refused_before_anything_is_written(
        raci: Raci, tmp_path: Path) -> None:
    from raci.export.sheets import DESCRIBING, SHEET_COLUMNS
    from raci.model import Assignment, Goal, Org, Role

    model = Model(org=Org("Breed"))
    model.goals["g"] = Goal(id="g", name="Doel")
    actors = SHEET_COLUMNS - len(DESCRIBING)  # with Description, one column too many
    for n in range(actors):
        model.roles[f"r{n}"] = Role(id=f"r{n}", name=f"Rol {n}")
    model.assignments = [Assignment("g", "A", "r0")] + [
        Assignment("g", "I", f"r{n}") for n in range(1, actors)]
    model.goals["g"].description = "Een doel"
    write_model(model, tmp_path / "breed.yaml")
    for args in (["--format", "csv"], ["-o", tmp_path / "uit" / "breed.csv"],
                 ["-o", tmp_path / "breed.xlsx"]):
        result = raci("export", tmp_path / "breed.yaml", *args)
        assert result.code == 2 and result.out == ""
        assert result.err == (
            f"raci: the RACI matrix is 1 item by {actors:,} actors, more than a spreadsheet "
            "opens (1,048,576 rows, 16,384 columns); export the model file (-o org.yaml), or "
            "part of the matrix: `raci matrix MODEL --scope ID --format csv`\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["breed.yaml", "raci-model.schema.json"]


def test_actors_new_to_the_model_are_named_by_the_kind_they_became(raci: Raci,
                                                                   tmp_path: Path) -> None:
    """The exported workbook's id row says which columns are bodies and people;
    imported into an empty model, the notice names them as what they became."""
    model = tmp_path / "org.yaml"
    model.write_text("raci: 1\norg: {name: Warmte}\n"
                     "roles: [{id: r.pm, name: Programmamanager}]\n"
                     "bodies: [{id: sg, name: Stuurgroep Warmte, kind: steering_group}]\n"
                     "goals: [{id: g, name: Aardgasvrij, raci: {A: r.pm, R: [sg]}}]\n",
                     encoding="utf-8")
    sheet = tmp_path / "matrix.xlsx"
    assert raci("export", model, "-o", sheet).code == 0
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    imported = open_model(str(tmp_path / "org.db")).model
    body = next(b for b in imported.bodies.values())
    said = {line.split(" became ")[1].split(":")[0]: line for line in result.err.splitlines()
            if " became " in line}
    assert body.name in said["a body"] and body.name not in said.get("a role", "")


def test_the_dutch_findings_sheet_says_each_level_in_dutch(raci: Raci, tmp_path: Path) -> None:
    """The findings sheet is for people: its levels in the words the report
    uses ("waarschuwing"), as its headers and messages are."""
    model_file = SAMPLES / "energietransitie.yaml"
    assert raci("--lang", "nl", "export", model_file, "-o", tmp_path / "m.xlsx").code == 0
    findings = load_workbook(tmp_path / "m.xlsx")["Bevindingen"]
    assert [c.value for c in findings[1]][:2] == ["Code", "Niveau"]
    levels = {row[1].value for row in findings.iter_rows(min_row=2)}
    assert levels and levels <= {"fout", "waarschuwing", "melding"}
    assert "waarschuwing" in levels
