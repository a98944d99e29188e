"""A pseudo-language that finds untranslated text: every translation is its
English text between markers, so any word a test reads outside the markers
was never translated (unless it is the model's own data).

The API (stable: other tests import it):

- `pseudo_catalogues(folder)` writes compiled catalogues of both domains
  (``raci`` and ``rules``) under `folder` as language ``nl``: each msgstr is
  its msgid (each plural form its own) with the literal text between
  `OPEN` and `CLOSE` and each placeholder left outside them, so that a value
  filled in (an id, a name, or an English text that should have been
  translated) stands outside the markers; so does a usage placeholder
  (``KIND``) that a command's help names. Returns `folder`.
- `speak_pseudo(monkeypatch, folder)` makes raci read those catalogues for
  ``nl`` (through ``RACI_LOCALE_DIR``, so a subprocess inherits it too) and
  speak it in process; the command line then speaks it with ``--lang nl``.
  The pytest fixture `pseudo` in `tests/conftest.py` does both per test.
- `leftover(text, data=())` returns the words of `text` outside the markers
  that are not data: each one a text that was never translated. Data are
  `data` (the model's own words: `model_words`; file paths, ...), the
  identifiers that stay English in every language (`identifiers()`: rule
  codes and names, levels, body kinds, the letters R/A/C/I, the command
  line's commands, options and choices), words with a digit (numbers,
  dates, fingerprints), Dutch month names (Babel writes dates), code shown
  as it is (a fenced block: a model, a configuration; a template's
  placeholder by name, ``{item}``; click's range ``x>=0``; ``&gt;``), a
  translated text cut short before its closing marker, and lines that are
  command lines (an example: ``raci lint x``, ``cat x | raci lint -``).
- `model_words(model)` every text the model holds: ids, names,
  descriptions, field values, waivers' reasons.

Strict on purpose: a word of English that no catalogue produced is a
leftover, however short (``a``, ``of``), and ``⟦…⟧`` never contains a value.
"""

from __future__ import annotations

import dataclasses
import os
import re
import string
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.dates import get_month_names
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from raci.i18n import DOMAINS, LOCALE_DIR, LOCALE_DIR_VARIABLE, set_language

OPEN, CLOSE = "⟦", "⟧"
LANGUAGE = "nl"
"""The language the pseudo-catalogues stand in for (raci speaks only en and nl)."""
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_CODE = re.compile(r"^```.*?^```|\{[a-z_]+\}|(?:[\d.]+<=?)?\bx[<>]=?[\d.]+|&(?:gt|lt|amp);",
                   re.M | re.S)
"""What a text shows as it is: a fenced block (a model, a configuration), a
template's placeholder shown by name (``{item}``), click's range
(``1<=x<=65535``), an HTML entity (``-&gt;``)."""
_CUT = re.compile(f"{OPEN}[^\n]*$", re.M)
"""A translated text cut short before its closing marker (a command's help
shortened to its first sentence in a list of commands)."""
USAGE_PLACEHOLDER = "usage placeholder"
"""How the catalogue marks a word of the command line's usage placeholders
(``KIND``); a command's or option's help (marked with where it shows,
``raci add --help``) that names one is left with it outside the markers, so
the help must say it in the language as the usage line does."""
KEYS = ("the key that answers yes",)
"""The contexts of keys said in the user's language: a key is pressed, not
read, so the pseudo-language keeps it (and `identifiers` holds it)."""
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[a-zA-Z%]")


def pseudo_text(message: str, brace: bool, percent: bool,
                usage: frozenset[str] = frozenset()) -> str:
    """`message` with its literal text marked and its placeholders outside:
    template fields, and the `usage` placeholders a help text names (``KIND``)."""
    if usage:
        words = re.split(rf"\b({'|'.join(sorted(usage))})\b", message)
        return "".join(word if n % 2 else pseudo_text(word, brace, percent)
                       for n, word in enumerate(words))
    if brace:
        try:
            parts = list(string.Formatter().parse(message))
        except ValueError:
            return _mark(message)
        return "".join(_mark(_escape(literal)) + _field(name, spec, conversion)
                       for literal, name, spec, conversion in parts)
    if percent:
        pieces = _PERCENT.split(message)
        fields = _PERCENT.findall(message)
        return "".join(_mark(piece) + (fields[n] if n < len(fields) else "")
                       for n, piece in enumerate(pieces))
    return _mark(message)


def _mark(text: str) -> str:
    """Mark the words of `text`; its leading and trailing spaces stay outside."""
    if not text.strip():
        return text
    stripped = text.strip()
    start = text.index(stripped)
    return f"{text[:start]}{OPEN}{stripped}{CLOSE}{text[start + len(stripped):]}"


def _escape(literal: str) -> str:
    return literal.replace("{", "{{").replace("}", "}}")


def _field(name: str | None, spec: str | None, conversion: str | None) -> str:
    if name is None:
        return ""
    converted = f"!{conversion}" if conversion else ""
    return "{" + name + converted + (f":{spec}" if spec else "") + "}"


def pseudo_catalogue(domain: str) -> Catalog:
    """The pseudo-translation of `domain`: the Dutch catalogue's msgids
    (which the tests hold complete) each translated into its marked self."""
    with (LOCALE_DIR / LANGUAGE / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
        dutch = read_po(po, locale=LANGUAGE, domain=domain)
    pseudo = Catalog(locale=LANGUAGE, domain=domain, fuzzy=False)
    usage = frozenset(m.id for m in dutch
                      if isinstance(m.id, str) and USAGE_PLACEHOLDER in m.auto_comments)
    for message in dutch:
        if not message.id:
            continue
        brace = "python-brace-format" in message.flags
        percent = "python-format" in message.flags
        ids = tuple(message.id) if isinstance(message.id, tuple | list) else (message.id,)
        named = usage if any(c.startswith("raci ") for c in message.auto_comments) else frozenset()
        forms = ids if message.context in KEYS else tuple(
            pseudo_text(form, brace, percent, named) for form in ids)
        pseudo.add(message.id, forms if len(ids) > 1 else forms[0],
                   flags=message.flags, context=message.context)
    return pseudo


def pseudo_catalogues(folder: Path) -> Path:
    """Write the compiled pseudo-catalogues of both domains under `folder`."""
    target = folder / LANGUAGE / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    for domain in DOMAINS:
        with (target / f"{domain}.mo").open("wb") as compiled:
            write_mo(compiled, pseudo_catalogue(domain))
    return folder


def speak_pseudo(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Have raci read the pseudo-catalogues in `folder` for ``nl`` and speak it."""
    monkeypatch.setenv(LOCALE_DIR_VARIABLE, str(folder))
    set_language(LANGUAGE)


# ---- finding what was not translated ---------------------------------------------


def leftover(text: str, data: Iterable[str] = ()) -> list[str]:
    """The words of `text` outside the markers that are neither `data` nor
    `IDENTIFIERS` (see the module): each one was never translated."""
    rest = "\n".join(_markers_of(line) if _command_line(line) else line
                     for line in _CODE.sub(" ", text).splitlines())
    while (unmarked := _MARKED.sub(" ", rest)) != rest:
        rest = unmarked
    rest = _CUT.sub(" ", rest)
    for word in sorted({*data, *identifiers()} - {""}, key=len, reverse=True):
        # Only a word the text holds: re keeps 512 patterns, and compiling one
        # for each of a thousand words took half the app walk's time.
        if word in rest:
            rest = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", rest)
    return [word for word in re.findall(r"\w+", rest)
            if not any(c.isdigit() for c in word) and word not in _months()]


def _markers_of(line: str) -> str:
    """Only the markers of `line` (a command line can end a translated text)."""
    return re.sub(f"[^{OPEN}{CLOSE}]", "", line)


def _command_line(line: str) -> bool:
    """An example's command line: ``raci lint org.yaml``, ``cat x | raci lint -``."""
    return bool(re.match(r"\s*(\$ )?([^|]*\| )?raci ", line))


@cache
def _months() -> frozenset[str]:
    return frozenset(get_month_names("wide", locale=LANGUAGE).values())


@cache
def identifiers() -> frozenset[str]:
    """What stays English in every language: rule codes, names, groups and
    parameters, levels, body-kind values, the letters, the keys that answer a
    question (y, n), the program's, commands', options' and choices' names."""
    from raci.lint.findings import LEVELS
    from raci.lint.rules import RULES
    from raci.model import BODY_KINDS
    from raci.tui.widgets.confirm import NO, YES

    words = {"raci", "R", "A", "C", "I", "A/R", *LEVELS, *BODY_KINDS, YES, NO}
    for rule in RULES:
        words |= {rule.code, rule.name, rule.group, f"{rule.group}.{rule.name}", *rule.params}
    return frozenset(words | set(_command_words()))


def _command_words() -> Iterator[str]:
    import click

    from raci.cli import cli
    from raci.cli.language import subcommands

    def walk(command: click.Command) -> Iterator[str]:
        if command.name:
            yield command.name
        for param in command.params:
            yield from param.opts
            yield from param.secondary_opts
            if isinstance(param.type, click.Choice):
                yield from map(str, param.type.choices)
        if isinstance(command, click.Group):
            for sub in subcommands(command).values():
                yield from walk(sub)

    yield from walk(cli)
    yield from ("-h", "--help", "--version")


def model_words(model: Any) -> set[str]:
    """Every text a model holds: each entity's id, name, description and
    other field values, the organisation's, the waivers' reasons."""
    words: set[str] = set()
    for thing in [model.org, *model.entities(), *model.waivers]:
        words |= set(_texts(thing))
    return words


def _texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
        yield from value.split()
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _texts(getattr(value, field.name))
    elif isinstance(value, list | tuple | set | frozenset):
        for part in value:
            yield from _texts(part)
    elif isinstance(value, dict):
        for key, part in value.items():
            yield from _texts(key)
            yield from _texts(part)


def file_words(path: Path | str) -> set[str]:
    """A file's path as a text says it, whole and as its name."""
    return {str(path), Path(path).name, os.fspath(Path(path).resolve())}
