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
    """Switch the cyclic collector off inside the block, and back on only if it was on.

    What the block built is then frozen (moved out of the collector's sight):
    otherwise the next collection after the block would scan all of it once
    more, as it was never scanned while it was made. Frozen objects are still
    freed when nothing refers to them.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
