"""The small organisation the diagram, matrix and report tests share, and a
reader of what the real `dot` program laid out.

`warmte_model()` follows the example of docs/model-format.md: a ministry with a DG and a
vacant programme director, an external advisory firm whose consultant is a
temporary kwartiermaker, a steering group, a taskforce overlapping it and an
advisory board, two goal areas, initiatives, decisions and indicators.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from dataclasses import dataclass, field

from raci.export.dot import to_dot
from raci.export.graph import View
from raci.model import (
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Letter,
    Model,
    Org,
    Person,
    Role,
    Unit,
    referenced_ids,
)


def warmte_model() -> Model:
    model = Model(Org("Programma Warmtetransitie", as_of=dt.date(2026, 11, 1)))
    for entity in (
        Unit(id="bzk", name="Ministerie van BZK"),
        Unit(id="bzk-dgbw", name="DG Bouwen en Wonen", parent="bzk"),
        Unit(id="adviesbureau-x", name="Adviesbureau X", external=True),
        Unit(id="adv-netten", name="Team Netten", parent="adviesbureau-x"),
        Person(id="p.jansen", name="Petra Jansen", unit="bzk-dgbw"),
        Person(id="p.smit", name="Anouk Smit", unit="bzk"),
        Person(id="p.dekker", name="Sander Dekker", unit="adviesbureau-x"),
        Person(id="p.bos", name="Niels Bos", unit="adv-netten"),
        Role(id="sg-bzk", name="Secretaris-Generaal BZK", unit="bzk", holders=["p.smit"]),
        Role(id="dg-bw", name="Directeur-Generaal Bouwen en Wonen", unit="bzk-dgbw",
             holders=["p.jansen"], reports_to="sg-bzk"),
        Role(id="kwartiermaker-warmte", name="Kwartiermaker Warmte", holders=["p.dekker"],
             temporary=True, sunset=dt.date(2026, 6, 30), reports_to="dg-bw"),
        Role(id="pd-flex", name="Programmadirecteur Flexibiliteit", unit="bzk-dgbw",
             reports_to="dg-bw"),
        Body(id="sg-warmte", name="Stuurgroep Warmte", kind="steering_group", chair="dg-bw",
             members=["dg-bw", "kwartiermaker-warmte", "p.smit"], reports_to="sg-bzk",
             meets_every_days=30),
        Body(id="tf-warmte", name="Taskforce Warmtenetten", kind="taskforce",
             chair="kwartiermaker-warmte", members=["dg-bw", "kwartiermaker-warmte"],
             meets_every_days=14, reports_to="sg-warmte"),
        Body(id="ab-warmte", name="Adviesraad Warmte", kind="advisory_board",
             members=["p.bos"], reports_to="sg-warmte", temporary=True,
             sunset=dt.date(2027, 1, 1)),
        Goal(id="g.klimaat", name="Klimaatneutraal 2050"),
        Goal(id="g.aardgasvrij", name="1,5 miljoen woningen aardgasvrij", parent="g.klimaat",
             due=dt.date(2030, 12, 31)),
        Goal(id="g.wonen", name="Voldoende woningen"),
        Initiative(id="i.wijkaanpak", name="Wijkgerichte aanpak", goals=["g.aardgasvrij"]),
        Initiative(id="i.app", name="Warmte-app", status="paused"),
        Decision(id="d.subsidie", name="Subsidieregeling vaststellen", about=["i.wijkaanpak"]),
        Decision(id="d.huur", name="Huurbevriezing"),
        Kpi(id="k.woningen", name="Aardgasvrije woningen", measures="g.aardgasvrij",
            type="lagging", target="1500000", has_raci=True),
        Kpi(id="k.wijken", name="Gestarte wijken", measures="i.wijkaanpak", type="leading"),
    ):
        model.add(entity)
    letters: list[tuple[str, Letter, str]] = [
        ("g.aardgasvrij", "A", "dg-bw"), ("g.aardgasvrij", "R", "kwartiermaker-warmte"),
        ("g.aardgasvrij", "C", "sg-warmte"), ("g.klimaat", "A", "sg-bzk"),
        ("g.wonen", "A", "sg-bzk"), ("g.wonen", "I", "p.smit"),
        ("i.wijkaanpak", "A", "dg-bw"), ("i.wijkaanpak", "R", "p.jansen"),
        ("i.app", "A", "p.dekker"),
        ("d.subsidie", "A", "sg-warmte"), ("d.subsidie", "C", "dg-bw"),
        ("d.subsidie", "C", "tf-warmte"), ("d.subsidie", "I", "kwartiermaker-warmte"),
        ("d.huur", "A", "p.smit"), ("k.woningen", "A", "dg-bw"),
    ]
    for item, letter, actor in letters:
        model.assign(item, letter, actor)
    return model


def board_with_committees(count: int) -> Model:
    """A board with `count` working groups reporting to it, and nothing else."""
    model = Model(Org("Bestuur"))
    model.add(Body(id="board", name="Raad van Bestuur", kind="steering_group"))
    for number in range(count):
        model.add(Body(id=f"c{number}", name=f"Commissie {number}", kind="working_group",
                       reports_to="board"))
    return model


@dataclass
class LaidOut:
    """What `dot -Tjson` placed: nodes, clusters and edges, by entity id."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    """Node or cluster id -> the lines of text drawn for it."""
    classes: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, dict[str, str]] = field(default_factory=dict)
    inside: dict[str, set[str]] = field(default_factory=dict)
    """Cluster id -> ids of the nodes drawn inside it (nested ones too)."""
    edges: list[DrawnEdge] = field(default_factory=list)

    def edge_labels(self, tail: str, head: str) -> list[str]:
        return [e.label for e in self.edges if (e.tail, e.head) == (tail, head)]


@dataclass
class DrawnEdge:
    tail: str
    head: str
    label: str
    attrs: dict[str, str]
    head_label_at: tuple[float, float] | None = None
    """Where the text at the arrowhead was drawn, if any."""


def _drawn_text(element: dict[str, object], *keys: str) -> list[str]:
    """The text `dot` drew: a node's or frame's label, or an edge's labels
    (the middle one and the one at the arrowhead); a space, which draws
    nothing (the room an indicator's first line keeps from its fold), left out."""
    ops = [op for key in keys or ("_ldraw_",) for op in element.get(key, [])]  # type: ignore[attr-defined]
    return [op["text"] for op in ops if op.get("op") == "T" and op["text"].strip()]


def laid_out(view: View) -> LaidOut:
    """Lay the view out with the real `dot` and read back what it drew (its
    heading apart: `test_diagram_views.heading_texts`)."""
    done = subprocess.run(["dot", "-Tjson"], input=to_dot(view, titled=False).source.encode(),
                          capture_output=True, check=True, timeout=60)
    graph = json.loads(done.stdout)
    prefix = f"{view.name}:"
    result = LaidOut()
    ids: dict[int, str] = {}
    framed: dict[str, list[int]] = {}
    for element in graph.get("objects", []):
        entity = str(element.get("id", "")).removeprefix(prefix)
        result.texts[entity] = _drawn_text(element)
        result.classes[entity] = element.get("class", "")
        result.attrs[entity] = {k: v for k, v in element.items() if isinstance(v, str)}
        if "nodes" in element:  # a cluster
            framed[entity] = element["nodes"]
        else:
            ids[element["_gvid"]] = entity
    result.inside = {cluster: {ids[gvid] for gvid in gvids} for cluster, gvids in framed.items()}
    for edge in graph.get("edges", []):
        attrs = {k: v for k, v in edge.items() if isinstance(v, str)}
        at_head = [op["pt"] for op in edge.get("_hldraw_", []) if op.get("op") == "T"]
        result.edges.append(DrawnEdge(ids[edge["tail"]], ids[edge["head"]],
                                      " ".join(_drawn_text(edge, "_ldraw_", "_hldraw_")), attrs,
                                      tuple(at_head[0]) if at_head else None))
    return result


def test_the_shared_model_names_only_entities_it_has() -> None:
    model = warmte_model()
    for entity in model.entities():
        for _, target in referenced_ids(entity):
            assert target in model, f"{entity.id} names {target}"
    assert all(a.item in model and a.actor in model for a in model.assignments)
