"""Configuration: files found beside or above the model, `--config`, the
command line over the file, selection by code, prefix, name and ALL, levels
and parameters, and clear refusals of anything unknown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from test_lint_support import SMALL_MODEL, run_raci, write_model

from raci.errors import UsageError
from raci.i18n import set_language
from raci.lint import RULES, LintConfig, lint_model, load_config, rule
from raci.lint.config import config_from_file
from raci.lint.ruledoc import rule_doc
from raci.source import open_model


def codes(model: Path, config: LintConfig) -> set[str]:
    return {f.code for f in lint_model(open_model(str(model)), config) if not f.waived}


def test_defaults_run_every_rule_with_default_levels(tmp_path: Path) -> None:
    model = write_model(tmp_path / "org.yaml")
    config = load_config(model)
    assert config.select == ["ALL"] and config.fail_on == "warning"
    assert codes(model, config) == {"OWN001", "OWN002"}


def test_pyproject_above_the_model_is_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.raci]\nignore = ["OWN002"]\nfail-on = "error"\n'
        '[tool.raci.rules.OWN001]\nlevel = "info"\n')
    (tmp_path / "models" / "deep").mkdir(parents=True)
    model = write_model(tmp_path / "models" / "deep" / "org.yaml")
    config = load_config(model)
    assert config.ignore == ["OWN002"] and config.fail_on == "error"
    findings = lint_model(open_model(str(model)), config)
    assert [(f.code, f.level) for f in findings] == [("OWN001", "info")]


def test_raci_toml_wins_over_pyproject_in_the_same_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.raci]\nignore = ["OWN"]\n')
    (tmp_path / "raci.toml").write_text('[raci]\nignore = ["OWN001"]\n')
    model = write_model(tmp_path / "org.yaml")
    assert codes(model, load_config(model)) == {"OWN002"}


def test_pyproject_without_a_raci_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nselect = ["OWN001"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    model = write_model(tmp_path / "sub" / "org.yaml")
    assert codes(model, load_config(model)) == {"OWN001"}


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nselect = ["OWN001"]\nfail-on = "never"\n')
    model = write_model(tmp_path / "org.yaml")
    config = load_config(model, select=["OWN002"], fail_on="info")
    assert codes(model, config) == {"OWN002"} and config.fail_on == "info"


def test_explicit_config_file_is_used_instead_of_searching(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nselect = ["OWN001"]\n')
    other = tmp_path / "ci.toml"
    other.write_text('[tool.raci]\nselect = ["OWN002"]\n')
    model = write_model(tmp_path / "org.yaml")
    assert codes(model, load_config(model, other)) == {"OWN002"}


@pytest.mark.parametrize(("select", "ignore", "expected"), [
    (["ALL"], [], {"OWN001", "OWN002"}),
    (["OWN"], ["OWN001"], {"OWN002"}),
    (["OWN00"], [], {"OWN001", "OWN002"}),
    (["ownership.unowned-item"], [], {"OWN001"}),
    (["multiple-accountable"], [], {"OWN002"}),
    (["ownership"], ["own002"], {"OWN001"}),
    (["BOD"], [], set()),
])
def test_selection_by_code_prefix_name_group_and_all(
        tmp_path: Path, select: list[str], ignore: list[str], expected: set[str]) -> None:
    model = write_model(tmp_path / "org.yaml")
    assert codes(model, LintConfig(select=select, ignore=ignore)) == expected


def test_parameters_and_levels_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text(
        '[raci.rules.OWN006]\nmax_responsible = 0\nlevel = "error"\n'
        '[raci.rules.multiple-accountable]\nlevel = "off"\n')
    model = write_model(tmp_path / "org.yaml")
    findings = lint_model(open_model(str(model)), load_config(model))
    assert {(f.code, f.level) for f in findings} == {("OWN001", "error"), ("OWN006", "error")}


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_share_written_as_a_whole_number_is_a_share(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    """``max_share = 0`` is an integer in TOML; PPL003 says it as a share
    (``0%``), as it says ``0.0``."""
    (tmp_path / "raci.toml").write_text("[raci.rules.PPL003]\nmax_share = 0\n")
    units = [{"id": "min", "name": "Ministerie"},
             {"id": "uitv", "name": "Uitvoering", "external": True}]
    model = write_model(tmp_path / "org.yaml", units=units)
    code, out, err = run_raci(capsys, "lint", model, "--select", "PPL003", "--format", fmt)
    assert (code, err) == (0, "")
    assert "(100%, more than 0%)" in out


@pytest.mark.parametrize(("toml", "words"), [
    ('[raci]\nselect = ["XYZ"]\n', "unknown rule, prefix or group 'XYZ'"),
    ('[raci]\ncolour = "red"\n', "unknown key 'colour'"),
    ('[raci.rules.OWN999]\nlevel = "error"\n', "unknown rule 'OWN999'; `raci rules`"),
    ('[raci.rules.OWN020]\nlevel = "error"\n',
     "rules.OWN020: unknown rule 'OWN020'; did you mean 'OWN002'? `raci rules` lists them"),
    ('[raci.rules.OWN006]\nmax_responsable = 2\n', "unknown parameter 'max_responsable'"),
    ('[raci.rules.OWN006]\nmax_responsible = "three"\n', "max_responsible must be a whole number"),
    ('[raci.rules.OWN006]\nmax_responsible = 2.5\n', "max_responsible must be a whole number"),
    ('[raci.rules.BOD001]\nmin_overlap = 1.5\n', "min_overlap must be a number"),
    ('[raci.rules.BOD001]\nmin_overlap = 0\n', "min_overlap must be a number"),
    ('[raci.rules.OWN001]\nlevel = "fatal"\n', "level of OWN001 must be one of"),
    ('[raci.rules.BOD002]\nexempt_kinds = "advisory_board"\n',
     "BOD002 exempt_kinds must be a list of names like [\"advisory_board\"], not "
     "'advisory_board'"),
    ('[raci.rules.BOD002]\nexempt_kinds = [1]\n', "exempt_kinds must be a list of names"),
    ('[raci.rules.BOD002]\nexempt_kinds = ["advisory_board", "steering_grop"]\n',
     "BOD002 exempt_kinds: 'steering_grop' is not one of steering_group, programme_board, "
     "portfolio_board, taskforce, crisis_team, working_group, committee, advisory_board, "
     "other; did you mean 'steering_group'?"),
    ('[raci.rules.BOD004]\ngrace_days = -1\n', "grace_days must be a whole number (at least 0)"),
    ('[raci.rules.BOD010]\nmin_contained = 0\n', "min_contained must be a number (above 0"),
    ('[raci.rules.DAT001]\nmin_missing = 0\n', "min_missing must be a whole number (at least 1)"),
    ('[raci.rules.SIL001]\nmin_units = 0\n', "min_units must be a whole number (at least 1)"),
    ('[raci.rules.DAT001]\nmin_share = 1.5\n',
     "min_share must be a number (at least 0 and at most 1)"),
    ('[raci]\nfail-on = "sometimes"\n', "fail-on must be one of"),
    # values said as TOML writes them, not as Python does (True)
    ('[raci.rules.OWN006]\nmax_responsible = true\n',
     "OWN006 max_responsible must be a whole number (at least 0), not true"),
    ('[raci.rules.OWN006]\nlevel = true\n',
     "level of OWN006 must be one of error, warning, info, off, not true"),
    ('[raci]\nfail-on = false\n', "fail-on must be one of error, warning, info, never, not false"),
    ('[raci.rules.BOD002]\nexempt_kinds = [1, true]\n', "not [1, true]"),
    # one rule's table given twice, by code and by name
    ('[raci.rules.OWN006]\nmax_responsible = 2\n[raci.rules.crowded-responsible]\n'
     'max_responsible = 5\n',
     "rules.OWN006 and rules.crowded-responsible both set OWN006; keep one of them"),
    ('[raci\n', "not valid TOML"),
])
def test_bad_configuration_is_refused_naming_the_file(tmp_path: Path, toml: str,
                                                     words: str) -> None:
    (tmp_path / "raci.toml").write_text(toml)
    model = write_model(tmp_path / "org.yaml")
    with pytest.raises(UsageError) as refused:
        load_config(model)
    assert words in str(refused.value)
    assert "raci.toml" in str(refused.value)


@pytest.mark.parametrize(("toml", "words"), [
    ('[raci]\nselect = ["bodys"]\n',
     "onbekende regel, voorvoegsel of groep 'bodys' in select; bedoel je 'bodies'?"),
    ('[raci.rules.OWN020]\nlevel = "error"\n',
     "onbekende regel 'OWN020'; bedoel je 'OWN002'? `raci rules` toont ze"),
    ('[raci]\nas-of = 3\n', "as-of: moet een datum zijn (JJJJ-MM-DD), niet een getal"),
    ('[raci.rules.DAT001]\nmin_share = 1.5\n',
     "DAT001 min_share moet een getal (minstens 0 en hooguit 1) zijn, niet 1.5"),
    ('[raci.rules.BOD002]\nexempt_kinds = ["steering_grop"]\n',
     "'steering_grop' is niet een van steering_group, "),
    ('[raci.rules.BOD003]\nlevel = "eror"\n', "het niveau van BOD003 moet een van error, "),
])
def test_bad_configuration_is_refused_in_dutch(tmp_path: Path, toml: str, words: str) -> None:
    """What the configuration says wrong, and the kinds of value it wants
    ("een getal", not "a number"), in the user's language."""
    (tmp_path / "raci.toml").write_text(toml)
    model = write_model(tmp_path / "org.yaml")
    set_language("nl")
    with pytest.raises(UsageError) as refused:
        load_config(model)
    assert words in str(refused.value)


def test_bad_configuration_exits_2_with_one_line(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "raci.toml").write_text('[raci.rules.OWN006]\nmax = 2\n')
    model = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", model)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "unknown parameter 'max'" in err


@pytest.mark.parametrize("args", [
    ["--select", "NOPE"], ["--ignore", "OWN,XYZ9"], ["--as-of", "1 november"],
    ["--as-of", "2026-13-01"], ["--as-of", "20261101"], ["--as-of", "2026-W44-1"],
    ["--as-of", ""], ["--config", "missing.toml"], ["--baseline", "missing.json"],
    ["--fail-on", "sometimes"],
])
def test_bad_options_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            args: list[str]) -> None:
    model = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", model, *args)
    assert code == 2 and out == "" and err.startswith("raci: ")
    assert len(err.strip().splitlines()) == 1


def test_as_of_and_underscored_keys_in_the_file(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nas-of = 2027-02-01\nfail_on = "error"\n')
    model = write_model(tmp_path / "org.yaml", bodies=[
        *SMALL_MODEL["bodies"],
        {"id": "tf", "name": "Taskforce", "kind": "taskforce", "chair": "dg",
         "members": ["dg", "dir"], "sunset": "2027-01-01"}])
    config = load_config(model)
    assert str(config.as_of) == "2027-02-01" and config.fail_on == "error"
    assert "BOD003" in codes(model, config)
    assert "BOD003" not in codes(model, load_config(model, as_of=_date("2026-12-31")))


@pytest.mark.parametrize(("line", "words"), [
    ("as-of = 2026-11-01T10:00:00", "as-of: 2026-11-01T10:00:00 is a date and time; use "
                                    "YYYY-MM-DD"),
    ('as-of = "20261101"', "as-of: '20261101' is not a date; use YYYY-MM-DD"),
    ("select = []", "select: is empty; give rule codes, prefixes or names, or ALL"),
])
def test_a_bad_value_in_the_file_names_the_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str, words: str) -> None:
    (tmp_path / "raci.toml").write_text(f"[raci]\n{line}\n")
    code, out, err = run_raci(capsys, "lint", write_model(tmp_path / "org.yaml"))
    assert code == 2 and out == ""
    assert err == f"raci: {tmp_path / 'raci.toml'}:2:1: [raci] {words}\n"


@pytest.mark.parametrize(("toml", "place", "words"), [
    ('# lint settings\n[raci]\nselect = ["OWN"]\n\n  colour = "red"\n', "5:3",
     "[raci]: unknown key 'colour'"),
    ('[raci]\nselect = [\n  "OWN",\n  "XYZ9",\n]\n', "2:1", "'XYZ9' in select"),
    ('[raci]\nfail-on = "error"\n\n[raci.rules.OWN001]\nlevel = "info"\nbogus = 3\n', "6:1",
     "[raci] rules.OWN001: unknown parameter 'bogus'"),
    ('[raci.rules.OWN001]\nlevel = "info"\n[raci.rules.OWN999]\nlevel = "info"\n', "3:1",
     "rules.OWN999: unknown rule 'OWN999'"),
    ('[raci.rules]\nOWN006 = {level = "info"}\nOWN001 = {level = "fatal"}\n', "3:1",
     "level of OWN001 must be one of"),
    ('[raci]\nrules.OWN006.level = "info"\nrules.OWN006.max_responsible = -1\n', "3:1",
     "OWN006 max_responsible must be a whole number"),
    ('[raci]\n"fail-on" = "error"\n\'as-of\' = 3\n', "3:1", "as-of: must be a date"),
    ('[raci]\nignore = ["OWN002"]\n[raci.rules.OWN006]\nmax_responsible = 2\n'
     '[raci.rules.crowded-responsible]\nmax_responsible = 5\n', "5:1", "both set OWN006"),
    ('raci = 3\n', "1:1", "[raci]: must be a table"),
])
def test_a_bad_setting_names_its_line(tmp_path: Path, toml: str, place: str,
                                      words: str) -> None:
    """``raci.toml:6:1: …``, as a model file's errors name their line,
    whichever way the TOML writes the setting: under a table's header, as a
    dotted key, in an inline table, quoted."""
    (tmp_path / "raci.toml").write_text(toml)
    model = write_model(tmp_path / "org.yaml")
    with pytest.raises(UsageError) as refused:
        load_config(model)
    assert str(refused.value).startswith(f"{tmp_path / 'raci.toml'}:{place}: ")
    assert words in str(refused.value)


def test_a_bad_setting_in_pyproject_names_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.raci]\nselect = ["OWN"]\nfail-on = "sometimes"\n')
    code, out, err = run_raci(capsys, "lint", write_model(tmp_path / "org.yaml"))
    assert code == 2 and out == ""
    assert err.startswith(f"raci: {tmp_path / 'pyproject.toml'}:6:1: [tool.raci]: fail-on ")


IGNORING = '[raci]\nignore = ["multiple-accountable", "ORG004"]\n'
TURNING_OFF = '[raci.rules.multiple-accountable]\nlevel = "off"\n'


@pytest.mark.parametrize(("toml", "said"), [
    (IGNORING, "ignores it (ignore = ['multiple-accountable', 'ORG004'])"),
    (TURNING_OFF, "sets its level to 'off'"),
])
def test_selecting_a_rule_the_file_turns_off_says_that_nothing_checks_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, said: str) -> None:
    """--select replaces the file's select, not its ignore or levels
    (docs/lint.md): the rule still does not run, and the user is told why."""
    (tmp_path / "raci.toml").write_text(toml)
    model = write_model(tmp_path / "org.yaml")
    code, out, err = run_raci(capsys, "lint", model, "--select", "OWN002,OWN002")
    assert code == 0 and "OWN002" not in out
    assert err == (f"raci: note: OWN002 is selected but {tmp_path / 'raci.toml'} {said}; "
                   "nothing checks it\n")


@pytest.mark.parametrize(("toml", "args"), [
    (IGNORING, ["--select", "OWN"]),  # OWN001 still runs: the file narrows a group
    (IGNORING, ["--select", "OWN002", "--ignore", "ORG004"]),  # the command line's ignore
    (TURNING_OFF, ["--select", "OWN001"]),
])
def test_a_selection_that_runs_what_it_names_says_nothing_more(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, args: list[str]) -> None:
    (tmp_path / "raci.toml").write_text(toml)
    code, _, err = run_raci(capsys, "lint", write_model(tmp_path / "org.yaml"), *args,
                            "--fail-on", "never")
    assert code == 0 and err == ""


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.mark.parametrize(("args", "words"), [
    (["--select", "OWN01"], "--select: unknown rule, prefix or group 'OWN01'; "
                            "did you mean 'OWN001'?"),
    (["--ignore", "OWN,ownershp"], "--ignore: unknown rule, prefix or group 'ownershp'; "
                                   "did you mean 'ownership'?"),
    (["--select", "XYZ"], "--select: unknown rule, prefix or group 'XYZ'; `raci rules` lists them"),
])
def test_an_unknown_rule_on_the_command_line_names_the_option(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    model = write_model(tmp_path / "org.yaml")
    code, _, err = run_raci(capsys, "lint", model, *args)
    assert code == 2 and words in err and "the command line" not in err


def test_an_unknown_rule_in_the_file_names_the_file_and_key(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nignore = ["multiple-acountable"]\n')
    model = write_model(tmp_path / "org.yaml")
    with pytest.raises(UsageError) as refused:
        load_config(model)
    assert str(refused.value) == (
        f"{tmp_path / 'raci.toml'}:2:1: unknown rule, prefix or group 'multiple-acountable' in "
        "ignore; did you mean 'multiple-accountable'? `raci rules` lists them")


@pytest.mark.parametrize(("setting", "words"), [
    ("[raci.rules.BOD001]\nmin_overlap = 0\n",
     "BOD001 min_overlap must be a number (above 0 and at most 1), not 0"),
    ("[raci.rules.PPL003]\nmax_share = 1.5\n",
     "PPL003 max_share must be a number (at least 0 and at most 1), not 1.5"),
    ("[raci.rules.OWN006]\nmax_responsible = -1\n",
     "OWN006 max_responsible must be a whole number (at least 0), not -1"),
])
def test_parameter_bounds_read_as_words(tmp_path: Path, setting: str, words: str) -> None:
    (tmp_path / "raci.toml").write_text(setting)
    model = write_model(tmp_path / "org.yaml")
    with pytest.raises(UsageError) as refused:
        load_config(model)
    assert words in str(refused.value)


def test_a_list_parameter_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text(
        '[raci.rules.powerless-body]\nexempt_kinds = ["steering_group", "advisory_board"]\n')
    model = write_model(tmp_path / "org.yaml")  # its steering group decides a subsidy
    config = load_config(model)
    assert config.params_of(rule("BOD002"))["exempt_kinds"] == ("steering_group",
                                                                "advisory_board")
    model = write_model(tmp_path / "org.yaml", decisions=[])
    assert "BOD002" not in codes(model, config)
    assert "BOD002" in codes(model, LintConfig())


def test_nested_body_reads_the_configured_groups_of_redundant_bodies(tmp_path: Path) -> None:
    (tmp_path / "raci.toml").write_text('[raci]\nselect = ["BOD010"]\n'
                                        '[raci.rules.BOD001]\nmin_overlap = 0.9\n')
    config = load_config(write_model(tmp_path / "org.yaml"))
    assert config.params_of(rule("BOD010")) == {
        "min_contained": 0.8, "min_members": 3, "BOD001.min_overlap": 0.9,
        "BOD001.min_members": 3}


def test_rules_shows_how_to_configure_each_parameter(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_raci(capsys, "rules", "BOD002")
    assert code == 0
    assert ('```toml\n[raci.rules.BOD002]\nlevel = "warning"  # error, warning, info or off\n'
            'exempt_kinds = ["advisory_board"]\n```') in out


@pytest.mark.parametrize("code", [r.code for r in RULES])
def test_the_configuration_a_rule_shows_is_read_as_its_defaults(tmp_path: Path,
                                                                 code: str) -> None:
    """Copied into raci.toml, the table `raci rules CODE` shows is accepted
    and sets the rule's default level and parameters."""
    found = rule(code)
    (tmp_path / "raci.toml").write_text(rule_doc(found).configuration(), encoding="utf-8")
    config = config_from_file(tmp_path / "raci.toml")
    assert config.levels == {code: found.level}
    assert config.params == ({code: {name: list(value) if isinstance(value, tuple) else value
                                     for name, value in found.params.items()}}
                             if found.params else {})
