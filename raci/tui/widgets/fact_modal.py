"""A fact the model does not record (DAT001): what it means, and declaring it.

Opened by `enter` on a DAT001 finding, which is about a kind of fact, not an
entity. The rules that need the fact are not run while it lacks; declaring
it in `org.not_recorded` says that the source does not record it, which
silences DAT001 and keeps those rules off. Recording the fact instead is
done entity by entity, in the explorer.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich.markup import escape
from textual.binding import BindingType

from raci.i18n import _, ngettext
from raci.lint.message import localized
from raci.lint.rules.data import FACTS
from raci.model.entities import FACT_KINDS
from raci.tui.describe import in_words
from raci.tui.widgets.confirm import ConfirmScreen, answers
from raci.vocabulary import FACT_WORDS, KIND_TITLES


def in_prose(message: str) -> str:
    """A rule's message as the app says it: the names a model file uses
    (```cadence```, ```org.not_recorded```) in words."""
    def said(name: re.Match[str]) -> str:
        if name[1] == "org.not_recorded":
            return _("the facts not recorded")
        return in_words(name[1]) if name[1] in FACT_WORDS else name[1]

    return re.sub(r"`([^`]+)`", said, message)


class FactScreen(ConfirmScreen):
    """Dismisses with True when the user declares the fact not recorded."""

    DEFAULT_CSS = "FactScreen #confirm-box { max-width: 80; }"
    BINDINGS: ClassVar[list[BindingType]] = answers(
        "Add to not recorded", "Close", yes_keys="a", no_keys="escape")

    def __init__(self, fact: str, message: str) -> None:
        """`fact` as `org.not_recorded` names it; `message` is DAT001's."""
        codes = next((f.rules for f in FACTS if f.name == fact), ())
        rules = (" " + _("and") + " ").join(codes)
        words = in_words(fact)
        details = (
            f"{escape(in_prose(localized(message)))}\n\n"
            + ngettext("Record {fact} on the {entities}, in the explorer, and {rules} runs "
                       "again.",
                       "Record {fact} on the {entities}, in the explorer, and {rules} run "
                       "again.", len(codes)).format(
                           fact=words, entities=KIND_TITLES[FACT_KINDS[fact]].lower(),
                           rules=rules) + "\n"
            + ngettext("If the source does not record {fact}, add it to the facts not "
                       "recorded [b](a)[/b]: DAT001 stops reporting it and {rules} stays "
                       "off. The organisation form (o) lists the facts not recorded.",
                       "If the source does not record {fact}, add it to the facts not "
                       "recorded [b](a)[/b]: DAT001 stops reporting it and {rules} stay "
                       "off. The organisation form (o) lists the facts not recorded.",
                       len(codes)).format(fact=words, rules=rules))
        super().__init__(_("Not recorded: {fact}").format(fact=words), details,
                         yes_variant="primary")
