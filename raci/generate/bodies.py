"""Bodies of every kind, with seats leaning towards senior roles."""

from __future__ import annotations

from raci.generate.builder import Directorate, DirectorateGeneral, Ministry
from raci.generate.names import TOPICS
from raci.generate.units import UnitsBuilder
from raci.model import Body, Person


class BodiesBuilder(UnitsBuilder):
    """Adds management teams, boards, steering groups, taskforces and networks."""

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
