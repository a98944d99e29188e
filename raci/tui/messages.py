"""The app's messages: what workers report and what views ask of the app.

Workers only post these; the app's `@on` handlers change state.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.dom import DOMNode
from textual.message import Message

from raci.model import Model
from raci.model.changes import Change
from raci.tui.session import Edit, LintUpdate, Session

if TYPE_CHECKING:
    from raci.tui.app import RaciApp
    from raci.tui.places import Place


def raci_app(node: DOMNode) -> RaciApp:
    """The app a view belongs to, as the app it is (for `may_edit`)."""
    return cast("RaciApp", node.app)

# ---- from workers ------------------------------------------------------------


@dataclass
class ModelLoaded(Message):
    session: Session


@dataclass
class PlaceOpened(Message):
    """The database worker opened where edits go: the model, or a scenario;
    its `ModelLoaded` follows."""

    place: Place


@dataclass
class StoreFailed(Message):
    """The database could not be opened, read or written."""

    reason: str
    ended: bool = False
    """The database worker stopped: no edit made from now on would be saved."""


@dataclass
class ChangeSaved(Message):
    """An edit is in the database: only now is the user told it was saved."""

    edit: Edit


@dataclass
class ConflictFound(Message):
    """Another process wrote to the database, or an edit could not be saved:
    `fresh` is what the database holds, `pending` the edits not yet saved."""

    fresh: Model
    pending: list[Edit]
    failed: tuple[Edit, str] | None = None
    """The edit that could not be saved, and why: it is not in `fresh`."""


@dataclass
class LintFinished(Message):
    update: LintUpdate


@dataclass
class DiagramExported(Message):
    path: Path


@dataclass
class ExportFailed(Message):
    reason: str


# ---- from views ----------------------------------------------------------------


@dataclass
class ChangeRequested(Message):
    """A view asks the app to make an edit; `summary` is what the user is told
    once it is saved (and what undo names), unless `quiet`."""

    change: Change
    summary: str
    quiet: bool = False


@dataclass
class EntityChosen(Message):
    """Show this entity in the explorer."""

    entity_id: str
