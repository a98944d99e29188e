"""Small things a user saw in the app at 80 × 24: the scenario bar cut in
the middle of a word, two people of one name alike in the palette, a rule's
explanation shown as raw Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from apphelp import MODEL_FILE, loaded, until
from test_tui_language import screen_text
from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Static, Tree

from raci.i18n import set_language
from raci.importing import import_file
from raci.tui import make_app
from raci.tui.commands import told_apart
from raci.tui.language import translate_bindings
from raci.tui.markup import inline_markdown
from raci.tui.widgets.scenario_bar import ScenarioBar


@pytest.fixture(params=["en", "nl"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    set_language(request.param)
    translate_bindings()
    yield request.param
    set_language("en")
    translate_bindings()


@pytest.mark.parametrize(("width", "name", "shown"), [
    (80, "plan", "Scenario plan"),
    (80, "minder-stuurgroepen-in-het-programma", "Scenario minder-stuurgr"),
    (120, "minder-stuurgroepen", "Scenario minder-stuurgroepen · "),
])
async def test_the_scenario_bar_reads_whole_or_shortens_the_name(
        database: Path, language: str, width: int, name: str, shown: str) -> None:
    key = {"en": "S: scenarios", "nl": "S: scenario's"}[language]
    async with make_app(database, scenario=name).run_test(size=(width, 24)) as pilot:
        app = await loaded(pilot)
        await until(pilot, lambda: app.query_one(ScenarioBar).delta is not None, "the bar")
        await pilot.pause()
        bar = screen_text(app).splitlines()[1]
        assert bar.startswith(" " + shown) and bar.rstrip().endswith(" · " + key), bar
        assert ("…" in bar) == (name not in bar)
        assert bar.count("[") == 0  # no markup shown as text


TWO_NAMESAKES = MODEL_FILE.replace("people:\n", (
    "people:\n  - id: p.devries\n    name: Jan de Vries\n    unit: bzk-dgbw\n"
    "  - id: p.devries2\n    name: Jan de Vries\n    unit: bureau-x\n"), 1).replace(
    "holders: [p.smit]", "holders: [p.smit, p.devries]")


async def test_namesakes_in_the_palette_say_where_they_sit(tmp_path: Path,
                                                           language: str) -> None:
    model_file = tmp_path / "org.yaml"
    model_file.write_text(TWO_NAMESAKES, encoding="utf-8")
    import_file(model_file, str(tmp_path / "org.db"))
    async with make_app(tmp_path / "org.db").run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        await pilot.press(*"Jan", "space", *"de", "space", *"Vries")
        await until(pilot, lambda: "p.devries2" in screen_text(app), "the hits")
        lines = [line.strip() for line in screen_text(app).splitlines()]
        go_to = {"en": "Go to this person", "nl": "Ga naar deze persoon"}[language]
        first = lines[lines.index("Jan de Vries (p.devries)") + 1]
        second = lines[lines.index("Jan de Vries (p.devries2)") + 1]
        assert first == f"{go_to} · DG Bouwen en Wonen · Secretaris-Generaal BZK"
        assert second == f"{go_to} · Adviesbureau X"
        assert app.session is not None
        body = told_apart(app.session.model, app.session.model.bodies["sg-warmte"])
        assert body == [{"en": "steering group", "nl": "stuurgroep"}[language]]


async def test_a_rules_explanation_is_shown_as_text_not_as_markdown(
        database: Path, language: str) -> None:
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        tree: Tree[object] = app.query_one("#findings-tree", Tree)
        await until(pilot, lambda: tree.root.children, "the findings")
        own001 = next(n for n in tree.root.children[0].children
                      if str(n.label).startswith("OWN001"))
        tree.move_cursor(own001)
        await pilot.pause()
        shown = app.query_one("#finding-detail", Static).render()
        assert isinstance(shown, Content)
        fix = {"en": "person as A.", "nl": "persoon aan als A."}[language]
        assert str(shown).endswith(fix) and "`" not in str(shown)
        code = next(span for span in shown.spans
                    if shown.plain[span.start:span.end] == "A" and span.end == len(shown) - 1)
        assert "b" in str(code.style)  # the code word stands out, as Markdown shows it


def test_inline_markdown_leaves_no_mark_and_keeps_brackets_as_text() -> None:
    assert inline_markdown("a *b* **c** [d](https://x.nl) `[x]` e\\*") == (
        "a [i]b[/i] [b]c[/b] d [b $text-warning]\\[x][/] e*")


def test_namesake_units_under_namesake_parents_are_told_apart_further_up() -> None:
    from raci.model import Model, Org, Unit

    model = Model(Org("Onderwijs"))
    for unit in [Unit(id="m1", name="Ministerie"), Unit(id="dg1", name="DG Primair", parent="m1"),
                 Unit(id="dg2", name="DG Hoger", parent="m1"),
                 Unit(id="d1", name="Directie Onderwijs", parent="dg1"),
                 Unit(id="d2", name="Directie Onderwijs", parent="dg2"),
                 Unit(id="a1", name="Afdeling Communicatie", parent="d1"),
                 Unit(id="a2", name="Afdeling Communicatie", parent="d2")]:
        model.add(unit)
    assert told_apart(model, model.units["a1"]) == [
        "Directie Onderwijs", "DG Primair", "Ministerie"]
    assert told_apart(model, model.units["a2"]) != told_apart(model, model.units["a1"])


async def test_the_whole_finding_is_readable_at_80_by_24(tmp_path: Path, language: str) -> None:
    """The line under the findings tree grows with what it says: every word
    of the longest finding's message and what it is about are on screen."""
    from apphelp import database_of, finding_detail

    from raci.tui.widgets.findings import FindingsView

    long_names = MODEL_FILE.replace("name: Woningen aardgasvrij", "name: Woningen aardgasvrij "
                                    "in de wijken van de regionale energiestrategie, te "
                                    "beginnen bij de huurwoningen van de corporaties")
    async with make_app(database_of(tmp_path, long_names)).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        view = app.query_one(FindingsView)
        longest = ""
        for finding in app.findings:
            view.show_finding(finding)
            await pilot.pause()
            longest = max(longest, finding_detail(app), key=len)
            shown = app.query_one("#finding-detail")
            rows = screen_text(app).splitlines()[shown.region.y:shown.region.bottom]
            assert " ".join(finding_detail(app).split()) == " ".join(" ".join(rows).split())
        assert len(longest) > 3 * 78, "a finding longer than three lines"


def test_namesakes_that_read_the_same_are_told_apart_where_they_differ() -> None:
    """Two units of one name under three namesake parents: the palette says
    the first place whose name differs; where no name differs, the nearest
    place with its id; under the very same parent, their own ids."""
    from raci.model import Model, Org, Unit

    model = Model(Org("Onderwijs"))
    for number in "12":
        top = "Rijk" if number == "1" else "Provincie"
        for unit in [Unit(id=f"m{number}", name=top),
                     Unit(id=f"dg{number}", name="DG", parent=f"m{number}"),
                     Unit(id=f"d{number}", name="Directie", parent=f"dg{number}"),
                     Unit(id=f"b{number}", name="Bureau", parent=f"d{number}"),
                     Unit(id=f"a{number}", name="Afdeling", parent=f"b{number}")]:
            model.add(unit)
    model.add(Unit(id="a3", name="Afdeling", parent="b1"))
    afdelingen = [model.units[unit] for unit in ("a1", "a2")]
    assert told_apart(model, afdelingen[0]) == told_apart(model, afdelingen[1])
    assert told_apart(model, afdelingen[0], afdelingen) == ["Rijk"]
    assert told_apart(model, afdelingen[1], afdelingen) == ["Provincie"]
    model.replace(Unit(id="m2", name="Rijk"))
    assert told_apart(model, afdelingen[0], afdelingen) == ["Bureau (b1)", "Directie", "DG"]
    assert told_apart(model, afdelingen[1], afdelingen) == ["Bureau (b2)", "Directie", "DG"]
    same_parent = [model.units["a1"], model.units["a3"]]
    assert told_apart(model, same_parent[0], same_parent) == ["id a1"]
    assert told_apart(model, same_parent[1], same_parent) == ["id a3"]
