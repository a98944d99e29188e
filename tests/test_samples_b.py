"""The nationaal-archief sample documents its planted weaknesses well.

`test_lint_samples.py` checks that the linter finds exactly what the
``# expect: CODE`` comments say. Here: every comment names a real rule on an
entity's ``- id:`` line, the sample shows each of SPEC's three weaknesses
several times, and its header explains every rule it plants.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from raci.lint import RULES

WEAK_SAMPLE = Path(__file__).parent.parent / "raci" / "sample_orgs" / "nationaal-archief.yaml"
EXPECT = re.compile(r"#\s*expect:\s*([A-Z]{3}\d{3}(?:\s*,\s*[A-Z]{3}\d{3})*)")
ENTITY_LINE = re.compile(r"^\s*- id: \S+\s+#")

# SPEC's introduction: the three weaknesses and the rules that reveal them.
PATTERNS = {
    "diffuse ownership": {"OWN001", "OWN002", "OWN003", "OWN004", "OWN005"},
    "fragmented governance": {"BOD001", "BOD002", "BOD004", "BOD005", "BOD006",
                              "DEC001", "DEC002", "PPL002"},
    "strategy that never reaches execution": {"STR001", "STR002", "STR003", "STR004",
                                              "STR005", "SIL001", "PPL003", "PPL004"},
}


def planted() -> list[tuple[int, str]]:
    """(line, code) for every code named in an ``# expect:`` comment."""
    found: list[tuple[int, str]] = []
    for number, line in enumerate(WEAK_SAMPLE.read_text(encoding="utf-8").splitlines(), 1):
        match = EXPECT.search(line)
        if match:
            found.extend((number, code.strip()) for code in match.group(1).split(","))
    return found


def test_expect_comments_name_real_rules_on_entity_lines() -> None:
    known = {rule.code for rule in RULES}
    lines = WEAK_SAMPLE.read_text(encoding="utf-8").splitlines()
    assert planted(), "no planted weakness"
    for number, code in planted():
        assert code in known, f"line {number}: {code} is no rule"
        assert ENTITY_LINE.match(lines[number - 1]), f"line {number} is not an entity's '- id:'"


@pytest.mark.parametrize("pattern", PATTERNS)
def test_each_weakness_is_planted_in_several_forms(pattern: str) -> None:
    codes = {code for _, code in planted()}
    assert len(codes & PATTERNS[pattern]) >= 3, f"too little {pattern}"


def test_header_explains_every_planted_rule() -> None:
    text = WEAK_SAMPLE.read_text(encoding="utf-8")
    header = text[: text.index("\nraci: 1")]
    assert sorted({code for _, code in planted()} - set(re.findall(r"[A-Z]{3}\d{3}", header))) == []
