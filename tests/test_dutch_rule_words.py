"""The rules' Dutch says what a finding is about in Dutch: "target" (the
English word for the entities a finding is about) is left only where it is
the model file's key, written as code (`target`), never as a Dutch noun
("met elk lid als target"); and a suggestion says why in Dutch."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from conftest import Raci

from raci.i18n import LOCALE_DIR

CODE_OR_PLACEHOLDER = re.compile(r"`[^`]*`|\{[^}]*\}")


def test_no_rule_text_in_dutch_says_target() -> None:
    with (LOCALE_DIR / "nl" / "LC_MESSAGES" / "rules.po").open("rb") as po:
        catalogue = read_po(po)
    said = [message.string for message in catalogue if message.id and message.string]
    english = [text for texts in said for text in ([texts] if isinstance(texts, str) else texts)
               if re.search(r"\btargets?\b", CODE_OR_PLACEHOLDER.sub("", text), re.I)]
    assert english == []


MODEL = """\
raci: 1
org: {{name: X, as_of: 2026-11-01}}
people:
  - {{id: p1, name: Piet}}
bodies:
  - {{id: wg, name: Werkgroep Test, kind: working_group, temporary: true, sunset: 2026-06-30,
     members: [p1], chair: p1, meets_every_days: 14}}
{items}
"""


@pytest.mark.parametrize(("items", "why"), [
    ("goals:\n  - {id: g1, name: Doel een, due: 2027-09-01, raci: {A: wg}}",
     "want dan moet zijn laatste doel Doel een (g1) bereikt zijn"),
    ("initiatives:\n  - {id: i1, name: Bouw, end: 2027-03-31, raci: {A: wg}}",
     "want dan eindigt zijn laatste initiatief Bouw (i1)"),
    ("initiatives:\n  - {id: i1, name: Bouw, raci: {A: wg}}",
     "want het is een jaar na 1 november 2026: niets waarvoor het verantwoordelijk is, "
     "heeft een datum"),
], ids=["goal", "initiative", "a-year"])
def test_why_a_sunset_is_proposed_is_said_in_dutch(raci: Raci, tmp_path: Path, items: str,
                                                   why: str) -> None:
    """BOD003's suggestion to renew a mandate says why that date, in Dutch."""
    model = tmp_path / "org.yaml"
    model.write_text(MODEL.format(items=items), encoding="utf-8")
    result = raci("lint", model, "--suggest", "--select", "BOD003", "--lang", "nl")
    assert result.code == 1, result.err
    assert f"    {why}\n" in result.out
