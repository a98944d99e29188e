"""The findings: the lint result after every edit, grouped by level and rule.

A rule's findings are added to the tree when its branch opens, so thousands
of findings cost nothing until looked at. Enter on a finding shows its first
target in the explorer; the other entities it is about and those it
concerns (`related`) are lines under it, each a `down` away, and enter on
one shows that entity. A finding of a fact not recorded (DAT001) is about
no entity: enter explains it and offers to declare it in `org.not_recorded`.
`w` waives a finding, where its rule can be waived. The rules not run, for
a fact not recorded, are named above the tree, as `raci lint` names them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import ClassVar, Literal

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from raci.i18n import N_, Said, _, format_count
from raci.lint.engine import effective_as_of
from raci.lint.findings import LEVELS, WAIVED, Finding, FindingIndex
from raci.lint.message import localized
from raci.lint.output import not_run_text
from raci.lint.ruledoc import rule_doc
from raci.lint.rules import find_rule
from raci.lint.rules.data import fact_not_recorded
from raci.model import Waiver
from raci.model.changes import Change
from raci.tui.describe import label, labels
from raci.tui.markup import finding_message, inline_markdown
from raci.tui.messages import ChangeRequested, EntityChosen, raci_app
from raci.tui.session import Session
from raci.tui.widgets.explorer import VIM_KEYS, every_node
from raci.tui.widgets.fact_modal import FactScreen
from raci.tui.widgets.search import Searchable
from raci.tui.widgets.waiver_modal import WaiverForm
from raci.tui.widgets.waivers import WaiversScreen, waiver_of, with_waiver
from raci.vocabulary import FACT_WORDS, LEVEL_NAMES, Words, counted

GROUP_STYLES = {"error": "$error", "warning": "$warning", "info": "$primary",
                WAIVED: "$text-muted"}
LINK_WORDS = Words({"about": N_("about"), "related": N_("related")})
"""How a line under a finding names its entity: one it is about, or one it concerns."""
OPEN_ALL_UP_TO = 40
"""With this many findings or fewer, every rule starts open, so the messages show at once."""
OPEN_LINKS_UP_TO = 5
"""A finding with this many entities under it or fewer shows them at once;
one with more shows them when opened (space)."""


@dataclass(frozen=True)
class Link:
    """A line under a finding: an entity it is about (after the first) or concerns."""

    finding: Finding
    entity_id: str
    role: Literal["about", "related"]


NodeData = Finding | Link | str


def links(finding: Finding) -> list[Link]:
    """The entities under a finding: its targets when more than one, then its
    related ones. Those of a fact not recorded are no entities."""
    if finding.code == fact_not_recorded.code:
        return []
    about = finding.targets if len(finding.targets) > 1 else ()
    return [*(Link(finding, target, "about") for target in about),
            *(Link(finding, entity_id, "related") for entity_id in finding.related)]


class FindingsTree(Tree[NodeData]):
    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS

    def on_resize(self) -> None:
        """Keep the cursor row in sight: the detail under the tree grows with
        a longer finding, and takes rows of the tree, that one among them."""
        if self.cursor_line >= 0:
            self.scroll_to_line(self.cursor_line, animate=False)


class FindingsView(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        # Before the tree's own enter, so that the footer shows it.
        Binding("enter", "go_to", "Go to", id="go-to-finding", priority=True),
        Binding("w", "waive", "Waive", id="waive-finding"),
        Binding("W", "show_waivers", "Waivers", id="show-waivers"),
        Binding("f", "suggest", "Suggestions", id="suggest-fixes"),
    ]

    def __init__(self) -> None:
        super().__init__(id="findings-view")
        self.session: Session | None = None
        self.index = FindingIndex()
        self.findings: list[Finding] = []
        """The findings as shown (a copy: the index changes with each lint)."""
        self.groups: dict[tuple[str, str], list[Finding]] = {}
        self.drawn = False
        """Whether findings are shown (before, the title says they are being linted)."""

    def compose(self) -> ComposeResult:
        yield Static(_("Linting…"), id="findings-title")
        yield Static("", id="findings-not-run")
        tree: Tree[NodeData] = FindingsTree("findings", id="findings-tree")
        tree.show_root = False
        yield tree
        # The whole finding, however long: it grows, up to half the view, then scrolls.
        with VerticalScroll(id="finding-detail-pane", can_focus=False):
            yield Static("", id="finding-detail")

    def model_changed(self, session: Session, change: Change | None = None) -> None:
        self.session = session
        if self.drawn:  # the findings shown wait for the edit's
            self._show_title()

    def focus_main(self) -> None:
        self.query_one("#findings-tree", Tree).focus()

    def findings_changed(self, index: FindingIndex) -> None:
        self.index, self.drawn = index, True
        self.findings = list(index.findings)
        groups: dict[tuple[str, str], list[Finding]] = defaultdict(list)
        for finding in self.findings:
            groups[(WAIVED if finding.waived else finding.level, finding.code)].append(finding)
        self.groups = dict(sorted(groups.items()))
        counts = {level: index.counts[level] for level in (*LEVELS, WAIVED)}
        self._show_title()
        not_run = raci_app(self).not_run
        line = self.query_one("#findings-not-run", Static)
        line.update(escape(_("Not run: {rules}").format(rules=not_run_text(not_run)))
                    if not_run else "")
        line.display = bool(not_run)
        # Drawn once whole: never a level with another's rules, or one missing.
        with self.app.batch_update():
            self._fill_tree(counts)
        # The tree is filled anew: the line under it follows the cursor's new line.
        tree: Tree[NodeData] = self.query_one("#findings-tree", Tree)
        self.call_after_refresh(
            lambda: self._show_detail(None if tree.cursor_node is None else tree.cursor_node.data))

    def _show_title(self) -> None:
        """The counts, and whether they wait for an edit's findings (the
        lint of a national model takes a moment): the tree under it is the
        last lint's, whole, until the next one is drawn."""
        counts = self.index.counts
        title = " · ".join(counted(counts[level], level,
                                   f"[b {GROUP_STYLES[level]}]{format_count(counts[level])}[/]")
                           for level in (*LEVELS, WAIVED))
        if self.session is not None and self.session.edits_unlinted():
            title += "  [b $warning]" + _("updating…") + "[/]"
        self.query_one("#findings-title", Static).update(
            title + "  [dim]" + _("enter: go to · w: waive · W: waivers") + "[/]")

    def _fill_tree(self, counts: dict[str, int]) -> None:
        tree: Tree[NodeData] = self.query_one("#findings-tree", Tree)
        was_open = {str(n.data) for n in every_node(tree.root) if n.is_expanded}
        if not was_open:
            was_open = {f"level:{level}" for level in LEVELS}
            if sum(counts.values()) <= OPEN_ALL_UP_TO:
                was_open |= {f"rule:{level}:{code}" for level, code in self.groups}
        tree.clear()
        if not any(counts.values()):  # rather than an empty tree
            tree.root.add_leaf(_("No findings"))
        for level in (*LEVELS, WAIVED):
            if not counts[level]:
                continue
            level_node = tree.root.add(f"[b {GROUP_STYLES[level]}]{LEVEL_NAMES[level]}[/] "
                                       f"({format_count(counts[level])})",
                                       data=f"level:{level}")
            for (group_level, code), found in self.groups.items():
                if group_level != level:
                    continue
                count = format_count(len(found))
                rule_node = level_node.add(f"[b]{code}[/b] {found[0].name} ({count})",
                                           data=f"rule:{level}:{code}")
                if rule_node.data in was_open:
                    self._fill_rule(rule_node)
                    rule_node.expand()
            if level_node.data in was_open:
                level_node.expand()

    def _fill_rule(self, node: TreeNode[NodeData]) -> None:
        if node.children or not isinstance(node.data, str):
            return
        level, code = node.data.split(":", 2)[1:]
        model = None if self.session is None else self.session.model
        for finding in self.groups.get((level, code), []):
            under = links(finding)
            if not under or model is None:
                node.add_leaf(finding_message(finding), data=finding)
                continue
            found = node.add(finding_message(finding), data=finding,
                             expand=len(under) <= OPEN_LINKS_UP_TO)
            for link in under:
                found.add_leaf(f"[dim]→ {LINK_WORDS[link.role]}:[/] "
                               f"{escape(label(model, link.entity_id))}", data=link)

    @on(Tree.NodeExpanded, "#findings-tree")
    def _expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        if isinstance(event.node.data, str) and event.node.data.startswith("rule:"):
            self._fill_rule(event.node)

    @on(Tree.NodeHighlighted, "#findings-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        self._show_detail(event.node.data)

    def _show_detail(self, data: NodeData | None) -> None:
        """The whole message under the tree, since a narrow tree cuts it, and
        what it is about and concerns; on a rule, what it finds and how to fix it."""
        text = ""
        finding = data.finding if isinstance(data, Link) else data
        if isinstance(finding, Finding):
            text = f"[b]{finding.code}[/b] {finding_message(finding)}"
            if finding.waived and finding.waiver_reason:
                text += " [dim]" + escape(_("(waived: {reason})").format(
                    reason=finding.waiver_reason)) + "[/]"
            text += self._entities_line(finding)
        elif isinstance(finding, str) and finding.startswith("rule:"):
            rule = find_rule(finding.rsplit(":", 1)[1])
            if rule is not None:
                doc = rule_doc(rule)
                text = (f"[b]{rule.code}[/b] {inline_markdown(doc.summary)} [dim]"
                        + _("How to fix: {fix}").format(fix=inline_markdown(doc.fix)) + "[/]")
        self.query_one("#finding-detail", Static).update(text)
        self.query_one("#finding-detail-pane").scroll_home(animate=False)


    def _entities_line(self, finding: Finding) -> str:
        if self.session is None or finding.code == fact_not_recorded.code:
            return ""
        model = self.session.model
        line = f"\n[dim]{LINK_WORDS['about']}:[/] {escape(labels(model, finding.targets))}"
        if finding.related:
            line += (f" [dim]· {LINK_WORDS['related']}:[/] "
                     f"{escape(labels(model, finding.related))}")
        return line

    @on(Tree.NodeSelected, "#findings-tree")
    def _selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        self._go_to(event.node.data)

    def _finding_under_cursor(self) -> Finding | None:
        """The finding on the cursor's line, or whose entity's line it is on."""
        node = self.query_one("#findings-tree", Tree).cursor_node
        data = None if node is None else node.data
        return data.finding if isinstance(data, Link) else (
            data if isinstance(data, Finding) else None)

    def action_go_to(self) -> None:
        """Show the finding's entity (or the one on a line under it); on a level
        or a rule, open or close it."""
        tree = self.query_one("#findings-tree", Tree)
        data = None if tree.cursor_node is None else tree.cursor_node.data
        if isinstance(data, Finding | Link):
            self._go_to(data)
        else:
            tree.action_select_cursor()

    def _go_to(self, data: NodeData | None) -> None:
        if isinstance(data, Link):
            self.post_message(EntityChosen(data.entity_id))
        elif isinstance(data, Finding) and data.code == fact_not_recorded.code:
            self._explain_fact(data)
        elif isinstance(data, Finding):
            self.post_message(EntityChosen(data.targets[0]))

    def _explain_fact(self, finding: Finding) -> None:
        """A fact not recorded: what it means; declared in `org.not_recorded` when asked."""
        fact = finding.targets[0]

        def declare(yes: bool | None) -> None:
            if not yes or self.session is None or not raci_app(self).may_edit():
                return
            org = self.session.model.org
            if fact not in org.not_recorded:
                self.post_message(ChangeRequested(
                    Change(org=replace(org, not_recorded=[*org.not_recorded, fact])),
                    Said(N_("Declared {fact} not recorded: DAT001 no longer reports it"),
                         fact=FACT_WORDS.said(fact))))

        self.app.push_screen(FactScreen(fact, finding.message), declare)

    def action_waive(self) -> None:
        """Waive the finding under the cursor; one already waived opens its waiver."""
        if not raci_app(self).may_edit():
            return
        finding = self._finding_under_cursor()
        if finding is None or self.session is None:
            self.notify(_("Put the cursor on a finding to waive it"), severity="warning",
                        timeout=3)
            return
        rule = find_rule(finding.code)
        if finding.code == fact_not_recorded.code:  # the app's way, not the command line's
            self.notify(_("{code} cannot be waived: record the fact in the model, or press "
                          "enter on this finding to declare it not recorded (in "
                          "org.not_recorded).").format(
                              code=finding.code), severity="warning", timeout=8)
            return
        if rule is not None and not rule.waivable:
            # What the rule's documentation says instead: record the fact, say...
            self.notify(inline_markdown(rule_doc(rule).waiving), severity="warning", timeout=8)
            return
        session = self.session
        model = session.model
        number = waiver_of(model.waivers, finding)
        if number is None:
            waiver = Waiver(rule=finding.code, target=list(finding.targets), reason="")
        else:
            waiver = model.waivers[number]
            self.notify(_("This finding has a waiver already: change it here, or remove it "
                          "in the waivers (W)"), timeout=5)

        def waived(new: Waiver | None) -> None:
            if new is None or new == waiver:
                return
            said = N_("Waived {rule} on {targets}") if number is None else \
                N_("Changed the waiver of {rule} on {targets}")
            self.post_message(ChangeRequested(
                Change(waivers=with_waiver(session.model.waivers, number, new)),
                Said(said, rule=new.rule, targets=labels(session.model, new.target))))

        as_of = effective_as_of(model, session.config)
        self.app.push_screen(WaiverForm(model, waiver, as_of, about=finding_message(finding),
                                        editing=number is not None), waived)

    def searchable(self) -> Searchable:
        """Every finding, by code, rule name and message, for `/`."""
        current = self._finding_under_cursor()

        def go_to(number: object) -> None:
            assert isinstance(number, int)
            self.show_finding(self.findings[number])

        said = [f"{f.code} {f.name} {localized(f.message)}" for f in self.findings]
        return Searchable(range(len(self.findings)), said, go_to,
                          None if current is None else self.findings.index(current))

    def show_finding(self, finding: Finding) -> None:
        """Put the cursor on a finding, opening its level and rule."""
        tree: Tree[NodeData] = self.query_one("#findings-tree", Tree)
        level = WAIVED if finding.waived else finding.level
        for level_node in tree.root.children:
            if level_node.data != f"level:{level}":
                continue
            level_node.expand()
            for rule_node in level_node.children:
                if rule_node.data == f"rule:{level}:{finding.code}":
                    self._fill_rule(rule_node)
                    rule_node.expand()
                    node = next((n for n in rule_node.children if n.data is finding), None)
                    if node is not None:
                        self.call_after_refresh(tree.move_cursor, node)

    def action_suggest(self) -> None:
        """The suggestions for the finding under the cursor (`raci.tui.screens.suggestions`)."""
        finding = self._finding_under_cursor()
        if finding is None:
            self.notify(_("Put the cursor on a finding to see its suggestions"), severity="warning",
                        timeout=3)
        else:
            raci_app(self).show_suggestions(finding)

    def action_show_waivers(self) -> None:
        if self.session is not None:
            as_of = effective_as_of(self.session.model, self.session.config)
            self.app.push_screen(WaiversScreen(self.session, self.index, as_of))
