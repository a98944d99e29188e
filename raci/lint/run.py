"""One `raci lint` run: several models, one configuration, a baseline, an exit code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from raci.lint.baseline import read_baseline, without_baselined, write_baseline
from raci.lint.config import LintConfig, load_config
from raci.lint.engine import lint_model
from raci.lint.findings import Finding
from raci.model.lean import LeanModel
from raci.source import ModelSource, is_model_file, split_scenario


@dataclass
class LintRun:
    models: list[str]
    findings: list[Finding]
    """Every finding that counts, and the waived ones (marked); baselined ones are gone."""
    config: LintConfig
    baseline_written: int | None = None
    """How many fingerprints `--write-baseline` wrote, if asked."""

    @property
    def failed(self) -> bool:
        """Whether an unwaived finding is at or above `fail-on`."""
        if self.baseline_written is not None:
            return False
        return any(not f.waived and self.config.fails(f.level) for f in self.findings)


def config_for(models: Sequence[str], config_file: Path | None, **overrides: object) -> LintConfig:
    """The configuration found from the first model (a database: the current directory;
    a scenario: as for its database)."""
    first = split_scenario(models[0])[0] if models else None
    model_path = Path(first) if first is not None and _is_path(first) else None
    return load_config(model_path, config_file, **overrides)  # type: ignore[arg-type]


def _is_path(spec: str) -> bool:
    return "://" not in spec and (is_model_file(spec) or spec.lower().endswith(".db"))


def run_lint(sources: Sequence[ModelSource[LeanModel]], config: LintConfig, *,
             baseline: Path | None = None, write_baseline_to: Path | None = None) -> LintRun:
    """Lint every model with `config`; apply or write the baseline."""
    findings: list[Finding] = []
    for source in sources:
        findings.extend(lint_model(source, config))
    run = LintRun([s.label for s in sources], findings, config)
    accepted = read_baseline(baseline) if baseline is not None else None
    if write_baseline_to is not None:
        run.baseline_written = write_baseline(write_baseline_to, run.findings)
    if accepted is not None:
        run.findings = without_baselined(run.findings, accepted)
    return run
