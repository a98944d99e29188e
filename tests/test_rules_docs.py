"""The rules' documentation, parsed once from their docstrings
(`raci.lint.ruledoc`): every rule says what it finds and looks at, why it
matters, how to fix it, its message and how to waive it; every example is a
model that fails or passes as it says; the pages and the index with the
table of every rule are generated from it and current; `raci rules` shows it
as text and JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from test_lint_support import has_a_shape, message_pattern, run_raci

from raci.analysis import Analysis
from raci.lint import RULES, rule
from raci.lint.docs import (
    PAGES,
    example_findings,
    generated_files,
    rule_page,
    stale_files,
    write_docs,
)
from raci.lint.rule import BODIES, WHOLE_MODEL, Problem, Rule, RuleParams, Scope, lint_rule
from raci.lint.ruledoc import RuleDocError, parse_rule_doc, rule_doc
from raci.lint.rules.data import FACTS

ROOT = Path(__file__).parent.parent
CODES = [r.code for r in RULES]
NOT_WAIVABLE = {"DAT001", "WAI001", "WAI002"}
SPEC_TABLE = {  # code: (name, level, parameters) as in SPEC §2
    "OWN001": ("unowned-item", "error", {}), "OWN002": ("multiple-accountable", "error", {}),
    "OWN003": ("collective-accountable", "warning", {}),
    "OWN004": ("vacant-accountable", "error", {}),
    "OWN005": ("external-accountable", "warning", {}),
    "OWN006": ("crowded-responsible", "warning", {"max_responsible": 3}),
    "OWN007": ("no-responsible", "warning", {}),
    "OWN008": ("inverted-accountability", "info", {}),
    "BOD001": ("redundant-bodies", "warning", {"min_overlap": 0.6, "min_members": 3}),
    "BOD002": ("powerless-body", "warning", {"exempt_kinds": ("advisory_board",)}),
    "BOD003": ("expired-mandate", "error", {}),
    "BOD004": ("open-ended-temporary", "warning", {"grace_days": 365}),
    "BOD005": ("reporting-cycle", "error", {}),
    "BOD006": ("steering-layers", "warning", {"max_layers": 2}),
    "BOD007": ("chairless-body", "warning", {}),
    "BOD008": ("oversized-body", "info", {"max_members": 12}),
    "BOD009": ("empty-body", "error", {}),
    "BOD010": ("nested-body", "warning", {"min_contained": 0.8, "min_members": 3}),
    "DEC001": ("consensus-bottleneck", "warning", {"max_consulted": 4}),
    "DEC002": ("slow-decision", "warning", {"max_latency_days": 60}),
    "STR001": ("goal-without-initiative", "warning", {}),
    "STR002": ("orphan-initiative", "warning", {}), "STR003": ("goal-without-kpi", "warning", {}),
    "STR004": ("no-leading-indicator", "info", {}),
    "STR005": ("no-success-criteria", "warning", {}),
    "STR006": ("blocked-dependency", "warning", {}), "STR007": ("dependency-cycle", "error", {}),
    "STR008": ("overdue-initiative", "info", {}),
    "PPL001": ("accountability-overload", "warning", {"max_items": 8}),
    "PPL002": ("meeting-overload", "warning", {"max_bodies": 5}),
    "PPL003": ("external-dependence", "info", {"max_share": 0.5}),
    "PPL004": ("capacity-overcommit", "warning", {}),
    "SIL001": ("uncoordinated-crossing", "warning", {"min_units": 3}),
    "SIL002": ("isolated-unit", "info", {}), "ORG001": ("idle-role", "info", {}),
    "ORG002": ("unplaced-person", "info", {}), "ORG003": ("vacant-role", "warning", {}),
    "ORG004": ("chair-not-member", "info", {}),
    "DAT001": ("fact-not-recorded", "info", {"min_missing": 20, "min_share": 0.9}),
    "WAI001": ("expired-waiver", "warning", {}),
    "WAI002": ("unused-waiver", "info", {}),
}


def test_the_registry_is_specs_table_in_code_order() -> None:
    assert {r.code: (r.name, r.level, r.params) for r in RULES} == SPEC_TABLE
    assert [r.code for r in RULES] == list(SPEC_TABLE)
    assert rule("OWN001") is rule("ownership.unowned-item") is rule("unowned-item")
    with pytest.raises(KeyError):
        rule("OWN999")


@pytest.mark.parametrize("code", CODES)
def test_every_rule_is_documented(code: str) -> None:
    found = rule(code)
    doc = rule_doc(found)
    assert (doc.code, doc.name, doc.level, doc.group) == (code, *SPEC_TABLE[code][:2],
                                                          found.group)
    assert doc.summary and doc.looks_at and doc.why and doc.fix and doc.messages
    assert {(p.name, p.default) for p in doc.parameters} == set(found.params.items())
    assert all(p.meaning and p.allowed for p in doc.parameters)
    assert doc.waivable is (code not in NOT_WAIVABLE)
    assert ("cannot be waived" in doc.waiving) is (code in NOT_WAIVABLE)
    assert any(e.fails for e in doc.examples) and any(not e.fails for e in doc.examples)
    assert rule_doc(found) is doc, "parsed once"


@pytest.mark.parametrize("code", CODES)
def test_every_example_is_a_model_that_fails_or_passes_as_it_says(code: str) -> None:
    """A failing example gives a finding of its rule, with a documented
    message; a passing one none. An example that states no as-of date
    gives the same on any date."""
    found = rule(code)
    doc = rule_doc(found)
    for example in doc.examples:
        findings = example_findings(found, example)
        messages = [f.message for f in findings]
        assert bool(findings) is example.fails, f"{code}: {example.fragment}{messages}"
        assert all(has_a_shape(message, doc.messages) for message in messages), messages
        if example.as_of is None:
            for day in (dt.date(2000, 1, 1), dt.date(2100, 1, 1)):
                assert [f.message for f in example_findings(found, example, day)] == messages


@pytest.mark.parametrize("code", sorted(set(CODES) - NOT_WAIVABLE))
def test_the_waiver_a_page_shows_silences_its_failing_examples_findings(code: str) -> None:
    """Every finding of the example it is for, and the page says which
    example that is where there are several."""
    found = rule(code)
    waiving = rule_page(found).split("## Waiving", 1)[1]
    waiver = waiving.split("```yaml\n", 1)[1].split("```", 1)[0]
    failing = [e for e in rule_doc(found).examples if e.fails]
    waived = replace(failing[0], fragment=f"{failing[0].fragment}\n{waiver}")
    assert example_findings(found, failing[0])
    assert example_findings(found, waived) == []
    assert ("first failing example" in waiving) is (len(failing) > 1)


def test_an_example_is_read_with_its_settings() -> None:
    """OWN006's failing example has 3 Responsibles: too many only with
    `max_responsible = 2`, as its heading says."""
    found = rule("OWN006")
    failing = next(e for e in rule_doc(found).examples if e.fails)
    assert failing.params == {"max_responsible": 2}
    assert example_findings(found, failing)
    assert not example_findings(found, replace(failing, params={}))
    dated = next(e for e in rule_doc(rule("BOD003")).examples if e.fails)
    assert dated.as_of == dt.date(2026, 11, 1)
    assert "org: {name: Example, as_of: 2026-11-01}" in dated.model_text


def test_a_message_shape_marks_what_varies_and_what_may_be_absent() -> None:
    shape = "{body} has {count} members (more than {max})[; it is taken to meet]"
    assert message_pattern(shape).fullmatch("Body sg 'S' has 3 members (more than 2)")
    assert message_pattern(shape).fullmatch("Body sg 'S' has 3 members (more than 2); "
                                            "it is taken to meet")
    assert not message_pattern(shape).fullmatch("Body sg 'S' has 3 members")
    assert not has_a_shape("Goal g 'G' has 2 Accountables: a, b",
                           ("{item} has no Accountable",))


GOOD_DOC = """A body that is odd.

More words on what it finds.

Why it matters: oddness
slows execution.

How to fix: make it even.

Parameters:
- `max_odd`: the most oddness
  a body may have.

Reading: one reading.

Waiving: say why.

Message:

    {body} is odd[ ({count}
      times)]

Failing (max_odd = 2, as of 2026-11-01):

    bodies:
      - {id: b, name: B, kind: other}

Passing:

    bodies: []
"""


def declared(doc: str, scope: Scope = BODIES, **options: object) -> Rule:
    def check(analysis: Analysis, params: RuleParams, subjects: Iterable[str]) -> Iterator[Problem]:
        yield from ()

    check.__doc__ = doc
    return lint_rule("TST001", "odd-body", "tests", "info", scope, uses_assignments=False,
                     **options)(check)  # type: ignore[arg-type]


def test_a_docstring_is_parsed_into_its_parts() -> None:
    doc = parse_rule_doc(declared(GOOD_DOC, params={"max_odd": 1}))
    assert (doc.summary, doc.description) == ("A body that is odd.", "More words on what it finds.")
    assert (doc.why, doc.fix, doc.reading) == ("Oddness slows execution.", "Make it even.",
                                               "One reading.")
    assert doc.looks_at == "Each body; each finding is about one of them, its only target."
    assert [(p.name, p.default, p.allowed, p.meaning) for p in doc.parameters] == [
        ("max_odd", 1, "a whole number (at least 0)", "the most oddness a body may have.")]
    assert doc.messages == ("{body} is odd[ ({count} times)]",)
    assert doc.waiving.endswith("expires` date.\n\nSay why.")
    failing, passing = doc.examples
    assert (failing.fails, failing.params, failing.as_of) == (True, {"max_odd": 2},
                                                              dt.date(2026, 11, 1))
    assert yaml.safe_load(failing.model_text) == {
        "raci": 1, "org": {"name": "Example", "as_of": dt.date(2026, 11, 1)},
        "bodies": [{"id": "b", "name": "B", "kind": "other"}]}
    assert (passing.fails, passing.model_text) == (False, "raci: 1\norg: {name: Example}\n"
                                                          "bodies: []\n")
    unwaivable = parse_rule_doc(declared(GOOD_DOC, params={"max_odd": 1}, waivable=False))
    assert unwaivable.waiving.startswith("TST001 cannot be waived")


@pytest.mark.parametrize(("change", "said"), [
    (("Message:\n\n    {body} is odd\n\n", ""), "no Message section"),
    (("How to fix: make it even.\n\n", ""), "no How to fix section"),
    (("Passing:\n\n    bodies: []\n", ""), "no Passing section"),
    (("Reading: one reading.\n\nWaiving: say why.", "Waiving: say why.\n\nReading: one."),
     "sections out of order or repeated"),
    (("How to fix: make it even.", "How to fix: make it even.\n\nHow to fix: again."),
     "sections out of order or repeated"),
    (("- `max_odd`", "- `max_even`"), "the Parameters section names ['max_even']"),
    (("- `max_odd`: the", "max_odd: the"), "a parameter is listed as - `name`: what it sets"),
    (("Passing:\n\n    bodies: []", "Passing: bodies: []"), "a Passing example is an indented"),
    (("Reading: one", "Reading (as of 2026-11-01): one"), "only examples take settings"),
    (("max_odd = 2,", "max_even = 2,"), "an example sets 'max_even', which is not one"),
    (("max_odd = 2,", "max_odd: 2,"), "an example's settings are `name = value`"),
])
def test_a_docstring_out_of_shape_is_refused(change: tuple[str, str], said: str) -> None:
    doc = GOOD_DOC.replace("[ ({count}\n      times)]", "").replace(*change)
    with pytest.raises(RuleDocError, match=said.replace("[", r"\[").replace("(", r"\(")):
        parse_rule_doc(declared(doc, params={"max_odd": 1}))


def test_a_rule_of_the_whole_model_says_what_it_looks_at() -> None:
    with pytest.raises(RuleDocError, match="no Looks at section"):
        parse_rule_doc(declared(GOOD_DOC, WHOLE_MODEL, params={"max_odd": 1}))
    said = GOOD_DOC.replace("Why it matters:", "Looks at: every pair of bodies.\n\nWhy it matters:")
    assert parse_rule_doc(declared(said, WHOLE_MODEL, params={"max_odd": 1})).looks_at == \
        "Every pair of bodies."


def test_the_pages_and_the_index_are_current() -> None:
    stale = [str(path.relative_to(ROOT)) for path in stale_files(generated_files(ROOT), ROOT)]
    assert not stale, f"stale: {', '.join(stale)}; run python -m raci.lint.docs --write"


def test_writing_the_docs_brings_a_stale_copy_up_to_date(tmp_path: Path) -> None:
    (tmp_path / PAGES).mkdir(parents=True)
    gone = tmp_path / PAGES / "OLD001.md"
    gone.write_text("a rule that is no more\n", encoding="utf-8")
    (tmp_path / PAGES / "index.md").write_text("| old | table |\n", encoding="utf-8")
    assert gone in stale_files(generated_files(tmp_path), tmp_path)
    written = write_docs(tmp_path)
    assert gone in written and not gone.exists()
    assert stale_files(generated_files(tmp_path), tmp_path) == []
    index = (tmp_path / PAGES / "index.md").read_text(encoding="utf-8")
    assert "| old | table |" not in index
    assert "| [OWN001](OWN001.md) | ownership.unowned-item | error |  | A goal" in index
    assert "| [BOD001](BOD001.md) | bodies.redundant-bodies | warning | " \
           "`min_overlap = 0.6`, `min_members = 3` |" in index
    page = tmp_path / PAGES / "OWN001.md"
    page.write_text("edited by hand\n", encoding="utf-8")
    assert stale_files(generated_files(tmp_path), tmp_path) == [page]


def page_examples(page: str) -> Iterator[tuple[str, str | None, str, list[str]]]:
    """Each example of a rule's page: its model, its `raci.toml` (None where
    it shows none), the command it names and the lines that command is said
    to print."""
    for example in page.split("\n### ")[1:]:
        model = example.split("```yaml\n", 1)[1].split("```", 1)[0]
        shown = example.split("```yaml", 1)[0].split("```toml\n", 1)
        settings = shown[1].split("```", 1)[0] if len(shown) == 2 else None
        command, said = re.search(r"^`(raci lint [^`]+)` finds(:|\s.*)$", example, re.M).groups()
        lines = example.split("```text\n", 1)[1].split("```", 1)[0].splitlines() \
            if said == ":" else []
        yield model, settings, command, lines


@pytest.mark.parametrize("code", CODES)
def test_each_examples_command_finds_what_its_page_shows(
    code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run as the page says, copied as it is (its model, and its `raci.toml`
    where it shows one, in a folder of their own), an example gives exactly
    the findings shown, and no other rule's (a failing example may break
    other rules too)."""
    page = (ROOT / "docs" / "rules" / f"{code}.md").read_text(encoding="utf-8")
    examples = list(page_examples(page))
    assert len(examples) >= 2
    for number, (model, settings, command, shown) in enumerate(examples):
        folder = tmp_path / str(number)
        folder.mkdir()
        monkeypatch.chdir(folder)
        (folder / "example.yaml").write_text(model, encoding="utf-8")
        if settings is not None:
            (folder / "raci.toml").write_text(settings, encoding="utf-8")
        _, out, _ = run_raci(capsys, *command.split()[1:])
        *found, count = out.splitlines()
        assert found == shown, command
        assert sum(map(int, re.findall(r"(\d+) (?:error|warning|info)", count))) == len(shown)


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules")
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(RULES)
    assert lines[0].split()[:3] == ["OWN001", "ownership.unowned-item", "error"]
    for group in ("waivers", "WAI"):
        code, out, _ = run_raci(capsys, "rules", group)
        assert code == 0 and [line[:6] for line in out.splitlines()] == ["WAI001", "WAI002"]


def test_rules_prefix_lists_the_rules_select_would_run(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules", "BOD0")
    assert code == 0
    assert [line[:6] for line in out.splitlines()] == [
        r.code for r in RULES if r.code.startswith("BOD0")]
    assert len(out.splitlines()) > 1


def test_rules_code_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules", "bod001")
    assert code == 0 and out == rule_page(rule("BOD001"))
    assert out.startswith("# BOD001 redundant-bodies\n\n`bodies.redundant-bodies` · "
                          "default level: warning · can be waived\n")
    for said in ("## What it looks at\n\nEvery pair of bodies, by their seat-holders",
                 "## Why it matters", "## How to fix",
                 "## Message\n\n```text\n{body} and {body} share {count} of {count} seat-holders",
                 "| `min_overlap` | `0.6` | a number (above 0 and at most 1) |",
                 "```toml\n[raci.rules.BOD001]\nlevel = \"warning\"  # error, warning, info or "
                 "off\nmin_overlap = 0.6\nmin_members = 3\n```",
                 "## Reading", "### Failing\n\n```yaml\nraci: 1\norg: {name: Example}\n",
                 "`raci lint --select BOD001 example.yaml` finds:\n\n```text\nexample.yaml:",
                 "BOD001 [warning] Body 'Programmaraad A' (pb-a) and body 'Stuurgroep A' (sg-a) "
                 "share 3 of 4 seat-holders (Jaccard 0.75)",
                 "### Passing", "`raci lint --select BOD001 example.yaml` finds nothing.",
                 "## Waiving", "  - rule: BOD001\n    target: [pb-a, sg-a]\n"):
        assert said in out, said
    code, out, _ = run_raci(capsys, "rules", "DAT001")
    assert "· cannot be waived" in out and "DAT001 cannot be waived" in out
    assert "- rule: DAT001" not in out


def test_rules_refuses_an_unknown_code(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_raci(capsys, "rules", "XYZ001")
    assert code == 2 and "no rule 'XYZ001'" in err
    code, _, err = run_raci(capsys, "rules", "OWN01", "--format", "json")
    assert (code, err) == (2, "raci: no rule 'OWN01'; did you mean 'OWN001'? `raci rules` "
                              "lists them\n")


def test_rules_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules", "--format", "json")
    document = json.loads(out)
    assert code == 0 and document["version"] == 1
    assert [r["code"] for r in document["rules"]] == CODES
    assert {r["code"] for r in document["rules"] if not r["waivable"]} == NOT_WAIVABLE
    code, out, _ = run_raci(capsys, "rules", "OWN006", "--format", "json")
    own006 = document["rules"][CODES.index("OWN006")]
    assert json.loads(out) == {"version": 1, "rules": [own006]}  # one rule, the same shape
    assert own006["parameters"] == [{"name": "max_responsible", "default": 3,
                                     "allowed": "a whole number (at least 0)",
                                     "meaning": "the most Responsibles an item may have."}]
    assert own006["messages"] == [
        "{item} has {count} Responsibles (more than {max_responsible}): {ids}"]
    assert own006["looks_at"].startswith("Each goal, initiative or decision;")
    failing = own006["examples"][0]
    assert (failing["fails"], failing["params"], failing["as_of"]) == (
        True, {"max_responsible": 2}, None)
    assert failing["configuration"] == "[raci.rules.OWN006]\nmax_responsible = 2"
    assert own006["examples"][0]["configuration"] in rule_page(rule("OWN006"))
    assert document["rules"][0]["examples"][0]["configuration"] == ""
    assert yaml.safe_load(failing["model"])["raci"] == 1
    code, out, _ = run_raci(capsys, "rules", "bodies", "--format", "json")
    bod002 = json.loads(out)["rules"][1]
    assert bod002["parameters"][0]["default"] == ["advisory_board"]
    assert bod002["parameters"][0]["allowed"].startswith("a list of: steering_group, ")


def test_the_facts_tables_are_the_facts_dat001_checks() -> None:
    """DAT001's documentation and docs/lint.md list each fact with the rules it turns off."""
    lint_page = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8")
    section = lint_page[lint_page.index("## Facts a source does not record"):]
    section = section[:section.index("\n## ")]
    description = rule_doc(rule("DAT001")).description
    doc_rows = [line for line in description.splitlines() if line.startswith("| ")][1:]
    assert [row.split(" | ")[0] for row in doc_rows] == [f"| {fact.name}" for fact in FACTS]
    for fact, doc_row in zip(FACTS, doc_rows, strict=True):
        (page_row,) = [line for line in section.splitlines()
                       if line.startswith(f"| `{fact.name}` |")]
        for row in (doc_row, page_row):
            assert row.endswith(f"| {', '.join(fact.rules)} |")
        assert set(fact.rules) <= {r.code for r in RULES}


def test_the_lint_page_shows_what_raci_rules_prints(capsys: pytest.CaptureFixture[str]) -> None:
    lint_page = (ROOT / "docs" / "lint.md").read_text(encoding="utf-8")
    block = lint_page[lint_page.index("```console\n$ raci rules OWN007\n"):]
    shown = block[len("```console\n$ raci rules OWN007\n"):block.index("…\n")]
    _, out, _ = run_raci(capsys, "rules", "OWN007")
    assert shown and out.startswith(shown)
