"""A finding's message, in English for tools and in the current language for people.

A rule says its message with `said` (or `said_n`, where a number decides
the form: "1 doel", "2 doelen") from an English template and its values.
The result is a `str` holding the English text, which is what JSON, SARIF,
fingerprints and baselines keep whatever the language; it also keeps its
template and values, so that `localized` can say it again in the current
language for the text output, the report and the app. The templates are
msgids of the gettext domain ``rules`` (`raci.lint.catalogue` collects them
from the calls of `said`, `said_n`, `template` and `template_n`, and the catalogue
``raci/locale/nl/LC_MESSAGES/rules.po`` translates them).

A value is said as it is (ids, names, whole numbers), except: a `Message`
or `Joined` value is itself said in the language; a date is ISO in English
(as it always was) and "1 november 2026" in Dutch; a decimal number takes a
decimal comma in Dutch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from raci.analysis.analysis import KIND_LABELS
from raci.i18n import LANGUAGES, _, current_language, format_date, ngettext

if TYPE_CHECKING:
    from raci.analysis import Analysis

Value = str | int | float | Decimal | dt.date
"""What a template's placeholder is filled with (a `Message` or `Joined`
is a `str`)."""

LABELS = {kind: f"{word} {{id}} '{{name}}'" for kind, word in KIND_LABELS.items()}
"""How a message names an entity of each kind: ``Goal g.co2 'CO2 -55%'``."""


class Message(str):
    """English text that can be said again in another language: a template
    (a msgid of the domain ``rules``, with ``{named}`` placeholders and
    optionally a plural form) and the values it is filled with."""

    template: str
    plural: str | None
    number: int
    """The number that decides between the template and its plural."""
    values: Mapping[str, Value]

    def __new__(cls, template: str, values: Mapping[str, Value], plural: str | None = None,
                number: int = 1) -> Message:
        english = template if plural is None or number == 1 else plural
        self = super().__new__(cls, english.format(**values))
        self.template, self.plural, self.number, self.values = template, plural, number, values
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return Message, (self.template, self.values, self.plural, self.number)

    def localized(self) -> str:
        """The message in the current language."""
        if current_language() == LANGUAGES[0]:
            return str(self)
        form = (_(self.template, domain="rules") if self.plural is None
                else ngettext(self.template, self.plural, self.number, domain="rules"))
        return form.format(**{name: _said(value) for name, value in self.values.items()})


class Joined(str):
    """Parts said one after the other with a separator between them, each in
    the current language: ``sg, pb``, ``a -> b -> a``."""

    parts: tuple[Value, ...]
    separator: str

    def __new__(cls, parts: Iterable[Value], separator: str = ", ") -> Joined:
        listed = tuple(parts)
        self = super().__new__(cls, separator.join(map(str, listed)))
        self.parts, self.separator = listed, separator
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return Joined, (self.parts, self.separator)

    def localized(self) -> str:
        return self.separator.join(format(_said(part)) for part in self.parts)


class _DecimalComma:
    """A number formatted as English formats it, with a decimal comma."""

    def __init__(self, number: float | Decimal) -> None:
        self.number = number

    def __format__(self, spec: str) -> str:
        return format(self.number, spec).replace(".", ",")


def _said(value: Value) -> object:
    """A value as the current language (not English) says it."""
    if isinstance(value, Message | Joined):
        return value.localized()
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float | Decimal):
        return _DecimalComma(value)
    return value


def said(template: str, /, **values: Value) -> Message:
    """A message from its English template and the values of its placeholders."""
    return Message(template, values)


def said_n(singular: str, plural: str, count: int, /, **values: Value) -> Message:
    """A message whose form `count` decides (the count is one of the values
    only when passed as one)."""
    return Message(singular, values, plural, count)


def template(text: str) -> str:
    """Mark `text` as a template said later with `said` (the catalogue
    collects it where it is written)."""
    return text


def template_n(singular: str, plural: str) -> tuple[str, str]:
    """Mark a template's two forms, said later with `said_n`."""
    return singular, plural


def translated(text: str) -> str:
    """`text`, a msgid of the domain ``rules``, in the current language."""
    return _(text, domain="rules")


def localized(message: str) -> str:
    """What a person is shown: a `Message` in the current language, any other
    text (a message read from JSON, say) as it is."""
    return message.localized() if isinstance(message, Message | Joined) else message


def label(analysis: Analysis, entity_id: str) -> Message | str:
    """How a message names an entity: ``Goal g.co2 'CO2 -55%'`` (``Doel g.co2
    'CO2 -55%'``); an id the model does not know, as it is."""
    kind = analysis.model.kind(entity_id)
    if kind is None:
        return entity_id
    return said(LABELS[kind], id=entity_id, name=analysis.model.collection(kind)[entity_id].name)
