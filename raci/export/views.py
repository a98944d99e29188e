"""The five diagrams of a model: org, raci, bodies, goals and decisions.

Each builder reads the `Model` once and returns a `View` (plain data, see
`raci.export.graph`); the styles it uses double as the view's legend.

A fact the model does not record is never drawn as if known: a body with no
`meets_every_days` reads "cadence not recorded" (not the 30 days the rules
assume), a body with no chair "chair: not recorded" where the model does
not record chairs (else "chair: none"), and a role with no holder "holders
not recorded", drawn as a plain role, where it does not record holders
(else "vacant", dotted). What a model does not record is what `raci lint`
takes it not to, with the same settings: `facts_not_recorded`, the facts
`org.not_recorded` names and those DAT001 finds lacking where it is run. A
view with nothing to draw says why under its title (`nothing_to_draw`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property

from raci.analysis import Analysis
from raci.errors import UsageError
from raci.export.graph import Cluster, Edge, Node, Style, TableForm, View
from raci.export.matrix import in_reading_order
from raci.i18n import N_, _, format_date, format_short_date, ngettext
from raci.lint.config import LintConfig
from raci.lint.rules.data import facts_not_recorded
from raci.model import Body, Decision, Goal, Initiative, Kpi, Model
from raci.vocabulary import BODY_KIND_NAMES, KPI_TYPE_WORDS, STATUS_WORDS, VIEW_TITLES

ACCOUNTABLE_RED = "#b03a2e"
MOST_ITEMS_AS_GRAPH = 5
"""Items the raci view draws as nodes and lines; more are drawn as a RACI chart."""
MIN_OVERLAP_SHOWN = 0.25
"""Smaller overlaps (one shared person in a large body) would bury the drawing."""
MIN_SHARED_SHOWN = 2
"""Fewest seat-holders two bodies share for a line between them: one person
in two small bodies is that person's two seats, not an overlap of the bodies
(BOD001, by default, compares no body of fewer than three). OpenTelemetry's working groups
of two or three drew dozens of "1 of 3 seat-holders" lines, past 25 %, over
one another and over the bodies' names."""
MOST_OVERLAPS_SHOWN = 3
"""Overlaps drawn per body, its largest: hundreds of working groups with the
same three leads overlap pairwise, and a line per pair buries the drawing
(and Graphviz) under a number of lines that grows with the square of the bodies."""

ACTOR_STYLES = {
    "role": Style(N_("role"), {"shape": "box", "style": "rounded"}),
    "person": Style(N_("person"), {"shape": "ellipse"}),
}
ITEM_STYLES = {
    "goal": Style(N_("goal"), {"shape": "box", "style": "bold"}),
    "initiative": Style(N_("initiative"), {"shape": "component"}),
    "decision": Style(N_("decision"), {"shape": "box", "style": "diagonals"}),
    "kpi": Style(N_("indicator"), {"shape": "note"}),
}
MARK_STYLES = {
    "external": Style(N_("external (outside supplier)"),
                      {"style": "dashed", "color": "#7d3c98", "fontcolor": "#7d3c98"}),
    "vacant": Style(N_("vacant role (no holder)"), {"style": "dotted", "color": "#7f8c8d"}),
    "temporary": Style(N_("temporary"), {"style": "dashed", "color": "#ca6f1e"}),
    "inactive": Style(N_("paused, stopped or done"), {"style": "dotted", "fontcolor": "#7f8c8d"}),
    "leading": Style(N_("leading indicator"), {"fillcolor": "#d5f5e3", "style": "filled"}),
    "lagging": Style(N_("lagging indicator"), {"fillcolor": "#eaeded", "style": "filled"}),
}
# Distinct shapes, so a steering group never looks like a taskforce.
BODY_SHAPES = {
    "steering_group": "hexagon",
    "programme_board": "box3d",
    "portfolio_board": "folder",
    "taskforce": "parallelogram",
    "crisis_team": "octagon",
    "working_group": "ellipse",
    "committee": "house",
    "advisory_board": "tab",
    "other": "egg",
}
BODY_STYLES = {
    f"body:{kind}": Style(BODY_KIND_NAMES.english[kind], {"shape": shape})
    for kind, shape in BODY_SHAPES.items()
}
LETTER_STYLES = {
    "A": Style(N_("A  Accountable (owns it)"),
               {"penwidth": "3", "color": ACCOUNTABLE_RED, "fontcolor": ACCOUNTABLE_RED}),
    "R": Style(N_("R  Responsible (does the work)"), {"style": "solid"}),
    "C": Style(N_("C  Consulted"), {"style": "dashed", "color": "#2471a3"}),
    "I": Style(N_("I  Informed"), {"style": "dotted", "color": "#7f8c8d"}),
}
ACCOUNTABLE_LINES = frozenset({"A", "decides"})
"""The lines that join an item to who is Accountable for it (a split draws
them with every part of the item)."""
UNIT_STYLES = {
    "unit": Style(N_("unit"), {"style": "rounded", "color": "#566573"}),
    "external-unit": Style(N_("external unit"), {"style": "dashed,rounded", "color": "#7d3c98",
                                             "fontcolor": "#7d3c98"}),
}


def name_of(model: Model, entity_id: str) -> str:
    entity = model.get(entity_id)
    return entity.name if entity is not None else entity_id


def accountable_line(model: Model, item_id: str) -> str:
    owners = model.actors(item_id, "A")
    return "A: " + (", ".join(name_of(model, a) for a in owners) if owners else _("none"))


class _Drawing:
    """Shared look-ups while one view is built."""

    def __init__(self, model: Model, config: LintConfig | None) -> None:
        self.model = model
        # Views do not depend on the date; the analysis wants one all the same.
        self.analysis = Analysis.of_model(model)
        self.config = config

    @cached_property
    def not_recorded(self) -> frozenset[str]:
        """Counted only once a role with no holder or a body with no chair is drawn."""
        return facts_not_recorded(self.analysis, self.config)

    def actor_node(self, actor_id: str, cluster: str | None = None) -> Node:
        """A role, body or person as a node, with what makes it stand out."""
        model = self.model
        title = name_of(model, actor_id)
        if actor_id in model.bodies:
            return self.body_node(model.bodies[actor_id], cluster)
        if actor_id in model.roles:
            role = model.roles[actor_id]
            styles: tuple[str, ...] = ("role",)
            lines = [", ".join(name_of(model, h) for h in role.holders) or self.no_holder()]
            if not role.holders and "holders" not in self.not_recorded:
                styles += ("vacant",)
            elif self.analysis.is_external_role(actor_id):
                styles += ("external",)
            if role.temporary:
                styles += ("temporary",)
                lines.append(sunset_line(role.sunset))
            return Node(actor_id, title, styles, lines, cluster)
        external = self.analysis.is_external_person(actor_id)
        styles = ("person", "external") if external else ("person",)
        lines = [_("external")] if len(styles) > 1 else []
        return Node(actor_id, title, styles, lines, cluster)

    def no_holder(self) -> str:
        """What a role with no holder says: vacant, unless holders are not recorded."""
        return _("holders not recorded") if "holders" in self.not_recorded else _("vacant")

    def chair_line(self, body: Body) -> str:
        if body.chair:
            name = name_of(self.model, body.chair)
        else:
            name = _("not recorded") if "chairs" in self.not_recorded else _("none")
        return _("chair: {name}").format(name=name)

    def body_node(self, body: Body, cluster: str | None = None) -> Node:
        kind = body.kind if body.kind in BODY_SHAPES else "other"
        styles: tuple[str, ...] = (f"body:{kind}",)
        lines = [BODY_KIND_NAMES.get(body.kind, body.kind.replace("_", " ")), meeting_line(body)]
        if body.is_temporary:
            styles += ("temporary",)
            lines.append(sunset_line(body.sunset))
        return Node(body.id, body.name, styles, lines, cluster)

    def item_node(self, item: Goal | Initiative | Decision | Kpi, lines: list[str]) -> Node:
        kind = self.model.kind(item.id) or "goal"
        styles: tuple[str, ...] = (kind,)
        if isinstance(item, Initiative) and item.effective_status != "active":
            styles += ("inactive",)
            lines = [STATUS_WORDS.get(item.effective_status, item.effective_status), *lines]
        if isinstance(item, Kpi):
            styles += (item.type,) if item.type in MARK_STYLES else ()
        return Node(item.id, item.name, styles, lines)


def meeting_line(body: Body) -> str:
    days = body.meets_every_days
    if days is None:  # the rules take it as 30 days; a drawing shows no guess
        return _("cadence not recorded")
    if not days:
        return _("does not meet (decides in writing)")
    return ngettext("meets every day", "meets every {count} days", days).format(count=days)


def sunset_line(sunset: dt.date | None) -> str:
    if sunset is None:
        return _("temporary, no end date")
    return _("temporary until {date}").format(date=format_short_date(sunset))


def new_view(name: str, model: Model, direction: str, node_styles: dict[str, Style],
             edge_styles: dict[str, Style]) -> View:
    return View(
        name=name,
        title=_("{organisation} — {view} view").format(organisation=model.org.name,
                                                       view=VIEW_TITLES[name]),
        direction=direction,
        node_styles={**node_styles, **MARK_STYLES},
        edge_styles=edge_styles,
    )


def org_view(model: Model, config: LintConfig | None = None) -> View:
    """Units as nested clusters, roles and people inside, reporting lines between roles.

    A role names its holders in its own box, so a holder gets a node of their
    own (linked to each role they hold) only where the box cannot place them:
    a person who holds a role of another unit, or whom a role reports to.
    People who hold no role stand alone.
    """
    drawing = _Drawing(model, config)
    edges = {
        "holds": Style(N_("holds the role (across units)"),
                       {"style": "dotted", "arrowhead": "none"}),
        "reports": Style(N_("reports to"), {"color": "#1b2631"}),
    }
    view = new_view("org", model, "BT", {**ACTOR_STYLES, **BODY_STYLES}, edges)
    view.cluster_styles = UNIT_STYLES
    for unit in model.units.values():
        external = unit.id in drawing.analysis.external_units
        view.clusters[unit.id] = Cluster(
            unit.id, unit.name, "external-unit" if external else "unit",
            unit.parent if unit.parent in model.units else None,
            [_("external")] if external else [],
        )
    for actor_id in (*model.roles, *people_drawn_apart(model, drawing.analysis)):
        unit_id = drawing.analysis.unit_of(actor_id)
        view.add_node(drawing.actor_node(actor_id, unit_id if unit_id in model.units else None))
    for role in model.roles.values():
        for holder in role.holders:
            if holder not in view.nodes:
                view.shown_in.setdefault(holder, role.id)
    top = _top_units(model)
    for role in model.roles.values():
        view.edges += [Edge(holder, role.id, "holds", attrs=_across_top_units(
            top.get(drawing.analysis.unit_of(holder)), top.get(drawing.analysis.unit_of(role.id))))
                       for holder in role.holders if holder in view.nodes]
        boss = role.reports_to
        if boss is not None and boss in model:
            view.add_node(drawing.actor_node(boss))
            view.edges.append(Edge(role.id, boss, "reports"))
    return view


def _top_units(model: Model) -> dict[str | None, str]:
    """Every unit -> the outermost unit it lies in (itself at the top)."""
    top: dict[str | None, str] = {}
    for unit_id in model.units:
        chain = [unit_id]
        while chain[-1] not in top and (up := model.units[chain[-1]].parent) in model.units:
            chain.append(up)
        outermost = top.get(chain[-1], chain[-1])
        top.update(dict.fromkeys(chain, outermost))
    return top


def _across_top_units(holder_top: str | None, role_top: str | None) -> dict[str, str]:
    """A holder's line to a role in another outermost unit takes no part in
    ranking: through people in two units, eight units stood each a rank
    lower than the one before, a staircase one page wide at 2.4 pt, that no
    row of frames could wrap (`raci.export.layout.wrapping_links`)."""
    if holder_top is None or role_top is None or holder_top == role_top:
        return {}
    return {"constraint": "false"}


def people_drawn_apart(model: Model, analysis: Analysis) -> list[str]:
    """The people the org view draws as nodes of their own, in model order."""
    named_in_a_box: set[str] = set()
    apart: set[str] = {role.reports_to for role in model.roles.values()
                       if role.reports_to in model.people}
    for role in model.roles.values():
        role_unit = analysis.unit_of(role.id)
        for holder in role.holders:
            same_unit = analysis.unit_of(holder) == role_unit
            (named_in_a_box if same_unit else apart).add(holder)
    return [p for p in model.people if p in apart or p not in named_in_a_box]


def raci_view(model: Model, config: LintConfig | None = None) -> View:
    """Items and the actors assigned to them, one edge per letter; drawn as a
    chart (items by actors) when there are more than `MOST_ITEMS_AS_GRAPH` items."""
    drawing = _Drawing(model, config)
    view = new_view("raci", model, "LR", {**ACTOR_STYLES, **BODY_STYLES, **ITEM_STYLES},
                    LETTER_STYLES)
    view.table = TableForm(frozenset(ITEM_STYLES), MOST_ITEMS_AS_GRAPH)
    for item in in_reading_order(model):  # indicators with a raci block or a letter only
        assignments = model.assignments_of_item(item.id)
        view.add_node(drawing.item_node(item, []))
        for assignment in assignments:
            if assignment.actor in model:
                view.add_node(drawing.actor_node(assignment.actor))
                view.edges.append(Edge(assignment.actor, item.id, assignment.letter,
                                       head_label=assignment.letter))
    return view


def bodies_view(model: Model, config: LintConfig | None = None) -> View:
    """Bodies by kind, what they report to, and how much their members overlap."""
    drawing = _Drawing(model, config)
    edges = {
        "reports": Style(N_("reports to"), {"color": "#1b2631"}),
        "overlap": Style(_("seat-holders in common (a role counts as its holders; at least "
                           "{fewest} and {least:.0%}, each body's {most} largest)").format(
                               fewest=MIN_SHARED_SHOWN, least=MIN_OVERLAP_SHOWN,
                               most=MOST_OVERLAPS_SHOWN),
                         {"dir": "none", "style": "dashed", "color": "#c0392b",
                          "fontcolor": "#c0392b", "constraint": "false"}),
    }
    view = new_view("bodies", model, "BT", {**ACTOR_STYLES, **BODY_STYLES}, edges)
    seat_holders = drawing.analysis.seat_holders
    for body in model.bodies.values():
        node = drawing.body_node(body)
        node.lines.insert(1, drawing.chair_line(body))
        node.lines[2] = f"{members_line(body, len(seat_holders[body.id]))}, {node.lines[2]}"
        view.add_node(node)
    for body in model.bodies.values():
        boss = body.reports_to
        if boss is not None and boss in model:
            view.add_node(drawing.actor_node(boss))
            view.edges.append(Edge(body.id, boss, "reports"))
    for one, other, shared, together in largest_overlaps(seat_holders):
        share = shared / together
        view.edges.append(Edge(one, other, "overlap", overlap_label(shared, together),
                               {"penwidth": f"{1 + 4 * share:.1f}"}))
    return view


def members_line(body: Body, seat_holders: int) -> str:
    """"3 members", and where roles make it another number, the seat-holders
    the overlaps (and BOD001) count: "2 members (3 seat-holders)"."""
    count = len(body.members)
    line = ngettext("{count} member", "{count} members", count).format(count=count)
    if seat_holders == count:
        return line
    return line + " (" + ngettext("{count} seat-holder", "{count} seat-holders",
                                  seat_holders).format(count=seat_holders) + ")"


def overlap_label(shared: int, together: int) -> str:
    """"5 of 6 seat-holders": the numbers BOD001 gives for the pair (and the
    report's chart, as "83% (5 of 6)"); the line's width shows the share."""
    return ngettext("{shared} of {count} seat-holder", "{shared} of {count} seat-holders",
                    together).format(shared=shared, count=together)


Overlap = tuple[str, str, int, int]
"""Two bodies, how many seat-holders they share and how many they have
together: the shared count and Jaccard's union, as BOD001 counts them."""


def largest_overlaps(seat_holders: Mapping[str, frozenset[str]]) -> list[Overlap]:
    """Overlaps of at least `MIN_SHARED_SHOWN` seat-holders and
    `MIN_OVERLAP_SHOWN` of the two bodies' that are among the
    `MOST_OVERLAPS_SHOWN` largest of one of their two bodies, in pair order.
    `seat_holders` is each body's (`Analysis.seat_holders`): a role counted
    as its holders, so a role in one body and its holder in the other are
    one person, as BOD001 says."""
    overlaps: list[Overlap] = []
    of_body: dict[str, list[Overlap]] = defaultdict(list)
    for (one, other), shared in shared_seat_holders(seat_holders).items():
        together = len(seat_holders[one]) + len(seat_holders[other]) - shared
        if shared >= max(MIN_SHARED_SHOWN, MIN_OVERLAP_SHOWN * together):
            overlap = (one, other, shared, together)
            overlaps.append(overlap)
            of_body[one].append(overlap)
            of_body[other].append(overlap)
    kept: set[tuple[str, str]] = set()
    for body_id, own in of_body.items():
        own.sort(key=lambda o: (-o[2] / o[3], -o[2], o[1] if o[0] == body_id else o[0]))
        kept.update((o[0], o[1]) for o in own[:MOST_OVERLAPS_SHOWN])
    return [o for o in overlaps if (o[0], o[1]) in kept]


def shared_seat_holders(seat_holders: Mapping[str, frozenset[str]]) -> dict[tuple[str, str], int]:
    """Pairs of bodies with seat-holders in common and how many.

    Counts through each seat-holder's bodies, so the work follows the
    overlaps that exist rather than every pair of bodies.
    """
    bodies_of_holder: dict[str, list[str]] = defaultdict(list)
    for body, holders in seat_holders.items():  # in model order: the drawing is the same each run
        for holder in sorted(holders):
            bodies_of_holder[holder].append(body)
    counts: Counter[tuple[str, str]] = Counter()
    for seats in bodies_of_holder.values():
        for index, one in enumerate(seats):
            for other in seats[index + 1:]:
                counts[(one, other)] += 1
    return dict(counts)


def goals_view(model: Model, config: LintConfig | None = None) -> View:
    """The goal tree, initiatives serving each goal and the indicators measuring them."""
    drawing = _Drawing(model, config)
    edges = {
        "part-of": Style(N_("part of (sub-goal)"), {"style": "bold"}),
        "contributes": Style(N_("contributes to"), {"color": "#1e8449"}),
        "measures": Style(N_("measures"), {"style": "dashed", "color": "#5d6d7e"}),
    }
    view = new_view("goals", model, "RL", ITEM_STYLES, edges)
    for goal in model.goals.values():
        lines = [accountable_line(model, goal.id)]
        if goal.due:
            lines.append(_("due {date}").format(date=format_date(goal.due)))
        view.add_node(drawing.item_node(goal, lines))
        if goal.parent in model.goals:
            view.edges.append(Edge(goal.id, goal.parent, "part-of"))
    for initiative in model.initiatives.values():
        view.add_node(drawing.item_node(initiative, [accountable_line(model, initiative.id)]))
        view.edges += [Edge(initiative.id, g, "contributes")
                       for g in initiative.goals if g in model.goals]
    for kpi in model.kpis.values():
        kind = KPI_TYPE_WORDS.get(kpi.type, kpi.type)
        lines = [kind + (_(", target {target}").format(target=kpi.target) if kpi.target else "")]
        if kpi.has_raci or model.assignments_of_item(kpi.id):  # else ownership is optional
            lines.append(accountable_line(model, kpi.id))
        view.add_node(drawing.item_node(kpi, lines))
        if kpi.measures in view.nodes:
            view.edges.append(Edge(kpi.id, kpi.measures, "measures"))
    if goals_not_recorded(model) and view.nodes:
        view.subtitle = _("The model's goals are not recorded.")
    return view


def goals_not_recorded(model: Model) -> bool:
    """No goals, and the source says it does not record them, or the model has
    work they would be above (an imported RACI chart's initiatives, which DAT001
    reports as goals not recorded): the one rule by which the goals view and the
    report's goals chart say the goals are not recorded, not that there are none."""
    return not model.goals and ("goals" in model.org.not_recorded or bool(model.initiatives)
                                or bool(model.kpis))


def decisions_view(model: Model, config: LintConfig | None = None) -> View:
    """Each decision between the parties consulted first and the one who decides."""
    drawing = _Drawing(model, config)
    edges = {
        "consulted": Style(N_("consulted first (the decision waits on it)"),
                           {"style": "dashed", "color": "#2471a3"}),
        "decides": Style(N_("decided by"), {"penwidth": "3", "color": ACCOUNTABLE_RED}),
    }
    view = new_view("decisions", model, "LR", {**ACTOR_STYLES, **BODY_STYLES, **ITEM_STYLES},
                    edges)
    for decision in model.decisions.values():
        consulted = [a for a in model.actors(decision.id, "C") if a in model]
        deciders = [a for a in model.actors(decision.id, "A") if a in model]
        about = ", ".join(name_of(model, a) for a in decision.about)
        lines = [_("about: {names}").format(names=about) if about else _("about: nothing named"),
                 waiting_line(model, [*consulted, *deciders])]
        view.add_node(drawing.item_node(decision, lines))
        for actor in consulted:
            view.add_node(drawing.actor_node(actor))
            view.edges.append(Edge(actor, decision.id, "consulted"))
        for actor in deciders:
            view.add_node(drawing.actor_node(actor))
            view.edges.append(Edge(decision.id, actor, "decides"))
    return view


def waiting_line(model: Model, actors: Iterable[str]) -> str:
    """The cadences a decision waits on (as DEC002 adds them: bodies count,
    roles and people do not), and how many bodies' cadence is not recorded
    (DEC002 assumes 30 days for each; a drawing names them instead)."""
    cadences = [model.bodies[a].meets_every_days for a in actors if a in model.bodies]
    if not cadences:
        return _("no body to wait for")
    days = sum(filter(None, cadences))
    unknown = cadences.count(None)
    known = ngettext("waits ≈ {count} day", "waits ≈ {count} days", days).format(count=days)
    if not unknown:
        return known
    if not days:
        return ngettext("waits on {count} body whose cadence is not recorded",
                        "waits on {count} bodies whose cadence is not recorded",
                        unknown).format(count=unknown)
    return known + ngettext(", and on {count} body whose cadence is not recorded",
                            ", and on {count} bodies whose cadence is not recorded",
                            unknown).format(count=unknown)


NOTHING_TO_DRAW = {
    "org": N_("the model has no units, roles or people"),
    "raci": N_("the model has no goals, initiatives or decisions, nor indicators with a raci "
               "block"),
    "bodies": N_("the model has no bodies"),
    "goals": N_("the model has no goals, initiatives or indicators"),
    "decisions": N_("the model has no decisions"),
}
"""Why each view has nothing to draw, when it has nothing."""


def nothing_to_draw(view: View) -> str:
    """Why the view draws nothing ("the model has no bodies"), or "" when it draws something."""
    return "" if view.size else _(NOTHING_TO_DRAW[view.name])


VIEWS: dict[str, Callable[[Model, LintConfig | None], View]] = {
    "org": org_view,
    "raci": raci_view,
    "bodies": bodies_view,
    "goals": goals_view,
    "decisions": decisions_view,
}


def build_view(model: Model, name: str, config: LintConfig | None = None) -> View:
    """The named view of the whole model; what it does not record as `raci
    lint` with `config` takes it (`facts_not_recorded`)."""
    if name not in VIEWS:
        raise UsageError(_("--view {view}: choose one of {views}").format(
            view=name, views=", ".join(VIEWS)))
    view = VIEWS[name](model, config)
    if (reason := nothing_to_draw(view)) and not view.subtitle:
        view.subtitle = _("Nothing to draw: {reason}.").format(reason=reason)
    return view
