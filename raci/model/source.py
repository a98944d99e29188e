"""What a model was read from: a MODEL argument as the user gives it, and the
model read from it with where each entity stands in a model file.

A MODEL is a `.db` file, a SQLAlchemy URL, or a model file (docs/cli.md), or a
scenario's view of a database: ``MODEL@NAME``. ``org.db@plan`` is the model
of ``org.db`` with scenario ``plan`` played on it. It is read so only when
the text after the last ``@`` is a scenario name (letters, digits, ``_`` and
``-``: never a ``.`` or ``/``) and the text before it names a database (a
``.db`` file or a URL with a path) or a model file (to be told that scenarios
live in databases). So a file whose own name holds an ``@`` (``team@2026.db``,
``a@b/org.db``) stays a file. The one reading left to choose is a URL whose
database name itself ends in ``@WORD``: write that ``@`` as ``%40``
(``postgresql://host/org%40x``).

Opening a MODEL (reading the file or the database) is `raci.source`'s.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from raci.model.lean import LeanModel
from raci.model.model import Model

FILE_SUFFIXES = (".yaml", ".yml", ".json")
DATABASE_SUFFIX = ".db"
SCENARIO_MARK = "@"
STDIN = "-"
"""The MODEL that is a model file read from standard input (YAML, or JSON)."""
SCENARIO_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
"""What a scenario's name is: letters, digits, ``_`` and ``-``, starting with a
letter or digit. No ``.``, ``@`` or ``/``, so that ``org.db@plan`` cannot be
read another way."""
SCENARIO_NAME_MAX_LENGTH = 100
_PASSWORD = re.compile(r"^(?P<user>[\w+]+://[^:/]*:)[^@]*(?=@)")
"""A database URL's password, read as SQLAlchemy reads a URL: after the
user's ``:``, up to the next ``@``."""
_QUERY_PASSWORD = re.compile(r"(?i)(?P<key>[?&](?:[^?&=]*(?:password|passwd|pwd)[^?&=]*|pass)=)"
                             r"[^&]*")
"""A password given in a database URL's query (``?password=s3cr3t``), which
libpq reads as well as the one before the host: any key that names a
password (``password``, ``sslpassword``, ``passwd``, ``pwd``, ``pass``), in
any case. ``passfile`` names a file, not a secret, and stays."""


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


def is_valid_scenario_name(text: str) -> bool:
    return len(text) <= SCENARIO_NAME_MAX_LENGTH and SCENARIO_NAME.fullmatch(text) is not None


def without_password(spec: str) -> str:
    """A MODEL as outputs name it (CI keeps and shares them): a database URL
    with its password as ``***``, as raci's messages name the database
    (``postgresql://u:***@host/org``, with ``@plan`` if a scenario's), and
    so any password in its query (``?sslpassword=***``); else as given."""
    if "://" not in spec:
        return spec
    model, scenario = split_scenario(spec)
    hidden = _QUERY_PASSWORD.sub(r"\g<key>***", _PASSWORD.sub(r"\g<user>***", model, count=1))
    return hidden if scenario is None else f"{hidden}{SCENARIO_MARK}{scenario}"



def split_scenario(spec: str) -> tuple[str, str | None]:
    """``org.db@plan`` -> (``org.db``, ``plan``); a MODEL with no scenario -> (MODEL, None)."""
    model, mark, name = spec.rpartition(SCENARIO_MARK)
    if not mark or not is_valid_scenario_name(name):
        return spec, None
    if "://" in model:
        has_path = "/" in model.partition("://")[2]
        return (model, name) if has_path else (spec, None)
    return (model, name) if is_database(model) or is_model_file(model) else (spec, None)
