"""`-o` names a file that is not a plain one: a link, a pipe, a device.

raci writes a model file whole, atomically: a temporary file beside it,
then a rename over it. A rename replaces whatever has the name: the link
(its file untouched), the pipe (its reader got nothing), the device (as
root, `-o /dev/null` left a plain file in /dev), the file the shell opened
as standard output (`-o /dev/stdout >> log` lost the log). A link is
followed and its file replaced; a pipe, a device or an open descriptor is
written to, as the shell's `>` does.
"""

from __future__ import annotations

import os
import resource
import signal
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import Raci

from raci.cli.diagram_commands import write_parts
from raci.errors import RaciError, UsageError
from raci.export.page import DEFAULT_PAGE, PAGES
from raci.export.render import write_drawing
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


@contextmanager
def standard_output_on(path: str, mode: str) -> Iterator[None]:
    """Standard output (descriptor 1) opened on `path` as the shell opens it
    for ``>`` (mode ``"wb"``) or ``>>`` (``"ab"``)."""
    saved = os.dup(1)
    with open(path, mode) as file:
        os.dup2(file.fileno(), 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


@pytest.mark.parametrize("name", ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"])
def test_standard_output_on_a_file_is_written_where_it_stands(
        raci: Raci, vego: str, name: str) -> None:
    """``raci export vego.db -o /dev/stdout >> log.txt``: after what the log
    holds, in the file the shell opened, with no schema beside /dev."""
    Path("log.txt").write_text("before\n", encoding="utf-8")
    opened = os.stat("log.txt").st_ino
    with standard_output_on("log.txt", "ab"):
        result = raci("export", vego, "-o", name)
    assert result.code == 0, result.err
    assert Path("log.txt").read_text(encoding="utf-8") == "before\n" + exported(raci, vego)
    assert os.stat("log.txt").st_ino == opened
    assert not Path(name).parent.joinpath(SCHEMA_FILE).exists()
    assert not Path(SCHEMA_FILE).exists()


def test_a_diagram_to_standard_output_on_a_file_is_written_where_it_stands(
        raci: Raci, vego: str) -> None:
    """``raci diagram vego.db … -o /dev/stdout >> log.txt``: as raci export's."""
    Path("log.txt").write_text("before\n", encoding="utf-8")
    drawn = ("diagram", vego, "--view", "goals", "--format", "dot")
    with standard_output_on("log.txt", "ab"):
        assert raci(*drawn, "-o", "/dev/stdout").code == 0
    assert Path("log.txt").read_text(encoding="utf-8") == "before\n" + raci(*drawn).out


def test_a_model_file_over_standard_output_is_the_one_the_shell_opened(
        raci: Raci, vego: str) -> None:
    """``raci export vego.db -o /dev/stdout > out.yaml``."""
    Path("out.yaml").write_text("an older export, longer than nothing\n", encoding="utf-8")
    opened = os.stat("out.yaml").st_ino
    with standard_output_on("out.yaml", "wb"):
        assert raci("export", vego, "-o", "/dev/stdout", "--format", "json").code == 0
    assert Path("out.yaml").read_text(encoding="utf-8") == exported(
        raci, vego, "--format", "json")
    assert os.stat("out.yaml").st_ino == opened


def test_a_schema_that_cannot_be_written_beside_the_model_file_is_a_warning(
        raci: Raci, vego: str) -> None:
    """The model file asked for is written: the command succeeds and says,
    in one line, why the schema is not there."""
    Path(SCHEMA_FILE).symlink_to("gone/raci-model.schema.json")
    result = raci("export", vego, "-o", "org.yaml")
    assert result.code == 0
    assert Path("org.yaml").read_text(encoding="utf-8") == exported(raci, vego)
    assert result.err.splitlines() == [
        "wrote org.yaml",
        f"raci: warning: {SCHEMA_FILE}: cannot write the file: No such file or directory; the "
        f"model file is written: once that is fixed, `raci schema -o {SCHEMA_FILE}` writes the "
        "schema editors check it against"]


def test_a_baseline_to_standard_output_on_a_file_is_written_where_it_stands(
        raci: Raci, vego: str) -> None:
    """``raci lint vego.db --write-baseline /dev/stdout >> log.txt``: after
    what the log holds (it emptied the log), as every other output."""
    assert raci("lint", vego, "--write-baseline", "base.json").code in (0, 1)
    Path("log.txt").write_text("before\n", encoding="utf-8")
    with standard_output_on("log.txt", "ab"):
        assert raci("lint", vego, "--write-baseline", "/dev/stdout").code in (0, 1)
    assert Path("log.txt").read_text(encoding="utf-8") == (
        "before\n" + Path("base.json").read_text(encoding="utf-8"))


@contextmanager
def files_cut_off_at(size: int) -> Iterator[None]:
    """No file written past `size` bytes, as on a full disk: a write past it
    fails (EFBIG) rather than stopping the process."""
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, limits[1]))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
        signal.signal(signal.SIGXFSZ, handler)


def test_a_drawing_that_cannot_be_written_leaves_the_one_there(tmp_path: Path) -> None:
    """A drawing (``raci diagram -o``, the app's) written on a full disk: the
    one there stays whole (it was emptied and cut off where the disk filled)."""
    drawing = tmp_path / "goals.svg"
    drawing.write_bytes(b"<svg>the drawing of yesterday</svg>\n")
    with files_cut_off_at(20), pytest.raises(RaciError) as refused:
        write_drawing(drawing, b"<svg>" + b"today's drawing, a larger one " * 10 + b"</svg>\n")
    assert str(refused.value) == f"{drawing}: cannot write the drawing: File too large"
    assert drawing.read_bytes() == b"<svg>the drawing of yesterday</svg>\n"
    assert list(tmp_path.iterdir()) == [drawing]  # no temporary left


def test_no_drawing_is_written_over_a_database(
        raci: Raci, vego: str, vego_database: bytes) -> None:
    """The file a drawing goes to is checked, not only the one -o names: in
    a folder (``-o out/`` writes out/goals.dot) and each part of a split."""
    Path("out").mkdir()
    Path("out/goals.dot").write_bytes(vego_database)
    refused = raci("diagram", vego, "--view", "goals", "-o", "out/")
    assert refused.code == 2
    assert refused.err.splitlines()[-1] == (
        "raci: out/goals.dot is a SQLite database: writing there would lose it; name another "
        "file")
    Path("org-2.svg").write_bytes(vego_database)
    with pytest.raises(UsageError):
        write_parts(Path("org.svg"), "svg", [b"<svg/>"] * 3, PAGES[DEFAULT_PAGE])
    assert Path("out/goals.dot").read_bytes() == Path("org-2.svg").read_bytes() == vego_database


@pytest.mark.parametrize("split", [(), ("--split", "unit")], ids=["folder", "split"])
def test_a_database_where_a_drawing_goes_is_refused_before_any_layout(
        raci: Raci, vego: str, vego_database: bytes, monkeypatch: pytest.MonkeyPatch,
        split: tuple[str, ...]) -> None:
    """The file in the folder -o names, and the numbered files of a split,
    were checked once drawn: a large view was laid out for minutes, then
    refused. With no Graphviz to lay anything out, the database is refused
    all the same, and nothing else is said or written."""
    target = Path("out/org-1.svg" if split else "out/org.svg")
    target.parent.mkdir()
    target.write_bytes(vego_database)
    monkeypatch.setenv("PATH", "")
    refused = raci("diagram", vego, "--view", "org", "--format", "svg", *split, "-o", "out/")
    assert (refused.code, refused.out, refused.err) == (2, "", (
        f"raci: {target} is a SQLite database: writing there would lose it; name another "
        "file\n"))
    assert list(target.parent.glob("*.svg")) == [target]  # no drawing, no part of one
    assert target.read_bytes() == vego_database
