"""Undo with two writers: it takes off only the user's own change.

Another process may change what the user's last edit changed (the same
matrix cell), or add a change of its own to the scenario the user edits.
Undo then refuses, and says why, rather than overwrite the other change or
take it off the scenario.
"""

from __future__ import annotations

from pathlib import Path

from apphelp import loaded, said, stored, until

from raci.model import Assignment
from raci.model.changes import Change
from raci.model.scenarios import Step
from raci.source import database_url
from raci.store import open_store
from raci.tui import make_app
from raci.tui.messages import ChangeRequested


async def test_undo_refuses_when_another_process_changed_the_cell_since(
        database: Path) -> None:
    app = make_app(database, poll_seconds=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        app.post_message(ChangeRequested(Change(assign=[Assignment("g.klimaat", "I", "dg-bw")]),
                                         "", quiet=True))
        await until(pilot, lambda: stored(database).letters_of("g.klimaat", "dg-bw") == ("I",),
                    "the letter saved")
        with open_store(database_url(str(database))) as other:
            other.load()
            other.save(Change(assign=[Assignment("g.klimaat", "C", "dg-bw")]))
        await until(pilot, lambda: any("Another process" in text for text in said(app)),
                    "the reload")
        await pilot.press("ctrl+z")
        await until(pilot, lambda: any("Not undone" in text for text in said(app)),
                    "the refusal")
        await pilot.pause(0.3)
        assert stored(database).letters_of("g.klimaat", "dg-bw") == ("C",)
        assert app.session is not None
        assert app.session.model.letters_of("g.klimaat", "dg-bw") == ("C",)
        assert not app.session.undo_stack  # it cannot be undone any more


async def test_undo_in_a_scenario_never_takes_off_another_process_s_change(
        database: Path) -> None:
    app = make_app(database, scenario="plan")
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        await until(pilot, lambda: app.place.scenario == "plan", "the scenario open")
        app.post_message(ChangeRequested(Change(assign=[Assignment("g.klimaat", "I", "dg-bw")]),
                                         "", quiet=True))
        with open_store(database_url(str(database))) as other:
            await until(pilot, lambda: len(other.scenario("plan").steps) == 1, "the step saved")
            model, _ = other.load_view("plan")
            theirs = Change(assign=[Assignment("i.isolatie", "I", "dg-bw")])
            other.add_step("plan", Step(theirs, theirs.apply(model), "theirs"), after=1)
            await pilot.press("ctrl+z")
            await until(pilot, lambda: any("Not undone" in text for text in said(app)),
                        "the refusal")
            await pilot.pause(0.3)
            assert [s.summary for s in other.scenario("plan").steps][-1] == "theirs"
            assert len(other.scenario("plan").steps) == 2
