"""The footer, with the keys that fit the terminal.

Textual's footer shows every key of the view and of the app in one line and
cuts what does not fit, under the palette's key (at 80 columns: "paletteS").
This one leaves out the keys least needed first (`GIVE_WAY`), then, where
the words are long (Dutch: "^z Ongedaan maken"), the last keys, whole, until
the rest fits beside the palette's key; `?` stays, and lists every key.
Then the keys left out come back, most needed first, wherever one still fits
in the room left (Dutch at 80 columns: "/ Zoeken" once "^z Ongedaan maken"
went).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel

GIVE_WAY = ("redo", "review", "choose_scenario", "back", "app.edit_org", "rename",
            "show_waivers", "pick_scope", "search")
"""The actions whose keys leave the footer first when it is too narrow, in that order."""
EDITS = ("add", "edit", "delete", "rename", "app.edit_org", "review", "undo", "redo",
         "set_letter", "clear", "waive")
"""The actions of the keys that edit the model: a read-only app refuses them,
and its footer leaves them out (`?` still lists them)."""
STAYS = "show_keys"
"""The action whose key never leaves the footer: `?`, which lists every key."""


class FittingFooter(Footer):
    def __init__(self, give_way: tuple[str, ...] = GIVE_WAY) -> None:
        """`give_way`: the actions whose keys leave first, in that order (a
        screen's own, where its last keys are the ones most needed)."""
        super().__init__(compact=True)
        self.give_way = give_way
        self._keys_shown: list[tuple[Binding, bool, str]] | None = None
        """The screen's keys (binding, enabled, tooltip) the footer was last built for."""

    def compose(self) -> ComposeResult:
        # An app with no model (the language question, `Asker`) edits nothing.
        read_only = getattr(self.app, "read_only", False)
        keys = [k for k in super().compose()
                if not (read_only and isinstance(k, FooterKey) and _edits(k.action))]
        shown = [k for k in keys if not k.has_class("-command-palette")]
        width = self.size.width or self.app.size.width
        room = width - sum(_width(k) + 1 for k in keys if k not in shown)
        left_out: list[Widget] = []
        for action in self.give_way:
            if sum(map(_width, shown)) <= room:
                break
            left_out += [k for k in shown if isinstance(k, FooterKey) and k.action == action]
            shown = [k for k in shown if k not in left_out]
        while sum(map(_width, shown)) > room and (last := _last_to_go(shown)) is not None:
            shown.remove(last)
            left_out.append(last)
        for key in reversed(left_out):  # the most needed first
            if sum(map(_width, shown)) + _width(key) <= room:
                shown.append(key)
        yield from (k for k in keys if k in shown or k.has_class("-command-palette"))

    def on_resize(self, event: events.Resize) -> None:
        self.call_after_refresh(self.recompose)

    def bindings_changed(self, screen: Screen) -> None:
        """The keys again at once, not after the next refresh: that one draws
        the view just chosen (a second on a large model), and the footer
        named the keys of the view before meanwhile.

        Only when they changed: the palette closed on the view it was opened
        on gives it the same keys, and building and restyling them again was a
        quarter of its enter on a national model."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            keys = [(binding, enabled, tooltip)
                    for _node, binding, enabled, tooltip in screen.active_bindings.values()]
            if keys != self._keys_shown:
                self._keys_shown = keys
                self.call_later(self.recompose)


def _edits(action: str) -> bool:
    """Whether a key's action (``set_letter('R')``) edits the model."""
    return action.partition("(")[0] in EDITS


def _last_to_go(shown: list[Widget]) -> Widget | None:
    """The last key shown that may leave (with the label of its group, if
    that is last), or None when only `?` is left."""
    for key in reversed(shown):
        if isinstance(key, FooterLabel | FooterKey) and getattr(key, "action", "") != STAYS:
            return key
    return None


def _width(key: Widget) -> int:
    """The columns a compact footer key takes: key, space, description (none
    in a group), margin; a group's label and its margin."""
    if isinstance(key, FooterLabel):
        return cell_len(str(key.render())) + 1
    if not isinstance(key, FooterKey):
        return 0
    described = 1 + cell_len(key.description) if key.description else 0
    return cell_len(key.key_display) + described + 1
