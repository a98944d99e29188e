"""A `raci lint` run as a whole: models that cannot be read among ones that
can, related entities, rules not run for facts not recorded, `--statistics`
and `--output-file`, in every output format."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_lint_output import SARIF_SCHEMA, line_of
from test_lint_support import run_raci, write_model

FINDINGS_SCHEMA = json.loads(
    resources.files("raci").joinpath("schemas/raci-findings.schema.json").read_text("utf-8"))

GOALS = [{"id": f"g.{n}", "name": f"Doel {n}", "raci": {"A": "sg"}} for n in range(7)]
"""Seven goals owned by the steering group: one OWN003 with seven related goals."""


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "kapot.yaml"
    path.write_text("raci: 1\norg: {name: Kapot}\nunits: [{id: u, name: U, parent: x}]\n",
                    encoding="utf-8")
    return path


@pytest.fixture
def owned(tmp_path: Path) -> Path:
    return write_model(tmp_path / "org.yaml", goals=GOALS, initiatives=[], decisions=[],
                       kpis=[{"id": f"k.{n}", "name": "K", "measures": f"g.{n}",
                              "type": "leading"} for n in range(7)])


# ---- models that cannot be read ------------------------------------------------------


def test_an_unreadable_model_does_not_stop_the_others_in_json(
        tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", broken, good, "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, FINDINGS_SCHEMA)
    assert code == 2
    assert document["models"] == [str(broken), str(good)]
    assert {f["model"] for f in document["findings"]} == {str(good)}
    (error,) = document["errors"]
    assert (error["model"], error["line"], error["column"]) == (str(broken), 3, 34)
    assert "'x' names nothing" in error["message"]
    assert err.startswith(f"{broken}:3:34: ")


def test_an_unreadable_model_is_a_sarif_tool_execution_notification(
        tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_model(tmp_path / "org.yaml")
    code, out, _ = run_raci(capsys, "lint", good, broken, str(tmp_path / "nergens.db"),
                            "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    assert code == 2 and {r["ruleId"] for r in run["results"]} == {"OWN001", "OWN002"}
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    located, database = invocation["toolExecutionNotifications"]
    assert located["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": str(broken)}, "region": {"startLine": 3, "startColumn": 34}}
    assert database["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": str(tmp_path / "nergens.db")}}
    assert database["message"]["text"].startswith(f"no model at {tmp_path / 'nergens.db'};")


def test_an_unreadable_model_in_text_github_and_markdown(
        tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", good, broken)
    assert code == 2 and out.splitlines()[-1] == (
        "2 errors, 0 warnings, 0 infos in 1 model; 1 model could not be read.")
    assert err.splitlines()[0].startswith(f"{broken}:3:34: ")
    code, out, _ = run_raci(capsys, "lint", good, broken, "--format", "github")
    escaped = str(broken).replace(":", "%3A").replace(",", "%2C")
    assert code == 2 and out.splitlines()[-1].startswith(
        f"::error file={escaped},line=3,col=34,title=raci::")
    code, out, _ = run_raci(capsys, "lint", good, broken, "--format", "markdown")
    lines = out.splitlines()
    assert code == 2 and "### Could not be read" in lines
    assert lines[lines.index("### Could not be read") + 4].startswith(f"| {broken} | 3:34 | ")


def test_findings_of_the_others_still_fail_the_run_only_after_the_unread_one(
        tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad input wins: exit 2 even when the readable models are clean."""
    clean = write_model(tmp_path / "org.yaml")
    code, _, _ = run_raci(capsys, "lint", clean, broken, "--fail-on", "never")
    assert code == 2


def test_no_baseline_is_written_when_a_model_cannot_be_read(
        tmp_path: Path, broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write_model(tmp_path / "org.yaml")
    baseline = tmp_path / "baseline.json"
    code, _, err = run_raci(capsys, "lint", good, broken, "--write-baseline", baseline)
    assert code == 2 and not baseline.exists()
    assert f"raci: did not write {baseline}: 1 of 2 models could not be read" in err
    code, _, err = run_raci(capsys, "lint", broken, "--write-baseline", baseline)
    assert err.endswith(f"raci: did not write {baseline}: 1 of 1 model could not be read\n")
    code, _, err = run_raci(capsys, "lint", broken, "--write-baseline", baseline, "--lang", "nl")
    assert err.endswith(f"raci: {baseline} niet geschreven: 1 van 1 model niet te lezen\n")


# ---- related entities -------------------------------------------------------------


def test_text_names_five_related_then_how_many_more(
        owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", owned, "--select", "OWN003")
    (line, _) = out.splitlines()
    assert line == (f"{owned}:{line_of(owned, 'sg')}:3: OWN003 [warning] Body 'Stuurgroep' (sg) "
                    "is the Accountable of 7 goals (sg; related: g.0, g.1, g.2, g.3, g.4 and "
                    "2 more)")


def test_related_in_json_sarif_github_and_markdown(
        owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", owned, "--select", "OWN003", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["related"] == [f"g.{n}" for n in range(7)]
    assert finding["fingerprint"] == "OWN003:sg", "related ids are no part of the fingerprint"
    _, out, _ = run_raci(capsys, "lint", owned, "--select", "OWN003", "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    (result,) = log["runs"][0]["results"]
    related = result["relatedLocations"]
    assert [r["id"] for r in related] == list(range(7))
    assert [r["logicalLocations"][0]["name"] for r in related] == finding["related"]
    assert [r["physicalLocation"]["region"]["startLine"] for r in related] == [
        line_of(owned, f"g.{n}") for n in range(7)]
    _, out, _ = run_raci(capsys, "lint", owned, "--select", "OWN003", "--format", "github")
    assert out.rstrip().endswith("(related: g.0, g.1, g.2, g.3, g.4 and 2 more)")
    _, out, _ = run_raci(capsys, "lint", owned, "--select", "OWN003", "--format", "markdown")
    (row,) = [line for line in out.splitlines() if line.startswith("| warning |")]
    assert "| sg | g.0, g.1, g.2, g.3, g.4 and 2 more |" in row


def test_text_names_ten_targets_then_how_many_more_and_json_keeps_them_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A finding about hundreds stays a line someone can read; tools read every target."""
    ids = [f"i.{n:02}" for n in range(1, 13)]
    cycle = write_model(tmp_path / "org.yaml", decisions=[], initiatives=[
        {"id": this, "name": this, "depends_on": [after]}
        for this, after in zip(ids, [*ids[1:], ids[0]], strict=True)])
    _, out, _ = run_raci(capsys, "lint", cycle, "--select", "STR007")
    assert out.splitlines()[0].endswith(f" ({', '.join(ids[:10])} and 2 more)")
    _, out, _ = run_raci(capsys, "lint", cycle, "--select", "STR007", "--format", "json")
    (finding,) = json.loads(out)["findings"]
    assert finding["targets"] == ids


# ---- rules not run -------------------------------------------------------------------


def chairless_model(path: Path, waiver: dict[str, str]) -> Path:
    """Twenty bodies, none with a chair: DAT001 instead of twenty BOD007s."""
    bodies = [{"id": f"b{n:02}", "name": f"Overleg {n}", "kind": "committee",
               "members": ["dg"], "meets_every_days": 30} for n in range(20)]
    decisions = [{"id": f"d.{n:02}", "name": "Besluit", "raci": {"A": f"b{n:02}"}}
                 for n in range(20)]
    return write_model(path, bodies=bodies, decisions=[
        *decisions, {"id": "d.subsidie", "name": "Subsidie", "raci": {"A": "dg"}}],
        waivers=[{**waiver, "reason": "Volgt"}])


@pytest.fixture
def chairless(tmp_path: Path) -> Path:
    return chairless_model(tmp_path / "org.yaml", {"rule": "BOD007", "target": "b00"})


def test_a_sparse_fact_is_one_dat001_at_the_org_line_and_its_rules_are_not_run(
        chairless: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", chairless, "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, FINDINGS_SCHEMA)
    codes = [f["code"] for f in document["findings"]]
    assert "BOD007" not in codes and "ORG004" not in codes
    (dat,) = [f for f in document["findings"] if f["code"] == "DAT001"]
    org_line = chairless.read_text(encoding="utf-8").splitlines().index("org:") + 1
    assert (dat["targets"], dat["line"], dat["column"]) == (["chairs"], org_line, 1)
    assert dat["message"] == ("20 of 20 bodies have no chair: BOD007 and ORG004 are not run; "
                              "record chairs, or add `chairs` to `org.not_recorded`")
    assert document["summary"]["not_run"] == {"BOD007": "chairs", "ORG004": "chairs"}
    assert document["summary"]["not_run_by_model"] == {
        str(chairless): {"BOD007": "chairs", "ORG004": "chairs"}}
    (unused,) = [f for f in document["findings"] if f["code"] == "WAI002"]
    assert unused["message"].endswith(
        "matches no finding: BOD007 is not run, as the model does not record chairs")


def test_rules_not_run_are_said_in_text_markdown_github_and_sarif(
        chairless: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", chairless)
    assert f"{chairless}: not run: BOD007, ORG004 (chairs not recorded)" in out.splitlines()
    _, out, _ = run_raci(capsys, "lint", chairless, "--format", "markdown")
    assert f"| {chairless} | BOD007, ORG004 (chairs not recorded) |" in out.splitlines()
    _, out, _ = run_raci(capsys, "lint", chairless, "--format", "github")
    assert out.splitlines()[-1] == (f"::notice title=raci::{chairless}: not run: BOD007, "
                                    "ORG004 (chairs not recorded)")
    _, out, _ = run_raci(capsys, "lint", chairless, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    notes = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["BOD007", "ORG004"]
    assert log["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_a_declared_fact_turns_its_rules_off_without_a_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org.yaml", org={
        "name": "Programma Test", "as_of": "2026-11-01", "not_recorded": ["chairs", "cadence"]},
        bodies=[{"id": "sg", "name": "Stuurgroep", "kind": "steering_group", "members": ["dg"]}])
    _, out, _ = run_raci(capsys, "lint", path, "--format", "json")
    document = json.loads(out)
    assert {f["code"] for f in document["findings"]} & {"DAT001", "BOD007", "DEC002"} == set()
    assert document["summary"]["not_run"] == {"BOD007": "chairs", "DEC002": "cadence",
                                              "ORG004": "chairs"}


def test_without_dat001_a_sparse_fact_turns_nothing_off(
        chairless: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", chairless, "--ignore", "DAT001", "--format", "json")
    document = json.loads(out)
    codes = [f["code"] for f in document["findings"] if not f["waived"]]
    assert codes.count("BOD007") == 19 and "DAT001" not in codes
    assert document["summary"]["not_run"] == {}


def test_dat001_cannot_be_waived(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Not even by a waiver whose target is an entity named like the fact."""
    path = chairless_model(tmp_path / "org.yaml", {"rule": "DAT001", "target": "chairs"})
    text = path.read_text(encoding="utf-8").replace(
        "units:\n", "units:\n- id: chairs\n  name: Afdeling Stoelen\n", 1)
    path.write_text(text, encoding="utf-8")
    _, out, _ = run_raci(capsys, "lint", path, "--format", "json")
    findings = json.loads(out)["findings"]
    (dat,) = [f for f in findings if f["code"] == "DAT001"]
    assert dat["waived"] is False
    (unused,) = [f for f in findings if f["code"] == "WAI002"]
    assert unused["message"].endswith("matches no finding: DAT001 cannot be waived")


# ---- --statistics and --output-file ---------------------------------------------------


def test_statistics_count_findings_per_rule_most_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org.yaml", goals=[
        {"id": "g.co2", "name": "CO2", "raci": {"A": ["dg", "dir"]}},
        {"id": "g.leeg", "name": "Leeg"}, {"id": "g.ook", "name": "Ook leeg"},
        {"id": "g.nog", "name": "Nog een", "raci": {"A": "dg"}}],
        waivers=[{"rule": "OWN001", "target": "g.ook", "reason": "Weg"}])
    code, out, _ = run_raci(capsys, "lint", path, "--statistics", "--select", "OWN,STR")
    assert code == 1
    assert out.splitlines() == [  # waived findings are not counted
        "2\tSTR001\t[warning] goal-without-initiative",
        "2\tSTR003\t[warning] goal-without-kpi",
        "1\tOWN001\t[error] unowned-item",
        "1\tOWN002\t[error] multiple-accountable",
        "2 errors, 4 warnings, 0 infos in 1 model (1 waived).",
    ]
    _, out, _ = run_raci(capsys, "lint", path, "--statistics", "--select", "OWN,STR",
                         "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, FINDINGS_SCHEMA)
    assert "findings" not in document
    assert document["statistics"][0] == {"code": "STR001", "name": "goal-without-initiative",
                                         "level": "warning", "count": 2}
    assert document["summary"]["waived"] == 1
    _, out, _ = run_raci(capsys, "lint", path, "--statistics", "--select", "OWN,STR",
                         "--format", "markdown")
    assert "| 2 | STR001 | goal-without-initiative | warning |" in out.splitlines()


@pytest.mark.parametrize("fmt", ["sarif", "github"])
def test_statistics_need_a_format_that_can_show_them(
        tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", path, "--statistics", "--format", fmt)
    assert (code, out) == (2, "")
    assert err == (f"raci: --statistics: works with --format text, json, markdown, "
                   f"not {fmt}\n")


def test_output_file_holds_what_stdout_would(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org.yaml")
    _, printed, _ = run_raci(capsys, "lint", path, "--format", "sarif")
    target = tmp_path / "findings.sarif"
    code, out, _ = run_raci(capsys, "lint", path, "--format", "sarif", "-o", target)
    assert (code, out) == (1, "")
    assert target.read_text(encoding="utf-8") == printed
    code, _, err = run_raci(capsys, "lint", path, "--output-file", path / "x")
    assert code == 2 and err == f"raci: {path / 'x'}: {path} is a file, not a directory\n"
    target.unlink()
    target.mkdir()
    code, _, err = run_raci(capsys, "lint", path, "--output-file", target)
    assert code == 2 and f"{target}' is a directory" in err


@pytest.mark.parametrize("style", ["json", "flow"])
def test_dat001_sits_at_the_org_key_in_json_and_flow_style_yaml(
        tmp_path: Path, style: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = chairless_model(tmp_path / f"org.{'json' if style == 'json' else 'yaml'}",
                           {"rule": "BOD007", "target": "b00"})
    if style == "flow":  # one flow mapping over several lines: the org key is not at column 1
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(document, default_flow_style=True, width=60),
                        encoding="utf-8")
    _, out, _ = run_raci(capsys, "lint", path, "--format", "json", "--select", "DAT")
    (dat,) = json.loads(out)["findings"]
    lines = path.read_text(encoding="utf-8").splitlines()
    key = '"org"' if style == "json" else "org:"
    assert lines[dat["line"] - 1][dat["column"] - 1:].startswith(key)


def test_a_nested_body_finding_sits_at_its_first_target_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SPEC §2: a finding is at the line of its first (sorted) target. Here
    the nested body `wg` comes first in the file but `sg` first in sorting."""
    path = tmp_path / "org.yaml"
    path.write_text(yaml.safe_dump({
        "raci": 1, "org": {"name": "T"},
        "people": [{"id": f"p{n}", "name": f"P{n}"} for n in range(6)],
        "bodies": [
            {"id": "wg", "name": "WG", "kind": "working_group", "chair": "p0",
             "members": ["p0", "p1", "p2"]},
            {"id": "sg", "name": "SG", "kind": "steering_group", "chair": "p0",
             "members": ["p0", "p1", "p2", "p3", "p4", "p5"]}]}, sort_keys=False), encoding="utf-8")
    _, out, _ = run_raci(capsys, "lint", path, "--format", "json", "--select", "BOD010")
    (nested,) = json.loads(out)["findings"]
    assert nested["targets"] == ["sg", "wg"]
    assert nested["line"] == line_of(path, "sg")


def test_select_and_ignore_given_again_add_up_as_in_ruff(
        owned: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, once, _ = run_raci(capsys, "lint", owned, "--format", "json", "--select", "OWN,STR")
    codes = {f["code"] for f in json.loads(once)["findings"]}
    assert {code[:3] for code in codes} == {"OWN", "STR"}, "the model has both kinds"
    _, twice, _ = run_raci(capsys, "lint", owned, "--format", "json", "--select", "OWN",
                           "--select", "STR")
    assert {f["code"] for f in json.loads(twice)["findings"]} == codes
    _, ignored, _ = run_raci(capsys, "lint", owned, "--format", "json", "--ignore", "OWN",
                             "--ignore", "STR")
    assert not {f["code"][:3] for f in json.loads(ignored)["findings"]} & {"OWN", "STR"}
