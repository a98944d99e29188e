"""What the edit commands say they did, in English and Dutch: what `rm
--force` took away, a misspelt actor, a conflict, an edit that changes
nothing, a list value, what `add` needs, a scenario's lines in Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

from raci.source import database_url


def revision(database: str | Path) -> int:
    from raci.store import open_store

    with open_store(database_url(str(database))) as store:
        return store.revision()


def test_rm_force_says_which_references_went(vego: str, raci) -> None:
    removed = raci("rm", vego, "r.dg-vb", "--force")
    assert removed.out == ("removed r.dg-vb with 4 letters; references removed: seat in "
                           "sg-vego; what r.dir-bk, wg-isolatienorm report to\n")


def test_rm_force_names_ten_who_lost_a_reference_then_how_many_more(vego: str, raci) -> None:
    assert raci("add", vego, "unit", "u.x", "--name", "X").code == 0
    for number in range(12):
        assert raci("add", vego, "person", f"p.{number:02}", "--name", "P",
                    "--set", "unit=u.x").code == 0
    removed = raci("rm", vego, "u.x", "--force")
    ten = ", ".join(f"p.{number:02}" for number in range(10))
    assert removed.out == f"removed u.x; references removed: unit of {ten} and 2 more\n"


def test_rm_force_says_the_references_in_dutch(vego: str, raci) -> None:
    removed = raci("--lang", "nl", "rm", vego, "r.dg-vb", "--force")
    assert removed.out == ("r.dg-vb met 4 letters verwijderd; verwijzingen verwijderd: zetel in "
                           "sg-vego; waaraan r.dir-bk, wg-isolatienorm rapporteren\n")


def test_a_list_for_a_raci_block_reads_as_dutch(tmp_path: Path, raci) -> None:
    model = tmp_path / "lijst.yaml"
    model.write_text("raci: 1\norg: {name: X}\ngoals:\n  - id: g.a\n    name: A\n"
                     "    raci: [p.a]\n", encoding="utf-8")
    refused = raci("--lang", "nl", "import", model, "--into", tmp_path / "x.db")
    assert refused.code == 2
    assert "raci: een lijst is niet een RACI-blok: sleutels R, A, C en I" in refused.err


def test_unassign_of_a_misspelt_actor_says_which_is_meant(vego: str, raci) -> None:
    refused = raci("unassign", vego, "g.wijkaanpak", "r.dir-wg")
    assert refused.code == 2
    assert refused.err == "raci: no entity with id 'r.dir-wg'; did you mean 'r.dir-wgo'?\n"


def test_a_conflicting_edit_says_to_run_the_command_again(
    vego: str, raci, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another `raci set` of the same body saves between this one's load and save."""
    from raci.cli import model_commands

    checked = model_commands._check_entity

    def meanwhile(kind: str, data: dict[str, object]) -> None:
        monkeypatch.setattr(model_commands, "_check_entity", checked)
        assert raci("set", vego, "sg-vego", "meets_every_days=7").code == 0
        checked(kind, data)

    monkeypatch.setattr(model_commands, "_check_entity", meanwhile)
    refused = raci("set", vego, "sg-vego", "meets_every_days=14")
    assert refused.code == 2
    assert refused.err.endswith(": body sg-vego was changed by someone else since you loaded "
                                "it; nothing was written; run the command again\n")


def test_renaming_to_the_same_id_writes_nothing(vego: str, raci) -> None:
    before = revision(vego)
    renamed = raci("rename", vego, "sg-vego", "sg-vego")
    assert (renamed.code, renamed.out) == (0, "sg-vego is already its id; nothing was written\n")
    assert revision(vego) == before


def test_a_list_value_is_said_with_spaces_as_the_facts_are(vego: str, raci) -> None:
    changed = raci("set", vego, "sg-vego", "members=r.dg-vb,r.dg-ke")
    assert changed.out == "changed sg-vego (members r.dg-vb, r.dg-ke)\n"


def test_the_facts_not_recorded_in_another_order_are_no_change(vego: str, raci) -> None:
    assert raci("set", vego, "org.not_recorded=chairs,cadence").code == 0
    before = revision(vego)
    again = raci("set", vego, "org.not_recorded=cadence,chairs")
    assert again.out == "the organisation already holds those values; nothing was written\n"
    assert revision(vego) == before


def test_importing_the_same_sheet_again_writes_nothing(vego: str, raci) -> None:
    assert raci("export", vego, "-o", "matrix.csv").code == 0
    assert raci("import", "matrix.csv", "--into", vego).code == 0
    before = revision(vego)
    again = raci("import", "matrix.csv", "--into", vego)
    assert again.code == 0
    assert revision(vego) == before


def test_english_messages_say_indicator(vego: str, tmp_path: Path, raci) -> None:
    refused = raci("assign", vego, "bzk", "A", "r.dg-vb")
    assert refused.err == "raci: bzk is a unit, not an item (goal, initiative, decision or " \
                          "indicator)\n"
    model = tmp_path / "k.yaml"
    model.write_text("raci: 1\norg: {name: X}\ngoals:\n  - id: g.a\n    name: A\nkpis:\n"
                     "  - id: k.a\n    name: K\n    measures: g.a\n    type: lagg\n",
                     encoding="utf-8")
    assert "indicator k.a: type: 'lagg'" in raci("validate", model).err


def test_add_names_the_settings_a_kind_needs(vego: str, raci) -> None:
    refused = raci("add", vego, "kpi", "k.x", "--name", "X")
    assert refused.code == 2
    assert refused.err == ("raci: k.x: give --set measures=ID (a goal or initiative) and "
                           "--set type=TYPE (one of leading, lagging)\n")


def test_scenario_markdown_writes_an_arrow_as_markdown_reads_it(vego: str, raci) -> None:
    assert raci("scenario", "new", vego, "plan").code == 0
    assert raci("assign", f"{vego}@plan", "g.wijkaanpak", "C", "r.dir-wgo").code == 0
    shown = raci("scenario", "show", vego, "plan", "--format", "markdown").out
    assert "1. r.dir-wgo on g.wijkaanpak: A -> C\n" in shown
