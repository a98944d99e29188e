"""`raci lint --suggest` and `--fix` on the command line: suggestions under
each finding in text, JSON (docs/cli.md's keys kept, the schema followed) and
Markdown; certain fixes written to a database in one transaction, or into
a scenario; model files refused; on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLE, Raci
from test_cli_scenarios import ok, refused

from raci.errors import ConflictError
from raci.model import Body, Person
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store

SCHEMA = json.loads((Path(__file__).parent.parent / "schemas" / "raci-findings.schema.json")
                    .read_text(encoding="utf-8"))
PICKED = "OWN002,WAI001,BOD004"


def revision(model: str) -> int:
    with open_store(database_url(model)) as store:
        return store.revision()


def test_suggestions_are_shown_under_their_findings(raci: Raci) -> None:
    plain = raci("lint", SAMPLE, "--select", PICKED)
    result = raci("lint", SAMPLE, "--select", PICKED, "--suggest")
    assert result.code == plain.code == 1
    lines = result.out.splitlines()
    own002 = next(n for n, line in enumerate(lines) if " OWN002 [error] " in line)
    assert lines[own002 + 1:own002 + 4] == [
        "  suggestion 1: keep Directeur-Generaal Klimaat en Energie (r.dg-ke) as the one "
        "Accountable of Gebouwde omgeving 3,4 Mton extra CO2-reductie in 2030 (g.co2-gebouwen); "
        "Directeur-Generaal Volkshuisvesting en Bouwen (r.dg-vb) becomes C",
        "    because Directeur Warmte en Gebouwde Omgeving (r.dir-wgo), reporting to "
        "Directeur-Generaal Klimaat en Energie (r.dg-ke), is Accountable for 3 of the items "
        "around Gebouwde omgeving 3,4 Mton extra CO2-reductie in 2030 (g.co2-gebouwen)",
        "    resolves OWN002:g.co2-gebouwen; introduces nothing"]
    assert ("  suggestion 1 [certain]: remove the expired waiver of BOD002 for Regiegroep "
            "Warmtetransitie (rg-warmte)") in lines
    assert "    because a year after 2026-11-01, as nothing it carries has a date" in lines
    *findings, closing = plain.out.splitlines()
    assert [line for line in lines if not line.startswith(" ")] == [
        *findings, closing + " 3 findings with suggestions, 1 of them certain "
                             "(`raci lint --fix` applies it)."]


def test_json_keeps_specs_keys_and_adds_the_suggestions(raci: Raci) -> None:
    plain = json.loads(raci("lint", SAMPLE, "--format", "json").out)
    suggested = json.loads(raci("lint", SAMPLE, "--format", "json", "--suggest").out)
    jsonschema.validate(suggested, SCHEMA)
    assert suggested.keys() == plain.keys() and suggested["summary"] == plain["summary"]
    for before, after in zip(plain["findings"], suggested["findings"], strict=True):
        assert {k: v for k, v in after.items() if k != "suggestions"} == before
    by_fingerprint = {f["fingerprint"]: f["suggestions"] for f in suggested["findings"]}
    (waiver,) = by_fingerprint["WAI001:rg-warmte"]
    assert (waiver["safe"], waiver["certain"], waiver["resolves"]) == (
        True, True, ["WAI001:rg-warmte"])
    assert waiver["change"] == {"waivers": []}
    assert by_fingerprint["STR003:g.zon-op-dak"] == []  # no clear remedy


def test_markdown_lists_the_suggestions_in_a_table(raci: Raci) -> None:
    out = raci("lint", SAMPLE, "--select", PICKED, "--suggest", "--format", "markdown").out
    assert "### Suggestions" in out
    assert ("| WAI001:rg-warmte | remove the expired waiver of BOD002 for Regiegroep "
            "Warmtetransitie (rg-warmte) (certain) "
            "|  | resolves WAI001:rg-warmte; introduces nothing |") in out


def test_suggest_and_fix_options_are_refused_where_they_do_not_apply(
        raci: Raci, vego: str, tmp_path: Path) -> None:
    assert "--suggest: works with --format text, json, markdown" in refused(
        raci, "lint", vego, "--suggest", "--format", "sarif")
    assert refused(raci, "lint", vego, "--unsafe-fixes") == "--unsafe-fixes: works with --fix"
    assert refused(raci, "lint", vego, "--scenario", "x") == "--scenario: works with --fix"
    copy = tmp_path / "copy.yaml"
    shutil.copy(SAMPLE, copy)
    reason = refused(raci, "lint", copy, "--fix")
    assert reason.startswith(f"--fix: {copy} is a model file, and raci does not write model "
                             "files")
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_fix_writes_the_certain_fixes_in_one_transaction(raci: Raci, vego: str) -> None:
    before = revision(vego)
    result = raci("lint", vego, "--fix")
    assert result.code == 1
    assert "Fixed 1 finding in vego.db:\n  WAI001:rg-warmte: remove the expired waiver of " \
           "BOD002 for Regiegroep Warmtetransitie (rg-warmte)\n" in result.out
    assert result.out.endswith("; 1 finding fixed.\n")
    assert revision(vego) == before + 1
    assert "WAI001" not in ok(raci, "lint", vego, "--fail-on", "never")
    again = raci("lint", vego, "--fix")
    assert "Fixed" not in again.out and revision(vego) == before + 1


def test_unsafe_fixes_into_a_scenario_leave_the_model_alone(raci: Raci, vego: str) -> None:
    before = revision(vego)
    out = raci("lint", vego, "--fix", "--unsafe-fixes", "--scenario", "opgeruimd").out
    fixed = [line for line in out.splitlines() if line.startswith("  ")]
    assert len(fixed) >= 4
    assert revision(vego) == before
    shown = ok(raci, "scenario", "show", vego, "opgeruimd")
    assert f"Changes ({len(fixed)}):" in shown
    assert "WAI001" in ok(raci, "lint", vego, "--fail-on", "never")
    assert "WAI001" not in ok(raci, "lint", f"{vego}@opgeruimd", "--fail-on", "never")


def test_fix_leaves_what_the_baseline_accepts(raci: Raci, vego: str) -> None:
    assert raci("lint", vego, "--write-baseline", "baseline.json").code == 0
    out = raci("lint", vego, "--fix", "--baseline", "baseline.json").out
    assert "Fixed" not in out
    assert "WAI001" in ok(raci, "lint", vego, "--fail-on", "never")


def test_save_all_writes_every_change_or_none(store_url: str) -> None:
    """The second change conflicts (another writer changed the body since):
    the first is not written either."""
    with open_store(store_url, create=True) as store:
        store.load()
        store.save(Change(put=[Person(id="p1", name="P1"),
                               Body(id="sg", name="SG", kind="steering_group")]))
    with open_store(store_url) as mine, open_store(store_url) as theirs:
        model = mine.load()
        other = theirs.load()
        body = other.bodies["sg"]
        theirs.save(Change(put=[Body(id="sg", name="SG 2", kind=body.kind)]))
        before = mine.revision()
        with pytest.raises(ConflictError, match="changed by someone else"):
            mine.save_all([Change(put=[Person(id="p2", name="P2")]),
                           Change(put=[Body(id="sg", name="SG 3", kind="committee")])])
        assert mine.revision() == before
        assert "p2" not in mine.load() and model.people.keys() == {"p1"}


@pytest.mark.postgres
def test_fix_on_postgresql(raci: Raci, postgres_url: str) -> None:
    ok(raci, "import", str(SAMPLE), "--into", postgres_url)
    before = revision(postgres_url)
    assert "Fixed 1 finding" in raci("lint", postgres_url, "--fix").out
    assert revision(postgres_url) == before + 1
    assert "WAI001" not in ok(raci, "lint", postgres_url, "--fail-on", "never")
