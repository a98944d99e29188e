"""An install whose Dutch catalogues were not compiled (no ``.mo``) speaks
English, and says so once, in English, naming the file it looked for: not
silently English where Dutch was asked for."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import SAMPLE

from raci.i18n import LOCALE_DIR_VARIABLE


def test_dutch_without_its_catalogue_says_so_once_and_goes_on_in_english(
        tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "raci", "lint", SAMPLE, "--lang", "nl", "--select", "OWN001"],
        capture_output=True, text=True, check=False,
        env={**os.environ, LOCALE_DIR_VARIABLE: str(tmp_path)})  # a folder with no catalogue
    assert done.returncode == 1, done.stderr  # findings, as in any language
    assert done.stdout.endswith("\n1 error, 0 warnings, 0 infos in 1 model.\n")
    folder = tmp_path / "nl" / "LC_MESSAGES"
    assert done.stderr in {
        f"raci: warning: the Dutch catalogue {folder / domain}.mo is missing, so raci speaks "
        "English; reinstall raci (building it compiles the catalogues)\n"
        for domain in ("raci", "rules")}


def test_english_needs_no_catalogue(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "raci", "lint", SAMPLE, "--lang", "en", "--select", "OWN001"],
        capture_output=True, text=True, check=False,
        env={**os.environ, LOCALE_DIR_VARIABLE: str(tmp_path)})
    assert (done.returncode, done.stderr) == (1, "")
