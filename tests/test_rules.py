"""Rule cases as data: `tests/rules/CODE.yaml` holds small models that must
and must not produce the rule's finding, with the expected targets (and,
where given, the related ids by the finding's targets, the exact messages,
parameters, other rules' parameters and as-of date). Every message has one
of the shapes the rule's documentation gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_lint_support import has_a_shape

from raci.formats import parse_model
from raci.lint import RULES, LintConfig, lint_model, rule
from raci.lint.ruledoc import rule_doc
from raci.model.source import ModelSource

CASES_DIR = Path(__file__).parent / "rules"


def load_cases() -> list[Any]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for number, case in enumerate(document["cases"]):
            cases.append(pytest.param(document["rule"], case, id=f"{path.stem}-{number}"))
    return cases


def model_source(case: dict[str, Any]) -> ModelSource:
    """The case's model as a validated model file (so every case is a valid model)."""
    document = {"raci": 1, "org": {"name": "Case", "as_of": dt.date(2026, 11, 1)},
                **case["model"]}
    loaded = parse_model(yaml.safe_dump(document, sort_keys=False), "case.yaml", "yaml")
    return ModelSource("case.yaml", loaded.model, loaded.locations)


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    params = {**case.get("other_params", {}),
              **({code: case["params"]} if "params" in case else {})}
    config = LintConfig(params=params, as_of=case.get("as_of"))
    findings = [f for f in lint_model(model_source(case), config) if f.code == code]
    found = sorted(list(f.targets) for f in findings if not f.waived)
    assert found == sorted(case["expect"])
    if "related" in case:
        assert {",".join(f.targets): list(f.related) for f in findings
                if not f.waived} == case["related"]
    for message in case.get("messages", ()):
        assert message in [f.message for f in findings]
    shapes = rule_doc(rule(code)).messages
    for finding in findings:
        assert has_a_shape(finding.message, shapes), \
            f"{finding.message!r} has none of the shapes {code}'s documentation gives"


def test_every_rule_has_failing_and_passing_cases() -> None:
    by_rule: dict[str, list[Any]] = {}
    for param in load_cases():
        code, case = param.values
        by_rule.setdefault(code, []).append(case)
    for r in RULES:
        cases = by_rule.get(r.code, [])
        assert any(c["expect"] for c in cases), f"{r.code} has no failing case"
        assert any(not c["expect"] for c in cases), f"{r.code} has no passing case"


def test_every_parameter_is_exercised_with_another_value() -> None:
    exercised = {(param.values[0], name) for param in load_cases()
                 for name in param.values[1].get("params", {})}
    for r in RULES:
        for name in r.params:
            assert (r.code, name) in exercised, f"{r.code} {name} is never set in a case"
