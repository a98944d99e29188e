"""raci in Dutch and English: the catalogue is complete, the language is
chosen as documented, and what the user reads is in that language.

The catalogue is checked against the code itself: ``pybabel extract`` with
the project's ``babel.cfg`` (as scripts/catalogues runs it) lists every text
the program says, and each must have a Dutch translation with the same
placeholders; the catalogue holds no text the code no longer says.
"""

from __future__ import annotations

import datetime as dt
import errno
import html
import re
import string
import subprocess
import sys
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from raci.i18n import LOCALE_DIR, _, format_date, format_percent, ngettext, os_reason, set_language
from tests.conftest import SAMPLE, Raci

ROOT = Path(__file__).parent.parent
DUTCH = LOCALE_DIR / "nl" / "LC_MESSAGES" / "raci.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    template = tmp_path_factory.mktemp("extract") / "raci.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    done = subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "-k", "NP_:1c,2",
                           "-k", "counted:1,2",
                           "-o", str(template), "."],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    with template.open("rb") as text:
        return read_po(text)


@pytest.fixture(scope="module")
def dutch() -> Catalog:
    with DUTCH.open("rb") as text:
        return read_po(text, locale="nl")


def forms(message: Message) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def translations(message: Message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def fields(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text)
            if name is not None}


def test_the_catalogue_has_every_text_the_code_says(extracted: Catalog, dutch: Catalog) -> None:
    missing = [forms(m)[0] for m in extracted
               if m.id and dutch.get(m.id, context=m.context) is None]
    assert missing == [], "run scripts/catalogues and translate"
    untranslated = [forms(m)[0] for m in dutch if m.id and
                    (m.fuzzy or not all(translations(m)))]
    assert untranslated == []
    stale = [forms(m)[0] for m in dutch if m.id and extracted.get(m.id, context=m.context) is None]
    assert stale == [], "texts the code no longer says: run scripts/catalogues"


def test_each_translation_keeps_the_placeholders(dutch: Catalog) -> None:
    brace = [m for m in dutch if m.id and "python-brace-format" in m.flags]
    assert len(brace) > 10
    wrong = [(forms(m)[0], text) for m in brace for text in translations(m)
             if fields(text) != fields(forms(m)[-1]) and fields(text) != fields(forms(m)[0])]
    assert wrong == []


def test_a_dutch_message_names_a_placeholder_as_the_dutch_help_does(dutch: Catalog) -> None:
    """``geef -o PAD``, as `raci diagram --help` says ``-o, --output PAD``: a
    message says a usage placeholder in the reader's language. (A help text
    keeps them in English in the catalogue: `said_with_placeholders` says
    them as it is shown.)"""
    from raci.cli import cli
    from raci.cli.language import help_texts, placeholder_words

    helps = {text for text, _where in help_texts(cli, "raci")}
    said_otherwise = {word for word in placeholder_words(cli)
                      if (known := dutch.get(word)) is not None and known.string != word}
    assert {"FILE", "PATH", "NAME"} <= said_otherwise
    english = re.compile(r"\b(?:" + "|".join(sorted(said_otherwise)) + r")\b")
    left = [text for m in dutch if m.id and forms(m)[0] not in helps
            and forms(m)[0] not in said_otherwise
            for text in translations(m) if english.search(text)]
    assert left == []


def test_a_number_decides_the_form(raci: Raci) -> None:
    set_language("nl")
    one, three = (ngettext("{count} finding", "{count} findings", n).format(count=n)
                  for n in (1, 3))
    assert (one, three) == ("1 bevinding", "3 bevindingen")
    set_language("en")
    assert ngettext("{count} finding", "{count} findings", 1).format(count=1) == "1 finding"


def test_a_date_in_running_text() -> None:
    day = dt.date(2026, 11, 1)
    set_language("nl")
    assert format_date(day) == "1 november 2026"
    set_language("en")
    assert format_date(day) == "1 November 2026"


def test_a_percentage_rounds_a_half_up_as_a_reader_does() -> None:
    assert format_percent(10 / 16) == "63%"  # Babel alone rounds to even: 62%
    assert format_percent(3 / 8) == "38%" and format_percent(0.624) == "62%"


def test_the_systems_reason_is_said_in_the_users_language() -> None:
    missing = OSError(errno.ENOENT, "No such file or directory")
    odd = OSError(errno.ELOOP, "Too many levels of symbolic links")
    assert os_reason(missing) == "No such file or directory"
    set_language("nl")
    assert os_reason(missing) == "bestand of map bestaat niet"
    assert os_reason(OSError(errno.EACCES, "Permission denied")) == "geen toestemming"
    assert os_reason(odd) == "Too many levels of symbolic links"  # the system's text


# ---- choosing the language --------------------------------------------------------------


def said_by_new(raci: Raci, folder: Path, *args: str) -> str:
    done = raci("new", folder / f"{len(list(folder.iterdir()))}.db", *args)
    assert done.code == 0, done.err
    return done.out


def test_lang_then_raci_lang_then_the_setting_then_the_locale(
        raci: Raci, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert "created" in said_by_new(raci, tmp_path)  # English by default
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert "aangemaakt" in said_by_new(raci, tmp_path)
    (tmp_path / "raci.toml").write_text('[raci]\nlang = "en"\n', encoding="utf-8")
    assert "created" in said_by_new(raci, tmp_path)  # the setting over the locale
    monkeypatch.setenv("RACI_LANG", "nl")
    assert "aangemaakt" in said_by_new(raci, tmp_path)  # RACI_LANG over the setting
    assert "created" in said_by_new(raci, tmp_path, "--lang", "en")  # --lang over all
    assert "created" in said_by_new(raci, tmp_path, "--lang=en")
    monkeypatch.setenv("RACI_LANG", "fr")  # not spoken: passed over
    assert "created" in said_by_new(raci, tmp_path)


def test_the_setting_in_pyproject_and_a_wrong_one(
        raci: Raci, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.raci]\nlang = "nl"\n', encoding="utf-8")
    assert "aangemaakt" in said_by_new(raci, tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.raci]\nlang = "fr"\n', encoding="utf-8")
    set_language("en")  # as a new process starts: the setting refused before any is chosen
    model = ROOT / "raci" / "sample_orgs" / "energietransitie.yaml"
    done = raci("lint", model, "--config", tmp_path / "pyproject.toml")
    assert done.code == 2 and "lang: must be one of en, nl, not 'fr'" in done.err
    for config in ("pyproject.toml", "raci.toml"):  # every command, not only lint
        (tmp_path / "pyproject.toml").unlink(missing_ok=True)
        table = "[tool.raci]" if config == "pyproject.toml" else "[raci]"
        (tmp_path / config).write_text(f'{table}\nlang = "fr"\n', encoding="utf-8")
        done = raci("validate", model)
        assert done.code == 2, done.out
        assert done.err == f"raci: {tmp_path / config}:2:1: lang: must be one of en, nl, not 'fr'\n"


def test_a_wrong_lang_is_refused_in_one_line(raci: Raci) -> None:
    done = raci("--lang", "fr", "--help")
    assert done.code == 2
    assert done.err == "raci: --lang: 'fr' is not one of en, nl\n"


def test_lang_is_allowed_anywhere_and_click_speaks_it_too(raci: Raci, tmp_path: Path) -> None:
    done = raci("new", tmp_path / "x.db", "--lang", "nl", "--colour")
    assert done.code == 2
    assert done.err == "raci: Optie '--colour' bestaat niet; zie `raci new --help`\n"


# ---- what the user reads ----------------------------------------------------------------


def english_left(text: str, dutch: Catalog) -> list[str]:
    """The English sentences of the catalogue (those it translates to other
    words) found in `text`, whitespace aside."""
    flat = " ".join(text.split())
    return [m.id for m in dutch if isinstance(m.id, str) and len(m.id) > 12
            and m.id != m.string and "{" not in m.id and " ".join(m.id.split()) in flat]


def command_paths() -> list[tuple[str, ...]]:
    from raci.cli import cli
    from raci.cli.language import help_texts

    return sorted({tuple(where.split()[1:-1]) for _text, where in help_texts(cli, "raci")
                   if where.endswith("--help")})


def test_every_commands_help_in_dutch(raci: Raci, dutch: Catalog) -> None:
    paths = command_paths()
    assert ("scenario", "merge") in paths and ("lint",) in paths and () in paths
    for path in paths:
        english = raci(*path, "--help")
        done = raci(*path, "--help", "--lang", "nl")
        assert done.code == 0 and english.code == 0
        assert "Gebruik:" in done.out and "Opties:" in done.out, path
        assert english_left(done.out, dutch) == [], path
        assert english_left(english.out, dutch), path  # the check can see English


def test_each_group_lists_its_commands_in_dutch(raci: Raci) -> None:
    from raci.cli import cli
    from raci.cli.language import help_text, subcommands

    groups = [((), cli), *(((name,), group) for name, group in subcommands(cli).items()
                          if isinstance(group, click.Group))]
    assert len(groups) > 1
    for path, group in groups:
        listing = raci(*path, "--help", "--lang", "nl").out
        for name, command in subcommands(group).items():
            assert help_text(command)[:30] not in listing, (*path, name)


def test_plurals_in_what_the_commands_say(raci: Raci, tmp_path: Path) -> None:
    model = ROOT / "raci" / "sample_orgs" / "energietransitie.yaml"
    done = raci("validate", model, "--lang", "nl")
    assert done.code == 0
    assert "in orde (129 entiteiten en " in done.out and " toewijzingen)" in done.out
    database = tmp_path / "org.db"
    raci("new", database)
    raci("add", database, "person", "p.een", "--name", "Een")
    done = raci("assign", database, "p.een", "R", "p.een", "--lang", "nl")
    assert done.err == ("raci: p.een is een persoon; hier hoort een item (doel, initiatief, "
                        "besluit of indicator)\n")
    done = raci("lint", database, "--lang", "nl")
    assert "in 1 model." in done.out


def test_the_vocabulary_in_both_languages() -> None:
    from raci.vocabulary import BODY_KIND_NAMES, KIND_TITLES, LETTER_WORDS

    set_language("nl")
    assert [BODY_KIND_NAMES[k] for k in BODY_KIND_NAMES] == [
        "stuurgroep", "programmaraad", "portfolioraad", "taskforce", "crisisteam", "werkgroep",
        "commissie", "adviesraad", "overig"]
    assert (KIND_TITLES["body"], LETTER_WORDS["A"]) == ("Gremia", "Eindverantwoordelijk")
    set_language("en")
    assert (KIND_TITLES["body"], LETTER_WORDS["A"]) == ("Bodies", "Accountable")
    assert _("Bodies") == "Bodies"




def test_a_dutch_workbook_has_dutch_headers_and_reads_back(raci: Raci, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    workbook, database = tmp_path / "matrix.xlsx", tmp_path / "terug.db"
    assert raci("export", SAMPLE, "-o", workbook, "--lang", "nl").code == 0
    book = load_workbook(workbook, read_only=True)
    first = book[book.sheetnames[0]]
    header = [cell.value for cell in next(first.iter_rows(min_row=3, max_row=3))]
    assert header[:4] == ["Id", "Soort", "Doel", "Item"]
    kinds = {row[1] for row in first.iter_rows(min_row=4, values_only=True)}
    assert kinds <= {"doel", "initiatief", "besluit", "indicator"} and "doel" in kinds
    assert book.sheetnames[-1] == "Bevindingen"
    findings = next(book["Bevindingen"].iter_rows(max_row=1, values_only=True))
    assert findings == ("Code", "Niveau", "Regel", "Melding", "Betreft", "Uitgezonderd")
    assert raci("import", SAMPLE, "--into", database).code == 0
    done = raci("import", workbook, "--into", database, "--replace")  # its letters, all of them
    assert done.code == 0, done.err
    english = raci("export", database, "--format", "csv").out
    assert english.splitlines()[2].startswith("Id,Kind,Goal,Item,")
    original = raci("export", SAMPLE, "--format", "csv").out
    assert sorted(english.splitlines()[3:]) == sorted(original.splitlines()[3:])


def test_no_text_is_translated_inside_an_f_string() -> None:
    """``pybabel extract`` does not look inside f-strings: a ``{_("…")}`` there
    would never reach the catalogue."""
    hidden = [f"{path.relative_to(ROOT)}:{number}"
              for path in sorted((ROOT / "raci").rglob("*.py"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"""\{_\(["']""", line)]
    assert hidden == []


def report_text(raci: Raci, folder: Path, language: str) -> str:
    """The report's text; the rules' own explanations and the findings'
    messages (each section's paragraphs, domain `rules`) are left out."""
    report = folder / f"report-{language}.html"
    done = raci("report", SAMPLE, "-o", report, "--lang", language)
    assert done.code == 0, done.err
    page = report.read_text(encoding="utf-8")
    findings = re.search(r'<section class="part" id="findings">.*?(?=<section class="part")',
                         page, re.S)
    assert findings is not None
    headings = "".join(re.findall(r"<h[23].*?</h[23]>", findings.group(0), re.S))
    page = page.replace(findings.group(0), headings)
    body = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", "\n", body))


def test_the_report_in_dutch(raci: Raci, tmp_path: Path, dutch: Catalog) -> None:
    text = report_text(raci, tmp_path, "nl")
    for expected in ("Governancereview: Programma Versnelling", "peildatum 1 november 2026",
                     "Samenvatting", "Wat het model bevat", "Gremia", "RACI-toewijzingen",
                     "Bevindingen per regel", "RACI-matrix per doelgebied", "Soort",
                     "fouten", "Dekking van de doelen"):
        assert expected in text, expected
    assert english_left(text, dutch) == []
    assert english_left(report_text(raci, tmp_path, "en"), dutch)


def test_the_names_the_vocabulary_lists_are_the_ones_drawn() -> None:
    """The vocabulary names the views and pages for the command line and the
    app without loading the drawing code; these are the ones it draws."""
    from raci.export.page import PAGES
    from raci.export.views import VIEWS
    from raci.model import BODY_KINDS, KINDS
    from raci.vocabulary import BODY_KIND_NAMES, KIND_NAMES, KIND_TITLES, PAGE_NAMES, VIEW_NAMES

    assert tuple(VIEWS) == VIEW_NAMES and tuple(PAGES) == PAGE_NAMES
    assert tuple(BODY_KIND_NAMES) == BODY_KINDS
    assert tuple(KIND_NAMES) == tuple(KIND_TITLES) == tuple(KINDS)


def test_one_english_word_two_meanings_two_dutch_words() -> None:
    """"chairs" is a fact not recorded (the bodies' chairs) and who chairs a
    body: the catalogue tells them apart by context."""
    from raci.tui.describe import INCOMING
    from raci.vocabulary import FACT_WORDS

    set_language("nl")
    assert (FACT_WORDS["chairs"], INCOMING["chair"]) == ("voorzitters", "zit voor")
    set_language("en")
    assert (FACT_WORDS["chairs"], INCOMING["chair"]) == ("chairs", "chairs")
