"""A view as a Mermaid flowchart, which GitHub, GitLab and most wikis draw themselves.

The same `View` as for Graphviz: nodes with a shape per kind, units as
nested subgraphs, one line per edge with its style, classes for marks,
findings and the focus, and a small key as a subgraph of samples. Mermaid
has no tables, so the raci view is always drawn as lines here (its chart is
`raci matrix --format markdown`).

Every name is shown as written: characters Mermaid would read (quotes, `#`,
`<`, `>`, `&`, backticks) are written as its entity codes (`#34;`), line
breaks as `<br/>`, control characters as their visible pictures. The
title is the label of a frameless subgraph around the whole drawing:
Mermaid's own `title` cannot show a `<`.
"""

from __future__ import annotations

from collections import defaultdict

from raci.export.graph import Edge, View
from raci.export.look import LEVEL_COLOURS, merged, wrapped
from raci.i18n import N_, _
from raci.vocabulary import Words

SHAPES = {  # Graphviz shape -> Mermaid's opening and closing brackets
    "box": ('["', '"]'), "rounded": ('("', '")'), "ellipse": ('(["', '"])'),
    "hexagon": ('{{"', '"}}'), "box3d": ('[("', '")]'), "folder": ('>"', '"]'),
    "parallelogram": ('[/"', '"/]'), "octagon": ('[\\"', '"\\]'), "house": ('[/"', '"\\]'),
    "tab": ('["', '"]'), "egg": ('(("', '"))'), "component": ('[["', '"]]'),
    "note": ('>"', '"]'), "diagonals": ('{"', '"}'),
}
ESCAPED = {character: f"#{ord(character)};" for character in '"#&<>`\\'}
NAME_WIDTH = 30

SHAPE_WORDS = Words({
    "ellipse": N_("oval"), "hexagon": N_("hexagon"), "box3d": N_("3-D box"),
    "folder": N_("folder"), "parallelogram": N_("slanted box"), "octagon": N_("octagon"),
    "house": N_("house"), "tab": N_("tab"), "egg": N_("egg"), "component": N_("box with pins"),
    "note": N_("folded corner"),
})
"""Node shapes in words, for the key's samples that Mermaid draws in a plainer shape."""


def mermaid_text(text: str, width: int | None = None) -> str:
    """Text for inside a quoted Mermaid label: shown as written, lines joined by
    `<br/>`. Mermaid reads a backslash before an `n` as a line break even when
    written as its code, so an invisible word joiner stands between them."""
    lines = wrapped(text, width) if width else (text.splitlines() or [""])
    return "<br/>".join("".join(ESCAPED.get(c, _visible(c))
                                for c in line.replace("\\n", "\\\u2060n")) for line in lines)


def _visible(character: str) -> str:
    code = ord(character)
    return chr(0x2400 + code) if code < 32 and character != "\t" else character


def to_mermaid(view: View, *, legend: bool = True) -> str:
    """The Mermaid source of a view: a `flowchart` with its title (and key) on top."""
    names = {node_id: f"n{number}" for number, node_id in enumerate(view.nodes, 1)}
    heading = "<br/>".join([*([f"<b>{mermaid_text(view.title)}</b>"] if view.title else []),
                            *([mermaid_text(view.subtitle)] if view.subtitle else [])])
    heading = heading or " "  # titled outside its block (the Markdown handout): no title drawn
    lines = [f"flowchart {view.direction}", f'    subgraph heading["{heading}"]',
             f"    direction {view.direction}"]
    lines += _nodes_in_subgraphs(view, names)
    lines += [_edge(view, edge, names) for edge in view.edges]
    if legend:  # after the edges: its sample lines are numbered after theirs
        lines += _legend(view)
    lines.append("    end")
    lines += [*_styles(view, names), "    style heading fill:none,stroke:none"]
    return "\n".join(lines) + "\n"


def _node(view: View, node_id: str, name: str) -> str:
    node = view.nodes[node_id]
    attrs = merged([view.node_styles[key] for key in node.styles])
    opening, closing = SHAPES[_shape(attrs)]
    notes = "".join(f"<br/><small>{mermaid_text(line, NAME_WIDTH)}</small>" for line in node.lines)
    return f"{name}{opening}<b>{mermaid_text(node.title, NAME_WIDTH)}</b>{notes}{closing}"


def _shape(attrs: dict[str, str]) -> str:
    flags = attrs.get("style", "").split(",")
    for flag in ("diagonals", "rounded"):
        if flag in flags:
            return flag
    return attrs.get("shape", "box") if attrs.get("shape", "box") in SHAPES else "box"


def _nodes_in_subgraphs(view: View, names: dict[str, str]) -> list[str]:
    """Nodes in their units' subgraphs, written iteratively (units nest deeply)."""
    members, children = view.frames()
    lines = [f"    {_node(view, node_id, names[node_id])}" for node_id in members[None]]
    numbers = {cluster_id: number for number, cluster_id in enumerate(view.clusters, 1)}
    stack: list[tuple[str, bool]] = [(c, True) for c in reversed(children[None])]
    while stack:
        cluster_id, entering = stack.pop()
        if not entering:
            lines.append("    end")
            continue
        cluster = view.clusters[cluster_id]
        title = mermaid_text(" · ".join([cluster.title, *cluster.lines]), NAME_WIDTH)
        lines.append(f'    subgraph c{numbers[cluster_id]}["{title}"]')
        lines += [f"    {_node(view, node_id, names[node_id])}" for node_id in members[cluster_id]]
        stack.append((cluster_id, False))
        stack.extend((c, True) for c in reversed(children[cluster_id]))
    return lines


def _edge(view: View, edge: Edge, names: dict[str, str]) -> str:
    attrs = {**view.edge_styles[edge.style].attrs, **edge.attrs}
    text = " ".join(t for t in (edge.label, edge.head_label) if t)
    return f"    {names[edge.tail]} {_arrow(attrs, text)} {names[edge.head]}"


def _arrow(attrs: dict[str, str], text: str) -> str:
    flags = attrs.get("style", "").split(",")
    undirected = attrs.get("dir") == "none" or attrs.get("arrowhead") == "none"
    if "dashed" in flags or "dotted" in flags:
        line = "-.-" if undirected else "-.->"
    elif "bold" in flags or float(attrs.get("penwidth", "1")) >= 3:
        line = "===" if undirected else "==>"
    else:
        line = "---" if undirected else "-->"
    return f'{line}|"{mermaid_text(text)}"|' if text else line


def _styles(view: View, names: dict[str, str]) -> list[str]:
    """Classes for each node look, finding level and the focus; a style per edge look."""
    lines: list[str] = []
    members: dict[str, list[str]] = defaultdict(list)
    for node_id, node in view.nodes.items():
        for key in node.styles:
            members[_class(key)].append(names[node_id])
        if (mark := view.highlights.get(node_id)) is not None:
            members[f"finding_{mark.level}"].append(names[node_id])
        if node_id == view.focus:
            members["focus"].append(names[node_id])
    looks = {_class(key): style.attrs for key, style in view.node_styles.items()}
    looks.update({f"finding_{level}": {"fillcolor": fill, "color": line, "style": "filled"}
                  for level, (fill, line) in LEVEL_COLOURS.items()})
    looks["focus"] = {"penwidth": "4"}
    for name, nodes in members.items():
        if css := _css(looks[name]):
            lines += [f"    classDef {name} {css}", f"    class {','.join(nodes)} {name}"]
    by_look: dict[str, list[str]] = defaultdict(list)
    for number, edge in enumerate(view.edges):
        if css := _css({**view.edge_styles[edge.style].attrs, **edge.attrs}, line=True):
            by_look[css].append(str(number))
    lines += [f"    linkStyle {','.join(numbers)} {css}" for css, numbers in by_look.items()]
    return lines


def _class(style_key: str) -> str:
    return style_key.replace(":", "_").replace("-", "_")


def _css(attrs: dict[str, str], line: bool = False) -> str:
    """Graphviz attributes as Mermaid's style properties."""
    flags = attrs.get("style", "").split(",")
    css = []
    if "color" in attrs:
        css.append(f"stroke:{attrs['color']}")
    if "fontcolor" in attrs and not line:
        css.append(f"color:{attrs['fontcolor']}")
    if "filled" in flags and "fillcolor" in attrs:
        css.append(f"fill:{attrs['fillcolor']}")
    if "penwidth" in attrs or "bold" in flags:
        css.append(f"stroke-width:{float(attrs.get('penwidth', '2')):g}px")
    if "dashed" in flags or "dotted" in flags:
        css.append(f"stroke-dasharray:{'6 4' if 'dashed' in flags else '2 3'}")
    return ",".join(css)


def _legend(view: View) -> list[str]:
    """A key: one sample node per kind drawn, one sample line per kind of edge."""
    used_nodes = {key for node in view.nodes.values() for key in node.styles}
    used_edges = [key for key in view.edge_styles if any(e.style == key for e in view.edges)]
    key = mermaid_text(_("Key"))
    lines = [f'    subgraph legend["{key}"]']
    for number, (key, style) in enumerate(view.node_styles.items()):
        if key in used_nodes:
            opening, closing = SHAPES[_shape(style.attrs)]
            shape = SHAPE_WORDS.get(style.attrs.get("shape", ""), "")
            text = mermaid_text(_(style.legend) + (f" ({shape})" if shape else ""))
            lines.append(f"    key{number}{opening}{text}{closing}")
            if css := _css(style.attrs):
                lines.append(f"    style key{number} {css}")
    first_edge = len(view.edges)
    for number, key in enumerate(used_edges):
        style = view.edge_styles[key]
        arrow = _arrow(style.attrs, _(style.legend))
        lines.append(f'    from{number}[" "] {arrow} to{number}[" "]')
        if css := _css(style.attrs, line=True):
            lines.append(f"    linkStyle {first_edge + number} {css}")
    return [*lines, "    end"] if len(lines) > 1 else []
