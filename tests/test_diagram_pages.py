"""Pictures for a page: every view of every sample and of a generated small model
reads on its page (shape within 3:1, no text under 8 pt once scaled), or says so
and splits into parts that do; the page options, splits and the PDF's sheets.

The shape and text size are read from the SVG the real `dot` wrote, by this
test's own reading of it: the printed size, and each text's size times the
scale Graphviz drew the picture at.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from functools import cache
from pathlib import Path
from unittest.mock import patch

import pytest
from conftest import Raci
from pypdf import PdfReader
from test_diagram_model import board_with_committees, warmte_model
from test_diagram_render import SVG

from raci.cli.diagram_commands import write_parts
from raci.errors import RaciError
from raci.export.graph import View, focus_view
from raci.export.layout import guessed_pages, guessed_to_fit
from raci.export.page import DEFAULT_PAGE, PAGES, Page
from raci.export.render import LEAST_SPARED, clearly_fits, draw, estimated_fit, fits_page, fitted
from raci.export.split import MOST_SPLIT_PARTS, SPLITS, check_split_size, guessed_parts, split_view
from raci.export.views import VIEWS, build_view
from raci.formats import read_model, write_model
from raci.generate import SHAPES, generate_model
from raci.i18n import set_language
from raci.model import Assignment, Goal, Initiative, Kpi, Model, Org, Person, Role, Unit

SAMPLES = sorted((Path(__file__).parents[1] / "sample_orgs").glob("*.yaml"))
LONGEST = 3.0
SMALLEST_POINTS = 8.0


def printed(svg: bytes) -> tuple[float, float, float]:
    """The picture's printed width and height and its smallest printed text, in points."""
    root = ET.fromstring(svg)
    width, height = (float(root.attrib[side].removesuffix("pt")) for side in ("width", "height"))
    graph = next(g for g in root.iter(f"{SVG}g") if "graph" in (g.get("class") or "").split())
    background = next(graph.iter(f"{SVG}polygon"))
    xs = [float(point.split(",")[0]) for point in background.attrib["points"].split()]
    scale = width / (max(xs) - min(xs))  # as laid out -> as printed
    sizes = [float(text.attrib["font-size"]) for text in root.iter(f"{SVG}text")]
    return width, height, min(sizes) * min(scale, 1.0)


def reads(svg: bytes, page: Page) -> tuple[bool, str]:
    width, height, smallest = printed(svg)
    inside = [side * 72 for side in page.printable]
    assert width <= inside[0] + 1 and height <= inside[1] + 1, "scaled to the page"
    stretch = max(width, height) / min(width, height)
    return stretch <= LONGEST and smallest >= SMALLEST_POINTS, \
        f"{width:.0f} x {height:.0f} pt, text {smallest:.1f} pt"


@cache
def model_of(name: str) -> Model:
    if name == "generated-small":
        # One directorate of the small size's four, fewer people in a
        # department and shorter deep chains: every view is still pages large
        # and splits into 2 to 8 parts (the test checks it still splits), in
        # less than half the layouts of one directorate-general (59 s of CPU).
        smaller = replace(SHAPES["small"], dgs=1, directorates=1, department_people=(3, 2),
                          chain=6)
        with patch.dict(SHAPES, small=smaller):
            return generate_model("small", 1)
    return read_model(next(path for path in SAMPLES if path.stem == name)).model


def check_view(model: Model, view_name: str, page: Page) -> list[View]:
    """The whole view reads on the page, or every part of its split does; the
    parts (none where the whole reads)."""
    view = build_view(model, view_name)
    whole = draw(view, "svg", page=page)
    fine, how = reads(whole.data, page)
    assert whole.fit is not None and whole.fit.reads == fine, how  # the CLI warns by this
    if fine:
        return []
    parts = split_view(view, model, SPLITS[view_name], fits_page(page))
    assert len(parts) > 1
    for part in parts:
        part_fine, part_how = reads(draw(part, "svg", page=page).data, page)
        assert part_fine, f"{part.subtitle}: {part_how}"
    return parts


@pytest.mark.parametrize("view_name", list(VIEWS))
@pytest.mark.parametrize("sample", [path.stem for path in SAMPLES])
def test_every_view_of_every_sample_reads_on_the_default_page(sample: str,
                                                              view_name: str) -> None:
    check_view(model_of(sample), view_name, PAGES[DEFAULT_PAGE])


@pytest.mark.parametrize("view_name", list(VIEWS))
def test_every_view_of_a_generated_small_model_reads_on_the_default_page(
        view_name: str) -> None:
    assert check_view(model_of("generated-small"), view_name, PAGES[DEFAULT_PAGE])  # split


@pytest.mark.parametrize("page_name", ["slide", "a4", "a4-portrait", "a3-portrait"])
def test_a_sample_view_reads_on_every_page(page_name: str) -> None:
    check_view(model_of("energietransitie"), "bodies", PAGES[page_name])


def test_a_drawing_too_large_for_its_page_is_scaled_to_it() -> None:
    view = build_view(model_of("energietransitie"), "raci")
    width, height, smallest = printed(draw(view, "svg", page=PAGES["a4"]).data)
    assert (width, height) <= (PAGES["a4"].printable[0] * 72 + 1, 10_000)
    assert smallest < SMALLEST_POINTS  # and says so: it does not read
    natural = printed(draw(view, "svg", page=None).data)
    assert natural[0] > width and natural[2] == 10.0


def test_diagram_says_in_one_line_when_a_view_does_not_read_on_its_page(
        tmp_path: Path, raci: Raci) -> None:
    done = raci("diagram", SAMPLES[0], "--view", "raci", "--page", "a4", "-o",
                tmp_path / "raci.svg")
    assert done.code == 0
    lines = done.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("raci: warning: the raci view does not read on a4: its text")
    assert "--split goal" in lines[0] and "raci matrix" in lines[0]
    quiet = raci("diagram", SAMPLES[0], "--view", "bodies", "-o", tmp_path / "b.svg")
    assert quiet.code == 0 and quiet.err == ""



def test_split_of_a_view_that_fits_one_page_says_no_note_on_its_time(
        tmp_path: Path, raci: Raci) -> None:
    model = tmp_path / "warmte.yaml"
    write_model(warmte_model(), model)
    done = raci("diagram", model, "--view", "org", "--split", "unit", "--page", "a4",
                "-o", tmp_path / "org.svg")
    assert done.code == 0, done.err
    assert done.err.splitlines() == ["wrote 1 drawing: org-1.svg"]

def test_split_writes_numbered_drawings_each_titled_with_its_part(
        tmp_path: Path, raci: Raci) -> None:
    done = raci("diagram", SAMPLES[0], "--view", "org", "--split", "unit",
                "--page", "a4", "-o", tmp_path / "org.svg")
    assert done.code == 0, done.err
    files = sorted(tmp_path.glob("org-*.svg"), key=lambda path: int(path.stem.split("-")[1]))
    assert len(files) >= 2
    assert done.out == ""
    said = done.err.splitlines()
    assert said[0] == ("raci: note: splitting the org view to fit a4: each part is laid out to "
                       "see that it reads, which takes a while on a large view")
    drawing = [line for line in said if line.startswith("raci: drawing part")]
    assert [line.split(": ")[1] for line in drawing] == [  # each named as its subtitle names it
        f"drawing part {number} of {len(files)}" for number in range(1, len(files) + 1)]
    assert said[-1] == (  # a status line, as "wrote FILE" is
        f"wrote {len(files)} drawings: org-1.svg … org-{len(files)}.svg")
    for number, path in enumerate(files, 1):
        texts = [t.text or "" for t in ET.parse(path).getroot().iter(f"{SVG}text")]
        assert any(t.startswith(f"Part {number} of {len(files)}: ") for t in texts), texts[:3]
        named = drawing[number - 1].split(": ", 2)[2]
        assert named in " ".join(texts), (named, texts[:3])  # as its subtitle, wrapped


def test_the_files_of_a_split_listed_by_name_come_in_part_order(tmp_path: Path) -> None:
    """Kubernetes' org view splits into 24 parts: a folder listed by name
    showed org-1.svg, org-10.svg … org-19.svg, org-2.svg, org-20.svg."""
    drawings = [f"<svg>part {number}</svg>".encode() for number in range(1, 25)]
    write_parts(tmp_path / "org.svg", "svg", drawings, PAGES[DEFAULT_PAGE])
    listed = sorted(tmp_path.iterdir())
    assert [path.read_bytes() for path in listed] == drawings
    assert [path.name for path in listed[:2]] == ["org-01.svg", "org-02.svg"]
    write_parts(tmp_path / "goals.svg", "svg", drawings[:3], PAGES[DEFAULT_PAGE])
    assert sorted(path.name for path in tmp_path.glob("goals-*")) == [
        "goals-1.svg", "goals-2.svg", "goals-3.svg"]  # no 0 where fewer than ten


def test_split_into_a_pdf_gives_one_sheet_of_the_page_per_part(
        tmp_path: Path, raci: Raci) -> None:
    """The split `test_split_writes_numbered_drawings_each_titled_with_its_part`
    draws: its layouts are kept (`GRAPHVIZ_RUNS`), so only the PDF is drawn."""
    out = tmp_path / "org.pdf"
    done = raci("diagram", SAMPLES[0], "--view", "org", "--split", "unit",
                "--page", "a4", "-o", out)
    assert done.code == 0, done.err
    pages = PdfReader(out).pages
    count = int(re.search(r"wrote (\d+) parts in org.pdf", done.err).group(1))  # type: ignore[union-attr]
    assert len(pages) == count > 1
    for sheet in pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            842, 595)
    assert "Part 1 of" in pages[0].extract_text()


def test_a_pdf_is_a_sheet_of_its_page() -> None:
    for name in ("a4-portrait", "slide"):
        page = PAGES[name]
        pdf = draw(build_view(warmte_model(), "goals"), "pdf", page=page).data
        sheet = PdfReader(io.BytesIO(pdf)).pages[0]
        assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == pytest.approx(
            (page.width * 72, page.height * 72), abs=0.5)


def test_split_needs_a_file_and_the_split_the_view_is_made_of(tmp_path: Path,
                                                             raci: Raci) -> None:
    no_file = raci("diagram", SAMPLES[0], "--view", "org", "--split", "unit")
    assert no_file.code == 2
    assert no_file.err.strip().endswith("writes one drawing per part; give -o FILE")
    wrong = raci("diagram", SAMPLES[0], "--view", "org", "--split", "goal",
                 "-o", tmp_path / "o.svg")
    assert wrong.code == 2
    assert "the org view is split by unit; give --split unit" in wrong.err


@pytest.mark.parametrize(("options", "written"), [
    (("--split", "unit"), ["org-1.dot", "org-2.dot"]),
    (("--split", "unit", "--format", "svg"), ["org-1.svg", "org-2.svg"]),
    (("--split", "unit", "--format", "pdf"), ["org.pdf"]),
    ((), ["org.dot"]),
])
def test_o_a_folder_writes_into_it_named_after_the_view(
        tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch,
        options: tuple[str, ...], written: list[str]) -> None:
    """`-o out/` (docs/diagrams.md): the drawings in the folder, made if
    missing, each with its format's suffix; nothing in the current directory."""
    monkeypatch.chdir(tmp_path)
    done = raci("diagram", SAMPLES[0], "--view", "org", "--page", "a3", *options,
                "-o", "handout/parts/")
    assert done.code == 0, done.err
    assert sorted(path.name for path in (tmp_path / "handout" / "parts").iterdir()) == written
    assert sorted(path.name for path in tmp_path.iterdir()) == ["handout"]


def test_o_a_folder_that_is_there_without_a_slash(tmp_path: Path, raci: Raci) -> None:
    (tmp_path / "out").mkdir()
    done = raci("diagram", SAMPLES[0], "--view", "bodies", "--format", "svg",
                "-o", tmp_path / "out")
    assert done.code == 0, done.err
    assert [path.name for path in (tmp_path / "out").iterdir()] == ["bodies.svg"]


def test_a_line_between_parts_ends_in_a_connector_naming_the_other_part() -> None:
    model = warmte_model()
    alone = split_view(build_view(model, "org"), model, "unit",
                       lambda part: " and " not in part.subtitle)  # every unit on its own page
    assert len(alone) == 2
    parts = alone
    first, second = parts[0], parts[1]
    assert first.subtitle == "Part 1 of 2: Ministerie van BZK · continues in part 2"
    assert second.subtitle == "Part 2 of 2: Adviesbureau X · continues in part 1"
    connector = first.nodes["elsewhere:kwartiermaker-warmte"]
    assert (connector.title, connector.lines) == ("Kwartiermaker Warmte", ["in part 2"])
    assert {(e.tail, e.head) for e in first.edges if e.head == "dg-bw"} == {
        ("pd-flex", "dg-bw"), ("elsewhere:kwartiermaker-warmte", "dg-bw")}


def test_small_areas_share_a_page_and_large_ones_are_split_again() -> None:
    model = warmte_model()
    view = build_view(model, "goals")
    together = split_view(view, model, "goal", lambda part: True)
    assert [part.subtitle.split(" · ")[0] for part in together] == [
        "Part 1 of 1: Klimaatneutraal 2050, Voldoende woningen and outside every goal area"]
    # What is outside every goal area joins the last page it fits on, not a page of its own.
    only_klimaat = split_view(view, model, "goal", lambda part: " and " not in part.subtitle
                              or "Voldoende" not in part.subtitle)
    assert [part.subtitle.split(" · ")[0] for part in only_klimaat] == [
        "Part 1 of 2: Klimaatneutraal 2050 and outside every goal area",
        "Part 2 of 2: Voldoende woningen"]
    alone = split_view(view, model, "goal", lambda part: " and " not in part.subtitle)
    assert [part.subtitle.split(" · ")[0] for part in alone] == [
        "Part 1 of 3: Klimaatneutraal 2050", "Part 2 of 3: Voldoende woningen",
        "Part 3 of 3: Outside every goal area"]
    model.add(Kpi(id="k.co2", name="CO2-uitstoot", measures="g.klimaat", type="lagging"))
    view = build_view(model, "goals")  # the Klimaat area now draws six nodes
    apart = split_view(view, model, "goal", lambda part: len(part.nodes) <= 5)
    assert [part.subtitle.split(" · ")[0] for part in apart][:2] == [
        "Part 1 of 3: Klimaatneutraal 2050",
        "Part 2 of 3: Klimaatneutraal 2050: 1,5 miljoen woningen aardgasvrij"]


def test_focus_does_not_walk_through_a_hub(raci: Raci) -> None:
    model = board_with_committees(20)
    bodies = build_view(model, "bodies")
    near = focus_view(bodies, model, "c3", 2)
    assert set(near.nodes) == {"c3", "board"}  # the board is drawn, not walked through
    assert len(focus_view(bodies, model, "c3", 2, hub=0).nodes) == 21
    assert len(focus_view(bodies, model, "c3", 2, hub=20).nodes) == 21
    assert len(focus_view(bodies, model, "board", 1).nodes) == 21  # the focus itself is walked
    done = raci("diagram", SAMPLES[0], "--view", "bodies", "--focus", "sg-vego", "--hub", "-1")
    assert done.code == 2


def test_an_area_too_large_is_halved_and_many_lines_to_one_page_end_in_one_connector() -> None:
    model = board_with_committees(20)  # no units at all: one area, everything
    parts = split_view(build_view(model, "bodies"), model, "unit",
                       lambda part: len(part.nodes) <= 12)
    assert len(parts) >= 2
    assert all(len(part.nodes) <= 12 for part in parts)
    assert parts[0].subtitle.startswith("Part 1 of 2: Commissie 0 to Commissie 17")
    assert parts[1].subtitle.startswith("Part 2 of 2: Commissie 18 to Raad van Bestuur")
    drawn = [node for part in parts for node in part.nodes if not node.startswith("elsewhere")]
    assert sorted(drawn) == sorted(model.bodies)  # each body drawn once
    board_page = next(part for part in parts if "board" in part.nodes)
    grouped = [node for key, node in board_page.nodes.items()
               if key.startswith("elsewhere:page:")]
    assert grouped and grouped[0].title.endswith(" more")
    assert grouped[0].lines[0].startswith("in part ")
    assert len([e for e in board_page.edges if e.tail == grouped[0].id]) == 1


@pytest.mark.parametrize("language", ["en", "nl"])
def test_each_part_says_which_part_it_is_naming_each_area_once(language: str) -> None:
    """Parts of goals under one top-level goal named it after every one of them
    ("A (Top), B (Top) and C (Top)"): the top is said once, before its goals."""
    set_language(language)
    model = model_of("nationaal-archief")
    parts = split_view(build_view(model, "goals"), model, "goal")
    top = next(goal.name for goal in model.goals.values() if goal.parent is None)
    word = {"en": "Part", "nl": "Deel"}[language]
    for number, part in enumerate(parts, 1):
        assert part.subtitle.startswith(f"{word} {number} ")
        assert part.subtitle.count(top) == 1, part.subtitle
        assert part.subtitle.split(": ", 1)[1].startswith(f"{top}: ")
    assert len({part.subtitle for part in parts}) == len(parts) > 1


def test_a_view_that_clearly_reads_is_not_packed_and_drawn_to_tell(graphviz_ran: list[str]) -> None:
    """A split asks of every part it tries whether it fits the page: each ask
    packed and drew it (`gvpack`, `neato`), about a hundred full layouts for a
    generated small organisation's org view. Where the heading and the drawing
    laid out apart clearly read (or clearly do not), that is the answer."""
    view = build_view(warmte_model(), "org")
    assert fits_page(PAGES[DEFAULT_PAGE])(view)
    assert graphviz_ran and not {"gvpack", "neato"} & set(graphviz_ran), graphviz_ran


@pytest.mark.parametrize("name", ["bodies", "decisions"])
def test_the_estimate_of_a_fit_agrees_with_the_drawing_where_it_is_sure(name: str) -> None:
    """`estimated_fit` decides only where it is clearly on one side of the line;
    there it says what drawing the view says: whole views and parts of a split,
    on pages where they read and where they do not."""
    model = model_of("energietransitie")
    view = build_view(model, name)
    parts = split_view(view, model, SPLITS[name], fits_page(PAGES["a4-portrait"]))
    for part, page in [(view, "a3"), (view, "a4-portrait"),
                       *((part, "a4-portrait") for part in parts)]:
        sure = clearly_fits(estimated_fit(part, PAGES[page], fitted(part, PAGES[page], 60), 60))
        fit = draw(part, "svg", page=PAGES[page]).fit
        assert fit is not None
        drawn = fit.reads and fit.smallest_text >= LEAST_SPARED
        assert sure in (None, drawn), (part.subtitle, page, fit)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_part_title_says_which_sections_of_a_large_area_it_holds(language: str) -> None:
    """"Korpsstaf, 1–1 of 3" and "Korpsstaf, 2–3 of 3" (counts of nodes) read
    as nothing: a part names the sections of a halved area it holds, under
    the area above it as any other part does, and the part outside every
    area mid-title in lower case."""
    from raci.export.split import Areas, _names

    set_language(language)
    areas = Areas("Outside every goal area" if language == "en" else "Buiten elk doelgebied",
                  {"np": None, "ks": "np", "min": None}, {
                      "np": "Nationale Politie", "ks": "Korpsstaf", "min": "Ministerie"}, {})
    areas.spans = {"ks#1": ("Korpsstaf", 1, 3), "ks#2": ("Korpsstaf", 2, 3),
                   "ks#2#1": ("Korpsstaf", 2, 3), "ks#2#2": ("Korpsstaf", 3, 3)}
    words = {"en": ("section 1 of 3", "sections 2 and 3 of 3", " and outside every goal area"),
             "nl": ("gedeelte 1 van 3", "gedeelten 2 en 3 van 3", " en buiten elk doelgebied")}
    first, later, outside = words[language]
    assert _names(areas, ["min", "ks#1"]) == f"Ministerie; Nationale Politie: Korpsstaf ({first})"
    assert _names(areas, ["ks#2#1", "ks#2#2"]) == f"Nationale Politie: Korpsstaf ({later})"
    assert _names(areas, ["min", "outside"]) == "Ministerie" + outside


def chain_model(depth: int) -> Model:
    """Units nested `depth` deep with two roles in the deepest, beside a unit
    with two roles of its own under the top."""
    model = Model(Org("Keten"))
    model.add(Unit(id="u0", name="Ministerie"))
    for level in range(1, depth):
        model.add(Unit(id=f"u{level}", name=f"Niveau {level}", parent=f"u{level - 1}"))
    model.add(Unit(id="naast", name="Directie Naast", parent="u0"))
    for number, unit in enumerate([f"u{depth - 1}", f"u{depth - 1}", "naast", "naast"]):
        model.add(Role(id=f"r{number}", name=f"Rol {number}", unit=unit))
    return model


def test_a_part_draws_the_frames_that_hold_nothing_else_as_one() -> None:
    """A unit deep down is drawn in one frame naming the units above it,
    not in a frame of its own for each, each taking a line and a margin."""
    model = chain_model(3)
    parts = split_view(build_view(model, "org"), model, "unit",
                       lambda part: len(part.nodes) <= 2)
    deep = next(part for part in parts if "r0" in part.nodes)
    assert [(c.title, c.parent) for c in deep.clusters.values()] == [
        ("Ministerie\n› Niveau 1\n› Niveau 2", None)]
    assert {node.cluster for node in deep.nodes.values()} == {"u2"}
    beside = next(part for part in parts if "r2" in part.nodes)
    assert [c.title for c in beside.clusters.values()] == ["Ministerie\n› Directie Naast"]
    longer = chain_model(6)
    parts = split_view(build_view(longer, "org"), longer, "unit", lambda part: len(part.nodes) <= 2)
    assert [c.title for c in next(p for p in parts if "r0" in p.nodes).clusters.values()] == [
        "Ministerie\n› …\n› Niveau 4\n› Niveau 5"]
    whole = build_view(model, "org")  # a drawing of every unit keeps each frame
    assert len(whole.clusters) == len(model.units)


def test_a_split_guessed_at_too_many_parts_is_refused_before_any_layout(
        tmp_path: Path, ministry: Model, ministry_file: Path, raci: Raci) -> None:
    """The goals view of a generated ministry made 265 parts in 24 minutes:
    refused at once, with the largest goal area to split instead."""
    loaded, model = ministry, ministry_file
    out = tmp_path / "goals.pdf"
    done = raci("diagram", model, "--view", "goals", "--split", "goal", "-o", out)
    assert done.code == 2 and not out.exists()
    said = done.err
    assert said.count("\n") == 1 and said.startswith(
        "raci: the goals view is too large to split: on a3 it would take about ")
    assert f"parts or more (at most {MOST_SPLIT_PARTS} are drawn); split a part of it with " \
           "--focus ID --depth N (its largest goal: --focus " in said
    advised = re.search(r"--focus (\S+) --depth 2 --split goal\)$", said.strip())
    assert advised is not None
    view = build_view(loaded, "goals")
    assert guessed_parts(view, PAGES["a3"].room) > MOST_SPLIT_PARTS
    focused = focus_view(view, loaded, advised.group(1), 2)
    check_split_size(focused, loaded, "goal", PAGES["a3"].room, "a3")  # the advice is taken
    assert len(focused.nodes) < len(view.nodes) / 4


def goal_with_actors(count: int) -> Model:
    """One goal with `count` roles assigned to it: one Accountable, then a
    quarter Responsible, the others Consulted or Informed by turns."""
    model = Model(Org("Veertig"))
    model.add(Unit(id="u", name="Programma"))
    model.add(Goal(id="g.een", name="Een doel met veel betrokkenen"))
    for number in range(1, count + 1):
        model.add(Role(id=f"r.{number}", name=f"Adviseur onderdeel {number}", unit="u"))
        letter = "A" if number == 1 else "R" if number <= count // 4 else "CI"[number % 2]
        model.assign("g.een", letter, f"r.{number}")
    return model


def test_one_goal_with_forty_actors_is_split_into_parts_that_each_read() -> None:
    """Halving stopped at one item a part: a goal with forty actors was one
    part, printed at 3.6 pt on A4. Its actors are divided among parts that
    each draw the goal, each part saying which of them it holds."""
    model = goal_with_actors(40)
    page = PAGES["a4"]
    parts = split_view(build_view(model, "raci"), model, "goal", fits_page(page))
    assert len(parts) > 1
    assert all("g.een" in part.nodes and "r.1" in part.nodes for part in parts)  # and its A
    drawn = [node for part in parts for node in part.nodes if node not in ("g.een", "r.1")]
    assert sorted(drawn) == sorted(set(model.roles) - {"r.1"})  # each other actor drawn once
    assert all(len(part.edges) == len(part.nodes) - 1 for part in parts)
    for part in parts:
        fine, how = reads(draw(part, "svg", page=page).data, page)
        assert fine, f"{part.subtitle}: {how}"
    last = len(parts[0].nodes) - 2
    assert parts[0].subtitle == (f"Part 1 of {len(parts)}: Een doel met veel betrokkenen "
                                 f"(actors 1–{last} of 39, and who is Accountable)")


def test_an_actor_of_two_items_divided_among_parts_keeps_both_lines() -> None:
    """Where a goal's actors are divided among parts, an actor that also has a
    letter on the initiative serving the goal is drawn with it too."""
    model = goal_with_actors(6)
    model.add(Initiative(id="i.een", name="Een initiatief", goals=["g.een"]))
    for number in (2, 3, 5, 6):
        model.assign("i.een", "R", f"r.{number}")
    view = build_view(model, "raci")
    parts = split_view(view, model, "goal", lambda part: len(part.nodes) <= 3)
    drawn = [(edge.tail, edge.head) for part in parts for edge in part.edges
             if edge.tail != "r.1"]  # the goal's Accountable: drawn with each part of it
    assert sorted(drawn) == sorted((edge.tail, edge.head) for edge in view.edges
                                   if edge.tail != "r.1")
    assert all(len(part.nodes) <= 3 for part in parts)


def tall_narrow_chart() -> Model:
    """A RACI chart of 33 rows and two actors, as the DevOps chart on GitHub."""
    model = Model(Org("DevOps"))
    for actor in ("beheer", "ontwikkeling"):
        model.add(Role(id=actor, name=actor.capitalize()))
    for number in range(33):
        model.add(Initiative(id=f"i{number}", name=f"Stap {number} van de uitrol"))
        model.assignments += [Assignment(f"i{number}", "A", "beheer"),
                              Assignment(f"i{number}", "R", "ontwikkeling")]
    return model


def test_without_a_page_a_tall_drawing_is_drawn_on_the_turned_page_where_its_text_is_larger(
        raci: Raci, tmp_path: Path) -> None:
    """A3 landscape shrank a tall, narrow chart's text to 5.3 pt, portrait to
    7.6: without --page the drawing takes the orientation its text is larger
    on; a --page given is kept. (A tall chart now runs down blocks side by
    side across the landscape page; twenty frames one inside the other stand
    tall still: 9.3 pt on landscape, 10 on portrait.)"""
    source = tmp_path / "chain.yaml"
    write_model(chain_model(20), source)
    drawn: dict[bool, tuple[float, float, float]] = {}
    for given in ([], ["--page", "a3"]):
        picture = tmp_path / f"chain{len(given)}.svg"
        assert raci("diagram", source, "--view", "org", "-o", picture, *given).code == 0
        drawn[bool(given)] = printed(picture.read_bytes())
    (_, height, text), (_, given_height, given_text) = drawn[False], drawn[True]
    assert text > given_text and height > given_height


def test_a_long_chart_of_few_actors_is_drawn_in_blocks_across_the_page() -> None:
    """A split RACI chart of few actors took seventeen rows a part in half of
    A3's width, and a long one shrank to 5.3 pt: its rows run down blocks
    side by side, each under the names of the actors, across the page."""
    view = build_view(tall_narrow_chart(), "raci")
    drawing = draw(view, "svg", page=PAGES["a3"])
    _width, _height, text = printed(drawing.data)
    assert text >= SMALLEST_POINTS and drawing.data.count(b">Item<") == 2


def test_the_guess_of_a_long_chart_of_few_actors_counts_its_blocks_side_by_side() -> None:
    """The guess of the pages a chart fills took it as one block, two A3
    pages high, where its drawing, in two blocks across the page, reads on
    one: the guess and the drawing disagreed on whether it fits."""
    view = build_view(tall_narrow_chart(), "raci")
    page = PAGES["a3"]
    _width, _height, text = printed(draw(view, "svg", page=page).data)
    assert text >= SMALLEST_POINTS  # the drawing reads on one page
    assert guessed_pages(view, page.room) == 1
    assert guessed_to_fit(view, page.room)


def units_joined_by_shared_people(count: int = 8) -> Model:
    """`count` units side by side, each with a head and a secretary, whose
    secretary is also a member of staff of the unit before it."""
    model = Model(Org("Gedeelde mensen"))
    for number in range(count):
        unit = f"u{number}"
        model.add(Unit(id=unit, name=f"Afdeling {number} Beleid en Uitvoering"))
        model.add(Person(id=f"p{number}", name=f"Medewerker {number} van afdeling", unit=unit))
        model.add(Person(id=f"h{number}", name=f"Hoofd {number}", unit=unit))
        model.add(Role(id=f"r{number}", name=f"Hoofd afdeling {number}", unit=unit,
                       holders=[f"h{number}"]))
        model.add(Role(id=f"s{number}", name=f"Secretaris {number}", unit=unit,
                       reports_to=f"r{number}"))
    for number in range(count):
        model.roles[f"s{(number + 1) % count}"].holders.append(f"p{number}")
    return model


def test_units_joined_by_shared_people_stand_in_rows_that_fill_the_page() -> None:
    """Eight units, each secretary a member of staff of the unit before:
    each stood a rank below the one before, a staircase one A4 wide at 2.4
    pt. The line of a person to their role in another unit no longer ranks
    the units: they stand in rows, as `dot` laid them out."""
    view = build_view(units_joined_by_shared_people(), "org")
    svg = draw(view, "svg", page=PAGES["a4"]).data
    root = ET.fromstring(svg)
    tops = {round(max(float(point.split(",")[1])
                      for point in group.find(f"{SVG}path").attrib["d"]
                      .replace("M", " ").replace("C", " ").replace("Z", " ").split()
                      if "," in point))
            for group in root.iter(f"{SVG}g") if "unit" in (group.get("class") or "").split()}
    _width, _height, text = printed(svg)
    assert len(tops) <= 4 and text >= 6.0


def test_the_words_of_a_line_drawn_aside_leave_a_short_reporting_line_seen() -> None:
    """On A4, the white ground of "3 of 9 seat-holders" hid the 30-point
    line by which the sample's Programmaraad reports to its Stuurgroep: no
    point of a reporting line, as `dot` drew it, lies under any words."""
    model = model_of("energietransitie")
    view = focus_view(build_view(model, "bodies"), model, "sg-vego", 1)
    root = ET.fromstring(draw(view, "svg", page=PAGES["a4"]).data)
    groups = list(root.iter(f"{SVG}g"))
    grounds = [[tuple(map(float, point.split(","))) for point in
                next(group.iter(f"{SVG}polygon")).attrib["points"].split()]
               for group in groups if "words" in (group.get("class") or "").split()]
    boxes = [(min(x for x, _ in ground), min(y for _, y in ground),
              max(x for x, _ in ground), max(y for _, y in ground)) for ground in grounds]
    lines = [re.findall(r"(-?[\d.]+),(-?[\d.]+)", group.find(f"{SVG}path").attrib["d"])
             for group in groups if "reports" in (group.get("class") or "").split()]
    assert boxes and lines
    hidden = [(x, y) for line in lines for x, y in map(lambda p: tuple(map(float, p)), line)
              if any(left < x < right and bottom < y < top
                     for left, bottom, right, top in boxes)]
    assert hidden == []


def test_a_split_that_makes_more_parts_than_guessed_is_refused_all_the_same(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The guess is one part a page at the least, and a split may make three
    times as many (review31b): past `MOST_SPLIT_PARTS` it is refused as the
    guess's refusal says, not drawn in more parts than that."""
    import raci.export.split as split

    model = model_of("energietransitie")
    view = build_view(model, "goals")
    made = split_view(view, model, "goal")
    assert len(made) > 1
    monkeypatch.setattr(split, "MOST_SPLIT_PARTS", 1)
    with pytest.raises(RaciError, match=rf"the goals view is too large to split: it takes "
                                        rf"{len(made)} parts \(at most 1 are drawn\); split a "
                                        r"part of it with --focus ID --depth N"):
        split_view(view, model, "goal")
