"""`raci generate`: write a synthetic model of a given size (docs/cli.md,
docs/contributing.md#benchmarks)."""

from __future__ import annotations

from pathlib import Path

import click

from raci.cli.options import WholeNumber, model_file_suffix, output_option, tell_schema_written
from raci.errors import UsageError
from raci.i18n import _, format_count


@click.command()
@click.option("--size", type=click.Choice(["small", "ministry", "national"]), required=True,
              help="small ≈ 500 entities, ministry ≈ 8,000, national ≈ 80,000.")
@click.option("--seed", type=WholeNumber(), metavar="INTEGER", default=1, show_default=True,
              help="The same size and seed give the same file, byte for byte.")
@click.option("--scale", type=WholeNumber(min=1), metavar="INTEGER", default=1,
              show_default=True,
              help="Multiply the ministries, and so nearly everything else: "
                   "--size national --scale 4 is four national models' worth.")
@output_option("The model file to write: .yaml, .yml or .json.", required=True)
def generate(size: str, seed: int, scale: int, output: Path) -> None:
    """Write a synthetic organisation with realistic shapes and some of every weakness.

    \b
    Examples:
      raci generate --size ministry -o ministry.yaml
      raci generate --size national --seed 7 -o national.json
    """
    from raci.formats import write_model
    from raci.generate import generate_model

    model_file_suffix(output)
    if not output.parent.is_dir():
        raise UsageError(_("{output}: the folder {folder} does not exist").format(
            output=output, folder=output.parent))
    model = generate_model(size, seed, scale=scale)
    schema = write_model(model, output)
    # The options that write this file again, the same in every language.
    options = f"--size {size} --seed {seed}" + ("" if scale == 1 else f" --scale {scale}")
    click.echo(_("wrote {output}: {entities} entities, {assignments} assignments "
                 "({options})").format(output=output, entities=format_count(len(model)),
                                       assignments=format_count(len(model.assignments)),
                                       options=options), err=True)
    tell_schema_written(schema)


COMMANDS: list[click.Command] = [generate]
