"""A finding about many entities stays a line someone can read: its message
names the first ten (of a list, or of a cycle walked round) and says how
many more, while its targets, `related` and fingerprint keep them all."""

from __future__ import annotations

from typing import Any

import pytest
from test_rules import model_source

from raci.lint import LintConfig, lint_model
from raci.lint.findings import Finding
from raci.lint.message import localized

PEOPLE = [{"id": f"p{n:02}", "name": f"P{n:02}"} for n in range(1, 13)]
"""Twelve people, p01 to p12: two more than a message names."""
TWELVE = [person["id"] for person in PEOPLE]


def findings_of(code: str, model: dict[str, Any]) -> list[Finding]:
    return [f for f in lint_model(model_source({"model": model}), LintConfig()) if f.code == code]


def only_finding(code: str, model: dict[str, Any]) -> Finding:
    [finding] = findings_of(code, model)
    return finding


def consulting(people: list[dict[str, str]]) -> dict[str, Any]:
    """A decision that consults every one of `people` (DEC001 from five)."""
    return {"people": [*people, {"id": "a", "name": "A"}],
            "decisions": [{"id": "d", "name": "D",
                           "raci": {"A": "a", "C": [p["id"] for p in people]}}]}


def cycle_of(count: int, kind: str, link: str) -> dict[str, Any]:
    """`count` roles (or initiatives) in one cycle of `link`, x01 -> x02 -> … -> x01."""
    ids = [f"x{n:02}" for n in range(1, count + 1)]
    entities = [{"id": this, "name": this.upper(),
                 link: [after] if kind == "initiatives" else after}
                for this, after in zip(ids, [*ids[1:], ids[0]], strict=True)]
    return {"people": [{"id": "p", "name": "P"}] if kind == "roles" else [],
            kind: [{**entity, "holders": ["p"]} if kind == "roles" else entity
                   for entity in entities]}


def test_a_list_longer_than_ten_names_ten_and_how_many_more() -> None:
    finding = only_finding("DEC001", consulting(PEOPLE))
    assert finding.message == ("Decision d 'D' consults 12 parties (more than 4): p01, p02, p03, "
                               "p04, p05, p06, p07, p08, p09, p10 and 2 more")
    assert finding.targets == ("d",)


def test_a_list_of_ten_is_named_whole() -> None:
    finding = only_finding("DEC001", consulting(PEOPLE[:10]))
    assert finding.message.endswith("(more than 4): p01, p02, p03, p04, p05, p06, p07, p08, "
                                    "p09, p10")


def test_people_read_how_many_more_in_their_language(in_dutch: None) -> None:
    finding = only_finding("DEC001", consulting(PEOPLE))
    assert localized(finding.message).endswith("P09 (p09), P10 (p10) en nog 2")


@pytest.mark.parametrize(("code", "model", "listed"), [
    ("OWN002", {"people": PEOPLE, "goals": [{"id": "g", "name": "G", "raci": {"A": TWELVE}}]},
     "has 12 Accountables: "),
    ("OWN006", {"people": PEOPLE, "goals": [{"id": "g", "name": "G",
                                             "raci": {"A": "p01", "R": TWELVE[1:]}}]},
     "has 11 Responsibles (more than 3): "),
    ("STR006", {"initiatives": [{"id": "i", "name": "I", "depends_on": TWELVE},
                                *({"id": p, "name": p, "status": "paused"} for p in TWELVE)]},
     "depends on paused or stopped initiatives: "),
])
def test_every_rule_that_lists_entities_names_ten(code: str, model: dict[str, Any],
                                                  listed: str) -> None:
    finding = only_finding(code, model)
    first = TWELVE[1:] if code == "OWN006" else TWELVE
    assert finding.message.endswith(f"{listed}{', '.join(first[:10])} and {len(first) - 10} more")


def test_a_group_of_many_look_alike_bodies_names_ten_of_them() -> None:
    bodies = [{"id": f"b{n:02}", "name": f"B{n:02}", "kind": "committee",
               "members": TWELVE[:3]} for n in range(1, 13)]
    finding = only_finding("BOD001", {"people": PEOPLE, "bodies": bodies})
    assert finding.message.startswith(
        "12 bodies look alike by their seat-holders: Body b01 'B01', Body b02 'B02', "
        "Body b03 'B03', Body b04 'B04', Body b05 'B05', Body b06 'B06', Body b07 'B07', "
        "Body b08 'B08', Body b09 'B09', Body b10 'B10' and 2 more; b01 and b02 share 3 of 3")
    assert len(finding.targets) == 12


def test_a_decision_that_waits_for_many_bodies_names_ten_of_them() -> None:
    bodies = [{"id": f"b{n:02}", "name": f"B{n:02}", "kind": "committee", "members": ["p01"],
               "meets_every_days": 30} for n in range(1, 13)]
    finding = only_finding("DEC002", {"people": PEOPLE, "bodies": bodies, "decisions": [
        {"id": "d", "name": "D", "raci": {"A": "b01", "C": [b["id"] for b in bodies[1:]]}}]})
    assert finding.message.endswith(": b01 30, b02 30, b03 30, b04 30, b05 30, b06 30, b07 30, "
                                    "b08 30, b09 30, b10 30 and 2 more")


def test_an_owner_under_many_responsibles_names_ten_pairs_and_how_many_more() -> None:
    """OWN008 counts pairs (an Accountable and a Responsible above it), not names."""
    chain = [{"id": "dir", "name": "Dir", "holders": ["p01"], "reports_to": "x01"},
             *({"id": f"x{n:02}", "name": f"X{n:02}", "holders": ["p01"],
                **({"reports_to": f"x{n + 1:02}"} if n < 12 else {})} for n in range(1, 13))]
    finding = only_finding("OWN008", {"people": PEOPLE, "roles": chain, "goals": [
        {"id": "g", "name": "G", "raci": {"A": "dir", "R": [f"x{n:02}" for n in range(1, 13)]}}]})
    pairs = "; ".join(f"dir reports to x{n:02}" for n in range(1, 11))
    assert finding.message == f"Goal g 'G' has inverted accountability: {pairs} and 2 more"
    assert finding.targets == ("g",)


@pytest.mark.parametrize(("code", "kind", "link", "said"), [
    ("BOD005", "roles", "reports_to", "Reporting cycle of 12"),
    ("STR007", "initiatives", "depends_on", "Dependency cycle among 12 initiatives"),
])
def test_a_long_cycle_is_walked_round_for_ten_and_says_how_many_more(
        code: str, kind: str, link: str, said: str) -> None:
    finding = only_finding(code, cycle_of(12, kind, link))
    word = {"roles": "Role", "initiatives": "Initiative"}[kind]
    steps = " -> ".join(f"{word} x{n:02} 'X{n:02}'" for n in range(1, 11))
    assert finding.message == f"{said}: {steps} and 2 more"
    assert finding.targets == tuple(f"x{n:02}" for n in range(1, 13))
    assert finding.fingerprint == f"{code}:" + ",".join(finding.targets)


def test_a_dependency_cycle_is_a_path_along_its_dependencies() -> None:
    """Not in id order: i.a depends on i.c, i.c on i.b, i.b on i.a."""
    finding = only_finding("STR007", {"initiatives": [
        {"id": "i.a", "name": "A", "depends_on": ["i.c"]},
        {"id": "i.b", "name": "B", "depends_on": ["i.a"]},
        {"id": "i.c", "name": "C", "depends_on": ["i.b"]}]})
    assert finding.message == ("Dependency cycle among 3 initiatives: Initiative i.a 'A' -> "
                               "Initiative i.c 'C' -> Initiative i.b 'B' -> i.a")
    assert finding.targets == ("i.a", "i.b", "i.c")


def test_a_component_that_is_no_simple_cycle_is_one_walk_through_all_of_it() -> None:
    """i.b and i.c depend on each other, and i.b and i.a: the walk goes
    on to each member not passed yet and back, passing i.b twice."""
    finding = only_finding("STR007", {"initiatives": [
        {"id": "i.a", "name": "A", "depends_on": ["i.b"]},
        {"id": "i.b", "name": "B", "depends_on": ["i.a", "i.c"]},
        {"id": "i.c", "name": "C", "depends_on": ["i.b"]}]})
    assert finding.message == ("Dependency cycle among 3 initiatives: Initiative i.a 'A' -> "
                               "Initiative i.b 'B' -> Initiative i.c 'C' -> i.b -> i.a")


def test_a_walk_that_passes_a_member_again_counts_it_once(in_dutch: None) -> None:
    """A hub every other depends on and that depends on every other: the
    walk comes back through the hub between each two, and still names
    ten different initiatives before it says how many more."""
    spokes = [f"s{n:02}" for n in range(1, 13)]
    finding = only_finding("STR007", {"initiatives": [
        {"id": "a", "name": "Hub", "depends_on": spokes},
        *({"id": spoke, "name": spoke.upper(), "depends_on": ["a"]} for spoke in spokes)]})
    assert finding.message == (
        "Dependency cycle among 13 initiatives: Initiative a 'Hub' -> Initiative s01 'S01' -> a "
        "-> Initiative s02 'S02' -> a -> Initiative s03 'S03' -> a -> Initiative s04 'S04' -> a "
        "-> Initiative s05 'S05' -> a -> Initiative s06 'S06' -> a -> Initiative s07 'S07' -> a "
        "-> Initiative s08 'S08' -> a -> Initiative s09 'S09' -> a and 3 more")
    assert localized(finding.message).endswith("initiatief 'S09' (s09) -> a en nog 3")
