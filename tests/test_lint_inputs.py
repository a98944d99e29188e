"""What `raci lint` takes besides files and databases: a directory (every
model file and database below it) and `-` (a model file on standard input)."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from raci.importing import import_file

SAMPLES = Path(__file__).parents[1] / "raci" / "sample_orgs"
GEZOND = SAMPLES / "voorbeeld-gezond.yaml"
ENERGIE = SAMPLES / "energietransitie.yaml"


def stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_a_directory_lints_every_model_file_and_database_below_it(tmp_path: Path, raci) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    shutil.copy(ENERGIE, tmp_path / "b" / "deeper" / "energie.yaml")
    shutil.copy(ENERGIE, tmp_path / ".git" / "hidden.yaml")
    import_file(GEZOND, str(tmp_path / "a.db"))
    (tmp_path / "baseline.json").write_text(json.dumps({"fingerprints": []}))
    (tmp_path / "notes.yaml").write_text("title: not a model\n")
    result = raci("lint", tmp_path, "--format", "json")
    linted = json.loads(result.out)["models"]
    assert linted == [str(tmp_path / "a.db"), str(tmp_path / "b" / "deeper" / "energie.yaml")]
    assert result.code == 1 and result.err == ""


def test_a_directory_with_no_models_is_refused(tmp_path: Path, raci) -> None:
    (tmp_path / "notes.yaml").write_text("title: not a model\n")
    result = raci("lint", tmp_path)
    assert result.code == 2
    assert result.err == (f"raci: {tmp_path}: holds no model files (.yaml, .yml or .json "
                          "starting with 'raci: 1') and no raci databases (.db)\n")


def test_a_directory_passes_over_another_programs_sqlite_files(
        tmp_path: Path, raci, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m" / "cache").mkdir(parents=True)
    shutil.copy(GEZOND, tmp_path / "m" / "gezond.yaml")
    import_file(GEZOND, "m/a.db")
    with sqlite3.connect(tmp_path / "m" / "cache" / "browser.db") as other:
        other.execute("CREATE TABLE visits (url TEXT)")
    sqlite3.connect(tmp_path / "m" / "leeg.db").close()  # an empty SQLite file
    result = raci("lint", "m", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["models"] == ["m/a.db", "m/gezond.yaml"]
    assert result.err == ("note: m/cache/browser.db: a SQLite file with no raci model in it; "
                          "passed over\n"
                          "note: m/leeg.db: a SQLite file with no raci model in it; "
                          "passed over\n")
    # named on its own, it is refused as before; a folder of such files holds no model
    assert raci("lint", "m/cache/browser.db").code == 2
    assert "holds no model files" in raci("lint", "m/cache").err


def test_standard_input_is_read_once(raci) -> None:
    result = raci("lint", "-", "-")
    assert result.code == 2
    assert result.err == "raci: -: standard input is read once; give - only once\n"


def test_standard_input_is_linted_as_a_model_file_named_dash(
        monkeypatch: pytest.MonkeyPatch, raci) -> None:
    stdin(monkeypatch, ENERGIE.read_bytes())
    from_stdin = raci("lint", "-")
    from_file = raci("lint", ENERGIE)
    assert from_stdin.code == from_file.code == 1
    assert from_stdin.out == from_file.out.replace(f"{ENERGIE}:", "-:")


def test_json_on_standard_input_and_a_broken_one(
        monkeypatch: pytest.MonkeyPatch, raci) -> None:
    stdin(monkeypatch, b'{"raci": 1, "org": {"name": "Leeg"}}')
    assert raci("lint", "-").code == 0
    stdin(monkeypatch, b"raci: 1\norg: {name: X}\nunits: [{id: u, name: U, parent: x}]\n")
    result = raci("lint", "-")
    assert result.code == 2 and result.err.startswith("-:3:")
