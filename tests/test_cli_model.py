"""The model commands as a user types them: new, import, export, validate, edits."""

from __future__ import annotations

import sqlite3
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

from raci.formats import read_model
from raci.source import open_model

SMALL = textwrap.dedent(
    """\
    raci: 1
    org:
      name: Programma Warmte
      as_of: 2026-11-01
    units:
      - id: bzk
        name: Ministerie van BZK
      - id: bureau-x
        name: Adviesbureau X
        external: true
    people:
      - id: p.jansen
        name: Petra Jansen
        unit: bzk
      - id: p.dekker
        name: Sander Dekker
        unit: bureau-x
    roles:
      - id: dg-bw
        name: Directeur-Generaal Bouwen en Wonen
        unit: bzk
        holders: [p.jansen]
    bodies:
      - id: sg-warmte
        name: Stuurgroep Warmte
        kind: steering_group
        chair: dg-bw
        members: [dg-bw, p.dekker]
    goals:
      - id: g.aardgasvrij
        name: Woningen aardgasvrij
        raci: {A: dg-bw, R: [p.jansen]}
    kpis:
      - id: k.woningen
        name: Aantal aardgasvrije woningen
        measures: g.aardgasvrij
        type: lagging
    waivers:
      - rule: BOD002
        target: sg-warmte
        reason: Adviserend van opzet.
    """
)






@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "warmte.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@pytest.fixture
def db(tmp_path: Path, model_file: Path, raci) -> Path:
    path = tmp_path / "org.db"
    assert raci("import", model_file, "--into", path).code == 0
    return path


def test_new_creates_an_empty_model_and_refuses_an_existing_one(tmp_path: Path, raci) -> None:
    path = tmp_path / "leeg.db"
    assert raci("new", path, "--name", "Leeg Programma").code == 0
    model = open_model(str(path)).model
    assert model.org.name == "Leeg Programma"
    assert len(model) == 0
    again = raci("new", path)
    assert again.code == 2
    assert again.err.count("\n") == 1 and "Traceback" not in again.err


def test_new_of_a_model_file_name_asks_for_a_database_name(tmp_path: Path, raci) -> None:
    """No `raci import x.yaml` for a file that is not there."""
    absent = tmp_path / "x.yaml"
    assert raci("new", absent).err == (
        f"raci: {absent}: this needs a database, not a model file; name it .db, or give a "
        "database URL\n")
    assert not absent.exists()


def test_new_and_import_leave_another_programs_database_alone(
    tmp_path: Path, model_file: Path, raci
) -> None:
    path = tmp_path / "agenda.db"
    with closing(sqlite3.connect(path)) as agenda, agenda:
        agenda.execute("CREATE TABLE meeting (day TEXT)")
    for args in (("new", path), ("import", model_file, "--into", path), ("lint", path)):
        refused = raci(*args)
        assert refused.code == 2 and "holds tables of its own (meeting)" in refused.err
        assert refused.err.count("\n") == 1
    with closing(sqlite3.connect(path)) as agenda:
        tables = agenda.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        journal = agenda.execute("PRAGMA journal_mode").fetchone()
    assert tables == [("meeting",)]
    assert journal == ("delete",), "the file was not even switched to WAL"


def test_import_then_export_gives_the_same_model(
    db: Path, model_file: Path, tmp_path: Path, raci
) -> None:
    for suffix in (".yaml", ".json"):
        out = tmp_path / f"back{suffix}"
        assert raci("export", db, "-o", out).code == 0
        assert read_model(out).model == read_model(model_file).model


def test_export_prints_yaml_without_output_file(db: Path, raci) -> None:
    result = raci("export", db)
    assert result.code == 0
    assert "Programma Warmte" in result.out and "g.aardgasvrij" in result.out


def test_output_dash_is_standard_output_or_refused(db: Path, tmp_path: Path, raci,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """`-o -` is standard output, as `-` is standard input where a model is
    read; a command that must write a file refuses it in one line."""
    monkeypatch.chdir(tmp_path)
    before = set(tmp_path.iterdir())
    for fmt in ("yaml", "json", "csv"):
        result = raci("export", db, "-o", "-", "--format", fmt)
        assert result.code == 0, result.err
        assert result.out == raci("export", db, "--format", fmt).out
        assert "Programma Warmte" in result.out and "wrote" not in result.err
    assert raci("schema", "-o", "-").out.startswith("{")
    for language, said in (("en", "raci: --format xlsx: give the workbook to write with -o "
                                  "FILE.xlsx"),
                           ("nl", "raci: --format xlsx: geef de werkmap om te schrijven met -o "
                                  "BESTAND.xlsx")):
        result = raci("--lang", language, "export", db, "-o", "-", "--format", "xlsx")
        assert (result.code, result.err) == (2, said + "\n")
    for command, words in (("generate", ("--size", "small")),):  # report: test_report_stdout
        english = raci(command, *words, "-o", "-")
        assert (english.code, english.err) == (
            2, f"raci: -o -: raci {command} writes a file, not standard output; give the "
               "file's name\n")
        dutch = raci("--lang", "nl", command, *words, "-o", "-")
        assert (dutch.code, dutch.err) == (
            2, f"raci: -o -: raci {command} schrijft een bestand, geen standaarduitvoer; geef "
               "de naam van het bestand\n")
    assert set(tmp_path.iterdir()) == before  # no file named "-"


def test_export_refuses_a_format_the_output_files_suffix_contradicts(
        db: Path, tmp_path: Path, raci) -> None:
    """YAML written to x.json is a file raci cannot read back: refused, and
    no file written; a suffix that agrees, or no --format, writes."""
    target = tmp_path / "x.json"
    result = raci("export", db, "--format", "yaml", "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"raci: -o {target} is a .json file but --format is yaml; name the "
                          "file .yaml or leave --format out\n")
    assert not target.exists()
    assert raci("export", db, "--format", "json", "-o", target).code == 0
    assert read_model(target).model.org.name == "Programma Warmte"


def test_export_never_writes_over_a_database(db: Path, tmp_path: Path, raci) -> None:
    """`-o org.db` (the database read, or another) would replace a database
    with a model file: refused before any work, both databases as they were."""
    other = tmp_path / "other.db"
    other.write_bytes(db.read_bytes())
    before = {path: path.read_bytes() for path in (db, other)}
    for target in (db, other):
        result = raci("export", db, "-o", target)
        assert (result.code, result.out) == (2, "")
        assert result.err == (f"raci: {target} is a SQLite database: writing there would lose "
                              "it; name another file\n")
    target = tmp_path / "new.DB"  # no database yet, but a model file of that name reads as one
    result = raci("export", db, "-o", target)
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"raci: -o {target} is a database; raci export writes a model "
                          "file (.yaml, .json) or the matrix (.xlsx, .csv): name one of "
                          "those\n")
    assert {path: path.read_bytes() for path in (db, other)} == before
    assert not (tmp_path / "new.DB").exists()


def test_import_refuses_a_non_empty_model_unless_replace(db: Path, model_file: Path, raci) -> None:
    other = model_file.with_name("ander.yaml")
    other.write_text(SMALL.replace("Programma Warmte", "Programma Koude"), encoding="utf-8")
    refused = raci("import", other, "--into", db)
    assert refused.code == 2 and "--replace" in refused.err
    assert open_model(str(db)).model.org.name == "Programma Warmte"
    assert raci("import", other, "--into", db, "--replace").code == 0
    assert open_model(str(db)).model.org.name == "Programma Koude"


def test_a_bad_file_is_refused_whole_with_every_error(db: Path, model_file: Path, raci) -> None:
    bad = model_file.with_name("kapot.yaml")
    bad.write_text(
        SMALL.replace("holders: [p.jansen]", "holders: [p.jansen, p.jansn]")
        .replace("kind: steering_group", "kind: steering_grop"),
        encoding="utf-8",
    )
    result = raci("import", bad, "--into", db, "--replace")
    assert result.code == 2
    lines = result.err.strip().splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{bad}:") for line in lines)
    assert "p.jansen" in result.err  # did you mean
    assert open_model(str(db)).model == read_model(model_file).model


def test_validate_exit_codes(model_file: Path, raci) -> None:
    ok = raci("validate", model_file)
    assert ok.code == 0 and "ok" in ok.out
    bad = model_file.with_name("bad.yaml")
    bad.write_text(SMALL.replace("name: Petra Jansen", "naam: Petra Jansen"), encoding="utf-8")
    result = raci("validate", model_file, bad)
    assert result.code == 2
    assert result.err.startswith(f"{bad}:")


def test_add_set_and_rm_an_entity(db: Path, raci) -> None:
    assert raci("add", db, "person", "p.bakker", "--name", "Eva Bakker",
                "--set", "unit=bzk", "--set", "capacity_fte=0.8").code == 0
    person = open_model(str(db)).model.people["p.bakker"]
    assert (person.unit, person.capacity_fte) == ("bzk", 0.8)

    assert raci("set", db, "sg-warmte", "members=dg-bw,p.dekker,p.bakker",
                "meets_every_days=14").code == 0
    body = open_model(str(db)).model.bodies["sg-warmte"]
    assert body.members == ["dg-bw", "p.dekker", "p.bakker"] and body.meets_every_days == 14

    assert raci("set", db, "p.bakker", "capacity_fte=").code == 0
    assert open_model(str(db)).model.people["p.bakker"].capacity_fte is None


def test_a_setting_that_cannot_be_taken_names_the_entity(db: Path, raci) -> None:
    before = db.read_bytes()
    assert raci("set", db, "sg-warmte", "id=sg2").err == (
        "raci: sg-warmte: id=: an id is changed with `raci rename MODEL sg-warmte NEW`, which "
        "changes it everywhere it is named\n")
    assert raci("set", db, "p.jansen", "capacity_fte=abc").err == (
        "raci: p.jansen: capacity_fte: 'abc' is not a number\n")
    assert raci("add", db, "person", "p.x", "--name", "X", "--set", "capacity_fte=abc").err == (
        "raci: p.x: capacity_fte: 'abc' is not a number\n")
    assert db.read_bytes() == before


def test_edits_that_would_break_the_model_change_nothing(db: Path, raci) -> None:
    before = open_model(str(db)).model
    cases = [
        ("add", db, "person", "p.jansen", "--name", "Dubbel"),
        ("add", db, "role", "r.nieuw", "--name", "Nieuw", "--set", "holders=p.jansn"),
        ("add", db, "unit", "Bad Id", "--name", "Spatie"),
        ("set", db, "sg-warmte", "kind=stuurgroep"),
        ("set", db, "sg-warmte", "voorzitter=dg-bw"),
        ("set", db, "g.aardgasvrij", "due=2026-02-30"),
        ("set", db, "g.aardgasvrij", "due=2026-W44-1"),
        ("set", db, "g.aardgasvrij", "due=20261101"),
        ("set", db, "sg-warmte", "temporary=yes"),
        ("set", db, "sg-warmte", "meets_every_days=99999999999999999999999"),
        ("assign", db, "g.aardgasvrij", "A", "bzk"),
        ("assign", db, "dg-bw", "R", "p.jansen"),
        ("unassign", db, "g.aardgasvrij", "p.dekker"),
        ("rm", db, "p.jansen"),
        ("rm", db, "nobody"),
    ]
    for args in cases:
        result = raci(*args)
        assert result.code == 2, args
        assert result.err.startswith("raci: ") and result.err.count("\n") == 1, result.err
    assert open_model(str(db)).model == before


def test_import_into_a_model_file_name_says_to_give_a_database(
        model_file: Path, tmp_path: Path, raci) -> None:
    result = raci("import", model_file, "--into", tmp_path / "copy.yaml")
    assert result.code == 2
    assert result.err == (f"raci: --into {tmp_path / 'copy.yaml'}: give the database to read "
                          f"the file into, such as --into {tmp_path / 'copy.db'}\n")
    assert not (tmp_path / "copy.yaml").exists()


def test_unknown_ids_get_a_did_you_mean(db: Path, raci) -> None:
    result = raci("assign", db, "g.aardgasvrij", "C", "sg-wamte")
    assert result.code == 2 and "did you mean 'sg-warmte'" in result.err


def test_rm_lists_references_and_force_removes_them(db: Path, raci) -> None:
    refused = raci("rm", db, "dg-bw")
    assert refused.code == 2
    assert "sg-warmte (chair)" in refused.err and "sg-warmte (members)" in refused.err
    assert raci("rm", db, "dg-bw", "--force").code == 0
    model = open_model(str(db)).model
    assert "dg-bw" not in model
    assert model.bodies["sg-warmte"].chair is None
    assert model.bodies["sg-warmte"].members == ["p.dekker"]
    assert model.actors("g.aardgasvrij", "A") == []


def test_rm_force_of_a_goal_takes_its_indicators_and_waiver_targets(db: Path, raci) -> None:
    assert raci("rm", db, "g.aardgasvrij", "--force").out == (
        "removed g.aardgasvrij and indicator k.woningen with 2 letters\n")
    model = open_model(str(db)).model
    assert "k.woningen" not in model and "g.aardgasvrij" not in model
    assert raci("rm", db, "sg-warmte", "--force").out == "removed sg-warmte and 1 waiver\n"
    assert open_model(str(db)).model.waivers == []


def test_assign_replaces_the_letter_and_unassign_removes_it(db: Path, raci) -> None:
    assert raci("assign", db, "g.aardgasvrij", "c", "sg-warmte").code == 0
    assert raci("assign", db, "g.aardgasvrij", "I", "sg-warmte").code == 0
    model = open_model(str(db)).model
    assert model.letters_of("g.aardgasvrij", "sg-warmte") == ("I",)
    assert raci("unassign", db, "g.aardgasvrij", "sg-warmte").code == 0
    assert open_model(str(db)).model.letters_of("g.aardgasvrij", "sg-warmte") == ()


def test_assign_says_which_letters_it_replaced(db: Path, raci) -> None:
    """A letter replaced is said, old and new, as `raci diff` says a changed
    assignment; a letter given where there was none, as before."""
    assert raci("assign", db, "g.aardgasvrij", "C", "dg-bw").out == (
        "dg-bw on g.aardgasvrij: A -> C\n")
    assert raci("assign", db, "g.aardgasvrij", "A/R", "p.jansen").out == (
        "p.jansen on g.aardgasvrij: R -> A/R\n")
    assert raci("assign", db, "g.aardgasvrij", "I", "sg-warmte").out == (
        "sg-warmte is I on g.aardgasvrij\n")
    dutch = raci("--lang", "nl", "assign", db, "g.aardgasvrij", "R", "p.jansen")
    assert dutch.out == "p.jansen op g.aardgasvrij: A/R -> R\n"
    assert open_model(str(db)).model.letters_of("g.aardgasvrij", "p.jansen") == ("R",)


@pytest.mark.parametrize(("args", "said"), [
    (("assign", "{db}", "g.aardgasvrij", "R", "p.jansen"),
     "p.jansen is already R on g.aardgasvrij; nothing was written"),
    (("assign", "{db}", "g.aardgasvrij", "A/R", "dg-bw"), None),
    (("set", "{db}", "sg-warmte", "name=Stuurgroep Warmte", "kind=steering_group"),
     "sg-warmte already holds those values; nothing was written"),
    (("set", "{db}", "org.name=Programma Warmte", "org.as_of=2026-11-01"),
     "the organisation already holds those values; nothing was written"),
])
def test_an_edit_that_changes_nothing_writes_nothing(
        db: Path, raci, args: tuple[str, ...], said: str | None) -> None:
    """The file and its revision stay as they were, so an open app has
    nothing to reload."""
    before = db.read_bytes()
    result = raci(*(arg.format(db=db) for arg in args))
    if said is None:  # A/R where A was held is a change
        assert result.code == 0 and db.read_bytes() != before
        return
    assert (result.code, result.out) == (0, said + "\n")
    assert db.read_bytes() == before


def test_assigning_on_an_indicator_gives_it_a_raci_block(db: Path, raci) -> None:
    assert raci("assign", db, "k.woningen", "A", "dg-bw").code == 0
    kpi = open_model(str(db)).model.kpis["k.woningen"]
    assert kpi.has_raci


def test_an_indicator_whose_letters_all_go_exports_as_one_that_never_had_any(
        db: Path, raci, tmp_path: Path) -> None:
    """SPEC: an indicator with a `raci` block, even an empty one, needs an
    Accountable (OWN001); with its last letter gone it carries none."""
    raci("assign", db, "k.woningen", "A", "dg-bw")
    raci("assign", db, "k.woningen", "C", "p.jansen")
    assert raci("unassign", db, "k.woningen", "dg-bw").code == 0
    assert open_model(str(db)).model.kpis["k.woningen"].has_raci, "a C is left"
    assert raci("unassign", db, "k.woningen", "p.jansen").code == 0
    exported = raci("export", db, "-o", tmp_path / "out.yaml")
    assert exported.code == 0, exported.err
    [kpi] = [k for k in read_model(tmp_path / "out.yaml").model.kpis.values()]
    assert not kpi.has_raci
    assert "OWN001" not in raci("lint", db, "--fail-on", "never").out


def test_edits_refuse_model_files(model_file: Path, raci) -> None:
    result = raci("assign", model_file, "g.aardgasvrij", "A", "dg-bw")
    assert result.code == 2 and "raci import" in result.err
    assert model_file.read_text(encoding="utf-8") == SMALL


def test_missing_database_is_one_line_exit_2(tmp_path: Path, raci) -> None:
    result = raci("export", tmp_path / "nergens.db")
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


@pytest.mark.parametrize("command", [("lint",), ("export",), ("export", "-o", "org.yaml"),
                                     ("matrix",), ("diff", "empty.db"), ("set", "u", "name=U")])
def test_a_command_that_reads_leaves_an_empty_file_as_it_was(
        tmp_path: Path, raci, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]) -> None:
    """Refused as no model, an empty file stays empty: turning it into a
    database (in WAL mode) would change the file the command refused."""
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty.db"
    empty.touch()
    result = raci(command[0], empty, *command[1:])
    assert result.code == 2 and f"no model at {empty}" in result.err
    assert empty.read_bytes() == b""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.db"]


def test_set_on_an_indicator_keeps_its_raci_block(db: Path, raci) -> None:
    assert raci("assign", db, "k.woningen", "A", "dg-bw").code == 0
    assert raci("set", db, "k.woningen", "target=2000000").code == 0
    kpi = open_model(str(db)).model.kpis["k.woningen"]
    assert kpi.has_raci and kpi.target == "2000000"


def test_rm_refuses_an_actor_that_still_holds_assignments(db: Path, raci) -> None:
    refused = raci("rm", db, "p.jansen")
    assert refused.code == 2 and "g.aardgasvrij (raci.R)" in refused.err
    assert "p.jansen" in open_model(str(db)).model


def test_rm_lists_at_most_ten_references(db: Path, raci) -> None:
    for n in range(12):
        added = raci("add", db, "person", f"p.{n}", "--name", f"P {n}", "--set", "unit=bzk")
        assert added.code == 0
    refused = raci("rm", db, "bzk")
    assert refused.code == 2 and "and 4 more" in refused.err


def test_a_paired_cell_is_assigned_and_unassigned_whole(db: Path, raci) -> None:
    result = raci("assign", db, "g.aardgasvrij", "A/R", "dg-bw")
    assert result.code == 0 and "dg-bw on g.aardgasvrij: A -> A/R" in result.out
    assert open_model(str(db)).model.letters_of("g.aardgasvrij", "dg-bw") == ("A", "R")
    result = raci("unassign", db, "g.aardgasvrij", "dg-bw")
    assert result.code == 0 and "no longer A/R" in result.out
    assert open_model(str(db)).model.letters_of("g.aardgasvrij", "dg-bw") == ()


def test_set_changes_the_organisations_header(db: Path, raci) -> None:
    result = raci("set", db, "org.name=Programma Warmte 2", "org.as_of=2026-12-01",
                  "org.not_recorded=chairs, cadence", "org.description=Een programma")
    assert result.code == 0, result.err
    org = open_model(str(db)).model.org
    assert (org.name, str(org.as_of), org.not_recorded, org.description) == (
        "Programma Warmte 2", "2026-12-01", ["chairs", "cadence"], "Een programma")
    assert raci("set", db, "org.description=", "org.not_recorded=").code == 0
    org = open_model(str(db)).model.org
    assert org.description is None and org.not_recorded == []


@pytest.mark.parametrize(("setting", "reason"), [
    ("org.not_recorded=chiars", "'chiars' is not one of chairs, holders, responsibles, "
                                "success_criteria, indicators, goals, cadence; did you mean "
                                "'chairs'?"),
    ("org.name=", "missing required key 'name'"),
    ("org.as_of=2026-02-30", "org.as_of: '2026-02-30' is not a date (YYYY-MM-DD)"),
    ("org.nme=X", "the organisation has no field 'nme' (fields: name, description, as_of, "
                  "not_recorded); did you mean 'name'?"),
])
def test_a_bad_header_setting_is_refused_and_changes_nothing(
        db: Path, raci, setting: str, reason: str) -> None:
    before = open_model(str(db)).model
    result = raci("set", db, setting)
    assert result.code == 2 and reason in result.err and result.err.count("\n") == 1
    assert open_model(str(db)).model == before


def test_rename_changes_an_id_everywhere_and_its_baseline(
        db: Path, tmp_path: Path, raci) -> None:
    baseline = tmp_path / "baseline.json"
    raci("lint", db, "--write-baseline", baseline)
    assert "BOD002:sg-warmte" not in baseline.read_text(), "waived, so not in the baseline"
    assert "OWN007" not in baseline.read_text()
    baseline.write_text('{"version": 1, "fingerprints": ["BOD001:a,sg-warmte,z", "X:y"]}')
    result = raci("rename", db, "sg-warmte", "b-stuurgroep", "--baseline", baseline)
    assert result.code == 0, result.err
    assert "renamed sg-warmte to b-stuurgroep and 1 baseline fingerprint" in result.out
    model = open_model(str(db)).model
    assert "sg-warmte" not in model and model.kind("b-stuurgroep") == "body"
    assert model.waivers[0].target == ["b-stuurgroep"]
    assert '"BOD001:a,b-stuurgroep,z"' in baseline.read_text()
    assert raci("lint", db, "--select", "BOD002").code == 0, "the waiver still holds"


@pytest.mark.parametrize(("new", "reason"), [
    ("dg bw", "'dg bw' is not an id"),
    ("p.jansen", "id 'p.jansen' is already used by a person"),
])
def test_rename_refuses_a_bad_or_taken_id(db: Path, raci, new: str, reason: str) -> None:
    before = open_model(str(db)).model
    result = raci("rename", db, "dg-bw", new)
    assert result.code == 2 and reason in result.err
    assert open_model(str(db)).model == before


@pytest.mark.parametrize(("language", "command", "said"), [
    ("en", ("add", "initiative", "i.nieuw", "--name", "Nieuw", "--set", "foo=1"),
     "i.nieuw: an initiative has no field 'foo'"),
    ("en", ("set", "k.woningen", "foo=1"), "k.woningen: an indicator has no field 'foo'"),
    ("en", ("set", "g.aardgasvrij", "foo=1"), "g.aardgasvrij: a goal has no field 'foo'"),
    ("en", ("rename", "dg-bw", "k.woningen"), "id 'k.woningen' is already used by an indicator"),
    ("en", ("add", "role", "g.aardgasvrij", "--name", "X"),
     "id 'g.aardgasvrij' is already used by a goal"),
    ("en", ("assign", "g.aardgasvrij", "A", "k.woningen"),
     "k.woningen is an indicator, not an actor (role, body or person)"),
    ("nl", ("set", "k.woningen", "foo=1"), "k.woningen: een indicator heeft geen veld 'foo'"),
])
def test_a_kind_is_said_with_the_article_its_word_takes(
        db: Path, raci, language: str, command: tuple[str, ...], said: str) -> None:
    result = raci("--lang", language, command[0], db, *command[1:])
    assert result.code == 2 and result.err.startswith(f"raci: {said}")


def test_rename_refuses_an_unreadable_baseline_before_changing_anything(
        db: Path, tmp_path: Path, raci) -> None:
    result = raci("rename", db, "dg-bw", "dg", "--baseline", tmp_path / "missing.json")
    assert result.code == 2
    assert "missing.json: no such baseline file; write one with --write-baseline" in result.err
    assert "dg-bw" in open_model(str(db)).model
