"""What a Dutch user reads in the handout, the diagrams and the app: a few
exact lines per area, so a wrong translation fails too (the walks in
`tests/test_untranslated_show.py` and `tests/test_untranslated_app.py` find
what was never translated)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from apphelp import (
    adding,
    field_error,
    fill,
    finding_detail,
    findings_tree,
    loaded,
    on_finding,
    until,
    waiving,
)
from conftest import SAMPLE, Raci
from textual.widgets import Input, Static

from raci.export.matrix import goal_area_matrices
from raci.export.page import Fit
from raci.export.split import _in_parts
from raci.export.views import sunset_line
from raci.formats.files import read_model
from raci.lint.review import date_or_none
from raci.model import Waiver
from raci.tui import make_app


def test_why_a_drawing_does_not_read(in_dutch: None) -> None:
    small = Fit(width=800, height=600, scale=0.5, smallest_text=6.66)
    assert small.problem() == "de tekst zou 6,7 pt worden, en leesbaar is pas vanaf 8 pt"
    strip = Fit(width=1000, height=250, scale=1, smallest_text=10)
    assert strip.problem() == "de tekening is 4,0 keer zo breed als hoog"


def test_the_parts_words_and_the_dates_a_diagram_shows(in_dutch: None) -> None:
    assert _in_parts([3]) == "in deel 3"
    assert _in_parts([2, 3, 4]) == "in delen 2, 3 en 4"
    assert sunset_line(dt.date(2027, 12, 31)) == "tijdelijk tot 31-12-2027"
    areas = goal_area_matrices(read_model(SAMPLE).model)
    assert areas[-1].name == "Buiten elk doelgebied"


def test_the_handout_in_dutch(raci: Raci, tmp_path: Path) -> None:
    markdown, page = tmp_path / "vego.md", tmp_path / "vego.html"
    for report in (markdown, page):
        done = raci("report", SAMPLE, "-o", report, "--lang", "nl")
        assert done.code == 0, done.err
    lines = markdown.read_text(encoding="utf-8").splitlines()
    assert "### BOD003 `expired-mandate` (1 × fout)" in lines  # a rule's name is an identifier
    headings = [line for line in lines if line.startswith("### De weergave")]
    assert headings == ["### De weergave gremia", "### De weergave doelen"]
    notes = [line for line in lines if line.startswith("*Op één A4-pagina")]
    assert len(notes) == 2 and all(re.fullmatch(
        r"\*Op één A4-pagina is de weergave (gremia|doelen) niet leesbaar: de tekst zou "
        r"\d,\d pt worden, en leesbaar is pas vanaf 8 pt\. Daarom is die in \d delen getekend; "
        r"een lijn naar iets in een ander deel eindigt in een gestippeld kader dat dat deel "
        r"noemt\.\*", note) for note in notes), notes
    parts = [line for line in lines if line.startswith("**Deel ")]
    assert re.fullmatch(r"\*\*Deel 1 van \d: .+ · vervolg in (deel \d|delen [\d, ]+ en \d)\*\*",
                        parts[0]), parts[0]
    html = page.read_text(encoding="utf-8")
    assert '<span class="level-error">BOD003</span> <code>expired-mandate</code>' in html
    assert '<html lang="nl">' in html
    assert '@bottom-right { content: "pagina " counter(page) " van " counter(pages); }' in html


async def test_a_findings_related_lines_in_dutch(body_owns_a_goal: Path,
                                                 in_dutch: None) -> None:
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        node = await on_finding(pilot, app, "OWN003")
        assert [str(child.label) for child in node.children] == [
            "→ ook betrokken: Klimaatdoelen gebouwde omgeving (g.klimaat)"]
        assert "over: Stuurgroep Warmte (sg-warmte)" in finding_detail(app)
        assert findings_tree(app).root.children


async def test_geen_is_no_date(body_owns_a_goal: Path, in_dutch: None) -> None:
    """The review's date questions and a waiver's expiry take the Dutch word."""
    assert date_or_none("geen") is None and date_or_none("none") is None
    assert date_or_none("2027-06-30") == dt.date(2027, 6, 30)
    async with make_app(body_owns_a_goal).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form = await waiving(pilot, app, "OWN003")
        expires = form.query_one("#waiver-expires", Input)
        assert expires.placeholder == "JJJJ-MM-DD, of geen"
        form.query_one("#waiver-reason", Input).value = "Bewust zo ingericht"
        expires.value = "geen"
        await pilot.pause()
        assert form.problems() == {}
        expires.value = "2001-01-01"
        await pilot.pause()
        assert str(form.query_one("#waiver-expires-error", Static).render()).startswith(
            "2001-01-01 is al voorbij (de peildatum van het model is ")
        expires.value = "geen"
        dismissed: list[Waiver | None] = []
        form.dismiss = dismissed.append  # type: ignore[method-assign,assignment]
        await pilot.press("ctrl+s")
        await until(pilot, lambda: dismissed, "the waiver")
        assert dismissed[0] is not None and dismissed[0].expires is None


async def test_a_forms_problem_with_the_model_in_dutch(database: Path, in_dutch: None) -> None:
    """What the model file's checks say of a form's values (an unknown id, its
    near miss), in Dutch, beside the field."""
    async with make_app(database).run_test(size=(100, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "role")
        fill(form, id="r.nieuw", name="Nieuwe rol", holders="p.janssen")
        await until(pilot, lambda: "p.janssen" in field_error(form, "holders"),
                    "the holders' problem")
        assert field_error(form, "holders") == (
            "rol r.nieuw: rolhouder 'p.janssen' bestaat niet (verwacht: een persoon); "
            "bedoel je 'p.jansen'?")
