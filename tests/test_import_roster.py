"""`raci import --layout roster`: committee member lists in, bodies and seats out."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci
from workbooks import write_csv, write_workbook

from raci.model.naming import name_key
from raci.source import open_model

LEDEN = [
    ["Samenstelling overleggen Programma Warmte", None, None, None, None],
    [None, None, None, None, None],
    ["Overleg", "Naam", "Organisatie", "Functie", "Voorzitter"],
    ["Stuurgroep Warmte", "Petra Jansen", "Ministerie van BZK", "DG Bouwen en Wonen", "x"],
    [None, "Sander Dekker", "Adviesbureau X", None, None],
    [None, "Anna de Vries", "Gemeente Utrecht", "Wethouder", None],
    [None, None, None, None, None],
    ["Werkgroep Wijken", "Anna de Vries", "Gemeente Utrecht", "Wethouder", "ja"],
    [None, "Bram Smit", "Gemeente Zeist", "Wethouder", None],
    [None, "Sander Dekker", "Adviesbureau X", "lid", None],
]


def test_a_grouped_dutch_roster_builds_bodies_seats_and_chairs(raci: Raci,
                                                                tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": LEDEN})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert model.org.name == "Samenstelling overleggen Programma Warmte"
    assert {u.id: u.name for u in model.units.values()} == {
        "ministerie-van-bzk": "Ministerie van BZK", "adviesbureau-x": "Adviesbureau X",
        "gemeente-utrecht": "Gemeente Utrecht", "gemeente-zeist": "Gemeente Zeist"}
    assert {p.id: p.unit for p in model.people.values()} == {
        "petra-jansen": "ministerie-van-bzk", "sander-dekker": "adviesbureau-x",
        "anna-de-vries": "gemeente-utrecht", "bram-smit": "gemeente-zeist"}
    # a function is one role per unit: the Wethouder of two towns are two roles
    assert {r.id: (r.name, r.unit, r.holders) for r in model.roles.values()} == {
        "dg-bouwen-en-wonen": ("DG Bouwen en Wonen", "ministerie-van-bzk", ["petra-jansen"]),
        "wethouder": ("Wethouder", "gemeente-utrecht", ["anna-de-vries"]),
        "wethouder-2": ("Wethouder", "gemeente-zeist", ["bram-smit"])}
    assert {b.id: (b.kind, b.chair, b.members) for b in model.bodies.values()} == {
        "stuurgroep-warmte": ("steering_group", "dg-bouwen-en-wonen",
                              ["dg-bouwen-en-wonen", "sander-dekker", "wethouder"]),
        "werkgroep-wijken": ("working_group", "wethouder",
                             ["wethouder", "wethouder-2", "sander-dekker"])}
    assert model.org.not_recorded == ["cadence"]
    assert "made 2 bodies, 4 people, 4 units, 3 roles" in result.err


def test_an_english_roster_with_a_column_option_and_no_chairs(raci: Raci,
                                                               tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "maintainers.csv", [
        ["", "Project", "Maintainer Name", "Company", "Github Name", "Link"],
        ["Graduated", "Envoy", "Matt Klein", "Lyft", "mattklein123", "https://x"],
        ["", "", "Harvey Tuch", "Google", "htuch", ""],
        ["Sandbox", "Steering Committee", "Chris Campbell", "", "campbel", ""],
        ["", "Other", "Harvey Tuch", "Google", "htuch", ""],
        ["", "Steering Committee", "Hugo Guerrero", "Kong", "hguerrero", ""],
        ["", "", "", "", "isolus", ""],
    ])
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--column", "tag=A")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    # in a grouped list each group is a body, even two of one name
    assert {b.id: (b.name, b.kind, b.members, b.tags) for b in model.bodies.values()} == {
        "envoy": ("Envoy", "other", ["mattklein123", "htuch"], ["Graduated"]),
        "steering-committee": ("Steering Committee", "steering_group", ["campbel"],
                               ["Sandbox"]),
        "other": ("Other", "other", ["htuch"], ["Sandbox"]),
        "steering-committee-2": ("Steering Committee", "steering_group", ["hguerrero"],
                                 ["Sandbox"])}
    assert model.people["campbel"].unit is None  # a blank company is no company
    assert model.org.not_recorded == ["chairs", "cadence"]
    assert 'columns not read: maintainers.csv:F1 "Link";' in result.err
    without = raci("import", sheet, "--into", tmp_path / "other.db")
    assert 'columns not read: maintainers.csv:F1 "Link", maintainers.csv:A1 (no header);' \
        in without.err
    assert "row with no person and no body of its own skipped: row 7" in result.err



def test_a_team_of_leads_is_no_working_group(raci: Raci, tmp_path: Path) -> None:
    """"Working Group Leads" are the leads of the working groups, no temporary
    working group of their own (one needing a sunset, BOD004)."""
    sheet = write_workbook(tmp_path / "maintainers.xlsx", {"Maintainers": [
        ["Project", "Maintainer Name", "Github Name"],
        ["Istio: Working Group Leads", "Lin Sun", "linsun"],
        ["Istio: Networking Working Group", "Howard John", "howardjohn"],
        ["Werkgroepleiding", "Els Jansen", "ejansen"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert {b.name: b.kind for b in model.bodies.values()} == {
        "Istio: Working Group Leads": "other",
        "Istio: Networking Working Group": "working_group",
        "Werkgroepleiding": "other"}

def test_an_ungrouped_roster_keeps_one_body_per_name(raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Naam", "Gremium", "Rol"],
        ["Jan", "Stuurgroep", "voorzitter"],
        ["Piet", "Regiegroep", "lid"],
        ["Klaas", "Stuurgroep", "lid"],
    ], separator=";")
    assert raci("import", sheet, "--into", tmp_path / "org.db").code == 0
    model = open_model(str(tmp_path / "org.db")).model
    assert {b.id: (b.chair, b.members) for b in model.bodies.values()} == {
        "stuurgroep": ("jan", ["jan", "klaas"]), "regiegroep": (None, ["piet"])}


def test_bad_marks_two_chairs_and_a_seat_with_no_body_are_named(raci: Raci,
                                                                 tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": [
        ["Naam", "Overleg", "Voorzitter", "Soort"],
        ["Ali", None, None, None],
        ["Jan", "Stuurgroep", "x", "stuurgroep"],
        ["Piet", None, "misschien", None],
        ["Klaas", None, "ja", None],
        ["Els", "Kring", None, "soepgroep"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster")
    assert result.code == 2
    assert result.err.splitlines() == [
        f'{sheet}:Leden!A2: "Ali": no body above this seat; name the body in its column',
        f'{sheet}:Leden!C4: "misschien": not a chair mark; write x (or ja, yes) for the chair, or '
        'leave '
        "it blank",
        f'{sheet}:Leden!D6: "soepgroep": not a kind of body; write one such as stuurgroep, '
        'werkgroep, '
        "committee or other",
        f'{sheet}:Leden!A5: "Stuurgroep": a body has one chair, and {sheet}:Leden!A3 marks '
        'another; mark one',
    ]
    assert not (tmp_path / "org.db").exists()


def test_a_roster_into_a_model_matches_and_replace_gives_exact_members(
        raci: Raci, tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    model_file = tmp_path / "org.yaml"
    model_file.write_text(
        "raci: 1\norg: {name: Gemeente}\n"
        "people: [{id: p.jansen, name: Pétra Jansen}, {id: s.smit, name: Sam Smit}]\n"
        "bodies: [{id: sg, name: Stuurgroep Warmte, kind: steering_group, chair: s.smit,\n"
        "          members: [s.smit], meets_every_days: 14}]\n", encoding="utf-8")
    assert raci("import", model_file, "--into", database).code == 0
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Voorzitter"], ["stuurgroep  warmte", "petra jansen", "x"]])
    assert raci("import", sheet, "--into", database).code == 0
    model = open_model(str(database)).model
    assert (model.bodies["sg"].members, model.bodies["sg"].chair) == (
        ["s.smit", "p.jansen"], "p.jansen")
    assert len(model.people) == 2
    assert model.org.not_recorded == []  # the model records chairs and cadence
    assert raci("import", sheet, "--into", database, "--replace").code == 0
    assert open_model(str(database)).model.bodies["sg"].members == ["p.jansen"]


def test_no_roster_header_says_how_to_name_the_columns(raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "leden.csv", [["Wie", "Waar"], ["Jan", "Stuurgroep"]])
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster")
    assert result.code == 2
    assert result.err == (
        f"{sheet}: no roster header found: no row in the first 30 rows of any sheet names a "
        "person column (such as Naam), nor a body column (such as Overleg); name them with "
        "--column person=HEADER --column body=HEADER, by header or letter (a list of people "
        "alone needs no body column)\n")
    fixed = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster",
                 "--column", "body=Waar", "--column", "person=Wie")
    assert fixed.code == 0, fixed.err
    assert open_model(str(tmp_path / "org.db")).model.bodies["stuurgroep"].members == ["jan"]


LETTERS_SHEET = [
    ["Activity", "Business Owner", "AI/Product Team", "Privacy"],
    ["Use-case approval", "A/R", "C", "I"],
    ["Risk assessment", "C", "C", "A/R"],
    ["Data quality review", "I", "R", "A"],
]


@pytest.mark.parametrize(("option", "cell", "header", "field", "what", "dutch"), [
    ("person=B", "B1", "Business Owner", "person", "the people's names",
     "de namen van de personen"),
    ("person=Business Owner", "B1", "Business Owner", "person", "the people's names",
     "de namen van de personen"),
    # the body column picked by its header's word ("Team"), yet it holds letters
    ("person=A", "C1", "AI/Product Team", "body", "the bodies' names",
     "de namen van de gremia"),
])
def test_a_column_of_raci_letters_is_never_people_or_bodies(
        raci: Raci, tmp_path: Path, option: str, cell: str, header: str, field: str,
        what: str, dutch: str) -> None:
    sheet = write_csv(tmp_path / "raci.csv", LETTERS_SHEET)
    said = []
    for language in ("en", "nl"):
        result = raci("--lang", language, "import", sheet, "--into", tmp_path / "org.db",
                      "--layout", "roster", "--column", option)
        assert result.code == 2, result
        assert len(result.err.splitlines()) == 1, result.err
        said.append(result.err.rstrip("\n"))
    assert not (tmp_path / "org.db").exists() or not open_model(
        str(tmp_path / "org.db")).model.people
    assert said == [
        f'{sheet}:{cell}: "{header}" holds RACI letters, so it is an actor\'s column, not '
        f"{what}; name the right column with --column {field}=HEADER",
        f'{sheet}:{cell}: "{header}" bevat RACI-letters, dus dat is de kolom van een actor, '
        f"niet {dutch}; noem de juiste kolom met --column {field}=KOP"]


def test_hidden_rows_and_columns_of_a_roster_are_read_and_named(raci: Raci,
                                                                 tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Leden"
    for row in [["Overleg", "Naam", "Organisatie", "Opmerking"],
                ["Stuurgroep Warmte", "Petra Jansen", "BZK", None],
                ["Stuurgroep Warmte", "Sander Dekker", "Adviesbureau X", "vertrokken"],
                ["Werkgroep Wijken", "Anna de Vries", "Gemeente Utrecht", None]]:
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["D"].hidden = True  # not read: no note on it
    workbook.save(tmp_path / "leden.xlsx")
    result = raci("import", tmp_path / "leden.xlsx", "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert "note: Leden: hidden row 3 read as any other; delete it from the sheet if it is " \
        "not meant\n" in result.err
    assert 'note: Leden: hidden column C "Organisatie" read as any other; leave it out with ' \
        "--column ignore=HEADER if it is not meant\n" in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert model.bodies["stuurgroep-warmte"].members == ["petra-jansen", "sander-dekker"]
    assert model.people["sander-dekker"].unit == "adviesbureau-x"


def test_seats_that_ended_before_today_are_not_read_and_are_named(raci: Raci,
                                                                  tmp_path: Path) -> None:
    rows = [["Overleg", "Naam", "Lid tot"],
            ["Stuurgroep Warmte", "Petra Jansen", None],
            [None, "Sander Dekker", "2020-01-31"],
            [None, "Anna de Vries", "31-12-2999"],
            [None, "Bram Smit", "1/2/2021"],
            [None, "Els Bos", "binnenkort"]]
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": rows})
    database = tmp_path / "org.db"
    refused = raci("import", sheet, "--into", database)
    assert refused.code == 2
    assert refused.err.splitlines() == [
        f'{sheet}:Leden!C6: "binnenkort": not a date; write the day the seat ends as '
        "2026-12-31 or 31-12-2026, or leave it blank"]
    rows[-1][-1] = None
    write_workbook(sheet, {"Leden": rows})
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    assert "note: Leden: 2 seats ended before today (their dates in the until column) not " \
        "read: rows 3, 5\n" in result.err
    model = open_model(str(database)).model
    assert model.bodies["stuurgroep-warmte"].members == ["petra-jansen", "anna-de-vries",
                                                         "els-bos"]
    assert "sander-dekker" not in model.people


def test_a_list_with_no_header_takes_its_leaving_dates_by_letter(raci: Raci,
                                                                  tmp_path: Path) -> None:
    """As the Python core team's list is kept: name, login, joined, left, note;
    the first rows (the newest members) have no leaving date."""
    people = [[f"Guido {n}", f"guido{n}", "2020-01-01", "", ""] for n in range(40)]
    people += [["Barry Oud", "oud", "2010-01-01", "2015-06-30", "Privileges relinquished"]]
    sheet = write_csv(tmp_path / "team.csv", people)
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--layout", "roster",
                  "--column", "person=A", "--column", "id=B", "--column", "until=D")
    assert result.code == 0, result.err
    assert "team.csv: 1 seat ended before today (its date in the until column) not read: " \
        "row 41\n" in result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert len(model.people) == 40 and "oud" not in model.people
    everyone_left = raci("import", sheet, "--into", tmp_path / "other.db", "--layout", "roster",
                         "--column", "person=A", "--column", "until=C")
    assert everyone_left.code == 2
    assert everyone_left.err.splitlines() == [
        f"{sheet}: every seat ended before today, as the until column says; if that column "
        "holds another date (the day a member joined), name the right one with --column "
        "until=HEADER"]


def _seats(database: Path) -> dict[str, tuple[str | None, list[str]]]:
    """Each body's chair and members, by body name."""
    model = open_model(str(database)).model
    return {b.name: (b.chair, b.members) for b in model.bodies.values()}


def test_a_list_grouped_by_person_keeps_every_seat(raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "per.csv", [
        ["Lid", "Overleg", "Rol"],
        ["Gerrit Jan Smit", "Dagelijks Bestuur", "lid"],
        ["", "Stuurgroep Klimaatadaptatie", "voorzitter"],
        ["", "Werkgroep Droogte", "lid"],
        ["Marloes Hendriks", "Stuurgroep Klimaatadaptatie", "lid"],
        ["", "Werkgroep Droogte", "voorzitter"],
    ], separator=";")
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    # a blank person cell under a filled one is the same person, as a body cell is
    assert _seats(tmp_path / "org.db") == {
        "Dagelijks Bestuur": (None, ["gerrit-jan-smit"]),
        "Stuurgroep Klimaatadaptatie": ("gerrit-jan-smit", ["gerrit-jan-smit",
                                                            "marloes-hendriks"]),
        "Werkgroep Droogte": ("marloes-hendriks", ["gerrit-jan-smit", "marloes-hendriks"])}
    assert ("per.csv: rows with a body and no person read as seats of the person above (the "
            "list is grouped by person): rows 3, 4, 6") in result.err


LEDEN_EN_FUNCTIES = [
    ["Overleggen 2027", None, None, None, None],
    ["Overleg", "Lid", "Rol", "Afdeling", "Functie"],
    ["Dagelijks Bestuur", "Hanneke van Dijk", "voorzitter", "Bestuur", "Dijkgraaf"],
    [None, "Pieter Bosman", "lid", "Bestuur", "Heemraad"],
    [None, "Gerrit Jan Smit", "secretaris", "Directie", "Secretaris-directeur"],
    ["Stuurgroep Klimaat", "Pieter Bosman", "Voorzitter", "Bestuur", "Heemraad"],
    [None, "Ruud Kamphuis", "Vicevoorzitter", "Watersysteem", "Afdelingshoofd"],
    ["Commissie Watersysteem", "Anouk de Vries", "voorzitter", "Bestuur", "Heemraad"],
    [None, "Ruud Kamphuis", "adviseur", "Watersysteem", "Afdelingshoofd"],
    [None, "Fatima El Amrani", "agendalid", "Zuivering", "Afdelingshoofd"],
]


def test_a_rol_column_of_seat_words_marks_the_chair_and_functie_gives_the_roles(
        raci: Raci, tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": LEDEN_EN_FUNCTIES})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    # one role per person and unit: the two heemraden sit in different bodies
    assert {r.id: (r.name, r.unit, r.holders) for r in model.roles.values()} == {
        "dijkgraaf": ("Dijkgraaf", "bestuur", ["hanneke-van-dijk"]),
        "heemraad": ("Heemraad", "bestuur", ["pieter-bosman"]),
        "secretaris-directeur": ("Secretaris-directeur", "directie", ["gerrit-jan-smit"]),
        "afdelingshoofd": ("Afdelingshoofd", "watersysteem", ["ruud-kamphuis"]),
        "heemraad-2": ("Heemraad", "bestuur", ["anouk-de-vries"]),
        "afdelingshoofd-2": ("Afdelingshoofd", "zuivering", ["fatima-el-amrani"])}
    assert _seats(tmp_path / "org.db") == {
        "Dagelijks Bestuur": ("dijkgraaf", ["dijkgraaf", "heemraad", "secretaris-directeur"]),
        "Stuurgroep Klimaat": ("heemraad", ["heemraad", "afdelingshoofd"]),
        "Commissie Watersysteem": ("heemraad-2", ["heemraad-2", "afdelingshoofd",
                                                  "afdelingshoofd-2"])}
    assert ('Leden!C2 "Rol": each seat\'s part in its body (voorzitter, secretaris, lid): a '
            "voorzitter is the chair, the others plain seats") in result.err
    assert "columns not read" not in result.err


@pytest.mark.parametrize(("header", "option"), [("Rol in overleg", ()),
                                                 ("Positie", ("--column", "chair=Positie"))])
def test_a_seat_part_column_takes_the_dutch_seat_words(raci: Raci, tmp_path: Path,
                                                       header: str,
                                                       option: tuple[str, ...]) -> None:
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Functie", header],
        ["Stuurgroep", "Jan", "Directeur", "voorzitter"],
        ["Stuurgroep", "Piet", "Jurist", "secretaris"],
        ["Stuurgroep", "Els", "Adviseur", "Vice-voorzitter"],
        ["Stuurgroep", "Kees", "Controller", "Agendalid"],
    ], separator=";")
    result = raci("import", sheet, "--into", tmp_path / "org.db", *option)
    assert result.code == 0, result.err
    assert _seats(tmp_path / "org.db") == {
        "Stuurgroep": ("directeur", ["directeur", "jurist", "adviseur", "controller"])}


def test_a_function_shared_by_people_seats_only_the_people_named(raci: Raci,
                                                                  tmp_path: Path) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": [
        ["Overleg", "Naam", "Functie"],
        ["Stuurgroep Waterveiligheid", "Hanneke van Dijk", "Dijkgraaf"],
        ["Stuurgroep Waterveiligheid", "Marloes Hendriks", "Secretaris"],
        ["Werkgroep Zoetwater", "Joost Ter Horst", "Secretaris"],
        ["Programmaraad Deltaplan", "Gerrit Jan Smit", "Secretaris"],
        ["Programmaraad Deltaplan", "Marloes Hendriks", "Secretaris"],
    ]})
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    model = open_model(str(tmp_path / "org.db")).model
    assert {r.id: r.holders for r in model.roles.values()} == {
        "dijkgraaf": ["hanneke-van-dijk"], "secretaris": ["marloes-hendriks"],
        "secretaris-2": ["joost-ter-horst"], "secretaris-3": ["gerrit-jan-smit"]}
    assert _seats(tmp_path / "org.db") == {
        "Stuurgroep Waterveiligheid": (None, ["dijkgraaf", "secretaris"]),
        "Werkgroep Zoetwater": (None, ["secretaris-2"]),
        "Programmaraad Deltaplan": (None, ["secretaris-3", "secretaris"])}


FUNCTIES_IN_TWEE_AFDELINGEN = [
    ["Overleg", "Naam", "Afdeling", "Functie"],
    ["Stuurgroep Klimaat", "Ruud Kamphuis", "Watersysteem", "Afdelingshoofd"],
    [None, "Fatima El Amrani", "Zuivering", "Afdelingshoofd"],
    ["Werkgroep Droogte", "Fatima El Amrani", "Zuivering", "Afdelingshoofd"],
    [None, "Pieter Bosman", "Bestuur", "Heemraad"],
]


@pytest.mark.parametrize("rows", [FUNCTIES_IN_TWEE_AFDELINGEN, LEDEN_EN_FUNCTIES])
def test_importing_a_roster_again_changes_nothing(raci: Raci, tmp_path: Path,
                                                 rows: list[list[str | None]]) -> None:
    sheet = write_workbook(tmp_path / "leden.xlsx", {"Leden": rows})
    database = tmp_path / "org.db"
    assert raci("import", sheet, "--into", database).code == 0
    first = open_model(str(database)).model
    again = raci("import", sheet, "--into", database)
    assert again.code == 0, again.err
    assert "made 0 bodies, 0 people, 0 units, 0 roles" in again.err
    second = open_model(str(database)).model
    assert sorted(second.roles) == sorted(first.roles)  # no afdelingshoofd-3
    assert second.roles == first.roles
    assert second.bodies == first.bodies


def test_a_vacancy_is_a_role_with_no_holder_and_nvt_no_seat(raci: Raci,
                                                             tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Functie", "Voorzitter"],
        ["Stuurgroep Water", "Vacature", "", "x"],
        ["", "Jan Smit", "Directeur", ""],
        ["", "n.v.t.", "", ""],
        ["", "vacant", "Secretaris", ""],
        ["Werkgroep Dijk", "-", "", ""],
    ], separator=";")
    database = tmp_path / "org.db"
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    model = open_model(str(database)).model
    assert not any(name_key(p.name) in {"vacature", "vacant", "nvt", "-"}
                   for p in model.people.values())
    assert {r.id: (r.name, r.holders) for r in model.roles.values()} == {
        "vacature-stuurgroep-water": ("Vacature Stuurgroep Water", []),
        "directeur": ("Directeur", ["jan-smit"]), "secretaris": ("Secretaris", [])}
    assert _seats(database) == {
        "Stuurgroep Water": ("vacature-stuurgroep-water",
                             ["vacature-stuurgroep-water", "directeur", "secretaris"]),
        "Werkgroep Dijk": (None, [])}
    assert "leden.csv: seats read as vacant (a role with no holder takes each): rows 2, 5" \
        in result.err
    assert "leden.csv: person cells read as no seat (n.v.t., -): rows 4, 6" in result.err
    assert raci("import", sheet, "--into", database).code == 0
    assert open_model(str(database)).model.roles == model.roles  # found again, not made


def test_a_role_of_the_model_seats_only_its_holders_the_sheet_names(raci: Raci,
                                                                    tmp_path: Path) -> None:
    database = tmp_path / "org.db"
    model_file = tmp_path / "org.yaml"
    model_file.write_text(
        "raci: 1\norg: {name: Waterschap}\n"
        "people: [{id: pieter, name: Pieter Bosman}, {id: anouk, name: Anouk de Vries}]\n"
        "roles: [{id: heemraad, name: Heemraad, holders: [pieter, anouk]}]\n",
        encoding="utf-8")
    assert raci("import", model_file, "--into", database).code == 0
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Functie", "Voorzitter"],
        ["Dagelijks Bestuur", "Pieter Bosman", "Heemraad", ""],
        ["Dagelijks Bestuur", "Anouk de Vries", "Heemraad", ""],
        ["Stuurgroep Klimaat", "Pieter Bosman", "Heemraad", "x"],
        ["Commissie Water", "Anouk de Vries", "Heemraad", "x"],
    ], separator=";")
    result = raci("import", sheet, "--into", database)
    assert result.code == 0, result.err
    # the role sits where the sheet names all its holders; elsewhere its holder named
    assert _seats(database) == {"Dagelijks Bestuur": (None, ["heemraad"]),
                                "Stuurgroep Klimaat": ("pieter", ["pieter"]),
                                "Commissie Water": ("anouk", ["anouk"])}
    assert ("2 seats given to the people the sheet names, not to their roles, whose other "
            "holders do not sit there: Heemraad in Stuurgroep Klimaat, Heemraad in Commissie "
            "Water") in result.err
    assert open_model(str(database)).model.roles["heemraad"].holders == ["pieter", "anouk"]


def test_a_person_listed_twice_in_one_body_is_named_not_merged_silently(
        raci: Raci, tmp_path: Path) -> None:
    """Twice as a plain seat, or with two functions on two rows: each a
    second seat, named by its cell; a seat in another body is no second one."""
    sheet = write_csv(tmp_path / "leden.csv", [
        ["Overleg", "Naam", "Functie"],
        ["Stuurgroep", "Jan Jansen", ""],
        ["Stuurgroep", "Piet Pietersen", ""],
        ["Stuurgroep", "Piet Pietersen", ""],
        ["Werkgroep", "Jan Jansen", "Wethouder"],
        ["Werkgroep", "Jan Jansen", "Penningmeester"],
    ])
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    assert ("note: 2 people listed again in a body they sit in already: Piet Pietersen in "
            f"Stuurgroep at {sheet.name}:B4 (first at B3), Jan Jansen in Werkgroep "
            f"at {sheet.name}:B6 (first at B5); a person has one seat in a body: "
            "remove the extra row, or write their functions in one cell (\"Admin, Release "
            "Manager\")\n") in result.err


def test_a_person_twice_in_one_body_of_a_list_grouped_by_person_is_named_by_the_body_cell(
        raci: Raci, tmp_path: Path) -> None:
    sheet = write_csv(tmp_path / "per.csv", [
        ["Lid", "Overleg"],
        ["Gerrit Jan Smit", "Dagelijks Bestuur"],
        ["", "Werkgroep Droogte"],
        ["", "Dagelijks Bestuur"],
    ])
    result = raci("import", sheet, "--into", tmp_path / "org.db", "--lang", "nl")
    assert result.code == 0, result.err
    assert (f"Gerrit Jan Smit in Dagelijks Bestuur op {sheet.name}:B4 (eerst op A2)"
            in result.err)
