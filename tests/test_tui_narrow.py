"""The app at 80 × 24: the footer's keys fit, none cut under the palette's key.

Textual's footer shows every key in one line; at 80 columns the last ones
ran under the palette's key ("paletteS"). The least needed keys now give way
(`?` still lists them) and come back when the terminal is wider.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from apphelp import MODEL_FILE, loaded, screen_text
from textual.widgets import Checkbox, Footer
from textual.widgets._footer import FooterKey, FooterLabel

from raci.i18n import set_language
from raci.importing import import_file
from raci.tui import RaciApp, make_app
from raci.tui.language import translate_bindings


@pytest.fixture
def in_dutch() -> Iterator[None]:
    set_language("nl")
    yield
    set_language("en")
    translate_bindings()  # the next app's keys in English again


def footer_keys(app: RaciApp) -> tuple[list[FooterKey], FooterKey]:
    """The keys shown in the main screen's footer, and the palette's key."""
    keys = list(app.screen.query_one(Footer).query(FooterKey))
    palette = next(k for k in keys if k.has_class("-command-palette"))
    return [k for k in keys if k is not palette], palette


@pytest.mark.parametrize(("language", "quit_", "keys_"),
                         [("en", "Quit", "Keys"), ("nl", "Afsluiten", "Toetsen")])
async def test_the_footer_fits_80_columns_in_every_view(
        database: Path, language: str, quit_: str, keys_: str) -> None:
    """Each key's label sits with its key, in either language (Dutch words
    are longer: "^z Ongedaan maken" ran under the palette's key)."""
    set_language(language)
    try:
        async with make_app(database).run_test(size=(80, 24)) as pilot:
            app = await loaded(pilot)
            for view in "1234":
                await pilot.press(view)
                await pilot.pause()
                keys, palette = footer_keys(app)
                labels = list(app.screen.query_one(Footer).query(FooterLabel))
                descriptions = [k.description for k in keys]
                assert keys and all(k.region.right <= palette.region.x
                                    for k in [*keys, *labels]), descriptions
                assert palette.region.right <= 80
                assert quit_ in descriptions and keys_ in descriptions
    finally:
        set_language("en")
        translate_bindings()  # the next app's keys in English again


async def test_keys_left_out_come_back_in_a_wider_terminal(database: Path) -> None:
    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        assert "Redo" not in [k.description for k in footer_keys(app)[0]]
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert "Redo" in [k.description for k in footer_keys(app)[0]]


@pytest.mark.parametrize("language", ["en", "nl"])
async def test_no_key_is_left_out_that_would_fit(database: Path, language: str) -> None:
    """At 80 columns in Dutch the explorer left "/ Zoeken" out beside ~16
    empty columns, once "^z Ongedaan maken" had gone: each key left out now
    needs more room (with its margin) than the footer has left."""
    set_language(language)
    try:
        async with make_app(database).run_test(size=(160, 24)) as pilot:
            app = await loaded(pilot)
            for view in "1234":
                await pilot.resize_terminal(160, 24)
                await pilot.press(view)
                await pilot.pause()
                every = {(k.key_display, k.description): k.region.width
                         for k in footer_keys(app)[0]}
                await pilot.resize_terminal(80, 24)
                await pilot.pause()
                await pilot.pause()
                keys, palette = footer_keys(app)
                room = palette.region.x - max(k.region.right for k in keys) - 1  # a margin
                left_out = {key: width for key, width in every.items()
                            if key not in {(k.key_display, k.description) for k in keys}}
                assert left_out and all(width + 1 > room for width in left_out.values()), (
                    view, room, left_out)
    finally:
        set_language("en")
        translate_bindings()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.usefixtures("in_dutch")
async def test_a_form_draws_its_checkbox_whole(database: Path, size: tuple[int, int]) -> None:
    """The "extern" checkbox was drawn "▐X…" in every form, focused or not."""
    async with make_app(database).run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        box = pilot.app.screen.query_one("#field-external", Checkbox)
        for focused in (False, True):
            if focused:
                box.focus()
                await pilot.pause()
            line = next(line for line in screen_text(pilot.app).splitlines()
                        if " extern " in line)
            assert "▐X▌" in line and "…" not in line, (focused, line)


async def test_text_fields_end_within_their_row_and_the_screen(database: Path) -> None:
    """A text field is as wide as what holds it: without a width of its own
    the form's fields ran to column 117 of 100, and the diagram tab's depth
    field and Export button were off the screen."""
    async with make_app(database).run_test(size=(100, 30)) as pilot:
        await loaded(pilot)
        await pilot.press("n")
        await pilot.pause()
        rows = list(pilot.app.screen.query(".field-row"))
        assert rows
        for row in rows:
            for field in row.query("Input, Select"):
                assert field.region.right <= row.region.right, (field.id, field.region, row.region)
        await pilot.press("escape", "4")
        await pilot.pause()
        for holder in pilot.app.screen.query("#diagram-choice, #diagram-export"):
            for control in holder.children:
                assert 0 < control.region.right <= 100, (control.id, control.region)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.usefixtures("in_dutch")
async def test_the_diagram_view_reads_whole_in_dutch(database: Path, size: tuple[int, int]) -> None:
    """The view list showed "organisati / e" over two lines, and the file
    field's example was English ("drawing.svg")."""
    async with make_app(database).run_test(size=size) as pilot:
        await loaded(pilot)
        await pilot.press("4")
        await pilot.pause()
        lines = screen_text(pilot.app).splitlines()
        assert any("organisatie ▼" in line for line in lines), lines[:8]
        assert any("tekening.svg" in line for line in lines), lines[-6:]
        assert not any("drawing.svg" in line for line in lines)


@pytest.mark.usefixtures("in_dutch")
async def test_the_start_text_reads_whole_at_80_columns(tmp_path: Path) -> None:
    """With the organisation's description above it, the start text lost
    its last line ("toets.") at 80 × 24 beside empty rows: it had the room
    of the fields shown above an entity's relations."""
    model_file = tmp_path / "warmte.yaml"
    model_file.write_text(MODEL_FILE.replace("  as_of: 2026-11-01\n", (
        "  as_of: 2026-11-01\n  description: 'Interdepartementaal programma van KGG en BZK"
        " met RVO, netbeheerder Delta-Rijn Netwerken, de gemeenten Zwolle en Tilburg en"
        " de provincie Gelderland: warmtetransitie, isolatie en netcongestie in samenhang,"
        " met een stuurgroep, een programmaraad en drie werkgroepen.'\n")),
        encoding="utf-8")
    import_file(model_file, str(tmp_path / "org.db"))
    async with make_app(tmp_path / "org.db").run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        text = screen_text(pilot.app)
        assert "werkgroepen." in text and "toets." in text, text  # the last words


@pytest.mark.usefixtures("in_dutch")
async def test_the_review_footer_gives_way_whole_at_80_columns(database: Path) -> None:
    """The review's footer ended "… e Erheen en bewer": cut mid-word, with
    `s`, `q` and `esc` gone. Keys now leave whole, and ending the review,
    pausing it and `?` stay."""
    from test_tui_suggest import started_review

    async with make_app(database).run_test(size=(80, 24)) as pilot:
        app = await loaded(pilot)
        await started_review(pilot, app, "Anna")
        keys = list(app.screen.query_one(Footer).query(FooterKey))
        shown = {k.key for k in keys}
        assert all(k.region.right <= 80 for k in keys), [(k.description, k.region) for k in keys]
        assert {"q", "escape"} <= shown, shown


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("kind", ["goal", "initiative"])
@pytest.mark.usefixtures("in_dutch")
async def test_a_form_label_stays_on_one_line(
        database: Path, size: tuple[int, int], kind: str) -> None:
    """"A Eindverantwoordelijk" broke over three lines ("Eindverantwoordelij / k")."""
    from textual.widgets import Label

    from raci.tui.widgets.entity_form import EntityForm

    async with make_app(database).run_test(size=size) as pilot:
        app = await loaded(pilot)
        app.push_screen(EntityForm(app.session, kind, None))
        await pilot.pause()
        await pilot.pause()
        labels = [label for label in app.screen.query(Label).results()
                  if label.has_class("field-label")]
        assert any("Eindverantwoordelijk" in str(label.render()) for label in labels)
        assert all(label.region.height == 1 for label in labels), [
            str(label.render()) for label in labels if label.region.height != 1]


@pytest.mark.parametrize("width", [80, 83])
async def test_the_cursor_column_is_always_wholly_shown(database: Path, width: int) -> None:
    """A partly shown last column never scrolled into view with `End` or `l`:
    the matrix could not scroll far enough to show it whole."""
    from raci.tui.widgets.matrix import CELL_WIDTH, ITEM_WIDTH, RaciMatrix

    async with make_app(database).run_test(size=(width, 24)) as pilot:
        app = await loaded(pilot)
        await pilot.press("2")
        await pilot.pause()
        matrix = app.screen.query_one(RaciMatrix)
        room = matrix.scrollable_content_region.width
        assert ITEM_WIDTH + CELL_WIDTH * len(matrix.columns) > room  # some columns hidden
        for key in ["end", *["h"] * 3, *["l"] * 3]:
            await pilot.press(key)
            await pilot.pause()
            column = matrix.cursor[0]
            first = matrix.scroll_offset.x // CELL_WIDTH
            assert first <= column, (key, column, first)
            assert ITEM_WIDTH + (column - first + 1) * CELL_WIDTH <= room, (key, column, first)


@pytest.mark.usefixtures("in_dutch")
async def test_a_form_shows_a_decimal_as_dutch_writes_it(tmp_path: Path) -> None:
    """The detail said "1,5" where the form showed "1.5"; the form reads both."""
    from apphelp import database_of, pressed_on, stored, until
    from textual.widgets import Input

    database = database_of(tmp_path, MODEL_FILE.replace(
        "    unit: bureau-x\n", "    unit: bureau-x\n    capacity_fte: 1.5\n", 1))
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        await pressed_on(pilot, app, "p.dekker", "e")
        field = app.screen.query_one("#field-capacity_fte", Input)
        assert field.value == "1,5"
        field.value = "0.8"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: stored(database).people["p.dekker"].capacity_fte == 0.8,
                    "the point read too")


def test_two_columns_never_share_a_header() -> None:
    """Programmadirecteur VEGO and Programmasecretaris VEGO both read
    "Progra…" over "VEGO"."""
    from raci.tui.widgets.matrix import column_headers

    headers = column_headers(["Programmadirecteur VEGO", "Programmasecretaris VEGO",
                              "Stuurgroep Warmte"])
    assert headers[0] != headers[1], headers
    assert headers[0] == ("…direc…", "VEGO") and headers[1] == ("…secre…", "VEGO")
    assert headers[2] == ("Stuurg…", "Warmte")


def test_the_scopes_words_give_way_to_what_tells_the_columns_apart() -> None:
    """A unit's scope: most actors' names end in the unit's, and every such
    column read "…Energ…" under a cut first word; the unit's words go first
    (a person among the columns holds none of them)."""
    from raci.tui.widgets.matrix import column_headers

    unit = "Afdeling Toezicht Energie"
    headers = column_headers([unit, f"Jurist {unit}", f"Inkoper {unit}",
                              f"Senior adviseur {unit}", f"Controller {unit}", "Ingrid Mulder"],
                             scope=unit)
    assert headers[1:] == [("Jurist", ""), ("Inkoper", ""), ("Senior", "advise…"),
                           ("Contro…", ""), ("Ingrid", "Mulder")]
    assert headers[0] == ("Afdeli…", "…Energ…")  # the unit's own column: kept whole
