"""A few cases of every weakness of docs/lint.md, given to the healthy organisation."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable, Sequence

from raci.generate.organisation import Builder
from raci.generate.shapes import WEAKNESS_RATE
from raci.model import Body, Kpi, Role, Waiver


class Weaknesses:
    """Gives a few cases of every weakness of docs/lint.md to the healthy model.

    Each case takes entities nobody else has damaged yet, so two weaknesses
    never cancel out (a second Accountable on an item whose Accountable was
    removed, say). Each weakness draws from a sequence of its own, seeded
    by the model's seed and its name, so that adding one changes the draws
    of no other (only the entities it takes are no longer free).
    """

    def __init__(self, builder: Builder, seed: int) -> None:
        self.b = builder
        self.seed = seed
        self.rng = builder.rng
        self.used: set[str] = set(builder.chain_ids)
        self.used.add(builder.directorates[0].leaf_goals[0])
        self.leaf_goals = [g for d in builder.directorates for g in d.leaf_goals]
        self.initiatives = [i for d in builder.directorates for i in d.initiatives]
        self.role_decisions = [d for d in builder.decisions
                               if builder.raci[d]["A"][0] in builder.roles]
        self.body_decisions = [d for d in builder.decisions
                               if builder.raci[d]["A"][0] in builder.bodies]
        self.bodies = [b for b, body in builder.bodies.items() if body.kind != "advisory_board"]
        self.department_heads = [builder.head[u] for d in builder.directorates
                                 for u in d.departments]
        self.cases: dict[str, list[str]] = {}

    def count(self, candidates: int) -> int:
        return max(self.b.shape.at_least, round(candidates * WEAKNESS_RATE))

    def take(self, candidates: Sequence[str], count: int | None = None,
             accept: Callable[[str], bool] | None = None) -> list[str]:
        """Up to `count` random candidates not taken before (and accepted)."""
        wanted = self.count(len(candidates)) if count is None else count
        order = list(candidates)
        self.rng.shuffle(order)
        taken: list[str] = []
        for candidate in order:
            if len(taken) == wanted:
                break
            if candidate not in self.used and (accept is None or accept(candidate)):
                self.used.add(candidate)
                taken.append(candidate)
        return taken

    def pick_other(self, pool: Sequence[str], excluded: Sequence[str]) -> str:
        """A random member of `pool` not in the short list `excluded`."""
        while True:
            choice = self.rng.choice(pool)
            if choice not in excluded:
                return choice

    def items(self) -> list[str]:
        return [*self.leaf_goals, *self.initiatives, *self.role_decisions]

    def status(self, initiative_id: str) -> str:
        return self.b.initiatives[initiative_id].effective_status

    def add_all(self) -> None:
        for weakness in (
            self.capacity_overcommit, self.uncoordinated_crossing,
            self.steering_layers, self.reporting_cycle, self.powerless_body,
            self.unowned_item, self.multiple_accountable, self.collective_accountable,
            self.vacant_accountable, self.external_accountable, self.crowded_responsible,
            self.no_responsible, self.inverted_accountability, self.redundant_bodies,
            self.temporary_without_end, self.chairless_body, self.oversized_body,
            self.empty_body, self.chair_not_member, self.consensus_bottleneck,
            self.slow_decision, self.goal_without_initiative, self.orphan_initiative,
            self.goal_without_kpi, self.no_leading_indicator, self.no_success_criteria,
            self.blocked_dependency, self.dependency_cycle, self.overdue_initiative,
            self.accountability_overload, self.meeting_overload, self.vacant_role,
            self.idle_role, self.unplaced_person, self.isolated_unit,
            # Last but one: it needs every Accountable and Responsible to stay put.
            self.external_dependence, self.waivers,
        ):
            self.rng = self.b.rng = random.Random(f"{self.seed}:{weakness.__name__}")
            weakness()

    # ---- ownership ------------------------------------------------------------------

    def unowned_item(self) -> None:
        for item in self.take(self.items()):
            del self.b.raci[item]["A"]
        for kpi_id in self.take(list(self.b.kpis), self.b.shape.at_least):
            # An indicator with a raci block (even an empty one) needs an Accountable.
            self.b.raci.setdefault(kpi_id, {}).pop("A", None)

    def multiple_accountable(self) -> None:
        self.cases["OWN002"] = self.take(self.items())
        for item in self.cases["OWN002"]:
            while not self.b.assign(item, "A", self.rng.choice(self.department_heads)):
                pass

    def collective_accountable(self) -> None:
        for item in self.take([*self.leaf_goals, *self.initiatives]):
            self.b.set_accountable(item, self.pick_other(self.bodies, self.cases["BOD002"]))

    def vacant_accountable(self) -> None:
        for item in self.take(self.items()):
            department = self.b.department_of.get(item) or self.rng.choice(
                [u for d in self.b.directorates for u in d.departments])
            vacancy = self.b.add_role(f"Teamleider {self.b.units[department].name} (vacature)",
                                      department, [], self.b.head[department])
            self.b.set_accountable(item, vacancy)

    def external_accountable(self) -> None:
        external = [r for m in self.b.ministries for r in m.external_roles]
        for item in self.take(self.items()):
            self.b.set_accountable(item, self.rng.choice(external))

    def crowded_responsible(self) -> None:
        for initiative_id in self.take(self.initiatives):
            department = self.b.department_of[initiative_id]
            pool = [*self.b.staff[department], *self.b.unit_people[department]]
            for actor in self.b.sample(pool, self.rng.randint(4, 6)):
                self.b.assign(initiative_id, "R", actor)

    def no_responsible(self) -> None:
        for initiative_id in self.take(self.initiatives):
            self.b.raci[initiative_id].pop("R", None)

    def inverted_accountability(self) -> None:
        """A team member accountable while their own manager is Responsible."""
        def has_staff(initiative_id: str) -> bool:
            return bool(self.b.staff[self.b.department_of[initiative_id]])

        for initiative_id in self.take(self.initiatives, accept=has_staff):
            department = self.b.department_of[initiative_id]
            self.b.set_accountable(initiative_id, self.b.staff[department][0])
            manager = self.b.head[department]
            for actors in self.b.raci[initiative_id].values():
                if manager in actors:
                    actors.remove(manager)
            self.b.assign(initiative_id, "R", manager)

    # ---- bodies ----------------------------------------------------------------------

    def redundant_bodies(self) -> None:
        """A second body with nearly the same members: Jaccard (n-1)/(n+1) >= 0.6."""
        def big_enough(body_id: str) -> bool:
            return len(self.b.bodies[body_id].members) >= 4

        others = [r for r in self.b.roles if self.b.roles[r].holders]
        for body_id in self.take(self.bodies, accept=big_enough):
            original = self.b.bodies[body_id]
            members = original.members[:-1]
            members.append(self.pick_other(others, original.members))
            twin = self.b.add_body(f"Overleg {original.name}", original.kind, members,
                                   members[0], original.reports_to, original.meets_every_days)
            self.used.add(twin)
            self.b.new_decision(twin, self.rng.choice(self.initiatives))

    def powerless_body(self) -> None:
        decisions_of: dict[str, list[str]] = defaultdict(list)
        for decision_id in self.body_decisions:
            decisions_of[self.b.raci[decision_id]["A"][0]].append(decision_id)
        # One more than the fewest: the first is waived (see `waivers`).
        self.cases["BOD002"] = self.take(self.bodies, self.count(len(self.bodies)) + 1)
        for body_id in self.cases["BOD002"]:
            body = self.b.bodies[body_id]
            roles = [m for m in body.members if m in self.b.roles]
            for decision_id in decisions_of[body_id]:
                self.b.set_accountable(decision_id, body.chair or roles[0])
                self.used.add(decision_id)

    def temporary_without_end(self) -> None:
        """Expired mandates (BOD003) and temporary bodies and roles with no end (BOD004)."""
        temporary_bodies = [b for b in self.bodies if self.b.bodies[b].is_temporary]
        temporary_roles = [r for r, role in self.b.roles.items() if role.temporary]
        for number, entity_id in enumerate(
            self.take(temporary_bodies, 2 * self.count(len(temporary_bodies)))
            + self.take(temporary_roles, 2 * self.count(len(temporary_roles)))
        ):
            entity: Body | Role = self.b.bodies.get(entity_id) or self.b.roles[entity_id]
            entity.sunset = self.b.date(-400, -1) if number % 2 == 0 else None
            if isinstance(entity, Body) and entity.temporary is None and number % 3 == 0:
                entity.temporary = True

    def reporting_cycle(self) -> None:
        """Two bodies reporting to each other, a body and a role, or a body to itself."""
        staff = [r for d in self.b.directorates for u in d.departments for r in self.b.staff[u]]
        for number in range(self.count(len(self.bodies) // 10)):
            first = self.take(self.bodies, 1)
            second = first if number % 3 == 0 else (
                self.take(self.bodies, 1) if number % 3 == 1 else self.take(staff, 1))
            if not (first and second):
                return
            self.b.bodies[first[0]].reports_to = second[0]
            other: Body | Role = self.b.bodies.get(second[0]) or self.b.roles[second[0]]
            other.reports_to = first[0]

    def steering_layers(self) -> None:
        """A working group moved under a programme board: three layers of bodies."""
        working_groups = [b for b in self.bodies if self.b.bodies[b].kind == "working_group"]
        for group in self.take(working_groups):
            directorate = self.rng.choice(self.b.directorates)
            board = directorate.bodies[1]
            self.b.bodies[group].reports_to = board
            self.used.update((board, self.b.bodies[board].reports_to or ""))

    def chairless_body(self) -> None:
        for body_id in self.take(self.bodies):
            self.b.bodies[body_id].chair = None

    def oversized_body(self) -> None:
        for body_id in self.take(self.bodies):
            # Staff of one directorate, so the body does not coordinate every crossing.
            body = self.b.bodies[body_id]
            departments = self.rng.choice(self.b.directorates).departments
            pool = [a for u in departments for a in (*self.b.staff[u], *self.b.unit_people[u])
                    if a not in body.members]
            body.members += self.b.sample(pool, self.rng.randint(13, 16) - len(body.members))

    def empty_body(self) -> None:
        for body_id in self.take(self.bodies):
            self.b.bodies[body_id].members = []

    def chair_not_member(self) -> None:
        for body_id in self.take(self.bodies):
            body = self.b.bodies[body_id]
            body.chair = self.pick_other(self.department_heads, body.members)

    # ---- decisions -----------------------------------------------------------------

    def consensus_bottleneck(self) -> None:
        for decision_id in self.take(self.role_decisions):
            for actor in self.b.sample(self.department_heads, 7):
                if len(self.b.raci[decision_id].get("C", [])) < 6:
                    self.b.assign(decision_id, "C", actor)

    def slow_decision(self) -> None:
        """A body that decides only after hearing an advisory board meeting quarterly."""
        boards = [dg.advisory_board for m in self.b.ministries for dg in m.dgs]
        for decision_id in self.take(self.body_decisions):
            self.b.assign(decision_id, "C", self.rng.choice(boards))

    # ---- strategy -------------------------------------------------------------------

    def initiatives_of_goal(self) -> dict[str, list[str]]:
        serving: dict[str, list[str]] = defaultdict(list)
        for initiative_id, initiative in self.b.initiatives.items():
            for goal_id in initiative.goals:
                serving[goal_id].append(initiative_id)
        return serving

    def sibling(self, goal_id: str) -> str | None:
        """Another leaf goal of the same directorate that no weakness has touched."""
        leaves = [g for g in self.b.directorate_of[goal_id].leaf_goals if g not in self.used]
        return self.rng.choice(leaves) if leaves else None

    def goal_without_initiative(self) -> None:
        """Leaf goals whose initiatives all stopped, or went to serve another goal."""
        serving = self.initiatives_of_goal()
        for number, goal_id in enumerate(self.take(self.leaf_goals)):
            new_goal = None if number % 2 == 0 else self.sibling(goal_id)
            for initiative_id in serving[goal_id]:
                self.used.add(initiative_id)
                initiative = self.b.initiatives[initiative_id]
                if new_goal is None:
                    initiative.status = "stopped"
                else:
                    initiative.goals = [g for g in initiative.goals if g not in (goal_id, new_goal)]
                    initiative.goals.append(new_goal)

    def orphan_initiative(self) -> None:
        serving = self.initiatives_of_goal()
        def goal_keeps_another(initiative_id: str) -> bool:
            return all(len(serving[g]) > 1 for g in self.b.initiatives[initiative_id].goals)

        for initiative_id in self.take(self.initiatives, accept=goal_keeps_another):
            for goal_id in self.b.initiatives[initiative_id].goals:
                serving[goal_id].remove(initiative_id)
            self.b.initiatives[initiative_id].goals = []

    def goal_without_kpi(self) -> None:
        measuring: dict[str, list[Kpi]] = defaultdict(list)
        for kpi in self.b.kpis.values():
            measuring[kpi.measures].append(kpi)
        for goal_id in self.take(self.leaf_goals):
            new_goal = self.sibling(goal_id)
            for kpi in measuring[goal_id]:
                kpi.measures = new_goal or kpi.measures

    def no_leading_indicator(self) -> None:
        measuring: dict[str, list[Kpi]] = defaultdict(list)
        for kpi in self.b.kpis.values():
            measuring[kpi.measures].append(kpi)
        for goal_id in self.take(self.leaf_goals, 5 * self.count(len(self.leaf_goals))):
            for kpi in measuring[goal_id]:
                kpi.type = "lagging"

    def no_success_criteria(self) -> None:
        def running(initiative_id: str) -> bool:
            return self.status(initiative_id) in ("active", "proposed")

        for initiative_id in self.take(self.initiatives, accept=running):
            self.b.initiatives[initiative_id].success_criteria = []

    def blocked_dependency(self) -> None:
        def active(initiative_id: str) -> bool:
            return self.status(initiative_id) == "active"

        blocked = self.take(self.initiatives, accept=active)
        for initiative_id, blocker in zip(blocked, self.take(self.initiatives, len(blocked)),
                                          strict=False):
            self.b.initiatives[blocker].status = "paused"
            depends_on = self.b.initiatives[initiative_id].depends_on
            if blocker not in depends_on:
                depends_on.append(blocker)

    def dependency_cycle(self) -> None:
        for number in range(self.count(len(self.initiatives) // 10)):
            ring = self.take(self.initiatives, 1 + number % 3)
            for position, initiative_id in enumerate(ring):
                follower = ring[(position + 1) % len(ring)]
                depends_on = self.b.initiatives[follower].depends_on
                if initiative_id not in depends_on:
                    depends_on.append(initiative_id)

    def overdue_initiative(self) -> None:
        def active(initiative_id: str) -> bool:
            return self.status(initiative_id) == "active"

        for initiative_id in self.take(self.initiatives, accept=active):
            self.b.initiatives[initiative_id].end = self.b.date(-300, -1)

    # ---- people and units ----------------------------------------------------------------

    def accountability_overload(self) -> None:
        """A department head accountable for a dozen items across the organisation."""
        items = self.items()
        for head in self.take(self.department_heads):
            for item in self.take(items, self.rng.randint(9, 12)):
                self.b.set_accountable(item, head)

    def meeting_overload(self) -> None:
        staff = [r for d in self.b.directorates for u in d.departments for r in self.b.staff[u]
                 if len(self.b.roles[r].holders) == 1]
        for role_id in self.take(staff):
            def small_without(body_id: str, role_id: str = role_id) -> bool:
                body = self.b.bodies[body_id]
                return len(body.members) < 10 and role_id not in body.members

            for body_id in self.take(self.bodies, self.rng.randint(6, 7), accept=small_without):
                self.b.bodies[body_id].members.append(role_id)

    def external_dependence(self) -> None:
        """Departments whose initiatives lean on consultants for most of the work."""
        leading: dict[str | None, list[str]] = defaultdict(list)
        for initiative_id in self.b.initiatives:
            if self.status(initiative_id) != "active":
                continue
            for actor in self.b.raci.get(initiative_id, {}).get("A", []):
                unit = (self.b.unit_of_role(actor) if actor in self.b.roles
                        else getattr(self.b.people.get(actor), "unit", None))
                leading[unit].append(initiative_id)

        def untouched(department: str) -> bool:
            return bool(leading[department]) and not self.used.intersection(leading[department])

        departments = [u for d in self.b.directorates for u in d.departments]
        for department in self.take(departments, accept=untouched):
            external = next(m.external_roles for m in self.b.ministries
                            if department.startswith(f"{m.unit}-"))
            for initiative_id in leading[department]:
                self.used.add(initiative_id)
                self.b.raci[initiative_id]["R"] = []
                for role_id in self.b.sample(external, 2):
                    self.b.assign(initiative_id, "R", role_id)

    def capacity_overcommit(self) -> None:
        """A big active initiative laid on a single department."""
        def active(initiative_id: str) -> bool:
            return self.status(initiative_id) == "active"

        for initiative_id in self.take(self.initiatives, accept=active):
            department = self.b.department_of[initiative_id]
            responsible = self.b.staff[department] or [self.b.head[department]]
            self.b.raci[initiative_id]["R"] = []
            for actor in responsible[:3]:
                self.b.assign(initiative_id, "R", actor)
            capacity = sum(self.b.people[p].effective_capacity_fte
                           for p in self.b.unit_people[department])
            self.b.initiatives[initiative_id].demand_fte = round(capacity * 1.5 + 2, 1)

    def uncoordinated_crossing(self) -> None:
        """Responsibles from three directorates that share no body."""
        for initiative_id in self.take(self.initiatives):
            self.b.raci[initiative_id]["R"] = []
            crossed = 0
            for directorate in self.b.sample(self.b.directorates, len(self.b.directorates)):
                department = self.rng.choice(directorate.departments)
                crossed += self.b.assign(initiative_id, "R", self.b.head[department])
                if crossed == 3:
                    break

    def vacant_role(self) -> None:
        """Roles nobody holds that are still expected to do work or to sit in a body."""
        for target in self.take([*self.initiatives, *self.bodies]):
            unit = self.rng.choice(self.department_heads)[2:]
            vacancy = self.b.add_role(f"Adviseur {self.b.units[unit].name} (vacature)", unit,
                                      [], self.b.head[unit])
            if target in self.b.bodies:
                self.b.bodies[target].members.append(vacancy)
            else:
                self.b.assign(target, "R", vacancy)

    def idle_role(self) -> None:
        for head in self.take(self.department_heads):
            unit = head[2:]
            holder = self.rng.choice(self.b.unit_people[unit])
            self.b.add_role(f"Coördinator {self.b.units[unit].name}", unit, [holder], head)

    def unplaced_person(self) -> None:
        for head in self.take(self.department_heads):
            self.b.add_people(head[2:], 1)

    def isolated_unit(self) -> None:
        """A small unit that shares no body and no item with anyone outside it."""
        for number, directorate in enumerate(
            self.b.sample(self.b.directorates, self.count(len(self.b.directorates)))
        ):
            unit = self.b.add_unit(f"{directorate.unit}-archief{number + 1}",
                                   f"Archief {directorate.topic}", directorate.unit)
            self.b.staff_unit(unit, "Archivaris", self.rng.randint(2, 3),
                              self.b.head[directorate.unit])

    # ---- waivers ---------------------------------------------------------------------

    def waivers(self) -> None:
        """A waiver that holds, one that expired (WAI001) and one that waives nothing (WAI002)."""
        people = list(self.b.people)
        for body_id in self.cases["BOD002"][:1]:
            self.b.waivers.append(Waiver(
                rule="BOD002", target=[body_id], expires=self.b.date(90, 400),
                reason="Voorbereidend overleg; het besluit ligt bij de stuurgroep.",
                author=self.rng.choice(people),
            ))
        for item in self.cases["OWN002"][: self.b.shape.at_least]:
            self.b.waivers.append(Waiver(
                rule="OWN002", target=[item], expires=self.b.date(-200, -1),
                reason="Gedeeld eigenaarschap tot de reorganisatie is afgerond.",
            ))
        healthy = [b for b in self.bodies if b not in self.used]
        for body_id in self.b.sample(healthy, self.b.shape.at_least):
            self.b.waivers.append(Waiver(
                rule="BOD009", target=[body_id],
                reason="Wordt na de zomer bemenst.",
            ))
