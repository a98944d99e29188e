"""Write model data as YAML, fast and safe.

A general YAML emitter (PyYAML's) needs about 13 s for a national-size model;
the model file has a fixed, shallow shape (sections of mappings whose values
are scalars, lists of scalars or a RACI block), so this writer emits that
shape directly. A string is written plain only when it cannot be read back as
anything else under YAML 1.1 or 1.2 (so PyYAML and yaml-rs agree); otherwise
it is written as a JSON-style double-quoted string, which YAML reads the same
way, with every character YAML does not allow raw escaped.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

# Starts with a letter, then letters, digits, and _ . / - or inner spaces:
# never a number, date, indicator, comment or flow character. Not with an
# underscore: yaml-rs reads ``_0`` as the number 0.
_PLAIN = re.compile(r"[A-Za-z](?:[A-Za-z0-9_./ -]*[A-Za-z0-9_./-])?")
# Words that YAML 1.1 or 1.2 read as booleans or null.
_RESERVED = frozenset({"y", "yes", "n", "no", "true", "false", "on", "off", "null"})
# Characters YAML does not allow raw in a double-quoted scalar, or would fold
# as line breaks (NEL, LS, PS), or a reader might strip (BOM).
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(value: Any) -> str:
    """One scalar as YAML text."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return _UNPRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _float(value: float) -> str:
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value)
    # YAML 1.1 (PyYAML) reads an exponent without a dot as a string.
    if "e" in text and "." not in text:
        text = text.replace("e", ".0e")
    return text


def _flow(value: Any) -> str:
    """A value on one line: a scalar, ``[a, b]`` or ``{A: x, R: [a, b]}``."""
    if isinstance(value, list):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    return scalar(value)


def _mapping_lines(data: dict[str, Any], first: str, rest: str, out: list[str]) -> None:
    """A mapping's keys one per line; the first line starts with `first`."""
    prefix = first
    for key, value in data.items():
        out.append(f"{prefix}{key}: {_flow(value)}\n")
        prefix = rest


def dump_yaml(data: dict[str, Any]) -> str:
    """The model file's data as YAML text: sections as block lists of mappings."""
    out: list[str] = []
    for key, value in data.items():
        if isinstance(value, list):
            out.append(f"{key}:\n")
            for entry in value:
                _mapping_lines(entry, "  - ", "    ", out)
        elif isinstance(value, dict):
            out.append(f"{key}:\n")
            _mapping_lines(value, "  ", "  ", out)
        else:
            out.append(f"{key}: {scalar(value)}\n")
    return "".join(out)
