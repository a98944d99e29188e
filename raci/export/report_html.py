"""The handout as one self-contained HTML page, and that page printed to PDF.

Nothing is fetched: the style sheet (`report.css`) and every chart and
diagram are inlined. The page is laid out for A4 when printed: each part
starts a page, the RACI matrix is cut into parts of `ACTORS_PER_TABLE`
actors that each repeat the item column, and table headers (a matrix part's
caption among them) repeat on every page. The diagrams start a landscape
page each; a diagram split into parts to read on a page
(`raci.export.report_diagrams`) runs on over the pages, each part drawn for
a whole page and never cut, so small parts share one.
A view with nothing to draw, or too large for the handout, has no page, nor
has the matrix of a model with no items: the contents say why.
Each drawing prints at the size it is drawn: the diagrams module made it
for that page.
"""

from __future__ import annotations

import html
import importlib.resources
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

from raci.export.charts import Chart
from raci.export.matrix import Matrix, MatrixEntity, name_pieces
from raci.export.pdf import print_to_pdf
from raci.export.render import svg_markup
from raci.export.report import (
    NO_ITEMS,
    ReportContent,
    ReportDiagram,
    by_rule,
    count_text,
    entity_counts,
    highest_level,
    level_counts,
    matrix_count,
    matrix_heading,
    names_of,
    readable_matrix,
    times_level,
    verdict_counts,
)
from raci.formats.writing import temporary_folder, write_file_whole
from raci.i18n import _, current_language, format_date, ngettext
from raci.lint.findings import Finding
from raci.lint.message import markdown_said
from raci.model import Model
from raci.text import markdown_html
from raci.vocabulary import VIEW_TITLES, counted

ACTORS_PER_TABLE = 15
"""Actor columns per printed table: 15 of 7 mm beside the item and kind
columns fill the 180 mm between A4's margins (see report.css)."""
GRAPHVIZ_TITLE = re.compile(r"<title>[^<]*</title>\n?")
"""The names Graphviz gives each node, line and frame ("n4", "n1->n3",
"line contributes from"), which a browser shows as their tooltips: the
handout leaves them out (a finding's tooltip, "warning: BOD004", is its own)."""
CHART_STYLE = '<style type="text/css">*{'
"""The style matplotlib puts in every SVG; inlined, its `*` would reach the whole page."""


def write_html(content: ReportContent, path: Path) -> None:
    """Written whole, or into standard output, a pipe or a device as it is
    (`write_file_whole`)."""
    write_file_whole(path, page(content), _("the report"))


def write_pdf(content: ReportContent, path: Path) -> None:
    """The page printed by headless Chromium (`raci.export.pdf`)."""
    with temporary_folder("raci-report-", _("the report's page for Chromium")) as folder:
        html_file = folder / "report.html"
        html_file.write_text(page(content), encoding="utf-8")
        print_to_pdf(html_file, path, content.timeout)


def page(content: ReportContent) -> str:
    model = content.source.model
    style = importlib.resources.files("raci.export").joinpath("report.css").read_text("utf-8")
    footer = (f"@page {{ @bottom-left {{ content: {css_string(model.org.name)}; }} "
              f"@bottom-right {{ content: {page_number_css()}; }} }}")
    parts = [
        "<!DOCTYPE html>", f'<html lang="{current_language()}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(content.title)}</title><style>{style}{footer}</style></head><body>",
        *_first_page(content),
        '<section class="part" id="summary"><h2>' + _("Summary") + "</h2>", *_summary(content),
        "</section>",
        '<section class="part" id="findings"><h2>' + _("Findings by rule") + "</h2>",
        *_findings(content), "</section>",
        *_areas(content),
        *_diagrams(content),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def page_number_css() -> str:
    """The page number at the foot of a printed page, as CSS: "page 3 of 25"."""
    parts = re.split(r"(\{page\}|\{pages\})", _("page {page} of {pages}"))
    return " ".join(f"counter({part[1:-1]})" if part in ("{page}", "{pages}") else
                    css_string(part) for part in parts if part)


def h(text: str) -> str:
    """Text as HTML that shows it as written, line breaks included."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def breakable(name: str) -> str:
    """A name as HTML that may break after each hyphen and slash, as `raci
    matrix` breaks it (`name_pieces`): the printed page broke none after a
    slash, and cut "open-telemetry/opentelemetr" / "y-go-vanityurls"."""
    return "<br>".join(" ".join("<wbr>".join(map(html.escape, name_pieces(word)))
                                for word in line.split(" "))
                       for line in name.splitlines())


COMMAND = re.compile(r"(raci diagram .+?(?=, |$)|--focus ID --depth N)(,?)")
"""A command a diagram's note names, or its options; and the comma after it."""


def noted(text: str) -> str:
    """A diagram's note as HTML, each command in it code whose words do not
    wrap (nor leave its comma to start the next line): broken at a hyphen
    (``--⏎view``) it reads as two, and is typed wrong. It wraps between its
    words, as a whole command on one line may be wider than the page."""
    return COMMAND.sub(_command, h(text))


def _command(found: re.Match[str]) -> str:
    words = " ".join(f"<span>{word}</span>" for word in found[1].split(" "))
    return f'<span class="command"><code>{words}</code>{found[2]}</span>'


def css_string(text: str) -> str:
    """Text as a CSS string; anything but letters, digits and spaces is written
    as an escape, so no name can end the string or the style element."""
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in text) + '"'


# ---- the first page ---------------------------------------------------------------


def _first_page(content: ReportContent) -> list[str]:
    model = content.source.model
    verdict = "".join(f'<li class="level-{level}">'
                      f'{counted(count, level, f"<strong>{count}</strong>")}</li>'
                      for level, count in verdict_counts(content.findings))
    return [
        '<section id="glance">', f"<h1>{h(content.title)}</h1>",
        "<p>" + _("Model: {model}").format(model=f"<code>{h(content.source.label)}</code>")
        + (_(", as of {date}").format(date=format_date(model.org.as_of))
           if model.org.as_of else "") + "</p>",
        '<ul class="verdict" aria-label="' + _("Findings by level") + f'">{verdict}</ul>',
        '<div class="charts">', *(_chart(chart) for chart in content.charts), "</div>",
        "</section>",
    ]


def _chart(chart: Chart) -> str:
    if chart.svg is None:
        body = f'<p class="note">{h(chart.empty)}</p>'
    else:
        # Scoped to its own figure, matplotlib's style reaches nothing else.
        scoped = f"{CHART_STYLE[:-2]}#chart-{chart.name} *{{"
        body = svg_markup(chart.svg).replace(CHART_STYLE, scoped)
    # A caption explains what a picture counts: under a sentence saying there is none, noise.
    caption = f"<figcaption>{h(chart.caption)}</figcaption>" if chart.svg is not None else ""
    return (f'<figure class="chart" id="chart-{chart.name}"><h3>{h(chart.title)}</h3>{body}'
            f"{caption}</figure>")


# ---- the detail -------------------------------------------------------------------


def diagram_title(view: str) -> str:
    """A diagram section's heading: "Diagram: the bodies view"."""
    return _("Diagram: the {view} view").format(view=VIEW_TITLES[view])


def _summary(content: ReportContent) -> list[str]:
    model = content.source.model
    rules = len(by_rule(content.findings))
    parts = [("findings", _("Findings by rule"),
              ngettext("{count} rule", "{count} rules", rules).format(count=rules)),
             *([("matrix", matrix_heading(content.areas), matrix_count(content.areas))]
               if content.areas else []),
             *((f"diagram-{name}", diagram_title(name), _parts_count(diagram))
               for name, diagram in content.diagrams.items() if not diagram.left_out)]
    contents = "".join(f'<li><a href="#{anchor}">{h(title)}</a>'
                       + (f" ({count})" if count else "") + "</li>"
                       for anchor, title, count in parts)
    left_out = [(matrix_heading(content.areas), _(NO_ITEMS))] if not content.areas else []
    left_out += [(diagram_title(name), diagram.left_out)
                 for name, diagram in content.diagrams.items() if diagram.left_out]
    contents += "".join(f'<li>{h(title)}. <span class="note">{noted(why)}</span></li>'
                        for title, why in left_out)
    return [
        *([f"<p>{h(model.org.description)}</p>"] if model.org.description else []),
        '<div class="summary">', _pairs(_("What the model holds"), entity_counts(model)),
        _pairs(_("Findings by level"), level_counts(content.findings)),
        *([_pairs(_("Rules not run"), content.rules_not_run())] if content.not_run else []),
        '<nav aria-label="{contents}"><p class="caption">{contents}</p>'.format(
            contents=_("Contents")) + f"<ul>{contents}</ul></nav>",
        "</div>",
    ]


def _pairs(caption: str, pairs: Sequence[tuple[str, int | str]]) -> str:
    rows = "".join(f"<tr><th>{h(name)}</th><td>{h(count_text(count))}</td></tr>"
                   for name, count in pairs)
    return f"<table><caption>{h(caption)}</caption>{rows}</table>"


def _findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return ["<p>" + _("No findings.") + "</p>"]
    parts = []
    for code, findings in by_rule(content.findings):
        help_ = content.rule(code, findings)
        level = highest_level(findings)
        items = "".join(_finding(content.source.model, f) for f in findings)
        parts.append(
            f'<section class="rule" id="rule-{h(code)}">'
            f'<h3><span class="level-{level}">{h(code)}</span> <code>{h(help_.name)}</code> '
            f"({h(times_level(len(findings), level))})</h3>"
            + "".join(f"<p>{markdown_html(text)}</p>"
                      for text in (help_.summary, help_.why, help_.fix) if text)
            + f"<ul>{items}</ul></section>")
    return parts


def _finding(model: Model, finding: Finding) -> str:
    text = markdown_html(markdown_said(finding.message))
    if related := finding.related:
        text += ' <span class="related">' + h(_("(related: {names})").format(
            names=", ".join(names_of(model, related)))) + "</span>"
    if finding.waived:
        text += ' <span class="note">' + h(_("(waived: {reason})").format(
            reason=finding.waiver_reason or "")) + "</span>"
    return f"<li>{text}</li>"


def _areas(content: ReportContent) -> list[str]:
    """The matrix part; none for a model with no items (the contents say so)."""
    if not content.areas:
        return []
    parts = ['<section class="part" id="matrix"><h2>' + matrix_heading(content.areas) + "</h2>"]
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        parts += [f"<h3>{h(area.name)}</h3>", *matrix_tables(matrix)]
        parts += [f'<p class="note">{h(note)}</p>'] if note else []
    return [*parts, "</section>"]


def matrix_tables(matrix: Matrix) -> list[str]:
    """The matrix as tables of at most `ACTORS_PER_TABLE` actors, each with the
    item column, so that every part fits the printed page. A part that runs
    over pages repeats its header on each (``thead``), with the part's caption
    in it: a `<caption>` prints once. The parts after the first name each
    item's Accountable where the first has the kind, which it already said: a
    reader of a later page sees who owns the items whose letters it shows."""
    if not matrix.rows:
        return ['<p class="note">' + _("No items.") + "</p>"]
    rows = list(matrix.rows_with_letters())
    count = len(matrix.columns)
    tables = []
    for number, part in enumerate(even_parts(count, ACTORS_PER_TABLE)):
        actors = matrix.columns[part]
        caption = (f'<tr><th class="part" colspan="{len(actors) + 2}">'
                   + _("Actors {first}–{last} of {count}").format(
                       first=part.start + 1, last=part.stop, count=count) + "</th></tr>"
                   if count > ACTORS_PER_TABLE else "")
        second, heading, said = _second_column(matrix, rows, later=number > 0)
        head = "".join(f'<th class="actor" title="{html.escape(a.id)}"><span>{h(a.name)}'
                       "</span></th>" for a in actors)
        body = "".join(
            f'<tr><th class="item">{breakable(row.name)}</th><td class="{second}">{text}</td>'
            + "".join(_letter_cell(letter) for letter in letters[part])
            + "</tr>"
            for (row, letters), text in zip(rows, said, strict=True))
        tables.append(
            f'<table class="matrix"><colgroup><col class="item"><col class="{second}">'
            f'<col class="actor" span="{len(actors)}"></colgroup>'
            f'<thead>{caption}<tr><th class="item">' + _("Item")
            + f'</th><th class="{second}">{heading}</th>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")
    return tables


def _second_column(matrix: Matrix, rows: list[tuple[MatrixEntity, list[str]]],
                   later: bool) -> tuple[str, str, list[str]]:
    """The column beside the items, as (its class, its heading, each row's
    cell): the kind in the first part, each item's Accountable in the later
    ones, by name (those of a row in column order; none for an unowned one)."""
    if not later:
        return "kind", _("Kind"), [matrix.kind_word(row.id) for row, _letters in rows]
    return "owner", _("Accountable"), [
        h(", ".join(actor.name for actor, held in zip(matrix.columns, letters, strict=True)
                    if "A" in held))
        for _row, letters in rows]


def even_parts(count: int, most: int) -> list[slice]:
    """`count` columns cut into as few parts of at most `most` as will do, of
    sizes one apart: 16 actors in tables of 15 print as 8 and 8, not as 15
    and one alone on pages of its own."""
    parts = -(-count // most)
    if not parts:
        return []
    size, larger = divmod(count, parts)
    starts = [part * size + min(part, larger) for part in range(parts + 1)]
    return [slice(start, stop) for start, stop in itertools.pairwise(starts)]


def _letter_cell(letters: str) -> str:
    return f'<td class="A">{letters}</td>' if "A" in letters else f"<td>{letters}</td>"


def _diagrams(content: ReportContent) -> list[str]:
    """Each diagram a part of its own: its heading, its note, and its drawings
    (the whole view, or the parts of its split, each titled with its number)."""
    parts = []
    for name, diagram in content.diagrams.items():
        if diagram.left_out:  # the contents say why
            continue
        note = f'<p class="note">{noted(diagram.note)}</p>' if diagram.note else ""
        figures = "".join(f"<figure>{GRAPHVIZ_TITLE.sub('', svg_markup(drawing.data))}</figure>"
                          for drawing in diagram.drawings)
        parts.append(f'<section class="part diagram" id="diagram-{name}">'
                     f"<h2>{h(diagram_title(name))}</h2>{note}{figures}</section>")
    return parts


def _parts_count(diagram: ReportDiagram) -> str:
    count = len(diagram.drawings)
    return ngettext("{count} part", "{count} parts", count).format(count=count) if count > 1 else ""
