"""`raci import` of what a real workbook holds around its table: a legend and
a totals row under it, a task column next to a process column, headers typed
over two lines."""

from __future__ import annotations

from pathlib import Path

from conftest import Raci
from workbooks import give_cached_values, write_workbook

from raci.source import open_model

KCC = [
    ["RACI Dienstverlening KCC"],
    ["Activiteit", "Manager KCC", "Klantcontactmedewerker", "Teamleider Front Office"],
    ["Telefonie", None, None, None],
    ["Telefonie inrichten", "A", "R", "C"],
    ["Klachtafhandeling", "A", "R", "R"],
    [None],
    ["Legenda:"],
    ["R = Responsible (voert uit)"],
    ["A = Accountable (eindverantwoordelijk)"],
]


def test_a_legend_under_the_table_is_no_goal_and_is_told(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "kcc.xlsx", {"Matrix": KCC})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [g.name for g in model.goals.values()] == ["Telefonie"]
    assert len(model.initiatives) == 2
    assert "Matrix: the table ends at row 7, a legend of the letters; row 7 and the rows " \
        "under it are not read" in result.err


def test_a_totals_row_ends_the_table_with_or_without_cached_numbers(raci: Raci,
                                                                    tmp_path: Path) -> None:
    totals = ["Totaal", "=COUNTA(B3:B5)", "=COUNTA(C3:C5)", "=COUNTA(D3:D5)"]
    for cached in (True, False):
        sheet = write_workbook(tmp_path / f"t{cached}.xlsx", {"Matrix": [*KCC[:5], totals]})
        if cached:
            give_cached_values(sheet, 1, {"B6": "2", "C6": "2", "D6": "2"})
        database = tmp_path / f"t{cached}.db"
        result = raci("import", sheet, "--into", database)
        assert result.code == 0, result.err
        model = open_model(str(database)).model
        assert [g.name for g in model.goals.values()] == ["Telefonie"]
        assert sorted(i.name for i in model.initiatives.values()) == [
            "Klachtafhandeling", "Telefonie inrichten"]
        told = "the table ends at row 6, a row of numbers" if cached else "row 6 under the table"
        assert told in result.err


def test_a_task_column_names_the_items_and_a_process_column_their_goals(
        raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "proces.xlsx", {"Matrix": [
        ["Proces", "Taak", "Gemeentesecretaris", "Wethouder"],
        ["Vergunningen", "Aanvraag toetsen", "A", "I"],
        ["Vergunningen", "Besluit nemen", "I", "A/R"],
        ["Toezicht", "Controle plannen", "A", "C"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    goals = {g.id: g.name for g in model.goals.values()}
    assert sorted(goals.values()) == ["Toezicht", "Vergunningen"]
    assert sorted((i.name, [goals[g] for g in i.goals]) for i in model.initiatives.values()) == [
        ("Aanvraag toetsen", ["Vergunningen"]), ("Besluit nemen", ["Vergunningen"]),
        ("Controle plannen", ["Toezicht"])]
    assert sorted(r.name for r in model.roles.values()) == ["Gemeentesecretaris", "Wethouder"]


def test_a_text_column_refused_as_an_actor_is_offered_as_the_items_names(
        raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "onderwerp.xlsx", {"Matrix": [
        ["Onderwerp", "Stap", "Gemeentesecretaris", "Gereed"],
        ["Vergunningen", "Aanvraag toetsen", "A", "2027-03-01"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert f'{sheet}:Matrix!B1: "Stap": this column holds no RACI letter; if it is not an ' \
        'actor, say what it holds with --column item="Stap"' in result.err
    # a column of dates is no names column: only left out
    assert f'{sheet}:Matrix!D1: "Gereed": this column holds no RACI letter; if it is not an ' \
        'actor, leave it out with --column ignore="Gereed"\n' in result.err
    fixed = raci("import", sheet, "--into", tmp_path / "org.db", "--column", "item=Stap",
                 "--column", "goal=Onderwerp", "--column", "ignore=Gereed")
    assert fixed.code == 0, fixed.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [i.name for i in model.initiatives.values()] == ["Aanvraag toetsen"]


def test_a_roster_after_a_matrix_records_chairs_and_names_a_role_it_doubles(
        raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    matrix = write_workbook(tmp_path / "matrix.xlsx", {"Matrix": [
        ["Taak", "Stuurgroep Sociaal Domein", "Kernteam Sociaal Domein", "Wethouder"],
        ["Beleid vaststellen", "A", "C", "R"],
    ]})
    assert raci("import", matrix, "--into", database).code == 0
    assert {"chairs", "holders"} <= set(open_model(str(database)).model.org.not_recorded)
    roster = write_workbook(tmp_path / "leden.xlsx", {"Leden": [
        ["Overleg", "Naam", "Functie", "Voorzitter"],
        ["Stuurgroep Sociaal Domein", "Petra Jansen", "Wethouder", "x"],
        ["Stuurgroep Sociaal Domein", "Bram Smit", "Directeur", None],
        ["Kernteam Sociaal Domein", "Bram Smit", "Directeur", "x"],
    ]})
    result = raci("import", roster, "--into", database, "--layout", "roster")
    assert result.code == 0, result.err
    model = open_model(str(database)).model
    assert not {"chairs", "holders"} & set(model.org.not_recorded)
    assert "recorded now: chairs, holders" in result.err
    # the matrix made the steering group a body: the roster seats its members in it
    assert model.bodies["stuurgroep-sociaal-domein"].members == ["wethouder", "directeur"]
    assert model.letters_of("beleid-vaststellen", "stuurgroep-sociaal-domein") == ("A",)
    # a column whose name says no body became a role, which the roster's body doubles
    assert "1 body made with the name of a role in the model, so two actors now: Kernteam " \
        "Sociaal Domein (role kernteam-sociaal-domein, body kernteam-sociaal-domein-2)" \
        in result.err


def test_a_name_typed_over_two_lines_is_one_line(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "regels.xlsx", {"Matrix": [
        ["Taak", "Team\nVergunningverlening", "Wethouder  Ruimte "],
        ["Omgevingsplan\nwijzigen", "R", "A"],
    ]})
    csv = tmp_path / "regels.csv"
    csv.write_bytes(b'Taak,"Team\r\nHandhaving"\r\nControle,R\r\n')
    expected = {sheet: ["Team Vergunningverlening", "Wethouder Ruimte"],
                csv: ["Team Handhaving"]}
    for file, names in expected.items():
        database = tmp_path / f"{file.suffix[1:]}.db"
        result = raci("import", file, "--into", database)
        assert result.code == 0, result.err
        assert [r.name for r in open_model(str(database)).model.roles.values()] == names
    assert [i.name for i in open_model(str(tmp_path / "xlsx.db")).model.initiatives.values()] \
        == ["Omgevingsplan wijzigen"]
    roster = write_workbook(tmp_path / "leden.xlsx", {"Leden": [
        ["Overleg", "Naam"], ["Werkgroep\nWijken", "Petra\nJansen"]]})
    database = tmp_path / "roster.db"
    assert raci("import", roster, "--into", database, "--layout", "roster").code == 0
    model = open_model(str(database)).model
    assert [b.name for b in model.bodies.values()] == ["Werkgroep Wijken"]
    assert [p.name for p in model.people.values()] == ["Petra Jansen"]


def test_nvt_and_dash_cells_are_no_role_and_other_text_is_told_to_leave_it_empty(
        raci: Raci, tmp_path: Path) -> None:
    rows = [["Taak", "Wethouder", "Directeur", "Team"],
            ["Plan", "A", "n.v.t.", "nvt"],
            ["Bouw", "-", "A/R", "–"],
            ["Toezicht", "N/A", "A", "R"]]
    sheet = write_workbook(tmp_path / "nvt.xlsx", {"Matrix": rows})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert "note: Matrix: 5 cells read as no role (n.v.t., n/a, -)" in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert sorted((a.item, a.actor, a.letter) for a in model.assignments) == [
        ("bouw", "directeur", "A"), ("bouw", "directeur", "R"), ("plan", "wethouder", "A"),
        ("toezicht", "directeur", "A"), ("toezicht", "team", "R")]
    bad = write_workbook(tmp_path / "bad.xlsx", {"Matrix": [
        *rows, ["Sloop", "misschien", "C/I", "A"]]})
    refused = raci("import", bad, "--into", tmp_path / "bad.db")
    assert refused.code == 2
    lines = refused.err.splitlines()
    assert lines[0].startswith(f'{bad}:Matrix!B5: "misschien": not a RACI letter')
    assert lines[0].endswith("; leave the cell empty if there is no role")
    assert lines[1].startswith(f'{bad}:Matrix!C5: "C/I"')
    assert "leave the cell empty" not in lines[1]


def test_hidden_rows_and_columns_are_read_and_named(raci: Raci, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Matrix"
    for row in [["Activiteit", "Manager KCC", "Medewerker", "Teamleider"],
                ["Telefonie inrichten", "A", "R", "C"],
                ["Oud proces: loket", "A", "R", None],
                ["Klachtafhandeling", "A", "R", "R"]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["D"].hidden = True
    workbook.save(tmp_path / "kcc.xlsx")
    result = raci("import", tmp_path / "kcc.xlsx", "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert "note: Matrix: hidden row 3 read as any other" in result.err
    assert 'note: Matrix: hidden column D "Teamleider" read as any other' in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert len(model.initiatives) == 3
    assert model.letters_of("klachtafhandeling", "teamleider") == ("R",)


def test_a_column_of_ticks_is_one_line_naming_the_column(raci: Raci, tmp_path: Path) -> None:
    """A column of "x" ticks is no five mistyped letters: one line names the
    column; one "x" among letters is still named by its cell."""
    sheet = write_workbook(tmp_path / "kcc.xlsx", {"Matrix": [
        ["Activiteit", "Manager KCC", "Medewerker", "Betrokken"],
        ["Telefonie inrichten", "A", "R", "x"],
        ["Klachtafhandeling", "A", "x", None],
        ["Balie", "A", "R", "X"],
        ["Post", "A", "R", "x"]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Matrix!C3: "x": not a RACI letter; write R, A, C or I, or A/R for the owner '
        "who also does the work; leave the cell empty if there is no role",
        f'{sheet}:Matrix!D1: "Betrokken": this column holds no RACI letter but "x" in 3 cells; '
        'write the letter each one stands for (R, A, C or I), or if it is not an actor, leave '
        'it out with --column ignore="Betrokken"',
    ]


def test_a_hidden_sheet_is_not_read_and_is_named_with_how_to_read_it(raci: Raci,
                                                                       tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    current = workbook.active
    current.title = "Matrix"
    for row in [["Activiteit", "Manager KCC", "Medewerker"], ["Telefonie inrichten", "A", "R"]]:
        current.append(row)
    for name, state in [("Oud 2024", "hidden"), ("Archief", "veryHidden")]:
        old = workbook.create_sheet(name)
        for row in [["Activiteit", "Manager KCC", "Oud team"], ["Oud loket", "A", "R"]]:
            old.append(row)
        old.sheet_state = state
    workbook.save(tmp_path / "kcc.xlsx")
    result = raci("import", tmp_path / "kcc.xlsx", "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert "note: sheets 'Oud 2024', Archief are hidden in the workbook; not read (read one " \
        "by naming it, with every sheet to read: --sheet \"Matrix\" --sheet \"Oud 2024\")" \
        in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [i.name for i in model.initiatives.values()] == ["Telefonie inrichten"]
    named = raci("import", tmp_path / "kcc.xlsx", "--sheet", "Matrix", "--sheet", "Oud 2024",
                 "--into", tmp_path / "both.db")
    assert named.code == 0, named.err
    assert "hidden in the workbook" not in named.err
    assert len(open_model(str(tmp_path / "both.db")).model.initiatives) == 2


def test_a_named_sheet_with_no_matrix_is_refused_and_a_roster_sheet_gets_its_layout(
        raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "org.xlsx", {
        "Matrix": [["Taak", "Wethouder"], ["Plan", "A"]],
        "Overleggen": [["Overleg", "Naam"], ["Stuurgroep Wonen", "Petra Jansen"]],
        "Legenda": [["R = Responsible"]]})
    database = tmp_path / "org.db"
    refused = raci("import", sheet, "--into", database, "--sheet", "Matrix", "--sheet",
                   "Overleggen")
    assert refused.code == 2
    assert refused.err.splitlines() == [
        f"{sheet}: sheet Overleggen holds no RACI matrix: no row in its first 30 rows names the "
        "actors above R, A, C or I cells; name another sheet with --sheet; it looks like a "
        "roster (a body and a person column): give --layout roster"]
    assert not database.exists()
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    assert "note: sheet Overleggen holds no RACI matrix; not read (it looks like a roster: " \
        'import it with --sheet "Overleggen" --layout roster)' in result.err
    assert "note: sheet Legenda holds no RACI matrix; not read\n" in result.err
    roster = raci("import", sheet, "--into", database, "--sheet", "Overleggen", "--layout",
                  "roster")
    assert roster.code == 0, roster.err


def test_a_roster_kind_may_be_overig_or_anders_and_the_dutch_hint_is_dutch(
        raci: Raci, tmp_path: Path) -> None:
    rows = [["Overleg", "Naam", "Soort"],
            ["Koffieoverleg", "Petra Jansen", "overig"],
            ["Vrijdagborrel", "Bram Smit", "Anders"]]
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": rows})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert [b.kind for b in model.bodies.values()] == ["other", "other"]
    bad = write_workbook(tmp_path / "mt.xlsx", {"Leden": [
        *rows, ["MT", "Anna de Vries", "managementteam"]]})
    refused = raci("import", bad, "--into", tmp_path / "mt.db", "--layout", "roster",
                   "--lang", "nl")
    assert refused.code == 2
    assert refused.err.splitlines() == [
        f'{bad}:Leden!C4: "managementteam": geen soort gremium; schrijf er een zoals '
        "stuurgroep, werkgroep, commissie of overig"]


def test_a_model_file_over_the_limit_is_told_in_dutch(raci: Raci, tmp_path: Path) -> None:
    from raci.formats.reading import MAX_FILE_BYTES

    huge = tmp_path / "groot.json"
    with huge.open("wb") as file:
        file.truncate(2 * MAX_FILE_BYTES)  # sparse: costs no disk
    result = raci("import", huge, "--into", tmp_path / "org.db", "--lang", "nl")
    assert result.code == 2
    limit = MAX_FILE_BYTES // 2**20
    assert result.err.splitlines() == [
        f"{huge}: het bestand is {2 * limit} MB; modelbestanden mogen hoogstens {limit} MB zijn"]


def test_one_number_on_a_section_row_is_refused_not_a_totals_row(raci: Raci,
                                                                 tmp_path: Path) -> None:
    heading = ["Telefonie", None, None, 3]
    sheet = write_workbook(tmp_path / "kcc.xlsx", {"Matrix": [*KCC[:2], heading, *KCC[3:5]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert "Matrix!D3: \"3\": not a RACI letter" in result.err
    assert "the table ends" not in result.err
    assert not (tmp_path / "org.db").exists()


def test_numbers_with_letters_under_them_are_no_totals_row(raci: Raci, tmp_path: Path) -> None:
    counts = ["Klachten", 1, 2, 3]
    sheet = write_workbook(tmp_path / "kcc.xlsx", {"Matrix": [*KCC[:4], counts, KCC[4]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 2
    assert "Matrix!B5: \"1\": not a RACI letter" in result.err
    assert "the table ends" not in result.err


def test_a_totals_row_with_gaps_still_ends_the_table(raci: Raci, tmp_path: Path) -> None:
    totals = ["Totaal", 2, None, 1]
    sheet = write_workbook(tmp_path / "kcc.xlsx", {"Matrix": [*KCC[:5], totals, *KCC[5:]]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert "the table ends at row 6, a row of numbers" in result.err
