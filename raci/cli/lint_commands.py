"""Lint commands: `raci lint`, `raci rules` and `raci diff` (docs/lint.md, docs/cli.md).

Exit codes of `raci lint`: 0 when no unwaived finding is at or above
`--fail-on` (default warning; `never`: always 0), 1 when one is, 2 for bad
input. The output format never changes the exit code. `raci diff` is a
report and exits 0.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from raci.cli import end_at_once
from raci.cli.colour import colour_shown, coloured_findings
from raci.cli.completion import complete_file, complete_rules
from raci.cli.options import directories_made, format_option, output_directories, write_output
from raci.errors import UsageError
from raci.i18n import N_, Said, _, ngettext
from raci.model.collector import collector_paused
from raci.vocabulary import DIFF_FORMATS, FAIL_ON_CHOICES, LEVEL_NAMES, LINT_FORMATS

if TYPE_CHECKING:
    from raci.lint.config import LintConfig
    from raci.lint.rule import Rule
    from raci.lint.run import LintOne, ModelResult

EXIT_FINDINGS, EXIT_BAD_INPUT = 1, 2
RULES_FORMATS = ("text", "json")


@click.command()
@click.argument("models", metavar="MODEL...", nargs=-1, required=True,
                shell_complete=complete_file)
@format_option(LINT_FORMATS, "Output format.", default="text")
@click.option("--select", metavar="CODES", shell_complete=complete_rules, multiple=True,
              help="Rules to run: codes, prefixes (OWN, BOD00), names or ALL, comma-separated; "
                   "given again, it adds more.")
@click.option("--ignore", metavar="CODES", shell_complete=complete_rules, multiple=True,
              help="Rules not to run, as for --select.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES),
              help="Exit 1 when a finding is at or above this level (default: warning).")
@click.option("--as-of", metavar="DATE", help="The date time-based rules use (YYYY-MM-DD; "
                                              "default: the model's org.as_of, else today).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Only findings whose fingerprint is not in this file count.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              callback=directories_made,
              help="Write the fingerprints of the current findings to this file.")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read [tool.raci] or [raci] from this TOML file instead of searching.")
@click.option("--statistics", is_flag=True,
              help="Show how many findings each rule has instead of the findings "
                   "(text, json or markdown).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, path_type=Path),
              callback=output_directories,
              help="Write the output to this file instead of standard output.")
@click.option("--suggest", is_flag=True,
              help="Under each finding, the edits that would resolve it, each tried on the "
                   "model: what it resolves and introduces (text, json or markdown).")
@click.option("--fix", is_flag=True,
              help="Apply the certain suggestions (the finding's only one, safe, resolving it "
                   "and introducing nothing) to each database, in one transaction.")
@click.option("--unsafe-fixes", is_flag=True,
              help="With --fix: also apply a finding's only suggestion when it is not safe "
                   "(it decides something), if it resolves the finding and introduces nothing.")
@click.option("--scenario", metavar="NAME",
              help="With --fix: put the fixes in this scenario (made if absent) instead of "
                   "the model.")
def lint(models: tuple[str, ...], fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
         fail_on: str | None, as_of: str | None, baseline: Path | None,
         write_baseline: Path | None, config_file: Path | None, statistics: bool,
         output_file: Path | None, suggest: bool, fix: bool, unsafe_fixes: bool,
         scenario: str | None) -> None:
    """Lint models for governance weaknesses (see `raci rules`).

    MODEL is a model file, a database, a directory (every model file and
    database below it) or - (a model file on standard input). A model that
    cannot be read is reported in the chosen format and does not stop the
    others; the run then exits 2. `--suggest` and `--fix` read each model
    whole; `--fix` writes only to databases.

    \b
    Examples:
      raci lint org.yaml
      raci lint models/ --format github --fail-on error
      raci lint org.db --select OWN,BOD001 --as-of 2026-06-30
      cat org.yaml | raci lint - --format json
      raci lint org.db --suggest
    """
    from raci.lint.baseline import require_baseline
    from raci.lint.config import option_date, split_codes
    from raci.lint.output import (
        RENDERERS,
        STATISTICS_FORMATS,
        STATISTICS_RENDERERS,
        SUGGEST_FORMATS,
    )
    from raci.lint.rules import RULES
    from raci.lint.run import config_for
    from raci.linting import lint_lean, run_lint
    from raci.source import models_in

    for asked, option, formats in ((statistics, "--statistics", STATISTICS_FORMATS),
                                   (suggest, "--suggest", SUGGEST_FORMATS)):
        if asked and fmt not in formats:
            raise UsageError(_("{option}: works with --format {formats}, not {format}").format(
                option=option, formats=", ".join(formats), format=fmt))
    found, passed_over = models_in(models)
    for path in passed_over:
        click.echo(_("note: {file}: a SQLite file with no raci model in it; passed over")
                   .format(file=path), err=True)
    models = tuple(found)
    _check_fixing(models, fix=fix, unsafe=unsafe_fixes, scenario=scenario)
    if config_file is not None and not config_file.is_file():
        raise UsageError(_("{file}: no such configuration file").format(file=config_file))
    if select and not split_codes(select):  # an empty CI variable, most likely
        raise UsageError(_("--select: give rule codes, prefixes or names, or ALL"))
    config = config_for(
        models, config_file, select=split_codes(select), ignore=split_codes(ignore),
        fail_on=fail_on, as_of=None if as_of is None else option_date(as_of, "--as-of"),
    )
    for note in config.notes:
        click.echo(note, err=True)
    if baseline is not None:
        require_baseline(baseline)
    fixing = _fixing(scenario, unsafe=unsafe_fixes, suggest=suggest) if fix else None
    render = (STATISTICS_RENDERERS if statistics else RENDERERS)[fmt]
    # Reading, linting and writing once make no reference cycles: the cyclic
    # collector would only scan the model and the findings again and again
    # (a tenth of a lint with tens of thousands of findings). Trying
    # suggestions edits models, and keeps it.
    # Nothing to close and no threads: the process may end without freeing
    # everything one by one (`end_at_once`).
    kept: list[object] = []  # what a process that ends at once never frees
    at_once = not (suggest or fix) and end_at_once(kept)
    says = fmt == "text" and not statistics  # each message said for people
    lint_one = partial(lint_lean, kept=kept, say=says) if at_once else fixing
    with nullcontext() if suggest or fix else collector_paused():
        run = run_lint(models, config, baseline=baseline, write_baseline_to=write_baseline,
                       lint_one=lint_one, suggest=suggest)
        output = render(run, RULES)
        if isinstance(output, str) and fmt == "text" and output_file is None and colour_shown():
            output = coloured_findings(output)
        write_output(output, output_file)
        failed = run.failed
        # Back on, the collector's first pass would scan every finding (a
        # twentieth of a lint of tens of thousands): out of its sight for a
        # process that ends at once, else freed while it is still paused.
        if at_once:
            kept.append(run)
            gc.freeze()
        else:
            run.findings = []
    if fmt not in SUGGEST_FORMATS or statistics:  # the output itself does not say
        from raci.model.source import without_password

        for model, fixes in run.fixes.items():
            count = ngettext("{count} finding", "{count} findings", len(fixes)).format(
                count=len(fixes))
            click.echo(_("fixed {findings} in {model}").format(findings=count,
                                                            model=without_password(model)),
                       err=True)
    for error in run.errors:
        click.echo(error.text, err=True)
    if run.baseline_written is not None:
        click.echo(ngettext("wrote {count} fingerprint to {file}",
                            "wrote {count} fingerprints to {file}", run.baseline_written).format(
            count=run.baseline_written, file=write_baseline), err=True)
    elif write_baseline is not None:
        not_written = ngettext(
            "raci: did not write {file}: {unread} of {count} model could not be read",
            "raci: did not write {file}: {unread} of {count} models could not be read",
            len(run.models))
        click.echo(not_written.format(file=write_baseline, unread=len(run.unread),
                                      count=len(run.models)), err=True)
    if run.errors:
        raise click.exceptions.Exit(EXIT_BAD_INPUT)
    if failed:
        raise click.exceptions.Exit(EXIT_FINDINGS)


def _check_fixing(models: Sequence[str], *, fix: bool, unsafe: bool,
                  scenario: str | None) -> None:
    """`--fix` works on databases; `--unsafe-fixes` and `--scenario` need it."""
    from raci.model.source import is_model_file, is_valid_scenario_name, split_scenario

    if not fix:
        for given, name in ((unsafe, "--unsafe-fixes"), (scenario is not None, "--scenario")):
            if given:
                raise UsageError(_("{option}: works with --fix").format(option=name))
        return
    if scenario is not None and not is_valid_scenario_name(scenario):
        raise UsageError(_("--scenario: {name!r} is not a scenario name: letters, digits, _ and "
                           "-, starting with a letter or digit").format(name=scenario))
    for model in models:
        if is_model_file(split_scenario(model)[0]):
            raise UsageError(_(
                "--fix: {model} is a model file, and raci does not write model files (they "
                "keep your comments and order); fix a database instead: `raci import {model} "
                "--into org.db`, `raci lint org.db --fix`, then `raci export org.db` if the "
                "file must follow").format(model=model))


def _fixing(scenario: str | None, *, unsafe: bool, suggest: bool) -> LintOne:
    """Lint one database with `--fix`: the certain suggestions applied and
    stored in one transaction (in the model, or in the scenario), the
    findings left reported."""
    from raci.cli.editing import edit, ensure_scenario
    from raci.lint.run import suggested
    from raci.lint.suggestions import Suggester
    from raci.model.scenarios import Step

    def fix_one(spec: str, config: LintConfig, accepted: set[str]) -> ModelResult:
        if scenario is not None:
            ensure_scenario(spec, scenario, Said(N_("fixes made by raci lint --fix")))
        with edit(spec, scenario) as editing:
            suggester = Suggester(editing.model, config, label=spec)
            fixes = suggester.fix(unsafe=unsafe, skip=accepted)
            if fixes:
                editing.keep([Step(fix.suggestion.change, fix.found, fix.suggestion.summary)
                              for fix in fixes])
            return suggested(suggester, accepted, fixes, suggest=suggest)

    return fix_one


@click.command()
@click.argument("code", required=False, shell_complete=complete_rules)
@format_option(RULES_FORMATS, "Output format: text (one rule: its page, in Markdown) or "
                              "json (the rules' documentation as data).", default="text")
def rules(code: str | None, fmt: str) -> None:
    """List the lint rules (or those a prefix or group names, as --select reads
    them: `raci rules OWN`, `raci rules BOD00`), or explain one: what it finds
    and looks at, why it matters, how to fix it, its message, parameters and
    configuration, how to waive it, and examples.

    \b
    Examples:
      raci rules
      raci rules OWN001
      raci rules unowned-item
      raci rules BOD00
      raci rules --format json
    """
    from raci.lint.config import codes_for
    from raci.lint.docs import rule_page, rules_json
    from raci.lint.rules import RULES, closest_rule, find_rule

    found = None if code is None else find_rule(code)
    if found is not None:
        click.echo(rules_json([found]) if fmt == "json" else rule_page(found), nl=False)
        return
    chosen = None if code is None else codes_for(code)
    named = [r for r in RULES if chosen is None or r.code in chosen]
    if not named:
        nearest = closest_rule(code or "")
        hint = _(" did you mean {code!r}?").format(code=nearest) if nearest else ""
        raise UsageError(_("no rule {code!r};").format(code=code) + hint
                         + _(" `raci rules` lists them"))
    if fmt == "json":
        click.echo(rules_json(named), nl=False)
    else:
        _list_rules(named)


def _list_rules(rules: Sequence[Rule]) -> None:
    """One line a rule, its default level in the reader's words (``waarschuwing``),
    as Markdown output says levels; `raci rules CODE` shows the level raci.toml takes."""
    from raci.lint.findings import LEVELS
    from raci.lint.ruledoc import rule_doc

    width = max(len(r.dotted_name) for r in rules)
    level_width = max(len(LEVEL_NAMES[level]) for level in LEVELS)
    for r in rules:
        click.echo(f"{r.code}  {r.dotted_name:<{width}}  {LEVEL_NAMES[r.level]:<{level_width}}  "
                   f"{rule_doc(r).summary}")


@click.command()
@click.argument("old")
@click.argument("new")
@format_option(DIFF_FORMATS, "Output format.", default="text")
def diff(old: str, new: str, fmt: str) -> None:
    """Show what changed between two models: entities, assignments, findings (exit 0).

    \b
    Examples:
      raci diff org.db org.db@plan
      raci diff before.yaml after.yaml --format markdown
    """
    from raci.lint.diff import DIFF_RENDERERS, diff_models
    from raci.lint.run import config_for
    from raci.source import open_model

    config = config_for([new], None)
    click.echo(DIFF_RENDERERS[fmt](diff_models(open_model(old), open_model(new), config)),
               nl=False)


COMMANDS: list[click.Command] = [lint, rules, diff]
