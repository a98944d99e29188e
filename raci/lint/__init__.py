"""The linter: rules of docs/lint.md, configuration, waivers, baselines, output formats.

Typical use::

    from raci.lint import lint_model, load_config
    findings = lint_model(open_model("org.yaml"), load_config(Path("org.yaml")))
"""

from raci.lint.config import LintConfig, load_config
from raci.lint.engine import (
    Linter,
    LintResult,
    apply_waivers,
    effective_as_of,
    lint_model,
    lint_source,
)
from raci.lint.findings import LEVEL_RANK, LEVELS, Finding, Level
from raci.lint.rule import Problem, Rule, RuleParams
from raci.lint.rules import RULES, find_rule


def rule(code_or_name: str) -> Rule:
    """The rule with this code, name or dotted name; KeyError if there is none."""
    found = find_rule(code_or_name)
    if found is None:
        raise KeyError(code_or_name)
    return found


__all__ = [
    "LEVELS",
    "LEVEL_RANK",
    "RULES",
    "Finding",
    "Level",
    "LintConfig",
    "LintResult",
    "Linter",
    "Problem",
    "Rule",
    "RuleParams",
    "apply_waivers",
    "effective_as_of",
    "find_rule",
    "lint_model",
    "lint_source",
    "load_config",
    "rule",
]
