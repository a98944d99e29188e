"""Every command's --help ends with examples, and each example is a command
line raci accepts (its options and arguments parse)."""

from __future__ import annotations

import inspect
import shlex

import click
import pytest
from conftest import COMMANDS

from raci.cli import cli


def examples(path: tuple[str, ...]) -> list[str]:
    """The example lines of a command's help: a paragraph kept as written
    (click's ``\\b``) headed ``Example:`` or ``Examples:``."""
    paragraphs = inspect.cleandoc(COMMANDS[path].help or "").split("\n\n")
    block = next((p for p in paragraphs if p.strip().startswith("\b\nExample")), "")
    return [line.strip() for line in block.splitlines()[2:]]


def parse(words: list[str]) -> None:
    """Parse a command line as raci would, down to its last subcommand, running nothing."""
    command: click.Command = cli
    ctx: click.Context | None = None
    args = words
    while True:
        ctx = command.make_context(command.name or "raci", args, parent=ctx)
        rest = [*ctx._protected_args, *ctx.args]
        if not isinstance(command, click.Group) or not rest:
            return
        name, *args = rest
        found = command.get_command(ctx, name)
        assert found is not None, name
        command = found


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_each_command_s_help_has_examples_raci_accepts(path: tuple[str, ...]) -> None:
    found = examples(path)
    assert found, f"raci {' '.join(path)} --help shows no examples"
    for example in found:
        words = shlex.split(example.split(" |")[-1].split(" >")[0])
        assert words[0] == "raci", example
        parse(words[1:])
