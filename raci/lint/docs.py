"""The rules' pages, their index with the table of every rule, and the rules
as JSON, all rendered from `raci.lint.ruledoc` (as ruff's ``generate_docs``
renders its rule pages from its rules' documentation).

`raci rules CODE` prints a rule's page, in the current language, and `raci
rules --format json` the rules as data, in English (as JSON always is).
``python -m raci.lint.docs --write`` writes every page to
``docs/rules/CODE.md`` and the index to ``docs/rules/index.md``, the pages
of the documentation site (docs/contributing.md); ``--check`` names the
stale ones, as a test does. A page shows each example as the whole model file it is,
the `raci.toml` beside it where the example sets a parameter, and what ``raci lint
--select CODE`` finds in it: the examples are run to write it.
The files written are English.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from raci.formats import parse_model
from raci.i18n import LANGUAGES, current_language, set_language
from raci.lint.config import LintConfig, check_config
from raci.lint.engine import lint_model
from raci.lint.findings import Finding
from raci.lint.message import said, translated
from raci.lint.output import text_line
from raci.lint.rule import Rule, param_text
from raci.lint.ruledoc import Example, RuleDoc, rule_doc
from raci.lint.rules import RULES
from raci.model.source import ModelSource
from raci.text import json_text
from raci.vocabulary import LEVEL_NAMES

ROOT = Path(__file__).resolve().parents[2]
"""The checkout this module is in (the files it writes are a checkout's)."""
PAGES = Path("docs/rules")
GENERATED = ("<!-- Generated from the rule's docstring by `python -m raci.lint.docs "
             "--write`; edit the docstring, not this file. -->\n\n")
WAIVER_EXPIRES = "2027-06-30"
WIDTH = 79
"""Prose is wrapped at this width, for a terminal and for readable diffs."""


def example_file() -> str:
    """The name the example's model file has on its page, in the reader's
    language: the command the page shows names it, and its findings' lines."""
    return translated("example.yaml")


def example_findings(rule: Rule, example: Example, as_of: dt.date | None = None,
                     select: list[str] | None = None) -> list[Finding]:
    """The rule's unwaived findings on the example's model, read with the
    example's parameters, as of `as_of` (else the example's date, else today),
    running the rules `select` names (else all)."""
    loaded = parse_model(example.model_text, example_file(), "yaml")
    config = LintConfig(params={rule.code: dict(example.params)} if example.params else {},
                        as_of=as_of, select=select or ["ALL"])
    check_config(config, f"{rule.code}'s example")
    source = ModelSource(example_file(), loaded.model, loaded.locations)
    return [f for f in lint_model(source, config) if f.code == rule.code and not f.waived]


def example_command(rule: Rule, example: Example) -> str:
    """The `raci lint` that prints the example's findings as its page shows
    them. It selects the rule, as a failing example often breaks others too;
    and where the rule alone finds otherwise, also the rules the example's
    waivers name (WAI002 judges only a waiver of a rule that ran)."""
    selected = [rule.code]
    if example_findings(rule, example, select=selected) != example_findings(rule, example):
        waived = parse_model(example.model_text, example_file(), "yaml").model.waivers
        selected += sorted({waiver.rule for waiver in waived} - {rule.code})
    return f"raci lint --select {','.join(selected)} {example_file()}"


def rule_page(rule: Rule) -> str:
    """The rule's page, in Markdown and the current language: what `raci rules
    CODE` prints."""
    doc = rule_doc(rule)
    waivable = translated("can be waived") if doc.waivable else translated("cannot be waived")
    suggested = [_heading(translated("Suggested fix")), _wrapped(doc.suggested)]
    reading = [_heading(translated("Reading")), _wrapped(doc.reading)]
    parts = [f"# {doc.code} {doc.name}",
             said("`{dotted_name}` · default level: {level} · {waivable}",
                  dotted_name=doc.dotted_name, level=LEVEL_NAMES[doc.level],
                  waivable=waivable).localized(),
             doc.summary, _wrapped(doc.description),
             _heading(translated("What it looks at")), _wrapped(doc.looks_at),
             _heading(translated("Why it matters")), _wrapped(doc.why),
             _heading(translated("How to fix")), _wrapped(doc.fix),
             *(suggested if doc.suggested else []),
             _heading(translated("Message")), _fenced("text", "\n".join(doc.messages)),
             _message_key(doc), *_parameters(doc), *(reading if doc.reading else []),
             _heading(translated("Examples")), *(_example(rule, e) for e in doc.examples),
             _heading(translated("Waiving")), _wrapped(doc.waiving), *_waiver(rule, doc)]
    return "\n\n".join(part for part in parts if part) + "\n"


def _heading(title: str, level: int = 2) -> str:
    return f"{'#' * level} {title}"


@contextmanager
def _in_english() -> Iterator[None]:
    """The generated files are English, whatever the language spoken."""
    spoken = current_language()
    set_language(LANGUAGES[0])
    try:
        yield
    finally:
        set_language(spoken)


def _wrapped(text: str) -> str:
    """Each paragraph wrapped at `WIDTH` (a table's or a list's lines kept)."""
    return "\n\n".join(
        paragraph if paragraph.startswith(("|", "- "))
        else textwrap.fill(paragraph, WIDTH, break_long_words=False, break_on_hyphens=False)
        for paragraph in text.split("\n\n"))


def _fenced(language: str, text: str) -> str:
    return f"```{language}\n{text.rstrip()}\n```"


def _message_key(doc: RuleDoc) -> str:
    optional = any("[" in message for message in doc.messages)
    if optional:
        return _wrapped(translated(
            "`{…}` stands for a part that varies (an entity is named by its kind and name, its id "
            "in brackets: `Goal 'CO2 -55%' (g.co2)`); `[…]` for a part that may be absent."))
    return _wrapped(translated(
        "`{…}` stands for a part that varies (an entity is named by its kind and name, its id in "
        "brackets: `Goal 'CO2 -55%' (g.co2)`)."))


def _parameters(doc: RuleDoc) -> list[str]:
    rows = [f"| `{p.name}` | `{param_text(p.default)}` | {p.allowed} | {p.meaning} |"
            for p in doc.parameters]
    head = translated("| parameter | default | takes | sets |")
    table = "\n".join([head, "|---|---|---|---|", *rows])
    where = _wrapped(said("In `raci.toml`, with the defaults (in `pyproject.toml` the table is "
                          "`[tool.raci.rules.{code}]`; the rule's name may stand for its code):",
                          code=doc.code).localized())
    return [*([_heading(translated("Parameters")), table] if rows else []),
            _heading(translated("Configuration")), where, _fenced("toml", doc.configuration())]


def _example(rule: Rule, example: Example) -> str:
    heading = _heading(translated("Failing") if example.fails else translated("Passing"), 3)
    configuration = example.configuration(rule.code)
    read = (said("With this `raci.toml` in the folder of `{file}`:", file=example_file())
            .localized() + "\n\n" + _fenced("toml", configuration)) if configuration else ""
    findings = example_findings(rule, example)
    command = example_command(rule, example)
    if findings:
        reported = (said("`{command}` finds:", command=command).localized() + "\n\n"
                    + _fenced("text", "\n".join(map(text_line, findings))))
    else:
        reported = said("`{command}` finds nothing.", command=command).localized()
    return "\n\n".join(p for p in (heading, read, _fenced("yaml", example.model_text), reported)
                       if p)


def _waiver(rule: Rule, doc: RuleDoc) -> list[str]:
    """A waiver of the first failing example's finding, ready to copy: all
    that example finds (a failing example gives one finding; a test checks)."""
    if not doc.waivable:
        return []
    failing = [example for example in doc.examples if example.fails]
    targets = example_findings(rule, failing[0])[0].targets
    target = targets[0] if len(targets) == 1 else f"[{', '.join(targets)}]"
    reason = translated("Why the weakness is accepted, and until when")
    example = translated("For the failing example's finding:") if len(failing) == 1 \
        else translated("For the first failing example's finding:")
    return [example, _fenced("yaml", f"""\
waivers:
  - rule: {doc.code}
    target: {target}
    reason: {reason}
    expires: {WAIVER_EXPIRES}""")]


def rule_dict(doc: RuleDoc) -> dict[str, object]:
    """A rule's documentation as JSON data (prose in Markdown)."""
    return {
        "code": doc.code, "name": doc.name, "group": doc.group, "dotted_name": doc.dotted_name,
        "level": doc.level, "summary": doc.summary, "description": doc.description,
        "looks_at": doc.looks_at, "why": doc.why, "fix": doc.fix, "suggested": doc.suggested,
        "parameters": [{"name": p.name, "default": _json_value(p.default),
                        "allowed": p.allowed, "meaning": p.meaning} for p in doc.parameters],
        "configuration": doc.configuration(), "reading": doc.reading,
        "messages": list(doc.messages), "waivable": doc.waivable, "waiving": doc.waiving,
        "examples": [{"fails": e.fails, "as_of": e.as_of and e.as_of.isoformat(),
                      "params": {name: _json_value(v) for name, v in e.params.items()},
                      "configuration": e.configuration(doc.code),
                      "model": e.model_text} for e in doc.examples],
    }


def _json_value(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def rules_json(rules: Sequence[Rule]) -> str:
    """`raci rules [CODE] --format json`: the documentation of each of `rules`,
    in one shape however many a command names."""
    document = {"version": 1, "rules": [rule_dict(rule_doc(rule, english=True))
                                        for rule in rules]}
    return json_text(document)


def rules_table() -> str:
    """The table of every rule, each code linking to its page."""
    rows = ["| code | name | level | parameters | finds |", "|---|---|---|---|---|"]
    for rule in RULES:
        params = ", ".join(f"`{name} = {param_text(value)}`"
                           for name, value in rule.params.items())
        rows.append(f"| [{rule.code}]({rule.code}.md) | {rule.dotted_name} | "
                    f"{rule.level} | {params} | {rule.summary} |")
    return "\n".join(rows) + "\n"


def index_page() -> str:
    return f"""{GENERATED}# Rules

`raci lint` checks a model against these rules. Each rule's page says what it
finds, what it looks at, why that matters for getting policy executed, how to
fix it, its message, its parameters and how to set them, how raci reads the
specification where it leaves a choice, how to waive a finding, and shows a
failing and a passing example (which the tests run). `raci rules CODE` prints
the same page; `raci rules --format json` gives every rule's documentation as
data.

{rules_table()}"""


def generated_files(root: Path = ROOT) -> dict[Path, str]:
    """Each generated file's path (under `root`) and what it must hold."""
    with _in_english():
        files = {root / PAGES / f"{rule.code}.md": GENERATED + rule_page(rule) for rule in RULES}
    files[root / PAGES / "index.md"] = index_page()
    return files


def stale_files(files: dict[Path, str], root: Path = ROOT) -> list[Path]:
    """The files of `files` that do not hold what they must, and pages of
    rules that no longer exist."""
    stale = [path for path, text in files.items()
             if not path.is_file() or path.read_text(encoding="utf-8") != text]
    return stale + sorted(set((root / PAGES).glob("*.md")) - set(files))


def write_docs(root: Path = ROOT) -> list[Path]:
    """Write the stale files and remove pages of rules that no longer exist;
    returns the paths written or removed."""
    files = generated_files(root)
    stale = stale_files(files, root)
    for path in stale:
        if path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8")
        else:
            path.unlink()
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m raci.lint.docs",
                                     description="Write or check the rules' documentation.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true", help="write the stale files")
    action.add_argument("--check", action="store_true", help="exit 1 when a file is stale")
    write = parser.parse_args(argv).write
    if not (ROOT / PAGES).is_dir():
        parser.exit(2, f"{parser.prog}: {ROOT} is not a checkout of raci (no {PAGES})\n")
    if write:
        for path in write_docs():
            print(f"wrote {path.relative_to(ROOT)}" if path.exists()
                  else f"removed {path.relative_to(ROOT)}")
        return 0
    stale = stale_files(generated_files())
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run python -m raci.lint.docs --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
