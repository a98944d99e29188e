"""The RACI matrix: items as rows, actors as columns, one letter per cell (or A/R).

`RaciMatrix` draws only the lines and columns on screen (Textual's line
API), so a scope of 1,000 items by 300 actors scrolls as smoothly as a small
one; letters are read from the model's index when drawn. The item column
and the actor header stay in place while the cells scroll.
"""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from raci.i18n import N_, Said, _
from raci.lint.findings import FindingIndex
from raci.model import Entity, Model
from raci.model.changes import Change, set_cells
from raci.model.entities import cell_text, parse_cell
from raci.tui.describe import label
from raci.tui.markup import finding_message
from raci.tui.messages import ChangeRequested, raci_app
from raci.tui.session import Session
from raci.tui.widgets.scope_modal import ScopePicker
from raci.tui.widgets.search import Searchable
from raci.vocabulary import counted

ITEM_WIDTH = 30
"""The narrowest the item column gets: it takes the room the actors' columns
leave, as far as the longest item name needs it."""
CELL_WIDTH = 8
"""The narrowest a column gets: with more actors than fit, the matrix scrolls sideways."""
WIDEST_CELL = 16
"""The widest a column gets, when few actors share a wide screen: room for their names."""
HEADER_LINES = 2
MARKS = {"error": "●", "warning": "●", "info": "●"}
NO_MARK = "  "
"""Where an item without findings has its mark (the mark and a space)."""
ACTOR_ORDER = ("role", "body", "person")
SET_LETTER = Binding.Group("Letter")
"""The footer shows the letter keys as one entry ("r a c i Letter"): 80 columns hold every key."""


def column_header(name: str, width: int = CELL_WIDTH - 1) -> tuple[str, str]:
    """An actor's name in two lines of `width` for its column: the whole name
    when its words fit, else its first words over its last, with "…" where
    words are left out between them or a word is cut (``Stuurgroep Warmte``
    reads ``Stuurg…`` over ``Warmte``; ``Koen van der Wal`` in 7 columns
    ``Koen`` over ``…Wal``). The full name is in the line under the grid
    and on hover."""
    words = name.replace("-", "- ").split() or [name]
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += word if lines[-1].endswith("-") else f" {word}"
        else:
            lines.append(word)
    if len(lines) <= 2 and all(len(line) <= width for line in lines):
        first, second, *_ = [*lines, "", ""]
        return first, second
    first, used = _words_that_fit(words, width)
    rest = words[used:]
    if not rest:
        return first, ""
    last, taken = _words_that_fit(rest[::-1], width, reverse=True)
    if taken < len(rest):  # words left out between the lines
        last = "…" + _words_that_fit(rest[::-1], width - 1, reverse=True)[0]
    return first, last


def _words_that_fit(words: list[str], width: int, reverse: bool = False) -> tuple[str, int]:
    """As many of `words` as fit in `width` (at least the first, cut with "…"),
    joined (in reading order when `reverse`), and how many that is."""
    taken = [words[0]]
    for word in words[1:]:
        if sum(map(len, taken)) + len(taken) + len(word) > width:
            break
        taken.append(word)
    line = " ".join(taken[::-1] if reverse else taken).replace("- ", "-")
    return (line if len(line) <= width else line[: width - 1] + "…"), len(taken)


def column_headers(names: list[str], width: int = CELL_WIDTH - 1,
                   scope: str = "") -> list[tuple[str, str]]:
    """Each name's `column_header`, without the words of the `scope`'s name
    (on a unit's scope, most names end in it: "Jurist Afdeling Toezicht
    Energie" reads "Jurist", where every such column read "…Energ…",
    the end they share kept and what tells them apart cut); two that would read alike
    ("Progra…" over "VEGO" for Programmadirecteur VEGO and
    Programmasecretaris VEGO) show their first word from where it differs
    ("…direc…", "…secre…")."""
    names = _without_words(names, set(scope.split()))
    headers = [column_header(name, width) for name in names]
    alike: dict[tuple[str, str], list[int]] = {}
    for number, header in enumerate(headers):
        alike.setdefault(header, []).append(number)
    for numbers in (n for n in alike.values() if len(n) > 1):
        firsts = [names[n].split()[0] if names[n].split() else "" for n in numbers]
        shortest = min(map(len, firsts))
        common = next((at for at in range(shortest) if len({f[at] for f in firsts}) > 1),
                      shortest)
        for number, first in zip(numbers, firsts, strict=True):
            rest = first[common:]
            if common and rest:
                shown = "…" + rest
                cut = shown if len(shown) <= width else shown[: width - 1] + "…"
                headers[number] = (cut, headers[number][1])
    return headers


def _on_a_line(name: str) -> str:
    return name.replace("\n", " ")


def _without_words(names: list[str], words: set[str]) -> list[str]:
    """The names without `words`; a name of those words alone (the unit's
    own column) stays whole."""
    return [" ".join(w for w in name.split() if w not in words) or name for name in names]


def _foreground(style: Style) -> Style:
    """Only the colour and weight of a style, so the line's background shows through."""
    return Style(color=style.color, bold=style.bold)


class RaciMatrix(ScrollView, can_focus=True):
    """The grid; the cursor cell is what `r`, `a`, `c`, `i` and `space` change."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "raci-matrix--header", "raci-matrix--cursor", "raci-matrix--cursor-line",
        "raci-matrix--error", "raci-matrix--warning", "raci-matrix--info",
        "raci-matrix--letter-r", "raci-matrix--letter-a", "raci-matrix--letter-c",
        "raci-matrix--letter-i",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "set_letter('R')", "Responsible", id="matrix-set-r",
                group=SET_LETTER),
        Binding("a", "set_letter('A')", "Accountable", id="matrix-set-a",
                group=SET_LETTER),
        Binding("c", "set_letter('C')", "Consulted", id="matrix-set-c",
                group=SET_LETTER),
        Binding("i", "set_letter('I')", "Informed", id="matrix-set-i",
                group=SET_LETTER),
        Binding("b", "set_letter('A/R')", "A/R: both", id="matrix-set-ar",
                group=SET_LETTER),
        Binding("space,backspace", "clear", "Clear", id="matrix-clear"),
        Binding("up", "move(0, -1)", "Up", show=False, id="matrix-up"),
        Binding("down", "move(0, 1)", "Down", show=False, id="matrix-down"),
        Binding("left", "move(-1, 0)", "Left", show=False, id="matrix-left"),
        Binding("right", "move(1, 0)", "Right", show=False, id="matrix-right"),
        Binding("k", "move(0, -1)", "Up", show=False, id="matrix-up-k"),
        Binding("j", "move(0, 1)", "Down", show=False, id="matrix-down-j"),
        Binding("h", "move(-1, 0)", "Left", show=False, id="matrix-left-h"),
        Binding("l", "move(1, 0)", "Right", show=False, id="matrix-right-l"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="matrix-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="matrix-page-down"),
        Binding("home", "move(-100000, 0)", "First actor", show=False, id="matrix-home"),
        Binding("end", "move(100000, 0)", "Last actor", show=False, id="matrix-end"),
    ]

    class CursorMoved(Message):
        """The cursor moved: the line below the grid follows it."""

    def __init__(self) -> None:
        super().__init__(id="raci-matrix")
        self.model: Model | None = None
        self.rows: list[Entity] = []
        self.columns: list[Entity] = []
        self.scope = ""
        """The name of the unit or body the matrix is scoped to: left out of the headers."""
        self.headers: list[tuple[str, str]] = []
        self.cell_width = CELL_WIDTH
        """A column's width: the room there is, shared (`fit_columns`)."""
        self.item_width = ITEM_WIDTH
        """The item column's width: what the columns leave (`fit_columns`)."""
        self.longest_item = 0
        """The length of the longest item name on a line."""
        self.index = FindingIndex()
        """The findings: a row is marked with the worst level of its item's."""
        self.cursor = (0, 0)
        """(column, row)."""

    def show(self, model: Model, rows: list[Entity], columns: list[Entity],
             scope: str = "") -> None:
        """`scope`: the name of the unit or body the matrix is scoped to."""
        self.model, self.rows, self.columns, self.scope = model, rows, columns, scope
        self.longest_item = max((len(_on_a_line(row.name)) for row in rows), default=0)
        column, row = self.cursor
        self.cursor = (min(column, max(len(columns) - 1, 0)), min(row, max(len(rows) - 1, 0)))
        self.fit_columns()

    def on_resize(self) -> None:
        self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width beside the items among the actors, each column
        between `CELL_WIDTH` and `WIDEST_CELL`, and shorten the names to it;
        the room they leave widens the item column, as far as the longest
        item name needs (at 120 columns, 7 actors left 6 empty while item
        names were cut)."""
        room = self.scrollable_content_region.width - ITEM_WIDTH
        count = len(self.columns)
        self.cell_width = max(CELL_WIDTH, min(WIDEST_CELL, room // max(count, 1)))
        self.headers = column_headers([column.name for column in self.columns],
                                      self.cell_width - 1, self.scope)
        width = self.cell_width * count
        if width > room:  # a column more, less one: room to scroll the last one wholly in
            width += self.cell_width - 1
        wanted = self.longest_item + len(NO_MARK) + 1  # the mark, the name, a space
        self.item_width = ITEM_WIDTH + max(0, min(room - width, wanted - ITEM_WIDTH))
        self.virtual_size = Size(self.item_width + width, len(self.rows) + HEADER_LINES)
        self.refresh()

    def mark_findings(self, index: FindingIndex) -> None:
        self.index = index
        self.refresh()

    @property
    def cursor_cell(self) -> tuple[Entity, Entity] | None:
        """(item, actor) under the cursor."""
        column, row = self.cursor
        if not self.rows or not self.columns:
            return None
        return self.rows[row], self.columns[column]

    # ---- drawing -------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        first_column = scroll_x // self.cell_width
        last_column = first_column + (width - self.item_width) // self.cell_width + 1
        visible = range(first_column, min(len(self.columns), last_column))
        if y < HEADER_LINES:
            segments = self._header(y, visible)
        else:
            row = scroll_y + y - HEADER_LINES
            if row >= len(self.rows):
                return Strip.blank(width, self.rich_style)
            segments = self._row(row, visible)
        return Strip(segments).crop_extend(0, width, self.rich_style)

    def _header(self, line: int, visible: range) -> list[Segment]:
        style = self.get_component_rich_style("raci-matrix--header")
        cursor = self.get_component_rich_style("raci-matrix--cursor")
        corner = _("item") if line == HEADER_LINES - 1 else ""
        segments = [Segment(f"{corner:<{self.item_width}}", style)]
        for column in visible:
            segments.append(Segment(f"{self.headers[column][line]:<{self.cell_width - 1}} ",
                                    cursor if column == self.cursor[0] else style))
        return segments

    def _row(self, row: int, visible: range) -> list[Segment]:
        assert self.model is not None
        item = self.rows[row]
        on_cursor_line = row == self.cursor[1]
        base = (self.get_component_rich_style("raci-matrix--cursor-line")
                if on_cursor_line else self.rich_style)
        level = self.index.worst_level(item.id)
        mark = (Segment(MARKS[level] + " ", self.get_component_rich_style(f"raci-matrix--{level}"))
                if level else Segment(NO_MARK, base))
        name, room = _on_a_line(item.name), self.item_width - len(NO_MARK)
        if len(name) > room - 1:
            name = name[: room - 2] + "…"
        segments = [mark, Segment(f"{name:<{room}}", base)]
        for column in visible:
            letters = self.model.letters_of(item.id, self.columns[column].id)
            letter = cell_text(letters)
            style = base
            if letters:  # an A/R cell takes A's colour
                style = base + _foreground(
                    self.get_component_rich_style(f"raci-matrix--letter-{letters[0].lower()}"))
            if on_cursor_line and column == self.cursor[0]:
                style = self.get_component_rich_style("raci-matrix--cursor")
            segments.append(Segment(f"{letter or '·':^{self.cell_width}}", style))
        return segments

    # ---- moving ------------------------------------------------------------------

    def action_move(self, columns: int, rows: int) -> None:
        column, row = self.cursor
        column = max(0, min(len(self.columns) - 1, column + columns))
        row = max(0, min(len(self.rows) - 1, row + rows))
        self._put_cursor(column, row)

    def go_to(self, column: int, row: int) -> None:
        self._put_cursor(column, row)

    def action_page(self, pages: int) -> None:
        """Move the cursor and the rows shown by a screenful, as a pager does."""
        shown_rows = self._shown_rows()
        column, row = self.cursor
        row = max(0, min(len(self.rows) - 1, row + pages * shown_rows))
        top = max(0, min(len(self.rows) - shown_rows, self.scroll_offset.y + pages * shown_rows))
        self._put_cursor(column, row, top)

    def _shown_rows(self) -> int:
        """Rows on screen: not the header, nor a line under the scrollbar."""
        return max(1, self.scrollable_content_region.height - HEADER_LINES)

    def _put_cursor(self, column: int, row: int, top: int | None = None) -> None:
        """Put the cursor on a cell, scrolling as little as shows it (or to row `top`)."""
        self.cursor = (column, row)
        scroll_x, scroll_y = self.scroll_offset
        if top is not None:
            scroll_y = top
        room = self.scrollable_content_region.width - self.item_width
        shown_columns = max(1, room // self.cell_width)
        shown_rows = self._shown_rows()
        if column * self.cell_width < scroll_x:
            scroll_x = column * self.cell_width
        elif column >= scroll_x // self.cell_width + shown_columns:
            scroll_x = (column - shown_columns + 1) * self.cell_width
        if row < scroll_y:
            scroll_y = row
        elif row >= scroll_y + shown_rows:
            scroll_y = row - shown_rows + 1
        self.scroll_to(scroll_x, scroll_y, animate=False, force=True)
        self.refresh()
        self.post_message(self.CursorMoved())

    def _cell_at(self, x: int, y: int) -> tuple[int | None, int | None]:
        """(column, row) under a point of the widget; None where it is no column or row."""
        scroll_x, scroll_y = self.scroll_offset
        column = scroll_x // self.cell_width + (x - self.item_width) // self.cell_width
        row = scroll_y + y - HEADER_LINES
        return (column if x >= self.item_width and column < len(self.columns) else None,
                row if y >= HEADER_LINES and row < len(self.rows) else None)

    def on_click(self, event: events.Click) -> None:
        column, row = self._cell_at(event.x, event.y)
        if column is not None and row is not None:
            self._put_cursor(column, row)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """The full name of the actor, and of the item, under the mouse."""
        column, row = self._cell_at(event.x, event.y)
        names = []
        if row is not None:
            names.append(f"{self.rows[row].name} ({self.rows[row].id})")
        if column is not None:
            names.append(f"{self.columns[column].name} ({self.columns[column].id})")
        self.tooltip = " × ".join(names) or None

    # ---- editing -----------------------------------------------------------------

    def action_set_letter(self, letter: str) -> None:
        cell = self.cursor_cell
        if cell is None or self.model is None or not raci_app(self).may_edit():
            return
        item, actor = cell
        letters = parse_cell(letter)
        if self.model.letters_of(item.id, actor.id) == letters:
            return
        change = set_cells(self.model, {(item.id, actor.id): letters})
        summary = Said(N_("{letters} for {actor} on {item}"),
                       letters=cell_text(letters), actor=label(self.model, actor.id),
                       item=label(self.model, item.id))
        self.post_message(ChangeRequested(change, summary, quiet=True))

    def action_clear(self) -> None:
        cell = self.cursor_cell
        if cell is None or self.model is None or not raci_app(self).may_edit():
            return
        item, actor = cell
        letters = self.model.letters_of(item.id, actor.id)
        if letters:
            self.post_message(ChangeRequested(
                set_cells(self.model, {(item.id, actor.id): ()}),
                Said(N_("Cleared {letters} of {actor} on {item}"),
                     letters=cell_text(letters), actor=label(self.model, actor.id),
                     item=label(self.model, item.id)), quiet=True))


class MatrixView(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "pick_scope", "Scope", id="matrix-scope"),
    ]

    def __init__(self) -> None:
        super().__init__(id="matrix-view")
        self.session: Session | None = None
        self.scope: str | None = None
        self.index = FindingIndex()

    def compose(self) -> ComposeResult:
        yield Static("", id="matrix-title")
        yield RaciMatrix()
        yield Static("", id="matrix-cell")
        yield Static("", id="matrix-finding")

    def model_changed(self, session: Session, change: Change | None = None) -> None:
        """Rebuild rows and columns unless the edit only changed letters."""
        self.session = session
        if self.scope is not None and self.scope not in session.model:
            self.scope = None
        matrix = self.query_one(RaciMatrix)
        if (change is None or change.put or change.delete or change.rename
                or matrix.model is not session.model):
            self._rebuild()
        else:
            matrix.refresh()
            self._show_cell()

    def _rebuild(self) -> None:
        assert self.session is not None
        from raci.export.matrix import actors_in_unit, build_matrix

        model = self.session.model
        with self.session.lock:
            matrix = build_matrix(model, self.scope)
        kind = model.kind(self.scope) if self.scope else None
        if kind == "unit":
            wanted = actors_in_unit(model, self.scope or "")
        elif kind == "body":
            body = model.bodies[self.scope or ""]
            wanted = {body.id, *body.members, *([body.chair] if body.chair else [])}
        elif kind is None:
            wanted = {e.id for k in ACTOR_ORDER for e in model.collection(k).values()}
        else:
            wanted = {c.id for c in matrix.columns}
        # Every actor of the scope gets a column, letters or not, so a first letter can be set.
        columns = [e for k in ACTOR_ORDER for e in model.collection(k).values()
                   if e.id in wanted]
        scoped_to = model.get(self.scope) if self.scope else None
        self.query_one(RaciMatrix).show(model, matrix.rows, columns,
                                        scoped_to.name if scoped_to is not None else "")
        scope = label(model, self.scope) if self.scope else _("the whole model")
        self.query_one("#matrix-title", Static).update(
            _("[b]Scope[/b] {scope} · {items} × {actors}  [dim]s: change scope[/]").format(
                scope=escape(scope), items=counted(len(matrix.rows), "item"),
                actors=counted(len(columns), "actor")))
        self._show_cell()

    def findings_changed(self, index: FindingIndex) -> None:
        self.index = index
        self.query_one(RaciMatrix).mark_findings(index)
        self._show_cell()

    def focus_main(self) -> None:
        self.query_one(RaciMatrix).focus()

    @on(RaciMatrix.CursorMoved)
    def _show_cell(self) -> None:
        """Item and actor in full (they wrap), and the item's first finding on
        one line under them, cut with "…" where it is longer."""
        matrix = self.query_one(RaciMatrix)
        cell = matrix.cursor_cell
        text = _("No items in this scope.") if cell is None else ""
        finding = ""
        if cell is not None and self.session is not None:
            item, actor = cell
            letter = cell_text(self.session.model.letters_of(item.id, actor.id)) or "·"
            text = (f"[b]{escape(item.name)}[/b] [dim]({escape(item.id)})[/] × "
                    f"[b]{escape(actor.name)}[/b] [dim]({escape(actor.id)})[/]: "
                    f"[b]{letter}[/b]")
            own = [f for f in self.index.about(item.id) if not f.waived]
            if own:
                # The count before the message, which may be cut.
                more = (" [dim]" + _("(+{n} more)").format(n=len(own) - 1) + "[/]"
                        if len(own) > 1 else "")
                finding = f"[b]{own[0].code}[/b]{more} {finding_message(own[0])}"
        self.query_one("#matrix-cell", Static).update(text)
        self.query_one("#matrix-finding", Static).update(finding)

    def searchable(self) -> Searchable:
        """The items (rows) and actors (columns) of the scope, for `/`."""
        matrix = self.query_one(RaciMatrix)
        keys: list[tuple[str, int]] = [("row", n) for n in range(len(matrix.rows))]
        keys += [("column", n) for n in range(len(matrix.columns))]
        texts = [f"{e.name} {e.id}" for e in (*matrix.rows, *matrix.columns)]
        column, row = matrix.cursor

        def go_to(key: object) -> None:
            """A row keeps the column the search began in, a column the row."""
            assert isinstance(key, tuple)
            where, number = key
            if where == "row":
                matrix.go_to(column, number)
            elif where == "column":
                matrix.go_to(number, row)
            else:
                matrix.go_to(*number)

        return Searchable(keys, texts, go_to, ("cell", (column, row)))

    def action_pick_scope(self) -> None:
        if self.session is not None:
            self.app.push_screen(ScopePicker(self.session.model), self._scope_picked)

    def _scope_picked(self, scope: str | None) -> None:
        if scope is None:
            return
        self.scope = scope or None
        self._rebuild()
        self.focus_main()
