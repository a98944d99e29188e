"""What a lint run produces: findings with code, level, targets and fingerprint."""

from __future__ import annotations

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
