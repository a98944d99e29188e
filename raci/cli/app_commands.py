"""The app commands: `raci edit [MODEL]`, `raci demo` and `raci serve` (docs/cli.md, docs/app.md).

Textual and the store are imported inside the commands, so `raci --help`
stays fast.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import click

from raci.cli.completion import complete_samples, sample_names
from raci.cli.options import (
    WholeNumber,
    directories_made,
    model_file_suffix,
    tell_schema_written,
    tell_written,
    write_output,
)
from raci.errors import RaciError, UsageError
from raci.formats.writing import FULL, new_temporary_folder, temporary_folder_error
from raci.i18n import _
from raci.model.source import is_model_file
from raci.source import database_url

DEFAULT_DATABASE = "org.db"
DEFAULT_SAMPLE = "energietransitie"


def _check_theme(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from raci.tui.settings import theme_names

    if value is not None and value not in theme_names():
        raise UsageError(_("--theme: no theme {value!r}; choose one of {themes}").format(
            value=value, themes=", ".join(theme_names())))
    return value


theme_option = click.option(
    "--theme", callback=_check_theme, metavar="NAME",
    help="The app's colours for this run (e.g. nord, gruvbox, textual-light); without it, "
         "the theme last chosen in the app (ctrl+p, Theme).")


@click.command()
@click.argument("model", required=False, default=DEFAULT_DATABASE)
@theme_option
@click.option("--read-only", is_flag=True,
              help="Look without changing anything: every edit is refused with a notice.")
@click.option("--scenario", metavar="NAME",
              help="Edit in this scenario (made if absent), not the model itself; so does "
                   "MODEL@NAME. In the app, S chooses another.")
def edit(model: str, theme: str | None, read_only: bool, scenario: str | None) -> None:
    """Open the app on a database (default ./org.db, created if absent).

    \b
    Examples:
      raci
      raci edit org.db --theme nord
      raci edit org.db --read-only
      raci edit org.db --scenario redesign
    """
    from raci.model.source import is_valid_scenario_name, split_scenario

    model, named = split_scenario(model)
    if named is not None and scenario is not None and named != scenario:
        raise UsageError(_("{model}@{named} names scenario {named} and --scenario names "
                           "{scenario}; give one").format(model=model, named=named,
                                                           scenario=scenario))
    scenario = scenario or named
    if scenario is not None and not is_valid_scenario_name(scenario):
        raise UsageError(_("--scenario: {name!r} is not a scenario name: letters, digits, _ and "
                           "-, starting with a letter or digit").format(name=scenario))
    if is_model_file(model) and not Path(model).exists():
        raise UsageError(_("{path}: no such file; check the name and the directory").format(
            path=model))
    if is_model_file(model):
        raise UsageError(_("{model}: the app edits a database; run `raci import {model} --into "
                           "org.db`, then `raci edit org.db`").format(model=model))
    database_url(model)  # refuses what is neither a .db file nor a URL
    create = "://" not in model and not Path(model).exists()
    if create and read_only:
        raise UsageError(_("{model}: no such database to look at; --read-only creates nothing")
                         .format(model=model))
    _need_terminal("edit")
    _run_app(model, create=create, theme=theme, read_only=read_only, scenario=scenario)


@click.command()
@click.option("--sample", metavar="NAME", default=DEFAULT_SAMPLE, show_default=True,
              help="Which bundled sample organisation to open.", shell_complete=complete_samples)
@theme_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              callback=directories_made,
              help="Write the sample's model file here (- for standard output) instead of "
                   "opening the app.")
def demo(sample: str, theme: str | None, output: Path | None) -> None:
    """Open the app on a fresh temporary copy of a bundled sample organisation,
    or write the sample's model file out with -o (to lint, export or edit).

    \b
    Examples:
      raci demo
      raci demo --sample politie-digitaal
      raci demo --sample energietransitie -o energietransitie.yaml
    """
    from raci.importing import import_file

    names = sample_names()
    if sample not in names:
        raise UsageError(_("no sample {sample!r}; choose one of {samples}").format(
            sample=sample, samples=", ".join(names)))
    sample_file = resources.files("raci") / "sample_orgs" / f"{sample}.yaml"
    if output is not None:
        _write_sample(sample_file, output)
        return
    _need_terminal("demo")
    directory = new_temporary_folder("raci-demo-", _("the demo database"))
    database = directory / "org.db"
    with keys_unechoed():
        try:
            with resources.as_file(sample_file) as bundled:
                import_file(_copied(bundled, directory / f"{sample}.yaml"), str(database))
        except BaseException:  # a full disk, ctrl+c: no half-made demo left behind
            shutil.rmtree(directory, ignore_errors=True)
            raise
        _run_app(str(database), create=False, theme=theme)
    click.echo(_("the demo database stays at {database}; open it again with "
                 "`raci edit {database}`").format(database=database))


def _copied(sample: Path, copy: Path) -> Path:
    """The sample copied into the demo's folder; a full disk there is one line."""
    try:
        return Path(shutil.copy(sample, copy))
    except OSError as error:
        if error.errno not in FULL:
            raise
        raise temporary_folder_error(_("the demo database"), error) from None


def _write_sample(sample_file: Traversable, output: Path) -> None:
    """The sample's model file as `raci export -o` writes a model: JSON into a
    ``.json`` file; else YAML that names its schema, written beside it, so
    editors check it (docs/model-format.md), the sample's comments kept: they
    say where each planted weakness is reported. Any other file is refused, as
    `raci generate` refuses it: the sample is a model file, not the matrix
    `raci export` writes into a workbook, nor a database."""
    from raci.formats.files import SCHEMA_COMMENT, write_schema_beside

    to_stdout = str(output) == "-"
    if not to_stdout and model_file_suffix(output) == ".json":
        from raci.formats import read_model, write_model

        with resources.as_file(sample_file) as bundled:
            write_model(read_model(bundled).model, output, "json")
        tell_written(output)
        return
    text = sample_file.read_text(encoding="utf-8")
    write_output(SCHEMA_COMMENT + text, None if to_stdout else output, _("the sample"))
    if not to_stdout:
        tell_written(output)
        tell_schema_written(write_schema_beside(output))


def _need_terminal(command: str) -> None:
    """Refuse to start the app where no one can see it: without a terminal
    (a pipe, a cron job, a detached session) Textual waits for keys forever.
    It reads the keys from standard input and draws on standard error; a
    driver named in TEXTUAL_DRIVER (`raci serve`'s, for a browser) needs neither."""
    if not (os.environ.get("TEXTUAL_DRIVER") or (sys.stdin.isatty() and sys.stderr.isatty())):
        raise UsageError(_("the app needs a terminal to show itself; run `raci {command}` in "
                           "one, or try `raci serve` for a browser").format(command=command))


def _run_app(model: str, *, create: bool, theme: str | None, read_only: bool = False,
             scenario: str | None = None) -> None:
    with keys_unechoed():
        from raci.tui import make_app

        app = make_app(model, create=create, theme=theme, read_only=read_only,
                       scenario=scenario)
        app.run()
    if app.failure is not None:
        raise RaciError(app.failure)


@contextmanager
def keys_unechoed() -> Iterator[None]:
    """The terminal echoes no key typed inside the block, and is as it was after.

    The app takes a second or two to take the screen on a large model;
    meanwhile the terminal itself would echo each key typed at the prompt
    line (the app still gets them, and presses them once the model is
    shown). Textual switches echo off only once it has started, and
    restores what it found: the terminal as it was before the block comes
    back here, whatever happened inside."""
    try:
        import termios

        terminal = sys.stdin.fileno()
        before = termios.tcgetattr(terminal)
    except Exception:  # no terminal (a pipe, a test; Windows): nothing echoes
        yield
        return
    quiet = termios.tcgetattr(terminal)
    quiet[3] &= ~termios.ECHO  # the local modes
    termios.tcsetattr(terminal, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(terminal, termios.TCSANOW, before)


@click.command()
@click.argument("model")
@click.option("--port", type=WholeNumber(1, 65535), metavar="INTEGER", default=8765,
              show_default=True,
              help="The port on 127.0.0.1 to serve on.")
@click.option("--write", is_flag=True,
              help="Let the browser edit the model; without it every edit is refused.")
@theme_option
def serve(model: str, port: int, write: bool, theme: str | None) -> None:
    """Serve the app in a browser on this machine (localhost, with a one-time token).

    Prints the address to open; each browser tab runs its own app on MODEL, a
    database that exists. Read-only unless --write.

    \b
    Examples:
      raci serve org.db
      raci serve org.db --write --port 9000
    """
    if is_model_file(model):
        raise UsageError(_("{model}: serve a database; run `raci import {model} --into org.db`, "
                           "then `raci serve org.db`").format(model=model))
    database_url(model)
    if "://" not in model and not Path(model).exists():
        raise UsageError(_("{model}: no such database; create it with `raci edit {model}` or "
                           "`raci import FILE --into {model}`").format(model=model))
    from raci.tui.serve import serve as serve_app

    serve_app(model, port=port, write=write, theme=theme)


COMMANDS: list[click.Command] = [edit, demo, serve]
