"""Where the app's edits go: into the model, or into a scenario.

The database worker holds one `Place`. It opens it once (making, applying
or dropping a scenario first when asked), then asks it for the model to
edit and to save each edit. In a scenario the app edits the scenario's
*view* (the model with the scenario played on it, `Store.load_view`): a new
edit becomes the scenario's next change, an undo takes its last change off
(`Store.undo_step`), so `raci scenario show` lists what the user did and
nothing they took back. The changes a scenario already has are the
session's undo history, so they can be undone in the app too.

A place in a scenario also keeps the findings of the model without it
(`base`), which the scenario bar compares with the findings as the user
edits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from raci.i18n import _, ngettext, said_again
from raci.lint import LintConfig
from raci.lint.engine import lint_model
from raci.lint.findings import Finding
from raci.model import Model
from raci.model.scenarios import Step, play
from raci.model.source import ModelSource
from raci.store.reading import Loaded, read_file
from raci.tui.session import Edit, Session

if TYPE_CHECKING:
    from raci.store import Store
    from raci.tui.first_findings import FirstFindings

Settle = tuple[Literal["apply", "drop"], str]
"""Apply or drop a scenario (by name) before opening the place."""


@dataclass
class Stepped(Edit):
    """An undo or a redo; in a scenario an undo takes the last change off and a
    redo puts it back, under its own summary (`named`)."""

    undoing: bool = False
    named: str = ""


@dataclass
class Place:
    """The model itself: edits are saved into it."""

    settle: Settle | None = None
    done: str = ""
    """What settling did, to tell the user: ``Applied scenario plan: …``."""

    @property
    def scenario(self) -> str | None:
        return None

    def open(self, store: Store, config: LintConfig) -> Session:
        """Settle what was asked, then the session to edit (on the worker's thread)."""
        if self.settle is not None:
            how, name = self.settle
            if how == "apply":
                applied = store.apply_scenario(name)[1]
                count = len(applied.steps)
                self.done = ngettext("Applied scenario {name}: {count} change written into "
                                     "the model",
                                     "Applied scenario {name}: {count} changes written into "
                                     "the model", count).format(name=name, count=count)
            else:
                store.drop_scenario(name)
                self.done = _("Dropped scenario {name}; the model is as it was").format(
                    name=name)
        return Session(self.load(store), config)

    def read_first(self, path: Path, config: LintConfig, linted: FirstFindings | None = None
                   ) -> tuple[Session, Loaded] | None:
        """The session to edit the SQLite file at `path` in, read before the
        store is opened (`raci.store.reading.read_file`), and what was read,
        for the store to save into; None where only the store can open it: a
        scenario, one to settle first, a file to migrate or none at all.
        `linted`: the same file's findings linted in a process of their own,
        for the session's first lint, if of the model read here."""
        if self.scenario is not None or self.settle is not None:
            return None
        loaded = read_file(path)
        if loaded is None:
            return None
        first = None if linted is None else partial(linted.result, loaded.revision, config)
        return Session(loaded.model, config, first=first), loaded

    def load(self, store: Store) -> Model:
        """The model to edit, as the database has it now."""
        return store.load()

    def why_not_undone(self, edit: Edit) -> str | None:
        """Why an undo made before the place was loaded again must not be saved, or None."""
        return None

    def save(self, store: Store, edit: Edit) -> None:
        store.save(edit.change)


@dataclass
class ScenarioPlace(Place):
    """Scenario `name`: edits are its next changes; `create` makes it first if absent."""

    name: str = ""
    create: bool = False
    description: str | None = None
    base: list[Finding] = field(default_factory=list)
    """The model's unwaived findings without the scenario."""
    config: LintConfig = field(default_factory=LintConfig)
    steps: int = 0
    """How many changes the scenario has in the database (the worker's count)."""
    last: Step | None = None
    """Its last change when loaded."""

    @property
    def scenario(self) -> str | None:
        return self.name

    def open(self, store: Store, config: LintConfig) -> Session:
        self.config = config
        if self.create and self.name not in {s.name for s in store.scenarios()}:
            store.create_scenario(self.name, self.description)
            self.create = False  # a reload after a conflict finds it made
        session = super().open(store, config)
        scenario = store.scenario(self.name)
        session.undo_stack = [Edit(s.change, s.found, s.summary) for s in scenario.steps]
        return session

    def load(self, store: Store) -> Model:
        """The scenario's view; the model's findings without it are linted first."""
        model, scenario = store.load_scenario(self.name)
        self.base = [f for f in lint_model(ModelSource("", model), self.config) if not f.waived]
        misfit = play(model, scenario.steps)
        if misfit is not None:
            raise store.misfit_error(scenario, misfit)
        self.steps = len(scenario.steps)
        self.last = scenario.steps[-1] if scenario.steps else None
        return model

    def why_not_undone(self, edit: Edit) -> str | None:
        """An undo takes the scenario's last change off: once another process
        added one, that is theirs."""
        if not (isinstance(edit, Stepped) and edit.undoing):
            return None
        if self.last is not None and self.last.found == edit.change:
            return None
        theirs = "" if self.last is None else f" ({said_again(self.last.summary)})"
        return _("the last change of scenario {name} is someone else's now{theirs}; undo "
                 "takes off only your own").format(name=self.name, theirs=theirs)

    def save(self, store: Store, edit: Edit) -> None:
        if isinstance(edit, Stepped) and edit.undoing:
            store.undo_step(self.name, expected=self.steps)
            self.steps -= 1
            return
        summary = edit.named if isinstance(edit, Stepped) else edit.summary
        store.add_step(self.name, Step(edit.change, edit.inverse, summary), after=self.steps)
        self.steps += 1
