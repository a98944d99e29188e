"""The app's own benchmark (docs/contributing.md#benchmarks, issue 13's scale),
headless, on a model database:

    .venv/bin/python -m benchmarks.app_bench DATABASE [--json] [--edits N]

The app runs as `raci edit` runs it (the command line's collector policy),
in a headless terminal of 120 × 40, and this measures:

- *first paint*: from the start of this process (before Textual and the app
  are imported) until the app's first screen is on the terminal;
- *findings shown*: from the start until the model is loaded and linted and
  its findings counted in the header (the first findings are linted in a
  process the app starts beside itself, `raci.tui.first_findings`: its CPU
  time is given apart);
- *expand People*: from `enter` on the People kind until its people (or
  their pages) are drawn;
- *palette*: typing a person's name (one halfway down the list) into the
  command palette, from the last key until the person is the first hit; and
  from `enter` until the explorer shows the person, the cursor on them;
- *suggestions*: from `f` on the first finding that has a suggester (an
  item without an Accountable, OWN001, if any) until its suggestions,
  tried on a copy of the model in a thread, are listed;
- *cell edit*: in the matrix, from the key that sets a letter until the
  findings of the edited model are in the app (the median and the slowest
  of N edits, each one checked to have changed the model);
- *review start*: from `enter` on the minute-taker's name until the first
  finding is shown with its suggestions tried;
- *peak memory*: the most memory this process held, at the end.

A step the model gives nothing to (no people to expand, no finding with
suggestions, no cell in the matrix, no finding to review: a new model's
database) is skipped, and the figures say which and why.

Each step is timed in wall time and in the CPU time of this process (every
thread's): a busy machine stretches the one, not the other. A step ends when
the screen is drawn (every message handled, the frame rendered), not when
the process idles; the steps after the findings start once the app has built
its look-ups, as a user reads the screen first. It writes raci's bytecode
first and starts again, as an installed raci has it.

It reports the times; it checks none. `benchmarks.run` calls it on the
ministry and national models with `--json`.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import compileall  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from raci.tui import RaciApp

LETTERS = ("r", "c", "i", "a")
COMPILED = "RACI_APP_BENCH_COMPILED"
"""Set in the process that measures, once raci's bytecode is written."""


class Stopwatch:
    """Wall and CPU time (this process's, every thread's) since it was made, in
    ms: a busy machine stretches the one, not the other."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def ms(self) -> tuple[float, float]:
        return ((time.perf_counter() - self.wall) * 1000,
                (time.process_time() - self.cpu) * 1000)


async def until(pilot: Pilot[None], condition: Callable[[], object]) -> None:
    """Wait until `condition` holds and the screen is drawn: every message sent
    so far handled and the screen's changes rendered (not `pilot.pause()`'s
    wait for the process to idle, which would also wait for work the app does
    after drawing, and for at least 20 ms)."""
    while not condition():
        await asyncio.sleep(0.001)
    await pilot.pause(0)


class Skipped(Exception):
    """A step the model gives nothing to measure, and why: the other steps
    are measured all the same."""


def timed(name: str, watch: Stopwatch) -> dict[str, float]:
    wall, cpu = watch.ms()
    return {f"{name}_ms": wall, f"{name}_cpu_ms": cpu}


async def measure(database: Path, edits: int) -> tuple[dict[str, float], dict[str, str]]:
    """The figures, and the steps skipped with why (`Skipped`)."""
    from raci.cli import set_collector_policy

    set_collector_policy()  # as `raci edit` has it
    from raci.tui import make_app

    app = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        figures = {"first_paint_s": time.perf_counter() - STARTED}
        await until(pilot, lambda: app.session is not None and not app.sub_title.endswith("…"))
        figures["findings_shown_s"] = time.perf_counter() - STARTED
        figures["findings_shown_cpu_s"] = time.process_time()
        # The first findings' own process, ended by now.
        child = resource.getrusage(resource.RUSAGE_CHILDREN)
        figures["findings_shown_child_cpu_s"] = child.ru_utime + child.ru_stime
        # A user reads the screen first: the app builds its look-ups meanwhile
        # and then freezes them (`raci.tui.app.settle_collector`).
        await until(pilot, lambda: gc.get_freeze_count() > 0)
        await pilot.pause()
        skipped = {}
        for name, step in STEPS.items():
            try:
                figures |= await step(pilot, app, edits)
            except Skipped as why:
                skipped[name] = str(why)
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return ({key: round(value, 3 if key.endswith("_s") else 1)
             for key, value in figures.items()}, skipped)


async def expand_people(pilot: Pilot[None], app: RaciApp, _edits: int) -> dict[str, float]:
    from raci.tui.widgets.explorer import ModelTree

    assert app.session is not None
    if not app.session.model.people:
        raise Skipped("the model has no people")
    tree = app.query_one(ModelTree)
    people = next(n for n in tree.root.children if str(n.label).startswith("People"))
    tree.move_cursor(people)
    await pilot.pause()
    watch = Stopwatch()
    await pilot.press("enter")
    await until(pilot, lambda: people.is_expanded and people.children)
    return timed("expand_people", watch)


async def palette_jump(pilot: Pilot[None], app: RaciApp, _edits: int) -> dict[str, float]:
    from textual.widgets import OptionList

    from raci.tui.widgets.explorer import ExplorerView, ModelTree

    assert app.session is not None
    people = list(app.session.model.people.values())
    if not people:
        raise Skipped("the model has no people")
    named = Counter(p.name for p in people)
    # The first person from halfway down the list whose name nobody else has and
    # can be typed (the generator plants names with tabs and newlines).
    person = next((p for p in people[len(people) // 2:] + people
                   if named[p.name] == 1 and p.name.isprintable()), None)
    if person is None:
        raise Skipped("no person has a name of their own to type")
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*person.name[:-1])
    hits = app.screen.query_one("CommandList", OptionList)

    def first_hit() -> bool:
        return hits.option_count > 0 and f"({person.id})" in str(
            hits.get_option_at_index(0).prompt)

    watch = Stopwatch()
    await pilot.press(person.name[-1])
    await until(pilot, first_hit)
    figures = timed("palette_search", watch)
    tree = app.query_one(ModelTree)
    watch = Stopwatch()
    await pilot.press("enter")
    await until(pilot, lambda: app.query_one(ExplorerView).current == person.id
                and tree.cursor_node is not None and tree.cursor_node.data == person.id)
    return figures | timed("palette_jump", watch)


async def suggestions(pilot: Pilot[None], app: RaciApp, _edits: int) -> dict[str, float]:
    from raci.lint.suggestions import SUGGESTERS
    from raci.tui.screens.suggestions import SuggestionsScreen

    finding = min((f for f in app.findings if f.code in SUGGESTERS and not f.waived),
                  key=lambda f: f.code != "OWN001", default=None)
    if finding is None:
        raise Skipped("no finding has suggestions")
    await pilot.press("3")
    await pilot.pause()
    watch = Stopwatch()
    app.show_suggestions(finding)  # what `f` on the finding does
    await until(pilot, lambda: isinstance(app.screen, SuggestionsScreen)
                and app.screen.suggestions is not None)
    figures = timed("suggestions", watch)
    await pilot.press("escape")
    await pilot.pause()
    return figures


async def review_start(pilot: Pilot[None], app: RaciApp, _edits: int) -> dict[str, float]:
    from raci.tui.screens.answers import AnswerForm
    from raci.tui.screens.review import ReviewScreen

    if all(finding.waived for finding in app.findings):
        raise Skipped("the model has no finding to review")
    await pilot.press("R")
    await until(pilot, lambda: isinstance(app.screen, AnswerForm))
    await pilot.pause()
    watch = Stopwatch()
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ReviewScreen) and not app.screen.busy)
    return timed("review_start", watch)


async def cell_edits(pilot: Pilot[None], app: RaciApp, edits: int) -> dict[str, float]:
    """The median and the slowest of the edits, in wall and CPU ms."""
    from raci.tui.widgets.matrix import RaciMatrix

    assert app.session is not None
    await pilot.press("2")
    await pilot.pause()
    matrix = app.query_one(RaciMatrix)
    times = []
    for number in range(edits):
        cell = matrix.cursor_cell
        if cell is None:
            raise Skipped("the matrix has no cell: the model has no items or no actors")
        held = app.session.model.letters_of(cell[0].id, cell[1].id)
        letter = next(key for key in LETTERS[number % 4:] + LETTERS
                      if (key.upper(),) != held)
        before = app.findings
        watch = Stopwatch()
        # The press runs beside the watch: the pilot's own wait after a key is not timed.
        pressing = asyncio.create_task(pilot.press(letter))
        while app.findings is before:
            await asyncio.sleep(0.001)
        times.append(watch.ms())
        await pressing
        assert app.session.model.letters_of(cell[0].id, cell[1].id) == (letter.upper(),)
        await pilot.press("down")
    figures: dict[str, float] = {}
    for name, values in zip(("cell_edit", "cell_edit_cpu"), zip(*times, strict=True),
                            strict=True):
        figures |= {f"{name}_ms": statistics.median(values), f"{name}_max_ms": max(values)}
    return figures


STEPS = {"expand_people": expand_people, "palette": palette_jump, "suggestions": suggestions,
         "cell_edit": cell_edits, "review_start": review_start}
"""The steps after the findings, in the order a user takes them."""


def compiled_first() -> None:
    """Run again in a fresh process once raci's bytecode is written, as an
    installed raci has it: a worktree run with PYTHONDONTWRITEBYTECODE would
    otherwise compile every module of raci at each start (0.2-0.3 s)."""
    if os.environ.get(COMPILED) == "1":
        return
    compileall.compile_dir(Path(__file__).parents[1] / "raci", quiet=1)
    os.environ[COMPILED] = "1"
    os.execv(sys.executable, [sys.executable, "-m", "benchmarks.app_bench", *sys.argv[1:]])


def _step_said(name: str, figures: dict[str, float]) -> str:
    if name == "cell_edit":
        return (f"{figures['cell_edit_ms']:.0f} ms median, {figures['cell_edit_max_ms']:.0f} ms "
                f"slowest ({figures['cell_edit_cpu_ms']:.0f} and "
                f"{figures['cell_edit_cpu_max_ms']:.0f} ms CPU)")
    return f"{figures[name + '_ms']:.0f} ms ({figures[name + '_cpu_ms']:.0f} ms CPU)"


def main() -> None:
    compiled_first()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--edits", type=int, default=30, help="Matrix edits to time.")
    args = parser.parse_args()
    figures, skipped = asyncio.run(measure(args.database, args.edits))
    if args.json:
        print(json.dumps(figures | ({"skipped": skipped} if skipped else {})))
        return
    print(f"start to first paint:          {figures['first_paint_s']:.2f} s")
    print(f"start to findings shown:       {figures['findings_shown_s']:.2f} s "
          f"({figures['findings_shown_cpu_s']:.2f} s CPU, and "
          f"{figures['findings_shown_child_cpu_s']:.2f} s in the first findings' process)")
    for name, step, what in (("expand_people", "expand_people", "expand People"),
                             ("palette_search", "palette", "palette: last key to the hit"),
                             ("palette_jump", "palette", "palette: enter to the person"),
                             ("suggestions", "suggestions", "f to the suggestions"),
                             ("cell_edit", "cell_edit", "matrix cell edit to findings"),
                             ("review_start", "review_start", "review: name to first finding")):
        print(f"{what + ':':<31}" + (f"skipped: {skipped[step]}" if step in skipped
                                     else _step_said(name, figures)))
    print(f"peak memory:                   {figures['peak_mb']:.0f} MB")


if __name__ == "__main__":
    main()
