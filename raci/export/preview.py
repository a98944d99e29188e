"""The neighbourhood of one entity in a view, as an indented text tree.

The app shows this before it exports a drawing; each entity appears once,
under the neighbour through which the breadth-first walk first reached it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from raci.export.graph import Edge, View, focus_view
from raci.export.views import build_view
from raci.i18n import N_, _
from raci.lint.config import LintConfig
from raci.model import Model
from raci.model.entities import PAIRED_LETTERS
from raci.vocabulary import INCOMING, KIND_NAMES, OUTGOING

OWNS_AND_DOES = N_("A/R  Accountable and Responsible (owns it and does the work)")
REFERENCE_DRAWN = {"holds": ("holders", False), "reports": ("reports_to", True),
                   "part-of": ("parent", True), "contributes": ("goals", True),
                   "measures": ("measures", True)}
"""The reference an edge draws, and whether it runs from the entity that
holds the field (a role to the one it reports to) or to it (a holder to
their role): read each way as the explorer reads it (`OUTGOING`, `INCOMING`)."""


@dataclass(frozen=True, slots=True)
class PreviewLine:
    level: int
    """Steps from the focus (0 for the focus itself)."""
    entity_id: str
    text: str


def one_line(text: str) -> str:
    return " ".join(text.splitlines())


def neighbourhood(model: Model, view_name: str, focus: str, depth: int,
                  config: LintConfig | None = None) -> list[PreviewLine]:
    """The entities within `depth` links of `focus`, in tree order (a pre-order
    walk); what the model does not record as `raci lint` with `config` takes it."""
    view = focus_view(build_view(model, view_name, config), model, focus, depth)
    focus = view.focus or focus  # a role holder is previewed from the role that names them
    parent_of = _walk_tree(view, focus)
    children: dict[str, list[tuple[str, str]]] = {}
    for child, (parent, relation) in parent_of.items():
        children.setdefault(parent, []).append((child, relation))
    lines: list[PreviewLine] = []
    stack: list[tuple[str, int, str]] = [(focus, 0, "")]
    while stack:
        entity_id, level, relation = stack.pop()
        lines.append(PreviewLine(level, entity_id, relation + _describe(model, view, entity_id)))
        below = reversed(children.get(entity_id, []))
        stack.extend((child, level + 1, how) for child, how in below)
    return lines


def neighbourhood_text(model: Model, view_name: str, focus: str, depth: int,
                       config: LintConfig | None = None) -> str:
    """The neighbourhood as lines indented by their distance from the focus."""
    return "\n".join("    " * line.level + line.text
                     for line in neighbourhood(model, view_name, focus, depth, config))


def _describe(model: Model, view: View, entity_id: str) -> str:
    holder = model.people.get(entity_id)
    if holder is not None and entity_id in view.shown_in:  # named in their role's box
        return f"{one_line(holder.name)} ({entity_id}) · {KIND_NAMES['person']}"
    if entity_id in view.nodes:
        node = view.nodes[entity_id]
        style = _(view.node_styles[node.styles[0]].legend)
        return f"{one_line(node.title)} ({entity_id}) · {style}"
    cluster = view.clusters[entity_id]
    return f"{one_line(cluster.title)} ({entity_id}) · {KIND_NAMES['unit']}"


def _walk_tree(view: View, focus: str) -> dict[str, tuple[str, str]]:
    """Breadth-first from the focus: each entity's parent and how they relate."""
    holders = {h: role for h, role in view.shown_in.items() if role in view.nodes}
    related: dict[str, list[tuple[str, str]]] = {
        key: [] for key in (*view.nodes, *view.clusters, *holders)
    }
    for holder, role in holders.items():
        related[role].append((holder, OUTGOING["holders"] + ": "))
        related[holder].append((role, INCOMING["holders"] + ": "))
    owns_and_does = _owns_and_does(view)
    for edge in view.edges:
        if (edge.tail, edge.head) in owns_and_does:
            if edge.style == "R":
                continue  # said with its A
            forward, backward = f"→ {_(OWNS_AND_DOES)}", f"← {_(OWNS_AND_DOES)}"
        else:
            forward, backward = _read(view, edge)
        related[edge.tail].append((edge.head, f"{forward}: "))
        related[edge.head].append((edge.tail, f"{backward}: "))
    framing = [(n.id, n.cluster) for n in view.nodes.values()]
    framing += [(c.id, c.parent) for c in view.clusters.values()]
    for inner, outer in framing:
        if outer is not None and outer in view.clusters:
            related[inner].append((outer, _("in") + ": "))
            related[outer].append((inner, _("contains") + ": "))
    parent_of: dict[str, tuple[str, str]] = {}
    seen = {focus}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        for neighbour, relation in related[current]:
            if neighbour not in seen:
                seen.add(neighbour)
                parent_of[neighbour] = (current, relation)
                queue.append(neighbour)
    return parent_of


def _owns_and_does(view: View) -> set[tuple[str, str]]:
    """The actor and item an A edge and an R edge both join: the owner who
    also does the work, one "A/R" as the drawing's chart and the matrix say it."""
    letters: dict[tuple[str, str], set[str]] = {}
    for edge in view.edges:
        if edge.style in PAIRED_LETTERS:
            letters.setdefault((edge.tail, edge.head), set()).add(edge.style)
    return {pair for pair, held in letters.items() if held == PAIRED_LETTERS}


def _read(view: View, edge: Edge) -> tuple[str, str]:
    """How `edge` reads from its tail and from its head: "reports to" one
    way, "reported to by" the other; a RACI letter, seats in common or a
    decision's link in the key's words, with an arrow for the way it runs."""
    drawn = REFERENCE_DRAWN.get(edge.style)
    if drawn is None:
        relation = edge.label or _(view.edge_styles[edge.style].legend)
        return f"→ {relation}", f"← {relation}"
    field, from_holder = drawn
    words = (OUTGOING[field], INCOMING[field])
    return words if from_holder else (words[1], words[0])
