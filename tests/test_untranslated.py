"""No untranslated text on the command line: every command's help, every
rule's page, lint on every sample, a scripted review and its minutes, the
scenarios, the suggestions and the common errors, read in the pseudo-language
(`tests.pseudo_language`), where every translated text stands between
markers. A word outside them that is not the model's own data was never
translated: the test names it and where it showed."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, Raci, Result
from workbooks import write_csv, write_workbook

from raci.formats.edits import field_types
from raci.formats.files import read_model
from raci.formats.schema import entity_keys
from raci.lint.rules import RULES
from raci.model.entities import NOT_RECORDED_FACTS
from tests.pseudo_language import OPEN, file_words, leftover, model_words

ROOT = Path(__file__).parent.parent
SAMPLES = sorted((ROOT / "raci" / "sample_orgs").glob("*.yaml"))


def said(raci: Raci, *args: str | Path, stdin: str | None = None,
         monkeypatch: pytest.MonkeyPatch | None = None) -> Result:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return raci(*args, "--lang", "nl")


def untranslated(result: Result, data: set[str]) -> list[str]:
    """The untranslated words of what a command printed, each with the lines it is on."""
    text = result.out + result.err
    assert OPEN in text, "nothing was translated: the pseudo-language is not in use"
    words = sorted(set(leftover(text, data)))
    return [f"{word}: " + " | ".join(line.strip() for line in text.splitlines()
                                     if re.search(rf"(?<!\w){word}(?!\w)", line))[:300]
            for word in words]


def sample_words(path: Path) -> set[str]:
    return model_words(read_model(path).model) | file_words(path) | {str(path)}


def command_paths() -> list[tuple[str, ...]]:
    from raci.cli import cli
    from raci.cli.language import help_texts

    return sorted({tuple(where.split()[1:-1]) for _text, where in help_texts(cli, "raci")
                   if where.endswith("--help")})


def test_the_detector_finds_english(raci: Raci, pseudo: None) -> None:
    """The walk can fail: English outside a catalogue is found, data is not."""
    assert leftover("⟦Gebruik:⟧ raci lint [OPTIONS] MODEL") == ["OPTIONS", "MODEL"]
    assert leftover("⟦Doel⟧ g.co2 ⟦heeft geen⟧ A", {"g.co2"}) == []
    assert leftover("⟦Gemaakt op⟧ 1 november 2026 ⟦door⟧ eva", {"eva"}) == []
    assert leftover("⟦Wijzigingen⟧ (2): moved the A of g.a", {"g.a"}) == ["moved", "the", "of"]
    done = said(raci, "validate", SAMPLE)
    assert done.code == 0 and OPEN in done.out


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_commands_help(raci: Raci, pseudo: None, path: tuple[str, ...]) -> None:
    done = said(raci, *path, "--help")
    assert done.code == 0, done.err
    assert untranslated(done, {sample.stem for sample in SAMPLES}) == []  # raci demo's default


@pytest.mark.parametrize("code", [rule.code for rule in RULES])
def test_every_rules_page(raci: Raci, pseudo: None, code: str) -> None:
    done = said(raci, "rules", code)
    assert done.code == 0, done.err
    assert untranslated(done, set()) == []


@pytest.mark.parametrize(("sample", "output"), [
    pytest.param(sample, output, id=f"{sample.stem}-{output}")
    for sample in SAMPLES for output in ("text", "markdown")])
def test_lint_on_every_sample(raci: Raci, pseudo: None, sample: Path, output: str) -> None:
    done = said(raci, "lint", sample, "--format", output, "--fail-on", "never")
    assert done.code == 0, done.err
    assert untranslated(done, sample_words(sample)) == []


def test_lint_suggest(raci: Raci, pseudo: None) -> None:
    done = said(raci, "lint", SAMPLE, "--suggest", "--fail-on", "never")
    assert done.code == 0, done.err
    assert untranslated(done, sample_words(SAMPLE)) == []


@pytest.fixture
def vego(tmp_path: Path, raci: Raci, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    assert raci("import", SAMPLE, "--into", "vego.db").code == 0
    return tmp_path / "vego.db"


def test_a_review_and_its_minutes(raci: Raci, pseudo: None, vego: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    answers = "\n".join([
        "1",                                                      # fix
        "a", "", "Tijdelijk", "2027-06-30",                       # accept, an empty reason
        "n", "p.jansen", "Eigenaar voorstellen", "nooit", "2027-01-31",  # note, a wrong date
        "x", "s",                                                 # a wrong answer, skip
    ]) + "\n"
    done = said(raci, "review", "vego.db", "--author", "eva", "--scenario", "plan",
                stdin=answers, monkeypatch=monkeypatch)
    assert done.code == 0, done.err
    data = sample_words(SAMPLE) | {"vego.db", "eva", "plan", "nooit", *answers.split("\n")}
    assert untranslated(done, data) == []
    minutes = said(raci, "review", "vego.db", "--author", "eva", "--scenario", "plan", "-o",
                   "minutes.md", stdin="1\na\nTijdelijk\nnone\n", monkeypatch=monkeypatch)
    assert minutes.code == 0, minutes.err
    assert untranslated(Result(0, Path("minutes.md").read_text(encoding="utf-8"), ""),
                        data) == []


def test_scenarios_made_shown_compared_listed(raci: Raci, pseudo: None, vego: Path) -> None:
    data = sample_words(SAMPLE) | {"vego.db", "een", "twee", "Eén eigenaar"}
    outputs = [said(raci, "scenario", "new", "vego.db", "een", "--description", "Eén eigenaar"),
               said(raci, "scenario", "move-a", "vego.db", "een", "g.lokaal-eigendom",
                    "r.dg-ke"),
               said(raci, "scenario", "new", "vego.db", "twee"),
               said(raci, "assign", "vego.db@twee", "g.lokaal-eigendom", "A", "r.dg-ke")]
    for output in ("text", "markdown"):
        outputs += [said(raci, "scenario", "show", "vego.db", "een", "--format", output),
                    said(raci, "scenario", "compare", "vego.db", "een", "twee",
                         "--format", output),
                    said(raci, "scenario", "list", "vego.db")]
    for done in outputs:
        assert done.code == 0, done.err
        assert untranslated(done, data) == []


def test_diff(raci: Raci, pseudo: None, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(SAMPLE.read_text(encoding="utf-8").replace("r.dg-ke", "r.dg-ke2"),
                     encoding="utf-8")
    done = said(raci, "diff", SAMPLE, other)
    assert untranslated(done, sample_words(SAMPLE) | sample_words(other)) == []


def test_imports_and_their_notes(raci: Raci, pseudo: None, vego: Path) -> None:
    """A workbook with a legend sheet and new actors into a new model, a
    roster into the sample: every note an import gives."""
    matrix = write_workbook(vego.parent / "plan.xlsx", {
        "Matrix": [["Taak", "Projectleider", "Wethouder"], ["Plan", "A/R", "I"]],
        "Legenda": [["R = uitvoerend"]]})
    roster = write_csv(vego.parent / "leden.csv", [
        ["Overleg", "Naam", "Organisatie"], ["Stuurgroep Warmte", "Ans de Vries", "Gemeente"],
        ["Stuurgroep Warmte", "Ans de Vries", "Provincie"],
        ["Werkgroep Wijk", "Bo Kant", "Gemeente"]])
    data = (sample_words(SAMPLE) | file_words(matrix) | file_words(roster)
            | {"Matrix", "Legenda", "plan.xlsx", "new.db", "leden.csv", "vego.db", "Plan",
               "Projectleider", "Wethouder", "Stuurgroep", "Warmte", "Ans", "de", "Vries",
               "Werkgroep", "Wijk", "Bo", "Kant", "Gemeente", "Provincie"}
            | set(NOT_RECORDED_FACTS))
    for done in (said(raci, "import", matrix, "--into", "new.db"),
                 said(raci, "import", roster, "--into", "vego.db")):
        assert done.code == 0, done.err
        assert untranslated(done, data) == []


def test_a_sheets_cell_errors(raci: Raci, pseudo: None, vego: Path) -> None:
    sheet = write_csv(vego.parent / "t.csv", [
        ["Taak", "Projectleider", "Wethouder", "Status"], ["Plan", "C/I", "A", "loopt"],
        ["Bouw", "x", "R", ""]])
    names = write_csv(vego.parent / "u.csv", [["Id", "Gedeputeerde", "Netstrateeg"],
                                              ["X1", "A", "R"]])
    data = {"t.csv", "u.csv", "vego.db", "C/I", "loopt", "x", "Plan", "Bouw", "Projectleider",
            "Status", "Wethouder", "Gedeputeerde", "Netstrateeg", "HEADER", "r.dg-kee", "g.co2",
            "LETTER"}
    sheet, names = Path(sheet.name), Path(names.name)  # named as typed, in the folder
    for done in (said(raci, "import", sheet, "--into", "vego.db"),
                 said(raci, "import", sheet, "--into", "vego.db", "--strict"),
                 said(raci, "import", names, "--into", "vego.db"),
                 said(raci, "assign", "vego.db", "g.co2", "r.dg-kee", "A")):
        assert done.code == 2
        assert untranslated(done, data) == []


ERRORS = [
    ("validate", "missing.yaml"),                       # a file that is not there
    ("lint", "{bad}"),                                  # a model file that does not validate
    ("set", "vego.db", "g.nope", "name=X"),             # an unknown id
    ("set", "vego.db", "g.lokaal-eigendom", "due"),     # a FIELD=VALUE without =
    ("set", "vego.db", "g.lokaal-eigendom", "due=morgen"),  # a value that does not read
    ("set", "vego.db", "g.lokaal-eigendom", "colour=red"),  # a field it does not have
    ("lint",),                                          # a missing argument
    ("lint", "vego.db", "--nope"),                      # an option it does not have
    ("scenario", "show", "vego.db", "nope"),            # a scenario that is not there
    ("rules", "NOPE001"),                               # a rule that is not there
    ("import", "plan.ods", "--into", "x.db"),           # a spreadsheet raci does not read
    ("import", "vego.db", "--into", "x.yaml"),          # a file where the database goes
    ("lint", "vego.db", "--write-baseline", "base.json", "-o", "found.txt"),  # a success line
]


@pytest.mark.parametrize("args", ERRORS, ids=lambda args: " ".join(args))
def test_common_errors(raci: Raci, pseudo: None, vego: Path, args: tuple[str, ...]) -> None:
    bad = vego.parent / "bad.yaml"
    bad.write_text("raci: 1\norg: {name: X}\ngoals:\n  - {id: g.a, name: A, nope: 1}\n",
                   encoding="utf-8")
    args = tuple(str(bad) if a == "{bad}" else a for a in args)
    done = said(raci, *args)
    fields = set(field_types("goal"))  # the model file's keys, which an error lists
    data = (sample_words(SAMPLE) | file_words(vego) | file_words(bad) | fields
            | {*args, *(part for a in args for part in a.split("=")), "nope", "X", "g.a", "x.db"})
    assert untranslated(done, data) == []


BROKEN_MODEL = """\
raci: 1
org: {name: X, as_of: 2026-13-01}
units:
  - {id: u.a, name: A, parent: u.b}
  - {id: u.b, name: B, parent: u.a}
people:
  - {id: p.jan, name: Jan, unit: u.a}
roles:
  - {id: r.dg, name: DG, holders: [p.jans], colour: red}
bodies:
  - {id: b.sg, name: SG, kind: stuurgroep, members: [r.dg, r.dg]}
goals:
  - {id: g.a, name: A, raci: {A: p.jan, R: p.jan, C: [u.a, p.jan], I: nobody}}
  - {id: g.a, name: B, due: morgen}
  - {id: g.b, name: C, parent: r.dg, tags: 3}
waivers:
  - {rule: BOD001, target: b.sgx, reason: X}
"""
"""Each kind of problem a model file can have: an unknown key, an unknown id
with its "did you mean", an id of the wrong kind, an id used twice and one
listed twice, a date off the calendar, a parent cycle, a letter that may not
go with A (A with R may), a value of the wrong type and one outside its
choices, a waiver aimed at nothing."""


@pytest.mark.parametrize("command", [("validate",), ("lint",), ("import", "--into", "x.db")],
                         ids=lambda command: command[0])
def test_a_model_files_validation_messages(raci: Raci, pseudo: None, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch,
                                           command: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text(BROKEN_MODEL, encoding="utf-8")
    done = said(raci, command[0], bad, *command[1:])
    assert done.code == 2, done.out
    assert len(done.err.splitlines()) == 14, done.err  # every problem was said
    written = set(re.findall(r"[\w.-]+", BROKEN_MODEL))  # ids, keys, values
    offered = entity_keys("role")  # the keys an unknown one is told to use instead
    assert untranslated(done, file_words(bad) | written | offered | {"x.db"}) == []
