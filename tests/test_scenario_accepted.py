"""A finding a scenario waives is accepted, not resolved, in `raci scenario
show` and `compare`, as a review's minutes count it; and `compare` lists
each scenario's changes under its name, so that a long change does not push
the other scenario off the screen."""

from __future__ import annotations

import json
import time

import pytest
from conftest import Raci
from test_cli_review import review
from test_cli_scenarios import ok

REVIEW = f"review-{time.strftime('%Y-%m-%d')}"
REASON = ("De werkgroep levert de norm in april op en houdt dan op; tot die tijd blijft zij "
          "bewust bestaan, met dezelfde leden en dezelfde voorzitter als nu.")


@pytest.fixture
def reviewed(raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """vego.db with a review's scenario that fixes OWN004 and accepts BOD003,
    and an empty scenario `leeg` beside it."""
    answers = "\n".join(["1", "a", REASON, "2027-06-30", "q"]) + "\n"
    result = review(raci, monkeypatch, answers, vego, "--select", "OWN004,BOD003",
                    "--author", "eva", "-o", "minutes.md")
    assert result.code == 0, result
    ok(raci, "scenario", "new", vego, "leeg")
    return vego


def test_show_counts_a_waived_finding_accepted_not_resolved(raci: Raci, reviewed: str) -> None:
    shown = ok(raci, "scenario", "show", reviewed, REVIEW)
    resolved = shown[shown.index("Findings resolved"):shown.index("Findings accepted")]
    accepted = shown[shown.index("Findings accepted"):shown.index("Findings introduced")]
    assert "OWN004 [error] Role 'Programmadirecteur Netcongestie'" in resolved
    assert "BOD003" not in resolved
    assert accepted == ("Findings accepted (1):\n  BOD003 [error] Body 'Werkgroep "
                        "Isolatienormering' (wg-isolatienorm) is temporary and past its sunset "
                        "2026-06-30\n\n")
    document = json.loads(ok(raci, "scenario", "show", reviewed, REVIEW, "--format", "json"))
    assert [f["fingerprint"] for f in document["findings"]["accepted"]] == [
        "BOD003:wg-isolatienorm"]
    assert "BOD003:wg-isolatienorm" not in [f["fingerprint"]
                                            for f in document["findings"]["resolved"]]
    dutch = ok(raci, "scenario", "show", reviewed, REVIEW, "--lang", "nl")
    assert "Aanvaarde bevindingen (1):\n  BOD003 [fout]" in dutch


def test_compare_marks_a_waived_finding_accepted(raci: Raci, reviewed: str) -> None:
    compared = ("scenario", "compare", reviewed, REVIEW, "leeg")
    rows = ok(raci, *compared).splitlines()
    assert sorted(row.split()[:3] for row in rows if "BOD003 [" in row or "OWN004 [" in row) == [
        ["accepted", "kept", "BOD003"], ["resolved", "kept", "OWN004"]]
    dutch = ok(raci, *compared, "--lang", "nl").splitlines()
    assert [row.split()[:3] for row in dutch if "BOD003 [fout]" in row] == [
        ["aanvaard", "blijft", "BOD003"]]
    document = json.loads(ok(raci, *compared, "--format", "json"))
    assert [f["statuses"] for f in document["findings"]
            if f["fingerprint"] == "BOD003:wg-isolatienorm"] == [
        {REVIEW: "accepted", "leeg": "kept"}]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_compare_lists_each_scenarios_changes_under_its_name(
        raci: Raci, reviewed: str, language: str) -> None:
    compared = ok(raci, "scenario", "compare", reviewed, REVIEW, "leeg", "--lang", language)
    changes = compared.split("\n\n")[1].splitlines()
    assert changes[1] == f"  {REVIEW}:"
    assert changes[2].startswith("    1. ") and changes[3].startswith("    2. ")
    assert changes[3].endswith(REASON)
    assert changes[4:] == ["  leeg:", "    " + ("none" if language == "en" else "geen")]
