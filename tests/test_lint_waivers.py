"""Waivers (docs/lint.md): exact and single-id matches, expiry, unused waivers,
and the waiver rules themselves never waived; baselines; exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_lint_support import SMALL_MODEL, run_raci, write_model

from raci.lint import LintConfig, lint_model
from raci.source import open_model

BODIES = {"bodies": [
    *SMALL_MODEL["bodies"],
    {"id": "sg2", "name": "Stuurgroep 2", "kind": "steering_group", "chair": "dg",
     "members": ["dg", "dir"]},
]}
CYCLE = {"roles": [
    {"id": "dg", "name": "DG", "unit": "min", "holders": ["p.jansen"], "reports_to": "dir"},
    {"id": "dir", "name": "Directeur", "unit": "uitv", "holders": ["p.bakker"],
     "reports_to": "dg"},
]}


def lint(path: Path, **config: Any) -> list[tuple[str, tuple[str, ...], bool, str | None]]:
    findings = lint_model(open_model(str(path)), LintConfig(**config))
    return [(f.code, f.targets, f.waived, f.waiver_reason) for f in findings]


def test_a_waiver_silences_the_finding_with_exactly_its_targets(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWN002", "target": "g.co2", "reason": "Gedeeld eigenaarschap tot 2027"}])
    found = lint(model)
    assert ("OWN002", ("g.co2",), True, "Gedeeld eigenaarschap tot 2027") in found
    assert ("OWN001", ("g.leeg",), False, None) in found
    assert not any(code.startswith("WAI") for code, *_ in found)


def test_a_single_id_waiver_matches_a_pair_and_a_cycle_containing_it(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", **BODIES, **CYCLE, waivers=[
        {"rule": "BOD001", "target": ["sg2"], "reason": "Fuseert in 2027"},
        {"rule": "BOD005", "target": "dir", "reason": "Tijdelijk"}])
    found = lint(model, params={"BOD001": {"min_members": 2}})
    assert ("BOD001", ("sg", "sg2"), True, "Fuseert in 2027") in found
    assert ("BOD005", ("dg", "dir"), True, "Tijdelijk") in found


def test_a_waiver_of_two_ids_matches_only_that_exact_set(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", **BODIES, waivers=[
        {"rule": "BOD001", "target": ["sg2", "sg"], "reason": "Bewust"},
        {"rule": "BOD002", "target": ["sg", "sg2"], "reason": "Twee lichamen"}])
    found = lint(model, params={"BOD001": {"min_members": 2}})
    assert ("BOD001", ("sg", "sg2"), True, "Bewust") in found
    assert ("BOD002", ("sg2",), False, None) in found  # sg2 alone is not {sg, sg2}
    assert ("WAI002", ("sg", "sg2"), False, None) in found


def test_an_expired_waiver_brings_the_finding_back_and_is_reported(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWN002", "target": "g.co2", "reason": "Tot de zomer", "expires": "2026-07-01"}])
    found = lint(model)
    assert ("OWN002", ("g.co2",), False, None) in found
    assert ("WAI001", ("g.co2",), False, None) in found
    assert not any(code == "WAI002" for code, *_ in found)
    assert ("OWN002", ("g.co2",), True, "Tot de zomer") in lint(model, as_of=_date("2026-06-30"))


def test_waiver_rules_cannot_be_waived_and_waivers_of_unrun_rules_are_not_unused(
        tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWN002", "target": "g.co2", "reason": "Oud", "expires": "2026-01-01"},
        {"rule": "WAI001", "target": "g.co2", "reason": "Stil"},
        {"rule": "BOD007", "target": "sg", "reason": "Later"}])
    found = lint(model)
    assert ("WAI001", ("g.co2",), False, None) in found
    assert ("WAI002", ("g.co2",), False, None) in found  # the waiver of WAI001 silences nothing
    assert ("WAI002", ("sg",), False, None) in found
    assert ("WAI002", ("sg",), False, None) not in lint(model, ignore=["BOD007"])


def _date(text: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_waived_findings_never_count_for_the_exit_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWN002", "target": "g.co2", "reason": "r"},
        {"rule": "OWN001", "target": "g.leeg", "reason": "r"}])
    code, out, _ = run_raci(capsys, "lint", model)
    assert code == 0 and "OWN00" not in out and "2 waived" in out


@pytest.mark.parametrize(("fail_on", "expected"), [
    ("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_levels(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                        fail_on: str, expected: int) -> None:
    model = write_model(tmp_path / "org.yaml")
    assert run_raci(capsys, "lint", model, "--fail-on", fail_on)[0] == expected


def test_findings_below_fail_on_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raci.toml").write_text('[raci.rules.OWN001]\nlevel = "info"\n'
                                        '[raci.rules.OWN002]\nlevel = "warning"\n')
    model = write_model(tmp_path / "org.yaml")
    assert run_raci(capsys, "lint", model, "--fail-on", "error")[0] == 0
    assert run_raci(capsys, "lint", model)[0] == 1
    assert run_raci(capsys, "lint", model, "--ignore", "OWN002")[0] == 0


def test_a_baseline_accepts_todays_findings_and_fails_on_new_ones(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = write_model(tmp_path / "org.yaml")
    baseline = tmp_path / "baseline.json"
    code, _, err = run_raci(capsys, "lint", model, "--write-baseline", baseline)
    assert code == 0 and "wrote 2 fingerprints" in err
    assert json.loads(baseline.read_text())["fingerprints"] == ["OWN001:g.leeg", "OWN002:g.co2"]
    code, out, _ = run_raci(capsys, "lint", model, "--baseline", baseline)
    assert code == 0 and "No findings" in out
    worse = write_model(tmp_path / "org.yaml", bodies=[
        {"id": "sg", "name": "Stuurgroep", "kind": "steering_group", "members": ["dg", "dir"]}])
    code, out, _ = run_raci(capsys, "lint", worse, "--baseline", baseline, "--format", "json")
    assert code == 1
    assert [f["fingerprint"] for f in json.loads(out)["findings"]] == ["BOD007:sg"]


def test_a_broken_baseline_is_refused(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    model = write_model(tmp_path / "org.yaml")
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"fingerprints": "OWN001:g.leeg"}')
    code, _, err = run_raci(capsys, "lint", model, "--baseline", baseline)
    assert code == 2 and "not a baseline" in err


def test_several_models_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = write_model(tmp_path / "a.yaml")
    second = write_model(tmp_path / "b.json", waivers=[
        {"rule": "OWN002", "target": "g.co2", "reason": "r"}])
    code, out, _ = run_raci(capsys, "lint", first, second, "--format", "json")
    document = json.loads(out)
    assert code == 1 and document["models"] == [str(first), str(second)]
    assert sorted((f["model"], f["code"], f["waived"]) for f in document["findings"]) == [
        (str(first), "OWN001", False), (str(first), "OWN002", False),
        (str(second), "OWN001", False), (str(second), "OWN002", True)]
    assert document["summary"] == {"error": 3, "warning": 0, "info": 0, "waived": 1,
                                   "not_run": {}, "not_run_by_model": {}}



def test_a_waiver_rule_names_the_waived_rule_by_its_code(tmp_path: Path) -> None:
    """A waiver may name its rule in any case, or by name; WAI001 and WAI002
    say its code (one raci does not have as written: `raci has no rule`)."""
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "own002", "target": "g.co2", "reason": "Tot de zomer", "expires": "2026-07-01"},
        {"rule": "bod002", "target": "g.co2", "reason": "Niets"},
        {"rule": "Unowned-Item", "target": "g.co2", "reason": "Niets"}])
    messages = {f.message for f in lint_model(open_model(str(model)), LintConfig())
                if f.code.startswith("WAI")}
    assert messages == {
        "Waiver of OWN002 for Goal g.co2 'CO2 -55%' expired on 2026-07-01",
        "Waiver of BOD002 for Goal g.co2 'CO2 -55%' matches no finding",
        "Waiver of OWN001 for Goal g.co2 'CO2 -55%' matches no finding",
    }


def test_a_waiver_that_can_never_match_says_why(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWM002", "target": "g.co2", "reason": "Typfout"},
        {"rule": "WAI003", "target": "g.co2", "reason": "Geen"},
        {"rule": "WAI002", "target": "g.co2", "reason": "Stilte"},
        {"rule": "BOD002", "target": "g.co2", "reason": "Niets"}])
    messages = {f.message for f in lint_model(open_model(str(model)), LintConfig())
                if f.code == "WAI002"}
    assert messages == {
        "Waiver of OWM002 for Goal g.co2 'CO2 -55%' matches no finding: raci has no rule "
        "OWM002; did you mean OWN002?",
        "Waiver of WAI002 for Goal g.co2 'CO2 -55%' matches no finding: WAI002 cannot be waived",
        "Waiver of WAI003 for Goal g.co2 'CO2 -55%' matches no finding: raci has no rule WAI003",
        "Waiver of BOD002 for Goal g.co2 'CO2 -55%' matches no finding",
    }
