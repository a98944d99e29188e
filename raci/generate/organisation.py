"""The healthy organisation a generated model starts from, and its deep chains.

Ministries split into directorates-general, directorates and departments;
people in every unit holding one to three roles; bodies of every kind whose
seats lean towards senior roles; goal trees; initiatives serving the leaf
goals; decisions taken by bodies and roles; leading and lagging indicators;
RACI assignments on all of them. `Builder` also keeps what the weaknesses
pass (`raci.generate.weaknesses`) needs to find its candidates.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from raci.generate.names import (
    DECISION_VERBS,
    DEPARTMENT_KINDS,
    FIRST_NAMES,
    GOAL_OBJECTS,
    GOAL_VERBS,
    HARD_NAMES,
    INITIATIVE_KINDS,
    LAST_NAMES,
    MINISTRY_NAMES,
    RESULTS,
    STAFF_TITLES,
    SUPPLIER_NAMES,
    TAGS,
    TOPICS,
)
from raci.generate.shapes import AS_OF, Shape
from raci.model import (
    LETTERS,
    Assignment,
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Letter,
    Model,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
)

T = TypeVar("T")


class Rotation:
    """Hands out the members of a pool in turn, reshuffled each round, so the
    work (an Accountable, a Responsible seat) is spread evenly but not in order."""

    def __init__(self, rng: random.Random, pool: Sequence[str]) -> None:
        self._rng = rng
        self._pool = list(pool)
        self._queue: list[str] = []

    def next(self) -> str:
        if not self._queue:
            self._queue = self._pool[:]
            self._rng.shuffle(self._queue)
        return self._queue.pop()

    def __bool__(self) -> bool:
        return bool(self._pool)


@dataclass
class Directorate:
    """A directorate with what its items draw on."""

    unit: str
    dg: str
    ministry: str
    topic: str
    departments: list[str]
    programme_roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    leaf_goals: list[str] = field(default_factory=list)
    initiatives: list[str] = field(default_factory=list)
    stakeholders: list[str] = field(default_factory=list)
    """Actors worth informing about the directorate's items."""


@dataclass
class DirectorateGeneral:
    unit: str
    ministry: str
    topic: str
    directorates: list[Directorate] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    advisory_board: str = ""
    functional_roles: list[str] = field(default_factory=list)


@dataclass
class Ministry:
    unit: str
    name: str
    dgs: list[DirectorateGeneral] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    external_roles: list[str] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)


class Builder:
    """Builds the healthy organisation and keeps what the weaknesses pass needs."""

    def __init__(self, shape: Shape, rng: random.Random, size: str) -> None:
        self.shape = shape
        self.rng = rng
        self.size = size
        self.units: dict[str, Unit] = {}
        self.people: dict[str, Person] = {}
        self.roles: dict[str, Role] = {}
        self.bodies: dict[str, Body] = {}
        self.goals: dict[str, Goal] = {}
        self.initiatives: dict[str, Initiative] = {}
        self.decisions: dict[str, Decision] = {}
        self.kpis: dict[str, Kpi] = {}
        self.raci: dict[str, dict[Letter, list[str]]] = {}
        self.waivers: list[Waiver] = []
        self.unit_people: dict[str, list[str]] = defaultdict(list)
        self.head: dict[str, str] = {}
        """unit id -> the id of the role that heads it."""
        self.staff: dict[str, list[str]] = defaultdict(list)
        """unit id -> its roles other than the head."""
        self.ministries: list[Ministry] = []
        self.directorates: list[Directorate] = []
        self.root_role: str | None = None
        self.department_of: dict[str, str] = {}
        """Leaf goal or initiative id -> the department doing the work."""
        self.directorate_of: dict[str, Directorate] = {}
        """Leaf goal or initiative id -> its directorate."""
        self.chain_ids: set[str] = set()
        self._serial: dict[str, int] = defaultdict(int)

    # ---- small tools ----------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        self._serial[prefix] += 1
        return f"{prefix}{self._serial[prefix]}"

    def date(self, low_days: int, high_days: int) -> dt.date:
        """A date between `low_days` and `high_days` days from the as-of date."""
        return AS_OF + dt.timedelta(days=self.rng.randint(low_days, high_days))

    def sample(self, pool: Sequence[T], count: int) -> list[T]:
        return self.rng.sample(pool, min(count, len(pool)))

    def person_name(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def assign(self, item: str, letter: Letter, actor: str) -> bool:
        """Give `actor` the letter on `item` unless it already holds one there."""
        block = self.raci.setdefault(item, {})
        if any(actor in actors for actors in block.values()):
            return False
        block.setdefault(letter, []).append(actor)
        return True

    def set_accountable(self, item: str, actor: str) -> None:
        """Make `actor` the only Accountable, dropping any other letter it held."""
        block = self.raci.setdefault(item, {})
        for actors in block.values():
            if actor in actors:
                actors.remove(actor)
        block["A"] = [actor]

    def inform(self, item: str, pool: Sequence[str]) -> None:
        low, high = self.shape.informed
        for actor in self.sample(pool, self.rng.randint(low, high)):
            self.assign(item, "I", actor)

    def unit_of_role(self, role_id: str) -> str | None:
        role = self.roles[role_id]
        if role.unit is not None:
            return role.unit
        return self.people[role.holders[0]].unit if role.holders else None

    def model(self) -> Model:
        assignments = [
            Assignment(item, letter, actor)
            for item, block in self.raci.items()
            for letter in LETTERS
            for actor in block.get(letter, [])
        ]
        for kpi_id, kpi in self.kpis.items():
            kpi.has_raci = kpi_id in self.raci
        org = Org(
            name=f"Synthetische organisatie ({self.size})",
            description="Generated by `raci generate`; every name is invented.",
            as_of=AS_OF,
        )
        return Model(
            org=org, units=self.units, people=self.people, roles=self.roles,
            bodies=self.bodies, goals=self.goals, initiatives=self.initiatives,
            decisions=self.decisions, kpis=self.kpis, assignments=assignments,
            waivers=self.waivers,
        )

    # ---- the healthy organisation -------------------------------------------------

    def build_healthy(self) -> None:
        national = self.shape.ministries > 1
        root = self.add_unit("rijk", "Rijksoverheid", None) if national else None
        if root is not None:
            self.root_role = self.add_head(root, "Voorzitter Ministerraad", [], None)
        for number in range(self.shape.ministries):
            self.ministries.append(self.build_ministry(number, root))
        for ministry in self.ministries:
            self.build_bodies(ministry)
        if national:
            self.build_interdepartmental_bodies()
        for ministry in self.ministries:
            self.build_goals(ministry)
        for directorate in self.directorates:
            self.build_initiatives(directorate)
            self.build_kpis(directorate)
        for ministry in self.ministries:
            self.build_decisions(ministry)
        self.give_idle_roles_work()
        self.give_hard_names()

    def add_unit(self, unit_id: str, name: str, parent: str | None,
                 external: bool = False) -> str:
        self.units[unit_id] = Unit(id=unit_id, name=name, parent=parent, external=external)
        return unit_id

    def add_people(self, unit_id: str, count: int) -> list[str]:
        people = []
        for _ in range(count):
            person_id = self.new_id("p")
            capacity = None if self.rng.random() < 0.8 else self.rng.choice((0.5, 0.6, 0.8, 0.9))
            self.people[person_id] = Person(
                id=person_id, name=self.person_name(), unit=unit_id, capacity_fte=capacity
            )
            self.unit_people[unit_id].append(person_id)
            people.append(person_id)
        return people

    def add_role(self, name: str, unit: str | None, holders: list[str],
                 reports_to: str | None) -> str:
        role_id = self.new_id("r.")
        self.roles[role_id] = Role(
            id=role_id, name=name, unit=unit, holders=holders, reports_to=reports_to
        )
        if unit is not None:
            self.staff[unit].append(role_id)
        return role_id

    def add_head(self, unit_id: str, title: str, holders: list[str],
                 reports_to: str | None) -> str:
        role_id = f"r.{unit_id}"
        self.roles[role_id] = Role(
            id=role_id, name=f"{title} {self.units[unit_id].name}", unit=unit_id,
            holders=holders, reports_to=reports_to,
        )
        self.head[unit_id] = role_id
        return role_id

    def staff_unit(self, unit_id: str, title: str, people: int,
                   reports_to: str | None) -> None:
        """People for a unit: the first heads it, the others share staff roles."""
        members = self.add_people(unit_id, people)
        head = self.add_head(unit_id, title, members[:1], reports_to)
        rest, position = members[1:], 0
        roles: list[Role] = []
        while position < len(rest):
            share = 1 if self.rng.random() < 0.6 else self.rng.randint(2, 3)
            title = STAFF_TITLES[self.rng.randrange(len(STAFF_TITLES))]
            role_id = self.add_role(f"{title} {self.units[unit_id].name}", unit_id,
                                    rest[position:position + share], head)
            roles.append(self.roles[role_id])
            position += share
        for person_id in rest:
            # Some people also fill in for a colleague's role: a second role.
            role = self.rng.choice(roles)
            if self.rng.random() < 0.15 and person_id not in role.holders:
                role.holders.append(person_id)

    def department_size(self) -> int:
        fewest, mean_extra = self.shape.department_people
        return fewest + min(int(self.rng.expovariate(1 / mean_extra)), 6 * mean_extra)

    def build_ministry(self, number: int, root: str | None) -> Ministry:
        unit_id = f"m{number + 1}"
        name = MINISTRY_NAMES[number % len(MINISTRY_NAMES)]
        self.add_unit(unit_id, f"Ministerie van {name}", root)
        self.staff_unit(unit_id, "Secretaris-generaal", 4, self.root_role)
        ministry = Ministry(unit_id, name)
        topics = self.sample(TOPICS, self.shape.dgs)
        for dg_number, topic in enumerate(topics, 1):
            ministry.dgs.append(self.build_dg(ministry, f"{unit_id}-dg{dg_number}", topic))
        self.build_suppliers(ministry)
        self.build_programme_roles(ministry)
        return ministry

    def build_dg(self, ministry: Ministry, unit_id: str, topic: str) -> DirectorateGeneral:
        self.add_unit(unit_id, f"DG {topic}", ministry.unit)
        self.staff_unit(unit_id, "Directeur-generaal", 3, self.head[ministry.unit])
        dg = DirectorateGeneral(unit_id, ministry.unit, topic)
        for number, sub_topic in enumerate(self.sample(TOPICS, self.shape.directorates), 1):
            directorate_id = f"{unit_id}-d{number}"
            self.add_unit(directorate_id, f"Directie {sub_topic}", unit_id)
            self.staff_unit(directorate_id, "Directeur", 3, self.head[unit_id])
            directorate = Directorate(directorate_id, unit_id, ministry.unit, sub_topic, [])
            kinds = self.sample(DEPARTMENT_KINDS, self.shape.departments)
            for dept_number, kind in enumerate(kinds, 1):
                dept_id = f"{directorate_id}-a{dept_number}"
                self.add_unit(dept_id, f"Afdeling {kind} {sub_topic}", directorate_id)
                self.staff_unit(dept_id, "Afdelingshoofd", self.department_size(),
                                self.head[directorate_id])
                directorate.departments.append(dept_id)
            dg.directorates.append(directorate)
            self.directorates.append(directorate)
        self.build_functional_roles(dg)
        return dg

    def build_functional_roles(self, dg: DirectorateGeneral) -> None:
        """Roles people hold beside their own job: a second or third role."""
        pool = [p for d in dg.directorates for u in d.departments for p in self.unit_people[u]]
        for title in ("Privacy officer", "Informatiebeveiliger", "Controller"):
            holders = self.sample(pool, self.rng.randint(1, 2))
            dg.functional_roles.append(
                self.add_role(f"{title} DG {dg.topic}", dg.unit, holders, self.head[dg.unit])
            )
        kwartiermaker = self.add_role(
            f"Kwartiermaker {dg.topic}", None, self.sample(pool, 1), self.head[dg.unit]
        )
        self.roles[kwartiermaker].temporary = True
        self.roles[kwartiermaker].sunset = self.date(120, 900)
        dg.functional_roles.append(kwartiermaker)

    def build_programme_roles(self, ministry: Ministry) -> None:
        """Programme managers: a second role for department staff, with no unit of its own."""
        for dg in ministry.dgs:
            for directorate in dg.directorates:
                pool = [p for u in directorate.departments for p in self.unit_people[u][1:]]
                for _ in range(self.rng.randint(2, 3)):
                    holder = self.sample(pool, 1)
                    directorate.programme_roles.append(self.add_role(
                        f"Programmamanager {directorate.topic}", None, holder,
                        self.head[directorate.unit],
                    ))

    def build_suppliers(self, ministry: Ministry) -> None:
        for number in range(self.shape.suppliers):
            unit_id = f"{ministry.unit}-ext{number + 1}"
            name = SUPPLIER_NAMES[(number + len(self.ministries)) % len(SUPPLIER_NAMES)]
            self.add_unit(unit_id, f"{name} ({ministry.name})", None, external=True)
            people = self.add_people(unit_id, self.rng.randint(3, 7))
            for position in range(0, len(people), 2):
                ministry.external_roles.append(self.add_role(
                    f"Consultant {name}", unit_id, people[position:position + 2], None
                ))
            ministry.suppliers.append(unit_id)
        # A team under a supplier: its people are external through the unit above.
        team = self.add_unit(f"{ministry.suppliers[0]}-team", "Detacheringsteam",
                             ministry.suppliers[0])
        ministry.external_roles.append(self.add_role(
            "Gedetacheerd projectleider", team, self.add_people(team, 2), None
        ))

    # ---- bodies -------------------------------------------------------------------

    def add_body(self, name: str, kind: str, members: list[str], chair: str | None,
                 reports_to: str | None, cadence: int | None) -> str:
        body_id = self.new_id("b.")
        body = Body(
            id=body_id, name=name, kind=kind, chair=chair, members=members,
            reports_to=reports_to, meets_every_days=cadence,
            established=self.date(-3000, -60),
            mandate=f"Besluit en stuurt binnen het mandaat van {name}.",
        )
        if body.is_temporary:
            body.sunset = self.date(60, 1000)
        self.bodies[body_id] = body
        return body_id

    def build_bodies(self, ministry: Ministry) -> None:
        sg = self.head[ministry.unit]
        dg_heads = [self.head[dg.unit] for dg in ministry.dgs]
        board = self.add_body(f"Bestuursraad {ministry.name}", "committee",
                              [sg, *dg_heads], sg, sg, 7)
        functional = [r for dg in ministry.dgs for r in dg.functional_roles]
        ministry.bodies += [
            board,
            self.add_body(f"Auditcommissie {ministry.name}", "committee",
                          [sg, *self.sample(dg_heads, 1), *self.sample(functional, 3)],
                          sg, sg, 60),
            self.add_body(f"Crisisteam {ministry.name}", "crisis_team",
                          [sg, *self.sample(dg_heads, 2), *self.sample(functional, 2)],
                          sg, sg, self.rng.choice((1, 7, None))),
        ]
        for dg in ministry.dgs:
            self.build_dg_bodies(ministry, dg, board)

    def build_dg_bodies(self, ministry: Ministry, dg: DirectorateGeneral, board: str) -> None:
        head = self.head[dg.unit]
        directors = [self.head[d.unit] for d in dg.directorates]
        programme = [r for d in dg.directorates for r in d.programme_roles]
        steering = self.add_body(f"Stuurgroep {dg.topic}", "steering_group",
                                 [head, *directors], head, head, self.rng.choice((30, None)))
        kwartiermaker = dg.functional_roles[-1]
        staff = [r for d in dg.directorates for u in d.departments for r in self.staff[u]]
        dg.bodies += [
            steering,
            self.add_body(f"Portfolioboard {dg.topic}", "portfolio_board",
                          [head, dg.functional_roles[2], *self.sample(directors, 2),
                           *self.sample(programme, 2)], head, board, 30),
            self.add_body(f"Taskforce {dg.topic}", "taskforce",
                          [kwartiermaker, *self.sample(directors, 1), *self.sample(staff, 3),
                           *self.sample(ministry.external_roles, 1)],
                          kwartiermaker, head, 7),
        ]
        dg.advisory_board = self.build_advisory_board(ministry, dg)
        for directorate in dg.directorates:
            self.build_directorate_bodies(directorate, steering)

    def build_advisory_board(self, ministry: Ministry, dg: DirectorateGeneral) -> str:
        """Outside experts with an independent chair; it advises and never decides."""
        chair = self.new_id("p")
        self.people[chair] = Person(id=chair, name=self.person_name(), external=True)
        experts = [p for u in ministry.suppliers for p in self.unit_people[u]]
        return self.add_body(f"Adviesraad {dg.topic}", "advisory_board",
                             [chair, *self.sample(experts, self.rng.randint(2, 4))],
                             chair, self.head[dg.unit], 90)

    def build_directorate_bodies(self, directorate: Directorate, steering: str) -> None:
        head = self.head[directorate.unit]
        heads = [self.head[u] for u in directorate.departments]
        team = self.add_body(f"Managementteam {directorate.topic}", "committee",
                             [head, *heads], head, head, self.rng.choice((7, 14)))
        programme_board = self.add_body(
            f"Programmaboard {directorate.topic}", "programme_board",
            [*directorate.programme_roles[:1], *self.sample(heads, 2),
             *self.sample(self.staff[directorate.unit], 1)],
            directorate.programme_roles[0], steering, self.rng.choice((14, 28)),
        )
        directorate.bodies += [team, programme_board]
        for number in range(self.rng.randint(1, 2)):
            departments = self.sample(directorate.departments, 2)
            staff = [r for u in departments for r in self.staff[u]]
            members = [self.head[departments[0]], *self.sample(staff, self.rng.randint(3, 6))]
            directorate.bodies.append(self.add_body(
                f"Werkgroep {directorate.topic} {number + 1}", "working_group", members,
                members[0], team, 14,
            ))
        self.build_networks(directorate, team)
        self.roles[directorate.programme_roles[0]].reports_to = programme_board
        if self.rng.random() < 0.3:
            # A person sitting in a body in their own name, beside the roles.
            self.bodies[team].members.append(self.unit_people[directorate.unit][-1])

    def build_networks(self, directorate: Directorate, team: str) -> None:
        """Expert networks and consultations: members from the whole directorate."""
        staff = [r for u in directorate.departments for r in self.staff[u]]
        for number in range(self.rng.randint(0, 2)):
            members = self.sample(staff, self.rng.randint(3, 8))
            directorate.bodies.append(self.add_body(
                f"Kennisnetwerk {directorate.topic} {number + 1}", "other", members,
                members[0], team, self.rng.choice((30, 60, None)),
            ))

    def build_interdepartmental_bodies(self) -> None:
        """National bodies whose members are directors-general of several ministries."""
        dg_heads = [self.head[dg.unit] for m in self.ministries for dg in m.dgs]
        for topic in TOPICS[: len(self.ministries) * 2]:
            members = self.sample(dg_heads, self.rng.randint(4, 8))
            self.ministries[0].bodies.append(self.add_body(
                f"Interdepartementale stuurgroep {topic}", "steering_group", members,
                members[0], self.root_role, 30,
            ))

    # ---- goals ----------------------------------------------------------------------

    def add_goal(self, name: str, parent: str | None, accountable: str,
                 responsible: Sequence[str], informed: Sequence[str]) -> str:
        goal_id = self.new_id("g.")
        self.goals[goal_id] = Goal(id=goal_id, name=name, parent=parent,
                                   due=self.date(300, 2500))
        self.assign(goal_id, "A", accountable)
        for actor in responsible:
            self.assign(goal_id, "R", actor)
        self.inform(goal_id, informed)
        return goal_id

    def goal_name(self, topic: str) -> str:
        return f"{self.rng.choice(GOAL_VERBS)} {self.rng.choice(GOAL_OBJECTS)} ({topic})"

    def build_goals(self, ministry: Ministry) -> None:
        sg = self.head[ministry.unit]
        dg_heads = [self.head[dg.unit] for dg in ministry.dgs]
        for _ in range(self.rng.randint(2, 3)):
            ministry.goals.append(self.add_goal(
                f"Missie: {self.goal_name(ministry.name)}", None, sg,
                self.sample(dg_heads, 2), ministry.bodies,
            ))
        for dg in ministry.dgs:
            directors = [self.head[d.unit] for d in dg.directorates]
            for _ in range(self.rng.randint(1, 2)):
                dg.goals.append(self.add_goal(
                    self.goal_name(dg.topic), self.rng.choice(ministry.goals),
                    self.head[dg.unit], self.sample(directors, 2), [*directors, *dg.bodies],
                ))
            for directorate in dg.directorates:
                self.build_directorate_goals(directorate, dg)

    def build_directorate_goals(self, directorate: Directorate, dg: DirectorateGeneral) -> None:
        heads = [self.head[u] for u in directorate.departments]
        directorate.stakeholders = [
            self.head[directorate.unit], self.head[dg.unit], *heads,
            *directorate.programme_roles, *directorate.bodies, *dg.functional_roles,
            *self.staff[directorate.unit],
            *(r for u in directorate.departments for r in self.staff[u]),
        ]
        departments = Rotation(self.rng, directorate.departments)
        for _ in range(self.rng.randint(2, 3)):
            parent = self.add_goal(
                self.goal_name(directorate.topic), self.rng.choice(dg.goals),
                self.head[directorate.unit], self.sample(heads, 2), directorate.stakeholders,
            )
            for _ in range(self.rng.randint(*self.shape.leaf_goals)):
                department = departments.next()
                goal_id = self.add_goal(
                    self.goal_name(directorate.topic), parent, self.head[department],
                    self.sample(self.staff[department], self.rng.randint(1, 2)),
                    directorate.stakeholders,
                )
                directorate.leaf_goals.append(goal_id)
                self.department_of[goal_id] = department
                self.directorate_of[goal_id] = directorate

    # ---- initiatives ------------------------------------------------------------------

    def build_initiatives(self, directorate: Directorate) -> None:
        accountables = Rotation(self.rng, [
            *directorate.programme_roles,
            *(self.head[u] for u in directorate.departments),
            *(r for u in directorate.departments for r in self.staff[u][:2]),
        ])
        suppliers = next(m for m in self.ministries if m.unit == directorate.ministry)
        for goal_id in directorate.leaf_goals:
            department = self.department_of[goal_id]
            for number in range(self.rng.randint(*self.shape.initiatives)):
                initiative_id = self.add_initiative(directorate, goal_id, first=number == 0)
                self.department_of[initiative_id] = department
                self.directorate_of[initiative_id] = directorate
                self.assign(initiative_id, "A", accountables.next())
                self.staff_initiative(initiative_id, department, directorate,
                                      suppliers.external_roles)


    def add_initiative(self, directorate: Directorate, goal_id: str, first: bool) -> str:
        initiative_id = self.new_id("i.")
        status = "active" if first else self.rng.choices(
            ("active", "proposed", "done", "paused", "stopped"), (62, 12, 14, 6, 6))[0]
        goals = [goal_id]
        if self.rng.random() < 0.2:
            other = self.rng.choice(directorate.leaf_goals)
            if other != goal_id:
                goals.append(other)
        initiative = Initiative(
            id=initiative_id,
            name=f"{self.rng.choice(INITIATIVE_KINDS)} {directorate.topic} {initiative_id[2:]}",
            goals=goals, status=None if status == "active" and first else status,
            demand_fte=self.rng.choice((0.1, 0.2, 0.3, 0.5, 0.5, 0.8, 1.0, 1.5)),
            success_criteria=[f"{self.rng.randint(2, 200)} {result}" for result in
                              self.sample(RESULTS, self.rng.randint(1, 3))],
        )
        self.set_initiative_dates(initiative, status)
        initiative.depends_on = self.pick_dependencies(directorate)
        if self.rng.random() < 0.25:
            initiative.tags = self.sample(TAGS, self.rng.randint(1, 2))
            initiative.description = f"Onderdeel van de agenda {directorate.topic}."
        self.initiatives[initiative_id] = initiative
        directorate.initiatives.append(initiative_id)
        return initiative_id

    def set_initiative_dates(self, initiative: Initiative, status: str) -> None:
        if status == "done":
            initiative.start, initiative.end = self.date(-1500, -800), self.date(-700, -10)
        elif status == "proposed":
            initiative.start, initiative.end = self.date(30, 300), self.date(400, 1500)
        else:
            initiative.start, initiative.end = self.date(-900, -30), self.date(30, 1500)

    def pick_dependencies(self, directorate: Directorate) -> list[str]:
        """Earlier initiatives that are still running or done: never a cycle here."""
        if self.rng.random() > 0.3 or not directorate.initiatives:
            return []
        candidates = self.sample(directorate.initiatives, self.rng.randint(1, 2))
        return [c for c in candidates
                if self.initiatives[c].effective_status in ("active", "done", "proposed")]

    def staff_initiative(self, initiative_id: str, department: str,
                         directorate: Directorate, external_roles: list[str]) -> None:
        staff = self.staff[department] or [self.head[department]]
        responsible = self.sample(staff, self.rng.randint(1, 3))
        for actor in responsible:
            self.assign(initiative_id, "R", actor)
        if external_roles and len(responsible) < 3 and self.rng.random() < 0.1:
            self.assign(initiative_id, "R", self.rng.choice(external_roles))
        consulted = self.sample(directorate.stakeholders, self.rng.randint(0, 2))
        for actor in consulted:
            self.assign(initiative_id, "C", actor)
        self.inform(initiative_id, directorate.stakeholders)

    # ---- indicators and decisions -------------------------------------------------------

    def add_kpi(self, measures: str, kind: str, owner: str | None) -> str:
        kpi_id = self.new_id("k.")
        label = "Voortgang" if kind == "leading" else "Resultaat"
        self.kpis[kpi_id] = Kpi(
            id=kpi_id, name=f"{label} {measures}", measures=measures, type=kind,
            target=str(self.rng.randint(1, 100) * 10),
        )
        if owner is not None:
            self.assign(kpi_id, "A", owner)
        return kpi_id

    def build_kpis(self, directorate: Directorate) -> None:
        for goal_id in directorate.leaf_goals:
            department = self.department_of[goal_id]
            staff = self.staff[department] or [self.head[department]]
            for kind in ("lagging", "leading"):
                owner = self.rng.choice(staff) if self.rng.random() < 0.6 else None
                self.add_kpi(goal_id, kind, owner)
        for initiative_id in directorate.initiatives:
            if self.rng.random() < 0.3:
                self.add_kpi(initiative_id, self.rng.choice(("leading", "lagging")),
                             self.raci[initiative_id]["A"][0])

    def build_decisions(self, ministry: Ministry) -> None:
        for dg in ministry.dgs:
            for directorate in dg.directorates:
                bodies = Rotation(self.rng, [*directorate.bodies, *dg.bodies])
                managers = Rotation(self.rng, [self.head[directorate.unit],
                                               *(self.head[u] for u in directorate.departments)])
                for body_id in [*directorate.bodies, *dg.bodies]:
                    self.add_decision(directorate, body_id)
                for initiative_id in directorate.initiatives:
                    if self.rng.random() < 0.45:
                        self.add_decision(directorate, bodies.next(), initiative_id)
                    elif self.rng.random() < 0.45:
                        self.add_decision(directorate, managers.next(), initiative_id)
        self.add_top_decisions(ministry)

    def new_decision(self, decider: str, subject: str) -> str:
        """A decision about `subject` taken by `decider`, with nobody else involved yet."""
        decision_id = self.new_id("d.")
        self.decisions[decision_id] = Decision(
            id=decision_id, name=f"{self.rng.choice(DECISION_VERBS)} {subject}", about=[subject]
        )
        self.assign(decision_id, "A", decider)
        return decision_id

    def add_decision(self, directorate: Directorate, decider: str,
                     about: str | None = None) -> str:
        subject = about or self.rng.choice(directorate.initiatives or directorate.leaf_goals)
        decision_id = self.new_decision(decider, subject)
        staff = [r for u in directorate.departments for r in self.staff[u]]
        if staff and self.rng.random() < 0.5:
            self.assign(decision_id, "R", self.rng.choice(staff))
        roles = [a for a in directorate.stakeholders if a in self.roles]
        for actor in self.sample(roles, self.rng.randint(0, 3)):
            self.assign(decision_id, "C", actor)
        self.inform(decision_id, directorate.stakeholders)
        return decision_id

    def add_top_decisions(self, ministry: Ministry) -> None:
        """Ministry-wide (and national) bodies decide about the top goals."""
        for body_id in ministry.bodies:
            decision_id = self.new_decision(body_id, self.rng.choice(ministry.goals))
            self.inform(decision_id, [self.head[dg.unit] for dg in ministry.dgs])

    # ---- finishing touches ------------------------------------------------------------

    def give_idle_roles_work(self) -> None:
        """A role nobody uses is a finding (ORG001); in the healthy model every
        role is informed about something in its own directorate."""
        used: set[str] = {actor for block in self.raci.values()
                          for actors in block.values() for actor in actors}
        used.update(m for body in self.bodies.values() for m in body.members)
        used.update(body.chair for body in self.bodies.values() if body.chair)
        used.update(role.reports_to for role in self.roles.values() if role.reports_to)
        items_of_unit: dict[str, list[str]] = {}
        for directorate in self.directorates:
            items = directorate.leaf_goals + directorate.initiatives
            for unit_id in (directorate.unit, *directorate.departments):
                items_of_unit[unit_id] = items
        for role_id in self.roles:
            if role_id in used:
                continue
            role_unit = self.unit_of_role(role_id)
            items = items_of_unit.get(role_unit or "") or self.any_items(role_unit)
            self.assign(self.rng.choice(items), "I", role_id)

    def any_items(self, unit_id: str | None) -> list[str]:
        """Items of the ministry a unit belongs to (for top-level and supplier roles)."""
        for ministry in self.ministries:
            if unit_id is not None and f"{unit_id}-".startswith(f"{ministry.unit}-"):
                return ministry.goals
        return self.ministries[0].goals

    def give_hard_names(self) -> None:
        collections: list[dict[str, Unit] | dict[str, Person] | dict[str, Body]
                          | dict[str, Goal] | dict[str, Initiative]] = [
            self.units, self.people, self.bodies, self.goals, self.initiatives,
        ]
        for collection in collections:
            keys = list(collection)
            for name in self.sample(HARD_NAMES, 2):
                collection[self.rng.choice(keys)].name = name

    # ---- deep chains ------------------------------------------------------------------

    def build_deep_chains(self) -> None:
        """A unit line, its managers' line, a goal line and a line of dependent
        initiatives, each `shape.chain` long: deep trees must not break anything."""
        length = self.shape.chain
        directorate = self.directorates[0]
        parent_unit, parent_role = directorate.unit, self.head[directorate.unit]
        parent_goal = self.goals[directorate.leaf_goals[0]].parent
        previous_initiative: str | None = None
        staff = [r for u in directorate.departments for r in self.staff[u]]
        for level in range(1, length + 1):
            parent_unit = self.add_unit(f"diep-{level}", f"Sectie niveau {level}", parent_unit)
            parent_role = self.add_head(parent_unit, "Hoofd", [], parent_role)
            parent_goal = self.add_goal(f"Deeldoel niveau {level}", parent_goal,
                                        self.head[directorate.unit], [], [])
            previous_initiative = self.add_chain_initiative(
                directorate, previous_initiative, self.rng.choice(staff)
            )
            self.chain_ids.update((parent_unit, parent_role, parent_goal, previous_initiative))
        assert previous_initiative is not None and parent_goal is not None
        self.add_kpi(parent_goal, "leading", None)
        self.add_kpi(parent_goal, "lagging", None)
        self.initiatives[previous_initiative].goals = [parent_goal]

    def add_chain_initiative(self, directorate: Directorate, previous: str | None,
                             responsible: str) -> str:
        initiative_id = self.new_id("i.")
        self.initiatives[initiative_id] = Initiative(
            id=initiative_id, name=f"Fase {initiative_id[2:]}",
            goals=[directorate.leaf_goals[0]],
            depends_on=[previous] if previous else [], start=self.date(-300, -10),
            end=self.date(100, 900), success_criteria=["fase afgerond"],
        )
        self.assign(initiative_id, "A", self.head[directorate.unit])
        self.assign(initiative_id, "R", responsible)
        return initiative_id
