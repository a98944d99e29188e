"""Shell completion: `raci completion SHELL` prints the script that completes
`raci`'s commands, options and values in bash, zsh or fish.

Click does the completing; the script calls `raci` with ``_RACI_COMPLETE``
set, which `raci.cli.main` answers before anything else runs (so completing
never opens the app or creates ``org.db``). Besides commands, options and
choices, these complete: MODEL as a file name, rule codes (also after a comma
in ``--select`` and ``--ignore``), sample names, and the ids of the model
already given on the line (read lean; nothing when it cannot be read).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

COMPLETE_VAR = "_RACI_COMPLETE"
LANG_OPTION = "--lang"
"""`raci --lang LANGUAGE`, allowed anywhere on the line (see `raci.cli.run`)."""
SHELLS = ("bash", "zsh", "fish")
Complete = Callable[[click.Context, click.Parameter, str], "list[CompletionItem]"]


def complete_file(_ctx: click.Context, _param: click.Parameter,
                  incomplete: str) -> list[CompletionItem]:
    """MODEL: let the shell complete a file name."""
    from click.shell_completion import CompletionItem

    return [CompletionItem(incomplete, type="file")]


def complete_rules(_ctx: click.Context, _param: click.Parameter,
                   incomplete: str) -> list[CompletionItem]:
    """Rule codes, or the last of comma-separated ones (``--select OWN001,BO``)."""
    from click.shell_completion import CompletionItem

    from raci.lint.rules import RULES

    done, comma, last = incomplete.rpartition(",")
    return [CompletionItem(f"{done}{comma}{rule.code}", help=rule.name) for rule in RULES
            if rule.code.lower().startswith(last.lower())]


def sample_names() -> list[str]:
    """The bundled sample organisations (`raci demo --sample`)."""
    from importlib import resources  # most of this module's import time, for this alone

    samples = resources.files("raci") / "sample_orgs"
    return sorted(p.name.removesuffix(".yaml") for p in samples.iterdir()
                  if p.name.endswith(".yaml"))


def complete_samples(_ctx: click.Context, _param: click.Parameter,
                     incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in sample_names() if name.startswith(incomplete)]


def complete_ids(kinds: Collection[str] = ()) -> Complete:
    """The ids (of `kinds`, else all) in the MODEL given earlier on the line."""

    def complete(ctx: click.Context, _param: click.Parameter,
                 incomplete: str) -> list[CompletionItem]:
        model = _model_on_line(ctx)
        if model is None:
            return []
        from click.shell_completion import CompletionItem

        from raci.errors import RaciError
        from raci.source import open_lean_model

        try:
            found = open_lean_model(model).model.kinds
        except (RaciError, OSError):
            return []
        return [CompletionItem(entity_id, help=kind) for entity_id, kind in found.items()
                if entity_id.startswith(incomplete) and (not kinds or kind in kinds)]

    return complete


def _model_on_line(ctx: click.Context) -> str | None:
    """The MODEL typed before the word being completed. Click has parsed it,
    except while an option's value is completed (``--focus <TAB>``): it stops
    at the option, so MODEL is looked for in the shell's words (every shell
    click completes gives them in ``COMP_WORDS``): the first word after the
    command that is neither an option nor an option's value."""
    model = ctx.params.get("model")
    if isinstance(model, str):
        return model
    from click.shell_completion import split_arg_string

    words = split_arg_string(os.environ.get("COMP_WORDS", ""))
    taking_value = {LANG_OPTION} | {name for param in ctx.command.params
                                    if isinstance(param, click.Option) and not param.is_flag
                                    for name in param.opts}
    rest = iter(words[len(ctx.command_path.split()):])
    for word in rest:
        if word in taking_value:
            next(rest, None)
        elif not word.startswith("-"):
            return word
    return None


def answer_completion(cli: click.Command) -> int | None:
    """The shell's completion request, answered; None when this is no such request."""
    instruction = os.environ.get(COMPLETE_VAR)
    if not instruction:
        return None
    from click.shell_completion import add_completion_class, shell_complete

    from raci.cli.spoken_completion import SPOKEN_SHELLS

    for shell in SPOKEN_SHELLS:
        add_completion_class(shell)
    return shell_complete(cli, {}, "raci", COMPLETE_VAR, instruction)


@click.command()
@click.argument("shell", type=click.Choice(SHELLS), metavar="SHELL")
def completion(shell: str) -> None:
    """Print the script that completes raci's commands, options, rule codes,
    sample names and model ids in SHELL. Save it where the shell looks for
    completions, or load it in the shell's start-up file: `eval "$(raci
    completion bash)"` in ~/.bashrc, `eval "$(raci completion zsh)"` in ~/.zshrc.

    \b
    Examples:
      raci completion bash > ~/.local/share/bash-completion/completions/raci
      raci completion fish > ~/.config/fish/completions/raci.fish
    """
    from raci.cli import cli
    from raci.cli.spoken_completion import SPOKEN_SHELLS

    complete_class = next(spoken for spoken in SPOKEN_SHELLS if spoken.name == shell)
    click.echo(complete_class(cli, {}, "raci", COMPLETE_VAR).source())


COMMANDS: list[click.Command] = [completion]
