"""Shared helpers for the linter's tests (no tests here): write small model
files, run `raci`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from raci.cli import main

SMALL_MODEL: dict[str, Any] = {
    "raci": 1,
    "org": {"name": "Programma Test", "as_of": "2026-11-01"},
    "units": [{"id": "min", "name": "Ministerie"}, {"id": "uitv", "name": "Uitvoering"}],
    "people": [{"id": "p.jansen", "name": "Petra Jansen", "unit": "min"},
               {"id": "p.bakker", "name": "Bram Bakker", "unit": "uitv"}],
    "roles": [{"id": "dg", "name": "Directeur-Generaal", "unit": "min", "holders": ["p.jansen"]},
              {"id": "dir", "name": "Directeur", "unit": "uitv", "holders": ["p.bakker"],
               "reports_to": "dg"}],
    "bodies": [{"id": "sg", "name": "Stuurgroep", "kind": "steering_group", "chair": "dg",
                "members": ["dg", "dir"]}],
    "goals": [{"id": "g.co2", "name": "CO2 -55%", "raci": {"A": ["dg", "dir"]}},
              {"id": "g.leeg", "name": "Zonder eigenaar"}],
    "initiatives": [{"id": "i.wijk", "name": "Wijkaanpak", "goals": ["g.co2", "g.leeg"],
                     "success_criteria": ["200 wijken"], "raci": {"A": "dg", "R": ["dir"]}}],
    "decisions": [{"id": "d.subsidie", "name": "Subsidie", "about": ["i.wijk"],
                   "raci": {"A": "sg", "C": ["dir"]}}],
    "kpis": [{"id": "k.co2", "name": "Uitstoot", "measures": "g.co2", "type": "leading"},
             {"id": "k.leeg", "name": "Leeg", "measures": "g.leeg", "type": "leading"}],
}
"""Findings as of 2026-11-01: OWN002 on g.co2 (error) and OWN001 on g.leeg (error)."""


def write_model(path: Path, **changes: object) -> Path:
    document = {**SMALL_MODEL, **changes}
    text = (json.dumps(document, ensure_ascii=False, indent=1) if path.suffix == ".json"
            else yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    path.write_text(text, encoding="utf-8")
    return path


def run_raci(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    """Run `raci ARGS…`; return the exit code, stdout and stderr."""
    with pytest.raises(SystemExit) as done:
        main([str(a) for a in args])
    captured = capsys.readouterr()
    return int(done.value.code or 0), captured.out, captured.err


def message_pattern(shape: str) -> re.Pattern[str]:
    """A rule's message shape (``{…}`` varies, ``[…]`` may be absent) as a pattern."""
    parts = []
    for token in re.split(r"(\{[^}]*\}|\[|\])", shape):
        parts.append({"[": "(?:", "]": ")?"}.get(token) or
                     (".+?" if token.startswith("{") else re.escape(token)))
    return re.compile("".join(parts))


def has_a_shape(message: str, shapes: tuple[str, ...]) -> bool:
    """Whether a finding's message has one of its rule's documented shapes."""
    return any(message_pattern(shape).fullmatch(message) for shape in shapes)
