"""What a lint rule is: a code, a name, a default level, parameters and a check.

A rule is declared with the `lint_rule` decorator on its check function;
the function's docstring is the rule's documentation (what it finds, why it
matters for getting policy executed, how to fix it, its message, a failing
and a passing example), in the shape `raci.lint.ruledoc` reads. A check
is given *subjects* of the rule's `Scope` (items, bodies, units, or the
whole model) and yields `Problem`s about them; levels, selection, waivers
and baselines are the engine's business, never a rule's.
A full lint gives a check every subject in one call (one loop, no call per
subject); the app's `Linter` gives it only the subjects an edit touches.
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from raci.analysis import Analysis
from raci.lint.findings import Level
from raci.model.lean import LEAN_KINDS, LeanKpi

ParamValue = int | float | tuple[str, ...]
"""A parameter's value: a number, or a list of names (``exempt_kinds``)."""
RuleParams = Mapping[str, ParamValue]


def number(params: RuleParams, name: str) -> int | float:
    """A number parameter's value."""
    value = params[name]
    if isinstance(value, tuple):
        raise TypeError(f"parameter {name} is a list, not a number")
    return value


def names(params: RuleParams, name: str) -> tuple[str, ...]:
    """A list parameter's value."""
    value = params[name]
    if not isinstance(value, tuple):
        raise TypeError(f"parameter {name} is a number, not a list")
    return value


def borrowed(params: RuleParams, other: Rule, name: str) -> int | float:
    """A number parameter of `other`, a rule the check reads (`Rule.reads`):
    as configured, else its default."""
    key = f"{other.code}.{name}"
    return number(params, key) if key in params else number(other.params, name)


class Problem(NamedTuple):
    """What a check yields: the ids it is about, a message naming them, and
    the ids it concerns besides (`related`). A rule says its message with
    `raci.lint.message.said`: English text that can be said again in the
    current language. (A named tuple: a rule may yield tens of thousands.)"""

    targets: tuple[str, ...]
    message: str
    related: tuple[str, ...] = ()
    place: str | None = None
    """The location key the finding is placed at, when not its first target:
    the model's ``org`` for DAT001."""

    @classmethod
    def about(cls, targets: Iterable[str], message: str, *, related: Iterable[str] = (),
              place: str | None = None) -> Problem:
        ids = tuple(targets)
        return cls(ids if len(ids) == 1 else tuple(sorted(set(ids))), message,
                   tuple(sorted(set(related))) if related else (), place)


@dataclass(frozen=True)
class Scope:
    """What a rule checks: which ids are its subjects, and whether an id is one."""

    name: str
    """The subjects in words, after "each": ``body``, ``body or role``."""
    subjects: Callable[[Analysis], Iterable[str]]
    contains: Callable[[Analysis, str], bool]
    kinds: tuple[str, ...] = ()
    """The kinds of entity its subjects are."""


def _kind_scope(name: str, *kinds: str) -> Scope:
    def subjects(analysis: Analysis) -> Iterable[str]:
        return itertools.chain.from_iterable(analysis.model.collection(k) for k in kinds)

    return Scope(name, subjects, lambda analysis, id_: analysis.kind(id_) in kinds, kinds)


def _carries_raci(analysis: Analysis, kpi: LeanKpi) -> bool:
    """Whether an indicator carries a `raci` block: the key is present, even
    empty; an indicator given assignments (by an edit) carries one too."""
    return kpi.has_raci or analysis.assignments.has_assignments(kpi.id)


def _accountable_things(analysis: Analysis) -> Iterable[str]:
    model = analysis.model
    kpis = [kpi.id for kpi in model.kpis.values() if _carries_raci(analysis, kpi)]
    return itertools.chain(model.goals, model.initiatives, model.decisions, kpis)


def _is_accountable_thing(analysis: Analysis, entity_id: str) -> bool:
    kind = analysis.kind(entity_id)
    if kind == "kpi":
        return _carries_raci(analysis, analysis.model.kpis[entity_id])
    return kind in ITEM_KINDS


ITEM_KINDS = ("goal", "initiative", "decision")
"""The kinds that are *items* (an indicator is one for OWN001 only)."""
EXTERNALITY = ("unit.parent", "unit.external", "person.unit", "person.external", "role.holders")
"""What makes an actor external (`Analysis.external_actors`), as a rule's `fields`."""
TEMPORARINESS = ("body.kind", "body.temporary", "body.sunset", "role.temporary", "role.sunset")
"""What makes a body or role temporary, and when it ends, as a rule's `fields`."""
ITEMS = _kind_scope("goal, initiative or decision", *ITEM_KINDS)
ITEMS_AND_RACI_KPIS = Scope(
    "goal, initiative or decision, and each indicator that carries a `raci` block",
    _accountable_things, _is_accountable_thing, (*ITEM_KINDS, "kpi"))
GOALS = _kind_scope("goal", "goal")
INITIATIVES = _kind_scope("initiative", "initiative")
DECISIONS = _kind_scope("decision", "decision")
BODIES = _kind_scope("body", "body")
ROLES = _kind_scope("role", "role")
PEOPLE = _kind_scope("person", "person")
UNITS = _kind_scope("unit", "unit")
BODIES_AND_ROLES = _kind_scope("body or role", "body", "role")
ROLES_AND_PEOPLE = _kind_scope("role or person", "role", "person")
WHOLE_MODEL = Scope("model", lambda analysis: ("",), lambda analysis, id_: False)
WAIVERS = Scope(
    "waiver",
    lambda analysis: (str(number) for number in range(len(analysis.model.waivers))),
    lambda analysis, id_: False,
)

Check = Callable[[Analysis, RuleParams, Iterable[str]], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    """``OWN001``"""
    name: str
    """``unowned-item``"""
    group: str
    """``ownership``"""
    level: Level
    """The default level."""
    params: dict[str, ParamValue]
    """Parameter defaults; the default's type is the parameter's type."""
    doc: str
    check: Check
    """Checks the given subjects of `scope` and yields their problems; a
    problem of a scoped rule is about one subject, its only target."""
    scope: Scope
    uses_assignments: bool
    """Whether RACI assignments can change the result (the app re-checks only
    these rules, and only for the touched subjects, after a matrix edit)."""
    limits: dict[str, tuple[float, float]] = field(default_factory=dict)
    """Inclusive (low, high) bounds of number parameters; others must be >= 0."""
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """The names a list parameter may hold (every list parameter has them)."""
    waivable: bool = True
    """Whether a waiver can silence its findings (not WAI001, WAI002, DAT001)."""
    reads: tuple[str, ...] = ()
    """Codes of other rules whose parameters the check also reads, given to
    it as ``CODE.name`` (BOD010 reads BOD001's, to know its groups)."""
    fields: frozenset[str] = frozenset()
    """What the check reads of entities besides their ids and names:
    ``kind.field`` (``body.chair``), or a bare kind (``goal``) where only
    which entities of that kind exist counts; the scope's kinds included.
    After an edit the app's `Linter` re-runs only the rules that read what
    changed (a name read by every message, or the org, re-runs all)."""
    near: frozenset[str] = frozenset()
    """Those of `fields` whose change on an entity can only change the
    problems of subjects near it: the entity, what it names before and
    after, the items and actors of their assignments, the people holding
    those actors and their units (`Linter.update` checks only those again).
    BOD007's ``body.chair`` is near; BOD006's ``body.reports_to`` is not, as a
    body's depth changes with every body above it."""

    @property
    def dotted_name(self) -> str:
        return f"{self.group}.{self.name}"

    @property
    def summary(self) -> str:
        """The first line of the documentation."""
        return self.doc.split("\n", 1)[0].strip()

    def run(self, analysis: Analysis, params: RuleParams | None = None,
            subjects: Iterable[str] | None = None) -> Iterator[Problem]:
        """Check every subject of the scope (or only `subjects`)."""
        values = {**self.params, **(params or {})}
        return self.check(analysis, values,
                          self.scope.subjects(analysis) if subjects is None else subjects)


def lint_rule(code: str, name: str, group: str, level: Level, scope: Scope, *,
              uses_assignments: bool, params: dict[str, ParamValue] | None = None,
              limits: dict[str, tuple[float, float]] | None = None,
              choices: dict[str, tuple[str, ...]] | None = None,
              waivable: bool | None = None, reads: tuple[str, ...] = (),
              fields: tuple[str, ...] = (), near: tuple[str, ...] = ()) -> Callable[[Check], Rule]:
    """Declare a rule on its check function; the docstring is its documentation.
    Rules about waivers are never waivable themselves."""
    for read in fields:
        kind, _, field_name = read.partition(".")
        if kind not in LEAN_KINDS or (field_name and field_name not in LEAN_KINDS[kind]._fields):
            raise ValueError(f"{code} reads {read!r}, which no lean entity has")
    if not set(near) <= {read for read in fields if "." in read}:
        raise ValueError(f"{code}: its near fields must be fields it reads")

    def declare(check: Check) -> Rule:
        return Rule(code, name, group, level, dict(params or {}),
                    inspect.cleandoc(check.__doc__ or ""), check, scope, uses_assignments,
                    dict(limits or {}), dict(choices or {}),
                    scope is not WAIVERS if waivable is None else waivable, reads,
                    frozenset((*fields, *scope.kinds)), frozenset(near))

    return declare


def param_text(value: ParamValue) -> str:
    """A parameter's value as TOML writes it: ``0.6``, ``["advisory_board"]``."""
    if isinstance(value, tuple):
        return "[" + ", ".join(f'"{name}"' for name in value) + "]"
    return str(value)
