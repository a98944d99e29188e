"""The `Store`: load a whole model, replace it, and save one change at a time.

Loading and importing use one statement per table (a SELECT, or an
executemany of a Core INSERT), never a row at a time. Saving a `Change`
runs in one transaction with optimistic concurrency: the store remembers the
version of every entity, assignment and waiver it loaded, and a write whose
row changed since then is refused with a `ConflictError` (see `saving`).

Scenarios (`raci.model.scenarios`) are kept beside the model: made,
extended a change at a time, undone, dropped, and applied into the model in
one transaction (`apply_scenario`). Writing a scenario leaves the model and
its revision alone.

Every write transaction of the model begins by bumping `meta.revision`. That one row
serialises writers (SQLite takes its write lock at BEGIN IMMEDIATE,
PostgreSQL locks the row until commit), so the checks a save makes stay true
until it commits; the new revision is also the version of every row written.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from types import TracebackType

from sqlalchemy import Connection, Engine, Table, delete, exists, select, update
from sqlalchemy.engine import URL

from raci.errors import RELOAD, ConflictError, ModelExistsError, StoreError
from raci.i18n import N_, Said
from raci.model import Model, kind_of
from raci.model.changes import Change
from raci.model.checks import did_you_mean
from raci.model.collector import collector_paused
from raci.model.lean import LeanModel
from raci.model.scenarios import Misfit, Scenario, Step, play
from raci.model.source import without_password
from raci.store import tables
from raci.store.columns import Cursor
from raci.store.engine import (
    bulk_writing,
    database_errors,
    describe,
    reading,
    sqlite_path,
    writing,
)
from raci.store.lean import read_lean
from raci.store.reading import Loaded, read_model
from raci.store.rows import (
    LIST_FIELDS,
    assignment_rows,
    entity_row,
    insert_many,
    list_rows,
    org_values,
    waiver_rows,
)
from raci.store.saving import save_change
from raci.store.scenarios import (
    delete_scenario,
    delete_step,
    insert_scenario,
    insert_step,
    left_by_rename,
    lock_scenario,
    read_scenario,
    read_scenarios,
    scenario_names,
)
from raci.store.versions import RememberedVersions, WrittenVersions


class Store:
    """One model database, opened by `open_store`; use it as a context manager."""

    def __init__(self, engine: Engine, url: URL, backup: Path | None) -> None:
        self._engine = engine
        self._url = url
        self._database = describe(url)
        self._versions = RememberedVersions()
        self._known_revision = 0
        self.backup = backup
        """The copy written before migrating this database on open, if any."""
        self._file: tuple[int, int] | None = None
        """The SQLite file's device and inode once opened (`opened_file`)."""

    # ---- opening and closing ------------------------------------------------

    @property
    def url(self) -> str:
        """The database URL, with any password hidden (in its query too)."""
        return without_password(self._url.render_as_string(hide_password=True))

    def close(self) -> None:
        self._engine.dispose()

    def opened_file(self) -> None:
        """Note which file this store opened (`open_store` calls it), for
        `check_file`. A database that is no SQLite file is not noted."""
        path = sqlite_path(self._url)
        self._file = None if path is None else _file_identity(path)

    def check_file(self) -> None:
        """Raise `StoreError` when the SQLite file opened was removed or
        replaced since (by another program, or by hand): the connections
        still write into the old one, which nobody will ever open again."""
        path = sqlite_path(self._url)
        if self._file is None or path is None:
            return
        now = _file_identity(path)
        if now != self._file:
            template = (N_("{database} was removed since it was opened") if now is None else
                        N_("{database} was replaced by another file since it was opened"))
            raise StoreError(Said(template, database=self._database))

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ---- reading ---------------------------------------------------------------

    def load(self) -> Model:
        """The whole model, from one snapshot of the database."""
        with (
            collector_paused(),
            database_errors(self._database),
            reading(self._engine) as connection,
            _driver_cursor(connection) as cursor,
        ):
            loaded = read_model(cursor)
        self.remember(loaded)
        return loaded.model

    def remember(self, loaded: Loaded) -> None:
        """Save into `loaded` from now on: it was read from this database
        (`raci.store.reading.read_file`, the app's first load before the store
        was opened), and its versions are what the next save checks."""
        self._versions = loaded.versions
        self._known_revision = loaded.revision

    def load_lean(self) -> LeanModel:
        """The model as lean tuples, for reading only (a lint): faster than
        `load`, as no free text is read and no versions are kept."""
        with (
            collector_paused(),
            database_errors(self._database),
            reading(self._engine) as connection,
            _driver_cursor(connection) as cursor,
        ):
            return read_lean(cursor)

    def is_empty(self) -> bool:
        """True when the model has no entities, assignments or waivers."""
        with database_errors(self._database), reading(self._engine) as connection:
            return _is_empty(connection)

    def revision(self) -> int:
        """The database's write counter; any process's commit raises it."""
        with database_errors(self._database), reading(self._engine) as connection:
            return _current_revision(connection)

    @property
    def known_revision(self) -> int:
        """The revision this store's last load saw, raised by its own saves only
        while nobody else wrote in between: ``revision() > known_revision``
        means the loaded model misses someone else's changes."""
        return self._known_revision

    # ---- writing ---------------------------------------------------------------

    def replace_model(self, model: Model, *, only_if_empty: bool = False) -> None:
        """Delete everything and write `model`, in one transaction.

        With `only_if_empty`, raise `ModelExistsError` and write nothing when
        the database already holds a model; checked inside the transaction, so
        of two imports into one new database only the first one lands.
        """
        with (
            collector_paused(),
            database_errors(self._database),
            bulk_writing(self._engine) as connection,
        ):
            revision = _bump_revision(connection)  # from here on, other writers wait
            if only_if_empty and not _is_empty(connection):
                raise ModelExistsError(Said(N_("{database} already holds a model"),
                                            database=self._database))
            _delete_model(connection)
            _write_model(connection, model, revision)
        self._versions = RememberedVersions.of_model(model, revision)
        self._known_revision = revision

    def write_first(self, model: Model, connection: Connection) -> None:
        """Write `model` into the database `open_store` is creating, in its
        transaction."""
        with collector_paused():
            revision = _bump_revision(connection)
            _write_model(connection, model, revision)
        self._versions = RememberedVersions.of_model(model, revision)
        self._known_revision = revision

    def save(self, change: Change) -> None:
        """Write one change in one transaction, or raise `ConflictError` and write nothing.

        The versions it checks come from this store's last `load` (or
        `replace_model`) and its own saves since: load before the first save.
        """
        if change.is_empty():
            return
        with database_errors(self._database), writing(self._engine) as connection:
            revision = _bump_revision(connection)
            written = self._save_change(connection, change, revision, self._versions)
        self._versions.update(written)
        if revision == self._known_revision + 1:
            self._known_revision = revision

    def save_all(self, changes: Sequence[Change]) -> None:
        """Write several changes, in order, in one transaction: all of them,
        or none (and the `ConflictError` of the first that conflicts). Each is
        checked against the versions the ones before it wrote."""
        changes = [change for change in changes if not change.is_empty()]
        if not changes:
            return
        versions = copy.deepcopy(self._versions)  # untouched if the transaction fails
        with database_errors(self._database), writing(self._engine) as connection:
            revision = _bump_revision(connection)
            for change in changes:
                versions.update(self._save_change(connection, change, revision, versions))
        self._versions = versions
        if revision == self._known_revision + 1:
            self._known_revision = revision


    def _save_change(self, connection: Connection, change: Change, revision: int,
                     versions: RememberedVersions) -> WrittenVersions:
        try:
            return save_change(connection, change, revision, versions)
        except ConflictError as conflict:  # name the database, keep the advice
            raise ConflictError(Said(N_("{database}: {reason}"), database=self._database,
                                     reason=conflict.conflict), conflict.advice) from None
        except StoreError as refused:  # name the database, keep the kind
            raise type(refused)(Said(N_("{database}: {reason}"), database=self._database,
                                     reason=refused.args[0])) from None

    # ---- scenarios -------------------------------------------------------------

    def scenarios(self) -> list[Scenario]:
        """Every scenario, the oldest first."""
        with database_errors(self._database), reading(self._engine) as connection:
            return read_scenarios(connection)

    def scenarios_left_by_rename(self, old: str, new: str) -> list[str]:
        """The scenarios that a rename of `old` to `new` would leave as they
        are (they added `new` themselves), to tell before they fail to apply."""
        with database_errors(self._database), reading(self._engine) as connection:
            return left_by_rename(connection, old, new)

    def scenario(self, name: str) -> Scenario:
        """Scenario `name`, not played."""
        with database_errors(self._database), reading(self._engine) as connection:
            return self._existing_scenario(connection, name)

    def load_scenario(self, name: str) -> tuple[Model, Scenario]:
        """The model and scenario `name`, from one snapshot, the scenario not
        played: a load as `load` is, after which this store saves into the model."""
        with (
            collector_paused(),
            database_errors(self._database),
            reading(self._engine) as connection,
            _driver_cursor(connection) as cursor,
        ):
            scenario = self._existing_scenario(connection, name)
            loaded = read_model(cursor)
        self.remember(loaded)
        return loaded.model, scenario

    def load_view(self, name: str) -> tuple[Model, Scenario]:
        """The model with scenario `name` played on it (its *view*), and the
        scenario; a `ConflictError` when the scenario no longer fits the model.
        Edits of the view are saved into the scenario (`add_step`), never by `save`."""
        model, scenario = self.load_scenario(name)
        misfit = play(model, scenario.steps)
        if misfit is not None:
            raise self.misfit_error(scenario, misfit)
        return model, scenario

    def misfit_error(self, scenario: Scenario, misfit: Misfit, *, applying: bool = False
                     ) -> ConflictError:
        """The error that says a scenario no longer fits the model, and what to do."""
        template = (N_("{database}: scenario {name} no longer fits the model: {misfit}; nothing "
                       "was written") if applying else
                    N_("{database}: scenario {name} no longer fits the model: {misfit}; undo its "
                       "changes back to that one, or drop it"))
        return ConflictError(Said(template, database=self._database, name=scenario.name,
                                  misfit=misfit.reason))

    def create_scenario(self, name: str, description: str | None = None, *,
                        created: dt.datetime | None = None) -> Scenario:
        """A new, empty scenario on the model as it is now."""
        made = created or dt.datetime.now().replace(microsecond=0)
        with database_errors(self._database), writing(self._engine) as connection:
            if read_scenario(connection, name) is not None:
                raise StoreError(Said(N_("{database}: there is a scenario {name} already; "
                                         "choose another name, or drop that one first"),
                                      database=self._database, name=name))
            scenario = Scenario(name, description, made, _current_revision(connection))
            insert_scenario(connection, scenario)
        return scenario

    def add_step(self, name: str, step: Step, *, after: int, recheck: bool = False) -> None:
        """Add a change to the end of scenario `name`, which had `after` changes
        when the caller loaded it; a `ConflictError` if it has more or fewer
        now. With `recheck` (a one-shot command, which shows no view), one
        that has more (another process added to it) takes the change when it
        still fits the scenario as it is now (`_fits_now`); the app instead
        reloads and makes its edit again on the fresh view, which it shows."""
        self.add_steps(name, [step], after=after, recheck=recheck)

    def add_steps(self, name: str, steps: Sequence[Step], *, after: int,
                  recheck: bool = False) -> None:
        """Add changes to the end of scenario `name` in one transaction, as
        `add_step` adds one."""
        with database_errors(self._database), writing(self._engine) as connection:
            count = self._locked_scenario(connection, name)
            if count != after and not (
                    recheck and count > after and self._fits_now(connection, name, steps)):
                raise self._scenario_changed(name)
            for position, step in enumerate(steps, start=count):
                insert_step(connection, name, position, step)

    def _fits_now(self, connection: Connection, name: str, steps: Sequence[Step]) -> bool:
        """Whether changes made on an older view of scenario `name` fit it as
        it is now: each touches only what it found, and together they leave
        no new problem, as an edit of the model is checked again on the model
        as it is now. Several processes may so add to one scenario at once."""
        scenario = self._existing_scenario(connection, name)
        with _driver_cursor(connection) as cursor:
            model = read_model(cursor).model
        return play(model, [*scenario.steps, *steps]) is None

    def undo_step(self, name: str, *, expected: int | None = None) -> Step:
        """Take the last change off scenario `name` and return it. With
        `expected`, the number of changes the caller saw: a `ConflictError`
        if it has more or fewer now."""
        with database_errors(self._database), writing(self._engine) as connection:
            count = self._locked_scenario(connection, name)
            if expected is not None and count != expected:
                raise self._scenario_changed(name)
            if count == 0:
                raise StoreError(Said(N_("{database}: scenario {name} has no change to undo"),
                                      database=self._database, name=name))
            scenario = read_scenario(connection, name)
            assert scenario is not None
            delete_step(connection, name, count - 1)
        return scenario.steps[-1]

    def drop_scenario(self, name: str) -> Scenario:
        """Delete scenario `name` and its changes; return what was dropped."""
        with database_errors(self._database), writing(self._engine) as connection:
            self._locked_scenario(connection, name)
            scenario = self._existing_scenario(connection, name)
            delete_scenario(connection, name)
        return scenario

    def apply_scenario(self, name: str) -> tuple[Model, Scenario]:
        """Write every change of scenario `name` into the model and drop the
        scenario, in one transaction: all of it, or nothing. A `ConflictError`,
        and nothing written, when the scenario no longer fits the model.
        Returns the model as it now is (this store's loaded model) and the scenario."""
        with (
            collector_paused(),
            database_errors(self._database),
            writing(self._engine) as connection,
        ):
            revision = _bump_revision(connection)  # from here on, the model's writers wait
            self._locked_scenario(connection, name)
            scenario = self._existing_scenario(connection, name)
            with _driver_cursor(connection) as cursor:
                loaded = read_model(cursor)
            model, versions = loaded.model, loaded.versions
            misfit = play(model, scenario.steps)
            if misfit is not None:
                raise self.misfit_error(scenario, misfit, applying=True)
            # Each step's waiver list is the whole list as the step left it;
            # the model's, once played, holds what the steps changed and no more.
            for step in scenario.steps:
                change = dataclasses.replace(step.change, waivers=None)
                versions.update(self._save_change(connection, change, revision, versions))
            if any(step.change.waivers is not None for step in scenario.steps):
                waivers = Change(waivers=model.waivers)
                versions.update(self._save_change(connection, waivers, revision, versions))
            delete_scenario(connection, name)
        self._versions = versions
        self._known_revision = revision
        return model, scenario

    def _locked_scenario(self, connection: Connection, name: str) -> int:
        count = lock_scenario(connection, name)
        if count is None:
            raise self._no_scenario(connection, name)
        return count

    def _existing_scenario(self, connection: Connection, name: str) -> Scenario:
        scenario = read_scenario(connection, name)
        if scenario is None:
            raise self._no_scenario(connection, name)
        return scenario

    def _no_scenario(self, connection: Connection, name: str) -> StoreError:
        names = scenario_names(connection)
        if not names:
            return StoreError(Said(N_("{database}: no scenario {name}; it has no scenarios: make "
                                      "one with `raci scenario new {database} {name}`"),
                                   database=self._database, name=name))
        near = did_you_mean(name, names)
        if near:
            return StoreError(Said(N_("{database}: no scenario {name}{hint}"),
                                   database=self._database, name=name, hint=near))
        return StoreError(Said(N_("{database}: no scenario {name}; its scenarios: {names}"),
                               database=self._database, name=name, names=", ".join(names)))

    def _scenario_changed(self, name: str) -> ConflictError:
        return ConflictError(Said(N_("{database}: scenario {name} was changed by someone else "
                                     "since you loaded it"),
                                  database=self._database, name=name), RELOAD)


def _file_identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at `path`; None when there is none."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


@contextmanager
def _driver_cursor(connection: Connection) -> Iterator[Cursor]:
    """A cursor of the database driver itself, inside the connection's transaction."""
    cursor = connection.connection.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


def _bump_revision(connection: Connection) -> int:
    """Raise the revision counter and return it; this locks out other writers."""
    statement = (
        update(tables.meta)
        .values(revision=tables.meta.c.revision + 1)
        .returning(tables.meta.c.revision)
    )
    return int(connection.execute(statement).scalar_one())


def _current_revision(connection: Connection) -> int:
    return int(connection.execute(select(tables.meta.c.revision)).scalar_one())


# ---- whole-model reads and writes --------------------------------------------------


def _is_empty(connection: Connection) -> bool:
    return not any(
        connection.scalar(select(exists().select_from(table)))
        for table in (tables.entity, tables.assignment, tables.waiver)
    )


def _delete_model(connection: Connection) -> None:
    for table in (
        tables.waiver_target,
        tables.waiver,
        tables.assignment,
        *(lf.table for lf in LIST_FIELDS),
        tables.entity,
    ):
        connection.execute(delete(table))


def _write_model(connection: Connection, model: Model, revision: int) -> None:
    connection.execute(update(tables.org).values(org_values(model.org, revision)))
    with _indexes_built_after(connection, _MODEL_TABLES):
        _write_rows(connection, model, revision)


_MODEL_TABLES = (tables.entity, *(lf.table for lf in LIST_FIELDS), tables.assignment,
                 tables.waiver, tables.waiver_target)


@contextmanager
def _indexes_built_after(connection: Connection, empty: Iterable[Table]) -> Iterator[None]:
    """On SQLite, fill the `empty` tables first and build their secondary
    indexes once afterwards, in the same transaction.

    Rows inserted under a dozen indexes land in each at a random place; once
    the indexes outgrow SQLite's page cache every insert reads and spills
    pages, and an import took five times as long at four times the size.
    Building an index from the finished table sorts once, so the import grows
    in proportion. PostgreSQL is left alone: dropping an index there would
    lock readers out until the commit.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    indexes = [index for table in empty for index in table.indexes]
    for index in indexes:
        index.drop(connection)
    yield
    for index in indexes:
        index.create(connection)


def _write_rows(connection: Connection, model: Model, revision: int) -> None:
    entities = [(kind_of(entity), entity) for entity in model.entities()]
    insert_many(
        connection,
        tables.entity,
        [entity_row(e, kind, n, revision) for n, (kind, e) in enumerate(entities)],
    )
    for lf, rows in list_rows(entities, revision):
        insert_many(connection, lf.table, rows)
    positions = {e.id: n for n, (_, e) in enumerate(entities)}
    named = {*map(attrgetter("item"), model.assignments),
             *map(attrgetter("actor"), model.assignments)}
    missing = sorted(named.difference(positions))
    if missing:
        raise StoreError(Said(N_("refused: an assignment names {id}, which is not in the model; "
                                 "nothing was written"), id=missing[0]))
    insert_many(connection, tables.assignment,
                assignment_rows(model.assignments, positions, revision))
    waiver_table, target_table = waiver_rows(model.waivers, revision)
    insert_many(connection, tables.waiver, waiver_table)
    insert_many(connection, tables.waiver_target, target_table)
