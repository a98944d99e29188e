"""The app's benchmark measures any model as far as it goes: a step the model
gives nothing to (no cell in the matrix of a model without items) is
skipped and named with why, not an AssertionError that loses every figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import Raci

ROOT = Path(__file__).parents[1]
PEOPLE_ONLY = """\
raci: 1
org: {name: Klein bureau}
units: [{id: bureau, name: Bureau}]
people:
  - {id: p.anna, name: Anna de Vries, unit: bureau}
  - {id: p.bram, name: Bram Jansen, unit: bureau}
"""


def test_a_model_with_no_assignments_is_measured_as_far_as_it_goes(
        raci: Raci, tmp_path: Path) -> None:
    (tmp_path / "few.yaml").write_text(PEOPLE_ONLY, encoding="utf-8")
    assert raci("import", tmp_path / "few.yaml", "--into", tmp_path / "few.db").code == 0
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.app_bench", str(tmp_path / "few.db"), "--json",
         "--edits", "1"], capture_output=True, text=True, check=False, cwd=ROOT,
        env={**os.environ, "RACI_APP_BENCH_COMPILED": "1"})  # no bytecode written first
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures.pop("skipped") == {
        "cell_edit": "the matrix has no cell: the model has no items or no actors"}
    assert {"expand_people_ms", "palette_jump_ms", "suggestions_ms",
            "review_start_ms"} <= figures.keys()
    assert "cell_edit_ms" not in figures
