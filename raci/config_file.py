"""raci's configuration file: where it is, what it holds as TOML, and its ``lang``.

``[tool.raci]`` in a ``pyproject.toml`` or ``[raci]`` in a ``raci.toml``,
the nearest beside the model file or in a directory above it (for a
database URL, from the current directory up). `raci.lint.config` reads the
lint settings from it; the command line reads only the language here,
before every command, so that a command that lints nothing does not import
the linter's rules to learn which language to speak.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from raci.errors import UsageError
from raci.i18n import LANGUAGES, N_, _


def find_config_file(model_path: Path | None) -> Path | None:
    """The nearest ``raci.toml``, or ``pyproject.toml`` with ``[tool.raci]``."""
    start = (model_path.resolve().parent if model_path is not None else Path.cwd().resolve())
    for directory in (start, *start.parents):
        candidate = directory / "raci.toml"
        if candidate.is_file():
            return candidate
        candidate = directory / "pyproject.toml"
        if candidate.is_file() and "raci" in read_toml(candidate).get("tool", {}):
            return candidate
    return None


def language_setting() -> str | None:
    """The ``lang`` setting of the configuration found from the current
    directory up, if any; a language raci does not speak is refused. A
    file that cannot be read is passed over here: `raci lint` names its
    problem."""
    try:
        path = find_config_file(None)
        if path is None:
            return None
        document = read_toml(path)
    except UsageError:
        return None
    table, keys = raci_table(document) or ({}, ("raci",))
    value = table.get("lang") if isinstance(table, dict) else None
    if value is not None and value not in LANGUAGES:
        check_language(value, f"{KeyPlaces.read(path).of(*keys, 'lang')}: lang")
    return value


def raci_table(document: dict[str, Any]) -> tuple[object, tuple[str, ...]] | None:
    """raci's table in a configuration file and the keys that name it there:
    ``[tool.raci]`` (a pyproject.toml's), else ``[raci]`` (a raci.toml's);
    None when it has neither. The table as written: perhaps no table at all."""
    tool = document.get("tool")
    if isinstance(tool, dict) and "raci" in tool:
        return tool["raci"], ("tool", "raci")
    if "raci" in document:
        return document["raci"], ("raci",)
    return None


def check_language(value: object, what: str) -> None:
    """Refuse a ``lang`` setting (`what` names where it is) that is none of `LANGUAGES`."""
    if value not in LANGUAGES:
        raise UsageError(_("{what}: must be one of {choices}, not {value}").format(
            what=what, choices=", ".join(LANGUAGES), value=as_written(value)))


def as_written(value: object) -> str:
    """A configuration value as TOML writes it (``true``, ``0.5``, ``[1, 2]``),
    a text quoted (``'warn'``), so a message shows what the file says."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(map(as_written, value)) + "]"
    return repr(value) if isinstance(value, str) else str(value)


def read_toml(path: Path) -> dict[str, Any]:
    """The TOML file at `path`; one that cannot be read, or is not TOML, is refused."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise UsageError(_("{path}: cannot read the configuration: {reason}").format(
            path=path, reason=error.strerror)) from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError(_toml_fault(path, str(error))) from None


_TOML_FAULTS = frozenset({
    N_("Cannot overwrite a value"), N_("Escaped character is not a Unicode scalar value"),
    N_("Expected '=' after a key in a key/value pair"),
    N_("Expected ']' at the end of a table declaration"),
    N_("Expected ']]' at the end of an array declaration"),
    N_("Expected newline or end of document after a statement"),
    N_("Invalid date or datetime"), N_("Invalid hex value"),
    N_("Invalid initial character for a key part"), N_("Invalid statement"),
    N_("Invalid value"), N_("Unclosed array"), N_("Unclosed inline table"),
    N_("Unescaped '\\' in a string"), N_("Unterminated string"),
})
"""What Python's TOML reader says is wrong, in the catalogue so that a person
reads it in the current language; any other reason is said as the reader says it."""
_TOML_PLACE = re.compile(
    r"(?P<reason>.*) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)")


def _toml_fault(path: Path, reason: str) -> str:
    """``raci.toml:3:7: not valid TOML: Invalid value``: the place as an
    editor jumps to it, the reason in the current language where known."""
    place = _TOML_PLACE.fullmatch(reason)
    path_text = str(path)
    if place is not None:
        reason = place["reason"]
        if place["line"] is not None:
            path_text = f"{path}:{place['line']}:{place['column']}"
    said = _(reason) if reason in _TOML_FAULTS else reason
    return _("{path}: not valid TOML: {reason}").format(path=path_text, reason=said)


_KEY_PART = r"""[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'"""
_DOTTED_KEY = rf"(?:{_KEY_PART})(?:[ \t]*\.[ \t]*(?:{_KEY_PART}))*"
_TABLE_LINE = re.compile(rf"[ \t]*\[\[?[ \t]*(?P<key>{_DOTTED_KEY})[ \t]*\]")
_KEY_LINE = re.compile(rf"[ \t]*(?P<key>{_DOTTED_KEY})[ \t]*=")


@dataclass(frozen=True)
class KeyPlaces:
    """Where each table and key of a TOML file is written (line and column,
    from 1), so that a message about a setting names its line as a message
    about a model file does: Python's TOML reader gives no positions, nor
    does any TOML reader in raci's environment for a key it read well."""

    path: Path
    places: dict[tuple[str, ...], tuple[int, int]]

    @classmethod
    def read(cls, path: Path) -> KeyPlaces:
        """The places in the file at `path`, already read as TOML."""
        places: dict[tuple[str, ...], tuple[int, int]] = {}
        table: tuple[str, ...] = ()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            header = _TABLE_LINE.match(line)
            written = header or _KEY_LINE.match(line)
            if written is None:
                continue
            keys = _key_parts(written["key"])
            if header is not None:
                table, keys = keys, ()
            column = len(line) - len(line.lstrip(" \t")) + 1
            for end in range(1, len(table + keys) + 1):
                places.setdefault((table + keys)[:end], (number, column))
        return cls(path, places)

    def of(self, *keys: str) -> str:
        """``raci.toml:7:1``, where the key `keys` names (its tables' names,
        then its own) is written, or else the nearest table holding it."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.places:
                line, column = self.places[keys[:end]]
                return f"{self.path}:{line}:{column}"
        return str(self.path)


def _key_parts(key: str) -> tuple[str, ...]:
    """``tool."raci".rules`` -> ``("tool", "raci", "rules")``: a dotted key's names."""
    return tuple(tomllib.loads(f"k = {part}")["k"] if part[0] in "\"'" else part
                 for part in re.findall(_KEY_PART, key))
