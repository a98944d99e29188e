"""`raci lint` as a process of its own ends at once once its output is
flushed (`raci.cli.end_at_once`): the same bytes and exit code as when the
command runs in this process, and no teardown (an exit handler never runs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci

TEARDOWN = "teardown ran"
RUN_AS_RACI = ("import atexit, sys\n"
               f"atexit.register(lambda: print({TEARDOWN!r}, file=sys.stderr))\n"
               "from raci.cli import main\n"
               "sys.argv = ['raci', *sys.argv[1:]]\n"
               "main()\n")
"""`raci ARGS...` as the process itself, with an exit handler that says so
when it runs (the teardown `end_at_once` skips)."""


def process(*args: str | Path,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN_AS_RACI, *map(str, args)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("args", [
    ["--format", "text"], ["--format", "json"], ["--format", "sarif", "--fail-on", "never"],
    ["--statistics", "--lang", "nl"], ["--select", "OWN", "--fail-on", "error"],
])
def test_a_lint_process_ends_at_once_with_the_same_bytes_and_code(
        raci: Raci, args: list[str]) -> None:
    here = raci("lint", SAMPLE, *args)
    alone = process("lint", SAMPLE, *args)
    assert (alone.returncode, alone.stdout, alone.stderr) == (here.code, here.out, here.err)
    assert here.out  # something was written, and all of it arrived


def test_under_ci_too(raci: Raci, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    here = raci("lint", SAMPLE, "--format", "github")
    alone = process("lint", SAMPLE, "--format", "github", env={"CI": "true"})
    assert (alone.returncode, alone.stdout, alone.stderr) == (here.code, here.out, here.err)


def test_a_model_that_cannot_be_read_still_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("units: [\n", encoding="utf-8")
    alone = process("lint", SAMPLE, broken)
    assert alone.returncode == 2
    assert alone.stderr.startswith(f"{broken}:") and alone.stderr.count("\n") == 1
    assert "[error]" in alone.stdout  # the model that could be read is still reported


@pytest.mark.parametrize("args", [["lint", SAMPLE, "--suggest"], ["rules", "OWN001"]])
def test_other_commands_end_as_every_program_does(args: list[str | Path]) -> None:
    assert process(*args).stderr.endswith(TEARDOWN + "\n")


def test_called_with_arguments_the_program_goes_on(raci: Raci) -> None:
    # The tests call `main(ARGS)`: it exits by SystemExit, never ending this process.
    assert raci("lint", SAMPLE, "--fail-on", "never").code == 0


def test_the_model_linted_can_be_kept_rather_than_freed() -> None:
    from raci.lint.config import LintConfig
    from raci.linting import lint_lean
    from raci.model.source import ModelSource

    kept: list[object] = []
    result = lint_lean(str(SAMPLE), LintConfig(), set(), kept=kept)
    assert result.findings == lint_lean(str(SAMPLE), LintConfig(), set()).findings
    assert isinstance(kept[0], ModelSource)
    assert kept[0].model.kinds["bzk-dbk"] == "unit"


def test_what_the_lint_worked_out_is_kept_with_the_model() -> None:
    # Freeing the analysis and the rules' problems cost a twentieth of a
    # `raci lint` of tens of thousands of findings, in a process about to end.
    from raci.analysis import Analysis
    from raci.lint.config import LintConfig
    from raci.linting import lint_lean

    kept: list[object] = []
    lint_lean(str(SAMPLE), LintConfig(), set(), kept=kept)
    analysis = next(k for k in kept if isinstance(k, Analysis))
    assert analysis.model is kept[0].model  # type: ignore[attr-defined]
    problems = next(k for k in kept if isinstance(k, dict))
    assert "OWN001" in problems


def test_a_lint_result_holds_its_findings_not_the_model() -> None:
    # The app's first-findings child pickles the result whole: a model in it
    # (every entity, pickled and read back) doubled the app's start on national.
    import pickle

    from raci.lint.config import LintConfig
    from raci.lint.engine import lint_source
    from raci.source import open_lean_model

    result = lint_source(open_lean_model(str(SAMPLE)), LintConfig())
    handed = len(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    findings = len(pickle.dumps((result.findings, result.not_run),
                                protocol=pickle.HIGHEST_PROTOCOL))
    assert handed < findings + 1_000


def test_what_the_lint_made_is_kept_till_the_process_ends() -> None:
    """Returning from the command would free every finding one by one (a
    twentieth of a lint of tens of thousands): a process that ends at once
    still holds them when it ends."""
    script = ("import sys, weakref\n"
              "import raci.cli, raci.linting\n"
              "made = []\n"
              "linted = raci.linting.run_lint\n"
              "def run_lint(*args, **options):\n"
              "    run = linted(*args, **options)\n"
              "    made.append(weakref.ref(run))\n"
              "    return run\n"
              "raci.linting.run_lint = run_lint\n"
              "ending = raci.cli._exit_now\n"
              "def exit_now(code):\n"
              "    print('kept' if made[0]() is not None else 'freed', file=sys.stderr)\n"
              "    ending(code)\n"
              "raci.cli._exit_now = exit_now\n"
              "sys.argv = ['raci', *sys.argv[1:]]\n"
              "raci.cli.main()\n")
    done = subprocess.run([sys.executable, "-c", script, "lint", str(SAMPLE)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1  # the sample has findings
    assert done.stderr == "kept\n"
