"""How big each generated size is, and the fixed date and seed of every model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DEFAULT_SEED = 1
AS_OF = dt.date(2026, 11, 1)
"""The model's `org.as_of`, fixed so that time-based findings do not drift."""


@dataclass(frozen=True)
class Shape:
    """How big each part of a generated organisation is."""

    ministries: int
    dgs: int
    """Directorates-general per ministry."""
    directorates: int
    """Directorates per directorate-general."""
    departments: int
    """Departments per directorate."""
    department_people: tuple[int, int]
    """People in a department: the fewest, and the mean number above that."""
    suppliers: int
    """External supplier units per ministry."""
    leaf_goals: tuple[int, int]
    """Leaf goals under each directorate goal (fewest, most)."""
    initiatives: tuple[int, int]
    """Initiatives serving each leaf goal (fewest, most)."""
    informed: tuple[int, int]
    """Informed actors on an item (fewest, most)."""
    chain: int
    """Length of each deliberately deep chain."""
    at_least: int
    """The fewest deliberate cases of each weakness."""


SHAPES: dict[str, Shape] = {
    "small": Shape(
        ministries=1, dgs=2, directorates=2, departments=3, department_people=(5, 3),
        suppliers=2, leaf_goals=(2, 3), initiatives=(2, 3), informed=(1, 5),
        chain=15, at_least=1,
    ),
    "ministry": Shape(
        ministries=1, dgs=5, directorates=5, departments=5, department_people=(7, 7),
        suppliers=4, leaf_goals=(3, 4), initiatives=(3, 7), informed=(7, 22),
        chain=300, at_least=3,
    ),
    "national": Shape(
        ministries=12, dgs=5, directorates=5, departments=5, department_people=(7, 7),
        suppliers=4, leaf_goals=(2, 4), initiatives=(3, 7), informed=(0, 5),
        chain=1500, at_least=5,
    ),
}
SIZES = tuple(SHAPES)

WEAKNESS_RATE = 0.01
"""Share of the candidates each deliberate weakness is given to."""
