"""The handout as one self-contained HTML page, and that page printed to PDF.

Nothing is fetched: the style sheet (`report.css`) and every chart and
diagram are inlined. The page is laid out for A4 when printed: each part
starts a page, the RACI matrix is cut into parts of `ACTORS_PER_TABLE`
actors that each repeat the item column, table headers repeat on every
page, and each diagram opens fitted to the page. Where a diagram must be
shrunk so far that its labels print below 8 pt, a note says so and how to
print it whole.
"""

from __future__ import annotations

import html
import importlib.resources
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from raci.export.charts import Chart
from raci.export.matrix import Matrix
from raci.export.pdf import print_to_pdf
from raci.export.render import svg_markup
from raci.export.report import (
    ReportContent,
    by_rule,
    entity_counts,
    highest_level,
    level_counts,
    names_of,
    readable_matrix,
    verdict_counts,
)
from raci.i18n import _, format_date, ngettext
from raci.lint.findings import Finding
from raci.model import Model
from raci.vocabulary import counted

ACTORS_PER_TABLE = 15
"""Actor columns per printed table: 15 of 7 mm beside the item and kind
columns fill the 180 mm between A4's margins (see report.css)."""
PRINT_AREAS_MM = {"portrait": (180.0, 235.0), "landscape": (267.0, 150.0)}
"""Width and height a diagram may take on an A4 page (see report.css)."""
PT_PER_MM = 72 / 25.4
SMALLEST_PRINTED_PT = 8.0
CODE_SPAN = re.compile(r"`([^`]+)`")
SVG_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)pt"[^>]*?height="([\d.]+)pt"')
FONT_SIZE = re.compile(r'font-size="([\d.]+)"')
CHART_STYLE = '<style type="text/css">*{'
"""The style matplotlib puts in every SVG; inlined, its `*` would reach the whole page."""


def write_html(content: ReportContent, path: Path) -> None:
    path.write_text(page(content), encoding="utf-8")


def write_pdf(content: ReportContent, path: Path) -> None:
    """The page printed by headless Chromium (`raci.export.pdf`)."""
    with tempfile.TemporaryDirectory(prefix="raci-report-") as folder:
        html_file = Path(folder) / "report.html"
        html_file.write_text(page(content), encoding="utf-8")
        print_to_pdf(html_file, path, content.timeout)


def page(content: ReportContent) -> str:
    model = content.source.model
    style = importlib.resources.files("raci.export").joinpath("report.css").read_text("utf-8")
    footer = f"@page {{ @bottom-left {{ content: {css_string(model.org.name)}; }} }}"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(content.title)}</title><style>{style}{footer}</style></head><body>",
        *_first_page(content),
        '<section class="part" id="summary"><h2>' + _("Summary") + "</h2>", *_summary(content),
        "</section>",
        '<section class="part" id="findings"><h2>' + _("Findings by rule") + "</h2>",
        *_findings(content), "</section>",
        '<section class="part" id="matrix"><h2>' + _("RACI matrix per goal area") + "</h2>",
        *_areas(content), "</section>",
        *_diagrams(content),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def h(text: str) -> str:
    """Text as HTML that shows it as written, line breaks included."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


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
    return (f'<figure class="chart" id="chart-{chart.name}"><h3>{h(chart.title)}</h3>{body}'
            f"<figcaption>{h(chart.caption)}</figcaption></figure>")


# ---- the detail -------------------------------------------------------------------


def _summary(content: ReportContent) -> list[str]:
    model = content.source.model
    rules, areas = len(by_rule(content.findings)), len(content.areas)
    parts = [("findings", _("Findings by rule"),
              ngettext("{count} rule", "{count} rules", rules).format(count=rules)),
             ("matrix", _("RACI matrix per goal area"),
              ngettext("{count} area", "{count} areas", areas).format(count=areas)),
             *((f"diagram-{name}", f"Diagram: the {name} view", "")
               for name in content.diagrams)]
    contents = "".join(f'<li><a href="#{anchor}">{h(title)}</a>'
                       + (f" ({count})" if count else "") + "</li>"
                       for anchor, title, count in parts)
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
    rows = "".join(f"<tr><th>{h(name)}</th><td>{count}</td></tr>" for name, count in pairs)
    return f"<table><caption>{h(caption)}</caption>{rows}</table>"


def _findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return ["<p>No findings.</p>"]
    parts = []
    for code, findings in by_rule(content.findings):
        help_ = content.rule(code, findings)
        level = highest_level(findings)
        items = "".join(_finding(content.source.model, f) for f in findings)
        parts.append(
            f'<section class="rule" id="rule-{h(code)}">'
            f'<h3><span class="level-{level}">{h(code)}</span> {h(help_.name)} '
            f"({len(findings)} × {level})</h3>"
            + "".join(f"<p>{rule_text_html(text)}</p>"
                      for text in (help_.summary, help_.why, help_.fix) if text)
            + f"<ul>{items}</ul></section>")
    return parts


def _finding(model: Model, finding: Finding) -> str:
    text = h(finding.message)
    if related := finding.related:
        text += f' <span class="related">(related: {h(", ".join(names_of(model, related)))})</span>'
    if finding.waived:
        text += f' <span class="note">(waived: {h(finding.waiver_reason or "")})</span>'
    return f"<li>{text}</li>"


def rule_text_html(text: str) -> str:
    """A rule's own documentation, its `code` spans shown as code."""
    return CODE_SPAN.sub(r"<code>\1</code>", h(text))


def _areas(content: ReportContent) -> list[str]:
    if not content.areas:
        return ["<p>The model has no goals, initiatives or decisions.</p>"]
    parts = []
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        parts += [f"<h3>{h(area.name)}</h3>", *matrix_tables(matrix)]
        parts += [f'<p class="note">{h(note)}</p>'] if note else []
    return parts


def matrix_tables(matrix: Matrix) -> list[str]:
    """The matrix as tables of at most `ACTORS_PER_TABLE` actors, each with the
    item and kind columns, so that every part fits the printed page."""
    if not matrix.rows:
        return ['<p class="note">' + _("No items.") + "</p>"]
    rows = list(matrix.rows_with_letters())
    count = len(matrix.columns)
    tables = []
    for start in range(0, count, ACTORS_PER_TABLE):
        actors = matrix.columns[start:start + ACTORS_PER_TABLE]
        caption = ("<caption>" + _("Actors {first}–{last} of {count}").format(
                       first=start + 1, last=start + len(actors), count=count) + "</caption>"
                   if count > ACTORS_PER_TABLE else "")
        head = "".join(f'<th class="actor" title="{html.escape(a.id)}"><span>{h(a.name)}'
                       "</span></th>" for a in actors)
        body = "".join(
            f'<tr><th class="item">{h(row.name)}</th><td class="kind">{matrix.kinds[row.id]}</td>'
            + "".join(_letter_cell(letter) for letter in letters[start:start + ACTORS_PER_TABLE])
            + "</tr>"
            for row, letters in rows)
        tables.append(
            f'<table class="matrix">{caption}<colgroup><col class="item"><col class="kind">'
            f'<col class="actor" span="{len(actors)}"></colgroup>'
            '<thead><tr><th class="item">' + _("Item") + '</th><th class="kind">' + _("Kind")
            + f"</th>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")
    return tables


def _letter_cell(letters: str) -> str:
    return f'<td class="A">{letters}</td>' if "A" in letters else f"<td>{letters}</td>"


def _diagrams(content: ReportContent) -> list[str]:
    """Each diagram a part of its own, on a landscape page where it shows larger there."""
    parts = []
    for name, drawing in content.diagrams.items():
        if isinstance(drawing, str):
            body, page_class = f'<p class="note">{h(drawing)}</p>', ""
        else:
            fit = print_fit(drawing)
            page_class = f" {fit.orientation}" if fit else ""
            note = fit.note(name, content.source.label) if fit else ""
            body = svg_markup(drawing) + (f'<p class="note">{h(note)}</p>' if note else "")
        parts.append(f'<section class="part diagram{page_class}" id="diagram-{name}">'
                     f"<h2>Diagram: the {name} view</h2>{body}</section>")
    return parts


@dataclass(frozen=True)
class PrintFit:
    """How a diagram fits an A4 page: which way up, shrunk how far, its smallest label."""

    orientation: str
    scale: float
    smallest_pt: float

    def note(self, view_name: str, model_label: str) -> str:
        """What to do when its labels print below 8 pt; "" when they do not."""
        if self.smallest_pt >= SMALLEST_PRINTED_PT:
            return ""
        return (f"On an A4 page this drawing is shrunk to {self.scale:.0%} and its smallest "
                f"labels print at {self.smallest_pt:.1f} pt. To print it readably, draw it "
                f"on its own and print that larger (raci diagram {model_label} --view "
                f"{view_name} -o {view_name}.pdf), or draw a part of it (--focus ID --depth N).")


def print_fit(svg: bytes) -> PrintFit | None:
    """Portrait, or landscape where the drawing shows larger there; None for a
    drawing without a size in points or any text."""
    text = svg.decode("utf-8")
    size = SVG_SIZE.search(text)
    sizes = [float(found) for found in FONT_SIZE.findall(text)]
    if size is None or not sizes:
        return None
    width, height = float(size.group(1)), float(size.group(2))
    scales = {orientation: min(1.0, area_width * PT_PER_MM / width,
                               area_height * PT_PER_MM / height)
              for orientation, (area_width, area_height) in PRINT_AREAS_MM.items()}
    orientation = "landscape" if scales["landscape"] > scales["portrait"] else "portrait"
    return PrintFit(orientation, scales[orientation], min(sizes) * scales[orientation])
