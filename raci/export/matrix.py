"""The RACI matrix: items as rows, actors as columns, one letter per cell (or A/R).

A scope narrows it to one part of the organisation:

- a **unit**: the roles and people in that unit or any unit below it (a
  role's unit is its `unit`, else its first holder's), as columns, and the
  items they hold a letter on, as rows;
- a **body**: the body itself, its chair and its members, as columns, and
  the items they hold a letter on;
- a **goal**: the goal and every goal below it, the initiatives contributing
  to any of them, the decisions about those goals or initiatives and the
  indicators measuring them, as rows, and every actor with a letter on them.

Rows are goals, initiatives, decisions, then indicators that carry a `raci`
block, in model order; columns are roles, bodies, then people with at least
one letter in the rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from rich import box
from rich.table import Table
from rich.text import Text

from raci.analysis import Analysis
from raci.errors import UsageError
from raci.export.graph import require_id
from raci.model import Entity, Goal, Model, Unit
from raci.model.entities import cell_text
from raci.model.lean import LeanModel

TABLE_ACTOR_WIDTH = 12
TABLE_ITEM_WIDTH = 36
KIND_LABELS = {"goal": "goal", "initiative": "initiative", "decision": "decision",
               "kpi": "indicator"}
MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_[]<>&|~#!"})


@dataclass
class Matrix:
    rows: list[Entity]
    """Items: goals, initiatives, decisions and indicators."""
    columns: list[Entity]
    """Actors: roles, bodies and people."""
    cells: dict[tuple[str, str], str]
    """(item id, actor id) -> the letter, or ``A/R``."""
    kinds: dict[str, str]
    """Each row's kind, in the user's words."""

    def letter(self, item_id: str, actor_id: str) -> str:
        return self.cells.get((item_id, actor_id), "")

    def rows_with_letters(self) -> Iterator[tuple[Entity, list[str]]]:
        """Each row with its letters in column order ("" for none), in one pass
        over the cells rather than a look-up per cell."""
        position = {actor.id: index for index, actor in enumerate(self.columns)}
        by_row: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for (item, actor), letter in self.cells.items():
            if actor in position:
                by_row[item].append((position[actor], letter))
        for row in self.rows:
            letters = [""] * len(self.columns)
            for index, mark in by_row.get(row.id, ()):
                letters[index] = mark
            yield row, letters

    def letter_counts(self) -> Counter[str]:
        """How many letters each actor holds in the rows."""
        return Counter(actor for _, actor in self.cells)

    def with_columns(self, kept: Iterable[Entity]) -> Matrix:
        """The same rows with only the `kept` actors, in column order."""
        kept_ids = {actor.id for actor in kept}
        columns = [actor for actor in self.columns if actor.id in kept_ids]
        cells = {key: letter for key, letter in self.cells.items() if key[1] in kept_ids}
        return Matrix(self.rows, columns, cells, self.kinds)

    def busiest_columns(self, limit: int) -> tuple[Matrix, int]:
        """The matrix with at most `limit` actors, those with the most letters
        (kept in column order), and how many were left out."""
        if len(self.columns) <= limit:
            return self, 0
        counts = self.letter_counts()
        busiest = sorted(self.columns, key=lambda actor: -counts[actor.id])[:limit]
        return self.with_columns(busiest), len(self.columns) - limit


def build_matrix(model: Model, scope: str | None = None) -> Matrix:
    """The matrix of the whole model, or of a unit, body or goal subtree."""
    if scope is None:
        return _matrix(model, _all_rows(model), None)
    require_id(model, scope, "--scope")
    kind = model.kind(scope)
    if kind == "goal":
        return _matrix(model, goal_area(model, scope), None)
    if kind == "unit":
        return _matrix_of_actors(model, actors_in_unit(model, scope))
    if kind == "body":
        return _matrix_of_actors(model, actors_in_body(model, scope))
    raise UsageError(f"--scope {scope}: this is a {kind}; give a unit, a body or a goal")


def _all_rows(model: Model) -> list[str]:
    return [item.id for item in model.items()] + [
        kpi.id for kpi in model.kpis.values()
        if kpi.has_raci or model.assignments_of_item(kpi.id)
    ]


def _matrix_of_actors(model: Model, actors: set[str]) -> Matrix:
    items = {a.item for actor in actors for a in model.assignments_of_actor(actor)}
    rows = [item for item in _all_rows(model) if item in items]
    return _matrix(model, rows, actors)


def actor_order(model: Model) -> dict[str, int]:
    """Column order: roles, bodies, then people, each in model order."""
    actors = (e for kind in ("role", "body", "person") for e in model.collection(kind).values())
    return {actor.id: position for position, actor in enumerate(actors)}


def _matrix(model: Model, row_ids: Iterable[str], actors: set[str] | None,
            order: dict[str, int] | None = None) -> Matrix:
    """Rows as given; columns: the actors (all, or those given) with a letter in them."""
    order = actor_order(model) if order is None else order
    rows = [entity for item in row_ids if (entity := model.get(item)) is not None]
    cells: dict[tuple[str, str], str] = {}
    for row in rows:
        for assignment in model.assignments_of_item(row.id):
            if (actors is None or assignment.actor in actors) and assignment.actor in order:
                key = (row.id, assignment.actor)
                cells[key] = cell_text((cells.get(key, ""), assignment.letter))
    with_letters = sorted({actor for _, actor in cells}, key=order.__getitem__)
    columns = [entity for actor in with_letters if (entity := model.get(actor)) is not None]
    kinds = {row.id: KIND_LABELS[model.kind(row.id) or "goal"] for row in rows}
    return Matrix(rows, columns, cells, kinds)


@dataclass
class GoalArea:
    goal: str | None
    """The top-level goal; None for the items outside every goal area."""
    name: str
    matrix: Matrix


def goal_area_matrices(model: Model) -> list[GoalArea]:
    """A matrix per top-level goal's area, then one for the items in no area.

    An initiative serving goals of two areas appears in both, and so do the
    decisions and indicators about it.
    """
    root_of = top_goals(model)
    areas: dict[str, list[str]] = {root: [] for root in dict.fromkeys(root_of.values())}
    outside: list[str] = []
    goals_of = goals_of_items(model)
    for item in _all_rows(model):
        roots = list(dict.fromkeys(root_of[goal] for goal in goals_of.get(item, [])))
        for root in roots:
            areas[root].append(item)
        if not roots:
            outside.append(item)
    order = actor_order(model)
    matrices = [GoalArea(root, model.goals[root].name, _matrix(model, rows, None, order))
                for root, rows in areas.items()]
    if outside:
        matrices.append(GoalArea(None, "Outside every goal area",
                                 _matrix(model, outside, None, order)))
    return matrices


def goals_of_items(model: Model) -> dict[str, list[str]]:
    """Each goal, initiative, decision and indicator -> the goals it belongs to: a
    goal itself, an initiative the goals it serves, a decision those of what it
    is about, an indicator those of what it measures (none: outside every goal)."""
    goals_of: dict[str, list[str]] = {goal: [goal] for goal in model.goals}
    for initiative in model.initiatives.values():
        goals_of[initiative.id] = [g for g in initiative.goals if g in model.goals]
    for decision in model.decisions.values():
        goals_of[decision.id] = list(dict.fromkeys(
            goal for about in decision.about for goal in goals_of.get(about, [])))
    for kpi in model.kpis.values():
        goals_of[kpi.id] = goals_of.get(kpi.measures, [])
    return goals_of


def top_goals(model: Model) -> dict[str, str]:
    """Each goal's top-level goal, found by walking up (no recursion)."""
    root_of: dict[str, str] = {}
    for start in model.goals:
        path: dict[str, None] = {}
        current = start
        while current not in root_of:
            path[current] = None
            parent = model.goals[current].parent
            if parent is None or parent not in model.goals or parent in path:
                root_of[current] = current  # a top goal (or a cycle, which validation refuses)
                break
            current = parent
        for goal_id in path:
            root_of[goal_id] = root_of[current]
    return root_of


def goal_area(model: Model, goal_id: str) -> list[str]:
    """A goal's subtree with its initiatives, decisions and indicators, in model order."""
    goals = _subtree(goal_id, _children(model.goals.values()))
    initiatives = {i.id for i in model.initiatives.values() if goals.intersection(i.goals)}
    served = goals | initiatives
    decisions = {d.id for d in model.decisions.values() if served.intersection(d.about)}
    kpis = {k.id for k in model.kpis.values() if k.measures in served}
    wanted = served | decisions | kpis
    return [item for item in _all_rows(model) if item in wanted]


def actors_in_unit(model: Model, unit_id: str) -> set[str]:
    """Roles and people in the unit or any unit below it."""
    units = _subtree(unit_id, _children(model.units.values()))
    # The analysis knows a role's unit (its own, else its first holder's); the
    # date it wants does not matter here.
    analysis = Analysis(LeanModel.of_model(model), model.org.as_of or dt.date.today())
    return {actor for actor in (*model.people, *model.roles) if analysis.unit_of(actor) in units}


def actors_in_body(model: Model, body_id: str) -> set[str]:
    """The body itself, its chair and its members."""
    body = model.bodies[body_id]
    return {body_id, *body.members, *([body.chair] if body.chair else [])}


def _subtree(top: str, children: Mapping[str, list[str]]) -> set[str]:
    """`top` and everything below it (iterative; a broken tree cannot loop)."""
    found, stack = {top}, [top]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def _children(tree: Iterable[Unit | Goal]) -> dict[str, list[str]]:
    """Parent -> its children, of units or of goals."""
    children: dict[str, list[str]] = defaultdict(list)
    for node in tree:
        if node.parent is not None:
            children[node.parent].append(node.id)
    return children


def matrix_csv(matrix: Matrix) -> str:
    """One row per item: id, name, kind, then one column per actor id."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "kind", *(actor.id for actor in matrix.columns)])
    for row, letters in matrix.rows_with_letters():
        writer.writerow([row.id, row.name, matrix.kinds[row.id], *letters])
    return out.getvalue()


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written: specials escaped, line breaks as `<br>`."""
    return "<br>".join(line.translate(MARKDOWN_SPECIALS) for line in text.splitlines())


def matrix_markdown(matrix: Matrix) -> str:
    """A GitHub-flavoured Markdown table."""
    header = ["Item", "Kind", *(markdown_text(actor.name) for actor in matrix.columns)]
    lines = [_markdown_row(header), _markdown_row(["---"] * len(header))]
    for row, letters in matrix.rows_with_letters():
        lines.append(_markdown_row([markdown_text(row.name), matrix.kinds[row.id], *letters]))
    return "\n".join(lines) + "\n"


def _markdown_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def matrix_table(matrix: Matrix, width: int) -> tuple[Table, int]:
    """A rich table that fits `width` columns, and how many actors it leaves out.

    When not every actor fits, the busiest ones are shown (in column order):
    a column of blanks tells a reviewer nothing.
    """
    longest = max((len(row.name) for row in matrix.rows), default=4)
    item_width = max(min(TABLE_ITEM_WIDTH, longest, width // 3), 4)
    budget = width - item_width - 2
    counts = matrix.letter_counts()
    fitting = []
    for actor in sorted(matrix.columns, key=lambda actor: -counts[actor.id]):
        needed = min(TABLE_ACTOR_WIDTH, max(len(actor.name), 1)) + 3  # padding and rule
        if needed <= budget:
            budget -= needed
            fitting.append(actor)
    shown = matrix.with_columns(fitting)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("Item", max_width=item_width, overflow="ellipsis", no_wrap=True)
    for actor in shown.columns:
        table.add_column(Text(actor.name), justify="center", overflow="fold",
                         max_width=TABLE_ACTOR_WIDTH)
    for row, letters in shown.rows_with_letters():
        table.add_row(Text(" ".join(row.name.splitlines())), *map(_letter_text, letters))
    return table, len(matrix.columns) - len(shown.columns)


def _letter_text(letter: str) -> Text:
    return Text(letter, style="bold red" if letter == "A" else "")
