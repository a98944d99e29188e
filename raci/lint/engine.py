"""The engine: run the selected rules, apply levels and waivers, sort the findings.

`lint_model` lints one model once. `Linter` keeps the analysis and each
rule's problems by subject so that the app, after a matrix edit, re-checks
only the rules that read assignments and only for the subjects the edit
touches (the item, its actors, their people and units); any other change
re-checks everything. Both give the same findings for the same model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from raci.analysis import Analysis
from raci.lint.config import LintConfig
from raci.lint.findings import Finding
from raci.lint.rule import WAIVERS, WHOLE_MODEL, Problem, Rule
from raci.lint.rules import find_rule
from raci.lint.rules.waivers import waiver_expired
from raci.model import Letter, Model, Waiver
from raci.model.changes import Change
from raci.model.collector import collector_paused
from raci.model.lean import LeanModel
from raci.source import ModelSource


def lint_model(source: ModelSource[Model] | ModelSource[LeanModel],
               config: LintConfig | None = None) -> list[Finding]:
    """The findings for one model: waivers applied (waived ones kept, marked), sorted."""
    with collector_paused():
        linter = Linter(source.model, config, label=source.label, locations=source.locations)
        findings = linter.findings()
        # Freed while the collector still pauses; its next run would otherwise
        # first scan every object of the analysis.
        del linter
    return findings


def effective_as_of(model: Model | LeanModel, config: LintConfig) -> dt.date:
    """`--as-of`, else the model's `org.as_of`, else today."""
    return config.as_of or model.org.as_of or dt.date.today()


class Linter:
    """The findings of one model, kept up to date edit by edit (for the app).

    The model is the app's `Model`, made lean for each full run, or a
    `LeanModel` read straight from a database to be linted once.
    """

    def __init__(self, model: Model | LeanModel, config: LintConfig | None = None, *,
                 label: str = "", locations: Mapping[str, tuple[int, int]] | None = None) -> None:
        self.model = model
        self.config = config or LintConfig()
        self.label = label
        self.locations = locations
        self.rules = self.config.enabled_rules()
        self._checked = [r for r in self.rules if r.scope is not WAIVERS]
        self._waiver_rules = [r for r in self.rules if r.scope is WAIVERS]
        self._params = {r.code: self.config.params_of(r) for r in self.rules}
        self._recheck_all()

    # ---- public ------------------------------------------------------------

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def update(self, change: Change) -> list[Finding]:
        """Bring the findings up to date after `change` was applied to the model."""
        if (change.put or change.delete or change.org is not None or change.rename is not None
                or self._model_moved_on()):
            self._recheck_all()
            return self.findings()
        if change.assign or change.unassign:
            items = {a.item for a in (*change.assign, *change.unassign)}
            self._recheck_subjects(self._reassign(items))
        if change.waivers is not None:
            self.analysis.model.waivers = list(self.model.waivers)
        self._findings = self._assemble()
        return self.findings()

    # ---- checking ------------------------------------------------------------

    def _recheck_all(self) -> None:
        # The run makes many small objects and no reference cycles; the
        # cyclic collector would only rescan the whole model, again and again.
        with collector_paused():
            self._run_all_rules()
            self._findings = self._assemble()

    def _run_all_rules(self) -> None:
        model = self.model
        lean = model if isinstance(model, LeanModel) else LeanModel.of_model(model)
        self.analysis = Analysis(lean, effective_as_of(lean, self.config))
        self._built_from = (self.model.org, list(self.model.entities()))
        self._problems: dict[str, dict[str, list[Problem]]] = {}
        for r in self._checked:
            by_subject: dict[str, list[Problem]] = {}
            for problem in r.run(self.analysis, self._params[r.code]):
                # A scoped rule's problem is about its subject: the first target.
                key = "" if r.scope is WHOLE_MODEL else problem.targets[0]
                by_subject.setdefault(key, []).append(problem)
            self._problems[r.code] = by_subject

    def _model_moved_on(self) -> bool:
        """Whether the model no longer holds the very org and entities the
        analysis was built from: the app may apply several edits before it
        lints, so an assignment edit can arrive after a later removal was
        already made. (A false alarm only costs a full run.)"""
        org, entities = self._built_from
        if self.model.org is not org or len(self.model) != len(entities):
            return True
        return not all(now is then for now, then in
                       zip(self.model.entities(), entities, strict=False))

    def _reassign(self, items: set[str]) -> set[str]:
        """Refresh the assignments of `items` from the model; return the ids
        whose scoped checks may have changed."""
        if not isinstance(self.model, Model):
            raise TypeError("a lean model is only ever linted once, never edited")
        index = self.analysis.assignments
        actors = {actor for item in items for actor in index.actors_on(item)}
        fresh: dict[str, list[tuple[str, Letter]]] = {item: [] for item in items}
        for item, letter, actor in self.model.assignments:
            if item in fresh:
                fresh[item].append((actor, letter))
        for item, letters in fresh.items():
            index.replace_item(item, letters)
            actors.update(actor for actor, _ in letters)
        return self._touched_by(items, actors)

    def _touched_by(self, items: Iterable[str], actors: set[str]) -> set[str]:
        """The items, the actors, the people holding them and all of their units."""
        analysis = self.analysis
        people = {person for actor in actors for person in analysis.people_of(actor)}
        units = {analysis.unit_of(actor) for actor in actors | people}
        return {*items, *actors, *people, *(u for u in units if u is not None)}

    def _recheck_subjects(self, touched: set[str]) -> None:
        for r in self._checked:
            if not r.uses_assignments:
                continue
            if r.scope is WHOLE_MODEL:
                self._problems[r.code] = {"": list(r.run(self.analysis, self._params[r.code]))}
                continue
            by_subject = self._problems[r.code]
            for subject in touched:
                # Re-checked below, unless it just left the scope (an indicator's
                # last assignment went).
                by_subject.pop(subject, None)
            in_scope = [s for s in touched if r.scope.contains(self.analysis, s)]
            for problem in r.run(self.analysis, self._params[r.code], in_scope):
                by_subject.setdefault(problem.targets[0], []).append(problem)

    # ---- assembling ------------------------------------------------------------

    def _assemble(self) -> list[Finding]:
        by_code = {r.code: r for r in self.rules}
        findings = [self._finding(by_code[code], problem)
                    for code, by_subject in self._problems.items()
                    for problems in by_subject.values() for problem in problems]
        self.analysis.matched_waivers = apply_waivers(
            findings, self.analysis.model.waivers, self.analysis, {r.code for r in self.rules}
        )
        for r in self._waiver_rules:
            findings.extend(self._finding(r, p) for p in r.run(self.analysis, self._params[r.code]))
        findings.sort(key=finding_order)
        return findings

    def _finding(self, rule: Rule, problem: Problem) -> Finding:
        line = column = None
        if self.locations is not None and problem.targets:
            line, column = self.locations.get(problem.targets[0], (None, None))
        return Finding(rule.code, rule.name, self.config.level_of(rule), problem.message,
                       problem.targets, self.label, line, column)


def finding_order(finding: Finding) -> tuple[object, ...]:
    """By line (when known), then code, then targets."""
    return (finding.line is None, finding.line or 0, finding.code, finding.targets,
            finding.message)


def apply_waivers(findings: list[Finding], waivers: list[Waiver], analysis: Analysis,
                  codes_run: set[str]) -> set[int]:
    """Mark the findings that a waiver silences; return the numbers of the
    waivers that matched, or whose rule did not run (so they cannot be unused).

    A waiver silences findings of its rule whose target set equals its
    target; a waiver with a single target also silences every finding whose
    targets include it. An expired waiver silences nothing.
    """
    exact: dict[tuple[str, frozenset[str]], list[int]] = {}
    single: dict[tuple[str, str], list[int]] = {}
    settled: set[int] = set()
    for number, waiver in enumerate(waivers):
        found = find_rule(waiver.rule)
        code = found.code if found is not None else waiver.rule
        if found is not None and code not in codes_run:
            settled.add(number)
        if waiver_expired(waiver, analysis):
            continue
        targets = frozenset(waiver.target)
        exact.setdefault((code, targets), []).append(number)
        if len(targets) == 1:
            single.setdefault((code, next(iter(targets))), []).append(number)
    waived_codes = {code for code, _ in exact}
    for finding in findings:
        if finding.code not in waived_codes:
            continue
        numbers = list(exact.get((finding.code, frozenset(finding.targets)), ()))
        for target in finding.targets:
            numbers.extend(single.get((finding.code, target), ()))
        if numbers:
            finding.waived = True
            finding.waiver_reason = waivers[min(numbers)].reason
            settled.update(numbers)
    return settled
