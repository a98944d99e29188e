"""Arguments and options that several commands share, declared once (as sqlite-utils does).

Each is a decorator; a command stacks them like any click option, so the
same option reads the same in every command's `--help`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from raci.cli.completion import complete_file
from raci.errors import UsageError
from raci.i18n import _, format_count, ngettext, os_reason

if TYPE_CHECKING:
    from raci.formats.files import SchemaBeside

Decorated = TypeVar("Decorated", bound=Callable[..., Any])
PROGRESS_STEP = 250

model_argument = click.argument("model", shell_complete=complete_file)
"""MODEL: a .db file, a database URL, or a .yaml/.yml/.json model file (see `raci.source`)."""

scenario_option = click.option(
    "--scenario", metavar="NAME",
    help="Make the edit in this scenario instead of the model (as MODEL@NAME does).")
"""`--scenario NAME` on the edit commands (see `raci scenario`)."""


class WholeNumber(click.IntRange):
    """click's `IntRange` (no bounds: any whole number) that a refusal names
    in the user's language: "'x' is geen geheel getal", not click's own
    "integer range"."""

    @property
    def name(self) -> str:  # type: ignore[override]
        return _("whole number")

    def _describe_range(self) -> str:
        """The help's ``1<=x<=65535``; nothing when there are no bounds."""
        return "" if self.min is None and self.max is None else super()._describe_range()


class Number(click.FloatRange):
    """click's `FloatRange`, named in the user's language as `WholeNumber` is."""

    @property
    def name(self) -> str:  # type: ignore[override]
        return _("number")


def seconds_option(default: float, help: str) -> Callable[[Decorated], Decorated]:
    """`--timeout SECONDS`: how long an outside program may take."""
    return click.option("--timeout", type=Number(min=0, min_open=True),
                        default=default, show_default=True, metavar="SECONDS", help=help)


timeout_option = seconds_option(60.0, "Stop Graphviz's dot after this long.")
report_timeout_option = seconds_option(
    300.0, "Stop Graphviz's dot, or Chromium printing the PDF, after this long "
    "(a PDF of hundreds of pages takes a minute).")


def output_option(help: str, *, required: bool = False,
                  standard_output: bool = False) -> Callable[[Decorated], Decorated]:
    """`-o/--output FILE`: a file to write (a directory is refused before any
    work; missing directories on the way are made, `output_directories`).
    With `standard_output`, a required ``-o -`` is passed on as it is: the
    command writes standard output where its format is given (`raci report`)."""
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                        required=required, help=help,
                        callback=output_or_standard if standard_output else output_directories)


def model_file_suffix(output: Path) -> str:
    """The suffix of the model file `-o` names, which says how it is written
    (JSON or YAML); any but a model file's (`FILE_SUFFIXES`) is refused:
    ``-o org.db`` would put YAML in a file named as a database. A device or a
    pipe (``-o /dev/null``), whose name says nothing of a format, takes YAML."""
    from raci.formats.writing import is_special_file
    from raci.model.source import FILE_SUFFIXES

    if is_special_file(output):
        return ".yaml"
    if output.suffix.lower() not in FILE_SUFFIXES:
        raise UsageError(_("{output}: give a .yaml, .yml or .json file to write").format(
            output=output))
    return output.suffix.lower()


def output_or_standard(ctx: click.Context, param: click.Parameter,
                       path: Path | None) -> Path | None:
    """`output_directories`, but ``-o -`` stays ``-``: standard output."""
    return path if path is not None and str(path) == "-" else directories_made(ctx, param, path)


def output_directories(ctx: click.Context, param: click.Parameter,
                       path: Path | None) -> Path | None:
    """Make the directories `-o FILE` names that are missing (``-o
    handout/review.md`` makes ``handout/``), and take them away again if
    the command ends with nothing written in them. ``-o -`` is standard
    output, as ``-`` is standard input where a model is read: the same as
    no ``-o``, and refused by a command that must write a file."""
    if path is None:
        return None
    if str(path) == "-":
        if param.required:
            raise UsageError(_("-o -: {command} writes a file, not standard output; give "
                               "the file's name").format(command=ctx.command_path))
        return None
    return directories_made(ctx, param, path)


def directories_made(ctx: click.Context, _param: click.Parameter,
                     path: Path | None) -> Path | None:
    """The part of `output_directories` for an option that always names a
    file (``--write-baseline b1/base.json`` makes ``b1/``): a database there
    is refused (`refuse_database`), and a link is followed to the file it
    names, whose folders are made."""
    if path is None:
        return None
    from raci.store.sqlite_file import refuse_database

    refuse_database(path)
    written = Path(os.path.realpath(path)) if path.is_symlink() else path
    missing = [folder for folder in reversed(written.parents) if not folder.is_dir()]
    for folder in missing:
        if folder.exists():
            raise UsageError(_("{file}: {folder} is a file, not a directory").format(
                file=path, folder=folder))
        try:
            folder.mkdir()
        except OSError as error:
            raise UsageError(_("{file}: cannot make the directory {folder}: {reason}").format(
                file=path, folder=folder, reason=os_reason(error))) from None
    if missing:
        ctx.call_on_close(lambda: _remove_if_empty(missing))
    return path


def _remove_if_empty(folders: list[Path]) -> None:
    for folder in reversed(folders):
        try:
            folder.rmdir()
        except OSError:  # something was written: keep it and all above it
            return


def format_option(choices: Sequence[str], help: str, *,
                  default: str | None = None) -> Callable[[Decorated], Decorated]:
    """`--format NAME`, passed to the command as `fmt` (`format` is a builtin)."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=default is not None, help=help)


def output_format(fmt: str | None, output: Path | None, suffixes: Mapping[str, str],
                  default: str) -> str:
    """The format asked for, else the one the output file's suffix names in
    `suffixes`, else `default`. A suffix that names another format than
    --format is refused: YAML in `x.json` or a PNG in `x.svg` is a file
    nobody can read as its name says."""
    named = suffixes.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and named is not None and named != fmt:
        raise UsageError(_("-o {output} is a .{named} file but --format is {format}; name the "
                           "file .{format} or leave --format out").format(
                               output=output, named=named, format=fmt))
    return fmt or named or default


def write_output(text: str | bytes, path: Path | None, what: str | None = None) -> None:
    """`text` (or bytes, written as they are) on stdout, or in the file `-o`
    names, whole, as a model file is (a one-line reason if it cannot be)."""
    if path is None:
        click.echo(text, nl=False)
        return
    from raci.formats.writing import write_file_whole

    write_file_whole(path, text, what or _("the output"))


def confirm(message: str) -> None:
    """Say what a command just saved. The change is made: a reader that went
    away makes the saying fail, not the command."""
    try:
        click.echo(message)
    except BrokenPipeError:
        discard_output()


def tell_schema_written(schema: SchemaBeside | None) -> None:
    """Say that a model file's schema was written beside it (see `raci schema`),
    or that the user's own file of its name was kept, or why it could not be written."""
    if schema is None:
        return
    if schema.refused is not None:
        click.echo(_("raci: warning: {reason}; the model file is written: once that is "
                     "fixed, `raci schema -o {schema}` writes the schema editors check it "
                     "against").format(
                         reason=schema.refused, schema=schema.path), err=True)
    elif schema.kept:
        click.echo(_("kept {schema} as it was, as raci did not write it: editors check the "
                     "model file against what is there (`raci schema -o FILE` writes raci's "
                     "schema)").format(schema=schema.path), err=True)
    else:
        click.echo(_("wrote {schema} beside it: editors check and complete the model file "
                     "against it").format(schema=schema.path), err=True)


def tell_written(path: Path) -> None:
    """Say on stderr that a file was written."""
    click.echo(_("wrote {file}").format(file=path), err=True)


def contents_text(entities: int, assignments: int) -> str:
    """``129 entities and 12 assignments``, each count with its word's form."""
    return _("{entities} and {assignments}").format(
        entities=ngettext("{count} entity", "{count} entities", entities).format(
            count=format_count(entities)),
        assignments=ngettext("{count} assignment", "{count} assignments", assignments)
        .format(count=format_count(assignments)))


def discard_output() -> None:
    """Point stdout at /dev/null so that Python's flush at exit fails no more."""
    with contextlib.suppress(OSError):  # no file descriptor behind stdout: nothing to flush
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextmanager
def progress_bar() -> Iterator[Callable[[str, int | None], Callable[[], None]] | None]:
    """A progress bar on stderr for reading sheets, or None when stderr is no
    terminal (a pipe or a CI log gets no bar)."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        def start(what: str, total: int | None) -> Callable[[], None]:
            task = bar.add_task(what, total=total)
            rows = 0

            def advance() -> None:
                nonlocal rows
                rows += 1
                if rows % PROGRESS_STEP == 0:  # a bar redrawn per row would slow the read
                    bar.advance(task, PROGRESS_STEP)
            return advance
        yield start
