"""Drawing to files: formats, `raci diagram`, a missing `dot`, timeouts, the node limit."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pexpect
import pytest
from conftest import Raci
from test_diagram_model import board_with_committees, warmte_model

from raci.export.dot import node_names, to_dot
from raci.export.graph import View, focus_view
from raci.export.layout import Fitting, wrapping_links
from raci.export.page import DEFAULT_PAGE, PAGES
from raci.export.render import (
    MAX_LAYOUT_NODES,
    GraphvizMissingError,
    GraphvizRuns,
    LayoutError,
    _run,
    draw,
    export_view,
    fitted,
    render,
    run_dot,
    run_titled,
)
from raci.export.split import split_view
from raci.export.views import VIEWS, build_view
from raci.formats import read_model
from raci.model import Body, Decision, Goal, Initiative, Model, Org, Person, Role, Unit

RACI = str(Path(sys.executable).with_name("raci"))
SAMPLE = Path(__file__).parents[1] / "sample_orgs" / "energietransitie.yaml"
SVG = "{http://www.w3.org/2000/svg}"
MODEL_YAML = """\
raci: 1
org: {name: Programma Warmte, as_of: 2026-11-01}
units:
  - {id: bzk, name: Ministerie van BZK}
people:
  - {id: p.jansen, name: Petra Jansen, unit: bzk}
roles:
  - {id: dg-bw, name: Directeur-Generaal, unit: bzk, holders: [p.jansen]}
bodies:
  - {id: sg-warmte, name: Stuurgroep Warmte, kind: steering_group, chair: dg-bw,
     members: [dg-bw]}
  - {id: tf-leeg, name: Taskforce Leeg, kind: taskforce, sunset: 2027-01-01}
goals:
  - id: g.warmte
    name: Aardgasvrij
    raci: {A: dg-bw}
decisions:
  - id: d.subsidie
    name: Subsidie
    about: [g.warmte]
    raci: {A: sg-warmte}
"""


@pytest.fixture
def model_file(tmp_path: Path) -> Path:
    path = tmp_path / "warmte.yaml"
    path.write_text(MODEL_YAML, encoding="utf-8")
    return path


def run_raci(*args: str, env: dict[str, str] | None = None,
             cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([RACI, *args], capture_output=True, timeout=300, cwd=cwd,
                          env=env if env is not None else dict(os.environ))


def crowd(size: int) -> Model:
    model = Model(Org("Groot"))
    for number in range(size):
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
    return model


@pytest.mark.parametrize(("fmt", "magic"), [("svg", b"<?xml"), ("png", b"\x89PNG"),
                                            ("pdf", b"%PDF")])
def test_each_format_is_drawn_by_dot(tmp_path: Path, fmt: str, magic: bytes) -> None:
    path = tmp_path / f"bodies.{fmt}"
    drawing = export_view(build_view(warmte_model(), "bodies"), fmt, path)
    assert drawing.startswith(magic)
    assert path.read_bytes() == drawing


def test_dot_format_needs_no_program(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no dot on it
    dot = to_dot(build_view(warmte_model(), "goals"))
    assert render(dot, "dot") == dot.source.encode()
    with pytest.raises(GraphvizMissingError, match=r"apt-get install graphviz.*--format dot"):
        render(dot, "svg")


def test_a_dot_that_cannot_run_is_reported_with_the_install_hint(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "dot").write_text("not a program\n")  # found on PATH, not executable
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GraphvizMissingError, match=r"could not be run .*apt-get install"):
        render(to_dot(build_view(warmte_model(), "goals")), "png")


def test_a_layout_that_takes_too_long_is_stopped_with_advice() -> None:
    view = build_view(crowd(1500), "org")
    with pytest.raises(LayoutError, match=r"longer than 0\.001 s.*--focus ID --depth N"):
        export_view(view, "svg", timeout=0.001)


def test_a_view_over_the_node_limit_is_refused_but_its_dot_is_given() -> None:
    view = build_view(crowd(MAX_LAYOUT_NODES + 1), "org")
    with pytest.raises(LayoutError, match=r"2,001 nodes.*--focus ID --depth N"):
        export_view(view, "svg")
    assert export_view(view, "dot").startswith(b"digraph org {")


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_a_view_drawn_again_is_not_laid_out_again_and_comes_out_the_same(
        monkeypatch: pytest.MonkeyPatch, graphviz_ran: list[str], fmt: str) -> None:
    view = build_view(warmte_model(), "bodies")
    first = draw(view, fmt)
    runs = len(graphviz_ran)
    assert runs >= 4, graphviz_ran  # two layouts, packed, drawn
    assert draw(view, fmt) == first and len(graphviz_ran) == runs, graphviz_ran
    monkeypatch.setattr(importlib.import_module("raci.export.render"), "GRAPHVIZ_RUNS",
                        GraphvizRuns(0))  # keeps nothing
    assert draw(view, fmt) == first  # as Graphviz draws it
    assert len(graphviz_ran) - runs > runs  # one layout of the view's is made twice in a drawing


def test_a_kept_run_is_known_by_the_files_it_names_not_by_the_others_in_its_folder(
        monkeypatch: pytest.MonkeyPatch, graphviz_ran: list[str], tmp_path: Path) -> None:
    """A folder of many files is not read at every run to tell whether it
    was run before: only the files the program is given are."""
    read: list[str] = []
    read_bytes = Path.read_bytes

    def counted(path: Path) -> bytes:
        read.append(path.name)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    drawn = {}
    for folder, notes, graph in [("first", "a", "a -> b"), ("second", "b" * 2**20, "a -> b"),
                                 ("third", "b", "a -> c")]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text(notes)
        (tmp_path / folder / "drawing.gv").write_text(f"digraph {{ {graph} }}")
        _run(["dot", "-Tsvg", "-O", "drawing.gv"], 10, str(tmp_path / folder))
        drawn[folder] = (tmp_path / folder / "drawing.gv.svg").read_bytes()
    assert "notes.txt" not in read and len(graphviz_ran) == 2  # the second as the first
    assert drawn["second"] == drawn["first"] and b"<title>c</title>" in drawn["third"]


def test_a_process_keeps_only_so_many_bytes_of_layouts() -> None:
    kept = GraphvizRuns(10)
    kept.keep("first", {"drawing.gv.svg": b"12345"})
    kept.keep("second", {"drawing.gv.svg": b"123", "drawing.gv.json": b"4"})
    assert kept.get("first") is not None  # now the latest asked for
    kept.keep("third", {"drawing.gv.svg": b"12"})
    assert kept.get("second") is None and kept.get("first") and kept.get("third")
    assert kept.size == 7


def test_a_kept_layout_does_not_hide_a_dot_gone_missing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dot = to_dot(build_view(warmte_model(), "goals"))
    assert render(dot, "svg").startswith(b"<?xml")
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no dot on it
    with pytest.raises(GraphvizMissingError, match=r"apt-get install graphviz"):
        render(dot, "svg")


def test_diagram_prints_dot_by_default(model_file: Path, raci: Raci) -> None:
    done = raci("diagram", model_file, "--view", "bodies")
    assert done.code == 0, done.err
    assert done.out.startswith("digraph bodies {")
    assert "Stuurgroep Warmte" in done.out


def test_diagram_takes_the_format_from_the_output_suffix(model_file: Path, tmp_path: Path,
                                                         raci: Raci) -> None:
    out = tmp_path / "org.svg"
    done = raci("diagram", model_file, "--view", "org", "-o", out)
    assert done.code == 0, done.err
    texts = [t.text for t in ET.parse(out).getroot().iter(f"{SVG}text")]
    assert "Petra Jansen" in texts and "Ministerie van BZK" in texts


def test_diagram_leaves_nothing_behind_in_the_current_folder(
        model_file: Path, tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    monkeypatch.chdir(folder)
    done = raci("diagram", model_file, "--view", "org", "-o", "org.svg")
    assert done.code == 0, done.err
    assert [path.name for path in folder.iterdir()] == ["org.svg"]


def test_diagram_writes_png_to_a_pipe(model_file: Path) -> None:
    done = run_raci("diagram", str(model_file), "--view", "goals", "--format", "png")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\x89PNG")


def test_diagram_refuses_binary_output_to_a_terminal(model_file: Path) -> None:
    child = pexpect.spawn(RACI, ["diagram", str(model_file), "--view", "goals",
                                 "--format", "pdf"], timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert b"give -o FILE" in (child.before or b"")


def test_diagram_without_dot_says_how_to_install_it(
        model_file: Path, tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no dot on it
    done = raci("diagram", model_file, "--view", "org", "--format", "svg")
    assert done.code == 2
    message = done.err.strip()
    assert len(message.splitlines()) == 1
    assert "apt-get install graphviz" in message and "--format dot" in message
    assert "Traceback" not in message
    fallback = raci("diagram", model_file, "--view", "org", "--format", "dot")
    assert fallback.code == 0 and fallback.out.startswith("digraph org {")


def test_diagram_focus_on_an_unknown_id_suggests_one(model_file: Path, raci: Raci) -> None:
    done = raci("diagram", model_file, "--view", "bodies", "--focus", "sg-warmt")
    assert done.code == 2
    assert "did you mean 'sg-warmte'?" in done.err


def test_diagram_focus_draws_only_the_neighbourhood(model_file: Path) -> None:
    done = run_raci("diagram", str(model_file), "--view", "decisions", "--focus", "d.subsidie",
                    "--depth", "1", "--format", "svg")
    assert done.returncode == 0, done.stderr
    classes = {g.get("id"): (g.get("class") or "").split()
               for g in ET.fromstring(done.stdout).iter(f"{SVG}g")}
    ids = {key for key, words in classes.items() if "node" in words and "legend" not in words}
    assert ids == {"decisions:d.subsidie", "decisions:sg-warmte"}


def test_diagram_highlights_findings_from_the_linter(model_file: Path) -> None:
    done = run_raci("diagram", str(model_file), "--view", "bodies", "--highlight-findings",
                    "--format", "svg")
    assert done.returncode == 0, done.stderr
    root = ET.fromstring(done.stdout)
    empty = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "bodies:tf-leeg")
    assert "finding-error" in (empty.get("class") or "").split()  # BOD009: no members
    titles = [a.get("{http://www.w3.org/1999/xlink}title") for a in empty.iter(f"{SVG}a")]
    assert any(t and t.startswith("error: ") and "BOD009" in t for t in titles)


def drawn_size(view_svg: bytes) -> tuple[float, float]:
    root = ET.fromstring(view_svg)
    return (float(root.attrib["width"].removesuffix("pt")),
            float(root.attrib["height"].removesuffix("pt")))


def stretch(size: tuple[float, float]) -> float:
    return max(size) / min(size)


def test_many_leaves_on_one_node_stand_in_columns() -> None:
    view = build_view(board_with_committees(40), "bodies")
    links = wrapping_links(view, [(edge.tail, edge.head) for edge in view.edges]).after
    heads = {head for _, head in links}
    per_row = 40 - len(links)  # each committee after the one a row earlier, but the first row
    assert 3 <= per_row <= 10 and len(heads) == len(links)
    wrapped = drawn_size(export_view(view, "svg", page=None))
    in_one_row = drawn_size(render(to_dot(view, fitting=Fitting(wrap=False)), "svg"))
    assert wrapped[0] * 3 < in_one_row[0], (wrapped, in_one_row)
    assert stretch(wrapped) <= 3 < stretch(in_one_row)


def test_a_few_leaves_stay_in_one_row() -> None:
    view = build_view(board_with_committees(3), "bodies")
    assert "style=invis" not in to_dot(view, titled=False).source


def test_bodies_reporting_to_nothing_are_packed_by_graphviz_not_one_row() -> None:
    model = Model(Org("Los"))
    for number in range(30):
        model.add(Body(id=f"b{number}", name=f"Overleg {number}", kind="working_group"))
    view = build_view(model, "bodies")
    source = to_dot(view, titled=False).source
    assert "pack=true" in source and "style=invis" not in source
    assert stretch(drawn_size(export_view(view, "svg", page=None))) <= 2


def frame_size(view_svg: bytes, frame_id: str) -> tuple[float, float]:
    """Width and height of a frame's outline in the SVG."""
    root = ET.fromstring(view_svg)
    group = next(g for g in root.iter(f"{SVG}g") if g.get("id") == frame_id)
    outline = next(group.iter(f"{SVG}path"), None)
    if outline is None:
        outline = next(group.iter(f"{SVG}polygon"))
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?",
                                            outline.get("d") or outline.get("points", ""))]
    xs, ys = numbers[0::2], numbers[1::2]
    return max(xs) - min(xs), max(ys) - min(ys)


def test_the_people_of_a_unit_stand_in_a_grid_inside_its_frame() -> None:
    """Row by row in the model's order, the first row at the top (the org
    view's ranks go up: the last row stood at the top, each read backwards)."""
    model = Model(Org("Team"))
    model.add(Unit(id="team", name="Team Data"))
    for number in range(30):
        model.add(Person(id=f"p{number}", name=f"Medewerker {number}", unit="team"))
    view = build_view(model, "org")
    drawn = export_view(view, "svg", page=None)
    width, height = frame_size(drawn, "org:team")
    assert stretch((width, height)) <= 3, (width, height)
    assert shown_in_order(view, drawn) == [f"Medewerker {number}" for number in range(30)]


def test_sub_units_wrap_into_rows_inside_their_parent() -> None:
    model = Model(Org("Ministerie"))
    model.add(Unit(id="min", name="Ministerie"))
    model.add(Role(id="sg", name="Secretaris-Generaal", unit="min"))
    for number in range(14):
        model.add(Unit(id=f"dir{number}", name=f"Directie {number}", parent="min"))
        model.add(Role(id=f"d{number}", name=f"Directeur {number}", unit=f"dir{number}",
                       reports_to="sg"))
        model.add(Person(id=f"p{number}", name=f"Medewerker {number}", unit=f"dir{number}"))
    view = build_view(model, "org")
    assert wrapping_links(view, [(e.tail, e.head) for e in view.edges]).after
    width, height = frame_size(export_view(view, "svg", page=None), "org:min")
    assert stretch((width, height)) <= 3, (width, height)


EVERY_VIEW_AS_DOT = """
import sys
from raci.cli import main
for view in sys.argv[2:]:
    try:
        main(["diagram", sys.argv[1], "--view", view, "--format", "dot"])
    except SystemExit as ended:
        print(f"exit {ended.code}")
"""
"""`raci diagram --view VIEW --format dot` for each view named, one process for
all of them (starting one is most of what drawing a view costs): each view's
DOT followed by its exit code."""


def test_a_view_is_drawn_the_same_in_every_run() -> None:
    sample = Path(__file__).parents[1] / "raci" / "sample_orgs" / "energietransitie.yaml"
    runs = [subprocess.run([sys.executable, "-c", EVERY_VIEW_AS_DOT, str(sample), *VIEWS],
                           capture_output=True, timeout=300, check=False,
                           env={**os.environ, "PYTHONHASHSEED": seed}) for seed in ("1", "2", "3")]
    assert all(run.returncode == 0 for run in runs), [run.stderr for run in runs]
    drawn = [run.stdout.split(b"exit 0\n") for run in runs]  # each view, then what is after
    for view, texts in zip(VIEWS, zip(*drawn, strict=True), strict=False):
        assert all(text.startswith(b"digraph") for text in texts), (view, texts[0][:80])
        assert len(set(texts)) == 1, view
    assert all(len(views) == len(VIEWS) + 1 and views[-1] == b"" for views in drawn)


def test_diagram_writes_mermaid_by_its_suffix_or_format(model_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "bodies.mmd"
    done = run_raci("diagram", str(model_file), "--view", "bodies", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("flowchart BT\n") and "Stuurgroep Warmte" in text
    piped = run_raci("diagram", str(model_file), "--view", "bodies", "--format", "mermaid")
    assert piped.returncode == 0 and piped.stdout.decode() == text


def test_diagram_leaves_out_the_key_when_asked(model_file: Path) -> None:
    def key(*extra: str) -> list[str]:
        """The ids of the key's samples in the SVG, and the title's texts."""
        done = run_raci("diagram", str(model_file), "--view", "bodies", "--format", "svg", *extra)
        assert done.returncode == 0, done.stderr
        root = ET.fromstring(done.stdout)
        samples = [g.get("id") or "" for g in root.iter(f"{SVG}g")
                   if "legend" in (g.get("class") or "").split()]
        title = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "bodies:key:title")
        return [*samples, *(t.text or "" for t in title.iter(f"{SVG}text"))]

    assert "bodies:key:node:body:steering_group" in key()
    # No sample left: only the title (wrapped or not, as the drawing's width has it).
    title, *texts = key("--no-legend")
    assert title == "bodies:key:title" and " ".join(texts) == "Programma Warmte — bodies view"


def test_the_raci_chart_stands_right_under_its_key() -> None:
    """`gvpack` measured the chart's table again with other font metrics and
    made its node 58 points taller than the table, drawn centred in it: a gap
    of 80 points between the key and the chart. The table is held at the size
    `dot` gave it."""
    model = read_model(SAMPLE).model
    chart = focus_view(build_view(model, "raci"), model, "g.wijkaanpak", 2)
    svg = draw(chart, "svg").data.decode("utf-8")
    nodes = dict(re.findall(r'<g id="([^"]*)" class="node[^"]*">(.*?)</g>', svg, re.S))
    table_top = min(float(point.split(",")[1]) for points in
                    re.findall(r'points="([^"]*)"', nodes["raci:table"])
                    for point in points.split())
    key_bottom = max(float(y) for key, body in nodes.items() if ":key:" in key
                     for y in re.findall(r'<text [^>]*y="([-\d.]+)"', body))
    assert 0 < table_top - key_bottom < 30


@pytest.mark.parametrize("name", ["bodies", "decisions"])
def test_every_node_keeps_the_size_dot_gave_it(name: str) -> None:
    """`gvpack` and `neato` measured every node again (other font metrics): a
    taskforce's slanted box came out 27 points wider than `dot` laid it out,
    over its lines' ends. Every node keeps the size `dot` gave it, but for
    `gvpack`'s rounding to whole points."""
    model = read_model(SAMPLE).model
    view = build_view(model, name)
    page = PAGES[DEFAULT_PAGE]
    fitting = fitted(view, page, 60)
    own = json.loads(run_dot(to_dot(view, page=page, fitting=fitting, titled=False,
                                    words_aside=False).source, ("json",), 60)["json"])
    packed = json.loads(run_titled(view, page, True, fitting, ("json",), 60)["json"])
    sizes = {node["name"]: (float(node["width"]), float(node["height"]))
             for node in own["objects"] if "nodes" not in node}
    drawn = {node["name"]: (float(node["width"]), float(node["height"]))
             for node in packed["objects"] if node.get("name") in sizes}
    assert drawn.keys() == sizes.keys()
    grown = {name: (sizes[name], size) for name, size in drawn.items()
             if max(abs(a - b) for a, b in zip(size, sizes[name], strict=True)) * 72 > 0.5}
    assert not grown, grown


def test_sub_units_whose_people_hold_roles_elsewhere_still_wrap_into_rows() -> None:
    """Each unit's frame hangs from the role its head reports to, wherever else
    someone in it holds a role: two wide units under one director stand one
    under the other, not side by side far wider than the page (a narrow one:
    on A3 and A4 they fit side by side, their roles wrapped in rows)."""
    model = Model(Org("Directie"))
    model.add(Unit(id="dir", name="Directie Archieven"))
    model.add(Role(id="d", name="Directeur Directie Archieven", unit="dir"))
    model.add(Unit(id="elders", name="Elders"))
    model.add(Role(id="x", name="Privacy officer", unit="elders"))
    for unit in ("a1", "a2"):
        model.add(Unit(id=unit, name=f"Afdeling {unit}", parent="dir"))
        model.add(Role(id=f"{unit}-hoofd", name=f"Afdelingshoofd {unit}", unit=unit,
                       reports_to="d"))
        for number in range(5):
            model.add(Role(id=f"{unit}-{number}", name=f"Beleidsmedewerker {unit} {number}",
                           unit=unit, reports_to=f"{unit}-hoofd"))
        model.add(Person(id=f"p-{unit}", name=f"Medewerker {unit}", unit=unit))
        model.roles[f"{unit}-0"].holders.append(f"p-{unit}")
        model.roles["x"].holders.append(f"p-{unit}")
    view = build_view(model, "org")
    sizes = fitted(view, PAGES["a3"], 60).sizes  # as a first layout measures them
    links = wrapping_links(view, [(e.tail, e.head) for e in view.edges], (450.0, 900.0),
                           sizes=sizes).after
    units = {key: node.cluster for key, node in view.nodes.items()}
    assert {(units[tail], units[head]) for tail, head in links} & {("a1", "a2"), ("a2", "a1")}


LOOSE = ["Werkgroep Wonen", "Commissie Audit", "Raad van Toezicht", "Adviesraad Jeugd",
         "Stuurgroep Energie en Warmtetransitie in de Regio", "Kerngroep Data", "Beraad Zorg",
         "Overleg Netten", "Taskforce Water", "Denktank Mobiliteit en Bereikbaarheid",
         "Jury Prijzen", "Platform Klimaat", "Netwerk Cultuur", "Forum Onderwijs",
         "Huisraad", "Leerkring Veiligheid", "Ambtelijk Overleg Grondzaken en Ruimtelijke Ordening",
         "Zorgtafel", "Expertteam Erfgoed", "Gebruikersraad"]
"""Twenty names in no order, some long enough to be drawn on two lines."""


def read_in_order(view: View) -> list[str]:
    """The boxes' titles as `dot -Tjson` lays the view out on its page: row
    by row, top to bottom and within a row left to right; where ranks are
    columns, column by column, left to right and within a column top down."""
    return in_rows(laid_out(view))


def laid_out(view: View) -> list[tuple[float, float, str]]:
    """The boxes' titles at (row, place across it) as `dot -Tjson` lays the
    view out on its page; where ranks are columns, a column is a row."""
    across = view.direction in ("LR", "RL")
    page = PAGES[DEFAULT_PAGE]
    source = to_dot(view, page=page, fitting=fitted(view, page, 60), titled=False).source
    titles = {name: view.nodes[node].title for node, name in node_names(view).items()}
    boxes = []
    for element in json.loads(run_dot(source, ("json",), 60)["json"])["objects"]:
        if element.get("name") in titles:
            x, y = map(float, element["pos"].split(","))
            boxes.append((x, -y, titles[element["name"]]) if across
                         else (-y, x, titles[element["name"]]))
    return boxes


def shown_in_order(view: View, drawn: bytes) -> list[str]:
    """The boxes' titles as an SVG drawing of a view whose ranks are rows shows
    them: row by row, top to bottom, and within a row left to right."""
    boxes = []
    for group in ET.fromstring(drawn).iter(f"{SVG}g"):
        key = (group.get("id") or "").removeprefix(f"{view.name}:")
        if key in view.nodes and "node" in (group.get("class") or "").split():
            text = next(group.iter(f"{SVG}text"))
            boxes.append((float(text.get("y", "")), float(text.get("x", "")),
                          view.nodes[key].title))
    return in_rows(boxes)


def in_rows(boxes: list[tuple[float, float, str]]) -> list[str]:
    """Titles at (row, place across it) read row by row, and in a row by place."""
    boxes.sort()
    rows: list[list[tuple[float, str]]] = []
    for before, (row, place, title) in zip([None, *boxes], boxes, strict=False):
        if before is None or row - before[0] > 10:  # a row's boxes line up within points
            rows.append([])
        rows[-1].append((place, title))
    return [title for row in rows for _place, title in sorted(row)]


@pytest.mark.parametrize(("view_name", "by"), [("bodies", "unit"), ("goals", "goal")])
def test_what_nothing_orders_is_drawn_in_alphabetical_order(view_name: str, by: str) -> None:
    """Bodies in no unit (ranks top down) and initiatives of no goal (ranks
    right to left) were laid out widest first: a box on two lines came
    first and `adjutant` last, bottom right, on the page titled `adjutant to
    charm-interface-cinder-backend`."""
    model = Model(Org("Los"))
    for number, name in enumerate(LOOSE):
        model.add(Body(id=f"b{number}", name=name, kind="working_group") if view_name == "bodies"
                  else Initiative(id=f"i{number}", name=name))
    view = build_view(model, view_name)
    first = split_view(view, model, by, lambda part: len(part.nodes) <= 10)[0]
    assert read_in_order(first) == sorted(LOOSE, key=str.casefold)[:len(first.nodes)]


def one_node_and_its_family(view_name: str, count: int) -> View:
    """One goal and `count` initiatives towards it (ranks right to left), or one
    decision and `count` people consulted on it (ranks left to right)."""
    model = Model(Org("Een"))
    if view_name == "goals":
        model.add(Goal(id="g", name="Doel"))
        for number in range(count):
            model.add(Initiative(id=f"i{number:02d}", name=f"Initiatief {number:02d}",
                                 goals=["g"]))
    else:
        model.add(Unit(id="u", name="Afdeling"))
        model.add(Decision(id="d", name="Besluit"))
        for number in range(count):
            model.add(Person(id=f"p{number:02d}", name=f"Persoon {number:02d}", unit="u"))
            model.assign("d", "C", f"p{number:02d}")
    return build_view(model, view_name)


@pytest.mark.parametrize(("view_name", "count"), [("goals", 12), ("goals", 16),
                                                   ("decisions", 12)])
def test_a_family_in_columns_reads_in_order_column_by_column(view_name: str,
                                                             count: int) -> None:
    """The column beside the node comes first, each top down: invisible edges
    between neighbours in a column swapped boxes from the second column on
    (i05, i07, i06 on A3)."""
    view = one_node_and_its_family(view_name, count)
    boxes = laid_out(view)
    node = next(column for column, _, title in boxes if title in ("Doel", "Besluit"))
    read = in_rows([(abs(column - node), place, title) for column, place, title in boxes])
    assert read[1:] == sorted(read[1:]) and len(read) == count + 1, read
