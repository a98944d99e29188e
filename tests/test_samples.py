"""The bundled sample organisations: valid, of the promised size, and lossless
through a database and back."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.formats import dump_model, parse_model, read_model
from raci.store import open_store

SAMPLES = sorted((Path(__file__).parent.parent / "raci" / "sample_orgs").glob("*.yaml"))


def test_the_four_samples_are_bundled() -> None:
    assert [p.name for p in SAMPLES] == [
        "energietransitie.yaml",
        "nationaal-archief.yaml",
        "politie-digitaal.yaml",
        "voorbeeld-gezond.yaml",
    ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_is_valid_and_of_realistic_size(path: Path) -> None:
    model = read_model(path).model
    assert 80 <= len(model) <= 250
    for collection in ("units", "people", "roles", "goals", "initiatives", "decisions", "kpis"):
        assert getattr(model, collection), f"{path.name} has no {collection}"
    kinds = {body.kind for body in model.bodies.values()}
    assert {"steering_group", "taskforce"} <= kinds
    assert model.org.as_of is not None


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_survives_a_database_and_both_formats(path: Path, tmp_path: Path) -> None:
    model = read_model(path).model
    with open_store(f"sqlite:///{tmp_path / 'org.db'}", create=True) as store:
        store.replace_model(model)
    with open_store(f"sqlite:///{tmp_path / 'org.db'}") as store:
        back = store.load()
    assert back == model
    for fmt in ("yaml", "json"):
        assert parse_model(dump_model(back, fmt), f"back.{fmt}", fmt).model == model
