"""Every command has help text and is documented in the README; the layers
keep to their contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from raci.cli import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_and_is_documented(name: str) -> None:
    command = cli.commands[name]
    assert command.help and command.help.strip(), f"raci {name} has no help text"
    assert f"raci {name}" in README, f"raci {name} is not documented in README.md"


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
