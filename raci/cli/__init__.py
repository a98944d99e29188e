"""The `raci` command: parse arguments, call the library, print, exit (SPEC §3).

Each module below holds one group of subcommands and lists them in
`COMMANDS`; heavy libraries are imported inside the commands so that
`raci --help` and the app start fast. Exit codes: 0 success, 1 findings at or
above `--fail-on`, 2 bad input or an internal error, with a one-line reason
on stderr and no traceback unless `--debug`.
"""

from __future__ import annotations

import sys

import click

from raci.cli import (
    app_commands,
    diagram_commands,
    generate_commands,
    lint_commands,
    model_commands,
)
from raci.errors import ModelFileError, RaciError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class RaciGroup(click.Group):
    """Runs `raci edit` when no subcommand is given."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not [a for a in args if not a.startswith("-")] and not {"--help", "-h"} & set(args):
            args = [*args, "edit"]
        return super().parse_args(ctx, args)


@click.group(cls=RaciGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.version_option(package_name="raci")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """raci: model, lint and draw governance."""
    ctx.obj = {"debug": debug}


for module in (model_commands, generate_commands, lint_commands, diagram_commands, app_commands):
    for command in module.COMMANDS:
        cli.add_command(command)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    try:
        code = cli.main(args=args, prog_name="raci", standalone_mode=False)
    except click.exceptions.Exit as done:
        code = done.exit_code
    except click.ClickException as error:
        click.echo(f"raci: {error.format_message()}", err=True)
        code = EXIT_BAD_INPUT
    except click.exceptions.Abort:
        click.echo("raci: aborted", err=True)
        code = EXIT_BAD_INPUT
    except ModelFileError as error:  # already FILE:LINE:COL: message, one per line
        click.echo(str(error), err=True)
        code = EXIT_BAD_INPUT
    except RaciError as error:
        click.echo(f"raci: {error}", err=True)
        code = EXIT_BAD_INPUT
    except Exception as error:  # an internal error: still one line, never a traceback
        if debug:
            raise
        click.echo(f"raci: internal error: {type(error).__name__}: {error} "
                   "(run with --debug for details)", err=True)
        code = EXIT_BAD_INPUT
    sys.exit(code or 0)
