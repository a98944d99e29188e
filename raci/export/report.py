"""The review handout: one file to mail or print before a steering-group session.

The first page gives the verdict in pictures (`raci.export.charts`): the
findings per rule group, goals by coverage, the busiest people and the
bodies that overlap most. The detail follows: the summary counts, the
findings grouped by rule with the rule's explanation and fix, the RACI
matrix per goal area (each top-level goal's subtree, then the items outside
every area) and the `bodies` and `goals` diagrams.

Three forms, by the output's suffix: HTML (`raci.export.report_html`:
self-contained, with a print style sheet for A4), PDF (that HTML printed by
headless Chromium, `raci.export.pdf`) and Markdown (the charts and diagrams
written as SVG files beside it). Every name is escaped, so a `<script>` in a
name is shown as text. The same model gives the same HTML and Markdown bytes.
"""

from __future__ import annotations

import urllib.parse
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from raci.errors import RaciError, UsageError
from raci.export.charts import Chart, first_page_charts
from raci.export.matrix import GoalArea, Matrix, goal_area_matrices, markdown_text, matrix_markdown
from raci.export.render import DEFAULT_TIMEOUT_SECONDS, MAX_LAYOUT_NODES, export_view
from raci.export.views import build_view
from raci.lint.findings import LEVEL_RANK, LEVELS, Finding
from raci.lint.rule import Rule
from raci.lint.ruledoc import rule_doc
from raci.model import KINDS, Model
from raci.model.source import ModelSource

REPORT_VIEWS = ("bodies", "goals")
REPORT_MAX_ACTORS = 40
"""Actor columns per goal area; a wider matrix cannot be read on a page."""
REPORT_MAX_ITEMS = 100
"""Item rows per goal area: a handout of hundreds of pages of matrix is read
by nobody (and takes Chromium minutes to print); the note names the command
that shows them all."""
KIND_TITLES = {"unit": "Units", "person": "People", "role": "Roles", "body": "Bodies",
               "goal": "Goals", "initiative": "Initiatives", "decision": "Decisions",
               "kpi": "Indicators"}
SUFFIXES = (".html", ".htm", ".pdf", ".md")


@dataclass(frozen=True)
class RuleHelp:
    """What the report says about a rule: what it finds, why, and how to fix it."""

    code: str
    name: str
    summary: str
    why: str
    fix: str
    group: str = ""
    """The rule group (``ownership``): the first page counts findings per group."""


def rule_help(rule: Rule) -> RuleHelp:
    """The summary, why it matters and how to fix it, from the rule's documentation."""
    doc = rule_doc(rule)
    return RuleHelp(rule.code, rule.name, doc.summary, f"Why it matters: {doc.why}",
                    f"How to fix: {doc.fix}", rule.group)


@dataclass
class ReportContent:
    """Everything the handout shows, gathered once for every format."""

    source: ModelSource[Model]
    findings: list[Finding]
    rules: Mapping[str, RuleHelp]
    charts: list[Chart]
    areas: list[GoalArea]
    diagrams: dict[str, bytes | str]
    """View name -> its SVG, or why it could not be drawn."""
    timeout: float
    """Seconds an outside program (dot, Chromium) may take."""
    not_run: Mapping[str, str] = field(default_factory=dict)
    """Rule code -> the fact not recorded for which the rule was not run."""

    def rules_not_run(self) -> list[tuple[str, str]]:
        """(``chairs not recorded``, ``BOD007, ORG004``) rows for a summary table."""
        by_fact: dict[str, list[str]] = {}
        for code, fact in sorted(self.not_run.items()):
            by_fact.setdefault(fact, []).append(code)
        return [(f"{fact.replace('_', ' ')} not recorded", ", ".join(codes))
                for fact, codes in by_fact.items()]

    @property
    def title(self) -> str:
        return f"Governance review: {self.source.model.org.name}"

    def rule(self, code: str, findings: list[Finding]) -> RuleHelp:
        return self.rules.get(code) or RuleHelp(code, findings[0].name, "", "", "")


Writer = Callable[[ReportContent, Path], None]


def write_report(source: ModelSource[Model], path: Path, findings: list[Finding],
                 rules: Mapping[str, RuleHelp], *, not_run: Mapping[str, str] | None = None,
                 timeout: float = DEFAULT_TIMEOUT_SECONDS) -> list[str]:
    """Write the handout as HTML, PDF or Markdown (by suffix); returns warnings to show."""
    writer = report_writer(path)
    diagrams = {name: draw_for_report(source, name, timeout) for name in REPORT_VIEWS}
    groups = {code: help_.group for code, help_ in rules.items() if help_.group}
    charts = first_page_charts(source.model, findings, groups, dict.fromkeys(groups.values()))
    content = ReportContent(source, findings, rules, charts,
                            goal_area_matrices(source.model), diagrams, timeout, not_run or {})
    try:
        writer(content, path)
    except OSError as error:
        raise RaciError(f"{path}: cannot write the report: {error.strerror}") from error
    return [text for text in diagrams.values() if isinstance(text, str)]


def report_writer(path: Path) -> Writer:
    """The writer the file's suffix asks for; checked (and for a PDF, Chromium
    looked for) before any work is done."""
    from raci.export import pdf, report_html

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"-o {path}: the report is written as .html, .pdf or .md")
    if suffix == ".pdf":
        pdf.find_chromium()
        return report_html.write_pdf
    return write_markdown if suffix == ".md" else report_html.write_html


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


def highest_level(findings: list[Finding]) -> str:
    return max((f.level for f in findings), key=LEVEL_RANK.__getitem__)


def entity_counts(model: Model) -> list[tuple[str, int]]:
    counts = [(KIND_TITLES[kind], len(model.collection(kind))) for kind in KINDS]
    return [*counts, ("RACI assignments", len(model.assignments))]


def level_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    counts = Counter(f.level for f in findings if not f.waived)
    return [*((level, counts[level]) for level in LEVELS),
            ("waived", sum(1 for f in findings if f.waived))]


def level_word(level: str, count: int) -> str:
    """How the verdict names a level's count: 1 error, 4 errors, 2 info, 0 waived."""
    return f"{level}s" if count != 1 and level in ("error", "warning") else level


def readable_matrix(area: GoalArea, model_label: str) -> tuple[Matrix, str]:
    """The area's first `REPORT_MAX_ITEMS` items and, of the actors with a letter
    on them, the `REPORT_MAX_ACTORS` busiest; and a note on what was left out."""
    matrix = area.matrix
    items_left_out = max(0, len(matrix.rows) - REPORT_MAX_ITEMS)
    if items_left_out:
        kept = {row.id for row in matrix.rows[:REPORT_MAX_ITEMS]}
        cells = {key: letters for key, letters in matrix.cells.items() if key[0] in kept}
        actors = {actor for _, actor in cells}
        matrix = Matrix(matrix.rows[:REPORT_MAX_ITEMS],
                        [actor for actor in matrix.columns if actor.id in actors],
                        cells, matrix.kinds)
    matrix, actors_left_out = matrix.busiest_columns(REPORT_MAX_ACTORS)
    left_out = [f"{count:,} more {what}" for count, what in (
        (items_left_out, "items"), (actors_left_out, "actors with fewer letters")) if count]
    if not left_out:
        return matrix, ""
    scope = f" --scope {area.goal}" if area.goal else ""
    return matrix, (f"{' and '.join(left_out)} are left out; see them all "
                    f"with: raci matrix {model_label}{scope} --format csv")


def names_of(model: Model, ids: tuple[str, ...]) -> list[str]:
    """How the report names entities: by name, or by id for one the model lacks."""
    return [entity.name if (entity := model.get(id_)) is not None else id_ for id_ in ids]


# ---- Markdown ------------------------------------------------------------------


def write_markdown(content: ReportContent, path: Path) -> None:
    """The handout in Markdown, the charts and diagrams as SVG files beside it."""
    model = content.source.model
    lines = [f"# {markdown_text(content.title)}", "",
             f"Model: {markdown_text(content.source.label)}"
             + (f", as of {model.org.as_of}" if model.org.as_of else ""), ""]
    if model.org.description:
        lines += [markdown_text(model.org.description), ""]
    lines += ["## At a glance", "",
              " · ".join(f"**{count}** {level_word(level, count)}"
                         for level, count in level_counts(content.findings)),
              ""]
    for chart in content.charts:
        lines += _markdown_chart(chart, path)
    lines += ["## Summary", "", *_markdown_pairs("What the model holds", entity_counts(model)),
              *_markdown_pairs("Findings by level", level_counts(content.findings)),
              *(_markdown_pairs("Rules not run", content.rules_not_run())
                if content.not_run else []),
              "## Findings by rule", "", *_markdown_findings(content),
              "## RACI matrix per goal area", ""]
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        lines += [f"### {markdown_text(area.name)}", "",
                  matrix_markdown(matrix) if matrix.rows else "No items.", ""]
        lines += [f"*{markdown_text(note)}*", ""] if note else []
    lines += ["## Diagrams", ""]
    for name in content.diagrams:
        lines += markdown_diagram(content, name, path)
    path.write_text("\n".join(lines), encoding="utf-8")


def _markdown_chart(chart: Chart, path: Path) -> list[str]:
    lines = [f"### {chart.title}", ""]
    if chart.svg is None:
        return [*lines, f"*{markdown_text(chart.empty)}*", ""]
    picture = path.with_name(f"{path.stem}-chart-{chart.name}.svg")
    picture.write_bytes(chart.svg)
    return [*lines, f"![{chart.title}]({urllib.parse.quote(picture.name)})", "",
            f"*{chart.caption}*", ""]


def markdown_diagram(content: ReportContent, name: str, path: Path) -> list[str]:
    """One diagram of the Markdown handout: an SVG file beside it, linked, or
    the reason it could not be drawn. The one place to change when the
    handout draws its diagrams in Mermaid instead (from
    `build_view(content.source.model, name)`)."""
    drawing = content.diagrams[name]
    if isinstance(drawing, str):
        return [f"*{markdown_text(drawing)}*", ""]
    picture = path.with_name(f"{path.stem}-{name}.svg")
    picture.write_bytes(drawing)
    return [f"![The {name} view]({urllib.parse.quote(picture.name)})", ""]


def _markdown_pairs(caption: str, pairs: Sequence[tuple[str, int | str]]) -> list[str]:
    return [f"| {caption} | |", "| --- | ---: |",
            *(f"| {name} | {count} |" for name, count in pairs), ""]


def _markdown_findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return ["No findings.", ""]
    lines = []
    for code, findings in by_rule(content.findings):
        help_ = content.rule(code, findings)
        lines += [f"### {code} {help_.name} ({len(findings)} × {highest_level(findings)})", ""]
        # The rules' documentation is Markdown already; only names need escaping.
        lines += [f"{text}\n" for text in (help_.summary, help_.why, help_.fix) if text]
        lines += [_markdown_finding(content.source.model, f) for f in findings]
        lines.append("")
    return lines


def _markdown_finding(model: Model, finding: Finding) -> str:
    line = f"- {markdown_text(finding.message)}"
    if related := finding.related:
        line += " (related: " + ", ".join(map(markdown_text, names_of(model, related))) + ")"
    if finding.waived:
        line += f" *(waived: {markdown_text(finding.waiver_reason or '')})*"
    return line
