"""One scripted edit: the model it is made on, looking ids up in it, and saving it.

The edit commands (`raci add`, `set`, `rm`, `assign`, …) and the remedies of
`raci scenario` build a `Change` on `Editing.model` and hand it to
`Editing.save`: the model's own, saved in the database, or a scenario's
view of it, kept as the scenario's next change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raci.errors import ConflictError, UsageError
from raci.i18n import N_, _, said_again
from raci.model import ACTOR_KINDS, ITEM_KINDS, Entity, Model
from raci.model.changes import Change
from raci.model.checks import did_you_mean
from raci.model.scenarios import Scenario, Step
from raci.model.source import split_scenario
from raci.source import database_url
from raci.vocabulary import A_KIND

if TYPE_CHECKING:
    from raci.store import Store

RUN_AGAIN = N_("nothing was written; run the command again")
"""What to do about a conflict on the command line (the app reloads)."""


@dataclass
class Editing:
    """The model one scripted edit is made on: the database's own, or a
    scenario's view of it, and where the edit is saved."""

    store: Store
    model: Model
    scenario: Scenario | None

    def save(self, change: Change, summary: str) -> str:
        """Apply the change in memory, refuse it if the model breaks, else store
        it: in the model, or as the scenario's next change (`summary` says
        what it does; a `Said` is said again in whichever language the
        scenario is read). Returns what to tell the user."""
        from raci.model.checks import check_model

        found = change.apply(self.model)
        problems = check_model(self.model)
        if problems:
            raise UsageError("; ".join(said_again(p.message) for p in problems))
        if self.scenario is None:
            self.store.save(change)
            return said_again(summary)
        self.store.add_step(self.scenario.name, Step(change, found, summary),
                            after=len(self.scenario.steps), recheck=True)
        return _("{summary} (scenario {name})").format(summary=said_again(summary),
                                                       name=self.scenario.name)


    def keep(self, steps: Sequence[Step]) -> str:
        """Store changes already made on `model` (each with what it found and
        its summary), in one transaction: in the model, or as the scenario's
        next changes. Refused, and nothing stored, if the model is broken.
        Returns where they went."""
        from raci.model.checks import check_model

        problems = check_model(self.model)
        if problems:
            raise UsageError("; ".join(said_again(p.message) for p in problems)
                             + _("; nothing was written"))
        if self.scenario is None:
            self.store.save_all([step.change for step in steps])
            return "the model"
        self.store.add_steps(self.scenario.name, steps, after=len(self.scenario.steps),
                             recheck=True)
        self.scenario.steps.extend(steps)
        return f"scenario {self.scenario.name}"


@contextmanager
def edit(spec: str, scenario: str | None = None) -> Iterator[Editing]:
    """The database MODEL names and the model to edit: its own, or the view
    of the scenario that `--scenario` or MODEL@NAME names."""
    from raci.store import open_store

    database, named = split_scenario(spec)
    if named is not None and scenario is not None and named != scenario:
        raise UsageError(_("{spec} names scenario {named} and --scenario names {scenario}; "
                           "give one").format(spec=spec, named=named, scenario=scenario))
    scenario = scenario or named
    with open_store(database_url(database)) as store:
        try:
            if scenario is None:
                yield Editing(store, store.load(), None)
            else:
                yield Editing(store, *store.load_view(scenario))
        except ConflictError as conflict:  # a command has nothing to reload: it runs again
            raise conflict.advised(RUN_AGAIN) from None


def ensure_scenario(spec: str, name: str, description: str) -> bool:
    """Make scenario `name` of the database MODEL names, unless it has one;
    whether it was made."""
    from raci.store import open_store

    with open_store(database_url(split_scenario(spec)[0])) as store:
        if name in {s.name for s in store.scenarios()}:
            return False
        store.create_scenario(name, description)
        return True


def drop_scenario(spec: str, name: str) -> None:
    """Drop scenario `name` of the database MODEL names."""
    from raci.store import open_store

    with open_store(database_url(split_scenario(spec)[0])) as store:
        store.drop_scenario(name)


def existing(
    model: Model, entity_id: str, kinds: frozenset[str] | None = None, what: str = ""
) -> Entity:
    """The entity with this id, of one of `kinds` (`what` names them); a
    `UsageError` with the nearest id otherwise."""
    entity = model.get(entity_id)
    if entity is None:
        hint = said_again(did_you_mean(entity_id, _ids(model, kinds)))
        raise UsageError(_("no entity with id {id!r}").format(id=entity_id) + hint)
    if kinds is not None and model.kind(entity_id) not in kinds:
        raise UsageError(_("{id} is {a_kind}, not {what}").format(
            id=entity_id, a_kind=A_KIND[model.kind(entity_id) or ""], what=what))
    return entity


def existing_item(model: Model, item_id: str) -> Entity:
    return existing(model, item_id, ITEM_KINDS,
                    _("an item (goal, initiative, decision or indicator)"))


def existing_actor(model: Model, actor_id: str) -> Entity:
    return existing(model, actor_id, ACTOR_KINDS, _("an actor (role, body or person)"))


def _ids(model: Model, kinds: frozenset[str] | None) -> list[str]:
    return [e.id for e in model.entities() if kinds is None or model.kind(e.id) in kinds]
