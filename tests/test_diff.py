"""`raci diff OLD NEW`: entities, fields, assignments and findings that
changed, in text, JSON and Markdown, between files and databases; exit 0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_lint_support import SMALL_MODEL, run_raci, write_model

NEW_PEOPLE = [{"id": "p.jansen", "name": "Petra Jansen-de Vries", "unit": "min",
               "capacity_fte": 0.8},
              {"id": "p.smit", "name": "Sanne Smit", "unit": "uitv"}]
NEW_GOALS = [{"id": "g.co2", "name": "CO2 -55%", "raci": {"A": "dg", "C": ["dir"]}},
             {"id": "g.leeg", "name": "Zonder eigenaar", "raci": {"A": "dir"}}]


@pytest.fixture
def old_and_new(tmp_path: Path) -> tuple[Path, Path]:
    old = write_model(tmp_path / "old.yaml")
    roles = [dict(r) for r in SMALL_MODEL["roles"]]
    roles[1]["holders"] = ["p.smit"]
    new = write_model(tmp_path / "new.yaml", people=NEW_PEOPLE, roles=roles, goals=NEW_GOALS)
    return old, new


def test_json_lists_every_kind_of_change(old_and_new: tuple[Path, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    old, new = old_and_new
    code, out, _ = run_raci(capsys, "diff", old, new, "--format", "json")
    diff = json.loads(out)
    assert code == 0 and (diff["old"], diff["new"]) == (str(old), str(new))
    assert diff["entities"]["added"] == [{"kind": "person", "id": "p.smit", "name": "Sanne Smit"}]
    assert diff["entities"]["removed"] == [
        {"kind": "person", "id": "p.bakker", "name": "Bram Bakker"}]
    changed = {(c["id"], f["field"]): (f["old"], f["new"])
               for c in diff["entities"]["changed"] for f in c["fields"]}
    assert changed == {("p.jansen", "name"): ("Petra Jansen", "Petra Jansen-de Vries"),
                       ("p.jansen", "capacity_fte"): (None, 0.8),
                       ("dir", "holders"): (["p.bakker"], ["p.smit"])}
    assert diff["assignments"] == {
        "added": [{"item": "g.leeg", "actor": "dir", "old": None, "new": "A"}],
        "removed": [],
        "changed": [{"item": "g.co2", "actor": "dir", "old": "A", "new": "C"}]}
    assert [f["fingerprint"] for f in diff["findings"]["resolved"]] == [
        "OWN002:g.co2", "OWN001:g.leeg"]
    assert diff["findings"]["introduced"] == []


def test_findings_introduced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write_model(tmp_path / "old.yaml")
    new = write_model(tmp_path / "new.yaml", bodies=[
        {"id": "sg", "name": "Stuurgroep", "kind": "steering_group", "members": ["dg", "dir"]}])
    code, out, _ = run_raci(capsys, "diff", old, new, "--format", "json")
    diff = json.loads(out)
    assert code == 0
    assert [f["fingerprint"] for f in diff["findings"]["introduced"]] == ["BOD007:sg"]
    assert diff["entities"]["changed"] == [{"kind": "body", "id": "sg", "name": "Stuurgroep",
                                            "fields": [{"field": "chair", "old": "dg",
                                                        "new": None}]}]


def test_text_and_markdown(old_and_new: tuple[Path, Path],
                           capsys: pytest.CaptureFixture[str]) -> None:
    old, new = old_and_new
    code, out, _ = run_raci(capsys, "diff", old, new)
    assert code == 0
    assert out.splitlines()[:2] == [f"--- {old}", f"+++ {new}"]
    assert ("  Person 'Petra Jansen-de Vries' (p.jansen): name \"Petra Jansen\" -> "
            "\"Petra Jansen-de Vries\"") in out
    assert "  Person 'Petra Jansen-de Vries' (p.jansen): capacity (FTE) (none) -> 0.8" in out
    assert "  Role 'Directeur' (dir): held by [Bram Bakker (p.bakker)] -> [Sanne Smit (p.smit)]" \
        in out
    assert "  Directeur (dir) on goal 'CO2 -55%' (g.co2): A -> C" in out
    assert "Entities changed (2):" in out  # two entities, three fields
    assert "Findings resolved (2):" in out
    code, out, _ = run_raci(capsys, "diff", old, new, "--format", "markdown")
    assert code == 0 and out.startswith(f"## Changes from `{old}` to `{new}`")
    assert ("### Assignments changed (1)\n\n- Directeur (dir) on goal 'CO2 -55%' (g.co2): "
            "A -> C") in out  # raci's arrow, not the user's text: not escaped


def test_a_database_against_a_file_and_no_differences(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = write_model(tmp_path / "org.yaml", waivers=[
        {"rule": "OWN001", "target": "g.leeg", "reason": "r", "expires": "2027-01-01"}])
    database = tmp_path / "org.db"
    run_raci(capsys, "import", model, "--into", database)
    code, out, _ = run_raci(capsys, "diff", database, model)
    assert code == 0 and out.endswith("No differences.\n")
    changed = write_model(tmp_path / "changed.yaml")
    code, out, _ = run_raci(capsys, "diff", database, changed)
    assert ("Waivers removed (1):\n  OWN001 for goal 'Zonder eigenaar' (g.leeg): r "
            "(expires 2027-01-01)") in out
    assert "Findings introduced (1):\n  OWN001 [error]" in out


def test_a_bad_model_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "diff", model, tmp_path / "missing.yaml")
    assert code == 2 and out == "" and "no such file" in err


def test_names_stay_on_one_line_and_html_shows_as_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = write_model(tmp_path / "old.yaml")
    new = write_model(tmp_path / "new.yaml", people=[
        *SMALL_MODEL["people"], {"id": "p.nieuw", "name": "Eerste\nTweede <i>x</i> | y"}])
    code, out, _ = run_raci(capsys, "diff", old, new)
    assert code == 0
    assert "  Person 'Eerste\\nTweede <i>x</i> | y' (p.nieuw)\n" in out
    code, out, _ = run_raci(capsys, "diff", old, new, "--format", "markdown")
    assert "\n- Person 'Eerste\\\\nTweede \\<i\\>x\\</i\\> \\| y' (p.nieuw)\n" in out


def test_a_changed_waiver_shows_what_changed(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    waiver = {"rule": "OWN002", "target": "g.co2", "reason": "Gedeeld"}
    old = write_model(tmp_path / "old.yaml", waivers=[waiver])
    new = write_model(tmp_path / "new.yaml", waivers=[{**waiver, "expires": "2027-01-01"}])
    code, out, _ = run_raci(capsys, "diff", old, new)
    assert code == 0
    assert ("Waivers added (1):\n  OWN002 for goal 'CO2 -55%' (g.co2): Gedeeld "
            "(expires 2027-01-01)\n") in out
    assert "Waivers removed (1):\n  OWN002 for goal 'CO2 -55%' (g.co2): Gedeeld\n" in out


def every_kind_of_change(tmp_path: Path) -> tuple[Path, Path]:
    """Two models that differ in every way a diff shows: entities added,
    removed and changed, assignments added, removed and changed, waivers
    added and removed, findings introduced and resolved."""
    waiver = {"rule": "OWN001", "target": "g.leeg", "reason": "Volgt", "expires": "2027-01-01"}
    old = write_model(tmp_path / "old.yaml", waivers=[waiver])
    roles = [dict(r) for r in SMALL_MODEL["roles"]]
    roles[1]["holders"] = ["p.smit"]
    goals = [{"id": "g.co2", "name": "CO2 -55%", "raci": {"A": "dg", "C": ["dir"]}},
             {"id": "g.leeg", "name": "Leeg", "raci": {"R": ["dir"]}}]
    new = write_model(tmp_path / "new.yaml", people=NEW_PEOPLE, roles=roles, goals=goals,
                      waivers=[{**waiver, "expires": "2027-06-30"}])
    return old, new


def test_text_and_markdown_name_entities_name_first_and_speak_dutch(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = every_kind_of_change(tmp_path)
    code, text, _ = run_raci(capsys, "diff", old, new, "--lang", "nl")
    assert code == 0
    for line in ("Entiteiten toegevoegd (1):\n  Persoon 'Sanne Smit' (p.smit)",
                 "Entiteiten verwijderd (1):\n  Persoon 'Bram Bakker' (p.bakker)",
                 "  Persoon 'Petra Jansen-de Vries' (p.jansen): capaciteit (fte) (geen) -> 0,8",
                 "  Rol 'Directeur' (dir): vervuld door [Bram Bakker (p.bakker)] -> "
                 "[Sanne Smit (p.smit)]",
                 "Toewijzingen toegevoegd (1):\n  R voor Directeur (dir) op doel 'Leeg' (g.leeg)",
                 "Toewijzingen gewijzigd (1):\n  Directeur (dir) op doel 'CO2 -55%' (g.co2): "
                 "A -> C",
                 "Uitzonderingen toegevoegd (1):\n  OWN001 voor doel 'Leeg' (g.leeg): Volgt "
                 "(verloopt op 30 juni 2027)",
                 "Opgeloste bevindingen (1):\n  OWN002 [fout] Doel 'CO2 -55%' (g.co2) heeft 2 "
                 "eindverantwoordelijken (A): Directeur-Generaal (dg), Directeur (dir)"):
        assert line in text, line
    code, markdown, _ = run_raci(capsys, "diff", old, new, "--lang", "nl", "--format", "markdown")
    assert markdown.startswith(f"## Wijzigingen van `{old}` naar `{new}`\n")
    assert "### Toewijzingen gewijzigd (1)\n\n- Directeur (dir) op doel 'CO2 -55%' (g.co2): " \
        "A -> C" in markdown
    english = ("Entities", "Assignments", "Waivers", "Findings", "Changes", " for ", " on ",
               "expires", "(none)", "capacity", "held by", "Person", "Role", "Goal", "has ",
               "[error]")  # a level is said in words, as the app and the review say it
    for output in (text, markdown):
        assert not [word for word in english if word in output]
    _, empty, _ = run_raci(capsys, "diff", old, old, "--lang", "nl")
    assert empty.endswith("\nGeen verschillen.\n")


def test_json_keeps_ids_and_english_whatever_the_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = every_kind_of_change(tmp_path)
    _, english, _ = run_raci(capsys, "diff", old, new, "--format", "json")
    _, dutch, _ = run_raci(capsys, "diff", old, new, "--format", "json", "--lang", "nl")
    assert dutch == english
    diff = json.loads(english)
    assert diff["assignments"]["changed"] == [
        {"item": "g.co2", "actor": "dir", "old": "A", "new": "C"}]
    assert [f["message"] for f in diff["findings"]["resolved"]] == [
        "Goal g.co2 'CO2 -55%' has 2 Accountables: dg, dir"]


def test_changed_values_read_as_the_language_writes_them(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Dates in words in Dutch and bare ISO in English, decimals with the
    language's mark, yes or no, lists bare, the user's text in quotes; in
    Markdown only the user's text is escaped, never raci's own arrow."""
    body = {**SMALL_MODEL["bodies"][0], "temporary": False, "sunset": "2027-06-30",
            "mandate": "A -> <b>B</b>"}
    people = [{**SMALL_MODEL["people"][0], "capacity_fte": 0.5}, SMALL_MODEL["people"][1]]
    old = write_model(tmp_path / "old.yaml", bodies=[body], people=people)
    new = write_model(tmp_path / "new.yaml", people=[{**people[0], "capacity_fte": 0.75},
                                                     people[1]],
                      bodies=[{**body, "temporary": True, "sunset": "2027-12-31",
                               "members": ["dir"], "mandate": "C"}])
    _, english, _ = run_raci(capsys, "diff", old, new)
    _, dutch, _ = run_raci(capsys, "diff", old, new, "--lang", "nl")
    _, markdown, _ = run_raci(capsys, "diff", old, new, "--format", "markdown")
    for line in ("sunset 2027-06-30 -> 2027-12-31\n", "temporary no -> yes\n",
                 "capacity (FTE) 0.5 -> 0.75\n", 'mandate "A -> <b>B</b>" -> "C"\n',
                 "members [Directeur-Generaal (dg), Directeur (dir)] -> [Directeur (dir)]\n"):
        assert line in english, line
    for line in ("einddatum 30 juni 2027 -> 31 december 2027\n", " nee -> ja\n",
                 "capaciteit (fte) 0,5 -> 0,75\n"):
        assert line in dutch, line
    assert 'mandate "A -\\> \\<b\\>B\\</b\\>" -> "C"\n' in markdown
    assert "sunset 2027-06-30 -> 2027-12-31\n" in markdown
