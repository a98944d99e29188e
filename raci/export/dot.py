"""Turn a `View` into Graphviz source, with every name shown as written.

Names go into HTML-like labels, escaped for HTML (`&`, `<`, `>`, quotes)
and for Graphviz's own backslash sequences (`\\N` would otherwise print the
node's name). Graphviz node names are generated (`n1`, `n2`): entity ids may
hold a colon, which DOT would read as a port. The entity id travels in the
`id` attribute, so the SVG keeps it.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict

import graphviz

from raci.export.graph import Cluster, Edge, Highlight, Style, View

FONT = "Helvetica"
LEVEL_COLOURS = {  # fill, outline
    "error": ("#f5b7b1", "#922b21"),
    "warning": ("#fae5b0", "#9a7d0a"),
    "info": ("#d6eaf8", "#1f618d"),
}
# Cluster attributes are inherited by nested clusters in Graphviz, so every
# cluster states each one, falling back to these.
CLUSTER_DEFAULTS = {"style": "solid", "color": "black", "fontcolor": "black",
                    "fillcolor": "white", "penwidth": "1"}


def top(view: View) -> str:
    """The `labelloc` that puts a frame's title on top: Graphviz flips it for BT."""
    return "b" if view.direction == "BT" else "t"


def html_text(text: str) -> str:
    """One name as HTML-label content: escaped, each line break a `<BR/>`."""
    lines = (html.escape(_visible_controls(line), quote=True).replace("\\", "\\\\")
             for line in (text.splitlines() or [""]))
    return "<BR/>".join(lines)


def _visible_controls(text: str) -> str:
    """Control characters as their visible pictures (␀…␟); XML cannot carry them."""
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 32 and c != "\t" else c for c in text)


def node_label(title: str, lines: list[str]) -> str:
    notes = "".join(f'<BR/><FONT POINT-SIZE="10">{html_text(line)}</FONT>' for line in lines)
    return f"<<B>{html_text(title)}</B>{notes}>"


def plain_label(text: str) -> str:
    return f"<{html_text(text)}>"


def merged(styles: list[Style]) -> dict[str, str]:
    """Attributes of several styles; the `style` flags of each are kept together."""
    attrs: dict[str, str] = {}
    flags: list[str] = []
    for style in styles:
        for key, value in style.attrs.items():
            if key == "style":
                flags += [flag for flag in value.split(",") if flag not in flags]
            else:
                attrs[key] = value
    if flags:
        attrs["style"] = ",".join(flags)
    return attrs


def marked(attrs: dict[str, str], mark: Highlight | None) -> dict[str, str]:
    """Colour by the highest level of an entity's findings."""
    if mark is None:
        return attrs
    fill, outline = LEVEL_COLOURS[mark.level]
    flags = [f for f in attrs.get("style", "").split(",") if f]
    return {**attrs, "style": ",".join([*flags, "filled"]), "fillcolor": fill,
            "color": outline, "penwidth": "2"}


def to_dot(view: View) -> graphviz.Digraph:
    """The Graphviz source of a view, with its legend."""
    dot = graphviz.Digraph(name=view.name)
    dot.attr("graph", rankdir=view.direction, label=plain_label(view.title), labelloc="t",
             fontname=FONT, newrank="true", id=view.name)
    dot.attr("node", fontname=FONT)
    dot.attr("edge", fontname=FONT, fontsize="10")
    names = {node_id: f"n{number}" for number, node_id in enumerate(view.nodes, 1)}
    _add_nodes_in_clusters(dot, view, names)
    labels_at: Counter[str] = Counter()
    ranked = _ranked_edges(view)
    staggered = stagger_leaves(ranked)
    for number, edge in enumerate(view.edges, 1):
        attrs = {**view.edge_styles[edge.style].attrs, **edge.attrs,
                 "id": f"{view.name}:edge:{number}", "class": edge.style}
        if number in staggered:
            attrs["minlen"] = str(staggered[number])
        if edge.label:
            attrs["label"] = plain_label(edge.label)
        if edge.head_label:
            attrs.update(head_label_attrs(edge.head_label, attrs, labels_at[edge.head]))
            labels_at[edge.head] += 1
        dot.edge(names[edge.tail], names[edge.head], **attrs)
    for tail, head in chain_loners(view, ranked):
        dot.edge(names[tail], names[head], style="invis")
    _add_legend(dot, view)
    return dot


LEAVES_PER_RANK = 8
"""More leaves than this on one node are spread over several ranks."""


def stagger_leaves(ranked: list[tuple[int, Edge]]) -> dict[int, int]:
    """Edge number (from 1) -> its `minlen`, for the leaves of crowded nodes.

    Dozens of bodies reporting to one board, or people to one unit, would
    otherwise stand in one rank tens of thousands of points wide. As
    Graphviz's `unflatten -l` does, each such leaf (a node with this one
    edge only) gets an edge one to `ranks` long in turn, so they stand in
    staggered rows of `LEAVES_PER_RANK` or more (see `_spread`). Only the
    `ranked` edges count (`_ranked_edges`: not an overlap drawn aside).
    """
    degree: Counter[str] = Counter()
    for _, edge in ranked:
        degree[edge.tail] += 1
        degree[edge.head] += 1
    leaves: defaultdict[str, list[int]] = defaultdict(list)
    for number, edge in ranked:
        if degree[edge.tail] == 1:
            leaves[edge.head].append(number)
        elif degree[edge.head] == 1:
            leaves[edge.tail].append(number)
    minlen: dict[int, int] = {}
    for numbers in leaves.values():
        if len(numbers) > LEAVES_PER_RANK:
            ranks = _spread(len(numbers))
            minlen.update((number, 1 + place % ranks)
                          for place, number in enumerate(numbers) if place % ranks)
    return minlen


def chain_loners(view: View, ranked: list[tuple[int, Edge]]) -> list[tuple[str, str]]:
    """Pairs of nodes to join by an invisible edge: the nodes outside any
    frame that none of the `ranked` edges touches (bodies reporting to
    nothing, say), in chains
    `_spread` long, as Graphviz's `unflatten -c` does, when there are more
    than `LEAVES_PER_RANK`; else they would stand in one long row."""
    touched = {node for _, edge in ranked for node in (edge.tail, edge.head)}
    loners = [node_id for node_id, node in view.nodes.items()
              if node.cluster is None and node_id not in touched]
    if len(loners) <= LEAVES_PER_RANK:
        return []
    ranks = _spread(len(loners))
    return [(loners[place], loners[place + 1]) for place in range(len(loners) - 1)
            if (place + 1) % ranks]


def _spread(count: int) -> int:
    """Over how many ranks `count` nodes are spread: rows of
    `LEAVES_PER_RANK`, or of about the square root of twice their number
    where that is more (so many nodes do not make a tall thin strip)."""
    per_rank = max(LEAVES_PER_RANK, math.ceil(math.sqrt(2 * count)))
    return math.ceil(count / per_rank)


def _ranked_edges(view: View) -> list[tuple[int, Edge]]:
    """(number from 1, edge) of the edges that rank their nodes: no loops,
    nothing drawn aside."""
    return [(number, edge) for number, edge in enumerate(view.edges, 1)
            if edge.tail != edge.head and _constrains(view, edge)]


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
            "labelfontcolor": colour, "labelfontsize": "11"}


def _node_attrs(view: View, node_id: str) -> dict[str, str]:
    node = view.nodes[node_id]
    mark = view.highlights.get(node_id)
    attrs = marked(merged([view.node_styles[key] for key in node.styles]), mark)
    classes = [key.replace(":", "-") for key in node.styles]
    if mark is not None:
        classes.append(f"finding-{mark.level}")
        attrs["tooltip"] = f"{mark.level}: {', '.join(mark.codes)}"
    if node_id == view.focus:
        attrs.update(penwidth="4", peripheries="2")
        classes.append("focus")
    return {**attrs, "label": node_label(node.title, node.lines),
            "id": f"{view.name}:{node_id}", "class": " ".join(classes)}


def _cluster_graph(view: View, cluster: Cluster, number: int) -> graphviz.Digraph:
    mark = view.highlights.get(cluster.id)
    lines = [*cluster.lines, *([f"findings: {', '.join(mark.codes)}"] if mark else [])]
    style = marked(view.cluster_styles[cluster.style].attrs, mark)
    sub = graphviz.Digraph(name=f"cluster_{number}")
    classes = [cluster.style, *([f"finding-{mark.level}"] if mark else [])]
    sub.attr("graph", **{**CLUSTER_DEFAULTS, **style}, labelloc=top(view),
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
    members: dict[str | None, list[str]] = defaultdict(list)
    for node_id, node in view.nodes.items():
        members[node.cluster if node.cluster in view.clusters else None].append(node_id)
    children: dict[str | None, list[str]] = defaultdict(list)
    for cluster in view.clusters.values():
        children[cluster.parent if cluster.parent in view.clusters else None].append(cluster.id)
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


def _add_legend(dot: graphviz.Digraph, view: View) -> None:
    """A framed key with each node look, edge look and finding colour the view uses."""
    used_nodes = {key for node in view.nodes.values() for key in node.styles}
    used_edges = {edge.style for edge in view.edges}
    used_clusters = {cluster.style for cluster in view.clusters.values()}
    used_levels = {mark.level for mark in view.highlights.values()}
    legend = graphviz.Digraph(name="cluster_legend")
    legend.attr("graph", **CLUSTER_DEFAULTS, labelloc=top(view), label="<<B>Legend</B>>",
                id=f"{view.name}:legend")
    legend.attr("node", shape="box", fontsize="10")
    entries: list[tuple[str, dict[str, str]]] = [
        (style.legend, style.attrs) for key, style in view.node_styles.items() if key in used_nodes
    ]
    entries += [(f"{style.legend} (frame)", style.attrs)
                for key, style in view.cluster_styles.items() if key in used_clusters]
    entries += [(f"has {level} findings", marked({}, Highlight(level, [])))
                for level in LEVEL_COLOURS if level in used_levels]
    for number, (text, attrs) in enumerate(entries, 1):
        legend.node(f"legend_{number}", **attrs, label=plain_label(text),
                    id=f"{view.name}:legend:{number}", **{"class": "legend"})
    for number, (key, style) in enumerate(view.edge_styles.items(), 1):
        if key not in used_edges:
            continue
        for end in ("from", "to"):
            legend.node(f"legend_{end}_{number}", shape="point", width="0.1", label="",
                        id=f"{view.name}:legend:{end}:{number}", **{"class": "legend"})
        legend.edge(f"legend_from_{number}", f"legend_to_{number}",
                    **{**style.attrs, "constraint": "true"}, label=plain_label(style.legend),
                    id=f"{view.name}:legend:edge:{number}", **{"class": "legend"})
    if entries or used_edges:
        dot.subgraph(legend)
