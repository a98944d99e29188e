"""`raci lint` of a SQLite file reads it lean with the standard sqlite3
module alone: the same model the store reads, nothing read when the file is
not this raci's (the store then says what is wrong, or migrates it), and no
SQLAlchemy, Alembic, networkx or YAML reader imported on the way."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import networkx as nx
from sqlalchemy import Boolean, Date

from raci.analysis.chains import strongly_connected_components
from raci.model.lean import LeanModel
from raci.source import open_lean_model
from raci.store import open_store, tables
from raci.store.layout import BOOLEAN_COLUMNS, DATE_COLUMNS, LIST_TABLES, REFERENCE_COLUMNS
from raci.store.lean import read_lean_file
from raci.store.rows import LIST_FIELDS
from tests.test_store import every_field_model


def model_database(tmp_path: Path) -> Path:
    path = tmp_path / "org.db"
    open_store(f"sqlite:///{path}", create=True, model=every_field_model()).close()
    return path


def test_the_file_read_lean_is_what_the_store_reads(tmp_path: Path) -> None:
    path = model_database(tmp_path)
    lean = read_lean_file(path)
    with open_store(f"sqlite:///{path}") as store:
        assert lean == store.load_lean() == LeanModel.of_model(store.load())
    assert lean is not None
    body = lean.bodies["sg"]
    assert type(body.established) is type(lean.org.as_of) and body.temporary is False
    assert lean.bodies["tf"].temporary is None
    assert all(type(person.external) is bool for person in lean.people.values())


def test_a_file_that_is_not_this_racis_model_is_left_to_the_store(tmp_path: Path) -> None:
    assert read_lean_file(tmp_path / "missing.db") is None
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as database:
        database.execute("CREATE TABLE people (name TEXT)")
    assert read_lean_file(other) is None
    text = tmp_path / "text.db"
    text.write_text("not a database at all, just some words " * 100)
    assert read_lean_file(text) is None
    older = model_database(tmp_path)
    with sqlite3.connect(older) as database:
        database.execute("UPDATE alembic_version SET version_num = '0005'")
    assert read_lean_file(older) is None


def test_an_older_file_is_still_linted_through_the_store(tmp_path: Path) -> None:
    # The lean read declines a schema it does not know; the store migrates it.
    path = model_database(tmp_path)
    with sqlite3.connect(path) as database:
        database.execute("UPDATE alembic_version SET version_num = '0099'")
    refused = subprocess.run([sys.executable, "-m", "raci", "lint", str(path)],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode == 2
    assert "made by a newer raci (schema 0099)" in refused.stderr


def test_the_layout_names_what_the_tables_hold() -> None:
    entity = tables.entity.c
    assert {c.name for c in entity if isinstance(c.type, Date)} == DATE_COLUMNS
    assert {c.name for c in entity if isinstance(c.type, Boolean)} == BOOLEAN_COLUMNS
    assert {fk.parent.name for fk in tables.entity.foreign_keys} == set(REFERENCE_COLUMNS)
    assert [(lf.table.name, lf.owner, lf.value) for lf in LIST_FIELDS] == [
        (lt.table, lt.owner, lt.value) for lt in LIST_TABLES]
    assert all(lf.names_entities == bool(lf.table.c[lf.value].foreign_keys) for lf in LIST_FIELDS)


def test_a_lint_of_a_database_imports_no_heavy_library(tmp_path: Path) -> None:
    path = model_database(tmp_path)
    script = (
        "import sys\n"
        "from raci.cli import run\n"
        f"code = run(['lint', {str(path)!r}, '--format', 'json', '-o', {str(tmp_path / 'f')!r}])\n"
        "heavy = ('sqlalchemy', 'alembic', 'networkx', 'yaml', 'yaml_rs', 'rapidfuzz',"
        " 'textual', 'rich', 'openpyxl', 'matplotlib',"
        # the other commands' modules, and the diff: imported only when they run
        " 'raci.cli.model_commands', 'raci.cli.app_commands', 'raci.cli.scenario_commands',"
        " 'raci.cli.review_commands', 'raci.cli.diagram_commands',"
        " 'raci.cli.generate_commands', 'raci.cli.editing', 'raci.lint.diff',"
        " 'importlib.metadata',"
        # what only edits, scenarios, a misspelling and completion need
        " 'raci.model.changes', 'raci.model.scenarios', 'raci.model.checks',"
        " 'importlib.resources')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.split() == ["1", "[]"], done.stdout
    assert '"findings": [' in (tmp_path / "f").read_text()
    assert open_lean_model(str(path)).model == read_lean_file(path)


def test_the_components_are_networkxs() -> None:
    for seed in range(300):
        pick = random.Random(seed)
        nodes = [f"n{number}" for number in range(pick.randint(1, 25))]
        successors = {node: [pick.choice(nodes) for _ in range(pick.randint(0, 3))]
                      for node in nodes if pick.random() < 0.8}
        graph: nx.DiGraph[str] = nx.DiGraph()
        graph.add_nodes_from(successors)
        graph.add_edges_from((a, b) for a, after in successors.items() for b in after)
        expected = sorted(sorted(c) for c in nx.strongly_connected_components(graph))
        assert sorted(sorted(c) for c in strongly_connected_components(successors)) == expected


def test_a_long_chain_and_a_long_cycle_need_no_recursion() -> None:
    chain = {f"n{number}": [f"n{number + 1}"] for number in range(200_000)}
    assert len(list(strongly_connected_components(chain))) == 200_001
    chain["n200000"] = ["n0"]
    assert [len(c) for c in strongly_connected_components(chain)] == [200_001]
