"""A CSV file that Python's csv module cannot read, or would read wrongly: a
NUL character, bytes that are not text, a stray quote, a cell past csv's
size limit. Each is refused in one line in the user's words and language,
naming the file and the line as a text editor counts it, exit code 2 and
nothing written; never csv's own text. A file in Windows-1252 whose first
accented letter comes late is read, not refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci

from raci.source import open_model

HEADER = b"Taak,Projectleider\r\nPlan,A\r\n"
LONG_ASCII = b"Toelichting " + b"x" * 70_000 + b"\r\n"
"""A row past the first 64 kB, so that a later line is not in the first look."""


@pytest.mark.parametrize(("content", "english", "dutch"), [
    (HEADER + LONG_ASCII + b"Bou\x00w,R\r\n",
     "line 4 holds a NUL character, so this is not a text file; save it as CSV from a "
     "spreadsheet program",
     "regel 4 bevat een NUL-teken, dus dit is geen tekstbestand; sla het op als CSV vanuit "
     "een spreadsheetprogramma"),
    (b"Taak,Projectleider\nP\xc3\xa9tra,A\nBouw,R\nD\xe9,I\n",
     "line 4 is not UTF-8 text, though the rest of the file is; retype the odd characters on "
     "that line, or save the file as CSV UTF-8",
     "regel 4 is geen UTF-8-tekst, de rest van het bestand wel; typ de vreemde tekens op die "
     "regel opnieuw, of sla het bestand op als CSV UTF-8"),
    (b"Taak,Projectleider\nP\xe9tra,A\nBouw\x81,R\n",
     "line 3 is not text in a known encoding (UTF-8, UTF-16 or Windows-1252); save the file "
     "as CSV UTF-8",
     "regel 3 is geen tekst in een bekende codering (UTF-8, UTF-16 of Windows-1252); sla het "
     "bestand op als CSV UTF-8"),
    (HEADER + b'"Bouw,R\r\nBeheer,I\r\n',
     'line 3: a quote (") opens a cell that is never closed, so the rest of the file would '
     "be one cell; close the cell with a quote, or remove it",
     'regel 3: een aanhalingsteken (") opent een cel die nergens wordt gesloten, zodat de '
     "rest van het bestand één cel zou worden; sluit de cel met een aanhalingsteken, of haal "
     "het weg"),
    (HEADER + b'"Bouw" fase 2,R\r\n',
     "line 3: a cell in quotes goes on after its closing quote; put the whole cell in quotes "
     'with each quote inside it doubled (""), or remove the stray quote',
     "regel 3: een cel tussen aanhalingstekens gaat door na het sluitende aanhalingsteken; "
     'zet de hele cel tussen aanhalingstekens en verdubbel elk aanhalingsteken erin (""), of '
     "haal het losse aanhalingsteken weg"),
    (HEADER + b'"Bouw,R\r\nBeheer,I\r\nHet "nieuwe" werken,C\r\n',
     'lines 3 to 5: a quote (") on line 3 opens a cell that a quote on line 5 closes, and '
     "text follows it; remove the stray quote, or put the whole cell in quotes with each "
     'quote inside it doubled ("")',
     'regels 3 tot en met 5: een aanhalingsteken (") op regel 3 opent een cel die een '
     "aanhalingsteken op regel 5 sluit, en daarna volgt nog tekst; haal het losse "
     "aanhalingsteken weg, of zet de hele cel tussen aanhalingstekens en verdubbel elk "
     'aanhalingsteken erin ("")'),
    (HEADER + b'"Bouw,R\r\n' + b"y" * 140_000 + b"\r\n",
     "line 3: a cell longer than 131072 characters begins here; most likely a quote (\") "
     "opens it and is never closed: close it, or remove it",
     "regel 3: hier begint een cel van meer dan 131072 tekens; waarschijnlijk opent een "
     "aanhalingsteken (\") haar en wordt het nergens gesloten: sluit het, of haal het weg"),
], ids=["nul", "partly-utf8", "no-encoding", "open-quote", "after-quote", "stray-quote",
        "too-long"])
def test_what_csv_cannot_read_is_said_at_its_line(raci: Raci, tmp_path: Path, content: bytes,
                                                   english: str, dutch: str) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_bytes(content)
    said = []
    for language in ("en", "nl"):
        result = raci("import", sheet, "--into", tmp_path / "org.db", "--lang", language)
        assert result.code == 2, result
        said.append(result.err)
    assert said == [f"{sheet}: {english}\n", f"{sheet}: {dutch}\n"]
    assert not (tmp_path / "org.db").exists()


def test_a_sep_line_counts_as_a_line(raci: Raci, tmp_path: Path) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_bytes(b'sep=;\nTaak;Team\n"Plan;A\n')
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.err.startswith(f"{sheet}: line 3: a quote")


def test_windows_accents_after_the_first_look_are_read(raci: Raci, tmp_path: Path) -> None:
    sheet = tmp_path / "matrix.csv"
    sheet.write_bytes(HEADER + LONG_ASCII + b"Co\xf6rdinatie,R\r\n")
    result = raci("import", sheet, "--into", tmp_path / "org.db")
    assert result.code == 0, result.err
    names = {i.name for i in open_model(str(tmp_path / "org.db")).model.initiatives.values()}
    assert "Coördinatie" in names
