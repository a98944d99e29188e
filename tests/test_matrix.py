"""The RACI matrix: scopes, CSV, Markdown and a table that fits the terminal."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from test_diagram_model import warmte_model

from raci.errors import UsageError
from raci.export import build_matrix, goal_area_matrices, matrix_csv, matrix_markdown
from raci.export.matrix import matrix_table
from raci.formats import write_model
from raci.model import Goal, Model, Org, Person, Role, Unit

RACI = str(Path(sys.executable).with_name("raci"))


def cells(matrix_text: str) -> dict[tuple[str, str], str]:
    """(item id, actor id) -> letter, read back from the CSV."""
    rows = list(csv.DictReader(io.StringIO(matrix_text)))
    return {(row["id"], actor): letter for row in rows for actor, letter in row.items()
            if actor not in ("id", "name", "kind") and letter}


def test_the_whole_matrix_holds_every_assignment() -> None:
    model = warmte_model()
    matrix = build_matrix(model)
    assert cells(matrix_csv(matrix)) == {(a.item, a.actor): a.letter for a in model.assignments}
    assert [row.id for row in matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "g.wonen", "i.wijkaanpak", "i.app", "d.subsidie",
        "d.huur", "k.woningen"]
    # Roles, then bodies, then people; only actors with a letter.
    assert [a.id for a in matrix.columns] == [
        "sg-bzk", "dg-bw", "kwartiermaker-warmte", "sg-warmte", "tf-warmte",
        "p.jansen", "p.smit", "p.dekker"]


def test_a_goal_scope_is_its_subtree_initiatives_decisions_and_indicators() -> None:
    matrix = build_matrix(warmte_model(), "g.klimaat")
    assert [row.id for row in matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "i.wijkaanpak", "d.subsidie", "k.woningen"]
    assert "p.smit" not in {a.id for a in matrix.columns}  # only Informed on g.wonen


def test_a_unit_scope_is_the_actors_in_it_or_below_and_their_items() -> None:
    matrix = build_matrix(warmte_model(), "bzk-dgbw")
    assert {a.id for a in matrix.columns} == {"dg-bw", "p.jansen"}
    assert {row.id for row in matrix.rows} == {
        "g.aardgasvrij", "i.wijkaanpak", "d.subsidie", "k.woningen"}
    whole_ministry = build_matrix(warmte_model(), "bzk")
    assert {a.id for a in whole_ministry.columns} == {"sg-bzk", "dg-bw", "p.jansen", "p.smit"}


def test_a_body_scope_is_the_body_its_chair_and_members() -> None:
    matrix = build_matrix(warmte_model(), "tf-warmte")
    assert {a.id for a in matrix.columns} == {"tf-warmte", "dg-bw", "kwartiermaker-warmte"}
    assert matrix.letter("d.subsidie", "tf-warmte") == "C"
    assert matrix.letter("d.subsidie", "sg-warmte") == ""  # not in scope


def test_a_scope_of_another_kind_or_unknown_id_is_refused() -> None:
    with pytest.raises(UsageError, match="this is a role; give a unit, a body or a goal"):
        build_matrix(warmte_model(), "dg-bw")
    with pytest.raises(UsageError, match=r"did you mean g\.wonen"):
        build_matrix(warmte_model(), "g.wone")


def test_goal_areas_cover_each_top_goal_and_the_rest() -> None:
    areas = goal_area_matrices(warmte_model())
    assert [(area.goal, area.name) for area in areas] == [
        ("g.klimaat", "Klimaatneutraal 2050"), ("g.wonen", "Voldoende woningen"),
        (None, "Outside every goal area")]
    assert [row.id for row in areas[0].matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "i.wijkaanpak", "d.subsidie", "k.woningen"]
    assert [row.id for row in areas[2].matrix.rows] == ["i.app", "d.huur"]


def test_busiest_columns_keeps_the_actors_with_most_letters_in_order() -> None:
    matrix = build_matrix(warmte_model())
    narrowed, left_out = matrix.busiest_columns(2)
    # dg-bw holds 4 letters, the others 2 at most: of those, the first column stays.
    assert [a.id for a in narrowed.columns] == ["sg-bzk", "dg-bw"]
    assert left_out == len(matrix.columns) - 2
    assert {actor for _, actor in narrowed.cells} == {"sg-bzk", "dg-bw"}


def test_markdown_shows_names_as_written() -> None:
    model = Model(Org("Escapes"))
    model.add(Role(id="r", name="Chef | <b>*baas*</b>"))
    model.add(Goal(id="g", name="Doel_1 [zie `x`]\ntweede regel"))
    model.assign("g", "A", "r")
    text = matrix_markdown(build_matrix(model))
    header, rule, row = text.splitlines()
    assert header == "| Item | Kind | Chef \\| \\<b\\>\\*baas\\*\\</b\\> |"
    assert rule == "| --- | --- | --- |"
    assert row == "| Doel\\_1 \\[zie \\`x\\`\\]<br>tweede regel | goal | A |"


def test_the_table_fits_the_terminal_and_names_what_it_left_out() -> None:
    model = Model(Org("Breed"))
    model.add(Unit(id="u", name="Unit"))
    model.add(Goal(id="g", name="Een doel met een lange naam die niet past"))
    for number in range(40):
        model.add(Person(id=f"p{number}", name=f"Persoon nummer {number}", unit="u"))
        model.assign("g", "R" if number else "A", f"p{number}")
    table, left_out = matrix_table(build_matrix(model), 80)
    console = Console(width=80, file=io.StringIO(), color_system=None)
    console.print(table)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert all(len(line) <= 80 for line in lines)
    assert 0 < left_out < 40
    assert sum(line.count("R") + line.count("A") for line in lines[-1:]) == 40 - left_out


def test_a_table_too_narrow_for_every_actor_shows_the_busiest() -> None:
    model = Model(Org("Druk"))
    for number in range(3):
        model.add(Goal(id=f"g{number}", name=f"Doel {number}"))
    for number in range(20):
        model.add(Person(id=f"p{number}", name=f"Persoon {number}"))
        model.assign("g0", "I", f"p{number}")
    for number in range(3):  # the last person in model order is the busiest
        model.assign(f"g{number}", "A", "p19")
    table, left_out = matrix_table(build_matrix(model), 60)
    assert 0 < left_out < 19
    shown = [str(column.header) for column in table.columns]
    assert "Persoon 19" in shown and len(shown) == 1 + 20 - left_out


def test_the_table_shows_markup_in_names_as_written() -> None:
    model = Model(Org("Markup"))
    model.add(Role(id="r", name="[b]Baas[/b]"))
    model.add(Goal(id="g", name="[red]Doel[/red]"))
    model.assign("g", "A", "r")
    table, left_out = matrix_table(build_matrix(model), 80)
    console = Console(width=80, file=io.StringIO(), color_system=None)
    console.print(table)
    printed = console.file.getvalue()  # type: ignore[attr-defined]
    assert "[b]Baas[/b]" in printed and "[red]Doel[/red]" in printed
    assert left_out == 0


def test_matrix_command_prints_csv_and_a_note_for_a_narrow_table(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    people = "\n".join(f"  - {{id: p{n}, name: Persoon {n}}}" for n in range(30))
    path.write_text(
        "raci: 1\norg: {name: Breed}\npeople:\n" + people + "\ngoals:\n"
        "  - id: g\n    name: Doel\n    raci: {A: p0, R: [p1, p2], I: "
        + "[" + ", ".join(f"p{n}" for n in range(3, 30)) + "]}\n", encoding="utf-8")
    done = subprocess.run([RACI, "matrix", str(path), "--format", "csv"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert cells(done.stdout)[("g", "p0")] == "A"
    narrow = subprocess.run([RACI, "matrix", str(path)], capture_output=True, text=True,
                            timeout=60, env={**os.environ, "COLUMNS": "60"})
    assert narrow.returncode == 0, narrow.stderr
    assert all(len(line) <= 60 for line in narrow.stdout.splitlines())
    assert "actors left out" in narrow.stdout and "--format csv" in narrow.stdout
    wide = subprocess.run([RACI, "matrix", str(path)], capture_output=True, text=True,
                          timeout=60, env={**os.environ, "COLUMNS": "400"})
    assert wide.returncode == 0 and "left out" not in wide.stdout
    assert max(len(line) for line in wide.stdout.splitlines()) > 200


def test_matrix_command_scopes_by_unit_body_and_goal_and_refuses_unknown_ids(
        tmp_path: Path) -> None:
    path = tmp_path / "warmte.yaml"
    write_model(warmte_model(), path)
    scoped = {}
    for scope in ("bzk-dgbw", "tf-warmte", "g.klimaat"):
        done = subprocess.run([RACI, "matrix", str(path), "--scope", scope, "--format", "csv"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        scoped[scope] = cells(done.stdout)
    assert scoped["bzk-dgbw"] == {("g.aardgasvrij", "dg-bw"): "A", ("i.wijkaanpak", "dg-bw"): "A",
                                  ("i.wijkaanpak", "p.jansen"): "R", ("k.woningen", "dg-bw"): "A",
                                  ("d.subsidie", "dg-bw"): "C"}
    assert {item for item, _ in scoped["g.klimaat"]} == {
        "g.klimaat", "g.aardgasvrij", "i.wijkaanpak", "d.subsidie", "k.woningen"}
    assert {actor for _, actor in scoped["tf-warmte"]} == {"tf-warmte", "dg-bw",
                                                           "kwartiermaker-warmte"}
    unknown = subprocess.run([RACI, "matrix", str(path), "--scope", "tf-warmt"],
                             capture_output=True, text=True, timeout=60)
    assert unknown.returncode == 2 and unknown.stdout == ""
    assert unknown.stderr.strip() == (
        "raci: --scope tf-warmt: no entity with that id in the model; did you mean tf-warmte?")
