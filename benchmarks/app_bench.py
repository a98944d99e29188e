"""The app's own benchmark (SPEC §5), headless, on a model database:

    .venv/bin/python -m benchmarks.app_bench DATABASE [--json] [--edits N]

- *first paint*: from the start of this process (before Textual and the app
  are imported) until the app's first screen is on the (headless) terminal,
  and until the model is loaded and shown with its findings;
- *cell edit*: in the matrix, from the key that sets a letter until the
  findings of the edited model are on screen (the median of N edits, each
  one checked to have changed the model).

It reports the times; it checks none. `benchmarks.run` calls it on the
ministry model with `--json`.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
from pathlib import Path  # noqa: E402

LETTERS = ("r", "c", "i", "a")


async def measure(database: Path, edits: int) -> dict[str, float]:
    from raci.tui import RaciApp, make_app
    from raci.tui.widgets.matrix import RaciMatrix

    app: RaciApp = make_app(database)
    async with app.run_test(size=(120, 40)) as pilot:
        first_paint = time.perf_counter() - STARTED
        while app.session is None or app.sub_title.endswith("…"):
            await asyncio.sleep(0.005)
        await pilot.pause()
        model_shown = time.perf_counter() - STARTED
        await pilot.press("2")
        await pilot.pause()
        matrix = app.query_one(RaciMatrix)
        times = []
        for number in range(edits):
            cell = matrix.cursor_cell
            assert cell is not None
            held = app.session.model.letters_of(cell[0].id, cell[1].id)
            letter = next(key for key in LETTERS[number % 4:] + LETTERS
                          if (key.upper(),) != held)
            before = app.findings
            start = time.perf_counter()
            # The press runs beside the watch: the pilot's own wait after a key is not timed.
            pressing = asyncio.create_task(pilot.press(letter))
            while app.findings is before:
                await asyncio.sleep(0.001)
            times.append((time.perf_counter() - start) * 1000)
            await pressing
            assert app.session.model.letters_of(cell[0].id, cell[1].id) == (letter.upper(),)
            await pilot.press("down")
    return {
        "first_paint_s": round(first_paint, 3),
        "model_shown_s": round(model_shown, 3),
        "cell_edit_ms": round(statistics.median(times), 1),
        "cell_edit_max_ms": round(max(times), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database", type=Path)
    parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    parser.add_argument("--edits", type=int, default=12, help="Matrix edits to time.")
    args = parser.parse_args()
    figures = asyncio.run(measure(args.database, args.edits))
    if args.json:
        print(json.dumps(figures))
        return
    print(f"start to first paint:          {figures['first_paint_s']:.2f} s (target ≤ 1.5 s)")
    print(f"start to model and findings:   {figures['model_shown_s']:.2f} s")
    print(f"matrix cell edit to findings:  {figures['cell_edit_ms']:.0f} ms median, "
          f"{figures['cell_edit_max_ms']:.0f} ms max (target ≤ 100 ms)")


if __name__ == "__main__":
    main()
