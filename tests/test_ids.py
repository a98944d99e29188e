"""Readable ids made from names (`raci.model.ids.id_from_name`)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from raci.errors import ModelFileError
from raci.formats.files import parse_model
from raci.formats.schema import schema_text
from raci.model.entities import ID_MAX_LENGTH, ID_PATTERN, Org, is_valid_id
from raci.model.ids import id_from_name
from raci.model.merge import merge_matrix
from raci.model.model import Model
from raci.model.sheets import SheetItem, SheetMatrix


@pytest.mark.parametrize(("name", "prefix", "made"), [
    ("Stuurgroep Warmte", "", "stuurgroep-warmte"),
    ("Petra Jansen", "p.", "p.petra-jansen"),
    ("Directeur-Generaal Bouwen & Wonen", "", "directeur-generaal-bouwen-wonen"),
    ("Ministerie van Economische Zaken en Klimaat (EZK)", "",
     "ministerie-van-economische-zaken-en-klimaat-ezk"),
    ("Coördinatie Energieëfficiëntie", "g.", "g.coordinatie-energieefficientie"),
    ("  --  ", "i.", "i.item"),
    ("财政部", "", "cai-zheng-bu"),  # transliterated, as the spreadsheet import does
])
def test_an_id_reads_as_the_name(name: str, prefix: str, made: str) -> None:
    assert id_from_name(name, prefix=prefix) == made


def test_a_taken_id_gets_a_number() -> None:
    taken = {"sg-warmte", "sg-warmte-2"}
    assert id_from_name("SG Warmte", taken) == "sg-warmte-3"


@given(st.text(), st.sets(st.text(max_size=3), max_size=5), st.sampled_from(["", "p.", "g."]))
def test_every_made_id_is_valid_and_free(name: str, taken: set[str], prefix: str) -> None:
    made = id_from_name(name, taken | {id_from_name(name, prefix=prefix)}, prefix)
    assert is_valid_id(made)
    assert made not in taken


def test_a_long_name_is_cut_to_the_longest_id() -> None:
    first = id_from_name("woord " * 40)
    second = id_from_name("woord " * 40, {first})
    assert len(first) <= ID_MAX_LENGTH and first.endswith("woord")  # cut between words
    assert len(second) <= ID_MAX_LENGTH and second.endswith("-2")


def test_an_id_ending_in_a_newline_is_refused_on_every_path() -> None:
    """``$`` in Python also matches before a final newline: ``abc\\n`` once passed
    the sheet import's check and the model file's schema as an id."""
    assert not is_valid_id("abc\n")
    matrix = SheetMatrix(items=[SheetItem(name="Warmte", cell="B2", id="abc\n")])
    assert merge_matrix(Model(Org("Warmte")), matrix).problems == [
        'B2: "abc\\n": not an id: an id starts with a letter or digit and holds only '
        "letters, digits and _ . : -"]
    with pytest.raises(ModelFileError, match="abc"):
        parse_model('raci: 1\norg: {name: Org}\nunits:\n  - id: "abc\\n"\n    name: Warmte\n',
                    "m.yaml", "yaml")


def test_the_schema_says_what_an_id_is_as_the_model_does() -> None:
    """One definition of an id: the JSON Schema editors read gives the same pattern."""
    schema = json.loads(schema_text())
    assert schema["$defs"]["id"]["pattern"] == f"^{ID_PATTERN.pattern}$"
    assert schema["$defs"]["id"]["maxLength"] == ID_MAX_LENGTH
