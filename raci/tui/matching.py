"""Finding entities by what a user types: a name, part of one, or an id.

Ranked with rapidfuzz (weighted ratio over `name id`), an exact id first, so
that "petra" finds Petra Jansen (p.jansen) and "dg-bw" finds dg-bw. The
names and ids that hold the text as typed come first, ranked among
themselves; only when they are too few are the others scored (those a
cheap partial match finds nearest), so that the palette finds a person
among 80,000 entities in tens of milliseconds. As the user types on, the
names and ids that hold the text are looked for only among those that held
the text before it. No
Textual here: the form's completions, the palette and `/` search use it, and
the tests call it directly. rapidfuzz is imported when first used (40 ms
or more to load): the app shows its first findings without it, and builds
the palette's finder after them.
"""

from __future__ import annotations

from collections.abc import Iterable

from raci.model import Entity
from raci.model.entities import is_valid_id

MIN_SCORE = 60
"""rapidfuzz's WRatio, 0-100: below it a candidate shares too little with the text."""
NEAR_POOL = 500
"""How many of the entities not holding the text are ranked (see `EntityFinder.ranked`)."""


def holds_typed(entity: Entity, text: str) -> bool:
    """Whether `entity`'s name or id holds `text` as typed (in any case), or
    each word typed begins one of its words ("Secretaris-generaal Binnen" is
    the Secretaris-generaal Ministerie van Binnenlandse Zaken): only such a
    match is taken by enter alone, not one that is merely near ("Kees" is
    not Jan Hendriks, however the letters score)."""
    from rapidfuzz import utils

    typed = utils.default_process(text)
    line = _lines([entity])[0]
    words = line.split()
    return bool(typed) and (typed in line or all(
        any(word.startswith(part) for word in words) for part in typed.split()))


def entity_named(finder: EntityFinder, typed: str, shown: int) -> Entity | None:
    """The entity a typed name stands for, as a form takes it: the one whose
    name it is exactly, or (not typed as an id, for which the check names a
    near one) the one of the `shown` completions that holds it; None where
    there is none, or more than one."""
    found = finder.find(typed, shown)
    exact = [e for e in found if e.name.casefold() == typed.casefold()]
    holding = [] if is_valid_id(typed) else [e for e in found if holds_typed(e, typed)]
    one = exact if len(exact) == 1 else holding if len(holding) == 1 else []
    return one[0] if one else None


class EntityFinder:
    """The entities of some kinds, made ready to be found by name or id."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = list(entities)
        self.by_id = {entity.id: entity for entity in self.entities}
        self.texts = _lines(self.entities)
        self._last: tuple[str, dict[int, str]] = ("", {})
        """The text looked for last, and the lines (by number) that hold it."""

    def put(self, entity: Entity, at: int) -> None:
        """Find `entity` from now on, in place of the one of its id, else at
        `at` (its place among the entities, in the order they were given):
        as made anew, in the time of one entity."""
        text = _lines([entity])[0]
        old = self.by_id.get(entity.id)
        if old is None:
            self.entities.insert(at, entity)
            self.texts.insert(at, text)
        else:
            at = next(n for n, found in enumerate(self.entities) if found is old)
            self.entities[at], self.texts[at] = entity, text
        self.by_id[entity.id] = entity
        self._last = ("", {})  # the lines moved or changed

    def find(self, text: str, limit: int = 8) -> list[Entity]:
        """The best matches for `text`, best first; the entity of that exact id first."""
        return [entity for _, entity in self.ranked(text, limit)]

    def ranked(self, text: str, limit: int = 8) -> list[tuple[float, Entity]]:
        """(score from 0 to 100, entity) of the best matches for `text`, best
        first: the entity of that exact id first (scored 100), then those whose
        name or id holds the text, then others near enough."""
        from rapidfuzz import fuzz, process, utils

        text = text.strip()
        wanted = utils.default_process(text)
        if not wanted:
            return []
        holding = self._holding(wanted)
        found = process.extract(wanted, holding, scorer=fuzz.WRatio, processor=None,
                                limit=limit, score_cutoff=MIN_SCORE)
        if len(found) < limit:
            # WRatio over every entity costs 0.2 s on a national model: it ranks
            # only those that a cheaper score finds near enough.
            pool = {index: line for line, _, index in process.extract(
                        wanted, self.texts, scorer=fuzz.partial_ratio, processor=None,
                        limit=NEAR_POOL, score_cutoff=MIN_SCORE - 10) if index not in holding}
            found += process.extract(wanted, pool, scorer=fuzz.WRatio, processor=None,
                                     limit=limit - len(found), score_cutoff=MIN_SCORE)
        ranked = [(score, self.entities[index]) for _, score, index in found]
        exact = self.by_id.get(text)
        if exact is not None:
            ranked = [(100.0, exact), *((s, e) for s, e in ranked if e is not exact)][:limit]
        return ranked

    def _holding(self, wanted: str) -> dict[int, str]:
        """The lines (by number) that hold `wanted`. A line that holds it
        holds any text `wanted` holds: typed on from the text looked for
        last, only the lines that held that one are looked through (a few,
        not every entity's: 6 ms of each key on a national model)."""
        last, held = self._last
        lines = held.items() if last and last in wanted else enumerate(self.texts)
        holding = {n: line for n, line in lines if wanted in line}
        self._last = (wanted, holding)
        return holding


def _lines(entities: Iterable[Entity]) -> list[str]:
    """What the text typed is looked for in: each entity's name and id, as
    rapidfuzz compares them (lower case, signs as spaces)."""
    from rapidfuzz import utils

    return [utils.default_process(f"{e.name} {e.id}") for e in entities]


class TextFinder:
    """Lines of a list (`/` search): all those that hold the text, in list
    order, else the `limit` nearest by rapidfuzz, best first."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts = [text.casefold() for text in texts]

    def find(self, text: str, limit: int = 200) -> list[int]:
        """The numbers of the matching lines."""
        from rapidfuzz import fuzz, process

        wanted = text.strip().casefold()
        if not wanted:
            return []
        holding = [n for n, line in enumerate(self.texts) if wanted in line]
        if holding:  # every one: the search bar counts them
            return holding
        found = process.extract(wanted, self.texts, scorer=fuzz.partial_ratio, processor=None,
                                limit=limit, score_cutoff=MIN_SCORE + 15)
        return [index for _, _, index in found]
