"""Model files in and out: YAML and JSON, validated against the schema, with positions.

`read_model` and `parse_model` refuse a broken file as a whole, listing every
problem as ``FILE:LINE:COL: message``; `dump_model` and `write_model` write
the file format of docs/model-format.md back. The data functions convert
between a `Model` and the file's plain structure; `check_entity_data` gives one entity's schema
problems in the same words, for forms and scripted edits.

Spreadsheets are read by `raci.formats.sheet_files` (`read_spreadsheet`: a
RACI matrix or a seat roster from .xlsx or CSV, into `raci.model.sheets`
data); it is imported where used, so that openpyxl loads only then. The
names below are imported from their modules when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from raci.formats.convert import (
        entity_from_data,
        entity_to_data,
        model_from_data,
        model_to_data,
        raci_from_data,
        raci_to_data,
    )
    from raci.formats.files import LoadedModel, dump_model, parse_model, read_model, write_model
    from raci.formats.schema import check_entity_data

_MODULE_OF = {
    **dict.fromkeys(("entity_from_data", "entity_to_data", "model_from_data", "model_to_data",
                     "raci_from_data", "raci_to_data"), "convert"),
    **dict.fromkeys(("LoadedModel", "dump_model", "parse_model", "read_model", "write_model"),
                    "files"),
    "check_entity_data": "schema",
}


def __getattr__(name: str) -> Any:
    """Each name imported from its module when first asked for: a lint of a
    database reaches `raci.formats.changes` and needs no YAML reader."""
    if name not in _MODULE_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"raci.formats.{_MODULE_OF[name]}"), name)


__all__ = [
    "LoadedModel",
    "check_entity_data",
    "dump_model",
    "entity_from_data",
    "entity_to_data",
    "model_from_data",
    "model_to_data",
    "parse_model",
    "raci_from_data",
    "raci_to_data",
    "read_model",
    "write_model",
]
