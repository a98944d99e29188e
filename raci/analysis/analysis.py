"""`Analysis`: what the lint rules and views share about one model on one date.

It reads a `LeanModel` (`raci.model.lean`): ids, references, flags and dates
as named tuples, read straight from a database or made from a `Model`. Each
part is built once, on first use, as plain dicts; only the graphs a rule
needs are built, and none compares all pairs of anything.
The assignment index is the one part that changes in place: the app's
incremental `Linter` replaces the assignments of one item after a matrix edit
(`AssignmentIndex.replace_item`); every other part depends only on entities,
and after a change to an entity it is forgotten and worked out anew
(`entities_changed`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any, TypeVar

from raci.analysis.chains import ReportingChains, chain_lengths, functional_cycles
from raci.analysis.overlap import LookAlikes, look_alikes
from raci.model import LETTERS, Letter, Model
from raci.model.lean import NO_ASSIGNMENTS, LeanBody, LeanKpi, LeanModel, LeanRole, LetterColumns
from raci.vocabulary import KIND_NAMES, capitalised

Derived = TypeVar("Derived")


class AssignmentIndex:
    """Assignments two ways: letter -> item -> actors, and letter -> actor ->
    items, both in model order. Grouping by letter first lets a rule's loop
    find, say, an item's Accountables with one look-up. Messages sort what
    they list; sums of FTE over a unit's Responsibles add up in model order.

    Each side of each letter is grouped when first asked for, from the
    model's `LetterColumns` of that letter, so a run only pays for what its
    rules read.

    A model holds each letter at most once per actor and item (the store's
    key and the model file checks see to it), so neither side of a letter
    lists anything twice; an actor holding A with R is on both letters' sides.
    """

    def __init__(self, assignments: Mapping[Letter, LetterColumns]) -> None:
        self._assignments = assignments
        self._sides: dict[tuple[Letter, bool], dict[str, list[str]]] = {}
        """(letter, by actor) -> that side of that letter, once grouped."""
        self._in_any: dict[bool, set[str]] = {}
        """By actor -> the actors holding any letter anywhere, else the items
        anyone holds any letter on; once asked for."""
        self._replaced = False
        """Whether an item's assignments were replaced: the columns are out of date."""

    def holding(self, letter: Letter) -> Mapping[str, list[str]]:
        """Item -> the actors holding `letter` on it; an item where nobody
        holds it is absent."""
        return self._side(letter, by_actor=False)

    def items_holding(self, letter: Letter) -> Mapping[str, list[str]]:
        """Actor -> the items where it holds `letter`; an actor holding it
        nowhere is absent."""
        return self._side(letter, by_actor=True)

    def items_held_by(self, letter: Letter, actors: Iterable[str]) -> set[str]:
        """The items where any of `actors` holds `letter`."""
        held_by = self.items_holding(letter)
        found: set[str] = set()
        for actor in actors:
            if actor in held_by:
                found.update(held_by[actor])
        return found

    def actors_on(self, item: str) -> set[str]:
        """The actors holding any letter on one item."""
        return {actor for letter in LETTERS for actor in self.holding(letter).get(item, ())}

    def items_of(self, actor: str) -> set[str]:
        """The items where one actor holds any letter."""
        return {item for letter in LETTERS for item in self.items_holding(letter).get(actor, ())}

    def has_assignments(self, item: str) -> bool:
        """Whether anyone holds any letter on the item."""
        return item in self._in_any_assignment(by_actor=False)

    def assigned_actors(self) -> Container[str]:
        """The actors that hold any letter on any item."""
        return self._in_any_assignment(by_actor=True)

    def _in_any_assignment(self, *, by_actor: bool) -> set[str]:
        """The actors (or items) of every assignment: made at C speed from the
        columns, rather than every letter's side grouped for one look-up."""
        found = self._in_any.get(by_actor)
        if found is None:
            if self._replaced:
                found = set().union(*(self._side(letter, by_actor=by_actor)
                                      for letter in LETTERS))
            else:
                columns = [self._assignments.get(letter, NO_ASSIGNMENTS) for letter in LETTERS]
                found = set().union(*(c.actors if by_actor else c.items for c in columns))
            self._in_any[by_actor] = found
        return found

    def replace_item(self, item: str, letters: Iterable[tuple[str, Letter]]) -> None:
        """Make `letters`, (actor, letter) pairs, the whole set of assignments
        of `item`. Every side is built first: from here on the model's
        columns are out of date."""
        for letter in LETTERS:
            held_by = self._side(letter, by_actor=True)
            for actor in self._side(letter, by_actor=False).pop(item, ()):
                held = held_by[actor]
                held.remove(item)
                if not held:
                    del held_by[actor]
        for actor, letter in letters:
            self._side(letter, by_actor=False).setdefault(item, []).append(actor)
            self._side(letter, by_actor=True).setdefault(actor, []).append(item)
        self._replaced = True
        self._in_any.clear()

    def _side(self, letter: Letter, *, by_actor: bool) -> dict[str, list[str]]:
        side = self._sides.get((letter, by_actor))
        if side is None:
            held = self._assignments.get(letter, NO_ASSIGNMENTS)
            keys, values = (held.actors, held.items) if by_actor else (held.items, held.actors)
            side = self._sides[letter, by_actor] = _grouped(keys, values)
        return side


def _grouped(keys: Iterable[str], values: Iterable[str]) -> dict[str, list[str]]:
    """Each key -> its values, in order."""
    grouped: dict[str, list[str]] = {}
    for key, value in zip(keys, values, strict=True):
        if key in grouped:
            grouped[key].append(value)
        else:
            grouped[key] = [value]
    return grouped


class Analysis:
    """The model, its as-of date and everything derived from them that rules share."""

    def __init__(self, model: LeanModel, as_of: dt.date) -> None:
        self.model = model
        self.as_of = as_of
        self.assignments = AssignmentIndex(model.assignments)
        self.matched_waivers: set[int] = set()
        """Numbers of the waivers that silenced a finding; the engine fills it
        before the waiver rules run."""
        self.not_run: dict[str, str] = {}
        """Rule code -> the fact not recorded for which the engine does not
        run it (docs/lint.md, DAT001); the engine fills it."""
        self._look_alikes: dict[tuple[float, float], LookAlikes] = {}
        self._remembered: dict[str, tuple[frozenset[str], Any]] = {}

    @classmethod
    def of_model(cls, model: Model) -> Analysis:
        """The analysis of a whole `Model` on the day it is judged on (its
        ``as_of``, else today), for what draws or lists it rather than lints it."""
        return cls(LeanModel.of_model(model), model.org.judged_on())

    def entities_changed(self, fields: Collection[str]) -> None:
        """Forget what was worked out from `fields` (``body.chair``, or a kind
        whose entities came or went: see `Rule.fields`) after the lean
        model's entities changed in place (`Linter.update`); each part is
        worked out again when next asked for. The assignment index stays."""
        for name, reads in DERIVED_FROM.items():
            if not reads.isdisjoint(fields):
                self.__dict__.pop(name, None)
        if not DERIVED_FROM["seat_holders"].isdisjoint(fields):
            self._look_alikes.clear()
        for key, (reads, _) in list(self._remembered.items()):
            if not reads.isdisjoint(fields):
                del self._remembered[key]

    def remembered(self, key: str, reads: frozenset[str],
                   work_out: Callable[[], Derived]) -> Derived:
        """What `work_out` gives, worked out from the entity fields `reads`
        alone (never from assignments) once, until one of them changes: for a
        rule's own parts, as the cached properties are for the parts rules
        share."""
        if key not in self._remembered:
            self._remembered[key] = (reads, work_out())
        result: Derived = self._remembered[key][1]
        return result

    # ---- kinds -------------------------------------------------------------

    def kind(self, entity_id: str) -> str | None:
        return self.model.kind(entity_id)

    # ---- units, people and externals ----------------------------------------

    @cached_property
    def external_units(self) -> frozenset[str]:
        """Units that are external or lie under an external unit."""
        units = self.model.units
        verdict: dict[str, bool] = {}
        for start in units:
            walk: dict[str, None] = {}  # ordered, with O(1) membership
            node: str | None = start
            answer = False
            while node is not None and node in units:
                if node in verdict:
                    answer = verdict[node]
                    break
                if node in walk:  # a broken (cyclic) tree: stop, nothing above is external
                    break
                walk[node] = None
                if units[node].external:
                    answer = True
                    break
                node = units[node].parent
            for visited in walk:
                verdict[visited] = answer
        return frozenset(unit for unit, external in verdict.items() if external)

    def is_external_person(self, person_id: str) -> bool:
        person = self.model.people.get(person_id)
        if person is None:
            return False
        return person.external or person.unit in self.external_units

    def is_external_role(self, role_id: str) -> bool:
        """A role is external when it has holders and all of them are external."""
        role = self.model.roles.get(role_id)
        if role is None or not role.holders:
            return False
        return all(self.is_external_person(holder) for holder in role.holders)

    @cached_property
    def external_actors(self) -> frozenset[str]:
        """Every external person, and every role held only by external people."""
        external_units = self.external_units
        people = {p.id for p in self.model.people.values()
                  if p.external or p.unit in external_units}
        roles = {r.id for r in self.model.roles.values()
                 if r.holders and people.issuperset(r.holders)}
        return frozenset(people | roles)

    @cached_property
    def vacant_roles(self) -> frozenset[str]:
        """Roles with no holder."""
        return frozenset(r.id for r in self.model.roles.values() if not r.holders)

    @cached_property
    def actor_units(self) -> dict[str, str | None]:
        """Every person and role -> its unit: a person's `unit`; a role's
        `unit`, else its first holder's."""
        people = self.model.people
        units: dict[str, str | None] = {}
        for role in self.model.roles.values():
            unit = role.unit
            if unit is None and role.holders and role.holders[0] in people:
                unit = people[role.holders[0]].unit
            units[role.id] = unit
        units.update((person.id, person.unit) for person in people.values())
        return units

    def unit_of(self, actor_id: str) -> str | None:
        """The unit of a role or person (a body has a set of units: `units_of_bodies`)."""
        return self.actor_units.get(actor_id)

    @cached_property
    def units_of_bodies(self) -> dict[str, frozenset[str]]:
        """Every body -> the units of its members (a role's or person's unit)."""
        unit_of = self.actor_units.get
        return {
            body.id: frozenset(unit for unit in map(unit_of, body.members) if unit is not None)
            for body in self.model.bodies.values()
        }

    def has_common_body(self, units: frozenset[str]) -> bool:
        """Whether one body has members from every one of `units`.

        Only the bodies of the rarest unit are looked at, and each answer is
        kept: many initiatives crossing the same units cost one search.
        """
        known = self._common_body.get(units)
        if known is None:
            rarest = min(units, key=lambda unit: len(self.bodies_by_unit.get(unit, ())))
            known = any(units <= self.units_of_bodies[body]
                        for body in self.bodies_by_unit.get(rarest, ()))
            self._common_body[units] = known
        return known

    @cached_property
    def _common_body(self) -> dict[frozenset[str], bool]:
        return {}

    @cached_property
    def people_by_unit(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for person in self.model.people.values():
            if person.unit is not None:
                index[person.unit].append(person.id)
        return index

    @cached_property
    def roles_by_unit(self) -> dict[str, list[str]]:
        """Roles by their unit (own or first holder's)."""
        index: dict[str, list[str]] = defaultdict(list)
        unit_of = self.actor_units
        for role_id in self.model.roles:
            unit = unit_of[role_id]
            if unit is not None:
                index[unit].append(role_id)
        return index

    @cached_property
    def bodies_by_unit(self) -> dict[str, list[str]]:
        """Bodies that have at least one member from the unit."""
        index: dict[str, list[str]] = defaultdict(list)
        for body_id, units in self.units_of_bodies.items():
            for unit in units:
                index[unit].append(body_id)
        return index

    # ---- holding roles, seats and chairs -------------------------------------

    @cached_property
    def roles_of_person(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for role in self.model.roles.values():
            for holder in role.holders:
                index[holder].append(role.id)
        return index

    def people_of(self, actor_id: str) -> Sequence[str]:
        """The people who hold what `actor_id` holds: itself, or a role's holders."""
        if actor_id in self.model.people:
            return (actor_id,)
        role = self.model.roles.get(actor_id)
        return role.holders if role is not None else ()

    @cached_property
    def bodies_of_member(self) -> dict[str, list[str]]:
        """Bodies that list a role or person among their members."""
        index: dict[str, list[str]] = defaultdict(list)
        for body in self.model.bodies.values():
            for member in body.members:
                index[member].append(body.id)
        return index

    def seats_of_person(self, person_id: str) -> set[str]:
        """The bodies a person sits in: a member directly or through a held role."""
        seats = set(self.bodies_of_member.get(person_id, ()))
        for role_id in self.roles_of_person.get(person_id, ()):
            seats.update(self.bodies_of_member.get(role_id, ()))
        return seats

    @cached_property
    def seat_holders(self) -> dict[str, frozenset[str]]:
        """Every body -> its seat-holders: each member expanded, a person to
        themself, a role to its holders, a vacant role to the role's own id
        (so a vacant seat still counts once)."""
        roles = self.model.roles
        found: dict[str, frozenset[str]] = {}
        for body in self.model.bodies.values():
            holders: set[str] = set()
            for member in body.members:
                role = roles.get(member)
                if role is not None and role.holders:
                    holders.update(role.holders)
                else:
                    holders.add(member)
            found[body.id] = frozenset(holders)
        return found

    def look_alikes(self, min_overlap: float, min_members: float) -> LookAlikes:
        """The bodies whose seat-holders overlap with Jaccard >= `min_overlap`
        (both with at least `min_members`), in pairs and connected groups."""
        key = (min_overlap, min_members)
        if key not in self._look_alikes:
            self._look_alikes[key] = look_alikes(self.seat_holders, min_overlap, min_members)
        return self._look_alikes[key]

    @cached_property
    def cadences(self) -> dict[str, int]:
        """Every body -> the days between its meetings (`cadence_days`)."""
        return {body.id: body.cadence_days for body in self.model.bodies.values()}

    def meets(self, body_id: str) -> bool:
        """Whether a body meets: its `meets_every_days` is not 0 (unknown: it meets)."""
        return self.model.bodies[body_id].meets_every_days != 0

    def people_units(self, actors: Iterable[str]) -> frozenset[str]:
        """The units of the people among or holding `actors` (bodies hold nothing)."""
        people = self.model.people
        roles = self.model.roles
        units: set[str] = set()
        for actor in actors:
            for person in roles[actor].holders if actor in roles else (actor,):
                if person in people and (unit := people[person].unit) is not None:
                    units.add(unit)
        return frozenset(units)

    @cached_property
    def units_meeting_in_bodies(self) -> frozenset[str]:
        """Units whose people sit in a body with people of another unit."""
        meeting: set[str] = set()
        for body in self.model.bodies.values():
            units = self.people_units(body.members)
            if len(units) > 1:
                meeting.update(units)
        return frozenset(meeting)

    @cached_property
    def temporaries(self) -> dict[str, LeanBody | LeanRole]:
        """Every temporary body and role: taskforces, crisis teams and working
        groups unless `temporary: false`, other bodies and roles when
        `temporary: true`."""
        found: dict[str, LeanBody | LeanRole] = {
            b.id: b for b in self.model.bodies.values() if b.is_temporary
        }
        found.update((r.id, r) for r in self.model.roles.values() if r.temporary)
        return found

    @cached_property
    def chairs(self) -> frozenset[str]:
        """Every role or person that chairs a body."""
        return frozenset(b.chair for b in self.model.bodies.values() if b.chair is not None)

    @cached_property
    def reported_to(self) -> frozenset[str]:
        """Every role or body that some role or body reports to."""
        return frozenset(up for up in self.reports_to.values() if up is not None)

    # ---- reporting lines -------------------------------------------------------

    @cached_property
    def reports_to(self) -> dict[str, str | None]:
        """Every role and body -> the role or body it reports to (or None)."""
        parents: dict[str, str | None] = {r.id: r.reports_to for r in self.model.roles.values()}
        parents.update((b.id, b.reports_to) for b in self.model.bodies.values())
        return parents

    @cached_property
    def reporting_cycles(self) -> list[list[str]]:
        """Every cycle of `reports_to` among roles and bodies, each once."""
        # Each one on a cycle has the one before it reporting to it.
        reported_to = self.reported_to
        return functional_cycles({node: up for node, up in self.reports_to.items()
                                  if node in reported_to})

    def reporting_chains_above(self, nodes: Iterable[str]) -> ReportingChains:
        """Answers "does X report to Y, directly or not" for X among `nodes`:
        built over their chains of `reports_to` only, as a rule asks about a
        few roles and bodies of the many."""
        parents = self.reports_to
        above: dict[str, str | None] = {}
        for start in nodes:
            node: str | None = start
            # Up to the top, or to a node met before (on this walk too: a cycle).
            while node is not None and node in parents and node not in above:
                above[node] = parents[node]
                node = parents[node]
        return ReportingChains.build(above)

    @cached_property
    def body_layers(self) -> dict[str, int]:
        """Each body's number of bodies on its chain of body-to-body `reports_to`,
        itself included; bodies whose chain runs into a cycle are absent."""
        bodies = self.model.bodies
        parents: dict[str, str | None] = {
            b.id: b.reports_to if b.reports_to in bodies else None for b in bodies.values()
        }
        return chain_lengths(parents)

    # ---- goals, initiatives and indicators ---------------------------------------

    @cached_property
    def subgoals(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for goal in self.model.goals.values():
            if goal.parent is not None:
                index[goal.parent].append(goal.id)
        return index

    @cached_property
    def active_initiatives(self) -> frozenset[str]:
        """Initiatives whose (effective) status is active."""
        return frozenset(i.id for i in self.model.initiatives.values()
                         if i.effective_status == "active")

    @cached_property
    def kpis_of(self) -> dict[str, list[LeanKpi]]:
        """Indicators by what they measure (a goal or initiative)."""
        index: dict[str, list[LeanKpi]] = defaultdict(list)
        for kpi in self.model.kpis.values():
            index[kpi.measures].append(kpi)
        return index


_EXTERNALITY = frozenset({"unit.parent", "unit.external", "person.unit", "person.external",
                          "role.holders"})
_UNITS = frozenset({"role.unit", "role.holders", "person.unit"})
_REPORTING = frozenset({"role.reports_to", "body.reports_to"})
DERIVED_FROM: dict[str, frozenset[str]] = {
    "external_units": frozenset({"unit.parent", "unit.external"}),
    "external_actors": _EXTERNALITY,
    "vacant_roles": frozenset({"role.holders"}),
    "actor_units": _UNITS,
    "units_of_bodies": _UNITS | {"body.members"},
    "_common_body": _UNITS | {"body.members"},
    "people_by_unit": frozenset({"person.unit"}),
    "roles_by_unit": _UNITS,
    "bodies_by_unit": _UNITS | {"body.members"},
    "roles_of_person": frozenset({"role.holders"}),
    "bodies_of_member": frozenset({"body.members"}),
    "seat_holders": frozenset({"body.members", "role.holders"}),
    "units_meeting_in_bodies": frozenset({"body.members", "role.holders", "person.unit"}),
    # Holds the lean bodies and roles themselves: any of their fields.
    "temporaries": frozenset({f"{kind}.{name}" for kind, lean in (("body", LeanBody),
                                                                  ("role", LeanRole))
                              for name in lean._fields}),
    "chairs": frozenset({"body.chair"}),
    "reported_to": _REPORTING,
    "reports_to": _REPORTING,
    "reporting_cycles": _REPORTING,
    "body_layers": frozenset({"body.reports_to"}),
    "subgoals": frozenset({"goal.parent"}),
    "active_initiatives": frozenset({"initiative.status"}),
    "cadences": frozenset({"body.meets_every_days"}),
    # Holds the lean indicators themselves.
    "kpis_of": frozenset({f"kpi.{name}" for name in LeanKpi._fields}),
}
"""Each part the analysis works out once (a cached property), and the
entity fields it reads; an entity coming or going changes every field of
its kind."""


KIND_LABELS = {kind: capitalised(word) for kind, word in KIND_NAMES.english.items()}
"""An entity's kind in finding messages, in English (the rules translate
their messages whole)."""
