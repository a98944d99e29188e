"""Real organisations' governance, converted into raci models for benchmarks and docs.

    .venv/bin/python -m benchmarks.realdata --out DIR [--rev 1|2] [--data PATH]

`convert` turns the public data in ``../shared/realdata`` (never copied into
this repository) into one model per organisation and shape, as (name, Model)
pairs, without writing files; `python -m benchmarks.realdata` writes them.
One module per source; the spreadsheets come in through `raci import`
(`spreadsheets`). Revision 2 is the current model format; revision 1 is what
raci 0.1 could hold of the same models (see `build.to_revision_1`). docs/real-data.md
says what each source became and what the linter finds in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from benchmarks.realdata import (
    apache,
    cncf,
    django,
    kubernetes,
    openstack,
    opentelemetry,
    python,
    rust,
    rust_goals,
    spreadsheets,
)
from benchmarks.realdata.build import NamedModel, to_revision_1

DEFAULT_DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "realdata"
REVISIONS = (1, 2)

SOURCES: list[Callable[[Path], list[NamedModel]]] = [
    kubernetes.models,
    openstack.models,
    cncf.models,
    opentelemetry.models,
    apache.models,
    rust.models,
    rust_goals.models,
    django.models,
    python.models,
]


def convert(data: Path = DEFAULT_DATA, rev: int = 2) -> list[NamedModel]:
    """Every model the data holds, in format revision `rev`."""
    if rev not in REVISIONS:
        raise ValueError(f"no format revision {rev}; there are {REVISIONS}")
    named = [model for source in SOURCES for model in source(data)]
    named += spreadsheets.imported(data)
    if rev == 2:
        return named
    return [NamedModel(name, to_revision_1(model)) for name, model in named]


__all__ = ["DEFAULT_DATA", "NamedModel", "convert"]
