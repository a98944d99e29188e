"""The engine: run the selected rules, apply levels and waivers, sort the findings.

`lint_model` lints one model once. `Linter` keeps the analysis and each
rule's problems by subject so that the app, after a matrix edit, re-checks
only the rules that read assignments and only for the subjects the edit
touches (the item, its actors, their people and units); any other change
re-checks everything. Both give the same findings for the same model.

DAT001 runs first: the rules of the facts it reports, and of those
`org.not_recorded` names, are not run. When an edit makes a fact lacking or
recorded again (only `responsibles` depends on assignments), everything is
re-checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from raci.analysis import Analysis
from raci.lint.config import LintConfig
from raci.lint.findings import Finding
from raci.lint.rule import WAIVERS, WHOLE_MODEL, Problem, Rule
from raci.lint.rules import find_rule
from raci.lint.rules.data import fact_not_recorded, rules_not_run
from raci.lint.rules.waivers import waiver_expired
from raci.model import ACTOR_KINDS, ITEM_KINDS, REFERENCE_FIELDS, Model, Waiver, kind_of
from raci.model.changes import Change
from raci.model.collector import collector_paused
from raci.model.lean import LEAN_KINDS, LeanEntity, LeanModel, lean_entity
from raci.model.source import ModelSource


@dataclass
class LintResult:
    """What linting one model gives."""

    findings: list[Finding]
    """Waivers applied (waived ones kept, marked), sorted."""
    not_run: dict[str, str]
    """Rule code -> the fact not recorded for which the enabled rule was not run."""


def lint_source(source: ModelSource[Model] | ModelSource[LeanModel],
                config: LintConfig | None = None) -> LintResult:
    """Lint one model once."""
    with collector_paused():
        linter = Linter(source.model, config, label=source.label, locations=source.locations)
        result = LintResult(linter.findings(), linter.not_run)
        # Freed while the collector still pauses; its next run would otherwise
        # first scan every object of the analysis.
        del linter
    return result


def lint_model(source: ModelSource[Model] | ModelSource[LeanModel],
               config: LintConfig | None = None) -> list[Finding]:
    """The findings for one model: waivers applied (waived ones kept, marked), sorted."""
    return lint_source(source, config).findings


def effective_as_of(model: Model | LeanModel, config: LintConfig) -> dt.date:
    """`--as-of`, else the model's `org.as_of`, else today."""
    return model.org.judged_on(config.as_of)


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
        self._waiver_rules = [r for r in self.rules if r.scope is WAIVERS]
        self._params = {r.code: self.config.params_of(r) for r in self.rules}
        self._recheck_all()

    # ---- public ------------------------------------------------------------

    def findings(self) -> list[Finding]:
        return list(self._findings)

    @property
    def not_run(self) -> dict[str, str]:
        """Rule code -> the fact not recorded for which the rule, though
        enabled, was not run (SPEC §2, DAT001)."""
        return dict(self.analysis.not_run)

    def update(self, change: Change) -> list[Finding]:
        """Bring the findings up to date after `change` was applied to the model.

        Only what the change can have changed is checked again. A rule that
        reads a field of an entity the change changed (its `fields`) is
        checked again for the subjects near that entity where the field is
        one of its `near` ones, else run again whole; one that reads
        assignments is checked again for the subjects an assignment the
        change set or took touches (the item, its actors, their people and
        units). An entity added or removed runs every rule that reads its
        kind again. A new name (which every message reads), a renamed entity
        or a new org header checks everything again, as does a model that
        holds more than the changes given so far (the app may apply several
        edits before it lints)."""
        if change.org is not None or change.rename is not None or self._model_moved_on(change):
            return self._recheck_everything()
        changed = self._changed_fields(change)
        if changed is None:
            return self._recheck_everything()
        items = self._items_reassigned(change)
        lean = self.analysis.model
        was = {entity_id: (lean.kind(entity_id), lean.get(entity_id))
               for entity_id in (*(e.id for e in change.put), *change.delete)}
        self._put_entities(change, changed)
        touched = self._reassign(items) if items else set()
        checked: dict[str, set[str] | None] = {}
        if touched or changed & fact_not_recorded.fields:
            if self._run_fact_rule() != self.analysis.not_run:  # a fact came or went
                return self._recheck_everything()
            checked[fact_not_recorded.code] = None
        near = self._near(was) if changed else set()
        for r in self._checked:
            reads = r.fields & changed
            if not reads <= r.near:
                self._problems[r.code] = self._run_rule(r)
                checked[r.code] = None
            elif reads or (touched and r.uses_assignments):
                checked[r.code] = self._recheck_subjects(
                    r, (touched if r.uses_assignments else set()) | (near if reads else set()))
        if change.waivers is not None:
            self.analysis.model.waivers = list(self.model.waivers)
        self._findings = self._assemble(None if change.waivers is not None else checked)
        return self.findings()

    # ---- checking ------------------------------------------------------------

    def _recheck_all(self) -> None:
        # The run makes many small objects and no reference cycles; the
        # cyclic collector would only rescan the whole model, again and again.
        with collector_paused():
            self._run_all_rules()
            self._findings = self._assemble()

    def _recheck_everything(self) -> list[Finding]:
        self._recheck_all()
        return self.findings()

    def _run_all_rules(self) -> None:
        model = self.model
        lean = model if isinstance(model, LeanModel) else LeanModel.of_model(model)
        self.analysis = Analysis(lean, effective_as_of(lean, self.config))
        self._problems: dict[str, dict[str, list[Problem]]] = {}
        self.analysis.not_run = self._run_fact_rule()
        self._checked = [r for r in self.rules if r.scope is not WAIVERS
                         and r.code not in self.analysis.not_run and r is not fact_not_recorded]
        for r in self._checked:
            self._problems[r.code] = self._run_rule(r)

    def _run_rule(self, r: Rule) -> dict[str, list[Problem]]:
        """The rule's problems over its whole scope, by subject."""
        by_subject: dict[str, list[Problem]] = {}
        for problem in r.run(self.analysis, self._params[r.code]):
            # A scoped rule's problem is about its subject: the first target.
            key = "" if r.scope is WHOLE_MODEL else problem.targets[0]
            by_subject.setdefault(key, []).append(problem)
        return by_subject

    def _run_fact_rule(self) -> dict[str, str]:
        """Run DAT001 (when enabled) and return the enabled rules whose fact
        the model does not record: named in `org.not_recorded`, or lacking."""
        lacking: list[str] = []
        if fact_not_recorded.code in self._params:
            problems = list(fact_not_recorded.run(self.analysis,
                                                  self._params[fact_not_recorded.code]))
            self._problems[fact_not_recorded.code] = {"": problems}
            lacking = [problem.targets[0] for problem in problems]
        found = rules_not_run(self.analysis, lacking)
        return {code: fact for code, fact in found.items() if code in self._params}

    def _model_moved_on(self, change: Change) -> bool:
        """Whether the model holds more than the analysis knows plus `change`:
        the app may apply several edits before it lints, so an edit can
        arrive after a later removal was already made. The entities the
        change names must be in the model as it made them, and the model
        must hold as many entities as that gives. (A later edit of other
        entities is caught up when its own update comes; a false alarm only
        costs a full run.)"""
        lean = self.analysis.model
        if self.model.org is not lean.org:
            return True
        put = {entity.id: entity for entity in change.put}
        gone = {entity_id for entity_id in change.delete if entity_id not in put}
        if any(self.model.get(entity_id) is not entity for entity_id, entity in put.items()):
            return True
        if any(self.model.kind(entity_id) is not None for entity_id in gone):
            return True
        added = sum(1 for entity_id in put if lean.kind(entity_id) is None)
        removed = sum(1 for entity_id in gone if lean.kind(entity_id) is not None)
        return len(self.model) != len(lean) + added - removed

    def _changed_fields(self, change: Change) -> set[str] | None:
        """The fields (``body.chair``) and kinds of entity the change
        changed, added or removed, as rules declare what they read; None
        when a name changed, which the messages of every rule read."""
        lean = self.analysis.model
        changed: set[str] = set()
        for entity_id in change.delete:
            kind = lean.kind(entity_id)
            if kind is not None:
                changed |= _every_field(kind)
        for entity in change.put:
            kind, new, old = kind_of(entity), lean_entity(entity), lean.get(entity.id)
            if old is None or entity.id in change.delete or lean.kind(entity.id) != kind:
                changed |= _every_field(kind)
            elif old.name != new.name:
                return None
            else:
                changed.update(f"{kind}.{name}" for name, was, now
                               in zip(new._fields, old, new, strict=True) if was != now)
        return changed

    def _near(self, was: dict[str, tuple[str | None, LeanEntity | None]]) -> set[str]:
        """The subjects near the entities changed: each entity, what it names
        before and after (members, holders, a unit, the goals it serves...),
        the items and actors of the assignments of all of these, the people
        who hold those actors, and their units."""
        lean, index = self.analysis.model, self.analysis.assignments
        named: set[str] = set()
        for entity_id, (kind, before) in was.items():
            named.add(entity_id)
            for version_kind, version in ((kind, before),
                                          (lean.kind(entity_id), lean.get(entity_id))):
                if version_kind is not None and version is not None:
                    named.update(_named(version_kind, version))
        items = {i for i in named if lean.kind(i) in ITEM_KINDS}
        actors = {a for a in named if lean.kind(a) in ACTOR_KINDS}
        return named | self._touched_by(
            items | {i for actor in actors for i in index.items_of(actor)},
            actors | {a for item in items for a in index.actors_on(item)})

    def _items_reassigned(self, change: Change) -> set[str]:
        """The items whose assignments the change set or took away, its
        removed entities' own too (read before the analysis forgets them)."""
        index = self.analysis.assignments
        items = {a.item for a in (*change.assign, *change.unassign)}
        for entity_id in change.delete:
            items.update(index.items_of(entity_id))
            if index.has_assignments(entity_id):
                items.add(entity_id)
        return items

    def _put_entities(self, change: Change, changed: set[str]) -> None:
        """Bring the lean model's entities up to date with the change."""
        if not (change.put or change.delete):
            return
        if not isinstance(self.model, Model):
            raise TypeError("a lean model is only ever linted once, never edited")
        lean = self.analysis.model
        for entity_id in change.delete:
            if lean.kind(entity_id) is not None:
                lean.remove(entity_id)
        for entity in change.put:
            lean.put(kind_of(entity), lean_entity(entity))
        self.analysis.entities_changed(changed)

    def _reassign(self, items: set[str]) -> set[str]:
        """Refresh the assignments of `items` from the model; return the ids
        whose scoped checks may have changed."""
        if not isinstance(self.model, Model):
            raise TypeError("a lean model is only ever linted once, never edited")
        index = self.analysis.assignments
        actors = {actor for item in items for actor in index.actors_on(item)}
        for item in items:
            letters = [(a.actor, a.letter) for a in self.model.assignments_of_item(item)]
            index.replace_item(item, letters)
            actors.update(actor for actor, _ in letters)
        return self._touched_by(items, actors)

    def _touched_by(self, items: Iterable[str], actors: set[str]) -> set[str]:
        """The items, the actors, the people holding them and all of their units."""
        analysis = self.analysis
        people = {person for actor in actors for person in analysis.people_of(actor)}
        units = {analysis.unit_of(actor) for actor in actors | people}
        return {*items, *actors, *people, *(u for u in units if u is not None)}

    def _recheck_subjects(self, r: Rule, touched: set[str]) -> set[str] | None:
        """Check a rule again for the subjects touched; return those whose
        problems may have changed (None: any, for a rule of the whole model)."""
        if r.scope is WHOLE_MODEL:
            self._problems[r.code] = {"": list(r.run(self.analysis, self._params[r.code]))}
            return None
        by_subject = self._problems[r.code]
        for subject in touched:
            # Re-checked below, unless it just left the scope (an indicator's
            # last assignment went).
            by_subject.pop(subject, None)
        in_scope = [s for s in touched if r.scope.contains(self.analysis, s)]
        for problem in r.run(self.analysis, self._params[r.code], in_scope):
            by_subject.setdefault(problem.targets[0], []).append(problem)
        return touched

    # ---- assembling ------------------------------------------------------------

    def _assemble(self, checked: Mapping[str, set[str] | None] | None = None) -> list[Finding]:
        """The findings of every rule's problems, waivers applied, sorted.

        Only the findings of the rules and subjects in `checked` (rule code
        -> the subjects checked again, None for all of them; everything
        when `checked` is None) are made anew; the others are kept, waived
        or not as they were, which holds while the waivers stay the same."""
        by_code = {r.code: r for r in self.rules}
        if checked is None:
            self._made: dict[str, dict[str, list[Finding]]] = {}
        for code, by_subject in self._problems.items():
            made = self._made.get(code)
            again = None if checked is None or made is None else checked.get(code, set())
            if made is None or again is None:
                made = self._made[code] = {}
            for subject in by_subject.keys() if again is None else again:
                problems = by_subject.get(subject)
                if problems:
                    made[subject] = [self._finding(by_code[code], p) for p in problems]
                else:
                    made.pop(subject, None)
        findings = [finding for made in self._made.values() for found in made.values()
                    for finding in found]
        self.analysis.matched_waivers = apply_waivers(
            findings, self.analysis.model.waivers, self.analysis, {r.code for r in self.rules})
        for r in self._waiver_rules:
            findings.extend(self._finding(r, p) for p in r.run(self.analysis, self._params[r.code]))
        findings.sort(key=finding_order)
        return findings

    def _finding(self, rule: Rule, problem: Problem) -> Finding:
        line = column = None
        related_locations: tuple[tuple[int, int] | None, ...] = ()
        if self.locations is not None:
            place = problem.place or (problem.targets[0] if problem.targets else None)
            if place is not None:
                line, column = self.locations.get(place, (None, None))
            related_locations = tuple(map(self.locations.get, problem.related))
        return Finding(rule.code, rule.name, self.config.level_of(rule), problem.message,
                       problem.targets, self.label, line, column,
                       related=problem.related, related_locations=related_locations)


def _named(kind: str, entity: LeanEntity) -> Iterator[str]:
    """The ids a lean entity's reference fields name."""
    for name in REFERENCE_FIELDS.get(kind, ()):
        value = getattr(entity, name)
        if isinstance(value, str):
            yield value
        elif value:
            yield from value


def _every_field(kind: str) -> set[str]:
    """A kind and each of its fields, as rules name them: what adding or
    removing an entity of that kind changes."""
    return {kind, *(f"{kind}.{name}" for name in LEAN_KINDS[kind]._fields)}


def finding_order(finding: Finding) -> tuple[object, ...]:
    """By line (when known), then code, then targets."""
    return (finding.line is None, finding.line or 0, finding.code, finding.targets,
            finding.message)


def apply_waivers(findings: list[Finding], waivers: list[Waiver], analysis: Analysis,
                  codes_enabled: set[str]) -> set[int]:
    """Mark the findings that a waiver silences; return the numbers of the
    waivers that matched, or whose rule was not selected (so they cannot be
    unused). A rule selected but not run for a fact not recorded is not
    settled: its waivers match nothing.

    A waiver silences findings of its rule whose target set equals its
    target; a waiver with a single target also silences every finding whose
    targets include it. An expired waiver silences nothing, and nothing
    silences a rule that cannot be waived (DAT001; WAI001 and WAI002 are
    matched after the waivers are).
    """
    exact: dict[tuple[str, frozenset[str]], list[int]] = {}
    single: dict[tuple[str, str], list[int]] = {}
    settled: set[int] = set()
    for number, waiver in enumerate(waivers):
        found = find_rule(waiver.rule)
        code = found.code if found is not None else waiver.rule
        if found is not None and code not in codes_enabled:
            settled.add(number)
        if waiver_expired(waiver, analysis) or (found is not None and not found.waivable):
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
