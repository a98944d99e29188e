"""Any name renders as written: drawn by the real `dot -Tsvg` and read back."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

import pytest

from raci.export.dot import to_dot
from raci.export.views import build_view
from raci.model import (
    Body,
    Decision,
    Goal,
    Initiative,
    Kpi,
    Model,
    Org,
    Person,
    Role,
    Unit,
)

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAMES = [
    'Say "hi" & welcome',
    "{braces} [brackets] |pipes|",
    "<angle> brackets",
    "<b>not bold</b>",
    "<script>alert(1)</script>",
    "back\\slash \\N \\G \\n \\l \\\\ end\\",
    "two\nlines",
    "it's &amp; not an entity",
    "]]> <!-- not a comment -->",
    "مجلس الإدارة",
    "中文委员会",
    "🚀 Taskforce 🔥",
]


def hostile_model() -> Model:
    """Every kind of entity once for each hostile name, all related to each other."""
    model = Model(Org(name='Org "<x>" \\N'))
    for number, name in enumerate(HOSTILE_NAMES):
        n = f"{number}"
        for entity in (
            Unit(id=f"u{n}", name=name),
            Person(id=f"p{n}", name=name, unit=f"u{n}"),
            Role(id=f"r{n}", name=name, unit=f"u{n}", holders=[f"p{n}"]),
            Body(id=f"b{n}", name=name, kind="committee", chair=f"r{n}", members=[f"r{n}"],
                 reports_to=f"r{n}"),
            Goal(id=f"g{n}", name=name),
            Initiative(id=f"i{n}", name=name, goals=[f"g{n}"]),
            Decision(id=f"d{n}", name=name, about=[f"i{n}"]),
            Kpi(id=f"k{n}", name=name, measures=f"g{n}", type="leading", has_raci=True),
        ):
            model.add(entity)
        for item in (f"g{n}", f"i{n}", f"k{n}"):
            model.assign(item, "A", f"r{n}")
        model.assign(f"d{n}", "A", f"b{n}")
        model.assign(f"d{n}", "C", f"p{n}")
    return model


def svg_texts(view_name: str, model: Model) -> dict[str, list[str]]:
    """Element id -> the text lines drawn in it, from the real SVG."""
    source = to_dot(build_view(model, view_name)).source
    svg = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True,
                         check=True, timeout=60).stdout
    root = ET.fromstring(svg)
    return {
        group.get("id", ""): [t.text or "" for t in group.iter(f"{SVG}text")]
        for group in root.iter(f"{SVG}g")
    }


def words(text: str) -> str:
    """Text as its words: a long name wraps at its spaces, its own line breaks stay."""
    return " ".join(text.split())


@pytest.mark.parametrize("view_name", ["org", "bodies", "goals", "decisions"])
def test_every_hostile_name_is_drawn_as_written(view_name: str) -> None:
    model = hostile_model()
    texts = svg_texts(view_name, model)
    drawn = [key.removeprefix(f"{view_name}:") for key in texts if key.startswith(view_name)]
    checked = 0
    for entity in model.entities():
        if entity.id not in drawn:
            continue
        lines = texts[f"{view_name}:{entity.id}"]
        assert words(" ".join(lines)).startswith(words(entity.name)), entity.id
        assert any(line in entity.name for line in lines), entity.id  # whole, not re-typed
        checked += 1
    assert checked >= len(HOSTILE_NAMES) * 2


def test_every_hostile_name_is_drawn_as_written_in_the_raci_chart() -> None:
    texts = svg_texts("raci", hostile_model())
    chart = words(" ".join(texts["raci:table"]))
    for name in HOSTILE_NAMES:
        assert words(name) in chart


def test_the_title_of_the_drawing_is_shown_as_written() -> None:
    texts = svg_texts("goals", hostile_model())
    assert texts["goals:key:title"][0] == 'Org "<x>" \\N — goals view'


def test_a_script_in_a_name_is_text_in_the_svg_not_an_element() -> None:
    source = to_dot(build_view(hostile_model(), "raci")).source
    svg = subprocess.run(["dot", "-Tsvg"], input=source.encode(), capture_output=True,
                         check=True, timeout=60).stdout
    root = ET.fromstring(svg)
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}b"))
    assert "<script>alert(1)</script>" in [t.text for t in root.iter(f"{SVG}text")]


def test_control_characters_are_shown_as_symbols_and_keep_the_svg_valid() -> None:
    model = Model(Org("Controls"))
    model.add(Goal(id="g", name="bell\x07 and escape\x1b"))
    texts = svg_texts("goals", model)
    assert texts["goals:g"][0] == "bell\u2407 and escape\u241b"
