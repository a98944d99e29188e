"""raci subcommands."""

import click

COMMANDS: list[click.Command] = []
