"""Suggestions checked on the model: what each resolves and introduces.

A `Suggester` lints one model and, for a finding, asks the finding's rule's
suggester for remedies (`raci.lint.suggestions`), then tries each: applies
its change to the model, brings the lint up to date (`Linter.update`, which
re-checks only what the change touched), reads the findings resolved and
introduced, and undoes the change. So a suggestion says what it does before
anyone decides, and a national model is never linted from scratch per try.
Only a remedy that, tried, resolves its finding and introduces no
error-level finding becomes a suggestion.

*Certain* (what `raci lint --fix` applies, after ruff's safe fixes): the
finding has exactly one suggestion; its remedy is safe (it decides nothing
the model does not already say: a waiver that does nothing removed, a fact
declared as not recorded, a chair seated in the body it chairs); and tried,
it resolves its finding and introduces no finding at all, whatever the level.
`--unsafe-fixes` drops the second condition, never the others.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from raci.lint.config import LintConfig
from raci.lint.engine import Linter
from raci.lint.findings import Finding
from raci.lint.suggestions.remedy import MOST_REMEDIES, Context, Remedy, Suggest, names_first
from raci.model import Model
from raci.model.changes import Change


@dataclass
class Suggestion:
    """A remedy for one finding, tried: what it resolves and introduces."""

    finding: Finding
    remedy: Remedy
    resolves: list[Finding]
    """The findings it resolves, its own first when it resolves that."""
    introduces: list[Finding]
    only: bool = False
    """Whether it is its finding's only suggestion."""

    @property
    def summary(self) -> str:
        return self.remedy.summary

    @property
    def change(self) -> Change:
        return self.remedy.change

    @property
    def resolves_its_finding(self) -> bool:
        return any(f.fingerprint == self.finding.fingerprint for f in self.resolves)

    @property
    def introduces_errors(self) -> bool:
        return any(f.level == "error" for f in self.introduces)

    def fixes(self, *, unsafe: bool = False) -> bool:
        """Whether `--fix` applies it: the finding's only suggestion, safe (or
        `unsafe` allowed), resolving its finding and introducing nothing."""
        return (self.only and (self.remedy.safe or unsafe) and self.resolves_its_finding
                and not self.introduces)

    @property
    def certain(self) -> bool:
        return self.fixes()


@dataclass
class Fix:
    """A suggestion applied by `--fix`, and what its change found (its undo)."""

    suggestion: Suggestion
    found: Change


class Suggester:
    """The findings of one model and their suggestions, each tried on the model.

    Tries work on `model` itself: each applies a change and then its undo,
    leaving the same entities, letters and waivers (the order of the
    assignments and of an entity removed and put back may differ). Give it a
    model of its own: a freshly read one, or a copy of the app's.
    """

    def __init__(self, model: Model, config: LintConfig | None = None, *, label: str = "",
                 locations: Mapping[str, tuple[int, int]] | None = None,
                 suggesters: Mapping[str, Suggest] | None = None) -> None:
        from raci.lint.suggestions import SUGGESTERS

        self.model = model
        self.config = config or LintConfig()
        self.linter = Linter(model, self.config, label=label, locations=locations)
        self._suggesters = SUGGESTERS if suggesters is None else suggesters
        self._rules = {r.code: r for r in self.config.enabled_rules()}
        self._open = self._open_findings()

    @property
    def findings(self) -> list[Finding]:
        """Every finding, waived ones marked, as `lint_model` gives them."""
        return self.linter.findings()

    def open_findings(self) -> list[Finding]:
        """The findings not waived: those that have suggestions."""
        return list(self._open.values())

    def is_open(self, finding: Finding) -> bool:
        return finding.fingerprint in self._open

    def current(self, finding: Finding) -> Finding | None:
        """The open finding with the same fingerprint as it reads now (a
        slow decision may be slow for fewer bodies), or None if resolved."""
        return self._open.get(finding.fingerprint)

    def remedies(self, finding: Finding) -> list[Remedy]:
        """What the finding's rule suggests, untried (none for a waived finding)."""
        suggest = self._suggesters.get(finding.code)
        rule = self._rules.get(finding.code)
        if suggest is None or rule is None or not self.is_open(finding):
            return []
        context = Context(self.model, self.linter.analysis, self.config.params_of(rule))
        return [replace(remedy, summary=names_first(self.model, remedy.summary),
                        because=names_first(self.model, remedy.because))
                for remedy in suggest(context, finding)[:MOST_REMEDIES]]

    def suggestions(self, finding: Finding) -> list[Suggestion]:
        """The finding's suggestions, tried, in the rule's order: those that
        resolve it and introduce no error-level finding (the others are left
        out)."""
        return self._tried(finding, self.remedies(finding))

    def suggest(self, findings: Iterable[Finding] | None = None) -> dict[str, list[Suggestion]]:
        """Fingerprint -> the tried suggestions of each finding that has any
        (default: every open finding). Every remedy is worked out before the
        first try, on the model as it is."""
        asked = self.open_findings() if findings is None else list(findings)
        remedies = [(finding, self.remedies(finding)) for finding in asked]
        return {finding.fingerprint: self._tried(finding, found)
                for finding, found in remedies if found}

    def try_remedy(self, finding: Finding, remedy: Remedy) -> Suggestion:
        """Apply the remedy, lint again, undo it: what it resolves and introduces."""
        undo = remedy.change.apply(self.model)
        try:
            after = self._open_findings(self.linter.update(remedy.change))
        finally:
            undo.apply(self.model)
            self.linter.update(undo)
        resolves = [f for fingerprint, f in self._open.items() if fingerprint not in after]
        resolves.sort(key=lambda f: f.fingerprint != finding.fingerprint)
        introduces = [f for fingerprint, f in after.items() if fingerprint not in self._open]
        return Suggestion(finding, remedy, resolves, introduces)

    def apply(self, change: Change) -> Change:
        """Make a change for real (a suggestion taken, a waiver added); return
        what it found, its undo, as a scenario keeps it."""
        found = change.apply(self.model)
        self._open = self._open_findings(self.linter.update(change))
        return found

    def fix(self, *, unsafe: bool = False, skip: Collection[str] = ()) -> list[Fix]:
        """Apply every suggestion that `fixes` its finding, finding by finding,
        until none is left (a fix may make another finding's remedy certain).
        Findings whose fingerprint is in `skip` (a baseline's) are left alone."""
        fixed: list[Fix] = []
        while True:
            before = len(fixed)
            for finding in self.open_findings():
                if not self.is_open(finding) or finding.fingerprint in skip:
                    continue  # resolved by a fix of this pass, or accepted
                remedies = self.remedies(finding)
                if len(remedies) != 1 or not (remedies[0].safe or unsafe):
                    continue
                (suggestion,) = self._tried(finding, remedies)
                if suggestion.fixes(unsafe=unsafe):
                    fixed.append(Fix(suggestion, self.apply(suggestion.change)))
            if len(fixed) == before:
                return fixed

    def _tried(self, finding: Finding, remedies: list[Remedy]) -> list[Suggestion]:
        tried = [self.try_remedy(finding, remedy) for remedy in remedies]
        working = [s for s in tried if s.resolves_its_finding and not s.introduces_errors]
        if len(working) == 1:
            working[0].only = True
        return working

    def _open_findings(self, findings: Iterable[Finding] | None = None) -> dict[str, Finding]:
        found = self.linter.findings() if findings is None else findings
        return {f.fingerprint: f for f in found if not f.waived}
