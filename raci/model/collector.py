"""Building a whole model at once, without the cyclic garbage collector.

Reading a model file or loading a database allocates hundreds of thousands
of objects that all stay alive and form no reference cycles; the collector
would scan them again and again while they are made (a third of a national
model's load) and never free one.

Only the pause lives here. What the collector does for the rest of a run
(thresholds, freezing the loaded model once) is the program's policy and is
set where it starts: `raci.cli.main` and the app after its first load.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Switch the cyclic collector off inside the block, and back on only if it was on.

    Nothing is frozen here: the app runs this on every edit, and freezing
    there would move each edit's garbage where no collection ever frees it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
