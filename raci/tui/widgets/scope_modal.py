"""Pick the matrix's scope: the whole model, or a unit, body or goal subtree."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from raci.i18n import _, format_count
from raci.model import Model
from raci.tui.screens.form import FormScreen
from raci.tui.widgets.explorer import ChoiceList
from raci.tui.widgets.footer import FittingFooter
from raci.vocabulary import KIND_NAMES

SCOPE_KINDS = ("unit", "body", "goal")
WHOLE_MODEL = ""
MOST_SHOWN = 100
"""The choices listed at most, the first that hold what is typed: a national
model has thousands of units, bodies and goals, and listing them all took
a second at each key; typing more narrows the list."""


class ScopePicker(FormScreen[str | None]):
    """Dismisses with the chosen id, "" for the whole model, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="cancel-scope"),
    ]

    def __init__(self, model: Model) -> None:
        super().__init__()
        self.choices = [(WHOLE_MODEL, _("The whole model"))] + [
            (entity.id, f"{KIND_NAMES[kind]}: {entity.name} ({entity.id})")
            for kind in SCOPE_KINDS for entity in model.collection(kind).values()
        ]
        self.folded = [title.casefold() for _scope, title in self.choices]

    def compose(self) -> ComposeResult:
        with Vertical(id="scope-box"):
            yield Static(_("[b]Matrix scope[/b]  [dim]type to filter, enter picks[/]"))
            yield Input(placeholder=_("filter by name or id"), id="scope-filter")
            yield ChoiceList(id="scope-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        self._fill("")

    @on(Input.Changed, "#scope-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fill(self, text: str) -> None:
        options = self.query_one("#scope-list", OptionList)
        options.clear_options()
        wanted = text.casefold()
        found = [choice for choice, folded in zip(self.choices, self.folded, strict=True)
                 if wanted in folded]
        options.add_options(Option(escape(title), id=f"scope:{scope}")
                            for scope, title in found[:MOST_SHOWN])
        more = len(found) - MOST_SHOWN
        if not found:  # an empty list looked like a list still to come
            options.add_option(Option(_("Nothing matches {text}: type less, or other words").format(
                text=escape(repr(text))), disabled=True))
        if more > 0:
            options.add_option(Option(_("… and {count} more: type to narrow the list").format(
                count=format_count(more)), disabled=True))
        if found:
            options.highlighted = 0

    @on(Input.Submitted, "#scope-filter")
    def _take_first(self) -> None:
        options = self.query_one("#scope-list", OptionList)
        if options.highlighted is not None:
            self._pick(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#scope-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option)

    def _pick(self, option: Option) -> None:
        assert option.id is not None
        self.dismiss(option.id.removeprefix("scope:"))

    def action_cancel(self) -> None:
        self.dismiss(None)
