"""`raci import` of the spreadsheets a user gets wrong: a letters column named as
something else, merged cells, columns that are not there, a list with no body
column. A refusal is one line naming the sheet and cell (in English and in
Dutch), exit code 2, and the database as it was; nothing is lost silently."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from conftest import Raci
from workbooks import write_csv, write_workbook

from raci.source import open_model

SAMPLE = Path(__file__).parents[1] / "raci" / "sample_orgs" / "energietransitie.yaml"

CHART = [
    ["RACI AI-governance", None, None, None],
    [None, None, None, None],
    ["Activiteit", "Proceseigenaar", "Productteam", "Auditdienst"],
    ["Risicoclassificatie", "A/R", "C", "I"],
    ["Datakwaliteit", "A", "R", "I"],
    ["Modelvalidatie", "C", "A/R", "I"],
    ["Monitoring", "I", "R", "A"],
]
"""A chart as a designer brings it: a title, a blank row, the header in row 3."""


def chart(path: Path, rows: list[list[str | None]] | None = None, *,
          merged: list[str] | None = None) -> Path:
    return write_workbook(path, {"RACI AI": rows or CHART}, merged={"RACI AI": merged or []})


def held_model(tmp_path: Path, raci: Raci) -> Path:
    """A database that already holds a model."""
    database = tmp_path / "org.db"
    assert raci("import", SAMPLE, "--into", database).code == 0
    return database


def refused(raci: Raci, database: Path, *args: str | Path) -> tuple[str, str]:
    """The one line `raci import` refuses with, in English and in Dutch; the
    database is left as it was."""
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    said = []
    for language in ("en", "nl"):
        result = raci("import", *args, "--into", database, "--lang", language)
        assert result.code == 2, result
        assert len(result.err.splitlines()) == 1, result.err
        assert "Traceback" not in result.err and "Error" not in result.err
        said.append(result.err.rstrip("\n"))
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    return said[0], said[1]


@pytest.mark.parametrize(("option", "cell", "what", "dutch"), [
    ("item=B", "B3", "the items' names", "de namen van de items"),
    ("item=Proceseigenaar", "B3", "the items' names", "de namen van de items"),
    ("description=Proceseigenaar", "B3", "the items' descriptions",
     "de omschrijvingen van de items"),
    ("goal=Auditdienst", "D3", "the items' goals", "de doelen van de items"),
    ("id=Proceseigenaar", "B3", "the items' ids", "de id's van de items"),
    ("kind=C", "C3", "the items' kinds", "de soorten van de items"),
])
def test_a_letters_column_named_as_another_field_is_refused(
        raci: Raci, tmp_path: Path, option: str, cell: str, what: str, dutch: str) -> None:
    database = held_model(tmp_path, raci)
    sheet = chart(tmp_path / "chart.xlsx")
    english, in_dutch = refused(raci, database, sheet, "--column", option)
    field, _is, _header = option.partition("=")
    header = CHART[2][ord(cell[0]) - ord("A")]
    assert english == (f"{sheet}:'RACI AI'!{cell}: \"{header}\" holds RACI letters, so it is an "
                       f"actor's column, not {what}; name the right column with --column "
                       f"{field}=HEADER")
    assert in_dutch == (f"{sheet}:'RACI AI'!{cell}: \"{header}\" bevat RACI-letters, dus dat is de "
                        f"kolom van een actor, niet {dutch}; noem de juiste kolom met --column "
                        f"{field}=KOP")


@pytest.mark.parametrize("field", ["item", "id", "kind", "goal", "description", "ignore"])
def test_a_column_letter_past_the_sheet_is_refused(raci: Raci, tmp_path: Path,
                                                   field: str) -> None:
    database = held_model(tmp_path, raci)
    sheet = chart(tmp_path / "chart.xlsx")
    english, in_dutch = refused(raci, database, sheet, "--column", f"{field}=Z")
    assert english == (f"{sheet}:'RACI AI': --column {field}=Z: no column Z (the sheet's columns "
                       "are A "
                       "to D); give a column letter or header of the sheet")
    assert in_dutch == (f"{sheet}:'RACI AI': --column {field}=Z: geen kolom Z (het blad heeft de "
                        "kolommen A tot en met D); geef de letter of de kop van een kolom van "
                        "het blad")


def test_a_column_letter_past_a_csv_file_is_refused(raci: Raci, tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    sheet = write_csv(tmp_path / "chart.csv", [[c or "" for c in row] for row in CHART])
    english, _dutch = refused(raci, database, sheet, "--column", "item=K")
    assert english.startswith(f"{sheet}: --column item=K: no column K (the sheet's columns "
                              "are A to D)")


@pytest.mark.parametrize("option", ["person=Z", "body=Z"])
def test_a_roster_column_letter_past_the_sheet_is_refused(raci: Raci, tmp_path: Path,
                                                          option: str) -> None:
    database = held_model(tmp_path, raci)
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Organisatie"], ["Stuurgroep", "Petra Jansen", "BZK"],
        ["", "Bram Smit", "Zeist"]])
    english, _dutch = refused(raci, database, sheet, "--column", option)
    assert english == (f"{sheet}: --column {option}: no column Z (the sheet's columns are A "
                       "to C); give a column letter or header of the sheet")


def test_a_column_chosen_twice_is_named(raci: Raci, tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    sheet = chart(tmp_path / "chart.xlsx")
    english, in_dutch = refused(raci, database, sheet, "--column", "item=A", "--column", "id=A")
    assert english == (f"{sheet}:'RACI AI'!A3: column A is chosen twice (--column item=A, --column "
                       "id=A); give each field a column of its own")
    assert in_dutch.startswith(f"{sheet}:'RACI AI'!A3: kolom A is twee keer gekozen")


def test_column_option_mistakes_are_said_in_dutch(raci: Raci, tmp_path: Path) -> None:
    sheet = chart(tmp_path / "chart.xlsx")
    database = tmp_path / "org.db"
    typo = raci("import", sheet, "--into", database, "--column", "itme=Activiteit",
                "--lang", "nl")
    assert typo.code == 2
    assert typo.err == (f'{sheet}: --column itme=Activiteit: geen veld "itme" in een '
                        "RACI-matrix; velden: item, id, kind, goal, description, ignore\n")
    bare = raci("import", sheet, "--into", database, "--column", "item", "--lang", "nl")
    assert bare.err == ("raci: --column item: schrijf VELD=KOP (een kop of de letter van een "
                        "kolom), zoals in --column item=B\n")
    assert not database.exists()


def test_merged_letters_count_for_every_cell_they_cover_and_are_told(
        raci: Raci, tmp_path: Path) -> None:
    rows = [list(row) for row in CHART]
    rows[4] = ["Datakwaliteit", "R", None, None]
    sheet = chart(tmp_path / "chart.xlsx", rows, merged=["B5:D5"])
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [(a.actor, a.letter) for a in model.assignments if a.item == "datakwaliteit"] == [
        ("proceseigenaar", "R"), ("productteam", "R"), ("auditdienst", "R")]
    assert "note: 'RACI AI': merged cell read as its value in each cell it covers: B5:D5 " \
        '"R"; unmerge it if that is not meant\n' in result.err


def test_a_merged_column_of_letters_is_read_whole(raci: Raci, tmp_path: Path) -> None:
    rows = [list(row) for row in CHART]
    for row in rows[4:]:
        row[3] = None  # D4:D7 merged "I": Audit informed of everything
    sheet = chart(tmp_path / "chart.xlsx", rows, merged=["D4:D7"])
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--lang", "nl")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert sorted(a.item for a in model.assignments if a.actor == "auditdienst") == [
        "datakwaliteit", "modelvalidatie", "monitoring", "risicoclassificatie"]
    assert "let op: 'RACI AI': samengevoegde cel gelezen als haar waarde in elke cel die ze " \
        'beslaat: D4:D7 "I";' in result.err


def test_a_merged_unit_in_a_roster_is_every_seats_unit(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "rooster.xlsx", {"Bezetting": [
        ["Overleg", "Naam", "Organisatie"],
        ["Stuurgroep", "Petra Jansen", "Gemeente Utrecht"],
        [None, "Anna de Vries", None],
        [None, "Bram Smit", "Gemeente Zeist"]]}, merged={"Bezetting": ["A2:A4", "C2:C3"]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert {p.name: p.unit for p in model.people.values()} == {
        "Petra Jansen": "gemeente-utrecht", "Anna de Vries": "gemeente-utrecht",
        "Bram Smit": "gemeente-zeist"}
    assert 'merged cells read as their value in each cell they cover: A2:A4 "Stuurgroep", ' \
        'C2:C3 "Gemeente Utrecht";' in result.err


def test_a_header_merged_over_two_actors_is_one_line(raci: Raci, tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    rows = [list(row) for row in CHART]
    rows[2][3] = None
    sheet = chart(tmp_path / "chart.xlsx", rows, merged=["C3:D3"])
    english, in_dutch = refused(raci, database, sheet)
    assert english == (f"{sheet}:'RACI AI'!C3:D3: the header \"Productteam\" is merged over 2 "
                       "columns; "
                       "unmerge it and give each actor's column its own header")
    assert in_dutch.startswith(f"{sheet}:'RACI AI'!C3:D3: de kop \"Productteam\" is samengevoegd "
                               "over 2 "
                               "kolommen")


def test_a_column_of_letters_with_no_header_is_one_line(raci: Raci, tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    rows = [list(row) for row in CHART]
    rows[2][3] = None
    sheet = chart(tmp_path / "chart.xlsx", rows)
    english, in_dutch = refused(raci, database, sheet)
    assert english == (f"{sheet}:'RACI AI'!D3: this column has no header, but cells below it "
                       "are filled (D4:D7); name the actor in the header, or leave the column "
                       "out with --column ignore=D")
    assert in_dutch.startswith(f"{sheet}:'RACI AI'!D3: deze kolom heeft geen kop")
    ignored = raci("import", sheet, "--into", database, "--column", "ignore=D")
    assert ignored.code == 0, ignored.err


def test_sheet_chooses_the_sheets_of_a_workbook(raci: Raci, tmp_path: Path) -> None:
    other = [["Taak", "Wethouder", "Directeur"], ["Begroting", "A", "R"]]
    book = write_workbook(tmp_path / "book.xlsx", {"RACI AI": CHART, "Warmte": other})
    result = raci("import", book, "--into", tmp_path / "org.db", "--sheet", "warmte")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [i.name for i in model.initiatives.values()] == ["Begroting"]
    english, in_dutch = refused(raci, tmp_path / "org.db", book, "--sheet", "Warmt")
    assert english == (f"{book}: --sheet \"Warmt\": no such sheet; did you mean \"Warmte\"? "
                       "The sheets: \"RACI AI\", \"Warmte\"")
    assert in_dutch == (f"{book}: --sheet \"Warmt\": dat blad bestaat niet; bedoel je "
                        "\"Warmte\"? De bladen: \"RACI AI\", \"Warmte\"")
    flat = write_csv(tmp_path / "chart.csv", [["Taak", "Wethouder"], ["Plan", "A"]])
    english, _dutch = refused(raci, tmp_path / "org.db", flat, "--sheet", "Blad1")
    assert english == f"{flat}: --sheet: a CSV file has no sheets; leave --sheet out"


@pytest.mark.parametrize(("layout", "english_start", "dutch_start"), [
    ((), "holds no RACI matrix and no roster: no row in its first 30 rows",
     "bevat geen RACI-matrix en geen bezettingslijst: geen rij in de eerste 30 rijen"),
    (("--layout", "matrix"), "holds no RACI matrix: no row in its first 30 rows",
     "bevat geen RACI-matrix: geen rij in de eerste 30 rijen"),
    (("--layout", "roster"), "holds no roster: no row in its first 30 rows",
     "bevat geen bezettingslijst: geen rij in de eerste 30 rijen"),
])
def test_a_sheet_chosen_without_a_matrix_is_named(raci: Raci, tmp_path: Path,
                                                  layout: tuple[str, ...], english_start: str,
                                                  dutch_start: str) -> None:
    legend = [["Legenda", None], ["R", "Responsible"], ["A", "Accountable"]]
    book = write_workbook(tmp_path / "book.xlsx", {"RACI AI": CHART, "Legenda": legend})
    english, in_dutch = refused(raci, held_model(tmp_path, raci), book, "--sheet", "Legenda",
                                *layout)
    assert english.startswith(f"{book}: sheet Legenda {english_start}"), english
    assert english.endswith("name another sheet with --sheet" if layout == ("--layout", "matrix")
                            else "body=HEADER" if layout else "give --layout and --column")
    assert in_dutch.startswith(f"{book}: blad Legenda {dutch_start}"), in_dutch
    assert "noem een ander blad met --sheet" in in_dutch


def test_a_list_of_people_alone_is_one_body_named_after_the_file(raci: Raci,
                                                                 tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "psrt.csv", [
        ["Adam Turner", "aturner", ""], ["Barry Warsaw", "warsaw", "Admin"],
        ["Petra Jansen", "pjansen", ""]])
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster",
                  "--column", "person=A")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [(b.name, sorted(b.members)) for b in model.bodies.values()] == [
        ("psrt", ["adam-turner", "barry-warsaw", "petra-jansen"])]
    assert 'note: psrt.csv: no body column, so everyone listed has a seat in one body, ' \
        '"psrt"; rename it in the app' in result.err
    assert "columns not read: column B (no header), column C (no header)" in result.err


def test_a_list_of_people_under_a_header_takes_the_title(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": [
        ["Kernteam Warmte"], [None], ["Naam", "Organisatie"], ["Petra Jansen", "BZK"],
        ["Bram Smit", "Zeist"]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [(b.name, len(b.members)) for b in model.bodies.values()] == [
        ("Kernteam Warmte", 2)]
    assert {p.name: p.unit for p in model.people.values()} == {
        "Petra Jansen": "bzk", "Bram Smit": "zeist"}


def test_sections_imported_later_take_goals_off_the_facts_not_recorded(
        raci: Raci, tmp_path: Path) -> None:
    flat = write_csv(tmp_path / "flat.csv", [["Taak", "Team"], ["Plan", "A/R"]])
    assert raci("import", flat, "--into", tmp_path / "org.db").code == 0
    assert "goals" in open_model(str(tmp_path / "org.db")).model.org.not_recorded
    sections = write_csv(tmp_path / "sections.csv", [
        ["Taak", "Team"], ["Voorbereiding", ""], ["Bouw", "A/R"]])
    result = raci("import", sections, "--into", tmp_path / "org.db", "--lang", "nl")
    assert result.code == 0, result.err
    assert "goals" not in open_model(str(tmp_path / "org.db")).model.org.not_recorded
    assert "let op: nu vastgelegd: doelen (van de lijst van niet vastgelegde feiten gehaald; " \
        "de regels die ze nodig hebben, draaien weer)" in result.err
    assert "die nu" in result.out


def test_facts_not_recorded_are_said_in_words(raci: Raci, tmp_path: Path) -> None:
    sheet = chart(tmp_path / "chart.xlsx")
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--lang", "nl")
    assert result.code == 0, result.err
    assert "let op: voortaan niet vastgelegd: voorzitters, rolhouders, succescriteria, " \
        "indicatoren, doelen, vergaderfrequentie (het blad legt die niet vast;" in result.err


def test_an_actor_named_twice_is_one_line_not_one_per_cell(raci: Raci,
                                                           tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    rows = [[*row, letter] for row, letter in zip(CHART, [None, None, "productteam", "C",
                                                          "I", "R", "C"], strict=True)]
    sheet = chart(tmp_path / "chart.xlsx", rows)
    english, in_dutch = refused(raci, database, sheet)
    assert english == (f"{sheet}:'RACI AI'!E3: \"productteam\": names the same actor as "
                       f"{sheet}:'RACI AI'!C3; give each actor one column")
    assert in_dutch == (f"{sheet}:'RACI AI'!E3: \"productteam\": noemt dezelfde actor als "
                        f"{sheet}:'RACI AI'!C3; geef elke actor één kolom")


@pytest.mark.parametrize(("rows", "options", "where"), [
    ([["Taak", "Team", "Raad"], ["Plan", "A", "R"], ["Bouw", "x", "A"]], (),
     "Matrix!B3"),  # a bad letter
    ([["Taak", "Team", "Raad"], ["Plan", "A", "R"], ["Bouw", dt.date(2026, 1, 2), "A"]], (),
     "Matrix!B3"),  # a date
    ([["Taak", "Team"], ["Plan", "A"]], ("--strict",), "Matrix!B1"),  # an unknown actor
    ([["Naam", "Soort", "Doel", "Team"], ["G1", "doel", "G2", "A"], ["G2", "doel", "G1", "A"]],
     (), "goal g1"),  # the model's own check: a cycle of goals
    (CHART, ("--column", "item=Z"), "Matrix: --column item=Z"),
], ids=["letter", "date", "strict", "cycle", "column"])
def test_every_refusal_of_a_workbook_names_the_file(raci: Raci, tmp_path: Path,
                                                    rows: list[list[object]],
                                                    options: tuple[str, ...], where: str) -> None:
    database = held_model(tmp_path, raci)
    sheet = write_workbook(tmp_path / "werkmap.xlsx", {"Matrix": rows})
    english, in_dutch = refused(raci, database, sheet, *options)
    for said in (english, in_dutch):
        assert said.startswith(f"{sheet}:"), said
    assert where in english


@pytest.mark.parametrize(("option", "layout", "english", "dutch"), [
    ("body=Activiteit", (), "\"body\" is a field of a roster, but the file is read as a RACI "
     "matrix (it holds R, A, C and I cells under a header of names); to read it as a roster, "
     "give --layout roster",
     "\"body\" is een veld van een bezettingslijst, maar het bestand wordt gelezen als "
     "RACI-matrix (het bevat cellen met R, A, C en I onder een kop met namen); geef --layout "
     "roster om het als bezettingslijst te lezen"),
    ("person=B", ("--layout", "matrix"), "\"person\" is a field of a roster, but the file is "
     "read as a RACI matrix (--layout matrix); to read it as a roster, give --layout roster",
     "\"person\" is een veld van een bezettingslijst, maar het bestand wordt gelezen als "
     "RACI-matrix (--layout matrix); geef --layout roster om het als bezettingslijst te lezen"),
])
def test_a_roster_field_on_a_matrix_suggests_the_roster_layout(
        raci: Raci, tmp_path: Path, option: str, layout: tuple[str, ...], english: str,
        dutch: str) -> None:
    database = held_model(tmp_path, raci)
    sheet = chart(tmp_path / "chart.xlsx")
    said = refused(raci, database, sheet, "--column", option, *layout)
    assert said == (f"{sheet}: --column {option}: {english}",
                    f"{sheet}: --column {option}: {dutch}")


def test_a_matrix_field_on_a_roster_suggests_the_matrix_layout(raci: Raci,
                                                              tmp_path: Path) -> None:
    database = held_model(tmp_path, raci)
    sheet = write_csv(tmp_path / "leden.csv", [["Overleg", "Naam"], ["Stuurgroep", "Petra"]])
    english, _dutch = refused(raci, database, sheet, "--column", "item=Naam")
    assert english == (f"{sheet}: --column item=Naam: \"item\" is a field of a RACI matrix, but "
                       "the file is read as a roster (it has a person column and no RACI "
                       "letters); to read it as a matrix, give --layout matrix")


def test_a_model_file_with_many_problems_is_told_in_a_screenful(raci: Raci,
                                                                tmp_path: Path) -> None:
    model = tmp_path / "org.yaml"
    model.write_text("raci: 1\norg: {name: X}\nunits:\n"
                     + "".join(f"  - {{id: u{n}, name: U, colour: red}}\n" for n in range(250)),
                     encoding="utf-8")
    result = raci("import", model, "--into", tmp_path / "org.db")
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 201
    assert lines[-1] == f"{model}: and 50 more problems; nothing was written"
    assert all(line.startswith(f"{model}:") for line in lines)
