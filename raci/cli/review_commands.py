"""`raci review`: walk a model's findings one at a time and decide each.

For each finding, the largest first (`raci.lint.review`): fix it with one
of its suggestions, accept it with a reason (a waiver), note an action, or
skip it; the session ends with minutes in Markdown. The prompts read a line
each from standard input, so a session can be scripted: when standard input
is not a terminal each answer is echoed after its prompt, and the end of the
input ends the review as `q` does. Each decision is stored as it is made: in
a scenario (by default one named after the day) or, with `--apply`, in the
model itself. A decision the database does not take (another process holds
it too long) is taken back and ends the review: the minutes are written all
the same, of what was stored, and the command then exits 2 saying so.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from raci.cli.options import model_argument, output_option, write_output
from raci.errors import StoreError, UsageError
from raci.errors import reason as why
from raci.i18n import N_, Said, _, said_again
from raci.text import one_line

if TYPE_CHECKING:
    from raci.cli.editing import Editing
    from raci.lint.review import Review, ReviewItem
    from raci.lint.suggestions import Suggestion
    from raci.model.scenarios import Step

Answer = TypeVar("Answer")


@click.command()
@model_argument
@click.option("--scenario", metavar="NAME",
              help="Keep the decisions' changes in this scenario (made if absent; default: "
                   "review-YYYY-MM-DD, after the day).")
@click.option("--apply", "apply_", is_flag=True,
              help="Write each decision's change into the model itself, not a scenario.")
@click.option("--author", metavar="NAME", help="Who takes the minutes; the decisions and "
                                               "waivers are theirs (default: your login name).")
@output_option("Write the minutes to this Markdown file (default: standard output, after "
               "the session).")
@click.option("--select", metavar="CODES", multiple=True,
              help="Only these rules' findings, as for `raci lint --select`.")
@click.option("--ignore", metavar="CODES", multiple=True,
              help="Not these rules' findings, as for `raci lint --ignore`.")
@click.option("--as-of", metavar="DATE", help="The date time-based rules use (YYYY-MM-DD).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read [tool.raci] or [raci] from this TOML file instead of searching.")
def review(model: str, scenario: str | None, apply_: bool, author: str | None,
           output: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], as_of: str | None,
           config_file: Path | None) -> None:
    """Walk the findings of MODEL (a database) one at a time, the largest first:
    fix, accept with a reason, note an action, or skip; then write the minutes.

    \b
    Examples:
      raci review org.db --author 'J. de Vries' -o minutes.md
      raci review org.db --select OWN --scenario redesign
    """
    from raci.cli.editing import drop_scenario, edit, ensure_scenario
    from raci.lint.config import option_date, split_codes
    from raci.lint.review import Review, login_name, minutes_markdown
    from raci.lint.run import config_for
    from raci.lint.suggestions import Suggester
    from raci.model.source import is_model_file, split_scenario

    if is_model_file(split_scenario(model)[0]):
        raise UsageError(_("{model}: raci review keeps its decisions in a database; read the "
                           "file into one first: `raci import {model} --into org.db`").format(
                               model=model))
    if apply_ and scenario is not None:
        raise UsageError(_("--apply writes into the model itself; give it or --scenario, not "
                           "both"))
    config = config_for([model], config_file, select=split_codes(select),
                        ignore=split_codes(ignore),
                        as_of=None if as_of is None else option_date(as_of, "--as-of"))
    today = dt.date.today()
    named = None if apply_ or split_scenario(model)[1] else scenario or f"review-{today}"
    made = named is not None and ensure_scenario(model, named,
                                                    Said(N_("decisions of raci review")))
    with edit(model, named) as editing:
        kept_in = "the model" if editing.scenario is None else f"scenario {editing.scenario.name}"
        session = Review(Suggester(editing.model, config, label=model), author or login_name(),
                         model, kept_in, today)
        not_saved = _walk(session, editing)
    _write_minutes(minutes_markdown(session), output)
    if not_saved is not None:
        raise not_saved
    if made and named is not None and not session.steps:  # nothing to keep: no empty scenario
        drop_scenario(model, named)
        return
    if editing.scenario is not None and session.steps:
        click.echo(_("the changes are in scenario {name}: `raci scenario show {model} {name}`, "
                     "then `raci scenario apply` or `drop` it").format(
                         name=editing.scenario.name, model=split_scenario(model)[0]), err=True)


def _walk(session: Review, editing: Editing) -> StoreError | None:
    """Decide finding after finding; the refusal that ended the walk, if one did."""
    try:
        while (item := session.next_item()) is not None:
            click.echo("")
            if not _decide(session, editing, item):
                session.ended_early = True
                return None
    except click.Abort:  # the end of the input, or ctrl-c: what was decided is kept
        session.ended_early = True
        click.echo("")
    except _NotSaved as refused:
        session.ended_early = True
        return refused.error
    return None


class _NotSaved(Exception):
    def __init__(self, error: StoreError) -> None:
        self.error = error


def _decide(session: Review, editing: Editing, item: ReviewItem) -> bool:
    """Show the finding and its suggestions, ask, and carry out the answer;
    False when the review is to end."""
    from raci.lint.review import BROUGHT_UP, ActionOwners, date_or_none, required_text
    from raci.lint.scenarios import finding_said

    finding = item.finding
    number = session.position
    came = " " + _(BROUGHT_UP) if item.introduced else ""
    click.echo(one_line(f"[{number}/{len(session.items)}] {finding_said(finding)}{came}"))
    suggestions = session.suggestions(item)
    for n, suggestion in enumerate(suggestions, start=1):
        _show(n, suggestion)
    choices = _choices(session, item, len(suggestions))
    answer = _ask(_("Decide"), lambda text: _choice(text, choices, len(suggestions)),
                  hint=", ".join(choices.values()))
    if answer == "q":
        return False
    if answer.isdigit():
        _keep(session, editing, item, lambda: session.fix(item, suggestions[int(answer) - 1]))
    elif answer == "a":
        reason = _ask(_("Reason"), required_text)
        until = _ask(_("Until (YYYY-MM-DD, or none)"), date_or_none,
                     default=session.default_expiry().isoformat())
        _keep(session, editing, item, lambda: session.accept(item, reason, until))
    elif answer == "n":
        owners = ActionOwners(session.suggester.model)
        who = _ask(_("Who"), owners.read)
        several = owners.several(who)
        if several:  # asked once more: an id, or `enter` keeps it as typed
            click.echo(one_line("  " + several))
            who = _ask(_("Who"), owners.read, default=who)
        kept = several and owners.several(who) == several
        click.echo(one_line("  " + (_("noted as written") if kept else owners.said(who))))
        what = _ask(_("What"), required_text)
        session.note(item, who, what, _ask(_("By when (YYYY-MM-DD, or none)"), date_or_none))
    else:
        session.skip(item)
    return True


def _show(number: int, suggestion: Suggestion) -> None:
    from raci.lint.message import localized
    from raci.lint.output import outcome_text
    from raci.vocabulary import LEVEL_NAMES

    click.echo(one_line(f"  {number}. {localized(suggestion.summary)}"))
    if suggestion.remedy.because:
        because = _("because {reason}").format(reason=localized(suggestion.remedy.because))
        click.echo(one_line(f"     {because}"))
    click.echo(one_line(f"     {outcome_text(suggestion, LEVEL_NAMES)}"))


ANSWERS = {"a": N_("a accept (waive)"), "n": N_("n note an action"), "s": N_("s skip"),
           "q": N_("q end the review")}
"""The answers besides a fix: a letter (the same in every language) and what it does."""


def _choices(session: Review, item: ReviewItem, suggestions: int) -> dict[str, str]:
    fix = (_("1-{last} fix").format(last=suggestions) if suggestions > 1 else _("1 fix"))
    choices = {"1": fix} if suggestions else {}
    choices |= {letter: _(words) for letter, words in ANSWERS.items()
                if letter != "a" or session.can_accept(item)}
    return choices


def _choice(text: str, choices: dict[str, str], suggestions: int) -> str:
    """A suggestion's number, or the first letter of a word: ``a``, ``accept``."""
    answer = text.strip().lower()
    if answer.isdigit() and 1 <= int(answer) <= suggestions:
        return answer
    if answer[:1] in choices and not answer[:1].isdigit():
        return answer[:1]
    raise ValueError(_("answer {choices}").format(choices=", ".join(choices.values())))


def _ask(question: str, read: Callable[[str], Answer], *, hint: str = "",
         default: str | None = None) -> Answer:
    """Ask until the answer reads; a scripted answer is echoed, as a terminal shows it."""
    prompt = f"{question} [{hint}]" if hint else question
    while True:
        text = click.prompt(prompt, default=default or "", show_default=bool(default),
                            prompt_suffix=": ")
        if not sys.stdin.isatty():
            click.echo(text)
        try:
            return read(text)
        except ValueError as wrong:
            click.echo(f"  {wrong}")


def _keep(session: Review, editing: Editing, item: ReviewItem,
          decide: Callable[[], Step]) -> None:
    """Make the decision and store its change. When the database refuses
    it, the decision is taken back (with the findings it brought up), so the
    minutes hold only what was stored, and the walk ends (`_NotSaved`)."""
    from raci.lint.review import where_said

    joined = len(session.items)
    step = decide()
    try:
        where = where_said(editing.keep([step]))
    except StoreError as error:
        session.suggester.apply(step.found)
        item.decision = None
        del session.items[joined:]
        raise _NotSaved(StoreError(_(
            "{reason}; the decision on {code} was not saved and the review ended there; the "
            "minutes hold what was decided before it").format(
                reason=why(error).rstrip("."), code=item.finding.code))) from None
    click.echo(one_line("  " + _("done: {change} (in {where})").format(
        change=said_again(step.summary), where=where)))


def _write_minutes(minutes: str, path: Path | None) -> None:
    if path is None:
        click.echo("")
    write_output(minutes, path, _("the minutes"))
    if path is not None:
        click.echo(_("wrote the minutes to {file}").format(file=path), err=True)


COMMANDS: list[click.Command] = [review]
