"""The review handout: one file to mail or print before a steering-group session.

The first page gives the verdict in pictures (`raci.export.charts`): the
findings per rule group, goals by coverage, the busiest people and the
bodies that overlap most. The detail follows: the summary counts, the
findings grouped by rule with the rule's explanation and fix, the RACI
matrix per goal area (each top-level goal's subtree, then the items outside
every area) and the `bodies` and `goals` diagrams, each fitted to an A4
page or split into parts that are (`raci.export.report_diagrams`).

Three forms, by the output's suffix: HTML (`raci.export.report_html`:
self-contained, with a print style sheet for A4), PDF (that HTML printed by
headless Chromium, `raci.export.pdf`) and Markdown (the charts written as
SVG files beside it, the diagrams as Mermaid blocks). Every name is escaped,
so a `<script>` in a name is shown as text. The same model gives the same HTML and Markdown bytes.
"""

from __future__ import annotations

import urllib.parse
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from raci.errors import RaciError, UsageError
from raci.export.charts import Chart, first_page_charts
from raci.export.matrix import (
    GoalArea,
    Matrix,
    goal_area_matrices,
    markdown_text,
    matrix_markdown,
    owners_first,
)
from raci.export.mermaid import to_mermaid
from raci.export.render import DEFAULT_TIMEOUT_SECONDS
from raci.export.report_diagrams import REPORT_VIEWS, ReportDiagram, draw_for_report
from raci.export.views import build_view
from raci.i18n import N_, _, format_count, format_date, ngettext, os_reason
from raci.lint.config import LintConfig
from raci.lint.findings import LEVEL_RANK, LEVELS, Finding
from raci.lint.message import markdown_said
from raci.lint.rule import Rule, number
from raci.lint.ruledoc import rule_doc
from raci.lint.rules import find_rule
from raci.model import KINDS, Model
from raci.model.source import ModelSource
from raci.vocabulary import (
    FACT_WORDS,
    KIND_TITLES,
    LEVEL_NAMES,
    VIEW_TITLES,
    capitalised,
    counted,
)

REPORT_MAX_ACTORS = 40
"""Actor columns per goal area (more only where more are Accountable for the
rows shown); a wider matrix cannot be read on a page."""
REPORT_MAX_ITEMS = 100
"""Item rows per goal area: a handout of hundreds of pages of matrix is read
by nobody (and takes Chromium minutes to print); the note names the command
that shows them all."""
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "md"}
"""The report's formats by the suffix that names each."""
NO_ITEMS = N_("The model has no goals, initiatives or decisions.")
"""Why a handout has no RACI matrix (in the user's language: `_(NO_ITEMS)`)."""


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
    return RuleHelp(rule.code, rule.name, doc.summary,
                    _("Why it matters: {why}").format(why=doc.why),
                    _("How to fix: {fix}").format(fix=doc.fix), rule.group)


@dataclass
class ReportContent:
    """Everything the handout shows, gathered once for every format."""

    source: ModelSource[Model]
    findings: list[Finding]
    rules: Mapping[str, RuleHelp]
    charts: list[Chart]
    areas: list[GoalArea]
    diagrams: dict[str, ReportDiagram]
    """The views the handout draws (`REPORT_VIEWS`), by name, drawn for its page."""
    timeout: float
    """Seconds an outside program (dot, Chromium) may take."""
    not_run: Mapping[str, str] = field(default_factory=dict)
    """Rule code -> the fact not recorded for which the rule was not run."""
    def rules_not_run(self) -> list[tuple[str, str]]:
        """(``chairs not recorded``, ``BOD007, ORG004``) rows for a summary table."""
        by_fact: dict[str, list[str]] = {}
        for code, fact in sorted(self.not_run.items()):
            by_fact.setdefault(fact, []).append(code)
        return [(_("{fact} not recorded").format(fact=FACT_WORDS.get(fact, fact)),
                 ", ".join(codes))
                for fact, codes in by_fact.items()]

    @property
    def title(self) -> str:
        return _("Governance review: {organisation}").format(
            organisation=self.source.model.org.name)

    def rule(self, code: str, findings: list[Finding]) -> RuleHelp:
        return self.rules.get(code) or RuleHelp(code, findings[0].name, "", "", "")


Writer = Callable[[ReportContent, Path], None]


def write_report(source: ModelSource[Model], path: Path, findings: list[Finding],
                 rules: Mapping[str, RuleHelp], *, not_run: Mapping[str, str] | None = None,
                 config: LintConfig | None = None,
                 timeout: float = DEFAULT_TIMEOUT_SECONDS, fmt: str | None = None) -> list[str]:
    """Write the handout as HTML, PDF or Markdown (`fmt`, else by the suffix);
    returns warnings to show."""
    writer = report_writer(path, fmt)
    groups = {code: help_.group for code, help_ in rules.items() if help_.group}
    config = config or LintConfig()
    charts = first_page_charts(source.model, findings, groups, dict.fromkeys(groups.values()),
                               compared_members(config), config)
    diagrams = {name: draw_for_report(build_view(source.model, name, config), source.model,
                                      source.label, timeout) for name in REPORT_VIEWS}
    content = ReportContent(source, findings, rules, charts,
                            goal_area_matrices(source.model), diagrams, timeout, not_run or {})
    try:
        writer(content, path)
    except BrokenPipeError:  # a reader that stopped early (`| head`): a normal end
        raise
    except OSError as error:
        raise RaciError(_("{file}: cannot write {what}: {reason}").format(
            file=path, what=_("the report"), reason=os_reason(error))) from error
    return [diagram.warning for diagram in diagrams.values() if diagram.warning]


def compared_members(config: LintConfig) -> float:
    """The fewest seat-holders a body needs for BOD001 to compare it, as
    configured: the overlap chart ranks the pairs the finding would name."""
    rule = find_rule("BOD001")
    assert rule is not None  # a rule of raci's own
    return number(config.params_of(rule), "min_members")


def report_writer(path: Path, fmt: str | None = None) -> Writer:
    """The writer `fmt` (else the file's suffix) asks for; checked (and for a
    PDF, Chromium looked for) before any work is done. Standard output, a
    pipe or a device takes HTML or PDF, not Markdown, whose charts are
    files beside it."""
    from raci.export import pdf, report_html
    from raci.formats.writing import is_special_file, open_descriptor

    fmt = fmt or REPORT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(_("-o {file}: the report is written as .html, .pdf or .md; name the "
                           "file so, or give --format html, pdf or md").format(file=path))
    if fmt == "md" and (str(path) == "-" or is_special_file(path)
                        or open_descriptor(path) is not None):
        raise UsageError(_("-o {file}: a Markdown report writes its charts beside it as "
                           "files; name a .md file, or give --format html").format(file=path))
    if fmt == "pdf":
        pdf.find_chromium()
        return report_html.write_pdf
    return write_markdown if fmt == "md" else report_html.write_html


def by_rule(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by rule, the most severe rules first, then by code."""
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.code, []).append(finding)
    return sorted(groups.items(),
                  key=lambda group: (-max(LEVEL_RANK[f.level] for f in group[1]), group[0]))


def highest_level(findings: list[Finding]) -> str:
    return max((f.level for f in findings), key=LEVEL_RANK.__getitem__)


def times_level(count: int, level: str) -> str:
    """A rule's findings in its heading: "3 × warning", "3 × waarschuwing"."""
    return f"{count} × {LEVEL_NAMES[level]}"


def entity_counts(model: Model) -> list[tuple[str, int]]:
    counts = [(KIND_TITLES[kind], len(model.collection(kind))) for kind in KINDS]
    return [*counts, (_("RACI assignments"), len(model.assignments))]


def level_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    counts = Counter(f.level for f in findings if not f.waived)
    return [*((LEVEL_NAMES[level], counts[level]) for level in LEVELS),
            (LEVEL_NAMES["waived"], sum(1 for f in findings if f.waived))]


def verdict_counts(findings: list[Finding]) -> list[tuple[str, int]]:
    """(level, count) of the unwaived findings by level, then the waived ones."""
    counts = Counter(f.level for f in findings if not f.waived)
    return [*((level, counts[level]) for level in LEVELS),
            ("waived", sum(1 for f in findings if f.waived))]


def matrix_heading(areas: Sequence[GoalArea]) -> str:
    """The matrix part's heading: per goal area, or, in a model with no
    goals (its one area is what lies outside every goal area), the matrix."""
    if areas and not any(area.goal for area in areas):
        return _("RACI matrix")
    return _("RACI matrix per goal area")


def matrix_count(areas: Sequence[GoalArea]) -> str:
    """What the contents say the matrix part holds: its goal areas, or the
    items of a model with no goals ("1 area" said nothing there)."""
    if any(area.goal for area in areas):
        return ngettext("{count} area", "{count} areas", len(areas)).format(count=len(areas))
    items = sum(len(area.matrix.rows) for area in areas)
    return ngettext("{count} item", "{count} items", items).format(count=items)


def readable_matrix(area: GoalArea, model_label: str) -> tuple[Matrix, str]:
    """The area's first `REPORT_MAX_ITEMS` items and, of the actors with a letter
    on them, `REPORT_MAX_ACTORS` (`readable_columns`); and a note on what was
    left out and the command that shows it all."""
    matrix = area.matrix
    items_left_out = max(0, len(matrix.rows) - REPORT_MAX_ITEMS)
    if items_left_out:
        kept = {row.id for row in matrix.rows[:REPORT_MAX_ITEMS]}
        cells = {key: letters for key, letters in matrix.cells.items() if key[0] in kept}
        actors = {actor for _, actor in cells}
        matrix = Matrix(matrix.rows[:REPORT_MAX_ITEMS],
                        [actor for actor in matrix.columns if actor.id in actors],
                        cells, matrix.kinds)
    shown = readable_columns(matrix)
    actors_left_out = len(matrix.columns) - len(shown.columns)
    left_out = [text for count, text in (
        (items_left_out, _("{count} more items").format(count=format_count(items_left_out))),
        (actors_left_out, _("{count} of {actors} actors (those Accountable or Responsible "
                            "kept first, then the busiest)").format(
                                count=format_count(actors_left_out),
                                actors=format_count(len(matrix.columns))))) if count]
    if not left_out:
        return shown, ""
    scope = f" --scope {area.goal}" if area.goal else ""
    return shown, capitalised(_("{what} are left out; see them all with: {command}").format(
        what=_(" and ").join(left_out), command=f"raci matrix {model_label}{scope} --format csv"))


def readable_columns(matrix: Matrix) -> Matrix:
    """`REPORT_MAX_ACTORS` actors, as `raci matrix` keeps them when they do not
    fit (`owners_first`): those Accountable for a row, then those Responsible,
    then the busiest. The Accountable of every row shown is never left out,
    even where that takes more columns: the owner is what a reader looks for."""
    if len(matrix.columns) <= REPORT_MAX_ACTORS:
        return matrix
    owners = {actor for (_item, actor), letters in matrix.cells.items() if "A" in letters}
    return matrix.with_columns(owners_first(matrix)[:max(REPORT_MAX_ACTORS, len(owners))])


def names_of(model: Model, ids: tuple[str, ...]) -> list[str]:
    """How the report names entities: by name, or by id for one the model lacks."""
    return [entity.name if (entity := model.get(id_)) is not None else id_ for id_ in ids]


# ---- Markdown ------------------------------------------------------------------


def write_markdown(content: ReportContent, path: Path) -> None:
    """The handout in Markdown, the charts as SVG files beside it, the diagrams
    in Mermaid (`markdown_diagram`)."""
    model = content.source.model
    lines = [f"# {markdown_text(content.title)}", "",
             _("Model: {model}").format(model=markdown_text(content.source.label))
             + (_(", as of {date}").format(date=format_date(model.org.as_of))
                if model.org.as_of else ""), ""]
    if model.org.description:
        lines += [markdown_text(model.org.description), ""]
    lines += ["## " + _("At a glance"), "",
              " · ".join(counted(count, level, f"**{count}**")
                         for level, count in verdict_counts(content.findings)),
              ""]
    for chart in content.charts:
        lines += _markdown_chart(chart, path)
    lines += ["## " + _("Summary"), "",
              *_markdown_pairs(_("What the model holds"), entity_counts(model)),
              *_markdown_pairs(_("Findings by level"), level_counts(content.findings)),
              *(_markdown_pairs(_("Rules not run"), content.rules_not_run())
                if content.not_run else []),
              "## " + _("Findings by rule"), "", *_markdown_findings(content),
              "## " + matrix_heading(content.areas), ""]
    lines += [] if content.areas else [f"*{_(NO_ITEMS)}*", ""]
    for area in content.areas:
        matrix, note = readable_matrix(area, content.source.label)
        lines += [f"### {markdown_text(area.name)}", "",
                  matrix_markdown(matrix) if matrix.rows else _("No items."), ""]
        lines += [f"*{markdown_text(note)}*", ""] if note else []
    lines += ["## " + _("Diagrams"), ""]
    for diagram in content.diagrams.values():
        lines += markdown_diagram(diagram)
    path.write_text("\n".join(lines), encoding="utf-8")


def _markdown_chart(chart: Chart, path: Path) -> list[str]:
    lines = [f"### {chart.title}", ""]
    if chart.svg is None:
        return [*lines, f"*{markdown_text(chart.empty)}*", ""]
    picture = path.with_name(f"{path.stem}-chart-{chart.name}.svg")
    picture.write_bytes(chart.svg)
    return [*lines, f"![{chart.title}]({urllib.parse.quote(picture.name)})", "",
            f"*{chart.caption}*", ""]


def markdown_diagram(diagram: ReportDiagram) -> list[str]:
    """One diagram of the Markdown handout: the parts the printed handout draws
    (the whole view, or the parts of its split), each as a Mermaid block, which
    GitHub, GitLab and most wikis draw; or the reason it is not drawn. A part's
    subtitle (`Part 2 of 5: …`) stands above its block as text, which wraps:
    Mermaid does not wrap a drawing's title, and hides the lines it cannot fit."""
    lines = ["### " + _("The {view} view").format(view=VIEW_TITLES[diagram.name]), ""]
    lines += [f"*{markdown_text(diagram.note)}*", ""] if diagram.note else []
    for part in diagram.parts:
        lines += [f"**{markdown_text(part.subtitle)}**", ""] if part.subtitle else []
        drawing = to_mermaid(replace(part, title="", subtitle=""))
        lines += ["```mermaid", *drawing.splitlines(), "```", ""]
    return lines


def _markdown_pairs(caption: str, pairs: Sequence[tuple[str, int | str]]) -> list[str]:
    return [f"| {caption} | |", "| --- | ---: |",
            *(f"| {name} | {count_text(count)} |" for name, count in pairs), ""]


def count_text(value: int | str) -> str:
    """A count in a summary table as the language groups it ("1.861"); a word as it is."""
    return format_count(value) if isinstance(value, int) else value


def _markdown_findings(content: ReportContent) -> list[str]:
    if not content.findings:
        return [_("No findings."), ""]
    lines = []
    for code, findings in by_rule(content.findings):
        help_ = content.rule(code, findings)
        times = times_level(len(findings), highest_level(findings))
        lines += [f"### {code} `{help_.name}` ({times})", ""]  # a rule's name is an identifier
        # The rules' documentation is Markdown already; only names need escaping.
        lines += [f"{text}\n" for text in (help_.summary, help_.why, help_.fix) if text]
        lines += [_markdown_finding(content.source.model, f) for f in findings]
        lines.append("")
    return lines


def _markdown_finding(model: Model, finding: Finding) -> str:
    line = f"- {markdown_said(finding.message)}"
    if related := finding.related:
        line += _(" (related: {names})").format(
            names=", ".join(map(markdown_text, names_of(model, related))))
    if finding.waived:
        line += " *" + _("(waived: {reason})").format(
            reason=markdown_text(finding.waiver_reason or "")) + "*"
    return line
