"""`raci report -o x.pdf`: the handout printed by real Chromium on A4.

The PDF is checked with pypdf (page sizes, the size each text prints at)
and poppler's tools (where each part starts, the page numbers), and its
pages are rendered to PNG (no diagram's page mostly empty); the layout is
measured in Chromium itself, with the print style sheet at the width of A4
between the margins: no table or drawing may end beyond the page, and no
text on the first page or in the tables may print below 8 pt.
"""

from __future__ import annotations

import math
import re
import subprocess
from pathlib import Path

import pytest
from browser import A4_TEXT_WIDTH_PX, PrintedPage, require_chromium, require_program
from conftest import SAMPLE, Raci
from PIL import Image
from pypdf import PageObject, PdfReader

from raci.cli import main
from raci.export.charts import first_page_charts
from raci.export.report import ReportContent, rule_help
from raci.export.report_diagrams import MOST_PARTS
from raci.export.report_html import write_pdf
from raci.i18n import set_language
from raci.lint import RULES, lint_model
from raci.source import open_model

A4 = (595, 842)
PT_PER_PX = 0.75
LONG_ACTOR = "Programmadirecteur" + "Warmtetransitieenisolatieprogramma" * 3
LONG_ITEM = "Wijkuitvoeringsplannen" * 8


def wide_model() -> str:
    """A goal area with 32 actors (three printed tables), names that cannot be
    broken at a space, and an org name that would end a style element."""
    roles = [f"  - {{id: r{n}, name: Coördinator wijk {n}, holders: [p{n % 6}]}}"
             for n in range(31)]
    roles.append(f"  - {{id: r-long, name: {LONG_ACTOR}, holders: [p0]}}")
    cells = ", ".join(f"r{n}" for n in range(31))
    return "\n".join([
        "raci: 1",
        'org: {name: "Wijken \\"breed\\" </style><b>x</b> & co"}',
        "people:",
        *(f"  - {{id: p{n}, name: Persoon {n}}}" for n in range(6)),
        "roles:", *roles,
        "bodies:",
        "  - {id: b1, name: Stuurgroep Wijken, kind: steering_group, members: [r0, r1, r2, r3]}",
        "  - {id: b2, name: Overleg Wijken, kind: committee, members: [r0, r1, r2, r4]}",
        "goals:",
        f"  - {{id: g, name: {LONG_ITEM}, raci: {{A: r-long, I: [{cells}]}}}}",
        "  - {id: g2, name: Tweede doel, parent: g, raci: {A: r1}}",
        "initiatives:",
        "  - {id: i1, name: Aanpak, goals: [g2], raci: {A: r2, R: [r3]}}",
        "",
    ])


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The energietransitie sample printed once by `raci report` (in this
    process: the worker's Graphviz layouts of the sample are drawn once)."""
    require_chromium()
    pdf = tmp_path_factory.mktemp("pdf") / "review.pdf"
    with pytest.raises(SystemExit) as stopped:
        main(["report", str(SAMPLE), "-o", str(pdf)])
    assert not stopped.value.code
    return pdf


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    return [(round(float(page.mediabox.width)), round(float(page.mediabox.height)))
            for page in PdfReader(pdf).pages]


def page_texts(pdf: Path) -> list[str]:
    done = subprocess.run([require_program("pdftotext"), "-layout", str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return done.stdout.split("\f")[:-1]


def test_the_pdf_is_a4_with_each_part_starting_a_page(printed: Path) -> None:
    sizes = page_sizes(printed)
    texts = page_texts(printed)
    assert len(sizes) == len(texts) >= 6
    assert all(size in (A4, A4[::-1]) for size in sizes), sizes
    first = texts[0]
    for chart in ("Findings per rule group", "Goals by coverage", "The busiest people",
                  "Bodies that overlap most", "Hanneke Brouwer", "Ownership"):
        assert chart in first
    starts = {title: [number for number, text in enumerate(texts)
                      if text.strip().startswith(title)]
              for title in ("Summary", "Findings by rule", "RACI matrix per goal area",
                            "Diagram: the bodies view", "Diagram: the goals view")}
    assert all(len(pages) == 1 for pages in starts.values()), starts
    assert [pages[0] for pages in starts.values()] == sorted(p[0] for p in starts.values())
    # Neither view reads on one A4 page: each is split into parts drawn for a
    # landscape page, each part on one page, whole: a page of a diagram begins
    # with its heading or with a drawing's title, never with the rest of a drawing.
    diagram_pages = range(starts["Diagram: the bodies view"][0], len(texts))
    assert all(sizes[number] == A4[::-1] for number in diagram_pages)
    for number in diagram_pages:
        first_line = texts[number].strip().splitlines()[0].strip()
        assert first_line.startswith(("Diagram: the ", "Programma Versnelling")), first_line
    goals = starts["Diagram: the goals view"][0]
    for view, view_pages in (("bodies", range(diagram_pages[0], goals)),
                             ("goals", range(goals, len(texts)))):
        shown = " ".join(" ".join(texts[number].split()) for number in view_pages)
        count = int(re.search(rf"the {view} view is drawn in (\d+) parts", shown)
                    .group(1))  # type: ignore[union-attr]
        assert 1 < count <= MOST_PARTS
        titled = [[number for number in view_pages if re.search(
            rf"\bPart {part} of {count}: ", " ".join(texts[number].split()))]
            for part in range(1, count + 1)]
        assert all(len(pages) == 1 for pages in titled), titled  # each part once
        assert [pages[0] for pages in titled] == sorted(pages[0] for pages in titled)
    for number, text in enumerate(texts, start=1):  # the footer: the org, the page number
        assert re.search(rf"Programma Versnelling Energietransitie .* page {number} of "
                         rf"{len(texts)}\n", text), text[-300:]


def test_no_text_prints_below_8_pt_on_any_page(printed: Path) -> None:
    """Read from the PDF itself: each piece of text's font size times the scale
    it is drawn at, the diagrams' labels on their landscape pages included."""
    for number, page in enumerate(PdfReader(printed).pages, start=1):
        sizes = printed_sizes(page)
        assert len(sizes) > 5, number
        assert min(sizes)[0] >= 8 - 0.01, (number, min(sizes))


def printed_sizes(page: PageObject) -> list[tuple[float, str]]:
    """Each piece of text on the page with the size it prints at: its font size
    times the height of its text matrix and of the page's matrix."""
    sizes: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            column = (tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            sizes.append((size * math.hypot(*column), text.strip()))
    page.extract_text(visitor_text=visit)
    return sizes


def test_the_pdf_pages_render_with_the_charts_on_the_first(printed: Path) -> None:
    """Pages as pictures (kept beside the PDF to look at): the first is mostly
    charts, so it carries far more ink than a page of text would."""
    pdftoppm = require_program("pdftoppm")
    subprocess.run([pdftoppm, "-r", "40", "-png", str(printed), str(printed.with_suffix(""))],
                   check=True)
    pictures = sorted(printed.parent.glob("review-*.png"))
    assert len(pictures) == len(page_sizes(printed))
    with Image.open(pictures[0]) as first:
        grey = first.convert("L")
        inked = sum(grey.histogram()[:200]) / (grey.width * grey.height)
    assert inked > 0.05
    # No page of a diagram is mostly empty: its drawings (above the foot) reach over
    # a quarter of the page at least (a part of one node would take a tenth).
    for picture in pictures:
        with Image.open(picture) as shown:
            if shown.width < shown.height:
                continue  # not a diagram's page
            grey = shown.convert("L").crop((0, 0, shown.width, round(shown.height * 0.93)))
            box = grey.point(lambda value: 255 if value < 200 else 0).getbbox()
            assert box is not None
            covered = (box[2] - box[0]) * (box[3] - box[1]) / (shown.width * shown.height)
            assert covered > 0.25, (picture.name, covered)


def test_no_table_or_drawing_ends_beyond_the_printed_page(raci: Raci, tmp_path: Path) -> None:
    model = tmp_path / "wijken.yaml"
    model.write_text(wide_model(), encoding="utf-8")
    page = tmp_path / "wijken.html"
    done = raci("report", model, "-o", page)
    assert done.code == 0, done.err
    browser = PrintedPage(page, tmp_path / "profile")
    try:
        measured = browser.evaluate(MEASURE)
    finally:
        browser.close()
    assert measured["print"] and measured["width"] == A4_TEXT_WIDTH_PX
    assert measured["scrollWidth"] <= A4_TEXT_WIDTH_PX
    matrices = [t for t in measured["tables"] if t["matrix"]]
    assert len(matrices) == 3  # 32 actors hold a letter: 15, 15 and 2
    # Each part keeps its columns wide enough to read, rather than squeezing them.
    assert min(table["narrowestActor"] for table in matrices) >= 6.5 / 25.4 * 96
    for table in measured["tables"]:
        assert table["right"] <= A4_TEXT_WIDTH_PX + 0.5, table
    for table in matrices:
        assert table["firstHeader"] == "Item"  # the item column repeats in every part
    assert LONG_ITEM in measured["text"] and LONG_ACTOR in measured["titles"]
    for drawing in measured["drawings"]:
        assert 0 < drawing["right"] <= A4_TEXT_WIDTH_PX + 0.5 and drawing["height"] > 20
    # The charts, the bodies view and the goals view in three parts: its goal's name,
    # 176 letters without a space, is too wide for an A4 page, so the part it is in
    # does not read and says so.
    assert len(measured["drawings"]) == 4 + 1 + 3
    assert "Part 1 does not read on the page: its text would be" in measured["text"]
    smallest, where = measured["smallest"]
    assert smallest * PT_PER_PX >= 8 - 0.01, where
    assert measured["styleIntact"]  # the org name did not end the style element


MEASURE = """(() => {
  const box = (element) => element.getBoundingClientRect();
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    if (!walker.currentNode.textContent.trim() || element.closest(".diagram svg")
        || element.closest("style, title, metadata")) continue;
    const scale = element instanceof SVGGraphicsElement ? element.getScreenCTM().a : 1;
    sizes.push([parseFloat(getComputedStyle(element).fontSize) * scale,
                element.tagName + ": " + walker.currentNode.textContent.slice(0, 40)]);
  }
  sizes.sort((a, b) => a[0] - b[0]);
  return {
    print: matchMedia("print").matches,
    width: document.documentElement.clientWidth,
    scrollWidth: document.documentElement.scrollWidth,
    tables: [...document.querySelectorAll("table")].map(t => ({
      right: box(t).right, matrix: t.classList.contains("matrix"),
      firstHeader: (t.querySelector("th:not(.part)") || {textContent: ""}).textContent,
      narrowestActor: Math.min(...[...t.querySelectorAll("th.actor")].map(th => box(th).width))
    })),
    drawings: [...document.querySelectorAll("svg")].filter(s => !s.parentElement.closest("svg"))
      .map(s => ({right: box(s).right, height: box(s).height})),
    smallest: sizes[0],
    text: document.body.innerText,
    titles: [...document.querySelectorAll("th[title]")].map(th => th.textContent).join("|"),
    styleIntact: document.head.querySelectorAll("style").length === 1
      && !document.querySelector("b") && getComputedStyle(document.body).maxWidth === "none",
  };
})()"""


def test_a_pdf_without_chromium_is_refused_in_one_line(
        raci: Raci, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "review.pdf"
    monkeypatch.delenv("RACI_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    done = raci("report", SAMPLE, "-o", pdf)
    assert done.code == 2
    assert done.err.splitlines() == [
        "raci: a PDF is printed with Chromium and none was found (chromium, chromium-browser, "
        "google-chrome, google-chrome-stable); install it (apt-get install chromium), set "
        "RACI_CHROMIUM to the program, or write .html and print that from a browser"]
    assert not pdf.exists()


def test_raci_chromium_naming_no_program_is_refused(
        raci: Raci, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "review.pdf"
    monkeypatch.setenv("RACI_CHROMIUM", "/no/such/chrome")
    done = raci("report", SAMPLE, "-o", pdf)
    assert done.code == 2
    assert done.err.splitlines() == [
        "raci: RACI_CHROMIUM=/no/such/chrome is not a program that can be run; name a "
        "Chromium or Chrome program, or unset it"]
    assert not pdf.exists()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_first_page_holds_all_four_charts_in_either_language(language: str,
                                                                 tmp_path: Path) -> None:
    """The Dutch words run longer (the captions wrap to more lines): two of the
    four charts went to page 2. The handout without its diagrams, printed."""
    require_chromium()
    set_language(language)
    source = open_model(str(SAMPLE))
    findings = lint_model(source)
    rules = {rule.code: rule_help(rule) for rule in RULES}
    groups = {code: help_.group for code, help_ in rules.items()}
    charts = first_page_charts(source.model, findings, groups, dict.fromkeys(groups.values()), 3)
    write_pdf(ReportContent(source, findings, rules, charts, [], {}, 120), tmp_path / "r.pdf")
    first, second = (" ".join(text.split()) for text in page_texts(tmp_path / "r.pdf")[:2])
    for chart in charts:
        assert chart.title in first and " ".join(chart.caption.split()[:4]) in first
        assert chart.title not in second
