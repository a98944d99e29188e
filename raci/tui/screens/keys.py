"""The `?` screen: every key of every view, in one list."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from raci.i18n import N_, _
from raci.tui.widgets.confirm import said_keys
from raci.tui.widgets.footer import FittingFooter

KeyGroups = list[tuple[str, list[tuple[str, str]]]]
KEY_WIDTH = 18
"""The key column of the `?` screen, indented, at its narrowest (the longest
keys widen it); the descriptions wrap beside it."""

FOCUS_KEYS: list[BindingType] = [
    Binding("tab", "app.focus_next", "Next field", show=False, priority=True,
            id="focus-next"),
    Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True,
            id="focus-previous"),
]
"""Tab and shift+tab, handled as they arrive: as ordinary bindings they wait
until the field has taken the keys before them, and keys typed at paste speed
(a Tab, then text) would land in the field the Tab was meant to leave."""


def keys_of(node: DOMNode | type[DOMNode]) -> list[tuple[str, str]]:
    """(keys, description) of the bindings a widget or app class declares
    itself; a key bound twice is one line ("ctrl+s  Create / Save": a form's
    ctrl+s says what its button says, which is one or the other)."""
    found: dict[str, list[str]] = {}
    for binding in node.BINDINGS:
        if isinstance(binding, Binding) and binding.description:
            found.setdefault(_key_text(said_keys(binding)), []).append(_(binding.description))
    return [(keys, " / ".join(descriptions)) for keys, descriptions in found.items()]


KEY_WORDS = {
    "space": N_("space"), "up": N_("up"), "down": N_("down"), "left": N_("left"),
    "right": N_("right"), "pageup": N_("page up"), "pagedown": N_("page down"),
    "home": N_("home"), "end": N_("end"),
    "click": N_("click"), "wheel": N_("wheel"), "hover": N_("hover"),
}
"""The keys, and what the mouse does, with a name a user reads in their own
language ("spatie", "omlaag", "klik")."""


def key_word(key: str) -> str:
    """One key as the user reads it: "?", "/", "spatie", "ctrl+s"."""
    key = key.strip()
    if key in KEY_WORDS:
        return _(KEY_WORDS[key])
    return {"question_mark": "?", "slash": "/"}.get(key, key)


def _key_text(keys: str) -> str:
    return ", ".join(key_word(key) for key in keys.split(","))


class KeysScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close", id="close-keys"),
    ]

    def __init__(self, groups: KeyGroups) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        with Vertical(id="keys-box"):
            yield Static(_("[b]Keys[/b], and the mouse at the end  (escape closes)"),
                         id="keys-title")
            with VerticalScroll(id="keys-list"):
                yield Static(self.listed())
        yield FittingFooter()

    def listed(self) -> Group:
        """Each group's keys under its title, a key beside what it does; a
        long description wraps under itself, not under the key."""
        common = [("ctrl+p", _("Command palette: every action, jump to any entity")),
                  ("tab, shift+tab", _("Move between panes and fields")),
                  ("enter", _("Open a kind in the explorer; choose a relation, finding or scope")),
                  ("space", _("Open or close a branch of a tree")),
                  ("right", _("At the end of a field that completes: take the completion")),
                  ("ctrl+q", _("Quit"))]
        mouse = [("click", _("A tab, a kind or an entity, a relation, a finding, a matrix cell, "
                             "a button, a completion")),
                 ("wheel", _("Scroll a tree, a list, the matrix (shift+wheel: sideways)")),
                 ("hover", _("A matrix header or cell: the whole names of actor and item"))]
        said = [(title, [(_key_text(key), what) for key, what in keys])  # "spatie", "klik"
                for title, keys in [(_("Also"), common), (_("The mouse"), mouse)]]
        key_style = f"bold {self.app.get_css_variables()['accent']}"
        groups = [*self.groups, *said]
        width = max(KEY_WIDTH, *(len(key) + 2 for _title, keys in groups for key, _what in keys))
        parts: list[Text | Table] = []
        for title, keys in groups:
            table = Table.grid(padding=(0, 1))
            table.add_column(width=width, style=key_style, no_wrap=True)
            table.add_column(ratio=1)
            for key, description in keys:
                table.add_row(f"  {key}", description)
            parts += [Text(title, style="bold"), table, Text("")]
        return Group(*parts[:-1])
