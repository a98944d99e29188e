"""What a user still met in the app, in Dutch at 80 × 24: a body's findings
cut under its relations, the findings pane's keys in the palette's footer,
letters on a findings group acting on the explorer, English words and
`[error]` in the review and suggestions; and the copy suggestions are tried
on, which must leave the app's model alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from apphelp import (
    findings_tree,
    loaded,
    said,
    screen_text,
    stored,
    suggestions_tried,
    typed,
    until,
)
from conftest import SAMPLES
from textual.command import CommandPalette
from textual.widgets import TabbedContent

from raci.importing import import_file
from raci.lint.message import localized
from raci.model import Assignment, Person
from raci.model.changes import Change
from raci.tui import make_app
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.review import ReviewScreen
from raci.tui.widgets.explorer import every_node


@pytest.fixture
def politie(tmp_path: Path) -> Path:
    """The politie-digitaal sample: its portfolio board has three findings."""
    database = tmp_path / "politie.db"
    import_file(SAMPLES / "politie-digitaal.yaml", str(database))
    return database


def detail_pane(screen: str) -> str:
    """The words right of the explorer's tree, as one line."""
    right = (row.split("▕", 1)[1] for row in screen.splitlines() if "▕" in row)
    return " ".join(" ".join(right).replace("│", " ").split())


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_finding_of_a_body_is_in_sight(politie: Path, in_dutch: None,
                                                   size: tuple[int, int]) -> None:
    async with make_app(politie).run_test(size=size) as pilot:
        app = await loaded(pilot)
        app.show_entity("pb-iv")
        await pilot.pause()
        own = [f for f in app.findings if "pb-iv" in f.targets]
        assert len(own) >= 3
        shown = detail_pane(screen_text(app))
        for finding in own:
            # the first words of each message, as wrapped in the detail pane
            start = " ".join(localized(finding.message).split()[:3])
            assert f"{finding.code} {start}" in shown, (finding.code, shown)
        assert "Relaties" in shown


async def test_the_palette_footer_says_the_palettes_keys(politie: Path, in_dutch: None) -> None:
    async with make_app(politie).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "Uitzondering" not in footer and "Voorstellen" not in footer, footer
        assert "⏎ Kiezen" in footer and "esc Sluiten" in footer, footer
        await typed(pilot, "matrix tonen")
        await pilot.pause(0.5)
        await pilot.press("enter")  # still runs the command under the cursor
        await until(pilot, lambda: not isinstance(app.screen, CommandPalette), "the palette closed")
        assert app.query_one("#views", TabbedContent).active == "matrix"


async def test_the_review_says_bespreking_and_levels_in_dutch(politie: Path,
                                                              in_dutch: None) -> None:
    async with make_app(politie).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
        await pilot.pause()
        asked = screen_text(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy,
                    "the first finding")
        await pilot.pause()
        shown = screen_text(app)
        for screen in (asked, shown):
            assert "review" not in screen.lower(), screen
        assert shown.splitlines()[1].startswith("█ Bespreking · bevinding 1 van"), shown
        assert "BOD005 fout: Rapportagelijnen" in shown
        assert "[fout]" not in shown and "[error]" not in shown
        assert "bespreken" in asked.lower()


async def test_suggestions_say_the_level_in_dutch(politie: Path, in_dutch: None) -> None:
    async with make_app(politie).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await suggestions_tried(pilot, app, "OWN001")
        shown = screen_text(app)
        assert "Voorstellen voor OWN001 fout: Doel" in shown
        assert "[fout]" not in shown and "[error]" not in shown


def test_a_working_copy_is_changed_without_touching_the_model(politie: Path) -> None:
    """Suggestions are tried on `Model.working_copy` (the look-ups copied, not
    built again): every change to it leaves the app's model and its look-ups as
    they were, and the copy's look-ups follow its own changes."""
    model = stored(politie)
    item, actor, holder = "g.realtime-info", "r.korpschef", "p.degraaf"

    def looked_up() -> tuple[object, ...]:
        return (list(model.assignments_of_item(item)), list(model.assignments_of_actor(actor)),
                list(model.references_to(actor)), list(model.references_to(holder)),
                model.roles_held_by(holder), model.kind(holder))

    before = looked_up()
    working = model.working_copy()
    # One change at a time: a delete drops every look-up, the others mend them in place.
    undos = [Change(assign=[Assignment(item, "A", actor)]).apply(working),
             Change(put=[Person(id="p.nieuw", name="Nieuw")]).apply(working),
             Change(put=[replace(working.roles[actor], holders=[])]).apply(working)]
    assert working.letters_of(item, actor) == ("A",) and model.letters_of(item, actor) == ()
    assert working.kind("p.nieuw") == "person" and model.kind("p.nieuw") is None
    assert working.roles_held_by(holder) == [] and looked_up() == before
    for undo in reversed(undos):
        undo.apply(working)
    assert working.letters_of(item, actor) == () and working.roles_held_by(holder) == [actor]
    assert looked_up() == before


@pytest.mark.parametrize("line", ["level:error", "rule:error:BOD005"])
async def test_letters_on_a_findings_group_stay_in_the_findings(politie: Path, in_dutch: None,
                                                                line: str) -> None:
    """On a level or rule line there is no finding: the explorer's keys (`e`
    edits, `d` deletes, `n` adds, `r` renames, `o` the organisation) do nothing
    there, and `f` and `w` say in Dutch to put the cursor on a finding."""
    async with make_app(politie).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        tree = findings_tree(app)
        node = next(n for n in every_node(tree.root) if n.data == line)
        tree.move_cursor(node)
        await pilot.pause()
        for key in "edrno":
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], key
            assert app.query_one("#views", TabbedContent).active == "findings", key
            assert tree.has_focus and tree.cursor_node is node, key
        for key in "fw":
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is app.screen_stack[0], key
        assert said(app) == ["Zet de cursor op een bevinding om de voorstellen te zien",
                             "Zet de cursor op een bevinding om er een uitzondering voor te maken"]
