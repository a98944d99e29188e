"""The app in the user's language.

Texts the app shows as it runs are translated where they are made (``_()``).
The keys' descriptions are made once, when Textual builds each widget
class's bindings, before anyone chose a language; `translate_bindings` makes
them again in the current language when the app starts. `extract_app` hands
them to ``pybabel extract`` (see ``babel.cfg``), so the widgets declare their
keys in English, as any Textual app does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import partial
from typing import IO, Any, ClassVar

from rich.align import Align
from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingsMap, BindingType
from textual.command import CommandList, CommandPalette
from textual.dom import DOMNode
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widgets._select import SelectOverlay
from textual.widgets.option_list import Option

from raci.i18n import N_, _
from raci.tui.widgets.footer import FittingFooter

TEXTUAL_WIDGETS: tuple[type[DOMNode], ...] = (SelectOverlay,)
"""Textual's widgets whose own keys the app's footer shows (a select's open
menu: "esc Dismiss menu"), translated as raci's are."""
_ENGLISH: dict[type[DOMNode], BindingsMap] = {}
"""Each class's bindings as declared, kept to translate them again."""


def app_classes() -> list[type[DOMNode]]:
    """Every widget, screen and app class of raci's app (and what they inherit)."""
    found: list[type[DOMNode]] = []
    todo = [DOMNode]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("raci.tui") or cls in TEXTUAL_WIDGETS:
            found.append(cls)
    return found


def translate_bindings() -> None:
    """Give each app class's keys their descriptions in the current language."""
    for cls in app_classes():
        english = _ENGLISH.setdefault(cls, cls._merge_bindings())
        cls._merged_bindings = BindingsMap.from_keys({
            key: [_translated(binding) for binding in bindings]
            for key, bindings in english.key_to_bindings.items()})


def _translated(binding: Binding) -> Binding:
    group = binding.group
    if group is not None:
        group = dataclasses.replace(group, description=_(group.description))
    return dataclasses.replace(binding, description=_(binding.description),
                               tooltip=_(binding.tooltip) if binding.tooltip else "",
                               group=group)


def binding_texts() -> Iterator[tuple[str, str]]:
    """Each key description, tooltip and group of the app, with the class that has it."""
    for cls in app_classes():
        for bindings in cls._merge_bindings().key_to_bindings.values():
            for binding in bindings:
                group = binding.group.description if binding.group else ""
                for text in (binding.description, binding.tooltip, group):
                    if text:
                        yield text, f"{cls.__name__} {binding.key}"


def extract_app(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                options: Any) -> Iterator[tuple[int, Any, Any, Any]]:
    """A ``pybabel extract`` method for ``raci/tui/app.py``: its own ``_()``
    calls and every key's description and tooltip."""
    from babel.messages.extract import extract_python

    from raci.tui.app import keyed_screens  # every widget class is imported with it,

    keyed_screens()  # and those of the screens only a key opens
    yield from extract_python(fileobj, keywords, comment_tags, options)
    for text, where in sorted(set(binding_texts())):
        yield 0, "_", text, [where]


TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"),
    N_("Quit the application as soon as possible"), N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"), N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)
"""What Textual's own commands in the palette say, as Textual says them; read
in the user's language by `translated_commands` (one Textual adds later
stays in English until it is listed here)."""


def translated_commands(commands: Iterable[SystemCommand]) -> Iterator[SystemCommand]:
    """Textual's own palette commands, their titles and help in the user's
    language; the theme command opens a theme picker that speaks it too."""
    for command in commands:
        callback = command.callback
        owner, function = getattr(callback, "__self__", None), getattr(callback, "__func__", None)
        if isinstance(owner, App) and function is App.action_change_theme:
            callback = partial(search_themes, owner)
        yield command._replace(title=_(command.title), help=_(command.help), callback=callback)


def theme_and_keys(app: App[Any], screen: Screen[Any]) -> list[SystemCommand]:
    """Textual's own commands that a review offers, in the user's language:
    the theme and the keys panel. Its others (a screenshot, maximize) act on
    the screen as Textual sees it, not on the review."""
    kept = (App.action_change_theme, App.action_show_help_panel, App.action_hide_help_panel)
    return list(translated_commands(
        command for command in App.get_system_commands(app, screen)
        if getattr(command.callback, "__func__", None) in kept))


class TranslatedCommandPalette(CommandPalette):
    """Textual's command palette, saying in the user's language that nothing
    matched (Textual writes "No matches found" in its code, with no setting),
    with a footer of its own keys: without it, the keys of the pane under it
    showed, and did nothing while it was open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding, so that the footer shows it over the input's hidden one.
        Binding("enter", "run", "Choose", priority=True),
        Binding("escape", "escape", "Close"),
    ]

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield FittingFooter()

    def action_run(self) -> None:
        """What enter does in Textual's palette: run the command under the cursor."""
        self._select_or_command()

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:  # as Textual's, but in the user's words
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(_("No matches found"), style="not bold")),
                           disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:  # nothing typed: nothing to say
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def search_themes(app: App[Any]) -> None:
    """Textual's theme picker (`App.search_themes`), its prompt in the user's language."""
    app.push_screen(TranslatedCommandPalette(providers=[ThemeProvider],
                                             placeholder=_("Search for themes…")))
