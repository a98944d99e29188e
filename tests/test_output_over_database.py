"""No command writes its output over a model database.

`raci lint m.db -o m.db` replaced the database it had just read by its
findings; `--write-baseline`, `review -o`, `schema`, `demo`, `generate`,
`report` and `diagram` did the same, and a link (``rep.md`` -> ``m.db``)
led `export` past its own check of the name. Every file a command writes
goes through one guard, before any work: a SQLite database there (by its
content, through any links) is refused, and stays as it was.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from conftest import Raci

WRITERS = {
    "lint -o": ("lint", "vego.db", "--fail-on", "never", "-o", "{target}"),
    "lint --write-baseline": ("lint", "vego.db", "--fail-on", "never",
                              "--write-baseline", "{target}"),
    "review -o": ("review", "vego.db", "-o", "{target}"),
    "schema -o": ("schema", "-o", "{target}"),
    "demo -o": ("demo", "-o", "{target}"),
    "generate -o": ("generate", "--size", "small", "-o", "{target}"),
    "export -o": ("export", "vego.db", "-o", "{target}"),
    "export sqlite:// -o": ("export", "sqlite:///vego.db", "-o", "{target}"),
    "report -o": ("report", "vego.db", "-o", "{target}"),
    "diagram -o": ("diagram", "vego.db", "--view", "org", "-o", "{target}"),
}
"""Every command that writes a file the user names, with that file as {target}."""


def sha256(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.mark.parametrize("command", WRITERS, ids=list(WRITERS))
@pytest.mark.parametrize("target", ["vego.db", "link.md"])
def test_a_database_is_never_written_over(raci: Raci, vego: str, command: str,
                                          target: str) -> None:
    """The database read, or the one a link names: refused before any work,
    in one line naming the file, and byte for byte as it was, with nothing
    beside it (no ``-wal`` or ``-shm`` left by the look that told it)."""
    Path("link.md").symlink_to(vego)
    before = sha256(vego)
    beside = sorted(os.listdir(Path(vego).parent))
    result = raci(*(arg.format(target=target) for arg in WRITERS[command]))
    assert (result.code, result.out) == (2, "")
    assert result.err == (f"raci: {target} is a SQLite database: writing there would lose "
                          "it; name another file\n")
    assert sha256(vego) == before
    assert sorted(os.listdir(Path(vego).parent)) == beside
    assert os.readlink("link.md") == vego


def test_a_new_file_named_db_and_an_empty_file_are_written(raci: Raci, vego: str) -> None:
    """Only a database's content is refused (bar export's own `-o x.db`):
    a lint written to a new ``lint.db``, or over an empty file, loses nothing."""
    Path("empty.db").touch()
    for target in ("lint.db", "empty.db"):
        result = raci("lint", vego, "--fail-on", "never", "-o", target)
        assert result.code == 0, result.err
        assert Path(target).read_text(encoding="utf-8").strip()


def test_output_through_a_dangling_link_makes_the_folder_it_names(
        raci: Raci, vego: str) -> None:
    """`-o dangling.yaml` -> ``nowhere/x.yaml``: `-o` makes missing folders,
    those of the file the link names too; the link stays."""
    Path("dangling.yaml").symlink_to("nowhere/x.yaml")
    result = raci("export", vego, "-o", "dangling.yaml")
    assert result.code == 0, result.err
    assert Path("nowhere/x.yaml").read_text(encoding="utf-8").startswith("# yaml-language")
    assert os.readlink("dangling.yaml") == "nowhere/x.yaml"
