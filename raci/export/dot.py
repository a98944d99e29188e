"""Turn a `View` into Graphviz source, made to fit a page.

Graphviz node names are generated (`n1`, `n2`): entity ids may hold a
colon, which DOT would read as a port. The entity id travels in the `id`
attribute, so the SVG keeps it. The title and the key stand in the graph's
label (`raci.export.legend`); crowded rows are wrapped
(`raci.export.layout`) and the disconnected parts packed by Graphviz itself
(`pack`); a page (`raci.export.page`) gives the `size` it is scaled to fit.
"""

from __future__ import annotations

from collections import Counter

import graphviz

from raci.export.graph import Cluster, Edge, View
from raci.export.layout import (
    ROOM,
    Fitting,
    Link,
    Wrapping,
    chart_layout,
    staggered_lengths,
    wrapping_links,
)
from raci.export.legend import heading_graph
from raci.export.look import (
    FONT,
    NAME_POINTS,
    NODE_MARGIN,
    NOTE_POINTS,
    drawn_attrs,
    focused,
    marked,
    node_label,
    plain_label,
)
from raci.export.page import Page
from raci.export.table import table_label
from raci.i18n import _
from raci.vocabulary import LEVEL_NAMES

# Cluster attributes are inherited by nested clusters in Graphviz, so every
# cluster states each one, falling back to these.
CLUSTER_DEFAULTS = {"style": "solid", "color": "black", "fontcolor": "black",
                    "fillcolor": "white", "penwidth": "1"}
SPACING = {"nodesep": "0.2", "ranksep": "0.3"}
"""Inches between nodes of a rank and between ranks: Graphviz's defaults
(0.25 and 0.5) leave a page mostly empty."""
GUESSED = Fitting()
RANKSEP_FOR_LETTERS = "0.7"
"""Letters at arrowheads need edges long enough to tell which end they are at."""


def top(view: View) -> str:
    """The `labelloc` that puts a frame's title on top: Graphviz flips it for BT."""
    return "b" if view.direction == "BT" else "t"


def to_dot(view: View, *, page: Page | None = None, legend: bool = True,
           fitting: Fitting = GUESSED, titled: bool = True,
           words_aside: bool = True) -> graphviz.Digraph:
    """The Graphviz source of a view: scaled to fit `page` if given, fitted to
    the page as `fitting` says (`raci.export.layout`: crowded rows wrapped,
    leaves staggered, parts laid out; by default as guessed from the text,
    parts packed by Graphviz). Unless `titled` is off it holds its heading
    (`raci.export.legend`: the title, and the key unless `legend` is off) as
    one more part; raci itself lays the heading out apart and puts it in the
    top left corner (`raci.export.render`). Unless `words_aside` is off, the
    words of a line drawn aside are Graphviz's external labels and a RACI line's
    letter its head label; raci itself
    places them after the layout (`raci.export.aside`)."""
    dot = _drawing(view, page, fitting, words_aside)
    if titled:
        dot.subgraph(heading_graph(view, legend, fitting.width, view.direction))
    return dot


def _drawing(view: View, page: Page | None, fitting: Fitting,
             words_aside: bool) -> graphviz.Digraph:
    dot = graphviz.Digraph(name=view.name)
    dot.attr("graph", **_graph_attrs(view, page, fitting))
    dot.attr("node", fontname=FONT, fontsize=str(NAME_POINTS), margin=NODE_MARGIN)
    dot.attr("edge", fontname=FONT, fontsize=str(NOTE_POINTS))
    room = page.room if page is not None else ROOM
    rows = view.table_rows()
    if rows is not None:
        chart = chart_layout(len(rows), len(view.nodes) - len(rows), room)
        dot.node("table", shape="plaintext", margin="0",
                 label=table_label(view, rows, chart.turned, chart.blocks),
                 id=f"{view.name}:table")
        return dot
    names = node_names(view)
    _add_nodes_in_clusters(dot, view, names)
    _add_edges(dot, view, names, fitting.stagger, words_aside)
    wrapping = wrapping_links(view, ranked_edges(view), room, fitting.sizes) if fitting.wrap \
        else Wrapping([], [])
    if fitting.stagger == 1:  # staggered leaves stand on ranks of their own, not in a row
        for tail, head in wrapping.beside:
            dot.edge(names[tail], names[head], style="invis", minlen="0")
    for tail, head in [*wrapping.after, *fitting.links]:
        for end in (tail, head):
            if end not in names:  # a point between two shelves of parts
                names[end] = f"p{len(names) + 1}"
                dot.node(names[end], shape="point", width="0", height="0", style="invis",
                         label="", ordering="out")
        dot.edge(names[tail], names[head], style="invis")
    return dot


def _graph_attrs(view: View, page: Page | None, fitting: Fitting) -> dict[str, str]:
    """Spacing, page size and, unless the parts are laid out by
    `fitting.links`, Graphviz's packing of them (`pack`): node by node where it
    can, part by part where frames would otherwise overlap a part."""
    letters = any(edge.head_label for edge in view.edges)
    return {
        "rankdir": view.direction, "fontname": FONT, "id": view.name,
        **({} if fitting.links else {"pack": "true",
                                     "packmode": "graph" if view.clusters else "node"}),
        **SPACING, **({"ranksep": RANKSEP_FOR_LETTERS} if letters else {}),
        **({"size": page.size_attribute} if page is not None else {}),
        **({"ratio": f"{fitting.ratio:.3f}"} if fitting.ratio else {}),
    }


def _add_edges(dot: graphviz.Digraph, view: View, names: dict[str, str], stagger: int,
               words_aside: bool) -> None:
    """Every edge in its style, the leaves' edges staggered over `stagger` ranks; the
    words of a line drawn aside as its external label and a letter at its arrowhead
    unless `words_aside` is off."""
    labels_at: Counter[str] = Counter()
    ranked = [number for number, edge in enumerate(view.edges, 1) if _constrains(view, edge)]
    lengths = {ranked[index]: length for index, length in
               staggered_lengths(ranked_edges(view), stagger).items()}
    for number, edge in enumerate(view.edges, 1):
        attrs = {**view.edge_styles[edge.style].attrs, **edge.attrs,
                 "id": f"{view.name}:edge:{number}", "class": edge.style}
        if number in lengths:
            attrs["minlen"] = str(lengths[number])
        if edge.label and _constrains(view, edge):
            attrs["label"] = plain_label(edge.label)
        elif edge.label and words_aside:  # a line drawn aside gets its words beside it once
            # laid out: as its own label, Graphviz 2.43 crashes on some layouts and takes
            # minutes on others
            attrs["xlabel"] = plain_label(edge.label)
        if edge.head_label and words_aside:  # else placed once laid out, as a line's words
            attrs.update(head_label_attrs(edge.head_label, attrs, labels_at[edge.head]))
            labels_at[edge.head] += 1
        dot.edge(names[edge.tail], names[edge.head], **attrs)


def ranked_edges(view: View) -> list[Link]:
    """(tail, head) of the edges that take part in ranking."""
    return [(edge.tail, edge.head) for edge in view.edges if _constrains(view, edge)]


def node_names(view: View) -> dict[str, str]:
    """Entity id -> its Graphviz node name."""
    return {node_id: f"n{number}" for number, node_id in enumerate(view.nodes, 1)}


def _constrains(view: View, edge: Edge) -> bool:
    """Whether the edge takes part in ranking (an overlap drawn aside does not)."""
    attrs = {**view.edge_styles[edge.style].attrs, **edge.attrs}
    return attrs.get("constraint", "true") != "false"


HEAD_LABEL_ANGLES = (-25, 25, -55, 55, 0)
"""Degrees off the edge for the letters at one node's arrowheads, in turn:
edges that meet at one point would otherwise stack their letters."""


def head_label_attrs(text: str, edge_attrs: dict[str, str], earlier: int) -> dict[str, str]:
    """A label at the arrowhead, in the colour of its edge so it reads as part of
    it, turned aside from the `earlier` labels at the same node."""
    colour = edge_attrs.get("fontcolor", edge_attrs.get("color", "black"))
    angle = HEAD_LABEL_ANGLES[earlier % len(HEAD_LABEL_ANGLES)]
    return {"headlabel": plain_label(text), "labeldistance": "2.5", "labelangle": str(angle),
            "labelfontcolor": colour, "labelfontsize": str(NAME_POINTS)}


def _node_attrs(view: View, node_id: str) -> dict[str, str]:
    node = view.nodes[node_id]
    mark = view.highlights.get(node_id)
    attrs = marked(drawn_attrs([view.node_styles[key] for key in node.styles]), mark)
    classes = [key.replace(":", "-") for key in node.styles]
    if mark is not None:
        classes.append(f"finding-{mark.level}")
        attrs["tooltip"] = f"{LEVEL_NAMES[mark.level]}: {', '.join(mark.codes)}"
    if node_id == view.focus:
        attrs = focused(attrs)
        classes.append("focus")
    return {**attrs, "label": node_label(node.title, node.lines,
                                         folded=attrs.get("shape") == "note"),
            "id": f"{view.name}:{node_id}", "class": " ".join(classes)}


def _cluster_graph(view: View, cluster: Cluster, number: int) -> graphviz.Digraph:
    mark = view.highlights.get(cluster.id)
    lines = [*cluster.lines, *([_("findings: {codes}").format(codes=", ".join(mark.codes))]
                               if mark else [])]
    style = marked(view.cluster_styles[cluster.style].attrs, mark)
    sub = graphviz.Digraph(name=f"cluster_{number}")
    classes = [cluster.style, *([f"finding-{mark.level}"] if mark else [])]
    sub.attr("graph", **{**CLUSTER_DEFAULTS, **style}, labelloc=top(view),
             fontsize=str(NAME_POINTS),
             label=node_label(cluster.title, lines),
             id=f"{view.name}:{cluster.id}", **{"class": " ".join(classes)})
    return sub


def _add_nodes_in_clusters(dot: graphviz.Digraph, view: View, names: dict[str, str]) -> None:
    """Nodes into their clusters, clusters into their parents, in one pass.

    Graphviz's `subgraph()` copies a finished subgraph into its parent, which
    costs the depth of the nesting for every line; instead each cluster's
    opening lines are written on the way down and its closing brace on the
    way up, iteratively, so deep unit trees cost no more than flat ones.
    """
    members, children = view.frames()
    for node_id in members[None]:
        dot.node(names[node_id], **_node_attrs(view, node_id))
    numbers = {cluster_id: number for number, cluster_id in enumerate(view.clusters, 1)}
    stack: list[tuple[str, bool]] = [(c, True) for c in reversed(children[None])]
    while stack:
        cluster_id, entering = stack.pop()
        if not entering:
            dot.body.append("}\n")
            continue
        sub = _cluster_graph(view, view.clusters[cluster_id], numbers[cluster_id])
        for node_id in members[cluster_id]:
            sub.node(names[node_id], **_node_attrs(view, node_id))
        dot.body.extend(list(sub.__iter__(subgraph=True))[:-1])  # all but its closing brace
        stack.append((cluster_id, False))
        stack.extend((c, True) for c in reversed(children[cluster_id]))
