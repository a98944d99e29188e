"""Open a MODEL argument: a `.db` file, a SQLAlchemy URL, or a model file
(SPEC §3), or a scenario's view of a database: ``MODEL@NAME``.

``org.db@plan`` is the model of ``org.db`` with scenario ``plan`` played on
it. It is read so only when the text after the last ``@`` is a scenario name
(letters, digits, ``_`` and ``-``: never a ``.`` or ``/``) and the text
before it names a database (a ``.db`` file or a URL with a path) or a model
file (to be told that scenarios live in databases). So a file whose own name
holds an ``@`` (``team@2026.db``, ``a@b/org.db``) stays a file. The one
reading left to choose is a URL whose database name itself ends in ``@WORD``:
write that ``@`` as ``%40`` (``postgresql://host/org%40x``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from raci.errors import UsageError
from raci.model import Model
from raci.model.lean import LeanModel
from raci.model.scenarios import is_valid_scenario_name

FILE_SUFFIXES = (".yaml", ".yml", ".json")
DATABASE_SUFFIX = ".db"
SCENARIO_MARK = "@"


AnyModel = TypeVar("AnyModel", Model, LeanModel)


@dataclass
class ModelSource(Generic[AnyModel]):
    label: str
    """The MODEL argument as the user gave it; findings and errors name it."""
    model: AnyModel
    """The whole `Model`, or a `LeanModel` when opened only to be linted."""
    locations: Mapping[str, tuple[int, int]] | None = None
    """(line, column) of each entity in a model file; None for a database."""

    @property
    def is_file(self) -> bool:
        return self.locations is not None


def is_model_file(spec: str) -> bool:
    """Whether MODEL names a model file (.yaml, .yml or .json, in any case)."""
    return "://" not in spec and Path(spec).suffix.lower() in FILE_SUFFIXES


def is_database(spec: str) -> bool:
    """Whether MODEL names a database: a URL, or a file whose suffix is .db (in any case)."""
    return "://" in spec or Path(spec).suffix.lower() == DATABASE_SUFFIX


def split_scenario(spec: str) -> tuple[str, str | None]:
    """``org.db@plan`` -> (``org.db``, ``plan``); a MODEL with no scenario -> (MODEL, None)."""
    model, mark, name = spec.rpartition(SCENARIO_MARK)
    if not mark or not is_valid_scenario_name(name):
        return spec, None
    if "://" in model:
        has_path = "/" in model.partition("://")[2]
        return (model, name) if has_path else (spec, None)
    return (model, name) if is_database(model) or is_model_file(model) else (spec, None)


def database_url(spec: str) -> str:
    """The SQLAlchemy URL for a MODEL that names a database; anything else is refused."""
    model, scenario = split_scenario(spec)
    if scenario is not None:
        raise UsageError(f"{spec}: names scenario {scenario} of {model}; this command works on "
                         f"the model itself: give {model}")
    if "://" in spec:
        return spec
    if is_database(spec):
        return f"sqlite:///{Path(spec).resolve()}"
    if is_model_file(spec):
        raise UsageError(
            f"{spec}: this needs a database, not a model file; "
            f"read the file into one with `raci import {spec} --into org.db`"
        )
    raise UsageError(f"{spec}: not a model database; give a .db file or a database URL")


def open_model(spec: str) -> ModelSource[Model]:
    """Read a model from a file or a database, or a scenario's view of a
    database, for reading only (a model file is never written)."""
    model, scenario = split_scenario(spec)
    if scenario is not None:
        return ModelSource(spec, open_view(model, scenario))
    if is_model_file(spec):
        from raci.formats import read_model

        loaded = read_model(Path(spec))
        return ModelSource(spec, loaded.model, loaded.locations)
    _check_is_database(spec)
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return ModelSource(spec, store.load())


def open_lean_model(spec: str) -> ModelSource[LeanModel]:
    """Read a model to lint it: a database gives its lean tuples straight away."""
    if is_model_file(spec) or split_scenario(spec)[1] is not None:
        source = open_model(spec)
        return ModelSource(spec, LeanModel.of_model(source.model), source.locations)
    _check_is_database(spec)
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return ModelSource(spec, store.load_lean())


def open_view(spec: str, scenario: str) -> Model:
    """The model of database `spec` with `scenario` played on it."""
    if is_model_file(spec):
        raise UsageError(f"{spec}{SCENARIO_MARK}{scenario}: scenarios live in a model "
                         f"database; read the file into one with `raci import {spec} --into "
                         f"{Path(spec).with_suffix(DATABASE_SUFFIX)}`")
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return store.load_view(scenario)[0]


def _check_is_database(spec: str) -> None:
    if not is_database(spec):
        raise UsageError(
            f"{spec}: not a model; give a .db file, a database URL, or a .yaml/.yml/.json file"
        )
