"""The handout's matrix part of a model with no goals says what is there (its
items, not "1 goal area"); and its item names break at spaces, hyphens and
slashes, as `raci matrix` breaks them, never mid-word."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Raci

from raci.export.matrix import name_pieces, wrapped_name
from raci.export.report_html import breakable

REPOSITORY = "open-telemetry/opentelemetry-go-vanityurls"
NO_GOALS = f"""\
raci: 1
org: {{name: OpenTelemetry}}
bodies:
  - {{id: go, name: "GoLang: SDK", kind: working_group}}
initiatives:
  - {{id: i.go, name: {REPOSITORY}, raci: {{A: go}}}}
  - {{id: i.proto, name: open-telemetry/opentelemetry-proto-go, raci: {{A: go}}}}
"""
WITH_GOALS = NO_GOALS + """\
goals:
  - {id: g.go, name: Go, raci: {A: go}}
"""
CONTENTS = {"en": ("RACI matrix", "2 items", "RACI matrix per goal area", "2 areas"),
            "nl": ("RACI-matrix", "2 items", "RACI-matrix per doelgebied", "2 doelgebieden")}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_model_with_no_goals_has_a_matrix_of_its_items(
        raci: Raci, tmp_path: Path, language: str) -> None:
    heading, items, per_area, areas = CONTENTS[language]
    for name, text, said in [("none", NO_GOALS, (heading, items)),
                             ("some", WITH_GOALS, (per_area, areas))]:
        model = tmp_path / f"{name}.yaml"
        model.write_text(text, encoding="utf-8")
        page, handout = tmp_path / f"{name}.html", tmp_path / f"{name}.md"
        for out in (page, handout):
            result = raci("report", model, "-o", out, "--lang", language)
            assert result.code == 0, result.err
        written = page.read_text(encoding="utf-8")
        assert f'<li><a href="#matrix">{said[0]}</a> ({said[1]})</li>' in written
        assert f'<section class="part" id="matrix"><h2>{said[0]}</h2>' in written
        assert f"\n## {said[0]}\n" in handout.read_text(encoding="utf-8")


def test_an_item_name_breaks_after_hyphens_and_slashes_only(raci: Raci, tmp_path: Path) -> None:
    assert name_pieces(REPOSITORY) == ["open-", "telemetry/", "opentelemetry-", "go-",
                                       "vanityurls"]
    assert breakable(f"Repo {REPOSITORY}") == (
        "Repo open-<wbr>telemetry/<wbr>opentelemetry-<wbr>go-<wbr>vanityurls")
    assert wrapped_name(REPOSITORY, 16) == ["open-telemetry/", "opentelemetry-", "go-vanityurls"]
    model = tmp_path / "none.yaml"
    model.write_text(NO_GOALS, encoding="utf-8")
    assert raci("report", model, "-o", tmp_path / "none.html").code == 0
    assert f'<th class="item">{breakable(REPOSITORY)}</th>' in (
        tmp_path / "none.html").read_text(encoding="utf-8")
