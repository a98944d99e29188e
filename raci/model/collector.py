"""Building a whole model at once, without the cyclic garbage collector.

Reading a model file or loading a database allocates hundreds of thousands
of objects that all stay alive and form no reference cycles; the collector
would scan them again and again while they are made (a third of a national
model's load) and never free one.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cyclic collector off inside the block, and back on only if it was on."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
