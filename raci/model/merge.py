"""Bring what a spreadsheet says into a model: match, make, and build one `Change`.

`merge_matrix` reads a `SheetMatrix` against a model: items and actors are
matched by id or name (`raci.model.naming`), the unknown ones are made
(actors as roles, unless `strict`), section headings and sheets become
goals, and every cell becomes the letters its actor holds on its item.
`merge_roster` does the same for a `SheetRoster`: bodies, people, units,
roles held, seats and chairs. Neither touches the model: each returns the
change, what the user should be told, and what is wrong, cell by cell.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from raci.i18n import _, format_count, ngettext, said_again
from raci.model.changes import Change, set_cells
from raci.model.checks import kinds_phrase
from raci.model.entities import (
    FACT_KINDS,
    NOT_RECORDED_FACTS,
    Body,
    Decision,
    Entity,
    Goal,
    Initiative,
    Letter,
    Person,
    Role,
    Unit,
    cell_text,
    is_valid_id,
)
from raci.model.model import ACTOR_KINDS, ITEM_KINDS, KINDS, Model, kind_of
from raci.model.naming import (
    IdMaker,
    Names,
    body_kind_in_name,
    name_key,
    names_a_body,
)
from raci.model.sheets import (
    Seat,
    SheetActor,
    SheetGoal,
    SheetItem,
    SheetMatrix,
    SheetRoster,
    quoted,
)
from raci.vocabulary import BODY_KIND_NAMES, FACT_WORDS

MATRIX_NOT_RECORDED = ("chairs", "holders", "success_criteria", "indicators", "goals",
                       "cadence")
"""Facts a RACI matrix may not hold (docs/lint.md): each is added to `org.not_recorded`
unless the model, with the matrix in, records it (`goals`: a section, sheet
or goal column put an initiative under a goal)."""
ROSTER_NOT_RECORDED = ("cadence",)
"""Facts a seat roster cannot hold; `chairs` too when it marks none."""
NEW_ACTOR_KINDS = ("role", "body", "person")
"""The kinds an actor not in the model becomes, as its notice names them."""
MOST_NAMED = 10
CELL = re.compile(r"(?P<sheet>.*[!:])(?P<reference>[A-Z]+[0-9]+)")
"""A cell as a roster's seat names it: ``org.xlsx:Leden!C3``, ``leden.csv:C3``."""
SEAT_CELL = re.compile(r"(?P<file>.*):(?P<sheet>[^:]*!)?(?P<reference>[A-Z]+[0-9]+)")
"""A seat's cell split at the file (a sheet's name holds no colon)."""
AnyEntity = TypeVar("AnyEntity", bound=Entity)


@dataclass
class Merge:
    """What an import would do: the change, notices for the user, and problems
    (each naming its cell) that refuse the whole import."""

    change: Change = field(default_factory=Change)
    notices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def merge_matrix(model: Model, matrix: SheetMatrix, *, replace: bool = False,
                 strict: bool = False, kind: str = "initiative") -> Merge:
    """The change that brings a matrix into `model`.

    Assignments are set cell by cell: a filled cell gives its actor exactly
    those letters on the item. With `replace`, every other assignment of the
    model goes (the matrix is the whole matrix part); without, the model's
    other assignments stay. Entities already in the model keep their fields.
    """
    merger = _MatrixMerger(model, strict, kind)
    merger.merge(matrix)
    if replace:
        kept = merger.cells.keys()
        merger.result.change.unassign = [
            a for a in model.assignments if (a.item, a.actor) not in kept]
    _note_not_recorded(model, merger.result, list(MATRIX_NOT_RECORDED))
    return merger.result


class _MatrixMerger:
    def __init__(self, model: Model, strict: bool, kind: str) -> None:
        self.model, self.strict, self.kind = model, strict, kind
        self.result = Merge()
        self.ids = IdMaker(e.id for e in model.entities())
        self.items = Names(model, ITEM_KINDS)
        self.actors = Names(model, ACTOR_KINDS)
        self.made: dict[str, Entity] = {}
        self.placed: dict[str, Entity] = {}
        """Items already in the model that the sheet puts under other goals."""
        self.claimed: set[str] = set()
        self.goal_ids: dict[int, str] = {}
        self.actor_ids: dict[int, str | None] = {}
        self.cells: dict[tuple[str, str], tuple[tuple[Letter, ...], str]] = {}
        self.named_bodies: set[str] = set()
        """Actors made bodies because their names say so ("Stuurgroep Warmte")."""

    def merge(self, matrix: SheetMatrix) -> None:
        for item in matrix.items:  # ids the sheet gives are its own: no made id takes one
            if item.id is not None and is_valid_id(item.id):
                self.ids.claim(item.id)
        for goal in matrix.goals:
            self.goal_ids[id(goal)] = self._goal(goal)
        rows = [(item, self._item(item)) for item in matrix.items]
        for item, item_id in rows:
            if item_id in self.made:
                self._link(item, self.made[item_id])
            elif item_id is not None:
                self._place(item, item_id)
        new_actors: list[Entity] = []
        for actor in matrix.actors:
            self._actor(actor, new_actors)
        for item, item_id in rows:
            for cell in item.cells:
                actor_id = self._actor(cell.actor, new_actors)
                if item_id is not None and actor_id is not None:
                    self._cell(item_id, actor_id, cell.letters, cell.cell)
        self._finish(new_actors)

    # ---- goals and items -------------------------------------------------------

    def _goal(self, goal: SheetGoal) -> str:
        found = self.items.find(goal.name, self.claimed)
        if found is not None and self._kind_of(found.id) == "goal":
            self.claimed.add(found.id)
            return found.id
        parent = None if goal.parent is None else self.goal_ids[id(goal.parent)]
        return self._make(Goal(id=self.ids.make(goal.name, "goal"), name=goal.name,
                               parent=parent)).id

    def _item(self, item: SheetItem) -> str | None:
        if item.id is not None and not is_valid_id(item.id):
            self._problem(item.cell, item.id, _("not an id: an id starts with a letter or "
                                                "digit and holds only letters, digits and "
                                                "_ . : -"))
            return None
        found = self._existing_item(item)
        if found is not None:
            kind = self._kind_of(found.id)
            if item.kind is not None and item.kind != kind:
                self._problem(item.kind_cell or item.cell, item.kind or "",
                              _("{id} is {kind} in the model, not {other}").format(
                                  id=found.id, kind=said_again(kinds_phrase([kind or ""])),
                                  other=said_again(kinds_phrase([item.kind]))))
            self.claimed.add(found.id)
            return found.id
        kind = item.kind or self.kind
        if kind == "kpi":
            self._problem(item.kind_cell or item.cell, item.name,
                          _("an indicator needs its type and what it measures: add it to the "
                            "model first (raci add MODEL kpi ...), then import the sheet"))
            return None
        entity_id = item.id or self.ids.make(item.name, kind)
        cls = KINDS[kind][1]
        entity = cls(id=entity_id, name=item.name, description=item.description)
        self.claimed.add(entity_id)
        return self._make(entity).id

    def _existing_item(self, item: SheetItem) -> Entity | None:
        if item.id is None:
            return self.items.find(item.name, self.claimed)
        kind = self._kind_of(item.id)
        if kind is not None and kind not in ITEM_KINDS:
            self._problem(item.cell, item.id,
                          _("{id} is {kind} in the model, not an item").format(
                              id=item.id, kind=said_again(kinds_phrase([kind]))))
            return None
        return self.model.get(item.id) or self.made.get(item.id)

    def _link(self, item: SheetItem, entity: Entity) -> None:
        """Put a new item in its place: under the goals its goal column names,
        else under its section heading or sheet."""
        _set_goals(entity, self._targets(item, entity))

    def _place(self, item: SheetItem, item_id: str) -> None:
        """Put an item already in the model where the sheet puts it, as a
        first import would: its goal cell gives exactly its goals; else the
        section (or sheet) it stands under takes the place of any goal of
        this sheet it served, and goals from elsewhere stay (a goal keeps a
        parent from elsewhere)."""
        entity = self.model.get(item_id)
        if not isinstance(entity, Goal | Initiative | Decision):
            return
        targets = self._targets(item, entity)
        current = _goals_of(entity)
        if not item.goals:
            from_sheet = set(self.goal_ids.values())
            kept = [goal for goal in current if goal not in from_sheet]
            targets = kept if isinstance(entity, Goal) and kept else kept + targets
        if list(dict.fromkeys(targets)) != current:
            placed = copy.deepcopy(entity)
            _set_goals(placed, targets)
            self.placed[item_id] = placed

    def _targets(self, item: SheetItem, entity: Entity) -> list[str]:
        """The goals (a decision: and initiatives) the sheet puts the item under."""
        if item.goals:
            allowed = {"goal", "initiative"} if isinstance(entity, Decision) else {"goal"}
            targets = [t for ref in item.goals
                       if (t := self._target(ref, allowed, item)) is not None]
        else:
            targets = [] if item.under is None else [self.goal_ids[id(item.under)]]
        if isinstance(entity, Goal) and len(targets) > 1:
            self._problem(item.goal_cell or item.cell, "; ".join(item.goals),
                          _("a goal has one parent goal; name one"))
        return targets

    def _target(self, ref: str, allowed: set[str], item: SheetItem) -> str | None:
        found = self.items.find(ref)
        if found is None:
            return self._make(Goal(id=self.ids.make(ref, "goal"), name=ref)).id
        kind = self._kind_of(found.id) or ""
        if kind not in allowed:
            named = _("{id} is {kind}; name a goal or initiative") if "initiative" in allowed \
                else _("{id} is {kind}; name a goal")
            self._problem(item.goal_cell or item.cell, ref, named.format(
                id=found.id, kind=said_again(kinds_phrase([kind]))))
            return None
        return found.id

    # ---- actors and cells -----------------------------------------------------

    def _actor(self, actor: SheetActor, new_actors: list[Entity]) -> str | None:
        if id(actor) in self.actor_ids:
            return self.actor_ids[id(actor)]
        found = self.actors.find_id(actor.id) if actor.id else None
        same = [] if found else self._named(actor.name)
        actor_id: str | None = None
        if found is None and len(same) == 1:
            found = same[0]
        if found is not None:
            actor_id = found.id
        elif same:
            self._problem(actor.cell, actor.name, self._choose(actor.name, same))
        elif self.strict:
            self._problem(actor.cell, actor.name, _("no role, body or person of this name or "
                                                    "id in the model (--strict); add it "
                                                    "first, or leave out --strict"))
        else:
            made = self._make(self._new_actor(actor))
            actor_id = made.id
            new_actors.append(made)
        self.actor_ids[id(actor)] = actor_id
        return actor_id

    def _named(self, header: str) -> list[Entity]:
        """The actors a header names: by id, else every one of its name, else
        those of that name in the unit written after it, by its id or (the end
        of) its name ("Afdelingshoofd (Zuivering)", "Afdelingshoofd Afdeling
        Zuivering")."""
        if header in self.actors.ids:
            return [self.actors.ids[header]]
        same = self.actors.by_key.get(name_key(header), [])
        if same:
            return list(same)
        words = header.replace("(", " ").replace(")", " ").split()
        for split in range(len(words) - 1, 0, -1):
            unit = name_key(" ".join(words[split:]))
            found = [a for a in self.actors.by_key.get(name_key(" ".join(words[:split])), ())
                     if unit == getattr(a, "unit", None)
                     or name_key(self._unit_name(a)).endswith(unit)]
            if found:
                return found
        return []

    def _choose(self, header: str, same: list[Entity]) -> str:
        """How to say which of the actors of one name a header means."""
        ids = ", ".join(self._with_unit(a) for a in same)
        unit = self._unit_name(same[-1])
        if unit:
            return _("{count} actors in the model have this name: {ids}; write the one you "
                     "mean in the header, by id ({id}) or with its unit ({example})").format(
                count=format_count(len(same)), ids=ids, id=same[-1].id,
                example=quoted(f"{header} ({unit})"))
        return _("{count} actors in the model have this name: {ids}; write the id of the one "
                 "you mean in the header ({id})").format(
            count=format_count(len(same)), ids=ids, id=same[-1].id)

    def _unit_name(self, actor: Entity) -> str:
        unit = getattr(actor, "unit", None)
        entity = self.model.units.get(unit) if unit else None
        return entity.name if entity is not None else ""

    def _with_unit(self, actor: Entity) -> str:
        unit = self._unit_name(actor)
        return f"{actor.id} ({unit})" if unit else actor.id

    def _new_actor(self, actor: SheetActor) -> Entity:
        entity_id = actor.id if actor.id and actor.id not in self.ids.taken and \
            is_valid_id(actor.id) else self.ids.make(actor.name, "actor")
        self.ids.claim(entity_id)
        if actor.kind is None and names_a_body(actor.name):
            self.named_bodies.add(entity_id)
        if actor.kind == "body" or entity_id in self.named_bodies:
            return Body(id=entity_id, name=actor.name, kind=body_kind_in_name(actor.name))
        if actor.kind == "person":
            return Person(id=entity_id, name=actor.name)
        return Role(id=entity_id, name=actor.name)

    def _cell(self, item_id: str, actor_id: str, letters: tuple[Letter, ...],
              cell: str) -> None:
        key = (item_id, actor_id)
        earlier = self.cells.get(key)
        if earlier is not None and earlier[0] != letters:
            self._problem(cell, cell_text(letters), _(
                "{cell} gives the same actor {letters} on the same item; give one").format(
                cell=earlier[1], letters=cell_text(earlier[0])))
            return
        self.cells[key] = (letters, cell)

    # ---- the change -------------------------------------------------------------

    def _finish(self, new_actors: list[Entity]) -> None:
        change = self.result.change
        change.put = [*self.made.values(), *self.placed.values()]
        if self.placed:
            names = [entity.name for entity in self.placed.values()]
            self.result.notices.append(_told(ngettext(
                "{count} item already in the model put under the goals the sheet gives it: "
                "{names}",
                "{count} items already in the model put under the goals the sheet gives them: "
                "{names}", len(names)), names))
        set_cells(self.model, {cell: letters for cell, (letters, _) in self.cells.items()},
                  change)
        named = [a for a in new_actors if isinstance(a, Body) and a.id in self.named_bodies]
        if named:
            self._tell_bodies(named)
        for kind in NEW_ACTOR_KINDS:
            names = [actor.name for actor in new_actors
                     if kind_of(actor) == kind and actor.id not in self.named_bodies]
            if names:
                self.result.notices.append(_became(kind, len(names)).format(
                    count=format_count(len(names)), names=_listing(names)))

    def _tell_bodies(self, bodies: list[Body]) -> None:
        """Columns that became bodies, each with its kind, and how to make one
        a role: their names say they are bodies, which may be wrong."""
        self.result.notices.append(_told(ngettext(
            "{count} actor not in the model became a body, as its name says: {names}; seat "
            "its members with a roster (--layout roster); if it is a role, remove it (raci rm "
            "MODEL ID --force), add the role (raci add MODEL role ID --name NAME) and import "
            "again",
            "{count} actors not in the model became bodies, as their names say: {names}; seat "
            "their members with a roster (--layout roster); if one is a role, remove it (raci "
            "rm MODEL ID --force), add the role (raci add MODEL role ID --name NAME) and "
            "import again", len(bodies)),
            [f"{body.name} ({body.id}, {BODY_KIND_NAMES[body.kind]})" for body in bodies]))

    def _make(self, entity: Entity) -> Entity:
        self.made[entity.id] = entity
        if kind_of(entity) in ITEM_KINDS:
            self.items.add(entity)
        else:
            self.actors.add(entity)
        return entity

    def _kind_of(self, entity_id: str) -> str | None:
        made = self.made.get(entity_id)
        return kind_of(made) if made is not None else self.model.kind(entity_id)

    def _problem(self, cell: str, text: str, reason: str) -> None:
        self.result.problems.append(f"{cell}: {quoted(text)}: {reason}")


def _goals_of(entity: Goal | Initiative | Decision) -> list[str]:
    if isinstance(entity, Goal):
        return [entity.parent] if entity.parent else []
    return list(entity.goals if isinstance(entity, Initiative) else entity.about)


def _set_goals(entity: Entity, targets: list[str]) -> None:
    """Put the item under these goals (a goal: under the first)."""
    if isinstance(entity, Goal):
        entity.parent = targets[0] if targets else None
    elif isinstance(entity, Initiative):
        entity.goals = list(dict.fromkeys(targets))
    elif isinstance(entity, Decision):
        entity.about = list(dict.fromkeys(targets))


# ---- rosters --------------------------------------------------------------------


def merge_roster(model: Model, roster: SheetRoster, *, replace: bool = False) -> Merge:
    """The change that brings a roster into `model`: each seat puts its person
    (or the role they hold, when a function is given) in its body.

    Bodies, people, units and roles are matched by id or name and made when
    new. A body keeps its members and gets the roster's added; with
    `replace`, each body the roster names gets exactly the roster's members
    (and its chair, when the roster has a chair column).
    """
    merger = _RosterMerger(model, replace, roster)
    for seat in roster.seats:
        merger.seat(seat)
    merger.finish()
    facts = list(ROSTER_NOT_RECORDED)
    if not any(seat.chair for seat in roster.seats):
        facts.append("chairs")
    _note_not_recorded(model, merger.result, facts)
    return merger.result


class _RosterMerger:
    def __init__(self, model: Model, replace: bool, roster: SheetRoster) -> None:
        self.model, self.replace = model, replace
        self.has_chair_column, self.grouped = roster.has_chair_column, roster.grouped
        self.result = Merge()
        self.ids = IdMaker(e.id for e in model.entities())
        self.names = {kind: Names(model, [kind]) for kind in ("unit", "person", "role", "body")}
        self.changed: dict[str, Entity] = {}
        self.made: set[str] = set()
        self.chair_cells: dict[str, str] = {}
        self.bodies: dict[str, Body] = {}
        self.claimed_bodies: set[str] = set()
        self.units_of: dict[str, list[str]] = {}
        self.other_names: dict[str, list[str]] = {}
        self.roles: dict[tuple[str, str | None, str], Role] = {}
        self.claimed_roles: set[str] = set()
        self.seated_through: dict[tuple[str, str], list[str]] = {}
        """The people each role was seated for in each body, row by row."""
        self.chaired_through: dict[str, str] = {}
        """The person whose row made their role a body's chair."""
        self.kept_apart: list[str] = []
        """Roles a row of the roster took: none is a second row's vacant role."""
        self.roles_named_as_bodies: list[str] = []
        """Bodies made with the name of a role in the model (a matrix's column, mostly)."""
        self.first_seats: dict[tuple[str, str], Seat] = {}
        """Each person's first seat in each body, to tell of a second."""
        self.seated_again: list[str] = []
        """A person's second seat in one body: ``Jan in Stuurgroep at B4 (first at B2)``."""

    def seat(self, seat: Seat) -> None:
        body = self._body(seat)
        if seat.person is None and seat.vacant is None:
            return
        unit = None if seat.unit is None else self._entity(
            "unit", seat.unit, None, lambda i: Unit(id=i, name=seat.unit or ""))
        if seat.vacant is not None:  # a role with no holder: "Vacature Stuurgroep Water"
            holder = self._role(seat.role or f"{seat.vacant} {seat.body}", unit, None).id
        else:
            person = self._person(seat.person or "", seat.person_id, unit)
            self._seated_once(body, person, seat)
            for function in seat.functions:
                self._role(function, unit, person.id)
            holder = person.id if seat.role is None else \
                self._role(seat.role, unit, person.id).id
            if holder != person.id:
                self.seated_through.setdefault((body.id, holder), []).append(person.id)
                if seat.chair:
                    self.chaired_through[body.id] = person.id
        if holder not in body.members:
            body.members.append(holder)
        if seat.chair:
            self._chair(body, holder, seat.person_cell or seat.body_cell)

    def _seated_once(self, body: Body, person: Entity, seat: Seat) -> None:
        """A person listed again in a body (the same row twice, or another
        function on a row of its own) is told by the cell of that row: the
        person's own, or the body's where the person cell is the one above."""
        first = self.first_seats.setdefault((body.id, person.id), seat)
        if first is not seat:
            own = seat.person_cell if seat.person_cell != first.person_cell else None
            cell = _as_noted(own or seat.body_cell)
            self.seated_again.append(_("{name} in {body} at {cell} (first at {first})").format(
                name=person.name, body=body.name, cell=cell,
                first=_in_sheet_of(_as_noted(first.person_cell or first.body_cell), cell)))

    def _body(self, seat: Seat) -> Body:
        key = str(seat.group) if self.grouped else name_key(seat.body)
        if key not in self.bodies:
            found = self.names["body"].find(seat.body, self.claimed_bodies)
            if isinstance(found, Body):
                body = self._changed(found)
                if self.replace:  # the roster gives all of its members
                    body.members = []
                    if self.has_chair_column:
                        body.chair = None
            else:
                body = self._made(Body(id=self.ids.make(seat.body, "body"), name=seat.body,
                                       kind=seat.body_kind or body_kind_in_name(seat.body)))
                role = self.names["role"].find(seat.body)
                if role is not None and role.id not in self.made:
                    self.roles_named_as_bodies.append(_("{name} (role {role}, body {body})").format(
                        name=body.name, role=role.id, body=body.id))
            self.bodies[key] = body
            self.claimed_bodies.add(body.id)
        body = self.bodies[key]
        body.tags.extend(t for t in seat.tags if t not in body.tags)
        return body

    def _person(self, name: str, person_id: str | None, unit: Entity | None) -> Entity:
        person = self._entity("person", name, person_id, lambda i: Person(
            id=i, name=name, unit=None if unit is None else unit.id))
        if unit is not None:
            self.units_of.setdefault(person.id, []).append(unit.name)
            if isinstance(person, Person) and person.unit is None:  # a gap, filled
                person.unit = unit.id
        if name_key(person.name) != name_key(name):  # found by id
            self.other_names.setdefault(person.id, []).append(name)
        return person

    def _role(self, name: str, unit: Entity | None, person: str | None) -> Role:
        """The role of this function that the person holds, or a vacant seat's
        (`person` None): one per person and unit, so that seating it seats
        nobody the sheet does not name there (three secretaries are three
        roles). Found again by name, unit and holder: importing again makes none."""
        unit_id = None if unit is None else unit.id
        key = (name_key(name), unit_id, person or str(len(self.roles)))
        if key not in self.roles:
            role = self._held_role(name, unit_id, person) or self._made(Role(
                id=self.ids.make(name, "role"), name=name, unit=unit_id))
            if person is not None and person not in role.holders:
                role.holders.append(person)
            self.claimed_roles.add(role.id)
            self.roles[key] = role
        return self.roles[key]

    def _held_role(self, name: str, unit_id: str | None, person: str | None) -> Role | None:
        """The model's role of this name and unit (a function of another unit is
        another role: the Wethouder of two towns) that the person holds, else
        one that nobody holds and no row took yet."""
        found = (self.changed.get(e.id, e) for e in self.names["role"].by_key[name_key(name)])
        roles = [r for r in found if isinstance(r, Role)
                 and (unit_id is None or r.unit in (None, unit_id))]
        role = next((r for r in roles if person is not None and person in r.holders), None) or \
            next((r for r in roles if not r.holders and r.id not in self.claimed_roles), None)
        return None if role is None else self._changed(role)

    def _chair(self, body: Body, holder: str, cell: str) -> None:
        earlier = self.chair_cells.get(body.id)
        if earlier and body.chair != holder:
            self.result.problems.append(_(
                "{cell}: {name}: a body has one chair, and {earlier} marks another; mark "
                "one").format(cell=cell, name=quoted(body.name), earlier=earlier))
            return
        body.chair = holder
        self.chair_cells[body.id] = cell

    def _entity(self, kind: str, name: str, entity_id: str | None,
                make: Callable[[str], Entity]) -> Entity:
        """The entity of this kind with this id or name, ready to change; or a new one."""
        names = self.names[kind]
        found = names.find_id(entity_id) if entity_id else None
        found = found or names.find(name)
        if found is not None:
            return self._changed(found)
        new_id = entity_id if entity_id and is_valid_id(entity_id) and \
            entity_id not in self.ids.taken else self.ids.make(name, kind)
        self.ids.claim(new_id)
        return self._made(make(new_id))

    def _changed(self, entity: AnyEntity) -> AnyEntity:
        if entity.id not in self.changed:
            self.changed[entity.id] = copy.deepcopy(entity)
        changed = self.changed[entity.id]
        assert isinstance(changed, type(entity))
        return changed

    def _made(self, entity: AnyEntity) -> AnyEntity:
        self.names[kind_of(entity)].add(entity)
        self.changed[entity.id] = entity
        self.made.add(entity.id)
        return entity

    def seat_only_the_named(self) -> None:
        """A role of the model held by people the sheet does not seat in a body
        too does not take the seat there: the people the sheet names do (so
        that nobody sits where the sheet does not say), and a note says so."""
        for (body_id, role_id), named in self.seated_through.items():
            body, role = self.changed[body_id], self.changed[role_id]
            before = self.model.get(body_id)
            assert isinstance(body, Body) and isinstance(role, Role)
            if set(role.holders) <= set(named) or role_id not in body.members or (
                    not self.replace and isinstance(before, Body) and role_id in before.members):
                continue
            at = body.members.index(role_id)
            body.members[at:at + 1] = [p for p in dict.fromkeys(named) if p not in body.members]
            if body.chair == role_id:
                body.chair = self.chaired_through[body_id]
            self.kept_apart.append(_("{role} in {body}").format(role=role.name, body=body.name))

    def finish(self) -> None:
        """Put what changed; tell of new entities, of seats and of the people listed."""
        self.seat_only_the_named()
        self.result.change.put = [
            e for e in self.changed.values()
            if e.id in self.made or e != self.model.get(e.id)]
        made = [self.changed[i] for i in self.made]
        counts = {kind: sum(isinstance(e, KINDS[kind][1]) for e in made)
                  for kind in ("body", "person", "unit", "role")}
        self.result.notices.append(_("made {counts}").format(counts=", ".join(
            _count(n, kind) for kind, n in counts.items())))
        if self.kept_apart:
            self.result.notices.append(_told(ngettext(
                "{count} seat given to the people the sheet names, not to their role, whose "
                "other holders do not sit there: {names}",
                "{count} seats given to the people the sheet names, not to their roles, whose "
                "other holders do not sit there: {names}", len(self.kept_apart)),
                self.kept_apart))
        if self.roles_named_as_bodies:
            self.result.notices.append(_told(ngettext(
                "{count} body made with the name of a role in the model, so two actors now: "
                "{names}; if they are one, remove the role (raci rm MODEL ROLE --force) and "
                "import the matrix again: its column then names the body",
                "{count} bodies made with the names of roles in the model, so two actors each "
                "now: {names}; if they are one, remove the role (raci rm MODEL ROLE --force) "
                "and import the matrix again: its column then names the body",
                len(self.roles_named_as_bodies)), self.roles_named_as_bodies))
        self._tell_people_listed()

    def _tell_people_listed(self) -> None:
        """Tell of people listed with several units, again in one body, or by other names."""
        several = [f"{self.changed[p].name} ({'; '.join(dict.fromkeys(u))})"
                   for p, u in self.units_of.items() if len({name_key(n) for n in u}) > 1]
        if several:
            self.result.notices.append(_told(ngettext(
                "{count} person listed with several units keeps the first: {names}",
                "{count} people listed with several units keep the first: {names}",
                len(several)), several))
        if self.seated_again:
            self.result.notices.append(_told(ngettext(
                "{count} person listed again in a body they sit in already: {names}; a person "
                "has one seat in a body: remove the extra row, or write their functions in one "
                "cell (\"Admin, Release Manager\")",
                "{count} people listed again in a body they sit in already: {names}; a person "
                "has one seat in a body: remove the extra row, or write their functions in one "
                "cell (\"Admin, Release Manager\")", len(self.seated_again)), self.seated_again))
        renamed = [_("{name} (also {names})").format(name=self.changed[p].name,
                                                     names="; ".join(dict.fromkeys(n)))
                   for p, n in self.other_names.items()]
        if renamed:
            self.result.notices.append(_told(ngettext(
                "{count} person named otherwise in some rows (one id) keeps the first name: "
                "{names}",
                "{count} people named otherwise in some rows (one id) keep the first name: "
                "{names}", len(renamed)), renamed))


# ---- shared -------------------------------------------------------------------


def _note_not_recorded(model: Model, merge: Merge, facts: list[str]) -> None:
    """Add to `org.not_recorded` the facts the sheet cannot hold, where the
    sheet brings all there is of what they are recorded on (no initiative was
    in the model: the sheet's have no success criteria); and take off it each
    fact the sheet brings. What the model held before is the user's: a fact
    it recorded, or held things of and did not record, stays as declared."""
    put = {entity.id: entity for entity in merge.change.put}
    unrecorded = [fact for fact in facts if not model.collection(FACT_KINDS[fact])
                  and not _records(model, put, fact)]
    now_recorded = [fact for fact in model.org.not_recorded
                    if _records(model, put, fact) and not _records(model, {}, fact)]
    added = [f for f in NOT_RECORDED_FACTS if f in unrecorded and f not in model.org.not_recorded]
    if not added and not now_recorded:
        return
    merge.change.org = replace(model.org, not_recorded=[
        f for f in NOT_RECORDED_FACTS
        if f in added or (f in model.org.not_recorded and f not in now_recorded)])
    if added:
        merge.notices.append(_("not recorded from now on: {facts} (the sheet does not record "
                               "them; the rules that need them are not run)").format(
            facts=", ".join(FACT_WORDS[f] for f in added)))
    if now_recorded:
        merge.notices.append(_("recorded now: {facts} (taken off the facts not recorded; the "
                               "rules that need them are run again)").format(
            facts=", ".join(FACT_WORDS[f] for f in now_recorded)))


def _records(model: Model, put: dict[str, Entity], fact: str) -> bool:
    """Whether the model, with the entities `put`, records the fact anywhere
    (docs/lint.md's table)."""
    def current(kind: str) -> list[Any]:
        cls = KINDS[kind][1]
        kept = [e for i, e in model.collection(kind).items() if i not in put]
        return kept + [e for e in put.values() if type(e) is cls]

    if fact == "chairs":
        return any(b.chair for b in current("body"))
    if fact == "cadence":
        return any(b.meets_every_days is not None for b in current("body"))
    if fact == "holders":
        return any(r.holders for r in current("role"))
    if fact == "success_criteria":
        return any(i.success_criteria for i in current("initiative"))
    if fact == "indicators":
        return bool(current("kpi"))
    if fact == "goals":
        return any(i.goals for i in current("initiative"))
    return True



def _became(kind: str, number: int) -> str:
    """The notice of actors not in the model that became this kind."""
    if kind == "role":
        return ngettext("{count} actor not in the model became a role: {names}",
                        "{count} actors not in the model became roles: {names}", number)
    if kind == "body":
        return ngettext("{count} actor not in the model became a body: {names}",
                        "{count} actors not in the model became bodies: {names}", number)
    return ngettext("{count} actor not in the model became a person: {names}",
                    "{count} actors not in the model became people: {names}", number)


def _count(number: int, noun: str) -> str:
    """``1 body``, ``14 people``: a roster's `noun` counted, in the user's language."""
    forms = {
        "body": ngettext("{count} body", "{count} bodies", number),
        "person": ngettext("{count} person", "{count} people", number),
        "unit": ngettext("{count} unit", "{count} units", number),
        "role": ngettext("{count} role", "{count} roles", number),
    }
    return forms[noun].format(count=format_count(number))


def _told(template: str, names: list[str]) -> str:
    """A notice naming these: its `template` (the form for their count) filled."""
    return template.format(count=format_count(len(names)), names=_listing(names))


def _as_noted(cell: str) -> str:
    """A seat's cell as the import's other notes name one, in the file the
    import names: ``Leden!C3``, ``leden.csv:C3`` (not the path given)."""
    found = SEAT_CELL.fullmatch(cell)
    if found is None:
        return cell
    return found["sheet"] + found["reference"] if found["sheet"] else \
        f"{Path(found['file']).name}:{found['reference']}"


def _in_sheet_of(cell: str, other: str) -> str:
    """`cell` named after `other`: by its reference alone (``C2``) in the same sheet."""
    this, that = CELL.fullmatch(cell), CELL.fullmatch(other)
    return this["reference"] if this and that and this["sheet"] == that["sheet"] else cell


def _listing(names: list[str]) -> str:
    shown = ", ".join(names[:MOST_NAMED])
    more = len(names) - MOST_NAMED
    return shown + (_(" and {count} more").format(count=more) if more > 0 else "")
