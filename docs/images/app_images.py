"""Draw the app's screens on the energietransitie sample into docs/images/
(the README's and the documentation's).

    .venv/bin/python docs/images/app_images.py

Runs the real app headless (Textual's `run_test`) on a fresh database made
from the sample, and saves what a user sees: the explorer, the matrix and
an edit form completing a name.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from textual.widgets import Input

from raci.importing import import_file
from raci.tui import RaciApp, make_app

HERE = Path(__file__).parent
SAMPLE = HERE.parent.parent / "sample_orgs" / "energietransitie.yaml"
SIZE = (120, 34)


async def _loaded(app: RaciApp) -> None:
    for _ in range(500):
        if app.session is not None and app.findings:
            return
        await asyncio.sleep(0.02)
    raise RuntimeError("the app did not load the sample")


async def draw(database: Path) -> None:
    app = make_app(database)
    async with app.run_test(size=SIZE) as pilot:
        await _loaded(app)
        app.show_entity("sg-vego")
        await pilot.pause(0.5)
        app.save_screenshot("app.svg", str(HERE))
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("down", "down", "right", "right")
        await pilot.pause(0.5)
        app.save_screenshot("app-matrix.svg", str(HERE))
        await pilot.press("1")
        app.show_entity("sg-vego")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause(0.5)
        members = app.screen.query_one("#field-members", Input)
        members.focus()
        members.cursor_position = len(members.value)
        await pilot.press(*", progr")
        await pilot.pause(0.5)
        app.save_screenshot("app-form.svg", str(HERE))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "org.db"
        import_file(SAMPLE, str(database))
        asyncio.run(draw(database))


if __name__ == "__main__":
    main()
