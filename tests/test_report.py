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

from raci.export import MAX_LAYOUT_NODES, write_report
from raci.export.report import REPORT_MAX_ACTORS, REPORT_MAX_ITEMS
from raci.export.report_html import ACTORS_PER_TABLE, css_string, print_fit
from raci.formats import write_model
from raci.lint import lint_model, load_config
from raci.lint.findings import Finding
from raci.model import Body, Goal, Model, Org, Person
from raci.model.source import ModelSource
from raci.source import open_model

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
    assert done.returncode == 0, done.stderr
    return folder / "review.html"


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
    assert dom.count("<svg") == 2 + 3  # no two bodies overlap: that chart is a sentence
    assert "No two bodies have a quarter or more of their members in common." in dom
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
        assert f"<li>{html.escape(finding.message)}" in section


def test_html_report_has_a_matrix_per_goal_area(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    matrices = text.split('<section class="part" id="matrix">', 1)[1].split("</section>", 1)[0]
    assert re.findall(r"<h3>(.*?)</h3>", matrices) == [
        "Klimaatneutraal", "Outside every goal area"]
    first_area = matrices.split("<h3>Outside", 1)[0]
    assert '<th class="item">Aardgasvrij</th>' in first_area and "Subsidie" in first_area
    assert "Warmte-app" not in first_area


def test_markdown_report_links_svg_diagrams_beside_it(model_file: Path,
                                                      tmp_path: Path) -> None:
    handout = tmp_path / "out" / "review.md"
    handout.parent.mkdir()
    done = run_raci("report", str(model_file), "-o", str(handout))
    assert done.returncode == 0, done.stderr
    text = handout.read_text(encoding="utf-8")
    links = re.findall(r"!\[The (\w+) view\]\(([^)]+)\)", text)
    assert links == [("bodies", "review-bodies.svg"), ("goals", "review-goals.svg")]
    for _, name in links:
        ET.parse(handout.parent / name)  # a well-formed SVG drawing
    assert "\\<script\\>document.documentElement" in text
    assert "<script>" not in text


def test_report_without_dot_still_writes_the_handout_and_warns(model_file: Path,
                                                               tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    done = run_raci("report", str(model_file), "-o", str(page),
                    env={**os.environ, "PATH": str(tmp_path)})
    assert done.returncode == 0
    assert done.stderr.count("apt-get install graphviz") == 2  # one warning per diagram
    text = page.read_text(encoding="utf-8")
    assert "The bodies diagram could not be drawn" in text
    assert text.count("<svg") == 3  # only the charts, which need no program


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
    # Printed in parts of ACTORS_PER_TABLE actors, each repeating the item column.
    tables = re.findall(r'<table class="matrix">.*?</table>', matrix)
    assert len(tables) == -(-REPORT_MAX_ACTORS // ACTORS_PER_TABLE)
    assert [re.search(r"<caption>(.*?)</caption>", t).group(1) for t in tables] == [  # type: ignore[union-attr]
        f"Actors {start + 1}–{min(start + ACTORS_PER_TABLE, REPORT_MAX_ACTORS)} of "
        f"{REPORT_MAX_ACTORS}" for start in range(0, REPORT_MAX_ACTORS, ACTORS_PER_TABLE)]
    for table in tables:
        assert table.count('<th class="item">Item</th>') == 1
        assert table.count('<th class="item">Tweede doel</th>') == 1
    assert ("5 more actors with fewer letters are left out; see them all with: "
            "raci matrix breed.yaml --scope g --format csv") in matrix


def test_a_diagram_too_large_to_lay_out_is_replaced_by_advice(tmp_path: Path) -> None:
    model = Model(Org("Veel overleg"))
    for number in range(MAX_LAYOUT_NODES + 1):
        model.add(Body(id=f"b{number}", name=f"Overleg {number}", kind="committee"))
    model.add(Goal(id="g", name="Doel"))
    handout = tmp_path / "veel.md"
    warnings = write_report(ModelSource("veel.db", model), handout, [], {})
    assert warnings == [
        f"The bodies diagram has {MAX_LAYOUT_NODES + 1} nodes and frames, more than the "
        f"{MAX_LAYOUT_NODES} raci lays out; draw parts of it with: raci diagram veel.db "
        "--view bodies --focus ID --depth N"]
    text = handout.read_text(encoding="utf-8")
    assert "draw parts of it with: raci diagram veel.db" in text
    assert "![The goals view](veel-goals.svg)" in text
    assert not (tmp_path / "veel-bodies.svg").exists()


def test_report_to_another_suffix_is_refused(model_file: Path, tmp_path: Path) -> None:
    done = run_raci("report", str(model_file), "-o", str(tmp_path / "review.docx"))
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"raci: -o {tmp_path / 'review.docx'}: the report is written as .html, .pdf or .md"]
    assert not (tmp_path / "review.docx").exists()


def test_the_same_model_gives_the_same_report_bytes(model_file: Path, tmp_path: Path) -> None:
    written = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        for name in ("review.html", "review.md"):
            done = run_raci("report", str(model_file), "-o", str(folder / name))
            assert done.returncode == 0, done.stderr
        written.append({path.name: path.read_bytes() for path in sorted(folder.iterdir())})
    assert sorted(written[0]) == ["review-bodies.svg", "review-chart-findings.svg",
                                  "review-chart-goals.svg", "review-chart-people.svg",
                                  "review-goals.svg", "review.html", "review.md"]
    assert written[0] == written[1]


def test_markdown_report_opens_with_the_charts_beside_it(model_file: Path,
                                                         tmp_path: Path) -> None:
    handout = tmp_path / "review.md"
    done = run_raci("report", str(model_file), "-o", str(handout))
    assert done.returncode == 0, done.stderr
    text = handout.read_text(encoding="utf-8")
    glance = text.split("## At a glance", 1)[1].split("## Summary", 1)[0]
    assert re.findall(r"!\[([^]]+)\]\(([^)]+)\)", glance) == [
        ("Findings per rule group", "review-chart-findings.svg"),
        ("Goals by coverage", "review-chart-goals.svg"),
        ("The busiest people", "review-chart-people.svg")]
    assert "*No two bodies have a quarter or more of their members in common.*" in glance
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


def test_the_rules_not_run_are_named_with_their_fact(tmp_path: Path, raci) -> None:
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


@pytest.mark.parametrize(("size", "fit"), [
    ('width="300pt" height="200pt"', ("portrait", 1.0, 14.0)),
    ('width="3000pt" height="200pt"', ("landscape", 267 / 25.4 * 72 / 3000, None)),
    ('width="400pt" height="2000pt"', ("portrait", 235 / 25.4 * 72 / 2000, None)),
])
def test_a_diagram_prints_on_the_page_that_shows_it_largest(
        size: str, fit: tuple[str, float, float | None]) -> None:
    svg = f'<svg {size} viewBox="0 0 1 1"><text font-size="14.00">x</text></svg>'.encode()
    found = print_fit(svg)
    assert found is not None
    assert found.orientation == fit[0] and found.scale == pytest.approx(fit[1])
    assert found.smallest_pt == pytest.approx(14 * fit[1])
    note = found.note("bodies", "org.db")
    if found.smallest_pt >= 8:
        assert note == ""
    else:
        assert note.startswith(f"On an A4 page this drawing is shrunk to {fit[1]:.0%} and "
                               f"its smallest labels print at {14 * fit[1]:.1f} pt.")
        assert "raci diagram org.db --view bodies -o bodies.pdf" in note


def test_a_long_goal_area_shows_its_first_items_with_a_note(tmp_path: Path) -> None:
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
