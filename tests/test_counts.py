"""Counts a person reads are grouped as their language writes them: "1,026"
in English, "1.026" in Dutch (`raci.i18n.format_count`), in the app and in
what the CLI says; JSON keeps the bare number."""

from __future__ import annotations

from pathlib import Path

import pytest
from apphelp import loaded, screen_text, until
from conftest import Raci
from textual.widgets import Static

from raci.export.render import MAX_LAYOUT_NODES
from raci.export.report import write_report
from raci.formats import write_model
from raci.generate import generate_model
from raci.i18n import format_count, speak
from raci.model import Body, Model, Org
from raci.source import database_url, open_model
from raci.store import open_store
from raci.tui import make_app
from raci.tui.widgets.explorer import ModelTree
from raci.tui.widgets.matrix import RaciMatrix

SCALE = 8
"""The small generated model eight times over: 4,236 entities, 1,025 people."""


@pytest.fixture(scope="module")
def thousands(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("counts") / "thousands.db"
    with open_store(database_url(str(database)), create=True,
                    model=generate_model("small", scale=SCALE)):
        pass
    return database


@pytest.mark.parametrize(("language", "written"), [("en", "21,540"), ("nl", "21.540")])
def test_a_count_is_grouped_as_the_language_writes_it(language: str, written: str) -> None:
    speak(language)
    assert format_count(21540) == written
    assert format_count(999) == "999"



SHOWN = {
    "en": ("People (1,025)", "4,236 entities, 8,253 assignments",
           "Scope the whole model · 1,739 items × 2,173 actors  s: change scope"),
    "nl": ("Personen (1.025)", "4.236 entiteiten, 8.253 toewijzingen",
           "Bereik: het hele model · 1.739 items × 2.173 actoren  s: bereik wijzigen"),
}


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_the_app_groups_its_counts(thousands: Path, language: str) -> None:
    """The tree's kinds, the organisation's summary and the matrix's title."""
    speak(language)
    kind, summary, title = SHOWN[language]
    app = make_app(thousands)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        kinds = [str(node.label) for node in app.query_one(ModelTree).root.children]
        assert kind in kinds
        assert summary in [line.split("▕")[1].strip() for line in screen_text(app).splitlines()
                           if "▕" in line]
        await pilot.press("2")
        await until(pilot, lambda: app.query_one(RaciMatrix).model is not None, "the matrix")
        await pilot.pause()
        assert str(app.query_one("#matrix-title", Static).render()).strip() == title


@pytest.mark.parametrize(("language", "said"), [
    ("en", "imported 4,236 entities and 8,253 assignments into {model}"),
    ("nl", "4.236 entiteiten en 8.253 toewijzingen ingelezen in {model}")])
def test_raci_groups_the_counts_it_tells(raci: Raci, tmp_path: Path, language: str,
                                        said: str) -> None:
    """`raci generate` and `raci import` tell the counts grouped; JSON keeps them bare."""
    model, database = tmp_path / "thousands.yaml", tmp_path / "thousands.db"
    generated = raci("generate", "--size", "small", "--scale", str(SCALE), "-o", model,
                     "--lang", language)
    assert generated.code == 0 and ("4,236" if language == "en" else "4.236") in generated.err
    imported = raci("import", model, "--into", database, "--lang", language)
    assert imported.code == 0, imported.err
    assert imported.out.splitlines() == [said.format(model=database)]


@pytest.fixture(scope="module")
def many_bodies(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model with one body more than raci lays out."""
    model = Model(Org("Veel overleg"))
    for number in range(MAX_LAYOUT_NODES + 1):
        model.add(Body(id=f"b{number}", name=f"Overleg {number}", kind="committee"))
    path = tmp_path_factory.mktemp("bodies") / "veel.yaml"
    write_model(model, path)
    return path


@pytest.mark.parametrize(("language", "said"), [
    ("en", "raci: the bodies view has 2,001 nodes and frames, more than the 2,000 raci lays "
           "out; split it with --split unit, draw part of it with --focus ID --depth N, or use "
           "--format dot"),
    ("nl", "raci: de weergave gremia heeft 2.001 knopen en kaders, meer dan de 2.000 die raci "
           "opmaakt; splits die met --split unit, teken er een deel van met --focus ID --depth N, "
           "of gebruik --format dot")])
def test_a_view_too_large_to_draw_is_refused_in_words_and_grouped_counts(
        raci: Raci, many_bodies: Path, tmp_path: Path, language: str, said: str) -> None:
    drawn = raci("diagram", many_bodies, "--view", "bodies", "-o", tmp_path / "veel.svg",
                 "--lang", language)
    assert (drawn.code, drawn.err.splitlines()) == (2, [said])


@pytest.mark.parametrize(("language", "row"), [("en", "| Bodies | 2,001 |"),
                                               ("nl", "| Gremia | 2.001 |")])
def test_the_handouts_summary_groups_its_counts(many_bodies: Path, tmp_path: Path,
                                                language: str, row: str) -> None:
    speak(language)
    handout = tmp_path / "veel.md"
    write_report(open_model(str(many_bodies)), handout, [], {})
    assert row in handout.read_text(encoding="utf-8").splitlines()
