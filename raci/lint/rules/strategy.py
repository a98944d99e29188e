"""Strategy rules (STR): goals that reach execution and initiatives that serve goals."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence

from raci.analysis import Analysis
from raci.analysis.chains import strongly_connected_components
from raci.lint.message import cycle_path, label, listed, said
from raci.lint.rule import GOALS, INITIATIVES, WHOLE_MODEL, Problem, Rule, RuleParams, lint_rule


@lint_rule("STR001", "goal-without-initiative", "strategy", "warning",
           GOALS, uses_assignments=False,
           fields=("goal.parent", "initiative.goals", "initiative.status"),
           near=("goal.parent", "initiative.goals", "initiative.status"))
def goal_without_initiative(analysis: Analysis, params: RuleParams,
                            goals: Iterable[str]) -> Iterator[Problem]:
    """A goal with no sub-goals and no initiative contributing to it other than stopped ones.

    Why it matters: a goal nobody works on is a statement, not policy. Leaf
    goals are where strategy has to turn into initiatives.

    How to fix: start an initiative that lists the goal in its `goals`, or
    drop the goal.

    No suggestion: which initiative should serve the goal is a design
    decision, not an edit raci can work out.

    Reading: done, paused and proposed initiatives count as contributing;
    only stopped ones do not.

    Message:

        {goal} has no initiative working on it

    Failing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], status: stopped}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], status: paused}
    """
    subgoals = analysis.subgoals
    worked_on = {goal for initiative in analysis.model.initiatives.values()
                 if initiative.effective_status != "stopped" for goal in initiative.goals}
    for goal in goals:
        if not subgoals.get(goal) and goal not in worked_on:
            yield Problem.about([goal], said("{goal} has no initiative working on it",
                                             goal=label(analysis, goal)))


@lint_rule("STR002", "orphan-initiative", "strategy", "warning",
           INITIATIVES, uses_assignments=False,
           fields=("initiative.goals",),
           near=("initiative.goals",))
def orphan_initiative(analysis: Analysis, params: RuleParams,
                      initiatives: Iterable[str]) -> Iterator[Problem]:
    """An initiative that contributes to no goal.

    Why it matters: work that serves no goal competes for capacity with work
    that does, and cannot be prioritised against it.

    How to fix: list the goals it serves in `goals`, or stop it.

    Suggested: let it serve the goal that the initiatives it depends on (or
    that depend on it) serve, that its Accountable owns, or that its
    decisions concern; up to three.

    Reading: every initiative counts, whatever its status (a stopped one
    that served no goal is still worth cleaning up).

    Message:

        {initiative} serves no goal

    Failing:

        initiatives:
          - {id: i.x, name: Aanpak X, goals: []}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x]}
    """
    found = analysis.model.initiatives
    for initiative in initiatives:
        if not found[initiative].goals:
            yield Problem.about([initiative], said("{initiative} serves no goal",
                                                   initiative=label(analysis, initiative)))


@lint_rule("STR003", "goal-without-kpi", "strategy", "warning", GOALS, uses_assignments=False,
           fields=("goal.parent", "kpi.measures"),
           near=("goal.parent", "kpi.measures"))
def goal_without_kpi(analysis: Analysis, params: RuleParams,
                     goals: Iterable[str]) -> Iterator[Problem]:
    """A goal with no sub-goals and no indicator measuring it.

    Why it matters: what is not measured cannot be steered on; nobody can
    tell whether the goal is being reached until it is too late.

    How to fix: add an indicator (`kpis`) with `measures` set to the goal.

    No suggestion: what to measure, and its target, has to be designed.

    Message:

        {goal} has no indicator

    Failing:

        goals:
          - {id: g.x, name: Doel X}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        kpis:
          - {id: k.x, name: Indicator X, measures: g.x, type: leading}
    """
    subgoals = analysis.subgoals
    kpis_of = analysis.kpis_of
    for goal in goals:
        if not subgoals.get(goal) and not kpis_of.get(goal):
            yield Problem.about([goal], said("{goal} has no indicator",
                                             goal=label(analysis, goal)))


@lint_rule("STR004", "no-leading-indicator", "strategy", "info", GOALS, uses_assignments=False,
           fields=("kpi.measures", "kpi.type"),
           near=("kpi.measures", "kpi.type"))
def no_leading_indicator(analysis: Analysis, params: RuleParams,
                         goals: Iterable[str]) -> Iterator[Problem]:
    """A goal whose own indicators are all lagging.

    Indicators of sub-goals do not count.

    Why it matters: lagging indicators report the result when it is too late
    to change it; a leading indicator warns while there is time to act.

    How to fix: add an indicator of `type: leading` that moves before the
    result does (permits granted before homes converted, say).

    No suggestion: a leading indicator has to be designed.

    Reading: a goal with no indicator of its own is not reported (STR003
    reports a goal without sub-goals that has none).

    Message:

        {goal} has only lagging indicators: {ids}

    Failing:

        goals:
          - {id: g.x, name: Woningen verduurzaamd}
        kpis:
          - {id: k.x, name: Woningen, measures: g.x, type: lagging}

    Passing:

        goals:
          - {id: g.x, name: Woningen verduurzaamd}
        kpis:
          - {id: k.x, name: Woningen, measures: g.x, type: lagging}
          - {id: k.y, name: Vergunningen, measures: g.x, type: leading}
    """
    kpis_of = analysis.kpis_of
    for goal in goals:
        kpis = kpis_of.get(goal)
        if kpis and all(kpi.type == "lagging" for kpi in kpis):
            yield Problem.about([goal], said("{goal} has only lagging indicators: {ids}",
                                             goal=label(analysis, goal),
                                             ids=listed(analysis, sorted(kpi.id for kpi in kpis))))


@lint_rule("STR005", "no-success-criteria", "strategy", "warning",
           INITIATIVES, uses_assignments=False,
           fields=("initiative.has_success_criteria", "initiative.status"),
           near=("initiative.has_success_criteria", "initiative.status"))
def no_success_criteria(analysis: Analysis, params: RuleParams,
                        initiatives: Iterable[str]) -> Iterator[Problem]:
    """A proposed or active initiative with no success criteria.

    Why it matters: without criteria nobody can say when the initiative is
    done or whether it worked, so it neither ends nor gets stopped.

    How to fix: add `success_criteria`.

    Suggested: when its own indicators have targets, those targets as its
    success criteria; otherwise none (criteria are words only its owner can
    write).

    Message:

        {initiative} has no success criteria

    Failing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], status: active}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], status: active,
             success_criteria: ["200 wijken gestart"]}
    """
    everything = analysis.model.initiatives
    for initiative in initiatives:
        found = everything[initiative]
        if not found.has_success_criteria and found.effective_status in ("proposed", "active"):
            yield Problem.about([initiative], said("{initiative} has no success criteria",
                                                   initiative=label(analysis, initiative)))


@lint_rule("STR006", "blocked-dependency", "strategy", "warning",
           INITIATIVES, uses_assignments=False,
           fields=("initiative.depends_on", "initiative.status"),
           near=("initiative.depends_on",))
def blocked_dependency(analysis: Analysis, params: RuleParams,
                       initiatives: Iterable[str]) -> Iterator[Problem]:
    """An active initiative that depends directly on a paused or stopped one.

    Why it matters: the active one spends capacity on work that waits for
    something that is not coming.

    How to fix: resume the blocker, drop the dependency, or pause the
    dependent initiative too.

    Suggested: drop the dependency on what was stopped; for a paused blocker
    also pause this initiative, or resume the blocker.

    Message:

        {initiative} depends on paused or stopped initiatives: {ids}

    Failing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.a, name: A, goals: [g.x], depends_on: [i.b]}
          - {id: i.b, name: B, goals: [g.x], status: paused}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.a, name: A, goals: [g.x], depends_on: [i.b]}
          - {id: i.b, name: B, goals: [g.x], status: active}
    """
    everything = analysis.model.initiatives
    for initiative in initiatives:
        found = everything[initiative]
        if not found.depends_on or found.effective_status != "active":
            continue
        blockers = sorted({other for other in found.depends_on if other in everything
                           and everything[other].effective_status in ("paused", "stopped")})
        if blockers:
            yield Problem.about([initiative], said(
                "{initiative} depends on paused or stopped initiatives: {ids}",
                initiative=label(analysis, initiative), ids=listed(analysis, blockers)))


@lint_rule("STR007", "dependency-cycle", "strategy", "error", WHOLE_MODEL, uses_assignments=False,
           fields=("initiative.depends_on",))
def dependency_cycle(analysis: Analysis, params: RuleParams, _: Iterable[str]) -> Iterator[Problem]:
    """A cycle in `depends_on`.

    One finding per strongly connected component, with every member as a
    target; an initiative that depends on itself is a cycle.

    Looks at: the `depends_on` of every initiative; each finding is about
    one cycle, every initiative in it a target.

    Why it matters: initiatives that wait for each other can never start or
    finish in the planned order.

    How to fix: cut the dependency that is least real, or merge the
    initiatives.

    Suggested: cut the dependency of an initiative on one that starts after
    it (least real), then the others; up to three.

    Reading: the message walks the cycle along `depends_on`, from its
    smallest id back to it, as BOD005 walks a reporting cycle (`i.a -> i.c
    -> i.b -> i.a`: i.a depends on i.c). A component that is not one simple
    cycle is shown as one walk that passes every member and comes back:
    from each initiative on to the nearest member not passed yet (the
    smallest id of the nearest), so the walk may pass one again, then named
    by its id alone (`i.a -> i.b -> i.c -> i.b -> i.a`). It names the first
    ten members it passes, then how many more there are.

    Message:

        {initiative} depends on itself
        Dependency cycle among {count} initiatives: {first} -> {each next} -> {first}
        Dependency cycle among {count} initiatives: {first} -> {each next} and {count} more

    Failing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.a, name: A, goals: [g.x], depends_on: [i.b]}
          - {id: i.b, name: B, goals: [g.x], depends_on: [i.a]}

    Passing:

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.a, name: A, goals: [g.x], depends_on: [i.b]}
          - {id: i.b, name: B, goals: [g.x]}
    """
    initiatives = analysis.model.initiatives
    # An initiative that depends on nothing, or that nothing depends on, lies
    # on no cycle: the graph leaves out the edges from and to it.
    depended_on = {other for i in initiatives.values() for other in i.depends_on}
    edges = [(i.id, other)
             for i in initiatives.values() if i.id in depended_on
             for other in i.depends_on if other in initiatives and initiatives[other].depends_on]
    if not edges:
        return
    successors: dict[str, list[str]] = defaultdict(list)
    for initiative, other in edges:
        successors[initiative].append(other)
    for component in strongly_connected_components(successors):
        node = component[0]
        if len(component) == 1 and node in successors.get(node, ()):
            yield Problem.about([node], said("{initiative} depends on itself",
                                                initiative=label(analysis, node)))
        elif len(component) > 1:
            walk = _round(set(component), successors)
            yield Problem.about(sorted(component), said(
                "Dependency cycle among {count} initiatives: {initiatives}",
                count=len(component), initiatives=cycle_path(analysis, walk, len(component))))


def _round(members: set[str], successors: Mapping[str, Sequence[str]]) -> Iterator[str]:
    """A walk along the dependencies among `members` (a strongly connected
    component) that passes each of them and comes back to where it
    started, the smallest id: on each time to the nearest member not passed
    yet (the smallest id of the nearest), so a simple cycle is walked once
    round, in its order. Lazy: a message names only the first few."""
    start = min(members)
    to_pass = members - {start}
    at = start
    yield start
    while to_pass:
        steps = _steps_to(at, to_pass, members, successors)
        yield from steps
        to_pass.difference_update(steps)
        at = steps[-1]
    yield from _steps_to(at, {start}, members, successors)


def _steps_to(start: str, wanted: Container[str], members: Container[str],
              successors: Mapping[str, Sequence[str]]) -> list[str]:
    """The fewest steps along dependencies among `members` from `start` to
    one of `wanted` (breadth first, smaller ids first), `start` left out."""
    came_from = {start: start}
    waiting = deque([start])
    while waiting:
        at = waiting.popleft()
        for step in sorted(successors[at]):
            if step in wanted:
                path = [step]
                while at != start:
                    path.append(at)
                    at = came_from[at]
                return path[::-1]
            if step in members and step not in came_from:
                came_from[step] = at
                waiting.append(step)
    raise ValueError(f"{start} reaches none of those wanted: no strongly connected component")


@lint_rule("STR008", "overdue-initiative", "strategy", "info", INITIATIVES, uses_assignments=False,
           fields=("initiative.end", "initiative.status"),
           near=("initiative.end", "initiative.status"))
def overdue_initiative(analysis: Analysis, params: RuleParams,
                       initiatives: Iterable[str]) -> Iterator[Problem]:
    """An active initiative past its `end` on the as-of date.

    Past means the end is strictly before the as-of date (`--as-of`, else
    the model's `org.as_of`, else today).

    Why it matters: an initiative running past its end without a new plan
    is overrunning unnoticed; its capacity and budget are no longer planned.

    How to fix: re-plan with a new `end`, or close it (`status: done` or
    `stopped`).

    No suggestion: whether it is done, stopped or needs a new end is a fact
    only its owner knows.

    Message:

        {initiative} is active past its end {date}

    Failing (as of 2026-11-01):

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], end: 2026-06-30}

    Passing (as of 2026-11-01):

        goals:
          - {id: g.x, name: Doel X}
        initiatives:
          - {id: i.x, name: Aanpak X, goals: [g.x], end: 2027-06-30}
    """
    everything = analysis.model.initiatives
    as_of = analysis.as_of
    for initiative in initiatives:
        found = everything[initiative]
        if found.end is not None and found.end < as_of and found.effective_status == "active":
            yield Problem.about([initiative], said("{initiative} is active past its end {end}",
                                                   initiative=label(analysis, initiative),
                                                   end=found.end))


RULES: list[Rule] = [
    goal_without_initiative,
    orphan_initiative,
    goal_without_kpi,
    no_leading_indicator,
    no_success_criteria,
    blocked_dependency,
    dependency_cycle,
    overdue_initiative,
]
