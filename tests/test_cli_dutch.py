"""What a Dutch user reads on the command line, a few exact lines per area:
the usage lines, raci review and its minutes, the scenarios, the
suggestions, the errors and the success lines. A wrong translation fails
here (tests/test_untranslated.py finds a missing one); what a tool reads
(JSON) stays English."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci, Result

FILL = "bezet rol Programmadirecteur Netcongestie (r.pd-netcongestie) met Ruud Mulder (p.mulder)"
"""The first suggestion for the vacant role, as a Dutch user reads it."""


def dutch(raci: Raci, *args: str | Path) -> Result:
    return raci(*args, "--lang", "nl")


def test_usage_lines_and_click_errors(raci: Raci) -> None:
    assert dutch(raci, "lint", "--help").out.startswith("Gebruik: raci lint [OPTIES] MODEL...\n")
    assert dutch(raci, "scenario", "--help").out.startswith(
        "Gebruik: raci scenario [OPTIES] OPDRACHT [ARGUMENTEN]...\n")
    assert "  -o, --output BESTAND " in dutch(raci, "export", "--help").out
    assert "  -h, --help " in dutch(raci, "new", "--help").out
    assert dutch(raci, "lint").err == ("raci: Argument ontbreekt 'MODEL...'; zie "
                                       "`raci lint --help`\n")
    lint_help = " ".join(dutch(raci, "lint", "--help").out.split())
    assert "de controle eindigt dan met exitcode 2" in lint_help and " run " not in lint_help
    english = raci("lint", "--help").out  # the language of one run does not stay for the next
    assert english.startswith("Usage: raci lint [OPTIONS] MODEL...\n")
    assert "Show this message and exit." in english


def test_dutch_help_says_placeholders_examples_and_the_palette_in_dutch(raci: Raci) -> None:
    served = dutch(raci, "serve", "--help").out
    assert "  --port GETAL  De poort op 127.0.0.1 waarop de app wordt aangeboden.\n" in served
    assert "[standaard: 8765; 1<=x<=65535]" in served  # the range, as click writes it
    assert "(ctrl+p, Thema)" in " ".join(dutch(raci, "edit", "--help").out.split())
    assert "(ctrl+p, Theme)" in " ".join(raci("edit", "--help").out.split())
    assert "  --scale GETAL " in dutch(raci, "generate", "--help").out
    drawn = dutch(raci, "diagram", "--help").out
    assert "  --depth GETAL " in drawn and "  --hub GETAL " in drawn
    assert "  --baseline BESTAND " in dutch(raci, "rename", "--help").out
    linted = dutch(raci, "lint", "--help").out
    assert "  --write-baseline BESTAND " in linted and "  --config BESTAND " in linted
    assert dutch(raci, "completion", "--help").out.splitlines()[2].startswith(
        "  Schrijf het script dat in SHELL ")
    assert "success_criteria='200 woningen; een plan'" in dutch(raci, "set", "--help").out
    assert "--description 'Minder gremia'" in dutch(raci, "scenario", "new", "--help").out


def test_a_review_session_and_its_minutes(raci: Raci, vego: str,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "1\na\nTijdelijk\n2027-06-30\nn\np.jansen\nEigenaar voorstellen\ngeen\ns\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    done = dutch(raci, "review", vego, "--author", "eva", "--scenario", "plan", "-o", "verslag.md")
    assert done.code == 0, done.err
    lines = done.out.splitlines()
    for line in (
            f"  1. {FILL}",
            "     want Ruud Mulder (p.mulder) is eindverantwoordelijke (A) van 2 van de items van "
            "de rol en die eromheen",
            "Besluit [1-3 oplossen, a aanvaarden (uitzondering), n actie noteren, s overslaan, "
            "q bespreking beëindigen]: 1",
            f"  gedaan: {FILL} (in scenario plan)",
            "Tot (JJJJ-MM-DD, of geen) [2027-12-06]: 2027-06-30".replace(
                "2027-12-06", _a_year_on()),
            "  gedaan: uitzondering op BOD003 voor wg-isolatienorm tot 30 juni 2027: Tijdelijk "
            "(in scenario plan)",
            "Uiterlijk (JJJJ-MM-DD, of geen): geen"):
        assert line in lines, line
    assert done.err.splitlines()[-1] == (  # a status line: lower case, as every one
        "de wijzigingen staan in scenario plan: `raci scenario show vego.db plan`, en daarna "
        "`raci scenario apply` of `drop`")
    minutes = Path("verslag.md").read_text(encoding="utf-8").splitlines()
    for line in ("## Bevindingen voor en na", "| Niveau | Voor | Na |", "## Besluiten",
                 "| Wie | Wat | Uiterlijk | Bevinding |",
                 "| p.jansen | Eigenaar voorstellen |  | OWN001:g.lokaal-eigendom |",
                 "## Wat er veranderde (in scenario plan)",
                 f"1. {FILL}",
                 "2. uitzondering op BOD003 voor wg-isolatienorm tot 30 juni 2027: Tijdelijk"):
        assert line in minutes, line
    assert minutes[0] == ("# Bespreking van Programma Versnelling Energietransitie Gebouwde "
                          "Omgeving (VEGO) (`vego.db`)")  # "bespreking", as the app says
    assert minutes[2].endswith("; verslag door eva; over 3 van 24 bevindingen besloten, de "
                               "grootste eerst (de bespreking is eerder beëindigd).")
    assert any(line.endswith("| Aanvaard, tot 30 juni 2027: Tijdelijk | eva |") for line in minutes)


def _a_year_on() -> str:
    import datetime as dt

    from raci.lint.review import WAIVER_DAYS

    return (dt.date.today() + dt.timedelta(days=WAIVER_DAYS)).isoformat()


def test_scenarios_shown_compared_listed(raci: Raci, vego: str) -> None:
    assert dutch(raci, "scenario", "new", vego, "een", "--description", "Eén eigenaar").code == 0
    assert dutch(raci, "scenario", "move-a", vego, "een", "g.lokaal-eigendom", "r.dg-ke").code == 0
    assert dutch(raci, "scenario", "new", vego, "leeg").code == 0
    shown = dutch(raci, "scenario", "show", vego, "een").out.splitlines()
    assert shown[:3] == ["Scenario een van vego.db", "Eén eigenaar", shown[2]]
    assert shown[2].startswith("Gemaakt ") and shown[2].endswith(
        " op het model zoals het nu is (revisie 1).")
    for line in ("Wijzigingen (1):", "  1. de A van g.lokaal-eigendom verplaatst naar r.dg-ke",
                 "Opgeloste bevindingen (1):", "Nieuwe bevindingen (0):", "  geen"):
        assert line in shown, line
    assert shown[-1] == ("Zonder het scenario: 4 fouten, 18 waarschuwingen, 2 meldingen; met het "
                         "scenario: 3 fouten, 18 waarschuwingen, 2 meldingen.")
    compared = dutch(raci, "scenario", "compare", vego, "een", "leeg").out.splitlines()
    assert compared[0] == "Scenario's een en leeg van vego.db"
    assert "Bevindingen per niveau:" in compared
    assert any(line.split()[:3] == ["opgelost", "blijft", "OWN001"] for line in compared)
    assert "  23 bevindingen van het model blijven in beide." in compared
    listed = dutch(raci, "scenario", "list", vego).out.splitlines()
    assert listed[0].split() == ["NAAM", "WIJZIGINGEN", "GEMAAKT", "OP", "REVISIE", "OMSCHRIJVING"]


def test_suggestions_are_dutch_for_people_and_english_for_tools(raci: Raci, vego: str) -> None:
    from raci.i18n import set_language
    from raci.lint.message import localized
    from raci.lint.suggestions import Suggester
    from raci.source import open_model

    suggester = Suggester(open_model(vego).model)
    finding = next(f for f in suggester.open_findings() if f.code == "OWN002")
    first = suggester.suggestions(finding)[0]
    set_language("nl")
    dg_ke, co2 = ("Directeur-Generaal Klimaat en Energie (r.dg-ke)",
                  "Gebouwde omgeving 3,4 Mton extra CO2-reductie in 2030 (g.co2-gebouwen)")
    assert localized(first.summary) == (
        f"houd {dg_ke} als enige eindverantwoordelijke (A) van {co2}; Directeur-Generaal "
        "Volkshuisvesting en Bouwen (r.dg-vb) wordt C")
    assert localized(first.remedy.because) == (
        f"Directeur Warmte en Gebouwde Omgeving (r.dir-wgo), die aan {dg_ke} rapporteert, is "
        f"eindverantwoordelijke (A) van 3 van de items rond {co2}")
    assert first.summary == ("keep r.dg-ke as the one Accountable of g.co2-gebouwen; r.dg-vb "
                             "becomes C")
    english = raci("lint", vego, "--suggest", "--format", "json").out
    assert dutch(raci, "lint", vego, "--suggest", "--format", "json").out == english


def test_errors_and_success_lines(raci: Raci, vego: str) -> None:
    assert dutch(raci, "set", vego, "g.lokaal-eigendom", "colour=red").err == (
        "raci: g.lokaal-eigendom: een doel heeft geen veld 'colour' (velden: name, description, "
        "tags, parent, due)\n")
    assert dutch(raci, "set", vego, "g.lokaal-eigendom", "due").err == (
        "raci: g.lokaal-eigendom: 'due': schrijf VELD=WAARDE\n")
    assert dutch(raci, "set", vego, "g.lokaal-eigendom", "due=morgen").err == (
        "raci: g.lokaal-eigendom: due: 'morgen' is geen datum (JJJJ-MM-DD)\n")
    assert dutch(raci, "set", vego, "org.nme=X").err == (
        "raci: de organisatie heeft geen veld 'nme' (velden: name, description, as_of, "
        "not_recorded); bedoel je 'name'?\n")
    assert dutch(raci, "scenario", "show", vego, "nope").err.endswith(
        "vego.db: geen scenario nope; het heeft geen scenario's: maak er een met `raci "
        "scenario new " + str(Path(vego).resolve()) + " nope`\n")
    assert dutch(raci, "validate", "missing.yaml").err == (
        "missing.yaml: bestand bestaat niet; controleer de naam en de map\n")
    assert dutch(raci, "import", "plan.ods", "--into", "x.db").err == (
        "plan.ods: een OpenDocument-spreadsheet (.ods); sla het op als .xlsx "
        "(Excel-werkmap) of CSV\n")
    done = dutch(raci, "lint", vego, "--write-baseline", "basis.json", "-o", "gevonden.txt")
    assert done.err == "24 vingerafdrukken geschreven naar basis.json\n"


def test_set_says_a_chosen_word_in_dutch(raci: Raci, vego: str) -> None:
    """A body's kind, an initiative's status: the word the app shows, not the model file's."""
    assert dutch(raci, "set", vego, "tf-netcongestie", "kind=steering_group").out == (
        "tf-netcongestie gewijzigd (soort stuurgroep)\n")


def test_a_change_the_model_refuses_is_said_in_dutch(raci: Raci, vego: str) -> None:
    assert dutch(raci, "set", vego, "kgg", "parent=bzk2").err == (
        "raci: onderdeel kgg: parent 'bzk2' bestaat niet (verwacht: een onderdeel); bedoel je "
        "'bzk'?\n")
    assert dutch(raci, "set", vego, "sg-vego", "kind=foo").err.startswith(
        "raci: gremium sg-vego: kind: 'foo' is niet een van steering_group, ")
    assert dutch(raci, "set", vego, "sg-vego", "chair=p.jann").err == (
        "raci: gremium sg-vego: chair 'p.jann' bestaat niet (verwacht: een persoon of rol); "
        "voeg een persoon of rol met dat id toe of verbeter het\n")
    assert dutch(raci, "add", vego, "role", "r.x", "--name", "X", "--set", "unit=zzz").err == (
        "raci: rol r.x: unit 'zzz' bestaat niet (verwacht: een onderdeel); voeg een onderdeel "
        "met dat id toe of verbeter het\n")


def test_change_lines_say_values_as_dutch_running_text(raci: Raci, vego: str) -> None:
    assert dutch(raci, "set", vego, "kgg", "name=Min KGG", "external=true").out == (
        "kgg gewijzigd (naam Min KGG, extern ja)\n")
    assert dutch(raci, "set", vego, "sg-vego", "meets_every_days=", "temporary=false").out == (
        "sg-vego gewijzigd (vergaderfrequentie leeggemaakt, tijdelijk nee)\n")
    assert dutch(raci, "set", vego, "org.as_of=2026-12-01").out == (
        "organisatie gewijzigd: peildatum 1 december 2026\n")
    assert dutch(raci, "set", vego, "org.not_recorded=cadence,chairs").out == (
        "organisatie gewijzigd: niet vastgelegd vergaderfrequentie, voorzitters\n")
    assert dutch(raci, "set", vego, "p.koster", "capacity_fte=0,5").out == (
        "p.koster gewijzigd (capaciteit (fte) 0,5)\n")
    assert raci("set", vego, "p.koster", "capacity_fte=0,5").err == (
        "raci: p.koster: capacity_fte: '0,5' is not a number\n")  # English writes 0.5
    assert raci("set", vego, "sg-vego", "meets_every_days=14").code == 0
    assert raci("set", vego, "sg-vego", "meets_every_days=").out == (
        "changed sg-vego (meeting cadence cleared)\n")
    assert dutch(raci, "scenario", "new", vego, "plan").code == 0
    assert dutch(raci, "set", vego, "g.co2-gebouwen", "due=2031-01-01", "--scenario",
                 "plan").code == 0
    assert "  1. g.co2-gebouwen gewijzigd (gereed op 1 januari 2031)" in dutch(
        raci, "scenario", "show", vego, "plan").out.splitlines()


def test_an_unread_model_is_dutch_on_stderr_and_english_in_json(raci: Raci, vego: str) -> None:
    done = dutch(raci, "lint", "nope.db", "--format", "json")
    absent = str(Path("nope.db").resolve())
    assert done.err == f"raci: geen model in {absent}; maak er een met `raci new {absent}`\n"
    (error,) = json.loads(done.out)["errors"]
    assert error["message"] == f"no model at {absent}; create one with `raci new {absent}`"
    assert done.out == raci("lint", "nope.db", "--format", "json").out


def test_a_model_files_problems_in_dutch_and_json_in_english(raci: Raci, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("raci: 1\norg: {name: X}\npeople:\n  - {id: p.jan, name: Jan}\n"
                   "goals:\n  - {id: g.a, name: A, nope: 1, raci: {A: p.jann}}\n",
                   encoding="utf-8")
    done = dutch(raci, "validate", bad)
    assert done.err.splitlines() == [
        f"{bad}:6:24: doel g.a: onbekende sleutel 'nope'; haal hem weg, of gebruik een van id, "
        "name, description, tags, parent, due, raci",
        f"{bad}:6:43: doel g.a: raci.A-betrokkene 'p.jann' bestaat niet (verwacht: een "
        "persoon, rol of gremium); bedoel je 'p.jan'?",
    ]
    english = raci("lint", bad, "--format", "json").out
    assert [e["message"] for e in json.loads(english)["errors"]] == [
        "goal g.a: unknown key 'nope'; remove it, or use one of id, name, description, tags, "
        "parent, due, raci",
        "goal g.a: raci.A actor 'p.jann' names nothing (expected a person, role or body); "
        "did you mean 'p.jan'?"]
    assert dutch(raci, "lint", bad, "--format", "json").out == english


def test_an_import_notes_and_refuses_in_dutch(raci: Raci, vego: str, tmp_path: Path) -> None:
    sheet = tmp_path / "t.csv"
    sheet.write_text("Taak,Projectleider,Wethouder\nPlan,A/R,I\n", encoding="utf-8")
    done = dutch(raci, "import", sheet, "--into", vego)
    assert done.code == 0, done.err
    assert done.err.splitlines() == [
        "let op: 2 actoren die niet in het model stonden, werden rollen: Projectleider, "
        "Wethouder"]
    sheet.write_text("Id,Gedeputeerde Energie,Netstrateeg\nX1,C/I,R\nX2,A,x\n", encoding="utf-8")
    refused = dutch(raci, "import", sheet, "--into", vego)
    assert (refused.code, refused.err) == (2, (
        f'{sheet}:B1: "Gedeputeerde Energie" bevat RACI-letters, dus dat is niet de kolom met de '
        "namen van de items, en geen kolom links ervan is dat; zeg met --column item=KOP welke "
        "kolom de items noemt\n"))
    refused = dutch(raci, "import", sheet, "--into", vego, "--column", "item=Id")
    assert refused.err.splitlines()[:2] == [
        f'{sheet}:B2: "C/I": een actor heeft één letter per item (A met R is het enige paar); wie '
        "geraadpleegd wordt, is al geïnformeerd",
        f'{sheet}:C3: "x": geen RACI-letter; schrijf R, A, C of I, of A/R voor de '
        "eindverantwoordelijke die ook het werk doet; laat de cel leeg als er geen rol is"]
    assert dutch(raci, "assign", vego, "g.co2", "r.dg-kee", "A").err.splitlines()[-1] == (
        "raci: Ongeldige waarde voor 'LETTER': 'r.dg-kee': geen RACI-letter; schrijf R, A, C of "
        "I, of A/R voor de eindverantwoordelijke die ook het werk doet; zie `raci assign --help`")


@pytest.mark.parametrize(("focus", "this"), [("g.co2-gebouwen", "dit doel"),
                                             ("p.kaya", "deze persoon")])
def test_a_focus_the_view_does_not_draw_says_the_kind_with_its_article(
        raci: Raci, tmp_path: Path, focus: str, this: str) -> None:
    view = "goals" if focus.startswith("p.") else "bodies"
    drawn = dutch(raci, "diagram", SAMPLE, "--view", view, "--focus", focus,
                  "-o", tmp_path / "x.svg")
    assert drawn.code == 2
    assert drawn.err.startswith(f"raci: --focus {focus}: {this} staat niet in de weergave ")


@pytest.mark.parametrize(("text", "place"), [
    ('raci: 1\norg: {name: "x}\n', "2:13"),
    ('raci: 1\norg:\n  name: x\n  members: ["a, b]\n', "4:13"),
])
def test_a_quote_not_closed_in_brackets_is_said_in_dutch(raci: Raci, tmp_path: Path, text: str,
                                                         place: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    assert dutch(raci, "validate", bad).err == (
        f"{bad}:{place}: een aanhalingsteken (\" of ') dat hier opent, wordt niet gesloten; "
        "sluit het waar de waarde eindigt\n")


def test_json_without_its_closing_braces_says_they_are_missing(raci: Raci,
                                                               tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"raci": 1, "org": {"name": "x", "units": [\n  "a"\n', encoding="utf-8")
    assert raci("validate", bad).err == (
        f"{bad}:3:1: the text ends before every bracket is closed; end it with ]}}}}\n")
    assert dutch(raci, "validate", bad).err == (
        f"{bad}:3:1: de tekst eindigt voordat elk haakje is gesloten; sluit hem af met ]}}}}\n")


def test_a_yaml_syntax_error_is_one_line_in_the_users_language(raci: Raci,
                                                               tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('raci: 1\norg:\n  name: "Gemeente\nunits: []\n', encoding="utf-8")
    for command in ("validate", "lint"):
        english, dutch_done = raci(command, bad), dutch(raci, command, bad)
        assert (english.code, dutch_done.code) == (2, 2)
        assert english.err.splitlines()[0] == (
            f"{bad}:3:9: a quote (\" or ') opened here is not closed; close it where its value "
            "ends")
        assert dutch_done.err.splitlines()[0] == (
            f"{bad}:3:9: een aanhalingsteken (\" of ') dat hier opent, wordt niet gesloten; "
            "sluit het waar de waarde eindigt")
        assert len(dutch_done.err.splitlines()) == 1


def test_diagram_and_report_refusals_and_the_systems_reason_are_dutch(
        raci: Raci, tmp_path: Path) -> None:
    split = dutch(raci, "diagram", SAMPLE, "--view", "bodies", "--split", "goal",
                  "-o", tmp_path / "x.svg")
    assert split.code == 2 and split.err == (
        "raci: --split goal: de weergave gremia wordt per onderdeel gesplitst; "
        "geef --split unit\n")
    suffix = dutch(raci, "report", SAMPLE, "-o", tmp_path / "y.txt")
    assert suffix.code == 2 and suffix.err == (
        f"raci: -o {tmp_path / 'y.txt'}: de hand-out wordt geschreven als .html, .pdf of .md; "
        "noem het bestand zo, of geef --format html, pdf of md\n")
    (tmp_path / "vol.html").symlink_to("/dev/full")  # every write: no space left
    small = Path(__file__).parent / "data" / "files" / "warmte.yaml"  # a handout in a second
    full = dutch(raci, "report", small, "-o", tmp_path / "vol.html")
    assert full.code == 2 and full.err.endswith(
        f"{tmp_path / 'vol.html'}: kan de hand-out niet schrijven: de schijf is vol\n")
    english = raci("report", small, "-o", tmp_path / "vol.html")
    assert english.err.endswith(f"{tmp_path / 'vol.html'}: cannot write the report: "
                                "No space left on device\n")
