"""The command line's leftovers, Dutch first: a file that is no database, a
PostgreSQL server out of reach and the store's other refusals said in the
user's language with what to do; a suggestion's level as a word; the fix
count as a status line; an unknown command with the way on; every
command's summary in one mood; `raci scenario show` on a working copy,
saying what it said on a deep copy."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from conftest import COMMANDS, SAMPLE, Raci, Result

from raci.cli.language import help_text
from raci.errors import ConflictError, StoreError, reason
from raci.i18n import _, set_language
from raci.lint.engine import lint_model
from raci.lint.run import config_for
from raci.lint.scenarios import (
    COMPARE_RENDERERS,
    SHOW_RENDERERS,
    FindingsDelta,
    ScenarioReport,
    compare,
    scenario_reports,
)
from raci.model import Body, Model, Person
from raci.model import scenarios as raci_scenarios
from raci.model.changes import Change
from raci.model.checks import Problem, check_model
from raci.model.scenarios import play
from raci.model.source import SCENARIO_MARK, ModelSource
from raci.source import database_url
from raci.store import open_store

UNREACHABLE = "postgresql://nobody:geheim@127.0.0.1:1/raci"
"""A PostgreSQL URL with a password, where no server listens (port 1)."""


def refusal(raci: Raci, *args: str | Path) -> str:
    """The last line on stderr of a command that exited 2 (a lint says its
    summary on stdout first)."""
    done = raci(*args)
    assert done.code == 2, done
    return done.err.splitlines()[-1]


@pytest.fixture
def not_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """notes.db: a text file named as a database, in the current folder."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "notes.db"
    path.write_text("hallo\n", encoding="utf-8")
    return path


def refused_in_both(raci: Raci, args: tuple[str | Path, ...], english: str, dutch: str) -> None:
    """`args` are refused with `english`, and in Dutch with `dutch`."""
    assert refusal(raci, *args) == f"raci: {english}"
    assert refusal(raci, *args, "--lang", "nl") == f"raci: {dutch}"


def test_a_file_that_is_no_database_is_refused_with_what_to_do(raci: Raci,
                                                                not_sqlite: Path) -> None:
    here = not_sqlite.resolve()
    for command in ("lint", "export"):
        refused_in_both(
            raci, (command, "notes.db"),
            f"{here}: not a SQLite database, so no raci model; give a database that raci made "
            "(with `raci new` or `raci import`)",
            f"{here}: geen SQLite-database, dus geen raci-model; geef een database die raci "
            "maakte (met `raci new` of `raci import`)")
    refused_in_both(
        raci, ("new", "notes.db"),
        f"{here}: a file that is not a SQLite database is there; give another name, or move "
        "that file away first",
        f"{here}: daar staat een bestand dat geen SQLite-database is; kies een andere naam, of "
        "haal dat bestand eerst weg")
    assert not_sqlite.read_text(encoding="utf-8") == "hallo\n"


def test_an_empty_file_is_a_database_to_make_a_model_in(raci: Raci, not_sqlite: Path) -> None:
    """SQLite makes an empty file a database: not refused as no database."""
    not_sqlite.write_bytes(b"")
    assert raci("new", "notes.db").code == 0
    assert raci("lint", "notes.db").code == 0


def test_another_programs_database_is_refused_in_dutch(raci: Raci, tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "emp.db"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE t (x)")
    other.close()
    before = path.read_bytes()
    assert refusal(raci, "lint", path, "--lang", "nl") == (
        f"raci: {path}: bevat eigen tabellen (t) en geen raci-model; maak het model in een "
        "nieuw bestand of een lege database")
    assert path.read_bytes() == before


def test_a_folder_named_as_a_database_says_what_to_check(raci: Raci, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "map.db").mkdir()
    here = (tmp_path / "map.db").resolve()
    refused_in_both(
        raci, ("export", "map.db"),
        f"{here}: cannot open the file; check that it is a file that you may read and write, "
        "in a folder you may write",
        f"{here}: kan het bestand niet openen; controleer of het een bestand is dat je mag "
        "lezen en schrijven, in een map waarin je mag schrijven")


def test_a_postgresql_server_out_of_reach_is_said_in_dutch_with_the_drivers_reason(
        raci: Raci) -> None:
    english = refusal(raci, "lint", UNREACHABLE)
    dutch = refusal(raci, "lint", UNREACHABLE, "--lang", "nl")
    shown = "postgresql+psycopg://nobody:***@127.0.0.1:1/raci"
    assert english.startswith(
        f"raci: {shown}: cannot connect to the PostgreSQL server; check its host, port, user "
        "and password, and that it is running (psycopg: connection to server at ")
    assert dutch.startswith(
        f"raci: {shown}: geen verbinding met de PostgreSQL-server; controleer de host, de "
        "poort, de gebruiker en het wachtwoord, en of de server draait (psycopg: connection "
        "to server at ")
    driver = re.search(r"\(psycopg: (.*)\)$", english)
    assert driver is not None and dutch.endswith(f"(psycopg: {driver[1]})")
    assert "127.0.0.1" in driver[1] and "connection failed" not in driver[1]
    assert "geheim" not in english + dutch
    assert refusal(raci, "export", UNREACHABLE, "--lang", "nl") == dutch


def test_the_stores_conflicts_and_refusals_are_dutch(sqlite_url: str) -> None:
    """What a save refuses reaches the app and the command line as a
    `Said`: in the user's language, the database named first."""
    with open_store(sqlite_url, create=True) as store:
        store.load()
        store.save(Change(put=[Person(id="p1", name="P1"),
                               Body(id="sg", name="SG", kind="steering_group")]))
    database = sqlite_url.removeprefix("sqlite:///")
    with open_store(sqlite_url) as mine, open_store(sqlite_url) as theirs:
        mine.load()
        theirs.load()
        theirs.save(Change(put=[Body(id="sg", name="SG 2", kind="committee")]))
        with pytest.raises(ConflictError) as changed:
            mine.save(Change(put=[Body(id="sg", name="SG 3", kind="committee")]))
        with pytest.raises(StoreError) as missing:
            mine.save(Change(put=[Body(id="wg", name="WG", kind="committee",
                                       members=["p.nobody"])]))
    try:
        set_language("nl")
        assert reason(changed.value) == (
            f"{database}: gremium sg is door iemand anders gewijzigd sinds je het model laadde; "
            "laad het opnieuw en probeer het nog eens")
        assert reason(missing.value) == (
            f"{database}: wg noemt p.nobody, dat niet in het model staat")
    finally:
        set_language("en")
    assert reason(changed.value) == (
        f"{database}: body sg was changed by someone else since you loaded it; reload and "
        "try again")


def test_a_suggestions_outcome_says_the_level_as_the_finding_line_does(raci: Raci) -> None:
    """In Dutch `raci lint` keeps a finding's level as the identifier editors
    and CI match (``[warning]``), and so does the suggestion under it: one
    listing reads one way (it said ``[waarschuwing]`` under ``[warning]``)."""
    picked = ("--select", "OWN005,SIL001,PPL003", "--suggest", "--fail-on", "never")
    dutch = raci("lint", SAMPLE, *picked, "--lang", "nl").out
    english = raci("lint", SAMPLE, *picked).out
    assert "    lost op: OWN005:r.km-waterstof, PPL003:kgg-den; veroorzaakt: " \
           "SIL001:i.waterstof-netten [warning]\n" in dutch
    assert "    resolves OWN005:r.km-waterstof, PPL003:kgg-den; introduces " \
           "SIL001:i.waterstof-netten [warning]\n" in english
    assert re.search(r"^\S+: OWN005 \[warning\] ", dutch, re.MULTILINE)
    assert not re.search(r"\[(fout|waarschuwing|melding)\]", dutch)


def test_the_count_of_fixes_is_a_status_line(raci: Raci, vego: str) -> None:
    """Where the output itself does not list the fixes (SARIF, github),
    stderr says how many, lower case and without a full stop, as `wrote
    FILE` does."""
    done = raci("lint", vego, "--fix", "--format", "sarif")
    assert done.err == "fixed 1 finding in vego.db\n"
    assert raci("scenario", "new", vego, "plan").code == 0
    dutch = raci("lint", vego, "--fix", "--unsafe-fixes", "--scenario", "plan", "--format",
                 "github", "--lang", "nl")
    assert re.fullmatch(r"\d+ bevindingen hersteld in vego\.db\n", dutch.err), dutch.err


@pytest.mark.parametrize(("typed", "english", "dutch"), [
    (("lnt", "x.db"), "No such command 'lnt'; did you mean `raci lint`?",
     "Opdracht 'lnt' bestaat niet; bedoel je `raci lint`?"),
    (("scenario", "shw"), "No such command 'shw'; did you mean `raci scenario show`?",
     "Opdracht 'shw' bestaat niet; bedoel je `raci scenario show`?"),
    (("explain", "OWN001"),
     "No such command 'explain'; to read what a rule finds and why, run `raci rules OWN001`",
     "Opdracht 'explain' bestaat niet; lees met `raci rules OWN001` wat een regel vindt en "
     "waarom"),
    (("regels",),
     "No such command 'regels'; to read what a rule finds and why, run `raci rules CODE`",
     "Opdracht 'regels' bestaat niet; lees met `raci rules CODE` wat een regel vindt en "
     "waarom"),
    (("zzz",), "No such command 'zzz'; see `raci --help`",
     "Opdracht 'zzz' bestaat niet; zie `raci --help`"),
], ids=lambda value: value[0] if isinstance(value, tuple) else None)
def test_an_unknown_command_points_the_way(raci: Raci, typed: tuple[str, ...], english: str,
                                           dutch: str) -> None:
    for args, said in ((typed, english), ((*typed, "--lang", "nl"), dutch)):
        done = raci(*args)
        assert (done.code, done.out, done.err) == (2, "", f"raci: {said}\n")
    pointed = re.search(r"`raci ([a-z -]+?)(?: OWN001| CODE)?`", english)
    assert pointed is not None
    words = tuple(pointed[1].split())
    assert words in COMMANDS or words == ("--help",)


def test_every_commands_summary_is_said_in_one_mood() -> None:
    """Each command's help begins with what to do: an imperative (``Write``,
    ``Schrijf``), never a description (``Writes``, ``Schrijft``)."""
    english = {words: help_text(command).split()[0] for words, command in COMMANDS.items()}
    assert [f"{' '.join(w)}: {first}" for w, first in english.items()
            if first.endswith("s")] == []
    try:
        set_language("nl")
        dutch = {words: _(help_text(command)).split()[0] for words, command in COMMANDS.items()}
    finally:
        set_language("en")
    third_person = [f"{' '.join(w)}: {first}" for w, first in dutch.items()
                    if first.endswith("t") and first not in ("Zet",)]
    assert third_person == []
    assert dutch[("completion",)] == "Schrijf"


def _report_on_a_deep_copy(label: str, model: Model, report: ScenarioReport) -> ScenarioReport:
    """The report as `scenario_report` made it before the working copy: the
    view played on a deep copy of the model, the model linted for each."""
    view = copy.deepcopy(model)
    assert play(view, report.scenario.steps) is None
    config = config_for([label], None)
    before = lint_model(ModelSource(label, model), config)
    after = lint_model(ModelSource(f"{label}{SCENARIO_MARK}{report.scenario.name}", view),
                       config)
    delta = FindingsDelta([f for f in before if not f.waived], [f for f in after if not f.waived])
    return ScenarioReport(label, report.scenario, report.revision, None, delta)


def test_scenarios_on_a_working_copy_say_what_a_deep_copy_said(raci: Raci, vego: str) -> None:
    """Steps of every kind (an A moved, a body retired, a person removed,
    an id renamed, an entity removed with what names it, a field set):
    `scenario show` and `compare` in every format byte for byte as on a deep
    copy, the model linted once for both, and the model itself untouched."""
    steps = [("scenario", "new", vego, "plan"),
             ("scenario", "move-a", vego, "plan", "g.lokaal-eigendom", "r.dg-ke"),
             ("scenario", "retire", vego, "plan", "bo-netcapaciteit"),
             ("scenario", "remove-person", vego, "plan", "p.kaya"),
             ("rename", vego, "r.dir-wgo", "r.dir-wgo-2", "--scenario", "plan"),
             ("rm", vego, "rg-warmte", "--force", "--scenario", "plan"),
             ("set", vego, "tf-netcongestie", "sunset=2027-01-01", "--scenario", "plan"),
             ("scenario", "new", vego, "ander"),
             ("scenario", "merge", vego, "ander", "bo-netcapaciteit", "--into",
              "tf-netcongestie")]
    for args in steps:
        done: Result = raci(*args)
        assert done.code == 0, done.err
    with open_store(database_url(vego)) as store:
        model, plan = store.load_scenario("plan")
        pristine, _plan = store.load_scenario("plan")
        other = store.scenario("ander")
        revision = store.known_revision
    reports = scenario_reports(vego, model, (plan, other), revision, config_for([vego], None))
    first, second = (report.delta for report in reports)
    assert first is not None and second is not None
    assert first.before is second.before  # the model linted once
    assert first.resolved and first.introduced and second.resolved
    deep = [_report_on_a_deep_copy(vego, pristine, report) for report in reports]
    for fmt, render in SHOW_RENDERERS.items():
        assert render(reports[0]) == render(deep[0]), fmt
    for fmt, compared in COMPARE_RENDERERS.items():
        assert compared(compare(*reports)) == compared(compare(*deep)), fmt
    assert list(model.entities()) == list(pristine.entities())
    assert (model.assignments, model.waivers, model.org) == (
        pristine.assignments, pristine.waivers, pristine.org)
    assert raci("scenario", "show", vego, "plan").out == SHOW_RENDERERS["text"](reports[0])
    assert raci("scenario", "compare", vego, "plan", "ander").out == COMPARE_RENDERERS["text"](
        compare(*reports))


def test_the_models_own_problems_are_checked_once_for_all_its_scenarios(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`raci scenario compare` checks the model as it is once, and each view
    once: checking the model again for every scenario took seconds of a
    national comparison."""
    for args in (("scenario", "new", vego, "plan"),
                 ("scenario", "retire", vego, "plan", "bo-netcapaciteit"),
                 ("scenario", "new", vego, "ander"),
                 ("scenario", "merge", vego, "ander", "bo-netcapaciteit", "--into",
                  "tf-netcongestie")):
        assert raci(*args).code == 0
    with open_store(database_url(vego)) as store:
        model, _view = store.load_scenario("plan")
        scenarios = (store.scenario("plan"), store.scenario("ander"))
        revision = store.known_revision
    checked: list[Model] = []

    def counted_check(checked_model: Model) -> list[Problem]:
        checked.append(checked_model)
        return check_model(checked_model)

    monkeypatch.setattr(raci_scenarios, "check_model", counted_check)
    reports = scenario_reports(vego, model, scenarios, revision, config_for([vego], None))
    assert [report.misfit for report in reports] == [None, None]
    assert len(checked) == 3  # the model, then each view
    assert checked[0] is model


@pytest.mark.filterwarnings("ignore:Query string argument")  # SQLite ignores the password
def test_no_confirmation_names_a_database_password(raci: Raci, vego: str) -> None:
    """A database URL is named as every output names it (`without_password`),
    in the lines that say what was done as well: CI logs keep them."""
    url = "sqlite:///org.db?password=s3cr3t"
    told = [raci("new", url), raci("import", SAMPLE, "--into", url),
            raci("lint", url, "--fix", "--format", "sarif")]
    raci("scenario", "new", url, "plan")
    told.append(raci("scenario", "apply", url, "plan"))
    assert [done.code for done in told] == [0, 0, 1, 0]
    said = [told[0].out, told[1].out, told[2].err, told[3].out]  # SARIF itself on stdout
    hidden = re.escape("sqlite:///org.db?password=***")
    for line, pattern in zip(said, ["created {url}", "imported .+ into {url}",
                                    "fixed 1 finding in {url}",
                                    r"applied scenario plan to {url} \(.+\); .+"],
                             strict=True):
        assert re.fullmatch(pattern.format(url=hidden) + "\n", line), line
