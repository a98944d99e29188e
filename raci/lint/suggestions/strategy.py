"""Suggestions for the strategy rules (STR): initiatives that serve goals,
with criteria, and dependencies that can be met."""

from __future__ import annotations

import dataclasses
from collections import Counter

from raci.lint.findings import Finding
from raci.lint.message import said, said_n
from raci.lint.suggestions.remedy import (
    MOST_REMEDIES,
    Context,
    Remedy,
    Suggest,
    ids_text,
    joined,
    ranked,
)
from raci.model.changes import Change


def orphan_initiative(ctx: Context, finding: Finding) -> list[Remedy]:
    """STR002: the goals its dependencies serve, the goals its Accountable
    owns, the goals decided on with it."""
    model, initiative_id = ctx.model, finding.targets[0]
    initiative = model.initiatives[initiative_id]
    near = [*initiative.depends_on, *(r.source for r in model.references_to(initiative_id)
                                      if r.field == "depends_on")]
    served: Counter[str] = Counter(g for i in near if i in model.initiatives
                                   for g in model.initiatives[i].goals)
    owned: Counter[str] = Counter(a.item for owner in model.actors(initiative_id, "A")
                                  for a in model.assignments_of_actor(owner)
                                  if a.letter == "A" and a.item in model.goals)
    decided: Counter[str] = Counter(
        g for r in model.references_to(initiative_id) if r.field == "about"
        for g in model.decisions[r.source].about if g in model.goals)
    weights = served + owned + decided
    return [Remedy(said("let {initiative} serve goal {goal}", initiative=initiative_id,
                        goal=goal),
                   Change(put=[dataclasses.replace(initiative, goals=[goal])]),
                   _goal_text(goal, served[goal], owned[goal], decided[goal]))
            for goal in ranked(weights, weights)[:MOST_REMEDIES]]


def _goal_text(goal: str, served: int, owned: int, decided: int) -> str:
    return joined([
        said_n("{count} initiative it depends on, or that depend on it, serves {goal}",
               "{count} initiatives it depends on, or that depend on it, serve {goal}", served,
               count=served, goal=goal) if served else "",
        said("its Accountable owns {goal}", goal=goal) if owned else "",
        said_n("{count} decision about it concerns {goal} too",
               "{count} decisions about it concern {goal} too", decided, count=decided,
               goal=goal) if decided else ""])


def no_success_criteria(ctx: Context, finding: Finding) -> list[Remedy]:
    """STR005: the targets of its own indicators as its criteria."""
    model, initiative_id = ctx.model, finding.targets[0]
    targets = [f"{kpi.name}: {kpi.target}" for kpi in model.kpis.values()
               if kpi.measures == initiative_id and kpi.target]
    if not targets:
        return []
    initiative = model.initiatives[initiative_id]
    return [Remedy(said("take the targets of its indicators as the success criteria of "
                        "{initiative}: {targets}", initiative=initiative_id,
                        targets="; ".join(targets)),
                   Change(put=[dataclasses.replace(initiative, success_criteria=targets)]))]


def blocked_dependency(ctx: Context, finding: Finding) -> list[Remedy]:
    """STR006: the dependency on what was stopped dropped; what waits for a
    paused initiative paused too, or the paused one resumed."""
    model, initiative_id = ctx.model, finding.targets[0]
    initiative = model.initiatives[initiative_id]
    blockers = [b for b in initiative.depends_on if b in model.initiatives
                and model.initiatives[b].effective_status in ("paused", "stopped")]
    paused = [b for b in blockers if model.initiatives[b].status == "paused"]
    drop = Remedy(said("let {initiative} no longer depend on {blockers}",
                       initiative=initiative_id, blockers=ids_text(blockers)),
                  Change(put=[dataclasses.replace(initiative, depends_on=[
                      d for d in initiative.depends_on if d not in blockers])]))
    if len(paused) < len(blockers):  # something it waits for was stopped
        return [drop]
    return [Remedy(said("pause {initiative} too, as it waits for {paused}",
                        initiative=initiative_id, paused=ids_text(paused)),
                   Change(put=[dataclasses.replace(initiative, status="paused")])),
            Remedy(said("resume {paused} (status active)", paused=ids_text(paused)),
                   Change(put=[dataclasses.replace(model.initiatives[b], status="active")
                               for b in paused])),
            drop]


def dependency_cycle(ctx: Context, finding: Finding) -> list[Remedy]:
    """STR007: cut the dependency of an initiative on one that starts after it."""
    model, cycle = ctx.model, set(finding.targets)
    initiatives = model.initiatives
    edges = [(i, d) for i in sorted(cycle) for d in initiatives[i].depends_on if d in cycle]

    def later(edge: tuple[str, str]) -> bool:
        start, waited = initiatives[edge[0]].start, initiatives[edge[1]].start
        return start is not None and waited is not None and start < waited

    remedies = []
    for first, then in sorted(edges, key=lambda e: (not later(e), e))[:MOST_REMEDIES]:
        initiative = initiatives[first]
        remedies.append(Remedy(
            said("let {initiative} no longer depend on {then}", initiative=first, then=then),
            Change(put=[dataclasses.replace(initiative, depends_on=[
                d for d in initiative.depends_on if d != then])]),
            said("{initiative} starts before {then}, which it would wait for", initiative=first,
                 then=then) if later((first, then)) else ""))
    return remedies


SUGGESTERS: dict[str, Suggest] = {
    "STR002": orphan_initiative,
    "STR005": no_success_criteria,
    "STR006": blocked_dependency,
    "STR007": dependency_cycle,
}
