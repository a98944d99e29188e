"""Validate model data against `raci-model.schema.json`, fast.

The JSON Schema is the normative form of the file format (docs/model-format.md). Running
the `jsonschema` package over 80,000 entities takes far too long for an
import, so this module compiles the schema's own keywords (the subset the
schema uses: type, properties, required, additionalProperties, items,
uniqueItems, minItems, pattern, maxLength, enum, const, minimum, maximum, anyOf,
$ref and the date format) into plain Python checks, once. A test holds these
checks to the same verdicts as `jsonschema` on generated data, so the schema
stays the single source of truth.

Each failure becomes an `Issue`: where in the document (a path of keys and
list positions), whether it is about the key itself, and the message in the
user's words, e.g. ``unit bzk: parent: 'b z' is not an id (…)``: a `Said`,
English where a tool reads it (lint's JSON), said again in the user's
language where a person does; the schema's descriptions, which name what a
value must be, are in the catalogue too (`extract_descriptions`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from raci.i18n import N_, Said
from raci.model import parse_date
from raci.model.checks import about, did_you_mean, entity_words

DocPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    path: DocPath
    """Where the offending value (or key, when `at_key`) is in the document."""
    message: str
    """What is wrong, where in the entity: a `Said`."""
    at_key: bool = False


# The sections of a file that list entities, and the kind each one holds.
SECTION_KINDS: dict[str, str] = {
    "units": "unit",
    "people": "person",
    "roles": "role",
    "bodies": "body",
    "goals": "goal",
    "initiatives": "initiative",
    "decisions": "decision",
    "kpis": "kpi",
}
KIND_SECTIONS: dict[str, str] = {kind: section for section, kind in SECTION_KINDS.items()}
MOST_KEYS_NAMED = 5
"""The keys of another tool's file named when it is refused."""

# A check looks at one value; `report(path, what, at_key)` records a failure
# described relative to that value.
Report = Callable[[DocPath, str, bool], None]
Check = Callable[[Any, DocPath, Report], None]

_TYPE_WORDS = {
    "string": N_("a text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "null": N_("empty"),
    "array": N_("a list"),
    "object": N_("a mapping"),
}


SCHEMA_FILE = "raci-model.schema.json"
"""The schema's file name, in the package and beside the model files raci writes."""


def schema_text() -> str:
    """The shipped JSON Schema of the model file, as written (`raci schema`)."""
    return resources.files("raci").joinpath(f"schemas/{SCHEMA_FILE}").read_text("utf-8")


@cache
def load_schema() -> dict[str, Any]:
    """The shipped JSON Schema of the model file."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema


def is_raci_schema(text: bytes) -> bool:
    """Whether `text` is raci's JSON Schema of the model file, of any version:
    a JSON object whose ``$id`` is raci's (a schema that only names it, in a
    ``$ref``, is another's). A later format that takes a new ``$id`` must
    still know this one here, or the schema of a file it exported before is
    kept as the user's."""
    try:
        document = json.loads(text)
    except ValueError:  # not JSON, or not UTF-8
        return False
    return isinstance(document, dict) and document.get("$id") == load_schema()["$id"]


def describe(value: Any) -> str:
    """A value as a message names it (``null``, ``true`` as the file writes them)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return Said(N_("the number {value}"), value=value)
    if isinstance(value, str):
        return repr(value) if len(value) <= 60 else repr(value[:57] + "...")
    if isinstance(value, dt.date):
        return Said(N_("the date {date}"), date=value.isoformat())
    if isinstance(value, list):
        return Said(N_("an empty list") if not value else N_("a list"))
    if isinstance(value, dict):
        return Said(N_("a mapping"))
    return Said(N_("a {type}"), type=type(value).__name__)


def _either(choices: list[str]) -> str:
    """``a or b or c``, each said again in the user's language."""
    words = choices[0]
    for choice in choices[1:]:
        words = Said(N_("{choice} or {other}"), choice=words, other=choice)
    return words


def _not(value: Any, expected: str, hint: str = "") -> Said:
    return Said(N_("{value} is not {expected}{hint}"), value=describe(value), expected=expected,
                hint=hint)


DECIMAL_COMMA = re.compile(r"-?[0-9]+,[0-9]+")
"""A number written with a decimal comma ("1,0"), as Dutch writes it."""


def _slip(node: dict[str, Any], value: Any) -> str:
    """What to do where a common slip explains a refused value: a decimal
    comma for a number, a bare number (YAML's ``id: 2024``) for text, a
    format version above this raci's; else nothing."""
    types = node.get("type", [])
    types = [types] if isinstance(types, str) else types
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if "number" in types and isinstance(value, str) and DECIMAL_COMMA.fullmatch(value.strip()):
        return Said(N_("; write a point for the decimals: {value}"),
                    value=value.strip().replace(",", "."))
    if "string" in types and number:
        return Said(N_("; put it in quotes to make it text: '{value}'"), value=value)
    if isinstance(node.get("const"), int) and number and value > node["const"]:
        return Said(N_("; a newer raci made this file: upgrade raci to read it"))
    return ""


def _is_type(value: Any, name: str) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if name == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "null":
        return value is None
    if name == "array":
        return isinstance(value, list)
    return isinstance(value, dict)


def is_real_date(value: Any) -> bool:
    """A `datetime.date` (as YAML parsers make), or an ISO date string on the calendar."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return True
    if not isinstance(value, str):
        return False
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True, slots=True)
class Compiled:
    """One schema node: a fast verdict for valid data, and a check that words failures."""

    valid: Callable[[Any], bool]
    check: Check


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int, float),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
    "array": (list,),
    "object": (dict,),
}


def _value_verdict(node: dict[str, Any]) -> Callable[[Any], bool]:
    """type, const, enum, pattern, maxLength, format, minimum and maximum of one node."""
    declared = node.get("type")
    names = [declared] if isinstance(declared, str) else declared
    python_types = (
        None if names is None else tuple({t for n in names for t in _PYTHON_TYPES[n]})
    )
    allows_bool = names is None or "boolean" in names
    whole_only = names is not None and "integer" in names and "number" not in names
    match = _pattern(node["pattern"]).search if "pattern" in node else None
    max_length = node.get("maxLength")
    enum = node.get("enum")
    has_const, const = "const" in node, node.get("const")
    is_date = node.get("format") == "date"
    minimum, maximum = node.get("minimum"), node.get("maximum")

    def fits(value: Any) -> bool:
        kind = type(value)
        if is_date and isinstance(value, dt.date):
            return is_real_date(value)
        if python_types is not None and not isinstance(value, python_types):
            return False
        if kind is bool and not allows_bool:
            return False
        if kind is float and (not math.isfinite(value) or (whole_only and not value.is_integer())):
            return False
        if has_const and not _same(value, const):
            return False
        if enum is not None and not any(_same(value, v) for v in enum):
            return False
        if kind is str:
            if max_length is not None and len(value) > max_length:
                return False
            if match is not None and match(value) is None:
                return False
            if is_date and not is_real_date(value):
                return False
        if kind not in (int, float):
            return True
        return (minimum is None or value >= minimum) and (maximum is None or value <= maximum)

    return _shortcut(node, python_types, match, max_length) or fits


def _pattern(pattern: str) -> re.Pattern[str]:
    """A schema's pattern as JSON Schema (ECMA-262) reads it: there ``$`` is the end
    of the text, in Python it also matches before a final newline, so ``abc\\n``
    would pass ``^…$`` as an id. (A ``$`` inside ``[…]`` would be misread; the
    schema has none.)"""
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


def _shortcut(
    node: dict[str, Any],
    python_types: tuple[type, ...] | None,
    match: Callable[[str], Any] | None,
    max_length: int | None,
) -> Callable[[Any], bool] | None:
    """The same verdict, faster, for the two shapes most values meet: a plain
    type test (texts, lists, mappings) and a text with a pattern (ids, names)."""
    keywords = set(node) - {"description"}
    plain_types = python_types is not None and not {int, float, bool} & set(python_types)
    if keywords == {"type"} and plain_types:
        exact = python_types

        def has_type(value: Any) -> bool:
            return isinstance(value, exact)  # type: ignore[arg-type]

        return has_type
    if keywords <= {"type", "pattern", "maxLength"} and node.get("type") == "string" and match:
        limit = max_length if max_length is not None else math.inf

        def matches(value: Any) -> bool:
            return isinstance(value, str) and len(value) <= limit and match(value) is not None

        return matches
    return None


def _all_different(values: list[Any]) -> bool:
    if all(type(v) is str for v in values):
        return len(set(values)) == len(values)
    keys = [_json_key(v) for v in values if _hashable(v)]
    return len(set(keys)) == len(keys)


def _json_key(value: Any) -> tuple[bool, Any]:
    """What JSON equality compares: numbers by value, but true is not 1."""
    return isinstance(value, bool), value


class _Compiler:
    """Turns schema nodes into checks; `$ref`s are compiled once each."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.refs: dict[str, Compiled] = {}

    def ref(self, ref: str) -> dict[str, Any]:
        node: Any = self.schema
        for part in ref.removeprefix("#/").split("/"):
            node = node[part]
        return dict(node)

    def expect(self, node: dict[str, Any]) -> str:
        """What a value must be, in words ("an id (...)", "a list of ids")."""
        if "$ref" in node:
            return self.expect(self.ref(node["$ref"]))
        if "description" in node:
            return Said(_escaped(node["description"]))
        if "anyOf" in node:
            choices = [self.expect(branch) for branch in node["anyOf"]]
            return _either([c for c in choices if c != "empty"] or [Said(N_("empty"))])
        if "enum" in node:
            return Said(N_("one of {values}"),
                        values=", ".join(str(v) for v in node["enum"] if v is not None))
        if "const" in node:
            return json.dumps(node["const"])
        declared = node.get("type", [])
        names = [declared] if isinstance(declared, str) else [t for t in declared if t != "null"]
        words = _either([Said(_TYPE_WORDS[t]) for t in names] or [Said(N_("empty"))])
        if "minimum" in node:
            words = Said(N_("{words} of at least {minimum}"), words=words, minimum=node["minimum"])
        if "maximum" in node:
            words = Said(N_("{words} and at most {maximum}"), words=words, maximum=node["maximum"])
        return words

    def compile(self, node: dict[str, Any]) -> Compiled:
        if "$ref" in node:
            ref = node["$ref"]
            if ref not in self.refs:
                self.refs[ref] = self.compile(self.ref(ref))
            return self.refs[ref]
        if "anyOf" in node:
            return self.any_of(node)
        parts = [self.value_check(node)]
        if "items" in node or "uniqueItems" in node or "minItems" in node:
            parts.append(self.array_check(node))
        if "properties" in node or "required" in node:
            parts.append(self.object_check(node))
        if len(parts) == 1:
            return parts[0]
        first, second = parts  # no schema node is both a list and a mapping
        first_valid, second_valid = first.valid, second.valid

        def valid_both(value: Any) -> bool:
            return first_valid(value) and second_valid(value)

        def check_both(value: Any, path: DocPath, report: Report) -> None:
            first.check(value, path, report)
            second.check(value, path, report)

        return Compiled(valid_both, check_both)

    def value_check(self, node: dict[str, Any]) -> Compiled:
        """type, const, enum, pattern, maxLength, format, minimum and maximum: one verdict."""
        fits = _value_verdict(node)
        enum = node.get("enum")
        expect = self.expect(node)

        def check_value(value: Any, path: DocPath, report: Report) -> None:
            if not fits(value):
                hint = _slip(node, value)
                if enum is not None and isinstance(value, str):
                    hint = did_you_mean(value, [v for v in enum if isinstance(v, str)])
                report(path, _not(value, expect, hint), False)

        return Compiled(fits, check_value)

    def array_check(self, node: dict[str, Any]) -> Compiled:
        items = self.compile(node["items"]) if "items" in node else None
        unique = node.get("uniqueItems", False)
        min_items = node.get("minItems", 0)
        expect = self.expect(node)
        valid_item = items.valid if items is not None else None

        def valid_array(value: Any) -> bool:
            if type(value) is not list:
                return True
            if len(value) < min_items:
                return False
            if valid_item is not None and not all(map(valid_item, value)):
                return False
            return not unique or _all_different(value)

        def check_array(value: Any, path: DocPath, report: Report) -> None:
            if not isinstance(value, list):
                return
            if len(value) < min_items:
                report(path, _not(value, expect), False)
            seen: set[tuple[bool, Any]] = set()
            for index, item in enumerate(value):
                if items is not None:
                    items.check(item, (*path, index), report)
                if unique and _hashable(item):
                    if _json_key(item) in seen:
                        report((*path, index), Said(N_("{value} is listed twice"),
                                                    value=describe(item)), False)
                    seen.add(_json_key(item))

        return Compiled(valid_array, check_array)

    def object_check(self, node: dict[str, Any]) -> Compiled:
        properties = {key: self.compile(sub) for key, sub in node.get("properties", {}).items()}
        valid_properties = {key: compiled.valid for key, compiled in properties.items()}
        required = list(node.get("required", []))
        # A missing key is told what to hold, so the fix needs no schema.
        wanted = {key: self.expect(node["properties"][key]) for key in required
                  if key in node.get("properties", {})}
        closed = node.get("additionalProperties") is False
        known = list(properties)
        keys_known = Said(N_("; remove it, or use one of {keys}"), keys=", ".join(known))

        required_keys = frozenset(required)
        valid_for = valid_properties.get

        def valid_object(value: Any) -> bool:
            if type(value) is not dict:
                return True
            if not value.keys() >= required_keys:
                return False
            for key, item in value.items():
                valid = valid_for(key)
                if valid is None:
                    if closed:
                        return False
                elif not valid(item):
                    return False
            return True

        def check_object(value: Any, path: DocPath, report: Report) -> None:
            if not isinstance(value, dict):
                return
            for key in required:
                if key not in value:
                    report(path, Said(N_("missing required key '{key}': {expected}"), key=key,
                                      expected=wanted[key]) if key in wanted else
                           Said(N_("missing required key '{key}'"), key=key), False)
            for key, item in value.items():
                compiled = properties.get(key) if isinstance(key, str) else None
                if compiled is not None:
                    compiled.check(item, (*path, key), report)
                elif not isinstance(key, str):
                    report(path, Said(N_("keys must be text, not {value}"),
                                      value=describe(key)), False)
                elif closed:
                    report((*path, key), Said(N_("unknown key {key!r}{hint}"), key=key,
                                              hint=did_you_mean(key, known) or keys_known),
                           True)

        return Compiled(valid_object, check_object)

    def any_of(self, node: dict[str, Any]) -> Compiled:
        branches = [(self.compile(b), self.first_types(b)) for b in node["anyOf"]]
        verdicts = [compiled.valid for compiled, _ in branches]
        expect = self.expect(node)

        def valid_any(value: Any) -> bool:
            return any(valid(value) for valid in verdicts)

        others = [compiled.valid for compiled, types in branches if types != ["null"]]
        if len(others) == 1 and len(branches) == 2:
            # The common "this or null": no generator per value.
            only = others[0]

            def valid_or_null(value: Any) -> bool:
                return value is None or only(value)

            valid_any = valid_or_null

        def check_any(value: Any, path: DocPath, report: Report) -> None:
            if valid_any(value):
                return
            # Word the failure after the branch made for this kind of value,
            # so a list with one bad id says which id, not "is not an id".
            for compiled, types in branches:
                if any(_is_type(value, t) for t in types):
                    compiled.check(value, path, report)
                    return
            report(path, _not(value, expect), False)

        return Compiled(valid_any, check_any)

    def first_types(self, node: dict[str, Any]) -> list[str]:
        if "$ref" in node:
            return self.first_types(self.ref(node["$ref"]))
        types = node.get("type", [])
        return [types] if isinstance(types, str) else list(types)


def _same(value: Any, wanted: Any) -> bool:
    """JSON equality: numbers by value, but true is not 1."""
    if isinstance(value, bool) or isinstance(wanted, bool):
        return value is wanted
    if _is_type(value, "number") and _is_type(wanted, "number"):
        return bool(value == wanted)
    return type(value) is type(wanted) and bool(value == wanted)


def _hashable(value: Any) -> bool:
    return isinstance(value, str | int | float | bool) or value is None


@cache
def _compiled() -> dict[str, Compiled]:
    """One check per `$defs` entry, and `"model"` for the whole document."""
    schema = load_schema()
    compiler = _Compiler(schema)
    checks = {name: compiler.compile({"$ref": f"#/$defs/{name}"}) for name in schema["$defs"]}
    top = {key: value for key, value in schema.items() if key != "$defs"}
    # The org and the sections' items are checked one entity at a time by
    # `check_document`, so that messages name the entity.
    top["properties"] = {
        key: ({"type": sub["type"]} if "type" in sub else {"type": "object"})
        if key != "raci" else sub
        for key, sub in schema["properties"].items()
    }
    checks["model"] = compiler.compile(top)
    return checks


@cache
def entity_keys(kind: str) -> frozenset[str]:
    """The keys the schema allows on an entity of `kind` (or ``waiver``, ``org``)."""
    return frozenset(load_schema()["$defs"][kind]["properties"])


@cache
def required_keys(kind: str) -> frozenset[str]:
    return frozenset(load_schema()["$defs"][kind]["required"])


def subject(kind: str, data: Any, index: int) -> str:
    """How messages name one entity: ``unit bzk``, or ``unit #3`` without a
    usable id (``org`` by its key)."""
    if kind == "waiver":
        return Said(N_("waiver {number}"), number=index + 1)
    if kind == "org":
        return "org"
    entity_id = data.get("id") if isinstance(data, dict) else None
    if isinstance(entity_id, str) and entity_id.strip():
        return entity_words(kind, entity_id)
    return entity_words(kind, f"#{index + 1}")


def _field_text(rest: DocPath) -> str:
    return ".".join(str(part) for part in rest if isinstance(part, str))


def check_entity(kind: str, data: Any, path: DocPath, index: int, issues: list[Issue]) -> None:
    """Append the schema failures of one entity (or waiver) at `path` to `issues`."""
    compiled = _compiled()[kind]
    if compiled.valid(data):
        return
    who = subject(kind, data, index)
    depth = len(path)

    def report(where: DocPath, what: str, at_key: bool) -> None:
        field = _field_text(where[depth:-1] if at_key else where[depth:])
        issues.append(Issue(where, about(who, about(field, what) if field else what), at_key))

    compiled.check(data, path, report)


def check_entity_data(kind: str, data: dict[str, Any]) -> list[str]:
    """Schema problems of one entity's data, worded as in a file (no location)."""
    issues: list[Issue] = []
    check_entity(kind, data, (), 0, issues)
    return [issue.message for issue in issues]


def check_document(data: Any) -> list[Issue]:
    """Schema failures of a whole document, in document order."""
    issues: list[Issue] = []
    if not isinstance(data, dict):
        return [Issue((), Said(N_("the top level is {value}, not a mapping of sections; a "
                                  "model file starts with 'raci: 1' and 'org:'"),
                               value=describe(data)))]
    if data and "raci" not in data and "org" not in data:
        # another tool's file: one line, not one per key that is not a model's
        keys = [str(key) for key in itertools.islice(data, MOST_KEYS_NAMED)]
        return [Issue((), Said(N_("not a raci model file: it has no 'raci' and no 'org' key "
                                  "(its keys: {keys}); a model file starts with 'raci: 1' "
                                  "and 'org:'"),
                               keys=", ".join(keys) + (", …" if len(data) > len(keys) else "")))]

    def report(where: DocPath, what: str, at_key: bool) -> None:
        field = _field_text(where[:-1] if at_key else where)
        issues.append(Issue(where, about(field, what) if field else what, at_key))

    _compiled()["model"].check(data, (), report)
    org = data.get("org")
    if isinstance(org, dict):
        check_entity("org", org, ("org",), 0, issues)
    for section, kind in [*SECTION_KINDS.items(), ("waivers", "waiver")]:
        entities = data.get(section)
        if isinstance(entities, list):
            for index, entity in enumerate(entities):
                check_entity(kind, entity, (section, index), index, issues)
    return issues


def _escaped(description: str) -> str:
    """A schema description as a template: any brace is the text's own."""
    return description.replace("{", "{{").replace("}", "}}")


def extract_descriptions(fileobj: Any, keywords: Any, comment_tags: Any,
                         options: Any) -> Any:
    """Babel's extractor for the schema: each description that names what a
    value must be (all but the document's own) goes in the catalogue."""
    schema = json.load(fileobj)

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "description" and isinstance(value, str):
                    yield value
                else:
                    yield from walk(value)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value)

    rest = {key: value for key, value in schema.items() if key != "description"}
    for description in dict.fromkeys(walk(rest)):
        yield 0, "N_", _escaped(description), []
