"""The rules of docs/lint.md, one module per group, in one explicit registry."""

from __future__ import annotations

from collections.abc import Iterable

from raci.lint.rule import Rule
from raci.lint.rules import (
    bodies,
    data,
    decisions,
    organisation,
    ownership,
    people,
    silos,
    strategy,
    waivers,
)

RULES: list[Rule] = [
    *ownership.RULES,
    *bodies.RULES,
    *decisions.RULES,
    *strategy.RULES,
    *people.RULES,
    *silos.RULES,
    *organisation.RULES,
    *data.RULES,
    *waivers.RULES,
]
"""Every rule, in code order."""

GROUPS: dict[str, str] = {r.group: r.code[:3] for r in RULES}
"""Group name -> code prefix (``ownership`` -> ``OWN``)."""

_BY_KEY: dict[str, Rule] = {
    key.lower(): r for r in RULES for key in (r.code, r.name, r.dotted_name)
}


def find_rule(code_or_name: str) -> Rule | None:
    """The rule with this code, name or dotted name (any case), or None."""
    return _BY_KEY.get(code_or_name.strip().lower())


def closest_rule(word: str, spellings: Iterable[str] | None = None,
                 cutoff: float = 0.6) -> str | None:
    """The one of `spellings` (by default every code, name and group) a
    person most likely meant by a misspelt `word` (`nearest`: ``OWN020`` is
    ``OWN002``), at least `cutoff` alike; None when nothing is, or when
    `word` is itself one of them."""
    from raci.model.checks import nearest  # a misspelling only: not for every lint

    if spellings is None:
        spellings = (key for r in RULES for key in (r.code, r.name, r.dotted_name, r.group))
    spelled = list(spellings)
    if word.lower() in {key.lower() for key in spelled}:
        return None
    return nearest(word, spelled, cutoff)
