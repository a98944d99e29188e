"""One `raci lint` run: open every MODEL (a file, a database, a scenario's
view), lint it with one configuration, and apply or write the baseline.

Here, above `raci.lint`, because opening a database reaches the store: the
linter itself only ever sees a model already read (`raci.model.source`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from raci.errors import RaciError
from raci.lint.baseline import read_baseline, without_baselined, write_baseline
from raci.lint.config import LintConfig
from raci.lint.engine import lint_source
from raci.lint.run import LintOne, LintRun, ModelResult, model_errors, suggested
from raci.source import open_lean_model, open_model


def run_lint(specs: Sequence[str], config: LintConfig, *, baseline: Path | None = None,
             write_baseline_to: Path | None = None, lint_one: LintOne | None = None,
             suggest: bool = False) -> LintRun:
    """Open and lint every model with `config`; apply or write the baseline.

    `lint_one` lints one model (default: read it lean and lint it once;
    with `suggest`, read it whole and suggest remedies, `suggest_model`).
    A model that cannot be read is recorded in `LintRun.errors`; the
    baseline is then not written, as it would miss that model's findings.
    """
    accepted = read_baseline(baseline) if baseline is not None else None
    lint = lint_one or (suggest_model if suggest else lint_lean)
    run = LintRun(list(specs), [], config, suggestions={} if suggest else None)
    for spec in specs:
        try:
            result = lint(spec, config, accepted or set())
        except RaciError as refused:
            run.errors.extend(model_errors(spec, refused))
            continue
        run.findings.extend(result.findings)
        if result.not_run:
            run.not_run[spec] = result.not_run
        if run.suggestions is not None:
            run.suggestions[spec] = result.suggestions
        if result.fixes:
            run.fixes[spec] = result.fixes
    if write_baseline_to is not None and not run.errors:
        run.baseline_written = write_baseline(write_baseline_to, run.findings)
    if accepted is not None:
        run.findings = without_baselined(run.findings, accepted)
    return run


def lint_lean(spec: str, config: LintConfig, accepted: set[str], *,
              kept: list[object] | None = None, say: bool = False) -> ModelResult:
    """A model read lean and linted once, a large one's rules on two cores:
    the plain `raci lint`. `kept`: where to keep the model read, and what
    the lint worked out, rather than free them (a process that ends once its
    output is written need not spend its time freeing them). Not in the
    result: a lint's result holds no more than its findings, as the app's
    first-findings child hands it over whole. `say`: the output will say
    the messages for people (the text output), so they may be said while
    the rules are still checked (`lint_source`)."""
    source = open_lean_model(spec)
    if kept is not None:
        kept.append(source)
    result = lint_source(source, config, split=True, kept=kept, say=say)
    return ModelResult(result.findings, result.not_run)


def suggest_model(spec: str, config: LintConfig, accepted: set[str]) -> ModelResult:
    """A model read whole and linted, with the suggestions of each finding
    that counts (not waived, not in the baseline)."""
    from raci.lint.suggestions import Suggester

    source = open_model(spec)
    suggester = Suggester(source.model, config, label=spec, locations=source.locations)
    return suggested(suggester, accepted)
