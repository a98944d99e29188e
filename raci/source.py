"""Open a MODEL argument (`raci.model.source`): read a model file, a database,
or a scenario's view of a database.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from raci.errors import UsageError
from raci.i18n import N_, Said, _
from raci.model import Model
from raci.model.lean import LeanModel
from raci.model.source import (
    DATABASE_SUFFIX,
    FILE_SUFFIXES,
    SCENARIO_MARK,
    STDIN,
    ModelSource,
    is_database,
    is_model_file,
    split_scenario,
)
from raci.store.sqlite_file import holds_no_model


def database_url(spec: str) -> str:
    """The SQLAlchemy URL for a MODEL that names a database; anything else is refused."""
    model, scenario = split_scenario(spec)
    if scenario is not None:
        raise UsageError(Said(N_("{spec}: names scenario {scenario} of {model}; this command "
                                 "works on the model itself: give {model}"),
                              spec=spec, scenario=scenario, model=model))
    if "://" in spec:
        return spec
    if is_database(spec):
        return f"sqlite:///{Path(spec).resolve()}"
    if is_model_file(spec) and Path(spec).exists():
        raise UsageError(Said(N_("{file}: this needs a database, not a model file; read the "
                                 "file into one with `raci import {file} --into org.db`"),
                              file=spec))
    if is_model_file(spec):  # no file to import: the name was meant for a database
        raise UsageError(Said(N_("{file}: this needs a database, not a model file; name it "
                                 ".db, or give a database URL"), file=spec))
    raise UsageError(Said(N_("{file}: not a model database; give a .db file or a database URL"),
                          file=spec))


def open_model(spec: str) -> ModelSource[Model]:
    """Read a model from a file or a database, or a scenario's view of a
    database, for reading only (a model file is never written)."""
    model, scenario = split_scenario(spec)
    if scenario is not None:
        return ModelSource(spec, open_view(model, scenario))
    if is_model_file(spec) or spec == STDIN:
        from raci.formats import read_model

        loaded = read_model(Path(spec), sys.stdin.buffer if spec == STDIN else None)
        return ModelSource(spec, loaded.model, loaded.locations)
    _check_is_database(spec)
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return ModelSource(spec, store.load())


def open_lean_model(spec: str) -> ModelSource[LeanModel]:
    """Read a model to lint it: a database gives its lean tuples straight
    away, a SQLite file of this raci's schema without SQLAlchemy."""
    if is_model_file(spec) or spec == STDIN or split_scenario(spec)[1] is not None:
        source = open_model(spec)
        return ModelSource(spec, LeanModel.of_model(source.model), source.locations)
    _check_is_database(spec)
    if "://" not in spec:
        from raci.store.lean import read_lean_file

        lean = read_lean_file(Path(spec))
        if lean is not None:
            return ModelSource(spec, lean)
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return ModelSource(spec, store.load_lean())


def open_view(spec: str, scenario: str) -> Model:
    """The model of database `spec` with `scenario` played on it."""
    if is_model_file(spec):
        raise UsageError(Said(N_("{model}: scenarios live in a model database; read the file "
                                 "into one with `raci import {file} --into {database}`"),
                              model=f"{spec}{SCENARIO_MARK}{scenario}", file=spec,
                              database=Path(spec).with_suffix(DATABASE_SUFFIX)))
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return store.load_view(scenario)[0]


def models_in(specs: Sequence[str]) -> tuple[list[str], list[str]]:
    """Each MODEL as given, but a directory: the model files and databases
    below it, in name order; and, apart, the SQLite files below a directory
    that hold no raci model (another program's), passed over. A model file
    is a .yaml, .yml or .json file with a top-level ``raci`` key (a baseline
    or a schema beside it is not); directories whose name starts with a
    ``.`` are passed over. raci's JSON Schema named on its own is passed
    over too: a pre-commit hook's pattern for model files (``*.json``) names
    the schema `raci export` writes beside them. Standard input is read
    once: ``-`` twice is refused."""
    if list(specs).count(STDIN) > 1:
        raise UsageError(_("-: standard input is read once; give - only once"))
    found: list[str] = []
    passed_over: list[str] = []
    for spec in specs:
        folder = Path(spec)
        if spec == STDIN or "://" in spec or not folder.is_dir():
            found.extend([] if _is_raci_schema(folder) else [spec])
            continue
        below = sorted(_models_below(folder))
        others = [path for path in below
                  if path.suffix.lower() == DATABASE_SUFFIX and holds_no_model(path)]
        if len(others) == len(below):
            raise UsageError(Said(N_("{folder}: holds no model files (.yaml, .yml or .json "
                                     "starting with 'raci: 1') and no raci databases (.db)"),
                                  folder=spec))
        passed = set(others)
        found.extend(str(path) for path in below if path not in passed)
        passed_over.extend(map(str, others))
    return found, passed_over


_RACI_KEY = re.compile(rb'^(raci|"raci")\s*:|^\s*\{\s*"raci"\s*:', re.M)
"""A model file's ``raci: 1`` (or JSON's ``{"raci": 1``), looked for in its first
kilobytes: the key comes first in every file raci writes."""
SNIFFED_BYTES = 4096


def _models_below(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if any(part.startswith(".") for part in path.relative_to(folder).parts[:-1]):
            continue
        suffix = path.suffix.lower()
        if suffix == DATABASE_SUFFIX and path.is_file():
            yield path
        elif suffix in FILE_SUFFIXES and path.is_file():
            with path.open("rb") as file:
                if _RACI_KEY.search(file.read(SNIFFED_BYTES)):
                    yield path


def _is_raci_schema(path: Path) -> bool:
    """Whether `path` is raci's JSON Schema of the model file (its ``$id``
    in the first kilobytes)."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    from raci.formats.schema import load_schema

    with path.open("rb") as file:
        return str(load_schema()["$id"]).encode() in file.read(SNIFFED_BYTES)


def _check_is_database(spec: str) -> None:
    if is_database(spec):
        return
    from raci.formats.spreadsheet import SHEET_SUFFIXES

    if Path(spec).suffix.lower() in SHEET_SUFFIXES:
        raise UsageError(Said(N_("{file}: a spreadsheet or CSV file, not a model; import it "
                                 "first: `raci import {file} --into org.db`"), file=spec))
    raise UsageError(Said(N_("{file}: not a model; give a .db file, a database URL, "
                             "or a .yaml/.yml/.json file"), file=spec))
