"""The minutes of a review as a chair reads them: one count of the findings
decided (a skipped finding is not decided), in the app and the minutes
alike, and in Dutch the levels, dates and title in Dutch words."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from apphelp import loaded, said, until
from conftest import Raci
from textual.widgets import Static

from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen


async def test_a_skipped_finding_is_not_counted_as_decided_in_the_app_or_the_minutes(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
        await pilot.press("enter")  # the author offered
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen), "the first finding")
        await pilot.press("s")
        progress = app.screen.query_one("#review-progress", Static)
        await until(pilot, lambda: "finding 2 of 3" in str(progress.render()), "the second")
        assert "· 0 decided ·" in str(progress.render())
        await pilot.press("q")
        await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the end")
        assert any(line.startswith("0 decided; the minutes are in ") for line in said(app))
    minutes = (database.parent / f"org-review-{dt.date.today().isoformat()}.md").read_text()
    assert "0 of 3 findings decided, the largest first (the review ended early)." in minutes
    assert "| Skipped | " in minutes  # the table lists the skip, as a skip


def test_dutch_minutes_say_levels_dates_and_title_in_dutch(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("a\nTijdelijk\n2027-06-01\ns\nq\n"))
    done = raci("review", vego, "--author", "eva", "--apply", "-o", "verslag.md", "--lang", "nl")
    assert done.code == 0, done.err
    assert "[1/24] OWN004 [fout] Rol 'Programmadirecteur Netcongestie'" in done.out  # the walk too
    minutes = Path("verslag.md").read_text(encoding="utf-8")
    assert minutes.startswith("# Bespreking van ")
    assert "over 1 van 24 bevindingen besloten, de grootste eerst (de bespreking is eerder " \
           "beëindigd)." in minutes
    assert "[error]" not in minutes and "[warning]" not in minutes
    assert "| 1 | OWN004 fout: " in minutes and "| 2 | BOD003 fout: " in minutes
    assert "[fout]" not in minutes and "&gt;" not in minutes  # a level as a word, as on screen
    assert "| Overgeslagen | eva |" in minutes
    assert "1. uitzondering op OWN004 voor r.pd-netcongestie tot 1 juni 2027: Tijdelijk" \
           in minutes.splitlines()
    assert "2027-06-01" not in minutes


def test_a_waiver_added_in_a_form_during_the_review_is_accepted_in_the_minutes() -> None:
    """The minutes count a finding as `raci scenario show` does: waived now
    is accepted, however it came to be waived (review31a: a waiver made in
    the app's form while the finding was on the table was "resolved" in the
    minutes and "accepted" in the scenario)."""
    from dataclasses import replace

    from conftest import SAMPLE

    from raci.formats.files import read_model
    from raci.lint.review import Review, minutes_markdown
    from raci.lint.suggestions import Suggester
    from raci.model import Waiver

    model = read_model(SAMPLE).model
    review = Review(Suggester(model), "eva", "org.db", "the model")
    item = review.next_item()
    assert item is not None
    finding = item.finding
    waiver = Waiver(rule=finding.code, target=list(finding.targets), reason="Bewust.",
                    expires=None, author="eva")
    edited = replace(model, waivers=[*model.waivers, waiver])
    review.resume(Suggester(edited), item, [])
    minutes = minutes_markdown(review)
    assert "Resolved 0, accepted 1, introduced 0." in minutes
    accepted = minutes.split("Findings accepted")[1].split("\n#")[0]
    assert f"- {finding.code} " in accepted
