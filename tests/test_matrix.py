"""The RACI matrix: scopes, CSV, Markdown and a table that fits the terminal."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text
from test_diagram_model import warmte_model

from raci.errors import UsageError
from raci.export.matrix import (
    Matrix,
    build_matrix,
    goal_area_matrices,
    list_csv_lines,
    list_markdown_lines,
    list_text_lines,
    markdown_text,
    matrix_csv,
    matrix_csv_lines,
    matrix_markdown,
    matrix_table,
    wrapped_name,
)
from raci.formats import write_model
from raci.generate import HARD_NAMES
from raci.model import (
    Assignment,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Model,
    Org,
    Person,
    Role,
    Unit,
)
from raci.model.entities import CELL_ORDER
from raci.source import open_model

RACI = str(Path(sys.executable).with_name("raci"))
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def cells(matrix_text: str) -> dict[tuple[str, str], str]:
    """(item id, actor id) -> letter, read back from the CSV."""
    rows = list(csv.DictReader(io.StringIO(matrix_text)))
    return {(row["id"], actor): letter for row in rows for actor, letter in row.items()
            if actor not in ("id", "name", "kind") and letter}


def test_the_whole_matrix_holds_every_assignment() -> None:
    model = warmte_model()
    matrix = build_matrix(model)
    assert cells(matrix_csv(matrix)) == {(a.item, a.actor): a.letter for a in model.assignments}
    # The goal tree's order: a goal, its indicator, its initiative and the
    # decision about that; then what serves no goal.
    assert [row.id for row in matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "k.woningen", "i.wijkaanpak", "d.subsidie", "g.wonen",
        "i.app", "d.huur"]
    # Roles, then bodies, then people; only actors with a letter.
    assert [a.id for a in matrix.columns] == [
        "sg-bzk", "dg-bw", "kwartiermaker-warmte", "sg-warmte", "tf-warmte",
        "p.jansen", "p.smit", "p.dekker"]


def test_a_goal_scope_is_its_subtree_initiatives_decisions_and_indicators() -> None:
    matrix = build_matrix(warmte_model(), "g.klimaat")
    assert [row.id for row in matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "k.woningen", "i.wijkaanpak", "d.subsidie"]
    assert "p.smit" not in {a.id for a in matrix.columns}  # only Informed on g.wonen


def test_rows_read_down_the_goal_tree_each_item_once() -> None:
    """Each goal, what is about it, its initiatives each with what is about
    them, then the goals below it; an item of two goals where the tree first
    reaches it; last what serves no goal. The report's goal areas, the app and
    the workbook list their rows in this same order."""
    model = Model(Org("Boom"))
    for goal, parent in [("g.b", None), ("g.a", None), ("g.a2", "g.a"), ("g.a1", "g.a")]:
        model.add(Goal(id=goal, name=goal, parent=parent))
    for initiative, goals in [("i.los", []), ("i.twee", ["g.b", "g.a"]), ("i.a", ["g.a"]),
                              ("i.a1", ["g.a1"])]:
        model.add(Initiative(id=initiative, name=initiative, goals=goals))
    for decision, about in [("d.los", []), ("d.a1-en-a", ["i.a1", "i.a"]), ("d.a", ["g.a"]),
                            ("d.los-i", ["i.los"])]:
        model.add(Decision(id=decision, name=decision, about=about))
    model.add(Kpi(id="k.a", name="k.a", measures="g.a", type="lagging", has_raci=True))
    model.add(Kpi(id="k.zonder", name="k.zonder", measures="g.b", type="lagging"))
    model.add(Kpi(id="k.twee", name="k.twee", measures="i.twee", type="lagging"))
    model.add(Role(id="r", name="Rol"))
    model.assign("k.twee", "I", "r")
    rows = [row.id for row in build_matrix(model).rows]
    assert rows == ["g.b", "i.twee", "k.twee", "g.a", "d.a", "k.a", "i.a", "d.a1-en-a", "g.a2",
                    "g.a1", "i.a1", "i.los", "d.los-i", "d.los"]
    # A goal's matrix and its area in the report read from the goal down.
    in_area = ["g.a", "d.a", "k.a", "i.twee", "k.twee", "i.a", "d.a1-en-a", "g.a2", "g.a1", "i.a1"]
    assert [row.id for row in build_matrix(model, "g.a").rows] == in_area
    areas = {area.goal: [row.id for row in area.matrix.rows] for area in goal_area_matrices(model)}
    assert areas == {"g.b": ["g.b", "i.twee", "k.twee"], "g.a": in_area,
                     None: ["i.los", "d.los-i", "d.los"]}


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
    with pytest.raises(UsageError, match=r"did you mean 'g\.wonen'"):
        build_matrix(warmte_model(), "g.wone")


def test_goal_areas_cover_each_top_goal_and_the_rest() -> None:
    areas = goal_area_matrices(warmte_model())
    assert [(area.goal, area.name) for area in areas] == [
        ("g.klimaat", "Klimaatneutraal 2050"), ("g.wonen", "Voldoende woningen"),
        (None, "Outside every goal area")]
    assert [row.id for row in areas[0].matrix.rows] == [
        "g.klimaat", "g.aardgasvrij", "k.woningen", "i.wijkaanpak", "d.subsidie"]
    assert [row.id for row in areas[2].matrix.rows] == ["i.app", "d.huur"]


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


def table_text(matrix: Matrix, width: int, *, colour: bool = False) -> tuple[list[str], int]:
    table = matrix_table(matrix, width, colour=colour)
    return "".join(table.lines).splitlines(), table.left_out


def test_the_table_fits_the_terminal_and_names_what_it_left_out() -> None:
    model = Model(Org("Breed"))
    model.add(Unit(id="u", name="Unit"))
    model.add(Goal(id="g", name="Een doel met een lange naam die niet past"))
    for number in range(40):
        model.add(Person(id=f"p{number}", name=f"Persoon nummer {number}", unit="u"))
        model.assign("g", "R" if number else "A", f"p{number}")
    lines, left_out = table_text(build_matrix(model), 80)
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
    lines, left_out = table_text(build_matrix(model), 60)
    assert 0 < left_out < 19
    header = "\n".join(lines[:lines.index(next(line for line in lines if "─" in line))])
    assert "19" in header and header.count("Persoon") == 20 - left_out
    assert [line.count("A") for line in lines[-3:]] == [1, 1, 1]


def test_a_narrow_table_fills_the_room_left_with_actors_whose_names_fit() -> None:
    """Actors too wide for the room left are passed over, not the end of the
    header: a short name, or one of letters with accents written as combining
    marks (five characters, three columns), still fits after them."""
    model = Model(Org("Smal"))
    model.add(Goal(id="g", name="Doel"))
    names = {"p.wide": "Programmadirecteur", "p.hyphen": "Directeur-generaal",
             "p.bo": "Bo", "p.combined": "Ze\u0301e\u0301"}
    for actor, name in names.items():
        model.add(Person(id=actor, name=name))
    for letter, actor in zip(CELL_ORDER, names, strict=True):
        model.assign("g", letter, actor)
    room = 12  # after the item and the first column; "Directeur-" / "generaal" needs 13
    table = matrix_table(build_matrix(model), 4 + 2 + 15 + room)
    # "Bo" takes 5 (with its padding), "Zéé" the 6 left: 3 columns, not 5.
    assert [actor.id for actor in table.columns] == ["p.wide", "p.bo", "p.combined"]
    table = matrix_table(build_matrix(model), 4 + 2 + 15 + room + 1)
    assert [actor.id for actor in table.columns] == ["p.wide", "p.hyphen"]


def rich_table(matrix: Matrix, width: int) -> list[str]:
    """The table as rich laid it out before raci laid out the rows itself: the
    same actors, drawn by rich's `Table` with the same widths and padding
    (each actor's name broken as raci breaks it: rich would cut it mid-word)."""
    longest = max(cell_len(" ".join(row.name.splitlines())) for row in matrix.rows)
    item_width = max(min(36, longest, width // 3), 4)
    shown = matrix.with_columns(matrix_table(matrix, width).columns)
    table = RichTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
    table.add_column("Item", max_width=item_width, overflow="ellipsis", no_wrap=True)
    for actor in shown.columns:
        lines = wrapped_name(actor.name, 12)
        table.add_column(Text("\n".join(lines)), justify="center", overflow="fold", max_width=12)
    for row, letters in shown.rows_with_letters():
        table.add_row(Text(" ".join(row.name.splitlines())), *letters)
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(table)
    return [line.rstrip() for line in console.file.getvalue().splitlines()]  # type: ignore[attr-defined]


def hold_a_and_r(model: Model, item: str, actor: str) -> None:
    model.assign(item, "A", actor)
    model.assignments.append(Assignment(item, "R", actor))
    model.changed()


@pytest.mark.parametrize("width", [60, 100, 400])
def test_the_table_reads_as_rich_laid_it_out(width: int) -> None:
    """Rows are laid out directly (rich took 11 s for 35,000 rows); what they
    read is what rich's Table drew, names of every script and width included."""
    model = warmte_model()
    hard = [name for name in HARD_NAMES if "\t" not in name]
    for number, name in enumerate(hard):
        model.add(Role(id=f"r.hard{number}", name=name))
        model.add(Goal(id=f"g.hard{number}", name=name + " " + name))
        model.assign(f"g.hard{number}", "A" if number % 2 else "C", f"r.hard{number}")
        model.assign("g.wonen", "I", f"r.hard{number}")
    hold_a_and_r(model, "i.app", "p.dekker")
    matrix = build_matrix(model)
    lines, left_out = table_text(matrix, width)
    assert lines == rich_table(matrix, width)
    assert (left_out > 0) == (width < 400)
    shown = {actor.id for actor in matrix_table(matrix, width).columns}
    assert any("A/R" in line for line in lines) == ("p.dekker" in shown)


def test_control_characters_in_names_do_not_reach_the_terminal() -> None:
    model = Model(Org("Escapes"))
    model.add(Role(id="r", name="Chef\x1b[31m\tbaas"))
    model.add(Goal(id="g", name="Doel\tmet\x07bel\r\nen regel"))
    model.assign("g", "A", "r")
    lines, _ = table_text(build_matrix(model), 80)
    assert not any(set(line) & {"\x1b", "\t", "\x07", "\r"} for line in lines)
    assert lines[-1].startswith("Doel met bel  en regel")
    assert len({len(line) for line in lines[-2:]}) == 2  # the rule spans the whole row
    assert lines[-1].rstrip().endswith("A") and len(lines[-1]) <= len(lines[-2])


def test_colour_makes_the_header_bold_and_the_accountable_red() -> None:
    matrix = build_matrix(warmte_model())
    plain, _ = table_text(matrix, 120)
    coloured, _ = table_text(matrix, 120, colour=True)
    assert [ANSI.sub("", line) for line in coloured] == plain
    assert coloured[0].startswith("\x1b[1m")
    owners = [line for line in coloured if "\x1b[1;31m" in line]
    assert owners and all("A" in ANSI.sub("", line) for line in owners)
    assert not any("\x1b[1;31m" in line for line in coloured
                   if "A" not in ANSI.sub("", line))


def test_the_table_shows_markup_in_names_as_written() -> None:
    model = Model(Org("Markup"))
    model.add(Role(id="r", name="[b]Baas[/b]"))
    model.add(Goal(id="g", name="[red]Doel[/red]"))
    model.assign("g", "A", "r")
    lines, left_out = table_text(build_matrix(model), 80)
    printed = "\n".join(lines)
    assert "[b]Baas[/b]" in printed and "[red]Doel[/red]" in printed
    assert left_out == 0


# ---- CSV and Markdown a row at a time --------------------------------------------------


def wide_model() -> Model:
    """Many actors, most cells blank, letters in the first and last columns."""
    model = Model(Org("Breed"))
    for number in range(30):
        model.add(Person(id=f"p{number}", name=f"Persoon | {number}"))
    for number in range(12):
        model.add(Goal(id=f"g{number}", name=f"Doel, \"{number}\"\nregel"))
        for actor in sorted({0, 29, (number * 7) % 30}):
            model.assign(f"g{number}", "A" if actor == 0 else "I", f"p{actor}")
    model.add(Goal(id="g.leeg", name="Geen letters"))
    hold_a_and_r(model, "g3", "p0")
    return model


def test_csv_and_markdown_are_what_a_dense_writer_writes() -> None:
    """Rows are built from their letters alone; the text is the same as
    writing every cell, blanks included."""
    matrix = build_matrix(wide_model())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "name", "kind", *(actor.id for actor in matrix.columns)])
    for row, letters in matrix.rows_with_letters():
        writer.writerow([row.id, row.name, matrix.kinds[row.id], *letters])
    assert matrix_csv(matrix) == out.getvalue()
    assert "".join(matrix_csv_lines(matrix)) == out.getvalue()
    header = ["Item", "Kind", *(markdown_text(actor.name) for actor in matrix.columns)]
    dense = [header, ["---"] * len(header)] + [
        [markdown_text(row.name), matrix.kinds[row.id], *letters]
        for row, letters in matrix.rows_with_letters()]
    assert matrix_markdown(matrix) == "".join(
        "| " + " | ".join(cells) + " |\n" for cells in dense)
    assert "| A/R |" in matrix_markdown(matrix)


def test_a_matrix_without_actors_lists_its_items() -> None:
    model = Model(Org("Leeg"))
    model.add(Goal(id="g", name="Doel"))
    matrix = build_matrix(model)
    assert matrix_csv(matrix) == "id,name,kind\ng,Doel,goal\n"
    assert matrix_markdown(matrix) == "| Item | Kind |\n| --- | --- |\n| Doel | goal |\n"


# ---- the list layout ----------------------------------------------------------------------


def test_the_list_names_each_items_actors_by_letter() -> None:
    model = warmte_model()
    hold_a_and_r(model, "i.app", "p.dekker")
    matrix = build_matrix(model)
    rows = list(csv.DictReader(io.StringIO("".join(list_csv_lines(matrix)))))
    assert list(rows[0]) == ["id", "name", "kind", "A", "R", "C", "I"]
    held = {row["id"]: {letter: row[letter].split() for letter in "ARCI"} for row in rows}
    assert held == {
        row.id: {letter: [actor.id for actor in matrix.columns
                          if letter in matrix.letter(row.id, actor.id).split("/")]
                 for letter in "ARCI"}
        for row in matrix.rows}
    assert held["i.app"]["A"] == held["i.app"]["R"] == ["p.dekker"]  # A/R: under both
    assert held["d.subsidie"] == {"A": ["sg-warmte"], "R": [], "C": ["dg-bw", "tf-warmte"],
                                  "I": ["kwartiermaker-warmte"]}


def test_the_list_reads_in_markdown_and_in_a_terminal() -> None:
    matrix = build_matrix(warmte_model(), "g.klimaat")
    markdown = "".join(list_markdown_lines(matrix)).splitlines()
    assert markdown[0] == "| Item | Kind | Accountable | Responsible | Consulted | Informed |"
    assert markdown[1] == "| --- | --- | --- | --- | --- | --- |"
    assert len(markdown) == 2 + len(matrix.rows)
    subsidie = next(line for line in markdown if line.startswith("| Subsidieregeling"))
    assert subsidie == ("| Subsidieregeling vaststellen | decision | Stuurgroep Warmte |  | "
                        "Directeur-Generaal Bouwen en Wonen<br>Taskforce Warmtenetten | "
                        "Kwartiermaker Warmte |")
    text = "".join(list_text_lines(matrix))
    assert "Subsidieregeling vaststellen (decision)\n" \
           "  Accountable  Stuurgroep Warmte\n" \
           "  Consulted    Directeur-Generaal Bouwen en Wonen, Taskforce Warmtenetten\n" \
           "  Informed     Kwartiermaker Warmte\n" in text
    assert text.count("\n\n") == len(matrix.rows) - 1
    coloured = "".join(list_text_lines(matrix, colour=True))
    assert ANSI.sub("", coloured) == text
    assert "  Accountable  \x1b[1;31mStuurgroep Warmte\x1b[0m\n" in coloured


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


def test_a_narrow_table_breaks_names_at_spaces_and_hyphens_never_mid_word(
        tmp_path: Path) -> None:
    path = tmp_path / "nr.yaml"
    path.write_text(
        "raci: 1\norg: {name: Ministerie}\npeople:\n  - {id: pm, name: Programmamanager}\n"
        "  - {id: dg, name: Directeur-generaal DG Cybersecurity}\n"
        "goals:\n  - id: g\n    name: Doel\n    raci: {A: dg, R: pm}\n", encoding="utf-8")
    done = subprocess.run([RACI, "--lang", "nl", "matrix", str(path)], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "COLUMNS": "80"})
    assert done.returncode == 0, done.stderr
    header = [line.split() for line in done.stdout.split("─")[0].splitlines()]
    assert header == [["Directeur-"], ["generaal", "DG"],
                      ["Item", "Programmama…", "Cybersecuri…"]]


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
        "raci: --scope tf-warmt: no entity with that id in the model; did you mean 'tf-warmte'?")


def test_matrix_command_lists_each_items_actors(tmp_path: Path, raci) -> None:
    path = tmp_path / "warmte.yaml"
    model = warmte_model()
    model.add(Unit(id="leeg", name="Nog zonder mensen"))
    write_model(model, path)
    listed = raci("matrix", path, "--layout", "list", "--scope", "g.klimaat")
    assert listed.code == 0, listed.err
    assert listed.out == "".join(list_text_lines(build_matrix(warmte_model(), "g.klimaat")))
    as_csv = raci("matrix", path, "--layout", "list", "--format", "csv")
    assert as_csv.out == "".join(list_csv_lines(build_matrix(warmte_model())))
    as_markdown = raci("matrix", path, "--layout", "list", "--format", "markdown")
    assert as_markdown.out.startswith("| Item | Kind | Accountable |")
    empty = raci("matrix", path, "--layout", "list", "--scope", "leeg")
    assert (empty.code, empty.out) == (0, "No items in this scope.\n")


def test_a_grid_too_big_to_read_says_what_reads(tmp_path: Path, raci,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "warmte.yaml"
    write_model(warmte_model(), path)
    small = raci("matrix", path, "--format", "csv")
    assert small.code == 0 and small.err == ""
    monkeypatch.setattr("raci.cli.diagram_commands.READABLE_CELLS", 10)
    big = raci("matrix", path, "--format", "markdown")
    assert big.code == 0
    assert big.out == matrix_markdown(build_matrix(warmte_model()))  # still all of it
    assert big.err == ("note: the matrix is 8 items by 8 actors; --layout list names each "
                       "item's actors and --scope ID narrows it\n")


@pytest.mark.parametrize("no_colour", [False, True])
def test_on_a_terminal_the_accountable_is_red_unless_no_color(tmp_path: Path,
                                                               no_colour: bool) -> None:
    path = tmp_path / "warmte.yaml"
    write_model(warmte_model(), path)
    env = {"PATH": os.environ["PATH"], "TERM": "xterm-256color", "COLUMNS": "120",
           **({"NO_COLOR": "1"} if no_colour else {})}
    shown = pexpect.run(f"{RACI} matrix {path}", env=env, encoding="utf-8", timeout=60)
    assert "Subsidieregeling vaststellen" in shown
    assert ("\x1b[1;31mA\x1b[0m" in shown) != no_colour
    assert ("\x1b[" in shown) != no_colour


@pytest.mark.parametrize("scope", [None, "g.klimaat", "g.wonen", "bzk-dgbw", "bzk", "tf-warmte"])
def test_the_matrix_of_the_lean_read_is_the_whole_models(tmp_path: Path, scope: str | None) -> None:
    """`raci matrix` reads a database lean: the same matrix, row for row."""
    from raci.store import open_store
    from raci.store.lean import read_lean_file

    model = warmte_model()
    hold_a_and_r(model, "g.aardgasvrij", "dg-bw")
    database = tmp_path / "org.db"
    open_store(f"sqlite:///{database}", create=True, model=model).close()
    lean = read_lean_file(database)
    assert lean is not None
    whole, read_lean = build_matrix(model, scope), build_matrix(lean, scope)
    assert [(r.id, r.name) for r in read_lean.rows] == [(r.id, r.name) for r in whole.rows]
    assert [(c.id, c.name) for c in read_lean.columns] == [
        (c.id, c.name) for c in whole.columns]
    assert (read_lean.cells, read_lean.kinds) == (whole.cells, whole.kinds)
    assert read_lean.cells  # the scope holds letters: the comparison compares something
    assert "".join(list_csv_lines(read_lean)) == "".join(list_csv_lines(whole))


def test_the_lean_read_refuses_the_scopes_the_whole_model_refuses(tmp_path: Path) -> None:
    from raci.model.lean import LeanModel

    lean = LeanModel.of_model(warmte_model())
    with pytest.raises(UsageError, match="this is a role; give a unit, a body or a goal"):
        build_matrix(lean, "dg-bw")
    with pytest.raises(UsageError, match=r"did you mean 'g\.wonen'"):
        build_matrix(lean, "g.wone")


def test_a_narrow_scoped_table_never_leaves_out_the_accountable_or_the_responsible(
        tmp_path: Path, raci, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Accountable holds one letter, the Responsible two: fewer than each
    of 20 people told of everything; at 80 columns they are still shown."""
    path = tmp_path / "smal.yaml"
    people = "\n".join(f"  - {{id: p{n}, name: Betrokkene {n}}}" for n in range(20))
    told = "[" + ", ".join(f"p{n}" for n in range(20)) + "]"
    path.write_text(
        "raci: 1\norg: {name: Smal}\n"
        "roles:\n  - {id: dg, name: Directeur-generaal}\n  - {id: pm, name: Uitvoerder}\n"
        f"people:\n{people}\n"
        "goals:\n  - {id: g, name: Doel}\n  - {id: h, name: Ander doel}\n"
        "initiatives:\n"
        f"  - {{id: i1, name: Plan, goals: [g], raci: {{A: dg, R: [pm], I: {told}}}}}\n"
        f"  - {{id: i2, name: Bouw, goals: [g], raci: {{R: [pm], C: {told}}}}}\n"
        f"  - {{id: i3, name: Elders, goals: [h], raci: {{A: p0}}}}\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    result = raci("matrix", path, "--scope", "g")
    assert result.code == 0, result.err
    header = result.out.split("─")[0]
    assert "Directeur-" in header and "Uitvoerder" in header
    shown = header.count("Betrokkene")
    assert 0 < shown < 20
    note = " ".join(result.out.split("─")[-1].split())
    assert f"{20 - shown} of 22 actors left out to fit 80 columns (those Accountable or " \
        "Responsible first, then the busiest); see them all with --format csv" in note
    monkeypatch.setenv("COLUMNS", "80")
    dutch = raci("--lang", "nl", "matrix", path, "--scope", "g")
    assert f"{20 - shown} van de 22 actoren weggelaten" in " ".join(dutch.out.split())


def test_a_scope_of_another_kind_is_refused_in_one_line_in_dutch(tmp_path: Path, raci) -> None:
    path = tmp_path / "warmte.yaml"
    write_model(warmte_model(), path)
    for scope, kind in (("dg-bw", "een rol"), ("i.wijkaanpak", "een initiatief")):
        result = raci("--lang", "nl", "matrix", path, "--scope", scope)
        assert result.code == 2 and result.out == ""
        assert result.err == f"raci: --scope {scope}: dit is {kind}; geef een onderdeel, een " \
            "gremium of een doel\n"


def test_a_table_with_more_accountables_than_fit_says_whose_accountable_is_left_out(
        tmp_path: Path, raci, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "eigenaren.yaml"
    people = "\n".join(f"  - {{id: p{n}, name: Eigenaar {n}}}" for n in range(12))
    items = "\n".join(f"  - {{id: i{n}, name: Taak {n}, raci: {{A: p{n}}}}}" for n in range(12))
    path.write_text(f"raci: 1\norg: {{name: Veel}}\npeople:\n{people}\ninitiatives:\n{items}\n",
                    encoding="utf-8")
    table = matrix_table(build_matrix(open_model(str(path)).model), 80)
    shown = {actor.id for actor in table.columns}
    assert 0 < len(shown) < 12 and table.unowned == 12 - len(shown)
    monkeypatch.setenv("COLUMNS", "80")
    result = raci("matrix", path)
    assert f"the Accountables of {12 - len(shown)} items are left out; --layout list names " \
        "them." in " ".join(result.out.split())
    wide = matrix_table(build_matrix(open_model(str(path)).model), 400)
    assert wide.left_out == 0 and wide.unowned == 0


def test_raci_matrix_imports_the_matrix_not_the_drawings_and_the_report(tmp_path: Path) -> None:
    """Each thing of `raci.export` is imported from its own module: the
    matrix of a database costs no Graphviz, no report."""
    from raci.store import open_store

    database = tmp_path / "org.db"
    open_store(f"sqlite:///{database}", create=True, model=warmte_model()).close()
    program = ("import sys; from raci.cli import main\n"
               "try:\n    main(['matrix', sys.argv[1], '--layout', 'list'])\n"
               "except SystemExit:\n    pass\n"
               "print(sorted(m for m in sys.modules if m.startswith(('raci.export', 'graphviz'))),"
               " file=sys.stderr)")
    run = subprocess.run([sys.executable, "-c", program, str(database)], capture_output=True,
                         text=True, check=True)
    assert "Subsidieregeling vaststellen" in run.stdout
    assert run.stderr.strip() == "['raci.export', 'raci.export.matrix']"
