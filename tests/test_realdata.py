"""The real organisations' models (`benchmarks.realdata`, docs/real-data.md).

Every model, in both format revisions, is a valid model file and imports
into a database; revision 1 is revision 2 without what raci 0.1 could not
hold; and the conversions keep what the sources say (a vacant OpenStack
lead, an Apache committee's chair and roster, a Kubernetes SIG owning its
subprojects, a RACI chart's cells and headings, a maintainers list's
projects, all three spreadsheets brought in by `raci import`). Read from
../shared/realdata at test time; skipped where that folder is absent. The
findings table's own logic is tested on made-up runs.
"""

from __future__ import annotations

import csv
import functools
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.realdata import DEFAULT_DATA, convert
from benchmarks.realdata.build import read_source, slug
from benchmarks.realdata.table import BEGIN, END, Run, samples, tables, write_between_markers
from raci.formats import dump_model, parse_model
from raci.model import Model
from raci.model.entities import parse_cell
from raci.store import open_store

needs_data = pytest.mark.skipif(not DEFAULT_DATA.is_dir(),
                                reason=f"no real data at {DEFAULT_DATA}")

CONVERTED = {
    "kubernetes", "kubernetes-2021", "openstack", "cncf-toc", "opentelemetry",
    "apache-committees", "apache-podlings", "rust-teams", "rust-goals-2024h2",
    "rust-goals-2025h1", "rust-goals-2025h2", "rust-goals-2026", "django-working-groups",
    "python-core",
}
RACI_CHARTS = {"raci-github-devops": "raci/Stephnrl_my_stuff_raci.csv",
               "raci-ai-governance":
                   "raci/ammaraltalhi_saudi-public-sector-ai-governance-lab_raci.csv"}
MAINTAINERS = "cncf_project-maintainers.csv"
SPREADSHEETS = {*RACI_CHARTS, "cncf-maintainers"}
"""Imported by `raci import`, which records the facts a sheet cannot hold."""


@functools.cache
def converted(rev: int) -> dict[str, Model]:
    return dict(convert(DEFAULT_DATA, rev))


@needs_data
@pytest.mark.parametrize("rev", [1, 2])
def test_every_model_is_a_valid_file_and_imports_into_a_database(rev: int,
                                                                 tmp_path: Path) -> None:
    models = converted(rev)
    assert set(models) == CONVERTED | SPREADSHEETS
    for name, model in models.items():
        loaded = parse_model(dump_model(model, "yaml"), f"{name}.yaml", "yaml").model
        url = f"sqlite:///{tmp_path / name}.db"
        open_store(url, create=True, model=loaded).close()
        with open_store(url) as store:
            stored = store.load()
        assert (len(stored), sorted(stored.assignments)) == (
            len(model), sorted(model.assignments)), name
        if name in CONVERTED or rev == 1:
            assert stored.org.not_recorded == [], f"{name}: DAT001 must find the gaps itself"


@needs_data
def test_revision_1_is_revision_2_without_a_r_cells_and_bodies_that_do_not_meet() -> None:
    paired = cadence_zero = 0
    for name, new in converted(2).items():
        old = converted(1)[name]
        accountable = {(a.item, a.actor) for a in new.assignments if a.letter == "A"}
        dropped = {a for a in new.assignments if a.letter == "R" and (a.item, a.actor) in
                   accountable}
        assert set(old.assignments) == set(new.assignments) - dropped, name
        paired += len(dropped)
        for body_id, body in new.bodies.items():
            cadence_zero += body.meets_every_days == 0
            expected = None if body.meets_every_days == 0 else body.meets_every_days
            assert old.bodies[body_id].meets_every_days == expected
    assert paired and cadence_zero, "revision 2 has A/R cells and bodies deciding in writing"


@needs_data
def test_an_openstack_lead_still_to_be_appointed_is_a_vacant_role_owning_the_deliverables(
) -> None:
    projects = read_source(DEFAULT_DATA / "openstack" / "projects.yaml")
    model = converted(2)["openstack"]
    vacant = [name for name, project in projects.items()
              if (project.get("ptl") or {}).get("name") == "APPOINTMENT NEEDED"]
    assert vacant
    for name in vacant:
        role = model.roles[f"{slug(name)}.ptl"]
        assert role.holders == []
        owned = {a.item for a in model.assignments_of_actor(role.id) if a.letter == "A"}
        assert owned == {f"{slug(name)}.{slug(deliverable)}"
                         for deliverable in projects[name]["deliverables"]}
    others = [f"{slug(name)}.ptl" for name, project in projects.items()
              if project.get("ptl") and name not in vacant]
    assert all(model.roles[role].holders for role in others)


@needs_data
def test_an_apache_committee_keeps_its_chair_and_roster_and_decides_in_writing() -> None:
    committees = read_source(DEFAULT_DATA / "apache" / "committees.json")
    for rev, cadence in ((1, None), (2, 0)):
        bodies = converted(rev)["apache-committees"].bodies
        for committee in committees:
            body = bodies[f"{committee['id']}-pmc"]
            assert body.chair == committee["chair"]
            assert sorted(body.members) == sorted(committee["roster"])
            assert body.meets_every_days == cadence


@needs_data
def test_a_kubernetes_sig_is_the_only_accountable_of_each_of_its_subprojects() -> None:
    sigs = read_source(DEFAULT_DATA / "k8s_sigs.yaml")["sigs"]
    model = converted(2)["kubernetes"]
    for sig in sigs:
        for subproject in sig.get("subprojects") or []:
            owners = [a.actor for initiative in model.initiatives.values()
                      if initiative.name == subproject["name"] and initiative.id.startswith(
                          f"{sig['dir']}.")
                      for a in model.assignments_of_item(initiative.id) if a.letter == "A"]
            assert owners == [sig["dir"]], subproject["name"]


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [[cell.strip() for cell in row] for row in csv.reader(handle)
                if any(cell.strip() for cell in row)]


@needs_data
@pytest.mark.parametrize("name", sorted(RACI_CHARTS))
def test_a_raci_chart_comes_in_cell_by_cell_its_headings_goals_of_the_rows_below(
        name: str) -> None:
    header, *rows = _csv_rows(DEFAULT_DATA / RACI_CHARTS[name])
    model = converted(2)[name]
    item_named = {item.name: item for item in model.initiatives.values()}
    role_named = {role.name: role.id for role in model.roles.values()}
    assert set(role_named) == set(header[1:])
    heading = None
    for title, *cells in rows:
        if not any(cells):
            heading = title
            continue
        item = item_named.pop(title)
        assert [model.goals[goal].name for goal in item.goals] == ([heading] if heading else [])
        for actor, cell in zip(header[1:], cells, strict=True):
            assert model.letters_of(item.id, role_named[actor]) == parse_cell(cell), (title, actor)
    assert item_named == {}, "every initiative is a row of the chart"
    assert not any(role.holders for role in model.roles.values())  # a chart names functions
    assert {"holders", "chairs"} <= set(model.org.not_recorded)


@needs_data
def test_the_maintainers_list_makes_a_body_of_each_project_with_its_maturity_as_a_tag() -> None:
    header, *rows = _csv_rows(DEFAULT_DATA / MAINTAINERS)
    assert "chair" not in " ".join(header).lower()
    groups: list[tuple[str, str, list[list[str]]]] = []
    for maturity, project, *person in rows:
        if project:
            groups.append((project, maturity or groups[-1][1], []))
        groups[-1][2].append(person)
    model = converted(2)["cncf-maintainers"]
    bodies = list(model.bodies.values())
    assert [(body.name, body.tags) for body in bodies] == [
        (project, [maturity]) for project, maturity, _ in groups]
    for body, (project, _, people) in zip(bodies, groups, strict=True):
        seated = {key.casefold() for member in body.members
                  for key in (member, model.people[member].name)}
        missing = [name for name, _company, handle, *_ in people
                   if name and not {name.casefold(), handle.lstrip("@").casefold()} & seated]
        assert missing == [], project
        assert body.chair is None
    assert "chairs" in model.org.not_recorded


def _run(counts: dict[str, dict[str, int]]) -> Run:
    run = Run(counts={name: Counter(codes) for name, codes in counts.items()},
              entities=dict.fromkeys(counts, 10))
    run.findings = [{"code": code, "dataset": name, "message": f"{name} {code} {n}"}
                    for name, codes in counts.items() for code, many in codes.items()
                    for n in range(many)]
    return run


def test_the_table_counts_each_rule_and_dataset_before_and_after() -> None:
    before = _run({"a": {"OWN003": 5, "BOD007": 2}, "sheet": {"OWN004": 1}})
    after = _run({"a": {"OWN003": 1, "DAT001": 1}})
    text = tables(before, after)
    assert "| OWN003 | 5 | 1 |" in text
    assert "| DAT001 | 0 | 1 |" in text
    assert "| all | 8 | 2 |" in text
    assert "| sheet | 10 | 1 |  |" in text  # no after run of that dataset: an empty cell
    assert "| a | BOD007 | 2 | 0 |" in text
    assert "| OWN003 | 5 |  |" in tables(before, None)
    assert "not run" not in text
    after.not_run = {"a": {"STR005": "success_criteria", "ORG004": "chairs", "BOD007": "chairs"}}
    assert "| a | BOD007, ORG004 (chairs); STR005 (success_criteria) |" in tables(before, after)


def test_samples_take_findings_of_a_rule_in_turn_from_each_dataset() -> None:
    run = _run({"a": {"OWN003": 3}, "b": {"OWN003": 2}})
    assert samples(run, 3).splitlines() == [
        "OWN003 a: a OWN003 0", "OWN003 b: b OWN003 0", "OWN003 a: a OWN003 1",
    ]


def test_the_tables_are_written_between_the_markers_and_nowhere_else(tmp_path: Path) -> None:
    page = tmp_path / "real-data.md"
    page.write_text(f"# Title\n{BEGIN}\nold\n{END}\nafter\n", encoding="utf-8")
    write_between_markers(page, "new\n")
    assert page.read_text(encoding="utf-8") == f"# Title\n{BEGIN}\nnew\n{END}\nafter\n"
    page.write_text("no markers\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="no <!-- realdata-table:begin -->"):
        write_between_markers(page, "new\n")
