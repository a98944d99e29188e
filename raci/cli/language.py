"""The command line in the user's language.

The commands keep their English help in their decorators and docstrings: the
English text is the key in the catalogue. It is translated where click lays
the help out (`TranslatedFormatter`, `TranslatedGroup`), so no command needs
to know. `help_texts` walks the command tree for those keys, and
`extract_commands` hands them, and click's own messages, to ``pybabel
extract`` (see ``babel.cfg``).
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from raci.errors import UsageError
from raci.i18n import N_, _

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

CLICK_MODULES = ("core", "exceptions", "types", "parser", "formatting", "decorators")
"""The modules of click whose messages reach raci's user (usage errors, help headings)."""
CLICK_WORDS = (N_("required"),)
"""What click translates without marking it for the catalogue (``[required]``)."""
EXAMPLE_HEADINGS = (N_("Examples:"), N_("Example:"))
"""The headings of the examples that end a command's help; the examples
themselves are command lines, the same in every language."""
OPTIONS_METAVAR = "[OPTIONS]"
"""What a usage line says for a command's options (click's, not translated by click)."""
SUBCOMMAND_METAVAR = "COMMAND [ARGS]..."
"""What a group's usage line says for its commands (click's, not translated by click)."""
PATH_PLACEHOLDERS = ("FILE", "DIRECTORY", "PATH")
"""What click's usage line says for a path (``-o FILE``), which click says in
the current language itself (so `_english_metavars` never holds it)."""
PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]*\b")
"""A word of a usage placeholder: ``MODEL`` in ``MODEL...``, ``OPTIONS``, ``FILE``."""
COMPLETION_SUMMARY = 45
"""How long a command's summary may be beside its name in a shell's completion (click's)."""
RULE_WORDS = frozenset({"explain", "describe", "why", "doc", "docs", "rule", "regel", "regels",
                        "uitleg", "waarom"})
"""Commands a user may try for what a rule means (``raci explain OWN001``):
`raci rules CODE` is the one that says it."""
_english_metavars: dict[click.Parameter, str] = {}
"""Each parameter's placeholder as click makes it in English (``MODEL...``),
kept before `speak_placeholders` first sets it in another language."""


class TranslatedFormatter(click.HelpFormatter):
    """Lays out help with each command's and option's text translated; what
    click adds (``[default: 60.0]``, headings) comes translated from click."""

    def write_text(self, text: str) -> None:
        prose, heading, examples = split_examples(text)
        super().write_text(said_with_placeholders(prose)
                           + (f"\n\n\b\n{_(heading)}{examples}" if heading else ""))

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        super().write_dl([(term, _translated_help(text)) for term, text in rows],
                         col_max, col_spacing)


def _translated_help(text: str) -> str:
    """An option's help with click's ``  [default: …]`` kept as click wrote it."""
    help_text, bracket, extra = text.rpartition("  [")
    if bracket and extra.endswith("]"):
        return f"{said_with_placeholders(help_text)}{bracket}{extra}"
    return said_with_placeholders(text)


def said_with_placeholders(text: str) -> str:
    """A help text in the current language, the usage placeholders it names
    (``KIND`` in "an entity of kind KIND", ``MODEL@NAME``) said as the usage
    line says them: the translation keeps them in English, as its key does."""
    metavars = (OPTIONS_METAVAR, SUBCOMMAND_METAVAR, *PATH_PLACEHOLDERS,
                *_english_metavars.values())
    words = {word for metavar in metavars for word in PLACEHOLDER.findall(metavar)}
    return PLACEHOLDER.sub(lambda word: _(word.group()) if word.group() in words
                           else word.group(), _(text))


class TranslatedContext(click.Context):
    formatter_class = TranslatedFormatter


class TranslatedGroup(click.Group):
    """A group whose listing of commands shows each one's help translated
    (click would shorten the English first, which has no translation)."""

    context_class = TranslatedContext

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None
                    and not command.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _command in commands)
        rows = [(name, summary(command, limit)) for name, command in commands]
        with formatter.section(_("Commands")):
            click.HelpFormatter.write_dl(formatter, rows)  # said already: not again

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        """Refuse a command that is not there with the way on: the closest
        command (click suggests only among the commands loaded so far), or
        `raci rules CODE` for a word that asks what a rule means."""
        name = args[0]
        if ctx.resilient_parsing or name.startswith("-") or self.get_command(ctx, name):
            return super().resolve_command(ctx, args)
        raise UsageError(no_such_command(ctx, name, self.list_commands(ctx), args[1:]))

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        """The commands and options completed with what they do, as the help says it."""
        items = super().shell_complete(ctx, incomplete)
        for item in items:
            if item.value in self.commands:
                item.help = summary(self.commands[item.value], COMPLETION_SUMMARY)
        return items


def no_such_command(ctx: click.Context, name: str, commands: list[str], rest: list[str]) -> str:
    """Why `name` is refused, in one line, and what to run instead."""
    from raci.model.checks import nearest  # the one "did you mean" of raci

    refusal = _("No such command {name!r}.").format(name=name).rstrip(".")  # click's words
    if name.lower() in RULE_WORDS and "rules" in commands:
        code = rest[0] if rest and not rest[0].startswith("-") else _("CODE")
        return _("{refusal}; to read what a rule finds and why, run `{command}`").format(
            refusal=refusal, command=f"{ctx.command_path} rules {code}")
    closest = nearest(name, commands)
    if closest is not None:
        return _("{refusal}; did you mean `{command}`?").format(
            refusal=refusal, command=f"{ctx.command_path} {closest}")
    return refusal + _("; see `{command} --help`").format(command=ctx.command_path)


def summary(command: click.Command, limit: int) -> str:
    """What `command` does, in a line of at most `limit` characters, said in
    the current language (the group's listing, a shell's completion)."""
    return short_help(said_with_placeholders(command.short_help or help_text(command)), limit)


def short_help(text: str, limit: int) -> str:
    """The first sentence of `text`, shortened at a word to `limit` characters."""
    first = " ".join(text.split("\n\n")[0].split())
    sentence, stop, _rest = first.partition(". ")
    return textwrap.shorten(sentence + ("." if stop else ""), width=limit, placeholder="...")


def subcommands(group: click.Group) -> dict[str, click.Command]:
    """Every command of `group` by name (`raci` imports its commands only when
    asked for them: this asks for all)."""
    context = click.Context(group)
    return {name: command for name in group.list_commands(context)
            if (command := group.get_command(context, name)) is not None}


def translate_help(command: click.Command) -> None:
    """Have `command` and every command below it lay out its help translated
    (a command `raci` loads later is translated as it loads)."""
    command.context_class = TranslatedContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            translate_help(sub)


def speak_placeholders(command: click.Command) -> None:
    """Have the usage placeholders of `command` and the commands below it
    (``[OPTIONS]``, ``MODEL...``, ``--output FILE``) and their ``--help``
    option in the current language, in the usage line, the options' list and
    click's errors alike (the program's edge calls it once it speaks)."""
    command.options_metavar = _placeholders_said(OPTIONS_METAVAR)
    # click makes a command's --help option once, its help said in the language
    # of that moment; made again, it speaks the language of this run.
    command._help_option = None
    context = click.Context(command)
    for param in command.params:
        if param not in _english_metavars:
            _english_metavars[param] = param.make_metavar(context)
        english = _english_metavars[param]
        param.metavar = _placeholders_said(english)
    if isinstance(command, click.Group):
        command.subcommand_metavar = _placeholders_said(SUBCOMMAND_METAVAR)
        for sub in command.commands.values():
            speak_placeholders(sub)


def _placeholders_said(metavar: str) -> str:
    return PLACEHOLDER.sub(lambda word: _(word.group()), metavar)


def placeholder_words(command: click.Command) -> Iterator[str]:
    """Each word of the usage placeholders of `command` and those below it."""
    yield from PLACEHOLDER.findall(OPTIONS_METAVAR + SUBCOMMAND_METAVAR)
    yield from PATH_PLACEHOLDERS
    context = click.Context(command)
    for param in command.params:
        yield from PLACEHOLDER.findall(_english_metavars.get(param)
                                       or param.make_metavar(context))
    if isinstance(command, click.Group):
        for sub in subcommands(command).values():
            yield from placeholder_words(sub)


def split_examples(text: str) -> tuple[str, str, str]:
    """A command's help as (its prose, the heading of its examples, the
    lines after it); the last two "" when it has none."""
    for heading in EXAMPLE_HEADINGS:
        prose, mark, examples = text.partition(f"\n\n\b\n{heading}")
        if mark:
            return prose, heading, examples
    return text, "", ""


def help_text(command: click.Command) -> str:
    """A command's help as click shows it, without its examples: its
    docstring up to a form feed, its prose the catalogue's key."""
    return split_examples(inspect.cleandoc(command.help or "").partition("\f")[0])[0]


def help_texts(command: click.Command, path: str) -> Iterator[tuple[str, str]]:
    """Each help text of `command` and the commands below it, with where it shows."""
    if command.help:
        yield help_text(command), f"{path} --help"
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            yield param.help, f"{path} {param.opts[-1]}"
    if isinstance(command, click.Group):
        for name, sub in sorted(subcommands(command).items()):
            yield from help_texts(sub, f"{path} {name}")


def extract_commands(fileobj: IO[bytes], keywords: Any, comment_tags: Any,
                     options: Any) -> Iterator[tuple[int, Any, Any, Any]]:
    """A ``pybabel extract`` method for ``raci/cli/__init__.py``: its own
    ``_()`` calls, every command's help and click's messages."""
    from babel.messages.extract import extract_python

    from raci.cli import cli

    yield from extract_python(fileobj, keywords, comment_tags, options)
    for text, where in help_texts(cli, "raci"):
        yield 0, "_", text, [where]
    for word in sorted(set(placeholder_words(cli))):
        yield 0, "_", word, ["usage placeholder"]
    folder = Path(click.__file__).parent
    for module in CLICK_MODULES:
        with (folder / f"{module}.py").open("rb") as source:
            for lineno, funcname, messages, _comments in extract_python(
                    source, keywords, [], options):
                yield lineno, funcname, messages, [f"click {module}"]
