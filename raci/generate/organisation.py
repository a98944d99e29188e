"""The healthy organisation a generated model starts from, and its deep chains.

Ministries split into directorates-general, directorates and departments;
people in every unit holding one to three roles; bodies of every kind whose
seats lean towards senior roles; goal trees; initiatives serving the leaf
goals; decisions taken by bodies and roles; leading and lagging indicators;
RACI assignments on all of them. `Builder` also keeps what the weaknesses
pass (`raci.generate.weaknesses`) needs to find its candidates.
"""

from __future__ import annotations

from raci.generate.builder import Directorate
from raci.generate.names import HARD_NAMES
from raci.generate.portfolio import PortfolioBuilder
from raci.model import Body, Goal, Initiative, Person, Unit


class Builder(PortfolioBuilder):
    """Builds the healthy organisation and keeps what the weaknesses pass needs."""

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
