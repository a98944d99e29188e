"""Synthetic governance models for trying raci at size (`raci generate`,
docs/contributing.md#benchmarks).

A model is built in three passes. First a healthy organisation: ministries
split into directorates-general, directorates and departments; people in
every unit holding one to three roles; bodies of every kind whose seats lean
towards senior roles; goal trees; initiatives serving the leaf goals; decisions
taken by bodies and roles; leading and lagging indicators; RACI assignments on
all of them. Then a few very deep chains (a unit tree, a goal tree, a line of
managers, a line of dependent initiatives) so that no check can lean on
recursion. Last, a sprinkling of every weakness the linter knows (docs/lint.md), a
few of each, so that findings come in realistic numbers.

Every choice is drawn from one `random.Random(seed)` in a fixed order (each
weakness's from one of its own, seeded by the seed and the weakness's name,
so that a new weakness moves no other) and no set is ever iterated, so the
same size and seed give the same model.
"""

from __future__ import annotations

import random
from dataclasses import replace

from raci.errors import UsageError
from raci.generate.names import HARD_NAMES
from raci.generate.organisation import Builder
from raci.generate.shapes import AS_OF, DEFAULT_SEED, SHAPES, SIZES, Shape
from raci.generate.weaknesses import Weaknesses
from raci.i18n import N_, Said
from raci.model import Model

__all__ = ["AS_OF", "DEFAULT_SEED", "HARD_NAMES", "SHAPES", "SIZES", "Shape", "generate_model"]


def generate_model(size: str, seed: int = DEFAULT_SEED, *, chain: int | None = None,
                   scale: int = 1) -> Model:
    """A synthetic model of the given size (`small`, `ministry` or `national`).

    `chain` overrides the length of the deep chains (a unit tree, a goal tree,
    a line of managers, a line of dependent initiatives), for tests that want
    a small model deeper than Python's recursion limit. `scale` multiplies the
    ministries, and so nearly everything else: a national model twice or four
    times over, to see how a command grows with the model.
    """
    if size not in SHAPES:
        raise UsageError(Said(N_("unknown size {size!r}; choose one of {sizes}"), size=size,
                              sizes=", ".join(SIZES)))
    if scale < 1:
        raise UsageError(Said(N_("scale {scale}: give a whole number of at least 1"),
                              scale=scale))
    shape = replace(SHAPES[size], ministries=SHAPES[size].ministries * scale)
    if chain is not None:
        shape = replace(shape, chain=max(chain, 1))
    builder = Builder(shape, random.Random(seed), size if scale == 1 else f"{size} ×{scale}")
    builder.build_healthy()
    builder.build_deep_chains()
    Weaknesses(builder, seed).add_all()
    return builder.model()
