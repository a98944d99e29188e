"""What a lint run produces: findings with code, level, targets and fingerprint,
in the order they are reported, and an index of them that an edit updates."""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_RANK: dict[str, int] = {"info": 1, "warning": 2, "error": 3}


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    level: Level
    message: str
    targets: tuple[str, ...]
    """The ids the finding is about, sorted."""
    model: str = ""
    line: int | None = None
    column: int | None = None
    waived: bool = False
    waiver_reason: str | None = None
    related: tuple[str, ...] = ()
    """Other ids the finding concerns besides its targets, sorted (the items
    of the actor OWN003–OWN005 report, say); never counted in the fingerprint."""
    related_locations: tuple[tuple[int, int] | None, ...] = ()
    """(line, column) of each related id in a model file, None where unknown;
    empty for a database."""

    @property
    def fingerprint(self) -> str:
        return f"{self.code}:{','.join(self.targets)}"


def finding_order(finding: Finding) -> tuple[object, ...]:
    """By line (when known), then code, then targets (then the message and
    related ids, so that no two different findings tie)."""
    return (finding.line is None, finding.line or 0, finding.code, finding.targets,
            finding.message, finding.related)


WAIVED = "waived"
"""What `FindingIndex.counts` counts waived findings as, whatever their level."""
MERGE_UP_TO = 1 / 16
"""A change of up to this share of the findings is merged in place; a larger
one sorts the list anew."""


class FindingIndex:
    """Findings in report order (`finding_order`), by the entity they are
    about, and counted by level; updated by what an edit took out and put in,
    at a cost that grows with the change, not with every finding.

    The app's `Linter` keeps one; the app keeps another, from what the
    linter reports after each edit. Findings are never changed once in an
    index: an edit that changes one replaces it.
    """

    def __init__(self, findings: Iterable[Finding] = ()) -> None:
        self.findings: list[Finding] = []
        """In report order."""
        self.counts: Counter[str] = Counter()
        """Level (or `WAIVED`) -> how many."""
        self._about: dict[str, list[Finding]] = {}
        self.update((), findings)

    def __len__(self) -> int:
        return len(self.findings)

    def about(self, entity_id: str) -> list[Finding]:
        """The findings with `entity_id` among their targets, in report order."""
        return self._about.get(entity_id, [])

    def worst_level(self, entity_id: str) -> Level | None:
        """The highest level of the findings about `entity_id` that are not waived."""
        levels = {f.level for f in self.about(entity_id) if not f.waived}
        return next((level for level in LEVELS if level in levels), None)

    def update(self, removed: Iterable[Finding], added: Iterable[Finding]) -> None:
        """Take out `removed` (findings of the index) and put in `added`."""
        removed, added = list(removed), list(added)
        if len(removed) + len(added) > MERGE_UP_TO * len(self.findings):
            gone = {id(finding) for finding in removed}
            self._index_anew(sorted([*(f for f in self.findings if id(f) not in gone), *added],
                                    key=finding_order))
            return
        added.sort(key=finding_order)
        for finding in removed:
            del self.findings[self._position(finding)]
            self.counts[WAIVED if finding.waived else finding.level] -= 1
            for target in finding.targets:
                kept = [f for f in self._about[target] if f is not finding]
                if kept:
                    self._about[target] = kept
                else:
                    del self._about[target]
        for finding in added:
            bisect.insort(self.findings, finding, key=finding_order)
            self.counts[WAIVED if finding.waived else finding.level] += 1
            for target in finding.targets:
                # A new list, not the old one changed: a reader may hold the old one.
                about = list(self._about.get(target, ()))
                bisect.insort(about, finding, key=finding_order)
                self._about[target] = about

    def _index_anew(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.counts = Counter(WAIVED if f.waived else f.level for f in findings)
        self._about = {}
        for finding in findings:
            for target in finding.targets:
                self._about.setdefault(target, []).append(finding)

    def _position(self, finding: Finding) -> int:
        position = bisect.bisect_left(self.findings, finding_order(finding), key=finding_order)
        while self.findings[position] is not finding:
            position += 1
        return position
