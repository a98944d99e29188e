"""The day a model is judged on is chosen in one place: `--as-of`, else the
model's `org.as_of`, else today; linting and drawing agree on it."""

from __future__ import annotations

import datetime as dt

from raci.analysis import Analysis
from raci.lint.config import LintConfig
from raci.lint.engine import effective_as_of
from raci.model import Model, Org


def test_as_of_given_else_the_model_s_else_today() -> None:
    dated = Model(org=Org("Dated", as_of=dt.date(2026, 3, 1)))
    undated = Model(org=Org("Undated"))
    given = dt.date(2027, 1, 1)
    assert dated.org.judged_on(given) == given
    assert dated.org.judged_on() == dt.date(2026, 3, 1)
    assert undated.org.judged_on() == dt.date.today()
    assert effective_as_of(dated, LintConfig(as_of=given)) == given
    assert effective_as_of(dated, LintConfig()) == Analysis.of_model(dated).as_of
    assert Analysis.of_model(undated).as_of == dt.date.today()
