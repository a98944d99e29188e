"""`benchmarks.run --out` writes the measured report anew and keeps the
sections measured by hand at the end of the file."""

from __future__ import annotations

from pathlib import Path

from benchmarks.run import measured_by_hand


def test_sections_measured_by_hand_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    hand = "\n## Measured by hand: look-alike bodies\n\n| N | now |\n|---|---|\n| 1 | 1 s |\n"
    out.write_text("# raci benchmarks\n\nold table\n" + hand, encoding="utf-8")
    assert measured_by_hand(out) == hand


def test_a_report_with_nothing_by_hand_keeps_nothing(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    assert measured_by_hand(out) == ""  # no file yet
    out.write_text("# raci benchmarks\n\n## Notes\n", encoding="utf-8")
    assert measured_by_hand(out) == ""
