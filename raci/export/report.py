"""The review handout: one file to mail before a review session.

HTML is self-contained (inline CSS, the diagrams inlined as SVG, nothing
fetched); Markdown links the diagrams, written as SVG files beside it. Both
hold the summary counts, the findings grouped by rule with the rule's
explanation and fix, the RACI matrix per goal area (each top-level goal's
subtree, then the items outside every area) and the `bodies` and `goals`
diagrams. Every name is escaped, so a `<script>` in a name is shown as text.
"""

from __future__ import annotations

import html
import re
import urllib.parse
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from raci.errors import RaciError, UsageError
from raci.export.matrix import (
    GoalArea,
    Matrix,
    goal_area_matrices,
    markdown_text,
    matrix_markdown,
)
from raci.export.render import (
    DEFAULT_TIMEOUT_SECONDS,
    MAX_LAYOUT_NODES,
    export_view,
    svg_markup,
)
from raci.export.views import build_view
from raci.lint.findings import LEVEL_RANK, LEVELS, Finding
from raci.model import KINDS, Model
from raci.source import ModelSource

REPORT_VIEWS = ("bodies", "goals")
REPORT_MAX_ACTORS = 40
"""Actor columns per goal area; a wider matrix cannot be read on a page."""
CODE_SPAN = re.compile(r"`([^`]+)`")
KIND_TITLES = {"unit": "Units", "person": "People", "role": "Roles", "body": "Bodies",
               "goal": "Goals", "initiative": "Initiatives", "decision": "Decisions",
               "kpi": "Indicators"}
CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem;
       padding: 0 1rem; color: #1b2631; line-height: 1.4; }
h1 { border-bottom: 2px solid #1b2631; }
table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
th, td { border: 1px solid #ccd1d1; padding: .2rem .5rem; vertical-align: top; }
th { background: #f2f3f4; text-align: left; }
td.letter { text-align: center; font-weight: bold; }
td.A { color: #b03a2e; }
.level-error { color: #922b21; } .level-warning { color: #9a7d0a; }
.level-info { color: #1f618d; }
.rule { border-left: 4px solid #ccd1d1; padding-left: 1rem; margin-bottom: 1.5rem; }
.scroll { overflow-x: auto; }
.summary { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
code { background: #f2f3f4; padding: 0 .2rem; }
figure { margin: 0 0 2rem; overflow-x: auto; border: 1px solid #ccd1d1; }
figcaption { padding: 0 .5rem; }
/* At their own size the labels stay readable; a wide drawing scrolls sideways. */
figure svg { max-width: none; height: auto; }
.scroll tr > th:first-child { position: sticky; left: 0; }
@media print { figure { overflow: visible; } figure svg { max-width: 100%; } }
.note { color: #7f8c8d; font-style: italic; }
"""


@dataclass(frozen=True)
class RuleHelp:
    """What the report says about a rule: what it finds, why, and how to fix it."""

    code: str
    name: str
    summary: str
    why: str
    fix: str


def rule_help(code: str, name: str, doc: str) -> RuleHelp:
    """Pick the summary, 'Why it matters' and 'How to fix' paragraphs of a rule's doc."""
    paragraphs = [" ".join(p.split()) for p in doc.split("\n\n") if p.strip()]
    why = next((p for p in paragraphs if p.lower().startswith("why it matters")), "")
    fix = next((p for p in paragraphs if p.lower().startswith("how to fix")), "")
    return RuleHelp(code, name, paragraphs[0] if paragraphs else name, why, fix)


@dataclass
class ReportContent:
    """Everything the handout shows, gathered once for either format."""

    source: ModelSource[Model]
    findings: list[Finding]
    rules: Mapping[str, RuleHelp]
    areas: list[GoalArea]
    diagrams: dict[str, bytes | str]
    """View name -> its SVG, or why it could not be drawn."""


def write_report(source: ModelSource[Model], path: Path, findings: list[Finding],
                 rules: Mapping[str, RuleHelp], *,
                 timeout: float = DEFAULT_TIMEOUT_SECONDS) -> list[str]:
    """Write the handout as HTML or Markdown (by suffix); returns warnings to show."""
    writer = report_writer(path)
    diagrams = {name: draw_for_report(source, name, timeout) for name in REPORT_VIEWS}
    content = ReportContent(source, findings, rules, goal_area_matrices(source.model), diagrams)
    try:
        writer(content, path)
    except OSError as error:
        raise RaciError(f"{path}: cannot write the report: {error.strerror}") from error
    return [text for text in diagrams.values() if isinstance(text, str)]


def report_writer(path: Path) -> Callable[[ReportContent, Path], None]:
    """The writer the file's suffix asks for; checked before any work is done."""
    writers: dict[str, Callable[[ReportContent, Path], None]] = {
        ".html": _write_html, ".htm": _write_html, ".md": _write_markdown,
    }
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise UsageError(f"-o {path}: the report is written as .html or .md")
    return writer


def draw_for_report(source: ModelSource[Model], view_name: str, timeout: float) -> bytes | str:
    """The view as SVG, or why it could not be drawn (the handout goes out anyway)."""
    view = build_view(source.model, view_name)
    if view.size > MAX_LAYOUT_NODES:
        return (f"The {view_name} diagram has {view.size} nodes and frames, more than the "
                f"{MAX_LAYOUT_NODES} raci lays out; draw parts of it with: raci diagram "
                f"{source.label} --view {view_name} --focus ID --depth N")
    try:
        return export_view(view, "svg", timeout=timeout)
    except RaciError as error:
        return f"The {view_name} diagram could not be drawn: {error}"


def by_rule(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by rule, the most severe rules first, then by code."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return sorted(groups.items(),
                  key=lambda group: (-max(LEVEL_RANK[f.level] for f in group[1]), group[0]))


def entity_counts(model: Model) -> list[tuple[str, int]]:
    counts = [(KIND_TITLES[kind], len(model.collection(kind))) for kind in KINDS]
    return [*counts, ("RACI assignments", len(model.assignments))]


def level_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    counts = Counter(f.level for f in findings if not f.waived)
    return [*((level, counts[level]) for level in LEVELS),
            ("waived", sum(1 for f in findings if f.waived))]


# ---- HTML --------------------------------------------------------------------


def h(text: str) -> str:
    """Text as HTML that shows it as written, line breaks included."""
    return "<br>".join(html.escape(line) for line in text.splitlines())


def _write_html(content: ReportContent, path: Path) -> None:
    model = content.source.model
    title = f"Governance review: {model.org.name}"
    parts = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{h(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{h(title)}</h1>",
        f"<p>Model: <code>{h(content.source.label)}</code>"
        + (f", as of {model.org.as_of}" if model.org.as_of else "") + "</p>",
        *([f"<p>{h(model.org.description)}</p>"] if model.org.description else []),
        '<h2 id="summary">Summary</h2><div class="summary">',
        _html_pairs("What the model holds", entity_counts(model)),
        _html_pairs("Findings by level", level_counts(content.findings)), "</div>",
        '<h2 id="findings">Findings by rule</h2>', *_html_findings(content),
        '<h2 id="matrix">RACI matrix per goal area</h2>', *_html_areas(content),
        '<h2 id="diagrams">Diagrams</h2>', *_html_diagrams(content.diagrams),
        "</body></html>",
    ]
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def _html_pairs(caption: str, pairs: list[tuple[str, int]]) -> str:
    rows = "".join(f"<tr><th>{h(name)}</th><td>{count}</td></tr>" for name, count in pairs)
    return f"<table><caption>{h(caption)}</caption>{rows}</table>"


def _html_findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return ["<p>No findings.</p>"]
    parts = []
    for code, findings in by_rule(content.findings):
        help_ = content.rules.get(code) or RuleHelp(code, findings[0].name, "", "", "")
        level = max((f.level for f in findings), key=LEVEL_RANK.__getitem__)
        items = "".join(
            f"<li>{h(f.message)}"
            + (f' <span class="note">(waived: {h(f.waiver_reason or "")})</span>'
               if f.waived else "") + "</li>"
            for f in findings)
        parts.append(
            f'<section class="rule" id="rule-{h(code)}">'
            f'<h3><span class="level-{level}">{h(code)}</span> {h(help_.name)} '
            f"({len(findings)} × {level})</h3>"
            + "".join(f"<p>{rule_text_html(text)}</p>"
                      for text in (help_.summary, help_.why, help_.fix) if text)
            + f"<ul>{items}</ul></section>")
    return parts


def rule_text_html(text: str) -> str:
    """A rule's own documentation, its `code` spans shown as code."""
    return CODE_SPAN.sub(r"<code>\1</code>", h(text))


def _html_areas(content: ReportContent) -> list[str]:
    if not content.areas:
        return ["<p>The model has no goals, initiatives or decisions.</p>"]
    parts = []
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        parts.append(f"<h3>{h(area.name)}</h3>" + _html_matrix(matrix)
                     + (f'<p class="note">{h(note)}</p>' if note else ""))
    return parts


def readable_matrix(area: GoalArea, model_label: str) -> tuple[Matrix, str]:
    """The area's matrix cut to the busiest actors, and a note on what was left out."""
    matrix, left_out = area.matrix.busiest_columns(REPORT_MAX_ACTORS)
    if not left_out:
        return matrix, ""
    scope = f" --scope {area.goal}" if area.goal else ""
    return matrix, (f"{left_out} more actors with fewer letters are left out; see them all "
                    f"with: raci matrix {model_label}{scope} --format csv")


def _html_matrix(matrix: Matrix) -> str:
    if not matrix.rows:
        return '<p class="note">No items.</p>'
    head = "".join(f'<th title="{html.escape(a.id)}">{h(a.name)}</th>' for a in matrix.columns)
    rows = []
    for row, letters in matrix.rows_with_letters():
        cells = "".join(f'<td class="letter {letter}">{letter}</td>' for letter in letters)
        rows.append(f"<tr><th>{h(row.name)}</th><td>{matrix.kinds[row.id]}</td>{cells}</tr>")
    return (f'<div class="scroll"><table><tr><th>Item</th><th>Kind</th>{head}</tr>'
            + "".join(rows) + "</table></div>")


def _html_diagrams(diagrams: dict[str, bytes | str]) -> list[str]:
    parts = []
    for name, drawing in diagrams.items():
        body = (f'<p class="note">{h(drawing)}</p>' if isinstance(drawing, str)
                else svg_markup(drawing))
        parts.append(f'<figure id="diagram-{name}"><figcaption><h3>The {name} view</h3>'
                     f"</figcaption>{body}</figure>")
    return parts


# ---- Markdown ------------------------------------------------------------------


def _write_markdown(content: ReportContent, path: Path) -> None:
    model = content.source.model
    lines = [f"# Governance review: {markdown_text(model.org.name)}", "",
             f"Model: {markdown_text(content.source.label)}"
             + (f", as of {model.org.as_of}" if model.org.as_of else ""), ""]
    if model.org.description:
        lines += [markdown_text(model.org.description), ""]
    lines += ["## Summary", "", *_markdown_pairs("What the model holds", entity_counts(model)),
              *_markdown_pairs("Findings by level", level_counts(content.findings)),
              "## Findings by rule", "", *_markdown_findings(content),
              "## RACI matrix per goal area", ""]
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        lines += [f"### {markdown_text(area.name)}", "",
                  matrix_markdown(matrix) if matrix.rows else "No items.", ""]
        lines += [f"*{markdown_text(note)}*", ""] if note else []
    lines += ["## Diagrams", ""]
    for name, drawing in content.diagrams.items():
        if isinstance(drawing, str):
            lines += [f"*{markdown_text(drawing)}*", ""]
            continue
        picture = path.with_name(f"{path.stem}-{name}.svg")
        picture.write_bytes(drawing)
        lines += [f"![The {name} view]({urllib.parse.quote(picture.name)})", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def _markdown_pairs(caption: str, pairs: list[tuple[str, int]]) -> list[str]:
    return [f"| {caption} | |", "| --- | ---: |",
            *(f"| {name} | {count} |" for name, count in pairs), ""]


def _markdown_findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return ["No findings.", ""]
    lines = []
    for code, findings in by_rule(content.findings):
        help_ = content.rules.get(code) or RuleHelp(code, findings[0].name, "", "", "")
        level = max((f.level for f in findings), key=LEVEL_RANK.__getitem__)
        lines += [f"### {code} {help_.name} ({len(findings)} × {level})", ""]
        # The rules' documentation is Markdown already; only names need escaping.
        lines += [f"{text}\n" for text in (help_.summary, help_.why, help_.fix) if text]
        lines += [f"- {markdown_text(f.message)}"
                  + (f" *(waived: {markdown_text(f.waiver_reason or '')})*" if f.waived else "")
                  for f in findings]
        lines.append("")
    return lines
