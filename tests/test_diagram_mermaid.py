"""Mermaid: every view drawn by the real Mermaid (in headless Chromium), names as written.

Mermaid is a JavaScript library; `scripts/test` installs the version
`tests/mermaid/package-lock.json` pins with `npm ci` (or give its
`mermaid.min.js` in RACI_MERMAID_JS).
"""

from __future__ import annotations

import dataclasses
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE
from test_diagram_escaping import HOSTILE_NAMES, hostile_model, words
from test_diagram_model import warmte_model

from raci.export.mermaid import mermaid_text, to_mermaid
from raci.export.render import draw
from raci.export.views import build_view
from raci.formats import read_model

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MERMAID_JS = Path(os.environ.get(
    "RACI_MERMAID_JS",
    Path(__file__).parent / "mermaid/node_modules/mermaid/dist/mermaid.min.js"))
VIEWS = ["org", "raci", "bodies", "goals", "decisions"]
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><script src="{script}"></script>
</head><body><pre id="result">pending</pre><script id="sources" type="application/json">
{sources}</script><script>
mermaid.initialize({{startOnLoad: false, securityLevel: "strict", maxTextSize: 1000000,
                     maxEdges: 10000}});
const sources = JSON.parse(document.getElementById("sources").textContent);
(async () => {{
  const results = [];
  for (const [number, text] of sources.entries()) {{
    try {{
      const {{svg}} = await mermaid.render("drawing" + number, text);
      const holder = document.createElement("div");
      holder.innerHTML = svg;
      document.body.appendChild(holder);
      holder.querySelectorAll("br").forEach(br => br.replaceWith("\\n"));
      const labels = [...holder.querySelectorAll(".nodeLabel, .edgeLabel, .cluster-label")]
        .map(label => label.textContent);
      results.push({{ok: true, labels, scripts: holder.querySelectorAll("script").length}});
    }} catch (error) {{
      results.push({{ok: false, error: String(error)}});
    }}
  }}
  document.getElementById("result").textContent = JSON.stringify(results);
}})();
</script></body></html>
"""


def drawn_by_mermaid(sources: list[str], tmp_path: Path) -> list[dict[str, Any]]:
    """Each source as the real Mermaid drew it: whether it could, and its labels' texts."""
    for needed, how in ((Path(CHROMIUM), "chromium"), (MERMAID_JS, "mermaid (npm)")):
        if not needed.exists():
            if os.environ.get("CI"):
                pytest.fail(f"{how} is not installed; .ci/run installs it")
            pytest.skip(f"{how} is not installed")
    page = tmp_path / "mermaid.html"
    embedded = json.dumps(sources).replace("</", "<\\/")
    page.write_text(PAGE.format(script=MERMAID_JS.as_uri(), sources=embedded), encoding="utf-8")
    done = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--allow-file-access-from-files", "--virtual-time-budget=60000",
         f"--user-data-dir={tmp_path / 'chromium'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    found = re.search(r'<pre id="result">(.*?)</pre>', done.stdout, re.S)
    assert found is not None and found.group(1) != "pending", done.stdout[-2000:]
    results: list[dict[str, Any]] = json.loads(html.unescape(found.group(1)))
    return results


def test_every_view_of_a_sample_is_drawn_by_mermaid(tmp_path: Path) -> None:
    model = read_model(SAMPLE).model
    views = [build_view(model, name) for name in VIEWS]
    results = drawn_by_mermaid([to_mermaid(view) for view in views], tmp_path)
    for view, result in zip(views, results, strict=True):
        assert result["ok"], (view.name, result.get("error"))
        drawn = {words(label) for label in result["labels"]}
        names = {words(node.title) for node in view.nodes.values()}
        assert {name for name in names if any(name in label for label in drawn)} == names
        assert "Key" in drawn and view.title in drawn


def test_every_hostile_name_survives_mermaid(tmp_path: Path) -> None:
    model = hostile_model()
    results = drawn_by_mermaid([to_mermaid(build_view(model, name)) for name in VIEWS],
                               tmp_path)
    for name, result in zip(VIEWS, results, strict=True):
        assert result["ok"], (name, result.get("error"))
        assert result["scripts"] == 0  # a <script> in a name stays text
        # A word joiner keeps Mermaid from reading a backslash and an n as a line break.
        labels = [words(label.replace("\u2060", "")) for label in result["labels"]]
        for hostile in HOSTILE_NAMES:
            assert any(label.startswith(words(hostile)) for label in labels), (name, hostile)
        assert f'Org "<x>" \\N — {name} view' in result["labels"]


def test_mermaid_text_writes_what_mermaid_would_read_as_entity_codes() -> None:
    assert mermaid_text('Say "hi" & <b>#1</b> `x`') == (
        "Say #34;hi#34; #38; #60;b#62;#35;1#60;/b#62; #96;x#96;")
    assert mermaid_text("two\nlines") == "two<br/>lines"
    assert mermaid_text("bell\x07") == "bell\u2407"
    assert mermaid_text("a\\n") == "a#92;\u2060n"



def test_a_view_without_a_title_has_no_empty_bold_heading() -> None:
    """The Markdown handout titles each diagram above its block, so the block's
    own heading is empty: no `<b></b>` for Mermaid to draw as nothing."""
    view = build_view(warmte_model(), "bodies")
    source = to_mermaid(dataclasses.replace(view, title="", subtitle=""))
    assert "<b></b>" not in source
    assert 'subgraph heading[" "]' in source

def test_mermaid_draws_findings_focus_and_a_split_of_the_view(tmp_path: Path) -> None:
    from raci.export.graph import focus_view, highlight_findings
    from raci.export.split import split_view
    from raci.lint.findings import Finding

    model = warmte_model()
    bodies = highlight_findings(
        focus_view(build_view(model, "bodies"), model, "tf-warmte", 1),
        [Finding("BOD004", "open-ended-temporary", "warning", "…", ("tf-warmte",))])
    text = to_mermaid(bodies)
    assert any(line.startswith("    classDef finding_warning") and "fill:#fae5b0" in line
               for line in text.splitlines())
    assert "classDef focus stroke-width:4px" in text
    goals = split_view(build_view(model, "goals"), model, "goal")
    results = drawn_by_mermaid([to_mermaid(bodies), *(to_mermaid(part) for part in goals)],
                               tmp_path)
    assert all(result["ok"] for result in results), results
    assert draw(bodies, "mermaid").data.decode() == text
    assert to_mermaid(bodies, legend=False).count("subgraph") == 1  # the heading only
    assert "Part 1 of " in results[1]["labels"][0]
