"""The handout's diagrams: each view drawn for the handout's page, split instead of shrunk.

The `bodies` and `goals` views are drawn for the room a diagram has on a
landscape A4 page of the handout (`REPORT_PAGE`) by the diagrams' own
fitting (`raci.export.render.draw`), which also says how small its text
prints there. A view whose text would print under 8 pt is split
(`raci.export.split`) into parts that each read (text of 8 pt or more, no
longer than 3 : 1), up to `MOST_PARTS`; a view that would take more gets a
note naming the command that draws it on pages of its own. The HTML and PDF
show the parts' drawings, the Markdown the same parts in Mermaid, so both
handouts number them alike.

The org and decisions views are left out: the handout serves a review of
the governance, whose findings are about bodies (who meets, reports to whom,
overlaps) and goals (owned, served, measured); the organisation chart is
what the steering group knows best, and the largest view (five A4 pages of
the energietransitie sample); each decision is a row of the RACI matrix per
goal area already, with who decides it. Either would add five to seven
pages to a sample's handout.

A view with nothing to draw (a model with no bodies), or too large to draw
in the handout, is left out of it: its contents say why instead of a page
with only a heading and a sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from raci.errors import RaciError
from raci.export.graph import View
from raci.export.page import SMALLEST_READABLE_POINTS, Page
from raci.export.render import MAX_LAYOUT_NODES, Drawing, draw, fits_page
from raci.export.split import SPLITS, guessed_parts, split_view
from raci.export.views import nothing_to_draw
from raci.i18n import _, format_count, ngettext
from raci.model import Model
from raci.vocabulary import VIEW_TITLES, uncapitalised

REPORT_VIEWS = ("bodies", "goals")
MM_PER_INCH = 25.4
DIAGRAM_MM = (277.0, 165.0)
"""Width and height a diagram has on the handout's landscape A4 page: the page
less the margins report.css gives it (10 mm, 12 mm at the foot, for the page
number) and the heading above the first drawing."""
REPORT_PAGE = Page("handout", DIAGRAM_MM[0] / MM_PER_INCH, DIAGRAM_MM[1] / MM_PER_INCH,
                   "a landscape A4 page of the handout", margin=0)
MOST_PARTS = 8
"""Parts one view may take in the handout: a view in more is no overview any
more; it is drawn on pages of its own (`raci diagram --split`)."""
TRIALS_PER_PART = 6
"""Layouts a split may try per part the handout can take: the samples' splits
try 3 to 5 per part they make; a split that tries more is given up, as one
that would make too many parts (one of a goal with a hundred sub-goals tries
116 layouts for 10 parts)."""


@dataclass(frozen=True)
class ReportDiagram:
    """One view as the handout shows it: the views drawn (the whole view, or
    the parts of its split) and their drawings for the handout's page, and a
    note saying why it is split or not drawn ("" for a whole view that reads)."""

    name: str
    parts: list[View] = field(default_factory=list)
    drawings: list[Drawing] = field(default_factory=list)
    note: str = ""
    empty: bool = False
    """The view has nothing to draw: the handout leaves it out, and the note says why."""

    @property
    def warning(self) -> str:
        """The note, where the view could not be drawn or a drawing does not read;
        lowercase at its start, as it follows "raci: warning:"."""
        unread = not all(map(reads_in_handout, self.drawings))
        if self.empty or (self.drawings and not unread):
            return ""
        return uncapitalised(self.note)

    @property
    def left_out(self) -> str:
        """Why the handout has no page for the view ("" when it draws it): the
        contents say so, rather than a page holding one sentence."""
        if self.drawings:
            return ""
        return self.note if self.empty else _("Not drawn. {why}").format(why=self.note)


def draw_for_report(view: View, model: Model, label: str, timeout: float) -> ReportDiagram:
    """The view drawn for the handout's page, whole or split (see the module's
    docstring), or a note saying why not and what to run instead."""
    name = view.name
    if reason := nothing_to_draw(view):
        return ReportDiagram(name, note=_("Not drawn: {reason}.").format(reason=reason),
                             empty=True)
    if view.size > MAX_LAYOUT_NODES:
        return ReportDiagram(name, note=_(
            "The {view} diagram has {count} nodes and frames, more than the {most} raci "
            "lays out; draw parts of it with: {command}").format(
                view=VIEW_TITLES[name], count=format_count(view.size),
                most=format_count(MAX_LAYOUT_NODES),
                command=f"raci diagram {label} --view {name} --focus ID --depth N"))
    if guessed_parts(view, REPORT_PAGE.room) > MOST_PARTS:
        return ReportDiagram(name, note=too_many_parts(name, label))
    try:
        whole = draw(view, "svg", page=REPORT_PAGE, timeout=timeout)
        if reads_in_handout(whole):
            return ReportDiagram(name, [view], [whole])
        parts = _split(view, model, timeout)
        if parts is None:
            return ReportDiagram(name, note=too_many_parts(name, label))
        drawings = [draw(part, "svg", page=REPORT_PAGE, timeout=timeout) for part in parts]
    except RaciError as error:
        return ReportDiagram(name, note=_("The {view} diagram could not be drawn: {error}").format(
            view=VIEW_TITLES[name], error=error))
    command = f"raci diagram {label} --view {name}"
    if len(drawings) < 2:  # nothing to split it by
        return ReportDiagram(name, [view], [whole], unreadable(_("This drawing"), whole,
                                                               f"{command} -o {name}.pdf"))
    return ReportDiagram(name, parts, drawings, _split_note(name, whole, drawings, command))


def _split_note(name: str, whole: Drawing, drawings: list[Drawing], command: str) -> str:
    """Why the view is drawn in parts, and which part still does not read."""
    problem = whole.fit.problem() if whole.fit is not None else ""
    note = ngettext(
        "On one A4 page {problem}, so the {view} view is drawn in {count} part; ",
        "On one A4 page {problem}, so the {view} view is drawn in {count} parts; ",
        len(drawings)).format(problem=problem, view=VIEW_TITLES[name], count=len(drawings)) + _(
        "a line to something in another part ends in a dashed box that names the part.")
    unread = [number for number, d in enumerate(drawings, 1) if not reads_in_handout(d)]
    if unread:
        note += " " + unreadable(_("Part {number}").format(number=unread[0]),
                                 drawings[unread[0] - 1],
                                 f"{command} --split {SPLITS[name]} -o {name}.pdf")
    return note


def reads_in_handout(drawing: Drawing) -> bool:
    """Whether the drawing's text prints at 8 pt or more on the handout's page.
    Unlike `raci.export.page.Fit.reads`, at any shape: a small drawing longer
    than 3 : 1 (a one-body view under a wide key) prints whole and readable
    on the handout's page, with room to spare beside it."""
    return drawing.fit is None or drawing.fit.smallest_text >= SMALLEST_READABLE_POINTS


class _TooManyTrials(Exception):
    """A split tried more layouts than the parts a handout takes would need."""


def _split(view: View, model: Model, timeout: float) -> list[View] | None:
    """The view's split for the handout's page; None where it makes more than
    `MOST_PARTS` parts, or tries more layouts than they would need."""
    fits = _limited(fits_page(REPORT_PAGE, timeout), MOST_PARTS * TRIALS_PER_PART)
    try:
        parts = split_view(view, model, SPLITS[view.name], fits)
    except _TooManyTrials:
        return None
    return parts if len(parts) <= MOST_PARTS else None


def _limited(fits: Callable[[View], bool], most: int) -> Callable[[View], bool]:
    """`fits`, which gives up (`_TooManyTrials`) when asked more than `most` times."""
    asked = 0

    def fits_limited(view: View) -> bool:
        nonlocal asked
        asked += 1
        if asked > most:
            raise _TooManyTrials
        return fits(view)
    return fits_limited


def too_many_parts(name: str, label: str) -> str:
    return _("The {view} view is too large for this handout: it would be split into more "
             "than {most} parts; draw it on pages of its own with: {command}, or a part of "
             "it with {options}").format(
                 view=VIEW_TITLES[name], most=MOST_PARTS, options="--focus ID --depth N",
                 command=f"raci diagram {label} --view {name} --split {SPLITS[name]} "
                         f"-o {name}.pdf")


def unreadable(what: str, drawing: Drawing, command: str) -> str:
    """Why a drawing does not read on the handout's page, and the `raci diagram`
    command that draws it on a larger one."""
    problem = drawing.fit.problem() if drawing.fit is not None else ""
    return _("{what} does not read on the page: {problem}; draw it on a larger page "
             "with: {command}").format(what=what, problem=problem, command=f"{command} --page a3")
