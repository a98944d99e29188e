"""Open a MODEL argument: a `.db` file, a SQLAlchemy URL, or a model file (SPEC §3)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from raci.errors import UsageError
from raci.model import Model

FILE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class ModelSource:
    label: str
    """The MODEL argument as the user gave it; findings and errors name it."""
    model: Model
    locations: Mapping[str, tuple[int, int]] | None = None
    """(line, column) of each entity in a model file; None for a database."""

    @property
    def is_file(self) -> bool:
        return self.locations is not None


def is_model_file(spec: str) -> bool:
    return Path(spec).suffix.lower() in FILE_SUFFIXES


def database_url(spec: str) -> str:
    """The SQLAlchemy URL for a MODEL that names a database."""
    if "://" in spec:
        return spec
    if Path(spec).suffix.lower() == ".db":
        return f"sqlite:///{Path(spec).resolve()}"
    raise UsageError(
        f"{spec}: not a model; give a .db file, a database URL, or a .yaml/.yml/.json file"
    )


def open_model(spec: str) -> ModelSource:
    """Read a model from a file or a database, for reading only."""
    if is_model_file(spec):
        from raci.formats import read_model

        loaded = read_model(Path(spec))
        return ModelSource(spec, loaded.model, loaded.locations)
    from raci.store import open_store

    with open_store(database_url(spec)) as store:
        return ModelSource(spec, store.load())
