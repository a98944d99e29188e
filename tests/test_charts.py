"""The report's first-page charts: what they count, and how they are drawn."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from conftest import SAMPLE

from raci.export.charts import (
    CHART_WIDTH_MM,
    OVERLAP_BARS_MM,
    BusyPerson,
    Chart,
    GoalCoverage,
    OverlapPair,
    Overlaps,
    busiest_chart,
    busiest_people,
    coverage_chart,
    findings_chart,
    findings_per_group,
    first_page_charts,
    goal_coverage,
    overlap_chart,
    shorten,
    shorten_apart,
    strongest_overlaps,
)
from raci.export.views import build_view
from raci.lint import RULES, lint_model
from raci.lint.findings import Finding
from raci.model import Body, Decision, Goal, Initiative, Kpi, Model, Org, Person, Role
from raci.model.source import ModelSource
from raci.source import open_model

SVG = "{http://www.w3.org/2000/svg}"
GROUPS = {r.code: r.group for r in RULES}
GROUP_ORDER = list(dict.fromkeys(r.group for r in RULES))


def finding(code: str, level: str, waived: bool = False) -> Finding:
    return Finding(code, "name", level, "message", ("x",), waived=waived)  # type: ignore[arg-type]


def test_findings_are_counted_per_group_and_level_every_group_shown() -> None:
    findings = [finding("OWN001", "error"), finding("OWN002", "error"),
                finding("OWN003", "warning"), finding("BOD002", "warning"),
                finding("BOD001", "warning", waived=True), finding("XYZ001", "info")]
    counts = findings_per_group(findings, GROUPS, GROUP_ORDER)
    assert list(counts) == [*GROUP_ORDER, "xyz"]
    assert counts["ownership"] == {"error": 2, "warning": 1}
    assert counts["bodies"] == {"warning": 1}  # the waived one left out
    assert counts["xyz"] == {"info": 1}
    assert all(not counts[group] for group in GROUP_ORDER if group not in ("ownership", "bodies"))


def people_model() -> Model:
    model = Model(Org("Druk"))
    for person_id, name in (("p.an", "An"), ("p.bo", "Bo"), ("p.cor", "Cor"), ("p.dirk", "Dirk")):
        model.add(Person(id=person_id, name=name))
    model.add(Role(id="r.dg", name="DG", holders=["p.an"]))
    model.add(Role(id="r.dir", name="Directeur", holders=["p.an", "p.bo"]))
    model.add(Body(id="b1", name="Stuurgroep", kind="steering_group", members=["r.dg", "p.an"]))
    model.add(Body(id="b2", name="MT", kind="committee", members=["r.dir"]))
    model.add(Body(id="b3", name="Overleg", kind="committee", members=["p.cor"],
                   chair="p.bo"))  # chairing is no seat (PPL002's reading)
    model.add(Goal(id="g1", name="Doel"))
    model.add(Initiative(id="i1", name="Aanpak", goals=["g1"]))
    model.add(Decision(id="d1", name="Besluit"))
    model.add(Kpi(id="k1", name="Meting", measures="g1", type="lagging", has_raci=True))
    model.assign("g1", "A", "r.dg")
    model.assign("g1", "R", "p.an")
    model.assign("i1", "A", "p.an")
    model.assign("d1", "A", "r.dir")
    model.assign("k1", "A", "p.bo")  # indicators are not counted (PPL001's reading)
    return model


def test_the_busiest_people_count_seats_and_accountables_through_their_roles() -> None:
    people = busiest_people(people_model())
    assert people == [
        BusyPerson("p.an", "An", seats=2, accountable=3),  # b1 once, though listed twice
        BusyPerson("p.bo", "Bo", seats=1, accountable=1),
        BusyPerson("p.cor", "Cor", seats=1, accountable=0),
    ]  # Dirk has neither and is left out
    assert busiest_people(people_model(), count=1) == people[:1]


def test_the_strongest_overlaps_come_first_with_their_shares() -> None:
    model = Model(Org("Overleg"))
    for body_id, members in (("a", "p1 p2 p3 p4"), ("b", "p1 p2 p3 p5"), ("c", "p1 p6 p7"),
                             ("d", "p8 p9 p10 p11 p1")):
        model.add(Body(id=body_id, name=body_id.upper(), kind="committee",
                       members=members.split()))
    overlaps = strongest_overlaps(model, 3)
    # a-b share 3 of 5 (60 %); c shares 1 of 6 with a and b (17 %): below a quarter.
    assert overlaps == Overlaps([OverlapPair("A", "B", 3, 5)], more=0)
    assert overlaps.pairs[0].share == 0.6
    model.add(Body(id="e", name="E", kind="committee", members=["p8", "p9", "p10"]))
    assert strongest_overlaps(model, 3, count=1) == Overlaps([OverlapPair("A", "B", 3, 5)], 1)


def test_the_overlap_chart_counts_seat_holders_as_bod001_does() -> None:
    """One handout gave "80% (4)" on its first page and "share 5 of 6
    seat-holders (Jaccard 0.83)" under BOD001 for one pair: the chart counted
    members as listed, BOD001 a role as its holders."""
    model = Model(Org("Water"))
    model.add(Role(id="secretaris", name="Secretaris", holders=["p5", "p6"]))
    model.add(Body(id="sg", name="Stuurgroep", kind="steering_group",
                   members=["p1", "p2", "p3", "p5", "p6"]))
    model.add(Body(id="cw", name="Commissie", kind="committee",
                   members=["p1", "p2", "p3", "secretaris"]))
    assert strongest_overlaps(model, 3).pairs == [OverlapPair("Stuurgroep", "Commissie", 5, 5)]
    found = lint_model(ModelSource("water", model))
    assert [str(f.message).split(" share ")[1] for f in found if f.code == "BOD001"] == [
        "5 of 5 seat-holders (Jaccard 1.00)"]
    assert "100% (5 of 5)" in chart_texts(overlap_chart(strongest_overlaps(model, 3), ""))


def test_the_overlap_chart_leaves_out_the_small_bodies_bod001_ignores() -> None:
    """On a real model the chart was eight "100% (2 of 2)" pairs of
    two-person bodies, which BOD001 does not compare, and missed the pair it
    reports (8 of 9)."""
    model = Model(Org("Telemetrie"))
    for n in range(4):
        model.add(Body(id=f"duo{n}", name=f"Duo {n}", kind="working_group",
                       members=[f"d{n}a", f"d{n}b"]))
        model.add(Body(id=f"twee{n}", name=f"Twee {n}", kind="working_group",
                       members=[f"d{n}a", f"d{n}b"]))
    nine = [f"t{n}" for n in range(9)]
    model.add(Body(id="tc", name="Technical Committee", kind="committee", members=nine))
    model.add(Body(id="spec", name="Spec", kind="working_group", members=nine[:8]))
    found = lint_model(ModelSource("otel", model))
    assert [f.targets for f in found if f.code == "BOD001"] == [("spec", "tc")]
    assert strongest_overlaps(model, 3) == Overlaps(
        [OverlapPair("Technical Committee", "Spec", 8, 9)], more=0)
    assert len(strongest_overlaps(model, 2).pairs) == 5  # as configured: the duos compared


def test_the_overlap_numbers_end_inside_the_chart() -> None:
    """After the bar of a strong overlap, "83% (5 van 6)" ran off the page's
    edge: the numbers stand in a column the layout makes room for."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    pairs = [OverlapPair("Stuurgroep Klimaatadaptatie", "Commissie Watersysteem", 14, 14),
             OverlapPair("Dagelijks Bestuur", "Werkgroep Droogte", 12, 14)]
    chart = overlap_chart(Overlaps(pairs, 0), "")
    assert chart.svg is not None
    root = ET.fromstring(chart.svg)
    width = float(root.get("viewBox", "").split()[2])
    font = FontProperties(family="DejaVu Sans")
    numbers = [text for text in root.iter(f"{SVG}text") if "(1" in (text.text or "")]
    assert [text.text for text in numbers] == ["86% (12 of 14)", "100% (14 of 14)"]
    for text in numbers:
        extent = TextPath((0, 0), text.text or "", size=8, prop=font).get_extents()
        assert float(text.get("x", "")) + extent.x1 <= width


def test_long_names_leave_the_overlap_bars_their_width(in_dutch: None) -> None:
    """On opentelemetry the two-line names and the "89% (8 van 9)" column
    left the bars 20 mm: "0%50%100%" ran together, bars were stubs."""
    names = ["Technical Committee", "Specification: General + OTel Maintainers Sync",
             "Specification: Logs", "Semantic Conventions: General", "Contributor Experience",
             "Portuguese (pt-BR)", "Specification sponsors", "Governance Committee"]
    pairs = [OverlapPair(one, other, 8, 9 + n)
             for n, (one, other) in enumerate(zip(names, names[1:] + names[:1], strict=True))]
    texts = {text.text: float(text.get("x", "nan")) for text in
             ET.fromstring(overlap_chart(Overlaps(pairs, 0), "").svg or b"").iter(f"{SVG}text")}
    assert (texts["100%"] - texts["0%"]) / 72 * 25.4 >= OVERLAP_BARS_MM  # points to mm
    assert any(text.startswith("Technical Com") for text in texts)  # cut shorter, still read


def test_the_overlap_chart_of_a_ministry_names_its_pairs_readably() -> None:
    """A ministry has dozens of overlapping bodies: a heat map of ten of them
    had cells too narrow for their numbers; the chart is the strongest pairs,
    each bar labelled, and says how many more there are."""
    pairs = [OverlapPair(f"Managementteam Directie {n}", f"Overleg Managementteam {n}", 5, 7 + n)
             for n in range(8)]
    chart = overlap_chart(Overlaps(pairs, more=31), "")
    assert chart.svg is not None and "31 more pairs share a quarter or more" in chart.caption
    texts = [text.text or "" for text in ET.fromstring(chart.svg).iter(f"{SVG}text")]
    assert "71% (5 of 7)" in texts and "36% (5 of 14)" in texts  # no space before %
    assert "50%" in texts
    assert min(font_sizes(chart.svg)) >= 8
    assert len(texts) < 40  # a label per bar and per pair, not a number per cell


def test_goal_coverage_counts_owners_initiatives_and_indicators_below_a_goal() -> None:
    model = Model(Org("Doelen"))
    model.add(Goal(id="top", name="Top"))
    model.add(Goal(id="sub", name="Sub", parent="top"))
    model.add(Goal(id="los", name="Los"))
    model.add(Goal(id="x", name="X", parent="y"))  # a cycle of parents ends the walk
    model.add(Goal(id="y", name="Y", parent="x"))
    model.add(Initiative(id="i", name="Aanpak", goals=["sub"]))
    model.add(Initiative(id="gestopt", name="Gestopt", goals=["los"], status="stopped"))
    model.add(Kpi(id="k", name="Meting", measures="sub", type="leading"))
    model.add(Kpi(id="k2", name="Meting 2", measures="x", type="leading"))
    model.assign("top", "A", "p")
    model.assign("sub", "A", "p")
    model.assign("sub", "C", "q")
    model.assign("los", "R", "p")
    assert goal_coverage(model) == GoalCoverage(goals=5, owned=2, worked_on=2, measured=4,
                                                complete=2)


def font_sizes(svg: bytes) -> list[float]:
    return [float(size) for size in re.findall(rb"font-size: ([\d.]+)px", svg)]


def test_charts_print_at_their_width_with_no_text_below_8_pt() -> None:
    source = open_model(str(SAMPLE))
    charts = first_page_charts(source.model, lint_model(source), GROUPS, GROUP_ORDER, 3)
    assert [chart.name for chart in charts] == ["findings", "goals", "people", "overlap"]
    for chart in charts:
        assert chart.svg is not None
        root = ET.fromstring(chart.svg)
        # SVG user units are points: 8 px in the drawing is 8 pt on paper.
        assert float(root.get("width", "").removesuffix("pt")) == pytest.approx(
            CHART_WIDTH_MM / 25.4 * 72)
        assert root.get("viewBox", "").split()[2] == root.get("width", "").removesuffix("pt")
        texts = root.iter(f"{SVG}text")
        assert next(texts, None) is not None
        assert font_sizes(chart.svg) and min(font_sizes(chart.svg)) >= 8
        assert b"<dc:date>" not in chart.svg  # no date: the same model, the same bytes
    second = first_page_charts(source.model, lint_model(source), GROUPS, GROUP_ORDER, 3)
    assert [c.svg for c in charts] == [c.svg for c in second]


def test_names_are_drawn_as_written() -> None:
    people = [BusyPerson("p", "Jan $x$ <b>de</b> & Vries", 2, 1)]
    svg = busiest_chart(people, "").svg
    assert svg is not None
    labels = [text.text for text in ET.fromstring(svg).iter(f"{SVG}text")]
    assert "Jan $x$ <b>de</b> & Vries" in labels  # not mathematics, not markup


def test_a_side_nobody_has_a_bar_on_is_left_out(in_dutch: None) -> None:
    """A model without items: "Eigenaar (A) van" stood over nothing, in
    every format of the report (each shows this one chart)."""
    seats_only = chart_texts(busiest_chart([BusyPerson("p", "An", 2, 0),
                                            BusyPerson("q", "Bo", 1, 0)], ""))
    assert "Zetels in gremia" in seats_only and "Eigenaar (A) van" not in seats_only
    owners_only = chart_texts(busiest_chart([BusyPerson("p", "An", 0, 2)], ""))
    assert "Eigenaar (A) van" in owners_only and "Zetels in gremia" not in owners_only
    both = chart_texts(busiest_chart([BusyPerson("p", "An", 1, 0), BusyPerson("q", "Bo", 0, 1)],
                                     ""))
    assert "Zetels in gremia" in both and "Eigenaar (A) van" in both


def test_a_long_name_is_shortened_on_the_chart_only() -> None:
    assert shorten("Interdepartementale Stuurgroep Warmte") == "Interdepartementale Stuur…"
    assert shorten("Kort\nen  goed") == "Kort en goed"


def test_a_chart_with_nothing_to_draw_says_so() -> None:
    assert findings_chart({}).empty == "No rules were run."
    assert coverage_chart(GoalCoverage(0, 0, 0, 0, 0), "none").empty == "none"
    assert busiest_chart([], "").svg is None
    assert overlap_chart(strongest_overlaps(Model(Org("Leeg")), 3), "none").empty == "none"


def empty_sentences(model: Model) -> dict[str, str]:
    charts = first_page_charts(model, [], GROUPS, GROUP_ORDER, 3)
    return {chart.name: chart.empty for chart in charts if chart.svg is None}


def test_an_empty_chart_says_what_is_true_of_the_model() -> None:
    """No bodies is not "no two bodies overlap"; goals not recorded is not "no goals"."""
    model = Model(Org("Leeg", not_recorded=["goals"]))
    assert empty_sentences(model)["overlap"] == "The model has no bodies."
    assert empty_sentences(model)["goals"] == "The model's goals are not recorded."
    model.add(Body(id="b", name="B", kind="committee", members=["p"]))
    assert empty_sentences(model)["overlap"] == "The model has only one body."
    model.add(Body(id="c", name="C", kind="committee", members=["q"]))
    assert empty_sentences(model)["overlap"] == (
        "No two bodies of 3 or more seat-holders (as BOD001 compares them) have two or more "
        "and a quarter or more of their seat-holders in common.")
    assert empty_sentences(Model(Org("Leeg")))["goals"] == "The model has no goals."


def test_the_busiest_people_chart_says_how_many_more_are_as_busy_as_the_last() -> None:
    """A cut at ten among people with as many seats is no ranking: the caption
    says how many more have as many as the last shown."""
    def caption(people: int) -> str:
        model = Model(Org("Kern"))
        ids = [f"p.{number:02}" for number in range(people)]
        for person in ids:
            model.add(Person(id=person, name=person))
        for body in ("b1", "b2"):
            model.add(Body(id=body, name=body, kind="committee", members=ids))
        charts = first_page_charts(model, [], GROUPS, GROUP_ORDER, 3)
        return next(chart.caption for chart in charts if chart.name == "people")

    assert caption(12).endswith(" 2 more have as many together as the last shown (2).")
    assert caption(11).endswith(" 1 more has as many together as the last shown (2).")
    assert caption(10).endswith("they are Accountable for, together.")


def test_the_goals_chart_says_what_the_goals_view_says_of_initiatives_with_no_goal() -> None:
    """A RACI chart's initiatives and no goal: the goals are not recorded,
    declared or not, as the goals view (and DAT001) say; not "no goals"."""
    model = Model(Org("Projecten"))
    model.add(Initiative(id="i.cloud", name="Cloud"))
    assert empty_sentences(model)["goals"] == "The model's goals are not recorded."
    assert build_view(model, "goals").subtitle == "The model's goals are not recorded."


def test_an_empty_chart_says_so_in_dutch(in_dutch: None) -> None:
    model = Model(Org("Leeg", not_recorded=["goals"]))
    assert empty_sentences(model) == {
        "goals": "De doelen van het model zijn niet vastgelegd.",
        "people": "Het model noemt geen mensen.",
        "overlap": "Het model heeft geen gremia."}
    model.add(Body(id="b", name="B", kind="committee", members=["p"]))
    assert empty_sentences(model)["overlap"] == "Het model heeft maar één gremium."


def test_the_dutch_overlap_chart_names_the_view_and_writes_percentages_in_dutch(
        in_dutch: None) -> None:
    pairs = [OverlapPair("Stuurgroep", "Kernteam", 5, 7)]
    chart = overlap_chart(Overlaps(pairs, more=3), "")
    assert chart.caption.endswith("; de weergave gremia tekent ze allemaal.")
    assert chart.svg is not None
    texts = [text.text or "" for text in ET.fromstring(chart.svg).iter(f"{SVG}text")]
    assert "71% (5 van 7)" in texts and "100%" in texts


def chart_texts(chart: Chart) -> list[str]:
    assert chart.svg is not None
    return [text.text or "" for text in ET.fromstring(chart.svg).iter(f"{SVG}text")]


def test_a_bar_whose_fact_is_not_recorded_says_so_rather_than_none() -> None:
    """A RACI chart imported without indicators does not have "0 of 7" goals
    measured: it does not record them."""
    coverage = GoalCoverage(goals=7, owned=5, worked_on=3, measured=0, complete=0)
    texts = chart_texts(coverage_chart(coverage, "", ["indicators"]))
    assert texts.count("indicators not recorded") == 2  # the indicator bar and all three
    assert "0 of 7" not in texts and "5 of 7" in texts and "3 of 7" in texts
    assert "0 of 7" in chart_texts(coverage_chart(coverage, ""))


def test_dutch_charts_group_thousands_the_dutch_way(in_dutch: None) -> None:
    counts = {"ownership": Counter({"error": 1872, "warning": 3})}
    texts = chart_texts(findings_chart(counts))
    assert "1.875" in texts and "1.200" in texts  # the bar's value and an axis mark
    assert not any("," in text for text in texts)
    people = chart_texts(busiest_chart([BusyPerson("p", "An", 1200, 2)], ""))
    assert "1.200" in people
    coverage = GoalCoverage(goals=1500, owned=1500, worked_on=3, measured=0, complete=0)
    texts = chart_texts(coverage_chart(coverage, "", ["indicators"]))
    assert "1.500 van 1.500" in texts and "indicatoren niet vastgelegd" in texts


def test_namesakes_on_the_overlap_chart_stay_apart() -> None:
    """Two bodies whose names differ only at the end were both cut to
    "Operator Framework: Lifec…": the pair read as one body twice."""
    one = "Operator Framework: Lifecycle Manager v0"
    other = "Operator Framework: Lifecycle Manager v1"
    assert shorten_apart(one, other) == ("Operator Frame… Manager v0",
                                         "Operator Frame… Manager v1")
    assert shorten_apart("Tekton Chains", "Tekton Operator") == ("Tekton Chains", "Tekton Operator")
    texts = chart_texts(overlap_chart(Overlaps([OverlapPair(one, other, 9, 10)], 0), ""))
    named = [text for text in texts if "Operator" in text]  # cut shorter for the bars' room
    assert [text[-2:] for text in named] == ["v0", "v1"] and "…" in named[0]


def test_an_empty_chart_has_no_caption_under_its_sentence() -> None:
    """"The model has no bodies." then "Members in common as a share …" read as
    if a chart were missing: the caption explains a picture, so none without one."""
    from raci.export.report_html import _chart

    empty = _chart(overlap_chart(strongest_overlaps(Model(Org("Leeg")), 3), "No bodies."))
    assert "No bodies." in empty and "<figcaption>" not in empty
    drawn = _chart(overlap_chart(Overlaps([OverlapPair("A", "B", 3, 5)], 0), ""))
    assert "<figcaption>Seat-holders in common" in drawn


def test_the_indicator_bars_say_not_recorded_where_dat001_finds_them_lacking() -> None:
    """20 goals and no indicator, undeclared: DAT001 finds indicators not
    recorded, and the report's goals chart says so rather than "0 of 20"."""
    model = Model(Org("Doelen"))
    for number in range(20):
        model.add(Goal(id=f"g{number}", name=f"Goal {number}"))
    charts = first_page_charts(model, [], GROUPS, GROUP_ORDER, 3)
    texts = chart_texts(next(chart for chart in charts if chart.name == "goals"))
    assert texts.count("indicators not recorded") == 2 and "0 of 20" in texts  # no owners
