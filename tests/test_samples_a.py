"""The sample organisations energietransitie and politie-digitaal: every
planted weakness is found on the line its ``# expect:`` comment marks, nothing
else is found, and each file shows all three weaknesses of the specification."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from raci.lint import LintConfig, lint_model
from raci.source import open_model

SAMPLE_DIR = Path(__file__).parent.parent / "raci" / "sample_orgs"
SAMPLES = [SAMPLE_DIR / "energietransitie.yaml", SAMPLE_DIR / "politie-digitaal.yaml"]

CODE = r"[A-Z]{3}\d{3}"
EXPECT = re.compile(rf"#\s*expect:\s*({CODE}(?:\s*,\s*{CODE})*)")
ENTITY_LINE = re.compile(r"^\s*- id: ")

# The three weaknesses of the specification's introduction, by rule code.
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
        # A finding is reported at its first target's "- id:" line, so a
        # comment anywhere else could never match.
        assert ENTITY_LINE.match(line), f"{path.name}:{number}: expect comment off an id line"
        expected.update((number, code.strip()) for code in match.group(1).split(","))
    return expected


def reported_findings(path: Path) -> Counter[tuple[int, str]]:
    """(line, code) of every finding the default rules report, waived ones left out."""
    findings = lint_model(open_model(str(path)), LintConfig())
    return Counter((f.line or 0, f.code) for f in findings if not f.waived)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_planted_weaknesses_are_found_where_commented_and_nothing_else(path: Path) -> None:
    expected = expected_findings(path)
    reported = reported_findings(path)
    assert reported - expected == Counter(), "found but not planted"
    assert expected - reported == Counter(), "planted but not found"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_shows_each_weakness_several_times(path: Path) -> None:
    planted = {code for _, code in expected_findings(path)}
    for weakness, codes in WEAKNESSES.items():
        assert len(planted & codes) >= 4, f"{path.name} hardly shows {weakness}"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_time_rules_are_pinned_to_the_sample_date(path: Path) -> None:
    # Without a fixed as_of, BOD003, STR008 and WAI001 would drift with the calendar.
    assert str(open_model(str(path)).model.org.as_of) == "2026-11-01"
