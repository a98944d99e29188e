"""The app on a large organisation: long lists in pages, the palette among
thousands, and nothing that writes out the whole model.

The timings themselves are the benchmark's (`benchmarks/app_bench.py`); these
tests hold what makes them possible, on models just large enough to show it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, screen_text, until
from textual.pilot import Pilot
from textual.widgets import OptionList
from textual.widgets.tree import TreeNode

from raci.model import Assignment, Goal, Model, Org, Person, Role, Unit
from raci.model.changes import Change
from raci.store import open_store
from raci.tui import make_app
from raci.tui.matching import EntityFinder
from raci.tui.session import Session
from raci.tui.widgets.explorer import PAGE_SIZE, ExplorerView, ModelTree, entity_of

PEOPLE = 2 * PAGE_SIZE + 200
"""Three pages of people: two full ones and a short last one."""
DEEP = 2 * PAGE_SIZE + 107
"""The number of a person in the last page."""


def crowded() -> Model:
    """An organisation of many people in one unit, each holding a role on one goal."""
    model = Model(Org("Rijksdienst", as_of=None))
    model.add(Unit(id="rd", name="Rijksdienst"))
    for number in range(PEOPLE):
        model.add(Person(id=f"p{number}", name=f"Medewerker {number}", unit="rd"))
    model.add(Role(id="dg", name="Directeur-generaal", unit="rd", holders=["p0"]))
    model.add(Goal(id="g", name="Dienstverlening"))
    model.assignments = [Assignment("g", "A", "dg")]
    return model


@pytest.fixture
def crowded_database(tmp_path: Path) -> Path:
    database = tmp_path / "rijksdienst.db"
    with open_store(f"sqlite:///{database}", create=True, model=crowded()):
        pass
    return database


def test_a_session_reads_in_one_line_however_large_its_model() -> None:
    """Textual names each worker by its arguments' repr; the lint worker gets the
    session, and writing out a national model took a second before every lint."""
    assert repr(Session(crowded())) == f"Session('Rijksdienst', {PEOPLE + 3} entities)"


async def test_people_open_in_pages_and_a_page_in_people(crowded_database: Path) -> None:
    async with make_app(crowded_database).run_test(size=(100, 30)) as pilot:
        app = await loaded(pilot)
        tree, people = await open_people(pilot)
        assert str(people.label) == f"People ({PEOPLE:,})"
        pages = list(people.children)
        size = PAGE_SIZE
        assert [str(page.label) for page in pages] == [
            f"1–{size:,} Medewerker 0 … Medewerker {size - 1}",
            f"{size + 1:,}–{2 * size:,} Medewerker {size} … Medewerker {2 * size - 1}",
            f"{2 * size + 1:,}–{PEOPLE:,} Medewerker {2 * size} … Medewerker {PEOPLE - 1}"]
        assert all(entity_of(page.data) is None for page in pages)
        tree.move_cursor(pages[1])
        await pilot.press("enter")
        await pilot.pause()
        assert [n.data for n in pages[1].children] == [f"p{n}" for n in range(size, 2 * size)]
        assert not pages[0].children, "a page is filled only when opened"
        await pilot.press("down")
        await pilot.pause()
        assert app.query_one(ExplorerView).current == f"p{size}"


async def open_people(pilot: Pilot[None]) -> tuple[ModelTree, TreeNode[str]]:
    """Open the People of the explorer (in pages): the tree and their node."""
    tree = pilot.app.query_one(ModelTree)
    people = next(n for n in tree.root.children if str(n.label).startswith("People"))
    tree.move_cursor(people)
    await pilot.press("enter")
    await pilot.pause()
    return tree, people


async def test_a_page_shows_its_range_in_a_narrow_tree(crowded_database: Path) -> None:
    """At 80 × 24 the names ran first and the range was cut ("… 1.00",
    "1.201–1."): the range comes first, so it always shows."""
    async with make_app(crowded_database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await open_people(pilot)
        shown = screen_text(app)
        spans = [f"1–{PAGE_SIZE:,}", f"{PAGE_SIZE + 1:,}–{2 * PAGE_SIZE:,}",
                 f"{2 * PAGE_SIZE + 1:,}–{PEOPLE:,}"]
        assert all(f"{span} Medewerker" in shown for span in spans), shown


async def test_a_new_entity_from_a_page_is_of_its_kind(crowded_database: Path) -> None:
    """`n` on a page adds an entity of the page's kind (a person), as on its kind."""
    async with make_app(crowded_database).run_test(size=(100, 30)) as pilot:
        app = await loaded(pilot)
        tree, people = await open_people(pilot)
        tree.move_cursor(people.children[2])
        await pilot.pause()
        assert app.query_one(ExplorerView).current is None
        await pilot.press("n")
        await until(pilot, lambda: "add person" in str(app.screen.query_one("#form-title")
                                                      .render()).lower(), "the person form")


async def test_the_palette_jumps_to_a_person_deep_in_a_page(crowded_database: Path) -> None:
    async with make_app(crowded_database).run_test(size=(120, 30)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*f"Medewerker {DEEP}")
        await until(pilot, lambda: f"Medewerker {DEEP} (p{DEEP})" in str(
            app.screen.query_one("CommandList").get_option_at_index(0).prompt),
            "the person first among the palette's hits")
        await pilot.press("enter")
        await until(pilot, lambda: app.query_one(ModelTree).cursor_node is not None
                    and app.query_one(ModelTree).cursor_node.data == f"p{DEEP}",
                    "the cursor on the person, in the third page")
        assert app.query_one(ExplorerView).current == f"p{DEEP}"


async def test_the_palette_lists_twenty_of_the_hundreds_of_a_name(crowded_database: Path
                                                                 ) -> None:
    """More than the palette shows at once (14 in 120 × 40), and no more:
    each hit is made and laid out before the list shows (50 took a third of
    the key's time on a national model)."""
    async with make_app(crowded_database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Medewerker")
        hits = app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: hits.option_count and all(
            "Medewerker" in str(hits.get_option_at_index(n).prompt)
            for n in range(hits.option_count)), "the people named Medewerker")
        assert hits.option_count == 20


def test_typing_on_finds_what_a_finder_made_anew_finds() -> None:
    """Typed on, only the lines that held the text before are looked
    through: they find what every line finds, also after an entity was put
    in before the people (their places moved)."""
    session = Session(crowded())
    finder = session.entity_finder()

    def as_made_anew(typed: str) -> bool:
        return finder.ranked(typed, 20) == EntityFinder(session.model.entities()).ranked(typed, 20)

    assert all(map(as_made_anew, ("Med", "Medewerker 1", "Medewerker 12", "Medewerker 1")))
    session.apply(Change(put=[Unit(id="ra", name="Medewerkers 12e lijn")]))
    assert session.entity_finder() is finder
    assert all(map(as_made_anew, ("Medewerker 12", "Medewerker 123", "Medewerkers 12")))


def test_the_palette_finds_by_a_name_given_after_its_session_began() -> None:
    """The session's finder follows edits that name, rename or add entities."""
    session = Session(crowded())
    assert [e.id for e in session.entity_finder().find("Medewerker 12", 1)] == ["p12"]
    session.apply(Change(put=[Person(id="p12", name="Fatima el Amrani", unit="rd")]))
    session.apply(Change(rename=("dg", "dg-rd")))
    assert [e.id for e in session.entity_finder().find("Fatima", 1)] == ["p12"]
    assert [e.id for e in session.entity_finder().find("dg-rd", 1)] == ["dg-rd"]
    assert [e.id for e in session.entity_finder().find("fatmia el amrani", 1)] == ["p12"]


async def test_every_person_is_in_exactly_one_page_in_model_order(
        crowded_database: Path) -> None:
    async with make_app(crowded_database).run_test(size=(100, 30)) as pilot:
        app = await loaded(pilot)
        tree = app.query_one(ModelTree)
        people = next(n for n in tree.root.children if str(n.label).startswith("People"))
        tree.fill(people)
        for page in people.children:
            tree.fill(page)
        shown = [n.data for page in people.children for n in page.children]
        assert shown == [f"p{number}" for number in range(PEOPLE)]


def test_a_name_typed_wrong_is_found_among_thousands_that_hold_none_of_it() -> None:
    """No name holds the text as typed: the near ones are ranked, best first."""
    session = Session(crowded())
    assert [e.id for e in session.entity_finder().find(f"Medewerkr {DEEP}", 1)] == [f"p{DEEP}"]
    assert [e.id for e in session.entity_finder().find("Directeur-generaaal", 1)] == ["dg"]
