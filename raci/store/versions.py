"""The version of each row a store loaded or wrote: what its saves check
(see `raci.store.saving`). Plain data, no SQLAlchemy: the app's first load
(`raci.store.reading.read_file`) keeps versions before SQLAlchemy is imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from raci.model import Model

AssignmentKey = tuple[str, str]
"""(item, actor): a *cell*, whose one letter (or A with R) is written
together and shares one version."""


@dataclass
class WrittenVersions:
    """What one save wrote: new versions, and None for rows it deleted."""

    org: int | None = None
    waivers: dict[int, int] | None = None
    entities: dict[str, int | None] = field(default_factory=dict)
    assignments: dict[AssignmentKey, int | None] = field(default_factory=dict)


@dataclass
class RememberedVersions:
    """The version of every row as this store last loaded or wrote it."""

    org: int | None = None
    waivers: dict[int, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    loaded_assignments: Iterable[tuple[AssignmentKey, int]] = ()
    """(key, version) of each assignment as loaded, made into `assignments`
    on first use: a model loaded only to be read (to lint or export it)
    never needs them."""

    @cached_property
    def assignments(self) -> dict[AssignmentKey, int]:
        return dict(self.loaded_assignments)

    @classmethod
    def of_model(cls, model: Model, version: int) -> RememberedVersions:
        return cls(
            org=version,
            waivers=dict.fromkeys(range(len(model.waivers)), version),
            entities={entity.id: version for entity in model.entities()},
            loaded_assignments=[((a.item, a.actor), version) for a in model.assignments],
        )

    def update(self, written: WrittenVersions) -> None:
        if written.org is not None:
            self.org = written.org
        if written.waivers is not None:
            self.waivers = written.waivers
        _overlay(self.entities, written.entities)
        _overlay(self.assignments, written.assignments)


def _overlay(versions: dict[Any, int], written: dict[Any, int | None]) -> None:
    for key, version in written.items():
        if version is None:
            versions.pop(key, None)
        else:
            versions[key] = version
