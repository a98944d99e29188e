"""Did you mean: one function (`raci.model.checks.nearest`) names what a
person most likely meant by a misspelt rule code, id or field, wherever it
is typed: --select and --ignore, the config file, a waiver,
`raci rules CODE`, an id on the command line, `raci set`'s field."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci

from raci.lint.rules import RULES, closest_rule
from raci.model.checks import nearest

SAMPLE = Path(__file__).parent.parent / "raci" / "sample_orgs" / "voorbeeld-gezond.yaml"
CODES = [r.code for r in RULES]


@pytest.mark.parametrize(("typed", "meant"), [
    ("OWN020", "OWN002"),  # two digits swapped, not OWN008 (as alike letter for letter)
    ("OWN02", "OWN002"),  # a digit left out
    ("own2", "OWN002"),
    ("BOD1", "BOD001"),  # ends as typed, not BOD010
    ("OWN9", None),  # any of OWN001 to OWN008: no telling which
    ("XYZ123", None),
])
def test_a_misspelt_rule_code_finds_the_code_meant(typed: str, meant: str | None) -> None:
    assert nearest(typed, CODES) == meant
    assert closest_rule(typed) == meant


APACHE = ["lkuehne", "sor", "solrac901", "lucene.committers", "lucenenet-pmc", "lucene-pmc",
          "lucene.project", "solr.committers", "solr-pmc", "solr.project"]


@pytest.mark.parametrize(("typed", "meant"), [
    ("lucene", "lucene-pmc"),  # starts the same, not 'lkuehne' (fewer slips)
    ("solr", "solr-pmc"),  # a whole word of the id: not 'sor', nor 'solrac901'
    ("SOLR.PROJ", "solr.project"),
    ("pmc", None),  # in four ids as alike: no telling which
    ("solr-pcm", "solr-pmc"),  # no id holds it: the fewest slips, as before
])
def test_an_id_that_holds_the_typed_word_wins_over_a_near_spelling(typed: str,
                                                                    meant: str | None) -> None:
    assert nearest(typed, APACHE) == meant


def test_a_name_or_group_is_found_too_and_a_right_spelling_is_not_corrected() -> None:
    assert closest_rule("unowned-itme") == "unowned-item"
    assert closest_rule("ownership.unowned-itme") == "ownership.unowned-item"
    assert closest_rule("OWN002") is None


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_every_option_that_takes_codes_suggests_the_code_meant(raci: Raci, option: str) -> None:
    done = raci("lint", SAMPLE, option, "OWN020")
    assert done.code == 2
    assert "'OWN020'; did you mean 'OWN002'?" in done.err


def test_the_config_file_and_raci_rules_suggest_it_too(raci: Raci, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    assert "no rule 'OWN020'; did you mean 'OWN002'?" in raci("rules", "OWN020").err
    assert "did you mean 'OWN002'?" in raci("rules", "OWN02").err
    model = tmp_path / "org.yaml"
    model.write_bytes(SAMPLE.read_bytes())
    (tmp_path / "raci.toml").write_text('[raci]\nignore = ["OWN020"]\n')
    monkeypatch.chdir(tmp_path)
    done = raci("lint", model)
    assert done.code == 2 and "'OWN020' in ignore; did you mean 'OWN002'?" in done.err


def test_a_waiver_of_a_misspelt_rule_names_the_rule_meant(raci: Raci, tmp_path: Path) -> None:
    model = tmp_path / "org.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    target = next(line.split(":")[1].strip() for line in text.splitlines()
                  if line.strip().startswith("- id:"))
    waiver = f"waivers:\n  - rule: OWN020\n    target: {target}\n    reason: te testen\n"
    model.write_text(text.replace("\nwaivers:\n", "\nwaivers_were:\n") + waiver, encoding="utf-8")
    done = raci("lint", model, "--select", "WAI002", "--format", "json")
    assert "raci has no rule OWN020; did you mean OWN002?" in done.out
