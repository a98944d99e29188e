"""Model commands: new, import, export, validate and the scripted edits (docs/cli.md).

Every edit loads the model, builds one `Change`, checks the edited model with
the same checks as a model file, and saves the change in one transaction; a
refused edit changes nothing. With `--scenario NAME` (or MODEL@NAME) the edit
is made on the scenario's view of the model and kept in the scenario.
"""

from __future__ import annotations

import codecs
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from raci.cli.completion import complete_ids
from raci.cli.editing import edit, existing, existing_actor, existing_item
from raci.cli.options import (
    confirm,
    contents_text,
    format_option,
    model_argument,
    output_format,
    output_option,
    progress_bar,
    scenario_option,
    tell_schema_written,
    tell_written,
)
from raci.errors import ModelFileError, UsageError
from raci.i18n import N_, Said, _, counted, format_count, ngettext, said_again
from raci.model import (
    ACTOR_KINDS,
    ITEM_KINDS,
    KINDS,
    REFERENCE_FIELDS,
    Letter,
    Model,
    Reference,
)
from raci.model.changes import Change, removal, set_cells
from raci.model.checks import kinds_phrase
from raci.model.entities import ID_MAX_LENGTH, cell_text, is_valid_id, parse_cell
from raci.model.model import referenced_ids
from raci.model.sheets import LAYOUTS, Layout
from raci.model.source import (
    ModelSource,
    is_database,
    is_model_file,
    split_scenario,
    without_password,
)
from raci.source import database_url, open_model
from raci.vocabulary import A_KIND, KIND_NAMES

KIND_CHOICES = list(KINDS)
LAYOUT_WORDS = {"matrix": lambda: _("matrix"), "roster": lambda: _("roster")}
"""A spreadsheet's layout in running text, in the user's language."""
EXPORT_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx",
                   ".csv": "csv"}


# ---- commands ---------------------------------------------------------------


@click.command()
@model_argument
@click.option("--name", metavar="NAME", help="The organisation's name (default: the file name).")
def new(model: str, name: str | None) -> None:
    """Create an empty model database.

    \b
    Example:
      raci new org.db --name 'Ministerie van Voorbeeld'
    """
    from raci.store import open_store

    if name is not None and not name.strip():
        raise UsageError(_("--name: give the organisation a name, or leave the option out"))
    with open_store(database_url(model), create=True, name=name):
        pass
    confirm(_("created {model}").format(model=without_password(model)))


@click.command(name="import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--into", "model", required=True, metavar="DATABASE",
              help="The database to read the file into.")
@click.option("--replace", is_flag=True,
              help="A model file: overwrite a database that holds a model. A matrix: its "
                   "letters replace every assignment of the model. A roster: each body it "
                   "names gets exactly its members.")
@click.option("--layout", type=click.Choice(LAYOUTS),
              help="A spreadsheet's layout (default: found from its headers).")
@click.option("--kind", type=click.Choice(["initiative", "goal", "decision"]),
              default="initiative", show_default=True,
              help="What a matrix row is when the sheet has no kind column.")
@click.option("--strict", is_flag=True,
              help="Refuse a matrix whose actors are not all in the model already.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="Which column holds a field the headers do not say, by header or letter "
                   "(--column body=Project, --column ignore=Opmerkingen). Repeatable.")
@click.option("--sheet", "sheets", multiple=True, metavar="NAME",
              help="Read only this sheet of a workbook (default: every sheet but the hidden "
                   "ones). Repeatable.")
def import_(file: Path, model: str, replace: bool, layout: Layout | None, kind: str,
            strict: bool, columns: tuple[str, ...], sheets: tuple[str, ...]) -> None:
    """Read a model file (.yaml, .json) or a spreadsheet (.xlsx, .csv: a RACI matrix or a
    seat roster) into a database, all or nothing.

    \b
    Examples:
      raci import org.yaml --into org.db
      raci import raci-matrix.xlsx --into org.db --strict
      raci import bezetting.csv --into org.db --layout roster
    """
    from raci.importing import ImportOptions, import_file

    options = ImportOptions(replace=replace, layout=layout, kind=kind, strict=strict,
                            columns=columns, sheets=sheets)
    if is_model_file(str(file)):
        given = [name for name, value in (("--layout", layout), ("--strict", strict),
                                          ("--column", columns), ("--sheet", sheets),
                                          ("--kind", kind != "initiative")) if value]
        if given:
            raise UsageError(_("{options}: for spreadsheets only; {file} is a model file")
                             .format(options=", ".join(given), file=file))
    with progress_bar() as progress:
        options.progress = progress
        report = import_file(file, model, options)
    for notice in report.notices:
        click.echo(_("note: {notice}").format(notice=notice), err=True)
    if report.layout == "model":
        confirm(_("imported {contents} into {model}").format(
            contents=contents_text(report.entities, report.assignments),
            model=without_password(model)))
    else:  # merged into what was there: say what the model holds now
        confirm(_("imported the {layout} {file} into {model}, which now holds {contents}")
                .format(layout=LAYOUT_WORDS[report.layout](), file=file.name,
                        model=without_password(model),
                        contents=contents_text(report.entities, report.assignments)))


@click.command()
@model_argument
@output_option("The file to write (default: standard output; a workbook needs one).")
@format_option(["yaml", "json", "xlsx", "csv"],
               "Default: from the output file's suffix, else yaml. xlsx and csv write "
               "the RACI matrix.")
def export(model: str, output: Path | None, fmt: str | None) -> None:
    """Write the model file, or the RACI matrix as a workbook (xlsx) or CSV.

    \b
    Examples:
      raci export org.db -o org.yaml
      raci export org.db --format json > org.json
      raci export org.db -o handout/matrix.xlsx
    """
    if output is not None and is_database(str(output)):
        # The database read, or another: a model file over it loses the model.
        raise UsageError(_("-o {output} is a database; raci export writes a model file (.yaml, "
                           ".json) or the matrix (.xlsx, .csv): name one of those").format(
                               output=output))
    fmt = output_format(fmt, output, EXPORT_SUFFIXES, "yaml")
    source = open_model(model)
    if fmt in ("xlsx", "csv"):
        _export_matrix(source, output, fmt)
        return
    from raci.formats import dump_model, write_model

    if output is None:
        sys.stdout.write(dump_model(source.model, fmt))  # type: ignore[arg-type]
        return
    schema = write_model(source.model, output, fmt)  # type: ignore[arg-type]
    tell_written(output)
    tell_schema_written(schema)


def _export_matrix(source: ModelSource[Model], output: Path | None, fmt: str) -> None:
    from raci.export.sheets import matrix_csv_lines, write_matrix_csv, write_matrix_workbook

    if fmt == "csv":
        if output is None:  # the bytes -o FILE writes: UTF-8 with a BOM, as Excel reads it
            lines = matrix_csv_lines(source.model)
            sys.stdout.flush()
            sys.stdout.buffer.write(codecs.BOM_UTF8)
            sys.stdout.buffer.writelines(line.encode("utf-8") for line in lines)
            return
        write_matrix_csv(source.model, output)
    else:
        if output is None:
            raise UsageError(_("--format xlsx: give the workbook to write with -o FILE.xlsx"))
        from raci.lint import lint_model

        write_matrix_workbook(source.model, lint_model(source), output)
    tell_written(output)


@click.command()
@output_option("Write the schema to this file instead of standard output.")
def schema(output: Path | None) -> None:
    """Print the JSON Schema of model files (draft 2020-12), for editors and other tools.

    \b
    The YAML files raci writes start with the line
      # yaml-language-server: $schema=raci-model.schema.json
    which editors follow to the schema beside the file. Beside a file of
    your own, write it with
      raci schema -o raci-model.schema.json

    \b
    Example:
      raci schema -o raci-model.schema.json
    """
    from raci.formats.schema import schema_text
    from raci.formats.writing import write_file_whole

    if output is None:
        sys.stdout.write(schema_text())
        return
    write_file_whole(output, schema_text())
    tell_written(output)


@click.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True,
                type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Check model files against the schema and their references; exit 0 or 2.

    \b
    Examples:
      raci validate org.yaml
      raci validate models/*.yaml
    """
    from raci.formats import read_model

    problems: list[str] = []
    for file in files:
        try:
            loaded = read_model(file)
        except ModelFileError as error:
            problems.extend(error.problems)
        else:
            click.echo(_("{file}: ok ({contents})").format(file=file, contents=contents_text(
                len(loaded.model), len(loaded.model.assignments))))
    if problems:
        raise ModelFileError(problems)


@click.command()
@model_argument
@click.argument("kind", metavar="KIND", type=click.Choice(KIND_CHOICES))
@click.argument("entity_id", metavar="ID")
@click.option("--name", required=True, metavar="NAME", help="The entity's name.")
@click.option("--set", "settings", multiple=True, metavar="FIELD=VALUE",
              help="A field; list fields take comma-separated ids. Repeatable.")
@scenario_option
def add(model: str, kind: str, entity_id: str, name: str, settings: tuple[str, ...],
        scenario: str | None) -> None:
    """Add an entity of KIND: unit, person, role, body, goal, initiative, decision or kpi.

    \b
    Examples:
      raci add org.db role r.cio --name 'CIO' --set unit=u.ict
      raci add org.db body sg-ict --name 'Stuurgroep ICT' --set kind=steering_group
    """
    from raci.formats.edits import entity_change

    data: dict[str, Any] = {"id": entity_id, "name": name}
    data.update(_settings(kind, entity_id, settings))
    with edit(model, scenario) as editing:
        current = editing.model
        if entity_id in current:
            raise UsageError(_("id {id!r} is already used by {a_kind}").format(
                id=entity_id, a_kind=A_KIND[current.kind(entity_id) or ""]))
        _check_required(kind, data)
        _check_entity(kind, data)
        said = editing.save(entity_change(current, kind, data), Said(
            N_("added {kind} {id}"), kind=KIND_NAMES.said(kind), id=entity_id))
    confirm(said)


@click.command(name="set")
@model_argument
@click.argument("entity_id", metavar="ID", shell_complete=complete_ids())
@click.argument("settings", nargs=-1, metavar="FIELD=VALUE…")
@scenario_option
def set_(model: str, entity_id: str, settings: tuple[str, ...], scenario: str | None) -> None:
    """Change fields of an entity; an empty VALUE clears the field. Without
    ID, `org.name=…`, `org.description=…`, `org.as_of=…` and
    `org.not_recorded=…` change the organisation's header.

    \b
    Examples:
      raci set org.db sg-ict meets_every_days=14 members=r.cio,p.jansen
      raci set org.db i.migratie success_criteria='200 woningen; een plan'
      raci set org.db org.as_of=2026-06-30
    """
    from raci.formats import entity_to_data
    from raci.formats.edits import entity_change, settings_said

    if entity_id.startswith(f"{ORG_PREFIX}") and "=" in entity_id:
        _set_org(model, (entity_id, *settings), scenario)
        return
    if not settings:
        raise UsageError(_("give at least one FIELD=VALUE"))
    with edit(model, scenario) as editing:
        current = editing.model
        entity = existing(current, entity_id)
        kind = current.kind(entity_id)
        assert kind is not None
        data = entity_to_data(entity)
        for field, value in _settings(kind, entity_id, settings).items():
            if value is None:
                data.pop(field, None)
            else:
                data[field] = value
        _check_entity(kind, data)
        if data == entity_to_data(entity):
            confirm(_unchanged(entity_id))
            return
        said = editing.save(entity_change(current, kind, data),
                            Said(N_("changed {id} ({fields})"), id=entity_id,
                                 fields=settings_said(kind, settings)))
    confirm(said)


ORG_PREFIX = "org."
MOST_NAMED = 10
"""How many ids an edit's refusal or `rm --force` names before saying how many more."""


def _set_org(model: str, settings: tuple[str, ...], scenario: str | None) -> None:
    from raci.formats.convert import org_from_data, org_to_data
    from raci.formats.edits import settings_from_text, settings_said

    changed = settings_said("org", settings, ORG_PREFIX)
    with edit(model, scenario) as editing:
        data = org_to_data(editing.model.org)
        for field, value in settings_from_text("org", settings, ORG_PREFIX).items():
            if value is None:
                data.pop(field, None)
            else:
                data[field] = value.isoformat() if isinstance(value, dt.date) else value
        _check_entity("org", data)
        before = org_to_data(editing.model.org)
        facts = "not_recorded"  # a set of facts: a new order of them is no change
        if facts in data and facts in before and set(data[facts]) == set(before[facts]):
            data[facts] = before[facts]
        if data == before:
            confirm(_unchanged(_("the organisation")))
            return
        said = editing.save(Change(org=org_from_data(data)),
                            Said(N_("changed the organisation: {fields}"), fields=changed))
    confirm(said)


@click.command()
@model_argument
@click.argument("old", shell_complete=complete_ids())
@click.argument("new")
@click.option("--baseline", "baselines", multiple=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="A baseline file whose fingerprints follow the new id. Repeatable.")
@scenario_option
def rename(model: str, old: str, new: str, baselines: tuple[Path, ...],
           scenario: str | None) -> None:
    """Give entity OLD the id NEW everywhere it is named, in one transaction.

    \b
    Example:
      raci rename org.db r.cio r.cdo --baseline lint-baseline.json
    """
    from raci.lint.baseline import read_baseline, rename_in_baseline

    if baselines and (scenario is not None or split_scenario(model)[1] is not None):
        raise UsageError(_("--baseline: a baseline follows a rename of the model itself; rename "
                           "in the model once the scenario is applied, or leave --baseline out"))
    if not is_valid_id(new):
        raise UsageError(_("{id!r} is not an id: letters, digits and _ . : -, starting with a "
                           "letter or digit, at most {most} characters").format(
                               id=new, most=ID_MAX_LENGTH))
    for baseline in baselines:
        read_baseline(baseline)  # refuse an unreadable baseline before anything changes
    with edit(model, scenario) as editing:
        current = editing.model
        existing(current, old)
        if new == old:
            confirm(_("{id} is already its id; nothing was written").format(id=old))
            return
        if new in current:
            raise UsageError(_("id {id!r} is already used by {a_kind}").format(
                id=new, a_kind=A_KIND[current.kind(new) or ""]))
        left = editing.store.scenarios_left_by_rename(old, new)
        said = editing.save(Change(rename=(old, new)),
                            Said(N_("renamed {old} to {new}"), old=old, new=new))
    renamed = sum(rename_in_baseline(baseline, old, new) for baseline in baselines)
    also = ngettext(" and {count} baseline fingerprint", " and {count} baseline fingerprints",
                    renamed).format(count=renamed) if baselines else ""
    if left:
        also += ngettext("; scenario {names} added {new} itself and is left as it was",
                         "; scenarios {names} added {new} themselves and are left as they were",
                         len(left)).format(names=", ".join(left), new=new)
    confirm(f"{said}{also}")


@click.command()
@model_argument
@click.argument("entity_id", metavar="ID", shell_complete=complete_ids())
@click.option("--force", is_flag=True, help="Also remove every reference to the entity.")
@scenario_option
def rm(model: str, entity_id: str, force: bool, scenario: str | None) -> None:
    """Remove an entity; refused while anything refers to it, unless --force.

    \b
    Examples:
      raci rm org.db p.jansen
      raci rm org.db u.ict --force
    """
    with edit(model, scenario) as editing:
        current = editing.model
        existing(current, entity_id)
        references = current.references_to(entity_id)
        if references and not force:
            raise UsageError(_("{id} is still referred to by {references}; remove those "
                               "references first, or use --force to remove them too").format(
                                   id=entity_id, references=_listing(references)))
        change = removal(current, entity_id)
        said = editing.save(change, _removed(current, entity_id, change))
    confirm(said)


def _removed(model: Model, entity_id: str, change: Change) -> Said:
    """What `rm` removed: the entity, the indicators that measured it, how
    many letters and waivers went with them, and the references to it that
    others lost (``removed g.a and indicator k.a with 3 letters and 1 waiver;
    references removed: parent of g.b``)."""
    others = [i for i in change.delete if i != entity_id]
    letters, waivers = len(change.unassign), (
        0 if change.waivers is None else len(model.waivers) - len(change.waivers))
    removed = Said(N_("removed {id}{indicators}{letters}{waivers}"), id=entity_id,
                   indicators=counted(" and indicator {ids}", " and indicators {ids}",
                                      len(others), ids=", ".join(others)) if others else "",
                   letters=counted(" with {count} letter", " with {count} letters", letters,
                                   count=format_count(letters)) if letters else "",
                   waivers=counted(" and {count} waiver", " and {count} waivers", waivers,
                                   count=format_count(waivers)) if waivers else "")
    lost = _references_lost(model, change)
    if not lost:
        return removed
    return Said(N_("{removed}; references removed: {references}"), removed=removed,
                references=_joined(lost))


REFERENCES_LOST: dict[str, Callable[[int, str], Said]] = {
    "parent": lambda n, ids: counted("parent of {ids}", "parent of {ids}", n, ids=ids),
    "unit": lambda n, ids: counted("unit of {ids}", "unit of {ids}", n, ids=ids),
    "holders": lambda n, ids: counted("holder of {ids}", "holder of {ids}", n, ids=ids),
    "chair": lambda n, ids: counted("chair of {ids}", "chair of {ids}", n, ids=ids),
    "members": lambda n, ids: counted("seat in {ids}", "seats in {ids}", n, ids=ids),
    "reports_to": lambda n, ids: counted("what {ids} reports to", "what {ids} report to", n,
                                         ids=ids),
    "goals": lambda n, ids: counted("goal of {ids}", "goal of {ids}", n, ids=ids),
    "depends_on": lambda n, ids: counted("what {ids} depends on", "what {ids} depend on", n,
                                         ids=ids),
    "about": lambda n, ids: counted("subject of {ids}", "subject of {ids}", n, ids=ids),
}
"""A reference `rm --force` took away, by the field that held it, said with
how many lost it and their ids (``seats in sg, sg-ict``)."""


def _references_lost(model: Model, change: Change) -> list[Said]:
    """Each kind of reference the entities `change` puts lost, with who
    lost it: ten ids at most, then how many more."""
    from raci.lint.output import related_text

    gone = set(change.delete)
    lost: dict[str, list[str]] = {}
    for entity in change.put:
        before = model.get(entity.id) or entity
        for field in {field for field, target in referenced_ids(before) if target in gone}:
            lost.setdefault(field, []).append(entity.id)
    order = list(REFERENCES_LOST)
    return [REFERENCES_LOST[field](len(ids), related_text(ids, MOST_NAMED))
            for field, ids in sorted(lost.items(), key=lambda lost: order.index(lost[0]))]


def _joined(parts: list[Said]) -> Said:
    """``chair of sg; seat in sg``, said again in the reader's language."""
    said = parts[0]
    for part in parts[1:]:
        said = Said(N_("{said}; {part}"), said=said, part=part)
    return said


def _letters(_ctx: click.Context, _param: click.Parameter, value: str) -> tuple[Letter, ...]:
    try:
        letters = parse_cell(value)
    except ValueError as bad:
        raise click.BadParameter(f"{value!r}: {bad}") from None
    if not letters:
        raise click.BadParameter(_("give R, A, C or I, or A/R; to take letters away, "
                                   "use `raci unassign`"))
    return letters


@click.command()
@model_argument
@click.argument("item", shell_complete=complete_ids(ITEM_KINDS))
@click.argument("letters", metavar="LETTER", callback=_letters)
@click.argument("actor", shell_complete=complete_ids(ACTOR_KINDS))
@scenario_option
def assign(model: str, item: str, letters: tuple[Letter, ...], actor: str,
           scenario: str | None) -> None:
    """Give ACTOR the LETTER (R, A, C or I, or A/R for both) on ITEM, replacing what it held.

    \b
    Examples:
      raci assign org.db g.veilig A r.dg
      raci assign org.db i.migratie A/R r.cio
      raci assign org.db@plan d.budget C sg-ict
    """
    with edit(model, scenario) as editing:
        current = editing.model
        existing_item(current, item)
        existing_actor(current, actor)
        held = current.letters_of(item, actor)
        if set(held) == set(letters):
            confirm(_("{actor} is already {letters} on {item}; nothing was written").format(
                actor=actor, letters=cell_text(letters), item=item))
            return
        if held:  # say what was replaced, as `raci diff` does
            done = Said(N_("{actor} on {item}: {old} -> {new}"),
                        actor=actor, item=item, old=cell_text(held), new=cell_text(letters))
        else:
            done = Said(N_("{actor} is {letters} on {item}"),
                        actor=actor, letters=cell_text(letters), item=item)
        said = editing.save(set_cells(current, {(item, actor): letters}), done)
    confirm(said)


@click.command()
@model_argument
@click.argument("item", shell_complete=complete_ids(ITEM_KINDS))
@click.argument("actor", shell_complete=complete_ids(ACTOR_KINDS))
@scenario_option
def unassign(model: str, item: str, actor: str, scenario: str | None) -> None:
    """Take ACTOR's letters on ITEM away.

    \b
    Example:
      raci unassign org.db i.migratie p.jansen
    """
    with edit(model, scenario) as editing:
        current = editing.model
        existing_item(current, item)
        existing_actor(current, actor)
        letters = current.letters_of(item, actor)
        if not letters:
            raise UsageError(_("{actor} holds no letter on {item}").format(actor=actor, item=item))
        said = editing.save(set_cells(current, {(item, actor): ()}),
                            Said(N_("{actor} is no longer {letters} on {item}"),
                                 actor=actor, letters=cell_text(letters), item=item))
    confirm(said)


COMMANDS: list[click.Command] = [
    new, import_, export, schema, validate, add, set_, rename, rm, assign, unassign,
]


# ---- shared steps -------------------------------------------------------------


def _check_entity(kind: str, data: dict[str, Any]) -> None:
    from raci.formats import check_entity_data

    problems = check_entity_data(kind, data)
    if problems:
        raise UsageError("; ".join(map(said_again, problems)))


def _check_required(kind: str, data: dict[str, Any]) -> None:
    """Refuse an entity `raci add` was not given a required field of, naming
    the option that gives it: on the command line the model file's
    ``missing required key`` says nothing about what to type."""
    from raci.formats.schema import load_schema

    schema = load_schema()["$defs"][kind]
    missing = [key for key in schema["required"] if key not in data]
    if missing:
        raise UsageError(_("{id}: give {settings}").format(
            id=data["id"], settings=_(" and ").join(
                _setting_wanted(kind, key, schema["properties"][key]) for key in missing)))


def _setting_wanted(kind: str, key: str, schema: dict[str, Any]) -> str:
    """``--set measures=ID (a goal or initiative)``, ``--set type=TYPE (one of
    leading, lagging)``."""
    if key in REFERENCE_FIELDS[kind]:
        return _("--set {key}=ID ({kinds})").format(
            key=key, kinds=said_again(kinds_phrase(REFERENCE_FIELDS[kind][key])))
    return _("--set {key}={KEY} (one of {values})").format(
        key=key, KEY=key.upper(), values=", ".join(schema["enum"]))


def _settings(kind: str, entity_id: str, settings: tuple[str, ...]) -> dict[str, Any]:
    """The FIELD=VALUE settings of an entity as its data; one that cannot be
    read is refused naming the entity, and ``id=`` pointing to `raci rename`,
    which changes an id everywhere it is named."""
    from raci.formats.edits import settings_from_text

    if any(setting.partition("=")[0] == "id" for setting in settings):
        raise UsageError(_("{id}: id=: an id is changed with `raci rename MODEL {id} NEW`, "
                           "which changes it everywhere it is named").format(id=entity_id))
    try:
        return settings_from_text(kind, settings)
    except UsageError as bad:
        raise UsageError(_("{id}: {reason}").format(id=entity_id, reason=bad)) from None


def _unchanged(entity: str) -> str:
    """What an edit that changes nothing says: it writes nothing, so the
    revision stays and an open app has nothing to reload."""
    return _("{entity} already holds those values; nothing was written").format(entity=entity)


def _listing(references: list[Reference], most: int = MOST_NAMED) -> str:
    """The first few references as `source (field)`, and how many more there are."""
    from raci.lint.output import related_text

    return related_text([f"{r.source} ({r.field})" for r in references], most)
