"""Which column of a sheet holds what: the headers raci recognises, and `--column`.

Headers are compared as `name_key` reads names (case, accents and spaces
ignored), in Dutch and English. `--column FIELD=HEADER` names a column
the words below do not cover, by its header or by its letter (``A``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from raci.errors import UsageError
from raci.formats.spreadsheet import column_number
from raci.model.naming import name_key

MATRIX_HEADERS: dict[str, frozenset[str]] = {
    "item": frozenset({"item", "items", "naam", "name", "taak", "taken", "task", "tasks",
                       "activiteit", "activiteiten", "activity", "activities", "deliverable",
                       "deliverables", "onderwerp", "titel", "title", "werkzaamheden",
                       "proces", "process", "processtap"}),
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
    "chair": frozenset({"chair", "voorzitter", "vz", "chairperson", "voorzitterschap"}),
    "id": frozenset({"id", "personid", "username", "gebruikersnaam", "login", "github",
                     "githubname", "githubhandle", "handle"}),
    "unit": frozenset({"unit", "organisatie", "organisation", "organization", "company",
                       "bedrijf", "afdeling", "department", "directie", "employer",
                       "werkgever", "affiliation", "namens", "eenheid", "dienst"}),
    "role": frozenset({"role", "rol", "function", "functie", "title", "functietitel",
                       "jobtitle", "position"}),
    "kind": frozenset({"soort", "kind", "type", "bodykind", "soortoverleg"}),
    "tag": frozenset({"tag", "tags", "label", "categorie", "category"}),
    "body": frozenset({"body", "overleg", "gremium", "orgaan", "commissie", "committee",
                       "board", "group", "groep", "team", "werkgroep", "stuurgroep",
                       "project", "projectgroep", "raad", "council", "overlegorgaan"}),
    "person": frozenset({"person", "persoon", "naam", "name", "lid", "leden", "member",
                         "members", "maintainer", "deelnemer", "participant", "fullname",
                         "volledigenaam", "medewerker"}),
}
"""The columns of a roster, in the order a header's words are tried: "Github
Name" is an id and "Company Name" a unit before "Name" makes either a person."""
ROSTER_FIELDS = (*ROSTER_HEADERS, "ignore")


@dataclass
class ColumnChoices:
    """`--column FIELD=HEADER` options, by field (``ignore`` may be given often)."""

    headers: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, options: Iterable[str], fields: Iterable[str]) -> ColumnChoices:
        known = tuple(fields)
        choices = cls()
        for option in options:
            name, sep, header = option.partition("=")
            name = name.strip().lower()
            if not sep or not header.strip():
                raise UsageError(f"--column {option}: write FIELD=HEADER, as in "
                                 "--column body=Project")
            if name not in known:
                raise UsageError(f"--column {option}: no field {name!r} here; "
                                 f"fields: {', '.join(known)}")
            given = choices.headers.setdefault(name, [])
            if given and name != "ignore":
                raise UsageError(f"--column {name}: given twice ({given[0]}, {header})")
            given.append(header.strip())
        return choices

    def columns(self, header: list[str]) -> dict[int, str]:
        """Column -> field for the choices found in this header row: by header
        text, else by column letter."""
        keys = [name_key(text) for text in header]
        found: dict[int, str] = {}
        for field_name, texts in self.headers.items():
            for text in texts:
                column = _find(keys, text)
                if column is not None:
                    found[column] = field_name
        return found

    def missing(self, header: list[str]) -> list[str]:
        keys = [name_key(text) for text in header]
        return [f"{f}={t}" for f, texts in self.headers.items() for t in texts
                if _find(keys, t) is None]


def _find(keys: list[str], text: str) -> int | None:
    key = name_key(text)
    if key in keys:
        return keys.index(key)
    return column_number(text)


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


def _words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in text).split()
