"""`raci diff OLD NEW`: what changed between two models, and what it did to the findings.

Entities are matched by id (an id that changed kind counts as removed and
added), fields compared value by value, assignments by (item, actor), and
findings by fingerprint: *introduced* are unwaived findings of NEW whose
fingerprint OLD has not, *resolved* the other way round. The diff is a
report, not a gate: the command exits 0 whatever changed.

Text and Markdown are for people, in the current language: entities named
name first, the id in brackets (``goal 'CO2 -55%' (g.co2)``), fields by
their words. JSON keeps ids and field keys, in English.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from raci.i18n import N_, _, format_date, format_decimal, speaking_english
from raci.lint.config import LintConfig
from raci.lint.engine import lint_model
from raci.lint.findings import Finding
from raci.lint.message import Named
from raci.lint.scenarios import finding_markdown, finding_said
from raci.model import REFERENCE_FIELDS, Entity, Model, Waiver, kind_of
from raci.model.entities import cell_text
from raci.model.source import ModelSource
from raci.text import Markdown, json_text, markdown_escaped, one_line
from raci.vocabulary import FIELD_LABELS, VALUE_WORDS, Words


@dataclass
class FieldChange:
    field: str
    old: object
    new: object


@dataclass
class EntityRef:
    kind: str
    id: str
    name: str


@dataclass
class EntityChange:
    kind: str
    id: str
    name: str
    fields: list[FieldChange]


@dataclass
class AssignmentChange:
    item: str
    actor: str
    old: str | None
    new: str | None
    """The letter held before and after, or ``A/R``; None for none."""


@dataclass
class ModelDiff:
    old: str
    new: str
    added: list[EntityRef] = field(default_factory=list)
    removed: list[EntityRef] = field(default_factory=list)
    changed: list[EntityChange] = field(default_factory=list)
    assignments_added: list[AssignmentChange] = field(default_factory=list)
    assignments_removed: list[AssignmentChange] = field(default_factory=list)
    assignments_changed: list[AssignmentChange] = field(default_factory=list)
    waivers_added: list[Waiver] = field(default_factory=list)
    waivers_removed: list[Waiver] = field(default_factory=list)
    findings_introduced: list[Finding] = field(default_factory=list)
    findings_resolved: list[Finding] = field(default_factory=list)
    named: dict[str, Named] = field(default_factory=dict)
    """The entities that the assignments, waivers and reference fields that
    changed name, by id, as NEW knows them (else OLD): how text and Markdown
    name them."""

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in dataclasses.fields(self)
                       if isinstance(getattr(self, f.name), list))


def diff_models(old: ModelSource[Model], new: ModelSource[Model],
                config: LintConfig | None = None) -> ModelDiff:
    """Compare two models: entities, fields, assignments, waivers and findings."""
    diff = ModelDiff(old.label, new.label)
    _diff_entities(old.model, new.model, diff)
    _diff_assignments(old.model, new.model, diff)
    old_waivers, new_waivers = map(_waiver_keys, (old.model.waivers, new.model.waivers))
    diff.waivers_added = [w for w in new.model.waivers if _waiver_key(w) not in old_waivers]
    diff.waivers_removed = [w for w in old.model.waivers if _waiver_key(w) not in new_waivers]
    before = [f for f in lint_model(old, config) if not f.waived]
    after = [f for f in lint_model(new, config) if not f.waived]
    before_prints = {f.fingerprint for f in before}
    after_prints = {f.fingerprint for f in after}
    diff.findings_introduced = [f for f in after if f.fingerprint not in before_prints]
    diff.findings_resolved = [f for f in before if f.fingerprint not in after_prints]
    diff.named = _named(diff, old.model, new.model)
    return diff


def _refers(change: EntityChange, changed: FieldChange) -> bool:
    """Whether the field holds ids of other entities."""
    return changed.field in REFERENCE_FIELDS.get(change.kind, {})


def _ids(value: object) -> list[str]:
    return [] if value is None else list(value) if isinstance(value, list) else [str(value)]


def _named(diff: ModelDiff, old: Model, new: Model) -> dict[str, Named]:
    mentioned = {entity_id
                 for changes in (diff.assignments_added, diff.assignments_removed,
                                 diff.assignments_changed)
                 for change in changes for entity_id in (change.item, change.actor)}
    mentioned.update(t for w in (*diff.waivers_added, *diff.waivers_removed) for t in w.target)
    mentioned.update(entity_id for c in diff.changed for f in c.fields if _refers(c, f)
                     for value in (f.old, f.new) for entity_id in _ids(value))
    named = {}
    for entity_id in mentioned:
        entity = new.get(entity_id) or old.get(entity_id)
        named[entity_id] = (Named(entity_id) if entity is None
                            else Named(entity_id, entity.name, kind_of(entity)))
    return named


def _waiver_key(waiver: Waiver) -> tuple[object, ...]:
    return (waiver.rule, tuple(waiver.target), waiver.reason, waiver.expires, waiver.author)


def _waiver_keys(waivers: list[Waiver]) -> set[tuple[object, ...]]:
    return {_waiver_key(w) for w in waivers}


def _ref(entity: Entity) -> EntityRef:
    return EntityRef(kind_of(entity), entity.id, entity.name)


def _diff_entities(old: Model, new: Model, diff: ModelDiff) -> None:
    org_fields = _changed_fields(old.org, new.org)
    if org_fields:
        diff.changed.append(EntityChange("org", "org", new.org.name, org_fields))
    old_by_id = {e.id: e for e in old.entities()}
    new_by_id = {e.id: e for e in new.entities()}
    for entity_id, entity in new_by_id.items():
        before = old_by_id.get(entity_id)
        if before is None or type(before) is not type(entity):
            diff.added.append(_ref(entity))
        elif fields := _changed_fields(before, entity):
            diff.changed.append(EntityChange(kind_of(entity), entity_id, entity.name, fields))
    for entity_id, entity in old_by_id.items():
        after = new_by_id.get(entity_id)
        if after is None or type(after) is not type(entity):
            diff.removed.append(_ref(entity))


def _changed_fields(old: object, new: object) -> list[FieldChange]:
    return [
        FieldChange(f.name, getattr(old, f.name), getattr(new, f.name))
        for f in dataclasses.fields(old)  # type: ignore[arg-type]
        if getattr(old, f.name) != getattr(new, f.name)
    ]


def _diff_assignments(old: Model, new: Model, diff: ModelDiff) -> None:
    before, after = _cells(old), _cells(new)
    for (item, actor), letter in after.items():
        previous = before.get((item, actor))
        if previous is None:
            diff.assignments_added.append(AssignmentChange(item, actor, None, letter))
        elif previous != letter:
            diff.assignments_changed.append(AssignmentChange(item, actor, previous, letter))
    diff.assignments_removed = [
        AssignmentChange(item, actor, letter, None)
        for (item, actor), letter in before.items() if (item, actor) not in after
    ]


def _cells(model: Model) -> dict[tuple[str, str], str]:
    """(item, actor) -> the letter held, or ``A/R``, in model order."""
    letters: dict[tuple[str, str], list[str]] = {}
    for a in model.assignments:
        letters.setdefault((a.item, a.actor), []).append(a.letter)
    return {key: cell_text(held) for key, held in letters.items()}


# ---- rendering ----------------------------------------------------------------


def _value(value: object) -> object:
    """A field value as JSON: dates in ISO form, lists as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _date(date: dt.date) -> str:
    """A date in a line: ISO in English (as it always was), in words otherwise."""
    return date.isoformat() if speaking_english() else format_date(date)


def _shown(value: object) -> str:
    """A field's value in a line as the language writes it: a date as `_date`,
    decimals with the language's mark, yes or no, text in quotes, lists bare."""
    if isinstance(value, list):
        return "[" + ", ".join(v if isinstance(v, str) else _shown(v) for v in value) + "]"
    if value is None:
        return _("(none)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.date):
        return _date(value)
    if isinstance(value, float):
        return format_decimal(value, "0.#########")
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


ARROW = "\ue000"
"""Where raci writes its arrow from the old value to the new (" -> "): marked
in the lines so that Markdown escapes only the user's text around it."""


def _arrowed(template: str) -> str:
    return template.replace(" -> ", ARROW)


def _field_line(change: EntityChange, changed: FieldChange, diff: ModelDiff) -> str:
    """``Role 'Directeur' (dir): held by [Bram Bakker (p.bakker)] -> [Sanne Smit (p.smit)]``:
    the entities a reference field names, by name and id."""
    def shown(value: object) -> str:
        if changed.field in VALUE_WORDS and value is not None:
            return _in_words(value, VALUE_WORDS[changed.field])
        if not _refers(change, changed) or value is None:
            return _shown(value)
        if isinstance(value, list):
            return "[" + ", ".join(_listed(entity_id, diff) for entity_id in value) + "]"
        return _listed(str(value), diff)

    return (f"{_entity(change.kind, change.id, change.name)}: "
            f"{FIELD_LABELS.get(changed.field, changed.field)} "
            f"{shown(changed.old)}{ARROW}{shown(changed.new)}")


def _in_words(value: object, words: Words) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_in_words(v, words) for v in value) + "]"
    return words.get(str(value), str(value))


def _listed(entity_id: str, diff: ModelDiff) -> str:
    """``DG Klimaat (dg-ke)``."""
    named = diff.named[entity_id]
    return Named(named.id, named.name).spoken()


def _entity(kind: str, entity_id: str, name: str) -> str:
    """``Goal 'CO2 -55%' (g.co2)``, ``Organisation 'Ministerie'``."""
    if kind == "org":
        return _("Organisation '{name}'").format(name=name)
    return Named(entity_id, name, kind).spoken(starts=True)


def _waiver_text(waiver: Waiver, diff: ModelDiff) -> str:
    targets = ", ".join(diff.named[t].spoken() for t in waiver.target)
    text = _("{rule} for {targets}: {reason}").format(rule=waiver.rule, targets=targets,
                                                     reason=waiver.reason)
    if waiver.expires:
        text += _(" (expires {date})").format(date=_date(waiver.expires))
    return text + (f" [{waiver.author}]" if waiver.author else "")


def _held(change: AssignmentChange, letters: str | None, diff: ModelDiff) -> str:
    """``A/R for DG Klimaat (dg-ke) on goal 'CO2 -55%' (g.co2)``."""
    return _("{letters} for {actor} on {item}").format(
        letters=letters, actor=_listed(change.actor, diff), item=diff.named[change.item].spoken())


def _lines(diff: ModelDiff, said: Callable[[Finding], str] = finding_said
           ) -> list[tuple[str, int, list[str]]]:
    """(section title, how many things changed, lines) in reading order,
    shared by text and Markdown; a changed entity has a line per field, a
    finding is `said`."""
    changed_fields = [_field_line(c, f, diff) for c in diff.changed for f in c.fields]
    changed_cells = [_arrowed(_("{actor} on {item}: {old} -> {new}")).format(
        actor=_listed(a.actor, diff), item=diff.named[a.item].spoken(), old=a.old, new=a.new)
        for a in diff.assignments_changed]
    return [
        _section(N_("Entities added"), [_entity(e.kind, e.id, e.name) for e in diff.added]),
        _section(N_("Entities removed"), [_entity(e.kind, e.id, e.name) for e in diff.removed]),
        (_(N_("Entities changed")), len(diff.changed), changed_fields),
        _section(N_("Assignments added"),
                 [_held(a, a.new, diff) for a in diff.assignments_added]),
        _section(N_("Assignments removed"),
                 [_held(a, a.old, diff) for a in diff.assignments_removed]),
        _section(N_("Assignments changed"), changed_cells),
        _section(N_("Waivers added"), [_waiver_text(w, diff) for w in diff.waivers_added]),
        _section(N_("Waivers removed"), [_waiver_text(w, diff) for w in diff.waivers_removed]),
        _section(N_("Findings introduced"),
                 [said(f) for f in diff.findings_introduced]),
        _section(N_("Findings resolved"),
                 [said(f) for f in diff.findings_resolved]),
    ]


def _section(title: str, lines: list[str]) -> tuple[str, int, list[str]]:
    """A section, its title in the current language, with a line per thing that changed."""
    return _(title), len(lines), lines


def diff_to_text(diff: ModelDiff) -> str:
    out = [f"--- {diff.old}", f"+++ {diff.new}"]
    for title, count, lines in _lines(diff):
        if lines:
            out += ["", f"{title} ({count}):",
                    *(f"  {one_line(line).replace(ARROW, ' -> ')}" for line in lines)]
    if diff.is_empty():
        out += ["", _("No differences.")]
    return "\n".join(out) + "\n"


def diff_to_markdown(diff: ModelDiff) -> str:
    out = ["## " + _("Changes from {old} to {new}").format(old=f"`{diff.old}`",
                                                         new=f"`{diff.new}`")]
    for title, count, lines in _lines(diff, finding_markdown):
        if lines:
            out += ["", f"### {title} ({count})", "",
                    *(f"- {_markdown_line(line)}" for line in lines)]
    if diff.is_empty():
        out += ["", _("No differences.")]
    return "\n".join(out) + "\n"


def _markdown_line(line: str) -> str:
    """A line of the diff in Markdown: a finding as it is (`finding_markdown`),
    else the names and values around raci's arrows escaped, so that they
    show as written."""
    if isinstance(line, Markdown):
        return line
    return " -> ".join(map(markdown_escaped, line.split(ARROW)))


def _finding_summary(finding: Finding) -> dict[str, object]:
    return {"code": finding.code, "name": finding.name, "level": finding.level,
            "message": finding.message, "targets": list(finding.targets),
            "fingerprint": finding.fingerprint}


def diff_to_json(diff: ModelDiff) -> str:
    document = {
        "version": 1,
        "old": diff.old,
        "new": diff.new,
        "entities": {
            "added": [dataclasses.asdict(e) for e in diff.added],
            "removed": [dataclasses.asdict(e) for e in diff.removed],
            "changed": [
                {"kind": c.kind, "id": c.id, "name": c.name,
                 "fields": [{"field": f.field, "old": _value(f.old), "new": _value(f.new)}
                            for f in c.fields]}
                for c in diff.changed
            ],
        },
        "assignments": {
            "added": [dataclasses.asdict(a) for a in diff.assignments_added],
            "removed": [dataclasses.asdict(a) for a in diff.assignments_removed],
            "changed": [dataclasses.asdict(a) for a in diff.assignments_changed],
        },
        "waivers": {
            "added": [dataclasses.asdict(w) for w in diff.waivers_added],
            "removed": [dataclasses.asdict(w) for w in diff.waivers_removed],
        },
        "findings": {
            "introduced": [_finding_summary(f) for f in diff.findings_introduced],
            "resolved": [_finding_summary(f) for f in diff.findings_resolved],
        },
    }
    return json_text(document, _value)


DIFF_RENDERERS = {"text": diff_to_text, "json": diff_to_json, "markdown": diff_to_markdown}
