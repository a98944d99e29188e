"""WAI001 and WAI002 are about a waiver, so they are placed at the waiver's
entry in `waivers:` (its ``rule`` key), not at the waived entity: a user who
jumps to the line lands on the waiver to renew or remove. Every output that
carries a line says it: text, JSON, SARIF and the github annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Raci

MODEL = """\
raci: 1
org: {name: Gemeente Zwolle, as_of: 2026-11-01}
roles:
  - {id: dg-bw, name: DG Bouwen en Wonen}
bodies:
  - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, members: [dg-bw]}
waivers:
  - {rule: OWN002, target: sg-warmte, reason: Nooit nodig}
  - rule: BOD002
    target: sg-warmte
    reason: Adviserend
    expires: 2026-01-01
"""
BODY_LINE, UNUSED_LINE, EXPIRED_LINE = 6, 8, 9
"""The body's line, and the lines of the unused and the expired waiver's ``rule`` key
(in a flow mapping at column 6, in a block at 5)."""


@pytest.fixture
def model(tmp_path: Path) -> Path:
    path = tmp_path / "org.yaml"
    path.write_text(MODEL, encoding="utf-8")
    lines = MODEL.splitlines()
    assert "sg-warmte" in lines[BODY_LINE - 1] and "OWN002" in lines[UNUSED_LINE - 1]
    assert "BOD002" in lines[EXPIRED_LINE - 1]
    return path


def lint(raci: Raci, model: Path, *args: str) -> str:
    done = raci("lint", model, "--select", "WAI,OWN002", "--fail-on", "never", *args)
    assert done.code == 0, done.err
    return done.out


def test_text_names_the_waivers_line(raci: Raci, model: Path) -> None:
    lines = lint(raci, model).splitlines()
    assert any(line.startswith(f"{model}:{UNUSED_LINE}:6: WAI002 ") for line in lines), lines
    assert any(line.startswith(f"{model}:{EXPIRED_LINE}:5: WAI001 ") for line in lines), lines
    assert not any(f"{model}:{BODY_LINE}:" in line for line in lines)


def test_json_and_sarif_carry_the_waivers_line(raci: Raci, model: Path) -> None:
    findings = json.loads(lint(raci, model, "--format", "json"))["findings"]
    assert {(f["code"], f["line"], f["column"]) for f in findings} == {
        ("WAI002", UNUSED_LINE, 6), ("WAI001", EXPIRED_LINE, 5)}
    sarif = json.loads(lint(raci, model, "--format", "sarif"))
    regions = {result["ruleId"]: result["locations"][0]["physicalLocation"]["region"]
               for result in sarif["runs"][0]["results"]}
    assert regions["WAI002"]["startLine"] == UNUSED_LINE
    assert regions["WAI001"]["startLine"] == EXPIRED_LINE


def test_github_annotates_the_waivers_line(raci: Raci, model: Path) -> None:
    annotations = lint(raci, model, "--format", "github").splitlines()
    assert any(f"line={UNUSED_LINE},col=6,title=WAI002::" in a for a in annotations), annotations
    assert any(f"line={EXPIRED_LINE},col=5,title=WAI001::" in a for a in annotations)


def test_a_json_model_file_places_them_the_same(raci: Raci, tmp_path: Path) -> None:
    import yaml

    document = yaml.safe_load(MODEL)
    path = tmp_path / "org.json"
    path.write_text(json.dumps(document, indent=1, default=str), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    rule_lines = [n for n, line in enumerate(lines, 1) if '"rule"' in line]
    findings = json.loads(lint(raci, path, "--format", "json"))["findings"]
    assert sorted(f["line"] for f in findings) == rule_lines
