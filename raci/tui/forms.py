"""The add/edit form of each kind, as data: its fields, parsing and checks.

A form holds text; `check_form` turns that text into the model file's data,
runs the model file's own checks on it (`check_entity_data` for the schema,
`check_entities` for references) and, when nothing is wrong, returns the
`Change` that saves it. No Textual here, so the checks are tested directly.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any

from raci.i18n import Said, _, format_decimal
from raci.model import (
    BODY_KINDS,
    INITIATIVE_STATUSES,
    ITEM_KINDS,
    KPI_TYPES,
    LETTERS,
    REFERENCE_FIELDS,
    Entity,
    Model,
)
from raci.model.changes import Change
from raci.model.entities import ID_MAX_LENGTH, effective_status, is_valid_id, may_hold_together
from raci.tui.describe import field_label
from raci.vocabulary import A_KIND

ACTORS = frozenset({"role", "body", "person"})
ID_PREFIXES = {"person": "p.", "goal": "g.", "initiative": "i.", "decision": "d.", "kpi": "k."}
"""The prefix of an id made from a name, as the sample models write them."""


@dataclass(frozen=True)
class FormField:
    name: str
    """The model file's key, or a RACI letter for an item's assignments."""
    type: str
    """text, id, ref, refs, date, int, float, bool, tristate, choice or strings."""
    required: bool = False
    choices: tuple[str, ...] = ()
    targets: frozenset[str] = frozenset()
    """The kinds a ref or refs field may name."""
    default: str = ""
    """The choice an optional choice left open means, when it is always the same."""

    @property
    def hint(self) -> str:
        return {
            "refs": _("names or ids, comma-separated"),
            "strings": _("separated by ;"),
            "date": _("YYYY-MM-DD"),
            "int": _("whole number"),
            "float": _("number"),
        }.get(self.type, "")


def _refs(kind: str, name: str, many: bool = False, required: bool = False) -> FormField:
    return FormField(name, "refs" if many else "ref", required,
                     targets=REFERENCE_FIELDS[kind][name])


_KIND_FIELDS: dict[str, list[FormField]] = {
    "unit": [_refs("unit", "parent"), FormField("external", "bool")],
    "person": [_refs("person", "unit"), FormField("capacity_fte", "float"),
               FormField("external", "bool")],
    "role": [_refs("role", "unit"), _refs("role", "holders", many=True),
             _refs("role", "reports_to"), FormField("temporary", "bool"),
             FormField("sunset", "date")],
    "body": [FormField("kind", "choice", True, BODY_KINDS), _refs("body", "chair"),
             _refs("body", "members", many=True), _refs("body", "reports_to"),
             FormField("temporary", "tristate"), FormField("established", "date"),
             FormField("sunset", "date"), FormField("meets_every_days", "int"),
             FormField("mandate", "text")],
    "goal": [_refs("goal", "parent"), FormField("due", "date")],
    "initiative": [_refs("initiative", "goals", many=True),
                   _refs("initiative", "depends_on", many=True),
                   FormField("status", "choice", False, INITIATIVE_STATUSES,
                             default=effective_status(None)),
                   FormField("start", "date"), FormField("end", "date"),
                   FormField("success_criteria", "strings"), FormField("demand_fte", "float")],
    "decision": [_refs("decision", "about", many=True)],
    "kpi": [_refs("kpi", "measures", required=True),
            FormField("type", "choice", True, KPI_TYPES), FormField("target", "text")],
}


def form_fields(kind: str) -> list[FormField]:
    """The fields of the form for `kind`, in the model file's order."""
    fields = [FormField("id", "id", True), FormField("name", "text", True),
              *_KIND_FIELDS[kind],
              FormField("description", "text"), FormField("tags", "strings")]
    if kind in ITEM_KINDS:
        fields.extend(FormField(letter, "refs", targets=ACTORS) for letter in LETTERS)
    return fields


def values_of(model: Model, entity: Entity) -> dict[str, str]:
    """The form's text for an existing entity."""
    values: dict[str, str] = {}
    for form_field in form_fields(model.kind(entity.id) or ""):
        if form_field.name in LETTERS:
            actors = model.actors(entity.id, form_field.name)
            values[form_field.name] = ", ".join(actors)
        else:
            values[form_field.name] = _as_text(form_field, getattr(entity, form_field.name))
    return values


def _as_text(form_field: FormField, value: Any) -> str:
    if value is None:
        return ""
    if form_field.type == "strings":
        return "; ".join(value) if form_field.name == "success_criteria" else ", ".join(value)
    if form_field.type == "refs":
        return ", ".join(value)
    if form_field.type in ("bool", "tristate"):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if form_field.type == "float":
        return format_decimal(value, "0.###")  # "1,5" in Dutch, as the detail shows it
    return str(value)


@dataclass
class FormCheck:
    """What is wrong with a form, by field, and the change when nothing is."""

    by_field: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    change: Change | None = None

    @property
    def ok(self) -> bool:
        return self.change is not None

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, []).append(message)


def check_form(
    model: Model,
    kind: str,
    values: dict[str, str],
    editing: str | None,
    lock: threading.RLock,
    known: set[str],
) -> FormCheck:
    """Check a form as the model file would be checked.

    `editing` is the id being edited (None when adding); `known` its
    problems before the edit (see `known_problems`).
    """
    check = FormCheck()
    data, letters = _parse(kind, values, check)
    entity_id = data.get("id", "")
    if editing is None and entity_id in model:
        check.add("id", _("id {id} is already used by {a_kind}").format(
            id=repr(entity_id), a_kind=A_KIND[model.kind(entity_id) or "unit"]))
    _check_letters(letters, check)
    if check.by_field:
        # The file's schema would repeat these ("missing required key 'name'"),
        # worded for a file; it runs once the fields themselves are right.
        return check
    from raci.formats import check_entity_data

    names = {f.name for f in form_fields(kind)}
    check.general.extend(in_form_words(problem, names) for problem in check_entity_data(kind, data))
    if check.general:
        return check
    change = _change(model, kind, data, letters)
    for name, message in _model_problems(model, change, lock, known, names):
        if name in names:
            check.add(name, message)
        else:
            check.general.append(message)
    if not (check.by_field or check.general):
        check.change = change
    return check


def _parse(kind: str, values: dict[str, str], check: FormCheck) -> tuple[
    dict[str, Any], dict[str, list[str]]
]:
    """The file's data of the form (as YAML would give it) and the RACI letters."""
    data: dict[str, Any] = {}
    letters: dict[str, list[str]] = {}
    for form_field in form_fields(kind):
        text = values.get(form_field.name, "").strip()
        if not text:
            if form_field.required:
                check.add(form_field.name, _("required"))
            continue
        value = _parse_value(kind, form_field, text, check)
        if value is None:
            continue
        if form_field.name in LETTERS:
            letters[form_field.name] = value
        else:
            data[form_field.name] = value
    return data, letters


def _parse_value(kind: str, form_field: FormField, text: str, check: FormCheck) -> Any:
    """The field's value as the command line reads it (`value_from_text`), and
    what a form checks besides: an id's shape, a choice, a name given twice."""
    from raci.formats.edits import items_from_text, value_from_text

    name = form_field.name
    if form_field.type == "id" and not is_valid_id(text):
        check.add(name, _("an id starts with a letter or digit, then letters, digits, "
                          "_ . : - (at most {most})").format(most=ID_MAX_LENGTH))
    if form_field.targets:
        # Under the field, where saving takes the user (the file's check said it below the form).
        for part in (p.strip() for p in text.split(",")):
            if part and not is_valid_id(part):
                check.add(name, _("{text} is no id: choose one of the names offered as you "
                                  "type").format(text=repr(part)))
    if form_field.type == "choice" and text not in form_field.choices:
        check.add(name, _("{text} is not one of {choices}").format(
            text=repr(text), choices=", ".join(form_field.choices)))
    try:
        value = items_from_text(name, text) if name in LETTERS else \
            value_from_text(kind, name, text)
    except ValueError as bad:
        check.add(name, str(bad))
        return None
    if isinstance(value, list):
        doubled = sorted({v for v in value if value.count(v) > 1})
        if doubled:
            check.add(name, _("names {names} twice").format(names=", ".join(doubled)))
    return value


def _check_letters(letters: dict[str, list[str]], check: FormCheck) -> None:
    """An actor holds one letter on an item, or A with R (unknown ids are the
    model check's)."""
    seen: dict[str, list[str]] = {}
    for letter, actors in letters.items():
        for actor in actors:
            held = seen.setdefault(actor, [])
            if held and not may_hold_together([*held, letter]):
                check.add(letter, _("{actor} already holds {letter} on this item "
                                    "(A with R is the only pair)").format(actor=actor,
                                                                          letter=held[0]))
            held.append(letter)


def _change(
    model: Model, kind: str, data: dict[str, Any], letters: dict[str, list[str]]
) -> Change:
    from raci.formats.edits import entity_change

    return entity_change(model, kind, data,
                         letters if kind in ITEM_KINDS else None)  # type: ignore[arg-type]


def known_problems(model: Model, lock: threading.RLock, editing: str | None) -> set[str]:
    """The problems of the entity being edited before any edit (none when
    adding), so that a form blames only its own."""
    from raci.model.checks import check_entities

    if editing is None:
        return set()
    with lock:
        return {p.message for p in check_entities(model, [editing])}


def _model_problems(
    model: Model, change: Change, lock: threading.RLock, known: set[str], names: set[str]
) -> list[tuple[str, str]]:
    """(field, message) the model file's reference checks give once the change is in.

    A form's change puts one entity, so only that entity is checked
    (`check_entities`: on a national model a whole check would take half a
    second at each pause in typing). The change is tried on a working copy
    (taken under the session lock, as the lint worker reads the model): on
    the model itself, undoing an added entity would drop every look-up the
    views read.
    Problems outside the form's fields go under the empty field name.
    """
    from raci.model.checks import check_entities

    ids = [e.id for e in change.put]
    with lock:
        working = model.working_copy()
    change.apply(working)
    problems = check_entities(working, ids)
    return [(_form_field_name(p.field) if p.entity_id in ids else "",
             in_form_words(p.message, names)) for p in problems if p.message not in known]


_NAMING_A_FIELD = ("field", "where")
"""The values by which a model check's message names the field at fault."""


def in_form_words(message: str, names: set[str]) -> str:
    """A model check's message as the form says it, in the user's language:
    a field by its label, as the form shows it ("reports to", "A
    Accountable"), not by the file's key (``reports_to``, ``raci.A``), which
    the model file's own messages keep, as the file shows the key."""
    if not isinstance(message, Said):
        return message
    values: dict[str, object] = {}
    for name, value in message.values.items():
        label = _field_said(value, names) if name in _NAMING_A_FIELD else None
        values[name] = label if label is not None else (
            in_form_words(value, names) if isinstance(value, str) else value)
    return message.template_said().format(**values)


def _field_said(value: object, names: set[str]) -> str | None:
    """The label of the form field a message's value names (``raci.A`` or
    ``raci.A actor``: the A field), or None."""
    if isinstance(value, Said):
        return _field_said(value.values.get("field"), names) if "field" in value.values else None
    key = value.removeprefix("raci.") if isinstance(value, str) else None
    return field_label(key) if key in names else None


def _form_field_name(problem_field: str | None) -> str:
    """The form field a model problem is about: ``raci.A`` is the A field."""
    return (problem_field or "").removeprefix("raci.")
