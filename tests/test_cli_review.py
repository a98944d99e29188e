"""`raci review`: a session walks the findings, largest first, and each answer
is carried out: a fix or an acceptance goes into a scenario (or the model
with --apply) as it is made, an action into the minutes; the minutes say
what was decided, by whom, what changed, and the findings before and after.
Scripted through standard input, and in a real terminal through tmux."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import SAMPLE, Raci, Result
from test_cli_scenarios import ok, refused

from raci.lint.findings import Finding
from raci.lint.review import ActionOwners, largest_first
from raci.model import Body, Model, Org, Person
from raci.source import database_url
from raci.store import open_store

TODAY = time.strftime("%Y-%m-%d")


def review(raci: Raci, monkeypatch: pytest.MonkeyPatch, answers: str, *args: str) -> Result:
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    return raci("review", *args)


def revision(model: str) -> int:
    with open_store(database_url(model)) as store:
        return store.revision()


def test_a_scripted_session_decides_and_writes_the_minutes(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    before = revision(vego)
    answers = "\n".join([
        "1",                                          # OWN004: fill the role
        "a", "Tijdelijk, tot de normering er is.", "2027-06-30",   # BOD003: accept
        "n", "p.jansen", "Eigenaar voor lokaal eigendom voorstellen", "2027-01-31",  # OWN001
        "x", "s",                                     # OWN002: a wrong answer, then skip
    ]) + "\n"                                         # and the input ends
    result = review(raci, monkeypatch, answers, vego, "--author", "eva", "-o", "minutes.md")
    assert result.code == 0, result
    out = result.out
    assert out.index("[1/24] OWN004 [error]") < out.index("[2/24] BOD003 [error]") \
        < out.index("[3/24] OWN001 [error]") < out.index("[4/24] OWN002 [error]")
    assert "Decide [1-3 fix, a accept (waive), n note an action, s skip, q end the review]: 1" \
        in out
    assert "  answer 1-2 fix, a accept (waive), n note an action, s skip, q end the review" in out
    assert f"in scenario review-{TODAY}" in out and "[5/24]" in out
    assert revision(vego) == before  # the model is untouched: all went into the scenario
    minutes = Path("minutes.md").read_text(encoding="utf-8")
    assert minutes.startswith("# Review of Programma Versnelling Energietransitie Gebouwde "
                              "Omgeving (VEGO) (`vego.db`)")
    assert "3 of 24 findings decided, the largest first (the review ended early)." in minutes
    assert "| error | 4 | 2 |" in minutes
    assert ("| 1 | OWN004 error: Role 'Programmadirecteur Netcongestie' (r.pd-netcongestie) is "
            "vacant but the Accountable of 1 goal | Fixed: fill role Programmadirecteur "
            "Netcongestie (r.pd-netcongestie) with Ruud Mulder (p.mulder) (resolves "
            "OWN004:r.pd-netcongestie; introduces nothing) | eva |") in minutes
    assert "| Accepted, until 30 June 2027: Tijdelijk, tot de normering er is. | eva |" in minutes
    assert ("| p.jansen | Eigenaar voor lokaal eigendom voorstellen | 31 January 2027 | "
            "OWN001:g.lokaal-eigendom |") in minutes
    assert "| Skipped | eva |" in minutes
    assert f"## What changed (in scenario review-{TODAY})" in minutes
    assert "2. waived BOD003 for wg-isolatienorm until 30 June 2027" in minutes
    assert "## Not reviewed (20)" in minutes
    waivers = yaml.safe_load(ok(raci, "export", f"{vego}@review-{TODAY}"))["waivers"]
    assert {"rule": "BOD003", "target": "wg-isolatienorm",
            "reason": "Tijdelijk, tot de normering er is.", "expires": "2027-06-30",
            "author": "eva"} in [{k: str(v) for k, v in w.items()} for w in waivers]


def test_an_actions_owner_is_the_person_typed_by_name_as_in_the_app(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's rule (`ActionOwners`): a person's name, exactly or the one
    that holds it (a first name alone too), is that person; a near miss is
    kept as written, and raci says whom it likely meant."""
    answers = "\n".join(["n", "ruud mulder", "X", "none", "n", "Anouk", "Y", "none",
                         "n", "Ruud Muldr", "Z", "none", "q"]) + "\n"
    result = review(raci, monkeypatch, answers, vego, "--author", "eva", "-o", "minutes.md")
    assert result.code == 0, result
    assert "Who: ruud mulder\n  Ruud Mulder (p.mulder)\n" in result.out
    assert "Who: Anouk\n  Anouk Smit (p.smit)\n" in result.out
    assert ("Who: Ruud Muldr\n  not a person of the model: noted as written; did you mean "
            "'Ruud Mulder'?\n") in result.out
    minutes = Path("minutes.md").read_text(encoding="utf-8")
    assert "| Ruud Mulder (p.mulder) | X |  | OWN004:r.pd-netcongestie |" in minutes
    assert "| Anouk Smit (p.smit) | Y |  | BOD003:wg-isolatienorm |" in minutes
    assert "| Ruud Muldr | Z |  | OWN001:g.lokaal-eigendom |" in minutes


def test_a_fix_that_resolves_later_findings_spares_them_and_apply_writes_the_model(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merging the look-alike bodies resolves BOD002 of the one that goes
    too; it is not asked about, and the minutes say why."""
    before = revision(vego)
    result = review(raci, monkeypatch, "1\n", vego, "--apply", "--select", "BOD001,BOD002",
                    "--author", "eva")
    assert result.code == 0
    assert "[1/3] BOD001" in result.out
    assert "[3/3] BOD002 [warning] Body 'Regiegroep Warmtetransitie' (rg-warmte)" in result.out
    assert "[2/3]" not in result.out  # BOD002 of bo-netcapaciteit, resolved by the merge
    assert ("| 2 | BOD002 warning: Body 'Bestuurlijk Overleg Netcapaciteit Gelderland' "
            "(bo-netcapaciteit) is Accountable for no goal, initiative or decision | resolved by "
            "an earlier decision |  |") in result.out
    assert revision(vego) == before + 1
    assert "BOD001" not in ok(raci, "lint", vego, "--fail-on", "never")
    assert ok(raci, "scenario", "list", vego).startswith(f"{vego} has no scenarios")


def test_a_review_that_changes_nothing_leaves_no_scenario_behind(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    ok(raci, "scenario", "new", vego, "kept")
    for answers, args in (("s\nq\n", ()), ("", ()), ("q\n", ("--scenario", "kept"))):
        assert review(raci, monkeypatch, answers, vego, *args).code == 0
    assert [line.split()[0] for line in ok(raci, "scenario", "list", vego).splitlines()[1:]] \
        == ["kept"]  # one made before the review stays, though it is empty


def test_review_is_refused_where_it_cannot_keep_its_decisions(
        raci: Raci, vego: str, tmp_path: Path) -> None:
    assert refused(raci, "review", str(SAMPLE)).endswith(
        "raci review keeps its decisions in a database; read the file into one first: "
        f"`raci import {SAMPLE} --into org.db`")
    assert refused(raci, "review", vego, "--apply", "--scenario", "x") == (
        "--apply writes into the model itself; give it or --scenario, not both")


def test_an_actions_owner_is_one_person_or_as_written() -> None:
    """A part of one name alone is that person, unless it is some entity's
    id; a word two names hold is no one's; the name exactly wins over a
    longer one that holds it; a word is a whole word ("bos" is Lotte Bos,
    not Kees Bosma)."""
    model = Model(Org("Rule"))
    for person_id, name in (("p.smit", "Anouk Smit"), ("p.jan", "Jan de Vries"),
                            ("p.jans", "Jan de Vriesland"), ("p.bos", "Lotte Bos"),
                            ("p.bosma", "Kees Bosma")):
        model.people[person_id] = Person(id=person_id, name=name)
    model.bodies["anouk"] = Body(id="anouk", name="Werkgroep Anouk", kind="working_group")
    owners = ActionOwners(model)
    assert [owners.read(typed) for typed in (
        " p.smit ", "SMIT", "jan de vries", "Vriesland", "bos", "anouk", "Team Wonen")] == [
        "p.smit", "p.smit", "p.jan", "p.jans", "p.bos", "anouk", "Team Wonen"]
    assert owners.said("anouk") == "Werkgroep Anouk (anouk)"
    assert owners.said("Jan de Vris") == ("not a person of the model: noted as written; did "
                                          "you mean 'Jan de Vries'?")


def test_a_name_several_people_share_asks_for_the_id() -> None:
    """Namesakes: the name typed is no one person, and the note says so with
    their ids, not "did you mean" the very name typed."""
    model = Model(Org("Rule"))
    for person_id in ("p.amrani", "p.amrani2", "p.amrani3"):
        model.people[person_id] = Person(id=person_id, name="Joost El Amrani")
    owners = ActionOwners(model)
    assert owners.read("joost el amrani") == "joost el amrani"
    assert owners.said("Joost El Amrani") == (
        "3 people are named so: type the id of the one meant (p.amrani, p.amrani2, p.amrani3)")


def test_review_asks_once_more_who_takes_an_action_several_people_are(
        raci: Raci, vego: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """"van" is a word of four names: raci asks again with their ids; an id
    is that person, `enter` keeps what was typed (a team may be so named)."""
    answers = "\n".join(["n", "van", "p.vanderwal", "X", "none",
                         "n", "van", "", "Y", "none", "q"]) + "\n"
    result = review(raci, monkeypatch, answers, vego, "--author", "eva", "-o", "minutes.md")
    assert result.code == 0, result
    assert result.out.count("  the names of several people hold it: type the id of the one "
                            "meant (") == 2
    assert "Who [van]: p.vanderwal\n  Koen van der Wal (p.vanderwal)\n" in result.out
    assert "Who [van]: van\n  noted as written\n" in result.out
    minutes = Path("minutes.md").read_text(encoding="utf-8")
    assert "| Koen van der Wal (p.vanderwal) | X |" in minutes
    assert "| van | Y |" in minutes


def test_a_part_several_names_hold_asks_for_the_id() -> None:
    """A first name two people share is no one person: the note names them
    by their ids, not "not a person of the model" (accreal6: "Sarah")."""
    model = Model(Org("Rule"))
    for person_id, name in (("p.boyce", "Sarah Boyce"), ("p.abde", "Sarah Abderemane"),
                            ("p.visser", "Anne Visser")):
        model.people[person_id] = Person(id=person_id, name=name)
    owners = ActionOwners(model)
    assert owners.read("sarah") == "sarah"
    assert owners.said("Sarah") == owners.several("sarah") == (
        "the names of several people hold it: type the id of the one meant (p.boyce, p.abde)")
    assert owners.said("Anne") == "Anne Visser (p.visser)"


def test_an_owner_copied_from_the_minutes_or_typed_loosely_is_that_person() -> None:
    """What raci shows ("Name (id)") typed back, spaces doubled, an id in
    capitals: that person (accapp7); a part of a word ("it" in Smit) is
    no one's, so "IT" stays the IT department."""
    model = Model(Org("Rule"))
    for person_id, name in (("p.smit", "Anouk Smit"), ("p.wal", "Koen van der Wal"),
                            ("p.itske", "Itske de Vries"), ("p.ancona", "Paolo d'Ancona")):
        model.people[person_id] = Person(id=person_id, name=name)
    owners = ActionOwners(model)
    assert [owners.read(typed) for typed in (
        "Koen van der Wal (p.wal)", "  Anouk   Smit ", "P.SMIT", "IT", "Koen (p.wal)",
        "Ancona")] == ["p.wal", "p.smit", "p.smit", "IT", "Koen (p.wal)", "p.ancona"]
    assert owners.said("koen van der wal (p.wal)") == "Koen van der Wal (p.wal)"


def test_largest_first_is_level_then_entities_concerned() -> None:
    def finding(code: str, level: str, targets: tuple[str, ...],
                related: tuple[str, ...] = ()) -> Finding:
        return Finding(code, code, level, code, targets, related=related)  # type: ignore[arg-type]

    found = [finding("STR004", "info", ("g",)), finding("BOD001", "warning", ("a", "b", "c")),
             finding("OWN001", "error", ("g",)), finding("OWN004", "error", ("r",), ("g", "i")),
             finding("BOD007", "warning", ("a",))]
    assert [f.code for f in largest_first(found)] == [
        "OWN004", "OWN001", "BOD001", "BOD007", "STR004"]


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_a_session_in_a_real_terminal(vego: str, tmp_path: Path) -> None:
    """In a terminal the prompts wait for the keys; answers are not echoed twice."""
    raci = Path(sys.executable).with_name("raci")
    session = f"raci-review-{os.getpid()}"
    command = f"{raci} review {vego} --select OWN002 --author eva -o minutes.md"
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                    "-c", str(tmp_path), command], check=True)
    try:
        screen = _wait_for(session, "Decide [")
        assert "[1/1] OWN002 [error] Goal 'Gebouwde omgeving" in screen
        assert "  1. keep Directeur-Generaal Klimaat en Energie (r.dg-ke) as the one" in screen
        subprocess.run(["tmux", "send-keys", "-t", session, "2", "Enter"], check=True)
        _wait_for_file(tmp_path / "minutes.md")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], check=False)
    minutes = (tmp_path / "minutes.md").read_text(encoding="utf-8")
    assert ("Fixed: keep Directeur-Generaal Volkshuisvesting en Bouwen (r.dg-vb) as the one "
            "Accountable of Gebouwde omgeving 3,4 Mton extra CO2-reductie in 2030 "
            "(g.co2-gebouwen)") in minutes
    assert "1 of 1 finding decided, the largest first." in minutes


def _wait_for(session: str, text: str) -> str:
    for _ in range(200):
        screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", session],
                                capture_output=True, text=True, check=True).stdout
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never showed:\n{screen}")


def _wait_for_file(path: Path) -> None:
    for _ in range(200):
        if path.exists() and path.stat().st_size:
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} was never written")
