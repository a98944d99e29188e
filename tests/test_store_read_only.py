"""A model database on storage this user may not write (a read-only mount, a
CD, a share mounted read-only) is read as any other, and an edit of it is
refused as read-only.

Root writes whatever chmod says, and CI runs as root; so the folder is made
read-only for real, with a read-only bind mount in a mount namespace of its
own (``unshare -m``), and the test is skipped where the system allows none.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


pytestmark = pytest.mark.skipif(not _can_mount_read_only(),
                                reason="needs root and unshare -m for a read-only bind mount")


def _on_read_only_storage(folder: Path, *commands: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """Each raci command's exit code, stdout and stderr, run with `folder`
    mounted read-only."""
    raci = shlex.join([sys.executable, "-m", "raci"])
    lines = [f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} {folder} "
             "|| exit 1"]
    results = folder.parent / "results"
    results.mkdir()
    for number, command in enumerate(commands):
        lines.append(f"{raci} {shlex.join(command)} >{results}/{number}.out "
                     f"2>{results}/{number}.err; echo $? >{results}/{number}.code")
    subprocess.run(["unshare", "-m", "sh", "-c", "\n".join(lines)], check=True,
                   env={**os.environ, "PYTHONPATH": str(ROOT), "RACI_LANG": "en"})
    return [(int((results / f"{n}.code").read_text()), (results / f"{n}.out").read_text(),
             (results / f"{n}.err").read_text()) for n in range(len(commands))]


def test_a_database_on_read_only_storage_is_read_and_an_edit_says_it_is_read_only(
        tmp_path: Path, vego_database: bytes) -> None:
    folder = tmp_path / "mounted"
    folder.mkdir()
    database = folder / "vego.db"
    database.write_bytes(vego_database)  # a WAL database, with no -shm file beside it
    linted, exported, edited = _on_read_only_storage(
        folder,
        ("lint", str(database), "--fail-on", "never", "--format", "json"),
        ("export", str(database), "--format", "json"),
        ("set", str(database), "sg-vego", "name=Anders"))
    assert (linted[0], linted[2]) == (0, "")
    assert '"findings"' in linted[1]
    assert (exported[0], exported[2]) == (0, "")
    assert '"sg-vego"' in exported[1]
    assert edited == (2, "", f"raci: {database}: it is on read-only storage, which no change of "
                             "permissions makes writable; use storage you may write, or mount it "
                             "writable\n")
    assert database.read_bytes() == vego_database
    assert sorted(p.name for p in folder.iterdir()) == ["vego.db"]
