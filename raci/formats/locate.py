"""Where things are in a model file: lines and columns, computed only when needed.

Parsing for speed loses positions, so positions come from a second look at
the text. For a valid file the linter needs each entity's line: one regular
expression pass finds the ``id`` keys, and the result is used only if it
names exactly the model's ids in document order. Otherwise, and to point at
errors, a walk over PyYAML's parse events (or the JSON tokens) records the
position of every node and key down to the depth a model file has. Neither
walk recurses, so no input can exhaust the stack.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Literal

import yaml

from raci.formats.reading import event_position, json_tokens
from raci.formats.schema import SECTION_KINDS, DocPath
from raci.model import ORG_PLACE, waiver_place

Mark = tuple[int, int]
RECORDED_DEPTH = 6
"""Deeper than any key of a valid model file (section, index, raci, letter, index)."""


class Marks:
    """Positions of the values and keys of one document, by path."""

    def __init__(self) -> None:
        self.values: dict[DocPath, Mark] = {}
        self.keys: dict[DocPath, Mark] = {}

    def find(self, path: DocPath, at_key: bool = False) -> Mark:
        """The position of `path`, or of the nearest enclosing node that has one."""
        if at_key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), (1, 1))


class _Frame:
    __slots__ = ("index", "is_mapping", "key", "path", "wants_key")

    def __init__(self, path: DocPath, is_mapping: bool) -> None:
        self.path, self.is_mapping = path, is_mapping
        self.wants_key, self.key, self.index = True, "", 0


class _Walker:
    """Records marks as nodes start; used by both the YAML and the JSON walk."""

    def __init__(self) -> None:
        self.marks = Marks()
        self.frames: list[_Frame] = []

    def node(self, mark: Mark, key_text: str | None) -> DocPath | None:
        """A node starts at `mark`; returns its path, or None when it is a key."""
        if not self.frames:
            path: DocPath = ()
        else:
            frame = self.frames[-1]
            if frame.is_mapping:
                if frame.wants_key:
                    frame.wants_key = False
                    frame.key = key_text if key_text is not None else ""
                    if len(frame.path) < RECORDED_DEPTH:
                        self.marks.keys.setdefault((*frame.path, frame.key), mark)
                    return None
                frame.wants_key = True
                path = (*frame.path, frame.key)
            else:
                path = (*frame.path, frame.index)
                frame.index += 1
        if len(path) <= RECORDED_DEPTH:
            self.marks.values.setdefault(path, mark)
        return path

    def start(self, mark: Mark, is_mapping: bool) -> None:
        path = self.node(mark, None)
        self.frames.append(_Frame(path if path is not None else ("?",), is_mapping))

    def end(self) -> None:
        self.frames.pop()


def yaml_marks(text: str) -> Marks:
    walker = _Walker()
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            mark = event_position(event)
            if isinstance(event, yaml.CollectionStartEvent):
                walker.start(mark, isinstance(event, yaml.MappingStartEvent))
            elif isinstance(event, yaml.CollectionEndEvent):
                walker.end()
            elif isinstance(event, yaml.ScalarEvent):
                walker.node(mark, event.value)
    except yaml.YAMLError:
        pass  # the fast parser accepted the text; keep what was found
    return walker.marks


def json_marks(text: str) -> Marks:
    walker = _Walker()
    tokens = list(json_tokens(text))
    marks = _offsets_to_marks(text, [offset for _token, offset in tokens])  # in one pass
    for (token, _offset), mark in zip(tokens, marks, strict=True):
        if token in "{[":
            walker.start(mark, token == "{")
        elif token in "}]":
            walker.end()
        elif token not in ",:":
            key = json.loads(token) if token.startswith('"') else token
            walker.node(mark, key)
    return walker.marks


def document_marks(text: str, fmt: Literal["yaml", "json"]) -> Marks:
    return yaml_marks(text) if fmt == "yaml" else json_marks(text)


# The key word first, so the regular expression engine can skip ahead to it;
# what precedes it on its line is checked after.
_YAML_KEY = r"({key})[ \t]*:[ \t]*([^\n#]*)"
_YAML_KEY_LINE_START = re.compile(r"[ \t]*(?:-[ \t]+)?")
_JSON_KEY = r'("{key}")\s*:\s*("(?:[^"\\]|\\.)*")'


# The top-level `org` key: in block YAML only a top-level key starts a line
# at column 1 (anything nested or continued is indented); in JSON `"org":`
# outside a string is a key, and only the top level has one. Flow-style YAML
# falls back to the walk.
_ORG_KEY = {"yaml": re.compile(r"^(org)[ \t]*:", re.M),
            "json": re.compile(r'("org")\s*:')}


def _found_keys(text: str, key: str, fmt: str) -> Iterator[tuple[str, int]]:
    """(written value, offset of the key) of every `key:` the pattern finds."""
    if fmt == "yaml":
        for match in re.finditer(_YAML_KEY.format(key=key), text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            if not _YAML_KEY_LINE_START.fullmatch(text, line_start, match.start()):
                continue
            written = match.group(2).strip()
            if len(written) > 1 and written[0] in "'\"" and written[-1] == written[0]:
                written = _unquote(written)
            yield written, match.start(1)
    else:
        for match in re.finditer(_JSON_KEY.format(key=key), text):
            yield json.loads(match.group(2)), match.start(1)


def _unquote(written: str) -> str:
    """A quoted YAML scalar's text; an id never holds what would make this differ."""
    if written[0] == "'":
        return written[1:-1].replace("''", "'")
    try:
        return str(json.loads(written))
    except ValueError:
        return written


def _offsets_to_marks(text: str, offsets: list[int]) -> list[Mark]:
    """Positions of ascending offsets in one pass over the text."""
    marks: list[Mark] = []
    line, line_start, counted = 1, 0, 0
    for offset in offsets:
        newlines = text.count("\n", counted, offset)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted, offset) + 1
        counted = offset
        marks.append((line, offset - line_start + 1))
    return marks


def entity_locations(
    text: str, fmt: Literal["yaml", "json"], data: dict[str, Any]
) -> dict[str, Mark]:
    """Entity id (and ``waivers[N]``) -> position of its ``id`` (or ``rule``)
    key; `ORG_PLACE` -> position of the ``org`` key."""
    ids = [
        entity["id"]
        for section in data
        if section in SECTION_KINDS
        for entity in data[section] or []
    ]
    rules = [waiver["rule"] for waiver in data.get("waivers") or []]
    found_ids = list(_found_keys(text, "id", fmt))
    found_rules = list(_found_keys(text, "rule", fmt)) if rules else []
    if [v for v, _ in found_ids] == ids and [v for v, _ in found_rules] == rules:
        id_marks = _offsets_to_marks(text, [offset for _, offset in found_ids])
        rule_marks = _offsets_to_marks(text, [offset for _, offset in found_rules])
        locations = dict(zip(ids, id_marks, strict=True))
        locations.update(
            (waiver_place(n), mark) for n, mark in enumerate(rule_marks)
        )
        org = _ORG_KEY[fmt].search(text)
        if org is not None:
            locations[ORG_PLACE] = _offsets_to_marks(text, [org.start(1)])[0]
            return locations
    return _walked_locations(document_marks(text, fmt), data)


def _walked_locations(marks: Marks, data: dict[str, Any]) -> dict[str, Mark]:
    locations: dict[str, Mark] = {}
    for section in data:
        if section in SECTION_KINDS:
            for index, entity in enumerate(data[section] or []):
                locations[entity["id"]] = marks.find((section, index, "id"), at_key=True)
    for index, _ in enumerate(data.get("waivers") or []):
        locations[waiver_place(index)] = marks.find(("waivers", index, "rule"), at_key=True)
    locations[ORG_PLACE] = marks.find(("org",), at_key=True)
    return locations
