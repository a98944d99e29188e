"""Edits made from text, one way everywhere: the command line's FIELD=VALUE
and the app's forms read a field alike, and giving an indicator letters gives
it a `raci` block wherever the letters are given."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import pytest

from raci.formats.edits import entity_change, value_from_text
from raci.importing import import_file
from raci.model import Assignment, Goal, Initiative, Kpi, Model, Org, Role
from raci.model.changes import set_cells
from raci.source import open_model
from raci.tui.forms import check_form, values_of


def small() -> Model:
    model = Model(org=Org("Small"))
    model.goals["g"] = Goal(id="g", name="Goal")
    model.roles["r"] = Role(id="r", name="Role")
    model.roles["s"] = Role(id="s", name="Other")
    model.initiatives["i"] = Initiative(id="i", name="Initiative", goals=["g"])
    model.kpis["k"] = Kpi(id="k", name="Indicator", measures="g", type="lagging")
    model.assignments = [Assignment("g", "A", "r"), Assignment("i", "A", "r")]
    return model


@pytest.mark.parametrize(("kind", "field", "text", "value"), [
    ("initiative", "goals", " g1, g2 ,,", ["g1", "g2"]),
    ("initiative", "success_criteria", "200 homes, 40 streets; a plan", [
        "200 homes, 40 streets", "a plan"]),
    ("unit", "external", "TRUE", True),
    ("body", "temporary", "false", False),
    ("body", "meets_every_days", "14.0", 14),
    ("person", "capacity_fte", "0.8", 0.8),
    ("goal", "due", "2026-11-01", "2026-11-01"),
    ("goal", "due", "", None),
])
def test_a_field_s_text_becomes_what_the_model_file_holds(
        kind: str, field: str, text: str, value: object) -> None:
    got = value_from_text(kind, field, text)
    assert (got.isoformat() if field == "due" and got else got) == value


@pytest.mark.parametrize(("kind", "field", "text", "reason"), [
    ("unit", "external", "yes", "'yes' is not true or false"),
    ("body", "meets_every_days", "2.5", "'2.5' is not a whole number"),
    ("person", "capacity_fte", "veel", "'veel' is not a number"),
    ("goal", "due", "2026-02-30", "'2026-02-30' is not a date (YYYY-MM-DD)"),
])
def test_a_field_s_text_that_cannot_be_read_says_why(
        kind: str, field: str, text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        value_from_text(kind, field, text)


def form(model: Model, kind: str, editing: str | None, **changed: str):
    values = values_of(model, model.get(editing)) if editing else {"id": "x", "name": "X"}
    values.update(changed)
    return check_form(model, kind, values, editing, threading.RLock(), set())


def test_the_form_reads_a_field_as_the_command_line_does(tmp_path: Path, raci) -> None:
    model = small()
    check = form(model, "initiative", "i", success_criteria="200 homes, 40 streets; a plan")
    assert check.ok and check.change is not None
    assert check.change.put[0].success_criteria == ["200 homes, 40 streets", "a plan"]
    assert form(model, "unit", None, external="ja").by_field == {
        "external": ["'ja' is not true or false"]}

    path = tmp_path / "small.yaml"
    from raci.formats import write_model

    write_model(model, path)
    db = tmp_path / "small.db"
    import_file(path, str(db))
    assert raci("set", db, "i", "success_criteria=200 homes, 40 streets; a plan").code == 0
    assert open_model(str(db)).model.initiatives["i"].success_criteria == [
        "200 homes, 40 streets", "a plan"]


def test_letters_on_an_indicator_give_it_a_raci_block_however_they_are_given() -> None:
    model = small()
    change = set_cells(model, {("k", "r"): ("A",)})
    assert [e for e in change.put if e.id == "k"] == [
        Kpi(id="k", name="Indicator", measures="g", type="lagging", has_raci=True)]
    check = form(model, "kpi", "k", A="r", target="more")
    assert check.change is not None
    kpis = [e for e in check.change.put if e.id == "k"]
    assert len(kpis) == 1 and isinstance(kpis[0], Kpi)
    assert kpis[0].has_raci and kpis[0].target == "more"
    assert check.change.assign == [Assignment("k", "A", "r")]


def test_an_entity_rebuilt_from_its_data_keeps_its_raci_block() -> None:
    model = small()
    model.kpis["k"].has_raci = True
    change = entity_change(model, "kpi", {"id": "k", "name": "New", "measures": "g",
                                          "type": "lagging"})
    assert change.put == [Kpi(id="k", name="New", measures="g", type="lagging", has_raci=True)]


def test_a_form_takes_away_the_letters_no_longer_listed_and_leaves_the_rest() -> None:
    model = small()
    model.assignments.append(Assignment("i", "C", "s"))
    check = form(model, "initiative", "i", C="")
    assert check.change is not None
    assert check.change.unassign == [Assignment("i", "C", "s")] and check.change.assign == []
