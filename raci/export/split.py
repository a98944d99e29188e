"""Split instead of shrink: one drawing per unit or goal area that fits the page.

A view too large for its page is cut into parts, one per *area*: the
top-level units, or the top-level goals with everything that serves or
measures them. An area still too large for the page (as `fits` tells:
`raci.export.render.fits_page` lays it out) is cut again into the units or
goals under it, and so on, what was directly in it keeping a part of its
own; one with nothing under it is halved (a RACI chart by its rows; one
goal with forty actors by its actors, each half drawing the goal and who
is Accountable for it; what no unit or goal orders, in alphabetical order,
each half named by the first and the last it holds). Parts
small enough share a page, as many one after another as fit (each page
tried first with as many as the one before guessed it holds, `_fullest`),
and each page made is checked once more (its numbers and connectors differ
a little from the one tried). Each page is
one *part*: a page of a split PDF, a numbered file, or a drawing of the
review handout, whose own page numbers differ; so the drawings number parts.

Each node belongs to the areas of its unit or its goals (an initiative
serving two goal areas to both); a node that belongs to none (an actor in
the raci view, a body that roles report to) is drawn in every part that
links to it; those nothing links to are drawn together beside the last
area they fit beside, else in a last part. A line between two
parts ends in a connector naming the part the other end is drawn in (one
connector for all of them where more than a few go to one part), and each
part's subtitle says which part it is and in which parts it continues.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from raci.analysis import Analysis
from raci.errors import RaciError, UsageError
from raci.export.graph import Cluster, Edge, Node, Style, View, enclosing_clusters
from raci.export.layout import (
    TABLE_SIZES,
    Size,
    guessed_framed_area,
    guessed_pages,
    guessed_to_fit,
)
from raci.export.matrix import goals_of_items
from raci.export.views import ACCOUNTABLE_LINES
from raci.i18n import N_, _
from raci.model import Model
from raci.vocabulary import VIEW_TITLES, uncapitalised

SPLITS = {"org": "unit", "bodies": "unit", "raci": "goal", "goals": "goal", "decisions": "goal"}
"""What each view is split by: the views of people and bodies by unit, the others by goal."""
SPLIT_WORDS = {"unit": N_("unit"), "goal": N_("goal")}
"""What a view is split by, in words."""
ELSEWHERE = "elsewhere"
ELSEWHERE_STYLE = Style(N_("drawn in another part"), {"shape": "cds", "style": "dashed",
                                                  "color": "#7f8c8d", "fontcolor": "#566573"})
OUTSIDE = "outside"
"""The part of the nodes in no area that nothing in an area links to."""
MOST_NAMES = 4
"""Areas a page's subtitle names; more are counted."""
MOST_ROUNDS = 4
"""Times the pages made are checked and made again where one does not fit."""
MOST_CONNECTORS = 3
"""Connectors to one other page that name what they lead to; more are one connector."""
PARTS_PER_GUESSED_PAGE = 1.0
"""Parts a split makes per page the view's text fills (`guessed_parts`), at the
least: connectors, and areas that cannot share a page, take room (measured:
1.9 to 3.2 on the samples and a generated small model, 3.5 on the goals view
of a generated ministry, but 1.06 on OpenTelemetry's goals, whose many small
goal areas share pages: at 1.5 the handout left out a view drawn in 5 parts,
guessing more than 8)."""
MOST_SPLIT_PARTS = 60
"""Parts `raci diagram --split` makes at most: a view guessed at more is refused
before any layout (the goals view of a generated ministry made 265 parts in
24 minutes), with advice to split a part of it."""
OUTSIDE_ROOM = 1.5
"""How much fuller than a full page (`Tried.full`) a page and what is outside
every area may be guessed for the two to be tried together: each try lays
out a page, and the part outside every area tries every page from the last
(on the CNCF's companies, forty pages that were all too full)."""
MOST_JOINED = 3
"""Frames of a chain (`_chains_joined`) one frame names; more are named by the first and the
last two."""
Progress = Callable[[int, int], None]
"""Told of each page a split makes: how many so far, and about how many in all."""
JOINED = "\n› "
"""Between the names of the frames of a chain joined in one: each on a line of its own."""


@dataclass
class Areas:
    """The units or goals a view can be split by."""

    outside: str
    """The name of the part outside every area, in the user's words."""
    parent: dict[str, str | None]
    """Each unit or goal -> the one above it (None at the top)."""
    names: dict[str, str]
    anchors: dict[str, list[str]]
    """Each node drawn -> the units or goals it belongs to (none for some)."""
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """A half of an area (`_halved`) -> the name of the area first halved, where
    in it the half begins, and how much that area held."""
    seated: dict[str, dict[str, str]] = field(default_factory=dict)
    """A node drawn in every part that links to it (an actor of one goal) ->
    each area whose part was divided among such nodes (`_halved`) -> the half
    of it the node is drawn in."""
    guest_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    """A half of the nodes so divided -> the first and last of them it draws."""
    owned: set[str] = field(default_factory=set)
    """The halves of nodes so divided that draw who is Accountable beside them."""
    ranges: dict[str, tuple[str, str]] = field(default_factory=dict)
    """A half of the part outside every area (all of a view of a model with no
    units or no goals) -> the names of the first and the last node it draws
    by its own right: it holds them in alphabetical order."""

    def any_area(self) -> bool:
        """Whether the model has a unit or goal to split by."""
        return any(_whole(area) == area for area in self.names)

    def children(self) -> dict[str, list[str]]:
        below: dict[str, list[str]] = defaultdict(list)
        for area, up in self.parent.items():
            if up is not None:
                below[up].append(area)
        return below

    def chosen_of(self, chosen: set[str]) -> Callable[[str], str | None]:
        """Unit or goal -> the nearest chosen one at or above it (walked up once each)."""
        found: dict[str, str | None] = {}

        def nearest(start: str) -> str | None:
            path: list[str] = []
            current: str | None = start
            while current is not None and current not in found and current not in chosen:
                if current in path:  # a cycle, which validation refuses
                    break
                path.append(current)
                current = self.parent.get(current)
            answer = found.get(current, current) if current is not None else None
            answer = answer if answer in chosen else None
            for area in path:
                found[area] = answer
            return answer

        return nearest


def split_view(view: View, model: Model, by: str,
               fits: Callable[[View], bool] = guessed_to_fit,
               progress: Progress | None = None) -> list[View]:
    """The view as one drawing per area (see the module's docstring), larger
    areas before the ones inside them, in model order; `fits` says whether a
    part fits its page (by default a guess from the text for the default page;
    `raci.export.render.fits_page` lays it out); `progress` is told of each
    page made."""
    _check_split_by(view, by)
    areas = (unit_areas if by == "unit" else goal_areas)(view, model)
    below = areas.children()
    chosen = {area for area, up in areas.parent.items() if up is None}
    tried = Tried(fits, progress)
    alone: set[str] = set()
    for _round in range(MOST_ROUNDS):
        cut, pages = _paged(view, areas, below, chosen, tried, alone)
        if len(pages) > MOST_SPLIT_PARTS:  # more than guessed: `check_split_size` let it by
            raise RaciError(_("the {view} view is too large to split: it takes {count} parts "
                              "(at most {most} are drawn); {advice}").format(
                                  view=VIEW_TITLES[view.name], count=len(pages),
                                  most=MOST_SPLIT_PARTS, advice=_smaller_split(view, model, by)))
        numbers = {area: number for number, page in enumerate(pages, 1) for area in page}
        drawn = [cut.page(page, numbers) for page in pages]
        # A page made differs a little from the one tried (its numbers, its connectors):
        # where that is too much, its areas go on pages of their own, or its one is halved.
        failing = [page for page, part in zip(pages, drawn, strict=True) if not fits(part)]
        shared = {area for page in failing if len(page) > 1 for area in page}
        single = [page[0] for page in failing if len(page) == 1 and _own(cut, page[0])]
        if not shared - alone and not single:
            break
        alone |= shared
        for area in single:
            below[area] = _halved(cut, area)
            chosen.update(below[area])
    return drawn


def _check_split_by(view: View, by: str) -> None:
    if SPLITS.get(view.name) != by:
        split = SPLITS[view.name]
        raise UsageError(_("--split {given}: the {view} view is split by {area}; give "
                           "--split {split}").format(given=by, view=VIEW_TITLES[view.name],
                                                     area=_(SPLIT_WORDS[split]), split=split))


def guessed_parts(view: View, room: Size) -> float:
    """At least about how many parts a split of the view makes for a page of
    `room` (points wide and high), from its text alone, without a layout: a
    chart by its rows (each part draws only the actors of its own), a drawing
    by the area of its nodes (`guessed_pages`)."""
    rows = view.table_rows()
    pages = (len(rows) * TABLE_SIZES["row"] / room[1] if rows is not None
             else guessed_pages(view, room))
    return pages * PARTS_PER_GUESSED_PAGE


def check_split_size(view: View, model: Model, by: str, room: Size, page: str) -> None:
    """Refuse a split by what the view is not split by, or one guessed at more
    than `MOST_SPLIT_PARTS` parts, naming the largest unit or goal area to
    split instead (or, for a view already focused, a lower --depth)."""
    _check_split_by(view, by)
    parts = guessed_parts(view, room)
    if parts > MOST_SPLIT_PARTS:
        raise RaciError(_("the {view} view is too large to split: on {page} it would take about "
                          "{count} parts or more (at most {most} are drawn); {advice}").format(
                              view=VIEW_TITLES[view.name], page=page, count=round(parts),
                              most=MOST_SPLIT_PARTS, advice=_smaller_split(view, model, by)))


def _smaller_split(view: View, model: Model, by: str) -> str:
    """What to split instead of a view too large to split."""
    advice = _("split a part of it with --focus ID --depth N")
    if view.focus is not None:
        return _("give a lower --depth, or focus on something further down")
    if (area := _largest_area(view, model, by)) is not None:
        advice += " " + _("(its largest {area}: --focus {id} --depth 2 --split {split})").format(
            area=_(SPLIT_WORDS[by]), id=area, split=by)
    return advice


def _largest_area(view: View, model: Model, by: str) -> str | None:
    """The area holding most of the view's nodes, below any that holds more than
    half of them (a ministry, a mission)."""
    areas = (unit_areas if by == "unit" else goal_areas)(view, model)
    below = areas.children()
    level = [area for area, up in areas.parent.items() if up is None]
    while True:
        nearest = areas.chosen_of(set(level))
        held = Counter(nearest(a) for anchors in areas.anchors.values() for a in anchors)
        held.pop(None, None)
        if not held:
            return None
        largest, count = held.most_common(1)[0]
        if 2 * count <= sum(held.values()) or not below.get(str(largest)):
            return largest
        level = below[str(largest)]


class Tried:
    """`fits`, asked once for each page: the same areas drawing the same nodes.
    Cutting an area again makes the pages after it again, and each try of
    `fits_page` lays the page out; what changes for a page tried is at most
    the numbers of the other parts on its connectors (the pages made are
    checked again). It also keeps how full a page is, in the guessed area of
    its nodes and frames (`guessed_framed_area`), to guess how many areas
    fill the next one."""

    def __init__(self, fits: Callable[[View], bool], progress: Progress | None = None) -> None:
        self.fits = fits
        self.progress = progress
        self.known: dict[tuple[tuple[str, ...], frozenset[str]], bool] = {}
        self.full: float | None = None
        """The guessed area halfway between the last page found full and the
        same with one area more (None before one is found)."""

    def page_fits(self, cut: Cut, on_page: list[str]) -> bool:
        key = (tuple(on_page), frozenset(node for area in on_page for node in cut.parts[area]))
        if key not in self.known:
            self.known[key] = self.fits(cut.page(on_page))
        return self.known[key]


def _paged(view: View, areas: Areas, below: dict[str, list[str]], chosen: set[str],
           tried: Tried, alone: set[str]) -> tuple[Cut, list[list[str]]]:
    """The view cut along the `chosen` areas and its parts gathered on pages
    (`_pages`); an area on a page of its own too large for it is cut again
    (`_cut`: `chosen` and `below` grow), and the pages are made again (those
    before it as they were)."""
    cut = Cut.of(view, areas, chosen)
    while True:
        order = {area: place for place, area in enumerate(_top_down(areas.parent, below))}
        pages, too_large = _pages(sorted(cut.parts, key=lambda area: order.get(area, len(order))),
                                  cut, tried, alone, below)
        if too_large is None:
            return cut, pages
        cut = _cut(cut, below, tried, too_large)
        chosen.update(cut.chosen)


def _cut(cut: Cut, below: dict[str, list[str]], tried: Tried, area: str) -> Cut:
    """The view cut again where `area` is too large for its page: along the
    areas under it, else in halves, and so on where a part of it is still
    too large alone (`below` grows as it goes): its parts are tried alone at
    once, as halving a large area again takes fewer tries than making the
    pages again after each halving."""
    too_large = [area]
    while too_large:
        for large in too_large:
            if not set(below.get(large, [])) - cut.chosen:  # nothing under it: its own halved
                below[large] = _halved(cut, large)
        pieces = [piece for large in too_large for piece in [large, *below[large]]]
        cut = Cut.of(cut.view, cut.areas, cut.chosen | set(pieces))
        too_large = [piece for piece in pieces if piece in cut.parts
                     and _to_cut(cut, tried, below, piece)]
    return cut


@dataclass
class Cut:
    """A view cut along some areas: the nodes each area's part draws."""

    view: View
    areas: Areas
    chosen: set[str]
    homes: dict[str, list[str]]
    """Each node -> the areas it is drawn in by its own right."""
    parts: dict[str, list[str]]
    """Each area -> the nodes its part draws."""
    owners: dict[str, set[str]]
    """Each node -> those joined to it by a line of who is Accountable (an
    item's owners, an owner's items)."""

    @classmethod
    def of(cls, view: View, areas: Areas, chosen: set[str]) -> Cut:
        homes = _homes(view, areas, chosen)
        owners: dict[str, set[str]] = defaultdict(set)
        for edge in view.edges:
            if edge.style in ACCOUNTABLE_LINES:
                owners[edge.head].add(edge.tail)
                owners[edge.tail].add(edge.head)
        return cls(view, areas, set(chosen), homes, _parts(view, homes, areas.seated), owners)

    def anchored_in(self, area: str, node: str) -> set[str]:
        """The units or goals that put `node` in `area`'s part."""
        nearest = self.areas.chosen_of(self.chosen)
        return {a for a in self.areas.anchors.get(node, []) if nearest(a) == area}

    def page(self, on_page: list[str], numbers: Mapping[str, int] | None = None) -> View:
        """The page the areas `on_page` make, with each area's page in `numbers`
        (by default: this page first, every other area on a page of its own):
        their nodes area by area, in the order its title names them."""
        if numbers is None:
            numbers = {**{area: n for n, area in enumerate(self.parts, 2)},
                       **dict.fromkeys(on_page, 1)}
        drawn = list(dict.fromkeys(node for area in on_page for node in self.parts[area]))
        if all(area in self.areas.ranges for area in on_page):  # in the alphabet's order
            drawn.sort(key=lambda node: self.view.nodes[node].title.casefold())
        return _part_view(self.view, self.homes, drawn, numbers, numbers[on_page[0]],
                          _names(self.areas, on_page))


def _own(cut: Cut, area: str) -> list[str]:
    """What an area's part draws by its own right, when there is more than one:
    the rows of a chart, else the nodes that belong to the area (all of the
    part outside every area); where it is one node, what is drawn with it
    because it links to it (`_guests`: the forty actors of one goal)."""
    rows = set(cut.view.table_rows() or cut.parts[area])
    own = [n for n in cut.parts[area]
           if n in rows and (area == OUTSIDE or area in cut.homes.get(n, []))]
    if len(own) > 1:
        return own
    guests = _guests(cut, area)
    return guests if len(guests) > 1 else []


def _guests(cut: Cut, area: str) -> list[str]:
    """The nodes an area's part draws because they link to what it draws, but
    for who is Accountable for it: a reader of any part of a goal divided
    among its actors must see who owns it, so they are drawn in each."""
    if area == OUTSIDE:
        return []
    owners = _owners(cut, area)
    return [n for n in cut.parts[area] if not cut.homes.get(n) and n not in owners]


def _owners(cut: Cut, area: str) -> set[str]:
    """Who is Accountable for what an area's part draws by its own right."""
    return {owner for node in cut.parts[area] if area in cut.homes.get(node, [])
            for owner in cut.owners.get(node, ())}


def _halved(cut: Cut, area: str) -> list[str]:
    """Two new areas under `area`, each with half of what its part drew by its
    own right, named by the span of it they hold (of the first area halved).
    Where that is what links to its one node (`_guests`), each half draws the
    node and half of them, named by the node and counted among them alone."""
    areas, own = cut.areas, _own(cut, area)
    guests = own == _guests(cut, area)
    if _whole(area) == OUTSIDE:  # no unit or goal orders it: the alphabet does
        own.sort(key=lambda node: cut.view.nodes[node].title.casefold())
    name, first, total = areas.spans.get(area, (_area_name(areas, area), 1, len(own)))
    if guests and area not in areas.guest_spans:  # counted apart from any halving above
        item = next((n for n in cut.parts[area] if area in cut.homes.get(n, [])), None)
        name, first, total = (cut.view.nodes[item].title if item else name), 1, len(own)
    made = []
    for number, half in enumerate([own[:len(own) // 2], own[len(own) // 2:]], 1):
        made.append(f"{area}#{number}")  # no entity id has a #
        areas.parent[made[-1]] = None if area == OUTSIDE else area
        areas.spans[made[-1]] = (name, first, total)
        areas.names[made[-1]] = _("{name}, {first}–{last} of {total}").format(
            name=name, first=first, last=first + len(half) - 1, total=total)
        if _whole(area) == OUTSIDE:
            areas.ranges[made[-1]] = (cut.view.nodes[half[0]].title,
                                      cut.view.nodes[half[-1]].title)
        if guests:
            areas.guest_spans[made[-1]] = (first, first + len(half) - 1)
            if _owners(cut, area):
                areas.owned.add(made[-1])
            for node in half:
                areas.seated.setdefault(node, {})[area] = made[-1]
        else:
            _moved(cut, area, half, made[-1:])
        first += len(half)
    if guests:
        _moved(cut, area, [n for n in cut.parts[area] if area in cut.homes.get(n, [])], made)
    return made


def _moved(cut: Cut, area: str, nodes: list[str], halves: list[str]) -> None:
    """The nodes belong to the `halves` of `area` now, wherever under it they did."""
    for node in nodes:
        cut.areas.anchors[node] = [*halves, *(a for a in cut.areas.anchors.get(node, [])
                                              if a not in cut.anchored_in(area, node))]


def _pages(order: list[str], cut: Cut, tried: Tried, alone: set[str],
           below: Mapping[str, list[str]]) -> tuple[list[list[str]], str | None]:
    """The areas in `order` gathered on pages: each page holds as many areas,
    one after another, as fit on it together (`_fullest`), so small units
    share a page; what is outside every area (last) joins the last page it
    fits on, rather than take a page of its own. An area `alone` has a page
    of its own. Stops at the first area on a page of its own that is too
    large for it and can be cut (`_to_cut`), and names it."""
    pages: list[list[str]] = []
    inside = [area for area in order if area != OUTSIDE]
    weights = [_guessed(cut, [area]) for area in inside]
    start = 0
    while start < len(inside):
        end = start + 1 if inside[start] in alone else _page_end(inside, start, cut, tried,
                                                                   alone, weights)
        if end == start + 1 and _to_cut(cut, tried, below, inside[start]):
            return pages, inside[start]
        pages.append(inside[start:end])
        start = end
        if tried.progress:
            tried.progress(len(pages), round(len(pages) * sum(weights) / sum(weights[:start])))
    if OUTSIDE in cut.parts:
        room = math.inf if tried.full is None else tried.full * OUTSIDE_ROOM
        joined = next((page for page in reversed(pages) if not {OUTSIDE, *page} & alone
                       and _guessed(cut, [*page, OUTSIDE]) <= room
                       and tried.page_fits(cut, [*page, OUTSIDE])), None)
        if joined is not None:
            joined.append(OUTSIDE)
        elif _to_cut(cut, tried, below, OUTSIDE):
            return pages, OUTSIDE
        else:
            pages.append([OUTSIDE])
    return pages, None


def _guessed(cut: Cut, on_page: list[str]) -> float:
    return sum(guessed_framed_area(cut.view, cut.parts[area]) for area in on_page)


def _page_end(inside: list[str], start: int, cut: Cut, tried: Tried, alone: set[str],
              weights: list[float]) -> int:
    """Where the page starting at area `start` ends: after the most areas that
    fit on it together, up to the next area `alone`; a page found full tells
    `tried` how full that is."""
    last = next((n for n in range(start + 1, len(inside)) if inside[n] in alone), len(inside))
    end = _fullest(start + 1, last, _guessed_end(weights, start, tried.full),
                   lambda n: tried.page_fits(cut, inside[start:n]))
    if end < last:  # full: the next area did not fit beside
        tried.full = (sum(weights[start:end]) + sum(weights[start:end + 1])) / 2
    return end


def _guessed_end(weights: list[float], start: int, full: float | None) -> int:
    """Where a page starting at area `start` ends, guessed: after as many areas
    as add up to `full`, and at least two (the first page: two)."""
    end, held = start + 1, weights[start]
    while full is not None and end < len(weights) and held + weights[end] <= full:
        held += weights[end]
        end += 1
    return max(end, start + 2)


def _fullest(first: int, last: int, guess: int, fits: Callable[[int], bool]) -> int:
    """The largest n from `first` to `last` that `fits` (`first` taken to fit,
    and none after the first that does not): tried at `guess`, then 1, 1, 2,
    4 … further on or back, then halfway between the nearest that fit and did
    not. A right guess takes two tries (it fits, one more does not), one too
    many two, one too few three."""
    fitting, failing = first, last + 1
    probe, moves = min(max(guess, first + 1), last), 0
    while failing - fitting > 1:
        step = 1 << max(moves - 1, 0)
        if fits(probe):
            fitting, probe = probe, probe + step
        else:
            failing, probe = probe, probe - step
        moves += 1
        if not fitting < probe < failing:
            probe = (fitting + failing) // 2
    return fitting


def _to_cut(cut: Cut, tried: Tried, below: Mapping[str, list[str]], area: str) -> bool:
    """Whether an area is too large for a page of its own and can be cut:
    along the areas under it, else in halves (`_own`)."""
    return bool((set(below.get(area, [])) - cut.chosen or _own(cut, area))
                and not tried.page_fits(cut, [area]))


def _names(areas: Areas, page: list[str]) -> str:
    """The areas on a page, each name said once: the areas under one top-level
    area after its name ("DG Klimaat: Directie Warmte and Directie Netten");
    an area too large for one page by the sections of it the page holds
    ("Nationale Politie: Korpsstaf (sections 2 and 3 of 3)"); the part
    outside every area, after others, in lower case ("… and outside every
    goal area"); more than `MOST_NAMES` in a list are counted."""
    sections = _sections(areas)
    own: dict[str, str] = {}  # a top-level area on the page -> its name (and sections)
    under: dict[str, list[str]] = {}
    for whole in dict.fromkeys(map(_whole, page)):
        highest = _highest(areas, whole)
        name = _held_name(areas, whole, [a for a in page if _whole(a) == whole], sections)
        under.setdefault(highest, [])
        if whole == highest:
            own[highest] = name
        else:
            under[highest].append(name)
    named = [own.get(highest, _area_name(areas, highest)) + (": " + _listed(names) if names else "")
             for highest, names in under.items()]
    named = [name if number == 0 or highest != OUTSIDE else uncapitalised(name)
             for number, (highest, name) in enumerate(zip(under, named, strict=True))]
    return _listed(named, "; " if any(under.values()) else ", ")


def _held_name(areas: Areas, whole: str, held: list[str],
               sections: dict[str, tuple[int, int]]) -> str:
    """The name of the area `whole` as the areas `held` on a page hold it: the
    area's name and the sections of it they are; where it is the part outside
    every area, by the first and the last it draws ("Commissie Audit to
    Commissie Wonen"), which no section number would tell."""
    if held[0] in areas.ranges:
        span = _("{first} to {last}").format(first=areas.ranges[held[0]][0],
                                              last=areas.ranges[held[-1]][1])
        return f"{areas.outside}: {span}" if areas.any_area() else span
    name = areas.spans[held[0]][0] if held[0] in areas.spans else _area_name(areas, whole)
    return name + _held_words(areas, held, sections)


def _whole(area: str) -> str:
    """The area a half (`_halved`: ``unit#1#2``) is a section of; an area itself."""
    return area.split("#", 1)[0]


def _sections(areas: Areas) -> dict[str, tuple[int, int]]:
    """Each half not halved further -> its number among the sections of its
    whole area, in order, and how many sections that area has."""
    halves = [key for key in areas.spans if not any(k.startswith(key + "#") for k in areas.spans)]
    by_whole: dict[str, list[str]] = defaultdict(list)
    for key in sorted(halves, key=lambda key: areas.spans[key][1]):
        by_whole[_whole(key)].append(key)
    return {key: (number, len(keys)) for keys in by_whole.values()
            for number, key in enumerate(keys, 1)}


def _held_words(areas: Areas, held: list[str], sections: dict[str, tuple[int, int]]) -> str:
    """ (actors 15–27 of 39, and who is Accountable)" where the areas `held`
    divide what links to one node (`_halved`); else the sections of a halved area they are; "" for a
    whole area."""
    spans = [areas.guest_spans[area] for area in held if area in areas.guest_spans]
    if spans:
        words = (_("(actors {first}–{last} of {total}, and who is Accountable)")
                 if areas.owned & set(held) else _("(actors {first}–{last} of {total})"))
        return " " + words.format(
            first=min(first for first, _last in spans), last=max(last for _first, last in spans),
            total=areas.spans[held[0]][2])
    return _section_words([sections[area] for area in held if area in sections])


def _section_words(sections: list[tuple[int, int]]) -> str:
    """ (section 2 of 3)", " (sections 2 and 3 of 3)", or "" for a whole area."""
    if not sections:
        return ""
    numbers = sorted(number for number, _count in sections)
    count = sections[0][1]
    if len(numbers) == 1:
        return " " + _("(section {number} of {count})").format(number=numbers[0], count=count)
    return " " + _("(sections {numbers} and {last} of {count})").format(
        numbers=", ".join(map(str, numbers[:-1])), last=numbers[-1], count=count)


def _listed(names: list[str], between: str = ", ") -> str:
    """Names one after the other, the last after "and" (where they are
    separated by commas); more than `MOST_NAMES` are counted."""
    if len(names) > MOST_NAMES:
        names = [*names[:MOST_NAMES - 1], _("{count} more").format(
            count=len(names) - MOST_NAMES + 1)]
    last = _(" and ") if between == ", " else between
    return names[0] if len(names) == 1 else between.join(names[:-1]) + last + names[-1]


def _homes(view: View, areas: Areas, chosen: set[str]) -> dict[str, list[str]]:
    """Each node -> the chosen areas it is drawn in by its own right."""
    nearest = areas.chosen_of(chosen)
    return {key: list(dict.fromkeys(a for a in map(nearest, areas.anchors.get(key, [])) if a))
            for key in view.nodes}


def _top_down(parent: dict[str, str | None], below: dict[str, list[str]]) -> list[str]:
    """Every unit or goal, each before those under it, in model order."""
    order: list[str] = []
    stack = [area for area, up in reversed(parent.items()) if up is None]
    while stack:
        area = stack.pop()
        order.append(area)
        stack.extend(reversed(below.get(area, [])))
    return order


def _area_name(areas: Areas, area: str) -> str:
    """An area's name (a half's says which half)."""
    if area not in areas.names:
        return areas.outside if areas.parent else _("Everything")
    return areas.names[area]


def _highest(areas: Areas, area: str) -> str:
    """The top-level unit or goal an area lies in (itself at the top; a half
    and the part outside every area stand on their own)."""
    if area not in areas.names or area in areas.spans:
        return area
    highest, seen = area, {area}
    while (up := areas.parent.get(highest)) is not None and up not in seen:
        seen.add(up)
        highest = up
    return highest


def _parts(view: View, homes: dict[str, list[str]],
           seated: Mapping[str, Mapping[str, str]]) -> dict[str, list[str]]:
    """Area -> the nodes drawn in its part, in view order; the part outside every
    area last. A node with no area of its own is drawn in the parts of what it
    links to, of an area whose part was divided among them only in the half
    it is `seated` in."""
    parts: dict[str, list[str]] = defaultdict(list)
    for node_id in view.nodes:
        for area in homes.get(node_id, []):
            parts[area].append(node_id)
    neighbours = view.links()
    for node_id in view.nodes:
        if homes.get(node_id):
            continue
        linked = dict.fromkeys(area for n in neighbours[node_id] for area in homes.get(n, [])
                               if _seated_in(seated, node_id, area))
        for area in linked or [OUTSIDE]:
            parts[area].append(node_id)
    if OUTSIDE in parts:
        parts[OUTSIDE] = parts.pop(OUTSIDE)
    return dict(parts)


def _seated_in(seated: Mapping[str, Mapping[str, str]], node_id: str, area: str) -> bool:
    """Whether a node drawn where it links may be drawn in `area`'s part: not in
    a half of an area divided among such nodes other than its own."""
    return not any(area.startswith(f"{divided}#") and not (area + "#").startswith(f"{half}#")
                   for divided, half in seated.get(node_id, {}).items())


def _part_view(view: View, homes: dict[str, list[str]], drawn: list[str],
               page_of: Mapping[str, int], page: int, name: str) -> View:
    """The view's nodes `drawn` on page `page`, lines to nodes on other pages
    ending in connectors (`_connectors`)."""
    kept = set(drawn)
    nodes = {key: view.nodes[key] for key in drawn}
    edges: list[Edge] = []
    crossing: list[tuple[Edge, str, list[int]]] = []
    for edge in view.edges:
        ends = (edge.tail in kept, edge.head in kept)
        if all(ends):
            edges.append(edge)
            continue
        inside, outside = (edge.tail, edge.head) if ends[0] else (edge.head, edge.tail)
        if not any(ends) or not homes.get(inside) or view.table is not None:
            continue
        other = sorted({page_of[a] for a in homes.get(outside, []) if a in page_of} - {page})
        if other:  # a line between two areas
            crossing.append((edge, outside, other))
    connectors, ends_at = _connectors(view, crossing)
    nodes.update(connectors)
    joined: set[tuple[str, str, str]] = set()  # lines to one connector: one of each look
    for edge, outside, _pages in crossing:
        moved = (replace(edge, head=ends_at[outside]) if edge.head == outside
                 else replace(edge, tail=ends_at[outside]))
        if (moved.tail, moved.head, moved.style) not in joined:
            joined.add((moved.tail, moved.head, moved.style))
            edges.append(moved)
    pages = sorted({number for _edge, _end, other in crossing for number in other})
    subtitle = _("Part {number} of {count}: {name}").format(
        number=page, count=max(page_of.values()), name=name)
    if pages:
        subtitle += " · " + _("continues in {parts}").format(parts=_part_words(pages))
    if view.subtitle:  # what the whole view says of the model holds for each part
        subtitle += " · " + view.subtitle
    framed = enclosing_clusters(view, kept)
    return replace(view, nodes=nodes, edges=edges, subtitle=subtitle, part=name,
                   node_styles={**view.node_styles, ELSEWHERE: ELSEWHERE_STYLE},
                   clusters=_chains_joined({key: c for key, c in view.clusters.items()
                                            if key in framed}, nodes.values()))


def _chains_joined(clusters: dict[str, Cluster], nodes: Iterable[Node]) -> dict[str, Cluster]:
    """The frames of a part, a frame that holds nothing on it but one frame
    joined to that one, which names both ("Ministerie van BZ", "› DG Zorg"): a
    part of a unit deep down is not drawn inside a frame for each unit above
    it, each taking a margin on every side. A chain of more than `MOST_JOINED`
    frames names its first and its last two."""
    holding = {node.cluster for node in nodes}
    inside = Counter(c.parent for c in clusters.values() if c.parent in clusters)
    passing = {key for key in clusters if key not in holding and inside[key] == 1}
    joined: dict[str, Cluster] = {}
    for key, cluster in clusters.items():
        if key in passing:
            continue
        chain = [cluster]
        while chain[-1].parent in passing:
            chain.append(clusters[chain[-1].parent])
        titles = [c.title for c in reversed(chain)]
        if len(titles) > MOST_JOINED:
            titles = [titles[0], "…", *titles[1 - MOST_JOINED:]]
        joined[key] = replace(cluster, title=JOINED.join(titles), parent=chain[-1].parent,
                              lines=[line for c in reversed(chain) for line in c.lines])
    return joined


def _connectors(view: View, crossing: list[tuple[Edge, str, list[int]]]
                ) -> tuple[dict[str, Node], dict[str, str]]:
    """The connectors lines to other pages end in, and which each far end takes:
    one per node drawn elsewhere, naming it, or, where more than
    `MOST_CONNECTORS` lines go to one page, one for all of them ("14 more in part 3")."""
    by_page: dict[int, list[str]] = defaultdict(list)
    for _edge, outside, other in crossing:
        if outside not in by_page[other[0]]:
            by_page[other[0]].append(outside)
    connectors: dict[str, Node] = {}
    ends_at: dict[str, str] = {}
    for _edge, outside, other in crossing:
        if len(by_page[other[0]]) > MOST_CONNECTORS:
            connector = Node(f"{ELSEWHERE}:page:{other[0]}",
                             _("{count} more").format(count=len(by_page[other[0]])),
                             (ELSEWHERE,), [_in_parts(other[:1])])
        else:
            connector = _connector(view.nodes[outside], other)
        connectors.setdefault(connector.id, connector)
        ends_at[outside] = connector.id
    return connectors, ends_at


def _connector(target: Node, pages: list[int]) -> Node:
    return Node(f"{ELSEWHERE}:{target.id}", target.title, (ELSEWHERE,), [_in_parts(pages)])


def _in_parts(pages: list[int]) -> str:
    """Where a connector's far end is drawn: "in part 3", "in parts 2 and 3"."""
    return _("in {parts}").format(parts=_part_words(pages))


def _part_words(pages: Iterable[int]) -> str:
    numbers = [str(page) for page in pages]
    if len(numbers) == 1:
        return _("part {number}").format(number=numbers[0])
    return _("parts {numbers} and {last}").format(numbers=", ".join(numbers[:-1]),
                                                  last=numbers[-1])


def goal_areas(view: View, model: Model) -> Areas:
    """The goal tree; each item drawn belongs to its goals (`goals_of_items`)."""
    goals_of = goals_of_items(model)
    parent = {g.id: g.parent if g.parent in model.goals else None for g in model.goals.values()}
    return Areas(_("Outside every goal area"), parent, {g.id: g.name for g in model.goals.values()},
                 {key: goals_of.get(key, []) for key in view.nodes})


def unit_areas(view: View, model: Model) -> Areas:
    """The unit tree; each role and person drawn belongs to its unit (a role
    without one to its first holder's), a body to its chair's unit, else to
    the unit of the body it reports to, else to most of its members' unit."""
    analysis = Analysis.of_model(model)

    def unit_of(actor: str | None) -> str | None:
        unit = analysis.unit_of(actor) if actor else None
        return unit if unit in model.units else None

    anchors: dict[str, list[str]] = {}
    for key, node in view.nodes.items():
        unit = node.cluster if node.cluster in model.units else unit_of(key)
        if unit is None and key in model.bodies:
            unit = _body_unit(model, key, unit_of)
        anchors[key] = [unit] if unit else []
    parent = {u.id: u.parent if u.parent in model.units else None for u in model.units.values()}
    return Areas(_("Outside every unit"), parent, {u.id: u.name for u in model.units.values()},
                 anchors)


def _body_unit(model: Model, body_id: str,
               unit_of: Callable[[str | None], str | None]) -> str | None:
    seen: set[str] = set()
    current: str | None = body_id
    while current in model.bodies and current not in seen:
        seen.add(current)
        body = model.bodies[current]
        if (unit := unit_of(body.chair)) is not None:
            return unit
        if body.reports_to not in model.bodies:
            members = Counter(u for u in map(unit_of, body.members) if u)
            return unit_of(body.reports_to) or (
                members.most_common(1)[0][0] if members else None)
        current = body.reports_to
    return None
