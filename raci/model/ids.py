"""Readable ids made from names: "Stuurgroep Warmte" becomes ``stuurgroep-warmte``.

People think in names; ids are what the model file and every reference
use. A new entity's id is made from its name so that it reads as the name
does: accents dropped, lower case, words joined by ``-``, a kind's prefix
where one is asked for (``p.`` for a person), and ``-2``, ``-3`` … where the
id is already taken. The result always matches the format's id pattern.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container

ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
ID_MAX_LENGTH = 100
"""SPEC §1: the pattern of every id, and its length at most."""
_NOT_ID = re.compile(r"[^a-z0-9]+")


def id_from_name(name: str, taken: Container[str] = (), prefix: str = "") -> str:
    """A readable id for `name`, not in `taken`: ``prefix`` + the name's words.

    A name with no letter or digit at all gives ``prefix`` + ``item``.
    """
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = _NOT_ID.sub("-", plain.lower()).strip("-") or "item"
    base = f"{prefix}{words}"[:ID_MAX_LENGTH].rstrip("-")
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = base[: ID_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate
