"""Every temporary folder raci makes (Graphviz's files, the report's page,
Chromium's profile, the demo's database) is made by one helper
(`raci.formats.writing.temporary_folder`): where TMPDIR is full, or no
folder can be made there, the user reads one line naming the folder and
what to do, and the command exits 2. A full disk is a real one: a tiny
tmpfs, which only root can mount."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci

ROOM_LEFT = 4 * 1024
"""What the full disk still holds free: room for the check Python makes
before it uses TMPDIR, not for a drawing's source or a sample."""
SAID = ("raci: {folder}: cannot write {what}: No space left on device; "
        "free space there or set TMPDIR to a folder with room\n")
GEZEGD = ("raci: {folder}: kan {what} niet schrijven: de schijf is vol; "
          "maak daar ruimte vrij of zet TMPDIR op een map met ruimte\n")


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs filled but for `ROOM_LEFT`."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a tmpfs to fill needs root")
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"no tmpfs could be mounted: {mounted.stderr.decode().strip()}")
    try:
        (folder / "filler").write_bytes(bytes(64 * 1024 - ROOM_LEFT))
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def raci_in(tmpdir: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """raci in a process of its own, so Python picks its temporary folder afresh."""
    return subprocess.run([sys.executable, "-m", "raci", *map(str, args)], capture_output=True,
                          text=True, check=False, env={**os.environ, "TMPDIR": str(tmpdir)})


@pytest.mark.parametrize("lang, said", [("en", SAID), ("nl", GEZEGD)])
def test_a_diagram_with_tmpdir_full(full_disk: Path, tmp_path: Path, lang: str,
                                    said: str) -> None:
    what = {"en": "a temporary file for Graphviz", "nl": "een tijdelijk bestand voor Graphviz"}
    done = raci_in(full_disk, "diagram", SAMPLE, "--view", "bodies", "--format", "svg",
                   "-o", tmp_path / "bodies.svg", "--lang", lang)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == said.format(folder=full_disk, what=what[lang])
    assert not (tmp_path / "bodies.svg").exists()


def test_a_pdf_report_with_tmpdir_full(full_disk: Path, tmp_path: Path) -> None:
    """The page Chromium prints is written first: no Chromium is needed to see it refused."""
    done = raci_in(full_disk, "report", SAMPLE, "-o", tmp_path / "report.pdf")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == SAID.format(folder=full_disk, what="the report's page for Chromium")
    assert not (tmp_path / "report.pdf").exists()


def test_the_demo_with_tmpdir_full(full_disk: Path, raci: Raci,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("raci.cli.app_commands._need_terminal", lambda command: None)
    monkeypatch.setattr(tempfile, "tempdir", str(full_disk))
    done = raci("demo")
    assert (done.code, done.out) == (2, "")
    assert done.err == SAID.format(folder=full_disk, what="the demo database")
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler"]  # no half-made demo


@pytest.mark.parametrize("args, what", [
    (("diagram", SAMPLE, "--view", "bodies", "--format", "svg"),
     "a temporary file for Graphviz"),
    (("report", SAMPLE, "-o", "report.pdf"), "the report's page for Chromium"),
    (("demo",), "the demo database"),
], ids=["diagram", "report", "demo"])
def test_no_temporary_folder_can_be_made(raci: Raci, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch,
                                         args: tuple[str | Path, ...], what: str) -> None:
    """Where Python finds no folder it can write in (TMPDIR, /tmp, /var/tmp
    and the working folder all refused), the line names the folder asked for."""
    missing = tmp_path / "missing"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("raci.cli.app_commands._need_terminal", lambda command: None)
    monkeypatch.setattr(tempfile, "tempdir", str(missing))
    done = raci(*args)
    assert (done.code, done.out) == (2, "")
    assert done.err == (f"raci: {missing}: cannot write {what}: No such file or directory; "
                        "set TMPDIR to a folder you can write in\n")
    assert not (tmp_path / "report.pdf").exists()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium prints the PDF")
def test_chromium_prints_with_tmpdir_missing(tmp_path: Path) -> None:
    """Python falls back to /tmp where TMPDIR is missing; Chromium did not,
    and failed with its own words: it now keeps its files in raci's folder."""
    done = raci_in(tmp_path / "missing", "report", SAMPLE, "-o", tmp_path / "report.pdf")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
