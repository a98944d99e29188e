"""What one `raci lint` run gives: several models, one configuration, a
baseline, an exit code (`raci.linting.run_lint` opens and lints the models).

A model that cannot be read (a file that does not validate, a database with
no model) is reported with its errors (`model_errors`) and does not stop the
others (the run then exits 2).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from raci.errors import ModelFileError, RaciError, reason
from raci.i18n import said_again
from raci.lint.config import LintConfig, load_config
from raci.lint.findings import LEVELS, Finding, Level
from raci.model.source import is_model_file, split_scenario
from raci.text import one_line

if TYPE_CHECKING:
    from raci.lint.suggestions import Fix, Suggester, Suggestion

_AT_LINE = re.compile(r"(\d+):(\d+): (.*)", re.S)


@dataclass(frozen=True)
class ModelError:
    """One reason a model could not be read."""

    model: str
    """The MODEL argument."""
    text: str
    """As raci prints it: ``FILE:LINE:COL: message``, ``FILE: message`` or a reason."""
    message: str
    """The reason without the file and position, in English (what tools read)."""
    said: str
    """The same in the current language (what people read)."""
    line: int | None = None
    column: int | None = None
    names_model: bool = False
    """Whether `message` and `said` name the model themselves, as a refused
    database's reason does (``/tmp/org.db: not a SQLite database, ...``), so
    that an output naming the model beside it does not name it twice."""


@dataclass(frozen=True)
class RuleCount:
    """How often one rule was found (`raci lint --statistics`)."""

    code: str
    name: str
    level: Level
    count: int


@dataclass
class ModelResult:
    """What linting one model gives a run."""

    findings: list[Finding]
    not_run: dict[str, str]
    suggestions: dict[str, list[Suggestion]] = field(default_factory=dict)
    """Fingerprint -> the finding's suggestions, where asked and found."""
    fixes: list[Fix] = field(default_factory=list)
    """The suggestions `--fix` applied; `findings` are what is left after them."""


LintOne = Callable[[str, LintConfig, set[str]], ModelResult]
"""Open and lint one MODEL with a configuration; the set holds the baseline's
fingerprints (findings that need no suggestion)."""


@dataclass
class LintRun:
    models: list[str]
    """Every MODEL argument, as given, read or not."""
    findings: list[Finding]
    """Every finding that counts, and the waived ones (marked); baselined ones are gone."""
    config: LintConfig
    not_run: dict[str, dict[str, str]] = field(default_factory=dict)
    """Model -> rule code -> the fact not recorded for which the rule was not run."""
    errors: list[ModelError] = field(default_factory=list)
    """Why each model that could not be read was refused."""
    baseline_written: int | None = None
    """How many fingerprints `--write-baseline` wrote, if asked."""
    suggestions: dict[str, dict[str, list[Suggestion]]] | None = None
    """Model -> fingerprint -> the finding's suggestions; None unless asked
    (`--suggest`)."""
    fixes: dict[str, list[Fix]] = field(default_factory=dict)
    """Model -> the suggestions `--fix` applied to it."""

    def suggestions_of(self, finding: Finding) -> list[Suggestion]:
        """The finding's suggestions (none when not asked or none found)."""
        if self.suggestions is None:
            return []
        return self.suggestions.get(finding.model, {}).get(finding.fingerprint, [])

    @property
    def failed(self) -> bool:
        """Whether an unwaived finding is at or above `fail-on`: the levels that
        fail found first, so that `--fail-on never` looks at no finding."""
        if self.baseline_written is not None:
            return False
        failing = {level for level in LEVELS if self.config.fails(level)}
        return bool(failing) and any(not f.waived and f.level in failing for f in self.findings)

    @property
    def unread(self) -> list[str]:
        """The models that could not be read, in argument order."""
        return list(dict.fromkeys(error.model for error in self.errors))

    @property
    def rules_not_run(self) -> dict[str, str]:
        """Rule code -> fact, over every model (docs/lint.md, JSON `summary.not_run`)."""
        merged: dict[str, str] = {}
        for by_code in self.not_run.values():
            merged.update(by_code)
        return dict(sorted(merged.items()))

    def statistics(self) -> list[RuleCount]:
        """Unwaived findings per rule, the most frequent first (then by code)."""
        counts = Counter((f.code, f.name, f.level) for f in self.findings if not f.waived)
        return sorted((RuleCount(code, name, level, count)
                       for (code, name, level), count in counts.items()),
                      key=lambda rule: (-rule.count, rule.code))


def config_for(models: Sequence[str], config_file: Path | None, **overrides: object) -> LintConfig:
    """The configuration found from the first model (a database: the current directory;
    a scenario: as for its database)."""
    first = split_scenario(models[0])[0] if models else None
    model_path = Path(first) if first is not None and _is_path(first) else None
    return load_config(model_path, config_file, **overrides)  # type: ignore[arg-type]


def _is_path(spec: str) -> bool:
    return "://" not in spec and (is_model_file(spec) or spec.lower().endswith(".db"))


def suggested(suggester: Suggester, accepted: set[str], fixes: list[Fix] | None = None,
              *, suggest: bool = True) -> ModelResult:
    """What a `Suggester` found: its findings, and (with `suggest`) the
    suggestions of those that count."""
    counting = [f for f in suggester.open_findings() if f.fingerprint not in accepted]
    return ModelResult(suggester.findings, suggester.linter.not_run,
                       suggester.suggest(counting) if suggest else {}, fixes or [])


def model_errors(spec: str, refused: RaciError) -> list[ModelError]:
    """The reasons a model was refused, with the line and column where known."""
    if not isinstance(refused, ModelFileError):  # a database, or not a model at all
        said = one_line(reason(refused))
        return [ModelError(spec, f"raci: {said}", one_line(str(refused)), said,
                           names_model=True)]
    errors = []
    for problem in refused.problems:
        message, line, column = _placed(spec, str(problem))
        said = said_again(problem)
        errors.append(ModelError(spec, said, message, _placed(spec, said)[0], line, column))
    return errors


def _placed(spec: str, problem: str) -> tuple[str, int | None, int | None]:
    """A problem without the model's name before it, and the line and
    column it names (``org.yaml:3:5: ...``), where it names them."""
    rest = next((problem[len(prefix):] for prefix in (f"{spec}:", f"{Path(spec)}:")
                 if problem.startswith(prefix)), None)
    at = _AT_LINE.fullmatch(rest) if rest is not None else None
    if at is not None:
        return at.group(3), int(at.group(1)), int(at.group(2))
    return (rest.strip() if rest is not None else problem), None, None
