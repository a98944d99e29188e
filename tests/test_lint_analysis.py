"""The shared analysis: chains, cycles and overlaps computed without recursion
and without comparing all pairs, checked against naive versions."""

from __future__ import annotations

import datetime as dt
import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.analysis import Analysis, ReportingChains, chain_lengths, functional_cycles
from raci.analysis.overlap import containing_pairs, similar_pairs
from raci.lint import LintConfig, lint_model
from raci.lint.rules.bodies import nested_body, redundant_bodies
from raci.model import Assignment, Body, Goal, Initiative, Model, Org, Person, Role, Unit
from raci.model.lean import LeanModel
from raci.model.source import ModelSource

DEPTH = 5_000  # far beyond Python's recursion limit
AS_OF = dt.date(2026, 11, 1)

parents = st.dictionaries(st.integers(0, 30).map(str), st.none() | st.integers(0, 35).map(str),
                          max_size=30)


def naive_chain(parent: dict[str, str | None], node: str) -> list[str]:
    """The nodes above `node`, walking until a repeat or the top."""
    seen: list[str] = []
    up = parent.get(node)
    while up is not None and up in parent and up not in seen:
        seen.append(up)
        up = parent.get(up)
    return seen


@settings(max_examples=200)
@given(parents)
def test_reports_to_equals_a_naive_walk(parent: dict[str, str | None]) -> None:
    chains = ReportingChains.build(parent)
    for lower, upper in itertools.product(parent, parent):
        assert chains.reports_to(lower, upper) == (upper in naive_chain(parent, lower)), \
            (lower, upper)


@settings(max_examples=200)
@given(parents)
def test_cycles_and_chain_lengths_equal_naive_versions(parent: dict[str, str | None]) -> None:
    cycles = [frozenset(c) for c in functional_cycles(parent)]
    on_cycle = {node for node in parent if node in naive_chain(parent, node)}
    assert len(cycles) == len(set(cycles)) and set().union(*cycles) == on_cycle
    for cycle in cycles:
        first = next(iter(cycle))
        assert cycle == {first, *naive_chain(parent, first)}
    lengths = chain_lengths(parent)
    for node in parent:
        chain = naive_chain(parent, node)
        runs_into_cycle = any(n in on_cycle for n in [node, *chain])
        assert lengths.get(node) == (None if runs_into_cycle else 1 + len(chain))


def seat_model(sets: list[set[str]]) -> Model:
    """Bodies b00, b01, … with these members; p0–p12 are people, r0–r3 roles
    (r0 vacant, r1 held by p1, r2 by p1 and p2, r3 by p3)."""
    model = Model(Org("T"), people={f"p{n}": Person(id=f"p{n}", name="P") for n in range(13)})
    for n, holders in enumerate([[], ["p1"], ["p1", "p2"], ["p3"]]):
        model.roles[f"r{n}"] = Role(id=f"r{n}", name="R", holders=holders)
    for number, members in enumerate(sets):
        model.bodies[f"b{number:02}"] = Body(id=f"b{number:02}", name="B", kind="committee",
                                             members=sorted(members))
    return model


def naive_seat_holders(model: Model, body: Body) -> set[str]:
    held: set[str] = set()
    for member in body.members:
        role = model.roles.get(member)
        held.update(role.holders if role is not None and role.holders else [member])
    return held


seat_members = st.sets(st.sampled_from([*(f"p{n}" for n in range(8)),
                                         *(f"r{n}" for n in range(4))]), max_size=7)
seat_sets = st.lists(seat_members, max_size=14) | st.lists(seat_members, min_size=1, max_size=4) \
    .flatmap(lambda distinct: st.lists(st.sampled_from(distinct), max_size=14))
"""Members of up to 14 bodies: each drawn on its own, or from a few sets many bodies share."""


@settings(max_examples=150)
@given(seat_sets, st.sampled_from([0.3, 0.5, 0.6, 0.75, 1.0]), st.integers(1, 4))
def test_redundant_bodies_equal_groups_of_all_pairs(sets: list[set[str]], overlap: float,
                                                    minimum: int) -> None:
    model = seat_model(sets)
    params = {"min_overlap": overlap, "min_members": minimum}
    found = {p.targets for p in redundant_bodies.run(Analysis(LeanModel.of_model(model), AS_OF),
                                                     params)}
    held = {body.id: naive_seat_holders(model, body) for body in model.bodies.values()}
    graph: nx.Graph[str] = nx.Graph()
    for a, b in itertools.combinations(held, 2):
        first, second = held[a], held[b]
        if min(len(first), len(second)) >= minimum and first & second \
                and len(first & second) / len(first | second) >= overlap - 1e-9:
            graph.add_edge(a, b)
    assert found == {tuple(sorted(group)) for group in nx.connected_components(graph)}


@settings(max_examples=150)
@given(seat_sets, st.sampled_from([0.3, 0.5, 0.8, 1.0]), st.integers(1, 4))
def test_nested_bodies_equal_a_naive_search(sets: list[set[str]], share: float,
                                            minimum: int) -> None:
    model = seat_model(sets)
    for number, body in enumerate(model.bodies.values()):  # some report to the next body
        if number % 3 == 1:
            body.reports_to = f"b{number + 1:02}"
    analysis = Analysis(LeanModel.of_model(model), AS_OF)
    params = {"min_contained": share, "min_members": minimum}
    found = {p.targets for p in nested_body.run(analysis, params)}
    held = {body.id: naive_seat_holders(model, body) for body in model.bodies.values()}
    groups = analysis.look_alikes(0.6, 3).group_of
    expected = set()
    for inner, members in held.items():
        if len(members) < minimum:
            continue
        candidates = [
            (-len(members & outer_members), len(outer_members), outer)
            for outer, outer_members in held.items()
            if len(outer_members) > len(members)
            and len(members & outer_members) >= share * len(members) - 1e-9
            and model.bodies[inner].reports_to != outer
            and not (inner in groups and groups.get(outer) == groups[inner])]
        if candidates:
            expected.add(tuple(sorted([inner, min(candidates)[2]])))
    assert found == expected


def test_group_and_nesting_search_do_not_look_at_every_pair() -> None:
    """400 small bodies of a shared chair and two members of their own, and
    one huge body that holds everyone: all pairs would be 80,000 looks."""
    count = 400
    holders = {f"b{n:03}": frozenset({"chair", f"p{n}a", f"p{n}b"}) for n in range(count)}
    holders["huge"] = frozenset({"chair"}.union(*holders.values()))
    similar = list(similar_pairs(holders, 0.6))
    containing = list(containing_pairs(holders, 0.8, list(holders)))
    assert len(similar) == 0
    assert len(containing) == count  # each small body looks at the huge one only
    assert {outer for _, outer, _ in containing} == {"huge"}


def deep_model() -> Model:
    """Chains of DEPTH roles, bodies, units, goals and initiatives."""
    model = Model(Org("Diep", as_of=AS_OF))
    model.people["p"] = Person(id="p", name="P", unit=f"u{DEPTH - 1}")
    for n in range(DEPTH):
        model.units[f"u{n}"] = Unit(id=f"u{n}", name="U", parent=f"u{n - 1}" if n else None,
                                    external=n == 0)
        model.roles[f"r{n}"] = Role(id=f"r{n}", name="R", holders=["p"],
                                    reports_to=f"r{n - 1}" if n else None)
        model.bodies[f"b{n}"] = Body(id=f"b{n}", name="B", kind="committee", chair="p",
                                     members=["p"], reports_to=f"b{n - 1}" if n else None)
        model.goals[f"g{n}"] = Goal(id=f"g{n}", name="G", parent=f"g{n - 1}" if n else None)
        model.initiatives[f"i{n}"] = Initiative(
            id=f"i{n}", name="I", goals=[f"g{n}"], success_criteria=["x"],
            depends_on=[f"i{n + 1}" if n + 1 < DEPTH else "i0"])
    model.assignments = [Assignment(f"g{DEPTH - 1}", "A", f"r{DEPTH - 1}"),
                         Assignment(f"g{DEPTH - 1}", "R", "r0")]
    return model


def test_deep_chains_do_not_hit_the_recursion_limit() -> None:
    config = LintConfig(select=["OWN005", "OWN008", "BOD006", "STR007"])
    findings = lint_model(ModelSource("deep", deep_model()), config)
    codes = {(f.code, f.targets[0]) for f in findings}
    assert ("OWN008", f"g{DEPTH - 1}") in codes
    # p's unit lies DEPTH levels under external u0, so the role held only by p is external.
    assert ("OWN005", f"r{DEPTH - 1}") in codes
    assert sum(f.code == "BOD006" for f in findings) == DEPTH - 2
    cycle = next(f for f in findings if f.code == "STR007")
    assert len(cycle.targets) == DEPTH


def test_every_part_the_analysis_works_out_says_what_it_reads() -> None:
    """`Analysis.entities_changed` forgets a part only when a field it reads
    changed: a part missing from `DERIVED_FROM` would be kept stale."""
    from functools import cached_property

    from raci.analysis.analysis import DERIVED_FROM, Analysis

    assert set(DERIVED_FROM) == {name for name, value in vars(Analysis).items()
                                 if isinstance(value, cached_property)}


def test_who_holds_anything_follows_an_items_assignments_replaced() -> None:
    """Whether an item has assignments, and whether an actor holds any, are
    read from the model's columns until an item's assignments are replaced
    (an edit in the app): from then on the columns are out of date."""
    model = Model(Org(name="o"))
    model.add(Role(id="dg", name="DG"))
    model.add(Role(id="team", name="Team"))
    model.add(Goal(id="g.a", name="A"))
    model.add(Goal(id="g.b", name="B"))
    model.assignments += [Assignment("g.a", "A", "dg"), Assignment("g.a", "R", "team")]
    index = Analysis(LeanModel.of_model(model), dt.date(2026, 1, 1)).assignments
    assert index.has_assignments("g.a") and not index.has_assignments("g.b")
    assert "dg" in index.assigned_actors() and "team" in index.assigned_actors()

    index.replace_item("g.a", [("dg", "A")])
    index.replace_item("g.b", [("team", "C")])
    assert index.has_assignments("g.a") and index.has_assignments("g.b")
    assert "dg" in index.assigned_actors() and "team" in index.assigned_actors()
    index.replace_item("g.a", [])
    index.replace_item("g.b", [])
    assert not index.has_assignments("g.a") and not index.has_assignments("g.b")
    assert "dg" not in index.assigned_actors() and "team" not in index.assigned_actors()
