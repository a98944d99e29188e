"""The modal forms' base: keys typed as a form opens go into its first field.

A form gives its first field the focus once it is mounted, a moment after
it opens (a second on a national model). A fast typist who presses `n` and
the name at once sends the next keys before that. Textual hands each key to
the widget that has the focus as it arrives (the tree, behind the form) and
runs the `n` binding only once that key has come back up to the app: by
then the name's keys are on their way through the tree, and reach the app
after the form opened, ignored. `FormKeysApp` gives such keys (typed before
the form was ready) to the form, which keeps them until its first field
exists and then types them there, in order (the keys the field binds, as
backspace and the arrows, too). Keys that reach the form itself
before a field has the focus come up to the app and go the same way. Other
keys typed before the form was ready (`ctrl+s` after the name, `tab`,
`escape`) are pressed again once it is, after the text typed before them:
the form's own keys would otherwise never see them.

Once the form is ready, the app passes each key on to the focused field,
to be taken in the field's own turn, and goes on with the next: a save
(enter, ctrl+s) typed right after the text runs as it arrives, before the
field took that text. `FormScreen.once_typed` saves after it.

A screen that takes its keys in order (`KeysInOrderScreen`, the review) is
handed each key by the app as it arrives, not through the focused widget:
the review's keys, the keys typed after one that opens a form there, and
those typed after a save of such a form (for the next finding) go one way.
A pane of fields on the views (`FieldsInOrder`, the diagram tab's) is handed
them the same way while one of its widgets has the focus: a tab typed among
text moves the focus in its turn.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Sequence
from typing import Any
from weakref import WeakSet

from textual import events
from textual._context import active_app
from textual._time import get_time
from textual.app import App
from textual.keys import _character_to_key
from textual.screen import ModalScreen, ScreenResultType
from textual.widget import Widget
from textual.widgets import Input

from raci.tui.widgets.discard_modal import close_form


class FormScreen(ModalScreen[ScreenResultType]):
    ready_at = math.inf
    """When the form was mounted (its first field exists); keys typed before go there."""
    ready_when_mounted = True
    """False for a form that fills itself once mounted: it calls `now_ready` then."""

    def __init__(self) -> None:
        super().__init__()
        self._typed_ahead: list[events.Key] = []
        self._passing_on = False
        """A key typed before the form was ready went as if pressed now: the
        keys typed before ready that arrive after it go behind it."""
        self.saving = False
        """While a save waits for the fields to take what was typed before it
        (`once_typed`): a key typed meanwhile is no longer the form's."""

    def holds_typing(self) -> bool:
        """Whether closing the form throws away something typed: escape and
        quitting ask first."""
        return False

    def action_cancel(self) -> None:
        """escape: close with nothing saved, once the user said to throw away
        what was typed, if anything was."""
        close_form(self, self.holds_typing())

    def first_field(self) -> Widget | None:
        """The field the form opens in: the first focusable widget `AUTO_FOCUS` names."""
        return next((w for w in self.query(self.AUTO_FOCUS or "*") if w.focusable), None)

    def typed_before_ready(self, event: events.Key) -> bool:
        return event.time < self.ready_at

    def take_typed(self, event: events.Key) -> None:
        """A key typed before the form was ready: its text into the first field,
        any other key pressed again, in order, now or once mounted."""
        if self._passing_on:
            self._pass_on(event)
            return
        self._typed_ahead.append(event)
        if self.ready_at < math.inf:
            self._type_into_first_field()

    def once_typed(self, then: Callable[[], object]) -> None:
        """Run `then` (the save) once every field has taken the keys passed on to
        it: a review's author typed with enter at once was read as the default."""
        self.saving = True

        def save() -> None:
            self.saving = False  # still open, the save refused: typing goes on here
            then()

        _after_each(list(self.query(Input).results(Input)), save)

    def _on_mount(self, event: events.Mount) -> None:
        # after the form's own on_mount, which gives the first field the focus
        if self.ready_when_mounted:
            self.now_ready()

    def now_ready(self) -> None:
        """Type the keys kept into the first field; those typed from now go their own way."""
        self.ready_at = get_time()  # the clock of `Message.time`
        first = self.first_field()
        if first is not None and self.focused is not first:
            # Now: `focus()` waits its turn, and a tab kept went on from no
            # field at all, to the form's first (the id), not the next.
            self.set_focus(first, scroll_visible=False)
        self._type_into_first_field()

    def _type_into_first_field(self) -> None:
        keys, self._typed_ahead = self._typed_ahead, []
        field = self.first_field()  # the focus may still be on the form's scroll box
        if not isinstance(field, Input) or field.disabled:
            field = None
        elif keys and _is_text(keys[0]):
            field.delete_selection()  # a pre-filled answer, selected: typing replaces it
        for index, key in enumerate(keys):
            if field is None or not _typed_in(field, key):
                # After a key the field does not take (tab, ctrl+s), each
                # goes as if pressed now.
                self._passing_on = True
                for later in keys[index:]:
                    self._pass_on(later)
                return

    def _pass_on(self, key: events.Key) -> None:
        """A key typed before the form was ready, that its field does not
        take, as if pressed now; escape closes the form (or asks first) at
        once. Pressed again, escape went through the field and closed the
        form only once it came back up, after the key typed next had gone
        into the field: `R`, escape and `3` at once left "3" in the review's
        first question, where it should have shown the findings."""
        if not (key.key == "escape" and _ran_binding(self, key)):
            press_again(self.app, key)


def press_again(app: App[None], key: events.Key) -> None:
    """`key` as if pressed now. Sent by the app, as a key typed is: sent by the
    form, it stopped at the form, short of the bindings (enter typed after a
    scenario's name, kept until the list was read, did not make it)."""
    again = events.Key(key.key, key.character)
    again.set_sender(app)
    app.post_message(again)


def _after_each(fields: Sequence[Input], then: Callable[[], object]) -> None:
    """`then`, after each field's queue in turn (a field's keys wait there, in order)."""
    if not fields:
        then()
    elif not fields[0].call_later(_after_each, fields[1:], then):  # the field is closing
        _after_each(fields[1:], then)


def _typed_in(field: Input, key: events.Key) -> bool:
    """Type `key` into `field` at once: its text, or what the field binds
    it to (backspace, left, home); False when the field does not take it.
    Posted again, the key landed after the keys typed since, which had
    reached the field meanwhile ("Warmtx", backspace, "e" read "Warmtxe")."""
    if _is_text(key):
        field.insert_text_at_cursor(key.character or "")
        return True
    return _ran_binding(field, key)


def _ran_binding(widget: Widget, key: events.Key) -> bool:
    """Whether `widget` binds `key` to an action it runs at once (not a coroutine), run now."""
    for binding in widget._bindings.key_to_bindings.get(key.key, ()):
        action = getattr(widget, f"action_{binding.action}", None)
        if action is not None and not inspect.iscoroutinefunction(action):
            action()
            return True
    return False


class FieldInput(Input):
    """A form's text field that runs its own keys (backspace, delete, the
    arrows) as it takes them, in order with the text typed. Textual runs a
    widget's bindings only once the key has bubbled up to the app, through
    the form's containers; the text typed right after it, which the field
    takes at once, went first: "Warmtx", backspace, "e west" read "Warmtxe wes"."""

    async def _on_key(self, event: events.Key) -> None:
        if _is_text(event):
            return  # Input's own handler types it
        for binding in self._bindings.key_to_bindings.get(event.key, ()):
            if not binding.priority and await self.app.run_action(binding.action, self):
                event.stop()
                event.prevent_default()  # neither Input nor the app runs it again
                return


def _takes(field: Input, key: events.Key) -> bool:
    """Whether `field` takes `key` itself, as `FieldInput` does: its text, or
    a key it binds (backspace, the arrows, enter) and the app does not first."""
    chain = field.screen._binding_chain
    return ((_is_text(key) or key.key in field._bindings.key_to_bindings)
            and not any(binding.priority for _, bindings in chain
                        for binding in bindings.key_to_bindings.get(key.key, ())))


def _is_text(key: events.Key) -> bool:
    return key.is_printable and key.character is not None


class KeysInOrderScreen(ModalScreen[ScreenResultType]):
    """A screen that takes from the app each key typed while it is on top, or
    while a form over it is being saved, as the key arrives and in the order
    typed, and presses it in its own time (the review: on the next finding).
    Textual hands a key to the widget focused as it arrives and runs a tab
    at once: a tab typed after `n` moved the focus before the `n` opened the
    action's form, and the text after it came up through two widgets, out
    of order ("Anouknonedoet")."""

    async def take_key(self, key: events.Key) -> None:
        raise NotImplementedError


class FieldsInOrder:
    """A pane of fields on the views (the diagram tab's) that takes from the
    app each key typed while one of its widgets has the focus, in the order
    typed. Textual hands each key to the widget focused as it arrives and
    moves the focus only once a tab came back up from it: the text typed
    after the tab went into the field being left ("dg-bw", tab, "3" read
    "dg-bw3"), and the focus typed with the tab that went there into the
    view's choice, lost. Here a key the focused field takes itself goes into
    its queue, behind the keys before it; any other waits for the keys before
    it to be taken, runs, and the keys typed meanwhile go on from where it
    left the focus.

    A mixin for a widget, first in its bases (Textual's own `__init__`s do
    not pass on): Textual takes the widget's CSS from its first base that is
    a widget, never from this."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[events.Key] = []
        self._key_running = False
        self._handing_over: events.Key | None = None
        """A key held here, handed to the app as if typed now (see `_press_held`)."""

    def holds_keys_before(self, key: events.Key) -> bool:
        """Whether keys typed before `key` wait here for one that runs: `key`
        goes behind them, wherever that key took the focus."""
        return self._key_running and key is not self._handing_over

    async def take_key(self, key: events.Key) -> None:
        self._held.append(key)
        if not self._key_running:
            await self._press_held()

    async def _press_held(self) -> None:
        """The keys held, in order. Once a key opened a screen over the views
        (`R`), the keys after it are that screen's: each goes to the app as
        if typed now, still ahead of the keys typed since (the minutes'
        author "Anouk", typed with `R`, read "unoAk")."""
        app = active_app.get()
        while self._held:
            key, focused = self._held.pop(0), app.focused
            if app.screen is not app.screen_stack[0]:
                self._key_running, self._handing_over = True, key
                try:
                    await app.on_event(key)
                finally:
                    self._key_running, self._handing_over = False, None
            elif isinstance(focused, Input) and _takes(focused, key):
                focused._forward_event(key)
            else:
                self._key_running = True
                if not (focused or app.screen).call_later(self._run, key):  # closing
                    app.call_later(self._run, key)
                return

    async def _run(self, key: events.Key) -> None:
        """`key` as the app runs it: its bindings, the priority ones first, else
        to the widget focused now."""
        app = active_app.get()
        try:
            if not (await app._check_bindings(key.key, priority=True)
                    or await app._check_bindings(key.key)):
                (app.focused or app.screen)._forward_event(key)
        finally:  # an action that failed must not leave the pane taking every key
            self._key_running = False
        await self._press_held()


def _as_typed(key: events.Key) -> list[events.Key]:
    """`key`, or escape and the key typed right after it, which a terminal
    sends at once and Textual reads as alt+key: the user meant escape, then
    the key. Textual reads escape and a digit as a character ("™" for 2,
    "£" for 3), the same as that character typed: that stays the character,
    which a British or macOS user types into a name."""
    if not key.key.startswith("alt+") or key.character is None or len(key.character) != 1:
        return [key]
    typed = key.character
    name = typed if typed.isalnum() else _character_to_key(typed)
    return [events.Key("escape", "\x1b"), events.Key(name, typed)]


def _pane_of(focused: Widget | None) -> FieldsInOrder | None:
    """The pane of fields whose widget has the focus, if a widget of one has it."""
    if focused is None:
        return None
    return next((widget for widget in focused.ancestors if isinstance(widget, FieldsInOrder)),
                None)


class FormKeysApp(App[None]):
    """An app whose forms keep the keys typed while they open (see the module's
    doc), and whose keys that run as they arrive (tab, the findings' enter,
    a form's ctrl+s) wait their turn where keys typed before them may still be
    on their way: a key opens a form or dialog only once it came back up from
    the focused widget, and the keys typed after it went past meanwhile. A
    tab typed after `n` and a name took the focus off the tree before the `n`
    opened the form (no form, and the name's `S` opened the scenarios); an
    enter typed after `S`, `n` and a name went to the findings behind the
    dialog; in a form not ready yet, tab moved the focus and the text after
    it went into the first field."""

    def __init__(self) -> None:
        super().__init__()
        self._in_turn: WeakSet[events.Key] = WeakSet()
        """Keys whose priority bindings wait until they come back up to the app."""
        self._pane_taking_keys: FieldsInOrder | None = None
        """The pane handed the last key that was a pane's (see `_taking_keys`)."""

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            typed = _as_typed(event)
            if len(typed) > 1:
                await self._escape_then(*typed)
                return
            if await self._key_taken(event):
                return
        await super().on_event(event)

    async def _key_taken(self, key: events.Key) -> bool:
        """Whether `key` went its way in order (see `_taking_keys` and
        `_waits_its_turn`); else the app hands it on as Textual does."""
        taker = self._taking_keys(key)
        if taker is not None:
            await taker.take_key(key)
            return True
        if self._waits_its_turn(key.key):
            self._in_turn.add(key)
            (self.focused or self.screen)._forward_event(key)
            return True
        return False

    async def _escape_then(self, escape: events.Key, key: events.Key) -> None:
        """escape and a key typed at once, which the terminal sent as alt+key:
        in every field of the app, escape runs first, then the key goes where
        it goes after it (escape, 2: the form closed, then the matrix). Handed
        to the form's field, escape closed the form only once it came back up
        from it, after the key had gone into the field."""
        if not await self._key_taken(escape) and not (
                await self._check_bindings(escape.key, priority=True)
                or await self._check_bindings(escape.key)):
            await super().on_event(escape)
        if not await self._key_taken(key):
            await super().on_event(key)

    def _taking_keys(self, key: events.Key) -> KeysInOrderScreen[object] | FieldsInOrder | None:
        """The screen that takes `key`, typed now, itself: the one on top, or
        under a form being saved (a key typed after a question's enter is for
        the review's next finding, not for the question closing); on the
        views, the pane whose field has the focus. A pane still busy with keys
        typed before takes the key first, wherever the focus went: once a key
        typed after text (`R`) had opened a screen over the views, the keys
        typed next overtook those the pane held (see `FieldsInOrder._press_held`)."""
        pane = self._pane_taking_keys
        if pane is not None and pane.holds_keys_before(key):
            return pane
        if self.screen is self.screen_stack[0]:
            pane = _pane_of(self.focused)
            if pane is not None:
                self._pane_taking_keys = pane
            return pane
        for screen in reversed(self.screen_stack):
            if isinstance(screen, KeysInOrderScreen):
                return screen
            if not (isinstance(screen, FormScreen) and screen.saving):
                return None
        return None

    def _waits_its_turn(self, key: str) -> bool:
        screen = self.screen
        if isinstance(screen, FormScreen) and screen.ready_at == math.inf:
            return True
        # On the views, ctrl+q too: typed after `n` and a name, it quit before
        # the form holding the name was there to ask first.
        return (screen is self.screen_stack[0]
                and any(binding.priority for _, bindings in screen._binding_chain
                        for binding in bindings.key_to_bindings.get(key, ())))

    async def _on_key(self, event: events.Key) -> None:
        form = self.screen
        if isinstance(form, KeysInOrderScreen):
            # A key typed on the views with the one that opened it (`R`).
            event.prevent_default()
            await form.take_key(event)
        elif isinstance(form, FormScreen) and form.typed_before_ready(event):
            # Each key, in order, for the form: a letter of the name is no
            # key of the app's ("S" of "Stuurgroep" opened the scenarios).
            event.prevent_default()  # App._on_key would run the bindings again
            form.take_typed(event)
        elif event in self._in_turn and await self._check_bindings(event.key, priority=True):
            event.prevent_default()
