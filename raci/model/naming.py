"""Names and ids for entities that come from a spreadsheet: matching and making.

A sheet names things the way people write them: ``Petra Jansen``, ``petra
jansen``, ``Petra  Jansen``, ``Pétra Jansen``. `name_key` reads those as one
name (case, accents and spacing ignored); `Names` finds the entity a name
or id means; `IdMaker` makes readable, stable, unique ids from names.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

from slugify import slugify

from raci.model.entities import BODY_KINDS, Entity
from raci.model.model import Model

ID_LENGTH = 60
"""Made ids stay well under the `entities.ID_MAX_LENGTH` characters an id may have."""


def name_key(text: str) -> str:
    """The name as matching reads it: lower case, no accents, no spaces."""
    return "".join(name_key_spaced(text).split())


def name_key_spaced(text: str) -> str:
    """The name in lower case with no accents, its spaces kept."""
    if not text.isascii():  # most names are: they have no accents to take off
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.casefold()


_PLAIN = re.compile(r"[^-a-z0-9]+")
_DASHES = re.compile(r"-{2,}")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")


def slug(name: str) -> str:
    """``Stuurgroep Warmte`` -> ``stuurgroep-warmte``, as python-slugify makes it
    (at most `ID_LENGTH` characters, cut between words).

    A plain ASCII name (no quote, no ``&``) gets the same slug from three
    regular expressions, ten times faster: a sheet of 100,000 rows makes as
    many ids. Anything else goes through slugify, which transliterates.
    """
    if name.isascii() and "'" not in name and "&" not in name:
        made = _DASHES.sub("-", _PLAIN.sub("-", _DIGIT_COMMA.sub("", name.lower()))).strip("-")
        if len(made) < ID_LENGTH:
            return made
    return str(slugify(name, max_length=ID_LENGTH, word_boundary=True))


class IdMaker:
    """Ids from names: ``Stuurgroep Warmte`` -> ``stuurgroep-warmte``; a name
    taken already gets ``-2``, ``-3``. The same names in the same order give
    the same ids, so importing a sheet again finds what it made before."""

    def __init__(self, taken: Iterable[str]) -> None:
        self.taken = set(taken)

    def make(self, name: str, fallback: str) -> str:
        base = slug(name) or fallback
        made, number = base, 1
        while made in self.taken:
            number += 1
            made = f"{base}-{number}"
        self.taken.add(made)
        return made

    def claim(self, entity_id: str) -> None:
        self.taken.add(entity_id)


class Names:
    """The entities of some kinds, found by id or by name (`name_key`).

    Entities added during an import are found like those already there.
    Where several share a name, `find` gives the first one not yet claimed,
    so rows of one name in a sheet map to the model's entities of that
    name in order, each once.
    """

    def __init__(self, model: Model, kinds: Iterable[str]) -> None:
        self.ids: dict[str, Entity] = {}
        self.folded_ids: dict[str, Entity] = {}
        self.by_key: dict[str, list[Entity]] = defaultdict(list)
        for kind in kinds:
            for entity in model.collection(kind).values():
                self.add(entity)

    def add(self, entity: Entity) -> None:
        self.ids[entity.id] = entity
        self.folded_ids.setdefault(entity.id.casefold(), entity)
        self.by_key[name_key(entity.name)].append(entity)

    def find_id(self, entity_id: str) -> Entity | None:
        """The entity with this id, else with this id in another case (``Peefy``
        is ``peefy``: ids written by people, such as user names, vary so)."""
        return self.ids.get(entity_id) or self.folded_ids.get(entity_id.casefold())

    def find(self, text: str, claimed: set[str] | None = None) -> Entity | None:
        """The entity with this id, else the first (unclaimed) one with this name."""
        if text in self.ids:
            return self.ids[text]
        for entity in self.by_key.get(name_key(text), ()):
            if claimed is None or entity.id not in claimed:
                return entity
        return None


# Words that name a kind of body, in Dutch and English, each with its kind;
# a body's name that holds one gives its kind ("Stuurgroep Warmte").
BODY_KIND_WORDS: dict[str, str] = {
    "stuurgroep": "steering_group", "steeringgroup": "steering_group",
    "steeringcommittee": "steering_group", "steering": "steering_group",
    "programmaraad": "programme_board", "programmaboard": "programme_board",
    "programmeboard": "programme_board", "programboard": "programme_board",
    "portfolioraad": "portfolio_board", "portfolioboard": "portfolio_board",
    "portefeuilleraad": "portfolio_board",
    "regiegroep": "steering_group",
    "taskforce": "taskforce",
    "crisisteam": "crisis_team", "crisisteams": "crisis_team",
    "werkgroep": "working_group", "workinggroup": "working_group",
    "workgroup": "working_group", "projectgroep": "working_group",
    "commissie": "committee", "committee": "committee", "comite": "committee",
    "adviesraad": "advisory_board", "advisoryboard": "advisory_board",
    "advisorycouncil": "advisory_board", "klankbordgroep": "advisory_board",
}


def body_kind_named(text: str) -> str | None:
    """The kind of body a cell names: ``stuurgroep``, ``steering_group``,
    ``Working group``; None for anything else."""
    key = name_key(text).replace("_", "").replace("-", "")
    if key in BODY_KIND_WORDS:
        return BODY_KIND_WORDS[key]
    return next((kind for kind in BODY_KINDS if kind.replace("_", "") == key), None)


BODY_WORDS = frozenset({*BODY_KIND_WORDS, "overleg", "beraad", "board", "council", "raad",
                        "bestuur", "college", "staten", "managementteam", "directieteam", "mt"})
"""Words that make a name a body's: the kind words, and those of bodies of no
particular kind ("Bestuurlijk overleg", "Raad van Bestuur", "MT"). A word of
a name that ends in one counts ("Auditcommissie", "Ketenoverleg")."""
HOLDER_WORDS = frozenset({
    "voorzitter", "secretaris", "secretariaat", "lid", "leden", "griffier", "adviseur",
    "kwartiermaker", "trekker", "eigenaar", "houder", "directeur", "manager", "opdrachtgever",
    "coordinator", "vertegenwoordiger", "medewerker", "leider", "beheerder", "notulist",
    "ambtenaar", "chair", "chairman", "chairperson", "chairwoman", "secretary", "member",
    "members", "advisor", "adviser", "lead", "leader", "owner", "director", "officer",
    "representative"})
"""Words that make a name a person's or a role's, though it names a body too:
"Voorzitter stuurgroep", "Raadslid", "Steering Committee Chair"."""
SHORT_WORD = 3
"""Words this short count only whole: "mt" is no part of another word."""


def names_a_body(name: str) -> bool:
    """Whether a name says it is a body's ("Stuurgroep Warmte", "Overleg
    Wijken", "Steering Committee"), not a person's or a role's ("Voorzitter
    stuurgroep", "Raadslid")."""
    words = re.findall(r"[a-z0-9]+", name_key_spaced(name))
    pairs = [a + b for a, b in itertools.pairwise(words)]  # "task force", "working group"
    if any(_ends_in(word, HOLDER_WORDS) for word in words):
        return False
    return any(_ends_in(word, BODY_WORDS) for word in words + pairs)


def _ends_in(word: str, endings: frozenset[str]) -> bool:
    return word in endings or any(word.endswith(end) for end in endings
                                  if len(end) > SHORT_WORD)


LEADS_WORDS = ("leads", "leiding")
"""A body's name that ends in one names a team of leads ("Working Group
Leads", "Werkgroepleiding"), not the group they lead: its kind is other."""


def body_kind_in_name(name: str) -> str:
    """The kind a body's name suggests (the first kind word in it), else ``other``."""
    key = name_key(name).replace("-", "")
    if key.endswith(LEADS_WORDS):
        return "other"
    for word, kind in BODY_KIND_WORDS.items():
        if word in key:
            return kind
    return "other"


ITEM_KIND_WORDS: dict[str, str] = {
    "goal": "goal", "doel": "goal", "doelstelling": "goal", "objective": "goal",
    "initiative": "initiative", "initiatief": "initiative", "project": "initiative",
    "activity": "initiative", "activiteit": "initiative", "programme": "initiative",
    "programma": "initiative", "deliverable": "initiative",
    "decision": "decision", "besluit": "decision", "beslissing": "decision",
    "kpi": "kpi", "indicator": "kpi", "indicatoren": "kpi", "prestatie-indicator": "kpi",
}


def item_kind_named(text: str) -> str | None:
    """The kind of item a cell names, in Dutch or English; None for anything else."""
    return ITEM_KIND_WORDS.get(name_key(text))
