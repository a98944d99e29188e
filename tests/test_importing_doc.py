"""docs/importing.md's walk from Excel to a lint and a diagram, run as written:
each command's lines in the page are lines raci says (``…`` leaves some out)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from conftest import Raci

ROOT = Path(__file__).parents[1]
PAGE = ROOT / "docs" / "importing.md"


def walk() -> list[tuple[list[str], list[str]]]:
    """The first console block's commands, each with the lines shown under it."""
    block = re.search(r"```console\n(.*?)```", PAGE.read_text(), re.DOTALL)
    assert block, f"{PAGE}: no console block"
    steps: list[tuple[list[str], list[str]]] = []
    for line in block.group(1).splitlines():
        if line.startswith("$ "):
            command = line[2:].partition("  #")[0]
            steps.append((shlex.split(command), []))
        else:
            steps[-1][1].append(line)
    return steps


def test_the_walk_through_shows_what_raci_says(raci: Raci, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "raci" / "sample_orgs", tmp_path / "sample_orgs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "1000")
    steps = walk()
    assert [command[:2] for command, _shown in steps] == [
        ["raci", "import"], ["raci", "import"], ["raci", "lint"], ["raci", "diagram"],
        ["raci", "export"]]
    for command, shown in steps:
        result = raci(*command[1:])
        said = result.err.splitlines() + result.out.splitlines()
        assert result.code in (0, 1), (command, result.err)
        if "…" in shown:
            assert [line for line in shown if line != "…"] == \
                [line for line in said if line in shown], command
        else:
            assert sorted(shown) == sorted(said), command
