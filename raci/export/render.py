"""Draw a view: lay it out with Graphviz's `dot` and write DOT, SVG, PNG, PDF or Mermaid.

`dot` and `mermaid` need no program. The others run `dot` with a timeout,
refuse views too large to lay out in reasonable time (`MAX_LAYOUT_NODES`),
and say how to install Graphviz when it is missing. Every laid-out drawing
is also measured on its page (`raci.export.page`), from the SVG of the same
`dot` run; a PDF is put on a sheet of the page's size, and the drawings of a
split on one sheet each (pypdf). A process keeps what Graphviz wrote
(`GRAPHVIZ_RUNS`) and writes it again where a program is run on the same
files with the same arguments.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import graphviz

from raci.errors import RaciError, UsageError
from raci.export.aside import placed_words
from raci.export.dot import GUESSED, node_names, ranked_edges, to_dot
from raci.export.graph import View
from raci.export.layout import (
    ROOM,
    Fitting,
    arranging_links,
    content_width,
    drawn_size,
    guessed_to_fit,
    measured_sizes,
    part_extents,
    stagger_for,
    top_parts,
)
from raci.export.legend import heading_graph
from raci.export.measured import drawn_as_measured
from raci.export.mermaid import to_mermaid
from raci.export.page import (
    DEFAULT_PAGE,
    MOST_STRETCHED,
    PAGES,
    POINTS_PER_INCH,
    SMALLEST_DRAWN_POINTS,
    SMALLEST_READABLE_POINTS,
    TURNED,
    Fit,
    Page,
    measure_svg,
)
from raci.export.split import SPLITS
from raci.formats.writing import temporary_folder
from raci.i18n import N_, _, format_count, format_decimal, os_reason
from raci.vocabulary import DIAGRAM_FORMATS, VIEW_TITLES

LAID_OUT_FORMATS = ("svg", "png", "pdf")
DEFAULT_TIMEOUT_SECONDS = 60.0
DOT_WRITE_FAILED = "Error: gvwrite_no_z problem"
"""How `dot` says a write of its output failed, without saying why."""
ROOM_FOR_DOT = 1 << 20
"""Free bytes below which a failed write by `dot` is taken for a full disk."""
MAX_LAYOUT_NODES = 2000
"""Nodes plus clusters a view may have for layout; beyond it `dot` can take
minutes, and a drawing that large is unreadable anyway."""
HOPELESS = 3.0
"""How many times the page's width and height a view must be guessed to fit in
before first layouts are made to fit it to the page (else one layout does)."""
CLEARLY = 2.0
"""A view guessed not to fit in this many times the page's width and height does
not fit, without a layout (a guess that it fits is not to be trusted: shapes and
frames take room the guess does not see)."""
SPARE = 0.05
"""How much larger than the smallest readable text a split wants a trial page's text."""
LEAST_SPARED = SMALLEST_READABLE_POINTS * (1 + SPARE)
UNSURE = 0.1
"""How near the lines of reading (`LEAST_SPARED`, `MOST_STRETCHED`) an
estimate (`estimated_fit`) is too near to tell: on the views a generated
organisation's split tried, the estimate of the smallest text was at most
6 % off the drawn one, of the stretch 8 %."""
GRAPHVIZ_PAD = 4
"""Points Graphviz leaves around a drawing (`pad`)."""
LEAST_RATIO = 1 / (MOST_STRETCHED - 0.1)
"""Graphviz's `ratio` (height over width) a strip is padded to: just inside the
most stretched a drawing may be."""
BETWEEN_HEADING_AND_DRAWING = 4
"""Points `gvpack` leaves around the heading and the drawing."""
SLANT_GROWTH = {"parallelogram": 1.0368, "egg": 1.0646}
"""How much wider Graphviz (2.43) makes a node of a slanted shape than the
width it is held at (`fixedsize`), each time it lays the node out."""
INSTALL_HINT = N_(
    "install Graphviz (apt-get install graphviz, brew install graphviz, "
    "or https://graphviz.org/download/), or use --format dot, which needs no program")


GRAPHVIZ_KEPT = 64 * 2**20
"""Bytes of what Graphviz wrote that a process keeps to write again (`GRAPHVIZ_RUNS`)."""


class GraphvizRuns:
    """What runs of Graphviz's programs wrote, by what they ran on, the least
    recently asked for forgotten beyond `most` bytes. A handout draws a view
    whole, then its split's fit check lays out the whole and each part it
    tries, then the parts that fit are drawn: the same layouts again."""

    def __init__(self, most: int) -> None:
        self.most = most
        self.size = 0
        self.written: OrderedDict[Hashable, dict[str, bytes]] = OrderedDict()
        self.lock = threading.Lock()  # the app draws in worker threads

    def get(self, ran: Hashable) -> dict[str, bytes] | None:
        with self.lock:
            written = self.written.get(ran)
            if written is not None:
                self.written.move_to_end(ran)
            return written

    def keep(self, ran: Hashable, written: dict[str, bytes]) -> None:
        with self.lock:
            self.size += _size(written) - _size(self.written.pop(ran, {}))
            self.written[ran] = written
            while self.size > self.most:
                self.size -= _size(self.written.popitem(last=False)[1])


def _size(written: dict[str, bytes]) -> int:
    return sum(map(len, written.values()))


GRAPHVIZ_RUNS = GraphvizRuns(GRAPHVIZ_KEPT)


class GraphvizMissingError(RaciError):
    """The `dot` program is not installed (or not on PATH)."""


class LayoutError(RaciError):
    """`dot` failed, took too long, or the view is too large to lay out."""


class DotCrashedError(LayoutError):
    """`dot` was ended by a signal (a crash) rather than refusing its input."""


@dataclass(frozen=True)
class Drawing:
    """A view drawn in one format, and how it came out on its page."""

    data: bytes
    fit: Fit | None
    """None for DOT and Mermaid, which are not laid out here."""


def check_layout_size(view: View, limit: int = MAX_LAYOUT_NODES) -> None:
    if view.size > limit:
        raise LayoutError(_(
            "the {view} view has {count} nodes and frames, more than the {most} raci lays out; "
            "split it with --split {split}, draw part of it with --focus ID --depth N, or use "
            "--format dot").format(view=VIEW_TITLES[view.name], count=format_count(view.size),
                                   most=format_count(limit), split=SPLITS[view.name]))


def draw(view: View, fmt: str, *, page: Page | None = PAGES[DEFAULT_PAGE], legend: bool = True,
         timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Drawing:
    """The view in `fmt`, made for `page` (None: at its own size), with its key
    unless `legend` is off; laid-out formats refuse views over the node limit."""
    if fmt not in DIAGRAM_FORMATS:
        raise _unknown_format(fmt, DIAGRAM_FORMATS)
    if fmt == "mermaid":
        return Drawing(to_mermaid(view, legend=legend).encode("utf-8"), None)
    if fmt == "dot" and (shutil.which("dot") is None or view.size > MAX_LAYOUT_NODES):
        return Drawing(to_dot(view, page=page, legend=legend).source.encode("utf-8"), None)
    check_layout_size(view)
    formats = ("svg", fmt) if fmt != "dot" else ("svg",)
    try:
        source, outputs = _fitted_drawing(view, page, legend, formats, timeout)
    except DotCrashedError:  # Graphviz 2.43 crashes on some arrangements: draw it plainer
        source = to_dot(view, page=page, legend=legend).source
        outputs = run_titled(view, page, legend, GUESSED, formats, timeout)
    if fmt == "dot":
        return Drawing(source.encode("utf-8"), measure_svg(outputs["svg"]))
    data = outputs[fmt]
    if fmt == "pdf" and page is not None:
        data = on_sheets([data], page)
    return Drawing(data, measure_svg(outputs["svg"]))


def draw_either_way(view: View, fmt: str, *, page: Page, legend: bool = True,
                    timeout: float = DEFAULT_TIMEOUT_SECONDS) -> tuple[Drawing, Page]:
    """The view drawn on `page`, or on the page turned (`TURNED`) where its text
    comes out larger there, and the page it was drawn for: twenty units one
    inside the other read at 9.3 pt on A3 landscape, 10 pt on portrait. A
    drawing not shrunk to fit its page cannot grow, so it is not drawn again."""
    drawing = draw(view, fmt, page=page, legend=legend, timeout=timeout)
    if drawing.fit is None or drawing.fit.scale >= 1 or page.name not in TURNED:
        return drawing, page
    turned = PAGES[TURNED[page.name]]
    other = draw(view, fmt, page=turned, legend=legend, timeout=timeout)
    if other.fit is not None and other.fit.smallest_text > drawing.fit.smallest_text:
        return other, turned
    return drawing, page


def _fitted_drawing(view: View, page: Page | None, legend: bool, formats: tuple[str, ...],
                    timeout: float, fitting: Fitting | None = None
                    ) -> tuple[str, dict[str, bytes]]:
    """The source of the view fitted to its page (as `fitting`, else `fitted`)
    and its drawings in `formats`; a drawing still longer than
    `MOST_STRETCHED` is padded to it (Graphviz `ratio`)."""
    fitting = fitting or fitted(view, page, timeout)
    outputs = run_titled(view, page, legend, fitting, formats, timeout)
    fit = measure_svg(outputs["svg"])
    if fit.stretch > MOST_STRETCHED:
        ratio = LEAST_RATIO if fit.width > fit.height else 1 / LEAST_RATIO
        fitting = replace(fitting, ratio=ratio)
        outputs = run_titled(view, page, legend, fitting, formats, timeout)
    return to_dot(view, page=page, legend=legend, fitting=fitting).source, outputs


def run_titled(view: View, page: Page | None, legend: bool, fitting: Fitting,
               formats: tuple[str, ...], timeout: float) -> dict[str, bytes]:
    """The view drawn in each of `formats` with its heading in the top left
    corner and the words of its lines drawn aside where they cover nothing
    (`raci.export.aside`): the drawing and the heading laid out apart by `dot`, put one
    above the other by Graphviz's `gvpack` and drawn by `neato -n2`, which
    keeps every position; an SVG's text is drawn at the widths measured."""
    root = [f"-G{name}={value}" for name, value in
            [("id", view.name), ("outputorder", "edgesfirst"),
             *([("size", page.size_attribute)] if page else [])]]
    with graphviz_folder() as path:
        folder = str(path)
        heading, drawing = _laid_apart(view, page, legend, fitting, path, timeout)
        _hold(path / "heading.gv.dot", heading, [])
        _hold(path / "drawing.gv.dot", drawing, placed_words(view, drawing))
        _run(["gvpack", "-array_ilt1", f"-m{BETWEEN_HEADING_AND_DRAWING}", f"-s{view.name}",
              *root, "-o", "packed.gv", "heading.gv.dot", "drawing.gv.dot"], timeout, folder)
        if fitting.ratio:
            _pad(path / "packed.gv", fitting.ratio)
        return _drawn(path / "packed.gv", ["neato", "-s", "-n2"], formats, timeout)


def _laid_apart(view: View, page: Page | None, legend: bool, fitting: Fitting, folder: Path,
                timeout: float) -> tuple[dict[str, Any], dict[str, Any]]:
    """The heading and the drawing laid out apart by `dot`, in `folder` as
    `heading.gv.dot` and `drawing.gv.dot`; their `dot -Tjson`. (One run of
    `dot` for both crashed Graphviz 2.43 one time in two.)"""
    (folder / "heading.gv").write_text(heading_graph(view, legend, fitting.width).source,
                                       encoding="utf-8")
    (folder / "drawing.gv").write_text(to_dot(
        view, page=page, fitting=replace(fitting, ratio=None), titled=False,
        words_aside=False).source, encoding="utf-8")
    for graph in ("heading.gv", "drawing.gv"):
        _run(["dot", "-Tdot", "-Tjson", "-O", graph], timeout, str(folder))
    return (json.loads((folder / "heading.gv.json").read_bytes()),
            json.loads((folder / "drawing.gv.json").read_bytes()))


def _hold(laid: Path, laid_out: dict[str, Any], statements: list[str]) -> None:
    """The laid-out graph `laid` with every node held at the size `dot` gave
    it (`laid_out`, its `dot -Tjson`) and `statements` added: `gvpack` and
    `neato` measure a node's text again, with other font metrics than
    `dot`'s (the RACI chart came out 58 points taller than its table, drawn
    centred in it; a body's box 27 points wider than its name's). A slanted
    shape grows by `SLANT_GROWTH` in each of them, so it is handed smaller."""
    held = [f'"{_quoted(element["name"])}" [fixedsize=true height={element["height"]} '
            f'width={float(element["width"]) / SLANT_GROWTH.get(element.get("shape"), 1) ** 2:.4f}]'
            for element in laid_out.get("objects", [])
            if "nodes" not in element and "width" in element]
    source = laid.read_text(encoding="utf-8").rstrip()
    laid.write_text(  # they join the graph before its last brace
        source.removesuffix("}") + "".join(f"\t{line}\n" for line in [*held, *statements])
        + "}\n", encoding="utf-8")


def _quoted(name: str) -> str:
    return name.replace("\\", "\\\\").replace('"', '\\"')


def _pad(packed: Path, ratio: float) -> None:
    """Pad the packed drawing to `ratio` (height over width) with an invisible
    point below it or to its right, where it is more stretched than that.
    Graphviz's own `ratio` moves the nodes apart instead: in the drawing's
    layout it left them in the middle of a taller box, which `gvpack` does
    not see (it put the key on them); given to `neato -n2` it pulled the
    key's rows and words apart."""
    source = packed.read_text(encoding="utf-8").rstrip()
    found = re.search(r'bb="([-\d.]+),([-\d.]+),([-\d.]+),([-\d.]+)"', source)
    if found is None:
        return
    left, bottom, right, top = (float(number) for number in found.groups())
    width, height = right - left, top - bottom
    if ratio < 1 and height < ratio * width:  # too wide: room below
        x, y = left, top - ratio * width
    elif ratio > 1 and height > ratio * width:  # too high: room to the right
        x, y = left + height / ratio, top
    else:  # the heading made it less stretched already
        return
    packed.write_text(source.removesuffix("}") + (
        f'\t"padding" [shape=point, style=invis, width=0, height=0, label="", '
        f'pos="{x:.2f},{y:.2f}"];\n}}\n'), encoding="utf-8")


def fits_page(page: Page, timeout: float = DEFAULT_TIMEOUT_SECONDS) -> Callable[[View], bool]:
    """Whether a view reads on `page`: as `draw` lays it out, with `SPARE` to spare
    (a split tries pages whose numbers and connectors differ a little from the
    pages it makes); a view guessed far larger than the page (`CLEARLY`) is
    not laid out to tell, and one whose heading and drawing, laid out apart,
    clearly read or clearly do not (`estimated_fit`, `UNSURE`) is not packed
    and drawn."""
    def fits(view: View) -> bool:
        if view.size > MAX_LAYOUT_NODES:
            return False
        width, height = page.room
        if not guessed_to_fit(view, (width * CLEARLY, height * CLEARLY)):
            return False
        try:
            fitting = fitted(view, page, timeout)
            sure = clearly_fits(estimated_fit(view, page, fitting, timeout))
            if sure is not None:
                return sure
            fit: Fit | None = measure_svg(_fitted_drawing(view, page, True, ("svg",), timeout,
                                              fitting)[1]["svg"])
        except DotCrashedError:  # `draw` draws it plainer
            fit = draw(view, "svg", page=page, timeout=timeout).fit
        return fit is not None and fit.reads and fit.smallest_text >= LEAST_SPARED
    return fits


def clearly_fits(guess: Fit) -> bool | None:
    """Whether a drawing estimated as `guess` fits, where the estimate is
    clearly on one side of the line; None where it is too near it."""
    if guess.smallest_text < LEAST_SPARED * (1 - UNSURE) or (
            guess.stretch > MOST_STRETCHED * (1 + UNSURE)):
        return False
    if guess.smallest_text > LEAST_SPARED * (1 + UNSURE) and (
            guess.stretch < MOST_STRETCHED * (1 - UNSURE)):
        return True
    return None


def estimated_fit(view: View, page: Page, fitting: Fitting, timeout: float) -> Fit:
    """How the view would come out on `page`, from its heading and drawing laid
    out apart (two runs of `dot`, where `draw` also packs and draws them): one
    above the other, padded to `LEAST_RATIO` where longer than `MOST_STRETCHED`,
    scaled down to the page; its smallest text as `dot` set it."""
    with graphviz_folder() as folder:
        heading, drawing = _laid_apart(view, page, True, fitting, folder, timeout)
    (heading_width, heading_height), (drawing_width, drawing_height) = map(
        drawn_size, (heading, drawing))
    width = max(heading_width, drawing_width) + 2 * BETWEEN_HEADING_AND_DRAWING
    height = heading_height + drawing_height
    if width > MOST_STRETCHED * height:
        height = width * LEAST_RATIO
    elif height > MOST_STRETCHED * width:
        width = height * LEAST_RATIO
    printable_width, printable_height = (side * POINTS_PER_INCH for side in page.printable)
    padded = (width + 2 * GRAPHVIZ_PAD, height + 2 * GRAPHVIZ_PAD)
    scale = min(1.0, printable_width / padded[0], printable_height / padded[1])
    smallest = min(font_sizes(heading) + font_sizes(drawing), default=SMALLEST_DRAWN_POINTS)
    return Fit(padded[0] * scale, padded[1] * scale, scale, smallest * scale)


def font_sizes(laid_out: Any) -> list[float]:
    """Every font size the text of a `dot -Tjson` layout is set in."""
    if isinstance(laid_out, dict):
        own = [float(laid_out["size"])] if laid_out.get("op") == "F" else []
        return own + [size for value in laid_out.values() for size in font_sizes(value)]
    if isinstance(laid_out, list):
        return [size for value in laid_out for size in font_sizes(value)]
    return []


def fitted(view: View, page: Page | None, timeout: float) -> Fitting:
    """How to fit the view to its page (`raci.export.layout`), from first layouts
    (none for a chart, or a view far too large for the page):
    one at its own size measures every node and frame, which sets how its
    crowded rows wrap and its leaves stagger; one so wrapped measures its
    disconnected parts, which sets the shelves or stacks they are laid in."""
    def laid_out(fitting: Fitting) -> dict[str, Any]:
        source = to_dot(view, page=page, fitting=fitting, titled=False).source
        result: dict[str, Any] = json.loads(run_dot(source, ("json",), timeout)["json"])
        return result

    room = page.room if page is not None else ROOM
    hopeless = (room[0] * HOPELESS, room[1] * HOPELESS)
    if view.table_rows() is not None or not guessed_to_fit(view, hopeless):
        return GUESSED  # a chart is one node; a view many pages large is split or focused
    natural = laid_out(Fitting(wrap=False))
    sizes = measured_sizes(view, natural)
    stagger = 1 if view.clusters else stagger_for(view, drawn_size(natural), room)
    wrapped = laid_out(Fitting(sizes=sizes, stagger=stagger))
    parts = top_parts(view, ranked_edges(view))
    if len(parts) < 2:
        return Fitting(sizes=sizes, stagger=stagger, width=content_width(wrapped))
    extents = part_extents(view, parts, wrapped, node_names(view))
    links = arranging_links(view, parts, extents, ranked_edges(view), room)
    area = sum(depth * breadth for depth, breadth in extents)
    return Fitting(sizes=sizes, stagger=stagger, links=tuple(links),
                   width=math.sqrt(area * room[0] / room[1]))


def export_view(view: View, fmt: str, path: Path | None = None, *,
                page: Page | None = PAGES[DEFAULT_PAGE], legend: bool = True,
                timeout: float = DEFAULT_TIMEOUT_SECONDS) -> bytes:
    """A view drawn in `fmt` (see `draw`), written to `path` when given."""
    data = draw(view, fmt, page=page, legend=legend, timeout=timeout).data
    if path is not None:
        write_drawing(path, data)
    return data


def write_drawing(path: Path, data: bytes) -> None:
    """Write a drawing whole (`write_file_whole`: a failed write leaves the
    file that was there). Drawing opens no model, so the check that no
    drawing goes over a database is its callers' (`raci diagram`, the app:
    `raci.store.sqlite_file.refuse_database`)."""
    from raci.formats.writing import write_file_whole

    write_file_whole(path, data, _("the drawing"))


def render(dot: graphviz.Digraph | str, fmt: str, path: Path | None = None, *,
           timeout: float = DEFAULT_TIMEOUT_SECONDS) -> bytes:
    """Any Graphviz source drawn in `fmt` (dot, svg, png or pdf); written to `path` when given."""
    if fmt not in ("dot", *LAID_OUT_FORMATS):
        raise _unknown_format(fmt, ("dot", *LAID_OUT_FORMATS))
    source = dot if isinstance(dot, str) else dot.source
    output = source.encode("utf-8") if fmt == "dot" else run_dot(source, (fmt,), timeout)[fmt]
    if path is not None:
        write_drawing(path, output)
    return output


def _unknown_format(fmt: str, formats: tuple[str, ...]) -> UsageError:
    return UsageError(_("--format {format}: choose one of {formats}").format(
        format=fmt, formats=", ".join(formats)))


def run_dot(source: str, formats: tuple[str, ...], timeout: float) -> dict[str, bytes]:
    """One layout by `dot`, written in each of `formats`; an SVG's text is drawn
    at the widths `dot` measured (`raci.export.measured`)."""
    with graphviz_folder() as folder:
        graph = folder / "drawing.gv"
        graph.write_text(source, encoding="utf-8")
        return _drawn(graph, ["dot"], formats, timeout)


def graphviz_folder() -> AbstractContextManager[Path]:
    """A temporary folder for the files Graphviz's programs read and write."""
    return temporary_folder("raci-dot-", _("a temporary file for Graphviz"))


def _drawn(graph: Path, program: list[str], formats: tuple[str, ...],
           timeout: float) -> dict[str, bytes]:
    """The graph in the folder drawn by `program` in each of `formats`."""
    written = dict.fromkeys((*formats, "json") if "svg" in formats else formats)
    # in the folder: the json writer also leaves a noname.gv.xdot where dot runs
    _run([*program, *(f"-T{fmt}" for fmt in written), "-O", graph.name], timeout,
         str(graph.parent))
    outputs = {fmt: graph.with_name(f"{graph.name}.{fmt}").read_bytes() for fmt in written}
    if "svg" in outputs:
        outputs["svg"] = drawn_as_measured(outputs["svg"], outputs["json"])
    return {fmt: outputs[fmt] for fmt in formats}


def _run(command: list[str], timeout: float, folder: str) -> None:
    """Run a Graphviz program in `folder`; where the process ran the same
    program with the same arguments on the same input files before, write the
    files it wrote then instead (`GRAPHVIZ_RUNS`). Only the files its
    arguments name are read to tell (the programs raci runs read no others),
    and only the files it wrote are kept: not every file in the folder."""
    inputs = _named_files(command, folder)
    # the program found on PATH now, and a run that may time out only under its own timeout
    ran = (shutil.which(command[0]), tuple(command), timeout, _digest(inputs))
    written = GRAPHVIZ_RUNS.get(ran)
    if written is not None:
        for name, data in written.items():
            (Path(folder) / name).write_bytes(data)
        return
    before = _stamps(folder)
    _run_graphviz(command, timeout, folder)
    GRAPHVIZ_RUNS.keep(ran, {name: (Path(folder) / name).read_bytes()
                             for name, stamp in _stamps(folder).items()
                             if before.get(name) != stamp})


def _named_files(command: list[str], folder: str) -> dict[str, bytes]:
    """The files in `folder` that the command's arguments name, by name."""
    return {name: (Path(folder) / name).read_bytes() for name in command[1:]
            if (Path(folder) / name).is_file()}


def _stamps(folder: str) -> dict[str, tuple[int, int]]:
    """Each file in `folder` by name: its size and when it was last written,
    which tell the files a program wrote without reading any (every file
    raci reads of a run is one the run made new: no rewrite goes unseen)."""
    return {entry.name: (stat.st_size, stat.st_mtime_ns)
            for entry in os.scandir(folder) for stat in [entry.stat()]}


def _digest(files: dict[str, bytes]) -> bytes:
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(b"%d:%s%d:" % (len(name), name.encode("utf-8"), len(data)))
        digest.update(data)
    return digest.digest()


def _run_graphviz(command: list[str], timeout: float, folder: str) -> None:
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                              cwd=folder)
    except FileNotFoundError as error:
        raise GraphvizMissingError(_("the Graphviz program 'dot' was not found; {hint}").format(
            hint=_(INSTALL_HINT))) from error
    except OSError as error:  # found but not runnable (permissions, a broken install)
        raise GraphvizMissingError(
            _("the Graphviz program 'dot' could not be run ({reason}); {hint}").format(
                reason=os_reason(error), hint=_(INSTALL_HINT))) from error
    except subprocess.TimeoutExpired as error:  # subprocess.run has killed dot by now
        raise LayoutError(_(
            "dot took longer than {seconds} s to lay out the drawing and was stopped; "
            "draw part of it with --focus ID --depth N, or give more --timeout").format(
                seconds=format_decimal(timeout, "0.###"))) from error
    if done.returncode < 0:
        raise DotCrashedError(_(
            "dot crashed (signal {signal}) laying out the drawing; "
            "draw part of it with --focus ID --depth N").format(signal=-done.returncode))
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if said and said[0].startswith(DOT_WRITE_FAILED) and _full(folder):
            # a full TMPDIR, which graphviz_folder tells the user how to mend
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), folder)
        raise LayoutError(_("dot failed: {reason}").format(
            reason=said[0] if said else _("exit {code}").format(code=done.returncode)))


def _full(folder: str) -> bool:
    """Whether the disk `folder` is on has no room left for a file `dot` writes."""
    return shutil.disk_usage(folder).free < ROOM_FOR_DOT


def on_sheets(pdfs: list[bytes], page: Page) -> bytes:
    """One PDF with each drawing centred on a sheet of the page's size."""
    from pypdf import PdfReader, PdfWriter, Transformation  # 0.2 s: only for split PDFs

    writer = PdfWriter()
    width, height = page.width * POINTS_PER_INCH, page.height * POINTS_PER_INCH
    for pdf in pdfs:
        drawing = PdfReader(io.BytesIO(pdf)).pages[0]
        left = (width - float(drawing.mediabox.width)) / 2
        bottom = (height - float(drawing.mediabox.height)) / 2
        sheet = writer.add_blank_page(width, height)
        sheet.merge_transformed_page(drawing, Transformation().translate(left, bottom))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def svg_markup(svg: bytes) -> str:
    """An SVG drawing without its XML prologue, ready to inline in HTML."""
    text = svg.decode("utf-8")
    start = text.find("<svg")
    return text[start:] if start >= 0 else text
