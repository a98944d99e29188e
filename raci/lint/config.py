"""Lint configuration: which rules run, at which level, with which parameters.

Read from ``[tool.raci]`` in a ``pyproject.toml`` or ``[raci]`` in a
``raci.toml`` found next to the model file or in a directory above it (for a
database URL, from the current directory up; `raci.config_file` finds and
reads it), or from ``--config FILE``; the command line overrides the file.
Unknown rules, keys and parameters, and values of the wrong type, are
refused with a message naming the file and the setting's line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raci.config_file import (
    KeyPlaces,
    as_written,
    check_language,
    find_config_file,
    raci_table,
    read_toml,
)
from raci.errors import UsageError
from raci.i18n import N_, _, said_again
from raci.lint.findings import LEVEL_RANK, LEVELS, Level
from raci.lint.rule import ParamValue, Rule, param_text
from raci.lint.rules import GROUPS, RULES, closest_rule, find_rule
from raci.model import parse_date
from raci.vocabulary import FAIL_ON_CHOICES

LEVEL_CHOICES = (*LEVELS, "off")
TOP_KEYS = ("select", "ignore", "fail-on", "as-of", "rules", "lang")
COMMAND_LINE = "the command line"
"""The `source` of settings given as options; its errors name the option."""


@dataclass
class LintConfig:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    """Codes, code prefixes (``OWN``, ``BOD00``), names, dotted names, groups or ``ALL``."""
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "warning"
    levels: dict[str, str] = field(default_factory=dict)
    """Code -> level, or ``off``."""
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Code -> parameter -> value as given (a list parameter as a list or
    tuple); `check_config` refuses what is not a valid value."""
    as_of: dt.date | None = None
    source: str = COMMAND_LINE
    """Where the settings came from, for error messages."""
    notes: list[str] = field(default_factory=list)
    """What the command should tell the user about these settings (`selected_but_off`)."""

    def enabled_rules(self) -> list[Rule]:
        """The selected rules, not ignored and not turned off, in code order."""
        chosen = select_codes(self.select, "select", self.source)
        chosen -= select_codes(self.ignore, "ignore", self.source)
        return [r for r in RULES if r.code in chosen and self.levels.get(r.code) != "off"]

    def level_of(self, rule: Rule) -> Level:
        level = self.levels.get(rule.code, rule.level)
        return rule.level if level == "off" else level  # type: ignore[return-value]

    def params_of(self, rule: Rule) -> dict[str, ParamValue]:
        """The rule's parameters, and those of the rules it reads as
        ``CODE.name`` (`Rule.reads`); list parameters as tuples, and a
        number of a parameter that takes fractions (its default is one) as
        a fraction: TOML's ``max_share = 0`` is a whole number, which a
        message would say as ``0``, not as the share ``0%``."""
        given = self.params.get(rule.code, {})
        values = {**rule.params, **{name: float(value) if isinstance(rule.params.get(name), float)
                                    else value for name, value in given.items()}}
        for code in rule.reads:
            other = find_rule(code)
            if other is not None:
                values.update((f"{other.code}.{name}", value)
                              for name, value in self.params_of(other).items() if "." not in name)
        return {name: tuple(value) if isinstance(value, list) else value
                for name, value in values.items()}

    def fails(self, level: str) -> bool:
        """Whether a finding at `level` makes the run fail (exit 1)."""
        return self.fail_on != "never" and LEVEL_RANK[level] >= LEVEL_RANK[self.fail_on]


def select_codes(tokens: Iterable[str], option: str, source: str) -> set[str]:
    """The codes a list of selectors names; an unknown selector is refused."""
    codes: set[str] = set()
    for token in tokens:
        key = token.strip()
        if not key:
            continue
        found = codes_for(key)
        if not found:
            where = f"--{option}" if source == COMMAND_LINE else source
            within = "" if source == COMMAND_LINE else _(" in {option}").format(option=option)
            raise UsageError(_("{where}: unknown rule, prefix or group {key!r}{within};{hint} "
                               "`raci rules` lists them").format(
                                   where=where, key=key, within=within, hint=_suggestion(key)))
        codes |= found
    return codes


def _suggestion(key: str) -> str:
    """`` did you mean 'OWN001'?`` for the closest code, name or group."""
    nearest = closest_rule(key)
    return _(" did you mean {code!r}?").format(code=nearest) if nearest else ""


def codes_for(key: str) -> set[str]:
    """The codes one selector names: ALL, a code or name, a group or a code's prefix."""
    if key.upper() == "ALL":
        return {r.code for r in RULES}
    single = find_rule(key)
    if single is not None:
        return {single.code}
    prefix = GROUPS.get(key.lower(), key.upper())
    return {r.code for r in RULES if r.code.startswith(prefix)}


def split_codes(values: str | Iterable[str]) -> list[str] | None:
    """``"OWN,BOD001"`` -> ``["OWN", "BOD001"]``; an option given several
    times adds up, as ruff's does (``("OWN", "BOD001,STR")`` -> ``["OWN",
    "BOD001", "STR"]``); an option not given (``()``) -> None."""
    given = [values] if isinstance(values, str) else list(values)
    if not given:
        return None
    return [part.strip() for value in given for part in value.split(",") if part.strip()]


def option_date(value: str, what: str) -> dt.date:
    """A YYYY-MM-DD date given as an option or setting named `what`."""
    try:
        return parse_date(value)
    except ValueError:
        raise UsageError(_("{what}: {value!r} is not a date; use YYYY-MM-DD").format(
            what=what, value=value)) from None


def load_config(
    model_path: Path | None,
    config_file: Path | None = None,
    *,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    fail_on: str | None = None,
    as_of: dt.date | None = None,
) -> LintConfig:
    """The configuration for linting `model_path` (None: a database URL).

    The file is `config_file` when given, else the nearest ``raci.toml`` or
    ``pyproject.toml`` with a ``[tool.raci]`` table beside or above the model;
    the keyword arguments (from the command line) override it.
    """
    path = config_file if config_file is not None else find_config_file(model_path)
    config = LintConfig() if path is None else config_from_file(path)
    if select is not None:
        config.select = select
    if ignore is not None:
        config.ignore = ignore
    if fail_on is not None:
        config.fail_on = fail_on
    if as_of is not None:
        config.as_of = as_of
    check_config(config, COMMAND_LINE)
    if select is not None and path is not None:
        config.notes = selected_but_off(config, select, file_ignores=ignore is None)
    return config


def selected_but_off(config: LintConfig, select: list[str], *, file_ignores: bool) -> list[str]:
    """A note for each rule a `select` selector names only to find the file
    ignoring it (with `file_ignores`) or setting its level to off: the
    command line replaces the file's select, not its ignore or levels
    (docs/lint.md), so the rule would silently not run."""
    ignored = select_codes(config.ignore, "ignore", config.source) if file_ignores else set()
    notes: list[str] = []
    for token in select:
        codes = codes_for(token.strip())
        if any(code not in ignored and config.levels.get(code) != "off" for code in codes):
            continue  # something it names runs
        for code in sorted(codes):
            if code in ignored:
                notes.append(_("raci: note: {code} is selected but {file} ignores it (ignore = "
                               "{ignore}); nothing checks it").format(
                    code=code, file=config.source, ignore=as_written(config.ignore)))
            else:
                notes.append(_("raci: note: {code} is selected but {file} sets its level to "
                               "'off'; nothing checks it").format(code=code, file=config.source))
    return list(dict.fromkeys(notes))


def config_from_file(path: Path) -> LintConfig:
    """Read ``[tool.raci]`` (or ``[raci]``) from a TOML file; a refusal
    names the line of the setting it refuses (``raci.toml:7:1: …``)."""
    found = raci_table(read_toml(path))
    if found is None and path.name != "raci.toml":
        raise UsageError(_("{path}: has no [tool.raci] or [raci] table").format(path=path))
    table, keys = found or ({}, ("raci",))
    places = KeyPlaces.read(path)
    where = f"[{'.'.join(keys)}]"
    if not isinstance(table, dict):
        raise UsageError(_("{what}: must be a table").format(what=f"{places.of(*keys)}: {where}"))
    config = LintConfig(source=str(path))
    for key, value in table.items():
        _set_key(config, key.replace("_", "-"), value, places, (*keys, key))
    return config


def _set_key(config: LintConfig, key: str, value: Any, places: KeyPlaces,
             keys: tuple[str, ...]) -> None:
    """Set one key of the file's table (`keys` names it in the file)."""
    place = places.of(*keys)
    table = f"[{'.'.join(keys[:-1])}]"
    source = f"{place}: {table}"
    if key in ("select", "ignore"):
        codes = _string_list(value, f"{source} {key}")
        if key == "select" and not codes:
            raise UsageError(_("{what}: is empty; give rule codes, prefixes or names, or "
                               "ALL").format(what=f"{source} select"))
        select_codes(codes, key, place)
        setattr(config, key, codes)
    elif key == "fail-on":
        config.fail_on = _one_of(value, FAIL_ON_CHOICES, _NOT_ONE_OF, what=f"{source}: fail-on")
    elif key == "as-of":
        config.as_of = _config_date(value, f"{source} as-of")
    elif key == "lang":
        check_language(value, f"{source} lang")
    elif key == "rules":
        if not isinstance(value, dict):
            raise UsageError(_("{what}: rules must be a table of rule tables").format(
                what=source))
        tables: dict[str, str] = {}
        for name, settings in value.items():
            code = _set_rule(config, settings, places, (*keys, name))
            if code in tables:
                raise UsageError(_("{what}: rules.{name} and rules.{other} both set {code}; "
                                   "keep one of them").format(
                    what=f"{places.of(*keys, name)}: {table}",
                    name=tables[code], other=name, code=code))
            tables[code] = name
    else:
        raise UsageError(_("{what}: unknown key {key!r}; known keys: {keys}").format(
            what=source, key=key, keys=", ".join(TOP_KEYS)))


def _config_date(value: Any, what: str) -> dt.date:
    """A TOML date (``2026-11-01``) or the same as text; a date and time is refused."""
    if isinstance(value, dt.datetime):
        raise UsageError(_("{what}: {value} is a date and time; use YYYY-MM-DD").format(
            what=what, value=value.isoformat()))
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise UsageError(_("{what}: must be a date (YYYY-MM-DD), not {kind}").format(
            what=what, kind=_toml_type(value)))
    return option_date(value, what)


_NOT_ONE_OF = N_("{what} must be one of {choices}, not {value}")
_NOT_A_LEVEL = N_("{what}: level of {code} must be one of {choices}, not {value}")


def _one_of(value: object, choices: tuple[str, ...], refusal: str, **names: str) -> str:
    """`value`, one of `choices`; anything else refused (`refusal`, with
    `names`), said as written."""
    if not isinstance(value, str) or value not in choices:
        raise UsageError(_(refusal).format(choices=", ".join(choices), value=as_written(value),
                                           **names))
    return value


def _toml_type(value: Any) -> str:
    kinds = {bool: N_("true or false"), int: N_("a number"), float: N_("a number"),
             list: N_("a list"), dict: N_("a table")}
    return _(kinds[type(value)]) if type(value) in kinds else type(value).__name__


def _string_list(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        return split_codes(value) or []
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise UsageError(_("{what}: must be a list of rule codes, prefixes or names").format(
        what=what))


def _set_rule(config: LintConfig, settings: Any, places: KeyPlaces,
              keys: tuple[str, ...]) -> str:
    """Set the level and parameters one rule table gives (`keys` names it
    in the file); the rule's code."""
    name = keys[-1]
    found = find_rule(name)
    table = f"[{'.'.join(keys[:-2])}] rules.{name}"
    where = f"{places.of(*keys)}: {table}"
    if found is None:
        hint = _rule_hint(name)
        if hint:
            raise UsageError(_("{what}: unknown rule {name!r}{hint} `raci rules` lists "
                               "them").format(what=where, name=name, hint=hint))
        raise UsageError(_("{what}: unknown rule {name!r}; `raci rules` lists them").format(
            what=where, name=name))
    if not isinstance(settings, dict):
        raise UsageError(_("{what}: must be a table of level and parameters").format(
            what=where))
    for key, value in settings.items():
        if key == "level":
            config.levels[found.code] = _one_of(value, LEVEL_CHOICES, _NOT_A_LEVEL,
                                                what=places.of(*keys, key), code=found.code)
        elif key in found.params:
            check_params(found, {key: value}, places.of(*keys, key))
            config.params.setdefault(found.code, {})[key] = value
        else:
            known = ", ".join(["level", *found.params])
            raise UsageError(_("{what}: unknown parameter {key!r}; {code} takes {known}").format(
                what=f"{places.of(*keys, key)}: {table}",
                key=key, code=found.code, known=known))
    return found.code


def _rule_hint(name: str) -> str:
    """``; did you mean 'OWN002'?`` for the rule code or name `name` misspells, or nothing."""
    from raci.model.checks import did_you_mean  # a misspelling only: not for every lint

    spellings = [key for rule in RULES for key in (rule.code, rule.name, rule.dotted_name)]
    return said_again(did_you_mean(name, spellings))


def check_config(config: LintConfig, source: str) -> None:
    """Refuse unknown selectors, levels and parameters and values of the wrong type."""
    _one_of(config.fail_on, FAIL_ON_CHOICES, _NOT_ONE_OF, what=f"{source}: fail-on")
    select_codes(config.select, "select", source)
    select_codes(config.ignore, "ignore", source)
    by_code = {r.code: r for r in RULES}
    for code, level in config.levels.items():
        if code not in by_code:
            raise UsageError(_("{what}: unknown rule {code!r}{hint}").format(
                what=source, code=code, hint=_rule_hint(code)))
        _one_of(level, LEVEL_CHOICES, _NOT_A_LEVEL, what=source, code=code)
    for code, values in config.params.items():
        if code not in by_code:
            raise UsageError(_("{what}: unknown rule {code!r}{hint}").format(
                what=source, code=code, hint=_rule_hint(code)))
        check_params(by_code[code], values, source)


def check_params(rule: Rule, values: Mapping[str, object], source: str) -> None:
    for key, value in values.items():
        if key not in rule.params:
            known = ", ".join(rule.params) or _("no parameters")
            raise UsageError(_("{what}: {code} has no parameter {key!r} ({known})").format(
                what=source, code=rule.code, key=key, known=known))
        if isinstance(rule.params[key], tuple):
            _check_names(rule, key, value, source)
        else:
            _check_number(rule, key, value, source)


def _check_names(rule: Rule, key: str, value: object, source: str) -> None:
    """A list parameter: a list of the names the rule knows for it."""
    allowed = rule.choices[key]
    example = param_text(rule.params[key]) if rule.params[key] else f'["{allowed[0]}"]'
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise UsageError(_("{what} must be a list of names like {example}, not "
                           "{value}").format(what=f"{source}: {rule.code} {key}",
                                             example=example, value=as_written(value)))
    for name in value:
        if name not in allowed:
            from raci.model.checks import did_you_mean  # a misspelling only

            raise UsageError(_("{what}: {name!r} is not one of {choices}{hint}").format(
                what=f"{source}: {rule.code} {key}", name=name, choices=", ".join(allowed),
                hint=said_again(did_you_mean(name, allowed))))


def _check_number(rule: Rule, key: str, value: object, source: str) -> None:
    """A number parameter: of the default's type, within the rule's bounds."""
    default = rule.params[key]
    low, high = rule.limits.get(key, (0, float("inf")))
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(default, int) and not isinstance(value, int):
        is_number = False
    if not is_number or not low <= value <= high:  # type: ignore[operator]
        raise UsageError(_("{what} must be {allowed}, not {value}").format(
            what=f"{source}: {rule.code} {key}", value=as_written(value),
            allowed=_(allowed_values(rule, key), "rules")))


def allowed_values(rule: Rule, key: str) -> str:
    """What a parameter takes: ``a whole number (at least 0)``, ``a number
    (above 0 and at most 1)``, ``a list of: steering_group, …``."""
    if isinstance(rule.params[key], tuple):
        return f"a list of: {', '.join(rule.choices[key])}"
    low, high = rule.limits.get(key, (0, float("inf")))
    wanted = "a whole number" if isinstance(rule.params[key], int) else "a number"
    return f"{wanted} ({bounds_phrase(low, high)})"


def bounds_phrase(low: float, high: float) -> str:
    """``at least 0``, ``above 0 and at most 1``, ``at least 0 and at most 1``.

    A rule writes "above 0" as a tiny positive low bound (the float slack it
    compares with), which must not be printed as ``1e-09``.
    """
    lowest = "above 0" if 0 < low < 1e-6 else f"at least {low:g}"
    return lowest if high == float("inf") else f"{lowest} and at most {high:g}"
