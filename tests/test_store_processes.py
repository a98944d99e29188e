"""Several OS processes on one database: an import killed half-way leaves the
old model, concurrent editors never lose an update, and a process that opens
the file a second time keeps SQLite's locks of the first."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from raci.errors import ConflictError
from raci.model import Goal, Model, Org, Unit
from raci.model.changes import Change
from raci.store import open_store

# Replaces the model with a big one and stops, forever, right after the
# entity rows went in: the transaction is open when the test kills it.
KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from sqlalchemy import Engine, event
    from raci.model import Model, Org, Unit
    from raci.store import open_store

    def stop_after_entities(conn, cursor, statement, parameters, context, executemany):
        if executemany and statement.startswith("INSERT INTO entity"):
            print("half-way", flush=True)
            time.sleep(120)

    event.listen(Engine, "after_cursor_execute", stop_after_entities)
    model = Model(org=Org("New"))
    for n in range(3000):
        model.units[f"new-{n}"] = Unit(id=f"new-{n}", name=f"New {n}")
    with open_store(sys.argv[1]) as store:
        store.load()
        store.replace_model(model)
    """
)

# Appends its own tags to goal g one save at a time, reloading on conflicts.
EDITOR = textwrap.dedent(
    """
    import dataclasses, sys
    from raci.errors import ConflictError
    from raci.model.changes import Change
    from raci.store import open_store

    url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open_store(url) as store:
        for number in range(count):
            while True:
                goal = store.load().goals["g"]
                tags = [*goal.tags, f"{name}-{number}"]
                try:
                    store.save(Change(put=[dataclasses.replace(goal, tags=tags)]))
                    break
                except ConflictError:
                    continue
    """
)

# Loads, renames goal g, and saves: another process than the test's.
RENAME = textwrap.dedent(
    """
    import sys
    from raci.model import Goal
    from raci.model.changes import Change
    from raci.store import open_store

    with open_store(sys.argv[1]) as store:
        store.load()
        store.save(Change(put=[Goal(id="g", name="Renamed by another process")]))
    """
)


# What another process sees of a unit's name: plain SQLite, no raci.
UNIT_NAME = "import sqlite3, sys; print(*sqlite3.connect(sys.argv[1]).execute(" \
            "'SELECT name FROM entity WHERE id = ?', (sys.argv[2],)).fetchone())"


def old_model() -> Model:
    model = Model(org=Org("Old"))
    model.units["u"] = Unit(id="u", name="Unit")
    model.goals["g"] = Goal(id="g", name="Goal", tags=["start"])
    return model


def python(script: str, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *arguments], stdout=subprocess.PIPE, text=True
    )


def test_a_killed_import_leaves_the_old_model(store_url: str) -> None:
    with open_store(store_url, create=True) as store:
        store.replace_model(old_model())
        revision = store.revision()
    importer = python(KILLED_IMPORT, store_url)
    assert importer.stdout is not None
    assert importer.stdout.readline() == "half-way\n"
    importer.kill()
    importer.wait()
    with open_store(store_url) as store:
        assert store.load() == old_model()
        assert store.revision() == revision
        store.save(Change(put=[Unit(id="u2", name="Still writable")]))
        assert "u2" in store.load()


def test_two_processes_editing_one_entity_lose_no_update(store_url: str) -> None:
    with open_store(store_url, create=True) as store:
        store.replace_model(old_model())
    count = 12
    editors = [python(EDITOR, store_url, name, str(count)) for name in ("a", "b")]
    for editor in editors:
        assert editor.wait(timeout=120) == 0
    with open_store(store_url) as store:
        tags = store.load().goals["g"].tags
    expected = {f"{name}-{n}" for name in ("a", "b") for n in range(count)}
    assert tags[0] == "start"
    assert sorted(tags[1:]) == sorted(expected)


def test_the_second_process_to_write_is_told_of_the_conflict(store_url: str) -> None:
    with open_store(store_url, create=True) as store:
        store.replace_model(old_model())
        store.load()
        assert python(RENAME, store_url).wait(timeout=60) == 0
        try:
            store.save(Change(put=[Goal(id="g", name="Renamed here")]))
        except ConflictError as conflict:
            assert "goal g was changed by someone else" in str(conflict)
        else:
            raise AssertionError("the second save was not refused")
        assert store.load().goals["g"].name == "Renamed by another process"


def test_a_second_store_in_the_process_keeps_the_locks_of_the_first(tmp_path: Path) -> None:
    """The app reads its scenarios through a store of their own while its
    first holds the file. Looking at the file with Python's open() and
    closing it dropped every lock the process held on it, SQLite's too
    (sqlite.org/howtocorrupt.html, 2.2): another process's writer then took
    itself for the last one and deleted the WAL under the first store, which
    saw no more of the others' saves, nor they of its."""
    database = tmp_path / "org.db"
    url = f"sqlite:///{database}"
    with open_store(url, create=True) as store:
        store.replace_model(old_model())
        open_store(url).close()
        assert python(RENAME, url).wait(timeout=60) == 0
        assert Path(f"{database}-wal").exists()
        assert store.load().goals["g"].name == "Renamed by another process"
        store.save(Change(put=[Unit(id="u2", name="Saved after")]))
        seen = subprocess.run([sys.executable, "-c", UNIT_NAME, str(database), "u2"],
                              capture_output=True, text=True, check=True)
        assert seen.stdout == "Saved after\n"
