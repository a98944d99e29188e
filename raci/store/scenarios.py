"""Scenario rows: reading a scenario and writing its header and its changes.

Each change is a row of `scenario_change` in order (`position` from 0): the
change and what it found, as the plain data of `raci.formats.changes`, and
the user's line for it, kept as JSON data (`line_to_data`) so that it is said
again in the language of whoever reads it, whoever wrote it: the command
line, the app, the review or `lint --fix`. A line an older raci stored as
plain text (the app's, the review's and `lint --fix`'s were, in the
writer's language) is shown as it is. Every write to a scenario first
raises its `version` (`lock_scenario`): writers of one scenario queue
there, as model writers queue on `meta.revision`, so the number of changes
a writer reads stays true until it commits.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, delete, func, insert, select, update

from raci.formats.changes import (
    change_from_data,
    change_to_data,
    line_from_data,
    line_renamed,
    line_to_data,
)
from raci.model.scenarios import Scenario, Step, renamed_change
from raci.store import tables


def read_scenarios(connection: Connection) -> list[Scenario]:
    """Every scenario with its changes, the oldest first."""
    table = tables.scenario
    names = connection.execute(
        select(table.c.name).order_by(table.c.created, table.c.name)).scalars().all()
    return [scenario for name in names if (scenario := read_scenario(connection, name))]


def read_scenario(connection: Connection, name: str) -> Scenario | None:
    table = tables.scenario
    row = connection.execute(select(table).where(table.c.name == name)).first()
    if row is None:
        return None
    changes = tables.scenario_change
    steps = [
        Step(change_from_data(change), change_from_data(found), _summary_from_text(summary))
        for change, found, summary in connection.execute(
            select(changes.c.change, changes.c.found, changes.c.summary)
            .where(changes.c.scenario == name).order_by(changes.c.position))
    ]
    description = row.description and _summary_from_text(row.description)
    return Scenario(row.name, description, row.created, row.base_revision, steps)


def scenario_names(connection: Connection) -> list[str]:
    return list(connection.execute(
        select(tables.scenario.c.name).order_by(tables.scenario.c.name)).scalars())


def insert_scenario(connection: Connection, scenario: Scenario) -> None:
    connection.execute(insert(tables.scenario).values(
        name=scenario.name, created=scenario.created,
        description=scenario.description and _summary_to_text(scenario.description),
        base_revision=scenario.base_revision, version=0))
    for position, step in enumerate(scenario.steps):
        insert_step(connection, scenario.name, position, step)


def lock_scenario(connection: Connection, name: str) -> int | None:
    """Raise the scenario's version, which keeps its other writers out until
    commit; return how many changes it has, or None when there is no such scenario."""
    table = tables.scenario
    locked = connection.execute(
        update(table).where(table.c.name == name).values(version=table.c.version + 1))
    if locked.rowcount == 0:
        return None
    changes = tables.scenario_change
    return int(connection.execute(
        select(func.count()).select_from(changes).where(changes.c.scenario == name)).scalar_one())


def insert_step(connection: Connection, name: str, position: int, step: Step) -> None:
    connection.execute(insert(tables.scenario_change).values(
        scenario=name, position=position, summary=_summary_to_text(step.summary),
        change=change_to_data(step.change), found=change_to_data(step.found)))


def delete_step(connection: Connection, name: str, position: int) -> None:
    changes = tables.scenario_change
    connection.execute(delete(changes).where(changes.c.scenario == name,
                                             changes.c.position == position))


def delete_scenario(connection: Connection, name: str) -> None:
    changes = tables.scenario_change
    connection.execute(delete(changes).where(changes.c.scenario == name))
    connection.execute(delete(tables.scenario).where(tables.scenario.c.name == name))


def rename_in_scenarios(connection: Connection, old: str, new: str) -> None:
    """Make the scenarios name `new` where they named `old`, the model's
    entity renamed in this transaction: each change, what it found and its
    line (`renamed_change`, `line_renamed`), raising the version of each
    scenario changed. A scenario that names `new` already (an entity it
    added by that id) is left as it is: it no longer fits the model either
    way, and renaming would make two entities of one id."""
    changes = tables.scenario_change
    rows = _change_rows(connection)
    naming_new = _naming(rows, new)
    renamed = set()
    for row in rows:
        if row.scenario in naming_new or not (_names(row.change, old) or _names(row.found, old)
                                              or old in row.summary):
            continue
        connection.execute(update(changes).where(
            changes.c.scenario == row.scenario, changes.c.position == row.position).values(
            change=_renamed_data(row.change, old, new), found=_renamed_data(row.found, old, new),
            summary=_stored(line_renamed(_summary_data(row.summary), old, new))))
        renamed.add(row.scenario)
    table = tables.scenario
    for name in sorted(renamed):
        connection.execute(update(table).where(table.c.name == name)
                           .values(version=table.c.version + 1))


ChangeRow = Row[Any, Any, Any, Any, Any]
"""A scenario's change as stored: scenario, position, change, found, summary."""


def left_by_rename(connection: Connection, old: str, new: str) -> list[str]:
    """The scenarios a rename of `old` to `new` leaves as they are, though they
    name `old`: they name `new` already (`rename_in_scenarios`)."""
    rows = _change_rows(connection)
    return sorted(_naming(rows, new) & _naming(rows, old))


def _change_rows(connection: Connection) -> Sequence[ChangeRow]:
    changes = tables.scenario_change
    return connection.execute(select(changes.c.scenario, changes.c.position, changes.c.change,
                                     changes.c.found, changes.c.summary)).all()


def _naming(rows: Sequence[ChangeRow], entity_id: str) -> set[str]:
    """The scenarios with a change that names `entity_id`, or found it."""
    return {row.scenario for row in rows
            if _names(row.change, entity_id) or _names(row.found, entity_id)}


def _renamed_data(data: dict[str, Any], old: str, new: str) -> dict[str, Any]:
    return change_to_data(renamed_change(change_from_data(data), old, new))


def _names(data: object, entity_id: str) -> bool:
    """Whether a change kept as data names `entity_id` anywhere in it."""
    if isinstance(data, dict):
        return any(_names(value, entity_id) for value in data.values())
    if isinstance(data, list):
        return any(_names(value, entity_id) for value in data)
    return data == entity_id


def _summary_to_text(summary: str) -> str:
    """A change's line as stored: JSON where it is said again when read, other text as it is."""
    return _stored(line_to_data(summary))


def _stored(data: str | dict[str, Any]) -> str:
    return data if isinstance(data, str) else json.dumps(data)


def _summary_from_text(text: str) -> str:
    """A stored line: said again where it was kept as data, else the text."""
    return line_from_data(_summary_data(text))


def _summary_data(text: str) -> str | dict[str, Any]:
    """A stored line as `line_to_data` made it: JSON data, or text an older raci stored."""
    if not text.startswith("{"):
        return text
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return text
    return data if isinstance(data, dict) and "template" in data else text
