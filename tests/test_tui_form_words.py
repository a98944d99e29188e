"""A form's errors name its fields by the labels it shows, in the user's
language, never by the model file's keys (``reports_to``, ``raci.A``)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from apphelp import adding, field_error, fill, loaded, until

from raci.model import Model, Org, Role
from raci.tui import make_app
from raci.tui.forms import check_form
from raci.tui.widgets.entity_form import EntityForm


@pytest.mark.usefixtures("in_dutch")
async def test_a_form_error_says_the_field_as_the_form_shows_it(database: Path) -> None:
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        form = await adding(pilot, app, "role")
        fill(form, id="r.nieuw", name="Nieuwe rol", reports_to="niemand")
        await until(pilot, lambda: field_error(form, "reports_to"), "the field's error")
        error = field_error(form, "reports_to")
        assert error.startswith("rol r.nieuw: rapporteert aan 'niemand' bestaat niet"), error
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, EntityForm), "the form closed")
        form = await adding(pilot, app, "goal")
        fill(form, id="g.nieuw", name="Nieuw doel", A="niemand")
        await until(pilot, lambda: field_error(form, "A"), "the A field's error")
        error = field_error(form, "A")
        assert "raci.A" not in error and "A Eindverantwoordelijk 'niemand'" in error, error


@pytest.mark.parametrize(("kind", "values", "where", "said"), [
    ("role", {"reports_to": "nobody"}, "reports_to", "role x: reports to 'nobody' names nothing"),
    ("unit", {"parent": "r"}, "parent", "unit x: part of 'r' is not a unit but a role"),
    ("kpi", {"measures": "r", "type": "lagging"}, "measures",
     "indicator x: measures 'r' is not a goal or initiative"),
    ("body", {"kind": "steering_group", "meets_every_days": "-3"}, "",
     "body x: meets every … days: the number -3 is not a whole number"),
])
def test_every_form_message_says_the_label(kind: str, values: dict[str, str], where: str,
                                           said: str) -> None:
    model = Model(org=Org("Klein"))
    model.roles["r"] = Role(id="r", name="Rol")
    check = check_form(model, kind, {"id": "x", "name": "X", **values}, None,
                       threading.RLock(), set())
    messages = check.by_field.get(where, []) if where else check.general
    assert any(message.startswith(said) for message in messages), messages
    assert not any("_" in message for message in messages), messages
