"""Facts a model does not record (`org.not_recorded`, a body with no cadence)
are never drawn as if known, and a view with nothing to draw says so: in
every view, the key, Mermaid, `raci diagram`, in English and Dutch."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from browser import require_chromium, require_program
from conftest import Raci
from test_diagram_model import laid_out
from test_diagram_views import heading_texts, key_samples
from test_report_print import page_sizes

from raci.analysis import Analysis
from raci.export.charts import busiest_chart, busiest_people, nobody_busy
from raci.export.mermaid import to_mermaid
from raci.export.split import split_view
from raci.export.views import build_view
from raci.formats import write_model
from raci.i18n import set_language
from raci.lint.config import LintConfig
from raci.lint.rules.data import facts_not_recorded
from raci.model import Assignment, Body, Decision, Goal, Initiative, Model, Org, Person, Role


def nobody_said(model: Model, config: LintConfig | None = None) -> str:
    return nobody_busy(model, facts_not_recorded(Analysis.of_model(model), config))


def unrecorded_model(*not_recorded: str) -> Model:
    """Two roles with no holder, a steering group with neither chair nor
    cadence, a board that meets fortnightly, and a decision both take part in."""
    model = Model(Org("Platform", not_recorded=list(not_recorded)))
    for entity in (
        Role(id="devops", name="DevOps Team"),
        Role(id="client", name="Client Team"),
        Body(id="sg", name="Stuurgroep", kind="steering_group", members=["devops", "client"]),
        Body(id="pb", name="Programmaraad", kind="programme_board", chair="client",
             members=["client"], meets_every_days=14),
        Decision(id="d.budget", name="Budget"),
        Decision(id="d.scope", name="Scope"),
    ):
        model.add(entity)
    model.assignments += [Assignment("d.budget", "A", "pb"), Assignment("d.budget", "C", "sg"),
                          Assignment("d.scope", "A", "sg")]
    return model


def test_a_body_with_no_chair_or_cadence_recorded_says_not_recorded() -> None:
    drawn = laid_out(build_view(unrecorded_model("chairs", "cadence"), "bodies"))
    assert " ".join(drawn.texts["sg"]) == (
        "Stuurgroep steering group chair: not recorded 2 members, cadence not recorded")
    assert " ".join(drawn.texts["pb"]).endswith("chair: Client Team 1 member, meets every 14 days")
    # Where the model records chairs, a body without one has none; its cadence is still unknown.
    drawn = laid_out(build_view(unrecorded_model(), "bodies"))
    assert "chair: none" in drawn.texts["sg"]
    assert not any("30 days" in line for line in drawn.texts["sg"])


def test_roles_are_not_drawn_vacant_where_holders_are_not_recorded() -> None:
    view = build_view(unrecorded_model("holders"), "org")
    drawn = laid_out(view)
    assert drawn.texts["devops"] == ["DevOps Team", "holders not recorded"]
    assert "vacant" not in drawn.classes["devops"].split()
    assert "node:vacant" not in key_samples(view)
    assert not any("vacant" in text for text in heading_texts(view))
    # Recorded holders, none listed: the role is vacant, and the key says what dotted means.
    view = build_view(unrecorded_model(), "org")
    assert laid_out(view).texts["devops"] == ["DevOps Team", "vacant"]
    assert "vacant role (no holder)" in heading_texts(view)


def test_a_decision_waiting_on_a_body_of_unknown_cadence_names_it_rather_than_assume() -> None:
    drawn = laid_out(build_view(unrecorded_model("cadence"), "decisions"))
    # The board meets every 14 days; the steering group's cadence is not known (not 30).
    assert " ".join(drawn.texts["d.budget"]).endswith(
        "waits ≈ 14 days, and on 1 body whose cadence is not recorded")
    assert " ".join(drawn.texts["d.scope"]).endswith(
        "waits on 1 body whose cadence is not recorded")
    assert "cadence not recorded" in drawn.texts["sg"]


def test_mermaid_and_dutch_say_not_recorded_too() -> None:
    model = unrecorded_model("chairs", "cadence", "holders")
    mermaid = to_mermaid(build_view(model, "bodies")).replace("<br/>", " ")  # wrapped lines
    assert "chair: not recorded" in mermaid and "cadence not recorded" in mermaid
    assert "30 days" not in mermaid
    set_language("nl")
    assert " ".join(laid_out(build_view(model, "bodies")).texts["sg"]).endswith(
        "voorzitter: niet vastgelegd 2 leden, vergaderfrequentie niet vastgelegd")
    assert laid_out(build_view(model, "org")).texts["devops"] == [
        "DevOps Team", "rolhouders niet vastgelegd"]
    assert " ".join(laid_out(build_view(model, "decisions")).texts["d.scope"]).endswith(
        "wacht op 1 gremium waarvan de vergaderfrequentie niet is vastgelegd")


def test_a_view_with_nothing_to_draw_says_why_under_its_title() -> None:
    model = Model(Org("Leeg"))
    model.add(Role(id="r", name="Rol"))
    view = build_view(model, "bodies")
    assert heading_texts(view, legend=False)[1:] == ["Nothing to draw: the model has no bodies."]
    assert build_view(model, "org").subtitle == ""
    set_language("nl")
    assert build_view(model, "decisions").subtitle == (
        "Niets te tekenen: het model heeft geen besluiten.")


@pytest.mark.parametrize("split", [[], ["--split", "unit"]], ids=["whole", "split"])
def test_raci_diagram_of_a_view_with_nothing_to_draw_notes_why(tmp_path: Path, raci: Raci,
                                                              split: list[str]) -> None:
    source = tmp_path / "roles.yaml"
    source.write_text("raci: 1\norg: {name: Roles only, not_recorded: [holders]}\n"
                      "roles: [{id: r, name: Rol}]\n", encoding="utf-8")
    done = raci("diagram", source, "--view", "bodies", *split, "-o", tmp_path / "bodies.svg")
    assert done.code == 0, done.err
    written_line = "wrote 1 drawing: bodies-1.svg\n" if split else ""  # a status line
    assert done.err == ("raci: note: the bodies view has nothing to draw: the model has no "
                           "bodies; the drawing holds its title and this reason\n" + written_line)
    written = tmp_path / ("bodies-1.svg" if split else "bodies.svg")
    assert "the model has no" in written.read_text(encoding="utf-8")
    dutch = raci("--lang", "nl", "diagram", source, "--view", "decisions")
    assert dutch.code == 0
    assert dutch.err.startswith("raci: opmerking: de weergave besluiten heeft niets te "
                                   "tekenen: het model heeft geen besluiten;")


def test_the_busiest_people_sentence_is_true_of_a_model_of_roles_without_people() -> None:
    model = unrecorded_model("holders")
    model.add(Goal(id="g", name="Doel"))
    model.assignments.append(Assignment("g", "A", "devops"))
    chart = busiest_chart(busiest_people(model), nobody_said(model))
    assert chart.svg is None
    assert chart.empty == "The model names no people: who holds its roles is not recorded."
    assert nobody_said(Model(Org("Leeg"))) == "The model names no people."
    model.add(Person(id="p", name="Piet"))  # a person with no role and no seat
    assert nobody_said(model) == ("No person sits in a body or is Accountable for an item, "
                                  "directly or through a role held.")


PLATFORM_AREAS = ("Repository management", "Continuous integration pipelines",
                  "Identity and access", "Knowledge transfer and support",
                  "Infrastructure as code", "Observability and alerting")


def platform_yaml() -> str:
    """A RACI chart's model, as a spreadsheet import makes it: roles and no
    people, no bodies, the roles Accountable for every initiative, and a
    goals view too large for one page of the handout (it is split, with a note)."""
    lines = ["raci: 1", "org: {name: Platform, not_recorded: [holders, chairs, cadence]}",
             "roles: [{id: devops, name: DevOps Team}, {id: client, name: Client Team}]",
             "goals:"]
    lines += [f"  - {{id: g{n}, name: {area}, raci: {{A: client, R: [devops]}}}}"
              for n, area in enumerate(PLATFORM_AREAS)]
    lines.append("initiatives:")
    lines += [f"  - {{id: i{n}-{step}, name: Set up and document the {area.lower()} step "
              f"{step}, goals: [g{n}], raci: {{A: client, R: [devops]}}}}"
              for n, area in enumerate(PLATFORM_AREAS) for step in range(1, 6)]
    return "\n".join(lines) + "\n"


def page_texts(pdf: Path) -> list[str]:
    """Each page's text in reading order (`pdftotext`), its spaces folded."""
    done = subprocess.run([require_program("pdftotext"), str(pdf), "-"],
                          capture_output=True, text=True, check=True)
    return [" ".join(page.split()) for page in done.stdout.split("\f")[:-1]]


def test_the_handout_has_no_page_for_an_empty_view_and_each_diagram_starts_a_page(
        tmp_path: Path, raci: Raci) -> None:
    require_chromium()
    source, pdf = tmp_path / "platform.yaml", tmp_path / "review.pdf"
    source.write_text(platform_yaml(), encoding="utf-8")
    done = raci("report", source, "-o", pdf)
    assert done.code == 0 and done.err == "", done.err
    texts = page_texts(pdf)
    sizes = page_sizes(pdf)
    assert "The model names no people: who holds its roles is not recorded." in texts[0]
    # No page for the bodies view; the contents say why.
    assert [n for n, text in enumerate(texts) if "Diagram: the bodies view" in text] == [1]
    assert ("Diagram: the bodies view. Not drawn: the model has no bodies." in texts[1])
    # The goals view starts a landscape page, its note whole on it above the first part.
    goals = [n for n, text in enumerate(texts) if "Diagram: the goals view" in text]
    assert goals[0] == 1 and len(goals) == 2  # the contents, and its own page
    page = texts[goals[1]]
    assert page.startswith("Diagram: the goals view On one A4 page its text would be")
    assert "so the goals view is drawn in 4 parts; a line to something in another part ends " \
           "in a dashed box that names the part. Platform — goals view Part 1 of 4" in page
    assert sizes[goals[1]] == (842, 595)
    assert not texts[goals[1] - 1].endswith("part.")


def test_the_dutch_handout_says_why_a_view_is_not_drawn(tmp_path: Path, raci: Raci) -> None:
    source, page = tmp_path / "platform.yaml", tmp_path / "review.html"
    source.write_text(platform_yaml(), encoding="utf-8")
    done = raci("--lang", "nl", "report", source, "-o", page)
    assert done.code == 0 and done.err == "", done.err
    text = page.read_text(encoding="utf-8")
    assert 'id="diagram-bodies"' not in text
    assert ('<span class="note">Niet getekend: het model heeft geen gremia.</span>' in text)
    assert "Het model noemt geen mensen: wie de rollen vervult, is niet vastgelegd." in text


def test_the_goals_view_of_a_model_without_goals_recorded_says_so_under_its_title() -> None:
    """An import of a RACI chart has initiatives but records no goals: the
    goals view draws them and says the goals are not recorded, as a view of
    nothing says why."""
    model = unrecorded_model("goals")
    model.add(Initiative(id="i.cloud", name="Cloud"))
    view = build_view(model, "goals")
    assert heading_texts(view, legend=False)[1:] == ["The model's goals are not recorded."]
    assert build_view(unrecorded_model(), "goals").subtitle.startswith("Nothing to draw")
    set_language("nl")
    assert build_view(model, "goals").subtitle == "De doelen van het model zijn niet vastgelegd."


def test_each_part_of_a_split_goals_view_of_a_model_without_goals_says_so() -> None:
    """A roster's initiatives with no goal recorded (Kubernetes' 234): each part
    of the split says, under its part's name, that the model records no goals,
    as the whole view does, whether or not the source marks them not recorded."""
    model = Model(Org("Projecten"))
    for number in range(8):
        model.add(Initiative(id=f"i.{number}", name=f"Project {number}"))
    assert build_view(model, "goals").subtitle == "The model's goals are not recorded."
    parts = split_view(build_view(model, "goals"), model, "goal",
                       fits=lambda part: len(part.nodes) <= 3)
    assert len(parts) > 1
    assert [part.subtitle.endswith(" · The model's goals are not recorded.") for part in parts] \
        == [True] * len(parts)


def model_lacking(*facts: str, count: int = 20) -> Model:
    """`count` committees with neither chair nor cadence and `count` roles with
    no holder, none of it declared in `org.not_recorded`: DAT001 (20 lacking,
    90 %) finds the facts named here not recorded; one chair and one holder each
    keep the others recorded."""
    model = Model(Org("Roster"))
    model.add(Person(id="p", name="Pia"))
    for number in range(count):
        recorded = number < 2  # two of them, as many as DAT001 allows lacking
        model.add(Role(id=f"r{number}", name=f"Role {number}",
                       holders=["p"] if recorded and "holders" not in facts else []))
        model.add(Body(id=f"b{number}", name=f"Committee {number}", kind="committee",
                       members=[f"r{number}"],
                       chair="p" if recorded and "chairs" not in facts else None))
    return model


def test_a_drawing_calls_not_recorded_what_dat001_finds_lacking_as_lint_does() -> None:
    """DAT001 says chairs and holders are not recorded (20 of 20 lack them):
    the drawing says so too, not "chair: none" and "vacant" (the real-data
    pass: 32 Apache podlings drawn "voorzitter: geen")."""
    model = model_lacking("chairs", "holders")
    bodies = build_view(model, "bodies")
    assert "chair: not recorded" in bodies.nodes["b5"].lines
    org = build_view(model, "org")
    assert org.nodes["r5"].lines == ["holders not recorded"]
    assert "vacant" not in org.nodes["r5"].styles
    set_language("nl")
    assert "voorzitter: niet vastgelegd" in build_view(model, "bodies").nodes["b5"].lines


def test_a_drawing_says_none_and_vacant_where_dat001_finds_the_fact_recorded() -> None:
    """Two bodies of 20 with a chair: chairs are recorded (DAT001 wants 90 %
    lacking), so the other 18 have none; the same for holders."""
    model = model_lacking()
    assert "chair: none" in build_view(model, "bodies").nodes["b5"].lines
    org = build_view(model, "org")
    assert org.nodes["r5"].lines == ["vacant"] and "vacant" in org.nodes["r5"].styles
    # Fewer than DAT001's 20 lacking: recorded, as `raci lint` takes it.
    assert "chair: none" in build_view(model_lacking("chairs", count=19), "bodies").nodes[
        "b5"].lines


def test_the_report_says_who_holds_the_roles_is_not_recorded_where_dat001_finds_so() -> None:
    model = model_lacking("holders", "chairs")
    del model.people["p"]
    assert nobody_said(model) == "The model names no people: who holds its roles is not recorded."


def test_a_drawing_takes_not_recorded_as_lint_does_with_its_settings() -> None:
    """Where DAT001 is not run, BOD007 reports the bodies with no chair: the
    drawing beside the findings says "chair: none", not "not recorded"; and
    DAT001's thresholds count as configured."""
    model = model_lacking("chairs", "holders")
    for settings in (LintConfig(ignore=["DAT001"]), LintConfig(levels={"DAT001": "off"}),
                     LintConfig(params={"DAT001": {"min_missing": 21}})):
        assert "chair: none" in build_view(model, "bodies", settings).nodes["b5"].lines
        assert build_view(model, "org", settings).nodes["r5"].lines == ["vacant"]
    fewer = model_lacking("chairs", count=19)
    assert "chair: not recorded" in build_view(fewer, "bodies", LintConfig(
        params={"DAT001": {"min_missing": 10}})).nodes["b5"].lines
    declared = unrecorded_model("chairs")  # what the source says it lacks, whatever is run
    assert "chair: not recorded" in build_view(
        declared, "bodies", LintConfig(ignore=["DAT001"])).nodes["sg"].lines
    del model.people["p"]
    assert nobody_said(model, LintConfig(ignore=["DAT001"])) == "The model names no people."


def test_raci_diagram_and_report_read_the_settings_raci_lint_finds(
        tmp_path: Path, raci: Raci) -> None:
    """A roster of 20 bodies with no chair and a raci.toml that ignores
    DAT001: the lint reports BOD007, so the drawing says "chair: none"."""
    roster = tmp_path / "roster.yaml"
    write_model(model_lacking("chairs"), roster)
    (tmp_path / "raci.toml").write_text('[raci]\nignore = ["DAT001"]\n', encoding="utf-8")
    linted = raci("lint", roster, "--select", "BOD007", "--format", "json")
    assert '"BOD007"' in linted.out
    drawn = raci("diagram", roster, "--view", "bodies", "--format", "dot")
    assert drawn.code == 0, drawn.err
    assert "chair: none" in drawn.out and "chair: not recorded" not in drawn.out
    assert raci("report", roster, "-o", tmp_path / "handout" / "review.md").code == 0
    handout = (tmp_path / "handout" / "review.md").read_text(encoding="utf-8")
    assert "chair: none" in handout and "chair: not recorded" not in handout
