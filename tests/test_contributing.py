"""The contributor guide's rule sample is the code: "Adding a rule" shows
OWN007 as it is written, and the sample runs as the real rule does."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

from raci.analysis import Analysis
from raci.formats import parse_model
from raci.lint.rule import Rule
from raci.lint.ruledoc import rule_doc
from raci.lint.rules import ownership
from raci.model.lean import LeanModel

GUIDE = Path(__file__).parent.parent / "docs" / "contributing.md"


def rule_sample() -> str:
    """The Python block of the guide's "Adding a rule" section."""
    section = GUIDE.read_text(encoding="utf-8").split("\n## Adding a rule\n", 1)[1]
    found = re.search(r"```python\n(.*?)```", section.split("\n## ", 1)[0], re.S)
    assert found, "docs/contributing.md: no Python sample under Adding a rule"
    return found.group(1)


def without_docstring(source: str) -> str:
    """The code of a function's source, its docstring left out (the guide shortens it)."""
    function = ast.parse(inspect.cleandoc(source)).body[0]
    assert isinstance(function, ast.FunctionDef)
    function.body = function.body[1:]
    return ast.dump(function)


def test_the_rule_sample_is_how_own007_is_written() -> None:
    assert without_docstring(rule_sample()) == \
        without_docstring(inspect.getsource(ownership.no_responsible.check))


def test_the_rule_sample_runs_and_says_what_the_real_rule_says() -> None:
    namespace = dict(vars(ownership))  # the names a rule module has imported
    exec(compile(rule_sample(), str(GUIDE), "exec"), namespace)
    sample = namespace["no_responsible"]
    assert isinstance(sample, Rule)
    failing = next(e for e in rule_doc(ownership.no_responsible).examples if e.fails)
    model = parse_model(failing.model_text, "failing.yaml", "yaml").model
    analysis = Analysis(LeanModel.of_model(model), model.org.judged_on())
    found = list(sample.run(analysis))
    assert found and found == list(ownership.no_responsible.run(analysis))
