"""Readable ids made from names, for entities made in the app.

A new entity's id is made from its name so that it reads as the name does
("Stuurgroep Warmte" becomes ``stuurgroep-warmte``): the same words as the
spreadsheet import makes (`raci.model.naming.slug`), a kind's prefix where
one is asked for (``p.`` for a person), and ``-2``, ``-3`` … where the id
is already taken. The result is always a valid id (docs/model-format.md).
"""

from __future__ import annotations

from collections.abc import Container

from raci.model.entities import ID_MAX_LENGTH
from raci.model.naming import slug


def id_from_name(name: str, taken: Container[str] = (), prefix: str = "") -> str:
    """A readable id for `name`, not in `taken`: ``prefix`` + the name's words.

    A name with no letter or digit at all gives ``prefix`` + ``item``.
    """
    base = f"{prefix}{slug(name) or 'item'}"[:ID_MAX_LENGTH].rstrip("-")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate
