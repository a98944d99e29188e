"""`raci report`: the review handout as self-contained HTML or as Markdown."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import require_chromium
from conftest import Raci
from pypdf import PdfReader
from test_diagram_mermaid import drawn_by_mermaid
from test_diagram_pages import reads

from raci.export import report, split
from raci.export import report_diagrams as diagrams
from raci.export.matrix import goal_area_matrices
from raci.export.render import MAX_LAYOUT_NODES
from raci.export.report import REPORT_MAX_ACTORS, REPORT_MAX_ITEMS, readable_matrix, write_report
from raci.export.report_html import ACTORS_PER_TABLE, css_string
from raci.formats import write_model
from raci.lint import lint_model, load_config
from raci.lint.findings import Finding
from raci.lint.message import markdown_said, said
from raci.model import Body, Goal, Initiative, Model, Org, Person
from raci.model.source import ModelSource
from raci.source import open_model
from raci.text import markdown_html

RACI = str(Path(sys.executable).with_name("raci"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# A script that would mark the page if it ran.
SCRIPT_NAME = "<script>document.documentElement.setAttribute('data-pwned','yes')</script>"
MODEL_YAML = f"""\
raci: 1
org: {{name: "Programma <Warmte> & co"}}
units:
  - {{id: bzk, name: Ministerie van BZK}}
people:
  - {{id: p.jansen, name: Petra Jansen, unit: bzk}}
roles:
  - id: dg-bw
    name: "{SCRIPT_NAME}"
    unit: bzk
    holders: [p.jansen]
  - {{id: pd-flex, name: Programmadirecteur Flex, unit: bzk}}
bodies:
  - {{id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, chair: dg-bw,
     members: [dg-bw]}}
goals:
  - id: g.klimaat
    name: Klimaatneutraal
    raci: {{A: dg-bw}}
  - id: g.warmte
    name: Aardgasvrij
    parent: g.klimaat
    raci: {{A: pd-flex, R: [dg-bw]}}
initiatives:
  - id: i.app
    name: "Warmte-app \\"beta\\""
    raci: {{A: p.jansen}}
decisions:
  - id: d.subsidie
    name: Subsidie
    about: [g.warmte]
    raci: {{A: sg-warmte, C: [dg-bw]}}
"""


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "warmte.yaml"
    path.write_text(MODEL_YAML, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One HTML handout, written once by `raci report`, for the tests that only read it."""
    folder = tmp_path_factory.mktemp("report")
    model = folder / "warmte.yaml"
    model.write_text(MODEL_YAML, encoding="utf-8")
    done = run_raci("report", str(model), "-o", str(folder / "review.html"))
    assert done.returncode == 0 and done.stderr == "", done.stderr  # every drawing reads
    return folder / "review.html"


def test_each_diagram_starts_a_landscape_page_of_its_own_when_printed(tmp_path: Path,
                                                                      raci: Raci) -> None:
    """The one PDF this module prints: each diagram is a part of the handout,
    and every part starts a new page, small diagrams too: the bodies view on
    the last page but one, the goals view on the last, both landscape."""
    require_chromium()
    model, pdf = tmp_path / "warmte.yaml", tmp_path / "review.pdf"
    model.write_text(MODEL_YAML, encoding="utf-8")
    done = raci("report", model, "-o", pdf)
    assert done.code == 0 and done.err == "", done.err
    pages = PdfReader(pdf).pages
    bodies, goals = (" ".join(page.extract_text().split()) for page in pages[-2:])
    assert "Diagram: the bodies view" in bodies and "Stuurgroep Warmte" in bodies
    assert "Diagram: the goals view" in goals and "Aardgasvrij" in goals
    assert "Diagram: the goals view" not in bodies
    assert all((round(page.mediabox.width), round(page.mediabox.height)) == (842, 595)
               for page in pages[-2:])
    assert not any(page.extract_text().strip().startswith("Diagram: the") for page in pages[:-2])
    # A code span reads as its text, with no space its padding would put around it.
    text = " ".join(" ".join(page.extract_text().split()) for page in pages[:-2])
    assert "Fill the role (holders), " in text and "the A." in text and "as R." in text


def run_raci(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RACI, *args], capture_output=True, text=True, timeout=120,
                          env=env if env is not None else dict(os.environ))


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html_text: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html_text)
    return parser.tags


class TableRows(HTMLParser):
    """A table's rows as the text of their cells, those in its header apart."""

    def __init__(self) -> None:
        super().__init__()
        self.head: list[list[str]] = []
        self.body: list[list[str]] = []
        self._rows = self.body

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("thead", "tbody"):
            self._rows = self.head if tag == "thead" else self.body
        elif tag == "tr":
            self._rows.append([])
        elif tag in ("th", "td"):
            self._rows[-1].append("")

    def handle_data(self, data: str) -> None:
        if self._rows and self._rows[-1]:
            self._rows[-1][-1] += data


def parsed_table(table: str) -> tuple[list[list[str]], list[list[str]]]:
    """The rows of a table's header and of its body, each a list of cell texts."""
    parser = TableRows()
    parser.feed(table)
    return parser.head, parser.body


def dumped_dom(page: Path, tmp_path: Path) -> str:
    """The page as headless Chromium built it, scripts (if any) run."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it")
        pytest.skip("chromium is not installed")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom",
         page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_html_report_shows_its_text_charts_and_diagrams_in_a_browser(page: Path,
                                                                     tmp_path: Path) -> None:
    dom = dumped_dom(page, tmp_path)
    assert 'data-pwned="yes"' not in dom  # the script in a name did not run
    assert "&lt;script&gt;document.documentElement" in dom  # it is shown as text
    assert "Programma &lt;Warmte&gt; &amp; co" in dom
    headings = re.findall(r"<h2>(.*?)</h2>", dom)
    assert headings == ["Summary", "Findings by rule", "RACI matrix per goal area",
                        "Diagram: the bodies view", "Diagram: the goals view"]
    charts = re.findall(r'<figure class="chart" id="chart-(\w+)">', dom)
    assert charts == ["findings", "goals", "people", "overlap"]
    diagrams = re.findall(r'<section class="part diagram[\w ]*" id="diagram-(\w+)">', dom)
    assert diagrams == ["bodies", "goals"]
    assert dom.count("<svg") == 2 + 3  # one body overlaps none: that chart is a sentence
    assert "The model has only one body." in dom
    assert "Stuurgroep Warmte</text>" in dom  # a label inside the bodies drawing
    assert ">Petra Jansen</text>" in dom  # a label of the busiest-people chart


# Run in a copy of the page only: measures what Chromium laid out and notes it
# in the DOM, so the test sees whether the diagrams and text are shown.
MEASURE = """<script>
for (const part of document.querySelectorAll(".diagram")) {
  const box = part.querySelector("svg").getBoundingClientRect();
  part.dataset.shown = Math.round(box.right) + "x" + Math.round(box.height);
  part.dataset.room = Math.round(part.getBoundingClientRect().right);
}
document.body.dataset.visibleText = document.body.innerText.replace(/\\s+/g, " ");
</script>"""


def test_html_report_diagrams_open_fitted_and_text_is_shown(page: Path, tmp_path: Path) -> None:
    measured = tmp_path / "measured.html"
    measured.write_text(page.read_text(encoding="utf-8").replace("</body>", MEASURE + "</body>"),
                        encoding="utf-8")
    dom = dumped_dom(measured, tmp_path)
    sizes = re.findall(r'id="diagram-(\w+)" data-shown="(\d+)x(\d+)" data-room="(\d+)"', dom)
    assert [name for name, *_ in sizes] == ["bodies", "goals"]
    for _, right, height, room in sizes:
        # The whole drawing within the page's width, not cut off or scrolled.
        assert int(right) <= int(room) and int(height) > 50
    text = html.unescape(re.search(r'data-visible-text="([^"]*)"', dom).group(1))  # type: ignore[union-attr]
    for shown in ("Findings per rule group", "Summary", "Findings by rule", "How to fix",
                  "RACI matrix per goal area", "Klimaatneutraal", "the bodies view"):
        assert shown in text


def test_html_report_is_self_contained(page: Path) -> None:
    tags = tags_of(page.read_text(encoding="utf-8"))
    names = [tag for tag, _ in tags]
    assert "script" not in names and "link" not in names and "img" not in names
    for tag, attrs in tags:
        for key in ("src", "href", "xlink:href"):
            assert not attrs.get(key) or str(attrs[key]).startswith("#"), (tag, attrs)


def test_html_report_diagrams_show_no_graphviz_names_as_tooltips(page: Path) -> None:
    """A browser shows an SVG's <title> as a tooltip: Graphviz's node names
    ("n4"), lines ("n1->n3") and key samples ("line contributes from") are
    not for people; the drawings keep them out, and the empty charts their captions."""
    text = page.read_text(encoding="utf-8")
    drawings = text.split('<section class="part diagram"', 1)[1]
    assert "<svg" in drawings and "<title>" not in drawings
    assert "<text" in drawings  # the words are drawn all the same


def test_html_report_groups_the_linters_findings_by_rule(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    model_file = page.with_name("warmte.yaml")
    findings = lint_model(open_model(str(model_file)), load_config(model_file))
    assert findings, "the model is built to have findings"
    sections = re.findall(r'<section class="rule" id="rule-(\w+)">', text)
    assert sorted(sections) == sorted({f.code for f in findings})
    assert "Why it matters" in text and "How to fix" in text
    for finding in findings:
        section = text.split(f'id="rule-{finding.code}"', 1)[1].split("</section>", 1)[0]
        assert f"<li>{markdown_html(markdown_said(finding.message))}" in section


def test_html_report_has_a_matrix_per_goal_area(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    matrices = text.split('<section class="part" id="matrix">', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"<h3>(.*?)</h3>", matrices) == [
        "Klimaatneutraal", "Outside every goal area"]
    first_area = matrices.split("<h3>Outside", 1)[0]
    assert '<th class="item">Aardgasvrij</th>' in first_area and "Subsidie" in first_area
    assert "Warmte-app" not in first_area


def test_markdown_report_draws_its_diagrams_in_mermaid(model_file: Path, tmp_path: Path,
                                                      raci: Raci) -> None:
    handout = tmp_path / "out" / "review.md"
    handout.parent.mkdir()
    done = raci("report", model_file, "-o", handout)
    assert done.code == 0, done.err
    text = handout.read_text(encoding="utf-8")
    section = text.split("## Diagrams", 1)[1]
    assert re.findall(r"^### (.*)$", section, re.M) == ["The bodies view", "The goals view"]
    blocks = mermaid_blocks(section)
    assert len(blocks) == 2 and "![" not in section
    assert sorted(path.name for path in handout.parent.iterdir()) == [  # no drawings beside it
        "review-chart-findings.svg", "review-chart-goals.svg", "review-chart-people.svg",
        "review.md"]
    drawn = drawn_by_mermaid(blocks, tmp_path)  # by the real Mermaid, as GitHub would
    assert all(result["ok"] for result in drawn), drawn
    labels = [" ".join(" ".join(result["labels"]).split()) for result in drawn]
    assert "Stuurgroep Warmte" in labels[0] and "steering group (hexagon)" in labels[0]
    for name in ("Klimaatneutraal", "Aardgasvrij", 'Warmte-app "beta"', "Key"):
        assert name in labels[1]
    assert "<script>document.documentElement" in labels[0]  # the name, shown as text
    assert all(result["scripts"] == 0 for result in drawn)
    assert "\\<script\\>document.documentElement" in text.split("## Diagrams")[0]
    assert "<script>" not in text


def mermaid_blocks(markdown: str) -> list[str]:
    """The sources of the Markdown's ```mermaid blocks."""
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.M | re.S)



def test_report_help_says_only_charts_are_written_beside_a_markdown_handout() -> None:
    done = run_raci("report", "--help")
    assert done.returncode == 0
    help_text = " ".join(done.stdout.split())
    assert "FILE.md (charts written beside it, diagrams in Mermaid)" in help_text


def test_report_without_dot_still_writes_the_handout_and_warns(
        model_file: Path, tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> None:
    page, handout = tmp_path / "review.html", tmp_path / "review.md"
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no dot on it
    done = raci("report", model_file, "-o", page)
    assert done.code == 0
    assert done.err.count("apt-get install graphviz") == 2  # one warning per diagram
    text = page.read_text(encoding="utf-8")
    assert "The bodies diagram could not be drawn" in text
    assert text.count("<svg") == 3  # only the charts, which need no program
    # The Markdown draws the parts the layout chose, so without it the same notes.
    done = raci("report", model_file, "-o", handout)
    assert done.code == 0 and done.err.count("apt-get install graphviz") == 2
    text = handout.read_text(encoding="utf-8")
    assert "*The goals diagram could not be drawn" in text and not mermaid_blocks(text)


def test_a_wide_goal_area_is_cut_to_its_busiest_actors_with_a_note(tmp_path: Path) -> None:
    model = Model(Org("Breed"))
    model.add(Goal(id="g", name="Doel"))
    model.add(Goal(id="g2", name="Tweede doel", parent="g"))
    for number in range(REPORT_MAX_ACTORS + 5):
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
        model.assign("g", "I", f"p{number}")
    model.assign("g2", "A", "p44")  # the last person holds two letters: kept
    page = tmp_path / "breed.html"
    write_report(ModelSource("breed.yaml", model), page, [], {})
    matrix = page.read_text(encoding="utf-8").split('id="matrix">', 1)[1]
    assert matrix.count('<th class="actor"') == REPORT_MAX_ACTORS
    assert 'title="p44">' in matrix and 'title="p43">' not in matrix
    # Printed in parts of at most ACTORS_PER_TABLE actors, each repeating the item column.
    tables = re.findall(r'<table class="matrix">.*?</table>', matrix)
    assert len(tables) == -(-REPORT_MAX_ACTORS // ACTORS_PER_TABLE)
    assert [t.count('<th class="actor"') for t in tables] == [14, 13, 13]
    # Each part's caption and column headings are its header, which Chromium
    # prints again on every page the part runs over: a <caption> printed once.
    heads = [parsed_table(table)[0] for table in tables]
    assert [head[0] for head in heads] == [
        ["Actors 1–14 of 40"], ["Actors 15–27 of 40"], ["Actors 28–40 of 40"]]
    assert [head[1][:2] for head in heads] == [
        ["Item", "Kind"], ["Item", "Accountable"], ["Item", "Accountable"]]
    # The later parts name each item's owner, whose letter is in another part.
    bodies = [parsed_table(table)[1] for table in tables]
    assert [row[:2] for row in bodies[0]] == [["Doel", "goal"], ["Tweede doel", "goal"]]
    assert [row[:2] for row in bodies[1]] == [["Doel", ""], ["Tweede doel", "Persoon 44"]]
    assert ("5 of 45 actors (those Accountable or Responsible kept first, then the busiest) "
            "are left out; see them all with: raci matrix breed.yaml --scope g --format csv"
            ) in matrix



def test_one_actor_over_a_table_is_not_printed_alone(tmp_path: Path) -> None:
    """16 actors in tables of 15 print as 8 and 8: the 16th alone took three pages."""
    model = Model(Org("Zestien"))
    model.add(Goal(id="g", name="Doel"))
    for number in range(ACTORS_PER_TABLE + 1):
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
        model.assign("g", "A" if number == 0 else "I", f"p{number}")
    page = tmp_path / "zestien.html"
    write_report(ModelSource("zestien.yaml", model), page, [], {})
    matrix = page.read_text(encoding="utf-8").split('id="matrix">', 1)[1]
    tables = re.findall(r'<table class="matrix">.*?</table>', matrix)
    assert [t.count('<th class="actor"') for t in tables] == [8, 8]
    assert [parsed_table(t)[0][0] for t in tables] == [
        ["Actors 1–8 of 16"], ["Actors 9–16 of 16"]]

def area_matrix(model: Model) -> tuple[list[str], str]:
    """The actors the handout's matrix of the first goal area shows, and its note."""
    matrix, note = readable_matrix(goal_area_matrices(model)[0], "breed.yaml")
    return [actor.id for actor in matrix.columns], note


def test_a_wide_goal_area_keeps_every_accountable_of_the_items_shown() -> None:
    """The 40 busiest actors were kept: an item's Accountable with one letter
    gave way to people informed of two items, and the owner was not on the page."""
    model = Model(Org("Breed"))
    model.add(Goal(id="g", name="Doel"))
    model.add(Goal(id="g2", name="Tweede doel", parent="g"))
    model.add(Goal(id="g3", name="Derde doel", parent="g"))
    model.add(Person(id="owner", name="Eigenaar"))
    model.assign("g3", "A", "owner")
    for number in range(REPORT_MAX_ACTORS + 5):
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
        model.assign("g", "I", f"p{number}")
        model.assign("g2", "I", f"p{number}")
    actors, note = area_matrix(model)
    assert len(actors) == REPORT_MAX_ACTORS and "owner" in actors
    assert note.startswith("6 of 46 actors (those Accountable or Responsible kept first")


def test_more_accountables_than_fit_are_all_shown() -> None:
    """Every item shown keeps its owner, even past `REPORT_MAX_ACTORS` columns."""
    model = Model(Org("Breed"))
    model.add(Goal(id="g", name="Doel"))
    for number in range(REPORT_MAX_ACTORS + 2):
        model.add(Goal(id=f"g{number}", name=f"Doel {number}", parent="g"))
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
        model.assign(f"g{number}", "A", f"p{number}")
    model.add(Person(id="reader", name="Lezer"))
    model.assign("g", "I", "reader")
    actors, note = area_matrix(model)
    assert actors == [f"p{number}" for number in range(REPORT_MAX_ACTORS + 2)]
    assert note.startswith("1 of 43 actors (those Accountable or Responsible kept first")


def test_a_diagram_too_large_to_lay_out_is_replaced_by_advice(tmp_path: Path) -> None:
    model = Model(Org("Veel overleg"))
    for number in range(MAX_LAYOUT_NODES + 1):
        model.add(Body(id=f"b{number}", name=f"Overleg {number}", kind="committee"))
    model.add(Goal(id="g", name="Doel"))
    handout = tmp_path / "veel.md"
    warnings = write_report(ModelSource("veel.db", model), handout, [], {})
    assert warnings == [
        f"the bodies diagram has {MAX_LAYOUT_NODES + 1:,} nodes and frames, more than the "
        f"{MAX_LAYOUT_NODES:,} raci lays out; draw parts of it with: raci diagram veel.db "
        "--view bodies --focus ID --depth N"]
    text = handout.read_text(encoding="utf-8")
    assert "draw parts of it with: raci diagram veel.db" in text
    assert len(mermaid_blocks(text)) == 1  # the goals view, one goal
    assert not list(tmp_path.glob("veel-bodies*"))


def test_a_model_with_no_items_has_no_matrix_page(tmp_path: Path) -> None:
    """A page holding only "The model has no goals, initiatives or
    decisions." (cncf's handout, page 12): the contents say it instead."""
    model = Model(Org("Leeg"))
    model.add(Body(id="b", name="Overleg", kind="committee"))
    page = tmp_path / "leeg.html"
    write_report(ModelSource("leeg.yaml", model), page, [], {})
    text = page.read_text(encoding="utf-8")
    assert 'id="matrix"' not in text and "(0 areas)" not in text
    assert ('<li>RACI matrix per goal area. <span class="note">The model has no goals, '
            "initiatives or decisions.</span></li>") in text


def test_the_markdown_handout_of_a_model_with_no_items_says_why_it_has_no_matrix(
        tmp_path: Path) -> None:
    """As the HTML contents say it, not a heading over nothing."""
    model = Model(Org("Leeg"))
    model.add(Body(id="b", name="Overleg", kind="committee"))
    handout = tmp_path / "leeg.md"
    write_report(ModelSource("leeg.yaml", model), handout, [], {})
    assert ("## RACI matrix per goal area\n\n*The model has no goals, initiatives or "
            "decisions.*\n\n## Diagrams") in handout.read_text(encoding="utf-8")


def test_report_to_another_suffix_is_refused(model_file: Path, tmp_path: Path,
                                             raci: Raci) -> None:
    done = raci("report", model_file, "-o", tmp_path / "review.docx")
    assert done.code == 2
    assert done.err.strip().splitlines() == [
        f"raci: -o {tmp_path / 'review.docx'}: the report is written as .html, .pdf or .md; "
        "name the file so, or give --format html, pdf or md"]
    assert not (tmp_path / "review.docx").exists()


def split_model() -> Model:
    """Two goal areas of eight initiatives each: the goals view does not read on
    one A4 page (its text would print at 6 pt) and splits into a part per area;
    one body, which the Markdown draws in Mermaid."""
    model = Model(Org("Wijken"))
    model.add(Person(id="p", name="Petra Jansen"))
    model.add(Body(id="sg", name="Stuurgroep Wijken", kind="steering_group", members=["p"]))
    for area in (1, 2):
        model.add(Goal(id=f"g{area}", name=f"Doel {area}: wijken aardgasvrij in regio {area}"))
        model.assign(f"g{area}", "A", "p")
        for number in range(1, 9):
            item = f"i{area}-{number}"
            model.add(Initiative(id=item, goals=[f"g{area}"],
                                 name=f"Aanpak {number} van wijkvernieuwing in regio {area}"))
            model.assign(item, "A", "p")
    return model


@pytest.fixture(scope="module")
def split_handouts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder where `raci report` wrote `split_model` as review.html and review.md."""
    folder = tmp_path_factory.mktemp("split")
    write_model(split_model(), folder / "wijken.yaml")
    return write_split_handouts(folder / "wijken.yaml", folder / "out")


def write_split_handouts(model: Path, folder: Path) -> Path:
    folder.mkdir()
    for name in ("review.html", "review.md"):
        done = run_raci("report", str(model), "-o", str(folder / name))
        assert done.returncode == 0 and done.stderr == "", done.stderr
    return folder


def test_the_same_model_gives_the_same_report_bytes(split_handouts: Path,
                                                    tmp_path: Path) -> None:
    again = write_split_handouts(split_handouts.with_name("wijken.yaml"), tmp_path / "again")
    written = [{path.name: path.read_bytes() for path in sorted(folder.iterdir())}
               for folder in (split_handouts, again)]
    assert sorted(written[0]) == ["review-chart-findings.svg", "review-chart-goals.svg",
                                  "review-chart-people.svg", "review.html", "review.md"]
    assert written[0] == written[1]


def test_a_view_that_does_not_read_on_a_page_is_split_into_parts(split_handouts: Path) -> None:
    text = (split_handouts / "review.html").read_text(encoding="utf-8")
    sections = re.findall(r'<section class="part diagram" id="([\w-]+)"><h2>(.*?)</h2>(.*?)'
                          r"</section>", text, re.S)
    assert [(anchor, title) for anchor, title, _ in sections] == [
        ("diagram-bodies", "Diagram: the bodies view"),
        ("diagram-goals", "Diagram: the goals view")]
    bodies, goals = sections[0][2], sections[1][2]
    assert bodies.startswith("<figure><svg") and bodies.count("<figure>") == 1
    assert goals.startswith('<p class="note">On one A4 page its text would be ')
    assert ("so the goals view is drawn in 2 parts; a line to something in another part "
            "ends in a dashed box that names the part.</p><figure><svg") in goals
    figures = re.findall(r"<figure>(<svg.*?</svg>)\s*</figure>", goals, re.S)
    assert len(figures) == 2
    for number, svg in enumerate(figures, 1):
        assert f"Part {number} of 2: Doel {number}: wijken aardgasvrij in regio {number}" in svg
        fine, how = reads(svg.encode(), diagrams.REPORT_PAGE)  # drawn for the page, and reads
        assert fine, how
    assert text.count(">Aanpak 8 van wijkvernieuwing in regio 2<") == 1  # each drawn once
    assert 'Diagram: the goals view</a> (2 parts)' in text


def test_markdown_report_draws_the_same_parts_in_mermaid(split_handouts: Path,
                                                         tmp_path: Path) -> None:
    text = (split_handouts / "review.md").read_text(encoding="utf-8")
    bodies, goals = text.split("### The bodies view", 1)[1].split("### The goals view", 1)
    assert len(mermaid_blocks(bodies)) == 1
    assert goals.strip().startswith("*On one A4 page its text would be ")
    blocks = mermaid_blocks(goals)
    drawn = drawn_by_mermaid(blocks, tmp_path)
    assert len(drawn) == 2 and all(result["ok"] for result in drawn), drawn
    # Each part titled above its block, where the title wraps, as the PDF numbers them.
    titles = re.findall(r"^\*\*(Part .*)\*\*\n\n```mermaid$", goals, re.M)
    assert titles == [f"Part {number} of 2: Doel {number}: wijken aardgasvrij in regio {number}"
                      for number in (1, 2)]
    for number, result in enumerate(drawn, 1):
        labels = " ".join(" ".join(result["labels"]).split())
        assert "Part " not in labels and "goals view" not in labels
        assert f"Aanpak 8 van wijkvernieuwing in regio {number}" in labels
        assert f"Aanpak 8 van wijkvernieuwing in regio {3 - number}" not in labels


def test_a_view_guessed_at_too_many_parts_names_the_command_instead(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagrams, "MOST_PARTS", 1)  # the goals view is guessed at 1.3 pages
    page = tmp_path / "wijken.html"
    warnings = write_report(ModelSource("wijken.db", split_model()), page, [], {})
    note = ("The goals view is too large for this handout: it would be split into more than 1 "
            "parts; draw it on pages of its own with: raci diagram wijken.db --view goals "
            "--split goal -o goals.pdf, or a part of it with --focus ID --depth N")
    assert warnings == [note[:1].lower() + note[1:]]  # as every warning starts
    # No page holding one sentence: the contents say it is not drawn, and why.
    text = page.read_text(encoding="utf-8")
    assert 'id="diagram-goals"' not in text
    command = "raci diagram wijken.db --view goals --split goal -o goals.pdf"
    options = "--focus ID --depth N"
    marked = html.escape(note) \
        .replace(f"{command},", f'<span class="command"><code>{words(command)}</code>,</span>') \
        .replace(options, f'<span class="command"><code>{words(options)}</code></span>')
    # A command that wraps at its hyphens ("--⏎view") reads as two: its words do not
    # wrap (it wraps between them: a whole command may be wider than the page).
    assert f'<li>Diagram: the goals view. <span class="note">Not drawn. {marked}</span></li>' \
        in text
    assert ".command span { white-space: nowrap; }" in text


def words(command: str) -> str:
    return " ".join(f"<span>{word}</span>" for word in command.split(" "))


def test_a_split_into_more_parts_than_a_handout_takes_names_the_command(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagrams, "MOST_PARTS", 1)  # the two parts of the goals view are one
    monkeypatch.setattr(split, "PARTS_PER_GUESSED_PAGE", 0)  # too many: split to find out
    page = tmp_path / "wijken.html"
    warnings = write_report(ModelSource("wijken.yaml", split_model()), page, [], {})
    assert warnings == ["the goals view is too large for this handout: it would be split into "
                        "more than 1 parts; draw it on pages of its own with: raci diagram "
                        "wijken.yaml --view goals --split goal -o goals.pdf, or a part of it "
                        "with --focus ID --depth N"]
    assert 'id="diagram-goals"' not in page.read_text(encoding="utf-8")


def test_a_drawing_with_nothing_to_split_it_by_says_it_does_not_read(tmp_path: Path) -> None:
    model = Model(Org("Lang"))
    model.add(Goal(id="g", name="Wijkuitvoeringsplannen" * 8))  # no space to wrap it at
    page = tmp_path / "lang.html"
    warnings = write_report(ModelSource("lang.yaml", model), page, [], {})
    assert len(warnings) == 1
    assert warnings[0].startswith("this drawing does not read on the page: its text would be ")
    assert warnings[0].endswith("; draw it on a larger page with: raci diagram lang.yaml "
                                "--view goals -o goals.pdf --page a3")
    goals = text_between(page.read_text(encoding="utf-8"), 'id="diagram-goals">', "</section>")
    assert goals.startswith("<h2>Diagram: the goals view</h2>")
    command = "raci diagram lang.yaml --view goals -o goals.pdf --page a3"
    note = html.escape("T" + warnings[0][1:]).replace(
        command, f'<span class="command"><code>{words(command)}</code></span>')
    assert note in goals and goals.count("<svg") == 1


def text_between(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_markdown_report_opens_with_the_charts_beside_it(model_file: Path, tmp_path: Path,
                                                         raci: Raci) -> None:
    handout = tmp_path / "review.md"
    done = raci("report", model_file, "-o", handout)
    assert done.code == 0, done.err
    text = handout.read_text(encoding="utf-8")
    glance = text.split("## At a glance", 1)[1].split("## Summary", 1)[0]
    assert re.findall(r"!\[([^]]+)\]\(([^)]+)\)", glance) == [
        ("Findings per rule group", "review-chart-findings.svg"),
        ("Goals by coverage", "review-chart-goals.svg"),
        ("The busiest people", "review-chart-people.svg")]
    assert "*The model has only one body.*" in glance
    findings = lint_model(open_model(str(model_file)), load_config(model_file))
    warnings = sum(1 for f in findings if f.level == "warning" and not f.waived)
    assert warnings > 1 and f"**{warnings}** warnings ·" in glance
    for name in ("findings", "goals", "people"):
        ET.parse(tmp_path / f"review-chart-{name}.svg")  # a well-formed SVG drawing


def test_matplotlibs_style_is_kept_inside_each_chart(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    styles = re.findall(r'<style type="text/css">(.*?)\{', text)
    assert styles == [f"#chart-{name} *" for name in ("findings", "goals", "people")]


def test_a_findings_related_entities_are_named(tmp_path: Path) -> None:
    model = Model(Org("Verwant"))
    model.add(Goal(id="g", name="Doel"))
    model.add(Person(id="p", name="Piet <Post>"))
    finding = Finding("OWN001", "unowned-item", "error", "Goal g has no Accountable",
                      ("g",), related=("p", "gone"))
    for name in ("verwant.html", "verwant.md"):
        write_report(ModelSource("verwant.yaml", model), tmp_path / name, [finding], {})
    assert ('Goal g has no Accountable <span class="related">(related: Piet &lt;Post&gt;, '
            "gone)</span>") in (tmp_path / "verwant.html").read_text(encoding="utf-8")
    assert ("- Goal g has no Accountable (related: Piet \\<Post\\>, gone)"
            in (tmp_path / "verwant.md").read_text(encoding="utf-8"))


def test_a_findings_code_words_show_as_code_and_its_names_as_written(tmp_path: Path) -> None:
    model = Model(Org("Code"))
    model.add(Goal(id="g", name="Doel"))
    message = said("{name} records no `goals`; add `goals` to `org.not_recorded`",
                   name="R&D *kern* <b>")
    finding = Finding("DAT001", "missing-facts", "warning", message, ("g",))
    write_report(ModelSource("code.yaml", model), tmp_path / "code.html", [finding], {})
    assert ("<li>R&amp;D *kern* &lt;b&gt; records no <code>goals</code>; add "
            "<code>goals</code> to <code>org.not_recorded</code>") in (
        tmp_path / "code.html").read_text(encoding="utf-8")


def test_the_rules_not_run_are_named_with_their_fact(tmp_path: Path, raci: Raci) -> None:
    model = Model(Org("Zonder voorzitters", not_recorded=["chairs", "cadence"]))
    model.add(Goal(id="g", name="Doel"))
    source = tmp_path / "zonder.yaml"
    write_model(model, source)
    for name in ("zonder.html", "zonder.md"):
        assert raci("report", source, "-o", tmp_path / name).code == 0
    html = (tmp_path / "zonder.html").read_text(encoding="utf-8")
    assert ("<tr><th>chairs not recorded</th><td>BOD007, ORG004</td></tr>"
            "<tr><th>cadence not recorded</th><td>DEC002</td></tr>") in html
    assert "| chairs not recorded | BOD007, ORG004 |" in (
        tmp_path / "zonder.md").read_text(encoding="utf-8")


def test_css_string_keeps_any_name_inside_the_string() -> None:
    written = css_string('Wijk "Oost" </style><b>\\x</b>\n')
    assert written.startswith('"') and written.endswith('"')
    assert not set(written[1:-1]) & set('"<>\n') and "\\22 " in written


def test_a_long_goal_area_shows_its_first_items_with_a_note(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The matrix is what is checked: the diagrams are not drawn (the goals view
    # of 106 goals, split into parts, took 5 of the test's 6 CPU seconds).
    monkeypatch.setattr(report, "REPORT_VIEWS", ())
    model = Model(Org("Lang"))
    model.add(Goal(id="g", name="Doel"))
    model.add(Person(id="p", name="Piet"))
    model.add(Person(id="q", name="Quinten"))
    for number in range(REPORT_MAX_ITEMS + 5):
        model.add(Goal(id=f"g{number}", name=f"Subdoel {number}", parent="g"))
        model.assign(f"g{number}", "A", "p" if number < REPORT_MAX_ITEMS else "q")
    page = tmp_path / "lang.html"
    write_report(ModelSource("lang.db", model), page, [], {})
    matrix = page.read_text(encoding="utf-8").split('id="matrix">', 1)[1].split("</section>")[0]
    assert matrix.count('<th class="item">Subdoel ') == REPORT_MAX_ITEMS - 1  # and Doel
    assert f">Subdoel {REPORT_MAX_ITEMS - 2}<" in matrix
    assert f">Subdoel {REPORT_MAX_ITEMS - 1}<" not in matrix
    assert 'title="q"' not in matrix  # Quinten holds letters only on items left out
    assert ("6 more items are left out; see them all with: raci matrix lang.db "
            "--scope g --format csv") in matrix


def test_the_summary_lists_the_parts_with_links(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    contents = re.search(r'<nav aria-label="Contents">(.*?)</nav>', text).group(1)  # type: ignore[union-attr]
    links = re.findall(r'<a href="#([\w-]+)">(.*?)</a>', contents)
    assert links == [("findings", "Findings by rule"), ("matrix", "RACI matrix per goal area"),
                     ("diagram-bodies", "Diagram: the bodies view"),
                     ("diagram-goals", "Diagram: the goals view")]
    assert all(f'id="{anchor}"' in text for anchor, _ in links)
    assert "RACI matrix per goal area</a> (2 areas)" in contents
