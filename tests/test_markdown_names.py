"""A name holding Markdown's characters shows as written wherever raci
writes a finding's message in Markdown: `raci lint --format markdown`, the
report, review minutes, `raci scenario show` and `compare`, `raci diff`, and
the app (whose markup reads a message as inline Markdown). The message's
own Markdown (a code word) stays Markdown, and the text, JSON and github
outputs keep the name as it is."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci
from markdown_it import MarkdownIt
from rich.text import Text

from raci.lint.engine import lint_model
from raci.lint.message import markdown_said, said
from raci.source import open_model
from raci.tui.markup import finding_message

HARD_NAME = "R&D *kern* [team] | x"
"""The name of r.dg-ke, one of the two Accountables OWN002 names on g.co2-gebouwen."""
SHOWN = "R&amp;D *kern* [team] | x"
"""The name as rendered HTML shows it: as written."""


def rendered(markdown: str) -> str:
    """Markdown as a viewer shows it (CommonMark with GitHub's tables), as HTML."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def shown_as_written(markdown: str) -> None:
    html = rendered(markdown)
    assert SHOWN in html  # no emphasis, no link text, the table cell not cut at the pipe
    assert "<em>kern</em>" not in html


@pytest.fixture
def hard(tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> str:
    """hard.yaml and hard.db: the sample, with r.dg-ke named `HARD_NAME`."""
    monkeypatch.chdir(tmp_path)
    sample = SAMPLE.read_text(encoding="utf-8")
    text = sample.replace("name: Directeur-Generaal Klimaat en Energie", f'name: "{HARD_NAME}"')
    assert text != sample
    Path("hard.yaml").write_text(text, encoding="utf-8")
    assert raci("import", "hard.yaml", "--into", "hard.db").code == 0
    return "hard.db"


def test_lint_markdown_shows_a_name_as_written_and_text_and_json_keep_it(
        raci: Raci, hard: str) -> None:
    markdown = raci("lint", hard, "--format", "markdown", "--fail-on", "never").out
    shown_as_written(markdown)
    own002 = next(line for line in markdown.splitlines() if "| OWN002 |" in line)
    assert own002.count(" | ") == 6  # seven cells: the name's pipe ends none
    text = raci("lint", hard, "--fail-on", "never").out
    assert f"{HARD_NAME} (r.dg-ke)" in text
    messages = [f["message"] for f in json.loads(
        raci("lint", hard, "--format", "json", "--fail-on", "never").out)["findings"]]
    assert any("r.dg-ke" in m for m in messages)
    assert not any("\\*" in m for m in messages)


def test_lint_markdown_suggestions_show_a_name_as_written(raci: Raci, hard: str) -> None:
    markdown = raci("lint", hard, "--format", "markdown", "--select", "OWN002", "--suggest",
                    "--fail-on", "never").out
    suggestions = markdown[markdown.index("### Suggestions"):]
    shown_as_written(suggestions)


def test_the_reports_markdown_shows_a_name_as_written(raci: Raci, hard: str) -> None:
    assert raci("report", hard, "-o", "report.md").code == 0
    report = Path("report.md").read_text(encoding="utf-8")
    findings = report[report.index("\n## Findings by rule"):]
    shown_as_written(findings[:findings.index("\n## ", 1)])


def test_review_minutes_show_a_name_as_written(
        raci: Raci, hard: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("q\n"))
    done = raci("review", hard, "--author", "eva", "-o", "minutes.md")
    assert done.code == 0, done.err
    minutes = Path("minutes.md").read_text(encoding="utf-8")
    shown_as_written(minutes)


def test_a_scenario_in_markdown_shows_a_name_as_written(raci: Raci, hard: str) -> None:
    for args in (("scenario", "new", hard, "plan"), ("scenario", "new", hard, "other"),
                 ("unassign", hard, "g.co2-gebouwen", "r.dg-vb", "--scenario", "plan")):
        assert raci(*args).code == 0
    show = raci("scenario", "show", hard, "plan", "--format", "markdown").out
    shown_as_written(show[show.index("###"):])
    compared = raci("scenario", "compare", hard, "plan", "other", "--format", "markdown").out
    shown_as_written(compared)
    assert HARD_NAME in raci("scenario", "show", hard, "plan").out


def test_a_diff_in_markdown_shows_a_name_as_written(raci: Raci, hard: str) -> None:
    assert raci("unassign", hard, "g.co2-gebouwen", "r.dg-ke").code == 0
    markdown = raci("diff", "hard.yaml", hard, "--format", "markdown").out
    removed = markdown[markdown.index("Assignments removed"):]
    shown_as_written(removed[:removed.index("###")])  # the assignment's line
    shown_as_written(markdown[markdown.index("Findings resolved"):])  # OWN002's message


def test_the_app_shows_a_name_as_written(hard: str) -> None:
    """The app's markup reads a message as inline Markdown (`finding_message`)."""
    own002 = next(f for f in lint_model(open_model(hard)) if f.code == "OWN002"
                  and "r.dg-ke" in f.message)
    shown = Text.from_markup(finding_message(own002))
    assert f"{HARD_NAME} (r.dg-ke)" in shown.plain
    assert not any("italic" in str(span.style) for span in shown.spans)


def test_a_messages_own_markdown_stays_markdown() -> None:
    """A value the template shows as code is left as it is: Markdown shows
    a code span as written, backslashes and all."""
    message = said("add `{fact}` to `org.not_recorded` for {name}",
                   fact="success_criteria", name="a_b")
    assert markdown_said(message) == "add `success_criteria` to `org.not_recorded` for a\\_b"
