"""Edits from text and file data, as the command line and the app's forms make them.

`settings_from_text` and `value_from_text` turn ``FIELD=VALUE`` and a form's
fields into what a model file would hold; `entity_change` is the change that
puts the entity such data describes.

One reading for both: a list field takes items separated by commas (success
criteria, which are sentences, by semicolons); a yes/no field takes the model
file's words, ``true`` or ``false`` (YAML 1.2, in any case); a whole-number
field a whole number (``3.0`` is 3); a decimal ``0.5``, in Dutch also
``0,5``; a date YYYY-MM-DD; empty text is no value (the field cleared). What
cannot be read is a `ValueError` in the user's words.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from raci.errors import UsageError
from raci.i18n import N_, Said, _, counted, format_count, said_again, speaking_english
from raci.model import KINDS, Kpi, Letter, Model, Org, parse_date
from raci.model.changes import Change, set_cells
from raci.model.checks import did_you_mean
from raci.model.entities import CELL_ORDER
from raci.vocabulary import A_KIND, FACT_WORDS, FIELD_LABELS, VALUE_WORDS, Words

LIST_SEPARATORS = {"success_criteria": ";"}
"""The fields whose items are separated by something other than a comma."""
BOOLEAN_WORDS = {"true": True, "false": False}
"""A yes/no field's words, as a model file writes them (compared in lower case)."""
CLEARED_LABELS = Words({"meets_every_days": N_("meeting cadence")})
"""How a change line names a cleared field whose label holds its value
(``meets every … days``)."""


def field_types(kind: str) -> dict[str, str]:
    """Each field of `kind` (or ``org``, the organisation's header) and its
    annotation as written (``list[str]``, ``bool | None``, ``dt.date | None``)."""
    cls = Org if kind == "org" else KINDS[kind][1]
    return {f.name: str(f.type) for f in dataclasses.fields(cls)}


def items_from_text(field: str, text: str) -> list[str]:
    """The items of a list field written as text (blank ones dropped)."""
    separator = LIST_SEPARATORS.get(field, ",")
    return [part.strip() for part in text.split(separator) if part.strip()]


def value_from_text(kind: str, field: str, text: str) -> Any:
    """The value a model file would hold in `field` of a `kind` for `text`;
    None for empty text."""
    annotation = field_types(kind)[field]
    text = text.strip()
    if text == "":
        return None
    if annotation.startswith("list"):
        return items_from_text(field, text)
    if annotation.startswith("bool"):
        if text.lower() not in BOOLEAN_WORDS:
            raise ValueError(_("{text!r} is not true or false").format(text=text))
        return BOOLEAN_WORDS[text.lower()]
    if annotation.startswith(("int", "float")):
        return _number(text, whole=annotation.startswith("int"))
    if annotation.startswith("dt.date"):
        try:
            return parse_date(text)
        except ValueError:  # also a day the month does not have
            raise ValueError(_("{text!r} is not a date (YYYY-MM-DD)").format(text=text)) from None
    return text


def _number(text: str, *, whole: bool) -> int | float:
    if whole:
        with contextlib.suppress(ValueError):
            return int(text)  # exactly, however large: the model's checks then say so
    number = read_decimal(text)
    if not whole:
        return number
    if not number.is_integer():
        raise ValueError(_("{text!r} is not a whole number").format(text=text))
    return int(number)


def read_decimal(text: str) -> float:
    """A number typed by a person: ``0.5`` as the model file writes it, and
    in Dutch also ``0,5`` as the Dutch write it (a comma and no point)."""
    written = text.strip()
    if not speaking_english() and written.count(",") == 1 and "." not in written:
        written = written.replace(",", ".")
    try:
        return float(written)
    except ValueError:
        raise ValueError(_("{text!r} is not a number").format(text=text)) from None


def settings_from_text(kind: str, settings: Iterable[str], prefix: str = "") -> dict[str, Any]:
    """``FIELD=VALUE`` pairs (``org.FIELD=VALUE`` with `prefix` ``org.``) as the
    model file would hold them; None clears a field. An unknown field, or a
    value that cannot be read, is a `UsageError` naming it."""
    types = field_types(kind)
    allowed = [field for field in types if field not in {"id", "has_raci"}]
    parsed: dict[str, Any] = {}
    for setting in settings:
        key, sep, text = setting.partition("=")
        field = key.removeprefix(prefix)
        if not sep or not key.startswith(prefix):
            raise UsageError((_("{setting!r}: write {prefix}FIELD=VALUE; the organisation's header "
                                "cannot be set together with an entity") if prefix else
                              _("{setting!r}: write FIELD=VALUE")).format(setting=setting,
                                                                         prefix=prefix))
        if field not in allowed:
            owner = _("the organisation") if kind == "org" else A_KIND[kind]
            raise UsageError(_("{owner} has no field {field!r} (fields: {fields}){hint}").format(
                owner=owner, field=field, hint=said_again(did_you_mean(field, allowed)),
                fields=", ".join(allowed)))
        try:
            parsed[field] = value_from_text(kind, field, text)
        except ValueError as bad:
            raise UsageError(_("{where}: {problem}").format(where=key, problem=bad)) from None
    return parsed


def settings_said(kind: str, settings: Iterable[str], prefix: str = "") -> Said:
    """``FIELD=VALUE`` settings of a `kind` (or ``org``) as a person reads
    them, each field in words and each value as running text writes it
    (the facts not recorded in words too):
    ``meets every 14 days, external yes, due 1 December 2026, description
    cleared``. A `Said`: a scenario keeps the line, and whoever reads it
    later reads it in their own language."""
    types = field_types(kind)
    return _listed([_setting_said(setting.removeprefix(prefix), types)
                    for setting in settings], N_("{said}, {part}"))


def _listed(parts: list[Said], joined: str) -> Said:
    """The parts one after the other, each pair joined by the template `joined`."""
    said = parts[0]
    for part in parts[1:]:
        said = Said(joined, said=said, part=part)
    return said


def _setting_said(setting: str, types: Mapping[str, str]) -> Said:
    field, _equals, text = setting.partition("=")
    text = text.strip()
    label = FIELD_LABELS.said(field) if field in FIELD_LABELS else field
    if not text:
        return Said(N_("{field} cleared"), field=CLEARED_LABELS.said(field)
                    if field in CLEARED_LABELS else label)
    if field == "meets_every_days" and text.isdigit():  # its label holds its value
        return counted("meets every day", "meets every {count} days", int(text),
                       count=format_count(int(text)))
    return Said(N_("{field} {value}"), field=label, value=_value_said(field, types, text))


def _value_said(field: str, types: Mapping[str, str], text: str) -> object:
    """A field's value written as text, as running text says it: words for
    the file's vocabulary, yes/no, a date written out, a decimal with the
    language's decimal sign; as written where it cannot be read."""
    annotation = types.get(field, "")
    if field == "not_recorded":
        return _listed([FACT_WORDS.said(fact) if fact in FACT_WORDS else Said(fact)
                        for fact in items_from_text(field, text)], N_("{said}, {part}"))
    if annotation.startswith("list"):  # as `not_recorded`: "km, dg-bw"
        return f"{LIST_SEPARATORS.get(field, ',')} ".join(items_from_text(field, text))
    if text in VALUE_WORDS.get(field, {}):
        return VALUE_WORDS[field].said(text)
    try:
        if annotation.startswith("bool") and text.lower() in BOOLEAN_WORDS:
            return Said(N_("yes")) if BOOLEAN_WORDS[text.lower()] else Said(N_("no"))
        if annotation.startswith("dt.date"):
            return parse_date(text)
        if annotation.startswith("float"):
            return Decimal(str(read_decimal(text)))
    except ValueError:
        pass
    return text


def entity_change(model: Model, kind: str, data: dict[str, Any],
                  letters: Mapping[Letter, Iterable[str]] | None = None) -> Change:
    """The change that puts the entity `data` describes (one entity as a model
    file holds it): added, or in place of the one with its id, whose `raci`
    block it keeps (the data does not say). With `letters` (letter -> actors),
    an item's actors hold exactly these letters on it afterwards."""
    from raci.formats.convert import entity_from_data

    entity = entity_from_data(kind, data)
    existing = model.get(entity.id)
    if isinstance(entity, Kpi) and isinstance(existing, Kpi):
        entity.has_raci = existing.has_raci
    change = Change(put=[entity])
    if letters is None:
        return change
    wanted = _cells((letter, actor) for letter, actors in letters.items() for actor in actors)
    held = _cells((a.letter, a.actor) for a in model.assignments_of_item(entity.id))
    return set_cells(model, {(entity.id, actor): wanted.get(actor, ())
                             for actor in sorted(held.keys() | wanted.keys())
                             if wanted.get(actor, ()) != held.get(actor, ())}, change)


def _cells(letters: Iterable[tuple[str, str]]) -> dict[str, tuple[Letter, ...]]:
    """(letter, actor) pairs -> each actor's letters, in `CELL_ORDER`."""
    held: dict[str, set[str]] = {}
    for letter, actor in letters:
        held.setdefault(actor, set()).add(letter)
    return {actor: tuple(x for x in CELL_ORDER if x in given) for actor, given in held.items()}
