"""The review handout's diagrams on every sample and a generated ministry model:
each drawn for the handout's landscape A4 page, whole or split into parts that
each read there (size within the page, no text under 8 pt, no longer than
3 : 1), every node drawn, and the Markdown's Mermaid blocks drawn by the real
Mermaid; a view too large for the handout names the command instead."""

from __future__ import annotations

import re
from pathlib import Path

from test_diagram_mermaid import drawn_by_mermaid
from test_diagram_pages import SAMPLES, reads

from raci.export.report import markdown_diagram
from raci.export.report_diagrams import (
    MOST_PARTS,
    REPORT_PAGE,
    REPORT_VIEWS,
    ReportDiagram,
    draw_for_report,
)
from raci.export.split import ELSEWHERE
from raci.export.views import build_view
from raci.formats import read_model
from raci.model import Model


def test_every_sample_diagram_reads_on_the_handout_page_and_in_mermaid(tmp_path: Path) -> None:
    """Every sample's blocks drawn by one Chromium: starting it and Mermaid
    costs more than the drawings themselves."""
    blocks = [block for sample in SAMPLES for block in handout_blocks(sample)]
    results = drawn_by_mermaid([source for _, _, source in blocks], tmp_path)
    for (sample, first_name, _), result in zip(blocks, results, strict=True):
        assert result["ok"], (sample, result.get("error"))
        assert " ".join(first_name.split()) in " ".join(" ".join(result["labels"]).split()), (
            sample)


def handout_blocks(sample: Path) -> list[tuple[str, str, str]]:
    """The sample's handout diagrams, each part checked to read on the page, and
    their Mermaid blocks: the sample, the name of the part's first node, the source."""
    model = read_model(sample).model
    blocks: list[tuple[str, str, str]] = []
    for name in REPORT_VIEWS:
        view = build_view(model, name)
        diagram = draw_for_report(view, model, sample.name, 60)
        assert diagram.warning == "", (sample.stem, diagram.warning)
        assert 1 <= len(diagram.parts) == len(diagram.drawings) <= MOST_PARTS, sample.stem
        for part, drawing in zip(diagram.parts, diagram.drawings, strict=True):
            fine, how = reads(drawing.data, REPORT_PAGE)
            assert fine, (sample.stem, name, part.subtitle, how)
        drawn = {key for part in diagram.parts for key in part.nodes
                 if not key.startswith(f"{ELSEWHERE}:")}
        assert drawn == set(view.nodes), sample.stem  # every node in some part
        sources = mermaid_sources(diagram)
        assert len(sources) == len(diagram.parts), sample.stem
        blocks += [(sample.stem, part.nodes[next(iter(part.nodes))].title, source)
                   for part, source in zip(diagram.parts, sources, strict=True)]
    return blocks


def mermaid_sources(diagram: ReportDiagram) -> list[str]:
    """The Mermaid blocks the Markdown handout writes for a diagram."""
    text = "\n".join(markdown_diagram(diagram))
    return re.findall(r"^```mermaid\n(.*?)^```$", text, re.M | re.S)


def test_a_ministry_model_is_too_large_for_the_handout_and_says_what_to_run(
        ministry: Model) -> None:
    model = ministry
    diagrams = {name: draw_for_report(build_view(model, name), model, "ministerie.db", 60)
                for name in REPORT_VIEWS}
    assert all(not diagram.drawings and not diagram.parts for diagram in diagrams.values())
    assert diagrams["bodies"].warning.startswith(
        "the bodies view is too large for this handout: it would be split into more than "
        f"{MOST_PARTS} parts; draw it on pages of its own with: raci diagram ministerie.db "
        "--view bodies --split unit -o bodies.pdf")
    assert "raci diagram ministerie.db --view goals --focus ID --depth N" in (
        diagrams["goals"].warning)
    assert mermaid_sources(diagrams["goals"]) == []
