"""Write the sample workbooks of sample_orgs/: a RES programme's seat roster and RACI matrix.

The Regionale Energiestrategie Noordkust is made up, but shaped like the
spreadsheets regional energy programmes keep: a list of who sits in which
overleg, and a RACI matrix per programme area with title rows, a band of
organisations above the actors, sections and a legend. docs/importing.md walks
through importing both, linting and drawing. Run from the repository root:

    .venv/bin/python scripts/make_sample_workbooks.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

SAMPLES = Path(__file__).resolve().parent.parent / "raci" / "sample_orgs"
WRITTEN = dt.datetime(2026, 11, 1, 9, 0)
"""The workbooks' own dates, fixed, so that remaking them changes nothing."""
GREY = PatternFill("solid", fgColor="D9D9D9")

ROSTER = [
    ("Stuurgroep RES Noordkust", "stuurgroep", [
        ("Marieke van Dam", "Provincie Noord-Holland", "Gedeputeerde Energie", "x"),
        ("Joost Verbeek", "Gemeente Haarlem", "Wethouder Duurzaamheid", ""),
        ("Fatima el Amrani", "Gemeente Zandvoort", "Wethouder Klimaat", ""),
        ("Pieter de Boer", "Hoogheemraadschap van Rijnland", "Heemraad", ""),
        ("Ellen Kramer", "Liander", "Regiomanager", ""),
    ]),
    ("Programmaraad RES", "programmaraad", [
        ("Sanne Visser", "Provincie Noord-Holland", "Programmadirecteur RES", "x"),
        ("Tom Hendriks", "Gemeente Haarlem", "Projectleider Warmte", ""),
        ("Rik Mulder", "Provincie Noord-Holland", "Projectleider Opwek", ""),
        ("Lisa Bakker", "Omgevingsdienst IJmond", "Adviseur Vergunningen", ""),
        ("Ahmed Yilmaz", "Liander", "Netstrateeg", ""),
    ]),
    ("Werkgroep Warmte", "werkgroep", [
        ("Tom Hendriks", "Gemeente Haarlem", "Projectleider Warmte", "x"),
        ("Noor de Wit", "Gemeente Zandvoort", "Beleidsadviseur Warmte", ""),
        ("Ahmed Yilmaz", "Liander", "Netstrateeg", ""),
    ]),
    ("Werkgroep Zon en Wind", "werkgroep", [
        ("Rik Mulder", "Provincie Noord-Holland", "Projectleider Opwek", "x"),
        ("Lisa Bakker", "Omgevingsdienst IJmond", "Adviseur Vergunningen", ""),
        ("Ellen Kramer", "Liander", "Regiomanager", ""),
    ]),
    ("Klankbordgroep Inwoners", "klankbordgroep", [
        ("Hans Koster", "Energiecoöperatie Kennemerland", "voorzitter", ""),
        ("Anouk Jansen", "Buurtvereniging Schalkwijk", "lid", ""),
        ("Bart Smit", "Dorpsraad Bentveld", "lid", ""),
    ]),
]

ACTORS = [
    ("Bestuur", ["Stuurgroep RES Noordkust", "Gedeputeerde Energie", "Wethouder Duurzaamheid"]),
    ("Programma", ["Programmadirecteur RES", "Projectleider Warmte", "Projectleider Opwek"]),
    ("Partners", ["Netstrateeg", "Adviseur Vergunningen"]),
]
AREAS: dict[str, list[Any]] = {
    "Warmte": [
        "Transitievisie warmte",
        ("W1.1", "", "Transitievisies warmte actualiseren", "I", "I", "A", "C", "R", "", "C", "",
         "Per gemeente, gelijk opgetrokken"),
        ("W1.2", "", "Regionale warmtebronnen in kaart brengen", "", "", "", "C", "A/R", "",
         "C", "C", ""),
        ("W1.3", "", "Pilot seizoensopslag warmte", "", "A", "A", "C", "R", "", "", "",
         "Bekostiging nog open"),
        "Wijkuitvoeringsplannen",
        ("W2.1", "", "Wijkuitvoeringsplan Schalkwijk", "I", "", "A", "C", "R", "", "C", "", ""),
        ("W2.2", "besluit", "Besluit aanleg warmtenet Haarlem-Oost", "A", "C", "C", "C", "I",
         "", "C", "", "Na advies programmaraad"),
    ],
    "Zon en wind": [
        "Zoekgebieden",
        ("Z1.1", "", "Zoekgebieden zon op land vaststellen", "I", "A", "", "C", "", "R", "C",
         "C", ""),
        ("Z1.2", "", "Participatieplan windenergie", "", "", "C", "", "", "A/R", "", "C", ""),
        ("Z1.3", "", "Zonnedaken op maatschappelijk vastgoed", "", "A", "C", "I", "", "", "",
         "", "Trekker nog te benoemen"),
        "Netcapaciteit",
        ("Z2.1", "", "Netimpactanalyse RES 2.0", "", "", "", "A", "", "C", "R", "", ""),
        ("Z2.2", "besluit", "Besluit prioritering netaansluitingen", "A", "C", "C", "C", "", "",
         "C", "C", ""),
        ("Z2.3", "", "Monitoring opgesteld vermogen", "I", "I", "", "A", "", "R", "C", "", ""),
    ],
}
LEGEND = [
    ["Legenda"],
    ["R", "Responsible: voert uit"],
    ["A", "Accountable: eigenaar, legt verantwoording af (één per activiteit)"],
    ["A/R", "Eigenaar die ook uitvoert"],
    ["C", "Consulted: wordt vooraf geraadpleegd"],
    ["I", "Informed: wordt achteraf geïnformeerd"],
]


def roster_workbook() -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Samenstelling"
    sheet.append(["RES Noordkust"])
    sheet.append(["Samenstelling overleggen, peildatum 1 november 2026"])
    sheet.append([])
    sheet.append(["Overleg", "Soort", "Naam", "Organisatie", "Functie", "Voorzitter"])
    for body, kind, seats in ROSTER:
        for number, (person, unit, function, chair) in enumerate(seats):
            # grouped, as such lists are kept: the body named on its first seat only
            first = number == 0
            sheet.append([body if first else None, kind if first else None, person, unit,
                          function, chair or None])
    _style(sheet, header_row=4, widths=(28, 16, 20, 32, 26, 11))
    return workbook


def matrix_workbook() -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for area, rows in AREAS.items():
        sheet = workbook.create_sheet(area)
        sheet.append(["RACI-matrix Regionale Energiestrategie Noordkust"])
        sheet.append([f"Programmalijn {area.lower()}; versie 1.2, vastgesteld in de "
                      "stuurgroep van 14 oktober 2026"])
        band: list[str | None] = [None, None, None]
        names = ["Nr", "Soort", "Activiteit"]
        for group, actors in ACTORS:
            band += [group] + [None] * (len(actors) - 1)
            names += actors
        sheet.append(band)
        sheet.append([*names, "Toelichting"])
        column = 4
        for _, actors in ACTORS:
            sheet.merge_cells(start_row=3, start_column=column, end_row=3,
                              end_column=column + len(actors) - 1)
            column += len(actors)
        sheet.merge_cells("C3:C4")  # the items' header, merged down over the band
        sheet["C3"] = "Activiteit"
        for row in rows:
            sheet.append([None, None, row] if isinstance(row, str) else
                         [cell or None for cell in row])
            if isinstance(row, str):
                sheet.cell(sheet.max_row, 3).font = Font(bold=True)
        _style(sheet, header_row=4, widths=(7, 9, 44, *([6] * 8), 30))
        for cell in sheet[4][3:11]:
            cell.alignment = Alignment(text_rotation=90, horizontal="center")
        sheet.row_dimensions[4].height = 140
    legend = workbook.create_sheet("Legenda")
    for row in LEGEND:
        legend.append(row)
    return workbook


def _style(sheet: Any, header_row: int, widths: tuple[int, ...]) -> None:
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[header_row]:
        cell.font, cell.fill = Font(bold=True), GREY
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(header_row + 1, 1)


def save(workbook: Workbook, name: str) -> None:
    workbook.properties.creator = "raci"
    workbook.properties.created = workbook.properties.modified = WRITTEN
    workbook.save(SAMPLES / name)
    print(f"wrote {SAMPLES / name}")


if __name__ == "__main__":
    save(roster_workbook(), "res-noordkust-leden.xlsx")
    save(matrix_workbook(), "res-noordkust-matrix.xlsx")
