"""The first model's findings, linted in a process of their own while the app starts.

The app's start has two long parts, on a national model half a second of
CPU each: reading the model and linting it. They need not take turns: as
the app is made (`raci.tui.make_app`, before Textual is imported), it
starts ``python -m raci.tui.first_findings FILE LANGUAGE``, which reads the
SQLite file lean and lints it once, as `raci lint` does, and writes the
findings, pickled, to its standard output. Meanwhile the app imports
Textual, draws its first screen and reads the model whole, for the views
and the edits. On a machine of two cores the findings are there about
when the model is.

The child is a new interpreter, not a fork: it shares nothing with the
app (no threads, no open database, no terminal: its input and error
output are /dev/null). The findings are used only when they are of the
very model the app read (the same revision of the database) and linted
with the same configuration; otherwise, or when the child failed or took
longer than `WAIT_SECONDS`, the app lints in its own process, as it would
without the child. Where the app may run on one core only, no child is
started: its read would only add to the wait. Nor for a small file
(`SMALLEST_FILE`), which the app lints sooner than a child could start.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

WAIT_SECONDS = 30.0
"""How long the app waits for the child's findings before it lints itself."""
SMALLEST_FILE = 4 * 1024 * 1024
"""The size from which a file is linted apart (about 8,000 entities): a
smaller model lints in the app in less time than a new interpreter takes
to start (a file of 2 MB, 4,000 entities, in 30 ms)."""

if TYPE_CHECKING:
    from raci.lint import LintConfig
    from raci.lint.engine import LintResult
    from raci.model.lean import LeanModel
    from raci.store.lean import Cursor


class FirstFindings:
    """The child process linting the first model, and what it found."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process

    @classmethod
    def start(cls, path: Path, language: str) -> FirstFindings | None:
        """Start linting the SQLite file at `path` in a child process,
        speaking `language`; None when it cannot be started, when the file
        is smaller than `SMALLEST_FILE`, or when this process may run on one
        core only (the child's read would then only make the app wait longer)."""
        try:
            if path.stat().st_size < SMALLEST_FILE or _cores() < 2:
                return None
        except OSError:
            return None
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(path), language],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError:
            return None
        return cls(process)

    def result(self, revision: int, config: LintConfig) -> LintResult | None:
        """The findings, once the child has written them (it waits, up to
        `WAIT_SECONDS`), if they are those of `revision` of the database
        with `config`; else None."""
        try:
            written = self.process.communicate(timeout=WAIT_SECONDS)[0]
            found = pickle.loads(written) if self.process.returncode == 0 else None
        except Exception:  # whatever went wrong, the app lints the model itself
            found = None
        finally:
            self.stop()
        if found is None or found[:2] != (revision, config):
            return None
        result: LintResult = found[2]
        return result

    def stop(self) -> None:
        """End the child if it still runs (the app quit first, or it is not
        needed), and wait for it: no process is left behind."""
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


def _cores() -> int:
    """The processor cores this process may run on."""
    affinity = getattr(os, "sched_getaffinity", None)  # not on every system
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


def lint_first(path: Path, output: IO[bytes]) -> bool:
    """Read the SQLite file at `path` lean, lint it once with the
    configuration `raci lint` finds for it, and write the revision read,
    the configuration and the findings, pickled, to `output`; False when
    the file is not a model of this raci's schema."""
    from raci.lint import load_config
    from raci.lint.engine import lint_source
    from raci.model.source import ModelSource
    from raci.store.lean import read_snapshot

    config = load_config(path)
    read = read_snapshot(path, _revision_and_lean)
    if read is None:
        return False
    revision, lean = read
    result = lint_source(ModelSource("", lean), config)
    pickle.dump((revision, config, result), output, protocol=pickle.HIGHEST_PROTOCOL)
    return True


def _revision_and_lean(cursor: Cursor) -> tuple[int, LeanModel]:
    from raci.store.lean import read_lean
    from raci.store.reading import read_revision

    return read_revision(cursor), read_lean(cursor)


def main() -> None:
    from raci.i18n import set_language

    path, language = sys.argv[1:]
    set_language(language)
    sys.exit(0 if lint_first(Path(path), sys.stdout.buffer) else 1)


if __name__ == "__main__":
    main()
