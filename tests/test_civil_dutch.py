"""Dutch as a Dutch civil servant writes it: one word for each thing
(docs/language.md), and none of the calques an acceptance reading found
("3 gedeeld", "achterlopende indicator", "### Uitzondering", "verwant",
"zuster" for a tree's sibling, "u" among the "je")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import Raci

from raci.i18n import LOCALE_DIR

SAMPLE = Path(__file__).parent.parent / "raci" / "sample_orgs" / "energietransitie.yaml"

REJECTED = {
    r"\bachterlopend": "naijlend: a lagging indicator is a 'naijlende indicator'",
    r"\bgedeeld \(": "say what is counted: '3 van 8 deelnemers'",
    r"\bverwant": "'ook betrokken' for a finding's related entities",
    r"\bzuster|\bvoorouder": "a tree's sibling is 'de volgende op hetzelfde niveau'",
    r"\bVolgende focus|\bVorige focus": "'Naar het volgende veld'",
    r"\bherstellingen\b": "'correcties'",
    r"(?<![\w'])[uU] (?!\w*:)|\buw\b": "the catalogue says 'je', not 'u'",
    r"\bneemt (geen|\{nargs\}) waarde": "an option 'krijgt' a value",
    r"\bmet uitzondering\b": "a waived finding is 'uitgezonderd'",
}


def translations(domain: str) -> list[tuple[str, str]]:
    with open(LOCALE_DIR / "nl" / "LC_MESSAGES" / f"{domain}.po", "rb") as file:
        catalogue = read_po(file)
    pairs = []
    for message in catalogue:
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            pairs += [(str(message.id), string) for string in strings]
    return pairs


@pytest.mark.parametrize("domain", ["raci", "rules"])
def test_no_translation_uses_a_word_set_aside(domain: str) -> None:
    found = [f"{text!r} ({advice})" for _, text in translations(domain)
             for pattern, advice in REJECTED.items() if re.search(pattern, text)]
    assert found == []


def test_the_overlap_between_bodies_says_what_is_shared(raci: Raci) -> None:
    dot = raci("diagram", SAMPLE, "--view", "bodies", "--format", "dot", "--lang", "nl").out
    assert "xlabel=<3 van 8 deelnemers>" in dot  # as BOD001 counts: 3 of 8 seat-holders
    assert "gedeelde deelnemers (een rol telt als haar rolhouders" in dot  # the key says whose


def test_a_lagging_indicator_is_naijlend_wherever_it_is_said(raci: Raci) -> None:
    dot = raci("diagram", SAMPLE, "--view", "goals", "--format", "dot", "--lang", "nl").out
    assert "naijlende indicator" in dot and "voorlopende indicator" in dot
    page = raci("rules", "STR004", "--lang", "nl").out
    assert "alleen naijlende indicatoren" in page and "Naijlende indicatoren melden" in page


def test_waived_findings_are_headed_uitgezonderd(raci: Raci, tmp_path: Path) -> None:
    model = tmp_path / "org.yaml"
    model.write_text("raci: 1\norg: {name: X}\ngoals:\n  - {id: g.a, name: A}\n"
                     "waivers:\n  - {rule: OWN001, target: g.a, reason: bewust}\n",
                     encoding="utf-8")
    markdown = raci("lint", model, "--select", "OWN001", "--format", "markdown",
                    "--lang", "nl").out
    assert "\n### Uitgezonderd\n" in markdown
    summary = raci("lint", model, "--select", "OWN001", "--lang", "nl").out
    assert "in 1 model (1 uitgezonderd)" in summary
    assert "met uitzondering" not in summary + markdown
    assert ", 1 uitgezonderd, in `" in markdown
