"""Read, validate and write model files (docs/model-format.md).

Reading is all or nothing: a file with any problem is refused with every
problem listed as ``FILE:LINE:COL: message``, sorted by line. The checks run
in two layers over the parsed data: the schema (`raci.formats.schema`), then
the model's own consistency (`raci.model.checks`: unknown ids, wrong kinds,
duplicates, double letters, parent cycles) on the entities that passed it,
plus ids used twice across the model. Positions are looked up only once a
problem is found, so a valid file pays nothing for them.
"""

from __future__ import annotations

import contextlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from raci.errors import ModelFileError, RaciError
from raci.formats.convert import (
    entity_from_data,
    model_from_data,
    model_to_data,
    raci_from_data,
)
from raci.formats.locate import Mark, document_marks, entity_locations
from raci.formats.reading import MAX_FILE_BYTES, ParseFailure, parse_json, parse_yaml
from raci.formats.schema import (
    SCHEMA_FILE,
    SECTION_KINDS,
    DocPath,
    Issue,
    check_document,
    entity_keys,
    is_raci_schema,
    required_keys,
    schema_text,
    subject,
)
from raci.formats.writing import is_special_file, open_descriptor, write_file_whole
from raci.formats.yaml_writer import dump_yaml
from raci.i18n import N_, Said
from raci.model import Model, Org, Waiver
from raci.model.checks import Problem, about, check_model, kinds_phrase
from raci.model.collector import collector_paused
from raci.text import one_line

Format = Literal["yaml", "json"]
SUFFIX_FORMATS: dict[str, Format] = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}

SCHEMA_COMMENT = f"# yaml-language-server: $schema={SCHEMA_FILE}\n"
"""The first line of a YAML model file raci writes: editors with the YAML
language server (VS Code, Neovim, Helix, …) validate and complete the file
against the schema it names, a path relative to the file."""

# Stand-ins for a required key that failed the schema, so the entity can
# still take part in the reference checks (its other fields are checked).
_STAND_INS = {"kind": "other", "type": "leading", "measures": ""}


@dataclass
class LoadedModel:
    model: Model
    locations: dict[str, tuple[int, int]]
    """Entity id (and ``waivers[N]``) -> 1-based (line, column) of its ``id``
    (``rule``) key; empty when read with ``locate=False``."""


def format_of(path: Path) -> Format:
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ModelFileError(
            [about(str(path), Said(N_("not a model file; use a .yaml, .yml or .json file "
                                     "name")))]
        )
    return fmt


def read_model(path: Path, stream: BinaryIO | None = None, *,
               locate: bool = True) -> LoadedModel:
    """Read and validate a model file; YAML or JSON by suffix. With `stream`
    (standard input), read that, named `path`: JSON if it starts with ``{``.
    `locate=False` leaves out where each entity is, for a caller that only
    needs the model (an import: a twentieth of its reading on a large file)."""
    fmt = format_of(path) if stream is None else None
    try:
        size = path.stat().st_size if stream is None else 0
        if size > MAX_FILE_BYTES:
            raise ModelFileError([Said(N_(
                "{path}: the file is {size} MB; model files are limited to {limit} MB"),
                path=path, size=math.ceil(size / 2**20), limit=MAX_FILE_BYTES // 2**20)])
        with path.open("rb") if stream is None else contextlib.nullcontext(stream) as file:
            # Read at most one byte past the limit: a device or pipe has no size.
            raw = file.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            raise ModelFileError([Said(N_(
                "{path}: the file is over {limit} MB; model files are limited to {limit} MB"),
                path=path, limit=MAX_FILE_BYTES // 2**20)])
    except FileNotFoundError:
        raise ModelFileError([Said(N_("{path}: no such file; check the name and the directory"),
                                   path=path)]) from None
    except IsADirectoryError:
        raise ModelFileError([about(str(path), Said(N_("is a directory, not a model file")))]
                             ) from None
    except OSError as error:
        raise ModelFileError([about(str(path), Said(
            N_("cannot read the file ({reason}); check that it is there and readable"),
            reason=error.strerror))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        line = raw.count(b"\n", 0, error.start) + 1
        before = raw[line_start:error.start].decode("utf-8").removeprefix("\ufeff")
        column = len(before) + 1  # in characters, as every other column
        raise ModelFileError([about(f"{path}:{line}:{column}", Said(
            N_("byte {byte} (at byte {offset}) is not UTF-8; is this a text file? Save it as "
               "UTF-8"), byte=f"0x{raw[error.start]:02X}", offset=error.start + 1))]) from None
    if fmt is None:
        fmt = "json" if text.lstrip("\ufeff \t\r\n").startswith("{") else "yaml"
    return parse_model(text, str(path), fmt, locate=locate)


def parse_model(text: str, filename: str, fmt: Format, *, locate: bool = True) -> LoadedModel:
    """Validate model file text; raises `ModelFileError` listing every problem."""
    with collector_paused():
        return _parse_model(text, filename, fmt, locate=locate)


def _parse_model(text: str, filename: str, fmt: Format, *, locate: bool) -> LoadedModel:
    try:
        data = parse_yaml(text) if fmt == "yaml" else parse_json(text)
    except ParseFailure as failure:
        where = f"{filename}:{failure.line}:{failure.column}"
        raise ModelFileError([about(where, failure.message)]) from None
    if data is None:
        raise ModelFileError([about(f"{filename}:1:1", Said(
            N_("the file is empty; a model starts with 'raci: 1'")))])
    issues = check_document(data)
    if not issues and _ids_unique(data):
        model = model_from_data(data)
        if not check_model(model):
            return LoadedModel(model, entity_locations(text, fmt, data) if locate else {})
    if isinstance(data, dict):
        issues.extend(_consistency_issues(data, issues))
    raise ModelFileError(_located(issues, text, filename, fmt))


def _ids_unique(data: dict[str, Any]) -> bool:
    ids = [entity["id"] for section in SECTION_KINDS for entity in data.get(section) or []]
    return len(set(ids)) == len(ids)


def _located(issues: list[Issue], text: str, filename: str, fmt: Format) -> list[str]:
    marks = document_marks(text.removeprefix("\ufeff"), fmt)
    found: list[tuple[Mark, str]] = [
        (marks.find(issue.path, issue.at_key), issue.message) for issue in issues
    ]
    found.sort(key=lambda pair: pair[0])
    return [about(f"{filename}:{line}:{column}", _one_line(message))
            for (line, column), message in found]


def _one_line(message: str) -> str:
    """`message` kept on one line; said again in the user's language when it can be."""
    return message if message.isprintable() else one_line(message)


def _consistency_issues(data: dict[str, Any], schema_issues: list[Issue]) -> list[Issue]:
    """Duplicate ids and `check_model`'s problems, for the entities the schema let through."""
    # A key whose value failed is left out; a list item or RACI letter that
    # failed is left out of its list or block, so the rest is still checked.
    bad_keys: set[DocPath] = {issue.path for issue in schema_issues if len(issue.path) == 3}
    bad_parts: set[DocPath] = {issue.path[:4] for issue in schema_issues if len(issue.path) > 3}
    model = Model(Org(name=""))
    paths: dict[str, DocPath] = {}
    issues: list[Issue] = []
    skipped: set[tuple[str, str]] = set()
    for section, kind in SECTION_KINDS.items():
        entities = data.get(section)
        for index, entity in enumerate(entities if isinstance(entities, list) else []):
            path: DocPath = (section, index)
            if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
                continue
            if (*path, "id") in bad_keys:
                continue
            entity_id = entity["id"]
            if entity_id in paths:
                first = model.kind(entity_id) or kind
                issues.append(Issue((*path, "id"), about(subject(kind, entity, index), Said(
                    N_("id {id!r} is already used by {kind} (ids are unique across the whole "
                       "model)"), id=entity_id, kind=kinds_phrase([first])))))
                continue
            allowed = entity_keys(kind)
            usable = {
                k: _without(v, (*path, k), bad_parts)
                for k, v in entity.items()
                if k in allowed and (*path, k) not in bad_keys
            }
            for key, stand_in in _STAND_INS.items():
                if key in usable or key not in required_keys(kind):
                    continue
                usable[key] = stand_in
                skipped.add((entity_id, key))
            usable.setdefault("name", entity_id)
            model.collection(kind)[entity_id] = entity_from_data(kind, usable)
            paths[entity_id] = path
            if isinstance(usable.get("raci"), dict):
                model.assignments.extend(raci_from_data(entity_id, usable["raci"]))
            skipped.update(
                (entity_id, k) for k in entity if isinstance(k, str) and (*path, k) in bad_keys
            )
    model.waivers = _usable_waivers(data, bad_keys, bad_parts)
    model.changed()
    for problem in check_model(model):
        field_root = (problem.field or "").split(".")[0]
        if (problem.entity_id, field_root) in skipped:
            continue
        issues.append(Issue(_problem_path(problem, data, paths), problem.message))
    return issues


def _without(value: Any, path: DocPath, bad_parts: set[DocPath]) -> Any:
    """A list or mapping without its failed parts (and, for a list, its repeats)."""
    if isinstance(value, list):
        kept = [v for i, v in enumerate(value) if (*path, i) not in bad_parts]
        return list(dict.fromkeys(kept)) if all(isinstance(v, str) for v in kept) else kept
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if (*path, k) not in bad_parts}
    return value


def _usable_waivers(
    data: dict[str, Any], bad_keys: set[DocPath], bad_parts: set[DocPath]
) -> list[Waiver]:
    """Every waiver, in place (so numbers match), with only its usable targets,
    and its rule: a DAT001 waiver's targets are facts (``chairs``), not ids."""
    waivers: list[Waiver] = []
    entries = data.get("waivers")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        path: DocPath = ("waivers", index, "target")
        entry = entry if isinstance(entry, dict) else {}
        target = entry.get("target")
        if target is None or path in bad_keys:
            target = []
        rule = entry.get("rule")
        waivers.append(Waiver(
            rule=rule if isinstance(rule, str) else "", reason="",
            target=_without([target] if isinstance(target, str) else target, path, bad_parts)))
    return waivers


def _problem_path(problem: Problem, data: dict[str, Any], paths: dict[str, DocPath]) -> DocPath:
    """The document path of the value a `Problem` is about."""
    entity_id = problem.entity_id or ""
    if entity_id.startswith("waivers["):
        path: DocPath = ("waivers", int(entity_id[8:-1]))
    elif entity_id in paths:
        path = paths[entity_id]
    else:
        return ()
    node: Any = data[str(path[0])][path[1]]
    for key in (problem.field or "").split("."):
        if not isinstance(node, dict) or key not in node:
            return path
        path, node = (*path, key), node[key]
    if isinstance(node, list) and problem.value in node:
        index = max(i for i, v in enumerate(node) if v == problem.value)
        path = (*path, index)
    return path


def dump_model(model: Model, fmt: Format) -> str:
    """The model as file text, in the key order of docs/model-format.md. YAML starts with a
    comment naming the schema beside the file, for editors (`SCHEMA_COMMENT`)."""
    data = model_to_data(model)
    return SCHEMA_COMMENT + dump_yaml(data) if fmt == "yaml" else dump_json(data)


def dump_json(data: dict[str, Any]) -> str:
    """JSON with one entity per line: readable, diffable, and written by the C encoder."""

    def encode(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

    parts: list[str] = []
    for key, value in data.items():
        if isinstance(value, list):
            rows = ",\n    ".join(encode(entry) for entry in value)
            parts.append(f"  {encode(key)}: [\n    {rows}\n  ]")
        else:
            parts.append(f"  {encode(key)}: {encode(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


@dataclass(frozen=True)
class SchemaBeside:
    """The schema file beside a model file raci wrote: written there, or
    `kept` as it was, being the user's own file or folder of that name, or
    not written for the reason `refused` gives. The model file is written
    all the same: it is what was asked for, and reads without its schema."""

    path: Path
    kept: bool = False
    refused: str | None = None


def write_model(model: Model, path: Path, fmt: Format | None = None) -> SchemaBeside | None:
    """Write the model file atomically: a temporary file beside it, then a rename.

    A YAML file's first line names the schema beside it, so the schema is
    written there too when it is missing or another version (see
    `write_schema_beside`); None when it was there already, as for JSON.
    """
    fmt = fmt or format_of(path)
    write_file_whole(path, dump_model(model, fmt))
    return write_schema_beside(path) if fmt == "yaml" else None


def write_schema_beside(path: Path) -> SchemaBeside | None:
    """Write the model file's JSON Schema beside `path`, unless it is there as
    it should be, or `path` is a pipe or device (``-o /dev/null``) or an open
    descriptor (``-o /dev/stdout``): no editor opens the model there, or
    raci cannot tell where the file is.

    Only a schema raci wrote (its ``$id``), of another version, is replaced:
    any other file of that name, or a folder, is the user's and is kept, so
    that it neither fails the model file just written nor is lost.
    """
    if is_special_file(path) or open_descriptor(path) is not None:
        return None
    schema = path.parent / SCHEMA_FILE
    text = schema_text()
    if is_special_file(schema):  # reading a pipe would wait for a writer
        return SchemaBeside(schema, kept=True)
    try:
        there = schema.read_bytes()
    except FileNotFoundError:
        there = None
    except OSError:  # a folder, or a file raci may not read
        return SchemaBeside(schema, kept=True)
    if there == text.encode("utf-8"):
        return None
    if there is not None and not is_raci_schema(there):
        return SchemaBeside(schema, kept=True)
    try:
        write_file_whole(schema, text)
    except RaciError as refused:
        return SchemaBeside(schema, refused=str(refused))
    return SchemaBeside(schema)
