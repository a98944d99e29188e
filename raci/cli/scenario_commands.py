"""`raci scenario`: named sets of changes tried on a model without touching it.

`new`, `list`, `show`, `undo`, `apply`, `drop` and `compare` manage them;
`merge`, `retire`, `remove-person` and `move-a` add the usual remedies to
one, each as one change (`raci.model.remedies`). Every edit command also
works in a scenario (`--scenario NAME`), and every command that reads a
MODEL reads a scenario's view of it as MODEL@NAME (`raci.source`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

import click

from raci.cli.completion import complete_ids
from raci.cli.editing import edit, existing, existing_actor, existing_item
from raci.cli.language import TranslatedGroup
from raci.cli.options import confirm, format_option, model_argument
from raci.errors import UsageError
from raci.i18n import N_, Said, _, ngettext, said_again
from raci.model import ACTOR_KINDS, ITEM_KINDS, Letter
from raci.model.changes import Change
from raci.model.source import (
    SCENARIO_MARK,
    SCENARIO_NAME_MAX_LENGTH,
    is_valid_scenario_name,
    without_password,
)
from raci.source import database_url
from raci.text import aligned
from raci.vocabulary import SHOW_FORMATS

if TYPE_CHECKING:
    from raci.store import Store

name_argument = click.argument("name")


@click.group(cls=TranslatedGroup)
def scenario() -> None:
    """Try changes on a model without touching it, then apply or drop them:
    new, list, show, undo, apply, drop, compare, and the remedies merge,
    retire, remove-person and move-a.

    \b
    Examples:
      raci scenario new org.db plan
      raci scenario merge org.db plan sg-a --into sg-b
      raci lint org.db@plan
      raci scenario compare org.db plan other
      raci scenario apply org.db plan
    """


@contextmanager
def _store(model: str) -> Iterator[Store]:
    from raci.store import open_store

    with open_store(database_url(model)) as store:
        yield store


def _changes(count: int) -> str:
    return ngettext("{count} change", "{count} changes", count).format(count=count)


@scenario.command()
@model_argument
@name_argument
@click.option("--description", help="What the scenario tries, in a line.")
def new(model: str, name: str, description: str | None) -> None:
    """Make an empty scenario NAME on the model as it is now.

    \b
    Example:
      raci scenario new org.db plan --description 'Minder gremia'
    """
    if not is_valid_scenario_name(name):
        raise UsageError(_("{name!r} is not a scenario name: letters, digits, _ and -, starting "
                           "with a letter or digit, at most {most} characters").format(
                               name=name, most=SCENARIO_NAME_MAX_LENGTH))
    with _store(model) as store:
        store.create_scenario(name, description or None)
    confirm(_("made scenario {name}; edit in it with --scenario {name}, read it as {view}")
            .format(name=name, view=f"{model}{SCENARIO_MARK}{name}"))


@scenario.command(name="list")
@model_argument
@format_option(["text", "json"], "Output format.", default="text")
def list_(model: str, fmt: str) -> None:
    """List the scenarios of MODEL, the oldest first.

    \b
    Example:
      raci scenario list org.db
    """
    with _store(model) as store:
        scenarios, revision = store.scenarios(), store.revision()
    if fmt == "json":
        from raci.lint.scenarios import scenario_dict

        click.echo(json.dumps({"model": model, "revision": revision,
                               "scenarios": [scenario_dict(s) for s in scenarios]},
                              indent=2, ensure_ascii=False))
        return
    if not scenarios:
        click.echo(_("{model} has no scenarios; make one with `raci scenario new {model} NAME`")
                   .format(model=model))
        return
    rows = [[_("NAME"), _("CHANGES"), _("MADE"), _("ON REVISION"), _("DESCRIPTION")]] + [
        [s.name, str(len(s.steps)), f"{s.created:%Y-%m-%d %H:%M}", str(s.base_revision),
         said_again(s.description or "")] for s in scenarios]
    click.echo("\n".join(aligned(rows, indent="")))


@scenario.command()
@model_argument
@name_argument
@format_option(SHOW_FORMATS, "Output format.", default="text")
def show(model: str, name: str, fmt: str) -> None:
    """Show scenario NAME: its changes, and the findings it resolves, introduces
    and keeps.

    \b
    Example:
      raci scenario show org.db plan --format json
    """
    from raci.lint.run import config_for
    from raci.lint.scenarios import SHOW_RENDERERS, scenario_report

    with _store(model) as store:
        base, found = store.load_scenario(name)
        revision = store.known_revision
    report = scenario_report(model, base, found, revision, config_for([model], None))
    click.echo(SHOW_RENDERERS[fmt](report), nl=False)


@scenario.command()
@model_argument
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@format_option(SHOW_FORMATS, "Output format.", default="text")
def compare(model: str, first: str, second: str, fmt: str) -> None:
    """Compare scenarios A and B side by side: their changes, and for each
    finding whether each resolves, introduces or keeps it.

    \b
    Example:
      raci scenario compare org.db plan other
    """
    from raci.lint.run import config_for
    from raci.lint.scenarios import COMPARE_RENDERERS, compare, scenario_reports

    if first == second:
        raise UsageError(_("give two different scenarios to compare, not {name} twice").format(
            name=first))
    config = config_for([model], None)
    with _store(model) as store:
        base, one = store.load_scenario(first)
        revision = store.known_revision
        other = store.scenario(second)
        reports = scenario_reports(model, base, (one, other), revision, config)
        for report in reports:
            if report.misfit is not None:
                raise store.misfit_error(report.scenario, report.misfit)
    click.echo(COMPARE_RENDERERS[fmt](compare(*reports)), nl=False)


@scenario.command()
@model_argument
@name_argument
def undo(model: str, name: str) -> None:
    """Take the last change off scenario NAME.

    \b
    Example:
      raci scenario undo org.db plan
    """
    with _store(model) as store:
        step = store.undo_step(name)
    confirm(_("undid {change} (scenario {name})").format(change=said_again(step.summary),
                                                         name=name))


@scenario.command()
@model_argument
@name_argument
def apply(model: str, name: str) -> None:
    """Write every change of scenario NAME into the model in one transaction
    (all or nothing), then drop the scenario.

    \b
    Example:
      raci scenario apply org.db plan
    """
    with _store(model) as store:
        _model, applied = store.apply_scenario(name)
    confirm(_("applied scenario {name} to {model} ({changes}); the scenario is dropped").format(
        name=name, model=without_password(model), changes=_changes(len(applied.steps))))


@scenario.command()
@model_argument
@name_argument
def drop(model: str, name: str) -> None:
    """Delete scenario NAME and its changes; the model is not touched.

    \b
    Example:
      raci scenario drop org.db plan
    """
    with _store(model) as store:
        dropped = store.drop_scenario(name)
    confirm(_("dropped scenario {name} ({changes})").format(
        name=name, changes=_changes(len(dropped.steps))))


# ---- remedies ------------------------------------------------------------------

BODY = frozenset({"body"})
CHAIRS = frozenset({"role", "person"})


def _sensibly(build: Callable[..., Change], *arguments: object) -> Change:
    """The remedy's change; one that makes no sense is a usage error, with its
    reason in the user's language."""
    try:
        return build(*arguments)
    except ValueError as senseless:
        raise UsageError(said_again(senseless.args[0])) from None


@scenario.command()
@model_argument
@name_argument
@click.argument("body", shell_complete=complete_ids(["body"]))
@click.option("--into", required=True, metavar="BODY", help="The body that stays.")
@click.option("--chair", metavar="ACTOR",
              help="Who chairs the merged body (default: its chair, else BODY's).")
def merge(model: str, name: str, body: str, into: str, chair: str | None) -> None:
    """In scenario NAME, merge BODY into another body: members united, every
    letter moved (where both held one on an item, the stronger stays: A > R >
    C > I, A/R kept), and BODY retired; what reported to it reports to the
    body that stays.

    \b
    Example:
      raci scenario merge org.db plan sg-ict --into sg-digitaal --chair r.cio
    """
    from raci.model.remedies import merge_bodies

    with edit(model, name) as editing:
        view = editing.model
        existing(view, body, BODY, _("a body"))
        existing(view, into, BODY, _("a body"))
        if chair is not None:
            existing(view, chair, CHAIRS, _("a role or person"))
        change = _sensibly(merge_bodies, view, body, into, chair)
        chaired = Said(N_(", chaired by {chair}"), chair=chair) if chair is not None else ""
        said = editing.save(change, Said(N_("merged body {body} into {into}{chaired}"),
                                         body=body, into=into, chaired=chaired))
    confirm(said)


@scenario.command()
@model_argument
@name_argument
@click.argument("body", shell_complete=complete_ids(["body"]))
@click.option("--to", "heir", metavar="ACTOR",
              help="Who takes the body's letters (default: its chair).")
def retire(model: str, name: str, body: str, heir: str | None) -> None:
    """In scenario NAME, retire BODY: its letters go to its chair (or --to),
    and whatever reported to it reports where it reported.

    \b
    Example:
      raci scenario retire org.db plan tf-oud --to sg-ict
    """
    from raci.model.remedies import retire_body

    with edit(model, name) as editing:
        view = editing.model
        existing(view, body, BODY, _("a body"))
        if heir is not None:
            existing_actor(view, heir)
        change = _sensibly(retire_body, view, body, heir)
        taker = heir or view.bodies[body].chair
        said = editing.save(change, Said(N_("retired body {body}, its letters to {taker}"),
                                         body=body, taker=taker))
    confirm(said)


@scenario.command(name="remove-person")
@model_argument
@name_argument
@click.argument("person", shell_complete=complete_ids(["person"]))
@click.option("--to", "heir", metavar="ACTOR",
              help="Who takes the letters the person held directly (default: nobody).")
def remove_person(model: str, name: str, person: str, heir: str | None) -> None:
    """In scenario NAME, remove PERSON: the roles they held become vacant, their
    seats and chairs go, and the letters they held directly go to --to, or go.

    \b
    Example:
      raci scenario remove-person org.db plan p.jansen --to p.bakker
    """
    from raci.model.remedies import remove_person as removing

    with edit(model, name) as editing:
        view = editing.model
        existing(view, person, frozenset({"person"}), _("a person"))
        if heir is not None:
            existing_actor(view, heir)
        change = _sensibly(removing, view, person, heir)
        letters = Said(N_(", their letters to {heir}"), heir=heir) if heir is not None else ""
        said = editing.save(change, Said(N_("removed person {person}{letters}"),
                                         person=person, letters=letters))
    confirm(said)


def _letter(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Letter | None:
    if value is None:
        return None
    letter = value.strip().upper()
    if letter not in ("R", "C", "I"):
        raise click.BadParameter(_("{value!r}: give R, C or I").format(value=value))
    return cast(Letter, letter)


@scenario.command(name="move-a")
@model_argument
@name_argument
@click.argument("item", shell_complete=complete_ids(ITEM_KINDS))
@click.argument("actor", shell_complete=complete_ids(ACTOR_KINDS))
@click.option("--former", metavar="LETTER", callback=_letter,
              help="What the former Accountables become: R, C or I (default: nothing, "
                   "but an A/R keeps its R).")
def move_a(model: str, name: str, item: str, actor: str, former: Letter | None) -> None:
    """In scenario NAME, make ACTOR the one Accountable of ITEM; the former
    Accountables lose their A.

    \b
    Example:
      raci scenario move-a org.db plan i.migratie r.cio --former R
    """
    from raci.model.remedies import move_accountable

    with edit(model, name) as editing:
        view = editing.model
        existing_item(view, item)
        existing_actor(view, actor)
        formers = [a for a in view.actors(item, "A") if a != actor]
        change = _sensibly(move_accountable, view, item, actor, former)
        became = (Said(N_(" ({actors} now {letter})"), actors=", ".join(formers), letter=former)
                  if former and formers else "")
        said = editing.save(change, Said(N_("moved the A of {item} to {actor}{became}"),
                                         item=item, actor=actor, became=became))
    confirm(said)


COMMANDS: list[click.Command] = [scenario]
