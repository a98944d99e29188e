"""The explorer: a tree of the model by kind, and the selected entity's detail.

Units nest under their parent unit and goals under their parent goal. The
tree fills a branch only when it is opened, so a model of thousands of
entities paints at once. Choosing a relation in the detail pane moves to
that entity; `backspace` goes back.
"""

from __future__ import annotations

import re
from typing import ClassVar, TypeVar

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static, Tree
from textual.widgets.option_list import Option
from textual.widgets.tree import TreeNode

from raci.i18n import N_, Said, _, format_count, format_date
from raci.lint.findings import FindingIndex
from raci.model import KINDS, Entity
from raci.model.changes import Change, removal
from raci.model.naming import name_key_spaced
from raci.tui.describe import field_lines, in_words, label, relations
from raci.tui.markup import finding_message
from raci.tui.messages import ChangeRequested, raci_app
from raci.tui.session import Session
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.rename_modal import RenameForm
from raci.tui.widgets.search import Searchable
from raci.vocabulary import FIELD_LABELS, KIND_NAMES, KIND_TITLES, counted

KIND_PREFIX = "[kind]"
PAGE_PREFIX = "[page]"
"""The data of a node that is no entity: a kind, or a page of a long branch
(an id never holds a bracket)."""
PAGE_SIZE = 200
"""A branch of more entities than this shows them in pages of this many: opening
the people of a national model (21,500) adds 108 pages at once, not 21,500 lines,
and a jump to one of them fills the 200 lines of its page (500 took twice as long)."""
DIGITS = re.compile(r"(\d+)")
NESTED_KINDS = ("unit", "goal")
"""Kinds shown as a tree under their parent."""
NodeData = TypeVar("NodeData")
VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="down-j"),
    Binding("k", "cursor_up", "Up", show=False, id="up-k"),
]
"""`j` and `k` move in a list or tree, as in a pager or vi."""
LEVEL_MARKS = {"error": "[b $error]●[/]", "warning": "[b $warning]●[/]",
               "info": "[b $primary]●[/]"}


def entity_of(data: str | None) -> str | None:
    """The entity a node of the model tree shows, or None (a kind or a page)."""
    return None if data is None or data.startswith("[") else data


class ModelTree(Tree[str]):
    """Kinds with counts; units and goals nest under their parent; a long
    branch shows its entities in pages (`PAGE_SIZE`)."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS

    def __init__(self) -> None:
        super().__init__("model", id="model-tree")
        self.show_root = False
        self.session: Session | None = None
        self.entity_nodes: dict[str, TreeNode[str]] = {}
        self.tops: dict[str, set[str]] = {}
        """Nested kind -> the ids shown at its top: no parent, or where a parent cycle is cut."""
        self.paged: dict[str, list[str]] = {}
        """The data of a branch shown in pages -> the ids of all its entities, in order."""

    def show_model(self, session: Session, focus: str | None) -> None:
        """Rebuild for a changed model, keeping open branches and the cursor on `focus`."""
        self.session = session
        highlighted = focus or (self.cursor_node.data if self.cursor_node else None)
        was_open = {n.data for n in every_node(self.root) if n.is_expanded}
        self.clear()
        self.entity_nodes, self.tops, self.paged = {}, {}, {}
        for kind in KINDS:
            count = len(session.model.collection(kind))
            self.root.add(f"{KIND_TITLES[kind]} ({format_count(count)})", data=KIND_PREFIX + kind,
                          allow_expand=count > 0)
        waiting = list(self.root.children)
        while waiting:
            node = waiting.pop()
            if node.data in was_open:
                self.fill(node)
                node.expand()
                waiting.extend(node.children)
        # Clearing leaves no cursor; without one, enter would do nothing.
        self.move_to(highlighted or KIND_PREFIX + next(iter(KINDS)))

    def fill(self, node: TreeNode[str]) -> None:
        """Add the children of a kind, of a unit or goal, or of a page, once."""
        assert self.session is not None and node.data is not None
        if node.children:
            return
        if node.data.startswith(PAGE_PREFIX):
            number, branch = node.data.removeprefix(PAGE_PREFIX).split(":", 1)
            start = int(number) * PAGE_SIZE
            self._add_entities(node, self.paged[branch][start:start + PAGE_SIZE])
            return
        ids = self._child_ids(node.data)
        if len(ids) <= PAGE_SIZE:
            self._add_entities(node, ids)
        else:
            # By name: a page named "Hugo Dijkstra … Ruben de Wit" holds the
            # names between, as a phone book's page does.
            entities = self.session.model.collection(self.kind_at(node.data))
            ids.sort(key=lambda entity_id: reading_order(entities[entity_id].name, entity_id))
            self.paged[node.data] = ids
            self._add_pages(node, ids)

    def _add_pages(self, node: TreeNode[str], ids: list[str]) -> None:
        """A page for each `PAGE_SIZE` of `ids`, named by its range, then its first
        and last entity (the names may be cut in a narrow tree, the range not)."""
        assert self.session is not None and node.data is not None
        model = self.session.model
        for number, first in enumerate(range(0, len(ids), PAGE_SIZE)):
            last = min(first + PAGE_SIZE, len(ids)) - 1
            names = [e.name for e in map(model.get, (ids[first], ids[last])) if e]
            span = f"{format_count(first + 1)}–{format_count(last + 1)}"
            # A Text, not markup, as an entity's line (`_add_entities`).
            node.add(Text.assemble((span, "dim"), " ", " … ".join(names)),
                     data=f"{PAGE_PREFIX}{number}:{node.data}")

    def _child_ids(self, data: str) -> list[str]:
        """The ids shown under a kind, or under a unit or goal."""
        assert self.session is not None
        if not data.startswith(KIND_PREFIX):
            return self._children(data)
        kind = data.removeprefix(KIND_PREFIX)
        collection = self.session.model.collection(kind)
        if kind not in NESTED_KINDS:
            return list(collection)
        tops = self._tops(kind)
        return [entity_id for entity_id in collection if entity_id in tops]

    def _add_entities(self, node: TreeNode[str], ids: list[str]) -> None:
        assert self.session is not None
        model = self.session.model
        for entity_id in ids:
            entity = model.get(entity_id)
            assert entity is not None
            # A Text, not markup: parsing markup was most of a page's 500 lines.
            self.entity_nodes[entity_id] = node.add(
                Text.assemble(entity.name, " ", (entity_id, "dim")), data=entity_id,
                allow_expand=bool(self._children(entity_id)))

    def _children(self, entity_id: str) -> list[str]:
        """The units or goals whose parent is `entity_id` and that are not shown at the top."""
        assert self.session is not None
        model = self.session.model
        kind = model.kind(entity_id)
        if kind not in NESTED_KINDS:
            return []
        tops = self._tops(kind)
        return [r.source for r in model.references_to(entity_id)
                if r.field == "parent" and model.kind(r.source) == kind and r.source not in tops]

    def _tops(self, kind: str) -> set[str]:
        """Who is shown at the top of a nested kind, so that everyone is shown exactly once.

        Those without a parent in the model, and then, for parents that loop,
        the first of each loop not yet reached.
        """
        if kind in self.tops:
            return self.tops[kind]
        assert self.session is not None
        model = self.session.model
        collection = model.collection(kind)
        tops = {i for i, e in collection.items() if _parent(e) not in collection}
        self.tops[kind] = tops
        reached: set[str] = set()
        for entity_id in [*tops, *collection]:
            if entity_id in reached:
                continue
            tops.add(entity_id)
            waiting = [entity_id]
            while waiting:
                current = waiting.pop()
                reached.add(current)
                waiting.extend(c for c in self._children(current) if c not in reached)
        return tops

    def kind_at(self, data: str) -> str:
        """The kind of what a node shows: an entity's, a kind's, a page's."""
        assert self.session is not None
        if data.startswith(PAGE_PREFIX):
            return self.kind_at(data.removeprefix(PAGE_PREFIX).split(":", 1)[1])
        return self.session.model.kind(data) or data.removeprefix(KIND_PREFIX)

    def move_to(self, data: str) -> None:
        """Put the cursor on an entity (opening the branches and page above it) or on a kind."""
        if self.session is None:
            return
        kind = self.session.model.kind(data)
        if kind is None:
            node = next((n for n in self.root.children if n.data == data), None)
        else:
            node = self._open_down_to(kind, data)
        if node is not None:
            self.call_after_refresh(self._select, node)

    def _open_down_to(self, kind: str, entity_id: str) -> TreeNode[str] | None:
        branch = next(n for n in self.root.children if n.data == KIND_PREFIX + kind)
        for below in [*reversed(self._ancestors(kind, entity_id)), entity_id]:
            self.fill(branch)
            branch.expand()
            if branch.data in self.paged:
                page = branch.children[self.paged[branch.data].index(below) // PAGE_SIZE]
                self.fill(page)
                page.expand()
            found = self.entity_nodes.get(below)
            if found is None:
                return None
            branch = found
        return branch

    def _ancestors(self, kind: str, entity_id: str) -> list[str]:
        """The parents of a unit or goal up to the one shown at the top, nearest first."""
        if kind not in NESTED_KINDS:
            return []
        assert self.session is not None
        collection = self.session.model.collection(kind)
        tops, found, current = self._tops(kind), [], entity_id
        while current not in tops:
            current = _parent(collection[current])
            found.append(current)
        return found

    def _select(self, node: TreeNode[str]) -> None:
        self.move_cursor(node)
        self.scroll_to_node(node, animate=False)

    @on(Tree.NodeExpanded)
    def _expanded(self, event: Tree.NodeExpanded[str]) -> None:
        self.fill(event.node)


def reading_order(name: str, entity_id: str) -> tuple[list[str | int], str]:
    """Where a name comes in a list sorted for reading: case and accents
    aside, numbers by their value ("Team 2" before "Team 10"), the id last."""
    parts = DIGITS.split(name_key_spaced(name))
    return [int(part) if number % 2 else part for number, part in enumerate(parts)], entity_id


def _parent(entity: Entity) -> str:
    """The parent of a unit or goal ("" when none)."""
    return getattr(entity, "parent", None) or ""


def every_node(root: TreeNode[NodeData]) -> list[TreeNode[NodeData]]:
    """Every node under `root`, without recursion."""
    found, waiting = [], list(root.children)
    while waiting:
        node = waiting.pop()
        found.append(node)
        waiting.extend(node.children)
    return found


class ChoiceList(OptionList):
    """A list to choose from, moved in with `j` and `k` too."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS


class EntityDetail(Vertical):
    """Name, findings, fields and relations of one entity; relations are choosable.

    The findings come first, under the name: they are what the designer came
    for, and a body's fields (its members) are long. What does not fit above
    the relations scrolls.
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="entity-scroll", can_focus=False):
            yield Static(_("Select an entity."), id="entity-fields")
        yield ChoiceList(id="relations")

    def show(self, session: Session, entity_id: str | None, index: FindingIndex) -> None:
        fields_view = self.query_one("#entity-fields", Static)
        options = self.query_one("#relations", OptionList)
        options.clear_options()
        model = session.model
        entity = model.get(entity_id) if entity_id else None
        options.display = entity is not None
        self.set_class(entity is None, "-overview")  # the start text may take the pane
        if entity is None:
            fields_view.update(_org_summary(session, raci_app(self).read_only))
            return
        kind = KIND_NAMES[model.kind(entity.id) or ""]
        lines = [f"[b]{escape(entity.name)}[/b]  [dim]{kind} {entity.id}[/]"]
        own = index.about(entity.id)
        if own:
            lines.append("[b]" + _("Findings") + "[/b]")
            lines += [f" {LEVEL_MARKS[f.level]} {f.code} {finding_message(f)}"
                      + (" [dim](" + _("waived") + ")[/]" if f.waived else "") for f in own]
        lines += [f"[b]{escape(name)}[/b]: {escape(value)}"
                  for name, value in field_lines(model, entity) if name not in ("id", "name")]
        fields_view.update("\n".join(lines))
        self.query_one("#entity-scroll").scroll_home(animate=False)
        options.add_options(
            Option(escape(relation.label), id=f"{number}:{relation.target}")
            for number, relation in enumerate(relations(model, entity.id))
        )
        options.border_title = _("Relations ({count})").format(count=options.option_count)


class ExplorerView(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "add", "New", id="add-entity"),
        Binding("e", "edit", "Edit", id="edit-entity"),
        Binding("d", "delete", "Delete", id="delete-entity"),
        Binding("backspace", "back", "Back", id="back"),
        Binding("r", "rename", "Rename", id="rename-entity"),
        Binding("o", "app.edit_org", "Organisation", id="edit-org",
                tooltip="The organisation: name, description, as-of date, facts not recorded"),
    ]

    def __init__(self) -> None:
        super().__init__(id="explorer-view")
        self.session: Session | None = None
        self.index = FindingIndex()
        self.current: str | None = None
        self.history: list[str] = []

    def compose(self) -> ComposeResult:
        yield ModelTree()
        yield EntityDetail(id="detail")

    # ---- told by the app --------------------------------------------------------

    def model_changed(self, session: Session, change: Change | None = None) -> None:
        """Rebuild the tree unless the edit left every entity as it was (letters, waivers)."""
        self.session = session
        if change is None or change.put or change.delete or change.rename:
            self.query_one(ModelTree).show_model(session, self.current)
        self._show_detail()

    def findings_changed(self, index: FindingIndex) -> None:
        self.index = index
        self._show_detail()

    def focus_main(self) -> None:
        self.query_one(ModelTree).focus()

    def show_entity(self, entity_id: str, *, remember: bool = True) -> None:
        """Move to an entity; `backspace` comes back to the one shown before."""
        if remember and self.current is not None and self.current != entity_id:
            self.history.append(self.current)
        self.current = entity_id
        self.query_one(ModelTree).move_to(entity_id)
        self._show_detail()

    def _show_detail(self) -> None:
        if self.session is not None:
            self.query_one(EntityDetail).show(self.session, self.current, self.index)

    # ---- events ------------------------------------------------------------------

    def on_mount(self) -> None:
        # Watched, not told by `Tree.NodeHighlighted`: that message is handled
        # after a key typed right behind the move, and `j d` deleted the entity
        # the cursor had left.
        tree = self.query_one(ModelTree)
        self.watch(tree, "cursor_line", lambda: self._cursor_moved(tree), init=False)

    def _cursor_moved(self, tree: ModelTree) -> None:
        # On a kind or a page there is no entity: `e` and `d` must not act on
        # the one left behind.
        node = tree.cursor_node
        entity_id = entity_of(node.data if node else None)
        if entity_id != self.current:
            self.current = entity_id
            self._show_detail()

    @on(OptionList.OptionSelected, "#relations")
    def _relation_chosen(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.show_entity(event.option.id.split(":", 1)[1])
        self.focus_main()

    # ---- actions -----------------------------------------------------------------

    def _selected_kind(self) -> str:
        tree = self.query_one(ModelTree)
        node = tree.cursor_node
        if node is None or node.data is None or self.session is None:
            return "unit"
        return tree.kind_at(node.data)

    def action_add(self, kind: str = "") -> None:
        if self.session is None or not raci_app(self).may_edit():
            return
        form = EntityForm(self.session, kind or self._selected_kind(), None)
        self.app.push_screen(form, self._form_done)

    def action_edit(self) -> None:
        if not raci_app(self).may_edit():
            return
        if self.session is None or self.current is None or self.current not in self.session.model:
            self.notify(_("Select an entity to edit"), severity="warning", timeout=3)
            return
        kind = self.session.model.kind(self.current)
        assert kind is not None
        form = EntityForm(self.session, kind, self.session.model.get(self.current))
        self.app.push_screen(form, self._form_done)

    def _form_done(self, result: tuple[str, ChangeRequested] | None) -> None:
        if result is not None:
            entity_id, request = result
            if self.current is not None and self.current != entity_id:
                self.history.append(self.current)
            self.current = entity_id
            self.post_message(request)

    def action_delete(self) -> None:
        if not raci_app(self).may_edit():
            return
        if self.session is None or self.current not in self.session.model:
            self.notify(_("Select an entity to delete"), severity="warning", timeout=3)
            return
        assert self.current is not None
        model = self.session.model
        change = removal(model, self.current)
        deleted = self.current
        summary = Said(N_("Deleted {kind} {entity}"),
                       kind=KIND_NAMES.said(model.kind(deleted) or ""),
                       entity=label(model, deleted))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.post_message(ChangeRequested(change, summary))
                self.current = None

        self.app.push_screen(ConfirmDelete(model, deleted, change), confirmed)

    def action_rename(self) -> None:
        """A new id for the entity shown, everywhere it is named."""
        if not raci_app(self).may_edit():
            return
        if self.session is None or self.current not in self.session.model:
            self.notify(_("Select an entity to rename"), severity="warning", timeout=3)
            return
        assert self.current is not None
        model, old = self.session.model, self.current

        def renamed(new: str | None) -> None:
            if new is not None:
                summary = Said(N_("Renamed {entity} to {id}"), entity=label(model, old), id=new)
                self.current = new
                self.post_message(ChangeRequested(Change(rename=(old, new)), summary))

        self.app.push_screen(RenameForm(model, old), renamed)

    def action_back(self) -> None:
        if self.history:
            self.show_entity(self.history.pop(), remember=False)

    def searchable(self) -> Searchable | None:
        """Every entity, by name and id, for `/`."""
        if self.session is None:
            return None
        entities = list(self.session.model.entities())
        return Searchable([e.id for e in entities], [f"{e.name} {e.id}" for e in entities],
                          lambda entity_id: self.show_entity(str(entity_id), remember=False),
                          self.current)


def _org_summary(session: Session, read_only: bool) -> str:
    """What the detail pane shows before an entity is chosen: read-only, no
    keys that would be refused."""
    org = session.model.org
    lines = [f"[b]{escape(org.name)}[/b]"]
    if org.description:
        lines.append(escape(org.description))
    if org.as_of:
        lines.append(f"[b]{FIELD_LABELS['as_of']}[/b]: {format_date(org.as_of)}")
    lines.append(_("{entities}, {assignments}").format(
        entities=counted(len(session.model), "entity"),
        assignments=counted(len(session.model.assignments), "assignment")))
    if org.not_recorded:
        lines.append(f"[b]{FIELD_LABELS['not_recorded']}[/b]: "
                     f"{', '.join(in_words(f) for f in org.not_recorded)}")
    if read_only:
        lines.append(_("Open a kind on the left (enter) and choose an entity; [b]?[/b] lists "
                       "every key. Read-only: nothing can be changed here."))
    else:
        lines.append(_("Open a kind on the left (enter) and choose an entity; "
                       "[b]n[/b] adds one of the selected kind, [b]o[/b] changes the "
                       "organisation, [b]?[/b] lists every key."))
    return "\n".join(lines)
