"""The shared analysis: chains, cycles and overlaps computed without recursion
and without comparing all pairs, checked against naive versions."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from raci.analysis import Analysis, ReportingChains, chain_lengths, functional_cycles
from raci.lint import LintConfig, lint_model
from raci.lint.rules.bodies import redundant_bodies
from raci.model import Assignment, Body, Goal, Initiative, Model, Org, Person, Role, Unit
from raci.source import ModelSource

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


member_sets = st.lists(st.sets(st.integers(0, 12).map(lambda n: f"p{n}"), max_size=8),
                       max_size=14)


@settings(max_examples=150)
@given(member_sets, st.sampled_from([0.3, 0.5, 0.6, 0.75, 1.0]), st.integers(1, 4))
def test_redundant_bodies_equal_all_pairs(sets: list[set[str]], overlap: float,
                                          minimum: int) -> None:
    model = Model(Org("T"), people={f"p{n}": Person(id=f"p{n}", name="P") for n in range(13)})
    for number, members in enumerate(sets):
        model.bodies[f"b{number:02}"] = Body(id=f"b{number:02}", name="B", kind="committee",
                                             members=sorted(members))
    params = {"min_overlap": overlap, "min_members": minimum}
    found = {p.targets for p in redundant_bodies.run(Analysis(model, AS_OF), params)}
    expected = set()
    for (a, first), (b, second) in itertools.combinations(
            ((body.id, set(body.members)) for body in model.bodies.values()), 2):
        if min(len(first), len(second)) >= minimum and first & second \
                and len(first & second) / len(first | second) >= overlap - 1e-9:
            expected.add((a, b))
    assert found == expected


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
    assert ("OWN005", f"g{DEPTH - 1}") in codes  # p's unit lies DEPTH levels under external u0
    assert sum(f.code == "BOD006" for f in findings) == DEPTH - 2
    cycle = next(f for f in findings if f.code == "STR007")
    assert len(cycle.targets) == DEPTH
