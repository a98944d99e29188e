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
DOCS = "\n".join(page.read_text(encoding="utf-8") for page in sorted((ROOT / "docs").glob("*.md")))


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_and_is_documented(name: str) -> None:
    command = cli.commands[name]
    assert command.help and command.help.strip(), f"raci {name} has no help text"
    assert f"raci {name}" in README + DOCS, f"raci {name} is not documented in README.md or docs/"


def test_import_contracts_hold() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pre_commit_recipes_name_a_command_that_runs(raci) -> None:
    import re

    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    recipe = re.search(r"# \.pre-commit-config\.yaml\n(.*?)```", README, re.S)
    assert recipe is not None, "README shows a .pre-commit-config.yaml"
    local = yaml.safe_load(recipe.group(1))["repos"][0]["hooks"][0]
    for hook in (hooks[0], local):
        assert hook["id"] == "raci-lint"
        words = hook["entry"].split()
        assert words[0] == "raci" and raci(*words[1:], "--help").code == 0
    assert re.compile(local["files"]).search("governance/org.yaml")
