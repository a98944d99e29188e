"""`raci import` of what a water board's own workbooks hold: two actors of one
name, footnote marks and invisible characters, process headings and blank
process cells, legends, a second table on one sheet, names over two header
rows, a grid of people by bodies and a cell of several functions. A refusal
is one line naming the cell and what to do, and nothing is written."""

from __future__ import annotations

from pathlib import Path

from conftest import Raci
from test_import_mistakes import refused
from workbooks import write_csv, write_workbook

from raci.model import Model
from raci.source import open_model

TWO_HEADS = """\
raci: 1
org: {name: Waterschap}
units:
  - {id: watersysteem, name: Afdeling Watersysteem}
  - {id: zuivering, name: Afdeling Zuivering}
roles:
  - {id: afdelingshoofd, name: Afdelingshoofd, unit: watersysteem}
  - {id: afdelingshoofd-2, name: Afdelingshoofd, unit: zuivering}
  - {id: heemraad, name: Heemraad}
"""


def two_heads(tmp_path: Path, raci: Raci) -> Path:
    """A model with two roles named Afdelingshoofd, in two units."""
    source = tmp_path / "ws.yaml"
    source.write_text(TWO_HEADS, encoding="utf-8")
    database = tmp_path / "ws.db"
    assert raci("import", source, "--into", database).code == 0
    return database


def imported(raci: Raci, tmp_path: Path, sheet: Path, *args: str) -> tuple[Model, str]:
    """The model a sheet makes in a new database, and the notes said."""
    database = tmp_path / f"{sheet.stem}.db"
    result = raci("import", sheet, "--into", database, *args)
    assert result.code == 0, result.err
    return open_model(str(database)).model, result.err


def name_of(model: Model, entity_id: str) -> str:
    entity = model.get(entity_id)
    assert entity is not None, entity_id
    return entity.name


def letters(model: Model, item_name: str) -> dict[str, tuple[str, ...]]:
    """Actor name -> letters on the item of this name (in sorted order)."""
    item = next(i for i in model.items() if i.name == item_name)
    found: dict[str, tuple[str, ...]] = {}
    for assignment in model.assignments_of_item(item.id):
        name = name_of(model, assignment.actor)
        found[name] = tuple(sorted((*found.get(name, ()), assignment.letter)))
    return found


def test_a_header_naming_two_actors_of_one_name_is_refused(raci: Raci,
                                                           tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "amb.csv", [["Taak", "Afdelingshoofd", "Heemraad"],
                                              ["Zuiveringsslib afvoeren", "A", "I"]],
                      separator=";")
    english, dutch = refused(raci, database, sheet, "--strict")
    assert english == (
        f'{sheet}:B1: "Afdelingshoofd": 2 actors in the model have this name: afdelingshoofd '
        "(Afdeling Watersysteem), afdelingshoofd-2 (Afdeling Zuivering); write the one you "
        'mean in the header, by id (afdelingshoofd-2) or with its unit ("Afdelingshoofd '
        '(Afdeling Zuivering)")')
    assert dutch.startswith(f'{sheet}:B1: "Afdelingshoofd": 2 actoren in het model')
    assert "afdelingshoofd-2 (Afdeling Zuivering)" in dutch
    refused(raci, database, sheet)  # made roles or not, the header is as unclear


def test_the_unit_or_the_id_in_the_header_chooses_the_actor(raci: Raci,
                                                            tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    for header, chosen in (("Afdelingshoofd (Zuivering)", "afdelingshoofd-2"),
                           ("Afdelingshoofd Afdeling Watersysteem", "afdelingshoofd"),
                           ("afdelingshoofd-2", "afdelingshoofd-2")):
        sheet = write_csv(tmp_path / "amb.csv", [["Taak", header, "Heemraad"],
                                                  ["Zuiveringsslib afvoeren", "A", "I"]])
        result = raci("import", sheet, "--into", database, "--strict", "--replace")
        assert result.code == 0, result.err
        model = open_model(str(database)).model
        assert [(a.letter, a.actor) for a in model.assignments if a.letter == "A"] == [
            ("A", chosen)], header


def test_one_bad_cell_brings_no_false_column_hint(raci: Raci, tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "rc.csv", [["Taak", "Heemraad", "Jurist"],
                                             ["t1", "A", "R/C"], ["t2", "A", ""]])
    english, dutch = refused(raci, database, sheet)  # one line: the cell, no column hint
    assert english.startswith(f'{sheet}:C2: "R/C": ')
    assert dutch.startswith(f'{sheet}:C2: "R/C": ')


def test_one_mistyped_letter_in_a_sparse_column_brings_no_column_hint(
        raci: Raci, tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "x.csv", [["Taak", "Heemraad", "Jurist"],
                                            ["t1", "A", ""], ["t2", "A", "x"], ["t3", "A", ""]])
    result = raci("import", sheet, "--into", database)
    assert result.code == 2
    assert result.err.splitlines() == [  # the cell, nothing more of its column
        f'{sheet}:C3: "x": not a RACI letter; write R, A, C or I, or A/R for the owner who '
        "also does the work; leave the cell empty if there is no role"]


def test_a_column_of_dates_still_gets_its_hint(raci: Raci, tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "d.csv", [["Taak", "Heemraad", "Gereed"],
                                            ["t1", "A", "2027-01-01"]])
    result = raci("import", sheet, "--into", database)
    assert result.code == 2
    assert 'C1: "Gereed": this column holds no RACI letter' in result.err


def test_a_column_of_short_numbers_still_gets_its_hint(raci: Raci, tmp_path: Path) -> None:
    """Hours (8, 16) are as short as a mistyped letter, but no letter."""
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "u.csv", [["Taak", "Heemraad", "Uren"],
                                            ["t1", "A", "8"], ["t2", "R", "16"], ["t3", "A", "4"]])
    result = raci("import", sheet, "--into", database)
    assert result.code == 2
    assert 'C1: "Uren": this column holds no RACI letter' in result.err


def test_footnote_marks_are_read_past_and_named(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "voet.xlsx", {"Water": [
        ["Nr", "Taak", "Gedeputeerde", "Afdeling", "Waterschap"],
        ["1", "Peilbesluit", "A*", "R", "C\u200b"],
        ["2", "Toezicht", "I", "A", "R¹"],
        ["3", "Vergunning", "\u00a0I", "A/R†", None],
        [],
        [None, "* na afstemming met Gedeputeerde Staten"],
    ]})
    model, notes = imported(raci, tmp_path, sheet)
    assert letters(model, "Peilbesluit") == {"Gedeputeerde": ("A",), "Afdeling": ("R",),
                                             "Waterschap": ("C",)}
    assert letters(model, "Toezicht")["Waterschap"] == ("R",)
    assert letters(model, "Vergunning") == {"Gedeputeerde": ("I",), "Afdeling": ("A", "R")}
    assert ('Water: C2 "A*", E3 "R¹", D4 "A/R†": read as their letters without the footnote '
            "marks; the footnotes themselves are not imported") in notes
    assert "Peilbesluit" not in [g.name for g in model.goals.values()]


def test_a_bad_cell_shows_its_invisible_characters_escaped(raci: Raci,
                                                           tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_csv(tmp_path / "x.csv", [["Taak", "Heemraad", "Jurist"],
                                            ["t1", "A", "X\u200b*"], ["t2", "A", "C"]])
    english, _dutch = refused(raci, database, sheet)
    assert english.startswith(f'{sheet}:C2: "X\\u200b*": ')


def test_a_process_heading_row_is_the_process_of_the_rows_under_it(raci: Raci,
                                                                   tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "kop.xlsx", {"RACI": [
        ["Proces", "Taak", "Dijkgraaf", "Gebiedsbeheerder"],
        ["Peilbeheer"],
        [None, "Peilbesluit voorbereiden", "A", "R"],
        [None, "Peilbesluit vaststellen", "A/R", None],
        ["Beheer"],
        [None, "Maaibeleid opstellen", None, "A"],
    ]})
    model, notes = imported(raci, tmp_path, sheet)
    goals = {g.id: g.name for g in model.goals.values()}
    served = {i.name: [goals[g] for g in i.goals] for i in model.initiatives.values()}
    assert served == {"Peilbesluit voorbereiden": ["Peilbeheer"],
                      "Peilbesluit vaststellen": ["Peilbeheer"],
                      "Maaibeleid opstellen": ["Beheer"]}
    assert "read as the one above" not in notes


def test_a_blank_process_cell_takes_the_one_above_with_a_note(raci: Raci,
                                                             tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "blank.xlsx", {"RACI": [
        ["Proces", "Taak", "Dijkgraaf", "Gebiedsbeheerder"],
        ["Peilbeheer", "Peilbesluit voorbereiden", "A", "R"],
        [None, "Peilbesluit vaststellen", "A/R", "C"],
        [None, "Peilbesluit publiceren", "A", "R"],
        ["Beheer", "Maaibeleid opstellen", None, "A"],
    ]})
    model, notes = imported(raci, tmp_path, sheet, "--lang", "nl")
    goals = {g.id: g.name for g in model.goals.values()}
    served = {i.name: [goals[g] for g in i.goals] for i in model.initiatives.values()}
    assert served["Peilbesluit vaststellen"] == served["Peilbesluit publiceren"] == [
        "Peilbeheer"]
    assert 'RACI: lege "Proces"-cellen A3, A4' in notes


def test_a_legend_with_letters_in_the_id_column_ends_the_table(raci: Raci,
                                                              tmp_path: Path) -> None:
    rows: list[list[str | None]] = [["Provincie Drenthe - RACI Natuurnetwerk"],
            ["Nr", "Taak", "Gedeputeerde Natuur", "Team Natuur"],
            ["N1", "Natuurbeheerplan vaststellen", "A", "R"],
            ["N2", "Subsidies verlenen", None, "A/R"],
            [],
            ["R", "Responsible - voert uit"], ["A", "Accountable - eindverantwoordelijk"],
            ["C", "Consulted"], ["I", "Informed - wordt geïnformeerd"]]
    legends: list[list[list[str | None]]] = [[], [["Legenda"]]]
    for legend in legends:
        sheet = write_workbook(tmp_path / f"legenda{len(legend)}.xlsx",
                               {"Natuur": rows[:5] + legend + rows[5:]})
        model, notes = imported(raci, tmp_path, sheet)
        assert sorted(i.name for i in model.initiatives.values()) == [
            "Natuurbeheerplan vaststellen", "Subsidies verlenen"]
        assert "Natuur: the table ends at row 6, a legend of the letters; row 6 and the " \
            "rows under it are not read" in notes


def test_a_second_table_under_the_first_is_one_line(raci: Raci, tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    header = ["Proces", "Taak", "Dijkgraaf", "Afdeling Watersysteem"]
    sheet = write_workbook(tmp_path / "twee.xlsx", {"RACI": [
        ["Tabel 1 Peilbeheer"], header,
        ["Peilbeheer", "Peilbesluit voorbereiden", "A", "R"],
        [], ["Tabel 2 Vergunningen"],
        ["Proces", "Taak", "Dijkgraaf", "Team Vergunningen"],
        ["Vergunningen", "Watervergunning beoordelen", None, "A"]]})
    english, dutch = refused(raci, database, sheet)
    assert english == (f'{sheet}:RACI!B6: "Taak": a second table starts at row 6; put each '
                       "table on its own sheet (each sheet is read as a programme area)")
    assert dutch.startswith(f'{sheet}:RACI!B6: "Taak": ')


def test_a_second_table_beside_the_first_is_one_line(raci: Raci, tmp_path: Path) -> None:
    database = two_heads(tmp_path, raci)
    sheet = write_workbook(tmp_path / "naast.xlsx", {"RACI": [
        ["Provincie Overijssel"],
        ["Taak", "Gedeputeerde Mobiliteit", "Team Wegen", None, "Taak", "Gedeputeerde Water"],
        ["Onderhoud N-wegen", "A", "R", None, "Dijkversterking", "A"],
        ["Gladheid", "I", "A/R", None, "Kaderrichtlijn Water", "A"]]})
    for options in ((), ("--column", "ignore=E")):
        english, _dutch = refused(raci, database, sheet, *options)
        assert english == (f'{sheet}:RACI!E2: "Taak": a second table starts at column E, '
                           "beside the first; put each table on its own sheet (each sheet is "
                           "read as a programme area)")


def test_names_over_two_header_rows_are_joined(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "tweeregels.xlsx", {"Klimaat": [
        ["Provincie Utrecht"], [],
        ["Nr", "Activiteit", "Gedeputeerde", "Afdeling", "Waterschap"],
        [None, None, "Klimaat", "Fysieke Leefomgeving", "HDSR"],
        ["K1", "Stresstest actualiseren", "I", "A", "R"],
        ["K2", "Risicodialoog voeren", "A", "R", "C"]]})
    model, notes = imported(raci, tmp_path, sheet)
    assert letters(model, "Risicodialoog voeren") == {
        "Gedeputeerde Klimaat": ("A",), "Afdeling Fysieke Leefomgeving": ("R",),
        "Waterschap HDSR": ("C",)}
    assert ('Klimaat: the header is written over rows 3 and 4; each name read as its two '
            'lines joined ("Gedeputeerde Klimaat", "Afdeling Fysieke Leefomgeving", '
            '"Waterschap HDSR")') in notes


def test_a_band_above_the_actors_is_no_first_line_of_their_names(raci: Raci,
                                                                   tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "band.xlsx", {"RACI": [
        ["Waterschap Hunze en Aa's"], [],
        ["Nr", "Taak", "Bestuur", None, "Organisatie", None],
        [None, None, "Dijkgraaf", "Heemraad", "Secretaris-directeur", "Team Peil"],
        ["P1", "Peilbesluit", "I", "A", "C", "R"]]},
        merged={"RACI": ["A3:A4", "B3:B4", "C3:D3", "E3:F3"]})
    model, notes = imported(raci, tmp_path, sheet)
    assert letters(model, "Peilbesluit") == {"Dijkgraaf": ("I",), "Heemraad": ("A",),
                                             "Secretaris-directeur": ("C",),
                                             "Team Peil": ("R",)}
    assert "written over rows" not in notes


def test_a_grid_of_people_by_bodies_is_read_as_seats(raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "bezetting.xlsx", {"Bezetting": [
        ["Naam", "Functie", "Dagelijks Bestuur", "Stuurgroep Klimaat", "Commissie Water"],
        ["Hanneke van Dijk", "Dijkgraaf", "voorzitter", None, None],
        ["Pieter Bosman", "Heemraad", "lid", "voorzitter", None],
        ["Gerrit Jan Smit", "Secretaris-directeur", "secretaris", "lid", "lid"]]})
    model, notes = imported(raci, tmp_path, sheet)
    holder = {r.id: name_of(model, r.holders[0]) for r in model.roles.values()}
    seated = {b.name: (holder[b.chair] if b.chair else None, sorted(holder[m] for m in b.members))
              for b in model.bodies.values()}
    assert seated == {
        "Dagelijks Bestuur": ("Hanneke van Dijk",
                              ["Gerrit Jan Smit", "Hanneke van Dijk", "Pieter Bosman"]),
        "Stuurgroep Klimaat": ("Pieter Bosman", ["Gerrit Jan Smit", "Pieter Bosman"]),
        "Commissie Water": (None, ["Gerrit Jan Smit"])}
    assert "Bezetting: a grid of people by bodies: each filled cell under C1, D1, E1 is a " \
        "seat in that column's body" in notes


def test_a_cell_of_several_functions_is_a_role_each(raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "team.csv", [
        ["Body", "Name", "Role"], ["Release team", "Ann", "Admin, Release Manager"],
        ["Release team", "Bob", "Developer"], ["Core team", "Ann", "Admin; Release Manager"]])
    model, notes = imported(raci, tmp_path, sheet)
    held = sorted((r.name, r.holders) for r in model.roles.values())
    assert held == [("Admin", ["ann"]), ("Developer", ["bob"]), ("Release Manager", ["ann"])]
    members = {b.name: b.members for b in model.bodies.values()}
    assert members == {"Release team": ["ann", "developer"], "Core team": ["ann"]}
    assert "team.csv: function cells naming several functions" in notes
    assert "rows 2, 4" in notes
