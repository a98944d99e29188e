"""A Dutch user's refusals and status lines on the command line: opening a
MODEL that is the wrong kind of thing, a folder with no models, a baseline
that is not one, a database that is not raci's or already holds a model, a
scenario that is there already, a folder that is a file; and the lines a
comparison of findings and the github format say. Each exactly in Dutch
where it was English before, what a tool reads (JSON) in English, and a
sweep of every command's refusals in the pseudo-language
(`tests.pseudo_language`), where any English left shows."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci, Result
from test_untranslated import sample_words, untranslated

from raci.model import REFERENCE_FIELDS
from tests.pseudo_language import file_words


def dutch(raci: Raci, *args: str | Path) -> Result:
    return raci(*args, "--lang", "nl")


@pytest.fixture
def files(vego: str) -> Path:
    """Beside vego.db (the current folder): the sample as a model file, a
    text file and a folder named as a database, a folder with no models, a
    baseline with a JSON mistake and a JSON file that is not a baseline."""
    folder = Path.cwd()
    (folder / "x.yaml").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "t.db").write_text("hallo\n", encoding="utf-8")
    (folder / "leeg").mkdir()
    (folder / "map.db").mkdir()
    (folder / "leeg" / "notities.txt").write_text("geen model\n", encoding="utf-8")
    (folder / "kapot.json").write_text('{"version": 1,\n "fingerprints": [1,]}\n',
                                       encoding="utf-8")
    (folder / "anders.json").write_text('{"fingerprints": [1]}\n', encoding="utf-8")
    (folder / "kapot.toml").write_text("[raci]\nselect = OWN\n", encoding="utf-8")
    return folder


def refused(raci: Raci, *args: str | Path) -> str:
    done = dutch(raci, *args)
    assert done.code == 2, done.out
    assert len(done.err.splitlines()) == 1, done.err
    return done.err.removeprefix("raci: ").rstrip("\n")


def test_a_model_of_the_wrong_kind_is_refused_in_dutch(raci: Raci, files: Path) -> None:
    assert refused(raci, "new", "x.yaml") == (
        "x.yaml: hiervoor is een database nodig, geen modelbestand; lees het bestand in een "
        "database in met `raci import x.yaml --into org.db`")
    assert refused(raci, "edit", "leeg") == (
        "leeg: geen modeldatabase; geef een .db-bestand of een database-URL")
    assert refused(raci, "scenario", "list", "vego.db@plan") == (
        "vego.db@plan: noemt scenario plan van vego.db; deze opdracht werkt op het model zelf: "
        "geef vego.db")
    lint = dutch(raci, "lint", "x.yaml@plan")
    assert lint.err.splitlines()[-1] == (
        "raci: x.yaml@plan: scenario's staan in een modeldatabase; lees het bestand in een "
        "database in met `raci import x.yaml --into x.db`")


def test_a_folder_without_models_is_refused_in_dutch(raci: Raci, files: Path) -> None:
    assert refused(raci, "lint", "leeg") == (
        "leeg: bevat geen modelbestanden (.yaml, .yml of .json die beginnen met 'raci: 1') en "
        "geen raci-databases (.db)")


def test_a_refusal_read_by_a_tool_stays_english(raci: Raci, files: Path) -> None:
    done = dutch(raci, "lint", "x.xlsx", "x.yaml@plan", "--format", "json")
    assert [e["message"] for e in json.loads(done.out)["errors"]] == [
        "x.xlsx: a spreadsheet or CSV file, not a model; import it first: "
        "`raci import x.xlsx --into org.db`",
        "x.yaml@plan: scenarios live in a model database; read the file into one with "
        "`raci import x.yaml --into x.db`"]
    assert "een spreadsheet of CSV-bestand, geen model" in done.err  # people read Dutch


def test_a_baseline_that_is_not_one_says_where_and_why_in_dutch(raci: Raci,
                                                                 files: Path) -> None:
    assert refused(raci, "lint", "x.yaml", "--baseline", "kapot.json") == (
        "kapot.json:2:21: geen baseline (JSON): hier ontbreekt een waarde, of staat een komma "
        "te veel; schrijf de waarde, of haal de komma weg")
    assert raci("lint", "x.yaml", "--baseline", "kapot.json").err == (
        "raci: kapot.json:2:21: not a baseline (JSON): a value is missing here, or a comma is "
        "one too many; write the value, or remove the comma\n")
    assert refused(raci, "lint", "x.yaml", "--baseline", "anders.json") == (
        "anders.json: geen baseline; schrijf er een met `raci lint --write-baseline`")
    assert refused(raci, "rename", "vego.db", "r.dg-ke", "r.dg", "--baseline", "x.yaml") == (
        "x.yaml:1:1: geen baseline (JSON): hier ontbreekt een waarde, of staat een komma te "
        "veel; schrijf de waarde, of haal de komma weg")


def test_a_model_file_that_cannot_be_written_is_refused_in_dutch(raci: Raci, vego: str) -> None:
    """And the schema beside one that was written, in a warning (exit 0)."""
    Path("bestand").write_text("", encoding="utf-8")
    Path("link.yaml").symlink_to("bestand/org.yaml")  # a folder that is a file: no folder made
    assert refused(raci, "export", vego, "-o", "link.yaml") == (
        f"link.yaml: {Path('bestand').resolve()} is een bestand, geen map")
    Path("raci-model.schema.json").symlink_to("weg/raci-model.schema.json")
    written = dutch(raci, "export", vego, "-o", "org.yaml")
    assert written.code == 0
    assert written.err.splitlines()[-1] == (
        "raci: waarschuwing: raci-model.schema.json: kan het bestand niet schrijven: bestand of "
        "map bestaat niet; het modelbestand is geschreven: is dat opgelost, dan schrijft `raci "
        "schema -o raci-model.schema.json` het schema waartegen editors het controleren")


def test_the_databases_refusals_are_dutch(raci: Raci, files: Path) -> None:
    here = files.resolve()
    assert refused(raci, "new", "vego.db") == (
        f"{here / 'vego.db'}: daar staat al een model; er is niets gewijzigd")
    assert refused(raci, "new", "geen/a.db") == (
        f"{here / 'geen' / 'a.db'}: kan de database niet maken, de map {here / 'geen'} bestaat "
        "niet")
    assert refused(raci, "export", "t.db") == (
        f"{here / 't.db'}: geen SQLite-database, dus geen raci-model; geef een database die raci "
        "maakte (met `raci new` of `raci import`)")
    assert refused(raci, "export", "mysql://host/db") == (
        "mysql://host/db: raci bewaart modellen alleen in SQLite of PostgreSQL")
    assert dutch(raci, "scenario", "new", "vego.db", "plan").code == 0
    assert refused(raci, "scenario", "new", "vego.db", "plan") == (
        f"{here / 'vego.db'}: er is al een scenario plan; kies een andere naam, of verwijder dat "
        "scenario eerst")
    assert refused(raci, "scenario", "undo", "vego.db", "plan") == (
        f"{here / 'vego.db'}: scenario plan heeft geen wijziging om ongedaan te maken")
    assert refused(raci, "edit", "vego.db@plan", "--scenario", "ander") == (
        "vego.db@plan noemt scenario plan en --scenario noemt ander; geef er één")


def test_generates_refusals_are_dutch() -> None:
    from raci.errors import UsageError, reason
    from raci.generate import generate_model
    from raci.i18n import set_language

    set_language("nl")
    with pytest.raises(UsageError) as size:
        generate_model("huge")
    with pytest.raises(UsageError) as scale:
        generate_model("small", scale=0)
    assert reason(size.value) == (
        "onbekende omvang 'huge'; kies een van small, ministry, national")
    assert reason(scale.value) == "scale 0: geef een geheel getal van minstens 1"
    set_language("en")
    assert reason(scale.value) == "scale 0: give a whole number of at least 1"


def test_a_scenario_lists_findings_with_the_level_in_dutch(raci: Raci, files: Path) -> None:
    assert dutch(raci, "scenario", "new", "vego.db", "plan").code == 0
    assert dutch(raci, "scenario", "move-a", "vego.db", "plan", "g.lokaal-eigendom",
                 "r.dg-ke").code == 0
    shown = dutch(raci, "scenario", "show", "vego.db", "plan").out
    assert ("Opgeloste bevindingen (1):\n  OWN001 [fout] Doel '50% lokaal eigendom bij nieuwe "
            "opwek op land' (g.lokaal-eigendom) heeft geen eindverantwoordelijke (A)") in shown
    assert "[error]" not in shown and "[warning]" not in shown and "[info]" not in shown
    compared = dutch(raci, "scenario", "compare", "vego.db", "plan", "plan2").err
    assert "geen scenario plan2" in compared
    english = raci("scenario", "show", "vego.db", "plan").out
    assert "Findings resolved (1):\n  OWN001 [error] Goal " in english


def test_the_github_notice_of_rules_not_run_is_dutch(raci: Raci, tmp_path: Path) -> None:
    model = tmp_path / "org.yaml"
    model.write_text("raci: 1\norg: {name: X, not_recorded: [chairs]}\n", encoding="utf-8")
    done = dutch(raci, "lint", model, "--format", "github")
    assert done.out.splitlines()[-1] == (
        f"::notice title=raci::{model}: niet uitgevoerd: BOD007, ORG004 (voorzitters niet "
        "vastgelegd)")
    assert raci("lint", model, "--format", "github").out.splitlines()[-1] == (
        f"::notice title=raci::{model}: not run: BOD007, ORG004 (chairs not recorded)")


def test_a_configuration_that_is_not_toml_says_where_and_what_in_dutch(
        raci: Raci, files: Path) -> None:
    (files / "raci.toml").write_text("[raci]\nselect = [\"OWN\"]\n[raci.rules\n",
                                     encoding="utf-8")
    assert refused(raci, "lint", "vego.db", "--config", "raci.toml") == (
        "raci.toml:3:12: geen geldige TOML: de ']' aan het eind van een tabelkop ontbreekt")
    assert raci("lint", "vego.db", "--config", "raci.toml").err == (
        "raci: raci.toml:3:12: not valid TOML: Expected ']' at the end of a table declaration\n")


def test_a_number_option_refuses_in_dutch_words(raci: Raci, files: Path) -> None:
    assert refused(raci, "generate", "--size", "small", "--seed", "x", "-o", "g.yaml") == (
        "Ongeldige waarde voor '--seed': 'x' is geen geheel getal; zie `raci generate --help`")
    assert refused(raci, "diagram", "vego.db", "--depth", "twee") == (
        "Ongeldige waarde voor '--depth': 'twee' is geen geheel getal; zie `raci diagram --help`")
    assert refused(raci, "report", "vego.db", "-o", "r.md", "--timeout", "lang") == (
        "Ongeldige waarde voor '--timeout': 'lang' is geen getal; zie `raci report --help`")
    assert raci("serve", "--port", "x").err == (
        "raci: Invalid value for '--port': 'x' is not a valid whole number; see "
        "`raci serve --help`\n")


def test_a_long_list_of_references_ends_in_dutch(raci: Raci, files: Path) -> None:
    said = refused(raci, "rm", "vego.db", "r.dir-wgo")
    assert said.startswith("naar r.dir-wgo wordt nog verwezen door r.coord-wijkaanpak "
                           "(reports_to), pr-vego (members), ")
    assert said.endswith(", i.wcw-invoering (raci.A) en nog 5; verwijder die verwijzingen "
                         "eerst, of gebruik --force om ze mee te verwijderen")


def test_a_suggestions_dates_are_in_words(raci: Raci, files: Path) -> None:
    done = dutch(raci, "lint", "vego.db", "--suggest", "--select", "BOD003,BOD004")
    lines = [line.strip() for line in done.out.splitlines()]
    assert ("voorstel 1: verleng het mandaat van Werkgroep Isolatienormering (wg-isolatienorm) "
            "tot 1 november 2027") in lines
    assert any(line.startswith("want ") and "1 november 2026" in line for line in lines), lines
    assert not re.search(r"\d{4}-\d\d-\d\d", done.out)


REFUSALS = [
    ("lint", "leeg"),                                     # a folder with no models
    ("lint", "x.yaml", "--baseline", "kapot.json"),       # a baseline with a JSON mistake
    ("lint", "x.yaml", "--baseline", "anders.json"),      # JSON, not a baseline
    ("lint", "x.yaml@plan"),                              # a scenario of a model file
    ("lint", "t.db"),                                     # a text file named .db
    ("lint", "sqlite://"),                                # a URL with no file
    ("validate", "leeg"),                                 # a folder to validate
    ("new", "vego.db"),                                   # a model already there
    ("new", "x.yaml"),                                    # a model file, not a database
    ("new", "geen/a.db"),                                 # a folder that is not there
    ("new", "x.yaml/a.db"),                               # a file where a folder goes
    ("import", "x.yaml", "--into", "geen/a.db"),
    ("export", "t.db"),
    ("export", "mysql://host/db"),                        # a database raci does not store in
    ("edit", "leeg"),                                     # a folder, not a database
    ("edit", "vego.db@plan", "--scenario", "ander"),      # two scenarios named
    ("edit", "vego.db", "--scenario", "a b"),             # not a scenario name
    ("scenario", "new", "vego.db", "plan"),               # a scenario already there
    ("scenario", "undo", "vego.db", "plan"),              # nothing to undo
    ("scenario", "list", "vego.db@plan"),                 # a scenario where the model goes
    ("scenario", "list", "x.yaml"),
    ("rename", "vego.db", "r.dg-ke", "r.dg", "--baseline", "kapot.json"),
    ("diff", "x.yaml", "t.db"),
    ("diff", "leeg", "x.yaml"),
    ("diagram", "vego.db", "--view", "org", "-o", "x.yaml/x.svg"),  # -o in a file
    ("report", "vego.db", "-o", "x.yaml/r.html"),
    ("export", "vego.db", "-o", "x.yaml/x.yaml"),
    ("lint", "x.yaml", "--write-baseline", "x.yaml/b.json"),
    ("review", "vego.db", "-o", "x.yaml/m.md"),
    ("schema", "-o", "x.yaml/s.json"),
    ("generate", "--size", "small", "--scale", "0", "-o", "g.yaml"),
    ("demo", "--sample", "nope"),
    ("lint", "vego.db", "--config", "kapot.toml"),          # not TOML
    ("generate", "--size", "small", "--seed", "x", "-o", "g.yaml"),  # not a number
    ("serve", "--port", "x"),
    ("rm", "vego.db", "r.dir-wgo"),                       # many references to it
    ("new", "t.db"),                                      # a file there that is no database
    ("export", "leeg/notities.txt"),                      # a text file as a database
    ("export", "map.db"),                                 # a folder named as a database
    ("lint", "postgresql://nobody:geheim@127.0.0.1:1/x"),  # no server there
    ("explain", "OWN001"),                                # a command that is not there
    ("lnt", "vego.db"),
]


@pytest.mark.parametrize("args", REFUSALS, ids=" ".join)
def test_every_refusal_is_dutch(raci: Raci, pseudo: None, files: Path,
                                args: tuple[str, ...]) -> None:
    assert raci("scenario", "new", "vego.db", "plan").code == 0
    done = raci(*args, "--lang", "nl")
    assert done.code == 2, done.out
    data = ({*args, "vego.db", "plan", "ander", "x.db", "leeg", "geen", "x.yaml", "nope"}
            | {word for arg in args for word in file_words(files / arg)}
            | file_words(files / "geen") | file_words(files / "x.yaml")
            | {f"{files.resolve() / 'vego.db'}", "energietransitie", "nationaal-archief",
               "politie-digitaal", "voorbeeld-gezond",
               "postgresql+psycopg://nobody:***@127.0.0.1:1/x"}  # the URL, its password hidden
            | sample_words(SAMPLE) | {f for fields in REFERENCE_FIELDS.values() for f in fields})
    assert untranslated(without_drivers_reason(done), data) == []


def without_drivers_reason(done: Result) -> Result:
    """What a command said without the database driver's own reason, which
    a refusal keeps in English after its Dutch (``(psycopg: connection to
    server at ...)``), as the system's reasons raci has no words for."""
    return Result(done.code, done.out, re.sub(r"(\(psycopg:⟧)[^⟦\n]*", r"\1", done.err))

