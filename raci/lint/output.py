"""Output formats of `raci lint`: one function each, none changes the exit code.

`text` for people at a terminal, `json` for tools (docs/lint.md, documented by
``schemas/raci-findings.schema.json``), `sarif` (2.1.0) for code scanning,
`github` for workflow annotations, `markdown` for a review document.
Text, github and markdown leave waived findings out of the list (markdown
lists them apart, with their reasons); json and sarif keep them, marked as
suppressed. Each also says which rules were not run for a fact the model
does not record, and why a model could not be read (text leaves that to
stderr). `--statistics` replaces the findings by counts per rule (text,
json, markdown). Names are the user's text: text and github output escape
their control characters (one finding is one line, and no name can drive
the terminal), markdown escapes HTML and table pipes, and in a message
every character Markdown would read in the names it names (`markdown_said`).
Text and markdown show each finding's message for people: names first, the
id in brackets, in the current language, and their own words too
(``related``, ``and 3 more``). json and sarif keep the English message as it always was, whatever
the language; so does github in English (in another language it says the
message for people).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING
from urllib.parse import quote

from raci.i18n import N_, _, ngettext, speaking_english
from raci.lint.findings import LEVELS, Finding, Level
from raci.lint.message import MOST_LISTED, localized, markdown_said, markdown_speaker, speaker
from raci.lint.rule import Rule
from raci.lint.rules.data import fact_words
from raci.lint.run import LintRun, ModelError
from raci.model.source import without_password
from raci.text import Markdown, json_bytes, json_text, one_line
from raci.vocabulary import LEVEL_NAMES, counted

if TYPE_CHECKING:
    from raci.lint.suggestions import Fix, Suggestion

SUGGEST_FORMATS = ("text", "json", "markdown")
STATISTICS_FORMATS = ("text", "json", "markdown")
SARIF_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
URI_CHARACTERS = ":/?#[]@!$&'()*+,;=%~"
"""What a URI holds as it is besides letters and digits (RFC 3986's
reserved characters, and ``%`` of what is encoded already)."""
MOST_RELATED_NAMED = 5
"""Text, github and markdown output name this many related ids, then say how many more."""


def summary(findings: Sequence[Finding]) -> dict[str, int]:
    """Unwaived findings by level, and the number waived."""
    counts: dict[str, int] = {level: 0 for level in LEVELS}
    waived = 0
    for finding in findings:
        if finding.waived:
            waived += 1
        else:
            counts[finding.level] += 1
    return {**counts, "waived": waived}


def related_text(ids: Sequence[str], most: int = MOST_RELATED_NAMED) -> str:
    """``g.a, g.b, g.c, g.d, g.e and 3 more``: at most `most` ids, then how many more."""
    named = ", ".join(ids[:most])
    if len(ids) <= most:
        return named
    return _("{ids} and {count} more").format(ids=named, count=len(ids) - most)


def not_run_text(not_run: Mapping[str, str]) -> str:
    """``BOD007, ORG004 (chairs not recorded); DEC002 (cadence not recorded)``;
    in another language the facts in its words (``voorzitters niet vastgelegd``)."""
    by_fact: dict[str, list[str]] = {}
    for code, fact in sorted(not_run.items()):
        by_fact.setdefault(fact, []).append(code)
    english = speaking_english()
    return "; ".join(_("{rules} ({fact} not recorded)").format(
        rules=", ".join(codes), fact=fact if english else fact_words(fact).spoken())
        for fact, codes in by_fact.items())


def _where(finding: Finding) -> str:
    model = without_password(finding.model)
    if finding.line is None:
        return model
    return f"{model}:{finding.line}:{finding.column or 1}"


def _closing(run: LintRun) -> str:
    """``1 error, 3 warnings, 0 infos in 2 models (1 waived); 1 model could not be read.``,
    then what `--fix` fixed and how many findings have suggestions."""
    counts = summary(run.findings)
    total = sum(counts[level] for level in LEVELS)
    read = len(run.models) - len(run.unread)
    findings = _("No findings") if total == 0 else _per_level(counts)
    closing = _("{findings} in {models}").format(findings=findings, models=counted(read, "model"))
    if counts["waived"]:
        closing += _(" ({count} waived)").format(count=counts["waived"])
    if run.unread:
        unread = counted(len(run.unread), "model")
        closing += _("; {models} could not be read").format(models=unread)
    fixed = sum(map(len, run.fixes.values()))
    if run.fixes:
        closing += _("; {findings} fixed").format(findings=counted(fixed, "finding"))
    return closing + "." + (f" {_suggested_text(run)}" if run.suggestions is not None else "")


def _suggested_text(run: LintRun) -> str:
    """``3 findings have suggestions, 1 of them certain (`raci lint --fix` applies it).``"""
    suggested = [f for f in run.findings if not f.waived and run.suggestions_of(f)]
    certain = sum(1 for f in suggested if run.suggestions_of(f)[0].certain)
    text = _("{findings} with suggestions").format(findings=counted(len(suggested), "finding"))
    if certain:
        text += ngettext(", {count} of them certain (`raci lint --fix` applies it)",
                         ", {count} of them certain (`raci lint --fix` applies them)",
                         certain).format(count=certain)
    return text + "."


def suggestion_lines(suggestion: Suggestion, number: int) -> list[str]:
    """A suggestion as text, under its finding: what it does, why, and what
    it resolves and introduces."""
    mark = _(" [certain]") if suggestion.certain else ""
    lines = [_("  suggestion {number}{certain}: {summary}").format(
        number=number, certain=mark, summary=localized(suggestion.summary))]
    if suggestion.remedy.because:
        lines.append(_("    because {why}").format(why=localized(suggestion.remedy.because)))
    lines.append(f"    {outcome_text(suggestion)}")
    return [one_line(line) for line in lines]


def outcome_text(suggestion: Suggestion, level_names: Mapping[str, str] | None = None) -> str:
    """``resolves OWN002:g.x, PPL001:p.y; introduces SIL001:i.z [warning]``:
    the level as `raci lint`'s finding lines write it, the same in every
    language; or in `level_names` (``[waarschuwing]``) where findings are
    listed for people to decide on, as `raci review` lists them."""
    said = {level: level for level in LEVELS} if level_names is None else level_names
    resolves = related_text([f.fingerprint for f in suggestion.resolves]) or _("nothing")
    introduces = related_text([f"{f.fingerprint} [{said[f.level]}]"
                               for f in suggestion.introduces])
    return _("resolves {findings}; introduces {others}").format(
        findings=resolves, others=introduces or _("nothing"))


def _fix_lines(run: LintRun) -> list[str]:
    out = []
    for model, fixes in run.fixes.items():
        out.append(_("Fixed {findings} in {model}:").format(findings=counted(len(fixes), "finding"),
                                                             model=without_password(model)))
        out += [one_line(f"  {fix.suggestion.finding.fingerprint}: "
                         f"{localized(fix.suggestion.summary)}")
                for fix in fixes]
    return out


def _not_run_lines(run: LintRun) -> list[str]:
    return [one_line(_("{model}: not run: {rules}").format(model=without_password(model),
                                                           rules=not_run_text(codes)))
            for model, codes in run.not_run.items()]


def to_text(run: LintRun, rules: Sequence[Rule]) -> str:
    """``FILE:LINE:COL: CODE [level] message (ids; related: ids)``, or ``MODEL:
    CODE [level] message (ids)`` where there is no line (a database, a
    whole-model finding); then the rules not run and a summary. Why a model
    could not be read goes to stderr (the command prints it); when no model
    could be, that is all there is to say: nothing on stdout."""
    if run.unread and len(run.unread) == len(run.models):
        return ""
    say = speaker()
    if run.suggestions is None:
        lines = [text_line(f, say) for f in run.findings if not f.waived]
    else:
        lines = []
        for f in run.findings:
            if not f.waived:
                lines.append(text_line(f, say))
                for number, suggestion in enumerate(run.suggestions_of(f), start=1):
                    lines += suggestion_lines(suggestion, number)
    # Ended by joining an empty last line, not by adding "\n": the output of
    # tens of thousands of findings is megabytes, and adding copies it.
    return "\n".join([*lines, *_not_run_lines(run), *_fix_lines(run), _closing(run), ""])


def text_line(f: Finding, say: Callable[[str], str] = localized) -> str:
    """One finding as the text output prints it: ``CODE [level] message``,
    the message in the current language; `say`: how it is said
    (`localized`, or the `speaker` of an output of many). Its targets as
    its message lists entities, at most `MOST_LISTED`: a roster finding
    about hundreds stays a line someone can read (json and sarif keep them
    all)."""
    ids = related_text(f.targets, MOST_LISTED)
    if f.related:
        ids += _("; related: {ids}").format(ids=related_text(f.related))
    line = f"{_where(f)}: {f.code} [{f.level}] {say(f.message)}"
    if ids:
        line = f"{line} ({ids})"
    return one_line(line)


def _per_level(counts: dict[str, int]) -> str:
    """``1 error, 3 warnings, 0 infos``."""
    return ", ".join(counted(counts[level], level) for level in LEVELS)


def finding_dict(finding: Finding) -> dict[str, object]:
    """A finding as JSON writes it (its ids as tuples, which orjson writes as arrays)."""
    return {
        "code": finding.code,
        "name": finding.name,
        "level": finding.level,
        "message": finding.message,
        "targets": finding.targets,
        "related": finding.related,
        "fingerprint": finding.fingerprint,
        "model": without_password(finding.model),
        "line": finding.line,
        "column": finding.column,
        "waived": finding.waived,
        "waiver_reason": finding.waiver_reason,
    }


def _error_dict(error: ModelError) -> dict[str, object]:
    return {"model": without_password(error.model), "line": error.line, "column": error.column,
            "message": error.message}


def _json_summary(run: LintRun) -> dict[str, object]:
    return {**summary(run.findings), "not_run": run.rules_not_run,
            "not_run_by_model": {without_password(model): codes
                                 for model, codes in run.not_run.items()}}


def suggestion_dict(suggestion: Suggestion) -> dict[str, object]:
    from raci.formats.changes import change_to_data  # --suggest only: 10 ms

    return {
        "summary": suggestion.summary,
        "because": suggestion.remedy.because or None,
        "safe": suggestion.remedy.safe,
        "certain": suggestion.certain,
        "resolves": [f.fingerprint for f in suggestion.resolves],
        "introduces": [finding_dict(f) for f in suggestion.introduces],
        "change": change_to_data(suggestion.change),
    }


def _json_finding(run: LintRun, finding: Finding) -> dict[str, object]:
    """A finding with its suggestions (`--suggest`)."""
    return {**finding_dict(finding),
            "suggestions": [suggestion_dict(s) for s in run.suggestions_of(finding)]}


def _fix_dict(model: str, fix: Fix) -> dict[str, object]:
    return {"model": model, "finding": finding_dict(fix.suggestion.finding),
            **suggestion_dict(fix.suggestion)}


def to_json(run: LintRun, rules: Sequence[Rule]) -> bytes:
    """The JSON document, as the bytes `raci lint` writes (`json_bytes`)."""
    document: dict[str, object] = {
        "version": 1,
        "models": [without_password(m) for m in run.models],
        "findings": ([finding_dict(f) for f in run.findings] if run.suggestions is None
                     else [_json_finding(run, f) for f in run.findings]),
        "summary": _json_summary(run),
        "errors": [_error_dict(e) for e in run.errors],
    }
    if run.fixes:
        document["fixes"] = [_fix_dict(model, fix)
                             for model, fixes in run.fixes.items() for fix in fixes]
    return json_bytes(document)


def _raci_version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # SARIF only: 15 ms

    try:
        return version("raci")
    except PackageNotFoundError:
        return "0"


def _uri(model: str) -> str:
    """A model as a URI reference. A file's or database file's path: forward
    slashes, and spaces, ``#``, ``:`` (which would read as a scheme) and the
    like percent-encoded. A database URL as given (``sqlite:///org.db`` with
    its three slashes), its password as ``***`` (a SARIF log is uploaded and
    shared), only what no URI may hold (a space) percent-encoded."""
    if "://" not in model:
        return quote(model.replace("\\", "/"), safe="/")
    return quote(without_password(model), safe=URI_CHARACTERS)


def _sarif_rule(rule: Rule, level: Level) -> dict[str, object]:
    from raci.lint.ruledoc import rule_doc  # SARIF only: 6 ms

    doc = rule_doc(rule, english=True)
    help_ = f"Why it matters: {doc.why}\n\nHow to fix: {doc.fix}"
    return {
        "id": rule.code,
        "name": rule.dotted_name,
        "shortDescription": {"text": doc.summary},
        "fullDescription": {"text": doc.description or doc.summary},
        "help": {"text": help_, "markdown": f"**Why it matters:** {doc.why}\n\n"
                                            f"**How to fix:** {doc.fix}"},
        "defaultConfiguration": {"level": SARIF_LEVELS[level]},
        "properties": {"tags": [rule.group], "parameters": dict(rule.params)},
    }


def _physical(model: str, line: int | None, column: int | None) -> dict[str, object]:
    """The model and, in a file, the line: a database has no lines, but
    naming it tells the findings of two databases in one log apart."""
    if line is None:
        return {"artifactLocation": {"uri": _uri(model)}}
    return {"artifactLocation": {"uri": _uri(model)},
            "region": {"startLine": line, "startColumn": column or 1}}


def _sarif_location(entity: str, model: str, place: tuple[int, int] | None,
                    **extra: object) -> dict[str, object]:
    location: dict[str, object] = {
        **extra,
        "logicalLocations": [{"name": entity, "fullyQualifiedName": entity, "kind": "object"}],
    }
    if place is not None:
        location["physicalLocation"] = _physical(model, *place)
    return location


def _sarif_result(finding: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    location: dict[str, object] = {
        "logicalLocations": [
            {"name": target, "fullyQualifiedName": target, "kind": "object"}
            for target in finding.targets
        ],
    }
    location["physicalLocation"] = _physical(finding.model, finding.line, finding.column)
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": SARIF_LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"raciFingerprint/v1": finding.fingerprint},
    }
    if finding.related:
        places = finding.related_locations or (None,) * len(finding.related)
        result["relatedLocations"] = [
            _sarif_location(entity, finding.model, place, id=number,
                            message={"text": f"related: {entity}"})
            for number, (entity, place) in enumerate(zip(finding.related, places, strict=True))
        ]
    if finding.waived:
        result["suppressions"] = [
            {"kind": "inSource", "justification": finding.waiver_reason or ""}
        ]
    return result


def _sarif_invocation(run: LintRun, rule_index: dict[str, int]) -> dict[str, object]:
    """Whether every model was read (each error a tool execution
    notification at its file and line), and the rules not run (each a tool
    configuration notification naming the rule)."""
    errors = [{"level": "error", "message": {"text": error.message},
               "locations": [{"physicalLocation": _physical(error.model, error.line,
                                                             error.column)}]}
              for error in run.errors]
    not_run = [
        {"level": "note",
         "message": {"text": f"{code} was not run on {without_password(model)}: "
                             f"{fact} not recorded"},
         "descriptor": {"id": code, "index": rule_index[code]}}
        for model, codes in run.not_run.items() for code, fact in codes.items()
    ]
    return {"executionSuccessful": not run.errors, "toolExecutionNotifications": errors,
            "toolConfigurationNotifications": not_run}


def to_sarif(run: LintRun, rules: Sequence[Rule]) -> str:
    """A SARIF 2.1.0 log: one run, every rule declared at its configured
    level, waived findings suppressed, unread models and rules not run as
    notifications of the invocation."""
    rule_index = {r.code: number for number, r in enumerate(rules)}
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "raci",
                "version": _raci_version(),
                "fullName": "raci, a linter of governance models",
                "rules": [_sarif_rule(r, run.config.level_of(r)) for r in rules],
            }},
            "invocations": [_sarif_invocation(run, rule_index)],
            "artifacts": [{"location": {"uri": _uri(m)}} for m in run.models],
            "results": [_sarif_result(f, rule_index) for f in run.findings],
        }],
    }
    return json_text(document)


def escape_data(text: str) -> str:
    """Workflow-command escaping of a message: ``%``, and line breaks as the
    command's ``%0D`` and ``%0A`` (GitHub shows them as breaks); then any
    other control character as in text output, so one annotation is one line."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Workflow-command escaping of a property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(level: str, message: str, title: str, spec: str,
                line: int | None, column: int | None, names_model: bool = False) -> str:
    """An annotation at the model's line, or one whose message starts with
    the model's name, unless the message names it already (`names_model`)."""
    model = without_password(spec)
    properties = []
    if line is not None:
        properties += [f"file={escape_property(model)}", f"line={line}", f"col={column or 1}"]
    elif not names_model:
        message = f"{model}: {message}"
    properties.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(properties)}::{escape_data(message)}"


def _annotated() -> Callable[[str], str]:
    """How an annotation says a message: in English as tools have always
    read it (``Goal g.co2 'CO2 -55%' has ...``), in another language for
    people (``Doel 'CO2 -55%' (g.co2) heeft ...``)."""
    return str if speaking_english() else speaker()


def to_github(run: LintRun, rules: Sequence[Rule]) -> str:
    """``::error file=F,line=L,col=C,title=CODE::message`` per unwaived
    finding, per reason a model could not be read, and a notice per model
    with rules not run."""
    annotated = _annotated()
    lines = [
        _annotation(GITHUB_COMMANDS[f.level],
                    annotated(f.message) + (_(" (related: {names})").format(
                        names=related_text(f.related)) if f.related else ""),
                    f.code, f.model, f.line, f.column)
        for f in run.findings if not f.waived
    ]
    lines += [_annotation("error", e.said, "raci", e.model, e.line, e.column, e.names_model)
              for e in run.errors]
    lines += [_annotation("notice", _("not run: {rules}").format(rules=not_run_text(codes)),
                          "raci", model, None, None)
              for model, codes in run.not_run.items()]
    return "".join(line + "\n" for line in lines)


def markdown_text(text: object) -> str:
    """Text shown as written in Markdown, on one line and fit for a table
    cell: control characters escaped as in text output, HTML (``<b>``,
    ``&amp;``) escaped, backslashes and pipes escaped. `Markdown` (a message
    said with its names escaped, `markdown_said`) is so already."""
    if isinstance(text, Markdown):
        return text
    escaped = html.escape(one_line(str(text)), quote=False)
    return escaped.replace("\\", "\\\\").replace("|", "\\|")


def _row(*cells: object) -> str:
    """One table row; every cell shown as written."""
    return "| " + " | ".join(map(markdown_text, cells)) + " |"


def _heading_row(*words: str) -> list[str]:
    """A Markdown table's heading, in the user's language, and its rule line."""
    return ["| " + " | ".join(map(_, words)) + " |", "|---" * len(words) + "|"]


def _markdown_head(run: LintRun) -> list[str]:
    counts = summary(run.findings)
    read = ", ".join(f"`{without_password(m)}`" for m in run.models
                     if m not in run.unread) or _("no model")
    return ["## " + _("Lint findings"), "", _per_level(counts) + _(
        ", {waived} waived, in {models}.").format(waived=counts["waived"], models=read)]


def _markdown_tail(run: LintRun) -> list[str]:
    """The rules not run, and why models could not be read."""
    out = []
    if run.not_run:
        out += ["", "### " + _("Not run"), "", *_heading_row(N_("Model"), N_("Rules not run"))]
        out += [_row(without_password(model), not_run_text(codes))
                for model, codes in run.not_run.items()]
    if run.errors:
        out += ["", "### " + _("Could not be read"), "",
                *_heading_row(N_("Model"), N_("Where"), N_("Error"))]
        out += [_row(without_password(e.model),
                     "" if e.line is None else f"{e.line}:{e.column or 1}", e.said)
                for e in run.errors]
    return out


def to_markdown(run: LintRun, rules: Sequence[Rule]) -> str:
    """Tables for a review document: open findings, waived ones with
    reasons, the rules not run and the models that could not be read. People
    read it, so levels are in their language (``fout``), as in `raci review`;
    the text lines keep the English level that editors and CI match. Entities
    are listed as the text line lists them, at most `MOST_LISTED`."""
    out = _markdown_head(run)
    open_findings = [f for f in run.findings if not f.waived]
    say = markdown_speaker()
    if open_findings:
        out += ["", *_heading_row(N_("Level"), N_("Code"), N_("Rule"), N_("Entities"),
                                  N_("Related"), N_("Message"), N_("Where"))]
        out += [_row(LEVEL_NAMES[f.level], f.code, f.name, related_text(f.targets, MOST_LISTED),
                     related_text(f.related), say(f.message), _where(f))
                for f in open_findings]
    out += _markdown_suggestions(run, open_findings)
    waived = [f for f in run.findings if f.waived]
    if waived:
        out += ["", "### " + _("Waived"), "",
                *_heading_row(N_("Code"), N_("Entities"), N_("Message"), N_("Reason"))]
        out += [_row(f.code, related_text(f.targets, MOST_LISTED), say(f.message),
                     f.waiver_reason or "")
                for f in waived]
    return "\n".join([*out, *_markdown_tail(run)]) + "\n"


def _markdown_suggestions(run: LintRun, findings: Sequence[Finding]) -> list[str]:
    """The suggestions of each finding, and what `--fix` fixed."""
    out = []
    rows = [_row(f.fingerprint,
                 Markdown(markdown_said(s.summary) + (_(" (certain)") if s.certain else "")),
                 markdown_said(s.remedy.because), outcome_text(s, LEVEL_NAMES))
            for f in findings for s in run.suggestions_of(f)]
    if rows:
        out += ["", "### " + _("Suggestions"), "",
                *_heading_row(N_("Finding"), N_("Suggestion"), N_("Because"), N_("Outcome")),
                *rows]
    fixed = [_row(without_password(model), fix.suggestion.finding.fingerprint,
                  markdown_said(fix.suggestion.summary))
             for model, fixes in run.fixes.items() for fix in fixes]
    if fixed:
        out += ["", "### " + _("Fixed"), "", *_heading_row(N_("Model"), N_("Finding"), N_("Fix")),
                *fixed]
    return out


Renderer = Callable[[LintRun, Sequence[Rule]], str | bytes]
"""An output format: text, or the bytes written as they are (JSON)."""
RENDERERS: dict[str, Renderer] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
    "markdown": to_markdown,
}


# ---- --statistics ------------------------------------------------------------


def statistics_text(run: LintRun, rules: Sequence[Rule]) -> str:
    """``COUNT<TAB>CODE<TAB>[level] name`` per rule found, the most frequent
    first (as ruff prints them), then the rules not run and the summary; the
    level in the reader's language, as the Markdown table gives it (counts
    are for people: no editor matches these lines)."""
    lines = [f"{rule.count}\t{rule.code}\t[{LEVEL_NAMES[rule.level]}] {rule.name}"
             for rule in run.statistics()]
    return "\n".join([*lines, *_not_run_lines(run), _closing(run)]) + "\n"


def statistics_json(run: LintRun, rules: Sequence[Rule]) -> str:
    document = {
        "version": 1,
        "models": [without_password(m) for m in run.models],
        "statistics": [{"code": r.code, "name": r.name, "level": r.level, "count": r.count}
                       for r in run.statistics()],
        "summary": _json_summary(run),
        "errors": [_error_dict(e) for e in run.errors],
    }
    return json_text(document)


def statistics_markdown(run: LintRun, rules: Sequence[Rule]) -> str:
    out = _markdown_head(run)
    counted = run.statistics()
    if counted:
        out += ["", _heading_row(N_("Count"), N_("Code"), N_("Rule"), N_("Level"))[0],
                "|---:|---|---|---|"]
        out += [_row(r.count, r.code, r.name, LEVEL_NAMES[r.level]) for r in counted]
    return "\n".join([*out, *_markdown_tail(run)]) + "\n"


STATISTICS_RENDERERS: dict[str, Renderer] = {
    "text": statistics_text,
    "json": statistics_json,
    "markdown": statistics_markdown,
}
