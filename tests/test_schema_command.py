"""`raci schema` and the schema comment that YAML model files start with.

An editor with the YAML language server reads the first line of a model file,
`# yaml-language-server: $schema=raci-model.schema.json`, and loads that path
relative to the file; these tests hold that the file named is there, is the
schema, and accepts the model it sits beside.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
from conftest import SAMPLE

from raci.formats import read_model
from raci.formats.reading import parse_yaml

SHIPPED = Path(__file__).parent.parent / "raci" / "schemas" / "raci-model.schema.json"
COMMENT = re.compile(r"# yaml-language-server: \$schema=(?P<target>\S+)\n")


def test_schema_prints_the_shipped_schema_with_a_real_id(tmp_path: Path, raci) -> None:
    printed = raci("schema")
    assert printed.code == 0 and printed.out == SHIPPED.read_text(encoding="utf-8")
    schema = json.loads(printed.out)
    jsonschema.Draft202012Validator.check_schema(schema)
    scheme, _, name = schema["$id"].partition(":uuid:")
    assert scheme == "urn" and uuid.UUID(name).version == 4  # a name, not an address
    written = raci("schema", "-o", tmp_path / "raci-model.schema.json")
    assert written.code == 0 and written.err == f"wrote {tmp_path / 'raci-model.schema.json'}\n"
    assert (tmp_path / "raci-model.schema.json").read_text(encoding="utf-8") == printed.out


def test_an_exported_file_names_the_schema_written_beside_it(tmp_path: Path, raci) -> None:
    model = tmp_path / "model" / "warmte.yaml"
    model.parent.mkdir()
    exported = raci("export", SAMPLE, "-o", model)
    assert exported.code == 0, exported.err
    text = model.read_text(encoding="utf-8")
    named = COMMENT.match(text)
    assert named is not None, text[:80]
    target = model.parent / named["target"]  # relative to the file, as editors read it
    assert target.read_text(encoding="utf-8") == raci("schema").out
    assert f"wrote {target} beside it" in exported.err
    validator = jsonschema.Draft202012Validator(
        json.loads(target.read_text(encoding="utf-8")),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    assert list(validator.iter_errors(parse_yaml(text))) == []
    assert read_model(model).model == read_model(SAMPLE).model


def test_the_schema_beside_is_written_once_and_replaced_when_outdated(
        tmp_path: Path, raci) -> None:
    assert raci("export", SAMPLE, "-o", tmp_path / "a.yaml").code == 0
    again = raci("export", SAMPLE, "-o", tmp_path / "b.yaml")
    assert again.code == 0 and "beside it" not in again.err
    older = SHIPPED.read_text(encoding="utf-8").replace('"title": "raci model file"',
                                                        '"title": "raci model file, older"')
    (tmp_path / "raci-model.schema.json").write_text(older, encoding="utf-8")
    replaced = raci("export", SAMPLE, "-o", tmp_path / "c.yaml")
    assert "beside it" in replaced.err
    assert (tmp_path / "raci-model.schema.json").read_text(encoding="utf-8") == \
        SHIPPED.read_text(encoding="utf-8")


@pytest.mark.parametrize("theirs", [
    '{"mine": true}\n',
    '{"$id": "https://example.org/mine", "$ref": "urn:uuid:2b9b1b2c-0873-41d5-b76e-d4fa2beb23d7"}',
    "not json at all",
    None,  # a folder
])
@pytest.mark.parametrize("command", ["export", "generate"])
def test_the_users_own_file_where_the_schema_goes_is_kept(
        tmp_path: Path, raci, theirs: str | None, command: str) -> None:
    """Only a schema raci wrote (its $id) is replaced: another file, or a
    folder, of that name is the user's. The model file is still written, and
    the command exits 0: the schema is a help for editors, not the output."""
    beside = tmp_path / "raci-model.schema.json"
    if theirs is None:
        beside.mkdir()
    else:
        beside.write_text(theirs, encoding="utf-8")
    before = None if theirs is None else hashlib.sha256(beside.read_bytes()).hexdigest()
    model = tmp_path / "warmte.yaml"
    arguments = (SAMPLE,) if command == "export" else ("--size", "small")
    written = raci(command, *arguments, "-o", model)
    assert written.code == 0, written.err
    assert COMMENT.match(model.read_text(encoding="utf-8"))
    assert f"kept {beside} as it was, as raci did not write it" in written.err
    assert "beside it:" not in written.err
    if theirs is None:
        assert beside.is_dir() and not any(beside.iterdir())
    else:
        assert hashlib.sha256(beside.read_bytes()).hexdigest() == before


def test_generated_and_printed_yaml_start_with_the_comment(tmp_path: Path, raci) -> None:
    generated = tmp_path / "small.yaml"
    assert raci("generate", "--size", "small", "-o", generated).code == 0
    assert COMMENT.match(generated.read_text(encoding="utf-8"))
    assert (tmp_path / "raci-model.schema.json").exists()
    printed = raci("export", SAMPLE)
    assert COMMENT.match(printed.out)


def test_json_files_carry_no_comment_and_get_no_schema(tmp_path: Path, raci) -> None:
    assert raci("export", SAMPLE, "-o", tmp_path / "warmte.json").code == 0
    assert json.loads((tmp_path / "warmte.json").read_text(encoding="utf-8"))["raci"] == 1
    assert [path.name for path in tmp_path.iterdir()] == ["warmte.json"]


def test_schema_help_writes_the_file_the_modeline_names(raci) -> None:
    """The example in `raci schema --help` writes the schema where a model
    file's first line looks for it."""
    from raci.formats.schema import SCHEMA_FILE

    examples = raci("schema", "--help").out.split("Example:", 1)[1]
    written = re.findall(r"raci schema -o (\S+)", examples)
    assert written == [SCHEMA_FILE]
