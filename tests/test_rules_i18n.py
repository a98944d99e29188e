"""The rules in Dutch: every rule's documentation and every finding's message
translated (domain ``rules``), while JSON and SARIF stay English."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from test_lint_support import has_a_shape, run_raci
from test_rules import load_cases, model_source

from raci.i18n import set_language
from raci.lint import RULES, LintConfig, lint_model, rule
from raci.lint.catalogue import compile_catalogue, read_catalogue, texts, untranslated
from raci.lint.docs import rule_page
from raci.lint.findings import Finding
from raci.lint.message import Joined, Named, localized, markdown_said, said, said_n, speaker
from raci.lint.output import (
    RENDERERS,
    escape_data,
    text_line,
    to_json,
    to_sarif,
)
from raci.lint.ruledoc import paragraphs, rule_doc
from raci.lint.run import config_for
from raci.linting import run_lint
from raci.text import one_line

SAMPLES = sorted((Path(__file__).parents[1] / "sample_orgs").glob("*.yaml"))
AS_OF = dt.date(2026, 11, 1)

compile_catalogue("nl")  # until the install step compiles it; before any test reads it


@pytest.fixture
def dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")


def case_findings(code: str, case: dict[str, object]) -> list[Finding]:
    params = {**case.get("other_params", {}),  # type: ignore[dict-item]
              **({code: case["params"]} if "params" in case else {})}
    config = LintConfig(params=params, as_of=case.get("as_of"))  # type: ignore[arg-type]
    return [f for f in lint_model(model_source(case), config) if f.code == code]


# ---- the catalogue ------------------------------------------------------------


def test_the_dutch_catalogue_translates_every_text_of_every_rule() -> None:
    assert list(untranslated(read_catalogue("nl"), texts())) == []


def test_a_missing_or_misfilled_translation_is_named() -> None:
    wanted = texts()
    catalog = read_catalogue("nl")
    for msgid, msgstr in (("{body} has no chair", "{gremium} heeft geen voorzitter"),
                          (rule_doc(rule("BOD007"), english=True).why, "")):
        found = catalog.get(msgid)
        assert found is not None
        found.string = msgstr
    catalog.delete(rule_doc(rule("BOD009"), english=True).fix)
    catalog.add("A text no rule says any more", "Een tekst die geen regel meer zegt")
    problems = list(untranslated(catalog, wanted))
    assert problems == [
        "not translated: 'Without a chair nobody sets the agenda, closes the discussion or "
        "carries the decision out of the room.'",
        "placeholders differ: '{body} has no chair' fills ['body'], its translation ['gremium']",
        "not translated: 'List its `members`, or remove the body.'",
        "no longer used: 'A text no rule says any more'"]


def test_every_template_said_in_the_rules_is_in_the_catalogue() -> None:
    wanted = texts()
    for source in (Path(__file__).parents[1] / "raci" / "lint").rglob("*.py"):
        for found in re.finditer(r'\bsaid\(\s*"([^"]*)"\s*[,)]', source.read_text()):
            assert wanted.get(found[1]) is not None, f"{source.name}: {found[1]!r}"


PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
MESSAGE_BLOCK = re.compile(r"^## [^\n]+\n\n```text\n(.*?)\n```", re.M | re.S)


def test_a_shape_keeps_its_placeholders_and_its_optional_parts(dutch: None) -> None:
    for r in RULES:
        english, translated = rule_doc(r, english=True), rule_doc(r)
        for shape, vorm in zip(english.messages, translated.messages, strict=True):
            assert sorted(PLACEHOLDER.findall(shape)) == sorted(PLACEHOLDER.findall(vorm)), \
                (shape, vorm)
            assert (shape.count("["), shape.count("]")) == (vorm.count("["), vorm.count("]"))


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_a_dutch_rule_page_names_what_varies_as_the_english_page_does(code: str) -> None:
    """One convention on every page: each `{…}` of a message keeps its
    English name, as the templates the code fills (many shapes are one)
    must, never `{body}` beside `{gremium of rol}`."""
    english = MESSAGE_BLOCK.search(rule_page(rule(code)))
    set_language("nl")
    dutch = MESSAGE_BLOCK.search(rule_page(rule(code)))
    set_language("en")
    assert english is not None and dutch is not None
    assert sorted(PLACEHOLDER.findall(dutch[1])) == sorted(PLACEHOLDER.findall(english[1]))
    assert dutch[1] != english[1]


# ---- the documentation -------------------------------------------------------


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_every_paragraph_of_a_rules_documentation_is_dutch(code: str, dutch: None) -> None:
    english, dutch_doc = rule_doc(rule(code), english=True), rule_doc(rule(code))
    for section in ("description", "looks_at", "why", "fix", "suggested", "reading", "waiving"):
        before = paragraphs(getattr(english, section))
        after = paragraphs(getattr(dutch_doc, section))
        assert len(before) == len(after)
        for paragraph, alinea in zip(before, after, strict=True):
            assert alinea and alinea != paragraph, f"{code} {section}: {paragraph!r}"
    assert dutch_doc.summary != english.summary
    for parameter, parameter_nl in zip(english.parameters, dutch_doc.parameters, strict=True):
        assert parameter_nl.meaning and parameter_nl.meaning != parameter.meaning
        assert parameter_nl.allowed != parameter.allowed
    assert all(nl != en for en, nl in zip(english.messages, dutch_doc.messages, strict=True))
    assert dutch_doc.examples == english.examples


def test_raci_rules_prints_the_page_in_dutch_and_the_generated_page_stays_english(
        dutch: None) -> None:
    page = rule_page(rule("BOD007"))
    assert "## Waarom het ertoe doet" in page
    assert "Zonder voorzitter zet niemand de agenda" in page
    assert "Gremium 'Stuurgroep' (sg) heeft geen voorzitter (sg)" in page
    assert "reason: Waarom de zwakte wordt aanvaard, en tot wanneer" in page
    english_words = ("## Why it matters", "## How to fix", "## Message", "## Examples",
                     "## Waiving", "## Configuration", "finds:", "has no chair")
    assert not [words for words in english_words if words in page]
    set_language("en")
    generated = (Path(__file__).parents[1] / "docs" / "rules" / "BOD007.md").read_text()
    assert rule_page(rule("BOD007")) in generated


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_a_dutch_pages_examples_name_their_org_in_dutch(code: str, dutch: None) -> None:
    """The org's name is text a person writes, said in the reader's language;
    the keys are the file format and stay."""
    page = rule_page(rule(code))
    models = re.findall(r"```yaml\n(.*?)```", page, re.S)[:-1 if rule(code).waivable else None]
    assert models and all("org: {name: Voorbeeld" in model for model in models)
    assert "Example" not in page


def test_json_of_the_rules_stays_english(dutch: None) -> None:
    from raci.lint.docs import rules_json

    assert '"why": "Without a chair nobody sets the agenda' in rules_json([rule("BOD007")])


# ---- the messages ------------------------------------------------------------


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_every_finding_of_the_rule_cases_is_said_in_dutch(code: str, case: dict[str, object],
                                                          dutch: None) -> None:
    shapes = rule_doc(rule(code)).messages
    for finding in case_findings(code, case):
        message = localized(finding.message)
        assert message != finding.message, f"still English: {message!r}"
        assert has_a_shape(message, shapes), f"{message!r} has none of the shapes {shapes}"
        assert "Accountable" not in message and "Responsible" not in message, message


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_a_samples_text_output_is_dutch_and_its_json_and_sarif_english(sample: Path) -> None:
    run = run_lint([str(sample)], config_for([str(sample)], None, as_of=AS_OF))
    english = {name: render(run, RULES) for name, render in RENDERERS.items()}
    said_in_english = {f.message: localized(f.message) for f in run.findings if not f.waived}
    markdown_in_english = {m: markdown_said(m) for m in said_in_english}
    set_language("nl")
    try:
        dutch_output = {name: render(run, RULES) for name, render in RENDERERS.items()}
        said_in_dutch = {f.message: localized(f.message) for f in run.findings if not f.waived}
        markdown_in_dutch = {m: markdown_said(m) for m in said_in_dutch}
    finally:
        set_language("en")
    assert dutch_output["json"] == english["json"]
    assert dutch_output["sarif"] == english["sarif"]
    shown = {"text": one_line, "github": escape_data}
    for message, dutch_message in said_in_dutch.items():
        for fmt, show in shown.items():
            english_message = message if fmt == "github" else said_in_english[message]
            assert show(english_message) in english[fmt]
            assert show(dutch_message) in dutch_output[fmt]
            assert show(english_message) not in dutch_output[fmt], \
                f"still English in {fmt}: {english_message!r}"
        assert markdown_in_english[message] in english["markdown"]
        assert markdown_in_dutch[message] in dutch_output["markdown"]
        assert markdown_in_english[message] not in dutch_output["markdown"], \
            f"still English in markdown: {markdown_in_english[message]!r}"


def test_english_text_keeps_the_message_as_it_always_was_and_people_read_names_first() -> None:
    findings = case_findings("BOD003", {"model": {"bodies": [
        {"id": "tf-x", "name": "Taskforce X", "kind": "taskforce", "sunset": "2026-06-30"}]}})
    (finding,) = findings
    assert finding.message == "Body tf-x 'Taskforce X' is temporary and past its sunset 2026-06-30"
    assert localized(finding.message) == \
        "Body 'Taskforce X' (tf-x) is temporary and past its sunset 2026-06-30"
    assert text_line(finding).endswith(
        ": BOD003 [error] Body 'Taskforce X' (tf-x) is temporary and past its sunset "
        "2026-06-30 (tf-x)")


def test_dutch_says_dates_in_words_numbers_with_a_decimal_comma_and_counts_in_form(
        dutch: None) -> None:
    (expired,) = case_findings("BOD003", {"model": {"bodies": [
        {"id": "tf-x", "name": "Taskforce X", "kind": "taskforce", "sunset": "2026-06-30"}]}})
    assert localized(expired.message) == \
        "Gremium 'Taskforce X' (tf-x) is tijdelijk en de einddatum (30 juni 2026) is verstreken"
    one_member = {"params": {"max_members": 0}, "model": {
        "people": [{"id": "p.a", "name": "A"}],
        "bodies": [{"id": "sg", "name": "SG", "kind": "steering_group", "chair": "p.a",
                    "members": ["p.a"], "meets_every_days": 14}]}}
    (oversized,) = case_findings("BOD008", one_member)
    assert localized(oversized.message) == "Gremium 'SG' (sg) heeft 1 lid (meer dan 0)"
    counted = said("{body} is the Accountable of {items}", body="sg", items=said(
        "{items} and {last}", items=Joined([said_n("{count} goal", "{count} goals", 2, count=2)]),
        last=said_n("{count} initiative", "{count} initiatives", 1, count=1)))
    assert counted == "sg is the Accountable of 2 goals and 1 initiative"
    assert localized(counted) == "sg is eindverantwoordelijk (A) voor 2 doelen en 1 initiatief"
    share = said("{first} and {second} share {shared} of {union} seat-holders "
                 "(Jaccard {jaccard:.2f})", first="a", second="b", shared=3, union=4,
                 jaccard=0.75)
    assert localized(share) == "a en b delen 3 van 4 deelnemers (Jaccard 0,75)"


def test_an_initiative_within_one_unit_crosses_1_unit(dutch: None) -> None:
    """SIL001 at its least `min_units`, 1: one unit said in the singular."""
    (crossing,) = case_findings("SIL001", {"params": {"min_units": 1}, "model": {
        "units": [{"id": "u1", "name": "U1"}],
        "people": [{"id": "p0", "name": "P0"}, {"id": "p1", "name": "P1", "unit": "u1"}],
        "initiatives": [{"id": "i.x", "name": "X", "raci": {"A": "p0", "R": ["p1"]}}]}})
    assert crossing.message == ("Initiative i.x 'X' crosses 1 unit with no body where they all "
                                "meet: u1")
    assert localized(crossing.message) == ("Initiatief 'X' (i.x) loopt door 1 onderdeel heen dat "
                                           "in geen enkel gremium zit: U1 (u1)")


OLD_TASKFORCE = """\
raci: 1
org: {name: Voorbeeld, as_of: 2026-11-01}
bodies:
  - {id: tf-x, name: Taskforce X, kind: taskforce, established: 2018-12-03}
"""
"""A taskforce 2,890 days old on its as-of date, with no sunset (BOD004)."""


@pytest.mark.parametrize(("language", "fmt", "said_days"), [
    ("nl", "text", "bestaat al 2.890 dagen"), ("nl", "markdown", "bestaat al 2.890 dagen"),
    ("nl", "github", "bestaat al 2.890 dagen"),
    ("en", "text", "and 2,890 days old"), ("en", "markdown", "and 2,890 days old"),
    ("en", "github", "and 2890 days old"), ("nl", "json", "and 2890 days old"),
    ("nl", "sarif", "and 2890 days old"), ("en", "json", "and 2890 days old")])
def test_a_whole_number_in_a_message_is_grouped_where_people_read_it(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str, fmt: str,
        said_days: str) -> None:
    """Text and Markdown (and GitHub annotations in Dutch, said for people)
    group the thousands as the language writes them; JSON, SARIF and
    English annotations keep the message's English text as it always was."""
    model = tmp_path / "org.yaml"
    model.write_text(OLD_TASKFORCE, encoding="utf-8")
    try:
        code, out, _ = run_raci(capsys, "--lang", language, "lint", model, "--format", fmt,
                                "--select", "BOD004")
    finally:
        set_language("en")
    assert code == 1
    assert said_days in out
    assert re.search(r"\b2[.,]?890\b", out.replace(said_days, "")) is None


def test_a_message_copied_or_pickled_can_still_be_said_in_dutch(dutch: None) -> None:
    message = said("{item} has {count} Accountables: {ids}", item=Named("sg", "SG", "body"),
                   count=2, ids=Joined([Named("dg", "DG Klimaat"), Named("x")]))
    for again in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert again == "Body sg 'SG' has 2 Accountables: dg, x"
        assert localized(again) == \
            "Gremium 'SG' (sg) heeft 2 eindverantwoordelijken (A): DG Klimaat (dg), x"


def test_a_message_read_back_from_json_is_shown_as_it_is(dutch: None) -> None:
    assert localized("Body sg 'SG' has no chair") == "Body sg 'SG' has no chair"


def test_json_and_sarif_keep_the_english_message(dutch: None) -> None:
    sample = str(SAMPLES[0])
    run = run_lint([sample], config_for([sample], None, as_of=AS_OF))
    assert "is temporary and past its sunset" in to_json(run, RULES).decode()
    assert "is temporary and past its sunset" in to_sarif(run, RULES)
    assert "Why it matters:" in to_sarif(run, RULES)


def test_an_empty_catalogue_reports_every_text() -> None:
    wanted = texts()
    problems = list(untranslated(Catalog(locale="nl"), wanted))
    assert len(problems) == len([m for m in wanted if m.id])


def test_the_report_shows_the_findings_in_dutch(tmp_path: Path, dutch: None) -> None:
    from raci.export.report import rule_help, write_report
    from raci.source import open_model

    small = Path(__file__).parent / "data" / "files" / "warmte.yaml"  # its handout in a second
    source = open_model(str(small))
    findings = lint_model(source, LintConfig(as_of=AS_OF))
    handout = tmp_path / "review.md"
    write_report(source, handout, findings, {r.code: rule_help(r) for r in RULES})
    text = handout.read_text(encoding="utf-8")
    assert "is tijdelijk en de einddatum (30 juni 2026) is verstreken" in text
    assert "is temporary and past its sunset" not in text


def test_raci_rules_lists_and_explains_the_rules_in_dutch(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, dutch: None) -> None:
    monkeypatch.setenv("RACI_LANG", "nl")
    _, listed, _ = run_raci(capsys, "rules")
    assert "BOD007  bodies.chairless-body" in listed and "Een gremium zonder voorzitter." in listed
    assert "A body with no chair." not in listed
    _, page, _ = run_raci(capsys, "rules", "BOD007")
    assert "## Waarom het ertoe doet" in page
    _, data, _ = run_raci(capsys, "rules", "BOD007", "--format", "json")
    assert '"summary": "A body with no chair."' in data


@pytest.mark.parametrize("language", ["en", "nl"])
def test_an_entity_is_said_name_first_its_kind_capitalised_only_where_a_sentence_starts(
        language: str) -> None:
    pair = said("{first} and {second} share {shared} of {union} seat-holders "
                "(Jaccard {jaccard:.2f})", first=Named("sg", "Stuurgroep", "body"),
                second=Named("pb", "Programmaraad", "body"), shared=3, union=4, jaccard=0.75)
    nameless = said("{item} has {count} Accountables: {ids}", item=Named("g.x", "g.x", "goal"),
                    count=3, ids=Joined([Named("dg", "DG Klimaat"), Named("r.x", ""),
                                         Named("r.y", "r.y")]))
    plain = said("{body} has no chair", body="sg")
    said_for_people = {
        "en": ["Body 'Stuurgroep' (sg) and body 'Programmaraad' (pb) share 3 of 4 seat-holders "
               "(Jaccard 0.75)", "Goal g.x has 3 Accountables: DG Klimaat (dg), r.x, r.y",
               "sg has no chair"],
        "nl": ["Gremium 'Stuurgroep' (sg) en gremium 'Programmaraad' (pb) delen 3 van 4 "
               "deelnemers (Jaccard 0,75)",
               "Doel g.x heeft 3 eindverantwoordelijken (A): DG Klimaat (dg), r.x, r.y",
               "sg heeft geen voorzitter"]}
    set_language(language)
    try:
        assert [localized(m) for m in (pair, nameless, plain)] == said_for_people[language]
        say = speaker()  # what an output of many findings says them with
        assert [say(m) for m in (pair, nameless, plain, "as read from JSON")] == [
            *said_for_people[language], "as read from JSON"]
    finally:
        set_language("en")
    assert [str(m) for m in (pair, nameless, plain)] == [
        "Body sg 'Stuurgroep' and Body pb 'Programmaraad' share 3 of 4 seat-holders "
        "(Jaccard 0.75)", "Goal g.x 'g.x' has 3 Accountables: dg, r.x, r.y", "sg has no chair"]


@pytest.mark.parametrize(("language", "word"), [("en", "sunset"), ("nl", "einddatum")])
@pytest.mark.parametrize("code", ["BOD003", "BOD004"])
def test_the_end_date_is_said_in_words_where_people_read_the_rule(
        code: str, language: str, word: str) -> None:
    """The app shows a rule's summary and fix as they are: a field there is a
    word of the language, not the file's key in backticks."""
    set_language(language)
    doc = rule_doc(rule(code))
    assert "`sunset`" not in doc.summary + doc.fix
    assert word in doc.summary and word in doc.fix
