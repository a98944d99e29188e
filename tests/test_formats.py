"""Reading model files: every kind of validation error, with its line and column."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from raci.errors import ModelFileError, RaciError
from raci.formats import dump_model, parse_model, read_model, reading
from raci.formats.files import Format, write_model
from raci.formats.reading import MAX_FILE_BYTES, ParseFailure, _CoreSchemaLoader, parse_yaml

FILES = Path(__file__).parent / "data" / "files"
SAMPLE_FILES = sorted((Path(__file__).parents[1] / "raci" / "sample_orgs").glob("*.yaml"))

# Lines 1-14; each case below appends from line 15 on.
BASE = """\
raci: 1
org:
  name: Test
units:
  - id: bzk
    name: BZK
people:
  - id: p.jansen
    name: Petra Jansen
    unit: bzk
roles:
  - id: dg-bw
    name: DG
    holders: [p.jansen]
"""


def problems(text: str, fmt: Format = "yaml") -> list[str]:
    with pytest.raises(ModelFileError) as refused:
        parse_model(text, "org.yaml", fmt)
    return refused.value.problems


def test_the_spec_example_with_its_missing_entities_added_is_valid() -> None:
    loaded = read_model(FILES / "warmte.yaml")
    model = loaded.model
    assert model.org.name == "Programma Warmtetransitie"
    assert model.roles["dg-bw"].holders == ["p.jansen"]
    assert model.actors("g.aardgasvrij", "A") == ["dg-bw"]
    assert model.kpis["k.woningen"].target == "1500000"
    assert model.bodies["sg-warmte"].temporary is False
    assert str(model.org.as_of) == "2026-11-01"
    assert loaded.locations["bzk"] == (7, 5)
    assert loaded.locations["waivers[0]"] == (82, 5)


def test_the_spec_example_as_printed_names_entities_it_does_not_define() -> None:
    assert problems((FILES / "spec-example.yaml").read_text()) == [
        "org.yaml:28:17: role dg-bw: reports_to 'sg-bzk' names nothing (expected a role or body); "
        "add a role or body with that id or correct it",
        "org.yaml:41:17: body sg-warmte: reports_to 'sg-bzk' names nothing (expected a role or "
        "body); add a role or body with that id or correct it",
        "org.yaml:50:13: goal g.aardgasvrij: parent 'g.klimaat' names nothing (expected a goal); "
        "add a goal with that id or correct it",
    ]


def test_json_and_yaml_give_the_same_model_and_locations_point_at_ids() -> None:
    from_yaml = read_model(FILES / "warmte.yaml")
    from_json = read_model(FILES / "warmte.json")
    assert from_json.model == from_yaml.model
    line, column = from_json.locations["p.dekker"]
    text_line = (FILES / "warmte.json").read_text().splitlines()[line - 1]
    assert text_line[column - 1:].startswith('"id": "p.dekker"')


def test_a_model_read_without_locations_is_the_same_model() -> None:
    """An import reads with ``locate=False``: the same model, nothing located."""
    located = read_model(FILES / "warmte.yaml")
    unlocated = read_model(FILES / "warmte.yaml", locate=False)
    assert unlocated.model == located.model
    assert located.locations and not unlocated.locations


def test_a_model_read_without_locations_still_refuses_with_lines() -> None:
    text = (FILES / "spec-example.yaml").read_text()
    with pytest.raises(ModelFileError) as refused:
        parse_model(text, "org.yaml", "yaml", locate=False)
    assert refused.value.problems[0].startswith("org.yaml:28:17: role dg-bw:")


def test_locations_in_flow_style_yaml_come_from_the_exact_walk() -> None:
    text = BASE + "goals:\n  - {id: g1, name: G}\n  - {name: H, id: g2}\n"
    locations = parse_model(text, "org.yaml", "yaml").locations
    assert locations["g1"] == (16, 6)
    assert locations["g2"] == (17, 15)
    assert locations["dg-bw"] == (12, 5)


CASES = {
    "unknown key": (
        "    holdres: []\n",
        "15:5: role dg-bw: unknown key 'holdres'; did you mean 'holders'?",
    ),
    "missing required key": (
        "bodies:\n  - id: sg\n    name: SG\n",
        "16:5: body sg: missing required key 'kind': one of steering_group, programme_board, "
        "portfolio_board, taskforce, crisis_team, working_group, committee, advisory_board, other",
    ),
    "bad id pattern": (
        "goals:\n  - id: g 1\n    name: G\n",
        "16:9: goal g 1: id: 'g 1' is not an id (letters, digits and _ . : -, starting with "
        "a letter or digit, at most 100 characters)",
    ),
    "id that YAML reads as a number": (
        "goals:\n  - id: 2024\n    name: G\n",
        "16:9: goal #1: id: the number 2024 is not an id",
    ),
    "duplicate id across kinds": (
        "goals:\n  - id: bzk\n    name: G\n",
        "16:9: goal bzk: id 'bzk' is already used by a unit (ids are unique across the whole "
        "model)",
    ),
    "unknown id with a near one": (
        "    reports_to: dg-bww\n",
        "15:17: role dg-bw: reports_to 'dg-bww' names nothing (expected a role or body); "
        "did you mean 'dg-bw'?",
    ),
    "reference to the wrong kind": (
        "    unit: p.jansen\n",
        "15:11: role dg-bw: unit 'p.jansen' is not a unit but a person",
    ),
    "indicator measuring the wrong kind": (
        "kpis:\n  - id: k1\n    name: K\n    measures: bzk\n    type: leading\n",
        "18:15: indicator k1: measures 'bzk' is not a goal or initiative but a unit",
    ),
    "id twice in one list": (
        "goals:\n  - id: g1\n    name: G\n    raci: {R: [dg-bw, dg-bw]}\n",
        "18:23: goal g1: raci.R: 'dg-bw' is listed twice",
    ),
    "actor with two letters": (
        "goals:\n  - id: g1\n    name: G\n    raci: {A: dg-bw, C: dg-bw}\n",
        "18:25: goal g1: 'dg-bw' holds both A and C; give it one letter (A with R is the only "
        "pair)",
    ),
    "actor that is no role, body or person": (
        "goals:\n  - id: g1\n    name: G\n    raci: {A: bzk}\n",
        "18:15: goal g1: raci.A actor 'bzk' is not a person, role or body but a unit",
    ),
    "bad raci letter": (
        "goals:\n  - id: g1\n    name: G\n    raci: {X: dg-bw}\n",
        "18:12: goal g1: raci: unknown key 'X'",
    ),
    "bad enum": (
        "bodies:\n  - id: sg\n    name: SG\n    kind: stuurgroep\n",
        "18:11: body sg: kind: 'stuurgroep' is not one of steering_group,",
    ),
    "bad date": (
        "    sunset: 2026-02-30\n",
        "15:13: role dg-bw: sunset: '2026-02-30' is not a calendar date written YYYY-MM-DD",
    ),
    "yes is text, not a boolean (YAML 1.2)": (
        "    temporary: yes\n",
        "15:16: role dg-bw: temporary: 'yes' is not true or false",
    ),
    "cycle in goal parents": (
        "goals:\n  - id: g1\n    name: A\n    parent: g2\n  - id: g2\n    name: B\n"
        "    parent: g1\n",
        "18:13: goal g1: parent forms a cycle (g1 → g2 → g1); parents must form a tree",
    ),
    "waiver without reason": (
        "waivers:\n  - rule: BOD002\n    target: dg-bw\n",
        "16:5: waiver 1: missing required key 'reason': a non-empty text",
    ),
    "waiver with an empty rule": (
        "waivers:\n  - rule: ' '\n    target: dg-bw\n    reason: r\n",
        "16:11: waiver 1: rule: ' ' is not a rule's code like BOD002, or its name",
    ),
    "waiver aimed at nothing": (
        "waivers:\n  - rule: BOD002\n    target: [dg-bw, nobody]\n    reason: r\n",
        "17:21: waiver 1: target 'nobody' names nothing; correct it or remove it",
    ),
    "waiver aimed at nothing beside a fact waived": (
        "waivers:\n  - rule: DAT001\n    target: chairs\n    reason: r\n"
        "  - rule: BOD002\n    target: nobody\n    reason: r\n",
        "20:13: waiver 2: target 'nobody' names nothing; correct it or remove it",
    ),
    "duplicate key": (
        "    name: Again\n",
        "15:5: duplicate key 'name'; keep one of them",
    ),
    "empty name": (
        "goals:\n  - id: g1\n    name: '   '\n",
        "17:11: goal g1: name: '   ' is not a non-empty text",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_error_is_reported_with_line_and_column(case: str) -> None:
    appended, expected = CASES[case]
    found = problems(BASE + appended)
    assert len(found) == 1, found
    assert found[0].startswith(f"org.yaml:{expected}")


def test_negative_capacity_is_refused_where_it_is_written() -> None:
    text = BASE.replace("    unit: bzk\n", "    unit: bzk\n    capacity_fte: -0.5\n")
    assert problems(text) == [
        "org.yaml:11:19: person p.jansen: capacity_fte: the number -0.5 is not a number of "
        "at least 0"
    ]


@pytest.mark.parametrize(("old", "new", "said"), [
    ("    unit: bzk\n", '    unit: bzk\n    capacity_fte: "1,0"\n',
     "org.yaml:11:19: person p.jansen: capacity_fte: '1,0' is not a number of at least 0; "
     "write a point for the decimals: 1.0"),
    ("  - id: bzk\n", "  - id: 2024\n",
     "org.yaml:5:9: unit #1: id: the number 2024 is not an id (letters, digits and _ . : -, "
     "starting with a letter or digit, at most 100 characters); put it in quotes to make it "
     "text: '2024'"),
    ("raci: 1\n", "raci: 2\n",
     "org.yaml:1:7: raci: the number 2 is not the format version 1; a newer raci made this "
     "file: upgrade raci to read it"),
])
def test_a_common_slip_in_a_value_says_what_to_write(old: str, new: str, said: str) -> None:
    assert problems(BASE.replace(old, new, 1))[0] == said


def test_cycle_in_unit_parents() -> None:
    text = BASE.replace("    name: BZK\n", "    name: BZK\n    parent: dgbw\n  - id: dgbw\n"
                        "    name: DG\n    parent: bzk\n")
    assert problems(text) == [
        "org.yaml:7:13: unit bzk: parent forms a cycle (bzk → dgbw → bzk); parents must form "
        "a tree"
    ]


def test_every_error_is_reported_at_once_sorted_by_line() -> None:
    text = BASE + "".join(CASES[case][0] for case in ("unknown key", "bad date")) + (
        "goals:\n  - id: g1\n    name: G\n    raci: {A: dg-bw, I: dg-bw, X: q}\n"
        "  - id: bzk\n    name: G2\n"
    )
    found = problems(text)
    assert [line.split(":")[1] for line in found] == ["15", "16", "20", "20", "21"]
    assert "unknown key 'holdres'" in found[0]
    assert "is not a calendar date" in found[1]
    assert "holds both A and I" in found[2]
    assert "unknown key 'X'" in found[3]
    assert "already used by a unit" in found[4]


def test_a_missing_format_version_is_reported_at_the_top() -> None:
    assert problems("org:\n  name: X\n") == [
        "org.yaml:1:1: missing required key 'raci': the format version 1"
    ]
    assert problems("raci: 2\norg:\n  name: X\n") == [
        "org.yaml:1:7: raci: the number 2 is not the format version 1; a newer raci made this "
        "file: upgrade raci to read it"
    ]


@pytest.mark.parametrize("written", ["'20301231'", "'2030-W52-1'", "'2030-12-31T00:00'"])
def test_a_date_is_written_yyyy_mm_dd_only(written: str) -> None:
    text = BASE + f"goals:\n  - id: g1\n    name: G\n    due: {written}\n"
    (problem,) = problems(text)
    assert problem.startswith("org.yaml:18:10: ") and "YYYY-MM-DD" in problem


def test_values_are_compared_as_json_compares_them_and_bounded() -> None:
    text = BASE.replace("    name: BZK\n", "    name: BZK\n    tags: [1, true, null]\n") + (
        "bodies:\n  - {id: b, name: B, kind: other, meets_every_days: 99999999999999999999999}\n")
    found = problems(text)
    assert not any("twice" in problem for problem in found), "true is not 1"
    assert found[-1].endswith("meets_every_days: the number 99999999999999999999999 is not a "
                              "whole number of at least 0 and at most 36500")


def test_a_quoted_date_and_a_quoted_number_stay_text() -> None:
    text = BASE.replace("name: Petra Jansen", "name: '2026-11-01'") + (
        "goals:\n  - id: g1\n    name: '12:30'\n    due: 2030-12-31\n"
        "kpis:\n  - id: k1\n    name: K\n    measures: g1\n    type: lagging\n"
        "    target: \"1500000\"\n"
    )
    model = parse_model(text, "org.yaml", "yaml").model
    assert model.people["p.jansen"].name == "2026-11-01"
    assert model.goals["g1"].name == "12:30"
    assert model.kpis["k1"].target == "1500000"
    assert str(model.goals["g1"].due) == "2030-12-31"


# Plain scalars and what YAML 1.2's core schema makes of them.
CORE_SCHEMA_SCALARS = [
    ("14", 14), ("+1", 1), ("017", 17), ("0o17", 15), ("0x1F", 31), ("0.25", 0.25),
    ("1.", 1.0), (".5", 0.5), ("1e3", 1000.0), ("-.5e-3", -0.0005), ("+.inf", float("inf")),
    ("-.INF", float("-inf")), ("true", True), ("FALSE", False), ("~", None), ("Null", None),
    ("_1", "_1"), ("__1", "__1"), ("1_", "1_"), ("1_000", "1_000"), ("_1.5", "_1.5"),
    ("1__2", "1__2"), ("1._e5", "1._e5"), ("-_.5", "-_.5"), ("0x_1", "0x_1"),
    ("0x1f_", "0x1f_"), ("0x_f", "0x_f"), ("0b101", "0b101"), ("-0b1", "-0b1"),
    ("-0o17", "-0o17"), ("+0x1", "+0x1"), ("0X1F", "0X1F"), ("0O17", "0O17"),
    (".nAn", ".nAn"), (".iNf", ".iNf"), ("+.nan", "+.nan"), ("yes", "yes"), ("tRue", "tRue"),
    ("2026-11-01", "2026-11-01"), ("1.2.3", "1.2.3"), ("b_1", "b_1"),
]


@pytest.mark.parametrize(("scalar", "value"), CORE_SCHEMA_SCALARS)
def test_plain_scalars_are_read_by_yaml_1_2s_core_schema(scalar: str, value: object) -> None:
    in_flow = parse_yaml(f"- [{scalar}, {{k: {scalar}}}]\n")[0]
    (key,) = parse_yaml(f"{scalar}: x\n")
    for found in (parse_yaml(f"a: {scalar}\n")["a"], in_flow[0], in_flow[1]["k"], key):
        assert found == value and type(found) is type(value)


def test_nan_is_a_number() -> None:
    assert math.isnan(parse_yaml("a: .NaN\n")["a"])


SCALAR_PLACES = ["a: {}\n", "- [{}, b]\n", '{{"a":{}}}\n', "{}: x\n", "a: {} # note\n"]


@settings(max_examples=500, deadline=None)
@given(st.text("0123456789_.+-eExXoObBaAfFiInN", min_size=1, max_size=7),
       st.sampled_from(SCALAR_PLACES))
def test_numbers_are_what_yaml_1_2_says_whatever_the_text(scalar: str, place: str) -> None:
    text = place.format(scalar)
    try:
        expected = yaml.load(text, Loader=_CoreSchemaLoader)
        found = parse_yaml(text)
    except (yaml.YAMLError, ParseFailure):
        return  # not a plain scalar there (to either parser), or a key twice
    assert repr(found) == repr(expected), text  # repr: nan equals nothing


def test_keys_equal_once_read_are_duplicates_on_either_path() -> None:
    for text in ("a: 1\n1: a\n1.0: b\n", "a: 1_0\n1: a\n1.0: b\n"):
        with pytest.raises(ParseFailure, match=r"duplicate (mapping )?key"):
            parse_yaml(text)


def test_ordinary_files_are_read_by_yaml_rs(monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(text: str) -> None:
        raise AssertionError("read by PyYAML")

    monkeypatch.setattr(reading, "_load_by_core_schema", slow)
    assert SAMPLE_FILES
    for path in SAMPLE_FILES:
        parse_yaml(path.read_text(encoding="utf-8"))
    parse_yaml("ids: [code_1, p_2, dec_01, x86_64]\nname: Team 1_000 woningen\nn: 0x1F\n")


def test_an_id_or_name_that_looks_like_a_number_with_underscores_stays_text() -> None:
    text = BASE.replace("name: Petra Jansen", "name: _1").replace("p.jansen", "2024_01")
    model = parse_model(text, "org.yaml", "yaml").model
    assert model.people["2024_01"].name == "_1"
    assert model.roles["dg-bw"].holders == ["2024_01"]


def test_json_errors_have_lines_and_columns_too() -> None:
    data = {
        "raci": 1,
        "org": {"name": "X"},
        "units": [{"id": "bzk", "name": "BZK", "colour": "red"}],
        "people": [{"id": "p1", "name": "P", "unit": "bzkk"}],
    }
    text = json.dumps(data, indent=2)
    assert problems(text, "json") == [
        "org.yaml:10:7: unit bzk: unknown key 'colour'; remove it, or use one of id, name, "
        "description, tags, parent, external",
        "org.yaml:17:15: person p1: unit 'bzkk' names nothing (expected a unit); "
        "did you mean 'bzk'?",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '{"raci": 1,\n "org": {"name": "X"},}',
            "org.yaml:2:23: a key is not in double quotes, or a comma is one too many; write "
            '"key": value',
        ),
        ('{"raci": 1, "org": {"name": "X", "name": "Y"}}',
         "org.yaml:1:34: duplicate key 'name'; keep one of them"),
        ('{"raci": NaN}', "org.yaml:1:1: NaN is not a JSON number; write a number or null"),
        ("[" * 100_000 + "]" * 100_000,
         "org.yaml:1:1: nesting too deep; a model file nests five levels"),
        (
            '{"raci": 1,\n "org": {"name": "x\\udc00"}}',
            "org.yaml:2:20: this \\u escape is half a character (a lone surrogate); write the "
            "whole character",
        ),
    ],
    ids=["syntax", "duplicate key", "NaN", "deep", "lone surrogate"],
)
def test_broken_json_is_refused_in_one_line(text: str, expected: str) -> None:
    assert problems(text, "json") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x [1]\nb: *x\n", "1:4: anchors and aliases"),
        ('a: "x"\nb: &anchor\n  - 1\n', "2:4: anchors and aliases"),
        ("a: !!python/object:os.system x\n", "1:4: tags (tag:yaml.org,2002:python/object"),
        ("a: !foo x\n", "1:4: tags (!foo)"),
        ("a: !!str 1\n", "1:4: tags (tag:yaml.org,2002:str)"),
        ("%YAML 1.1\n---\nraci: 1\n", "1:1: directives (%YAML, %TAG) are not allowed"),
        ("- " * 100_000 + "x\n", "1:65: nesting deeper than 32 levels"),
        ("a:\n" + "".join(" " * i + "- \n" for i in range(1, 200)), "nesting deeper than 32"),
        ("[" * 100_000, "1:256: nesting deeper than 32 levels"),
        ("raci: 1\norg: {name: \x00}\n", "2:13: character U+0000 is not allowed"),
        ("raci: 1\norg:\n  name: [1, 2\n", "3:9: the [ opened here is not closed; close it with ]"),
        ("raci: 1\n  org: x\n", "org.yaml:2:"),
        ("- raci: 1\n", "1:1: the top level is a list, not a mapping of sections"),
        ("just text\n", "1:1: the top level is 'just text', not a mapping of sections; a model "
         "file starts with 'raci: 1' and 'org:'"),
        ("sigs: []\nbodies: [{}, {}]\ncommittees: {}\nusers: 1\nteams: []\nleads: []\n",
         "1:1: not a raci model file: it has no 'raci' and no 'org' key (its keys: sigs, bodies, "
         "committees, users, teams, …); a model file starts with 'raci: 1' and 'org:'"),
        ("raci: 1\n---\nraci: 1\n",
         "2:1: a second YAML document (after ---); a model file holds one"),
        ("", "1:1: the file is empty"),
    ],
    ids=lambda value: value[:20] if isinstance(value, str) else None,
)
def test_hostile_or_broken_yaml_is_refused_in_one_line(text: str, expected: str) -> None:
    found = problems(text)
    assert len(found) == 1, found
    assert expected in found[0]
    assert "\n" not in found[0]


SYNTAX_FAULTS = {
    "quote not closed": ('raci: 1\norg:\n  name: "X\nunits: []\n', "3:9: a quote (\" or ') "
                         "opened here is not closed; close it where its value ends"),
    "quote not closed at the end": ('raci: 1\norg:\n  name: "Ministerie\n', "3:9: a quote "
                                    "(\" or ') opened here is not closed"),
    "quote not closed in a block {...}": ('raci: 1\norg: {name: "x}\n', "2:13: a quote (\" or "
                                          "') opened here is not closed"),
    "quote not closed in a list [...]": ('raci: 1\nmembers: ["a, b]\n', "2:11: a quote (\" or "
                                         "') opened here is not closed"),
    "tab under a list item": ("raci: 1\norg:\n  name: x\npeople:\n  - id: a\n\tname: A\n",
                              "6:1: a tab in the indentation; indent with spaces"),
    "value with ': '": ("raci: 1\norg:\n  name: Team: Noord\n", "3:13: ': ' where no key can "
                        "start; put a value holding ': ' in quotes"),
    "key out of line": ("raci: 1\norg:\n    name: X\n  units: []\n", "4:3: this line does not "
                        "line up with the lines above it"),
    "tab": ("raci: 1\norg:\n\tname: X\n", "3:1: a tab in the indentation; indent with spaces"),
    "list and keys mixed": ("units:\n  - id: a\n  name: b\n", "3:3: a list item ('- ') and a "
                            "key ('key: value') mixed at one level"),
    "backtick": ("raci: 1\norg:\n  name: `X`\n", "3:9: a value cannot start with `; put the "
                 "value in quotes"),
    "escape": ('raci: 1\norg:\n  name: "C:\\data"\n', "3:9: a backslash (\\) in a "
               "double-quoted value starts an unknown escape; write \\\\ for a backslash"),
    "text after quote": ('raci: 1\norg:\n  name: "X" Noord\n', "3:13: text after a closing "
                         "quote; put the whole value inside the quotes"),
    "flow without comma": ("raci: 1\norg: {name: X units: []}\n", "2:20: a comma or a closing "
                           "bracket is missing in the list [...] or block {...} before here"),
    "same, on PyYAML's path": ("raci: 1\nn: 1_000\norg:\n  name: 'X\n", "4:9: a quote (\" or "
                               "') opened here is not closed"),
}


@pytest.mark.parametrize("case", list(SYNTAX_FAULTS))
def test_a_yaml_syntax_error_says_what_is_wrong_and_what_to_do(case: str) -> None:
    text, expected = SYNTAX_FAULTS[case]
    (found,) = problems(text)
    assert found.startswith(f"org.yaml:{expected}")
    assert "; " in found.removeprefix("org.yaml:")  # what is wrong; what to do


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    found = problems("\n".join(lines) + "\n")
    assert found == ["org.yaml:1:5: anchors and aliases (& and *) are not allowed in model files; "
                     "write each value out in full"]


def test_a_file_written_by_a_script_sharing_one_list_says_how_to_fix_it() -> None:
    # PyYAML's dump writes a list (or date) used twice as an anchor and an alias.
    shared = ["p.a"]
    text = yaml.safe_dump({"raci": 1, "org": {"name": "X"}, "bodies": [
        {"id": "b1", "name": "B1", "kind": "committee", "members": shared},
        {"id": "b2", "name": "B2", "kind": "committee", "members": shared},
    ]}, sort_keys=False)
    found = problems(text)
    assert len(found) == 1
    assert "anchors and aliases" in found[0] and found[0].endswith("write each value out in full")


def test_text_that_only_looks_like_anchors_or_tags_is_fine() -> None:
    text = BASE.replace("name: DG", 'name: "R&D, *core* team! & more"') + (
        "    description: Q&A with 100% of staff, &what else? *everything*!\n"
    )
    role = parse_model(text, "org.yaml", "yaml").model.roles["dg-bw"]
    assert role.name == "R&D, *core* team! & more"
    assert role.description == "Q&A with 100% of staff, &what else? *everything*!"


def test_file_problems_name_the_file(tmp_path: Path) -> None:
    limit = MAX_FILE_BYTES // 2**20
    not_utf8 = "is not UTF-8; is this a text file? Save it as UTF-8"
    size = 2 * MAX_FILE_BYTES
    cases = {
        "missing.yaml": ": no such file; check the name and the directory",
        "org.txt": ": not a model file; use a .yaml, .yml or .json file name",
        "folder.yaml": ": is a directory, not a model file",
        "binary.yaml": f":1:3: byte 0xFF (at byte 3) {not_utf8}",
        "late.yaml": f":3:13: byte 0xFF (at byte 27) {not_utf8}",  # columns count characters
        "huge.json": f": the file is {2 * limit} MB; model files are limited to {limit} MB",
    }
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "binary.yaml").write_bytes(b"ab\xff\xfe\x00junk")
    (tmp_path / "late.yaml").write_bytes("raci: 1\norg:\n  name: Café".encode() + b"\xff\n")
    with (tmp_path / "huge.json").open("wb") as huge:
        huge.truncate(size)  # sparse: costs no disk
    for name, expected in cases.items():
        with pytest.raises(ModelFileError) as refused:
            read_model(tmp_path / name)
        assert refused.value.problems == [f"{tmp_path / name}{expected}"]


def test_a_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "org.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + BASE.encode())
    assert read_model(path).locations["bzk"] == (5, 5)


def test_dump_of_a_read_model_reads_back_the_same() -> None:
    model = read_model(FILES / "warmte.yaml").model
    fmt: Format
    for fmt in ("yaml", "json"):
        text = dump_model(model, fmt)
        assert parse_model(text, f"out.{fmt}", fmt).model == model


def test_writing_into_a_missing_directory_is_a_one_line_refusal_not_a_file_error(
    tmp_path: Path,
) -> None:
    target = tmp_path / "missing" / "org.yaml"
    model = parse_model("raci: 1\norg: {name: X}\n", "org.yaml", "yaml").model
    with pytest.raises(RaciError, match=r"missing/org\.yaml: cannot write the file") as refused:
        write_model(model, target)
    assert not isinstance(refused.value, ModelFileError), "nothing is wrong with a model file"
    assert not target.parent.exists()


# ---- revision 2 of the format ------------------------------------------------


def test_an_owner_who_also_does_the_work_holds_a_and_r() -> None:
    text = BASE + "goals:\n  - id: g1\n    name: G\n    raci: {A: dg-bw, R: [dg-bw, p.jansen]}\n"
    model = parse_model(text, "org.yaml", "yaml").model
    assert model.letters_of("g1", "dg-bw") == ("A", "R")
    written = yaml.safe_load(dump_model(model, "yaml"))
    assert written["goals"][0]["raci"] == {"A": "dg-bw", "R": ["dg-bw", "p.jansen"]}


def test_a_body_that_does_not_meet_has_cadence_zero() -> None:
    text = BASE + "bodies:\n  - {id: b, name: B, kind: committee, meets_every_days: 0}\n"
    model = parse_model(text, "org.yaml", "yaml").model
    assert model.bodies["b"].meets_every_days == 0
    assert problems(text.replace("days: 0", "days: -1"))[0].endswith(
        "meets_every_days: the number -1 is not a whole number of at least 0 and at most 36500")


def test_facts_not_recorded_are_read_written_and_checked() -> None:
    text = BASE.replace("  name: Test\n", "  name: Test\n  not_recorded: [chairs, cadence]\n")
    model = parse_model(text, "org.yaml", "yaml").model
    assert model.org.not_recorded == ["chairs", "cadence"]
    assert yaml.safe_load(dump_model(model, "yaml"))["org"]["not_recorded"] == ["chairs", "cadence"]
    assert parse_model(dump_model(model, "json"), "org.json", "json").model.org == model.org
    assert problems(text.replace("cadence]", "chiars]")) == [
        "org.yaml:4:26: org: not_recorded: 'chiars' is not one of chairs, holders, responsibles, "
        "success_criteria, indicators, goals, cadence; did you mean 'chairs'?"
    ]
    assert "listed twice" in problems(text.replace("cadence]", "chairs]"))[0]


@pytest.mark.parametrize(("text", "reason"), [
    ("? : -\n", "org.yaml:1:3: a list or mapping used as a key; keys are plain words"),
    ("raci: 1\norg: {name: x}\n? - a\n: b\n", "org.yaml:1:1: keys must be text, not a tuple"),
])
def test_a_list_or_mapping_as_a_key_is_refused_in_one_line(text: str, reason: str) -> None:
    assert problems(text) == [reason]
