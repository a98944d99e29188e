"""`-o` names a file that is not a plain one: a link, a pipe, a device.

raci writes a model file whole, atomically: a temporary file beside it,
then a rename over it. A rename replaces whatever has the name: the link
(its file untouched), the pipe (its reader got nothing), the device (as
root, `-o /dev/null` left a plain file in /dev). A link is followed and its
file replaced; a pipe or device is written to, as the shell's `>` does.
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from conftest import Raci

from raci.formats.schema import SCHEMA_FILE


def exported(raci: Raci, vego: str, *args: str) -> str:
    result = raci("export", vego, *args)
    assert result.code == 0, result.err
    return result.out


def test_a_link_is_followed_and_stays(raci: Raci, vego: str) -> None:
    Path("models").mkdir()
    target = Path("models/org.yaml")
    target.write_text("kept\n", encoding="utf-8")
    target.chmod(0o640)
    Path("org.yaml").symlink_to(target)
    exported(raci, vego, "-o", "org.yaml")
    assert os.readlink("org.yaml") == str(target)
    assert target.read_text(encoding="utf-8") == exported(raci, vego)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(p.name for p in Path("models").iterdir()) == ["org.yaml"]  # no temporary left


def test_a_pipe_is_written_to_and_its_reader_gets_the_model(raci: Raci, vego: str) -> None:
    os.mkfifo("org.yaml")
    reader = subprocess.Popen(["cat", "org.yaml"], stdout=subprocess.PIPE, text=True)
    exported(raci, vego, "-o", "org.yaml")
    try:
        read, _ = reader.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        reader.kill()
        reader.communicate()
        raise AssertionError("the pipe's reader got nothing: the pipe was replaced") from None
    assert read == exported(raci, vego)
    assert stat.S_ISFIFO(os.stat("org.yaml").st_mode)
    assert not Path(SCHEMA_FILE).exists()  # no schema beside a pipe


@pytest.mark.skipif(os.geteuid() != 0, reason="only root makes a device (CI runs as root)")
def test_a_device_is_written_to_and_stays_a_device(raci: Raci, vego: str) -> None:
    os.mknod("null", stat.S_IFCHR | 0o666, os.makedev(1, 3))  # /dev/null's own, in tmp
    exported(raci, vego, "-o", "null", "--format", "yaml")
    assert raci("demo", "-o", "null").code == 0
    assert raci("schema", "-o", "null").code == 0
    assert stat.S_ISCHR(os.stat("null").st_mode)
    assert os.stat("null").st_rdev == os.makedev(1, 3)
    assert not Path(SCHEMA_FILE).exists()  # no schema beside a device
