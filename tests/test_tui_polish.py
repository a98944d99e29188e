"""Small things a user saw in the app at 80 × 24: the scenario bar cut in
the middle of a word, two people of one name alike in the palette, a rule's
explanation shown as raw Markdown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tui import database, loaded, until  # noqa: F401  (a fixture)
from test_tui_language import screen_text

from raci.i18n import set_language
from raci.tui import make_app
from raci.tui.language import translate_bindings
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
        database: Path, language: str, width: int, name: str, shown: str) -> None:  # noqa: F811
    key = {"en": "S: scenarios", "nl": "S: scenario's"}[language]
    async with make_app(database, scenario=name).run_test(size=(width, 24)) as pilot:
        app = await loaded(pilot)
        await until(pilot, lambda: app.query_one(ScenarioBar).delta is not None, "the bar")
        await pilot.pause()
        bar = screen_text(app).splitlines()[1]
        assert bar.startswith(" " + shown) and bar.rstrip().endswith(" · " + key), bar
        assert ("…" in bar) == (name not in bar)
        assert bar.count("[") == 0  # no markup shown as text
