"""Snapshots of the main screens at 80×24 and 120×40 (pytest-textual-snapshot).

The model is fixed, with a fixed as-of date, so the screens are the same on
every run. After a deliberate change to the screens, look at the report and
update with ``pytest tests/test_tui_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from apphelp import MODEL_FILE
from textual.pilot import Pilot
from textual.widgets import Input

from raci.importing import import_file
from raci.tui import RaciApp, make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SnapCompare = Callable[..., bool]


@pytest.fixture
def app(tmp_path: Path) -> RaciApp:
    model_file = tmp_path / "warmte.yaml"
    model_file.write_text(MODEL_FILE, encoding="utf-8")
    import_file(model_file, str(tmp_path / "org.db"))
    return make_app(tmp_path / "org.db")


async def _loaded(pilot: Pilot[None]) -> RaciApp:
    app = pilot.app
    assert isinstance(app, RaciApp)
    for _ in range(300):
        if app.session is not None and app.findings:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    return app


def _showing(view: str, then: Callable[[RaciApp, Pilot[None]], Awaitable[None]] | None = None
             ) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        app = await _loaded(pilot)
        if view == "explorer":
            app.show_entity("dg-bw")
        else:
            app.action_show_view(view)
        await pilot.pause()
        if then is not None:
            await then(app, pilot)
        await pilot.pause()

    return run_before


async def _diagram_of_dg_bw(app: RaciApp, pilot: Pilot[None]) -> None:
    app.query_one("#diagram-focus", Input).value = "dg-bw"
    for _ in range(100):
        await pilot.pause(0.05)
        if "Secretaris" in str(app.query_one("#diagram-preview").render()):
            break
    file = app.query_one("#diagram-file", Input)
    file.cursor_blink = False  # the picture must not depend on when it is taken
    file.focus()


async def _cursor_on_a_marked_row(app: RaciApp, pilot: Pilot[None]) -> None:
    """The initiative serving no goal, with its findings: the last row."""
    await pilot.press(*["down"] * 5, "right")


@pytest.mark.parametrize("size", SIZES)
def test_explorer(app: RaciApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=_showing("explorer"))


@pytest.mark.parametrize("size", SIZES)
def test_matrix(app: RaciApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size,
                        run_before=_showing("matrix", _cursor_on_a_marked_row))


@pytest.mark.parametrize("size", SIZES)
def test_findings(app: RaciApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size, run_before=_showing("findings"))


@pytest.mark.parametrize("size", SIZES)
def test_diagram(app: RaciApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(app, terminal_size=size,
                        run_before=_showing("diagram", _diagram_of_dg_bw))


async def _editing_the_body(app: RaciApp, pilot: Pilot[None]) -> None:
    app.show_entity("sg-warmte")
    await pilot.pause()
    await pilot.press("e")
    for field in app.screen.query(Input):
        field.cursor_blink = False  # the picture must not depend on when it is taken
    await pilot.pause(0.5)  # the form's first check


@pytest.mark.parametrize("size", SIZES)
def test_form(app: RaciApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    """A form fits 80×24: labels beside fields, in words."""
    assert snap_compare(app, terminal_size=size,
                        run_before=_showing("explorer", _editing_the_body))
