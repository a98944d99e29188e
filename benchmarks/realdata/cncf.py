"""CNCF: the Technical Oversight Committee's Technical Advisory Groups (cncf/toc tags.yaml).

Each TAG is an advisory board reporting to the TOC, chaired by its chairs'
role, with its chairs and tech leads as members; each TAG subproject and
TOC subproject is a body reporting to its TAG or to the TOC, its leads
sitting in it. The TOC's members are the people the file names as TOC
liaisons (the file has no TOC roster, so the TOC may have more). A lead
recorded without a GitHub handle is a sentence, not a person (the source:
"lead by CNCF staff"): that seat is a vacant role described by the sentence.

The maintainers list (project-maintainers.csv) is a spreadsheet: see
`spreadsheets`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks.realdata.build import SNAPSHOT, Builder, NamedModel, read_source, text
from raci.model import Model

TOC = "toc"


def models(data: Path) -> list[NamedModel]:
    return [NamedModel("cncf-toc", convert(data / "cncf_toc_tags.yaml"))]


def convert(path: Path) -> Model:
    source = read_source(path)
    builder = Builder("CNCF Technical Oversight Committee", "Converted from cncf/toc "
                      "tags.yaml: TAGs, their subprojects and the TOC's subprojects.", SNAPSHOT)
    liaisons: list[str] = []
    for tag in source.get("tags") or []:
        liaisons += [_person(builder, entry) for entry in tag["contact"].get("toc_liaison") or []]
    builder.body(TOC, "Technical Oversight Committee", "committee", members=liaisons)
    for tag in source.get("tags") or []:
        _group(builder, tag, "advisory_board", TOC)
        for subproject in tag.get("tag_subprojects") or []:
            _group(builder, subproject, "other", tag["dir"], prefix=f"{tag['dir']}.")
    for subproject in source.get("toc_subprojects") or []:
        _group(builder, subproject, "other", TOC, prefix=f"{TOC}.")
    return builder.build()


def _person(builder: Builder, entry: dict[str, Any]) -> str:
    return builder.person(entry["github"], entry.get("name"), entry.get("company"))


def _group(builder: Builder, entry: dict[str, Any], kind: str, reports_to: str,
           prefix: str = "") -> None:
    body_id = f"{prefix}{entry['dir']}"
    leadership = entry.get("leadership") or {}
    seats = {
        "chairs": "Chairs",
        "tech_leads": "Tech leads",
        "subproject_leads": "Leads",
    }
    roles = {
        key: _leaders(builder, f"{body_id}.{key.replace('_', '-')}",
                      f"{label} of {entry['name']}", leadership.get(key) or [])
        for key, label in seats.items() if leadership.get(key)
    }
    chair = roles.get("chairs") or roles.get("subproject_leads")
    builder.body(body_id, entry["name"], kind, chair=chair, members=list(roles.values()),
                 reports_to=reports_to,
                 mandate=text(entry.get("mission_statement")))


def _leaders(builder: Builder, role_id: str, name: str, entries: list[dict[str, Any]]) -> str:
    """The role of a list of leaders; an entry with no handle only describes the seat."""
    people = [_person(builder, entry) for entry in entries if entry.get("github")]
    unnamed = [text(entry.get("name")) or "" for entry in entries if not entry.get("github")]
    return builder.role(role_id, name, people, description=text(" ".join(unnamed)))
