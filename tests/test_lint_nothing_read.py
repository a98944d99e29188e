"""`raci lint` of models none of which could be read: exit 2, the reasons
on stderr, and no summary of zero models on stdout, which was noise."""

from __future__ import annotations

from pathlib import Path

from conftest import Raci


def test_nothing_read_prints_no_summary(raci: Raci, vego: str) -> None:
    Path("empty.db").touch()
    for model in (f"{vego}@nope", "empty.db"):
        result = raci("lint", model)
        assert (result.code, result.out) == (2, ""), result.out
        assert result.err.startswith("raci: ") and result.err.count("\n") == 1


def test_some_read_keeps_the_summary_with_the_unread_counted(raci: Raci, vego: str) -> None:
    result = raci("lint", f"{vego}@nope", vego, "--fail-on", "never")
    assert result.code == 2
    assert result.out.endswith("in 1 model; 1 model could not be read.\n")
