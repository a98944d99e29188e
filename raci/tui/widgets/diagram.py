"""The diagram view: a view and a focus entity, its neighbourhood as text, and export.

Preview and export run in workers with the same code as `raci diagram`
(`raci.export`); the file's suffix picks the format.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.cells import cell_len
from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.suggester import Suggester
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Select, Static

from raci.errors import RaciError
from raci.i18n import _, said_again
from raci.lint.findings import FindingIndex
from raci.model import Entity
from raci.model.changes import Change
from raci.model.checks import did_you_mean
from raci.tui.matching import EntityFinder, entity_named
from raci.tui.messages import DiagramExported, ExportFailed
from raci.tui.screens.form import FieldInput, FieldsInOrder
from raci.tui.session import Session
from raci.tui.widgets.entity_form import MATCHES_SHOWN
from raci.vocabulary import DEFAULT_DEPTH, DIAGRAM_SUFFIXES, VIEW_NAMES, VIEW_TITLES


class EntitySuggester(Suggester):
    """Completes an id or a name from the model's as it is typed (`right` takes
    it): the focus field takes either, as a form's id fields do."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.words = sorted({word for entity in entities for word in (entity.id, entity.name)})

    async def get_suggestion(self, value: str) -> str | None:
        index = bisect_left(self.words, value)
        if value and index < len(self.words) and self.words[index].startswith(value):
            return self.words[index]
        return None


VIEW_OF_KIND = {"unit": "org", "person": "org", "role": "org", "body": "bodies", "goal": "goals",
                "initiative": "goals", "kpi": "goals", "decision": "decisions"}
"""The view that shows an entity of each kind best, offered with it as focus."""
PREVIEW_DELAY_SECONDS = 0.2
SELECT_FRAME = 8
"""The columns a view list takes besides its title: border, padding, "▼"."""


def in_app_words(message: str) -> str:
    """`raci diagram`'s messages name its options; here they are the fields above."""
    return re.sub(r"--(view|focus|depth)\b", r"\1", message)


@dataclass
class PreviewMade(Message):
    text: str


class DiagramView(FieldsInOrder, Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export-diagram"),
        Binding("escape", "leave_fields", "Leave fields", id="leave-diagram-fields",
                tooltip="Back to the preview, where the view keys (1-4, q, ?) work again"),
    ]

    def __init__(self) -> None:
        super().__init__(id="diagram-view")
        self.session: Session | None = None
        self._timer: Timer | None = None
        self._finder: EntityFinder | None = None
        """The model's entities, to find the focus typed by name: made when first needed."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="diagram-choice"):
            titles = [VIEW_TITLES[name] for name in VIEW_NAMES]
            views = Select(list(zip(titles, VIEW_NAMES, strict=True)), value="org",
                           allow_blank=False, id="diagram-name")
            views.styles.width = max(map(cell_len, titles)) + SELECT_FRAME  # "organisatie" whole
            yield views
            # FieldInputs: a backspace typed amid the text deletes where it was typed.
            yield FieldInput(placeholder=_("focus: a name or id"), id="diagram-focus",
                             select_on_focus=False)
            yield FieldInput(str(DEFAULT_DEPTH), placeholder=_("depth"), id="diagram-depth",
                             type="integer")
        # Above the preview: tab goes by place on the screen, and from the
        # preview, where the view starts, it goes to the fields in turn.
        with Horizontal(id="diagram-export"):
            yield Label(_("Save as file"), id="diagram-file-label")
            yield FieldInput(placeholder=_("drawing.svg (.dot .svg .png .pdf)"), id="diagram-file")
            yield Button(_("Export"), id="diagram-export-button", variant="primary")
        with VerticalScroll(id="diagram-preview-box"):
            yield Static(_("Give a focus to preview its neighbourhood."), id="diagram-preview")

    def model_changed(self, session: Session, change: Change | None = None) -> None:
        first = self.session is None
        self.session = session
        self._finder = None
        if first:
            self.query_one("#diagram-focus", Input).suggester = EntitySuggester(
                session.model.entities())
        self._schedule_preview()

    def findings_changed(self, index: FindingIndex) -> None:
        """The preview shows no findings; nothing to do."""

    def focus_main(self) -> None:
        """The preview, not a field: `1`-`4`, `q` and `?` must still work on arrival."""
        self.query_one("#diagram-preview-box").focus()

    def action_leave_fields(self) -> None:
        # Now, not in `focus()`'s turn: a view key typed right after escape
        # went into the field being left ("5", escape, "2" read "52").
        self.screen.set_focus(self.query_one("#diagram-preview-box"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`esc` leaves the fields: not offered where it has nothing to leave."""
        if action == "leave_fields":
            return self.app.focused is not self.query_one("#diagram-preview-box")
        return True

    def offer_focus(self, entity_id: str | None) -> None:
        """Start from the entity the explorer shows, when no focus is given yet."""
        focus = self.query_one("#diagram-focus", Input)
        if entity_id and not focus.value and self.session is not None:
            focus.value = entity_id
            kind = self.session.model.kind(entity_id)
            if kind is not None:
                self.query_one("#diagram-name", Select).value = VIEW_OF_KIND[kind]

    def _choice(self) -> tuple[str, str, int]:
        """The view, the focus (its id, when typed by name) and the depth."""
        name = str(self.query_one("#diagram-name", Select).value)
        focus = self.query_one("#diagram-focus", Input).value.strip()
        depth_text = self.query_one("#diagram-depth", Input).value.strip()
        depth = int(depth_text) if depth_text.isdigit() else DEFAULT_DEPTH
        return name, self._focus_id(focus), depth

    def _focus_id(self, typed: str) -> str:
        """The id of the entity `typed` names, as a form's id field takes it; else as typed."""
        if self.session is None or not typed or typed in self.session.model:
            return typed
        if self._finder is None:
            self._finder = EntityFinder(self.session.model.entities())
        named = entity_named(self._finder, typed, MATCHES_SHOWN)
        return typed if named is None else named.id

    # ---- preview -----------------------------------------------------------------

    @on(Select.Changed, "#diagram-name")
    @on(Input.Changed, "#diagram-focus")
    @on(Input.Changed, "#diagram-depth")
    def _schedule_preview(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(PREVIEW_DELAY_SECONDS, self._preview)

    def _preview(self) -> None:
        if self.session is None:
            return
        name, focus, depth = self._choice()
        model = self.session.model
        if not focus:
            self.query_one("#diagram-preview", Static).update(
                _("Give a focus to preview its neighbourhood."))
        elif focus not in model:
            # The field takes a name or an id: the likeliest of either.
            words = [word for entity in model.entities() for word in (entity.id, entity.name)]
            hint = said_again(did_you_mean(focus, words))
            self.query_one("#diagram-preview", Static).update(
                escape(_("no entity named or with id {id}").format(id=repr(focus)) + hint))
        else:
            self._make_preview(self.session, name, focus, depth)

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _make_preview(self, session: Session, name: str, focus: str, depth: int) -> None:
        from raci.export.graph import FocusNotDrawn
        from raci.export.preview import neighbourhood_text

        try:
            with session.lock:
                text = neighbourhood_text(session.model, name, focus, depth, session.config)
        except FocusNotDrawn as error:
            text = error.in_app
        except RaciError as error:
            text = in_app_words(str(error))
        self.post_message(PreviewMade(text or _("{id} is not in the {view} view").format(
            id=focus, view=VIEW_TITLES[name])))

    @on(PreviewMade)
    def _preview_made(self, message: PreviewMade) -> None:
        self.query_one("#diagram-preview", Static).update(escape(message.text))

    # ---- export ------------------------------------------------------------------

    @on(Input.Submitted, "#diagram-file")
    @on(Button.Pressed, "#diagram-export-button")
    def action_export(self) -> None:
        if self.session is None:
            return
        name, focus, depth = self._choice()
        file_text = self.query_one("#diagram-file", Input).value.strip()
        if not file_text:
            self.notify(_("Name the file to write, e.g. org.svg"), severity="warning", timeout=4)
            self.query_one("#diagram-file", Input).focus()
            return
        path = Path(file_text).expanduser()
        fmt = DIAGRAM_SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            self.notify(_("{file}: end the name with .{suffixes}").format(
                            file=path, suffixes=", .".join(s[1:] for s in DIAGRAM_SUFFIXES)),
                        severity="error", timeout=5)
            return
        if focus and focus not in self.session.model:
            self.notify(_("Unknown focus {id!r}: give a name or an id of the model").format(
                id=focus), severity="error", timeout=5)
            return
        if not path.parent.is_dir():
            self.notify(_("{folder}: no such folder; make it first, or name a file in a "
                          "folder that exists").format(folder=path.parent.absolute()),
                        severity="error", timeout=8)
            return
        self._export(self.session, name, focus or None, depth, path, fmt)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, session: Session, name: str, focus: str | None, depth: int, path: Path,
                fmt: str) -> None:
        from raci.export.graph import FocusNotDrawn, focus_view
        from raci.export.page import saved_page
        from raci.export.render import export_view
        from raci.export.views import build_view
        from raci.store.sqlite_file import refuse_database

        try:
            refuse_database(path)
            with session.lock:
                view = build_view(session.model, name, session.config)
                if focus is not None:
                    view = focus_view(view, session.model, focus, depth)
            export_view(view, fmt, path, page=saved_page(fmt))
        except FocusNotDrawn as error:
            self.post_message(ExportFailed(error.in_app))
        except RaciError as error:
            self.post_message(ExportFailed(in_app_words(str(error))))
        else:
            self.post_message(DiagramExported(path.absolute()))
