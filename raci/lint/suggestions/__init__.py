"""Suggestions: for a finding whose remedy is clear, the concrete edits that
resolve it, each tried on the model (`raci lint --suggest`, `--fix`, `raci
review`).

Each rule that has a clear remedy has a suggester here, one module per
group of rules as in `raci.lint.rules`; the rule's documentation says what
it suggests, or why there is no clear remedy. A suggester is a pure
function of the model and one finding (`Suggest`); `Suggester` tries what
it suggests and says what each resolves and introduces.
"""

from __future__ import annotations

from raci.lint.suggestions import bodies, data, decisions, organisation, ownership, strategy
from raci.lint.suggestions.remedy import Context, Remedy, Suggest
from raci.lint.suggestions.suggester import Fix, Suggester, Suggestion

SUGGESTERS: dict[str, Suggest] = {
    **ownership.SUGGESTERS,
    **bodies.SUGGESTERS,
    **decisions.SUGGESTERS,
    **strategy.SUGGESTERS,
    **organisation.SUGGESTERS,
    **data.SUGGESTERS,
}
"""Rule code -> its suggester; a rule missing here has no clear remedy."""

__all__ = ["SUGGESTERS", "Context", "Fix", "Remedy", "Suggest", "Suggester", "Suggestion"]
