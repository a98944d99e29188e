"""What a drawing that cannot be made says, in English and in Dutch: one line,
exit 2 where it reaches the command line (a missing `dot`, a file that cannot
be written), and the refusal of a format the library does not draw."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci
from test_diagram_model import warmte_model

from raci.errors import UsageError
from raci.export.dot import to_dot
from raci.export.render import draw, render
from raci.export.views import build_view
from raci.i18n import speak


@pytest.mark.parametrize(("language", "said"), [
    ("en", "raci: the Graphviz program 'dot' was not found; install Graphviz (apt-get install "
           "graphviz, brew install graphviz, or https://graphviz.org/download/), or use "
           "--format dot, which needs no program\n"),
    ("nl", "raci: het Graphviz-programma 'dot' is niet gevonden; installeer Graphviz (apt-get "
           "install graphviz, brew install graphviz of https://graphviz.org/download/), of "
           "gebruik --format dot, dat geen programma nodig heeft\n"),
])
def test_a_missing_dot_is_one_line_in_the_users_language(
        raci: Raci, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, language: str,
        said: str) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no dot on it
    done = raci("diagram", SAMPLE, "--view", "bodies", "--format", "svg", "--lang", language)
    assert (done.code, done.err, done.out) == (2, said, "")


@pytest.mark.parametrize(("language", "said"), [
    ("en", "cannot write the drawing: No space left on device"),
    ("nl", "kan de tekening niet schrijven: de schijf is vol"),  # the system's reason in words
])
def test_a_drawing_that_cannot_be_written_is_one_line_in_the_users_language(
        raci: Raci, language: str, said: str) -> None:
    done = raci("diagram", SAMPLE, "--view", "bodies", "--format", "dot", "-o", "/dev/full",
                "--lang", language)
    assert (done.code, done.err) == (2, f"raci: /dev/full: {said}\n")


@pytest.mark.parametrize(("language", "said"), [
    ("en", "--format gif: choose one of {formats}"),
    ("nl", "--format gif: kies een van {formats}"),
])
def test_a_format_that_is_not_drawn_is_refused_in_the_users_language(
        language: str, said: str) -> None:
    speak(language)
    view = build_view(warmte_model(), "goals")
    with pytest.raises(UsageError) as refused:
        draw(view, "gif")
    assert str(refused.value) == said.format(formats="dot, svg, png, pdf, mermaid")
    with pytest.raises(UsageError) as refused:
        render(to_dot(view), "mermaid")  # any Graphviz source: no Mermaid
    assert str(refused.value) == said.replace("gif", "mermaid").format(
        formats="dot, svg, png, pdf")


FILE_SIZE_LIMIT = """\
import resource, signal, sys
from raci.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))
main(sys.argv[1:])
"""


def test_a_temporary_file_for_dot_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    """A full disk where the drawing's source is handed to `dot` (TMPDIR) is
    the user's to mend, not an internal error. A file size limit stands in
    for the full disk: it refuses the write the same way, without root."""
    done = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMIT, "diagram", SAMPLE, "--view", "bodies",
         "--format", "svg"], capture_output=True, text=True, check=False,
        env={**os.environ, "TMPDIR": str(tmp_path)})
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"raci: {tmp_path}: cannot write a temporary file for Graphviz: "
                           "File too large; free space there or set TMPDIR to a folder "
                           "with room\n")
