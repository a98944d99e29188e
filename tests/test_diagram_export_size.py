"""A neighbourhood saved as a picture from the app reads at 100 %: no empty
frames whose titles pile up, and a PNG whose smallest text is at least
`LEAST_PIXELS` high, measured against the drawing's own size.
"""

from __future__ import annotations

import struct
from pathlib import Path

from apphelp import database_of, loaded, pressed_on, until
from textual.widgets import Input

from raci.export.graph import focus_view
from raci.export.page import SMALLEST_DRAWN_POINTS
from raci.export.render import draw
from raci.export.views import build_view
from raci.formats import write_model
from raci.model import Model, Org, Role, Unit
from raci.tui import make_app

LEAST_PIXELS = 10.0
"""The smallest text a picture looked at on a screen at 100 % may have."""


def directorate(departments: int, staff: int) -> Model:
    """A directorate with `departments` departments of a head and `staff`
    roles each, every role reporting up; a second directorate beside it."""
    model = Model(Org("Directie met afdelingen"))
    model.add(Unit(id="min", name="Ministerie"))
    model.add(Unit(id="d", name="Directie Uitvoering", parent="min"))
    model.add(Unit(id="naast", name="Directie Naast", parent="min"))
    model.add(Role(id="d.hoofd", name="Directeur Uitvoering", unit="d"))
    for a in range(1, departments + 1):
        model.add(Unit(id=f"a{a}", name=f"Afdeling Uitvoering {a}", parent="d"))
        model.add(Role(id=f"a{a}.hoofd", name=f"Afdelingshoofd Uitvoering {a}", unit=f"a{a}",
                       reports_to="d.hoofd"))
        for s in range(1, staff + 1):
            model.add(Role(id=f"a{a}.r{s}", name=f"Beleidsmedewerker {s} Afdeling {a}",
                           unit=f"a{a}", reports_to=f"a{a}.hoofd"))
    return model


def test_a_neighbourhood_draws_no_frame_that_holds_nothing_drawn() -> None:
    """The walk from a unit reaches the units beside and under it; those whose
    people lie further than the depth were drawn as empty frames, their titles
    on top of one another (a DG's departments, at depth 2)."""
    model = directorate(3, 2)
    view = focus_view(build_view(model, "org"), model, "d", 1)
    framing = {node.cluster for node in view.nodes.values()}
    for key in list(framing):
        while (key := view.clusters[key].parent if key in view.clusters else None):
            framing.add(key)
    assert set(view.clusters) == framing | {"d"}
    assert "naast" not in view.clusters and "a1" not in view.clusters


def test_units_with_rows_wrapped_inside_stand_side_by_side() -> None:
    """Four departments of eight roles were measured as the one long row each
    was before its roles were wrapped (1,435 points), so they stood one under
    the other: a column a quarter of an A3 wide, its text 5 pt."""
    model = directorate(4, 8)
    fit = draw(focus_view(build_view(model, "org"), model, "d", 2), "svg").fit
    assert fit is not None
    assert fit.width > fit.height and fit.smallest_text > 7, fit


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels, from the PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


async def test_a_png_saved_from_the_app_keeps_its_text_readable(tmp_path: Path) -> None:
    """A PNG of a forty-node neighbourhood was shrunk to an A3 page at 96 dpi,
    its smallest text 7 pixels high (4 on a ministry's DG): a picture on a
    screen is drawn at its own size."""
    model = directorate(4, 9)
    model_file = tmp_path / "directie.yaml"
    write_model(model, model_file)
    database = database_of(tmp_path, model_file.read_text(encoding="utf-8"))
    picture = tmp_path / "directie.png"
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pressed_on(pilot, app, "d", "4")
        app.query_one("#diagram-file", Input).value = str(picture)
        await pilot.press("ctrl+s")
        await until(pilot, picture.exists, "the picture")
    width, _height = png_size(picture.read_bytes())
    view = focus_view(build_view(model, "org"), model, "d", 2)
    assert len(view.nodes) >= 40
    own = draw(view, "svg", page=None).fit  # at its own size: text at 10 pt and more
    assert own is not None and own.scale == 1.0
    pixels_per_point = width / own.width
    assert SMALLEST_DRAWN_POINTS * pixels_per_point >= LEAST_PIXELS, (width, own.width)
