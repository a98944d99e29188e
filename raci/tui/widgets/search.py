"""`/`: search the list on screen, as a pager does.

The view on screen hands over its lines and how to go to one; typing moves
its cursor to the first line that holds the text (or, when none does, the
nearest), `down`/`up` go to the next and previous match, `enter` stays
there and `escape` goes back to where the search began.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label

from raci.i18n import _, format_count
from raci.tui.matching import TextFinder
from raci.tui.screens.form import FormScreen


@dataclass
class Searchable:
    """What a view offers to `/`: its lines, how to go to one, and where it is now."""

    keys: Sequence[Hashable]
    texts: Sequence[str]
    go_to: Callable[[Hashable], None]
    current: Hashable | None


class SearchBar(FormScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "stay", "Stay here", id="search-stay", priority=True),
        Binding("escape", "back", "Back to where it began", id="search-back"),
        Binding("down", "next(1)", "Next match", id="search-next"),
        Binding("up", "next(-1)", "Previous match", id="search-previous"),
    ]

    def __init__(self, what: str, searchable: Searchable) -> None:
        super().__init__()
        self.what, self.searchable = what, searchable
        self.finder = TextFinder(searchable.texts)
        self.matches: list[int] = []
        self.at = 0

    def compose(self) -> ComposeResult:
        with Horizontal(id="search-bar"):
            yield Label(f"/ {self.what}:", id="search-label")
            yield Input(placeholder=_("type to search · ↓↑ next · enter stays · escape back"),
                        id="search-text", compact=True)
            yield Label("", id="search-count")

    def on_mount(self) -> None:
        # The bar lies over the last row of the view: the view gives that row
        # up while it is there, so the match it scrolls to is in sight.
        self.app.screen_stack[-2].add_class("-searching")

    def on_unmount(self) -> None:
        for screen in self.app.screen_stack:
            if screen is not self:
                screen.remove_class("-searching")

    @on(Input.Changed, "#search-text")
    def _search(self, event: Input.Changed) -> None:
        self.matches, self.at = self.finder.find(event.value), 0
        self._go()

    def action_next(self, step: int) -> None:
        if self.matches:
            self.at = (self.at + step) % len(self.matches)
            self._go()

    def _go(self) -> None:
        count = self.query_one("#search-count", Label)
        if not self.matches:
            count.update(_("no match") if self.query_one(Input).value.strip() else "")
            return
        count.update(_("{number} of {count}").format(number=format_count(self.at + 1),
                                                     count=format_count(len(self.matches))))
        self.searchable.go_to(self.searchable.keys[self.matches[self.at]])

    def action_stay(self) -> None:
        self.dismiss(None)

    def action_back(self) -> None:
        if self.searchable.current is not None:
            self.searchable.go_to(self.searchable.current)
        self.dismiss(None)

    def on_click(self, event: events.Click) -> None:
        """A click outside the bar ends the search where it is."""
        if event.widget is self:
            self.dismiss(None)
