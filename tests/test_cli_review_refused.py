"""`raci review` when the database will not take a decision (another
process holds it longer than the store waits: a real SQLite lock): the
decision is taken back, the review ends there, the minutes are written of
what was stored, and the command exits 2 saying so (it stopped with "try
again" and no minutes)."""

from __future__ import annotations

import io
import sqlite3
import sys
from pathlib import Path

import pytest
from conftest import Raci
from test_cli_review import TODAY

from raci.source import database_url
from raci.store import open_store

WAIT = 0.2


class LockedAtTheSecondAnswer(io.StringIO):
    """The answers, and another process that starts a write as the second is read."""

    def __init__(self, answers: str, database: Path) -> None:
        super().__init__(answers)
        self.database, self.read = database, 0
        self.other: sqlite3.Connection | None = None

    def readline(self, size: int | None = -1) -> str:
        self.read += 1
        if self.read == 2:
            self.other = sqlite3.connect(self.database, isolation_level=None)
            self.other.execute("BEGIN IMMEDIATE")
            self.other.execute("UPDATE org SET name = name")
        return super().readline(size)


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_decision_the_database_refuses_ends_the_review_with_minutes(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.setattr("raci.store.engine.BUSY_TIMEOUT_SECONDS", WAIT)
    answers = LockedAtTheSecondAnswer("1\n1\n1\n", Path(vego))
    monkeypatch.setattr(sys, "stdin", answers)
    done = raci("review", vego, "--author", "Anna", "-o", "minutes.md", "--lang", language)
    assert answers.other is not None
    answers.other.execute("ROLLBACK")
    said = {"en": "; the decision on BOD003 was not saved and the review ended there; the "
                  "minutes hold what was decided before it",
            "nl": "; het besluit over BOD003 is niet opgeslagen en de bespreking is daar "
                  "geëindigd; het verslag bevat wat ervoor besloten is"}[language]
    assert done.code == 2 and done.err.splitlines()[-1].endswith(said), done.err
    minutes = Path("minutes.md").read_text(encoding="utf-8")
    decided = {"en": "1 of 24 findings decided", "nl": "over 1 van 24 bevindingen besloten"}
    assert decided[language] in minutes
    changed = minutes.split("\n## ")[3]  # what changed: the fix stored, not the one refused
    assert changed.count("\n1. ") == 1 and "\n2. " not in changed
    not_reviewed = minutes.split("\n## ")[-1].splitlines()
    assert not_reviewed[2].startswith({"en": "- BOD003 error:", "nl": "- BOD003 fout:"}[language])
    with open_store(database_url(vego)) as store:
        assert len(store.load_scenario(f"review-{TODAY}")[1].steps) == 1
