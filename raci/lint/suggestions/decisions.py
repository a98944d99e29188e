"""Suggestions for the decision rules (DEC): consult few, and few slow bodies."""

from __future__ import annotations

from raci.lint.findings import Finding
from raci.lint.message import said
from raci.lint.rule import number
from raci.lint.suggestions.remedy import (
    Context,
    Remedy,
    Suggest,
    actor_rank,
    carrying,
    ids_text,
    neighbours,
    ranked,
)
from raci.model import Letter
from raci.model.changes import set_cells


def consensus_bottleneck(ctx: Context, finding: Finding) -> list[Remedy]:
    """DEC001: keep consulting those who carry what the decision is about;
    inform the rest."""
    model, decision = ctx.model, finding.targets[0]
    consulted = model.actors(decision, "C")
    weights = carrying(model, neighbours(model, decision))
    order = ranked(weights, consulted, lambda a: actor_rank(model, a))
    most = int(number(ctx.params, "max_consulted"))
    kept, informed = order[:most], order[most:]
    summary = (said("inform {informed} of {decision} rather than consult them, keeping {kept} "
                    "Consulted", informed=ids_text(informed), decision=decision,
                    kept=ids_text(kept)) if kept else
               said("inform {informed} of {decision} rather than consult them",
                    informed=ids_text(informed), decision=decision))
    return [Remedy(summary, set_cells(model, {(decision, a): ("I",) for a in informed}),
                   said("those kept carry most of what it is about"))]


def slow_decision(ctx: Context, finding: Finding) -> list[Remedy]:
    """DEC002: inform the slowest consulted bodies rather than consult them,
    until the decision is quick enough; else let the chairs of the deciding
    bodies decide, the bodies informed."""
    model, decision = ctx.model, finding.targets[0]
    bodies = model.bodies
    most = number(ctx.params, "max_latency_days")
    deciding = [a for a in model.actors(decision, "A") if a in bodies]
    consulted = sorted((a for a in model.actors(decision, "C") if a in bodies),
                       key=lambda b: (-bodies[b].cadence_days, b))
    latency = sum(bodies[b].cadence_days for b in (*deciding, *consulted))
    days = latency
    cells: dict[tuple[str, str], tuple[Letter, ...]] = {}
    for body in consulted:
        if days <= most:
            break
        cells[decision, body] = ("I",)
        days -= bodies[body].cadence_days
    for body in deciding:
        chair = bodies[body].chair
        if days <= most or chair is None:
            break
        cells[decision, body] = tuple(letter for letter in model.letters_of(decision, body)
                                      if letter != "A") or ("I",)
        cells[decision, chair] = ("A",)
        days -= bodies[body].cadence_days
    if days > most or not cells:
        return []
    informed = [actor for (_, actor), letters in cells.items() if letters == ("I",)]
    deciders = [actor for (_, actor), letters in cells.items() if letters == ("A",)]
    summary = (said("inform {informed} of {decision} rather than consult them, and let "
                    "{deciders} decide ({days} days instead of {latency})",
                    informed=ids_text(informed), decision=decision,
                    deciders=ids_text(deciders), days=days, latency=latency) if deciders else
               said("inform {informed} of {decision} rather than consult them ({days} days "
                    "instead of {latency})", informed=ids_text(informed), decision=decision,
                    days=days, latency=latency))
    return [Remedy(summary, set_cells(model, cells),
                   said("the slowest bodies are informed first"))]


SUGGESTERS: dict[str, Suggest] = {
    "DEC001": consensus_bottleneck,
    "DEC002": slow_decision,
}
