"""raci in Dutch and English: the catalogue is complete, the language is
chosen as documented, and what the user reads is in that language.

The catalogue is checked against the code itself: ``pybabel extract`` with
the project's ``babel.cfg`` (as scripts/catalogues runs it) lists every text
the program says, and each must have a Dutch translation with the same
placeholders; the catalogue holds no text the code no longer says.
"""

from __future__ import annotations

import datetime as dt
import string
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from raci.i18n import LOCALE_DIR, format_date, ngettext, set_language
from tests.conftest import Raci

ROOT = Path(__file__).parent.parent
DUTCH = LOCALE_DIR / "nl" / "LC_MESSAGES" / "raci.po"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    template = tmp_path_factory.mktemp("extract") / "raci.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    done = subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "-o", str(template), "."],
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
    missing = [forms(m)[0] for m in extracted if m.id and dutch.get(m.id) is None]
    assert missing == [], "run scripts/catalogues and translate"
    untranslated = [forms(m)[0] for m in dutch if m.id and
                    (m.fuzzy or not all(translations(m)))]
    assert untranslated == []
    stale = [forms(m)[0] for m in dutch if m.id and extracted.get(m.id) is None]
    assert stale == [], "texts the code no longer says: run scripts/catalogues"


def test_each_translation_keeps_the_placeholders(dutch: Catalog) -> None:
    brace = [m for m in dutch if m.id and "python-brace-format" in m.flags]
    assert len(brace) > 10
    wrong = [(forms(m)[0], text) for m in brace for text in translations(m)
             if fields(text) != fields(forms(m)[-1]) and fields(text) != fields(forms(m)[0])]
    assert wrong == []


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
