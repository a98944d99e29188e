"""No untranslated text in what raci shows: the review handout (HTML and
Markdown) of every sample organisation, every diagram view's drawing, and
the spreadsheet export's headers, read in the pseudo-language
(`tests.pseudo_language`), where every translated text stands between
markers. A word outside them that is not the model's own data was never
translated: the test names it and where it showed. The app's screens are
walked in `tests/test_untranslated_app.py`."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci

from raci.export.matrix import markdown_text
from raci.export.split import SPLITS
from raci.formats.files import read_model
from tests.pseudo_language import OPEN, file_words, leftover, model_words

ROOT = Path(__file__).parent.parent
SAMPLES = sorted((ROOT / "raci" / "sample_orgs").glob("*.yaml"))
VIEWS = ("org", "raci", "bodies", "goals", "decisions")



@pytest.fixture(autouse=True)
def rule_docs_read_anew(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rules' documentation as the pseudo-language says it: not as a test
    before, in the same process, had it translated into Dutch (raci keeps a
    rule's translated documentation per language, not per catalogue)."""
    from raci.lint import ruledoc

    monkeypatch.setattr(ruledoc, "_TRANSLATED", {})


def untranslated(text: str, data: set[str]) -> list[str]:
    """The untranslated words of `text`, each with (the start of) the lines it is on."""
    assert OPEN in text, "nothing was translated: the pseudo-language is not in use"
    words = sorted(set(leftover(text, data)))
    return [f"{word}: " + " | ".join(line.strip() for line in text.splitlines()
                                     if re.search(rf"(?<!\w){word}(?!\w)", line))[:300]
            for word in words]


def without_shortened(text: str, data: set[str]) -> str:
    """`text` without the lines that are a name of `data` cut short with an
    ellipsis (a chart's label: "Bestuurlijk Overleg Netca…")."""
    def shortened(line: str) -> bool:
        # a chart's label: "4  Crisisteam…", the second body of a pair "& Bestuurlijk…"
        name = re.sub(r"^(\d+|&)\s+", "", line.strip())
        return name.endswith("…") and any(word.startswith(name[:-1]) for word in data)

    return "\n".join(line for line in text.splitlines() if not shortened(line))


def sample_words(path: Path) -> set[str]:
    return model_words(read_model(path).model) | file_words(path) | {str(path)}


def page_text(page: str) -> str:
    """What a reader of an HTML page (or SVG drawing) reads: its text, each
    element's on a line of its own, without the style sheets and without
    the names an SVG gives its parts for programs (``<title>``)."""
    page = re.sub(r"<style.*?</style>|<title>.*?</title>|<metadata.*?</metadata>", " ", page,
                  flags=re.S)
    page = re.sub(r"<wbr\s*/?>", "", page)  # where a name may break: still one word
    return html.unescape(re.sub(r"<[^>]+>", "\n", page))


HANDOUTS = [*((sample, ".html") for sample in SAMPLES), (SAMPLE, ".md")]
"""The HTML handout of every sample; the Markdown one says the same texts
but its headings and diagrams' headings, drawn anew for each (slow): one."""
DRAWN = [ROOT / "raci" / "sample_orgs" / name for name in ("energietransitie.yaml",
                                                         "politie-digitaal.yaml")]
"""Samples whose every view is drawn (a large one and a small one)."""


@pytest.mark.parametrize(("sample", "suffix"), HANDOUTS,
                         ids=[f"{sample.stem}{suffix}" for sample, suffix in HANDOUTS])
def test_the_handout(raci: Raci, pseudo: None, tmp_path: Path, sample: Path,
                     suffix: str) -> None:
    report = tmp_path / f"handout{suffix}"
    done = raci("report", sample, "-o", report, "--lang", "nl")
    assert done.code == 0, done.err
    text = report.read_text(encoding="utf-8")
    text = page_text(text) if suffix == ".html" else text
    written = {path.name for path in tmp_path.iterdir()}  # the Markdown's charts beside it
    data = sample_words(sample) | written | {markdown_text(str(sample))}
    assert untranslated(without_shortened(text, data) + done.out + done.err, data) == []


def mermaid_text(source: str) -> str:
    """What a Mermaid drawing shows: its labels (the quoted texts), not its syntax."""
    labels = re.findall(r'"([^"]*)"', source)
    return html.unescape(re.sub(r"<[^>]+>", "\n", "\n".join(labels)))


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("sample", DRAWN, ids=lambda p: p.stem)
def test_every_diagram_view(raci: Raci, pseudo: None, tmp_path: Path, sample: Path,
                            view: str) -> None:
    """Drawn by dot (its title, key, nodes' lines, findings' colours) and in
    Mermaid, with the warning when it does not read on an A4 page."""
    svg = tmp_path / f"{view}.svg"
    drawn = raci("diagram", sample, "--view", view, "--highlight-findings", "--page", "a4",
                 "-o", svg, "--lang", "nl")
    assert drawn.code == 0, drawn.err
    mermaid = raci("diagram", sample, "--view", view, "--highlight-findings",
                   "--format", "mermaid", "--lang", "nl")
    assert mermaid.code == 0, mermaid.err
    data = sample_words(sample) | {svg.name, str(svg)}
    assert untranslated(page_text(svg.read_text(encoding="utf-8")) + drawn.err, data) == []
    assert untranslated(mermaid_text(mermaid.out), data) == []


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_split_into_parts(raci: Raci, pseudo: None, tmp_path: Path,
                                     view: str) -> None:
    """Each part's subtitle ("Part 2 of 5: … · continues in part 1") and the
    connectors to the other parts."""
    done = raci("diagram", SAMPLE, "--view", view, "--split", SPLITS[view], "--page", "a4",
                "-o", tmp_path / f"{view}.svg", "--lang", "nl")
    assert done.code == 0, done.err
    parts = sorted(tmp_path.glob("*.svg"))
    assert len(parts) > 1
    data = sample_words(SAMPLE) | {str(part) for part in parts} | {part.name for part in parts}
    for part in parts:
        assert untranslated(page_text(part.read_text(encoding="utf-8")) + done.out + done.err,
                            data) == [], part.name


def test_the_spreadsheet_export(raci: Raci, pseudo: None, tmp_path: Path) -> None:
    """Every sheet's name and every cell a reader sees: titles, headers, kinds,
    findings (not the hidden row of ``raci:`` keys an import reads)."""
    from openpyxl import load_workbook

    workbook = tmp_path / "matrix.xlsx"
    done = raci("export", SAMPLE, "-o", workbook, "--lang", "nl")
    assert done.code == 0, done.err
    book = load_workbook(workbook, read_only=True)
    data = sample_words(SAMPLE) | {workbook.name}
    names = [name for name in book.sheetnames  # a name cut to Excel's 31 letters
             if not any(word.startswith(name.strip()) for word in data)]
    cells = [str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
             for cell in row if cell is not None and not str(cell).startswith("raci:")]
    text = "\n".join([*names, *cells, done.out, done.err])
    assert untranslated(text, data | {str(workbook)}) == []
