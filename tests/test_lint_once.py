"""`raci lint` lints each model once, without the app's incremental
bookkeeping (`lint_source`); what it writes is byte for byte what the app's
`Linter` gives, in every format and language, on every sample and on a
model with waivers and facts not recorded, each read from its file and from
a database, with every rule and with a selection that leaves a waiver's rule
out."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from test_lint_support import SMALL_MODEL, write_model

from raci.analysis import Analysis
from raci.i18n import LANGUAGES, speak
from raci.lint import RULES, split
from raci.lint.config import LintConfig
from raci.lint.engine import Linter, lint_source
from raci.lint.output import RENDERERS
from raci.lint.rule import Rule
from raci.lint.run import ModelResult
from raci.linting import run_lint
from raci.source import open_lean_model, open_model
from raci.store import open_store
from raci.vocabulary import LINT_FORMATS

SAMPLES = sorted((Path(__file__).parent.parent / "raci" / "sample_orgs").glob("*.yaml"))
CONFIGS = {"every rule": LintConfig(), "a selection": LintConfig(select=["OWN", "BOD", "WAI"])}


def lint_incrementally(spec: str, config: LintConfig, accepted: set[str]) -> ModelResult:
    """One model linted as the app lints it: by the incremental `Linter`."""
    source = open_lean_model(spec)
    linter = Linter(source.model, config, label=source.label, locations=source.locations)
    return ModelResult(linter.findings(), linter.not_run)


WAIVERS = [
    {"rule": "OWN002", "target": "g.co2", "reason": "Gedeeld eigenaarschap tot 2027"},
    {"rule": "OWN001", "target": "g.leeg", "reason": "Verlopen", "expires": "2026-01-01"},
    {"rule": "OWN003", "target": "dg", "reason": "Matches nothing"},
    {"rule": "PPL001", "target": "p.jansen", "reason": "A rule not selected"},
]
"""A waiver that silences, one that expired, one that matches nothing, and
one whose rule a selection leaves out."""


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Every sample, and a small model with waivers and facts not recorded;
    each as its file and as a database."""
    folder = tmp_path_factory.mktemp("databases")
    waived = write_model(folder / "waived.yaml", waivers=WAIVERS,
                         org={**SMALL_MODEL["org"], "not_recorded": ["chairs", "cadence"]})
    databases = []
    for path in [*SAMPLES, waived]:
        database = folder / f"{path.stem}.db"
        open_store(f"sqlite:///{database}", create=True, model=open_model(str(path)).model).close()
        databases.append(str(database))
    return [*map(str, SAMPLES), str(waived), *databases]


@pytest.mark.parametrize("config", CONFIGS.values(), ids=CONFIGS.keys())
@pytest.mark.parametrize("language", LANGUAGES)
def test_lint_once_writes_what_the_incremental_linter_writes(
        models: list[str], language: str, config: LintConfig) -> None:
    speak(language)
    once = run_lint(models, config)
    incremental = run_lint(models, config, lint_one=lint_incrementally)
    assert sum(not f.waived for f in once.findings) > 100
    assert any(f.waived for f in once.findings)
    assert once.not_run
    assert {"WAI001", "WAI002"} <= {f.code for f in once.findings}
    for fmt in LINT_FORMATS:
        assert RENDERERS[fmt](once, RULES) == RENDERERS[fmt](incremental, RULES), fmt


@pytest.mark.skipif(sys.platform != "linux", reason="rules are split on Linux only")
@pytest.mark.parametrize("case", ["split", "the copy takes every group",
                                  "this process takes every group", "the copy fails",
                                  "the copy fails after taking a group"])
def test_rules_split_over_two_processes_write_the_same_bytes(
        models: list[str], monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    """Every model large enough to split: the forked copy checks the people
    and silo rules and this process OWN001, the other groups going to
    whichever is free first; what `raci lint` writes is byte for byte what
    one process writes, whoever checks which group, and also when the copy
    fails and this process checks its rules."""
    config = CONFIGS["every rule"]
    speak("nl")
    alone = run_lint(models, config, lint_one=lint_in_one_process)
    handed: list[set[str] | None] = []

    def handed_back(reading: int) -> split.Problems | None:
        problems = read_handed_back(reading)
        handed.append(None if problems is None else set(problems))
        return problems

    read_handed_back = split.handed_back
    monkeypatch.setattr(split, "SPLIT_FROM", 0)
    monkeypatch.setattr(split, "handed_back", handed_back)
    if case == "the copy takes every group":
        monkeypatch.setattr(split, "_claimed", lambda queue: iter(()))
    elif case == "this process takes every group":
        monkeypatch.setattr(split, "_claimed_in_copy", lambda queue: iter(()))
    elif case == "the copy fails":
        monkeypatch.setattr(split, "_checked_in_copy", failing_copy)
    elif case == "the copy fails after taking a group":
        monkeypatch.setattr(split, "_claimed", lambda queue: iter(()))
        monkeypatch.setattr(split, "_checked_in_copy", failing_on_the_second_call())
    together = run_lint(models, config)
    assert len(handed) == len(models)
    assert any(f.code.startswith(("PPL", "SIL")) and not f.waived for f in together.findings)
    if case.startswith("the copy fails"):
        assert handed == [None] * len(models)
    else:
        people_and_silos = {r.code for r in RULES if r.group in split.SPLIT_GROUPS}
        assert all(codes is not None and people_and_silos <= codes for codes in handed)
        by_copy = set().union(*handed)  # type: ignore[arg-type]
        assert not by_copy & split.KEPT_HERE
        shared = {f.code for f in together.findings if f.code not in split.KEPT_HERE
                  and not f.code.startswith(("PPL", "SIL", "WAI", "DAT"))}
        assert shared
        if case == "the copy takes every group":
            assert shared <= by_copy
        elif case == "this process takes every group":
            assert not shared & by_copy
    for fmt in LINT_FORMATS:
        assert RENDERERS[fmt](together, RULES) == RENDERERS[fmt](alone, RULES), fmt
    speak("en")


def lint_in_one_process(spec: str, config: LintConfig, accepted: set[str]) -> ModelResult:
    result = lint_source(open_lean_model(spec), config)
    return ModelResult(result.findings, result.not_run)


def failing_copy(rules: object, analysis: object, config: object) -> split.Problems:
    raise RuntimeError("the copy fails")


Check = Callable[[Sequence[Rule], Analysis, LintConfig], split.Problems]


def failing_on_the_second_call() -> Check:
    """The copy's check that checks its own rules, takes a group and fails on it."""
    calls: list[int] = []

    def checked(rules: Sequence[Rule], analysis: Analysis, config: LintConfig) -> split.Problems:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("the copy fails")
        return split._checked(rules, analysis, config)

    return checked
