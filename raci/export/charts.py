"""The report's first page in pictures: four charts drawn with matplotlib as SVG.

- findings per rule group, stacked by level;
- the ten busiest people: their body seats and the items they are Accountable for;
- the pairs of bodies that overlap most: the share of seat-holders they
  have in common (as BOD001 counts them), the strongest eight (and how many
  more), which reads at any size where a heat map of a ministry's bodies did not;
- goals by coverage: how many have an owner, an initiative and an indicator.

Each chart is worked out as plain data first (what the tests check), then
drawn at the size it is printed at (`CHART_WIDTH_MM` wide, fonts of
`FONT_PT` points, so no label prints below 8 pt on A4). The SVG keeps its
text as text (searchable, selectable in the PDF) in DejaVu Sans, the font
matplotlib ships, so the layout is the same on every machine; a fixed hash
salt per chart and no date make the same model give the same bytes.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from raci.analysis import Analysis
from raci.export.views import goals_not_recorded, largest_overlaps
from raci.i18n import _, format_count, format_percent, ngettext
from raci.lint.config import LintConfig
from raci.lint.findings import LEVELS, Finding
from raci.lint.rules.data import facts_not_recorded
from raci.model import Model
from raci.vocabulary import FACT_WORDS, LEVEL_NAMES, RULE_GROUP_TITLES, VIEW_TITLES

CHART_WIDTH_MM = 86.0
"""Two charts side by side fill the 180 mm between A4's margins."""
FONT_PT = 8.0
MM = 1 / 25.4
BUSIEST_SHOWN = 10
OVERLAP_PAIRS_SHOWN = 8
NAME_LENGTH = 26
"""Characters of a name on a chart axis; the full name is in the detail."""
OVERLAP_BARS_MM = 25.0
"""The least width of the overlap chart's bars, its 0%, 50% and 100% apart."""
OVERLAP_NAME_SHORTEST = 14
"""Characters a body's name is cut to at the least to leave the bars their width."""
LEVEL_COLOURS = {"error": "#922b21", "warning": "#b9770e", "info": "#1f618d"}
SEATS_COLOUR = "#5d6d7e"
ACCOUNTABLE_COLOUR = "#b03a2e"
COVERED_COLOUR = "#1e8449"
MISSING_COLOUR = "#d5d8dc"
OVERLAP_COLOUR = "#2e86c1"
INK = "#1b2631"
ITEM_KINDS = ("goal", "initiative", "decision")
STYLE = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": FONT_PT,
    "axes.titlesize": FONT_PT,
    "axes.labelsize": FONT_PT,
    "xtick.labelsize": FONT_PT,
    "ytick.labelsize": FONT_PT,
    "legend.fontsize": FONT_PT,
    "text.color": INK,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "text.parse_math": False,  # a "$" in a name is a dollar, not mathematics
}


@dataclass(frozen=True)
class Chart:
    """One picture of the first page, or the sentence shown when there is nothing to draw."""

    name: str
    """Short and file-safe: the Markdown report writes ``REPORT-chart-NAME.svg``."""
    title: str
    caption: str
    """What is counted, in a sentence."""
    svg: bytes | None
    empty: str = ""


# ---- the data -----------------------------------------------------------------


def findings_per_group(findings: Iterable[Finding], groups: Mapping[str, str],
                       group_order: Iterable[str]) -> dict[str, Counter[str]]:
    """Rule group -> findings by level, for every group in `group_order` (waived
    findings left out); a code outside `groups` counts under its prefix."""
    counts: dict[str, Counter[str]] = {group: Counter() for group in group_order}
    for finding in findings:
        if not finding.waived:
            group = groups.get(finding.code, finding.code[:3].lower())
            counts.setdefault(group, Counter())[finding.level] += 1
    return counts


@dataclass(frozen=True)
class BusyPerson:
    id: str
    name: str
    seats: int
    """Bodies the person sits in, directly or through a role held (as PPL002 counts)."""
    accountable: int
    """Goals, initiatives and decisions the person is Accountable for, directly
    or through a role held (as PPL001 counts)."""

    @property
    def busy(self) -> int:
        """Seats and Accountables together: what the busiest are ranked by."""
        return self.seats + self.accountable


def busiest_people(model: Model, count: int | None = None) -> list[BusyPerson]:
    """The people with seats or Accountables (the `count` busiest), busiest first."""
    accountable_for: dict[str, set[str]] = {}
    for assignment in model.assignments:
        if assignment.letter == "A" and model.kind(assignment.item) in ITEM_KINDS:
            accountable_for.setdefault(assignment.actor, set()).add(assignment.item)
    people = []
    for person in model.people.values():
        items = set(accountable_for.get(person.id, ()))
        for role in model.roles_held_by(person.id):
            items.update(accountable_for.get(role, ()))
        seats = len(model.bodies_of_person(person.id))
        if seats or items:
            people.append(BusyPerson(person.id, person.name, seats, len(items)))
    people.sort(key=lambda p: (-p.busy, p.name, p.id))
    return people[:count]


@dataclass(frozen=True)
class OverlapPair:
    one: str
    """The name of one body of the pair; `other` the other's."""
    other: str
    shared: int
    """Seat-holders the two have in common (a role counted as its holders, as BOD001 does)."""
    together: int
    """Seat-holders the two have together: `shared` of `together` is BOD001's Jaccard."""

    @property
    def share(self) -> float:
        return self.shared / self.together


@dataclass(frozen=True)
class Overlaps:
    pairs: list[OverlapPair]
    """The strongest overlaps the `bodies` view draws, strongest first."""
    more: int
    """How many more such overlaps there are."""


def strongest_overlaps(model: Model, min_members: float,
                       count: int = OVERLAP_PAIRS_SHOWN) -> Overlaps:
    """The `count` strongest overlaps the `bodies` view draws (two seat-holders
    or more and a quarter or more, among each body's largest) of bodies BOD001
    compares (`min_members` seat-holders each, as configured), and how many
    more there are: two two-person bodies sharing both are no merger to
    discuss, nor a finding."""
    seat_holders = Analysis.of_model(model).seat_holders
    compared = [overlap for overlap in largest_overlaps(seat_holders)
                if min(len(seat_holders[overlap[0]]), len(seat_holders[overlap[1]])) >= min_members]
    ranked = sorted(compared, key=lambda o: (-o[2] / o[3], -o[2], o[0], o[1]))
    return Overlaps([OverlapPair(model.bodies[one].name, model.bodies[other].name, *numbers)
                     for one, other, *numbers in ranked[:count]],
                    max(0, len(ranked) - count))


@dataclass(frozen=True)
class GoalCoverage:
    goals: int
    owned: int
    """Goals with an Accountable."""
    worked_on: int
    """Goals that an initiative (not stopped) contributes to, or to a goal below them."""
    measured: int
    """Goals that an indicator measures, or a goal below them."""
    complete: int
    """Goals with all three."""


def goal_coverage(model: Model) -> GoalCoverage:
    owned = {a.item for a in model.assignments if a.letter == "A" and a.item in model.goals}
    worked_on = _with_parents(model, (goal for initiative in model.initiatives.values()
                                      if initiative.effective_status != "stopped"
                                      for goal in initiative.goals))
    measured = _with_parents(model, (kpi.measures for kpi in model.kpis.values()))
    return GoalCoverage(len(model.goals), len(owned), len(worked_on), len(measured),
                        len(owned & worked_on & measured))


def _with_parents(model: Model, goals: Iterable[str]) -> set[str]:
    """The goals given and every goal above them (each walk stops at a goal
    already reached, so the work is linear and a cycle of parents ends it)."""
    reached: set[str] = set()
    for start in goals:
        goal: str | None = start
        while goal is not None and goal in model.goals and goal not in reached:
            reached.add(goal)
            goal = model.goals[goal].parent
    return reached


# ---- the pictures ---------------------------------------------------------------


def first_page_charts(model: Model, findings: list[Finding], groups: Mapping[str, str],
                      group_order: Iterable[str], min_members: float,
                      config: LintConfig | None = None) -> list[Chart]:
    """The four charts of the first page, in reading order; `min_members`:
    the fewest seat-holders of a body BOD001 compares; what the model does
    not record as `raci lint` with `config` takes it, as the findings do."""
    not_recorded = facts_not_recorded(Analysis.of_model(model), config)
    return [
        findings_chart(findings_per_group(findings, groups, group_order)),
        coverage_chart(goal_coverage(model), no_goals(model), not_recorded),
        busiest_chart(busiest_people(model), nobody_busy(model, not_recorded)),
        overlap_chart(strongest_overlaps(model, min_members), no_overlap(model, min_members)),
    ]


def findings_chart(counts: dict[str, Counter[str]]) -> Chart:
    title = _("Findings per rule group")
    caption = _("Open findings (waived ones left out), by level.")
    if not counts:
        return Chart("findings", title, caption, None, _("No rules were run."))
    groups = list(counts)[::-1]  # barh draws from the bottom up

    def paint(figure: Any) -> None:
        axes = figure.add_subplot()
        labels = [RULE_GROUP_TITLES.get(group, group.capitalize()) for group in groups]
        left = [0] * len(groups)
        for level in LEVELS:
            widths = [counts[group][level] for group in groups]
            axes.barh(labels, widths, left=left, color=LEVEL_COLOURS[level],
                      label=LEVEL_NAMES[level],
                      height=0.6)
            left = [start + width for start, width in zip(left, widths, strict=True)]
        for row, total in enumerate(left):
            axes.annotate(format_count(total), (total, row), xytext=(3, 0),
                          textcoords="offset points", va="center")
        _count_axis(axes, max(left))
        _legend(axes, 3)

    return Chart("findings", title, caption, draw("findings", 12 + 6.5 * len(groups), paint))


def no_goals(model: Model) -> str:
    """Why the goals chart is empty, in a sentence true of the model."""
    if goals_not_recorded(model):
        return _("The model's goals are not recorded.")
    return _("The model has no goals.")


def coverage_chart(coverage: GoalCoverage, nothing: str,
                   not_recorded: Iterable[str] = ()) -> Chart:
    """The goals by coverage; `nothing` says why there are none. A bar whose
    fact the model does not record (`not_recorded`: its indicators) is no bar
    of "0 of 7" but the words "indicators not recorded"."""
    title = _("Goals by coverage")
    caption = _("A goal has an initiative or an indicator when one serves or measures it "
                "or a goal below it.")
    if not coverage.goals:
        return Chart("goals", title, caption, None, nothing)
    unrecorded = _("{fact} not recorded").format(fact=FACT_WORDS["indicators"]) \
        if "indicators" in not_recorded else ""
    rows = [(_("All three"), coverage.complete, unrecorded),
            (_("An indicator"), coverage.measured, unrecorded),
            (_("An initiative"), coverage.worked_on, ""), (_("An owner (A)"), coverage.owned, "")]

    def paint(figure: Any) -> None:
        axes = figure.add_subplot()
        labels = [label for label, _covered, _unrecorded in rows]
        shares = [0 if unknown else 100 * covered / coverage.goals
                  for _label, covered, unknown in rows]
        lacking = [0 if unknown else 100 - share
                   for share, (_label, _covered, unknown) in zip(shares, rows, strict=True)]
        axes.barh(labels, shares, color=COVERED_COLOUR, height=0.6, label=_("has it"))
        axes.barh(labels, lacking, left=shares, color=MISSING_COLOUR, height=0.6,
                  label=_("lacks it"))
        for row, (_label, covered, unknown) in enumerate(rows):
            words = unknown or _("{covered} of {goals}").format(
                covered=format_count(covered), goals=format_count(coverage.goals))
            axes.annotate(words, (0 if unknown else 100, row), xytext=(3, 0),
                          textcoords="offset points", va="center")
        axes.set_xlim(0, 100)
        _percent_axis(axes)
        _legend(axes, 2)

    return Chart("goals", title, caption, draw("goals", 14 + 8 * len(rows), paint))


def nobody_busy(model: Model, not_recorded: Collection[str]) -> str:
    """Why the busiest people's chart is empty, in a sentence true of the model:
    a model of roles with no people (a RACI chart names functions) has roles
    Accountable for its items, but nobody; `not_recorded`: `facts_not_recorded`."""
    if model.people:
        return _("No person sits in a body or is Accountable for an item, directly or "
                 "through a role held.")
    if "holders" in not_recorded:
        return _("The model names no people: who holds its roles is not recorded.")
    return _("The model names no people.")


def busiest_chart(everyone: list[BusyPerson], nobody: str) -> Chart:
    """The busiest of `everyone` (busiest first): their seats and Accountables;
    `nobody` says why there are none. Those cut off though as busy as the
    last shown are counted in the caption: ten of 24 with two seats is no ranking."""
    title = _("The busiest people")
    caption = _("The {count} with the most body seats (directly or through a role held) and "
                "goals, initiatives and decisions they are Accountable for, together.").format(
                    count=BUSIEST_SHOWN)
    if not everyone:
        return Chart("people", title, caption, None, nobody)
    people = everyone[:BUSIEST_SHOWN]
    tied = sum(1 for person in everyone[BUSIEST_SHOWN:] if person.busy == people[-1].busy)
    if tied:
        caption += " " + ngettext(
            "{count} more has as many together as the last shown ({busy}).",
            "{count} more have as many together as the last shown ({busy}).", tied).format(
            count=format_count(tied), busy=format_count(people[-1].busy))

    sides = [(values, colour, label) for values, colour, label in (
        ([p.seats for p in people], SEATS_COLOUR, _("Body seats")),
        ([p.accountable for p in people], ACCOUNTABLE_COLOUR, _("Accountable for")))
        if any(values)]  # a model without items: no side titled "Accountable for" over nothing

    def paint(figure: Any) -> None:
        panels = figure.subplots(1, len(sides), sharey=True, squeeze=False)[0]
        rows = list(range(len(people)))[::-1]  # the busiest on top
        for axes, (values, colour, label) in zip(panels, sides, strict=True):
            bars = axes.barh(rows, values, height=0.6, color=colour)
            axes.bar_label(bars, [format_count(value) if value else "" for value in values],
                           padding=2)
            axes.set_title(label, loc="left")
            axes.set_xlim(0, max(1, max(values)) * 1.35)  # room for the longest bar's label
            axes.xaxis.set_visible(False)  # every bar carries its number
            axes.spines["bottom"].set_visible(False)
        panels[0].set_yticks(rows, [shorten(p.name) for p in people])
        for axes in panels[1:]:
            axes.tick_params(axis="y", length=0)

    return Chart("people", title, caption, draw("people", 12 + 7.5 * len(people), paint))


def no_overlap(model: Model, min_members: float) -> str:
    """Why the overlap chart is empty, in a sentence true of the model."""
    if not model.bodies:
        return _("The model has no bodies.")
    if len(model.bodies) == 1:
        return _("The model has only one body.")
    return _("No two bodies of {count} or more seat-holders (as {rule} compares them) have two "
             "or more and a quarter or more of their seat-holders in common.").format(
        count=format_count(math.ceil(min_members)), rule="BOD001")  # len >= 2.5: 3


def overlap_chart(overlaps: Overlaps, nothing: str) -> Chart:
    """The strongest overlaps; `nothing` says why there are none."""
    title = _("Bodies that overlap most")
    caption = _("Seat-holders in common as a share of all the pair's seat-holders, a role "
                "counted as its holders (after it: how many of how many, as {rule} counts "
                "them).").format(rule="BOD001")
    if overlaps.more:
        caption += " " + _("{count} more pairs share a quarter or more; the {view} view "
                           "draws them all.").format(count=format_count(overlaps.more),
                                                     view=VIEW_TITLES["bodies"])
    if not overlaps.pairs:
        return Chart("overlap", title, caption, None, nothing)
    pairs = overlaps.pairs[::-1]  # barh draws from the bottom up

    def paint(figure: Any) -> None:
        # Long names of both bodies and the numbers' column left the bars a
        # stub between them: the names are cut shorter until the bars have room.
        for length in range(NAME_LENGTH, OVERLAP_NAME_SHORTEST - 1, -2):
            figure.clear()
            axes = _overlap_axes(figure, pairs, length)
            figure.get_layout_engine().execute(figure)
            if axes.get_position().width * CHART_WIDTH_MM >= OVERLAP_BARS_MM:
                return

    return Chart("overlap", title, caption, draw("overlap", 12 + 9 * len(pairs), paint))


def _overlap_axes(figure: Any, pairs: list[OverlapPair], length: int) -> Any:
    """The bars of `pairs`, each named by both bodies cut to `length`
    characters, their numbers in a column of their own on the right."""
    axes = figure.add_subplot()
    rows = list(range(len(pairs)))
    axes.barh(rows, [100 * pair.share for pair in pairs], height=0.6, color=OVERLAP_COLOUR)
    axes.set_yticks(rows, ["{}\n& {}".format(*shorten_apart(pair.one, pair.other, length))
                           for pair in pairs])
    axes.set_xlim(0, 100)
    _percent_axis(axes)
    # The numbers in a column of their own on the right, which the layout
    # makes room for: after the bar, "83% (5 of 6)" ran off the page.
    numbers = axes.twinx()
    numbers.set_ylim(axes.get_ylim())
    numbers.set_yticks(rows, [_("{share} ({shared} of {count})").format(
        share=format_percent(pair.share), shared=format_count(pair.shared),
        count=format_count(pair.together)) for pair in pairs])
    numbers.tick_params(axis="y", length=0)
    numbers.spines["right"].set_visible(False)
    return axes


def shorten(name: str, length: int = NAME_LENGTH) -> str:
    """A name on one line, cut to `length` characters with an ellipsis."""
    flat = " ".join(name.split())
    return flat if len(flat) <= length else flat[:length - 1].rstrip() + "…"


def shorten_apart(one: str, other: str, length: int = NAME_LENGTH) -> tuple[str, str]:
    """Two names shortened (`shorten`) so that they stay apart: namesakes that
    differ only at the end ("Lifecycle Manager v0", "… v1") are cut in the
    middle instead, keeping the end that tells them apart."""
    cut = shorten(one, length), shorten(other, length)
    if cut[0] != cut[1] or " ".join(one.split()) == " ".join(other.split()):
        return cut
    return shorten_middle(one, length), shorten_middle(other, length)


def shorten_middle(name: str, length: int = NAME_LENGTH) -> str:
    """A name on one line cut in the middle to `length` characters: its start,
    an ellipsis and its last words (up to half of it)."""
    flat = " ".join(name.split())
    if len(flat) <= length:
        return flat
    tail = flat[-((length - 1) // 2):]
    if " " in tail.rstrip():
        tail = " " + tail.split(" ", 1)[1]  # from a word's start
    return flat[:length - 1 - len(tail)].rstrip() + "…" + tail


def draw(name: str, height_mm: float, paint: Callable[[Any], None]) -> bytes:
    """One chart as SVG: a figure `CHART_WIDTH_MM` wide, painted (given the
    figure, `paint` adds its axes) and saved under the chart's own settings
    (a context: nothing global changes). Each chart has its own hash salt, so
    its ids stay distinct from the others' when several are inlined in one page."""
    import matplotlib
    from matplotlib.figure import Figure

    output = io.BytesIO()
    settings: dict[Any, Any] = {**STYLE, "svg.hashsalt": f"raci-{name}"}
    with matplotlib.rc_context(settings):
        figure = Figure(figsize=(CHART_WIDTH_MM * MM, height_mm * MM), layout="constrained")
        paint(figure)
        figure.savefig(output, format="svg", metadata={"Date": None})
    return output.getvalue()


def _count_axis(axes: Any, most: int) -> None:
    """Whole numbers only, with room after the longest bar for its label."""
    from matplotlib.ticker import MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
    axes.xaxis.set_major_formatter(lambda value, _position: format_count(round(value)))
    axes.set_xlim(0, max(1, most) * 1.15)


def _percent_axis(axes: Any) -> None:
    """A 0-100 axis marked as the language writes a percentage: "50%"."""
    axes.set_xticks([0, 50, 100], [format_percent(share) for share in (0, 0.5, 1)])


def _legend(axes: Any, columns: int) -> None:
    axes.legend(loc="lower right", frameon=False, ncols=columns, bbox_to_anchor=(1, 1))
