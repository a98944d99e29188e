"""Each sample organisation's planted weaknesses are found exactly where its
`# expect: CODE[, CODE…]` comments say, and nothing else; the healthy sample
has no finding at all.

A finding is reported at the `- id:` line of its first target, so that is
where each comment sits; a line may name several codes, and a code may be
found twice on one line (a multiset is compared).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path

import pytest

from raci.lint import RULES, lint_model
from raci.lint.findings import Finding
from raci.source import open_lean_model, open_model
from raci.store import open_store

SAMPLE_DIR = Path(__file__).parent.parent / "raci" / "sample_orgs"
SAMPLES = sorted(SAMPLE_DIR.glob("*.yaml"))
HEALTHY = SAMPLE_DIR / "voorbeeld-gezond.yaml"
WEAK_SAMPLES = [path for path in SAMPLES if path != HEALTHY]

CODE = r"[A-Z]{3}\d{3}"
EXPECT = re.compile(rf"#\s*expect:\s*({CODE}(?:\s*,\s*{CODE})*)")
ENTITY_LINE = re.compile(r"^\s*- (id|rule): ")
"""Where a finding is placed: an entity's id, or a waiver's rule (WAI001, WAI002)."""

# The three weaknesses of SPEC's introduction, by the rules that reveal them.
WEAKNESSES = {
    "diffuse ownership": {"OWN001", "OWN002", "OWN003", "OWN004", "OWN005"},
    "fragmented governance": {"BOD001", "BOD002", "BOD004", "BOD005", "BOD006",
                              "DEC001", "DEC002", "PPL002"},
    "strategy that never reaches execution": {"STR001", "STR002", "STR003", "STR004",
                                              "STR005", "SIL001", "PPL003", "PPL004"},
}


def expected_findings(path: Path) -> Counter[tuple[int, str]]:
    """(line, code) of every planted weakness, read from the file's comments."""
    expected: Counter[tuple[int, str]] = Counter()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match is None:
            continue
        assert ENTITY_LINE.match(line), (
            f"{path.name}:{number}: expect comment off an id or rule line")
        expected.update((number, code.strip()) for code in match.group(1).split(","))
    return expected


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_findings_are_exactly_the_planted_ones(path: Path) -> None:
    findings = lint_model(open_model(str(path)))
    found = Counter((f.line, f.code) for f in findings if not f.waived)
    expected = expected_findings(path)
    assert sorted(found - expected) == [], "found but not planted"
    assert sorted(expected - found) == [], "planted but not found"


@pytest.mark.parametrize("path", WEAK_SAMPLES, ids=lambda p: p.stem)
def test_a_sample_linted_in_a_database_gives_what_its_file_gives(path: Path,
                                                                  store_url: str) -> None:
    from_file = open_model(str(path))
    with open_store(store_url, create=True, name="sample") as store:
        store.replace_model(from_file.model)
    from_database = lint_model(open_lean_model(store_url))  # lean tuples, straight from SQL
    assert from_database
    assert _unplaced(from_database) == _unplaced(lint_model(from_file))


def _unplaced(findings: list[Finding]) -> list[Finding]:
    """The findings without model, lines and columns, in one order."""
    return sorted((dataclasses.replace(f, model="", line=None, column=None, related_locations=())
                   for f in findings),
                  key=lambda f: (f.code, f.targets, f.message))


def test_the_healthy_sample_has_no_finding() -> None:
    assert [f.message for f in lint_model(open_model(str(HEALTHY)))] == []


@pytest.mark.parametrize("path", WEAK_SAMPLES, ids=lambda p: p.stem)
def test_expect_comments_name_real_rules(path: Path) -> None:
    planted = {code for _, code in expected_findings(path)}
    assert planted, "no planted weakness"
    assert planted <= {rule.code for rule in RULES}


@pytest.mark.parametrize("path", WEAK_SAMPLES, ids=lambda p: p.stem)
def test_each_weakness_is_planted_in_several_forms(path: Path) -> None:
    planted = {code for _, code in expected_findings(path)}
    for weakness, codes in WEAKNESSES.items():
        assert len(planted & codes) >= 3, f"{path.name} hardly shows {weakness}"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_time_rules_are_pinned_to_the_sample_date(path: Path) -> None:
    # Without a fixed as_of, BOD003, STR008 and WAI001 would drift with the calendar.
    assert str(open_model(str(path)).model.org.as_of) == "2026-11-01"


@pytest.mark.parametrize("path", WEAK_SAMPLES, ids=lambda p: p.stem)
def test_header_explains_every_planted_rule(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = text[: text.index("\nraci: 1")]
    planted = {code for _, code in expected_findings(path)}
    assert sorted(planted - set(re.findall(CODE, header))) == []
