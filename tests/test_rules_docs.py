"""`raci rules` and the rules' own documentation: every rule says what it
finds, why it matters, how to fix it, and shows a failing and a passing
example that are valid YAML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_lint_support import run_raci

from raci.lint import RULES, rule
from raci.lint.rule import param_text
from raci.lint.rules.data import FACTS

SPEC_TABLE = {  # code: (name, level, parameters) as in SPEC §2
    "OWN001": ("unowned-item", "error", {}), "OWN002": ("multiple-accountable", "error", {}),
    "OWN003": ("collective-accountable", "warning", {}),
    "OWN004": ("vacant-accountable", "error", {}),
    "OWN005": ("external-accountable", "warning", {}),
    "OWN006": ("crowded-responsible", "warning", {"max_responsible": 3}),
    "OWN007": ("no-responsible", "warning", {}),
    "OWN008": ("inverted-accountability", "info", {}),
    "BOD001": ("redundant-bodies", "warning", {"min_overlap": 0.6, "min_members": 3}),
    "BOD002": ("powerless-body", "warning", {"exempt_kinds": ("advisory_board",)}),
    "BOD003": ("expired-mandate", "error", {}),
    "BOD004": ("open-ended-temporary", "warning", {"grace_days": 365}),
    "BOD005": ("reporting-cycle", "error", {}),
    "BOD006": ("steering-layers", "warning", {"max_layers": 2}),
    "BOD007": ("chairless-body", "warning", {}),
    "BOD008": ("oversized-body", "info", {"max_members": 12}),
    "BOD009": ("empty-body", "error", {}),
    "BOD010": ("nested-body", "warning", {"min_contained": 0.8, "min_members": 3}),
    "DEC001": ("consensus-bottleneck", "warning", {"max_consulted": 4}),
    "DEC002": ("slow-decision", "warning", {"max_latency_days": 60}),
    "STR001": ("goal-without-initiative", "warning", {}),
    "STR002": ("orphan-initiative", "warning", {}), "STR003": ("goal-without-kpi", "warning", {}),
    "STR004": ("no-leading-indicator", "info", {}),
    "STR005": ("no-success-criteria", "warning", {}),
    "STR006": ("blocked-dependency", "warning", {}), "STR007": ("dependency-cycle", "error", {}),
    "STR008": ("overdue-initiative", "info", {}),
    "PPL001": ("accountability-overload", "warning", {"max_items": 8}),
    "PPL002": ("meeting-overload", "warning", {"max_bodies": 5}),
    "PPL003": ("external-dependence", "info", {"max_share": 0.5}),
    "PPL004": ("capacity-overcommit", "warning", {}),
    "SIL001": ("uncoordinated-crossing", "warning", {"min_units": 3}),
    "SIL002": ("isolated-unit", "info", {}), "ORG001": ("idle-role", "info", {}),
    "ORG002": ("unplaced-person", "info", {}), "ORG003": ("vacant-role", "warning", {}),
    "ORG004": ("chair-not-member", "info", {}),
    "DAT001": ("fact-not-recorded", "info", {"min_missing": 20, "min_share": 0.9}),
    "WAI001": ("expired-waiver", "warning", {}),
    "WAI002": ("unused-waiver", "info", {}),
}


def test_the_registry_is_specs_table_in_code_order() -> None:
    assert {r.code: (r.name, r.level, r.params) for r in RULES} == SPEC_TABLE
    assert [r.code for r in RULES] == list(SPEC_TABLE)
    assert rule("OWN001") is rule("ownership.unowned-item") is rule("unowned-item")
    with pytest.raises(KeyError):
        rule("OWN999")


def examples(doc: str) -> list[str]:
    """The indented YAML blocks after "Failing…:" and "Passing:"."""
    found = re.findall(r"^(?:Failing|Passing)[^\n]*:\n\n((?:    [^\n]*\n?|\n)+)", doc, re.M)
    return [re.sub(r"^    ", "", block, flags=re.M) for block in found]


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_every_rule_is_documented_with_examples(code: str) -> None:
    doc = rule(code).doc
    assert "Why it matters:" in doc and "How to fix:" in doc
    blocks = examples(doc)
    assert len(blocks) == 2, "a failing and a passing example"
    for block in blocks:
        assert isinstance(yaml.safe_load(block), dict)
    stated = re.search(r"^Parameters: .*?(?:\n\n|\Z)", doc, re.M | re.S)
    assert (stated is not None) == bool(rule(code).params)
    for name, default in rule(code).params.items():
        assert stated is not None and f"`{name}` (" in stated.group(0)
        assert f"default {param_text(default)}" in stated.group(0), \
            "the doc gives the default the code has"


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["OWN001", "ownership.unowned-item", "error"]


def test_rules_code_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules", "bod001")
    assert code == 0
    assert out.startswith("BOD001 bodies.redundant-bodies (default level: warning)")
    assert out.count("Parameters") == 1, "the parameters are shown once"
    assert "default 0.6" in out and "`min_members` (default 3)" in out
    assert "How to fix:" in out
    code, _, err = run_raci(capsys, "rules", "XYZ001")
    assert code == 2 and "no rule 'XYZ001'" in err
    code, _, err = run_raci(capsys, "rules", "OWN01")
    assert (code, err) == (2, "raci: no rule 'OWN01'; did you mean 'OWN001'? `raci rules` "
                              "lists them\n")
    for group in ("waivers", "WAI"):
        code, out, _ = run_raci(capsys, "rules", group)
        assert code == 0 and [line[:6] for line in out.splitlines()] == ["WAI001", "WAI002"]


def test_the_readme_rule_table_is_the_registry() -> None:
    """README's table of rules says what `raci rules` says, row for row."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if re.match(r"\| [A-Z]{3}\d{3} \| \w+\.", line)]
    expected = []
    for r in RULES:
        params = ", ".join(f"`{name} = {param_text(value)}`" for name, value in r.params.items())
        expected.append(f"| {r.code} | {r.dotted_name} | {r.level} | {params} | {r.summary} |")
    assert rows == expected


def test_the_facts_tables_are_the_facts_dat001_checks() -> None:
    """DAT001's documentation and README list each fact with the rules it turns off."""
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Facts a source does not record"):]
    section = section[:section.index("\n### ")]
    doc_rows = [line for line in rule("DAT001").doc.splitlines() if line.startswith("| ")][1:]
    assert [row.split(" | ")[0] for row in doc_rows] == [f"| {fact.name}" for fact in FACTS]
    for fact, doc_row in zip(FACTS, doc_rows, strict=True):
        (readme_row,) = [line for line in section.splitlines()
                         if line.startswith(f"| `{fact.name}` |")]
        for row in (doc_row, readme_row):
            assert row.endswith(f"| {', '.join(fact.rules)} |")
        assert set(fact.rules) <= {r.code for r in RULES}
