"""Suggestions, scenarios and review sessions in the app, as a designer uses them.

The real app, headless (`run_test`), on a real SQLite file made from the
model of `test_tui`; each test checks the screen and what the database
holds, read by a second store as another process would.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from apphelp import (
    OWNERLESS,
    codes,
    keys_listed,
    loaded,
    new_scenario,
    on_finding,
    options,
    steps_of,
    stored,
    suggestions_tried,
    typed,
    until,
)
from conftest import SAMPLE, Raci
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TabbedContent

from raci.importing import import_file
from raci.lint import LintConfig
from raci.lint.review import WAIVER_DAYS
from raci.lint.scenarios import scenario_report
from raci.model import Assignment
from raci.model.changes import Change
from raci.model.scenarios import Step
from raci.source import database_url
from raci.store import open_store
from raci.tui import RaciApp, make_app
from raci.tui.messages import ChangeRequested
from raci.tui.screens.answers import AnswerForm
from raci.tui.screens.keys import KeysScreen
from raci.tui.screens.review import ReviewScreen
from raci.tui.screens.scenarios import ConfirmSettle, ScenariosScreen
from raci.tui.screens.suggestions import SuggestionsScreen
from raci.tui.widgets.findings import FindingsView
from raci.tui.widgets.scenario_bar import ScenarioBar

DG_BW, ISOLATIE = "Directeur-Generaal Bouwen en Wonen (dg-bw)", "Isolatieprogramma (i.isolatie)"
FIRST_FIX = f"make {DG_BW} the Accountable of {ISOLATIE}"
TODAY = dt.date.today()


def text_of(app: RaciApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def has_a_on_isolatie(database: Path) -> bool:
    return Assignment("i.isolatie", "A", "dg-bw") in stored(database).assignments


def scenario_names(database: Path) -> list[str]:
    with open_store(database_url(str(database))) as store:
        return [s.name for s in store.scenarios()]


async def answered(pilot: Pilot[None], app: RaciApp, *answers: str) -> None:
    """Fill the answer form on screen, field by field (replacing what it held), and save."""
    assert isinstance(app.screen, AnswerForm)
    for answer in answers:
        field = app.screen.focused
        assert isinstance(field, Input)
        field.value = ""
        await typed(pilot, answer)
        await pilot.press("enter")
    await pilot.pause()


# ---- suggestions --------------------------------------------------------------------


async def test_a_suggestion_says_what_it_resolves_and_introduces_and_enter_makes_it(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        assert OWNERLESS in codes(app, "i.isolatie")
        await suggestions_tried(pilot, app)
        shown = options(app, "#suggestions-list")
        assert len(shown) == 2
        assert FIRST_FIX in shown[0] and "resolves 1, introduces 1" in shown[0]
        assert "(sg-bzk) the Accountable of Isolatieprogramma (i.isolatie)" in shown[1]
        detail = text_of(app, "#suggestion-detail")
        assert f"Because {DG_BW} is Accountable for 1 of the items around {ISOLATIE}" in detail
        assert "Resolves 1:" in detail and "OWN001" in detail
        assert "Introduces 1:" in detail and "OWN007" in detail
        assert "Enter makes it in the model" in detail

        await pilot.press("enter")
        await until(pilot, lambda: OWNERLESS not in codes(app, "i.isolatie"), "OWN001 gone")
        assert "OWN007" in codes(app, "i.isolatie")
        await until(pilot, lambda: has_a_on_isolatie(database), "the fix in the database")

        await pilot.press("ctrl+z")
        await until(pilot, lambda: OWNERLESS in codes(app, "i.isolatie"), "OWN001 back")
        await until(pilot, lambda: not has_a_on_isolatie(database), "the undo saved")


async def test_a_finding_without_a_clear_remedy_says_so(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("3")
        await pilot.pause()
        finding = next(f for f in app.findings if f.code == "STR005")
        app.query_one(FindingsView).show_finding(finding)
        await pilot.pause()
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, SuggestionsScreen)
                    and app.screen.suggestions == [], "no suggestion")
        assert "No suggestion" in text_of(app, "#suggestions-status")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SuggestionsScreen)


async def test_suggestions_that_fail_to_be_tried_say_so(
    database: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(self: object, finding: object) -> object:
        raise RuntimeError("the suggester broke")

    monkeypatch.setattr("raci.lint.suggestions.Suggester.suggestions", broken)
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await on_finding(pilot, app, OWNERLESS)
        await pilot.press("f")
        await until(pilot, lambda: any("the suggester broke" in n.message
                                       for n in app._notifications), "the error said")


# ---- scenarios ----------------------------------------------------------------------


async def choose(pilot: Pilot[None], app: RaciApp, title: str) -> None:
    """`S`, then the cursor on the option that begins with `title`, and enter."""
    await pilot.press("S")
    await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                and options(app, "#scenarios-list"), "the scenarios")
    index = next(n for n, o in enumerate(options(app, "#scenarios-list"))
                 if o.removeprefix("[b]").startswith(title))
    app.screen.query_one(OptionList).highlighted = index
    await pilot.pause()


def bar_numbers(app: RaciApp) -> tuple[int, int]:
    delta = app.query_one(ScenarioBar).delta
    assert delta is not None
    return len(delta.resolved), len(delta.introduced)


def full_lint_numbers(database: Path, name: str) -> tuple[int, int]:
    """Resolved and introduced, as `raci scenario show` finds them: both models linted whole."""
    with open_store(database_url(str(database))) as store:
        model, scenario = store.load_scenario(name)
        report = scenario_report("org.db", model, scenario, store.revision(), LintConfig())
    assert report.delta is not None
    return len(report.delta.resolved), len(report.delta.introduced)


def informed(database: Path, name: str, actor: str, after: int) -> None:
    """`actor` made I on g.klimaat in scenario `name`, as another process does."""
    with open_store(database_url(str(database))) as store:
        view, _ = store.load_view(name)
        change = Change(assign=[Assignment("g.klimaat", "I", actor)])
        store.add_step(name, Step(change, change.apply(view), f"I for {actor}"), after=after)


async def test_the_scenario_bar_counts_the_scenarios_changes_another_processs_too(
    database: Path,
) -> None:
    with open_store(database_url(str(database))) as store:
        store.create_scenario("plan")
    for after, actor in enumerate(("p.jansen", "p.dekker", "p.smit")):
        informed(database, "plan", actor, after)
    async with make_app(database, scenario="plan").run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        bar = app.query_one(ScenarioBar)
        await until(pilot, lambda: "3 changes" in str(bar.render()), "the scenario's three")
        informed(database, "plan", "kwartiermaker", 3)
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("g.klimaat", "I", "dg-bw")]), "I for dg-bw"))
        await until(pilot, lambda: len(steps_of(database, "plan")) == 5, "the edit saved")
        await until(pilot, lambda: "5 changes" in str(bar.render()), "the bar to count five")


async def test_edits_in_a_scenario_leave_the_model_and_the_bar_shows_the_delta(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        bar = app.query_one(ScenarioBar)
        assert not bar.display
        await new_scenario(pilot, app, "plan")
        assert bar.display and "Scenario plan" in str(bar.render())
        assert bar_numbers(app) == (0, 0) == full_lint_numbers(database, "plan")

        await suggestions_tried(pilot, app)
        assert "Enter makes it in scenario plan" in text_of(app, "#suggestion-detail")
        await pilot.press("enter")
        await until(pilot, lambda: steps_of(database, "plan") == [FIRST_FIX], "the step")
        await until(pilot, lambda: bar_numbers(app) == (1, 1), "the bar to follow")
        assert bar_numbers(app) == full_lint_numbers(database, "plan")
        assert "1 change" in str(bar.render()) and "1 finding resolved, 1 introduced" in str(
            bar.render())
        assert not has_a_on_isolatie(database)  # the model itself is as it was

        # A second edit, by hand: the bar follows it and still agrees with a full lint.
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("i.isolatie", "R", "kwartiermaker")]), "R for it"))
        await until(pilot, lambda: len(steps_of(database, "plan")) == 2, "the second step")
        await until(pilot, lambda: bar_numbers(app) == full_lint_numbers(database, "plan"),
                    "the bar to agree with a full lint")

        await pilot.press("ctrl+z", "ctrl+z")
        await until(pilot, lambda: steps_of(database, "plan") == [], "the steps taken off")
        await until(pilot, lambda: bar_numbers(app) == (0, 0), "the bar back to nothing")
        await pilot.press("ctrl+y")
        await until(pilot, lambda: steps_of(database, "plan") == [FIRST_FIX],
                    "the step back, under its own summary")

        await choose(pilot, app, "The model itself")
        await pilot.press("enter")
        await until(pilot, lambda: app.place.scenario is None and app.session is not None
                    and OWNERLESS in codes(app, "i.isolatie"), "the model again")
        assert not bar.display

        await choose(pilot, app, "plan")
        await pilot.press("enter")
        await until(pilot, lambda: app.place.scenario == "plan"
                    and app.query_one(ScenarioBar).delta is not None, "back in the scenario")
        assert OWNERLESS not in codes(app, "i.isolatie")
        await pilot.press("ctrl+z")  # a change made before is the scenario's to undo too
        await until(pilot, lambda: steps_of(database, "plan") == [], "the old step undone")


async def in_plan_with_the_first_fix(pilot: Pilot[None], database: Path) -> RaciApp:
    """Scenario plan made in the app, the first suggestion for OWN001 made in it."""
    app = await loaded(pilot)
    await new_scenario(pilot, app, "plan")
    await suggestions_tried(pilot, app)
    await pilot.press("enter")
    await until(pilot, lambda: steps_of(database, "plan") == [FIRST_FIX], "the step")
    return app


async def test_a_scenario_applied_from_the_app_is_in_the_model(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await in_plan_with_the_first_fix(pilot, database)
        await choose(pilot, app, "plan")
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ConfirmSettle), "the question")
        await pilot.press("y")
        await until(pilot, lambda: app.place.scenario is None and app.session is not None
                    and has_a_on_isolatie(database), "the scenario applied")
        assert scenario_names(database) == []
        assert not app.query_one(ScenarioBar).display


async def test_a_scenario_dropped_from_the_app_is_gone_and_the_model_untouched(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await in_plan_with_the_first_fix(pilot, database)
        await choose(pilot, app, "plan")
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmSettle), "the question")
        await pilot.press("y")
        await until(pilot, lambda: scenario_names(database) == [], "the scenario dropped")
        await until(pilot, lambda: app.place.scenario is None and app.session is not None
                    and OWNERLESS in codes(app, "i.isolatie"), "the model as it was")
        assert not has_a_on_isolatie(database)


async def test_a_bad_scenario_name_is_refused_and_nothing_is_made(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                    and options(app, "#scenarios-list"), "the scenarios")
        await pilot.press("n")
        await typed(pilot, "no good")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScenariosScreen)
        assert scenario_names(database) == []


# ---- review -------------------------------------------------------------------------


async def started_review(pilot: Pilot[None], app: RaciApp, author: str) -> ReviewScreen:
    await pilot.press("R")
    await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who takes the minutes")
    await answered(pilot, app, author)
    return await on_the_table(pilot, app)


async def paused_at_ownerless(pilot: Pilot[None], app: RaciApp) -> None:
    """A review by Anna started on the sample, its first finding (OWN001) on
    the table, then paused with `e` to edit."""
    await started_review(pilot, app, "Anna")
    assert "OWN001" in text_of(app, "#review-finding")
    await pilot.press("e")
    await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the pause")


async def on_the_table(pilot: Pilot[None], app: RaciApp) -> ReviewScreen:
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy,
                "the next finding")
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def test_a_review_session_fixes_accepts_notes_and_writes_the_minutes(
    database: Path,
) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Mr. Voorzitter")
        assert "OWN001" in text_of(app, "#review-finding")  # the error first
        assert "finding 1 of 3" in text_of(app, "#review-progress")
        assert FIRST_FIX in options(app, "#review-suggestions")[0]
        await pilot.press("1")
        await on_the_table(pilot, app)
        await until(pilot, lambda: has_a_on_isolatie(database), "the fix saved")

        assert "STR005" in text_of(app, "#review-finding")  # then the warning
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the reason")
        await answered(pilot, app, "pilot phase", "2027-06-30")
        await on_the_table(pilot, app)
        waivers = stored(database).waivers
        await until(pilot, lambda: stored(database).waivers, "the waiver saved")
        waivers = stored(database).waivers
        assert [(w.rule, w.target, w.reason, w.author, w.expires) for w in waivers] == [
            ("STR005", ["i.isolatie"], "pilot phase", "Mr. Voorzitter", dt.date(2027, 6, 30))]

        assert "STR004" in text_of(app, "#review-finding")  # the info
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "who and what")
        await answered(pilot, app, "dg-bw", "add a leading indicator", "2027-01-31")
        await on_the_table(pilot, app)

        assert "OWN007" in text_of(app, "#review-finding")  # brought up by the fix
        assert "brought up by a fix" in text_of(app, "#review-finding")
        await pilot.press("s")
        await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the end")
        assert app.reviewing is None

    minutes = (database.parent / f"org-review-{TODAY.isoformat()}.md").read_text()
    assert "minutes by Mr. Voorzitter; 3 of 3 findings decided" in minutes
    assert f"Fixed: {FIRST_FIX}" in minutes
    assert "Accepted, until 30 June 2027: pilot phase" in minutes
    assert f"| {DG_BW} | add a leading indicator | 31 January 2027 |" in minutes
    assert "## What changed (in the model)" in minutes
    assert "(the review ended early)" not in minutes


async def test_an_acceptance_lasts_a_year_unless_told(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "secretaris")
        await pilot.press("s")  # OWN001
        await on_the_table(pilot, app)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AnswerForm), "the reason")
        await typed(pilot, "known")
        await pilot.press("enter", "enter")  # the expiry as offered
        await on_the_table(pilot, app)
        await until(pilot, lambda: stored(database).waivers, "the waiver saved")
        (waiver,) = stored(database).waivers
        assert waiver.author == "secretaris"
        assert waiver.expires == TODAY + dt.timedelta(days=WAIVER_DAYS)
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    minutes = (database.parent / f"org-review-{TODAY.isoformat()}.md").read_text()
    assert "(the review ended early)" in minutes and "## Not reviewed" in minutes


async def test_a_review_paused_to_edit_counts_the_edit_as_the_fix(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await paused_at_ownerless(pilot, app)
        assert app.query_one("#views", TabbedContent).active == "explorer"
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("i.isolatie", "A", "sg-bzk")]), "A of i.isolatie to sg-bzk"))
        await until(pilot, lambda: OWNERLESS not in codes(app, "i.isolatie"), "the edit")
        await pilot.press("R")
        await on_the_table(pilot, app)
        assert "STR005" in text_of(app, "#review-finding")  # OWN001 was fixed by the edit
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    minutes = (database.parent / f"org-review-{TODAY.isoformat()}.md").read_text()
    assert "Fixed by editing: A of i.isolatie to sg-bzk" in minutes
    assert "1. A of i.isolatie to sg-bzk" in minutes


async def test_minutes_never_overwrite_earlier_ones(database: Path) -> None:
    earlier = database.parent / f"org-review-{TODAY.isoformat()}.md"
    earlier.write_text("earlier minutes\n")
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        await pilot.press("q")
        await until(pilot, lambda: app.reviewing is None, "the review ended")
    assert earlier.read_text() == "earlier minutes\n"
    assert "minutes by Anna" in (database.parent
                                 / f"org-review-{TODAY.isoformat()}-2.md").read_text()


# ---- keys ---------------------------------------------------------------------------


async def test_the_new_keys_are_listed_and_collide_with_none(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        groups = dict(app._key_groups())
        everywhere = {key for key, _ in groups["Everywhere"]}
        assert {"S", "R"} <= everywhere
        for title in ("Explorer", "Matrix", "Findings", "Diagram"):
            assert not {"S", "R"} & {key for key, _ in groups[title]}, title
        assert ("f", "Suggestions") in groups["Findings"]
        assert "f" not in everywhere
        assert any("Accept" in what for _, what in groups["Review (R)"])
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        shown = keys_listed(app)
        for words in ("Scenarios", "Review", "Suggestions", "Apply into the model"):
            assert words in shown



# ---- pictures -----------------------------------------------------------------------

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
SnapCompare = Callable[..., bool]


@pytest.mark.parametrize("size", SIZES)
def test_suggestions_screen(database: Path, snap_compare: SnapCompare,
                            size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await suggestions_tried(pilot, await loaded(pilot))

    assert snap_compare(make_app(database), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_scenario_bar(database: Path, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """In a scenario with one fix made: the bar over the findings it changed."""
    async def run_before(pilot: Pilot[None]) -> None:
        app = await loaded(pilot)
        await new_scenario(pilot, app, "plan")
        await suggestions_tried(pilot, app)
        await pilot.press("enter")
        await until(pilot, lambda: bar_numbers(app) == (1, 1), "the bar to follow")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(database), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_review_screen(database: Path, snap_compare: SnapCompare,
                       size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await started_review(pilot, await loaded(pilot), "Anna")

    assert snap_compare(make_app(database), terminal_size=size, run_before=run_before)


# ---- a real terminal ----------------------------------------------------------------



READING_SECONDS = 1.0


class Terminal:
    """The app in tmux, 120×40: keys sent as a terminal sends them, the screen read back."""

    def __init__(self, name: str, directory: Path, command: str) -> None:
        self.tmux = ["tmux", "-L", name, "-f", "/dev/null"]
        """A tmux server of its own: no other client sets the window's size."""
        # The terminal's size, not one a test runner put in the environment.
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        subprocess.run([*self.tmux, "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
                        "-c", str(directory), command], check=True, env=env)
        self.name = name

    def keys(self, *keys: str, text: str | None = None) -> None:
        """The keys, then the text typed, at once."""
        if keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)
        if text is not None:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text],
                           check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True, check=True).stdout

    def wait_for(self, text: str, *, reading: float = 0.0) -> str:
        """The screen once it shows `text`, after `reading` seconds (a form is drawn
        a moment before its fields take keys; a person reads it first)."""
        for _ in range(600):  # a minute: a loaded machine draws slowly
            screen = self.screen()
            if text in screen:
                time.sleep(reading)
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never showed:\n{screen}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False)


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_redesign_session_in_a_real_terminal(tmp_path: Path) -> None:
    """A scenario, a suggestion made in it, a review with answers typed at paste
    speed (one saved too early), the scenario applied: on the bundled sample,
    read off the screen."""
    import_file(SAMPLE, str(tmp_path / "org.db"))
    raci = Path(sys.executable).with_name("raci")
    terminal = Terminal(f"raci-app-{os.getpid()}", tmp_path, f"{raci} edit org.db")
    try:
        terminal.wait_for("4 errors · 18 warnings · 2 info")
        terminal.keys("S")
        terminal.wait_for("The model itself ← editing")
        terminal.keys("a")  # on the model itself: why not, under the list
        terminal.wait_for("There is no scenario to apply or drop yet: n makes one.")
        terminal.keys("n", text="fewer-bodies")
        terminal.keys("Enter")
        terminal.wait_for("Scenario fewer-bodies · 0 changes · 0 findings resolved, 0 introduced")
        terminal.keys("3")
        terminal.wait_for("enter: go to · w: waive")
        terminal.keys("/")
        terminal.wait_for("type to search", reading=READING_SECONDS)
        terminal.keys(text="BOD001")
        time.sleep(READING_SECONDS)  # as a person checks what they typed
        terminal.keys("Enter")
        terminal.wait_for("BOD001 redundant-bodies", reading=READING_SECONDS)
        terminal.keys("f")
        screen = terminal.wait_for("Enter makes it in scenario fewer-bodies")
        assert "1. merge Taskforce Netcongestie (tf-netcongestie)" in screen
        terminal.keys("Enter")
        terminal.wait_for("Scenario fewer-bodies · 1 change · 4 findings resolved, 0 introduced")

        terminal.keys("R")
        terminal.wait_for("minutes by (the decisions and waivers are theirs)",
                          reading=READING_SECONDS)
        terminal.keys("C-u", text="Anna de Vries")
        terminal.keys("Enter")
        screen = terminal.wait_for("finding 1 of 20, the largest first")
        assert "OWN004 error: Role 'Programmadirecteur Netcongestie'" in screen
        terminal.keys("n")
        terminal.wait_for("who takes it", reading=READING_SECONDS)
        terminal.keys(text="r.dg-ke")
        terminal.keys("C-s")  # what they do is still empty: refused, said under it
        terminal.wait_for("this cannot be empty", reading=READING_SECONDS)
        terminal.keys(text="eigenaar aanwijzen")
        terminal.keys("Enter", text="2027-01-15")
        terminal.keys("Enter")
        terminal.wait_for("finding 2 of 20")
        terminal.keys("q")
        terminal.wait_for("the minutes are in")

        terminal.keys("S")
        terminal.wait_for("fewer-bodies · 1 change · made")
        terminal.keys("a")  # the cursor starts on the scenario being edited
        terminal.wait_for("Apply scenario fewer-bodies: write its 1 change into the model")
        terminal.keys("y")
        screen = terminal.wait_for("Applied scenario fewer-bodies")
        assert "Scenario fewer-bodies ·" not in screen  # the bar is gone
        assert "4 errors · 14 warnings · 2 info" in screen
        terminal.keys("q")
    finally:
        terminal.close()
    minutes = (tmp_path / f"org-review-{TODAY.isoformat()}.md").read_text()
    assert ("| Directeur-Generaal Klimaat en Energie (r.dg-ke) | eigenaar aanwijzen "
            "| 15 January 2027 | OWN004:r.pd-netcongestie |" in minutes)
    # Two asserts: pytest explains a `not in` even when the other part failed.
    assert "minutes by Anna de Vries" in minutes
    assert "changes go" not in minutes
    with open_store(database_url(str(tmp_path / "org.db"))) as store:
        assert store.scenarios() == []
        assert "tf-netcongestie" not in store.load()


async def test_the_palette_offers_suggestions_scenarios_and_review(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await typed(pilot, "Scenarios")
        commands = app.screen.query_one("CommandList", OptionList)
        await until(pilot, lambda: commands.option_count, "the palette's hits")
        offered = [str(commands.get_option_at_index(i).prompt)
                   for i in range(commands.option_count)]
        assert "Scenarios" in offered[0]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ScenariosScreen), "the scenarios")
        await pilot.press("escape", "3")
        await pilot.pause()
        app.query_one(FindingsView).show_finding(
            next(f for f in app.findings if f.code == OWNERLESS))
        await pilot.pause()
        app.action_suggest_finding()  # as the palette's "Suggestions for finding" does
        await until(pilot, lambda: isinstance(app.screen, SuggestionsScreen), "suggestions")


# ---- opening in a scenario ----------------------------------------------------------


async def test_the_app_opens_in_a_scenario_it_names_and_makes_it_if_absent(
    database: Path,
) -> None:
    async with make_app(database, scenario="plan").run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await until(pilot, lambda: app.query_one(ScenarioBar).delta is not None, "the bar")
        assert app.place.scenario == "plan" and scenario_names(database) == ["plan"]
        app.post_message(ChangeRequested(
            Change(assign=[Assignment("i.isolatie", "A", "dg-bw")]), "A of i.isolatie"))
        await until(pilot, lambda: steps_of(database, "plan") == ["A of i.isolatie"], "a step")
    assert not has_a_on_isolatie(database)


async def test_a_read_only_app_opens_no_scenario_that_is_not_there(database: Path) -> None:
    app = make_app(database, scenario="nope", read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: app.failure is not None, "the failure")
    assert app.failure is not None and "nope" in app.failure
    assert scenario_names(database) == []


def test_edit_refuses_a_bad_scenario_name_and_two_names(raci: Raci, database: Path) -> None:
    result = raci("edit", database, "--scenario", "no good")
    assert result.code == 2 and "'no good' is not a scenario name" in result.err
    result = raci("edit", f"{database}@plan", "--scenario", "other")
    assert result.code == 2 and "names scenario plan and --scenario names other" in result.err
    assert scenario_names(database) == []
