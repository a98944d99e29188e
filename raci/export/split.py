"""Split instead of shrink: one drawing per top-level unit or goal area.

A view too large for its page is cut into parts, one per *area*: the
top-level units (below a single unit at the top, the units under it), or
the top-level goals with everything that serves or measures them. Each node
belongs to the areas of its unit or goal (an initiative serving two goal
areas to both); a node that belongs to none (an actor in the raci view, a
body that roles report to) is drawn in every part that links to it, and in
a last part when nothing does. A line between two parts ends in a
connector naming the page the other end is drawn on, and each part's
subtitle says which part it is and on which pages it continues.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace

from raci.analysis import Analysis
from raci.errors import UsageError
from raci.export.graph import Edge, Node, Style, View, enclosing_clusters
from raci.export.matrix import goal_areas_of_items
from raci.model import Model
from raci.model.lean import LeanModel

SPLITS = {"org": "unit", "bodies": "unit", "raci": "goal", "goals": "goal", "decisions": "goal"}
"""What each view is split by: the views of people and bodies by unit, the others by goal."""
ELSEWHERE = "elsewhere"
ELSEWHERE_STYLE = Style("drawn on another page", {"shape": "cds", "style": "dashed",
                                                  "color": "#7f8c8d", "fontcolor": "#566573"})
OUTSIDE = "outside"
"""The part of the nodes in no area that nothing in an area links to."""


def split_view(view: View, model: Model, by: str) -> list[View]:
    """The view as one drawing per area (see the module's docstring), in model order."""
    if SPLITS.get(view.name) != by:
        raise UsageError(f"--split {by}: the {view.name} view is split by "
                         f"{SPLITS.get(view.name, 'nothing')}; give --split "
                         f"{SPLITS.get(view.name, 'unit')}")
    homes, names = (unit_homes if by == "unit" else goal_homes)(view, model)
    parts = _parts(view, homes)
    page_of = {area: number for number, area in enumerate(parts, 1)}
    return [_part_view(view, homes, parts, area, page_of, names.get(area, "Outside every area"))
            for area in parts]


def _parts(view: View, homes: dict[str, list[str]]) -> dict[str, list[str]]:
    """Area -> the nodes drawn in its part, in view order; the part outside every area last."""
    parts: dict[str, list[str]] = defaultdict(list)
    for node_id in view.nodes:
        for area in homes.get(node_id, []):
            parts[area].append(node_id)
    neighbours = view.links()
    for node_id in view.nodes:
        if homes.get(node_id):
            continue
        linked = dict.fromkeys(area for n in neighbours[node_id] for area in homes.get(n, []))
        for area in linked or [OUTSIDE]:
            parts[area].append(node_id)
    if OUTSIDE in parts:
        parts[OUTSIDE] = parts.pop(OUTSIDE)
    return dict(parts)


def _part_view(view: View, homes: dict[str, list[str]], parts: dict[str, list[str]], area: str,
               page_of: dict[str, int], area_name: str) -> View:
    kept = set(parts[area])
    nodes = {key: node for key, node in view.nodes.items() if key in kept}
    edges: list[Edge] = []
    elsewhere: set[int] = set()
    for edge in view.edges:
        ends = (edge.tail in kept, edge.head in kept)
        if all(ends):
            edges.append(edge)
            continue
        inside, outside = (edge.tail, edge.head) if ends[0] else (edge.head, edge.tail)
        if not any(ends) or not homes.get(inside) or view.table is not None:
            continue
        other = [page_of[a] for a in homes.get(outside, []) if a in page_of]
        if other:  # a line between two areas: to a connector naming the other's page
            connector = _connector(view.nodes[outside], other)
            nodes.setdefault(connector.id, connector)
            edges.append(replace(edge, head=connector.id) if ends[0]
                         else replace(edge, tail=connector.id))
            elsewhere.update(other)
    pages = sorted(elsewhere - {page_of[area]})
    subtitle = f"Part {page_of[area]} of {len(page_of)}: {area_name}"
    if pages:
        subtitle += f" · continues on {_pages(pages)}"
    framed = enclosing_clusters(view, kept)
    return replace(view, nodes=nodes, edges=edges, subtitle=subtitle,
                   node_styles={**view.node_styles, ELSEWHERE: ELSEWHERE_STYLE},
                   clusters={key: c for key, c in view.clusters.items() if key in framed})


def _connector(target: Node, pages: list[int]) -> Node:
    return Node(f"{ELSEWHERE}:{target.id}", target.title, (ELSEWHERE,),
                [f"on {_pages(pages)}"])


def _pages(pages: Iterable[int]) -> str:
    numbers = [str(page) for page in pages]
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"pages {', '.join(numbers[:-1])} and {numbers[-1]}"


def goal_homes(view: View, model: Model) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each item drawn -> its goal areas; and each area's name."""
    areas = goal_areas_of_items(model)
    homes = {key: areas.get(key, []) for key in view.nodes}
    return homes, {goal.id: goal.name for goal in model.goals.values() if goal.parent is None
                   or goal.parent not in model.goals}


def unit_homes(view: View, model: Model) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each role, person and body drawn -> its unit area; and each area's name.

    A body belongs where its chair does, else where the body it reports to
    does, else where most of its members do.
    """
    area_of = unit_areas(model)
    analysis = Analysis(LeanModel.of_model(model), model.org.as_of or dt.date.today())

    def of_actor(actor: str | None) -> str | None:
        unit = analysis.unit_of(actor) if actor else None
        return area_of.get(unit) if unit else None

    homes: dict[str, list[str]] = {}
    for key, node in view.nodes.items():
        area = area_of.get(node.cluster) if node.cluster else of_actor(key)
        homes[key] = [area] if area else []
    for body in model.bodies.values():
        if body.id in homes and not homes[body.id]:
            area = _body_area(model, body.id, of_actor)
            homes[body.id] = [area] if area else []
    names = {unit.id: unit.name for unit in model.units.values() if unit.id in area_of.values()}
    return homes, names


def _body_area(model: Model, body_id: str,
               of_actor: Callable[[str | None], str | None]) -> str | None:
    seen: set[str] = set()
    current: str | None = body_id
    while current in model.bodies and current not in seen:
        seen.add(current)
        body = model.bodies[current]
        if (area := of_actor(body.chair)) is not None:
            return area
        if body.reports_to not in model.bodies:
            members = Counter(a for a in map(of_actor, body.members) if a)
            return of_actor(body.reports_to) or (
                members.most_common(1)[0][0] if members else None)
        current = body.reports_to
    return None


def unit_areas(model: Model) -> dict[str, str]:
    """Each unit -> the unit whose part it is drawn in: its top-level unit, or,
    when one unit holds all the others, its unit one level below that one
    (the top unit's own roles get a part of their own). Walked up once per
    unit at most, so deep trees cost no more than flat ones."""
    parent = {u.id: u.parent if u.parent in model.units else None for u in model.units.values()}
    tops = [unit for unit, up in parent.items() if up is None]
    single_top = tops[0] if len(tops) == 1 else None
    areas: dict[str, str] = {}
    for start in parent:
        path: dict[str, None] = {}
        current = start
        while current not in areas:
            path[current] = None
            up = parent[current]
            if up is None or up == single_top or up in path:
                areas[current] = current
                break
            current = up
        for unit in path:
            areas[unit] = areas[current]
    return areas
