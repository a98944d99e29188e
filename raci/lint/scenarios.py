"""What a scenario does to the findings: `raci scenario show` and `compare`.

A scenario's view is linted beside the model it is played on, and the
findings matched by fingerprint, as `raci diff` matches them: *resolved* are
the model's unwaived findings the view has not, *accepted* those the view
waives (a waiver leaves the finding there, as a review's minutes count it),
*introduced* the view's the model has not, *kept* those in both (as the view
words them). A scenario that no longer fits the
model has no view: its report gives the reason instead of findings.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from raci.formats.changes import change_to_data
from raci.i18n import N_, _, format_date, ngettext, said_again
from raci.lint.config import LintConfig
from raci.lint.engine import lint_model
from raci.lint.findings import LEVELS, Finding
from raci.lint.message import localized, markdown_said
from raci.lint.output import finding_dict, summary
from raci.model import Model
from raci.model.scenarios import Misfit, Scenario, known_problems, play
from raci.model.source import SCENARIO_MARK, ModelSource
from raci.text import Markdown, aligned, json_text, markdown_prose, one_line
from raci.vocabulary import LEVEL_NAMES, counted

STATUSES = ("resolved", "accepted", "introduced", "kept")
STATUS_WORDS = {"resolved": N_("resolved"), "accepted": N_("accepted"),
                "introduced": N_("introduced"), "kept": N_("kept")}
"""How a comparison says each status (its JSON keeps `STATUSES`)."""
FINDINGS_TITLES = {"resolved": N_("Findings resolved"), "accepted": N_("Findings accepted"),
                   "introduced": N_("Findings introduced"), "kept": N_("Findings kept")}
ABSENT = "-"
"""A comparison's status of a finding neither the model nor that scenario has."""


def finding_said(f: Finding) -> str:
    """``CODE [level] message`` with the level in the current language
    (``OWN001 [fout] …``), as the app names the levels: how a scenario, a
    review and `raci diff` list the findings they compare."""
    return f"{f.code} [{LEVEL_NAMES[f.level]}] {localized(f.message)}"


def finding_markdown(f: Finding) -> Markdown:
    """`finding_said` in Markdown: the names in its message escaped, so that
    they show as written (`markdown_said`)."""
    return Markdown(f"{f.code} [{LEVEL_NAMES[f.level]}] {markdown_said(f.message)}")


@dataclass
class FindingsDelta:
    before: list[Finding]
    """The model's unwaived findings."""
    after: list[Finding]
    """The view's unwaived findings."""
    waived: list[Finding] = field(default_factory=list)
    """The view's waived findings: those of the model among them are accepted,
    not resolved."""

    def __post_init__(self) -> None:
        self._before = {f.fingerprint for f in self.before}
        self._after = {f.fingerprint for f in self.after}
        self._waived = {f.fingerprint for f in self.waived}

    def status(self, fingerprint: str) -> str:
        """``resolved``, ``accepted``, ``introduced``, ``kept``, or `ABSENT`."""
        now = fingerprint in self._after
        if fingerprint in self._before:
            if now:
                return "kept"
            return "accepted" if fingerprint in self._waived else "resolved"
        return "introduced" if now else ABSENT

    @property
    def resolved(self) -> list[Finding]:
        return [f for f in self.before
                if f.fingerprint not in self._after and f.fingerprint not in self._waived]

    @property
    def accepted(self) -> list[Finding]:
        """The model's findings the view waives."""
        return [f for f in self.before if f.fingerprint in self._waived]

    @property
    def introduced(self) -> list[Finding]:
        return [f for f in self.after if f.fingerprint not in self._before]

    @property
    def kept(self) -> list[Finding]:
        """As the view has them: a kept finding may say something new (fewer
        parties consulted, but still too many)."""
        return [f for f in self.after if f.fingerprint in self._before]


@dataclass
class ScenarioReport:
    model: str
    """The MODEL argument the scenario belongs to."""
    scenario: Scenario
    revision: int
    """The model's revision now."""
    misfit: Misfit | None
    delta: FindingsDelta | None
    """None when the scenario no longer fits the model."""


def scenario_report(label: str, model: Model, scenario: Scenario, revision: int,
                    config: LintConfig | None = None) -> ScenarioReport:
    """Lint `model` and the scenario's view of it (see `scenario_reports`)."""
    return scenario_reports(label, model, [scenario], revision, config)[0]


def scenario_reports(label: str, model: Model, scenarios: Sequence[Scenario], revision: int,
                     config: LintConfig | None = None) -> list[ScenarioReport]:
    """Lint `model`, once, and each scenario's view of it, played on a
    working copy (`Model.working_copy`: collections of its own, the same
    entities, which a step replaces and never changes); a deep copy of a
    national model took seconds, and so did each lint of it, and each check
    of the model's own problems (`known_problems`)."""
    reports, before = [], None
    known = known_problems(model) if any(s.steps for s in scenarios) else frozenset()
    for scenario in scenarios:
        view = model.working_copy()
        misfit = play(view, scenario.steps, known)
        if misfit is not None:
            reports.append(ScenarioReport(label, scenario, revision, misfit, None))
            continue
        if before is None:
            before = [f for f in lint_model(ModelSource(label, model), config) if not f.waived]
        after = lint_model(ModelSource(f"{label}{SCENARIO_MARK}{scenario.name}", view), config)
        delta = FindingsDelta(before, [f for f in after if not f.waived],
                              [f for f in after if f.waived])
        reports.append(ScenarioReport(label, scenario, revision, misfit, delta))
    return reports


# ---- show ----------------------------------------------------------------------


def _made(report: ScenarioReport) -> str:
    scenario = report.scenario
    made = f"{format_date(scenario.created.date())} {scenario.created:%H:%M}"
    if scenario.base_revision == report.revision:
        return _("Made {made} on the model as it is now (revision {revision}).").format(
            made=made, revision=report.revision)
    return _("Made {made} on revision {base} of the model; it is at revision {revision} "
             "now.").format(made=made, base=scenario.base_revision, revision=report.revision)


def _levels(findings: Sequence[Finding]) -> str:
    """``1 error, 3 warnings, 0 infos``."""
    counts = summary(findings)
    return ", ".join(counted(counts[level], level) for level in LEVELS)


def _misfit_text(report: ScenarioReport) -> str:
    assert report.misfit is not None  # only a report without a delta is told so
    return _("This scenario no longer fits the model: {misfit}. Undo its changes back to that "
             "one, or drop it.").format(misfit=said_again(report.misfit.reason))


def _sections(report: ScenarioReport, said: Callable[[Finding], str] = finding_said
              ) -> list[tuple[bool, str, list[str]]]:
    """(whether the changes, title, lines) of the changes and of each kind of
    finding, shared by text and Markdown; each finding `said`. Accepted
    findings only where the scenario waives some."""
    changes = (True, _("Changes"), [said_again(step.summary) for step in report.scenario.steps])
    if report.delta is None:
        return [changes]
    delta = report.delta
    return [changes, *((False, _(FINDINGS_TITLES[status]),
                        [said(f) for f in getattr(delta, status)])
                       for status in STATUSES if status != "accepted" or delta.accepted)]


def _totals(delta: FindingsDelta) -> str:
    return _("Without the scenario: {before}; with it: {after}.").format(
        before=_levels(delta.before), after=_levels(delta.after))


def show_text(report: ScenarioReport) -> str:
    scenario = report.scenario
    out = [_("Scenario {name} of {model}").format(name=scenario.name, model=report.model)]
    if scenario.description:
        out.append(said_again(scenario.description))
    out.append(_made(report))
    for numbered, title, lines in _sections(report):
        out += ["", f"{title} ({len(lines)}):"]
        out += [f"  {f'{n}. ' if numbered else ''}{line}" for n, line in enumerate(lines, 1)]
        out += [] if lines else ["  " + _("none")]
    out += ["", _misfit_text(report) if report.delta is None else _totals(report.delta)]
    return "\n".join(map(one_line, out)) + "\n"


def show_markdown(report: ScenarioReport) -> str:
    scenario = report.scenario
    out = [_("## Scenario `{name}` of `{model}`").format(
        name=markdown_prose(scenario.name), model=markdown_prose(report.model)), ""]
    if scenario.description:
        out += [markdown_prose(said_again(scenario.description)), ""]
    out.append(_made(report))
    for numbered, title, lines in _sections(report, finding_markdown):
        marker = "1." if numbered else "-"
        out += ["", f"### {title} ({len(lines)})", ""]
        out += [f"{marker} {markdown_prose(line)}" for line in lines] or [_("None.")]
    out += ["", markdown_prose(_misfit_text(report) if report.delta is None
                              else _totals(report.delta))]
    return "\n".join(out) + "\n"


def show_json(report: ScenarioReport) -> str:
    scenario, delta = report.scenario, report.delta
    document = {
        "version": 1,
        "model": report.model,
        "revision": report.revision,
        "scenario": _scenario_dict(report),
        "changes": [{"summary": step.summary, "change": change_to_data(step.change)}
                    for step in scenario.steps],
        "findings": None if delta is None else {
            status: [finding_dict(f) for f in getattr(delta, status)] for status in STATUSES},
        "summary": None if delta is None else {
            "before": summary(delta.before), "after": summary(delta.after)},
    }
    return json_text(document)


def scenario_dict(scenario: Scenario) -> dict[str, object]:
    """A scenario's header as JSON, and the summary of each change."""
    return {"name": scenario.name, "description": scenario.description,
            "created": scenario.created.isoformat(), "base_revision": scenario.base_revision,
            "changes": [step.summary for step in scenario.steps]}


def _scenario_dict(report: ScenarioReport) -> dict[str, object]:
    misfit = report.misfit
    return {**scenario_dict(report.scenario), "fits": misfit is None,
            "misfit": None if misfit is None else str(misfit)}


SHOW_RENDERERS = {"text": show_text, "json": show_json, "markdown": show_markdown}


# ---- compare ---------------------------------------------------------------------


@dataclass
class ComparedFinding:
    finding: Finding
    statuses: tuple[str, str]


@dataclass
class Comparison:
    model: str
    reports: tuple[ScenarioReport, ScenarioReport]
    deltas: tuple[FindingsDelta, FindingsDelta]
    """Both scenarios' findings: both fit the model."""
    rows: list[ComparedFinding]
    """Every finding that the two scenarios do not both keep: the model's
    first, in lint order, then those the first scenario introduces, then the
    second's."""
    kept_by_both: int


def compare(first: ScenarioReport, second: ScenarioReport) -> Comparison:
    """Two scenarios of one model side by side; both must fit the model."""
    assert first.delta is not None and second.delta is not None
    deltas = (first.delta, second.delta)
    seen: dict[str, Finding] = {}
    for finding in (*deltas[0].before, *deltas[0].after, *deltas[1].after):
        seen.setdefault(finding.fingerprint, finding)
    rows, kept_by_both = [], 0
    for fingerprint, finding in seen.items():
        statuses = (deltas[0].status(fingerprint), deltas[1].status(fingerprint))
        if statuses == ("kept", "kept"):
            kept_by_both += 1
        else:
            rows.append(ComparedFinding(finding, statuses))
    return Comparison(first.model, (first, second), deltas, rows, kept_by_both)


def _names(comparison: Comparison) -> tuple[str, str]:
    first, second = comparison.reports
    return first.scenario.name, second.scenario.name


def _change_rows(comparison: Comparison) -> list[list[str]]:
    """Change number, then each scenario's change of that number (or nothing)."""
    steps = [report.scenario.steps for report in comparison.reports]
    return [[str(n + 1), *(said_again(s[n].summary) if n < len(s) else "" for s in steps)]
            for n in range(max(map(len, steps)))]


def _level_rows(comparison: Comparison) -> list[list[str]]:
    """Each level's count without the scenarios, then with each."""
    counts = [summary(findings) for findings in (
        comparison.deltas[0].before, *(delta.after for delta in comparison.deltas))]
    return [[LEVEL_NAMES[level], *(str(c[level]) for c in counts)] for level in LEVELS]


def _kept_line(comparison: Comparison) -> str:
    count = comparison.kept_by_both
    return ngettext("{count} finding of the model kept by both.",
                    "{count} findings of the model kept by both.", count).format(count=count)


def _said_statuses(row: ComparedFinding) -> list[str]:
    return [_(STATUS_WORDS[status]) if status in STATUS_WORDS else status
            for status in row.statuses]


def _changes_listed(comparison: Comparison) -> list[str]:
    """Each scenario's changes under its name, numbered: side by side, one
    long change pushed the other scenario's column off the screen."""
    out = []
    for report in comparison.reports:
        steps = report.scenario.steps
        out += [f"  {report.scenario.name}:"]
        out += [f"    {n}. {said_again(step.summary)}" for n, step in enumerate(steps, 1)]
        out += [] if steps else ["    " + _("none")]
    return out


def compare_text(comparison: Comparison) -> str:
    a, b = _names(comparison)
    out = [_("Scenarios {a} and {b} of {model}").format(a=a, b=b, model=comparison.model)]
    out += [f"  {report.scenario.name}: {said_again(report.scenario.description)}"
            for report in comparison.reports if report.scenario.description]
    out += ["", _("Changes") + ":", *_changes_listed(comparison)]
    findings = [[*_said_statuses(row), finding_said(row.finding)] for row in comparison.rows]
    out += ["", _("Findings") + ":", *aligned([[a, b, _("finding")], *findings]),
            f"  {_kept_line(comparison)}"]
    out += ["", _("Findings by level") + ":",
            *aligned([["", _("without"), a, b], *_level_rows(comparison)])]
    return "\n".join(map(one_line, out)) + "\n"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(markdown_prose(cell) for cell in cells) + " |"
    return [row(header), "|" + "---|" * len(header), *map(row, rows)]


def compare_markdown(comparison: Comparison) -> str:
    a, b = _names(comparison)
    out = [_("## Scenarios `{a}` and `{b}` of `{model}`").format(
        a=markdown_prose(a), b=markdown_prose(b), model=markdown_prose(comparison.model)), ""]
    described = [f"- `{markdown_prose(r.scenario.name)}`: "
                 f"{markdown_prose(said_again(r.scenario.description))}"
                 for r in comparison.reports if r.scenario.description]
    out += [*described, ""] if described else []
    out += ["### " + _("Changes"), "", *_table(["#", a, b], _change_rows(comparison)), "",
            "### " + _("Findings"), ""]
    findings = [[finding_markdown(row.finding), *_said_statuses(row)] for row in comparison.rows]
    if findings:
        out += [*_table([_("finding"), a, b], findings), ""]
    out += [_kept_line(comparison), "", "### " + _("Findings by level"), "",
            *_table([_("level"), _("without"), a, b], _level_rows(comparison))]
    return "\n".join(out) + "\n"


def compare_json(comparison: Comparison) -> str:
    a, b = _names(comparison)
    document = {
        "version": 1,
        "model": comparison.model,
        "summary": summary(comparison.deltas[0].before),
        "scenarios": [{**_scenario_dict(report), "summary": summary(delta.after)}
                      for report, delta in zip(comparison.reports, comparison.deltas,
                                               strict=True)],
        "findings": [{**finding_dict(row.finding), "statuses": dict(zip((a, b), row.statuses,
                                                                        strict=True))}
                     for row in comparison.rows],
        "kept_by_both": comparison.kept_by_both,
    }
    return json_text(document)


COMPARE_RENDERERS = {"text": compare_text, "json": compare_json, "markdown": compare_markdown}
