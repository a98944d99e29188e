"""`raci matrix` as a process of its own ends at once once its output is
flushed (`raci.cli.end_at_once`), as `raci lint` does: the same bytes and
exit code as when the command runs in this process, and no teardown (an
exit handler never runs)."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest
from conftest import SAMPLE, Raci
from test_lint_ending import RUN_AS_RACI, TEARDOWN, process


@pytest.mark.parametrize("args", [
    [], ["--format", "csv"], ["--format", "markdown"], ["--layout", "list"],
    ["--layout", "list", "--format", "csv", "--lang", "nl"], ["--scope", "nope"],
])
def test_a_matrix_process_ends_at_once_with_the_same_bytes_and_code(
        raci: Raci, args: list[str]) -> None:
    here = raci("matrix", SAMPLE, *args)
    alone = process("matrix", SAMPLE, *args)
    assert (alone.returncode, alone.stdout, alone.stderr) == (here.code, here.out, here.err)
    assert here.out or here.err  # something was written, and all of it arrived
    assert TEARDOWN not in alone.stderr


def test_a_reader_that_stops_early_loses_nothing_it_read() -> None:
    done = subprocess.run(f"{sys.executable} -c {shlex.quote(RUN_AS_RACI)} matrix {SAMPLE} "
                          "--layout list | head -n 3", shell=True, capture_output=True,
                          text=True, timeout=120)
    assert done.stdout.count("\n") == 3
    assert done.stderr == ""


def test_what_the_matrix_was_made_from_is_kept_till_the_process_ends() -> None:
    """Returning from the command would free the model read and the matrix
    object by object: a process that ends at once still holds them."""
    script = ("import sys, weakref\n"
              "import raci.cli, raci.export.matrix\n"
              "made = []\n"
              "built = raci.export.matrix.build_matrix\n"
              "def build_matrix(*args, **options):\n"
              "    matrix = built(*args, **options)\n"
              "    made.append(weakref.ref(matrix))\n"
              "    return matrix\n"
              "raci.export.matrix.build_matrix = build_matrix\n"
              "ending = raci.cli._exit_now\n"
              "def exit_now(code):\n"
              "    print('kept' if made[0]() is not None else 'freed', file=sys.stderr)\n"
              "    ending(code)\n"
              "raci.cli._exit_now = exit_now\n"
              "sys.argv = ['raci', *sys.argv[1:]]\n"
              "raci.cli.main()\n")
    done = subprocess.run([sys.executable, "-c", script, "matrix", str(SAMPLE), "--format",
                           "csv"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert done.stderr == "kept\n"
