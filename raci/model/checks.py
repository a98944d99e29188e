"""The model's own consistency checks: what makes a model broken, not weak.

`check_model` finds what docs/model-format.md calls validation errors beyond the schema:
ids that name nothing, ids of the wrong kind, ids named twice in one list,
an actor holding two letters on one item (but A with R), cycles in unit and goal parents,
and waivers aimed at nothing. The model file reader maps each `Problem` to a
line and column; the app shows the same problems after each edit.

Each message is a `Said`: English where a tool reads it (lint's JSON), said
again in the user's language where a person does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from raci.i18n import N_, Said
from raci.model.entities import NOT_RECORDED_FACTS, Entity, may_hold_together
from raci.model.model import (
    ACTOR_KINDS,
    ITEM_KINDS,
    KINDS,
    REFERENCE_FIELDS,
    Model,
    kind_of,
    waiver_place,
)
from raci.vocabulary import KIND_NAMES

DAT001_NAMES = frozenset({"dat001", "fact-not-recorded"})
"""The rule whose findings name facts (``chairs``), not ids, as targets, as a
waiver may name it (by code or name, in any case): only its waiver may name
a fact; on any other, a target that names nothing is refused."""
_SINGULAR = {"holders": N_("holder"), "members": N_("member"), "goals": N_("goal")}
"""One of a list field's ids, in words; any other field is named by its key."""



def about(where: str, problem: str) -> Said:
    """``where: problem``, each part said again in the user's language."""
    return Said(N_("{where}: {problem}"), where=where, problem=problem)


def entity_words(kind: str, entity_id: str) -> Said:
    """How a message names an entity: ``goal g.a``, ``doel g.a``."""
    return Said(N_("{kind} {id}"), kind=Said(KIND_NAMES.english[kind]), id=entity_id)


@dataclass(frozen=True)
class Problem:
    entity_id: str | None
    """The entity (or ``waivers[N]``) at fault; None for a model-level problem."""
    field: str | None
    """The field at fault, e.g. ``holders``, ``raci.A``, ``parent``."""
    message: str
    value: str | None = None
    """The offending id within the field, so a file can point at it."""


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` for the candidate `word` most likely
    misspells (see `nearest`), or nothing."""
    return Spellings(candidates).hint(word)


def nearest(word: str, candidates: Iterable[str], cutoff: float | None = None) -> str | None:
    """The one of `candidates` a person most likely meant by `word`, or None.

    Compared in any case (``DG-BW`` finds ``dg-bw``). A candidate must be at
    least `cutoff` alike (difflib's ratio; by default 0.6, and 0.5 for a word
    of three characters or fewer, as one character off is already half of
    ``r2``). Of those, the fewest typing slips wins: a character left out,
    added, changed or two swapped count one each (``OWN020`` is ``OWN002``,
    not ``OWN008``); then the most alike; then the one that ends as `word`
    does (``BOD1`` is ``BOD001``, not ``BOD010``). None too where two are
    as likely (``OWN9``: any of OWN001 to OWN008).

    Before all that, a candidate that holds `word` (of three characters or
    more) wins, whatever the cutoff: the shortest that starts with it as a
    word (``lucene`` is ``lucene-pmc``, not ``lkuehne``, one slip nearer),
    else the one that holds it elsewhere; None when two are as likely."""
    return Spellings(candidates).nearest(word, cutoff)


HELD_WORD_LENGTH = 3
"""A word this long or longer that an id holds (``lucene`` in ``lucene-pmc``)
names that id, however many slips apart they are; a shorter one is in too many."""

FEWEST_SLIPS_COMPARED = 50
"""The candidates with the fewest slips that are ranked further (in C, the
fewest slips are found among 80,000 ids in milliseconds)."""


class Spellings:
    """Candidates made ready for many look-ups: rapidfuzz compares a word
    with 80,000 ids in milliseconds, so every unknown id gets its hint."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self.by_lower: dict[str, str] = {}
        for candidate in candidates:
            self.by_lower.setdefault(candidate.lower(), candidate)  # the first spelling wins
        self.lowered = list(self.by_lower)

    def hint(self, word: str) -> str:
        found = self.nearest(word)
        return Said(N_("; did you mean {id!r}?"), id=found) if found else ""

    def nearest(self, word: str, cutoff: float | None = None) -> str | None:
        from rapidfuzz import fuzz, process  # only to name a near miss: it takes 50 ms to import
        from rapidfuzz.distance import OSA, Postfix

        lowered = word.lower()
        if len(lowered) >= HELD_WORD_LENGTH and (held := self._holding(lowered)):
            return self.by_lower[held[0]] if len(held) == 1 else None
        least = 100 * (cutoff if cutoff is not None else 0.5 if len(word) <= 3 else 0.6)
        ranked = sorted(
            (slips, -likeness, -Postfix.similarity(lowered, spelling), spelling)
            for spelling, slips, _ in process.extract(lowered, self.lowered, scorer=OSA.distance,
                                                      limit=FEWEST_SLIPS_COMPARED)
            if (likeness := fuzz.ratio(lowered, spelling)) >= least)
        if not ranked or (len(ranked) > 1 and ranked[0][:3] == ranked[1][:3]):
            return None  # nothing near, or no telling which was meant
        return self.by_lower[ranked[0][3]]

    def _holding(self, word: str) -> list[str]:
        """The spellings that hold `word` as typed, best first where one is
        best: of those that start with it, the ones where a word of theirs
        ends as it does (``solr-pmc``, not ``solrac901``), the shortest; else
        all that hold it elsewhere (``pmc``: any PMC, no telling which)."""
        starting = [s for s in self.lowered if s.startswith(word)]
        if not starting:
            return [s for s in self.lowered if word in s]
        whole = [s for s in starting if not s[len(word):len(word) + 1].isalnum()] or starting
        shortest = min(map(len, whole))
        return [s for s in whole if len(s) == shortest]


def kinds_phrase(kinds: Iterable[str]) -> Said:
    """``a unit``, ``a goal or initiative``, ``a role, body or person``."""
    order = [kind for kind in KINDS if kind in set(kinds)]
    words: str = Said(KIND_NAMES.english[order[-1]])
    if len(order) > 1:
        words = Said(N_("{kinds} or {kind}"), kinds=_listed(order[:-1]), kind=words)
    article = N_("an {kinds}") if order[0] in ("initiative", "kpi") else N_("a {kinds}")
    return Said(article, kinds=words)


def _listed(kinds: list[str]) -> Said:
    """``role, body``: the kinds' words with commas."""
    words = Said(KIND_NAMES.english[kinds[0]])
    for kind in kinds[1:]:
        words = Said(N_("{kinds}, {kind}"), kinds=words, kind=Said(KIND_NAMES.english[kind]))
    return words


class _Suggester:
    """Close matches among the ids of some kinds."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.by_kinds: dict[frozenset[str], Spellings] = {}

    def hint(self, word: str, kinds: frozenset[str]) -> str:
        if kinds not in self.by_kinds:
            self.by_kinds[kinds] = Spellings(
                entity_id for kind in kinds for entity_id in self.model.collection(kind))
        return self.by_kinds[kinds].hint(word)


def check_model(model: Model) -> list[Problem]:
    """Every broken reference, duplicate, double letter and parent cycle, in model order."""
    suggest = _Suggester(model)
    problems: list[Problem] = []
    for entity in model.entities():
        kind = kind_of(entity)
        if not _references_sound(model, entity, kind):
            problems.extend(_reference_problems(model, entity, suggest))
        if kind in ITEM_KINDS and not _raci_sound(model, entity.id):
            problems.extend(_raci_problems(model, entity, suggest))
    problems.extend(_stray_assignment_problems(model))
    problems.extend(_parent_cycles(model, "unit"))
    problems.extend(_parent_cycles(model, "goal"))
    problems.extend(_waiver_problems(model, suggest))
    return problems


def check_entities(model: Model, entity_ids: Iterable[str]) -> list[Problem]:
    """The problems `check_model` finds about these entities alone: their
    references, their RACI blocks and a parent cycle through one of them.

    A change that only puts these entities, none of another kind under the
    same id (a form's), can break nothing else, so this is all `check_model`
    would find new after it, in the time of one entity, not of the model."""
    suggest = _Suggester(model)
    problems: list[Problem] = []
    for entity in filter(None, map(model.get, entity_ids)):
        kind = kind_of(entity)
        if not _references_sound(model, entity, kind):
            problems.extend(_reference_problems(model, entity, suggest))
        if kind in ITEM_KINDS and not _raci_sound(model, entity.id):
            problems.extend(_raci_problems(model, entity, suggest))
        if kind in ("unit", "goal"):
            problems.extend(_cycle_through(model, kind, entity.id))
    return problems


# The two tests below pass for nearly every entity of a model in use; only
# an entity that fails one is looked at again, to word its problems.


def _references_sound(model: Model, entity: Entity, kind: str) -> bool:
    kind_of_id = model.kind
    for field, kinds in REFERENCE_FIELDS[kind].items():
        value = getattr(entity, field)
        if value is None:
            continue
        if isinstance(value, str):
            if kind_of_id(value) not in kinds:
                return False
        elif len(set(value)) != len(value) or not all(kind_of_id(t) in kinds for t in value):
            return False
    return True


def _raci_sound(model: Model, item_id: str) -> bool:
    assignments = model.assignments_of_item(item_id)
    actors = {a.actor for a in assignments}
    kind_of_id = model.kind
    if not all(kind_of_id(a) in ACTOR_KINDS for a in actors):
        return False
    if len(actors) == len(assignments):
        return True
    letters: dict[str, set[str]] = defaultdict(set)
    for a in assignments:
        letters[a.actor].add(a.letter)
    return (sum(map(len, letters.values())) == len(assignments)
            and all(may_hold_together(held) for held in letters.values()))


def _wrong_id(
    model: Model, who: str, noun: str, target: str, kinds: frozenset[str], suggest: _Suggester
) -> str | None:
    """The complaint about `target` when it is not an id of `kinds`, else None."""
    actual = model.kind(target)
    if actual in kinds:
        return None
    expected = kinds_phrase(kinds)
    if actual is None:
        advice = suggest.hint(target, kinds) or Said(
            N_("; add {expected} with that id or correct it"), expected=expected)
        return about(who, Said(N_("{field} {id!r} names nothing (expected {expected}){advice}"),
                               field=noun, id=target, expected=expected, advice=advice))
    return about(who, Said(N_("{field} {id!r} is not {expected} but {actual}"), field=noun,
                           id=target, expected=expected, actual=kinds_phrase([actual])))


def _reference_problems(model: Model, entity: Entity, suggest: _Suggester) -> list[Problem]:
    kind = kind_of(entity)
    who = entity_words(kind, entity.id)
    problems: list[Problem] = []
    for field, kinds in REFERENCE_FIELDS[kind].items():
        value = getattr(entity, field)
        targets = value if isinstance(value, list) else [] if value is None else [value]
        seen: set[str] = set()
        for target in targets:
            noun = Said(_SINGULAR[field]) if field in _SINGULAR else field
            if target in seen:
                problems.append(Problem(entity.id, field, _twice(who, field, target), target))
                continue
            seen.add(target)
            complaint = _wrong_id(model, who, noun, target, kinds, suggest)
            if complaint is not None:
                problems.append(Problem(entity.id, field, complaint, target))
    return problems


def _raci_problems(model: Model, item: Entity, suggest: _Suggester) -> list[Problem]:
    who = entity_words(kind_of(item), item.id)
    problems: list[Problem] = []
    letters: dict[str, list[str]] = {}
    for assignment in model.assignments_of_item(item.id):
        field, actor = f"raci.{assignment.letter}", assignment.actor
        held = letters.setdefault(actor, [])
        if assignment.letter in held:
            message = _twice(who, field, actor)
            problems.append(Problem(item.id, field, message, actor))
            continue
        if held and not may_hold_together([*held, assignment.letter]):
            message = about(who, Said(N_("{actor!r} holds both {letter} and {other}; give it one "
                                         "letter (A with R is the only pair)"),
                                      actor=actor, letter=held[0], other=assignment.letter))
            problems.append(Problem(item.id, field, message, actor))
            continue
        held.append(assignment.letter)
        if len(held) > 1:
            continue  # its id was looked at with its first letter
        noun = Said(N_("{field} actor"), field=field)
        complaint = _wrong_id(model, who, noun, actor, ACTOR_KINDS, suggest)
        if complaint is not None:
            problems.append(Problem(item.id, field, complaint, actor))
    return problems


def _stray_assignment_problems(model: Model) -> list[Problem]:
    """Assignments on ids that are no goal, initiative, decision or indicator."""
    problems: list[Problem] = []
    reported: set[str] = set()
    for assignment in model.assignments:
        item_kind = model.kind(assignment.item)
        if item_kind in ITEM_KINDS or assignment.item in reported:
            continue
        reported.add(assignment.item)
        template = (N_("has a raci block but names nothing; only goals, initiatives, decisions "
                       "and kpis have one") if item_kind is None else
                    N_("has a raci block but is {kind}; only goals, initiatives, decisions and "
                       "kpis have one"))
        kind = "" if item_kind is None else kinds_phrase([item_kind])
        message = about(assignment.item, Said(template, kind=kind))
        problems.append(Problem(assignment.item, f"raci.{assignment.letter}", message))
    return problems


def _parent_cycles(model: Model, kind: str) -> list[Problem]:
    """One problem per cycle in `parent`, found without recursion."""
    collection = model.collection(kind)
    done: set[str] = set()
    problems: list[Problem] = []
    for start in collection:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in collection and node not in done:
            if node in on_path:
                problems.append(_cycle_problem(model, kind, path[path.index(node):]))
                break
            path.append(node)
            on_path.add(node)
            node = getattr(collection[node], "parent", None)
        done.update(path)
    return problems


def _cycle_through(model: Model, kind: str, start: str) -> list[Problem]:
    """The problem of the cycle in `parent` through `start`, if there is one."""
    collection = model.collection(kind)
    path: list[str] = []
    on_path: set[str] = set()
    node: str | None = start
    while node is not None and node in collection and node not in on_path:
        path.append(node)
        on_path.add(node)
        node = getattr(collection[node], "parent", None)
    return [_cycle_problem(model, kind, path)] if node == start else []


def _cycle_problem(model: Model, kind: str, cycle: list[str]) -> Problem:
    """The problem of a cycle in `parent`, told from its first entity."""
    node = cycle[0]
    chain = " → ".join([*cycle, node])
    message = about(entity_words(kind, node), Said(N_(
        "parent forms a cycle ({chain}); parents must form a tree"), chain=chain))
    parent = getattr(model.collection(kind)[node], "parent", None)
    return Problem(node, "parent", message, parent)


def _waiver_problems(model: Model, suggest: _Suggester) -> list[Problem]:
    problems: list[Problem] = []
    everything = frozenset(KINDS)
    for number, waiver in enumerate(model.waivers):
        where, who = waiver_place(number), Said(N_("waiver {number}"), number=number + 1)
        seen: set[str] = set()
        for target in waiver.target:
            if target in seen:
                message = _twice(who, "target", target)
                problems.append(Problem(where, "target", message, target))
            elif target not in model and not (target in NOT_RECORDED_FACTS
                                              and waiver.rule.lower() in DAT001_NAMES):
                advice = suggest.hint(target, everything) or Said(N_("; correct it or remove it"))
                message = about(who, Said(N_("target {id!r} names nothing{advice}"), id=target,
                                          advice=advice))
                problems.append(Problem(where, "target", message, target))
            seen.add(target)
    return problems


def _twice(who: str, field: str, listed: str) -> Said:
    return about(who, Said(N_("{field} lists {id!r} twice"), field=field, id=listed))
