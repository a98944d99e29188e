"""The engine: run the selected rules, apply levels and waivers, sort the findings.

`lint_source` (and `lint_model`) lints one model once: each rule over
every subject of its scope, the findings sorted once, nothing kept for
later (`raci lint`, `raci diff`, scenarios). `Linter` keeps the analysis
and each rule's findings by subject, and the findings in report order in a
`FindingIndex`. After an edit (`Linter.update`) it checks again only what
the edit can have changed: the rules that read a field the edit changed or
the assignments it set, for the subjects near the edit (see `Rule.fields`
and `Rule.near`), and merges the findings that changed into the sorted
list, saying which it took out and put in. Both make findings with a
`FindingMaker` and choose the rules to run alike (`not_run_for`,
`rules_to_check`), so they give the same findings for the same model. The
app keeps its findings so; suggestions are tried so on a model of their own.

DAT001 runs first: the rules of the facts it reports, and of those
`org.not_recorded` names, are not run. DAT001 counts each fact again only
when what it reads changed (`Analysis.remembered`); when a fact becomes
lacking or recorded again, everything is checked again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.analysis import Analysis
from raci.lint.config import LintConfig
from raci.lint.findings import Finding, FindingIndex, finding_order
from raci.lint.rule import WAIVERS, WHOLE_MODEL, Problem, Rule
from raci.lint.rules import find_rule
from raci.lint.rules.data import fact_not_recorded, rules_not_run
from raci.lint.rules.waivers import waiver_expired
from raci.lint.split import problems_of
from raci.model import ACTOR_KINDS, ITEM_KINDS, REFERENCE_FIELDS, Letter, Model, Waiver, kind_of
from raci.model.collector import collector_paused
from raci.model.lean import LEAN_KINDS, LeanEntity, LeanModel, lean_entity
from raci.model.source import ModelSource

if TYPE_CHECKING:  # only the app's edits make changes: not imported for `raci lint`
    from raci.model.changes import Change

Found = dict[str, dict[str, list[Finding]]]
"""Rule code -> subject (``""`` for a whole-model or waiver rule) -> its findings."""


@dataclass
class LintResult:
    """What linting one model gives."""

    findings: list[Finding]
    """Waivers applied (waived ones kept, marked), sorted."""
    not_run: dict[str, str]
    """Rule code -> the fact not recorded for which the enabled rule was not run."""


def lint_source(source: ModelSource[Model] | ModelSource[LeanModel],
                config: LintConfig | None = None, *, split: bool = False,
                kept: list[object] | None = None, say: bool = False) -> LintResult:
    """Lint one model once: each rule run over every subject of its scope,
    the findings sorted once at the end. `split`: a large model's rules may
    be checked on two cores (`raci.lint.split`; `raci lint` asks for it);
    `say`: the output will say the messages for people (`problems_of`).
    `kept`: where to keep what the lint worked out (the analysis, the rules'
    problems) rather than free it, for a process that ends once its output
    is written (freeing them costs a twentieth of a `raci lint` of tens of
    thousands of findings).

    The same rules and the same findings as a `Linter` (its first run), but
    none of what only keeping them up to date edit by edit needs (findings
    by subject, an index, what changed): `raci lint` of a model with tens of
    thousands of findings would otherwise spend as long on keeping them as
    on reading the model.
    """
    config = config or LintConfig()
    # The run makes many small objects and no reference cycles; the cyclic
    # collector would only rescan the whole model, again and again.
    with collector_paused():
        model = source.model
        lean = model if isinstance(model, LeanModel) else LeanModel.of_model(model)
        analysis = Analysis(lean, effective_as_of(lean, config))
        rules = config.enabled_rules()
        maker = FindingMaker(config, analysis, {r.code for r in rules}, source.label,
                             source.locations)
        findings = maker.found(fact_not_recorded) if fact_not_recorded in rules else []
        analysis.not_run = not_run_for(analysis, findings, rules)
        checked = rules_to_check(rules, analysis)
        with problems_of(checked, analysis, config, split=split, say=say) as problems:
            for rule in checked:
                findings += maker.made(rule, problems[rule.code])
            analysis.matched_waivers = maker.matched_waivers()
            for rule in rules:
                if rule.scope is WAIVERS:
                    findings += maker.found(rule)
            findings.sort(key=finding_order)
            if kept is not None:
                kept += [analysis, problems]
        return LintResult(findings, dict(analysis.not_run))


def lint_model(source: ModelSource[Model] | ModelSource[LeanModel],
               config: LintConfig | None = None) -> list[Finding]:
    """The findings for one model: waivers applied (waived ones kept, marked), sorted."""
    return lint_source(source, config).findings


def effective_as_of(model: Model | LeanModel, config: LintConfig) -> dt.date:
    """`--as-of`, else the model's `org.as_of`, else today."""
    return model.org.judged_on(config.as_of)


def not_run_for(analysis: Analysis, dat001: Iterable[Finding],
                rules: Iterable[Rule]) -> dict[str, str]:
    """The enabled `rules` whose fact the model does not record: named in
    `org.not_recorded`, or lacking (reported by DAT001, its findings `dat001`)."""
    enabled = {r.code for r in rules}
    lacking = [finding.targets[0] for finding in dat001]
    return {code: fact for code, fact in rules_not_run(analysis, lacking).items()
            if code in enabled}


def rules_to_check(rules: Iterable[Rule], analysis: Analysis) -> list[Rule]:
    """The rules checked once DAT001 has run: all but DAT001, the waiver
    rules (run last) and those not run for a fact not recorded."""
    return [r for r in rules if r.scope is not WAIVERS and r.code not in analysis.not_run
            and r is not fact_not_recorded]


class FindingMaker:
    """A rule's problems made findings: at the level configured, placed at
    their subject's line in a model file, marked waived where a waiver
    silences them; and which waivers silenced one."""

    def __init__(self, config: LintConfig, analysis: Analysis, codes_enabled: set[str],
                 label: str, locations: Mapping[str, tuple[int, int]] | None) -> None:
        self.config = config
        self.analysis = analysis
        self.label = label
        self.locations = locations
        self.matcher = WaiverMatcher(analysis.model.waivers, analysis, codes_enabled)
        self.silencing: set[int] = set()
        """The numbers of the waivers that silenced a finding made so far."""

    def found(self, rule: Rule, subjects: Iterable[str] | None = None) -> list[Finding]:
        """The rule's findings for every subject of its scope, or only `subjects`."""
        return self.made(rule, rule.run(self.analysis, self.config.params_of(rule), subjects))

    def made(self, rule: Rule, problems: Iterable[Problem]) -> list[Finding]:
        """The rule's problems made findings."""
        if self.locations is not None or self._may_be_waived(rule):
            return [self.finding(rule, problem) for problem in problems]
        # A database's findings, none of which a waiver silences: the common
        # case of a lint with tens of thousands of findings, made in one go.
        code, name, level, label = rule.code, rule.name, self.config.level_of(rule), self.label
        return [Finding(code, name, level, message, targets, label, None, None, False, None,
                        related)
                for targets, message, related, _ in problems]

    def finding(self, rule: Rule, problem: Problem) -> Finding:
        line = column = None
        related_locations: tuple[tuple[int, int] | None, ...] = ()
        if self.locations is not None:
            place = problem.place or (problem.targets[0] if problem.targets else None)
            if place is not None:
                line, column = self.locations.get(place, (None, None))
            related_locations = tuple(map(self.locations.get, problem.related))
        finding = Finding(rule.code, rule.name, self.config.level_of(rule), problem.message,
                          problem.targets, self.label, line, column, False, None,
                          problem.related, related_locations)
        if self._may_be_waived(rule):
            self.silencing.update(self.matcher.waive(finding))
        return finding

    def _may_be_waived(self, rule: Rule) -> bool:
        return rule.scope is not WAIVERS and rule.code in self.matcher.codes

    def matched_waivers(self) -> set[int]:
        """The waivers the waiver rules take as matched: those that silenced
        a finding made so far, and those whose rule was not selected."""
        return self.matcher.settled | self.silencing


class Linter:
    """The findings of one model, kept up to date edit by edit (for the app,
    and for suggestions tried on a model).

    The model is the app's `Model`, made lean for the first run, or a
    `LeanModel` read straight from a database to be linted once. After each
    `update`, `removed` and `added` say which findings it took out and put
    in; a finding is never changed once reported.
    """

    def __init__(self, model: Model | LeanModel, config: LintConfig | None = None, *,
                 label: str = "", locations: Mapping[str, tuple[int, int]] | None = None) -> None:
        self.model = model
        self.config = config or LintConfig()
        self.label = label
        self.locations = locations
        self.rules = self.config.enabled_rules()
        self._by_code = {r.code: r for r in self.rules}
        self._waiver_rules = [r for r in self.rules if r.scope is WAIVERS]
        self._params = {r.code: self.config.params_of(r) for r in self.rules}
        self._found: Found = {}
        self._index = FindingIndex()
        self._silenced: Counter[int] = Counter()
        """Waiver number -> how many findings it silences."""
        self.removed: list[Finding] = []
        """The findings the last update (or the first run) took out."""
        self.added: list[Finding] = []
        """The findings it put in."""
        self._recheck_all()
        self._settle_waivers()
        self._publish()

    # ---- public ------------------------------------------------------------

    def findings(self) -> list[Finding]:
        """Every finding, sorted (`finding_order`)."""
        return list(self._index.findings)

    @property
    def not_run(self) -> dict[str, str]:
        """Rule code -> the fact not recorded for which the rule, though
        enabled, was not run (docs/lint.md, DAT001)."""
        return dict(self.analysis.not_run)

    def update(self, *changes: Change) -> list[Finding]:
        """Bring the findings up to date after `changes` were applied to the
        model: every change since the last update, in the order applied (the
        app may apply several edits while it lints). Return every finding.

        Only what the changes can have changed is checked again. A rule that
        reads a field of an entity a change changed (its `fields`) is
        checked again for the subjects near that entity where the field is
        one of its `near` ones, else run again whole; one that reads
        assignments is checked again for the subjects an assignment the
        change set or took touches (the item, its actors, their people and
        units). An entity added or removed runs every rule that reads its
        kind again. A new name (which every message reads), a renamed entity
        or a new org header checks everything again, as does a model that
        holds more than the changes given (a false alarm only costs a full
        run). DAT001 is counted again after every change: when a fact
        becomes lacking or recorded, the rules to run are others, and
        everything is checked again. New waivers are matched against every
        finding; the waiver rules run after every update."""
        if not isinstance(self.model, Model):
            raise TypeError("a lean model is only ever linted once, never edited")
        self.removed, self.added = [], []
        if changes:
            self._update(changes[0] if len(changes) == 1 else _net(self.model, changes))
        self._settle_waivers()
        self._publish()
        return self.findings()

    # ---- checking everything -------------------------------------------------

    def _recheck_all(self) -> None:
        # The run makes many small objects and no reference cycles; the
        # cyclic collector would only rescan the whole model, again and again.
        with collector_paused():
            model = self.model
            lean = model if isinstance(model, LeanModel) else LeanModel.of_model(model)
            self.analysis = Analysis(lean, effective_as_of(lean, self.config))
            self._maker = FindingMaker(self.config, self.analysis, set(self._by_code),
                                       self.label, self.locations)
            found: Found = {}
            if fact_not_recorded.code in self._params:
                found[fact_not_recorded.code] = self._check(fact_not_recorded)
            self.analysis.not_run = self._not_run(found)
            self._checked = rules_to_check(self.rules, self.analysis)
            for r in self._checked:
                found[r.code] = self._check(r)
            self._keep_unchanged(found)
            self._count_silenced()

    def _check(self, rule: Rule, subjects: Iterable[str] | None = None) -> dict[str, list[Finding]]:
        """The rule's findings, by subject, for every subject of its scope or
        only `subjects` (a subject with none is absent)."""
        by_subject: dict[str, list[Finding]] = {}
        for problem in rule.run(self.analysis, self._params[rule.code], subjects):
            # A scoped rule's problem is about its subject: the first target.
            key = "" if rule.scope is WHOLE_MODEL else problem.targets[0]
            by_subject.setdefault(key, []).append(self._maker.finding(rule, problem))
        return by_subject

    def _not_run(self, found: Found) -> dict[str, str]:
        """The enabled rules whose fact the model does not record: named in
        `org.not_recorded`, or lacking (reported by DAT001, in `found`)."""
        return not_run_for(self.analysis, (finding for findings
                                           in found.get(fact_not_recorded.code, {}).values()
                                           for finding in findings), self.rules)

    def _keep_unchanged(self, found: Found) -> None:
        """Take `found` as every rule's findings (but the waiver rules'), keeping
        the findings reported before that are still the same, so that only the
        changed ones are reported as removed and added."""
        for code in self._found.keys() - found.keys() - {r.code for r in self._waiver_rules}:
            self._replace(code, dict(self._found[code]), {})
        for code, by_subject in found.items():
            self._replace(code, dict(self._found.get(code, {})), by_subject)

    # ---- checking what a change touched -----------------------------------------

    def _update(self, change: Change) -> None:
        if change.org is not None or change.rename is not None or self._model_moved_on(change):
            self._recheck_all()
            return
        changed = self._changed_fields(change)
        if changed is None:
            self._recheck_all()
            return
        items = self._items_reassigned(change)
        lean = self.analysis.model
        was = {entity_id: (lean.kind(entity_id), lean.get(entity_id))
               for entity_id in (*(e.id for e in change.put), *change.delete)}
        self._put_entities(change, changed)
        touched = self._reassign(items) if items else set()
        if (touched or changed & fact_not_recorded.fields) and \
                fact_not_recorded.code in self._params:
            self._recheck(fact_not_recorded, ())
            if self._not_run(self._found) != self.analysis.not_run:  # a fact came or went
                self._recheck_all()
                return
        near = self._near(was) if changed else set()
        for r in self._checked:
            reads = r.fields & changed
            if not reads <= r.near:
                self._recheck(r, None)
            elif reads or (touched and r.uses_assignments):
                self._recheck(r, (touched if r.uses_assignments else set())
                              | (near if reads else set()))
        if change.waivers is not None:
            self.analysis.model.waivers = list(self.model.waivers)
            self._waive_anew()

    def _model_moved_on(self, change: Change) -> bool:
        """Whether the model holds more than the analysis knows plus `change`:
        the entities the change names must be in the model as it made them,
        and the model must hold as many entities as that gives. (A later edit
        of other entities is caught up when its own update comes.)"""
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
        assert isinstance(self.model, Model)
        index = self.analysis.assignments
        actors = {actor for item in items for actor in index.actors_on(item)}
        for item in items:
            fresh: list[tuple[str, Letter]] = [(a.actor, a.letter)
                                               for a in self.model.assignments_of_item(item)]
            index.replace_item(item, fresh)
            actors.update(actor for actor, _ in fresh)
        return self._touched_by(items, actors)

    def _touched_by(self, items: Iterable[str], actors: set[str]) -> set[str]:
        """The items, the actors, the people holding them and all of their units."""
        analysis = self.analysis
        people = {person for actor in actors for person in analysis.people_of(actor)}
        units = {analysis.unit_of(actor) for actor in actors | people}
        return {*items, *actors, *people, *(u for u in units if u is not None)}

    def _recheck(self, rule: Rule, touched: Iterable[str] | None) -> None:
        """Check `touched` again with `rule` (None, or a whole-model rule:
        everything)."""
        before = self._found.get(rule.code, {})
        if touched is None or rule.scope is WHOLE_MODEL:
            self._replace(rule.code, dict(before), self._check(rule))
            return
        # A touched subject may also have just left the scope (an indicator's
        # last assignment went, an entity was removed): then it has no findings.
        subjects = set(touched)
        again = self._check(rule, [s for s in subjects if rule.scope.contains(self.analysis, s)])
        self._replace(rule.code, {s: before[s] for s in subjects if s in before}, again)

    # ---- keeping the findings ------------------------------------------------------

    def _replace(self, code: str, old: dict[str, list[Finding]],
                 new: dict[str, list[Finding]]) -> None:
        """Put the findings `new` of some subjects of a rule in place of `old`,
        theirs until now; where a subject's findings are the same, the old
        ones stay."""
        by_subject = self._found.setdefault(code, {})
        removed, added = [], []
        for subject in old.keys() | new.keys():
            before, after = old.get(subject, []), new.get(subject, [])
            if before == after:
                continue
            removed += before
            added += after
            if after:
                by_subject[subject] = after
            else:
                del by_subject[subject]
        if not by_subject:
            del self._found[code]
        # Right for a scoped re-check, where the waivers stay as they were; a
        # full run or new waivers count again (`_count_silenced`).
        for finding in removed:
            self._silenced.subtract(self._maker.matcher.numbers(finding))
        for finding in added:
            self._silenced.update(self._maker.matcher.numbers(finding))
        self.removed += removed
        self.added += added

    def _publish(self) -> None:
        """Merge what the update (or first run) removed and added into the
        sorted findings, in one go; a finding both added and removed by it
        (one change made it, a later one took it) was never reported."""
        unseen = {id(f) for f in self.added}.intersection(map(id, self.removed))
        if unseen:
            self.removed = [f for f in self.removed if id(f) not in unseen]
            self.added = [f for f in self.added if id(f) not in unseen]
        self._index.update(self.removed, self.added)

    # ---- waivers ---------------------------------------------------------------------

    def _waive_anew(self) -> None:
        """Match every finding against a changed list of waivers; each finding
        whose waiver changes is replaced."""
        self._maker.matcher = WaiverMatcher(self.analysis.model.waivers, self.analysis,
                                            set(self._by_code))
        for code, by_subject in list(self._found.items()):
            if self._by_code[code].scope is not WAIVERS:
                self._replace(code, dict(by_subject), {
                    subject: [self._rewaived(f) for f in findings]
                    for subject, findings in by_subject.items()})
        self._count_silenced()

    def _rewaived(self, finding: Finding) -> Finding:
        """The finding, or a new one where the waivers now silence it otherwise."""
        fresh = dataclasses.replace(finding, waived=False, waiver_reason=None)
        self._maker.matcher.waive(fresh)
        return finding if fresh == finding else fresh

    def _count_silenced(self) -> None:
        self._silenced = Counter(number for by_subject in self._found.values()
                                 for findings in by_subject.values() for finding in findings
                                 for number in self._maker.matcher.numbers(finding))

    def _settle_waivers(self) -> None:
        """Run the waiver rules, now that every other finding is matched."""
        self.analysis.matched_waivers = self._maker.matcher.settled | {
            number for number, count in self._silenced.items() if count > 0}
        for r in self._waiver_rules:
            self._replace(r.code, dict(self._found.get(r.code, {})), self._check(r))


def _net(model: Model, changes: Sequence[Change]) -> Change:
    """One change that stands for `changes`, applied one after the other, as
    far as `Linter.update` reads it: the entities they put or removed as the
    model now holds them, every assignment they set or took, and the org,
    the waivers or a rename when any of them changed those."""
    from raci.model.changes import Change

    touched = dict.fromkeys(entity_id for change in changes
                            for entity_id in (*(e.id for e in change.put), *change.delete))
    net = Change(org=model.org if any(c.org is not None for c in changes) else None,
                 rename=next((c.rename for c in changes if c.rename is not None), None),
                 waivers=(list(model.waivers) if any(c.waivers is not None for c in changes)
                          else None))
    for entity_id in touched:
        entity = model.get(entity_id)
        if entity is None:
            net.delete.append(entity_id)
        else:
            net.put.append(entity)
    for change in changes:
        net.assign += change.assign
        net.unassign += change.unassign
    return net


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



class WaiverMatcher:
    """Which of a model's waivers silence a finding (docs/lint.md).

    A waiver silences findings of its rule whose target set equals its
    target; a waiver with a single target also silences every finding whose
    targets include it. An expired waiver silences nothing, and nothing
    silences a rule that cannot be waived (DAT001; WAI001 and WAI002 are
    matched after the waivers are).
    """

    def __init__(self, waivers: list[Waiver], analysis: Analysis,
                 codes_enabled: set[str]) -> None:
        self.waivers = waivers
        self._exact: dict[tuple[str, frozenset[str]], list[int]] = {}
        self._single: dict[tuple[str, str], list[int]] = {}
        self.settled: set[int] = set()
        """The waivers whose rule was not selected: they cannot be unused."""
        for number, waiver in enumerate(waivers):
            found = find_rule(waiver.rule)
            code = found.code if found is not None else waiver.rule
            if found is not None and code not in codes_enabled:
                self.settled.add(number)
            if waiver_expired(waiver, analysis) or (found is not None and not found.waivable):
                continue
            targets = frozenset(waiver.target)
            self._exact.setdefault((code, targets), []).append(number)
            if len(targets) == 1:
                self._single.setdefault((code, next(iter(targets))), []).append(number)
        self.codes = frozenset(code for code, _ in self._exact)
        """The codes some waiver may silence."""

    def numbers(self, finding: Finding) -> list[int]:
        """The numbers of the waivers that silence the finding."""
        if finding.code not in self.codes:
            return []
        numbers = list(self._exact.get((finding.code, frozenset(finding.targets)), ()))
        for target in finding.targets:
            numbers.extend(self._single.get((finding.code, target), ()))
        return numbers

    def waive(self, finding: Finding) -> list[int]:
        """Mark the finding waived when a waiver silences it (by the first such
        waiver's reason); return the numbers of those waivers."""
        numbers = self.numbers(finding)
        if numbers:
            finding.waived = True
            finding.waiver_reason = self.waivers[min(numbers)].reason
        return numbers


def apply_waivers(findings: list[Finding], waivers: list[Waiver], analysis: Analysis,
                  codes_enabled: set[str]) -> set[int]:
    """Mark the findings that a waiver silences (`WaiverMatcher`); return the
    numbers of the waivers that matched, or whose rule was not selected (so
    they cannot be unused). A rule selected but not run for a fact not
    recorded is not settled: its waivers match nothing."""
    matcher = WaiverMatcher(waivers, analysis, codes_enabled)
    settled = set(matcher.settled)
    for finding in findings:
        settled.update(matcher.waive(finding))
    return settled
