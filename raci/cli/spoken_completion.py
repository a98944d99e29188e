"""Completion in the user's language: bash, zsh and fish as click completes
them, with `--lang` taken anywhere on the line (``raci lint x.db --lang
<TAB>`` offers the languages) and what each command and option does said as
`raci --help` says it. Imported only when a shell asks (`answer_completion`).
"""

from __future__ import annotations

from click.shell_completion import (
    BashComplete,
    CompletionItem,
    FishComplete,
    ShellComplete,
    ZshComplete,
)

from raci.cli.completion import LANG_OPTION
from raci.cli.language import said_with_placeholders
from raci.errors import RaciError
from raci.i18n import LANGUAGES


class SpokenCompletion(ShellComplete):
    def get_completions(self, args: list[str], incomplete: str) -> list[CompletionItem]:
        from raci.cli import speak_the_chosen_language

        if args and args[-1] == LANG_OPTION:
            return [CompletionItem(name) for name in LANGUAGES if name.startswith(incomplete)]
        try:
            args = speak_the_chosen_language(args)
        except RaciError:  # `--lang xx`: nothing sensible to offer after it
            return []
        items = super().get_completions(args, incomplete)
        for item in items:
            if item.value.startswith("-") and item.help:  # an option: its help is a key
                item.help = said_with_placeholders(item.help)
        return items


class SpokenBash(SpokenCompletion, BashComplete):
    pass


class SpokenZsh(SpokenCompletion, ZshComplete):
    pass


class SpokenFish(SpokenCompletion, FishComplete):
    # click's script splits "plain,OWN001,BOD001" at every comma, so a completed
    # `--select OWN001,BOD0` came back empty: split at the first only.
    source_template = FishComplete.source_template.replace(
        '(string split "," $completion)', '(string split --max 1 "," $completion)')


SPOKEN_SHELLS: tuple[type[ShellComplete], ...] = (SpokenBash, SpokenZsh, SpokenFish)
