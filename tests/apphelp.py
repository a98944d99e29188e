"""Driving the app in a test as a user does: a small model in a real SQLite
file, the app started on it headless, keys pressed, and what it shows and
stores read back. The fixtures built on these (`database`, `body_owns_a_goal`,
`fact_not_recorded`, `in_dutch`) are in `conftest.py`."""

from __future__ import annotations

import io
import tempfile
import textwrap
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, Tree
from textual.widgets.tree import TreeNode

from raci.i18n import said_again
from raci.importing import import_file
from raci.model import Assignment, Model
from raci.model.changes import Change
from raci.source import database_url
from raci.store import open_store
from raci.tui import RaciApp
from raci.tui.messages import ChangeRequested
from raci.tui.screens.keys import KeysScreen
from raci.tui.screens.review import ReviewScreen
from raci.tui.screens.scenarios import ScenariosScreen
from raci.tui.screens.suggestions import SuggestionsScreen
from raci.tui.widgets.delete_modal import ConfirmDelete
from raci.tui.widgets.entity_form import EntityForm
from raci.tui.widgets.explorer import ExplorerView
from raci.tui.widgets.fact_modal import FactScreen
from raci.tui.widgets.findings import FindingsView
from raci.tui.widgets.matrix import RaciMatrix
from raci.tui.widgets.scenario_bar import ScenarioBar
from raci.tui.widgets.waiver_modal import WaiverForm

MODEL_FILE = textwrap.dedent(
    """\
    raci: 1
    org:
      name: Programma Warmte
      as_of: 2026-11-01
    units:
      - id: bzk
        name: Ministerie van BZK
      - id: bzk-dgbw
        name: DG Bouwen en Wonen
        parent: bzk
      - id: bureau-x
        name: Adviesbureau X
        external: true
    people:
      - id: p.jansen
        name: Petra Jansen
        unit: bzk-dgbw
      - id: p.dekker
        name: Sander Dekker
        unit: bureau-x
      - id: p.smit
        name: Anna Smit
        unit: bzk
    roles:
      - id: sg-bzk
        name: Secretaris-Generaal BZK
        unit: bzk
        holders: [p.smit]
      - id: dg-bw
        name: Directeur-Generaal Bouwen en Wonen
        unit: bzk-dgbw
        holders: [p.jansen]
        reports_to: sg-bzk
      - id: kwartiermaker
        name: Kwartiermaker Warmte
        holders: [p.dekker]
        temporary: true
        sunset: 2027-06-30
    bodies:
      - id: sg-warmte
        name: Stuurgroep Warmte
        kind: steering_group
        chair: dg-bw
        members: [dg-bw, kwartiermaker, sg-bzk]
        meets_every_days: 30
    goals:
      - id: g.klimaat
        name: Klimaatdoelen gebouwde omgeving
        raci: {A: sg-bzk}
      - id: g.aardgasvrij
        name: Woningen aardgasvrij
        parent: g.klimaat
        due: 2030-12-31
        raci: {A: dg-bw, R: [kwartiermaker], C: [sg-warmte]}
    initiatives:
      - id: i.wijkaanpak
        name: Wijkgerichte aanpak
        goals: [g.aardgasvrij]
        success_criteria: ["200 wijken gestart"]
        raci: {A: dg-bw, R: [p.jansen]}
      - id: i.isolatie
        name: Isolatieprogramma
        goals: [g.aardgasvrij]
    decisions:
      - id: d.subsidie
        name: Subsidieregeling vaststellen
        about: [i.wijkaanpak]
        raci: {A: sg-warmte, C: [dg-bw]}
    kpis:
      - id: k.woningen
        name: Aantal aardgasvrije woningen
        measures: g.aardgasvrij
        type: lagging
        raci: {A: dg-bw}
    """
)
"""Programma Warmte: a small model with something of every kind, and findings."""

FACTS_ON_THE_EDGE = "[raci.rules.DAT001]\nmin_missing = 1\nmin_share = 0.5\n"
"""A configuration with which one initiative of two without success criteria
is a fact not recorded (DAT001)."""
OWNERLESS = "OWN001"
"""i.isolatie has no Accountable: its two suggestions make dg-bw or sg-bzk it."""
NO_POLLING = 3600.0
"""So that a save, not the idle look for other processes' changes, finds them."""


def database_of(folder: Path, model_text: str = MODEL_FILE, config: str = "") -> Path:
    """`model_text` imported into `org.db` in `folder`, with `config` as its `raci.toml`."""
    (folder / "warmte.yaml").write_text(model_text, encoding="utf-8")
    database = folder / "org.db"
    database.write_bytes(imported(model_text))
    if config:
        (folder / "raci.toml").write_text(config, encoding="utf-8")
    return database


@cache
def imported(model_text: str) -> bytes:
    """The SQLite file `raci import` makes of `model_text`, made once a process:
    the same bytes wherever and whenever it is made, and a hundred-odd app tests
    start from one (0.1-0.2 s of CPU each to import)."""
    with tempfile.TemporaryDirectory(prefix="raci-test-") as folder:
        model_file = Path(folder) / "warmte.yaml"
        model_file.write_text(model_text, encoding="utf-8")
        import_file(model_file, str(Path(folder) / "org.db"))
        return (Path(folder) / "org.db").read_bytes()


def stored(database: Path) -> Model:
    """What the database holds now, read by a second store as another process would."""
    with open_store(database_url(str(database))) as store:
        return store.load()


def steps_of(database: Path, name: str) -> list[str]:
    """What the database holds of scenario `name`: its steps, as they are
    said in the current language."""
    with open_store(database_url(str(database))) as store:
        return [said_again(step.summary) for step in store.scenario(name).steps]


WAITED_SECONDS = 30.0
"""How long `until` waits for what the app does in the background (a lint,
a save, a form's check): seconds on a quiet machine, many times that on a
busy one (three test workers on two cores, and other work beside)."""


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Wait for `condition`, at most `WAITED_SECONDS` by the clock (300
    pauses of 0.02 s, as before, gave six seconds or a little more)."""
    deadline = time.monotonic() + WAITED_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited in vain for {what}")
        await pilot.pause(0.02)


async def loaded(pilot: Pilot[None]) -> RaciApp:
    """The app, once its model is loaded and linted."""
    app = pilot.app
    assert isinstance(app, RaciApp)
    await until(pilot, lambda: app.session is not None and app.findings, "the model and findings")
    await pilot.pause()
    return app


async def on_matrix_row(pilot: Pilot[None], app: RaciApp, item_id: str) -> RaciMatrix:
    """The matrix shown, its cursor on `item_id`'s row, first actor."""
    await pilot.press("2")
    await pilot.pause()
    matrix = app.query_one(RaciMatrix)
    matrix.go_to(0, next(n for n, item in enumerate(matrix.rows) if item.id == item_id))
    await pilot.pause()
    return matrix


async def adding(pilot: Pilot[None], app: RaciApp, kind: str) -> EntityForm:
    """Open the form that adds an entity of `kind`."""
    app.query_one(ExplorerView).action_add(kind)
    await pilot.pause()
    form = app.screen
    assert isinstance(form, EntityForm)
    return form


def fill(form: EntityForm, **values: str) -> None:
    """Give each named field of the form its text (``fill(form, id="p.x", A="dg-bw")``)."""
    for name, value in values.items():
        form.query_one(f"#field-{name}", Input).value = value


def field_error(form: EntityForm, name: str) -> str:
    """What the form says beside field `name` (nothing when it is right)."""
    return str(form.query_one(f"#error-{name}", Static).render())


async def pressed_on(pilot: Pilot[None], app: RaciApp, entity_id: str, key: str) -> None:
    """Show an entity in the explorer and press a key there (`e` edits, `r` renames)."""
    app.show_entity(entity_id)
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()


async def deleting(pilot: Pilot[None], app: RaciApp, entity_id: str) -> str:
    """Press `d` on an entity: what the question says goes with it."""
    await pressed_on(pilot, app, entity_id, "d")
    confirm = app.screen
    assert isinstance(confirm, ConfirmDelete)
    return str(confirm.query_one("#confirm-details Static", Static).render())


def keys_listed(app: App[None], width: int = 200) -> str:
    """What the `?` screen lists, as text `width` wide (wide enough by
    default that no description wraps: one key and what it does a line)."""
    screen = app.screen
    assert isinstance(screen, KeysScreen)
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(screen.listed())
    return console.export_text()


def findings_tree(app: RaciApp) -> Tree[object]:
    return app.query_one("#findings-tree", Tree)


async def on_finding(pilot: Pilot[None], app: RaciApp, code: str, waived: bool = False
                     ) -> TreeNode[object]:
    """Show the findings view with the cursor on the first finding of `code`
    (the first waived one, with `waived`)."""
    await pilot.press("3")
    await pilot.pause()
    tree = findings_tree(app)
    finding = next(f for f in app.findings if f.code == code and f.waived == waived)
    app.query_one(FindingsView).show_finding(finding)
    await until(pilot, lambda: tree.cursor_node is not None
                and tree.cursor_node.data is finding, f"the cursor on {code}")
    assert tree.cursor_node is not None
    return tree.cursor_node


async def waiving(pilot: Pilot[None], app: RaciApp, code: str) -> WaiverForm:
    """`w` on the first finding of `code`: the waiver form."""
    await on_finding(pilot, app, code)
    await pilot.press("w")
    await until(pilot, lambda: isinstance(app.screen, WaiverForm), "the waiver form")
    form = app.screen
    assert isinstance(form, WaiverForm)
    return form


def finding_detail(app: RaciApp) -> str:
    """The line under the findings tree: what the finding at the cursor is about."""
    return str(app.query_one("#finding-detail", Static).render())


async def fact_explained(pilot: Pilot[None], app: RaciApp) -> str:
    """Press enter on the DAT001 finding; what the fact's screen then says."""
    await on_finding(pilot, app, "DAT001")
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, FactScreen), "the fact's screen")
    return str(app.screen.query_one("#confirm-details Static", Static).render())


async def suggestions_tried(pilot: Pilot[None], app: RaciApp, code: str = OWNERLESS) -> None:
    """The findings view, the cursor on the first finding of `code` (the
    ownerless initiative's OWN001), `f`, and the suggestions tried."""
    await on_finding(pilot, app, code)
    await pilot.press("f")
    await until(pilot, lambda: isinstance(app.screen, SuggestionsScreen)
                and app.screen.suggestions is not None, "the suggestions, tried")
    await pilot.pause()


async def edited_in_a_pause(pilot: Pilot[None], app: RaciApp, summary: str) -> None:
    """Pause the review at its finding to edit (`e`) and make an edit, as a
    form would: sg-bzk made Accountable for i.isolatie, said as `summary`
    (what the minutes list)."""
    await pilot.press("e")
    await until(pilot, lambda: not isinstance(app.screen, ReviewScreen), "the pause")
    app.post_message(ChangeRequested(
        Change(assign=[Assignment("i.isolatie", "A", "sg-bzk")]), summary))
    await until(pilot, lambda: app.session is not None and app.session.model.letters_of(
        "i.isolatie", "sg-bzk") == ("A",), "the edit")


async def typed(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, as a user does."""
    await pilot.press(*("space" if c == " " else c for c in text))


async def new_scenario(pilot: Pilot[None], app: RaciApp, name: str) -> None:
    """Start scenario `name` as a user does (`S`, `n`, its name) and wait until it is open."""
    await pilot.press("S")
    await until(pilot, lambda: isinstance(app.screen, ScenariosScreen)
                and options(app, "#scenarios-list"), "the scenarios")
    await pilot.press("n")
    await typed(pilot, name)
    await pilot.press("enter")
    await until(pilot, lambda: app.place.scenario == name and app.session is not None
                and app.query_one(ScenarioBar).delta is not None, f"scenario {name}")


def codes(app: RaciApp, target: str) -> set[str]:
    """The codes of the findings on `target` that are not waived."""
    return {f.code for f in app.findings if target in f.targets and not f.waived}


def said(app: RaciApp) -> list[str]:
    """What the app has told the user in its notices, oldest first."""
    return [notification.message for notification in app._notifications]


def prompts(options: OptionList) -> list[str]:
    """The lines an option list offers (a detail's relations, the palette's hits)."""
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def options(app: RaciApp, selector: str) -> list[str]:
    """The lines the option list `selector` on the screen offers."""
    return prompts(app.screen.query_one(selector, OptionList))


def screen_text(app: RaciApp) -> str:
    """The screen as the terminal shows it, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
