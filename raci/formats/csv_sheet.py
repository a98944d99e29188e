"""A CSV file read as one sheet, every line of it checked before csv reads it.

The file is scanned once, in blocks of whole lines (never held whole), for
what Python's csv module would read wrongly or refuse in its own words: a
NUL character (a binary file), and bytes that are not text. Its encoding is
the BOM's, else UTF-8 when all of it is, else Windows-1252 (Excel's plain
"CSV") when no character in it is UTF-8: a file that is UTF-8 in part is
refused at the first line that is not, rather than read as garbled names.
The rows are then read strictly, so that a stray quote is refused at its
line instead of swallowing the rows after it. Every refusal is one line in
the user's words, naming the file and the line as a text editor counts it.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from raci.errors import ModelFileError
from raci.formats.spreadsheet import Row, Sheet
from raci.i18n import N_, Said

SAMPLE_BYTES = 65_536
BLOCK_BYTES = 1 << 20
SEPARATORS = ",;\t"
_UTF8_TEXT = re.compile("[^\x00-\x7f\udc80-\udcff]")
"""A character only UTF-8 gives (not ASCII, not an undecodable byte)."""


def csv_sheet(path: Path, raw: BinaryIO) -> Sheet:
    """The one sheet of a CSV file, its rows read as they are asked for."""
    sample = raw.read(SAMPLE_BYTES)
    raw.seek(0)
    encoding = _encoding(path, raw, sample)
    raw.seek(0)
    head = sample.decode(encoding, errors="replace").lstrip("\ufeff")
    lines = _Lines(path, io.TextIOWrapper(raw, encoding=encoding, newline=""))
    declared = re.match(r"sep=(.)\r?\n", head)
    if declared:  # Excel's hint line, which Excel itself hides
        next(lines)
        separator = declared.group(1)
    else:
        separator = "\t" if encoding == "utf-16" else _separator(head)
    reader = csv.reader(lines, delimiter=separator, strict=True)
    return Sheet(str(path), path.name, path.stem, _rows(path, reader, lines), None,
                 in_workbook=False)


NUL_LINE = N_("{path}: line {line} holds a NUL character, so this is not a text file; save "
              "it as CSV from a spreadsheet program")
NOT_TEXT_LINE = N_("{path}: line {line} is not text in a known encoding (UTF-8, UTF-16 or "
                   "Windows-1252); save the file as CSV UTF-8")


@dataclass
class _Scan:
    """What a scan of the file found: the first line holding a NUL character,
    the first that is not text in the encoding, and whether any line holds a
    character only UTF-8 gives."""

    nul: int | None = None
    bad: int | None = None
    utf8: bool = False


def _encoding(path: Path, raw: BinaryIO, sample: bytes) -> str:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"  # checked line by line as it is read (`_Lines`)
    scan = _scan(raw, "utf-8")
    bom = sample.startswith(codecs.BOM_UTF8)
    if scan.bad is None or scan.utf8 or bom or scan.nul is not None:
        _refuse(path, scan, utf8=True)
        return "utf-8-sig" if bom else "utf-8"
    raw.seek(0)
    _refuse(path, _scan(raw, "cp1252"), utf8=False)
    return "cp1252"


def _scan(raw: BinaryIO, encoding: str) -> _Scan:
    """Read the file in blocks cut after a line break (which no byte of a
    character of these encodings is) until the first NUL character, or the
    first line that is not text together with a character only UTF-8 gives."""
    scan, line, carry = _Scan(), 1, b""
    while True:
        block = raw.read(BLOCK_BYTES)
        data = carry + block
        cut = data.rfind(b"\n") + 1 if block else len(data)
        piece, carry = data[:cut], data[cut:]
        nul = piece.find(b"\x00")
        if nul >= 0:
            scan.nul = line + _breaks(piece[:nul])
            return scan
        if not scan.utf8:
            scan.utf8 = bool(_UTF8_TEXT.search(piece.decode(encoding, "surrogateescape")))
        if scan.bad is None:
            try:
                piece.decode(encoding)
            except UnicodeDecodeError as error:
                scan.bad = line + _breaks(piece[:error.start])
        line += _breaks(piece)
        if not block or (scan.bad is not None and scan.utf8):
            return scan


def _breaks(data: bytes) -> int:
    """Line breaks, as a text editor (and csv) counts them: CR LF, CR or LF."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _refuse(path: Path, scan: _Scan, *, utf8: bool) -> None:
    """Refuse the file at the line the scan found, if any: `utf8` when it
    was read as UTF-8 (it is UTF-8 in part, or says so with a BOM)."""
    if scan.nul is not None:
        raise ModelFileError([Said(NUL_LINE, path=path, line=scan.nul)])
    if scan.bad is None:
        return
    if utf8:
        raise ModelFileError([Said(N_(
            "{path}: line {line} is not UTF-8 text, though the rest of the file is; retype "
            "the odd characters on that line, or save the file as CSV UTF-8"),
            path=path, line=scan.bad)])
    raise ModelFileError([Said(NOT_TEXT_LINE, path=path, line=scan.bad)])


def _separator(head: str) -> str:
    """The separator used most in the first lines: a title row may hold none."""
    lines = head.splitlines()[:20]
    counts = {sep: sum(line.count(sep) for line in lines) for sep in SEPARATORS}
    best = max(SEPARATORS, key=lambda sep: counts[sep])
    return best if counts[best] else ","


class _Lines:
    """The file's lines for csv, counted as a text editor counts them; a
    UTF-16 file (not scanned before) is checked here."""

    def __init__(self, path: Path, text: io.TextIOWrapper) -> None:
        self.path, self.text = path, text
        self.number = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            line = self.text.readline()
        except UnicodeDecodeError:  # counted from the last line read: near enough
            raise ModelFileError([Said(NOT_TEXT_LINE, path=self.path,
                                       line=self.number + 1)]) from None
        if not line:
            raise StopIteration
        self.number += 1
        if "\x00" in line:
            raise ModelFileError([Said(NUL_LINE, path=self.path, line=self.number)])
        return line


def _rows(path: Path, reader: Iterator[list[str]], lines: _Lines) -> Iterator[Row]:
    """The records, numbered as Excel numbers them (`Sheet.cell`); what csv
    cannot read is said at its line."""
    number = 0
    with lines.text:  # closed when the rows are read, or left unread
        while True:
            start = lines.number + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ModelFileError([_unreadable(path, str(error), start,
                                                  lines.number)]) from None
            number += 1
            yield number, [cell.strip() for cell in cells]


def _unreadable(path: Path, error: str, start: int, line: int) -> Said:
    if "unexpected end of data" in error:
        return Said(N_("{path}: line {line}: a quote (\") opens a cell that is never closed, so "
                       "the rest of the file would be one cell; close the cell with a quote, or "
                       "remove it"), path=path, line=start)
    if "field larger than field limit" in error:
        return Said(N_("{path}: line {line}: a cell longer than {limit} characters begins "
                       "here; most likely a quote (\") opens it and is never closed: close it, "
                       "or remove it"), path=path, line=start, limit=csv.field_size_limit())
    if "expected after" in error:
        if line > start:
            return Said(N_("{path}: lines {start} to {line}: a quote (\") on line {start} opens "
                           "a cell that a quote on line {line} closes, and text follows it; "
                           "remove the stray quote, or put the whole cell in quotes with each "
                           "quote inside it doubled (\"\")"), path=path, start=start, line=line)
        return Said(N_("{path}: line {line}: a cell in quotes goes on after its closing quote; "
                       "put the whole cell in quotes with each quote inside it doubled (\"\"), "
                       "or remove the stray quote"), path=path, line=line)
    return Said(N_("{path}: line {line} cannot be read as CSV; save the file as CSV from a "
                   "spreadsheet program"), path=path, line=line)

