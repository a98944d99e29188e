"""`raci rename` reaches the scenarios stored with the model, in the same
transaction, as it reaches every reference in the model: a scenario's
changes, what they found and their lines name the new id, so the scenario
still applies; a rename refused leaves them as they were."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import Raci
from test_cli_scenarios import ok, refused
from test_cli_scenarios import org as org  # the fixture: Programma Proef in org.db
from test_scenario_store import steps_of_every_kind
from test_scenario_store import store as store  # the fixture: on SQLite and PostgreSQL

from raci.errors import ConflictError
from raci.i18n import N_, Said
from raci.model.changes import Change, set_cells
from raci.model.entities import Waiver
from raci.model.scenarios import Step
from raci.source import database_url
from raci.store import Store, open_store
from raci.tui.describe import label


def scenario_json(raci: Raci, database: str, name: str = "plan") -> dict[str, object]:
    return json.loads(ok(raci, "scenario", "show", database, name, "--format", "json"))


def sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_of_rows(path: str) -> str:
    """Of every row and table (SQLite's own bytes of a file change on a
    rollback: its change counter)."""
    with closing(sqlite3.connect(path)) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


def test_a_scenario_naming_a_renamed_id_still_applies_and_names_the_new_one(
        raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    ok(raci, "scenario", "move-a", org, "plan", "g.b", "p.smit")
    ok(raci, "rename", org, "p.smit", "p.smid")
    shown = scenario_json(raci, org)
    changes = json.dumps(shown["changes"])
    assert "p.smit" not in changes and "p.smid" in changes
    assert [c["summary"] for c in shown["changes"]] == [  # type: ignore[index]
        "p.smid on g.a: R -> C", "moved the A of g.b to p.smid"]
    assert "1. p.smid on g.a: R -> C" in ok(raci, "scenario", "show", org, "plan")
    ok(raci, "scenario", "apply", org, "plan")
    with open_store(database_url(org)) as store:
        model = store.load()
    assert model.letters_of("g.a", "p.smid") == ("C",)
    assert model.actors("g.b", "A") == ["p.smid"]


def test_every_kind_of_change_follows_a_rename_of_an_id_it_names(store: Store) -> None:
    """As `Model.rename` renames what the model holds: the view is the
    renamed model with every change played on it, and it applies."""
    store.create_scenario("plan")
    view = store.load()
    for number, each in enumerate(steps_of_every_kind(view)):
        store.add_step("plan", each, after=number)
    store.save(Change(rename=("dg", "dg-bzk")))
    view.rename("dg", "dg-bzk")
    assert store.load_view("plan")[0] == view
    applied, _ = store.apply_scenario("plan")
    assert applied == view


def test_a_line_made_in_the_app_names_the_new_id_after_its_name(
        raci: Raci, org: str) -> None:
    """The app's lines name an entity "Name (id)"; a rename reaches the id."""
    with open_store(database_url(org)) as store:
        model = store.load()
        store.create_scenario("plan", None)
        change = set_cells(model, {("g.c", "p.smit"): ("A",)})
        line = Said(N_("{letters} for {actor} on {item}"), letters="A",
                    actor=label(model, "p.smit"), item=label(model, "g.c"))
        store.add_step("plan", Step(change, change.apply(model), line), after=0)
    ok(raci, "rename", org, "p.smit", "p.smid")
    assert "1. A voor Ali Smit (p.smid) op Doel C (g.c)" in ok(
        raci, "--lang", "nl", "scenario", "show", org, "plan")


def test_a_rename_leaves_a_persons_own_words_in_a_line(raci: Raci, org: str) -> None:
    """A waiver's reason is the user's text, which applying writes as it is."""
    with open_store(database_url(org)) as store:
        model = store.load()
        store.create_scenario("plan", None)
        reason = "afgestemd met p.smit en kgg, niet p.smit"
        change = Change(waivers=[Waiver(rule="OWN004", target=["p.smit"], reason=reason)])
        line = Said(N_("waived {code} for {targets}: {reason}"), code="OWN004",
                    targets="p.smit", until=None, reason=reason)
        store.add_step("plan", Step(change, change.apply(model), line), after=0)
    ok(raci, "rename", org, "p.smit", "p.smid")
    assert f"1. waived OWN004 for p.smid: {reason}" in ok(raci, "scenario", "show", org, "plan")


def test_a_line_an_older_raci_kept_as_text_names_the_new_id(raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    with closing(sqlite3.connect(org)) as connection, connection:
        connection.execute("UPDATE scenario_change SET summary = 'p.smit is C op g.a (p.smit.'")
    ok(raci, "rename", org, "p.smit", "p.smid")
    assert "1. p.smid is C op g.a (p.smid." in ok(raci, "scenario", "show", org, "plan")


def test_a_scenario_that_made_the_new_id_itself_is_left_as_it_was(
        raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "add", f"{org}@plan", "person", "p.smid", "--name", "Ali Smid", "--set", "unit=u")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    before = scenario_json(raci, org)
    assert ok(raci, "rename", org, "p.smit", "p.smid").endswith(
        "; scenario plan added p.smid itself and is left as it was\n")
    assert scenario_json(raci, org)["changes"] == before["changes"]
    assert "p.smid, which was added to the model since" in refused(
        raci, "scenario", "apply", org, "plan")


def test_a_rename_refused_leaves_the_scenarios_as_they_were(raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    before = sha256(org)
    assert refused(raci, "rename", org, "p.smit", "p.bakker").startswith(
        "id 'p.bakker' is already used")
    assert sha256(org) == before


def test_a_rename_rolled_back_with_its_transaction_leaves_the_scenarios(
        raci: Raci, org: str) -> None:
    """The rename and a change after it in one transaction (`save_all`):
    the second conflicts, and the scenarios are as they were too."""
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    with open_store(database_url(org)) as store:
        sg = store.load().bodies["sg"]
        with open_store(database_url(org)) as other:  # meanwhile, another process
            other.load()
            other.save(Change(put=[replace(sg, name="Stuurgroep 2027")]))
        before = sha256_of_rows(org)
        with pytest.raises(ConflictError):
            store.save_all([Change(rename=("p.smit", "p.smid")),
                            Change(put=[replace(sg, name="Stuurgroep Proef")])])
        assert sha256_of_rows(org) == before
    changes = scenario_json(raci, org)["changes"]
    assert changes[0]["summary"] == "p.smit on g.a: R -> C"  # type: ignore[index]
