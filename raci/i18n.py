"""The language raci speaks: English or Dutch, chosen once where the program
starts (the CLI's entry, the app's start), read everywhere else.

Texts are translated with gettext catalogues (Babel compiles them when raci
is installed): `_` for a sentence, `ngettext` where a number decides the
form ("1 bevinding", "3 bevindingen"), `format_date` for a date in running
text ("1 november 2026"). The English text is the key, so English needs no
catalogue. Two domains: ``raci`` for what the program says, ``rules`` for
the rules' documentation and messages (long, and translated on their own).

What never changes with the language: rule codes, JSON and SARIF, the model
file's keys, exit codes.
"""

from __future__ import annotations

import datetime as dt
import decimal
import errno
import gettext
import locale
import os
import sys
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "nl")
"""The languages raci speaks; the first is the default."""
ENGLISH = LANGUAGES[0]
"""The language raci's texts are written in."""
LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}
"""Each language's name in English: what raci says when it cannot speak it."""
GROUP_SEPARATORS = {"en": ",", "nl": "."}
"""How each language groups the thousands of a whole number ("21,540", "21.540")."""
DOMAINS = ("raci", "rules")
LOCALE_DIR = Path(__file__).parent / "locale"
"""Where the catalogues are: ``locale/nl/LC_MESSAGES/raci.po`` and the
``.mo`` compiled from it at install time."""
LOCALE_DIR_VARIABLE = "RACI_LOCALE_DIR"
"""Names another folder of compiled catalogues to read in place of
`LOCALE_DIR` (laid out the same): a translator trying a catalogue before it
is installed, or the tests' pseudo-language that finds untranslated text."""

_language = ENGLISH
_told_missing: dict[str, str] = {}
"""What raci said, by language, when that language's catalogue was missing."""


def choose_language(option: str | None = None, setting: str | None = None) -> str:
    """The language to speak: `--lang`, else ``RACI_LANG``, else the
    ``lang`` setting of ``[tool.raci]``, else the locale's, else English.
    A value that is none of `LANGUAGES` is passed over (``RACI_LANG=fr``)."""
    for wanted in (option, os.environ.get("RACI_LANG"), setting, _locale_language()):
        if wanted and wanted[:2].lower() in LANGUAGES:
            return wanted[:2].lower()
    return ENGLISH


def _locale_language() -> str | None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable):
            return os.environ[variable]
    return locale.getlocale()[0]


def set_language(language: str) -> None:
    """Speak `language` from now on (one of `LANGUAGES`)."""
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: use one of {', '.join(LANGUAGES)}")
    _language = language


def current_language() -> str:
    return _language


def speaking_english() -> bool:
    """Whether raci speaks English now, the language its texts are written
    in (so nothing needs translating)."""
    return _language == ENGLISH


def speak(language: str) -> None:
    """At the program's edge: speak `language`, and let the libraries that
    speak through gettext's program-wide domain (click's usage errors and
    help headings) find their texts in raci's catalogue in that language."""
    set_language(language)
    gettext.bindtextdomain("raci", catalogue_dir())
    gettext.textdomain("raci")
    os.environ["LANGUAGE"] = language


def catalogue_dir() -> Path:
    """Where the compiled catalogues are read from: the folder
    ``RACI_LOCALE_DIR`` names, else `LOCALE_DIR`."""
    return Path(os.environ.get(LOCALE_DIR_VARIABLE) or LOCALE_DIR)


def _translations(language: str, domain: str) -> gettext.NullTranslations:
    return _catalogue(language, domain, os.environ.get(LOCALE_DIR_VARIABLE))


@cache
def _catalogue(language: str, domain: str, folder: str | None) -> gettext.NullTranslations:
    """The catalogue of `domain` in `language`, from `folder` (the value of
    ``RACI_LOCALE_DIR``; none: `LOCALE_DIR`). Keyed by that text, so a
    look-up builds no path. Where it was never compiled (an install that
    did not build it) raci speaks English, and says so (`_tell_missing`)."""
    try:
        return gettext.translation(domain, folder or LOCALE_DIR, [language])
    except FileNotFoundError:
        if language != ENGLISH:  # English is the texts themselves: it has no catalogue
            _tell_missing(language, Path(folder or LOCALE_DIR, language, "LC_MESSAGES",
                                         f"{domain}.mo"))
        return gettext.NullTranslations()


def _tell_missing(language: str, catalogue_file: Path) -> None:
    """Say once, on stderr and in English (there is no catalogue to say it
    in), that `language` was asked for and cannot be spoken."""
    if language in _told_missing:
        return
    _told_missing[language] = (
        f"the {LANGUAGE_NAMES[language]} catalogue {catalogue_file} is missing, so raci "
        "speaks English; reinstall raci (building it compiles the catalogues)")
    print(f"raci: warning: {_told_missing[language]}", file=sys.stderr)


def missing_catalogue() -> str | None:
    """Why raci speaks English where another language was asked for (its
    catalogue is missing), in English; None when it speaks the language.
    The app shows it: said only on stderr, it went by as the app took the screen."""
    if not speaking_english():
        for domain in DOMAINS:
            _translations(_language, domain)  # says it, once, where it is missing
    return _told_missing.get(_language)


def _(message: str, domain: str = "raci") -> str:
    """`message` (English) in the current language."""
    if speaking_english():
        return message
    return _translations(_language, domain).gettext(message)


def pgettext(context: str, message: str) -> str:
    """`message` (English) in the current language, where the same English
    says different things (``pgettext("fact", "chairs")``, a fact not
    recorded; ``_("chairs")``, a field): `context` tells them apart."""
    if speaking_english():
        return message
    return _translations(_language, "raci").pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue where it is defined (a table of
    words); `_` translates it where it is read."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark `message` for the catalogue with its `context` (see `pgettext`)
    where it is defined; `pgettext` translates it where it is read."""
    return message


def ngettext(singular: str, plural: str, count: int, domain: str = "raci") -> str:
    """The form for `count` in the current language; format it with the count:
    ``ngettext("{count} finding", "{count} findings", n).format(count=n)``."""
    if speaking_english():
        return singular if count == 1 else plural
    return _translations(_language, domain).ngettext(singular, plural, count)


class Said(str):
    """English text that a person reads in the current language: a template
    (a msgid of the domain ``raci``, marked with `N_`, or with its plural by
    `counted`) and its values. What a tool reads (lint's JSON and SARIF,
    which carry why a model could not be read) keeps the English;
    `said_again` says it in the current language. An error that can reach
    such output is said so."""

    template: str
    values: dict[str, object]
    plural: str | None = None
    number: int = 1
    context: str | None = None
    """Tells the template from the same English said elsewhere (see `pgettext`)."""

    def __new__(cls, template: str, /, **values: object) -> Said:
        self = super().__new__(cls, template.format(**values))
        self.template, self.values = template, values
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return _said_from, (self.template, self.values, self.plural, self.number, self.context)

    def template_said(self) -> str:
        """The template in the current language, in the form for its number."""
        if self.context is not None:
            return pgettext(self.context, self.template)
        if self.plural is None:
            return _(self.template)
        return ngettext(self.template, self.plural, self.number)


def counted(singular: str, plural: str, number: int, /, **values: object) -> Said:
    """A `Said` in the form for `number` (``counted("{count} letter",
    "{count} letters", n, count=format_count(n))``); marks both forms for
    the catalogue, as `ngettext` does."""
    said = Said(singular if number == 1 else plural, **values)
    said.template, said.plural, said.number = singular, plural, number
    return said


def in_context(context: str, message: str) -> Said:
    """`message` as a `Said` that `context` tells from the same English said
    elsewhere (marked with `NP_`): ``in_context("fact", "chairs")``."""
    said = Said(message)
    said.context = context
    return said


def _said_from(template: str, values: dict[str, object], plural: str | None = None,
               number: int = 1, context: str | None = None) -> Said:
    if context is not None:
        return in_context(context, template)
    if plural is None:
        return Said(template, **values)
    return counted(template, plural, number, **values)


def said_again(text: str) -> str:
    """`text` in the current language: a `Said` translated, its values said
    again too (a date as the language writes it: "1 June 2027", "1 juni
    2027"); a rule's message (`raci.lint.message`, which says itself: a
    suggestion's line kept by a scenario) as a sentence; any other text as
    it is."""
    if not isinstance(text, Said):
        spoken = getattr(text, "spoken", None)
        return str(text) if spoken is None else str(spoken(True))
    values = {name: _value_said(value) for name, value in text.values.items()}
    return text.template_said().format(**values)


def _value_said(value: object) -> object:
    if isinstance(value, Said):
        return said_again(value)
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, decimal.Decimal):
        return format_decimal(value, "0.###")
    spoken = getattr(value, "spoken", None)
    return value if spoken is None else spoken()


def format_date(date: dt.date) -> str:
    """A date in running text: "1 November 2026", "1 november 2026"."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(date, format="d MMMM y", locale=_language)


def format_decimal(number: float | decimal.Decimal, pattern: str = "0.0") -> str:
    """A number with its decimals as the language writes them: "6.7", "6,7"
    (`pattern` as Babel's: ``"0.0"`` one decimal, ``"0.#"`` one where needed)."""
    from babel.numbers import format_decimal as babel_format_decimal

    return babel_format_decimal(number, format=pattern, locale=_language)


OS_REASONS = {
    errno.ENOENT: N_("No such file or directory"),
    errno.EACCES: N_("Permission denied"),
    errno.EPERM: N_("Operation not permitted"),
    errno.EROFS: N_("Read-only file system"),
    errno.ENOSPC: N_("No space left on device"),
    errno.ENOTDIR: N_("Not a directory"),
    errno.EISDIR: N_("Is a directory"),
}
"""The reasons a file cannot be written that users meet most, in words the
catalogue translates; the system's own text for the rest."""


def os_reason(error: OSError) -> str:
    """Why the system refused (``error.strerror``), in the user's language
    where the catalogue knows the reason."""
    if error.errno in OS_REASONS:
        return _(OS_REASONS[error.errno])
    return error.strerror or str(error)


def format_percent(share: float) -> str:
    """A share (0.71) as a whole percentage the way the language writes it:
    "71%" in English and Dutch, "71 %" where the language puts a space. A
    half rounds up, as a reader rounds (10 of 16 is 63%, not Babel's banker's 62%)."""
    from babel.numbers import format_percent as babel_format_percent

    with decimal.localcontext(rounding=decimal.ROUND_HALF_UP):
        return babel_format_percent(share, locale=_language)


def format_count(count: int) -> str:
    """A count a person reads, grouped as the language writes it: "21,540",
    "21.540" (what a tool reads, JSON and SARIF, keeps the bare number).
    Without Babel, which a lint of many findings would load for this alone."""
    if -1000 < count < 1000:
        return str(count)
    return f"{count:,}".replace(",", GROUP_SEPARATORS[_language])


def format_short_date(date: dt.date) -> str:
    """A date where room is short (a diagram's node): "2026-11-01" in
    English, as the model file writes it; "01-11-2026" in Dutch, as the
    Dutch write a date in figures."""
    if speaking_english():
        return date.isoformat()
    return date.strftime("%d-%m-%Y")
