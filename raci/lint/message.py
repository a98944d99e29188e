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

People read a message name first, the id in brackets: an entity a message
names is a `Named` value (`label` gives one with its kind, `named` one
without), kept in the English text as it always was (``Goal g.co2 'CO2
-55%'``, ``dg-ke``) and said for people as ``Goal 'CO2 -55%' (g.co2)``,
``DG Klimaat (dg-ke)``. So `localized` says a message again even in English.

A value is said as it is (plain ids), except: a `Message`, `Joined` or
`Named` value is itself said for people; a whole number is grouped as the
language writes it ("2,890 days", "2.890 dagen"; the English text keeps
"2890", as JSON and SARIF always had it); a date is ISO in English (as it
always was) and "1 november 2026" in Dutch; a decimal number takes a
decimal comma in Dutch.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from decimal import Decimal
from itertools import islice
from typing import TYPE_CHECKING

from raci.analysis.analysis import KIND_LABELS
from raci.i18n import (
    ENGLISH,
    LOCALE_DIR_VARIABLE,
    _,
    current_language,
    format_count,
    format_date,
    ngettext,
    speaking_english,
)
from raci.text import Markdown, markdown_escaped
from raci.vocabulary import KIND_NAMES, capitalised

if TYPE_CHECKING:
    from raci.analysis import Analysis

Value = str | int | float | Decimal | dt.date
"""What a template's placeholder is filled with (a `Message`, `Joined` or
`Named` is a `str`)."""

SAID_LABELS = {kind: f"{word} '{{name}}' ({{id}})" for kind, word in KIND_NAMES.english.items()}
"""How people read an entity of each kind: ``goal 'CO2 -55%' (g.co2)`` (a
message that starts with it capitalises it); msgids of the domain ``rules``."""
SAID_NAMELESS = {kind: f"{word} {{id}}" for kind, word in KIND_NAMES.english.items()}
"""How people read an entity of each kind that has no name of its own: ``goal g.co2``."""


class Message(str):
    """English text that can be said again for people: a template (a msgid
    of the domain ``rules``, with ``{named}`` placeholders and optionally a
    plural form) and the values it is filled with."""

    __slots__ = ("number", "plural", "said_ahead", "template", "values")

    template: str
    plural: str | None
    number: int
    """The number that decides between the template and its plural."""
    values: Mapping[str, Value]
    said_ahead: tuple[Forms, str] | None
    """The message said as a sentence in a language (whose forms it was
    said with) before an output asked for it (`say_ahead`), else None."""

    def __new__(cls, template: str, values: Mapping[str, Value], plural: str | None = None,
                number: int = 1) -> Message:
        return _message(cls, template, values, plural, number)

    def __reduce__(self) -> tuple[object, ...]:
        return Message, (self.template, self.values, self.plural, self.number)

    def localized(self) -> str:
        """The message for people, in the current language, as a sentence:
        an entity it starts with starts with a capital (``Goal 'CO2 -55%'
        (g.co2) has ...``)."""
        return self.spoken_in(_forms(), True)

    def spoken(self, starts: bool = False) -> str:
        """The message for people, in the current language; `starts`: it
        starts a sentence."""
        return self.spoken_in(_forms(), starts)

    def spoken_in(self, forms: Forms, starts: bool) -> str:
        """`spoken`, with the forms of the current language in hand: the
        template's form looked up there once, each value said (an id, the
        common value, as it is; an entity named, the next most common, said
        by itself: a tenth of a text output of tens of thousands)."""
        plural = self.plural
        found = forms.get(self.template) if plural is None else None
        form, first = found or _said_form(self.template, plural, self.number, False, forms)
        leading = first if starts else None
        values: dict[str, object] = {}
        for name, value in self.values.items():
            kind = type(value)
            if kind is str:
                values[name] = value
            elif kind is Named:
                values[name] = value.spoken_in(forms, name == leading)  # type: ignore[union-attr]
            else:
                values[name] = _said(value, forms, name == leading)
        return form.format_map(values)


class Joined(str):
    """Parts said one after the other with a separator between them, each
    said for people: ``sg, pb``, ``a -> b -> a``."""

    __slots__ = ("parts", "separator")

    parts: tuple[Value, ...]
    separator: str

    def __new__(cls, parts: Iterable[Value], separator: str = ", ") -> Joined:
        listed = tuple(parts)
        self = super().__new__(cls, separator.join(map(str, listed)))
        self.parts, self.separator = listed, separator
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return Joined, (self.parts, self.separator)

    def spoken(self, starts: bool = False) -> str:
        return self.spoken_in(_forms(), starts)

    def spoken_in(self, forms: Forms, starts: bool) -> str:
        """`spoken`, with the forms of the current language in hand."""
        return self.separator.join(format(_said(part, forms, starts and number == 0))
                                   for number, part in enumerate(self.parts))


class Named(str):
    """An entity a message names. The English text keeps it as it always
    did: by its id (``dg-ke``) or, given its kind, by kind, id and name
    (``Goal g.co2 'CO2 -55%'``). People read it name first, the id in
    brackets: ``DG Klimaat (dg-ke)``, ``goal 'CO2 -55%' (g.co2)`` (``doel
    'CO2 -55%' (g.co2)``); by its id alone when it has no name of its own
    (none, or its id)."""

    __slots__ = ("id", "kind", "name")

    id: str
    name: str | None
    kind: str | None

    def __new__(cls, entity_id: str, name: str | None = None, kind: str | None = None) -> Named:
        return _named(cls, entity_id, name, kind)

    def __reduce__(self) -> tuple[object, ...]:
        return Named, (self.id, self.name, self.kind)

    def spoken(self, starts: bool = False) -> str:
        """`starts`: it starts a sentence, so its kind has a capital."""
        return self.spoken_in(_forms(), starts)

    def spoken_in(self, forms: Forms, starts: bool) -> str:
        """`spoken`, with the forms of the current language in hand."""
        name, kind = self.name, self.kind
        nameless = not name or name == self.id
        if kind is None:
            return self.id if nameless else f"{name} ({self.id})"
        found = forms.get((kind, nameless, starts))
        if found is None:
            label = (SAID_NAMELESS if nameless else SAID_LABELS)[kind]
            found = forms[kind, nameless, starts] = _said_form(label, None, 1, starts, forms)
        return found[0].format_map({"id": self.id, "name": name})


_new_text = str.__new__


def _message(cls: type[Message], template: str, values: Mapping[str, Value],
             plural: str | None, number: int) -> Message:
    """A `Message` (or one of a subclass `cls`); `said` makes one without
    calling the class, which costs a third of making one, and a rule may
    say tens of thousands (OWN001 on a model that records no Accountables)."""
    english = template if plural is None or number == 1 else plural
    self: Message = _new_text(cls, english.format_map(values))
    self.template, self.plural, self.number, self.values = template, plural, number, values
    self.said_ahead = None
    return self


def _named(cls: type[Named], entity_id: str, name: str | None, kind: str | None) -> Named:
    """A `Named` (or one of a subclass `cls`), made as `_message` makes a message."""
    # The English text names it by kind, id and name: ``Goal g.co2 'CO2 -55%'``.
    text = entity_id if kind is None else f"{KIND_LABELS[kind]} {entity_id} '{name}'"
    self: Named = _new_text(cls, text)
    self.id, self.name, self.kind = entity_id, name, kind
    return self


class _DecimalComma:
    """A number formatted as English formats it, with a decimal comma."""

    def __init__(self, number: float | Decimal) -> None:
        self.number = number

    def __format__(self, spec: str) -> str:
        return format(self.number, spec).replace(".", ",")


_LEADING = re.compile(r"\{(\w+)[}!:]")
"""A template that starts with a placeholder, and its name."""
Forms = dict[object, tuple[str, str | None]]
"""The forms of one language said so far (`_said_form`), and the name of
the placeholder each starts with: by template alone for the common
template with no plural and no capital; else by template, plural, number
and capital; an entity's label by its kind, namelessness and capital."""
_SAID_FORMS: dict[tuple[str, str | None], Forms] = {}
"""The forms of each language (and folder of catalogues) said so far:
every finding says a template again."""


def _forms() -> Forms:
    """The forms said so far in the current language (and folder of catalogues)."""
    language = current_language()
    key = (language, None if language == ENGLISH else os.environ.get(LOCALE_DIR_VARIABLE))
    forms = _SAID_FORMS.get(key)
    if forms is None:
        forms = _SAID_FORMS[key] = {}
    return forms


def _said_form(template: str, plural: str | None, number: int, capital: bool = False,
               forms: Forms | None = None) -> tuple[str, str | None]:
    """The form of a template (and its plural) that `number` takes in the
    current language, with a capital first letter if `capital`; and the name
    of the placeholder it starts with, if any. Looked up in the catalogue
    once per language (and folder of catalogues) and template; `forms`:
    those of the current language, when in hand."""
    forms = _forms() if forms is None else forms
    plain = plural is None and not capital
    key: object = template if plain else (template, plural, 1 if plural is None else number,
                                          capital)
    found = forms.get(key)
    if found is None:
        if speaking_english():
            form = template if plural is None or number == 1 else plural
        elif plural is None:
            form = _(template, domain="rules")
        else:
            form = ngettext(template, plural, number, domain="rules")
        form = capitalised(form) if capital else form
        first = _LEADING.match(form)
        found = forms[key] = (form, first[1] if first else None)
    return found

_SAID_EXACTLY = (Message, Joined, Named)
"""The values said for people whose class says them itself: these three
exactly (a subclass, such as a remedy's body kind, says itself its own way)."""


def _said(value: Value, forms: Forms, starts: bool = False) -> object:
    """A value as people read it in the current language (whose `forms` are
    in hand); `starts`: it starts a sentence."""
    kind = type(value)
    if kind is str:  # an id: the common case
        return value
    if kind in _SAID_EXACTLY:
        return value.spoken_in(forms, starts)  # type: ignore[union-attr]
    if kind is int:  # not a bool
        return format_count(value)  # type: ignore[arg-type]
    if isinstance(value, _SAID_EXACTLY):  # a subclass says itself its own way
        return value.spoken(starts)
    if isinstance(value, str) or speaking_english():
        return value
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, float | Decimal):
        return _DecimalComma(value)
    return value


def speaker() -> Callable[[str], str]:
    """`localized` for many messages in a row (an output's findings): the
    forms of the current language found once."""
    forms = _forms()

    def say(message: str) -> str:
        if type(message) is Message:
            ahead = message.said_ahead
            if ahead is not None and ahead[0] is forms:
                return ahead[1]
            return message.spoken_in(forms, True)
        return localized(message)

    return say


def say_ahead(messages: Iterable[str]) -> None:
    """Say each message as a sentence in the current language now, for a
    `speaker` later: `raci lint` says OWN001's tens of thousands while the
    forked copy still checks its rules (`raci.lint.split`), rather than
    after every rule, on one core."""
    forms = _forms()
    for message in messages:
        if type(message) is Message:
            message.said_ahead = (forms, message.spoken_in(forms, True))


def markdown_speaker() -> Callable[[str], Markdown]:
    """`speaker` for Markdown: each value a message is filled with (names,
    ids) escaped (`markdown_escaped`), so that "R&D *kern*" shows as written,
    not as emphasis, while the message's own Markdown (`chairs` as code)
    stays; text that is no message said (one read from JSON) is escaped whole."""
    say = speaker()

    def say_markdown(message: str) -> Markdown:
        if isinstance(message, Message | Joined | Named):
            escaped = _escaped(message)
            assert isinstance(escaped, str)  # a message, a list or a name again
            return Markdown(say(escaped))
        return Markdown(markdown_escaped(message))

    return say_markdown


def markdown_said(message: str) -> Markdown:
    """A message for people as Markdown (`markdown_speaker`)."""
    return markdown_speaker()(message)


_ESCAPED = (str, *_SAID_EXACTLY)
"""The values `_escaped` escapes: ids, and the classes that hold names, exactly."""


def _escaped(value: Value) -> Value:
    """A value with the user's text in it escaped for Markdown: a name and
    id, an id, each part of a list, each value of a message but those the
    template shows as code (Markdown shows a code span as written, backslash
    and all)."""
    if type(value) not in _ESCAPED:
        return value  # a number, a date, or raci's own words (a remedy's body kind)
    if isinstance(value, Message):
        coded = _coded(value.template)
        return _message(Message, value.template,
                        {name: part if name in coded else _escaped(part)
                         for name, part in value.values.items()}, value.plural, value.number)
    if isinstance(value, Joined):
        return Joined(map(_escaped, value.parts), value.separator)
    if isinstance(value, Named):
        return _named(Named, markdown_escaped(value.id),
                      value.name and markdown_escaped(value.name), value.kind)
    return markdown_escaped(value) if isinstance(value, str) else value


_CODE_SPAN = re.compile(r"`[^`]*`")
_PLACEHOLDER = re.compile(r"\{(\w+)")


def _coded(template: str) -> set[str]:
    """The placeholders a template shows as code: ``fact`` in "add `{fact}`"."""
    return {name for span in _CODE_SPAN.findall(template) for name in _PLACEHOLDER.findall(span)}


def said(template: str, /, **values: Value) -> Message:
    """A message from its English template and the values of its placeholders."""
    return _message(Message, template, values, None, 1)


def said_n(singular: str, plural: str, count: int, /, **values: Value) -> Message:
    """A message whose form `count` decides (the count is one of the values
    only when passed as one)."""
    return _message(Message, singular, values, plural, count)


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
    """What a person is shown: a `Message` in the current language, names
    first; any other text (a message read from JSON, say) as it is."""
    if isinstance(message, Message):
        return message.localized()
    return message.spoken() if isinstance(message, Joined | Named) else message


def label(analysis: Analysis, entity_id: str) -> Named:
    """An entity as a message names it with its kind: ``Goal g.co2 'CO2
    -55%'`` in English text, ``Goal 'CO2 -55%' (g.co2)`` for people; an id
    the model does not know, by its id."""
    model = analysis.model
    kind = model.kinds.get(entity_id)
    if kind is None:
        return _named(Named, entity_id, None, None)
    return _named(Named, entity_id, model.collection(kind)[entity_id].name, kind)


def named(analysis: Analysis, entity_id: str) -> Named:
    """An entity as a message lists it: ``dg-ke`` in English text, ``DG
    Klimaat (dg-ke)`` for people."""
    entity = analysis.model.get(entity_id)
    return _named(Named, entity_id, None if entity is None else entity.name, None)


def listed(analysis: Analysis, entity_ids: Collection[str]) -> Joined | Message:
    """Entities as a message lists them, in the order given: ``dg-ke,
    sg-klimaat`` in English text, ``DG Klimaat (dg-ke), Stuurgroep Klimaat
    (sg-klimaat)`` for people; at most `MOST_LISTED` (`at_most`)."""
    return at_most((named(analysis, entity_id) for entity_id in entity_ids), len(entity_ids))


MOST_LISTED = 10
"""A message names at most this many entities of a list (or members of a
cycle), then says how many more, as BOD001 names its ten most alike pairs:
a finding about hundreds stays a line someone can read, while its targets
and `related` keep them all."""


def at_most(parts: Iterable[Value], count: int, separator: str = ", ") -> Joined | Message:
    """`count` parts said one after the other (``a, b, c``); of more than
    `MOST_LISTED`, the first ones and how many more (``a, b, … j and 290
    more``), `parts` read no further."""
    return _and_more(Joined(islice(parts, MOST_LISTED), separator), count - MOST_LISTED)


def cycle_path(analysis: Analysis, walk: Iterable[str], count: int) -> Joined | Message:
    """A walk round a cycle of `count` members, back to where it started:
    ``Body b.a 'BA' -> Role r.a 'A' -> b.a``, each member labelled where the
    walk first passes it and by its id where it passes it again; up to its
    `MOST_LISTED`-th member, then how many more, `walk` read no further."""
    passed: set[str] = set()
    steps: list[Value] = []
    for member in walk:
        if member in passed:
            steps.append(member)
        elif len(passed) == MOST_LISTED:
            break
        else:
            passed.add(member)
            steps.append(label(analysis, member))
    return _and_more(Joined(steps, " -> "), count - len(passed))


def _and_more(shown: Joined, more: int) -> Joined | Message:
    """The parts shown, and how many `more` there are if any."""
    return said("{ids} and {count} more", ids=shown, count=more) if more > 0 else shown
