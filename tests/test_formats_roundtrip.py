"""Writing model files: what is written reads back the same, in any YAML reader."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from raci.errors import ModelFileError
from raci.formats import (
    check_entity_data,
    dump_model,
    model_to_data,
    parse_model,
    read_model,
    write_model,
)
from raci.formats.files import Format
from raci.formats.reading import parse_yaml
from raci.formats.schema import load_schema
from raci.model import (
    BODY_KINDS,
    LETTERS,
    Assignment,
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Model,
    Org,
    Person,
    Role,
    Unit,
    Waiver,
)

HOSTILE_TEXTS = [
    'say "hi"', "it's", "{braces}", "[brackets]", "a # not a comment", "key: value",
    "- leading dash", "* star", "& amp", "! bang", "% percent", "@ at", "` tick", "| pipe",
    "> fold", "?", "yes", "no", "on", "off", "y", "n", "null", "Null", "~", "true", "False",
    "1500000", "0x1F", "0o17", "017", "1e3", "1_000", ".inf", "-.5", "+1", "12:30", "1:20:00",
    "2026-11-01", "2026-02-30", "2026-11-01T10:00:00", "line\nbreak", "tab\there",
    "back\\slash", "trailing space ", " leading space", "\u200f\u05e9\u05dc\u05d5\u05dd RTL",
    "中文名称", "emoji 🎉👩‍👩‍👧", "\u00a0nbsp", "nel\u0085here", "ls\u2028ps\u2029", "bom\ufeff",
    "ctrl\x01\x7f", "---", "...", "<<", "=", "a, b", "name:", "#", "'", '"', "\\", "x" * 500,
    "_0", "__1", "_1.5", "_x",
]

SAMPLE_PATHS = sorted((Path(__file__).parents[1] / "raci" / "sample_orgs").glob("*.yaml"))


def model_with_texts(texts: list[str]) -> Model:
    model = Model(Org(name=texts[0], description=texts[1], as_of=dt.date(2026, 11, 1)))
    model.units["u"] = Unit(id="u", name="U", tags=texts)
    for number, text in enumerate(texts):
        person_id = f"p{number}"
        model.people[person_id] = Person(id=person_id, name=text, description=text, unit="u")
    model.goals["g"] = Goal(id="g", name="G")
    model.initiatives["i"] = Initiative(id="i", name="I", goals=["g"], success_criteria=texts)
    model.kpis["k"] = Kpi(id="k", name="K", measures="g", type="lagging", target=texts[-1])
    return model


def test_hostile_texts_survive_yaml_for_yaml_rs_and_pyyaml() -> None:
    texts = [t for t in HOSTILE_TEXTS if t.strip()]
    model = model_with_texts(texts)
    text = dump_model(model, "yaml")
    assert yaml.safe_load(text) == model_to_data(model)
    assert parse_model(text, "out.yaml", "yaml").model == model


def test_hostile_texts_survive_json() -> None:
    model = model_with_texts([t for t in HOSTILE_TEXTS if t.strip()])
    text = dump_model(model, "json")
    assert json.loads(text) == model_to_data(model)
    assert parse_model(text, "out.json", "json").model == model


def test_the_written_format_follows_the_spec(tmp_path: Path) -> None:
    model = Model(Org(name="Org"))
    model.units["u"] = Unit(id="u", name="U")
    model.roles["r1"] = Role(id="r1", name="R1", unit="u")
    model.roles["r2"] = Role(id="r2", name="R2")
    model.bodies["b"] = Body(id="b", name="B", kind="taskforce", temporary=False)
    model.goals["g"] = Goal(id="g", name="G")
    model.kpis["k"] = Kpi(id="k", name="K", measures="g", type="leading", has_raci=True)
    model.assignments = [
        Assignment("g", "R", "r2"), Assignment("g", "A", "b"), Assignment("g", "R", "r1")
    ]
    path = tmp_path / "org.yaml"
    write_model(model, path)
    assert path.read_text() == (
        "# yaml-language-server: $schema=raci-model.schema.json\n"
        "raci: 1\n"
        "org:\n  name: Org\n"
        "units:\n  - id: u\n    name: U\n"
        "roles:\n  - id: r1\n    name: R1\n    unit: u\n  - id: r2\n    name: R2\n"
        "bodies:\n  - id: b\n    name: B\n    kind: taskforce\n    temporary: false\n"
        "goals:\n  - id: g\n    name: G\n    raci: {A: b, R: [r2, r1]}\n"
        "kpis:\n  - id: k\n    name: K\n    measures: g\n    type: leading\n    raci: {}\n"
    )
    assert set(read_model(path).model.assignments) == set(model.assignments)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["org.yaml", "raci-model.schema.json"]


def test_writing_replaces_the_file_whole_and_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "org.json"
    path.write_text("old")
    path.chmod(0o640)
    write_model(Model(Org(name="X")), path)
    assert json.loads(path.read_text()) == {"raci": 1, "org": {"name": "X"}}
    assert path.stat().st_mode & 0o777 == 0o640


# ---- generated models --------------------------------------------------------

IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,12}", fullmatch=True)
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=20)
NAME = TEXT.filter(lambda text: re.search(r"\S", text) is not None)
DATE = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31))
FTE = st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@st.composite
def models(draw: st.DrawFn) -> Model:
    ids = draw(st.lists(IDS, min_size=8, max_size=30, unique=True))
    units, people, roles, bodies, goals, rest = (
        ids[0:2], ids[2:4], ids[4:6], ids[6:7], ids[7:8], ids[8:]
    )
    model = Model(Org(name=draw(NAME), description=draw(st.none() | TEXT),
                      as_of=draw(st.none() | DATE)))
    for n, unit_id in enumerate(units):
        parent = units[n - 1] if n else None
        model.units[unit_id] = Unit(id=unit_id, name=draw(NAME), parent=parent,
                                    external=draw(st.booleans()), tags=draw(st.lists(TEXT,
                                    max_size=3, unique=True)))
    for person_id in people:
        model.people[person_id] = Person(id=person_id, name=draw(NAME), capacity_fte=draw(FTE),
                                         unit=draw(st.none() | st.sampled_from(units)))
    for role_id in roles:
        model.roles[role_id] = Role(
            id=role_id, name=draw(NAME), holders=draw(st.lists(st.sampled_from(people),
            unique=True)), temporary=draw(st.booleans()), sunset=draw(st.none() | DATE),
            reports_to=draw(st.none() | st.sampled_from(roles + bodies)),
        )
    actors = people + roles + bodies
    for body_id in bodies:
        model.bodies[body_id] = Body(
            id=body_id, name=draw(NAME), kind=draw(st.sampled_from(BODY_KINDS)),
            chair=draw(st.none() | st.sampled_from(roles)), mandate=draw(st.none() | TEXT),
            members=draw(st.lists(st.sampled_from(people + roles), unique=True)),
            temporary=draw(st.none() | st.booleans()),
            meets_every_days=draw(st.none() | st.integers(1, 400)),
        )
    model.goals[goals[0]] = Goal(id=goals[0], name=draw(NAME), due=draw(st.none() | DATE))
    items = list(goals)
    for n, item_id in enumerate(rest):
        if n % 3 == 0:
            model.initiatives[item_id] = Initiative(
                id=item_id, name=draw(NAME), goals=goals, demand_fte=draw(FTE),
                status=draw(st.none() | st.sampled_from(["proposed", "active", "done"])),
                success_criteria=draw(st.lists(NAME, max_size=2, unique=True)),
            )
        elif n % 3 == 1:
            model.decisions[item_id] = Decision(id=item_id, name=draw(NAME), about=goals)
        else:
            model.kpis[item_id] = Kpi(id=item_id, name=draw(NAME), measures=goals[0],
                                      type=draw(st.sampled_from(["leading", "lagging"])),
                                      target=draw(st.none() | TEXT), has_raci=draw(st.booleans()))
        items.append(item_id)
    for item_id in items:
        chosen = draw(st.lists(st.sampled_from(actors), unique=True, max_size=4))
        for actor in chosen:
            letter = draw(st.sampled_from(LETTERS))
            model.assignments.append(Assignment(item_id, letter, actor))
            if item_id in model.kpis:
                model.kpis[item_id].has_raci = True
    model.assignments.sort(key=lambda a: (a.item, "ARCI".index(a.letter)))
    if draw(st.booleans()):
        model.waivers.append(Waiver(rule="BOD002", target=draw(st.lists(
            st.sampled_from(ids), min_size=1, max_size=3, unique=True)), reason=draw(NAME),
            expires=draw(st.none() | DATE), author=draw(st.none() | TEXT)))
    model.changed()
    return model


def same_model(left: Model, right: Model) -> bool:
    """Equal, with each item's assignments compared as a set (the file groups by letter)."""
    def assignment_set(model: Model) -> set[Assignment]:
        return set(model.assignments)

    return (
        assignment_set(left) == assignment_set(right)
        and model_to_data(left) == model_to_data(right)
        and [vars_of(e) for e in left.entities()] == [vars_of(e) for e in right.entities()]
    )


def vars_of(entity: Any) -> tuple[Any, ...]:
    return (type(entity).__name__, *(getattr(entity, f) for f in entity.__slots__))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_generated_models_round_trip_through_yaml_and_json(model: Model) -> None:
    fmt: Format
    for fmt in ("yaml", "json"):
        text = dump_model(model, fmt)
        assert same_model(parse_model(text, f"m.{fmt}", fmt).model, model)
    assert yaml.safe_load(dump_model(model, "yaml")) == model_to_data(model)


# ---- the fast schema checks agree with jsonschema ----------------------------

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([0.5, 30.0, -1.5])
    | st.sampled_from(["", " ", "x", "p.1", "b z", "2026-11-01", "2026-02-30", "BOD002",
                       "steering_group", "leading", "active", "A" * 101, "2026-1-1"]),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["R", "A", "C", "I", "X"]), inner, max_size=3),
    max_leaves=6,
)


SCHEMA_KINDS = ["org", "unit", "person", "role", "body", "goal", "initiative", "decision", "kpi",
                "waiver"]


@st.composite
def entity_data(draw: st.DrawFn, kind: str | None = None) -> tuple[str, dict[str, Any]]:
    schema = load_schema()
    kind = kind or draw(st.sampled_from(SCHEMA_KINDS))
    keys = [*schema["$defs"][kind]["properties"], "colour"]
    data = draw(st.dictionaries(st.sampled_from(keys), VALUES, max_size=6))
    for key in schema["$defs"][kind]["required"]:
        if draw(st.integers(0, 4)):
            data.setdefault(key, draw(st.sampled_from(["x", "p.1", "lagging", "other", "BOD002"])))
    return kind, data


@settings(max_examples=300, deadline=None)
@given(entity_data())
def test_fast_schema_checks_agree_with_jsonschema(case: tuple[str, dict[str, Any]]) -> None:
    kind, data = case
    schema = {**load_schema(), "$ref": f"#/$defs/{kind}"}
    for key in ("type", "required", "properties", "additionalProperties"):
        schema.pop(key)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert validator.is_valid(data) == (check_entity_data(kind, data) == [])


def test_the_shipped_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda path: path.name)
def test_every_sample_written_as_json_passes_the_schema_itself(path: Path) -> None:
    """The fast checks are not the only judge: the real validator accepts what raci writes."""
    document = json.loads(dump_model(read_model(path).model, "json"))
    validator = jsonschema.Draft202012Validator(
        load_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert [error.message for error in validator.iter_errors(document)] == []


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("unit", {"id": "u", "name": "U", "parnet": "x"},
         ["unit u: unknown key 'parnet'; did you mean 'parent'?"]),
        ("person", {"id": "p", "name": "P", "capacity_fte": "one"},
         ["person p: capacity_fte: 'one' is not a number of at least 0"]),
        ("goal", {"id": "g", "name": "G", "raci": {"A": ["r", 3]}},
         ["goal g: raci.A: the number 3 is not an id (letters, digits and _ . : -, starting "
          "with a letter or digit, at most 100 characters); put it in quotes to make it "
          "text: '3'"]),
        ("goal", {"id": "g", "name": "G", "due": dt.date(2030, 1, 1)}, []),
        ("body", {"id": "b", "name": "B", "kind": "committee", "established": "2026-13-01"},
         ["body b: established: '2026-13-01' is not a calendar date written YYYY-MM-DD"]),
    ],
)
def test_check_entity_data_words_problems_as_a_file_does(
    kind: str, data: dict[str, Any], expected: list[str]
) -> None:
    assert check_entity_data(kind, data) == expected


# ---- yaml-rs reads real files as PyYAML does -----------------------------------

SAMPLE_FILES = [
    *sorted((Path(__file__).parents[1] / "raci" / "sample_orgs").glob("*.yaml")),
    Path(__file__).parent / "data" / "files" / "warmte.yaml",
]


def dates_as_text(data: Any) -> Any:
    """PyYAML's data with its dates written back as ISO text (model files nest 5 deep)."""
    if isinstance(data, dict):
        return {key: dates_as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [dates_as_text(value) for value in data]
    return data.isoformat() if isinstance(data, dt.date) else data


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda path: path.name)
def test_yaml_rs_reads_the_sample_files_as_pyyaml_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert parse_yaml(text) == dates_as_text(yaml.safe_load(text))


# ---- any document is either read or refused with located messages -----------


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    sections = {"units": "unit", "people": "person", "roles": "role", "bodies": "body",
                "goals": "goal", "initiatives": "initiative", "decisions": "decision",
                "kpis": "kpi", "waivers": "waiver"}
    document: dict[str, Any] = {"raci": draw(st.sampled_from([1, 1, 2, "1"]))}
    document["org"] = draw(entity_data())[1] if draw(st.booleans()) else {"name": "Org"}
    for section in draw(st.lists(st.sampled_from(list(sections)), unique=True, max_size=5)):
        entries = []
        for _ in range(draw(st.integers(0, 4))):
            kind = sections[section] if draw(st.integers(0, 3)) else None
            entries.append(draw(entity_data(kind))[1])
        document[section] = entries
    return document


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_is_read_or_refused_with_located_messages(document: dict[str, Any]) -> None:
    text = json.dumps(document, indent=1)
    fmt: Format
    for fmt in ("json", "yaml"):  # JSON is YAML too
        try:
            parse_model(text, "m", fmt)
        except ModelFileError as refused:
            assert refused.problems
            for problem in refused.problems:
                assert re.match(r"m:\d+:\d+: \S", problem), problem
                assert "\n" not in problem


YAMLISH = st.lists(
    st.sampled_from([*"-:?,[]{}&*!|>'\"#%@~ \n\tabAR1.", "raci: 1\n", "org:\n  name: x\n",
                     "units:\n  - id: u\n    name: U\n", "  ", "- ", ": "]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_any_text_is_read_or_refused_in_located_lines(text: str) -> None:
    try:
        parse_model(text, "m", "yaml")
    except ModelFileError as refused:
        assert refused.problems
        assert all(re.match(r"m:\d+:\d+: \S[^\n]*$", problem) for problem in refused.problems)
