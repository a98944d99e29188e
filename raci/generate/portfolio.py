"""The portfolio: goal trees, the initiatives serving them, indicators and decisions."""

from __future__ import annotations

from collections.abc import Sequence

from raci.generate.bodies import BodiesBuilder
from raci.generate.builder import Directorate, DirectorateGeneral, Ministry, Rotation
from raci.generate.names import (
    DECISION_VERBS,
    GOAL_OBJECTS,
    GOAL_VERBS,
    INITIATIVE_KINDS,
    RESULTS,
    TAGS,
)
from raci.model import Decision, Goal, Initiative, Kpi


class PortfolioBuilder(BodiesBuilder):
    """Adds goals, initiatives, indicators and decisions with their RACI blocks."""

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
