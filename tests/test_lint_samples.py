"""Each sample organisation's planted weaknesses are found exactly where its
`# expect: CODE[, CODE…]` comments say, and nothing else; the healthy sample
has no finding at all."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from raci.lint import lint_model
from raci.source import open_model

SAMPLES = sorted((Path(__file__).parent.parent / "sample_orgs").glob("*.yaml"))
EXPECT = re.compile(r"#\s*expect:\s*((?:[A-Z]{3}\d{3}\s*,?\s*)+)")
CODE = re.compile(r"[A-Z]{3}\d{3}")


def expected_findings(path: Path) -> set[tuple[int, str]]:
    expected: set[tuple[int, str]] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(line)
        if match:
            expected.update((number, code) for code in CODE.findall(match.group(1)))
    return expected


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_findings_are_exactly_the_planted_ones(path: Path) -> None:
    findings = lint_model(open_model(str(path)))
    found = {(f.line, f.code) for f in findings if not f.waived}
    expected = expected_findings(path)
    assert sorted(found - expected, key=str) == [], "found but not planted"
    assert sorted(expected - found, key=str) == [], "planted but not found"


def test_the_healthy_sample_has_no_finding() -> None:
    path = Path(__file__).parent.parent / "sample_orgs" / "voorbeeld-gezond.yaml"
    assert [f.message for f in lint_model(open_model(str(path)))] == []
