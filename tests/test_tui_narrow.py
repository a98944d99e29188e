"""The app at 80 × 24: the footer's keys fit, none cut under the palette's key.

Textual's footer shows every key in one line; at 80 columns the last ones
ran under the palette's key ("paletteS"). The least needed keys now give way
(`?` still lists them) and come back when the terminal is wider.
"""

from __future__ import annotations

from pathlib import Path

from test_tui import database, loaded  # noqa: F401  (a fixture)
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from raci.tui import RaciApp, make_app


def footer_keys(app: RaciApp) -> tuple[list[FooterKey], FooterKey]:
    """The keys shown in the main screen's footer, and the palette's key."""
    keys = list(app.screen.query_one(Footer).query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    return [k for k in keys if k is not palette], palette


async def test_the_footer_fits_80_columns_in_every_view(database: Path) -> None:  # noqa: F811
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        for view in "1234":
            await pilot.press(view)
            await pilot.pause()
            keys, palette = footer_keys(app)
            descriptions = [k.description for k in keys]
            assert keys and all(k.region.right <= palette.region.x for k in keys), descriptions
            assert palette.region.right <= 80
            assert "Quit" in descriptions and "Keys" in descriptions


async def test_keys_left_out_come_back_in_a_wider_terminal(database: Path) -> None:  # noqa: F811
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        assert "Redo" not in [k.description for k in footer_keys(app)[0]]
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert "Redo" in [k.description for k in footer_keys(app)[0]]
