"""`raci import` of RACI matrices from .xlsx and CSV, as a designer brings them in."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci
from hypothesis import given, settings
from hypothesis import strategies as st
from workbooks import give_cached_values, write_csv, write_plain_workbook, write_workbook

from raci.source import open_model

MESSY = {
    "Matrix": [
        ["RACI-matrix Programma Warmtetransitie", None, None, None, None, None, None],
        ["versie 0.3, concept", None, None, None, None, None, None],
        [None, None, None, "Rijk", None, "Regio", None],
        ["Nr", "Activiteit", "Doel", "Opdrachtgever", "Kwartiermaker", "Wethouder Wonen",
         None],
        [None, None, None, None, None, None, None],
        [None, "Voorbereiding", None, None, None, None, None],
        ["1.1", "Startnotitie opstellen", None, "A", "r", "c", None],
        ["1.2", "Business case", None, " A/R ", None, "i", None],
        [None, None, None, None, None, None, None],
        [None, "Uitvoering", None, None, None, None, None],
        ["2.1", "Wijkaanpak", "Aardgasvrije wijken", "r,a", "C", "I", None],
        [None, "Subsidieregeling", None, "AR", "R", None, None],
    ],
}
"""Two title rows, a band of organisations merged over the actors, the
actors' header, the item column's header merged down (G4 is the sixth
actor, merged down from G3: "Provincie"), a blank row, two sections."""


def messy_workbook(path: Path) -> Path:
    rows = [list(row) for row in MESSY["Matrix"]]
    rows[2][6] = "Gedeputeerde"
    return write_workbook(path, {"Matrix": rows},
                          merged={"Matrix": ["A1:G1", "D3:E3", "G3:G4"]})


def test_a_messy_workbook_imports_with_sections_as_goals(raci: Raci, tmp_path: Path) -> None:
    sheet = messy_workbook(tmp_path / "matrix.xlsx")
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert model.org.name == "RACI-matrix Programma Warmtetransitie"
    assert [(r.id, r.name) for r in model.roles.values()] == [
        ("opdrachtgever", "Opdrachtgever"), ("kwartiermaker", "Kwartiermaker"),
        ("wethouder-wonen", "Wethouder Wonen"), ("gedeputeerde", "Gedeputeerde")]
    assert {g.id: (g.name, g.parent) for g in model.goals.values()} == {
        "voorbereiding": ("Voorbereiding", None), "uitvoering": ("Uitvoering", None),
        "aardgasvrije-wijken": ("Aardgasvrije wijken", None)}
    assert {i.id: (i.name, i.goals) for i in model.initiatives.values()} == {
        "1.1": ("Startnotitie opstellen", ["voorbereiding"]),
        "1.2": ("Business case", ["voorbereiding"]),
        "2.1": ("Wijkaanpak", ["aardgasvrije-wijken"]),
        "subsidieregeling": ("Subsidieregeling", ["uitvoering"])}
    cells = {(a.item, a.actor, a.letter) for a in model.assignments}
    assert cells == {
        ("1.1", "opdrachtgever", "A"), ("1.1", "kwartiermaker", "R"),
        ("1.1", "wethouder-wonen", "C"),
        ("1.2", "opdrachtgever", "A"), ("1.2", "opdrachtgever", "R"),
        ("1.2", "wethouder-wonen", "I"),
        ("2.1", "opdrachtgever", "A"), ("2.1", "opdrachtgever", "R"),
        ("2.1", "kwartiermaker", "C"), ("2.1", "wethouder-wonen", "I"),
        ("subsidieregeling", "opdrachtgever", "A"), ("subsidieregeling", "opdrachtgever", "R"),
        ("subsidieregeling", "kwartiermaker", "R")}
    assert "4 actors not in the model became roles: Opdrachtgever, Kwartiermaker, " \
        "Wethouder Wonen, Gedeputeerde" in result.err
    assert model.org.not_recorded == ["chairs", "holders", "success_criteria", "indicators",
                                      "cadence"]


def test_every_bad_cell_is_named_at_once_and_nothing_is_written(raci: Raci,
                                                                 tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Activiteit", "PO", "Architect", "Team"],
        ["Plan", "A", "C/I", "R"],
        ["Bouw", "X", "RR", 3],
        ["Test", dt.date(2026, 1, 31), "A", "R/A/C"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Matrix!C2: "C/I": one actor holds one letter per item (A with R is the only '
        'pair); '
        "Consulted already implies Informed",
        f'{sheet}:Matrix!B3: "X": not a RACI letter; write R, A, C or I, or A/R for the owner who '
        'also '
        "does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!C3: "RR": a letter is written twice; write each letter once',
        f'{sheet}:Matrix!D3: "3": not a RACI letter; write R, A, C or I, or A/R for the owner who '
        'also '
        "does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!B4: "2026-01-31": not a RACI letter; write R, A, C or I, or A/R for the '
        'owner '
        "who also does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!D4: "R/A/C": one actor holds one letter per item (A with R is the only '
        'pair); '
        "a Responsible or Accountable is already consulted and informed",
    ]
    assert not (tmp_path / "org.db").exists()


def test_a_csv_cell_is_named_by_file_and_cell(raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "matrix.csv", [
        ["Activiteit", "PO", "Architect"], ["Plan", "A", "C/I"]], separator=";",
        encoding="cp1252")
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err.startswith(f'{sheet}:C2: "C/I": one actor holds one letter')


def test_a_dutch_excel_csv_reads_semicolons_and_windows_accents(raci: Raci,
                                                                  tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "matrix.csv", [
        ["Activiteit", "Directeur Financiën", "Cliënt"], ["Begroting", "A/R", "I"]],
        separator=";", encoding="cp1252")
    assert raci("import", sheet, "--into", tmp_path / "org.db").code == 0
    model = open_model(str(tmp_path / "org.db")).model
    assert [r.name for r in model.roles.values()] == ["Directeur Financiën", "Cliënt"]
    assert model.letters_of("begroting", "directeur-financien") == ("A", "R")


def test_several_sheets_are_programme_areas(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {
        "Wonen": [["Activiteit", "Wethouder", "Ambtenaar"], ["Kaders", None, None],
                  ["Woonvisie", "A", "R"]],
        "Legenda": [["R = Responsible"], ["A = Accountable"]],
        "Energie": [["Activiteit", "wethouder ", "Netbeheerder"], ["Warmtenet", "A", "C"]],
    })
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert {g.id: g.parent for g in model.goals.values()} == {
        "wonen": None, "kaders": "wonen", "energie": None}
    assert model.initiatives["woonvisie"].goals == ["kaders"]
    assert model.initiatives["warmtenet"].goals == ["energie"]
    assert list(model.roles) == ["wethouder", "ambtenaar", "netbeheerder"]
    assert "sheet Legenda holds no RACI matrix; not read" in result.err
    assert "goals" not in model.org.not_recorded


def test_actors_match_by_name_or_id_and_cells_update(raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    model_file = tmp_path / "org.yaml"
    model_file.write_text(
        "raci: 1\norg: {name: Gemeente}\n"
        "people: [{id: p.jansen, name: Pétra Jansen}]\n"
        "roles: [{id: dg, name: Directeur Generaal, holders: [p.jansen]}]\n"
        "bodies: [{id: sg, name: Stuurgroep, kind: steering_group, chair: dg, members: [dg]}]\n"
        "initiatives:\n"
        "  - {id: plan, name: Plan, raci: {A: dg, C: [sg]}}\n"
        "  - {id: bouw, name: Bouw, raci: {A: sg}}\n", encoding="utf-8")
    assert raci("import", model_file, "--into", database).code == 0
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"M": [
        ["Item", "directeur  generaal", "PETRA JANSEN", "sg", "Kwartiermaker"],
        ["Plan", "R/A", "C", None, None],
        ["Nieuw", "A", None, None, "R"],
    ]})
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    model = open_model(str(database)).model
    assert model.letters_of("plan", "dg") == ("A", "R")
    assert model.letters_of("plan", "p.jansen") == ("C",)
    assert model.letters_of("plan", "sg") == ("C",)  # a blank cell keeps what was there
    assert model.letters_of("bouw", "sg") == ("A",)
    assert model.letters_of("nieuw", "kwartiermaker") == ("R",)
    assert "1 actor not in the model became a role: Kwartiermaker" in result.err
    # the model records chairs and holders; its initiatives and bodies were the user's
    # before the sheet came (their success criteria, goals and cadence too): only
    # indicators, of goals the sheet brings all of (none), are marked as not recorded
    assert model.org.not_recorded == ["indicators"]

    assert raci("import", sheet, "--into", database, "--replace").code == 0
    replaced = open_model(str(database)).model
    assert replaced.letters_of("plan", "sg") == ()
    assert replaced.letters_of("bouw", "sg") == ()
    assert replaced.letters_of("plan", "dg") == ("A", "R")
    assert "bouw" in replaced.initiatives  # --replace replaces letters, never entities


def test_strict_refuses_unknown_actors_at_their_header(raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    assert raci("new", database, "--name", "Leeg").code == 0
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Item", "Regiegroep", "Ambtenaar"], ["Plan", "A", "R"]]})
    result = raci("import", sheet, "--into", database, "--strict")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Matrix!B1: "Regiegroep": no role, body or person of this name or id in the model '
        "(--strict); add it first, or leave out --strict",
        f'{sheet}:Matrix!C1: "Ambtenaar": no role, body or person of this name or id in the model '
        "(--strict); add it first, or leave out --strict"]
    assert len(open_model(str(database)).model) == 0


def test_kind_and_goal_columns_and_the_kind_option(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Id", "Soort", "Doel", "Naam", "Omschrijving", "Minister", "DG"],
        ["g1", "doel", None, "Klimaatneutraal", None, "A", None],
        ["g2", "Doel", "Klimaatneutraal", "CO2 -55%", None, None, "A"],
        ["b1", "besluit", "g2; Klimaatneutraal", "Heffing vaststellen", "In het voorjaar",
         "A", "C"],
        [None, None, "g2", "Programma Isolatie", None, None, "A/R"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--kind", "initiative")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert model.goals["g2"].parent == "g1"
    assert model.decisions["b1"].about == ["g2", "g1"]
    assert model.decisions["b1"].description == "In het voorjaar"
    assert model.initiatives["programma-isolatie"].goals == ["g2"]


def test_bad_kinds_goals_and_names_are_named(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Soort", "Doel", "Naam", "Minister", "Status", "Opmerkingen"],
        ["project", None, "Plan", "A", "loopt", "zie notitie"],
        ["soep", None, "Bouw", "A", None, None],
        ["indicator", "Plan", "Aantal woningen", "A", None, None],
        [None, None, None, "R", None, None],
        ["initiatief", "Plan", "Sloop", "A", "nog bespreken", None],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Matrix!E2: "loopt": not a RACI letter; write R, A, C or I, or A/R for the owner '
        "who also does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!A3: "soep": not a kind of item; write goal, initiative, decision or '
        'indicator '
        "(or doel, initiatief, besluit, indicator)",
        f'{sheet}:Matrix!C5: this row has letters but no item name; name the item',
        f'{sheet}:Matrix!E6: "nog bespreken": not a RACI letter; write R, A, C or I, or A/R for '
        'the '
        "owner who also does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!E1: "Status": this column holds no RACI letter; if it is not an actor, '
        'say what it holds with --column item="Status" (the items\' names) or --column '
        'goal="Status" (their goals), or leave it out with --column ignore="Status"',
        f'{sheet}:Matrix!A4: "Aantal woningen": an indicator needs its type and what it measures: '
        'add '
        "it to the model first (raci add MODEL kpi ...), then import the sheet",
        f'{sheet}:Matrix!B6: "Plan": plan is an initiative; name a goal',
    ]
    fixed = raci("import", sheet, "--into", tmp_path / "org.db", "--column", "ignore=Status")
    assert fixed.code == 2
    assert "Status" not in fixed.err
    assert len(fixed.err.splitlines()) == 4


def test_a_column_named_by_option_and_the_same_actor_twice(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Fase", "Taak", "Minister", "DG", "minister"],
        ["1", "Plan", "A", "R", None],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--column", "item=Taak")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Matrix!E1: "minister": names the same actor as {sheet}:Matrix!C1; give each '
        "actor one column"]
    assert "note: Matrix!A1: column \"Fase\" not read" in raci(
        "import", sheet, "--into", tmp_path / "org.db", "--column", "item=Taak",
        "--column", "ignore=E").err


def test_formulas_give_their_cached_values_never_evaluated(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Item", "PO", "Team"], ['=UPPER("plan")', '=CONCAT("C","I")', "R"]]})
    give_cached_values(sheet, 1, {"A2": "Begroting", "B2": "A/R"})
    assert raci("import", sheet, "--into", tmp_path / "org.db").code == 0
    model = open_model(str(tmp_path / "org.db")).model
    assert [i.name for i in model.initiatives.values()] == ["Begroting"]
    assert model.letters_of("begroting", "po") == ("A", "R")


@pytest.mark.parametrize(("name", "content", "error"), [
    ("matrix.xlsx", b"Activiteit,PO\nPlan,A\n",
     "matrix.xlsx: not an Excel workbook, or a damaged one; save it from Excel as .xlsx, or "
     "as CSV"),
    ("matrix.xlsx", b"", "matrix.xlsx: the file is empty"),
    ("matrix.csv", b"", "matrix.csv: the file is empty"),
    ("matrix.csv", b"Plan\x00\x01\x02,A\n", "matrix.csv: line 1 holds a NUL character, so this "
     "is not a text file; save it as CSV from a spreadsheet program"),
    ("matrix.csv", b"Begroting 2026\nZie bijlage\n",
     "matrix.csv: no header found: no row in the first 30 rows of any sheet names the "
     "actors above R, A, C or I cells (a matrix), nor a body and a person column (a roster); "
     "give --layout and --column"),
    ("matrix.xls", b"\xd0\xcf\x11\xe0", "matrix.xls: an Excel 97-2003 workbook (.xls); save "
     "it as .xlsx (Excel Workbook) or CSV"),
])
def test_hostile_files_get_one_line_and_nothing_is_written(
        raci: Raci, tmp_path: Path, name: str, content: bytes, error: str) -> None:
    (tmp_path / name).write_bytes(content)
    result = raci("import", tmp_path / name, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err == error.replace(name, str(tmp_path / name), 1) + "\n"
    assert "Traceback" not in result.err
    assert not (tmp_path / "org.db").exists()


def test_a_zip_that_is_no_workbook_is_refused(raci: Raci, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "matrix.xlsx", "w") as archive:
        archive.writestr("readme.txt", "hallo")
    result = raci("import", tmp_path / "matrix.xlsx", "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err == f"{tmp_path / 'matrix.xlsx'}: not an Excel workbook, or a damaged " \
        "one; save it from Excel as .xlsx, or as CSV\n"
    in_dutch = raci("import", tmp_path / "matrix.xlsx", "--into", tmp_path / "org.db",
                    "--lang", "nl")
    assert in_dutch.code == 2
    assert in_dutch.err == f"{tmp_path / 'matrix.xlsx'}: geen Excel-werkmap, of een " \
        "beschadigde; sla hem in Excel op als .xlsx, of als CSV\n"


def test_a_workbook_of_empty_sheets_is_called_empty(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leeg.xlsx", {"Leeg": [], "Blad 2": [[None, None]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err == f"{sheet}: sheets Leeg, 'Blad 2' are empty; fill one in with a RACI " \
        "matrix (the actors' names above R, A, C or I cells) or a roster (a body and a person " \
        "column), or import another file\n"
    assert not (tmp_path / "org.db").exists()


def test_a_hundred_thousand_rows_are_streamed_to_the_last_bad_cell(tmp_path: Path) -> None:
    from raci.errors import ModelFileError
    from raci.importing import ImportOptions, import_file

    rows = [["Activiteit", "PO"], *([f"Taak {n}", "A"] for n in range(2, 100_001)),
            ["Laatste", "Q"]]
    write_plain_workbook(tmp_path / "big.xlsx", "Matrix", rows)
    seen: list[str] = []

    def progress(label: str, total: int | None) -> object:
        seen.append(f"{label} {total}")
        return lambda: seen.append("")

    with pytest.raises(ModelFileError) as refused:
        import_file(tmp_path / "big.xlsx", str(tmp_path / "org.db"),
                    ImportOptions(progress=progress))  # type: ignore[arg-type]
    assert refused.value.problems == [
        f'{tmp_path / "big.xlsx"}:Matrix!B100001: "Q": not a RACI letter; write R, A, C or I, '
        "or A/R for the owner who also does the work; leave the cell empty if there is no role"]
    assert seen[0] == "reading Matrix 100001"
    assert seen[1:] == [""] * 100_000 + ["matching and writing None"]  # a tick per row
    assert not (tmp_path / "org.db").exists()


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(max_codepoint=0x7f), max_size=80))
def test_a_plain_name_gets_the_slug_slugify_gives(name: str) -> None:
    from slugify import slugify

    from raci.model.naming import ID_LENGTH, slug

    assert slug(name) == slugify(name, max_length=ID_LENGTH, word_boundary=True)


def test_a_sheet_imports_into_either_database_in_one_change(raci: Raci, tmp_path: Path,
                                                             store_url: str) -> None:
    assert raci("new", store_url, "--name", "Gemeente").code == 0
    first = write_workbook(tmp_path / "a.xlsx", {"Matrix": [
        ["Activiteit", "Wethouder", "Ambtenaar"], ["Woonvisie", "A", "R"]]})
    second = write_workbook(tmp_path / "b.xlsx", {"Matrix": [
        ["Activiteit", "wethouder", "Netbeheerder"], ["Woonvisie", "A/R", "C"]]})
    assert raci("import", first, "--into", store_url).code == 0
    assert raci("import", second, "--into", store_url).code == 0
    model = open_model(store_url).model
    assert model.org.name == "Gemeente"
    assert {(a.item, a.letter, a.actor) for a in model.assignments} == {
        ("woonvisie", "A", "wethouder"), ("woonvisie", "R", "wethouder"),
        ("woonvisie", "R", "ambtenaar"), ("woonvisie", "C", "netbeheerder")}
    refused = write_workbook(tmp_path / "c.xlsx", {"Matrix": [
        ["Activiteit", "Wethouder"], ["Woonvisie", "I"], ["Nieuw", "C/I"]]})
    assert raci("import", refused, "--into", store_url).code == 2
    assert open_model(store_url).model.letters_of("woonvisie", "wethouder") == ("A", "R")


def test_an_id_the_sheet_gives_is_never_made_for_a_section(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Id", "Activiteit", "PO"], [None, "Plan", None], ["plan", "Plan maken", "A"]]})
    assert raci("import", sheet, "--into", tmp_path / "org.db").code == 0
    model = open_model(str(tmp_path / "org.db")).model
    assert {g.id: g.name for g in model.goals.values()} == {"plan-2": "Plan"}
    assert model.initiatives["plan"].goals == ["plan-2"]


def test_excels_sep_line_says_the_separator(raci: Raci, tmp_path: Path) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_text("sep=|\nActiviteit|PO, DG|Team\nPlan|A|X\n", encoding="utf-8")
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.err.splitlines()[0].startswith(f'{sheet}:C2: "X": not a RACI letter')


NAMES_HEADERS = ["Omschrijving", "Beschrijving", "Naam", "Taak", "Activiteit", "Description",
                 "Task", "Activity", "Deliverable"]


@pytest.mark.parametrize("header", NAMES_HEADERS)
def test_a_usual_names_header_names_the_items_and_no_letter_is_lost(
        raci: Raci, tmp_path: Path, header: str) -> None:
    sheet = write_csv(tmp_path / "t.csv", [
        ["Id", header, "Gedeputeerde Energie", "Netstrateeg"], ["X1", "Iets", "A", "R"]])
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [(i.id, i.name) for i in model.initiatives.values()] == [("X1", "Iets")]
    assert {(a.actor, a.letter) for a in model.assignments} == {
        ("gedeputeerde-energie", "A"), ("netstrateeg", "R")}


def test_a_names_header_is_found_after_a_column_of_other_text(raci: Raci,
                                                              tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [
        ["Kenmerk", "Taak", "Omschrijving", "Wethouder"], ["1", "Plan", "eerst", "A"]])
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert 'note: t.csv:A1: column "Kenmerk" not read' in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [(i.name, i.description) for i in model.initiatives.values()] == [("Plan", "eerst")]
    assert model.letters_of("plan", "wethouder") == ("A",)


def test_a_column_of_letters_is_never_the_names_column(raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    assert raci("import", SAMPLE, "--into", database).code == 0
    before = open_model(str(database)).model
    sheet = write_csv(tmp_path / "t.csv", [
        ["Id", "Gedeputeerde Energie", "Netstrateeg"], ["X1", "A", "R"]])
    result = raci("import", sheet, "--into", database)
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:B1: "Gedeputeerde Energie" holds RACI letters, so it is not the column of the '
        "items' names, and no column left of it is; say which column names the items with "
        "--column item=HEADER"]
    after = open_model(str(database)).model
    assert (len(after), after.assignments) == (len(before), before.assignments)
    named = raci("import", sheet, "--into", database, "--column", "item=Id")
    assert named.code == 0, named.err
    assert open_model(str(database)).model.letters_of("x1", "netstrateeg") == ("R",)


def test_letters_left_of_the_names_column_are_refused_not_dropped(raci: Raci,
                                                                  tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "t.csv", [
        ["Id", "Gedeputeerde Energie", "Netstrateeg", "Omschrijving"], ["X1", "A", "R", "Iets"]])
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err.startswith(f'{sheet}:B1: "Gedeputeerde Energie" holds RACI letters, so it')
    named = raci("import", sheet, "--into", tmp_path / "org.db", "--column", "item=Omschrijving")
    assert named.code == 2
    assert named.err.splitlines() == [
        f'{sheet}:B1: "Gedeputeerde Energie": this column holds RACI letters but is left of the '
        f"items' names ({sheet}:D1); move the names column left of the actors",
        f'{sheet}:C1: "Netstrateeg": this column holds RACI letters but is left of the '
        f"items' names ({sheet}:D1); move the names column left of the actors"]
    assert not (tmp_path / "org.db").exists()


def test_a_reimported_item_stands_under_its_section_as_a_first_import_puts_it(
        raci: Raci, tmp_path: Path) -> None:
    """Sections added to a sheet already imported, and a row moved from one
    section to another, put the items where the sheet shows them; a goal
    given elsewhere (the app, a model file) stays."""
    database = tmp_path / "org.db"
    flat = write_csv(tmp_path / "flat.csv", [["Taak", "Team"], ["Plan", "A/R"], ["Bouw", "R"]])
    assert raci("import", flat, "--into", database).code == 0
    assert raci("add", database, "goal", "g.extra", "--name", "Elders gezet").code == 0
    assert raci("set", database, "plan", "goals=g.extra").code == 0
    sections = write_csv(tmp_path / "sections.csv", [
        ["Taak", "Team"], ["Voorbereiding", ""], ["Plan", "A/R"], ["Uitvoering", ""],
        ["Bouw", "R"]])
    result = raci("import", sections, "--into", database)
    assert result.code == 0, result.err
    assert "note: 2 items already in the model put under the goals the sheet gives them: " \
        "Plan, Bouw\n" in result.err
    model = open_model(str(database)).model
    assert model.initiatives["plan"].goals == ["g.extra", "voorbereiding"]
    assert model.initiatives["bouw"].goals == ["uitvoering"]
    moved = write_csv(tmp_path / "moved.csv", [
        ["Taak", "Team"], ["Voorbereiding", ""], ["Plan", "A/R"], ["Bouw", "R"],
        ["Uitvoering", ""], ["Oplevering", "R"]])
    result = raci("import", moved, "--into", database, "--lang", "nl")
    assert result.code == 0, result.err
    model = open_model(str(database)).model
    assert model.initiatives["plan"].goals == ["g.extra", "voorbereiding"]
    assert model.initiatives["bouw"].goals == ["voorbereiding"]
    assert "let op: 1 item dat al in het model stond, onder de doelen gezet die het blad het " \
        "geeft: Bouw\n" in result.err
    again = raci("import", moved, "--into", database)
    assert "already in the model" not in again.err


def test_columns_named_as_bodies_become_bodies_of_their_kind(raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    sheet = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Taak", "Stuurgroep Warmte", "Programmaraad", "Regiegroep Wijken", "Overleg Directeuren",
         "Auditcommissie", "Taskforce Netcongestie", "Crisisteam", "Voorzitter stuurgroep",
         "Wethouder", "Raadslid"],
        ["Plan", "A", "C", "C", "C", "I", "R", "I", "C", "R", "I"],
    ]})
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    model = open_model(str(database)).model
    assert {b.name: b.kind for b in model.bodies.values()} == {
        "Stuurgroep Warmte": "steering_group", "Programmaraad": "programme_board",
        "Regiegroep Wijken": "steering_group", "Overleg Directeuren": "other",
        "Auditcommissie": "committee", "Taskforce Netcongestie": "taskforce",
        "Crisisteam": "crisis_team"}
    # a chair of a body, a member of the council: people's roles, though a body is named
    assert sorted(r.name for r in model.roles.values()) == [
        "Raadslid", "Voorzitter stuurgroep", "Wethouder"]
    assert model.letters_of("plan", "stuurgroep-warmte") == ("A",)
    assert "note: 7 actors not in the model became bodies, as their names say: Stuurgroep " \
        "Warmte (stuurgroep-warmte, steering group), Programmaraad (programmaraad, programme " \
        "board), " in result.err
    assert "seat their members with a roster (--layout roster); if one is a role, remove it " \
        "(raci rm MODEL ID --force), add the role (raci add MODEL role ID --name NAME) and " \
        "import again\n" in result.err
    assert "note: 3 actors not in the model became roles: Voorzitter stuurgroep, Wethouder, " \
        "Raadslid\n" in result.err

    # the way out the note gives: the role, added first, is what the column names
    other = tmp_path / "other.db"
    assert raci("new", other).code == 0
    assert raci("add", other, "role", "overleg-directeuren", "--name",
                "Overleg Directeuren").code == 0
    assert raci("import", sheet, "--into", other).code == 0
    again = open_model(str(other)).model
    assert "overleg-directeuren" in again.roles
    assert "Overleg Directeuren" not in {b.name for b in again.bodies.values()}
    assert again.letters_of("plan", "overleg-directeuren") == ("C",)


@pytest.mark.parametrize(("name", "body"), [
    ("Stuurgroep RES Noordkust", True), ("Bestuurlijk overleg", True), ("Ketenoverleg", True),
    ("Raad van Bestuur", True), ("Gemeenteraad", True), ("MT Sociaal Domein", True),
    ("Gedeputeerde Staten", True), ("Steering Committee", True), ("Task Force X", True),
    ("Change Advisory Board", True), ("Comité de direction", True),
    ("Voorzitter stuurgroep", False), ("Secretaris commissie", False), ("Raadslid", False),
    ("Lid stuurgroep", False), ("Projectleider werkgroep", False), ("Board Member", False),
    ("Steering Committee Chair", False), ("Gedeputeerde Energie", False),
    ("DevOps Team", False), ("AI Governance", False), ("Portefeuillehouder", False),
    ("Smt. Jansen", False), ("Directeur-generaal", False),
])
def test_a_name_says_whether_it_is_a_bodys(name: str, body: bool) -> None:
    from raci.model.naming import names_a_body

    assert names_a_body(name) is body


def test_importing_raci_s_own_export_again_changes_nothing(raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    model_file = tmp_path / "org.yaml"
    model_file.write_text(
        "raci: 1\norg: {name: Waterschap, not_recorded: [chairs, cadence, indicators]}\n"
        "people: [{id: jan, name: Jan}]\n"
        "roles: [{id: dg, name: Dijkgraaf, holders: [jan]}, {id: ah, name: Afdelingshoofd}]\n"
        "bodies: [{id: sg, name: Stuurgroep Droogte, kind: steering_group, members: [dg, ah]}]\n"
        "initiatives:\n"
        "  - {id: verbod, name: Beregeningsverbod, raci: {A: dg, R: [ah], I: [sg]}}\n"
        "  - {id: monitor, name: Droogtemonitor, raci: {A: ah, R: [sg]}}\n",
        encoding="utf-8")
    assert raci("import", model_file, "--into", database).code == 0
    before = open_model(str(database)).model
    findings = raci("lint", database, "--fail-on", "never").out
    assert "STR005" in findings and "STR002" in findings  # lint runs them: recorded
    assert raci("export", database, "-o", tmp_path / "review.xlsx").code == 0
    result = raci("import", tmp_path / "review.xlsx", "--into", database)
    assert result.code == 0, result.err
    assert "not recorded from now on" not in result.err
    after = open_model(str(database)).model
    assert after.org.not_recorded == ["chairs", "cadence", "indicators"]  # as declared
    assert after == before
    assert raci("lint", database, "--fail-on", "never").out == findings


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_an_excel_workbook_under_another_name_is_read_as_one_with_a_note(
        raci: Raci, tmp_path: Path, suffix: str) -> None:
    """Its first bytes say what it is (a zip holding xl/): read, and told to rename it."""
    sheet = write_workbook(tmp_path / "plan.xlsx", {"Matrix": [["Activiteit", "PO"],
                                                               ["Plan", "A"]]})
    renamed = sheet.rename(tmp_path / f"plan{suffix}")
    result = raci("import", renamed, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert result.err.startswith(f"note: {renamed}: an Excel workbook (.xlsx) named {suffix}; "
                                 "read as one: rename it to .xlsx\n")
    dutch = raci("--lang", "nl", "import", renamed, "--into", tmp_path / "nl.db")
    assert dutch.err.startswith(f"let op: {renamed}: een Excel-werkmap (.xlsx) met {suffix} "
                                "als extensie; als werkmap gelezen: geef het bestand de "
                                "extensie .xlsx\n")
    assert "plan" in {item.name.lower() for item in open_model(str(tmp_path / "org.db")).model
                      .initiatives.values()}


@pytest.mark.parametrize(("name", "make", "error"), [
    ("plan.ods", "xls", "an Excel 97-2003 workbook (.xls), named .ods; save it as .xlsx "
     "(Excel Workbook) or CSV"),
    ("plan.xlsx", "xls", "an Excel 97-2003 workbook (.xls), named .xlsx; save it as .xlsx "
     "(Excel Workbook) or CSV"),
    ("plan.xls", "ods", "an OpenDocument spreadsheet (.ods), named .xls; save it as .xlsx "
     "(Excel Workbook) or CSV"),
    ("plan.xlsx", "ods", "an OpenDocument spreadsheet (.ods), named .xlsx; save it as .xlsx "
     "(Excel Workbook) or CSV"),
])
def test_a_spreadsheet_is_told_what_it_is_by_its_first_bytes_not_its_name(
        raci: Raci, tmp_path: Path, name: str, make: str, error: str) -> None:
    path = tmp_path / name
    if make == "xls":
        path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", "<office:document-content/>")
    result = raci("import", path, "--into", tmp_path / "org.db")
    assert (result.code, result.err) == (2, f"{path}: {error}\n")
    assert not (tmp_path / "org.db").exists()
