"""Wording found in the acceptance pass on real data: the statistics' levels
in Dutch, the import's notes naming cells one way, a split printed into one
PDF told as parts of one file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLE, Raci

from raci.model.merge import _as_noted

REALDATA = Path("/work/shared/realdata")


def test_statistics_say_the_level_in_dutch(raci: Raci) -> None:
    done = raci("lint", SAMPLE, "--statistics", "--lang", "nl")
    counts = [line for line in done.out.splitlines() if "\t" in line]
    assert counts, done.out
    assert all(("[fout]" in line or "[waarschuwing]" in line or "[melding]" in line)
               for line in counts), counts


@pytest.mark.parametrize("cell, noted", [
    ("/data/leden.csv:C3", "leden.csv:C3"),
    ("leden.csv:C3", "leden.csv:C3"),
    ("/data/org.xlsx:Leden!C3", "Leden!C3"),
    ("/data/org.xlsx:'Leden 2026'!C3", "'Leden 2026'!C3"),
])
def test_a_seat_cell_is_named_as_the_other_notes_name_cells(cell: str, noted: str) -> None:
    assert _as_noted(cell) == noted


ROSTER = """\
Body,Person,Function
Board,Ann Smith,Chair
Board,Ann Smith,Treasurer
"""


def test_a_person_listed_again_is_told_by_file_name(raci: Raci, tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "folder"
    folder.mkdir(parents=True)
    (folder / "roster.csv").write_text(ROSTER, encoding="utf-8")
    done = raci("import", folder / "roster.csv", "--into", tmp_path / "x.db")
    assert done.code == 0, done.err
    told = [line for line in done.err.splitlines() if "listed again" in line]
    assert told and "Ann Smith in Board at roster.csv:B3 (first at B2)" in told[0], done.err
    assert str(folder) not in done.err


@pytest.mark.skipif(not (REALDATA / "cncf_project-maintainers.csv").is_file(),
                    reason="the real CNCF roster is not on this machine")
def test_the_real_roster_names_cells_by_file_name(raci: Raci, tmp_path: Path) -> None:
    done = raci("import", REALDATA / "cncf_project-maintainers.csv", "--into",
                tmp_path / "x.db", "--column", "tag=A", "--lang", "nl")
    assert done.code == 0, done.err
    assert "opnieuw genoemd" in done.err
    assert str(REALDATA) not in done.err


def test_a_split_into_one_pdf_is_told_as_parts_of_it(raci: Raci, tmp_path: Path) -> None:
    done = raci("diagram", SAMPLE, "--view", "org", "--split", "unit", "--page", "a4",
                "-o", tmp_path / "org.pdf", "--lang", "nl")
    assert done.code == 0, done.err
    told = done.err.splitlines()[-1]
    assert told.endswith("delen geschreven in org.pdf"), done.err
