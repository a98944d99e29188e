"""Output formats of `raci lint`: one function each, none changes the exit code.

`text` for people at a terminal, `json` for tools (SPEC §3, documented by
``schemas/raci-findings.schema.json``), `sarif` (2.1.0) for code scanning,
`github` for workflow annotations, `markdown` for a review document.
Text, github and markdown leave waived findings out of the list (markdown
lists them apart, with their reasons); json and sarif keep them, marked as
suppressed. Names are the user's text: text and github output escape their
control characters (one finding is one line, and no name can drive the
terminal), markdown escapes HTML and table pipes.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import quote

from raci.lint.findings import LEVELS, Finding, Level
from raci.lint.rule import Rule
from raci.text import one_line

FORMATS = ("text", "json", "sarif", "github", "markdown")
SARIF_LEVELS: dict[str, str] = {"error": "error", "warning": "warning", "info": "note"}
GITHUB_COMMANDS: dict[str, str] = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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




def _where(finding: Finding) -> str:
    if finding.line is None:
        return finding.model
    return f"{finding.model}:{finding.line}:{finding.column or 1}"


def to_text(findings: Sequence[Finding], models: Sequence[str], rules: Sequence[Rule]) -> str:
    """``FILE:LINE:COL: CODE [level] message (ids)``, or ``MODEL: CODE [level]
    message (ids)`` where there is no line (a database, a whole-model finding)."""
    lines = []
    for f in findings:
        if f.waived:
            continue
        ids = f" ({', '.join(f.targets)})" if f.targets else ""
        lines.append(one_line(f"{_where(f)}: {f.code} [{f.level}] {f.message}{ids}"))
    counts = summary(findings)
    total = sum(counts[level] for level in LEVELS)
    closing = "No findings" if total == 0 else _per_level(counts)
    # The summary names no model: nothing of the user's to escape.
    lines.append(f"{closing} in {_count(len(models), 'model')}"
                 + (f" ({counts['waived']} waived)" if counts["waived"] else "") + ".")
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _per_level(counts: dict[str, int]) -> str:
    """``1 error, 3 warnings, 0 infos``."""
    return ", ".join(_count(counts[level], level) for level in LEVELS)


def finding_dict(finding: Finding) -> dict[str, object]:
    return {
        "code": finding.code,
        "name": finding.name,
        "level": finding.level,
        "message": finding.message,
        "targets": list(finding.targets),
        "fingerprint": finding.fingerprint,
        "model": finding.model,
        "line": finding.line,
        "column": finding.column,
        "waived": finding.waived,
        "waiver_reason": finding.waiver_reason,
    }


def to_json(findings: Sequence[Finding], models: Sequence[str], rules: Sequence[Rule]) -> str:
    document = {
        "version": 1,
        "models": list(models),
        "findings": [finding_dict(f) for f in findings],
        "summary": summary(findings),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _raci_version() -> str:
    try:
        return version("raci")
    except PackageNotFoundError:
        return "0"


def _uri(path: str) -> str:
    """A model file's path as a URI reference: forward slashes, and spaces,
    ``#``, ``:`` (which would read as a scheme) and the like percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/")


def _sarif_rule(rule: Rule, level: Level) -> dict[str, object]:
    return {
        "id": rule.code,
        "name": rule.dotted_name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": SARIF_LEVELS[level]},
        "properties": {"tags": [rule.group], "parameters": dict(rule.params)},
    }


def _sarif_result(finding: Finding, rule_index: dict[str, int]) -> dict[str, object]:
    location: dict[str, object] = {
        "logicalLocations": [
            {"name": target, "fullyQualifiedName": target, "kind": "object"}
            for target in finding.targets
        ],
    }
    if finding.line is not None:
        location["physicalLocation"] = {
            "artifactLocation": {"uri": _uri(finding.model)},
            "region": {"startLine": finding.line, "startColumn": finding.column or 1},
        }
    result: dict[str, object] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": SARIF_LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [location],
        "partialFingerprints": {"raciFingerprint/v1": finding.fingerprint},
    }
    if finding.waived:
        result["suppressions"] = [
            {"kind": "inSource", "justification": finding.waiver_reason or ""}
        ]
    return result


def to_sarif(findings: Sequence[Finding], models: Sequence[str], rules: Sequence[Rule],
             levels: Callable[[Rule], Level] | None = None) -> str:
    """A SARIF 2.1.0 log: one run, every rule declared, waived findings suppressed."""
    rule_index = {r.code: number for number, r in enumerate(rules)}
    level_of = levels or (lambda r: r.level)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "raci",
                "version": _raci_version(),
                "informationUri": "https://pypi.org/project/raci/",
                "rules": [_sarif_rule(r, level_of(r)) for r in rules],
            }},
            "artifacts": [{"location": {"uri": _uri(m)}} for m in models if "://" not in m],
            "results": [_sarif_result(f, rule_index) for f in findings],
        }],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def escape_data(text: str) -> str:
    """Workflow-command escaping of a message: ``%``, and line breaks as the
    command's ``%0D`` and ``%0A`` (GitHub shows them as breaks); then any
    other control character as in text output, so one annotation is one line."""
    return one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Workflow-command escaping of a property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(findings: Sequence[Finding], models: Sequence[str], rules: Sequence[Rule]) -> str:
    """``::error file=F,line=L,col=C,title=CODE::message`` per unwaived finding."""
    lines = []
    for f in findings:
        if f.waived:
            continue
        properties = []
        message = f.message
        if f.line is not None:
            properties += [f"file={escape_property(f.model)}", f"line={f.line}",
                           f"col={f.column or 1}"]
        else:
            message = f"{f.model}: {message}"
        properties.append(f"title={escape_property(f.code)}")
        lines.append(f"::{GITHUB_COMMANDS[f.level]} {','.join(properties)}::{escape_data(message)}")
    return "".join(line + "\n" for line in lines)


def markdown_text(text: object) -> str:
    """Text shown as written in Markdown, on one line and fit for a table
    cell: control characters escaped as in text output, HTML (``<b>``,
    ``&amp;``) escaped, backslashes and pipes escaped."""
    escaped = html.escape(one_line(str(text)), quote=False)
    return escaped.replace("\\", "\\\\").replace("|", "\\|")


def _row(*cells: str) -> str:
    """One table row; every cell shown as written."""
    return "| " + " | ".join(map(markdown_text, cells)) + " |"


def to_markdown(findings: Sequence[Finding], models: Sequence[str],
                rules: Sequence[Rule]) -> str:
    """Tables for a review document: open findings, then waived ones with reasons."""
    counts = summary(findings)
    out = ["## Lint findings", ""]
    out.append(_per_level(counts)
               + f", {counts['waived']} waived, in {', '.join(f'`{m}`' for m in models)}.")
    open_findings = [f for f in findings if not f.waived]
    if open_findings:
        out += ["", "| Level | Code | Rule | Entities | Message | Where |",
                "|---|---|---|---|---|---|"]
        out += [_row(f.level, f.code, f.name, ", ".join(f.targets), f.message, _where(f))
                for f in open_findings]
    waived = [f for f in findings if f.waived]
    if waived:
        out += ["", "### Waived", "", "| Code | Entities | Message | Reason |",
                "|---|---|---|---|"]
        out += [_row(f.code, ", ".join(f.targets), f.message, f.waiver_reason or "")
                for f in waived]
    return "\n".join(out) + "\n"


RENDERERS: dict[str, Callable[[Sequence[Finding], Sequence[str], Sequence[Rule]], str]] = {
    "text": to_text,
    "json": to_json,
    "sarif": to_sarif,
    "github": to_github,
    "markdown": to_markdown,
}
