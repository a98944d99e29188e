"""`raci demo` and `raci edit` as a user starts them, the real program in a terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from raci.cli import main
from raci.formats import dump_model, read_model
from raci.formats.schema import schema_text

SAMPLES = Path(__file__).parent.parent / "raci" / "sample_orgs"


def spawn_raci(*args: str, cwd: Path) -> pexpect.spawn:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "30"}
    return pexpect.spawn(sys.executable, ["-m", "raci", *args], cwd=str(cwd), env=env,
                         dimensions=(30, 120), encoding="utf-8", timeout=30)


def test_demo_opens_the_sample_in_a_terminal_and_q_quits(tmp_path: Path) -> None:
    name = read_model(SAMPLES / "energietransitie.yaml").model.org.name
    app = spawn_raci("demo", cwd=tmp_path)
    try:
        app.expect_exact(name[:30])
        app.expect_exact("error")  # the header's finding counts: the lint ran
        app.send("q")
        app.expect(pexpect.EOF)
    finally:
        app.close()
    assert app.exitstatus == 0
    assert "raci edit" in (app.before or "")  # where the demo database stays


def test_edit_without_model_creates_org_db_here(tmp_path: Path) -> None:
    app = spawn_raci(cwd=tmp_path)  # `raci` alone is `raci edit`
    try:
        app.expect_exact("what is the organisation called")  # not named after the file
        app.send("Waterschap Rivierenland")
        app.sendcontrol("s")
        app.expect_exact("0 errors")
        app.sendcontrol("q")
        app.expect(pexpect.EOF)
    finally:
        app.close()
    assert app.exitstatus == 0
    assert (tmp_path / "org.db").exists()


def test_edit_of_a_new_database_left_unnamed_creates_nothing(tmp_path: Path) -> None:
    app = spawn_raci("edit", "nieuw.db", cwd=tmp_path)
    try:
        app.expect_exact("what is the organisation called")
        app.send("\x1b")  # escape
        app.expect(pexpect.EOF)
    finally:
        app.close()
    assert app.exitstatus == 0
    assert "Nothing was created" in (app.before or "")
    assert not (tmp_path / "nieuw.db").exists()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with pytest.raises(SystemExit) as done:
        main(args)
    return int(done.value.code or 0), capsys.readouterr().err


def test_edit_refuses_a_model_file_with_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(["edit", str(SAMPLES / "energietransitie.yaml")], capsys)
    assert code == 2
    assert "raci import" in err and len(err.strip().splitlines()) == 1


def test_edit_refuses_what_is_not_a_database(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["edit", "org.txt"], capsys)
    assert code == 2 and "not a model" in err


def test_demo_refuses_an_unknown_sample(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(["demo", "--sample", "atlantis"], capsys)
    assert code == 2
    assert "energietransitie" in err  # the samples there are


def test_python_dash_m_raci_runs_the_command() -> None:
    done = pexpect.run(f"{sys.executable} -m raci --help", withexitstatus=True,
                       encoding="utf-8", timeout=30)
    output, status = done
    assert status == 0 and "demo" in output and "edit" in output


def test_edit_of_a_file_that_is_no_model_database_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_bytes(b"this is not a database")
    app = spawn_raci("edit", "notes.db", cwd=tmp_path)
    try:
        app.expect(pexpect.EOF)
    finally:
        app.close()
    assert app.exitstatus == 2
    assert "notes.db" in (app.before or "") and "Traceback" not in (app.before or "")


@pytest.mark.parametrize("args", [["demo"], ["edit"], []])
def test_the_app_without_a_terminal_says_so_and_does_not_wait(
    args: list[str], tmp_path: Path
) -> None:
    """A cron job or a pipe has no terminal: Textual would wait for keys forever."""
    done = subprocess.run([sys.executable, "-m", "raci", *args], cwd=tmp_path,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          start_new_session=True, timeout=60, check=False)
    command = args[0] if args else "edit"
    assert (done.returncode, done.stdout, done.stderr) == (2, "", (
        f"raci: the app needs a terminal to show itself; run `raci {command}` in one, or try "
        "`raci serve` for a browser\n"))
    assert list(tmp_path.iterdir()) == []  # no org.db made


def test_bad_input_is_told_before_the_missing_terminal(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "raci", "edit", "org.txt"], cwd=tmp_path,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          start_new_session=True, timeout=60, check=False)
    assert done.returncode == 2 and "not a model" in done.stderr


def test_demo_writes_the_sample_naming_its_schema_beside_it(tmp_path: Path) -> None:
    """As `raci export -o` writes a model: editors check the file (docs/model-format.md)."""
    assert main_exits(["demo", "--sample", "voorbeeld-gezond", "-o",
                       str(tmp_path / "vego.yaml")]) == 0
    written = (tmp_path / "vego.yaml").read_text(encoding="utf-8")
    sample = (SAMPLES / "voorbeeld-gezond.yaml").read_text(encoding="utf-8")
    assert written == "# yaml-language-server: $schema=raci-model.schema.json\n" + sample
    assert json.loads((tmp_path / "raci-model.schema.json").read_text(encoding="utf-8")) == \
        json.loads(schema_text())


def test_demo_writes_json_into_a_json_file_as_export_does(tmp_path: Path) -> None:
    written = tmp_path / "vego.json"
    assert main_exits(["demo", "--sample", "voorbeeld-gezond", "-o", str(written)]) == 0
    sample = read_model(SAMPLES / "voorbeeld-gezond.yaml").model
    assert json.loads(written.read_text(encoding="utf-8"))["org"]["name"] == sample.org.name
    assert written.read_text(encoding="utf-8") == dump_model(sample, "json")
    assert [path.name for path in tmp_path.iterdir()] == ["vego.json"]


@pytest.mark.parametrize("name", ["matrix.xlsx", "matrix.csv", "org.db", "notes.txt", "sample"])
def test_demo_refuses_any_file_but_a_model_file(tmp_path: Path, name: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The sample is a model file, as `raci generate` writes one: not the
    matrix `raci export` writes into a workbook or CSV file, nor YAML in a
    file whose name says database (`raci import` makes one) or text."""
    code, err = run(["demo", "-o", str(tmp_path / name)], capsys)
    assert code == 2
    assert err == f"raci: {tmp_path / name}: give a .yaml, .yml or .json file to write\n"
    assert list(tmp_path.iterdir()) == []


def main_exits(args: list[str]) -> int:
    with pytest.raises(SystemExit) as done:
        main(args)
    return int(done.value.code or 0)
