"""One way into a database: model files, RACI matrices and seat rosters.

`import_file` is what `raci import` and `raci demo` call. It reads the file
(`raci.formats`), builds what to write (a model file is a whole `Model`; a
sheet is merged with the model already there into one `Change`, by
`raci.model.merge`), checks the result like any edit, and writes it in one
transaction (`raci.store`): all or nothing. A database that holds no model
yet is created holding the import.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from raci.errors import ModelExistsError, ModelFileError, StoreError, UsageError
from raci.formats.spreadsheet import (
    Progress,
    is_spreadsheet,
    other_spreadsheet_refused,
    workbook_kind,
)
from raci.i18n import N_, Said, _, format_count, ngettext
from raci.model import Model, Org
from raci.model.merge import Merge, merge_matrix, merge_roster
from raci.model.sheets import Layout, SheetMatrix, SheetRoster
from raci.model.source import is_model_file
from raci.source import database_url

if typing.TYPE_CHECKING:
    from raci.store import Store

MOST_PROBLEMS = 200
"""Problems listed before "and N more": a wrong column in a sheet of 100,000
rows is better told in a screenful."""


@dataclass
class ImportOptions:
    """How to read a spreadsheet; a model file takes only `replace`."""

    replace: bool = False
    """A model file: overwrite a database that holds a model. A sheet: its
    matrix (or roster) part replaces the model's (see `raci.model.merge`)."""
    layout: Layout | None = None
    kind: str = "initiative"
    strict: bool = False
    columns: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    """The sheets of a workbook to read (`--sheet`); none: every sheet."""
    progress: Progress | None = None


@dataclass
class ImportReport:
    """What an import wrote, in numbers, and what the user should be told."""

    entities: int
    assignments: int
    layout: str
    notices: list[str] = field(default_factory=list)


def import_file(file: Path, database: str,
                options: ImportOptions | None = None) -> ImportReport:
    """Read FILE into the database MODEL names; nothing is written if anything is wrong."""
    options = options or ImportOptions()
    if is_model_file(database):
        target = Path(database).with_suffix(".db")
        raise UsageError(_("--into {database}: give the database to read the file into, such "
                           "as --into {target}").format(database=database, target=target))
    if is_model_file(str(file)):
        return _import_model_file(file, database, replace=options.replace)
    if is_spreadsheet(file):
        return _import_spreadsheet(file, database, options)
    kind = workbook_kind(file)
    if kind == ".xlsx":  # renamed by hand: what it is is plain, and raci reads it
        report = _import_spreadsheet(file, database, options)
        report.notices.insert(0, _("{file}: an Excel workbook (.xlsx) named {suffix}; read as "
                                   "one: rename it to .xlsx").format(file=file,
                                                                     suffix=file.suffix))
        return report
    if refusal := other_spreadsheet_refused(file, kind):
        raise refusal
    raise ModelFileError([_("{file}: give a model file (.yaml, .yml, .json) or a spreadsheet "
                            "(.xlsx, .csv)").format(file=file)])


def _import_model_file(file: Path, database: str, *, replace: bool) -> ImportReport:
    from raci.formats import read_model

    try:
        model = read_model(file, locate=False).model
    except ModelFileError as error:  # a screenful, as for a sheet
        _refuse(file, error.problems)
        raise
    with _target(database) as target:
        if target.store is None:
            target.create(model)
        else:
            try:
                target.store.replace_model(model, only_if_empty=not replace)
            except ModelExistsError:
                raise UsageError(_("{database} already holds a model; use --replace to "
                                   "overwrite it").format(database=database)) from None
    return ImportReport(len(model), len(model.assignments), "model")


def _import_spreadsheet(file: Path, database: str, options: ImportOptions) -> ImportReport:
    from raci.formats.sheet_files import read_spreadsheet
    from raci.model.checks import check_model

    sheet = read_spreadsheet(file, layout=options.layout, columns=options.columns,
                             sheet_names=options.sheets, progress=options.progress)
    if options.progress:  # a step of its own on a big sheet: say so
        options.progress(_("matching and writing"), None)
    with _target(database) as target:
        store = target.store
        model = store.load() if store else Model(org=Org(name=sheet.data.title or file.stem))
        merge = _merge(model, sheet.data, options)
        _refuse(file, sheet.reading.problems + merge.problems)
        changes = store is not None and merge.change.changes(model)
        merge.change.apply(model)
        _refuse(file, [Said(N_("{file}: {problem}"), file=file, problem=p.message)
                       for p in check_model(model)])
        if store is None:
            target.create(model)
        elif changes:
            store.save(merge.change)
    return ImportReport(len(model), len(model.assignments), sheet.layout,
                        sheet.reading.notices + merge.notices)


def _merge(model: Model, data: SheetMatrix | SheetRoster, options: ImportOptions) -> Merge:
    if isinstance(data, SheetMatrix):
        return merge_matrix(model, data, replace=options.replace, strict=options.strict,
                            kind=options.kind)
    return merge_roster(model, data, replace=options.replace)


def _refuse(file: Path, problems: list[str]) -> None:
    """Refuse the import for these problems, each naming the file."""
    if not problems:
        return
    shown = problems[:MOST_PROBLEMS]
    more = len(problems) - MOST_PROBLEMS
    if more > 0:
        shown.append(ngettext("{file}: and {count} more problem; nothing was written",
                              "{file}: and {count} more problems; nothing was written",
                              more).format(file=file, count=format_count(more)))
    raise ModelFileError(shown)


@dataclass
class _Target:
    """The database to import into: its store when it holds a model, else
    None, and then `create` makes it holding the import."""

    url: str
    store: Store | None
    not_opened: StoreError | None = None

    def create(self, model: Model) -> None:
        """Make the model in one transaction, so that a failure or a kill
        leaves no model behind."""
        from raci.store import open_store

        try:
            open_store(self.url, create=True, name=model.org.name, model=model).close()
        except StoreError:
            if self.not_opened is not None:  # the reason it could not be opened says more
                raise self.not_opened from None
            raise


@contextmanager
def _target(spec: str) -> Iterator[_Target]:
    from raci.store import open_store

    url = database_url(spec)
    if "://" not in spec and not Path(spec).exists():
        yield _Target(url, None)
        return
    try:
        store = open_store(url)
    except StoreError as not_opened:  # perhaps a database with no raci tables yet
        yield _Target(url, None, not_opened)
        return
    with store:
        yield _Target(url, store)
