"""The gettext domain ``rules``: every text of the rules a translation needs,
and the catalogues that translate them kept in step.

The texts are each paragraph, parameter meaning and message shape of each
rule's documentation (`raci.lint.ruledoc.doc_texts`), each template the
rules say their messages with (the calls of `said`, `said_n`, `template`
and `template_n` in ``raci/lint``, found by Babel's extractor), how people
read an entity of each kind in a message, and the rule pages' own words
(`translated`). ``python -m raci.lint.catalogue --write`` brings each
language's ``raci/locale/<lang>/LC_MESSAGES/rules.po`` in step with them,
as ``pybabel update`` does (a new text comes in untranslated, one no longer
used goes), and compiles it to ``rules.mo`` beside it; ``--check`` names
every text that is not translated, as a test does.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import string
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from raci.i18n import LANGUAGES, LOCALE_DIR
from raci.lint.message import SAID_LABELS, SAID_NAMELESS
from raci.lint.ruledoc import doc_texts, rule_doc
from raci.lint.rules import RULES

DOMAIN = "rules"
KEYWORDS = {"said": None, "said_n": (1, 2), "template": None, "template_n": (1, 2),
            "translated": None}
"""The functions whose first argument (two, for a plural) is a template."""
TEMPLATE_COMMENT = "template"
"""The comment that marks a message template, or a message shape of a rule's
page: its placeholders are names, which a translation keeps. A template's
are the names the code fills; a shape's are kept too, as many shapes are
the very templates the code says (one text, one translation), so that a
page in another language names every part that varies as the English one
does, as a command's help keeps the English placeholders of its usage."""
DATE = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
"""The catalogues' dates, fixed so that writing them again changes nothing."""
HEADER = ("# The rules of raci in another language: each rule's documentation and\n"
          "# each message template (domain rules). Kept in step with the rules by\n"
          "# python -m raci.lint.catalogue --write; write each msgstr by hand.")


def texts() -> Catalog:
    """Every text of the domain, in order: the documentation rule by rule,
    then the templates module by module, then the entity labels."""
    catalog = Catalog(domain=DOMAIN, project="raci", creation_date=DATE, fuzzy=False)
    for rule in RULES:
        doc = rule_doc(rule, english=True)
        for text in doc_texts(doc):
            shape = [TEMPLATE_COMMENT] if text in doc.messages else []
            catalog.add(text, auto_comments=[rule.code, *shape])
    lint = Path(__file__).parent
    for file, line, msgid, _, _ in extract_from_dir(lint, keywords=KEYWORDS, comment_tags=()):
        if all((isinstance(msgid, tuple) and msgid) or [msgid]):  # a literal, not a name
            catalog.add(msgid, locations=[(f"raci/lint/{file}", line)],
                        auto_comments=[TEMPLATE_COMMENT])
    for label in (*SAID_LABELS.values(), *SAID_NAMELESS.values()):
        catalog.add(label, auto_comments=[TEMPLATE_COMMENT])
    return catalog


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(language: str) -> Catalog:
    """The language's catalogue as it is (empty when there is none yet)."""
    path = po_path(language)
    if not path.is_file():
        return Catalog(locale=language, domain=DOMAIN, header_comment=HEADER, project="raci",
                       version="0", creation_date=DATE, revision_date=DATE,
                       last_translator="raci", language_team="raci", fuzzy=False)
    with path.open("rb") as po:
        return read_po(po, locale=language, domain=DOMAIN)


def write_catalogue(language: str) -> Catalog:
    """Bring the language's catalogue in step with `texts`, without fuzzy
    guesses (a guess would pass for a translation), and compile it."""
    catalog = read_catalogue(language)
    catalog.update(texts(), no_fuzzy_matching=True, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.revision_date = DATE
    path = po_path(language)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as po:
        write_po(po, catalog, width=100, omit_header=False)
    compile_catalogue(language)
    return catalog


def compile_catalogue(language: str) -> Path:
    """Compile the language's ``rules.po`` to the ``rules.mo`` gettext reads,
    when the ``.mo`` is missing or older; its path."""
    path = po_path(language)
    mo = path.with_suffix(".mo")
    if not mo.is_file() or mo.stat().st_mtime < path.stat().st_mtime:
        # Written aside and moved in whole: another process may be reading it.
        with tempfile.NamedTemporaryFile("wb", dir=mo.parent, delete=False) as compiled:
            write_mo(compiled, read_catalogue(language))
        os.replace(compiled.name, mo)
    return mo


def placeholders(text: str) -> set[str]:
    """The names a template fills: ``{count}``, ``{share:.0%}`` -> count, share."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def untranslated(catalog: Catalog, wanted: Catalog) -> Iterator[str]:
    """What a catalogue lacks of the `wanted` texts, one line each: a text
    with no translation (or a fuzzy one), a text it has that is no longer
    used, a template whose translation does not fill the same placeholders."""
    for message in wanted:
        if not message.id:
            continue
        found = catalog.get(message.id)
        if found is None or found.fuzzy or not all(_forms(found.string)):
            yield f"not translated: {_forms(message.id)[0]!r}"
        elif TEMPLATE_COMMENT in message.auto_comments:
            yield from _misfilled(_forms(message.id), _forms(found.string))
    for message in catalog:
        if message.id and wanted.get(message.id) is None:
            yield f"no longer used: {_forms(message.id)[0]!r}"


def _forms(text: str | tuple[str, ...] | list[str] | None) -> list[str]:
    """A msgid's or msgstr's forms: one, or one per plural form."""
    return [text or ""] if text is None or isinstance(text, str) else list(text)


def _misfilled(ids: list[str], forms: list[str]) -> Iterator[str]:
    wanted = set().union(*map(placeholders, ids))
    for form in forms:
        if placeholders(form) != wanted:
            yield (f"placeholders differ: {ids[0]!r} fills {sorted(wanted)}, "
                   f"its translation {sorted(placeholders(form))}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m raci.lint.catalogue",
                                     description="Keep the rules' catalogues in step.")
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", action="store_true",
                        help="bring each catalogue in step with the rules and compile it")
    action.add_argument("--check", action="store_true",
                        help="exit 1 when a text is not translated")
    write = parser.parse_args(argv).write
    lacking = 0
    for language in LANGUAGES[1:]:
        if write:
            write_catalogue(language)
            print(f"wrote {po_path(language)}")
        for problem in untranslated(read_catalogue(language), texts()):
            print(f"{po_path(language)}: {problem}")
            lacking += 1
    return 1 if lacking and not write else 0


if __name__ == "__main__":
    sys.exit(main())
