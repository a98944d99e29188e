"""Scenarios as a governance designer uses them from the command line: made,
edited with every edit command and the remedies, undone, shown, compared,
read as MODEL@NAME by every command that reads a model, applied, dropped."""

from __future__ import annotations

import json
import shlex
import sqlite3
import textwrap
from pathlib import Path

import click
import pytest
import yaml
from conftest import Raci

from raci.cli.scenario_commands import scenario as scenario_group
from raci.model.source import split_scenario
from raci.store import open_store

SCENARIOS_PAGE = (Path(__file__).parent.parent / "docs" / "scenarios.md").read_text(
    encoding="utf-8")

PROEF = textwrap.dedent(
    """\
    raci: 1
    org:
      name: Programma Proef
      as_of: 2026-11-01
    units:
      - id: u
        name: Directie Proef
    people:
      - {id: p.jansen, name: Petra Jansen, unit: u}
      - {id: p.bakker, name: Eva Bakker, unit: u}
      - {id: p.smit, name: Ali Smit, unit: u}
      - {id: p.visser, name: Joost Visser, unit: u}
    roles:
      - {id: dg, name: Directeur-generaal, unit: u, holders: [p.jansen]}
      - {id: pm, name: Programmamanager, unit: u, holders: [p.bakker]}
    bodies:
      - {id: sg, name: Stuurgroep, kind: steering_group, chair: dg, members: [dg, pm, p.smit]}
      - id: po
        name: Programmaoverleg
        kind: programme_board
        members: [pm, p.smit, p.visser]
        reports_to: sg
    goals:
      - id: g.a
        name: Doel A
        raci: {A: [dg, pm], R: p.smit}
      - id: g.b
        name: Doel B
        raci: {A: po, C: sg}
      - id: g.c
        name: Doel C
    kpis:
      - {id: k.a, name: Indicator A, measures: g.a, type: leading}
      - {id: k.c, name: Indicator C, measures: g.c, type: leading}
    """
)

# Rules whose wording the tests spell out; found beside the database.
CONFIG = '[raci]\nselect = ["OWN001", "OWN002", "BOD007", "STR003"]\n'


@pytest.fixture
def org(tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> str:
    """org.db holding the Proef programme, in the current directory."""
    monkeypatch.chdir(tmp_path)
    Path("proef.yaml").write_text(PROEF, encoding="utf-8")
    Path("raci.toml").write_text(CONFIG, encoding="utf-8")
    assert raci("import", "proef.yaml", "--into", "org.db").code == 0
    return "org.db"


def ok(raci: Raci, *args: str) -> str:
    result = raci(*args)
    assert (result.code, result.err) == (0, ""), result
    return result.out


def refused(raci: Raci, *args: str) -> str:
    """The one-line reason a command was refused (exit 2, nothing on stdout)."""
    result = raci(*args)
    assert (result.code, result.out) == (2, ""), result
    assert result.err.count("\n") == 1, result.err
    return result.err.removeprefix("raci: ").rstrip("\n")



def exported(raci: Raci, model: str) -> dict[str, object]:
    loaded: dict[str, object] = yaml.safe_load(ok(raci, "export", model))
    return loaded


def made(model: str, name: str, *, in_text: bool = True) -> str:
    """When scenario `name` was made, as `show` writes it in English text
    (``6 December 2026 14:45``), else as `list`'s table (``2026-12-06 14:45``)."""
    with open_store(f"sqlite:///{Path(model).resolve()}") as store:
        created = store.scenario(name).created
    return f"{created.day} {created:%B %Y %H:%M}" if in_text else f"{created:%Y-%m-%d %H:%M}"


def one_owner(raci: Raci, org: str) -> None:
    """Scenario een-eigenaar: one owner for g.a and for g.c."""
    ok(raci, "scenario", "new", org, "een-eigenaar", "--description", "Eén eigenaar per doel")
    ok(raci, "scenario", "move-a", org, "een-eigenaar", "g.a", "dg", "--former", "C")
    ok(raci, "assign", org, "g.c", "A", "dg", "--scenario", "een-eigenaar")


def one_board(raci: Raci, org: str) -> None:
    """Scenario een-overleg: po merged into sg, whose chair is then cleared."""
    ok(raci, "scenario", "new", org, "een-overleg")
    ok(raci, "scenario", "merge", org, "een-overleg", "po", "--into", "sg")
    ok(raci, "set", f"{org}@een-overleg", "sg", "chair=")


# ---- a session from new to apply ----------------------------------------------------


def test_a_scenario_is_tried_shown_and_applied_without_touching_the_model_before(
        raci: Raci, org: str) -> None:
    before = exported(raci, org)
    assert ok(raci, "scenario", "new", org, "een-eigenaar", "--description",
              "Eén eigenaar per doel") == (
        "made scenario een-eigenaar; edit in it with --scenario een-eigenaar, read it as "
        "org.db@een-eigenaar\n")
    assert ok(raci, "scenario", "move-a", org, "een-eigenaar", "g.a", "dg", "--former", "C") \
        == "moved the A of g.a to dg (pm now C) (scenario een-eigenaar)\n"
    assert ok(raci, "assign", org, "g.c", "A", "dg", "--scenario", "een-eigenaar") \
        == "dg is A on g.c (scenario een-eigenaar)\n"
    assert exported(raci, org) == before, "the model is not touched"
    view = exported(raci, "org.db@een-eigenaar")
    assert ok(raci, "scenario", "show", org, "een-eigenaar") == textwrap.dedent(f"""\
        Scenario een-eigenaar of org.db
        Eén eigenaar per doel
        Made {made(org, "een-eigenaar")} on the model as it is now (revision 1).

        Changes (2):
          1. moved the A of g.a to dg (pm now C)
          2. dg is A on g.c

        Findings resolved (2):
          OWN001 [error] Goal 'Doel C' (g.c) has no Accountable
          OWN002 [error] Goal 'Doel A' (g.a) has 2 Accountables: \
Directeur-generaal (dg), Programmamanager (pm)

        Findings introduced (0):
          none

        Findings kept (2):
          BOD007 [warning] Body 'Programmaoverleg' (po) has no chair
          STR003 [warning] Goal 'Doel B' (g.b) has no indicator

        Without the scenario: 2 errors, 2 warnings, 0 infos; with it: 0 errors, 2 warnings, \
0 infos.
        """)
    assert ok(raci, "scenario", "apply", org, "een-eigenaar") == (
        "applied scenario een-eigenaar to org.db (2 changes); the scenario is dropped\n")
    assert exported(raci, org) == view
    assert ok(raci, "scenario", "list", org) == (
        "org.db has no scenarios; make one with `raci scenario new org.db NAME`\n")


def test_scenarios_are_listed_with_their_changes(raci: Raci, org: str) -> None:
    one_owner(raci, org)
    one_board(raci, org)
    owner, board = (made(org, "een-eigenaar", in_text=False),
                    made(org, "een-overleg", in_text=False))
    assert ok(raci, "scenario", "list", org) == (
        "NAME          CHANGES  MADE              ON REVISION  DESCRIPTION\n"
        f"een-eigenaar  2        {owner}  1            Eén eigenaar per doel\n"
        f"een-overleg   2        {board}  1\n")
    listed = json.loads(ok(raci, "scenario", "list", org, "--format", "json"))
    assert listed["scenarios"][1] == {
        "name": "een-overleg", "description": None, "base_revision": 1,
        "created": listed["scenarios"][1]["created"],
        "changes": ["merged body po into sg", "changed sg (chair cleared)"]}
    assert listed["scenarios"][1]["created"].replace("T", " ").startswith(board)


def test_show_in_markdown_and_json(raci: Raci, org: str) -> None:
    one_board(raci, org)
    assert ok(raci, "scenario", "show", org, "een-overleg", "--format", "markdown") \
        == textwrap.dedent(f"""\
        ## Scenario `een-overleg` of `org.db`

        Made {made(org, "een-overleg")} on the model as it is now (revision 1).

        ### Changes (2)

        1. merged body po into sg
        1. changed sg (chair cleared)

        ### Findings resolved (1)

        - BOD007 [warning] Body 'Programmaoverleg' (po) has no chair

        ### Findings introduced (1)

        - BOD007 [warning] Body 'Stuurgroep' (sg) has no chair

        ### Findings kept (3)

        - OWN001 [error] Goal 'Doel C' (g.c) has no Accountable
        - OWN002 [error] Goal 'Doel A' (g.a) has 2 Accountables: \
Directeur-generaal (dg), Programmamanager (pm)
        - STR003 [warning] Goal 'Doel B' (g.b) has no indicator

        Without the scenario: 2 errors, 2 warnings, 0 infos; with it: 2 errors, 2 warnings, \
0 infos.
        """)
    shown = json.loads(ok(raci, "scenario", "show", org, "een-overleg", "--format", "json"))
    assert shown["scenario"] == {
        "name": "een-overleg", "description": None, "created": shown["scenario"]["created"],
        "base_revision": 1, "changes": ["merged body po into sg", "changed sg (chair cleared)"],
        "fits": True, "misfit": None}
    assert shown["changes"][1] == {"summary": "changed sg (chair cleared)", "change": {"put": [
        {"kind": "body", "entity": {"id": "sg", "name": "Stuurgroep", "kind": "steering_group",
                                    "members": ["dg", "pm", "p.smit", "p.visser"]}}]}}
    assert [[f["fingerprint"] for f in shown["findings"][status]]
            for status in ("resolved", "introduced", "kept")] == [
        ["BOD007:po"], ["BOD007:sg"], ["OWN001:g.c", "OWN002:g.a", "STR003:g.b"]]
    assert shown["findings"]["introduced"][0]["model"] == "org.db@een-overleg"
    assert shown["summary"] == {"before": {"error": 2, "warning": 2, "info": 0, "waived": 0},
                                "after": {"error": 2, "warning": 2, "info": 0, "waived": 0}}


def test_two_scenarios_side_by_side(raci: Raci, org: str) -> None:
    one_owner(raci, org)
    one_board(raci, org)
    compared = ("scenario", "compare", org, "een-eigenaar", "een-overleg")
    assert ok(raci, *compared) == textwrap.dedent("""\
        Scenarios een-eigenaar and een-overleg of org.db
          een-eigenaar: Eén eigenaar per doel

        Changes:
          een-eigenaar:
            1. moved the A of g.a to dg (pm now C)
            2. dg is A on g.c
          een-overleg:
            1. merged body po into sg
            2. changed sg (chair cleared)

        Findings:
          een-eigenaar  een-overleg  finding
          kept          resolved     BOD007 [warning] Body 'Programmaoverleg' (po) has no chair
          resolved      kept         OWN001 [error] Goal 'Doel C' (g.c) has no Accountable
          resolved      kept         OWN002 [error] Goal 'Doel A' (g.a) has 2 Accountables: \
Directeur-generaal (dg), Programmamanager (pm)
          -             introduced   BOD007 [warning] Body 'Stuurgroep' (sg) has no chair
          1 finding of the model kept by both.

        Findings by level:
                   without  een-eigenaar  een-overleg
          error    2        0             2
          warning  2        2             2
          info     0        0             0
        """)
    assert ok(raci, *compared, "--format", "markdown") == textwrap.dedent("""\
        ## Scenarios `een-eigenaar` and `een-overleg` of `org.db`

        - `een-eigenaar`: Eén eigenaar per doel

        ### Changes

        | # | een-eigenaar | een-overleg |
        |---|---|---|
        | 1 | moved the A of g.a to dg (pm now C) | merged body po into sg |
        | 2 | dg is A on g.c | changed sg (chair cleared) |

        ### Findings

        | finding | een-eigenaar | een-overleg |
        |---|---|---|
        | BOD007 [warning] Body 'Programmaoverleg' (po) has no chair | kept | resolved |
        | OWN001 [error] Goal 'Doel C' (g.c) has no Accountable | resolved | kept |
        | OWN002 [error] Goal 'Doel A' (g.a) has 2 Accountables: \
Directeur-generaal (dg), Programmamanager (pm) | resolved | kept |
        | BOD007 [warning] Body 'Stuurgroep' (sg) has no chair | - | introduced |

        1 finding of the model kept by both.

        ### Findings by level

        | level | without | een-eigenaar | een-overleg |
        |---|---|---|---|
        | error | 2 | 0 | 2 |
        | warning | 2 | 2 | 2 |
        | info | 0 | 0 | 0 |
        """)
    document = json.loads(ok(raci, *compared, "--format", "json"))
    assert [(f["fingerprint"], f["statuses"]) for f in document["findings"]] == [
        ("BOD007:po", {"een-eigenaar": "kept", "een-overleg": "resolved"}),
        ("OWN001:g.c", {"een-eigenaar": "resolved", "een-overleg": "kept"}),
        ("OWN002:g.a", {"een-eigenaar": "resolved", "een-overleg": "kept"}),
        ("BOD007:sg", {"een-eigenaar": "-", "een-overleg": "introduced"}),
    ]
    assert document["kept_by_both"] == 1
    assert document["summary"]["error"] == 2
    assert [(s["name"], s["summary"]["error"]) for s in document["scenarios"]] == [
        ("een-eigenaar", 0), ("een-overleg", 2)]


def test_a_scenario_is_compared_with_another_only(raci: Raci, org: str) -> None:
    one_owner(raci, org)
    assert refused(raci, "scenario", "compare", org, "een-eigenaar", "een-eigenaar") == (
        "give two different scenarios to compare, not een-eigenaar twice")


# ---- every edit in a scenario, and undo ------------------------------------------------


EDITS = [
    (("add", "org.db", "goal", "g.d", "--name", "Doel D"), "added goal g.d"),
    (("set", "org.db", "g.d", "parent=g.a", "due=2030-12-31"),
     "changed g.d (part of g.a, due 31 December 2030)"),
    (("set", "org.db", "org.name=Programma Proef 2"),
     "changed the organisation: name Programma Proef 2"),
    (("assign", "org.db", "g.d", "A/R", "p.visser"), "p.visser is A/R on g.d"),
    (("unassign", "org.db", "g.a", "pm"), "pm is no longer A on g.a"),
    (("rename", "org.db", "po", "po-2027"), "renamed po to po-2027"),
    (("rm", "org.db", "k.c", "--force"), "removed k.c"),
]


def test_every_edit_goes_into_the_scenario_and_undo_takes_each_off(
        raci: Raci, org: str) -> None:
    before = exported(raci, org)
    ok(raci, "scenario", "new", org, "plan")
    views = [before]
    for args, summary in EDITS:
        assert ok(raci, *args, "--scenario", "plan") == f"{summary} (scenario plan)\n"
        views.append(exported(raci, "org.db@plan"))
        assert views[-1] != views[-2], f"{args[0]} changed the view"
    assert exported(raci, org) == before
    view = views[-1]
    assert view["org"] == {"name": "Programma Proef 2", "as_of": "2026-11-01"}
    assert [g for g in view["goals"] if g["id"] == "g.d"] == [  # type: ignore[attr-defined]
        {"id": "g.d", "name": "Doel D", "parent": "g.a", "due": "2030-12-31",
         "raci": {"A": "p.visser", "R": "p.visser"}}]
    assert "po-2027" in ok(raci, "export", "org.db@plan")
    shown = ok(raci, "scenario", "show", org, "plan")
    assert [line.strip() for line in shown.splitlines()[4:11]] == [
        f"{n}. {summary}" for n, (_, summary) in enumerate(EDITS, 1)]
    for _, summary in reversed(EDITS):
        assert ok(raci, "scenario", "undo", org, "plan") == f"undid {summary} (scenario plan)\n"
        views.pop()
        assert exported(raci, "org.db@plan") == views[-1]
    assert refused(raci, "scenario", "undo", org, "plan").endswith(
        "org.db: scenario plan has no change to undo")


REMEDIES = [
    (("merge", "po", "--into", "sg", "--chair", "pm"), "merged body po into sg, chaired by pm",
     {"bodies": [{"id": "sg", "name": "Stuurgroep", "kind": "steering_group", "chair": "pm",
                  "members": ["dg", "pm", "p.smit", "p.visser"]}],
      "g.b": {"A": "sg"}}),
    (("retire", "po", "--to", "p.visser"), "retired body po, its letters to p.visser",
     {"g.b": {"A": "p.visser", "C": "sg"}}),
    (("remove-person", "p.smit", "--to", "p.bakker"),
     "removed person p.smit, their letters to p.bakker",
     {"g.a": {"A": ["dg", "pm"], "R": "p.bakker"}}),
    (("remove-person", "p.jansen"), "removed person p.jansen",
     {"roles": [{"id": "dg", "name": "Directeur-generaal", "unit": "u"},
                {"id": "pm", "name": "Programmamanager", "unit": "u",
                 "holders": ["p.bakker"]}]}),
    (("move-a", "g.b", "sg"), "moved the A of g.b to sg", {"g.b": {"A": "sg"}}),
]


def _part(model: dict[str, object], key: str) -> object:
    """A section of an exported model, or an item's raci block."""
    if "." not in key:
        return model[key] if key != "bodies" else [
            b for b in model["bodies"] if b["id"] == "sg"]  # type: ignore[attr-defined]
    items = [*model["goals"], *model.get("kpis", [])]  # type: ignore[misc]
    return next(item.get("raci") for item in items if item["id"] == key)


@pytest.mark.parametrize(("args", "summary", "expected"), REMEDIES)
def test_each_remedy_is_one_change_of_the_scenario_and_undone_whole(
        raci: Raci, org: str, args: tuple[str, ...], summary: str,
        expected: dict[str, object]) -> None:
    before = exported(raci, org)
    ok(raci, "scenario", "new", org, "plan")
    command = ("scenario", args[0], org, "plan", *args[1:])
    assert ok(raci, *command) == f"{summary} (scenario plan)\n"
    view = exported(raci, "org.db@plan")
    assert {key: _part(view, key) for key in expected} == expected
    assert exported(raci, org) == before
    assert ok(raci, "scenario", "undo", org, "plan") == f"undid {summary} (scenario plan)\n"
    assert exported(raci, "org.db@plan") == before


def test_an_edit_in_a_scenario_not_made_says_how_to_make_it(raci: Raci, org: str) -> None:
    """Edits go only into a scenario made before (`raci review` makes its own)."""
    assert refused(raci, "set", org, "sg", "meets_every_days=14", "--scenario", "t").endswith(
        "org.db: no scenario t; it has no scenarios: make one with "
        f"`raci scenario new {Path(org).resolve()} t`")


def test_a_remedy_that_makes_no_sense_is_refused(raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    assert refused(raci, "scenario", "merge", org, "plan", "sg", "--into", "sg") == (
        "sg cannot be merged into itself")
    assert refused(raci, "scenario", "merge", org, "plan", "sg", "--into", "pm") == (
        "pm is a role, not a body")
    assert refused(raci, "scenario", "retire", org, "plan", "po") == (
        "po has no chair to take its assignments; say who does with --to ACTOR")
    assert refused(raci, "scenario", "move-a", org, "plan", "g.a", "dg", "--former", "A") == (
        "Invalid value for '--former': 'A': give R, C or I; see `raci scenario move-a --help`")
    assert refused(raci, "scenario", "remove-person", org, "plan", "p.smt") == (
        "no entity with id 'p.smt'; did you mean 'p.smit'?")
    assert len(json.loads(ok(raci, "scenario", "list", org, "--format", "json"))
               ["scenarios"][0]["changes"]) == 0


def test_a_remedy_that_makes_no_sense_is_refused_in_the_users_language(
        raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    assert refused(raci, "--lang", "nl", "scenario", "merge", org, "plan", "sg",
                   "--into", "sg") == "sg kan niet met zichzelf worden samengevoegd"
    assert refused(raci, "--lang", "nl", "scenario", "retire", org, "plan", "po") == (
        "po heeft geen voorzitter die de letters overneemt; zeg met --to ACTOR "
        "wie dat doet")
    assert refused(raci, "--lang", "nl", "scenario", "retire", org, "plan", "sg",
                   "--to", "sg") == "sg kan de eigen letters niet overnemen"
    assert refused(raci, "--lang", "nl", "scenario", "remove-person", org, "plan", "p.smit",
                   "--to", "p.smit") == "p.smit kan de eigen letters niet overnemen"
    ok(raci, "scenario", "move-a", org, "plan", "g.a", "dg")
    assert refused(raci, "--lang", "nl", "scenario", "move-a", org, "plan", "g.a", "dg") == (
        "dg is al de enige eindverantwoordelijke (A) van g.a")


# ---- MODEL@NAME everywhere a model is read --------------------------------------------


def test_every_command_that_reads_a_model_reads_a_scenarios_view(
        raci: Raci, org: str, tmp_path: Path) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "add", org, "body", "tf-proef", "--name", "Taskforce Proefdraai", "--set",
       "kind=taskforce", "--set", "members=pm", "--scenario", "plan")
    ok(raci, "assign", org, "g.b", "R", "tf-proef", "--scenario", "plan")
    view = "org.db@plan"
    linted = raci("lint", view)
    assert linted.code == 1
    assert "org.db@plan: BOD007 [warning] Body 'Taskforce Proefdraai' (tf-proef) has no chair " \
           "(tf-proef)" in linted.out
    assert "tf-proef" not in raci("lint", org).out
    assert "Taskforce Proefdraai" in ok(raci, "export", view)
    assert "tf-proef" in ok(raci, "diagram", view, "--view", "bodies", "--format", "dot")
    assert "tf-proef" not in ok(raci, "diagram", org, "--view", "bodies", "--format", "dot")
    assert "tf-proef" in ok(raci, "matrix", view, "--format", "csv")
    assert "tf-proef" not in ok(raci, "matrix", org, "--format", "csv")
    assert raci("report", view, "-o", tmp_path / "plan.md").code == 0
    assert "Taskforce Proefdraai" in (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert ok(raci, "diff", org, view) == textwrap.dedent("""\
        --- org.db
        +++ org.db@plan

        Entities added (1):
          Body 'Taskforce Proefdraai' (tf-proef)

        Assignments added (1):
          R for Taskforce Proefdraai (tf-proef) on goal 'Doel B' (g.b)

        Findings introduced (1):
          BOD007 [warning] Body 'Taskforce Proefdraai' (tf-proef) has no chair
        """)


def test_a_file_whose_own_name_holds_an_at_is_a_file(raci: Raci, org: str) -> None:
    ok(raci, "import", "proef.yaml", "--into", "team@2026.db")
    ok(raci, "scenario", "new", "team@2026.db", "plan")
    ok(raci, "assign", "team@2026.db", "g.c", "A", "dg", "--scenario", "plan")
    assert "OWN001" in raci("lint", "team@2026.db").out
    assert "OWN001" not in raci("lint", "team@2026.db@plan").out


def test_a_scenario_is_named_one_way_at_a_time(raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "een-plan")
    assert refused(raci, "lint", "org.db@een-plam").endswith(
        "org.db: no scenario een-plam; did you mean 'een-plan'?")
    assert refused(raci, "lint", "proef.yaml@een-plan") == (
        "proef.yaml@een-plan: scenarios live in a model database; read the file into one with "
        "`raci import proef.yaml --into proef.db`")
    assert refused(raci, "assign", "org.db@een-plan", "g.c", "A", "dg", "--scenario", "ander") \
        == "org.db@een-plan names scenario een-plan and --scenario names ander; give one"
    assert refused(raci, "edit", "org.db@een-plan", "--scenario", "ander") \
        == "org.db@een-plan names scenario een-plan and --scenario names ander; give one"
    assert refused(raci, "scenario", "new", org, "een.plan") == (
        "'een.plan' is not a scenario name: letters, digits, _ and -, starting with a letter "
        "or digit, at most 100 characters")
    assert refused(raci, "rename", org, "po", "po2", "--baseline", "b.json", "--scenario",
                   "een-plan") == (
        "--baseline: a baseline follows a rename of the model itself; rename in the model once "
        "the scenario is applied, or leave --baseline out")
    assert refused(raci, "scenario", "show", "proef.yaml", "een-plan").startswith(
        "proef.yaml: this needs a database, not a model file")


# ---- the model changes under a scenario ------------------------------------------------


def test_a_scenario_the_model_moved_away_from_is_refused_saying_what(
        raci: Raci, org: str) -> None:
    one_board(raci, org)
    ok(raci, "set", org, "sg", "meets_every_days=14")
    before = exported(raci, org)
    reason = ("scenario een-overleg no longer fits the model: its change 1 (merged body po into "
              "sg) touches sg, which was changed in the model since")
    assert refused(raci, "scenario", "apply", org, "een-overleg").endswith(
        f"org.db: {reason}; nothing was written")
    assert exported(raci, org) == before
    assert refused(raci, "lint", "org.db@een-overleg").endswith(
        f"org.db: {reason}; undo its changes back to that one, or drop it")
    ok(raci, "scenario", "new", org, "leeg")
    assert refused(raci, "scenario", "compare", org, "leeg", "een-overleg").endswith(
        f"org.db: {reason}; undo its changes back to that one, or drop it")
    shown = ok(raci, "scenario", "show", org, "een-overleg")
    assert shown.endswith(textwrap.dedent(f"""\
        Made {made(org, "een-overleg")} on revision 1 of the model; it is at revision 2 now.

        Changes (2):
          1. merged body po into sg
          2. changed sg (chair cleared)

        This scenario no longer fits the model: its change 1 (merged body po into sg) touches \
sg, which was changed in the model since. Undo its changes back to that one, or drop it.
        """))
    assert ok(raci, "scenario", "drop", org, "een-overleg") == (
        "dropped scenario een-overleg (2 changes)\n")
    assert exported(raci, org) == before


def test_a_scenario_whose_id_was_removed_from_the_model_is_refused_naming_it(
        raci: Raci, org: str) -> None:
    """(A rename reaches the scenarios: `test_scenario_rename`.)"""
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", f"{org}@plan", "g.a", "C", "p.smit")
    ok(raci, "rm", org, "p.smit", "--force")
    assert refused(raci, "scenario", "apply", org, "plan").endswith(
        "org.db: scenario plan no longer fits the model: its change 1 (p.smit on g.a: R -> C) "
        "touches the assignment of p.smit on g.a, but p.smit is no longer in the model: it was "
        "renamed or removed since; nothing was written")


def test_a_model_change_elsewhere_is_kept_when_the_scenario_is_applied(
        raci: Raci, org: str) -> None:
    one_owner(raci, org)
    ok(raci, "set", org, "po", "chair=pm")
    assert "it is at revision 2 now" in ok(raci, "scenario", "show", org, "een-eigenaar")
    ok(raci, "scenario", "apply", org, "een-eigenaar")
    assert raci("lint", org).out == "org.db: STR003 [warning] Goal 'Doel B' (g.b) has no " \
        "indicator (g.b)\n0 errors, 1 warning, 0 infos in 1 model.\n"


# ---- the command line's promises, for every scenario command ----------------------------


SCENARIO_COMMANDS = sorted(scenario_group.commands)


@pytest.mark.parametrize("name", SCENARIO_COMMANDS)
def test_every_scenario_command_has_help_and_says_what_each_option_does(
        raci: Raci, name: str) -> None:
    result = raci("scenario", name, "--help")
    assert (result.code, result.err) == (0, "")
    assert f"raci scenario {name}" in result.out
    command = scenario_group.commands[name]
    for param in command.params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"raci scenario {name} {param.opts[0]} has no help text"
    assert f"`raci scenario {name} MODEL" in SCENARIOS_PAGE, \
        f"raci scenario {name} is not in docs/scenarios.md"


BAD = [
    "new {db} plan", "new nergens.db plan", "new proef.yaml plan", "new {db} ''",
    "list nergens.db", "show {db} nergens", "show {db}", "undo {db} nergens",
    "apply {db} nergens", "drop {db} nergens", "compare {db} plan nergens",
    "compare {db} plan plan", "merge {db} plan sg --into nergens", "merge {db} plan sg",
    "merge {db} nergens po --into sg", "retire {db} plan g.a", "retire {db} plan sg --to k.a",
    "remove-person {db} plan dg", "move-a {db} plan dg p.smit", "move-a {db} plan g.b po",
    "move-a {db} plan g.a dg --former X", "show {db} plan --format sarif",
]


@pytest.mark.parametrize("template", BAD)
def test_bad_input_exits_2_with_one_line_and_changes_nothing(
        raci: Raci, org: str, template: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "assign", org, "g.c", "A", "dg", "--scenario", "plan")
    model, plan = exported(raci, org), ok(raci, "scenario", "show", org, "plan", "--format",
                                           "json")
    refused(raci, "scenario", *shlex.split(template.format(db=org)))
    assert exported(raci, org) == model
    assert ok(raci, "scenario", "show", org, "plan", "--format", "json") == plan


@pytest.mark.parametrize(("spec", "split"), [
    ("org.db@plan", ("org.db", "plan")),
    ("ORG.DB@plan-2", ("ORG.DB", "plan-2")),
    ("team@2026.db", ("team@2026.db", None)),
    ("a@b/org.db", ("a@b/org.db", None)),
    ("org.db@pl.an", ("org.db@pl.an", None)),
    ("org.yaml@plan", ("org.yaml", "plan")),
    ("sqlite:////srv/org.db@plan", ("sqlite:////srv/org.db", "plan")),
    ("postgresql://eva:geheim@host/raci@plan", ("postgresql://eva:geheim@host/raci", "plan")),
    ("postgresql://eva@host", ("postgresql://eva@host", None)),
    ("postgresql://eva@host/org%40x", ("postgresql://eva@host/org%40x", None)),
    ("postgresql://eva@host/raci?sslmode=require@plan",
     ("postgresql://eva@host/raci?sslmode=require", "plan")),
    ("postgresql://eva@host/raci?password=a%40b@plan",
     ("postgresql://eva@host/raci?password=a%40b", "plan")),
])
def test_model_at_name_is_read_one_way(spec: str, split: tuple[str, str | None]) -> None:
    assert split_scenario(spec) == split


@pytest.mark.postgres
def test_a_scenario_of_a_postgresql_model(raci: Raci, postgres_url: str, tmp_path: Path) -> None:
    (tmp_path / "proef.yaml").write_text(PROEF, encoding="utf-8")
    ok(raci, "import", tmp_path / "proef.yaml", "--into", postgres_url)
    ok(raci, "scenario", "new", postgres_url, "plan")
    ok(raci, "scenario", "move-a", postgres_url, "plan", "g.a", "dg")
    assert "OWN002" in raci("lint", postgres_url).out
    assert "OWN002" not in raci("lint", f"{postgres_url}@plan").out
    ok(raci, "scenario", "apply", postgres_url, "plan")
    assert "OWN002" not in raci("lint", postgres_url).out


def test_a_change_line_says_the_fields_in_words_in_the_users_language(
        raci: Raci, org: str) -> None:
    """`raci scenario show` lists each change as it was said: the fields by
    their labels ("vergadert elke 21 dagen"), not the file's keys."""
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "--lang", "nl", "set", f"{org}@plan", "sg", "meets_every_days=21", "description=")
    shown = ok(raci, "--lang", "nl", "scenario", "show", org, "plan")
    assert "sg gewijzigd (vergadert elke 21 dagen, omschrijving leeggemaakt)" in shown
    assert "meets_every_days" not in shown


def test_a_change_line_is_said_in_the_language_of_whoever_reads_it(
        raci: Raci, org: str) -> None:
    """A change made in English reads in Dutch for a Dutch reader and the
    other way round; JSON, for tools, keeps the English."""
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "scenario", "move-a", org, "plan", "g.a", "dg", "--former", "C")
    ok(raci, "--lang", "nl", "scenario", "merge", org, "plan", "po", "--into", "sg")
    ok(raci, "assign", org, "g.c", "R", "p.smit", "--scenario", "plan")
    in_dutch = ok(raci, "--lang", "nl", "scenario", "show", org, "plan")
    assert "de A van g.a verplaatst naar dg (pm nu C)" in in_dutch
    assert "p.smit is R op g.c" in in_dutch
    in_english = ok(raci, "scenario", "show", org, "plan")
    assert "merged body po into sg" in in_english
    assert "samengevoegd" not in in_english
    shown = json.loads(ok(raci, "--lang", "nl", "scenario", "show", org, "plan",
                          "--format", "json"))
    assert [c["summary"] for c in shown["changes"]] == [
        "moved the A of g.a to dg (pm now C)", "merged body po into sg", "p.smit is R on g.c"]
    assert ok(raci, "--lang", "nl", "scenario", "undo", org, "plan") == (
        "p.smit is R op g.c teruggedraaid (scenario plan)\n")


def test_a_counted_change_line_is_said_again_in_the_readers_plural(
        raci: Raci, org: str) -> None:
    """`rm`'s line counts what went with the entity: kept with its plural,
    it is said again in the reader's language in the form for its number."""
    ok(raci, "scenario", "new", org, "plan")
    assert ok(raci, "rm", org, "g.a", "--force", "--scenario", "plan") == (
        "removed g.a and indicator k.a with 3 letters (scenario plan)\n")
    in_dutch = ok(raci, "--lang", "nl", "scenario", "show", org, "plan")
    assert "g.a en indicator k.a met 3 letters verwijderd" in in_dutch
    shown = json.loads(ok(raci, "--lang", "nl", "scenario", "show", org, "plan",
                          "--format", "json"))
    assert shown["changes"][0]["summary"] == "removed g.a and indicator k.a with 3 letters"


def test_a_change_line_an_older_raci_kept_as_text_is_shown_as_it_is(
        raci: Raci, org: str) -> None:
    ok(raci, "scenario", "new", org, "plan")
    ok(raci, "scenario", "move-a", org, "plan", "g.a", "dg")
    with sqlite3.connect(org) as connection:
        connection.execute("UPDATE scenario_change SET summary = 'de A verplaatst'")
    connection.close()
    assert "de A verplaatst" in ok(raci, "scenario", "show", org, "plan")
