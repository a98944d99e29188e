"""`raci edit` refusing what it cannot open, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci


def test_a_model_file_that_is_not_there_is_said_so(raci: Raci, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Not "import it first": there is nothing to import."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RACI_LANG", "nl")
    refused = raci("edit", "nope.yaml")
    assert refused.code == 2
    assert refused.err == "raci: nope.yaml: bestand bestaat niet; controleer de naam en de map\n"


def test_a_scenario_name_refused_in_dutch(raci: Raci, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RACI_LANG", "nl")
    refused = raci("edit", "x.db", "--scenario", "bad name!")
    assert refused.code == 2
    assert refused.err == ("raci: --scenario: 'bad name!' is geen scenarionaam: letters, "
                           "cijfers, _ en -, beginnend met een letter of cijfer\n")
    assert not (tmp_path / "x.db").exists()
