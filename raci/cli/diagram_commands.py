"""`raci diagram`, `raci matrix` and `raci report`: show a model to people.

Graphviz, rich and the lint engine are imported inside the commands so that
`raci --help` stays fast.
"""

from __future__ import annotations

import glob
import os
import re
import shutil
import sys
import textwrap
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click
from click.core import ParameterSource

from raci.cli import end_at_once
from raci.cli.completion import complete_ids
from raci.cli.options import (
    WholeNumber,
    directories_made,
    format_option,
    model_argument,
    output_directories,
    output_format,
    output_option,
    report_timeout_option,
    timeout_option,
)
from raci.errors import UsageError
from raci.i18n import _, format_count, ngettext
from raci.model.collector import collector_paused
from raci.model.source import ModelSource
from raci.source import open_model
from raci.vocabulary import (
    DEFAULT_DEPTH,
    DIAGRAM_FORMATS,
    DIAGRAM_SUFFIXES,
    PAGE_NAMES,
    VIEW_NAMES,
    VIEW_TITLES,
)

if TYPE_CHECKING:
    from raci.export.graph import View
    from raci.export.matrix import Matrix
    from raci.export.page import Fit, Page
    from raci.export.report import RuleHelp
    from raci.export.split import Progress
    from raci.lint.config import LintConfig
    from raci.lint.engine import LintResult
    from raci.model import Model

MATRIX_FORMATS = ("table", "csv", "markdown")
DEFAULT_PAGE = "a3"
MATRIX_LAYOUTS = ("grid", "list")
READABLE_CELLS = 1_000_000
"""Items by actors beyond which a grid is only for programs: say what reads."""
NO_ITEMS = "No items in this scope.\n"
SAID_AFTER = 1.0
"""Seconds a split runs before a terminal is told how far it is."""
DEFAULT_HUB = 12
FORMAT_SUFFIXES = {fmt: suffix for suffix, fmt in reversed(DIAGRAM_SUFFIXES.items())}
"""The suffix a drawing written into a folder gets, the first its format has:
``.dot`` (not ``.gv``), ``.svg``, ``.mmd``."""


def lint_result(source: ModelSource[Model], config: LintConfig) -> LintResult:
    """What `raci lint` finds with `config`, the rules it did not run included."""
    from raci.lint.engine import lint_source

    return lint_source(source, config)


def rule_helps() -> dict[str, RuleHelp]:
    from raci.export.report import rule_help
    from raci.lint import RULES

    return {r.code: rule_help(r) for r in RULES}


def diagram_format(fmt: str | None, output: Path | None) -> str:
    """The format as `output_format` finds it, else dot; a suffix that names
    no diagram format (`x.docx`) is refused as well. A file with no suffix
    is written as --format says."""
    if output is not None and output.suffix and output.suffix.lower() not in DIAGRAM_SUFFIXES:
        raise UsageError(_("-o {output}: {suffix} is not a diagram format; name the file "
                           "{suffixes}").format(output=output, suffix=output.suffix,
                                                suffixes=", ".join(DIAGRAM_SUFFIXES)))
    return output_format(fmt, output, DIAGRAM_SUFFIXES, "dot")


def diagram_output(ctx: click.Context, param: click.Parameter,
                   value: str | None) -> Path | None:
    """`-o FILE` as every command takes it (`output_directories`), or `-o
    FOLDER/` or a folder that is there: the folder, made if missing (and
    taken away again if nothing is written in it), which `diagram` writes
    into, as it does a report's ``-o handout/report.md``."""
    if value is None or not (value.endswith(("/", os.sep)) or Path(value).is_dir()):
        return output_directories(ctx, param, None if value is None else Path(value))
    folder = Path(value)
    directories_made(ctx, param, folder / "drawing")  # makes the folder a drawing goes in
    return folder


@click.command("diagram")
@model_argument
@click.option("--view", "view_name", type=click.Choice(VIEW_NAMES), required=True,
              help="What to draw.")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this entity.",
              shell_complete=complete_ids())
@click.option("--depth", type=WholeNumber(min=0), metavar="INTEGER", default=DEFAULT_DEPTH,
              show_default=True,
              help="How many links from --focus to draw.")
@click.option("--hub", type=WholeNumber(min=0), metavar="INTEGER", default=DEFAULT_HUB,
              show_default=True,
              help="With --focus, a node with more links is drawn but not walked through "
                   "(0: no hubs).")
@format_option(DIAGRAM_FORMATS, "dot (no Graphviz needed), svg, png, pdf or mermaid; "
               "default: from -o, else dot.")
@click.option("-o", "--output", type=click.Path(), callback=diagram_output,
              help="Write to this file instead of standard output; to FOLDER/, write into "
                   "that folder, each file named after the view.")
@click.option("--page", "page_name", type=click.Choice(PAGE_NAMES), default=DEFAULT_PAGE,
              show_default=True, help="The page the drawing is made to fit; without it, A3 "
                                      "landscape or portrait, whichever gives the larger text.")
@click.option("--split", type=click.Choice(("unit", "goal")),
              help="One drawing per top-level unit or goal area (numbered files, or the "
                   "pages of one PDF).")
@click.option("--no-legend", is_flag=True, help="Leave out the key under the title.")
@click.option("--highlight-findings", is_flag=True,
              help="Colour each node by the highest level of its lint findings.")
@timeout_option
def diagram(model: str, view_name: str, focus: str | None, depth: int, hub: int,
            fmt: str | None, output: Path | None, page_name: str, split: str | None,
            no_legend: bool, highlight_findings: bool, timeout: float) -> None:
    """Draw a view of MODEL with Graphviz: org, raci, bodies, goals or decisions.

    Without -o, dot, svg and mermaid go to standard output, and png and pdf
    too when it is not a terminal. A drawing that does not read on its page
    (text under 8 pt, or longer than 3:1) is drawn all the same, with a
    warning that says so and what to do. A view with nothing to draw (a
    model with no bodies) is drawn with its title and why, with a note.

    \b
    Examples:
      raci diagram org.db --view org -o org.svg
      raci diagram org.db --view raci --focus g.veilig --depth 1 -o g.png
      raci diagram org.db --view bodies --highlight-findings -o bodies.pdf --page a3
      raci diagram org.db --view org --split unit -o parts/org.svg
      raci diagram org.db --view goals --split goal --format svg -o parts/
    """
    from raci.export import graph
    from raci.export.page import PAGES
    from raci.export.render import draw, draw_either_way, write_drawing
    from raci.export.views import build_view, nothing_to_draw
    from raci.lint.run import config_for
    from raci.store.sqlite_file import refuse_database

    if output is not None and output.is_dir():
        fmt = fmt or "dot"
        output = output / f"{view_name}{FORMAT_SUFFIXES[fmt]}"
        refuse_database(output)  # -o FILE was refused as the option was read
    fmt = diagram_format(fmt, output)
    if output is None and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise UsageError(_("--format {format} is binary; give -o FILE or redirect the output")
                         .format(format=fmt))
    if output is None and split is not None:
        raise UsageError(_("--split {split} writes one drawing per part; give -o FILE")
                         .format(split=split))
    if output is not None and split is not None and fmt != "pdf":
        refuse_numbered_databases(output)
    source = open_model(model)
    config = config_for([source.label], None)  # as `raci lint` and `raci report` find it
    view = build_view(source.model, view_name, config)
    if focus is not None:
        view = graph.focus_view(view, source.model, focus, depth, hub)
    if highlight_findings:
        view = graph.highlight_findings(view, lint_result(source, config).findings)
    page = PAGES[page_name]
    empty = nothing_to_draw(view)
    parts = (split_parts(view, source.model, split, page, timeout) if split and not empty
             else [view])
    drawings = []
    for number, part in enumerate(parts, 1):
        if len(parts) > 1:
            click.echo(_("raci: drawing part {number} of {count}: {name}").format(
                number=number, count=len(parts), name=part.part), err=True)
        if split is None and click.get_current_context().get_parameter_source(
                "page_name") is ParameterSource.DEFAULT:  # the orientation its text is larger on
            drawn, page = draw_either_way(part, fmt, page=page, legend=not no_legend,
                                          timeout=timeout)
            drawings.append(drawn)
        else:
            drawings.append(draw(part, fmt, page=page, legend=not no_legend, timeout=timeout))
    for part, drawing in zip(parts, drawings, strict=True):
        if drawing.fit is not None and not drawing.fit.reads:
            click.echo(_("raci: warning: {warning}").format(
                warning=fit_advice(part, page.name, drawing.fit, split)),
                       err=True)
    if empty:
        click.echo(_("raci: note: the {view} view has nothing to draw: {reason}; the drawing "
                     "holds its title and this reason").format(view=VIEW_TITLES[view_name],
                                                               reason=empty), err=True)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(drawings[0].data)
        sys.stdout.buffer.flush()
    elif split is None:
        write_drawing(output, drawings[0].data)
    else:
        write_parts(output, fmt, [d.data for d in drawings], page)


def refuse_numbered_databases(output: Path) -> None:
    """Refuse, before any layout (minutes on a large view), a SQLite database
    named as one of a split's numbered files (`part_paths`): any there, as
    their count is known only once the parts are cut."""
    from raci.store.sqlite_file import refuse_database

    numbered = re.compile(rf"{re.escape(output.stem)}-[0-9]+{re.escape(output.suffix)}")
    for path in sorted(output.parent.glob(f"{glob.escape(output.stem)}-*")):
        if numbered.fullmatch(path.name):
            refuse_database(path)


def split_parts(view: View, model: Model, split: str, page: Page, timeout: float) -> list[View]:
    """The view's parts for `page` (`raci.export.split`), refused before any layout
    where it would make too many; a note first where it will not fit one page,
    as finding its parts then takes a while."""
    from raci.export.render import fits_page
    from raci.export.split import check_split_size, guessed_parts, split_view

    check_split_size(view, model, split, page.room, page.name)
    if guessed_parts(view, page.room) > 1:
        click.echo(_("raci: note: splitting the {view} view to fit {page}: each part is laid "
                     "out to see that it reads, which takes a while on a large view").format(
                         view=VIEW_TITLES[view.name], page=page.name), err=True)
    with cutting_said(view.name) as progress:
        return split_view(view, model, split, fits_page(page, timeout), progress)


@contextmanager
def cutting_said(view_name: str) -> Iterator[Progress | None]:
    """How far a split is, on one line of a terminal's stderr rewritten in
    place, from `SAID_AFTER` seconds on (a quick split says nothing) until it
    is done, when the line is wiped; nothing where stderr is no terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    line = CuttingLine(VIEW_TITLES[view_name])
    timer = threading.Timer(SAID_AFTER, line.show)
    timer.daemon = True
    timer.start()
    try:
        yield line.made
    finally:
        timer.cancel()
        line.wipe()


class CuttingLine:
    """The line `cutting_said` rewrites: what the split does and, once a page
    is made, how many are and about how many there will be."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.said = _("raci: cutting the {view} view into parts …").format(view=view)
        self.shown = False
        self.lock = threading.Lock()  # the timer's thread shows it first

    def made(self, pages: int, about: int) -> None:
        with self.lock:
            self.said = _("raci: cutting the {view} view into parts: {pages} of about {about} "
                          "made …").format(view=self.view, pages=pages, about=max(about, pages))
            if self.shown:
                self._write(self.said)

    def show(self) -> None:
        with self.lock:
            self.shown = True
            self._write(self.said)

    def wipe(self) -> None:
        with self.lock:
            if self.shown:
                self._write("")
            self.shown = False

    def _write(self, said: str) -> None:
        width = shutil.get_terminal_size().columns - 1  # a wrapped line is not rewritten
        sys.stderr.write("\r" + said[:width] + "\033[K")
        sys.stderr.flush()


def fit_advice(view: View, page: str, fit: Fit, split: str | None) -> str:
    """One line: which drawing does not read on which page, why, and what to do."""
    from raci.export.split import SPLITS

    what = _("the {view} view").format(view=VIEW_TITLES[view.name]) + (
        f" ({view.subtitle.split(' · ')[0]})" if split else "")
    advice = []
    if split is None and view.name in SPLITS:
        advice.append(_("split it with --split {split}").format(split=SPLITS[view.name]))
    if view.name == "raci":
        advice.append(_("see all of it with raci matrix"))
    advice += [_("draw part of it with --focus ID"), _("or give a larger --page")]
    return _("{what} does not read on {page}: {problem}; {advice}").format(
        what=what, page=page, problem=fit.problem(), advice=", ".join(advice))


def write_parts(output: Path, fmt: str, drawings: list[bytes], page: Page) -> None:
    """The drawings of a split: one PDF of a page each, or numbered files."""
    from raci.export.render import on_sheets, write_drawing
    from raci.store.sqlite_file import refuse_database

    paths = [output] if fmt == "pdf" else part_paths(output, len(drawings))
    for path in paths:  # all before any is written: one may have come during the layout
        refuse_database(path)
    if fmt == "pdf":
        write_drawing(output, on_sheets(drawings, page))
    else:
        for path, data in zip(paths, drawings, strict=True):
            write_drawing(path, data)
    if fmt == "pdf":  # one file: its sheets are the parts
        told = ngettext("wrote {count} part in {file}", "wrote {count} parts in {file}",
                        len(drawings)).format(count=format_count(len(drawings)),
                                              file=output.name)
    else:
        names = paths[0].name if len(paths) == 1 else f"{paths[0].name} … {paths[-1].name}"
        told = ngettext("wrote {count} drawing: {names}", "wrote {count} drawings: {names}",
                        len(drawings)).format(count=format_count(len(drawings)), names=names)
    click.echo(told, err=True)


def part_paths(output: Path, count: int) -> list[Path]:
    """The files of `count` parts drawn to `output`, numbered after its name
    (`org-1.svg`), the numbers as wide as the largest (`org-01.svg` …
    `org-24.svg`), so that a folder listed by name lists them in part order
    (it listed `org-10.svg` between `org-1.svg` and `org-2.svg`)."""
    width = len(str(count))
    return [output.with_name(f"{output.stem}-{number:0{width}d}{output.suffix}")
            for number in range(1, count + 1)]


@click.command("matrix")
@model_argument
@click.option("--scope", metavar="ID", shell_complete=complete_ids(("unit", "body", "goal")),
              help="A unit, body or goal: only its part of the matrix.")
@format_option(MATRIX_FORMATS, "table fits the terminal; csv and markdown show all.",
               default="table")
@click.option("--layout", type=click.Choice(MATRIX_LAYOUTS), default="grid", show_default=True,
              help="grid: items by actors, a letter in each cell; list: each item with the "
                   "actors holding each letter, readable at any size.")
def matrix(model: str, scope: str | None, fmt: str, layout: str) -> None:
    """Print the RACI matrix of MODEL: items as rows, actors as columns (or, with
    --layout list, each item with the actors holding each letter).

    \b
    Examples:
      raci matrix org.db --scope u.ict
      raci matrix org.db --format csv > matrix.csv
      raci matrix org.db --layout list --format markdown
    """
    from raci.export.matrix import build_matrix
    from raci.source import open_lean_model

    # As `raci lint`: the model read and the matrix make no reference cycles,
    # so the cyclic collector would only scan them again and again; and the
    # process, with no threads and nothing to close, ends once its output is
    # flushed rather than free them object by object (`end_at_once`).
    kept: list[object] = []
    end_at_once(kept)
    with collector_paused():
        # Read lean, as `raci lint` reads: a database without SQLAlchemy.
        source = open_lean_model(model)
        table = build_matrix(source.model, scope)
        kept += [source, table]
        if layout == "list":
            write_lines(matrix_list_lines(table, fmt))
        elif fmt == "table":
            print_matrix_table(table)
        else:
            if len(table.rows) * len(table.columns) > READABLE_CELLS:
                click.echo(_("note: the matrix is {items} items by {actors} actors; --layout "
                             "list names each item's actors and --scope ID narrows it").format(
                                 items=format_count(len(table.rows)),
                                 actors=format_count(len(table.columns))), err=True)
            write_lines(matrix_grid_lines(table, fmt))


def matrix_grid_lines(table: Matrix, fmt: str) -> Iterator[str]:
    from raci.export.matrix import matrix_csv_lines, matrix_markdown_lines

    return matrix_csv_lines(table) if fmt == "csv" else matrix_markdown_lines(table)


def matrix_list_lines(table: Matrix, fmt: str) -> Iterator[str]:
    from raci.export.matrix import list_csv_lines, list_markdown_lines, list_text_lines

    if fmt == "csv":
        return list_csv_lines(table)
    if fmt == "markdown":
        return list_markdown_lines(table)
    if not table.rows:
        return iter([NO_ITEMS])
    return list_text_lines(table, colour=terminal()[1])


def print_matrix_table(table: Matrix) -> None:
    from raci.export.matrix import matrix_table

    if not table.rows:
        write_lines([NO_ITEMS])
        return
    width, colour = terminal()
    laid_out = matrix_table(table, width, colour=colour)
    write_lines(laid_out.lines)
    if laid_out.left_out:
        note = _("{left_out} of {actors} actors left out to fit {width} columns (those "
                 "Accountable or Responsible first, then the busiest); see them all with "
                 "--format csv or --format markdown, each item's actors with --layout list, or "
                 "narrow the matrix with --scope ID.").format(
                     left_out=format_count(laid_out.left_out),
                     actors=format_count(len(table.columns)), width=width)
        if laid_out.unowned:
            note += " " + ngettext(
                "More actors are Accountable than fit: the Accountable of {count} item is left "
                "out; --layout list names it.",
                "More actors are Accountable than fit: the Accountables of {count} items are "
                "left out; --layout list names them.", laid_out.unowned).format(
                count=format_count(laid_out.unowned))
        write_lines([textwrap.fill(note, width) + "\n"])


def terminal() -> tuple[int, bool]:
    """The width to fit and whether to use colour, as rich finds them (COLUMNS,
    NO_COLOR, FORCE_COLOR and TERM are honoured; a pipe is 80 wide, no colour)."""
    from rich.console import Console

    console = Console()
    colour = console.is_terminal and console.color_system is not None and not console.no_color
    return console.width, colour


def write_lines(lines: Iterable[str]) -> None:
    """Write the lines as they are made: a matrix of any size in little memory."""
    write = sys.stdout.write
    for line in lines:
        write(line)
    sys.stdout.flush()


@click.command("report")
@model_argument
@output_option("FILE.html (self-contained), FILE.pdf (A4, printed with Chromium) or FILE.md "
               "(charts written beside it, diagrams in Mermaid); - with --format html or "
               "pdf: standard output.", required=True, standard_output=True)
@format_option(("html", "pdf", "md"), "The handout's format. Default: from -o's suffix.")
@report_timeout_option
def report(model: str, output: Path, fmt: str | None, timeout: float) -> None:
    """Write a review handout of MODEL: a first page of charts, then the summary,
    findings by rule, the RACI matrix and diagrams.

    \b
    Examples:
      raci report org.db -o handout/review.html
      raci report org.db -o review.pdf
      raci report org.db@plan -o handout/plan.md
    """
    from raci.export.report import REPORT_SUFFIXES, report_writer, write_report

    fmt = output_format(fmt, output, REPORT_SUFFIXES, "") or None
    report_writer(output, fmt)  # no format, or no Chromium, is refused before any work
    if str(output) == "-":
        output = Path("/dev/stdout")
    from raci.lint.run import config_for

    source = open_model(model)
    config = config_for([source.label], None)
    linted = lint_result(source, config)
    for warning in write_report(source, output, linted.findings, rule_helps(),
                                not_run=linted.not_run, config=config, timeout=timeout,
                                fmt=fmt):
        click.echo(_("raci: warning: {warning}").format(warning=warning), err=True)


COMMANDS: list[click.Command] = [diagram, matrix, report]
