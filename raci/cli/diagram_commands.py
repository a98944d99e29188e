"""`raci diagram`, `raci matrix` and `raci report`: show a model to people.

Graphviz, rich and the lint engine are imported inside the commands so that
`raci --help` stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from raci.errors import UsageError
from raci.source import ModelSource, is_model_file, open_model

if TYPE_CHECKING:
    from raci.export import Matrix, RuleHelp
    from raci.lint.findings import Finding

VIEW_NAMES = ("org", "raci", "bodies", "goals", "decisions")
DIAGRAM_FORMATS = ("dot", "svg", "png", "pdf")
MATRIX_FORMATS = ("table", "csv", "markdown")
DEFAULT_DEPTH = 2
SUFFIX_FORMATS = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf"}

timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
    metavar="SECONDS", help="Stop Graphviz's dot after this long.")


def lint_findings(source: ModelSource) -> list[Finding]:
    """The findings `raci lint` reports, with the configuration found beside the model."""
    from raci.lint import lint_model, load_config

    model_path = Path(source.label) if is_model_file(source.label) else None
    return lint_model(source, load_config(model_path))


def rule_helps() -> dict[str, RuleHelp]:
    from raci.export import rule_help
    from raci.lint import RULES

    return {r.code: rule_help(r.code, r.name, r.doc) for r in RULES}


def diagram_format(fmt: str | None, output: Path | None) -> str:
    """The format asked for, else the one the output file's suffix names, else dot."""
    if fmt is not None:
        return fmt
    if output is not None and output.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[output.suffix.lower()]
    return "dot"


@click.command("diagram")
@click.argument("model")
@click.option("--view", "view_name", type=click.Choice(VIEW_NAMES), required=True,
              help="What to draw.")
@click.option("--focus", metavar="ID", help="Draw only the neighbourhood of this entity.")
@click.option("--depth", type=click.IntRange(min=0), default=DEFAULT_DEPTH, show_default=True,
              help="How many links from --focus to draw.")
@click.option("--format", "fmt", type=click.Choice(DIAGRAM_FORMATS),
              help="dot (no Graphviz needed), svg, png or pdf; default: from -o, else dot.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--highlight-findings", is_flag=True,
              help="Colour each node by the highest level of its lint findings.")
@timeout_option
def diagram(model: str, view_name: str, focus: str | None, depth: int, fmt: str | None,
            output: Path | None, highlight_findings: bool, timeout: float) -> None:
    """Draw a view of MODEL with Graphviz: org, raci, bodies, goals or decisions.

    Without -o, dot and svg go to standard output, and png and pdf too when
    it is not a terminal.
    """
    from raci import export

    fmt = diagram_format(fmt, output)
    if output is None and fmt in ("png", "pdf") and sys.stdout.isatty():
        raise UsageError(f"--format {fmt} is binary; give -o FILE or redirect the output")
    source = open_model(model)
    view = export.build_view(source.model, view_name)
    if focus is not None:
        view = export.focus_view(view, source.model, focus, depth)
    if highlight_findings:
        view = export.highlight_findings(view, lint_findings(source))
    drawing = export.export_view(view, fmt, output, timeout=timeout)
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(drawing)
        sys.stdout.buffer.flush()


@click.command("matrix")
@click.argument("model")
@click.option("--scope", metavar="ID",
              help="A unit, body or goal: only its part of the matrix.")
@click.option("--format", "fmt", type=click.Choice(MATRIX_FORMATS), default="table",
              show_default=True, help="table fits the terminal; csv and markdown show all.")
def matrix(model: str, scope: str | None, fmt: str) -> None:
    """Print the RACI matrix of MODEL: items as rows, actors as columns."""
    from raci import export

    table = export.build_matrix(open_model(model).model, scope)
    if fmt == "csv":
        click.echo(export.matrix_csv(table), nl=False)
    elif fmt == "markdown":
        click.echo(export.matrix_markdown(table), nl=False)
    else:
        print_matrix_table(table)


def print_matrix_table(table: Matrix) -> None:
    from rich.console import Console

    from raci import export

    console = Console(highlight=False)
    if not table.rows:
        console.print("No items in this scope.")
        return
    rendered, left_out = export.matrix_table(table, console.width)
    console.print(rendered)
    if left_out:
        console.print(
            f"{left_out} of {len(table.columns)} actor columns left out to fit "
            f"{console.width} columns; see them all with --format csv or --format markdown, "
            "or narrow the matrix with --scope ID.")


@click.command("report")
@click.argument("model")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="FILE.html (self-contained) or FILE.md (diagrams written beside it).")
@timeout_option
def report(model: str, output: Path, timeout: float) -> None:
    """Write a review handout of MODEL: summary, findings by rule, matrix, diagrams."""
    from raci import export

    source = open_model(model)
    for warning in export.write_report(source, output, lint_findings(source), rule_helps(),
                                       timeout=timeout):
        click.echo(f"raci: warning: {warning}", err=True)


COMMANDS: list[click.Command] = [diagram, matrix, report]
