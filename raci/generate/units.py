"""Units, people and roles: ministries down to departments, suppliers, functional roles."""

from __future__ import annotations

from raci.generate.builder import BuilderBase, Directorate, DirectorateGeneral, Ministry
from raci.generate.names import (
    DEPARTMENT_KINDS,
    MINISTRY_NAMES,
    STAFF_TITLES,
    SUPPLIER_NAMES,
    TOPICS,
)
from raci.model import Person, Role, Unit


class UnitsBuilder(BuilderBase):
    """Adds the unit tree, the people in it and the roles they hold."""

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
