"""A rule's documentation as data, parsed once from its check's docstring.

The docstring is the rule's prose, in a fixed shape (ruff's rule docs and
yamllint's are the anchors); what the rule declares in code (its level,
parameters with their defaults and bounds, what it looks at, whether it
can be waived) is taken from the `Rule`, never written twice::

    <what it finds, in one line>

    <what it finds, in more words: any paragraphs>

    Looks at: <what a finding is about>      (required when the rule looks
                                              at the whole model or the waivers)
    Why it matters: <paragraph>
    How to fix: <paragraph>
    Suggested: <what `raci lint --suggest` offers>   (or "No suggestion:
                                              <why the model cannot say>")
    Parameters:
    - `name`: <what it sets>                 (one line per parameter)
    Reading: <how raci reads the rule where its definition leaves a choice>
    Waiving: <more about waiving, or why it cannot be waived>
    Message:

        <each form of the message, one a line (a line indented further goes
          on with the one above): `{what}` varies, `[...]` may be absent>

    Failing (max_responsible = 2, as of 2026-11-01):

        <a model file but for its `raci: 1` and `org` lines>

    Passing:

        <the same model, fixed>

Sections come in that order; every rule has "Why it matters", "How to
fix", "Message" and at least one failing and one passing example (which
the tests run). `rule_doc` parses a rule's docstring the first time it is
asked for and keeps the result.

The docstring is English; `rule_doc` gives the documentation in the current
language, each paragraph, parameter meaning and message shape translated
through the gettext domain ``rules`` (examples are models: they stay as
they are, but for the name of their `org`, text a person writes). SARIF and
`raci rules --format json` ask for English.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from raci.i18n import catalogue_dir, current_language, speaking_english
from raci.lint.config import allowed_values
from raci.lint.message import translated
from raci.lint.rule import WAIVERS, WHOLE_MODEL, ParamValue, Rule, param_text

SECTIONS = ("Looks at", "Why it matters", "How to fix", "Suggested", "Parameters", "Reading",
            "Waiving", "Message", "Failing", "Passing")
REQUIRED = ("Why it matters", "How to fix", "Message", "Failing", "Passing")
REPEATABLE = ("Failing", "Passing")
INDENTED = ("Message", *REPEATABLE)
"""The sections whose text is an indented block (kept as it is written)."""
_HEADING = re.compile(rf"({'|'.join(SECTIONS)})(?: \(([^)]*)\))?:(?: |\n|$)")
NO_SUGGESTION = "No suggestion: "
"""How a rule without a suggestion says why, in its "Suggested" place."""
_SETTING = re.compile(r"as of (?P<date>\d{4}-\d\d-\d\d)|(?P<name>\w+) = (?P<value>\[[^]]*]|[^,]+)")
_PARAMETER = re.compile(r"- `(\w+)`: ")
EXAMPLE_ORG = "Example"
"""The `org.name` an example model is given, in English; a fragment with an
`org` of its own names it so too."""


def example_org() -> str:
    """`EXAMPLE_ORG` in the reader's language."""
    return translated("Example")


class RuleDocError(ValueError):
    """A rule's docstring does not have the shape `raci.lint.ruledoc` reads."""


@dataclass(frozen=True)
class Parameter:
    name: str
    default: ParamValue
    allowed: str
    """The values it takes, as the configuration check words them:
    ``a whole number (at least 0)``."""
    meaning: str


@dataclass(frozen=True)
class Example:
    fails: bool
    """A failing example gives a finding of the rule; a passing one none."""
    fragment: str
    """The model as the docstring writes it: without `raci: 1`, and without
    `org` unless it needs one of its own."""
    params: dict[str, ParamValue]
    """The rule's parameters it is read with, besides the defaults."""
    as_of: dt.date | None

    @property
    def model_text(self) -> str:
        """The whole model file: the fragment after `raci: 1` and an `org`
        named in the reader's language."""
        own_org = f"org: {{name: {EXAMPLE_ORG}"
        named = f"org: {{name: {example_org()}"
        if re.search(r"^org:", self.fragment, re.M):
            return f"raci: 1\n{self.fragment.replace(own_org, named, 1)}"
        as_of = f", as_of: {self.as_of.isoformat()}" if self.as_of else ""
        return f"raci: 1\n{named}{as_of}}}\n{self.fragment}"

    def configuration(self, code: str) -> str:
        """The `raci.toml` the example of rule `code` is read with: the
        rule's table with the example's parameters (empty when it sets none)."""
        if not self.params:
            return ""
        settings = [f"{name} = {param_text(value)}" for name, value in self.params.items()]
        return "\n".join([f"[raci.rules.{code}]", *settings])


@dataclass(frozen=True)
class RuleDoc:
    """Everything the documentation says about one rule, in one place."""

    code: str
    name: str
    group: str
    level: str
    summary: str
    description: str
    """What it finds, in more words than the summary (may be empty)."""
    looks_at: str
    why: str
    fix: str
    suggested: str
    """What `raci lint --suggest` offers, or why it offers nothing
    ("No suggestion: ..."); empty when the docstring does not say."""
    parameters: tuple[Parameter, ...]
    reading: str
    """How raci reads the rule where its definition leaves a choice (may be empty)."""
    messages: tuple[str, ...]
    """Each form of the message: ``{what}`` a part that varies, ``[...]`` a
    part that may be absent."""
    waivable: bool
    waiving: str
    """How to waive a finding, or why it cannot be waived."""
    examples: tuple[Example, ...]

    @property
    def dotted_name(self) -> str:
        return f"{self.group}.{self.name}"

    def configuration(self) -> str:
        """The rule's table in `raci.toml`, with every setting at its default."""
        lines = [f"[raci.rules.{self.code}]",
                 f'level = "{self.level}"  # ' + translated("error, warning, info or off")]
        lines += [f"{p.name} = {param_text(p.default)}" for p in self.parameters]
        return "\n".join(lines)


_PARSED: dict[str, RuleDoc] = {}
_TRANSLATED: dict[tuple[str, str, Path], RuleDoc] = {}


def rule_doc(rule: Rule, *, english: bool = False) -> RuleDoc:
    """The rule's documentation in the current language (in English when
    `english`), parsed from its docstring the first time."""
    if rule.code not in _PARSED:
        _PARSED[rule.code] = parse_rule_doc(rule)
    if english or speaking_english():
        return _PARSED[rule.code]
    # as gettext keeps a catalogue: by its file
    key = (rule.code, current_language(), catalogue_dir())
    if key not in _TRANSLATED:
        _TRANSLATED[key] = translated_doc(_PARSED[rule.code])
    return _TRANSLATED[key]


def translated_doc(doc: RuleDoc) -> RuleDoc:
    """The documentation in the current language: each paragraph of its prose,
    each parameter's meaning and values, and each message shape translated."""
    parameters = tuple(replace(p, allowed=translated(p.allowed), meaning=translated(p.meaning))
                       for p in doc.parameters)
    return replace(doc, summary=translated(doc.summary), description=_paragraphs(doc.description),
                   looks_at=_paragraphs(doc.looks_at), why=_paragraphs(doc.why),
                   fix=_paragraphs(doc.fix), suggested=_paragraphs(doc.suggested),
                   parameters=parameters, reading=_paragraphs(doc.reading),
                   messages=tuple(map(translated, doc.messages)),
                   waiving=_paragraphs(doc.waiving))


def _paragraphs(text: str) -> str:
    return "\n\n".join(translated(paragraph) for paragraph in paragraphs(text))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a section's prose (each one a msgid of the domain
    ``rules``); none for an empty section."""
    return text.split("\n\n") if text else []


def doc_texts(doc: RuleDoc) -> list[str]:
    """Every text of the documentation a translation needs, in its order."""
    return [doc.summary, *paragraphs(doc.description), *paragraphs(doc.looks_at),
            *paragraphs(doc.why), *paragraphs(doc.fix), *paragraphs(doc.suggested),
            *(text for p in doc.parameters for text in (p.allowed, p.meaning)),
            *paragraphs(doc.reading), *paragraphs(doc.waiving), *doc.messages]


def parse_rule_doc(rule: Rule) -> RuleDoc:
    """Read the docstring's sections; RuleDocError when it is not in shape."""
    description, sections = _sections(rule, rule.doc.split("\n\n")[1:])
    prose = {name: _prose(parts) for name, _, parts in sections if name not in INDENTED}
    (message,) = (_indented(rule, name, parts) for name, _, parts in sections
                  if name == "Message")
    return RuleDoc(
        rule.code, rule.name, rule.group, rule.level, rule.summary, _prose(description),
        prose.get("Looks at") or _looks_at(rule), prose["Why it matters"], prose["How to fix"],
        prose.get("Suggested", ""), _parameters(rule, prose.get("Parameters", "")),
        prose.get("Reading", ""),
        _messages(message), rule.waivable, _waiving(rule, prose.get("Waiving", "")),
        tuple(_example(rule, name, settings, parts) for name, settings, parts in sections
              if name in REPEATABLE))


def _prose(paragraphs: list[str]) -> str:
    """Paragraphs as one line each (but a table's or a list's lines), the
    first letter a capital (it followed a heading and a colon)."""
    text = "\n\n".join(
        paragraph.strip() if paragraph.lstrip().startswith(("|", "- "))
        else " ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip())
    return text[:1].upper() + text[1:]


Section = tuple[str, str | None, list[str]]
"""(heading, its settings in brackets or None, its paragraphs)."""


def _sections(rule: Rule, paragraphs: list[str]) -> tuple[list[str], list[Section]]:
    """The description's paragraphs, and each section's, checked for order."""
    description: list[str] = []
    sections: list[Section] = []
    for paragraph in paragraphs:
        heading = _HEADING.match(paragraph)
        if paragraph.startswith(NO_SUGGESTION):
            sections.append(("Suggested", None, [paragraph]))
        elif heading is not None:
            sections.append((heading[1], heading[2], [paragraph[heading.end():]]))
        elif sections:
            sections[-1][2].append(paragraph)
        else:
            description.append(paragraph)
    names = [name for name, _, _ in sections]
    order = [SECTIONS.index(name) for name in names]
    if order != sorted(order) or any(names.count(n) > 1 for n in names if n not in REPEATABLE):
        raise RuleDocError(f"{rule.code}: sections out of order or repeated: {', '.join(names)}; "
                           f"they go in this order: {', '.join(SECTIONS)}")
    missing = [name for name in REQUIRED if name not in names]
    if rule.scope in (WHOLE_MODEL, WAIVERS) and "Looks at" not in names:
        missing.append("Looks at")
    if missing:
        raise RuleDocError(f"{rule.code}: no {', '.join(missing)} section")
    if any(settings is not None for name, settings, _ in sections if name not in REPEATABLE):
        raise RuleDocError(f"{rule.code}: only examples take settings in brackets")
    return description, sections


def _messages(block: str) -> tuple[str, ...]:
    """Each message shape of the block; a line indented further continues
    the shape above it (after a space)."""
    return tuple(re.sub(r"\n\s+", " ", block).splitlines())


def _looks_at(rule: Rule) -> str:
    """What a rule that checks one kind of subject at a time looks at."""
    return f"Each {rule.scope.name}; each finding is about one of them, its only target."


def _parameters(rule: Rule, text: str) -> tuple[Parameter, ...]:
    """Each parameter the rule declares, with the meaning the docstring gives it."""
    meanings = dict(_listed(rule, text))
    if list(meanings) != list(rule.params):
        raise RuleDocError(f"{rule.code}: the Parameters section names {list(meanings)}; "
                           f"the rule has {list(rule.params)}, in that order")
    return tuple(Parameter(name, default, allowed_values(rule, name), meanings[name])
                 for name, default in rule.params.items())


def _listed(rule: Rule, text: str) -> Iterator[tuple[str, str]]:
    """(name, meaning) of each ``- `name`: meaning`` item, over one or more lines."""
    for item in re.split(r"\n(?=- )", text) if text else ():
        found = _PARAMETER.match(item)
        if found is None:
            raise RuleDocError(f"{rule.code}: a parameter is listed as - `name`: what it sets; "
                               f"not {item!r}")
        yield found[1], " ".join(item[found.end():].split())


def _waiving(rule: Rule, text: str) -> str:
    """Whether and how a finding is waived, and what the docstring adds."""
    if rule.waivable:
        said = ("A waiver in the model's `waivers` silences the findings whose targets "
                "are its `target`; a single id also silences every finding that includes "
                "it. Give a `reason` and, preferably, an `expires` date.")
    else:
        said = f"{rule.code} cannot be waived; a waiver of it is reported by WAI002."
    return f"{said}\n\n{text}" if text else said


def _indented(rule: Rule, what: str, parts: list[str]) -> str:
    """The indented block after a heading and a blank line, dedented."""
    block = textwrap.dedent("\n\n".join(part for part in parts if part.strip())).strip()
    if parts[0].strip() or not block:
        raise RuleDocError(f"{rule.code}: a {what} is an indented block after its heading "
                           "and a blank line")
    return block


def _example(rule: Rule, name: str, settings: str | None, parts: list[str]) -> Example:
    params: dict[str, ParamValue] = {}
    as_of = None
    for found in _SETTING.finditer(settings or ""):
        if found["date"]:
            as_of = dt.date.fromisoformat(found["date"])
        elif found["name"] in rule.params:
            value = tomllib.loads(f"value = {found['value']}")["value"]
            params[found["name"]] = tuple(value) if isinstance(value, list) else value
        else:
            raise RuleDocError(f"{rule.code}: an example sets {found['name']!r}, which is not "
                               "one of its parameters")
    if not re.fullmatch(r"(, )*", _SETTING.sub("", settings or "")):
        raise RuleDocError(f"{rule.code}: an example's settings are `name = value` or "
                           f"`as of YYYY-MM-DD`, separated by commas; not {settings!r}")
    fragment = _indented(rule, f"{name} example", parts)
    if as_of is not None and re.search(r"^org:", fragment, re.M):
        raise RuleDocError(f"{rule.code}: an example with an org of its own gives its as_of there")
    return Example(name == "Failing", fragment + "\n", params, as_of)
