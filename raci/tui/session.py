"""The editing session behind the app: the model, its linter and the undo history.

No Textual here: the app calls these methods from its handlers (on the UI
thread) and from its workers (threads), and the tests can drive a session
directly. One lock guards the model, because the UI thread applies edits
while a lint worker reads it.
"""

from __future__ import annotations

import dataclasses
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from raci.i18n import N_, Said, _, said_again
from raci.lint import LintConfig, Linter
from raci.lint.engine import LintResult, lint_source
from raci.lint.findings import Finding
from raci.model import ACTOR_KINDS, ITEM_KINDS, KINDS, Model, referenced_ids
from raci.model.changes import MENDED_PUTS, Change, changed_since
from raci.model.source import ModelSource
from raci.tui.describe import field_label, label
from raci.tui.matching import EntityFinder


@dataclass(frozen=True)
class LintUpdate:
    """The findings after a lint, and what changed since the one before."""

    findings: list[Finding]
    """Every finding, sorted."""
    removed: list[Finding]
    """The findings of the lint before that are gone (or replaced)."""
    added: list[Finding]
    """The findings new since."""
    anew: bool
    """Made by a new linter (the first lint, or after a reload): every finding
    is new, and `removed` says nothing about what was shown before."""
    not_run: dict[str, str]
    """Rule code -> the fact not recorded for which the rule was not run."""
    shown: bool = False
    """The findings of the lint before, unchanged (made again by a new
    linter, as its own, which the next updates take out): nothing to show
    anew."""


@dataclass
class Edit:
    """One change the user made, with the change that undoes it."""

    change: Change
    inverse: Change
    summary: str = ""
    """What the change did, in the user's words: "Added goal Doel (g.doel)"."""
    quiet: bool = False
    """Saved without a word (a matrix letter: the cell shows it); undo still names it."""


@dataclass(repr=False)
class Session:
    model: Model
    config: LintConfig = field(default_factory=LintConfig)
    """The lint configuration, as `raci lint` finds it for the same database."""
    undo_stack: list[Edit] = field(default_factory=list)
    redo_stack: list[Edit] = field(default_factory=list)
    lock: threading.RLock = field(default_factory=threading.RLock)
    first: Callable[[], LintResult | None] | None = None
    """The findings of the model as read, linted elsewhere (while the app
    started, `raci.tui.first_findings`), for the first lint; None when
    that failed."""
    _linted: list[Finding] | None = None
    """The findings linted once (the first), until the incremental linter is made."""
    _linter: Linter | None = None
    _unlinted: list[Change] = field(default_factory=list)
    _finder: EntityFinder | None = None
    _edits: int = 0
    """How many edits were applied (`warm` takes what it built only if none came since)."""

    def __repr__(self) -> str:
        # Short: Textual names each worker by the repr of its arguments, and the
        # model of a national organisation would take a second to write out.
        return f"Session({self.model.org.name!r}, {len(self.model)} entities)"

    # ---- edits (UI thread) --------------------------------------------------

    def apply(self, change: Change, summary: str = "", *, quiet: bool = False) -> Edit:
        """Apply a new edit; it becomes the one to undo and clears what could be redone."""
        edit = Edit(change, self._apply(change), summary, quiet)
        self.undo_stack.append(edit)
        self.redo_stack.clear()
        return edit

    def stale_undo(self) -> str | None:
        """Why the last edit can no longer be undone, or None: another process
        changed what it changed since (undoing it would overwrite their change).
        Such an edit leaves the undo history."""
        if not self.undo_stack:
            return None
        done = self.undo_stack[-1]
        with self.lock:
            changed = changed_since(self.model, done.inverse, done.change)
        if changed is None:
            return None
        self.undo_stack.pop()
        subject = changed.subject(lambda entity_id: label(self.model, entity_id))
        return _("{subject} was changed by someone else since your edit").format(
            subject=said_again(subject))

    def forget(self, edit: Edit) -> None:
        """Take an edit that was not saved out of the undo history: the edit
        itself (or the redo that made it again), or, for an undo, the redo it
        offered."""
        self.undo_stack = [e for e in self.undo_stack if e.change is not edit.change]
        self.redo_stack = [e for e in self.redo_stack if e.inverse is not edit.inverse]

    def undo(self) -> Edit | None:
        """Undo the last edit; the returned edit's `change` is what to save."""
        if not self.undo_stack:
            return None
        done = self.undo_stack.pop()
        inverse = self._apply(done.inverse)
        self.redo_stack.append(Edit(done.change, inverse, done.summary, done.quiet))
        return Edit(done.inverse, inverse, Said(N_("Undone: {change}"), change=done.summary))

    def redo(self) -> Edit | None:
        if not self.redo_stack:
            return None
        undone = self.redo_stack.pop()
        edit = Edit(undone.change, self._apply(undone.change), undone.summary, undone.quiet)
        self.undo_stack.append(edit)
        redone = Said(N_("Redone: {change}"), change=undone.summary)
        return dataclasses.replace(edit, summary=redone, quiet=False)

    def _apply(self, change: Change) -> Change:
        """Apply a change to the model; return the change that undoes it."""
        with self.lock:
            inverse = change.apply(self.model)
            self._unlinted.append(change)
            self._edits += 1
            if change.delete or change.rename or change.before or len(change.put) > MENDED_PUTS:
                self._finder = None
            elif self._finder is not None:  # in model order: each at its place among those before
                places = {e.id: place_in_order(self.model, e.id) for e in change.put}
                for entity in sorted(change.put, key=lambda e: places[e.id]):
                    self._finder.put(entity, places[entity.id])
        return inverse

    def warm(self) -> None:
        """Build what the views read of the model and an edit dropped: who names
        an entity, an actor's assignments, the holders and members, and the
        palette's finder. The lint worker calls it after each lint, so that the
        first entity shown or searched for does not wait for these (a second
        on a national model). They are built in a snapshot, not holding the
        lock (an edit made meanwhile would wait that second), and taken
        when no edit came in between."""
        with self.lock:
            model, snapshot, edits = self.model, self.model.snapshot(), self._edits
            finder = self._finder
        snapshot.kind(""), snapshot.references_to(""), snapshot.assignments_of_actor("")
        snapshot.roles_held_by(""), snapshot.bodies_with_member("")
        finder = finder or EntityFinder(snapshot.entities())
        with self.lock:
            if self.model is model and self._edits == edits:
                model.take_look_ups(snapshot)
                self._finder = self._finder or finder

    def entity_finder(self) -> EntityFinder:
        """Every entity, ready to be found by name or id (the palette's jump);
        made again after an edit that adds, changes, renames or removes one."""
        if self._finder is None:
            self._finder = EntityFinder(self.model.entities())
        return self._finder

    def adopt(self, fresh: Model, pending: list[Edit]) -> tuple[list[Edit], list[str]]:
        """Switch to a model another process changed, re-applying the edits not yet saved.

        Returns the edits re-applied (to save again) and a reason for each edit
        that no longer fits the fresh model; those leave the undo history.
        """
        with self.lock:
            self.model = fresh
            self._linter, self._unlinted, self._finder, self.first = None, [], None, None
            self._linted = None
            reapplied, refused = [], []
            for edit in pending:
                reason = why_not_applicable(fresh, edit)
                if reason is None:
                    reapplied.append(dataclasses.replace(edit, inverse=edit.change.apply(fresh)))
                else:
                    refused.append(reason)
                    self.undo_stack = [e for e in self.undo_stack if e.change is not edit.change]
        return reapplied, refused

    # ---- lint (worker thread) ----------------------------------------------

    def lint(self) -> LintUpdate:
        """The findings after every edit so far.

        The first of the model as read are linted once (`lint_source`; or
        taken from `first`), the quickest way to the first findings on
        screen. The next lint makes the incremental `Linter` (as the app
        asks once those are drawn, `Session.linted_once`), with whatever
        edits were made meanwhile; after that, each lint checks only what
        the edits since can have changed."""
        first, self.first, model = self.first, None, self.model
        linted = first() if first is not None else None  # not holding the lock: edits go on
        with self.lock:
            if self._linter is None and self._linted is None and not self._unlinted:
                if linted is None or self.model is not model:  # or reloaded meanwhile
                    linted = lint_source(ModelSource("", self.model), self.config)
                self._linted = linted.findings
                return LintUpdate(linted.findings, [], linted.findings, True, linted.not_run)
            if self._linter is not None:
                self._linter.update(*self._unlinted)
                return self._update(anew=False, edited=bool(self._unlinted))
            model, copy, edits = self.model, self.model.snapshot(), len(self._unlinted)
        # The incremental linter takes a second on a national model: made on a
        # copy, not holding the lock, so that the user edits on meanwhile (a
        # letter typed then shows at once); those edits are then linted as any is.
        linter = Linter(copy, self.config)
        with self.lock:
            if self.model is model:  # else reloaded meanwhile (`adopt`): lint that one
                linter.model, self._linter = model, linter  # from here on, it follows edits
                if self._unlinted[edits:]:
                    linter.update(*self._unlinted[edits:])
                return self._update(anew=True, edited=bool(self._unlinted))
        return self.lint()

    def _update(self, *, anew: bool, edited: bool) -> LintUpdate:
        """What the linter found, as the views take it; the edits are linted."""
        assert self._linter is not None
        linter, findings = self._linter, self._linter.findings()
        shown = not edited and self._linted == findings
        self._unlinted.clear()
        self._linted = None
        return LintUpdate(findings, linter.removed, linter.added, anew, linter.not_run, shown)

    def edits_unlinted(self) -> bool:
        """Whether an edit waits for its findings: those shown are older than the model."""
        return bool(self._unlinted)

    def linted_once(self) -> bool:
        """Whether the findings shown were linted once, and the incremental
        `Linter` is still to be made (by the next `lint`)."""
        return self._linted is not None


def place_in_order(model: Model, entity_id: str) -> int:
    """Where an entity of the model is in `Model.entities`' order."""
    kind = model.kind(entity_id)
    assert kind is not None
    earlier = itertools.takewhile(lambda other: other != kind, KINDS)
    return (sum(len(model.collection(other)) for other in earlier)
            + list(model.collection(kind)).index(entity_id))


def why_not_applicable(model: Model, edit: Edit) -> str | None:
    """Why an edit made on an older model cannot be made on `model`, or None.

    It cannot when someone else changed what it changes (an entity, an
    assignment, the org header, the waivers) since the edit's model was
    loaded, as a save would then overwrite their change; nor when what it
    names is gone.
    """
    changed = changed_since(model, edit.change, edit.inverse)
    if changed is not None:
        subject = changed.subject(lambda entity_id: label(model, entity_id))
        return _("{subject} was changed by someone else since you loaded it").format(
            subject=said_again(subject))
    change = edit.change
    for entity_id in change.delete:
        if entity_id not in model:
            return _("{entity} was already removed by someone else").format(entity=entity_id)
    ids_put = {e.id for e in change.put}
    for entity in change.put:
        for field_name, target in referenced_ids(entity):
            if target not in model and target not in ids_put:
                return _("{entity}: {field} names {target}, which someone else "
                         "removed").format(entity=f"{entity.name} ({entity.id})",
                                           field=field_label(field_name), target=target)
    for assignment in change.assign:
        if model.kind(assignment.item) not in ITEM_KINDS and assignment.item not in ids_put:
            return _("{entity} was removed by someone else").format(entity=assignment.item)
        if model.kind(assignment.actor) not in ACTOR_KINDS and assignment.actor not in ids_put:
            return _("{entity} was removed by someone else").format(entity=assignment.actor)
    return None
