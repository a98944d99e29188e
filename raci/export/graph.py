"""A diagram as plain data: nodes, edges, nested clusters and their styles.

Each view (`raci.export.views`) builds a `View`; this module cuts out the
neighbourhood of one entity and marks nodes with their findings, and
`raci.export.dot` turns the result into Graphviz. Keeping the drawing as
data lets the app preview a neighbourhood as text and the tests check a view
without parsing DOT.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from raci.errors import UsageError
from raci.i18n import N_, _, said_again
from raci.lint.findings import LEVEL_RANK, Finding
from raci.model import Model
from raci.model.checks import did_you_mean
from raci.model.lean import LeanModel
from raci.vocabulary import THIS_KIND, VIEW_TITLES


@dataclass(frozen=True, slots=True)
class Style:
    """Graphviz attributes for one kind of node, edge or cluster, and its legend text."""

    legend: str
    attrs: dict[str, str]


@dataclass(slots=True)
class Node:
    id: str
    """The entity id (every id is unique across a model)."""
    title: str
    """The entity's name, as written."""
    styles: tuple[str, ...]
    """Keys into the view's node styles; later keys add to earlier ones."""
    lines: list[str] = field(default_factory=list)
    """Further lines under the name: holders, the Accountable, a cadence."""
    cluster: str | None = None


@dataclass(slots=True)
class Edge:
    tail: str
    head: str
    style: str
    label: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    """Attributes of this edge alone (the width of an overlap)."""
    head_label: str = ""
    """Text at the arrowhead: a RACI letter stays with its own edge where many
    edges meet, while a middle label would float among the others."""


@dataclass(slots=True)
class Cluster:
    """A frame around nodes; the org view draws each unit as one."""

    id: str
    title: str
    style: str
    parent: str | None = None
    lines: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Highlight:
    level: str
    codes: list[str]


@dataclass(frozen=True, slots=True)
class TableForm:
    """A view that is drawn as a table once it holds more than a handful of rows."""

    row_styles: frozenset[str]
    """Node styles that make a node a row (an item); the other nodes are columns."""
    most_as_graph: int
    """Rows up to which the view is still drawn as nodes and edges."""


@dataclass
class View:
    name: str
    title: str
    direction: str
    """Graphviz `rankdir`: where edges point (BT puts the heads on top)."""
    node_styles: dict[str, Style]
    edge_styles: dict[str, Style]
    cluster_styles: dict[str, Style] = field(default_factory=dict)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)
    clusters: dict[str, Cluster] = field(default_factory=dict)
    focus: str | None = None
    highlights: dict[str, Highlight] = field(default_factory=dict)
    shown_in: dict[str, str] = field(default_factory=dict)
    """Entities drawn inside another node rather than as one: a role holder
    named in the role's box -> that role. Focus and findings follow them there."""
    table: TableForm | None = None
    """How the view is drawn as a table, if it can be (the raci view)."""
    subtitle: str = ""
    """A line under the title: which part of a split this is, and where it continues."""
    part: str = ""
    """What a part of a split draws, in words ("DG Klimaat: Directie Warmte"),
    as its subtitle names it after the part's number."""

    @property
    def size(self) -> int:
        """Nodes and clusters: what the layout has to place."""
        return len(self.nodes) + len(self.clusters)

    def table_rows(self) -> list[str] | None:
        """The nodes drawn as the rows of a table, or None when drawn as a graph."""
        if self.table is None:
            return None
        rows = [key for key, node in self.nodes.items()
                if node.styles[0] in self.table.row_styles]
        return rows if len(rows) > self.table.most_as_graph else None

    def add_node(self, node: Node) -> None:
        """Add a node once; an actor met again (a second decision) is the same node."""
        self.nodes.setdefault(node.id, node)

    def frames(self) -> tuple[dict[str | None, list[str]], dict[str | None, list[str]]]:
        """Each frame's own nodes and the frames directly inside it (None: the top)."""
        members: dict[str | None, list[str]] = defaultdict(list)
        for node_id, node in self.nodes.items():
            members[node.cluster if node.cluster in self.clusters else None].append(node_id)
        children: dict[str | None, list[str]] = defaultdict(list)
        for cluster in self.clusters.values():
            children[cluster.parent if cluster.parent in self.clusters else None].append(
                cluster.id)
        return members, children

    def links(self) -> dict[str, list[str]]:
        """Every node and cluster with its neighbours: edges both ways and framing."""
        adjacent: dict[str, list[str]] = {key: [] for key in (*self.nodes, *self.clusters)}
        pairs = [(edge.tail, edge.head) for edge in self.edges]
        pairs += [(n.id, n.cluster) for n in self.nodes.values() if n.cluster]
        pairs += [(c.id, c.parent) for c in self.clusters.values() if c.parent]
        for one, other in pairs:
            if one in adjacent and other in adjacent:
                adjacent[one].append(other)
                adjacent[other].append(one)
        return adjacent


# Where to look for an entity that a view does not draw.
VIEWS_OF_KIND = {
    "unit": ("org",),
    "person": ("org", "raci"),
    "role": ("org", "raci"),
    "body": ("bodies", "raci", "decisions"),
    "goal": ("goals", "raci"),
    "initiative": ("goals", "raci"),
    "decision": ("decisions", "raci"),
    "kpi": ("goals", "raci"),
}
# Why a view that draws this kind left this one out.
WHY_NOT_DRAWN = {
    "raci": N_("it takes part in no assignment"),
    "decisions": N_("it is consulted on or decides no decision"),
}


def other_views(kind: str, current: str, names: Mapping[str, str] | None = None) -> str:
    """The views other than `current` that draw this kind, as 'a, b or c': by
    the names `--view` takes, or by `names` (the app's, in the user's language)."""
    views = [v for v in VIEWS_OF_KIND.get(kind, ("raci",)) if v != current] or ["raci"]
    if names is not None:
        views = [names[v] for v in views]
    return views[0] if len(views) == 1 else ", ".join(views[:-1]) + _(" or ") + views[-1]


class FocusNotDrawn(UsageError):
    """A focus the view does not draw; `in_app` says so without the options'
    names, for the app, where the view is chosen from a list."""

    def __init__(self, message: str, in_app: str) -> None:
        super().__init__(message)
        self.in_app = in_app


def require_id(model: Model | LeanModel, entity_id: str, option: str) -> str:
    """The id if the model has it, else a usage error with the nearest id."""
    if model.kind(entity_id) is not None:
        return entity_id
    hint = said_again(did_you_mean(entity_id, (e.id for e in model.entities())))
    raise UsageError(_("{option} {id}: no entity with that id in the model").format(
        option=option, id=entity_id) + hint)


DEFAULT_HUB = 12
"""Links above which a node is a hub: drawn, but not walked through by a focus."""


def distances(view: View, start: str, depth: int, hub: int = DEFAULT_HUB) -> dict[str, int]:
    """Breadth-first distance from `start`, up to `depth` steps, along any link.

    A hub (a node or frame with more than `hub` links; 0: none is) is reached
    but not walked through, unless it is the start: a neighbourhood that ran
    through a steering group or a ministry would be the whole drawing.
    """
    adjacent = view.links()
    seen = {start: 0}
    queue = deque([start])
    while queue:
        current = queue.popleft()
        crowded = hub and current != start and len(set(adjacent[current])) > hub
        if seen[current] == depth or crowded:
            continue
        for neighbour in adjacent[current]:
            if neighbour not in seen:
                seen[neighbour] = seen[current] + 1
                queue.append(neighbour)
    return seen


def focus_view(view: View, model: Model, focus: str, depth: int,
               hub: int = DEFAULT_HUB) -> View:
    """The part of `view` within `depth` links of `focus`, framed by its clusters,
    not walking through hubs (see `distances`)."""
    require_id(model, focus, "--focus")
    focus = view.shown_in.get(focus, focus)
    if focus not in view.nodes and focus not in view.clusters:
        kind = model.kind(focus) or ""
        drawn_here = view.name in VIEWS_OF_KIND.get(kind, ()) and view.name in WHY_NOT_DRAWN
        why = f" ({_(WHY_NOT_DRAWN[view.name])})" if drawn_here else ""
        this, title = THIS_KIND.get(kind, kind), VIEW_TITLES[view.name]
        raise FocusNotDrawn(
            _("--focus {id}: {this} is not drawn in the {view} view{why}; "
              "try --view {views}").format(id=focus, this=this, view=title, why=why,
                                           views=other_views(kind, view.name)),
            _("{id}: {this} is not drawn in the {view} view{why}; choose the view "
              "{views}").format(id=focus, this=this, view=title, why=why,
                                views=other_views(kind, view.name, VIEW_TITLES)))
    if depth < 0:
        raise UsageError(_("--depth {depth}: give 0 or more").format(depth=depth))
    if hub < 0:
        raise UsageError(_("--hub {hub}: give 0 (no hubs) or more").format(hub=hub))
    near = distances(view, focus, depth, hub)
    # A frame the walk reached but no kept node is in would be drawn empty, its
    # title on top of its neighbours' (a DG's ten empty departments): only the
    # frames of what is drawn, and the focus.
    kept_clusters = enclosing_clusters(view, [focus, *(key for key in near if key in view.nodes)])
    return replace(
        view,
        nodes={key: node for key, node in view.nodes.items() if key in near},
        edges=[e for e in view.edges if e.tail in near and e.head in near],
        clusters={key: c for key, c in view.clusters.items() if key in kept_clusters},
        focus=focus,
    )


def enclosing_clusters(view: View, kept: Iterable[str]) -> set[str]:
    """The clusters among `kept`, those framing a kept node, and every cluster
    that frames one of them."""
    found: set[str] = set()
    starts = [key for key in kept if key in view.clusters]
    starts += [n.cluster for key in kept if (n := view.nodes.get(key)) and n.cluster]
    for start in starts:
        current: str | None = start
        while current is not None and current in view.clusters and current not in found:
            found.add(current)
            current = view.clusters[current].parent
    return found


def highlight_findings(view: View, findings: Iterable[Finding]) -> View:
    """Mark each drawn entity with the highest level of its unwaived findings."""
    marks: dict[str, Highlight] = {}
    for finding in findings:
        if finding.waived:
            continue
        for target in (view.shown_in.get(t, t) for t in finding.targets):
            if target not in view.nodes and target not in view.clusters:
                continue
            mark = marks.setdefault(target, Highlight(finding.level, []))
            if LEVEL_RANK[finding.level] > LEVEL_RANK[mark.level]:
                mark.level = finding.level
            if finding.code not in mark.codes:
                mark.codes.append(finding.code)
    return replace(view, highlights=marks)
