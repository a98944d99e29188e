"""`raci report` to standard output: the format comes from the file's suffix,
and `-o /dev/stdout` (or `-o -`) has none, so `--format` says it; without
it, one line says to give it. A Markdown report writes its charts beside
it, so it needs a file."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest
from conftest import SAMPLE, Raci


@pytest.mark.parametrize("output", ["/dev/stdout", "-"])
def test_an_html_report_goes_to_standard_output_with_format(output: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "raci", "report", SAMPLE, "-o", output, "--format", "html"],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and done.stdout.endswith("</html>\n")


@pytest.mark.parametrize("output", ["/dev/stdout", "-"])
def test_standard_output_without_format_is_one_line_asking_for_it(
        raci: Raci, output: str) -> None:
    done = raci("report", SAMPLE, "-o", output)
    assert (done.code, done.out) == (2, "")
    assert done.err == (f"raci: -o {output}: the report is written as .html, .pdf or .md; "
                        "name the file so, or give --format html, pdf or md\n")


def test_a_format_the_suffix_contradicts_is_refused(raci: Raci) -> None:
    done = raci("report", SAMPLE, "-o", "review.pdf", "--format", "html")
    assert (done.code, done.err) == (2, "raci: -o review.pdf is a .pdf file but --format is "
                                        "html; name the file .html or leave --format out\n")


def test_markdown_needs_a_file_for_its_charts(raci: Raci) -> None:
    done = raci("report", SAMPLE, "-o", "-", "--format", "md")
    assert (done.code, done.out) == (2, "")
    assert done.err == ("raci: -o -: a Markdown report writes its charts beside it as files; "
                        "name a .md file, or give --format html\n")


def test_a_reader_that_stops_early_is_a_normal_end() -> None:
    """`raci report … -o - --format html | head`, as `raci lint | head`."""
    done = subprocess.run(
        f"{shlex.quote(sys.executable)} -m raci report {shlex.quote(str(SAMPLE))} -o - "
        "--format html | head -c 15", shell=True, capture_output=True, text=True, check=False)
    assert (done.stdout, done.stderr) == ("<!DOCTYPE html>", "")
