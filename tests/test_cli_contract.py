"""docs/cli.md's promises to scripts and CI, checked for every command.

Exit 0, 1 or 2 only; bad input, bad usage and internal errors exit 2 with one
line on stderr and no traceback (unless --debug); a refused command changes
nothing in the database; MODEL is a .db file, a database URL or a model file,
and a model file is only ever read.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from conftest import Raci

from raci.cli import cli, main
from raci.cli.language import subcommands
from raci.source import open_model

WARMTE = Path(__file__).parent / "data" / "files" / "warmte.yaml"
RACI = str(Path(sys.executable).with_name("raci"))








def closed_port() -> int:
    """A local port nobody listens on: bound once, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A folder with a good model file and database, and every kind of bad MODEL."""
    folder = tmp_path_factory.mktemp("contract")
    model = folder / "warmte.yaml"
    shutil.copy(WARMTE, model)
    db = folder / "org.db"
    with pytest.raises(SystemExit) as imported:
        main(["import", str(model), "--into", str(db)])
    assert imported.value.code == 0
    (folder / "tekst.db").write_text("dit is geen database\n", encoding="utf-8")
    with sqlite3.connect(folder / "ander.db") as foreign:
        foreign.execute("CREATE TABLE klanten (naam TEXT)")
    (folder / "map.db").mkdir()
    (folder / "map.yaml").mkdir()
    (folder / "notities.txt").write_text("geen model\n", encoding="utf-8")
    return {
        "model": str(model), "db": str(db), "dir": str(folder),
        "missing_db": str(folder / "nergens.db"), "missing_yaml": str(folder / "nergens.yaml"),
        "not_sqlite": str(folder / "tekst.db"), "foreign_db": str(folder / "ander.db"),
        "folder_db": str(folder / "map.db"), "folder_yaml": str(folder / "map.yaml"),
        "text_file": str(folder / "notities.txt"),
        "closed_pg": f"postgresql://raci@127.0.0.1:{closed_port()}/raci",
    }


BAD_MODELS = ["missing_db", "missing_yaml", "not_sqlite", "foreign_db", "folder_db",
              "folder_yaml", "text_file", "closed_pg"]
READERS = [
    "export {m}", "lint {m}", "diff {model} {m}", "diff {m} {model}",
    "diagram {m} --view org", "matrix {m}", "report {m} -o {dir}/verslag.md",
]
EDITORS = [
    "add {m} unit u.nieuw --name Nieuw", "set {m} bzk name=Nieuw", "rm {m} bzk",
    "assign {m} g.aardgasvrij C sg-warmte", "unassign {m} g.aardgasvrij dg-bw",
]
BAD_VALUES = [
    # unknown ids and fields
    "add {db} unit bzk --name Dubbel", "add {db} unit u.x --name X --set parent=nergens",
    "add {db} unit u.x --name X --set kleur=rood", "add {db} unit u.x --name ''",
    "add {db} unit 'met spatie' --name X", "set {db} nergens name=X", "set {db} bzk name",
    "set {db} bzk name=", "rm {db} nergens", "rm {db} dg-bw", "assign {db} nergens A dg-bw",
    "assign {db} g.aardgasvrij A nergens", "assign {db} g.aardgasvrij A bzk",
    "unassign {db} g.aardgasvrij p.dekker",
    "diagram {model} --view org --focus nergens", "matrix {model} --scope nergens",
    "rules XYZ999",
    # bad option values and dates
    "add {db} goal g.x --name X --set due=2026-02-30", "add {db} person p.x --name X "
    "--set capacity_fte=veel", "add {db} unit u.x --name X --set external=misschien",
    "lint {model} --as-of 2026-13-01", "lint {model} --as-of morgen",
    "lint {model} --select XYZ", "lint {model} --select ''", "lint {model} --select ,",
    "lint {model} --ignore nonsens",
    "lint {model} --baseline {missing_yaml}", "lint {model} --baseline {model}",
    "lint {model} --config {missing_yaml}", "lint {model} --config {model}",
    "lint {model} --write-baseline {text_file}/b.json",
    "export {model} -o {model}/uit.yaml", "report {model} -o {dir}/verslag.docx",
    "generate --size small -o {dir}/model.txt", "generate --size small -o {model}/m/m.yaml",
    "new {db}", "new {dir}/nieuw.db --name ' '", "new {model}", "new {text_file}",
    "new {dir}/nergens/org.db", "import {model} --into {db}", "import {missing_yaml} --into {db}",
    "import {folder_yaml} --into {db}", "import {db} --into {db}",
    "import {model} --into {model}", "validate {missing_yaml}", "validate {db}",
    "export sqlite://", "export mysql://raci@127.0.0.1/raci",
    # click's own usage errors
    "", "nergens", "export", "export {db} --kleur", "export {db} --format xml",
    "lint {model} --fail-on fataal", "lint {model} --format xml", "diagram {model}",
    "diagram {model} --view kaart", "diagram {model} --view org --depth -1",
    "diagram {model} --view org --timeout 0", "matrix {model} --format xls",
    "generate --size enorm -o {dir}/m.yaml", "generate -o {dir}/m.yaml",
    "generate --size small --seed tien -o {dir}/m.yaml", "add {db} widget w.x --name X",
    "assign {db} g.aardgasvrij X dg-bw", "rules OWN001 OWN002", "import {model}",
]
CASES = (
    [r.replace("{m}", "{" + bad + "}") for r in READERS + EDITORS for bad in BAD_MODELS]
    + [e.replace("{m}", "{model}") for e in EDITORS]
    + [b for b in BAD_VALUES if b]
)


def fill(template: str, place: dict[str, str]) -> list[str]:
    return [part.format(**place) for part in shlex.split(template)]


@pytest.mark.parametrize("template", CASES)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
    template: str, place: dict[str, str], raci: Raci
) -> None:
    before = open_model(place["db"]).model
    model_text = Path(place["model"]).read_bytes()
    result = raci(*fill(template, place))
    assert result.code == 2, result
    assert result.err.endswith("\n") and result.err.count("\n") == 1, result.err
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert open_model(place["db"]).model == before
    assert Path(place["model"]).read_bytes() == model_text


def test_o_makes_missing_directories_and_takes_them_away_when_nothing_is_written(
    tmp_path: Path, raci: Raci
) -> None:
    assert raci("export", WARMTE, "-o", tmp_path / "handout" / "m" / "org.yaml").code == 0
    assert (tmp_path / "handout" / "m" / "org.yaml").is_file()
    assert raci("lint", WARMTE, "-o", tmp_path / "ci" / "lint.txt").code in (0, 1)
    assert (tmp_path / "ci" / "lint.txt").read_text(encoding="utf-8").startswith(str(WARMTE))
    refused = raci("export", tmp_path / "nergens.yaml", "-o", tmp_path / "weg" / "m" / "o.yaml")
    assert refused.code == 2 and not (tmp_path / "weg").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ci", "handout"]


def test_a_refused_model_file_lists_each_problem_as_file_line_col(
    tmp_path: Path, raci: Raci
) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text(WARMTE.read_text(encoding="utf-8")
                      .replace("holders: [p.jansen]", "holders: [p.jansen, p.jansn]")
                      .replace("kind: steering_group", "kind: stuurgroep"), encoding="utf-8")
    for command in (["validate"], ["lint"], ["export"]):
        result = raci(*command, broken)
        assert result.code == 2
        lines = result.err.splitlines()
        assert len(lines) == 2 and all(line.startswith(f"{broken}:") for line in lines), lines
        assert all(line.split(":")[1].isdigit() and line.split(":")[2].isdigit()
                   for line in lines), lines


def test_lint_lists_the_problems_of_every_broken_model_file(tmp_path: Path, raci: Raci) -> None:
    first, second = tmp_path / "een.yaml", tmp_path / "twee.json"
    first.write_text("raci: 1\norg: {name: Een}\nunits: [{id: u, name: U, parent: x}]\n",
                     encoding="utf-8")
    second.write_text('{"raci": 1, "org": {}}', encoding="utf-8")
    result = raci("lint", first, WARMTE, second)
    assert result.code == 2
    files = [line.split(":")[0] for line in result.err.splitlines()]
    assert files == [str(first), str(second)], result.err
    # The readable model is still linted, and the summary counts what was read.
    assert {line.split(":")[0] for line in result.out.splitlines()[:-1]} == {str(WARMTE)}
    assert result.out.splitlines()[-1].endswith("in 1 model; 2 models could not be read.")


@pytest.mark.parametrize("args", [
    ["export"], ["lint", "x.yaml", "--kleur"], ["nergens"], ["diagram", "x.yaml"],
    ["generate", "-o", "x.yaml"], ["add", "org.db", "widget", "w", "--name", "W"],
])
def test_usage_errors_are_one_line_with_a_help_hint(args: list[str], raci: Raci) -> None:
    result = raci(*args)
    assert result.code == 2
    assert result.err.count("\n") == 1 and "Usage:" not in result.err, result.err
    assert result.err.startswith("raci: ") and "--help`" in result.err


def test_click_lists_choices_on_one_line(raci: Raci) -> None:
    result = raci("generate", "-o", "x.yaml")
    assert "Choose from: small, ministry, national" in result.err


def test_help_is_exit_0_for_every_command(raci: Raci) -> None:
    for name in subcommands(cli):
        result = raci(name, "--help")
        assert result.code == 0 and f"raci {name}" in result.out, name
        assert result.err == ""


def test_every_option_says_what_it_does() -> None:
    for name, command in subcommands(cli).items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"raci {name} {param.opts[0]} has no help text"


@pytest.mark.parametrize("command", ["lint", "export"])
def test_postgresql_without_its_driver_says_how_to_install_it(
    command: str, place: dict[str, str], raci: Raci, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as without the postgres extra
    result = raci(command, place["closed_pg"], "--lang", "nl")
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert "pip install '.[postgres]'" in result.err and "PostgreSQL heeft" in result.err


@pytest.mark.parametrize("command", [
    "lint {model} -o {out}", "lint {model} --write-baseline {out}", "export {model} -o {out}",
    "schema -o {out}", "diagram {model} --view org -o {out}",
])
def test_a_folder_that_cannot_be_made_is_said_in_the_users_language(
    command: str, place: dict[str, str], raci: Raci
) -> None:
    out = "/proc/raci-nergens/uit.json"
    result = raci(*fill(command, {**place, "out": out}), "--lang", "nl")
    assert result.code == 2 and result.err.count("\n") == 1, result.err
    assert result.err == (f"raci: {out}: kan de map /proc/raci-nergens niet maken: "
                          "bestand of map bestaat niet\n")


def test_write_baseline_makes_its_folder(place: dict[str, str], tmp_path: Path,
                                         raci: Raci) -> None:
    written = raci("lint", place["model"], "--write-baseline", tmp_path / "b1" / "base.json")
    assert written.code in (0, 1), written.err
    assert '"fingerprints"' in (tmp_path / "b1" / "base.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["lint {model} --baseline {missing}",
                                     "rename {db} dg-bw dg --baseline {missing}"])
def test_a_missing_baseline_is_said_alike_by_every_command(
    command: str, place: dict[str, str], raci: Raci
) -> None:
    result = raci(*fill(command, {**place, "missing": f"{place['dir']}/nergens.json"}))
    assert result.code == 2
    assert result.err.endswith("nergens.json: no such baseline file; write one with "
                               "--write-baseline\n"), result.err


# ---- internal errors ---------------------------------------------------------


@pytest.fixture
def broken_command() -> Iterator[str]:
    """A command that fails the way a bug would; taken away again after the test."""

    @click.command("kapot")
    def kapot() -> None:
        """Fail like a bug."""
        raise RuntimeError("onverwacht\nover twee regels")

    cli.add_command(kapot)
    yield "kapot"
    del cli.commands["kapot"]


def test_an_internal_error_is_one_line_and_exit_2(broken_command: str, raci: Raci) -> None:
    result = raci(broken_command)
    assert result.code == 2
    assert result.err == ("raci: internal error: RuntimeError: onverwacht over twee regels "
                          "(run `raci --debug ...` for the traceback)\n")


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_lets_the_traceback_through(broken_command: str, where: str) -> None:
    args = ["--debug", broken_command] if where == "before" else [broken_command, "--debug"]
    with pytest.raises(RuntimeError, match="onverwacht"):
        main(args)


def test_debug_does_not_change_expected_refusals(place: dict[str, str], raci: Raci) -> None:
    result = raci("--debug", "export", place["missing_db"])
    assert result.code == 2 and result.err.count("\n") == 1


# ---- exit codes of lint and the JSON shape ------------------------------------


def test_lint_exit_codes_follow_fail_on(place: dict[str, str], raci: Raci) -> None:
    findings = json.loads(raci("lint", place["model"], "--format", "json",
                               "--fail-on", "never").out)["findings"]
    levels = {f["level"] for f in findings if not f["waived"]}
    assert "warning" in levels
    assert raci("lint", place["model"]).code == 1
    assert raci("lint", place["model"], "--fail-on", "never").code == 0
    assert raci("lint", place["model"], "--select", "WAI002", "--fail-on", "info").code == 0


def test_lint_json_has_the_documented_shape(place: dict[str, str], raci: Raci) -> None:
    result = raci("lint", place["model"], place["db"], "--format", "json")
    report = json.loads(result.out)
    assert report["version"] == 1
    assert report["models"] == [place["model"], place["db"]]
    keys = {"code", "name", "level", "message", "targets", "related", "fingerprint", "model",
            "line", "column", "waived", "waiver_reason"}
    for finding in report["findings"]:
        assert keys <= set(finding)
        assert finding["targets"] == sorted(finding["targets"])
        assert finding["fingerprint"].startswith(finding["code"] + ":")
        from_file = finding["model"] == place["model"]
        assert isinstance(finding["line"], int) if from_file else finding["line"] is None
        assert (finding["column"] is None) != from_file
    counted = {level: sum(1 for f in report["findings"]
                          if f["level"] == level and not f["waived"])
               for level in ("error", "warning", "info")}
    waived = sum(1 for f in report["findings"] if f["waived"])
    assert report["summary"] == {**counted, "waived": waived, "not_run": {},
                                 "not_run_by_model": {}}
    assert report["errors"] == []
    assert result.code == 1


# ---- configuration ---------------------------------------------------------------


def test_configuration_is_found_above_the_model_and_the_command_line_wins(
    tmp_path: Path, raci: Raci
) -> None:
    project = tmp_path / "project"
    (project / "models").mkdir(parents=True)
    model = project / "models" / "warmte.yaml"
    shutil.copy(WARMTE, model)
    (project / "pyproject.toml").write_text(
        '[tool.raci]\nselect = ["BOD"]\nfail-on = "never"\n'
        '[tool.raci.rules.BOD003]\nlevel = "info"\n', encoding="utf-8")
    found = json.loads(raci("lint", model, "--format", "json").out)["findings"]
    assert found and all(f["code"].startswith("BOD") for f in found)
    assert {f["level"] for f in found if f["code"] == "BOD003"} == {"info"}
    assert raci("lint", model).code == 0  # fail-on = never from the file
    assert raci("lint", model, "--fail-on", "info").code == 1
    overridden = json.loads(raci("lint", model, "--format", "json", "--select", "STR").out)
    assert {f["code"][:3] for f in overridden["findings"]} == {"STR"}

    (project / "models" / "raci.toml").write_text('[raci]\nselect = ["OWN"]\n',
                                                   encoding="utf-8")
    nearer = json.loads(raci("lint", model, "--format", "json").out)["findings"]
    assert nearer and {f["code"][:3] for f in nearer} == {"OWN"}
    given = tmp_path / "elders.toml"
    given.write_text('[raci]\nselect = ["STR004"]\n', encoding="utf-8")
    chosen = json.loads(raci("lint", model, "--format", "json", "--config", given).out)
    assert {f["code"] for f in chosen["findings"]} == {"STR004"}


def test_report_uses_the_configuration_lint_uses_for_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raci: Raci
) -> None:
    (tmp_path / "modellen").mkdir()
    db = tmp_path / "modellen" / "org.db"
    assert raci("import", WARMTE, "--into", db).code == 0
    (db.parent / "raci.toml").write_text('[raci]\nselect = ["OWN"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    codes = {f["code"] for f in json.loads(raci("lint", db, "--format", "json").out)["findings"]}
    assert codes and {c[:3] for c in codes} == {"OWN"}
    handout = tmp_path / "verslag.md"
    assert raci("report", db, "-o", handout).code == 0
    text = handout.read_text(encoding="utf-8")
    assert all(code in text for code in codes)
    assert "BOD003" not in text and "STR004" not in text


# ---- MODEL resolution ----------------------------------------------------------


@pytest.mark.parametrize("name", ["warmte.YAML", "warmte.Yml", "warmte.json", "WARMTE.JSON"])
def test_model_file_suffixes_are_case_insensitive(name: str, tmp_path: Path, raci: Raci) -> None:
    path = tmp_path / name
    if name.lower().endswith(".json"):
        assert raci("export", WARMTE, "--format", "json", "-o", path).code == 0
    else:
        shutil.copy(WARMTE, path)
    assert open_model(str(path)).model == open_model(str(WARMTE)).model
    assert raci("validate", path).code == 0


def test_database_suffix_and_sqlite_url_name_the_same_database(tmp_path: Path,
                                                                raci: Raci) -> None:
    db = tmp_path / "ORG.DB"
    assert raci("import", WARMTE, "--into", db).code == 0
    by_url = open_model(f"sqlite:///{db}").model
    assert by_url == open_model(str(db)).model == open_model(str(WARMTE)).model


def test_a_model_file_is_only_ever_read(tmp_path: Path, raci: Raci) -> None:
    model = tmp_path / "warmte.yaml"
    shutil.copy(WARMTE, model)
    before = (model.read_bytes(), model.stat().st_mtime_ns)
    for args in (["lint", model, "--fail-on", "never"], ["export", model], ["matrix", model],
                 ["diagram", model, "--view", "raci", "--highlight-findings"],
                 ["report", model, "-o", tmp_path / "v.md"], ["diff", model, model],
                 ["validate", model], ["import", model, "--into", tmp_path / "org.db"]):
        assert raci(*args).code == 0, args
    for args in (["set", model, "bzk", "name=X"], ["rm", model, "bzk"]):
        refused = raci(*args)
        assert refused.code == 2 and "raci import" in refused.err
    assert (model.read_bytes(), model.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".yaml") == ["warmte.yaml"]


def test_import_creates_the_database_and_new_refuses_an_empty_name(
    tmp_path: Path, raci: Raci
) -> None:
    db = tmp_path / "nieuw.db"
    assert raci("import", WARMTE, "--into", db).code == 0
    assert open_model(str(db)).model.org.name == "Programma Warmtetransitie"
    refused = raci("new", tmp_path / "leeg.db", "--name", "")
    assert refused.code == 2 and "--name" in refused.err
    assert not (tmp_path / "leeg.db").exists()


def test_letters_are_taken_in_either_case_and_refused_by_name(place: dict[str, str],
                                                               raci: Raci) -> None:
    refused = raci("assign", place["db"], "g.aardgasvrij", "x", "sg-warmte")
    assert refused.code == 2 and "'x': not a RACI letter; write R, A, C or I" in refused.err
    refused = raci("assign", place["db"], "g.aardgasvrij", "C/I", "sg-warmte")
    assert refused.code == 2 and "Consulted already implies Informed" in refused.err
    assert raci("assign", place["db"], "g.aardgasvrij", "r / a", "sg-warmte").code == 0
    assert open_model(place["db"]).model.letters_of("g.aardgasvrij", "sg-warmte") == ("A", "R")


# ---- real processes: nothing but one line reaches the terminal -------------------


@pytest.mark.parametrize("args", [
    ["export", "{missing_db}"], ["lint", "{folder_yaml}"], ["diagram", "{model}"],
    ["export", "{closed_pg}"], ["add", "{not_sqlite}", "unit", "u", "--name", "U"],
])
def test_a_real_process_prints_one_line_and_no_traceback(args: list[str],
                                                         place: dict[str, str]) -> None:
    done = subprocess.run([RACI, *(a.format(**place) for a in args)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [["rules"], ["matrix", WARMTE], ["lint", WARMTE]])
def test_a_closed_output_pipe_is_a_quiet_end(args: list[str]) -> None:
    # `raci lint org.db | head -1`: the reader had what it wanted, as with ruff
    reader, writer = os.pipe()
    os.close(reader)  # whoever read the output has gone before the first line
    try:
        done = subprocess.run([RACI, *map(str, args)], stdout=writer, stderr=subprocess.PIPE,
                              text=True, timeout=60)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")


def test_an_edit_with_its_reader_gone_is_saved_and_exits_0(tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    assert subprocess.run([RACI, "new", str(database)], capture_output=True).returncode == 0
    reader, writer = os.pipe()
    os.close(reader)  # whoever would read "added unit u" has gone
    try:
        done = subprocess.run([RACI, "add", str(database), "unit", "u", "--name", "U"],
                              stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(writer)
    assert (done.returncode, done.stderr) == (0, "")
    assert "u" in open_model(str(database)).model


def test_raci_alone_opens_the_app_on_org_db_and_creates_it(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    app = pexpect.spawn(RACI, [], cwd=str(tmp_path), dimensions=(24, 80), timeout=30,
                        env={**os.environ, "TERM": "xterm-256color"})
    app.expect("what is the organisation called")  # a new model is named, not after its file
    app.send("Gemeente Test")
    app.send("\x13")  # ctrl+s
    app.expect("Gemeente Test")
    app.expect("0 errors")
    app.send("q")
    app.expect(pexpect.EOF)
    app.close()
    assert app.exitstatus == 0
    created = open_model(str(tmp_path / "org.db")).model
    assert (len(created), created.org.name) == (0, "Gemeente Test")


def test_diagram_refuses_an_output_suffix_that_names_another_format(
    tmp_path: Path, raci: Raci
) -> None:
    result = raci("diagram", WARMTE, "--view", "bodies", "--format", "png",
                  "-o", tmp_path / "x.svg")
    assert result.code == 2 and ".svg" in result.err and "--format is png" in result.err
    assert not (tmp_path / "x.svg").exists()


@pytest.mark.parametrize("fmt", [(), ("--format", "svg")])
def test_diagram_refuses_an_output_suffix_that_names_no_diagram_format(
    fmt: tuple[str, ...], tmp_path: Path, raci: Raci
) -> None:
    result = raci("diagram", WARMTE, "--view", "bodies", *fmt, "-o", tmp_path / "x.docx")
    assert result.code == 2 and result.err.count("\n") == 1
    assert ".docx is not a diagram format" in result.err and ".svg, .png" in result.err
    assert not (tmp_path / "x.docx").exists()


def test_each_command_is_where_raci_looks_for_it() -> None:
    """`raci` imports a command's module only when the command runs: the map
    names every command of every module, and no other."""
    import importlib

    from raci.cli import COMMAND_MODULES

    held = {command.name: module for module in set(COMMAND_MODULES.values())
            for command in importlib.import_module(f"raci.cli.{module}").COMMANDS}
    assert held == COMMAND_MODULES
    assert all(subcommands(cli)[name].name == name for name in COMMAND_MODULES)


def test_a_command_loads_only_its_own_module() -> None:
    script = ("import sys\nfrom raci.cli import run\nrun(['rules', 'OWN001'])\n"
              "print(sorted(m for m in sys.modules if m.endswith('_commands')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.splitlines()[-1] == "['raci.cli.lint_commands']"


def test_help_lists_the_commands_without_the_linter() -> None:
    """`raci --help` imports every command's module for its line of help;
    none of them imports the linter to declare its options (a tenth of a
    second)."""
    script = ("import sys\nfrom raci.cli import run\nrun(['--help'])\n"
              "print(sorted(m for m in sys.modules if m.startswith(('raci.lint', 'networkx'))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert "lint" in done.stdout
    assert done.stdout.splitlines()[-1] == "[]"


def test_the_language_setting_is_read_without_the_linter(tmp_path: Path) -> None:
    """Every command reads ``lang`` from the configuration file; one that lints
    nothing imports no rule, no lint engine for it (a tenth of a second each)."""
    (tmp_path / "raci.toml").write_text('[raci]\nlang = "nl"\n', encoding="utf-8")
    script = ("import sys\nfrom raci.cli import run\nrun(['new', 'org.db'])\n"
              "print(sorted(m for m in sys.modules if m.startswith(('raci.lint', 'networkx'))))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True, cwd=tmp_path)
    assert done.stdout.splitlines() == ["org.db aangemaakt", "[]"]
