"""The `raci` command: parse arguments, call the library, print, exit (docs/cli.md).

Each module below holds one group of subcommands and lists them in
`COMMANDS`; `COMMAND_MODULES` says which module holds which command, and a
command's module is imported only when that command runs (or help lists it),
so that `raci lint` does not import the app's commands, nor the app the
others'. Heavy libraries are imported inside the commands for the same
reason. Exit codes: 0 success, 1 findings at or above `--fail-on`, 2 bad
input or an internal error, with a one-line reason on stderr and no traceback
unless `--debug`.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from typing import ClassVar, NoReturn

import click

from raci.cli import completion
from raci.cli.colour import NO_COLOR_OPTION, colour_choice
from raci.cli.completion import LANG_OPTION
from raci.cli.language import TranslatedGroup, speak_placeholders, translate_help
from raci.cli.options import discard_output
from raci.config_file import language_setting
from raci.errors import ModelFileError, RaciError, UsageError, reason
from raci.i18n import LANGUAGES, _, choose_language, speak

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
COMMAND_MODULES: dict[str, str] = {
    **dict.fromkeys(("new", "import", "export", "schema", "validate", "add", "set", "rename",
                     "rm", "assign", "unassign"), "model_commands"),
    "scenario": "scenario_commands",
    "generate": "generate_commands",
    **dict.fromkeys(("lint", "rules", "diff"), "lint_commands"),
    "review": "review_commands",
    **dict.fromkeys(("diagram", "matrix", "report"), "diagram_commands"),
    **dict.fromkeys(("edit", "demo", "serve"), "app_commands"),
    "completion": "completion",
}
"""Each command of `raci` and the module in `raci.cli` that holds it."""


class RaciGroup(TranslatedGroup):
    """Runs `raci edit` when no subcommand is given; imports a command's
    module only when the command is asked for (click's lazy group)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMAND_MODULES, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            self.add_command(_loaded_command(cmd_name))
        return self.commands.get(cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:  # completing: `raci <TAB>` lists the commands
            return super().parse_args(ctx, args)
        if not [a for a in args if not a.startswith("-")] and not {"--help", "-h"} & set(args):
            args = [*args, "edit"]
        return super().parse_args(ctx, args)


@click.group(cls=RaciGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True,
              help="Show the traceback of an internal error (allowed anywhere on the line).")
@click.option(LANG_OPTION, type=click.Choice(LANGUAGES),
              help="Speak this language (default: RACI_LANG, the lang setting of [tool.raci], "
                   "else the locale's; allowed anywhere on the line).")
@click.option(NO_COLOR_OPTION, is_flag=True,
              help="No colour, also on a terminal (as NO_COLOR=1 does; FORCE_COLOR=1 colours "
                   "a pipe too). Allowed anywhere on the line.")
@click.version_option(package_name="raci")
def cli(debug: bool, lang: str | None, no_color: bool) -> None:
    """raci: model, lint and draw governance."""


translate_help(cli)


def _loaded_command(name: str) -> click.Command:
    """Command `name` from its module, its help laid out in the language spoken."""
    module = importlib.import_module(f"raci.cli.{COMMAND_MODULES[name]}")
    command: click.Command = next(c for c in module.COMMANDS if c.name == name)
    translate_help(command)
    speak_placeholders(command)
    return command


def set_collector_policy() -> None:
    """The cyclic collector's thresholds for a run of raci (the app's benchmark
    sets them too, as `raci edit` has them)."""
    # A command builds its whole model at once: hundreds of thousands of objects
    # that all live to the end. Python's default thresholds rescan them again and
    # again while they are made (a third of a national model's load time).
    gc.set_threshold(100_000, 50, 100)


class _Ending:
    """Whether the process may end at once (`main` runs as the process
    itself), whether the command asked it to (`end_at_once`), and what the
    command made that the process holds till then."""

    allowed = False
    at_once = False
    kept: ClassVar[list[object]] = []


def end_at_once(kept: list[object]) -> bool:
    """Ask that the process end as soon as the command is done: its output
    flushed, its exit code kept, without the interpreter's teardown, which
    frees every object one by one (a twentieth of a `raci lint` of tens of
    thousands of findings; mypy ends so too). Only for a command that runs
    no threads and leaves nothing to close (`raci lint`, `raci matrix`).
    Whether it will: only when `main` runs as the process itself, never
    when it is called with arguments (the tests). `kept`: where the command puts what it
    made, held till the process ends, so that not even the command's return
    frees it (what the lint read, worked out and found: as long again)."""
    _Ending.at_once = _Ending.allowed
    if _Ending.at_once:
        _Ending.kept = kept
    return _Ending.at_once


def main(argv: list[str] | None = None) -> None:
    """Run `raci` with `argv` (default: the process's arguments) and exit with its code."""
    args = sys.argv[1:] if argv is None else argv
    answered = completion.answer_completion(cli)
    if answered is not None:
        sys.exit(answered)
    set_collector_policy()
    # Taken out here so that they work after a subcommand too: `raci lint x --debug`.
    debug = "--debug" in args
    color = colour_choice(args)
    _Ending.allowed = argv is None
    code = run([a for a in args if a not in ("--debug", NO_COLOR_OPTION)], debug=debug,
               color=color)
    if argv is None and _Ending.at_once:
        _exit_now(code)
    sys.exit(code)


def _exit_now(code: int) -> NoReturn:
    """End the process with `code` once stdout and stderr are flushed (a
    reader that went away loses nothing it still wanted: `| head`)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)


def run(args: list[str], *, debug: bool = False, color: bool | None = None) -> int:
    """Run the command line; every failure becomes one line on stderr and exit 2.

    The context is made and invoked here rather than through click's own
    `main`, which would print a usage block for a usage error (docs/cli.md asks
    for exit 2 and one line) and exit 1 on a broken pipe, where a reader
    that stopped reading (``| head``) is a normal end: exit 0, nothing said,
    as ruff does.
    """
    try:
        args = speak_the_chosen_language(args)
        with cli.make_context("raci", list(args), color=color) as ctx:
            cli.invoke(ctx)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.UsageError as error:
        return _refuse(_one_line(error.format_message()).rstrip(".") + _help_hint(error.ctx))
    except click.ClickException as error:
        return _refuse(_one_line(error.format_message()))
    except (click.exceptions.Abort, KeyboardInterrupt):
        return _refuse(_("interrupted"))
    except BrokenPipeError:  # the reader had what it wanted (`| head`): a normal end
        discard_output()
        return EXIT_OK
    except ModelFileError as error:  # already FILE:LINE:COL: message, one line per problem
        with contextlib.suppress(BrokenPipeError):
            click.echo(reason(error), err=True)
        return EXIT_BAD_INPUT
    except RaciError as error:
        return _refuse(_one_line(reason(error)))
    except Exception as error:  # an internal error: still one line, never a traceback
        if debug:
            raise
        return _refuse(_("internal error: {error} (run `raci --debug ...` for the traceback)")
                       .format(error=f"{type(error).__name__}: {_one_line(str(error))}"))
    return EXIT_OK


def speak_the_chosen_language(args: list[str]) -> list[str]:
    """Speak the language `--lang` names (anywhere on the line, as `--debug`),
    else the one `choose_language` finds; `args` without `--lang`."""
    rest, option = [], None
    words = iter(args)
    for word in words:
        if word == LANG_OPTION:
            option = next(words, "")
        elif word.startswith(f"{LANG_OPTION}="):
            option = word.removeprefix(f"{LANG_OPTION}=")
        else:
            rest.append(word)
    if option is not None and option not in LANGUAGES:
        speak(choose_language())
        raise UsageError(_("--lang: {value!r} is not one of {choices}")
                         .format(value=option, choices=", ".join(LANGUAGES)))
    speak(choose_language(option, None if option else language_setting()))
    speak_placeholders(cli)
    return rest


def _refuse(reason: str) -> int:
    with contextlib.suppress(BrokenPipeError):  # stderr is gone too: the exit code still tells
        click.echo(f"raci: {reason}", err=True)
    return EXIT_BAD_INPUT


def _one_line(message: str) -> str:
    """Click lays out some messages (a choice list) over several lines; docs/cli.md wants one."""
    return " ".join(line.strip() for line in message.splitlines() if line.strip())


def _help_hint(ctx: click.Context | None) -> str:
    path = ctx.command_path if ctx is not None else "raci"
    return _("; see `{command} --help`").format(command=path)


