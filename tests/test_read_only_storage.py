"""A database on a file system mounted read-only: no chmod makes it
writable, so raci says where it is instead of "make it writable", for an
edit and for `raci new` alike. Run in a mount namespace of its own, with a
read-only bind mount (as root, where `unshare` is there)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

READ_ONLY = ("it is on read-only storage, which no change of permissions makes writable; "
             "use storage you may write, or mount it writable\n")


def on_read_only_storage(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    raci = f"{sys.executable} -m raci {' '.join(command)}"
    script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} "
              f"&& {raci}")
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True,
                          text=True, timeout=120, check=False)


@pytest.fixture
def read_only_folder(tmp_path: Path, vego_database: bytes) -> Path:
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("needs unshare -m (root)")
    (tmp_path / "vego.db").write_bytes(vego_database)
    return tmp_path


def test_an_edit_names_the_read_only_storage(read_only_folder: Path) -> None:
    database = read_only_folder / "vego.db"
    result = on_read_only_storage(read_only_folder, "rm", str(database), "kgg", "--force")
    assert (result.returncode, result.stderr) == (2, f"raci: {database}: {READ_ONLY}")


def test_new_names_the_read_only_storage(read_only_folder: Path) -> None:
    database = read_only_folder / "new.db"
    result = on_read_only_storage(read_only_folder, "new", str(database))
    assert (result.returncode, result.stderr) == (2, f"raci: {database}: {READ_ONLY}")
    assert not database.exists()
