"""What tools read does not change with the language, and is written the
same wherever it goes: a CSV matrix's kind column, a CSV export to standard
output, and `raci lint` on the JSON Schema a pre-commit pattern picks up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Raci


@pytest.mark.parametrize("layout", ["grid", "list"])
def test_a_csv_matrix_writes_kind_identifiers_whatever_the_language(
        raci: Raci, vego: str, layout: str) -> None:
    written = raci("matrix", vego, "--format", "csv", "--layout", layout, "--lang", "nl").out
    assert written == raci("matrix", vego, "--format", "csv", "--layout", layout).out
    kinds = {line.split(",")[2] for line in written.splitlines()[1:] if '"' not in line}
    assert "goal" in kinds and "initiative" in kinds and not kinds & {"doel", "initiatief"}
    people = raci("matrix", vego, "--format", "markdown", "--layout", layout, "--lang", "nl").out
    assert "| doel |" in people and "| goal |" not in people


def test_a_csv_export_to_standard_output_is_the_file_minus_o_writes(vego: str) -> None:
    raci = [sys.executable, "-m", "raci", "export", vego, "--format", "csv"]
    piped = subprocess.run(raci, capture_output=True, check=True).stdout
    subprocess.run([*raci, "-o", "matrix.csv"], capture_output=True, check=True)
    assert piped.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM, as Excel reads it
    assert piped == Path("matrix.csv").read_bytes()


def test_lint_passes_over_the_schema_written_beside_a_model(raci: Raci, vego: str) -> None:
    Path("governance").mkdir()
    assert raci("export", vego, "-o", "governance/org.yaml").code == 0
    schema = Path("governance/raci-model.schema.json")
    assert schema.is_file()
    alone = raci("lint", schema)
    assert (alone.code, alone.out, alone.err) == (0, "No findings in 0 models.\n", "")
    both = raci("lint", schema, "governance/org.yaml", "--fail-on", "never")
    assert both.code == 0 and both.out.splitlines()[-1].endswith(" in 1 model.")
    other = Path("governance/other.json")
    other.write_text('{"$schema": "https://json-schema.org/draft/2020-12/schema"}')
    assert raci("lint", other).code == 2  # any other JSON is still read, and refused
