"""Open a MODEL argument (`raci.model.source`): read a model file, a database,
or a scenario's view of a database.
"""

from __future__ import annotations

from pathlib import Path

from raci.errors import UsageError
from raci.model import Model
from raci.model.lean import LeanModel
from raci.model.source import (
    DATABASE_SUFFIX,
    SCENARIO_MARK,
    ModelSource,
    is_database,
    is_model_file,
    split_scenario,
)


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
