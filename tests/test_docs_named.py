"""The contributor pages name files, and names inside them, that exist: a
page that says where to make a change must not send anyone to a file that
moved or a constant that was renamed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
PAGES = ("docs/contributing.md", "docs/architecture.md")
TOPS = r"(?:raci|tests|scripts|benchmarks|schemas|sample_orgs|docs|\.ci)"
PATH = re.compile(rf"(?<![\w/.-]){TOPS}/[\w./*<>-]*[\w*>]")
"""A path in the repository; ``*``, ``<group>`` and ``CODE`` stand for any name."""
NAMED_IN = re.compile(
    rf"`([A-Za-z_][\w.]*)(?:\(\))?`(?: \(| in |, )`({TOPS}/[\w/.]+\.py)`")
"""``NAME` (`path`)``, ``NAME` in `path``` and ``(`NAME`, `path`)``: NAME is in that file."""


def named_paths(text: str) -> set[str]:
    return set(PATH.findall(text))


@pytest.mark.parametrize("page", PAGES)
def test_every_path_a_contributor_page_names_exists(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    missing = [path for path in sorted(named_paths(text))
               if not list(ROOT.glob(re.sub(r"<\w+>|CODE", "*", path)))]
    assert missing == []


@pytest.mark.parametrize("page", PAGES)
def test_every_name_a_contributor_page_places_in_a_file_is_there(page: str) -> None:
    text = (ROOT / page).read_text(encoding="utf-8")
    pairs = NAMED_IN.findall(text)
    assert pairs, "the pattern no longer finds the page's names"
    missing = [(name, path) for name, path in pairs
               if not re.search(rf"\b{re.escape(name.rsplit('.', 1)[-1])}\b",
                                (ROOT / path).read_text(encoding="utf-8"))]
    assert missing == []
