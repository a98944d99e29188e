"""Which column of a sheet holds what: the headers raci recognises, and `--column`.

Headers are compared as `name_key` reads names (case, accents and spaces
ignored), in Dutch and English. `--column FIELD=HEADER` names a column
the words below do not cover, by its header or by its letter (``A``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from raci.errors import ModelFileError, UsageError
from raci.formats.spreadsheet import Sheet, column_letter, column_number
from raci.i18n import _
from raci.model.entities import LETTERS
from raci.model.naming import name_key
from raci.model.sheets import Layout, quoted

TASK_HEADERS = frozenset({"taak", "taken", "task", "tasks", "activiteit", "activiteiten",
                          "activity", "activities", "deliverable", "deliverables",
                          "werkzaamheden", "processtap"})
"""Headers of the column of the work itself: the items, even next to a process column."""
PROCESS_HEADERS = frozenset({"proces", "processen", "process", "processes", "fase", "fasen",
                             "fases", "phase", "phases"})
"""Headers of a column that groups the work: the items' names when alone, their
goals next to a task column."""
MATRIX_HEADERS: dict[str, frozenset[str]] = {
    "item": TASK_HEADERS | PROCESS_HEADERS | {"item", "items", "naam", "name", "onderwerp",
                                              "titel", "title"},
    "id": frozenset({"id", "nr", "nr.", "no", "no.", "#", "nummer", "number", "code", "ref",
                     "referentie", "reference", "itemid"}),
    "kind": frozenset({"soort", "kind", "type", "itemtype", "soortitem"}),
    "goal": frozenset({"doel", "doelen", "goal", "goals", "parentgoal", "hoofddoel",
                       "bovenliggenddoel", "doelstelling", "objective"}),
    "description": frozenset({"omschrijving", "beschrijving", "toelichting", "description",
                              "notes", "note", "opmerkingen", "opmerking", "remarks",
                              "comments", "notities"}),
}
"""The columns of a matrix besides its actors. The items' names are in the
column headed as such (or `--column item=`), else in the first other column
unless it holds RACI letters, else in the description column; every named
column after it is an actor."""
MATRIX_FIELDS = (*MATRIX_HEADERS, "ignore")

ROSTER_HEADERS: dict[str, frozenset[str]] = {
    "chair": frozenset({"chair", "voorzitter", "vz", "chairperson", "voorzitterschap",
                        "rolinoverleg", "rolinhetoverleg", "rolingremium", "rolinhetgremium",
                        "hoedanigheid", "roleinbody", "roleincommittee", "seatrole"}),
    "id": frozenset({"id", "personid", "username", "gebruikersnaam", "login", "github",
                     "githubname", "githubhandle", "handle"}),
    "unit": frozenset({"unit", "organisatie", "organisation", "organization", "company",
                       "bedrijf", "afdeling", "department", "directie", "employer",
                       "werkgever", "affiliation", "namens", "eenheid", "dienst"}),
    "role": frozenset({"role", "rol", "function", "functie", "title", "functietitel",
                       "jobtitle", "position"}),
    "kind": frozenset({"soort", "kind", "type", "bodykind", "soortoverleg"}),
    "tag": frozenset({"tag", "tags", "label", "categorie", "category"}),
    "until": frozenset({"tot", "lidtot", "totdatum", "vertrokken", "uitgetreden",
                        "datumuittreding", "uittreding", "until", "memberuntil", "left",
                        "enddate", "leftdate"}),
    "body": frozenset({"body", "overleg", "gremium", "orgaan", "commissie", "committee",
                       "board", "group", "groep", "team", "werkgroep", "stuurgroep",
                       "project", "projectgroep", "raad", "council", "overlegorgaan"}),
    "person": frozenset({"person", "persoon", "naam", "name", "lid", "leden", "member",
                         "members", "maintainer", "deelnemer", "participant", "fullname",
                         "volledigenaam", "medewerker"}),
}
"""The columns of a roster, in the order a header's words are tried: "Github
Name" is an id and "Company Name" a unit before "Name" makes either a person.
The chair column is each seat's part in its body too ("Rol in overleg":
voorzitter, secretaris, lid): only the chair's is recorded."""
ROSTER_FIELDS = (*ROSTER_HEADERS, "ignore")
LAYOUT_FIELDS: dict[Layout, tuple[str, ...]] = {"matrix": MATRIX_FIELDS,
                                                "roster": ROSTER_FIELDS}


@dataclass
class ColumnChoices:
    """`--column FIELD=HEADER` options, by field (``ignore`` may be given often)."""

    headers: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, options: Iterable[str], layout: Layout, *, file: str = "",
              found: bool = False) -> ColumnChoices:
        """The choices for a sheet read in `layout` (`found` from its cells,
        not given with ``--layout``); a field the layout lacks is refused
        naming the `file`, and the layout that has it."""
        known = LAYOUT_FIELDS[layout]
        choices = cls()
        for option in options:
            name, sep, header = option.partition("=")
            name = name.strip().lower()
            if not sep or not header.strip():
                example = name if name in known else known[0]
                raise UsageError(_("--column {option}: write FIELD=HEADER (a header or a "
                                   "column letter), as in --column {example}=B").format(
                    option=option, example=example))
            if name not in known:
                raise ModelFileError([_no_field(file, option, name, layout, found)])
            given = choices.headers.setdefault(name, [])
            if given and name != "ignore":
                raise UsageError(_("--column {name}: given twice ({first}, {second})").format(
                    name=name, first=given[0], second=header))
            given.append(header.strip())
        return choices

    def columns(self, header: list[str], width: int) -> dict[int, str]:
        """Column -> field for the choices found in this header row: by header
        text, else by column letter (of the `width` columns the sheet has;
        none when `width` is 0)."""
        keys = [name_key(text) for text in header]
        found: dict[int, str] = {}
        for field_name, text in self._each():
            column = _find(keys, text, width)
            if column is not None:
                found.setdefault(column, field_name)
        return found

    def check(self, sheet: Sheet, row: int, header: list[str], width: int) -> None:
        """Refuse, in one line, a choice that names no column of the sheet whose
        header is in `row`, and a column chosen twice."""
        keys = [name_key(text) for text in header]
        chosen: dict[int, str] = {}
        for field_name, text in self._each():
            option = f"--column {field_name}={text}"
            column = _find(keys, text, width)
            if column is None:
                raise ModelFileError([_no_column(sheet, row, header, width, option, text)])
            if column in chosen:
                raise ModelFileError([_("{cell}: column {column} is chosen twice ({first}, "
                                        "{second}); give each field a column of its own")
                                      .format(cell=sheet.cell(row, column),
                                              column=column_letter(column),
                                              first=chosen[column], second=option)])
            chosen[column] = option

    def _each(self) -> Iterator[tuple[str, str]]:
        return ((name, text) for name, texts in self.headers.items() for text in texts)


def _no_field(file: str, option: str, name: str, layout: Layout, found: bool) -> str:
    """A field of the other layout gets that layout suggested (``--column
    body=`` on a matrix is meant for a roster)."""
    other: Layout = "roster" if layout == "matrix" else "matrix"
    if name not in LAYOUT_FIELDS[other]:
        text = (_("{file}: --column {option}: no field {name} in a RACI matrix; fields: "
                  "{fields}") if layout == "matrix" else
                _("{file}: --column {option}: no field {name} in a roster; fields: {fields}"))
        return text.format(file=file, option=option, name=quoted(name),
                           fields=", ".join(LAYOUT_FIELDS[layout]))
    if layout == "matrix":
        why = (_("it holds R, A, C and I cells under a header of names") if found else
               "--layout matrix")
        text = _("{file}: --column {option}: {name} is a field of a roster, but the file is "
                 "read as a RACI matrix ({why}); to read it as a roster, give --layout roster")
    else:
        why = _("it has a person column and no RACI letters") if found else "--layout roster"
        text = _("{file}: --column {option}: {name} is a field of a RACI matrix, but the file "
                 "is read as a roster ({why}); to read it as a matrix, give --layout matrix")
    return text.format(file=file, option=option, name=quoted(name), why=why)


def _find(keys: list[str], text: str, width: int) -> int | None:
    key = name_key(text)
    if key in keys:
        return keys.index(key)
    column = column_number(text)
    return column if column is not None and column < width else None


def _no_column(sheet: Sheet, row: int, header: list[str], width: int, option: str,
               text: str) -> str:
    if column_number(text) is not None:
        return _("{sheet}: {option}: no column {column} (the sheet's columns are {first} to "
                 "{last}); give a column letter or header of the sheet").format(
            sheet=sheet.where, option=option, column=text.upper(), first="A",
            last=column_letter(max(width, 1) - 1))
    return _("{sheet}: {option}: no such header in row {row}; headers: {headers}").format(
        sheet=sheet.where, option=option, row=row,
        headers=", ".join(quoted(t) for t in header if t))


def used_width(rows: Iterable[list[str]]) -> int:
    """How many columns these rows use: up to the last filled cell."""
    return max((max((c for c, text in enumerate(cells) if text), default=-1) + 1
                for cells in rows), default=0)


def recognised(header: list[str], vocabulary: Mapping[str, frozenset[str]], *,
               by_word: bool, taken: Mapping[int, str]) -> dict[int, str]:
    """Column -> field for the headers the vocabulary knows, each field once
    (the leftmost column), besides the columns already `taken`."""
    found = dict(taken)
    used = set(taken.values())
    passes = [lambda text: [name_key(text)]]
    if by_word:
        passes.append(lambda text: [name_key(w) for w in _words(text)])
    for words_of in passes:
        for field_name, words in vocabulary.items():
            if field_name in used:
                continue
            for column, text in enumerate(header):
                if column not in found and text and words.intersection(words_of(text)):
                    found[column] = field_name
                    used.add(field_name)
                    break
    return found


def prefer_tasks(header: list[str], fields: dict[int, str], chosen: Mapping[int, str]) -> None:
    """With a process (or phase) column and a task column, the tasks are the
    items and the processes their goals, whichever is left; unless
    `--column item=` chose the names."""
    if "item" in chosen.values():
        return
    keys = [name_key(text) for text in header]
    task = next((c for c, key in enumerate(keys) if key in TASK_HEADERS), None)
    process = next((c for c, key in enumerate(keys) if key in PROCESS_HEADERS), None)
    if task is None or process is None or task in chosen or process in chosen:
        return
    for column, field_name in list(fields.items()):
        if field_name == "item":
            del fields[column]
    fields[task] = "item"
    if "goal" not in fields.values():
        fields[process] = "goal"


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text).split()


def holds_letters(rows: list[list[str]], column: int) -> bool:
    """Whether most of the column's filled cells in these rows are written in
    RACI letters, well or badly (``A``, ``C/I``, ``RR``): an actor's column."""
    filled = [cells[column] for cells in rows if column < len(cells) and cells[column]]
    return sum(map(written_in_letters, filled)) * 2 > len(filled)


def written_in_letters(text: str) -> bool:
    """Whether the text is written in RACI letters, well or badly (``A``, ``C/I``)."""
    written = {c for c in text.upper() if c.isalnum()}
    return bool(written) and written <= set(LETTERS)


def refuse_letters_columns(sheet: Sheet, row: int, header: list[str], fields: Mapping[int, str],
                           rows: list[list[str]], words: Mapping[str, str]) -> None:
    """A column of RACI letters is an actor's, chosen or recognised: refused
    as any field of `words` (field -> what it holds, marked with ``N_``), in
    the matrix and in a roster alike (its letters would be lost or made junk)."""
    for column, field_name in sorted(fields.items()):
        if field_name in words and holds_letters(rows, column):
            text = header[column] if column < len(header) else ""
            raise ModelFileError([_(
                "{cell}: {header} holds RACI letters, so it is an actor's column, not "
                "{what}; name the right column with --column {field}=HEADER").format(
                cell=sheet.cell(row, column) if row else sheet.where,
                header=quoted(text) if text else _("column {letter}").format(
                    letter=column_letter(column)),
                what=_(words[field_name]), field=field_name)])
