"""Parse model file text into plain data, refusing hostile input.

YAML is parsed with `yaml-rs` (about 15 times faster than PyYAML with
libyaml) under the YAML 1.2 core schema: ``yes``/``no``/``on``/``off`` are
strings, only ``true``/``false`` are booleans, and dates are kept as text (a
quoted ``'2026-11-01'`` stays a string; the schema checks date fields).
Where yaml-rs would read a number that YAML 1.2 does not (``1_000``, ``_1``,
``0b101``), PyYAML reads the file under the core schema instead.
Before yaml-rs sees the text, this module refuses what yaml-rs would accept
silently or crash on: characters YAML does not allow (NUL and other binary
junk), anchors and aliases (refused altogether, so no alias bomb can
expand), tags of any kind (``!!python/object``, ``!foo``, also ``!!str``),
directives, duplicate keys, and block nesting deeper than `MAX_DEPTH` (deep
block nesting overflows yaml-rs's stack; it refuses deep flow nesting
itself). A cheap scan finds whether any of those may be present; only then
does PyYAML's event parser, which builds nothing and does not recurse,
decide exactly.

JSON is parsed with the standard library; duplicate keys and the non-JSON
constants NaN and Infinity are refused there too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import yaml
import yaml_rs

from raci.formats.syntax import (
    json_fault,
    json_not_closed,
    placed_elsewhere,
    quote_not_closed,
    yaml_fault,
)
from raci.i18n import N_, Said

MAX_FILE_BYTES = 100 * 1024 * 1024
"""Larger files are refused unread; a national model is about 10 MB."""
MAX_DEPTH = 32
"""A model file nests five levels deep; hostile files nest thousands."""


class ParseFailure(Exception):
    """The text is not a usable model document; `line` and `column` are 1-based."""

    def __init__(self, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


# Characters outside YAML's printable set (YAML 1.2 §5.1).
_NOT_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
# Anchors, aliases, tags and directives start with one of these characters
# where a node may start: first on a line (after indentation and block
# indicators) or after ``:``, ``[``, ``{``, ``,`` or ``?``. Deep nesting needs
# a long run of indentation and indicators at the start of some line. These
# tests may find too much (a quoted "a, *b"), never too little; what they
# find is decided by the exact event scan.
_PROPERTY_START = re.compile(r"[&*!%]")
_NODE_START_BEFORE = re.compile(r"(?:[ \t]|[-?:][ \t]|---[ \t])*|.*[:\[{,?][ \t]*")
_DEEP_LINE = re.compile(r"\n[ \t?:-]{60}")
_YAML_RS_POSITION = re.compile(r"line (\d+), column (\d+)")
_DOCUMENT_START = re.compile(r"^---(?:[ \t]|$)", re.MULTILINE)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_printable(text: str) -> None:
    bad = _NOT_PRINTABLE.search(text)
    if bad is not None:
        line, column = position(text, bad.start())
        raise ParseFailure(line, column, Said(
            N_("character {code} is not allowed; is this a text file? Save it as UTF-8 text"),
            code=f"U+{ord(bad.group()):04X}"))


def parse_yaml(text: str) -> Any:
    """The document's data; raises `ParseFailure` for syntax errors and hostile YAML."""
    text = text.removeprefix("\ufeff")
    check_printable(text)
    misread = _misreads_a_number(text)
    if misread or _may_be_hostile(text):
        _scan_events(text)
    if misread:
        return _load_by_core_schema(text)
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except TypeError:  # yaml-rs cannot hash a list or mapping used as a key
        _scan_events(text)
        raise ParseFailure(1, 1, Said(N_("not plain data; a model file holds plain keys and "
                                         "values"))) from None
    except yaml_rs.YAMLDecodeError as error:
        report = str(error)
        if _YAML_RS_POSITION.search(report) is None:
            _scan_events(text)  # yaml-rs names a duplicate key but not where it is
        raise _yaml_rs_failure(report, text) from None
    if isinstance(data, list) and _DOCUMENT_START.search(text):
        _scan_events(text)  # yaml-rs gives several documents as a list
    return data


# YAML 1.2's core schema: the plain scalars that are numbers.
_CORE_INT = r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
_CORE_FLOAT = (r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
               r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
_CORE_NUMBER = re.compile(f"{_CORE_INT}|{_CORE_FLOAT}")

# yaml-rs also reads as numbers what YAML 1.2 keeps as text: digits with
# underscores (``1_000``, ``_1``, ``1._e5``), binary (``0b101``), signed or
# upper-case octal and hex (``-0x1F``, ``0X1F``) and mixed-case ``.iNf``.
# Each such scalar holds one of these marks; the scalar around a mark is
# then asked of yaml-rs itself. (Three simple patterns, as one pattern of
# three branches takes five times as long on a national model's file.)
_NUMBER_MARKS = (
    re.compile(r"_[-+0-9._eE\s,\]}:#]"), re.compile("0[bBoOxX]"),
    re.compile(r"\.[iInN][nNaA][fFnN]"),
)
_NUMBER_CHARS = frozenset("0123456789abcdefABCDEFxXoOiInN_.+-")
_BEFORE_SCALAR = frozenset(" \t\n[{,:")
_AFTER_SCALAR = re.compile(r"[ \t\r]*(?:\n|$)|[ \t]+#|[ \t]*[,\]}]|:(?:[ \t\r\n]|$)")


def _misreads_a_number(text: str) -> bool:
    """Whether yaml-rs would read some plain scalar of `text` as a number
    that YAML 1.2 reads as text."""
    for marks in _NUMBER_MARKS:
        for mark in marks.finditer(text):
            scalar = _scalar_around(text, mark.start())
            if scalar and not _CORE_NUMBER.fullmatch(scalar) and _yaml_rs_number(scalar):
                return True
    return False


def _scalar_around(text: str, place: int) -> str | None:
    """The plain scalar of number characters around `place`, if it is all of one."""
    start = end = place
    while start and text[start - 1] in _NUMBER_CHARS:
        start -= 1
    while end < len(text) and text[end] in _NUMBER_CHARS:
        end += 1
    if (start and text[start - 1] not in _BEFORE_SCALAR) or not _AFTER_SCALAR.match(text, end):
        return None
    return text[start:end]


def _yaml_rs_number(scalar: str) -> bool:
    try:
        document: Any = yaml_rs.loads(f"a: {scalar}")
    except yaml_rs.YAMLDecodeError:
        return False
    value = document["a"]
    return isinstance(value, int | float) and not isinstance(value, bool)


class _CoreSchemaLoader(yaml.CSafeLoader):
    """PyYAML resolving plain scalars by YAML 1.2's core schema, dates kept as
    text, and refusing keys that are equal once read (``1`` and ``1.0``), as
    yaml-rs does."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep)
        if len(mapping) != len(node.value):
            seen: set[Any] = set()
            for key_node, _ in node.value:
                key = self.construct_object(key_node)
                if key in seen:
                    raise ParseFailure(*event_position(key_node),
                                       Said(N_("duplicate key {key!r}; keep one of them"), key=key))
                seen.add(key)
        return mapping


_CoreSchemaLoader.yaml_implicit_resolvers = {}  # none of PyYAML's YAML 1.1 ones
for _tag, _pattern, _first in (
    ("bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    ("int", _CORE_INT, "-+0123456789"),
    ("float", _CORE_FLOAT, "-+.0123456789"),
):
    _CoreSchemaLoader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(f"^(?:{_pattern})$"), list(_first))


def _core_int(loader: _CoreSchemaLoader, node: yaml.ScalarNode) -> int:
    value = loader.construct_scalar(node)
    base = {"0o": 8, "0x": 16}.get(value[:2], 10)
    return int(value if base == 10 else value[2:], base)


def _core_float(loader: _CoreSchemaLoader, node: yaml.ScalarNode) -> float:
    value = loader.construct_scalar(node).lower()
    return float(value.replace(".inf", "inf").replace(".nan", "nan"))


_CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _core_int)
_CoreSchemaLoader.add_constructor("tag:yaml.org,2002:float", _core_float)


def _load_by_core_schema(text: str) -> Any:
    """What yaml-rs gives, but with YAML 1.2's numbers: the document, None
    for none, a list of them for several. The text has passed `_scan_events`."""
    try:
        documents = list(yaml.load_all(text, Loader=_CoreSchemaLoader))
    except yaml.MarkedYAMLError as error:
        raise _pyyaml_failure(error) from None
    if len(documents) > 1:
        return documents
    return documents[0] if documents else None


def _may_be_hostile(text: str) -> bool:
    if _DEEP_LINE.search("\n" + text[:60]) or _DEEP_LINE.search(text):
        return True
    for found in _PROPERTY_START.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        if _NODE_START_BEFORE.fullmatch(text, line_start, found.start()):
            return True
    return False


_TAB_IN_INDENTATION = re.compile(r"^[ ?:-]*(\t)", re.MULTILINE)


def _yaml_rs_failure(report: str, text: str) -> ParseFailure:
    """yaml-rs reports ``… at line L, column C``, a source excerpt and the reason last."""
    lines = [line.strip() for line in report.splitlines() if line.strip()]
    found = _YAML_RS_POSITION.search(report)
    line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
    reason = lines[-1] if lines else ""
    if placed_elsewhere(reason):
        if "quot" in reason:
            _scan_events(text)  # PyYAML says where the quote opens
        else:  # yaml-rs places a tab at the value before it: find the tab itself
            start = sum(len(before) for before in text.splitlines(keepends=True)[:line - 1])
            tab = _TAB_IN_INDENTATION.search(text, start)
            if tab is not None:
                line, column = position(text, tab.start(1))
    if "recursion limit" in reason:  # yaml-rs's own words for deep flow nesting
        return ParseFailure(line, column, _too_deep())
    return ParseFailure(line, column, yaml_fault(reason))


class _OpenCollection:
    """A mapping (with its keys so far) or a sequence being scanned."""

    __slots__ = ("key_next", "keys")

    def __init__(self, is_mapping: bool) -> None:
        self.keys: set[str] | None = set() if is_mapping else None
        self.key_next = True


def _scan_events(text: str) -> None:
    """Refuse anchors, aliases, tags, directives, duplicate keys, too deep
    nesting and a second document."""
    open_collections: list[_OpenCollection] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            where = event_position(event)
            _refuse_properties(event, where)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    raise ParseFailure(*where, Said(N_(
                        "a second YAML document (after ---); a model file holds one")))
            if isinstance(event, yaml.CollectionEndEvent):
                open_collections.pop()
                continue
            if not isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
                continue
            parent = open_collections[-1] if open_collections else None
            if parent is not None and parent.keys is not None:
                if parent.key_next and not isinstance(event, yaml.ScalarEvent):
                    raise ParseFailure(*where, Said(N_(
                        "a list or mapping used as a key; keys are plain words")))
                if parent.key_next and isinstance(event, yaml.ScalarEvent):
                    if event.value in parent.keys:
                        raise ParseFailure(
                            *where,
                            Said(N_("duplicate key {key!r}; keep one of them"), key=event.value))
                    parent.keys.add(event.value)
                parent.key_next = not parent.key_next
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_collections) == MAX_DEPTH:
                    raise ParseFailure(*where, _too_deep())
                open_collections.append(
                    _OpenCollection(isinstance(event, yaml.MappingStartEvent))
                )
    except yaml.MarkedYAMLError as error:
        raise _pyyaml_failure(error) from None
    except yaml.YAMLError as error:
        raise ParseFailure(1, 1, yaml_fault(str(error).splitlines()[0])) from None


def _pyyaml_failure(error: yaml.MarkedYAMLError) -> ParseFailure:
    if ("quoted scalar" in (error.context or "") and error.context_mark is not None
            and re.search(r"end of stream|document separator", error.problem or "")):
        # The quote is not closed where it opens, not where the text ends.
        opened = error.context_mark
        return ParseFailure(opened.line + 1, opened.column + 1, quote_not_closed())
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return ParseFailure(line, column, yaml_fault(f"{error.context or ''} {error.problem or ''}"))


def _too_deep() -> str:
    return Said(N_("nesting deeper than {depth} levels; a model file nests five"),
                depth=MAX_DEPTH)


def event_position(event: yaml.Event | yaml.Node) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refuse_properties(event: yaml.Event, where: tuple[int, int]) -> None:
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        raise ParseFailure(*where, Said(N_("anchors and aliases (& and *) are not allowed in "
                                           "model files; write each value out in full")))
    tag = getattr(event, "tag", None)
    if tag is not None:
        raise ParseFailure(*where, Said(N_("tags ({tag}) are not allowed in model files; "
                                           "remove the tag"), tag=tag))
    if isinstance(event, yaml.DocumentStartEvent) and (event.version or event.tags):
        raise ParseFailure(*where, Said(N_("directives (%YAML, %TAG) are not allowed in model "
                                           "files; remove the line")))


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise _DuplicateKey
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(Said(N_("{name} is not a JSON number; write a number or null"),
                          name=name))


# JSON may escape half a character (a lone surrogate, \uD800-\uDFFF) that no
# text file can hold. Escapes of that range are rare, so only their presence
# costs a full check; the pattern then points at the first unpaired one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(
    r"(?<!\\)(?:\\\\)*(\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)


def parse_json(text: str) -> Any:
    """The document's data; raises `ParseFailure` with the position of the fault."""
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        if error.msg == "Expecting ',' delimiter" and not text[error.pos:].strip():
            # The text ends inside an object or list: what is missing is its closing.
            closing = "".join(_CLOSING[token] for token in reversed(_open_brackets(text)))
            raise ParseFailure(error.lineno, error.colno, json_not_closed(closing)) from None
        raise ParseFailure(error.lineno, error.colno, json_fault(error.msg)) from None
    except _DuplicateKey:
        for line, column, key in json_duplicate_keys(text):
            message = Said(N_("duplicate key {key!r}; keep one of them"), key=key)
            raise ParseFailure(line, column, message) from None
        raise ParseFailure(1, 1, Said(N_("duplicate key; keep one of them"))) from None
    except ValueError as error:
        said = error.args[0] if error.args and isinstance(error.args[0], Said) else str(error)
        raise ParseFailure(1, 1, said) from None
    except RecursionError:
        raise ParseFailure(1, 1, Said(N_("nesting too deep; a model file nests five levels"))
                           ) from None
    if _SURROGATE_ESCAPE.search(text) and not _writable(data):
        lone = _LONE_SURROGATE.search(text)
        line, column = position(text, lone.start(1)) if lone else (1, 1)
        raise ParseFailure(line, column, Said(N_(
            "this \\u escape is half a character (a lone surrogate); write the whole "
            "character")))
    return data


def _writable(data: Any) -> bool:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\],:]|[^\s{}\[\],:"]+')


def json_tokens(text: str) -> Iterator[tuple[str, int]]:
    """(token, offset) of valid JSON text: strings, punctuation, other literals."""
    for match in _JSON_TOKEN.finditer(text):
        yield match.group(), match.start()


_CLOSING = {"{": "}", "[": "]"}


def _open_brackets(text: str) -> list[str]:
    """The brackets ``{`` and ``[`` still open where `text` ends, outermost first."""
    opened: list[str] = []
    for token, _offset in json_tokens(text):
        if token in _CLOSING:
            opened.append(token)
        elif token in ("}", "]") and opened:
            opened.pop()
    return opened


def json_duplicate_keys(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, column, key) of each key repeated within one JSON object."""
    frames: list[set[str] | None] = []
    previous = ""
    for token, offset in json_tokens(text):
        if token in "{[":
            frames.append(set() if token == "{" else None)
        elif token in "}]":
            frames.pop()
        elif token.startswith('"') and previous in ("{", ",") and frames and frames[-1] is not None:
            key = json.loads(token)
            if key in frames[-1]:
                yield (*position(text, offset), key)
            frames[-1].add(key)
        previous = token
