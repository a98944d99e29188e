"""The words raci uses for what it models and draws, each defined once.

The names (a kind's key, a view's name, a page's name) are what the model
file, the command line and JSON use, and never change with the language;
the words are how the user reads them, written here in English (the
catalogue's key) and read in the current language through `Words`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from raci.i18n import N_, NP_, Said, _, format_count, in_context, ngettext, pgettext


class Words(Mapping[str, str]):
    """Words by name, read in the current language (``KIND_TITLES["body"]``
    is "Bodies" or "Gremia"); `english` holds them as written here."""

    def __init__(self, english: dict[str, str], context: str | None = None) -> None:
        """`context` tells these words from the same English said elsewhere
        (marked with ``NP_(context, …)``)."""
        self.english, self.context = english, context

    def said(self, name: str) -> Said:
        """The word as a `Said`: said again in the language of whoever reads
        it (a scenario's line, read later in another language)."""
        english = self.english[name]
        return Said(english) if self.context is None else in_context(self.context, english)

    def __getitem__(self, name: str) -> str:
        if self.context is not None:
            return pgettext(self.context, self.english[name])
        return _(self.english[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self.english)

    def __len__(self) -> int:
        return len(self.english)


def capitalised(word: str) -> str:
    """``"werkgroep"`` -> ``"Werkgroep"`` (the rest as it is: ``"RACI-matrix"``)."""
    return word[:1].upper() + word[1:]


FIRST_WORD = re.compile(r"[^\W\d_]+[ ,;:]")
"""A text's first word, when it is a plain word: not a path, an id or a name
with a dot or dash in it ("org.db:", "p.jansen")."""


def as_sentence(text: str) -> str:
    """A notice as a sentence, its first word capitalised ("renew the mandate
    of …", a suggestion's summary; "cannot write …", a reason), but not a
    file, an id or a name it starts with."""
    return capitalised(text) if text[:1].islower() and FIRST_WORD.match(text) else text


def uncapitalised(text: str) -> str:
    """``"The goals view …"`` -> ``"the goals view …"``, for text that goes on
    after other words (the rest as it is: ``"RACI"`` stays)."""
    return text[:1].lower() + text[1:]


KIND_NAMES = Words({
    "unit": N_("unit"), "person": N_("person"), "role": N_("role"), "body": N_("body"),
    "goal": N_("goal"), "initiative": N_("initiative"), "decision": N_("decision"),
    "kpi": N_("indicator"),
})
"""An entity's kind in running text: "added body bo-x"."""

A_KIND = Words({
    "unit": N_("a unit"), "person": N_("a person"), "role": N_("a role"), "body": N_("a body"),
    "goal": N_("a goal"), "initiative": N_("an initiative"), "decision": N_("a decision"),
    "kpi": N_("an indicator"),
})
"""An entity's kind with the article its word takes: "an initiative", "een gremium"."""

THIS_KIND = Words({
    "unit": N_("this unit"), "person": N_("this person"), "role": N_("this role"),
    "body": N_("this body"), "goal": N_("this goal"), "initiative": N_("this initiative"),
    "decision": N_("this decision"), "kpi": N_("this indicator"),
})
"""An entity's kind pointed at, the article going with the kind's word:
"dit gremium", "deze rol"."""

KIND_TITLES = Words({
    "unit": N_("Units"), "person": N_("People"), "role": N_("Roles"), "body": N_("Bodies"),
    "goal": N_("Goals"), "initiative": N_("Initiatives"), "decision": N_("Decisions"),
    "kpi": N_("Indicators"),
})
"""The entities of a kind as a heading: "Bodies (12)"."""

BODY_KIND_NAMES = Words({
    "steering_group": N_("steering group"), "programme_board": N_("programme board"),
    "portfolio_board": N_("portfolio board"), "taskforce": N_("taskforce"),
    "crisis_team": N_("crisis team"), "working_group": N_("working group"),
    "committee": N_("committee"), "advisory_board": N_("advisory board"), "other": N_("other"),
})
"""A body's kind as people who sit in one say it: "stuurgroep", "programmaraad"."""

LETTER_WORDS = Words({
    "R": N_("Responsible"), "A": N_("Accountable"), "C": N_("Consulted"), "I": N_("Informed"),
})
"""What each RACI letter means; the letters themselves are the same in every language."""

LETTER_MEANINGS = Words({
    "R": N_("does the work"), "A": N_("answers for the result"),
    "C": N_("is asked before"), "I": N_("is told after"),
})
"""Each letter explained in a few words, for a key or a legend."""

FIELD_LABELS = Words({
    "id": N_("id"), "name": N_("name"), "description": N_("description"), "kind": N_("kind"),
    "parent": N_("part of"), "capacity_fte": N_("capacity (FTE)"), "holders": N_("held by"),
    "reports_to": N_("reports to"), "meets_every_days": N_("meets every … days"),
    "depends_on": N_("depends on"), "success_criteria": N_("success criteria"),
    "demand_fte": N_("demand (FTE)"), "not_recorded": N_("not recorded"), "as_of": N_("as of"),
    "about": N_("about"), "chair": N_("chair"), "due": N_("due"), "end": N_("end"),
    "established": N_("established"), "external": N_("external"), "goals": N_("goals"),
    "has_raci": N_("has RACI"), "mandate": N_("mandate"), "measures": N_("measures"),
    "members": N_("members"), "start": N_("start"), "status": N_("status"),
    "sunset": N_("sunset"), "tags": N_("tags"), "target": N_("target"),
    "temporary": N_("temporary"), "type": N_("type"), "unit": N_("unit"),
})
"""How a form and the detail pane name a field: in words, not as the file's key."""

LEVEL_NAMES = Words({"error": N_("error"), "warning": N_("warning"), "info": N_("info"),
                     "waived": N_("waived")})
"""A finding's level (and waived findings) as a heading; the levels' names
in configuration and output (``--fail-on error``) stay English."""

RULE_GROUP_TITLES = Words({
    "ownership": N_("Ownership"), "bodies": N_("Bodies"), "decisions": N_("Decisions"),
    "strategy": N_("Strategy"), "people": N_("People"), "silos": N_("Silos"),
    "organisation": N_("Organisation"), "data": N_("Data"), "waivers": N_("Waivers"),
})
"""The rule groups as headings (the groups' names, ``ownership``, select rules)."""

FACT_WORDS = Words({  # "chairs" is also who chairs a body (`raci.tui.describe`)
    "chairs": NP_("fact", "chairs"), "holders": NP_("fact", "holders"),
    "responsibles": NP_("fact", "responsibles"),
    "success_criteria": NP_("fact", "success criteria"),
    "indicators": NP_("fact", "indicators"), "goals": NP_("fact", "goals"),
    "cadence": NP_("fact", "cadence"),
}, context="fact")
"""The facts a source may leave out (``org.not_recorded``), in words."""
STATUS_WORDS = Words({"proposed": N_("proposed"), "active": N_("active"),
                      "paused": N_("paused"), "stopped": N_("stopped"), "done": N_("done")})
"""An initiative's status in words."""
KPI_TYPE_WORDS = Words({"leading": N_("leading"), "lagging": N_("lagging")})
"""An indicator's type in words."""
VALUE_WORDS = {"kind": BODY_KIND_NAMES, "status": STATUS_WORDS, "type": KPI_TYPE_WORDS,
               "not_recorded": FACT_WORDS}
"""The fields whose values are names of the file's vocabulary, said in the
user's words: ``soort werkgroep -> commissie``, not ``"working_group"``;
``soort stuurgroep``, not ``soort steering_group``."""

VIEW_TITLES = Words({
    "org": N_("org"), "raci": N_("raci"), "bodies": N_("bodies"),
    "goals": N_("goals"), "decisions": N_("decisions"),
})
"""The diagram views, by the name `--view` takes, as the user reads them."""

COUNTED: dict[str, Callable[[int], str]] = {
    "model": lambda n: ngettext("{count} model", "{count} models", n),
    "finding": lambda n: ngettext("{count} finding", "{count} findings", n),
    "error": lambda n: ngettext("{count} error", "{count} errors", n),
    "warning": lambda n: ngettext("{count} warning", "{count} warnings", n),
    "info": lambda n: ngettext("{count} info", "{count} infos", n),
    "assignment": lambda n: ngettext("{count} assignment", "{count} assignments", n),
    "RACI assignment": lambda n: ngettext("{count} RACI assignment", "{count} RACI assignments",
                                          n),
    "reference": lambda n: ngettext("{count} reference", "{count} references", n),
    "waiver": lambda n: ngettext("{count} waiver", "{count} waivers", n),
    "waived": lambda n: ngettext("{count} waived", "{count} waived", n),
    "entity": lambda n: ngettext("{count} entity", "{count} entities", n),
    "change": lambda n: ngettext("{count} change", "{count} changes", n),
    "item": lambda n: ngettext("{count} item", "{count} items", n),
    "actor": lambda n: ngettext("{count} actor", "{count} actors", n),
}
"""Things counted in running text, each in the form its number takes."""


def counted(number: int, noun: str, shown: str | None = None) -> str:
    """``1 finding``, ``3 findings``; ``1 bevinding``, ``3 bevindingen``; the
    number as `shown` where given (``[b]3[/]``), else as the language writes
    it (``21,540``, ``21.540``)."""
    return COUNTED[noun](number).format(count=format_count(number) if shown is None else shown)


VIEW_NAMES = tuple(VIEW_TITLES)
DEFAULT_DEPTH = 2
"""How many links from a focused entity a view draws."""
DIAGRAM_FORMATS = ("dot", "svg", "png", "pdf", "mermaid")
"""What a view is drawn in (`raci.export.draw`): by `raci diagram --format`, or
by the suffix of the file it writes (`DIAGRAM_SUFFIXES`)."""
DIAGRAM_SUFFIXES = {".dot": "dot", ".gv": "dot", ".svg": "svg", ".png": "png", ".pdf": "pdf",
                    ".mmd": "mermaid", ".mermaid": "mermaid"}
"""The diagram format a file's suffix names, on the command line and in the app."""
PAGE_NAMES = ("slide", "a4", "a3", "a4-portrait", "a3-portrait")
"""The pages a drawing is fitted to (`raci.export.page.PAGES` holds their sizes)."""
LINT_FORMATS = ("text", "json", "sarif", "github", "markdown")
"""What `raci lint` writes (`raci.lint.output.RENDERERS`)."""
DIFF_FORMATS = ("text", "json", "markdown")
"""What `raci diff` writes (`raci.lint.diff.DIFF_RENDERERS`)."""
SHOW_FORMATS = ("text", "json", "markdown")
"""What `raci scenario show` and `compare` write (`raci.lint.scenarios.SHOW_RENDERERS`)."""
FAIL_ON_CHOICES = ("error", "warning", "info", "never")
"""The levels `--fail-on` and the ``fail-on`` setting take, and never."""


# How a reference reads from the entity that holds the field (the explorer's
# relations, the diagram preview's links)...
OUTGOING = Words({
    "parent": N_("part of"),
    "unit": N_("in unit"),
    "holders": N_("held by"),
    "reports_to": N_("reports to"),
    "chair": N_("chaired by"),
    "members": N_("member"),
    "goals": N_("contributes to"),
    "depends_on": N_("depends on"),
    "about": N_("about"),
    "measures": N_("measures"),
})
# ...and from the entity it names.
INCOMING = Words({
    "parent": N_("contains"),
    "unit": N_("has"),
    "holders": N_("holds"),
    "reports_to": N_("reported to by"),
    "chair": N_("chairs"),
    "members": N_("seat in"),
    "goals": N_("contributed to by"),
    "depends_on": N_("needed by"),
    "about": N_("decided in"),
    "measures": N_("measured by"),
})
