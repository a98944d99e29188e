"""A finding's message reads alike wherever the app shows it: the findings
tree, the explorer's detail and the line under the matrix show its Markdown
as the app's markup (a code word stands out), and the names in it as
written, Markdown characters and all (`markdown_said`)."""

from __future__ import annotations

import re
from pathlib import Path

from apphelp import MODEL_FILE, database_of, loaded, on_finding, on_matrix_row
from textual.widgets import Static

from raci.tui import make_app

MARKED = "Isolatie `2030` **snel**"


async def test_explorer_and_matrix_show_a_finding_as_the_findings_tree(tmp_path: Path) -> None:
    database = database_of(tmp_path, MODEL_FILE.replace("name: Isolatieprogramma",
                                                        f'name: "{MARKED}"'))
    async with make_app(database).run_test(size=(120, 40)) as pilot:
        app = await loaded(pilot)
        node = await on_finding(pilot, app, "OWN001")
        in_tree = str(node.label)
        assert f"'{MARKED}'" in in_tree  # the name as written
        app.show_entity("i.isolatie")
        await pilot.pause()
        detail = str(app.query_one("#entity-fields", Static).render())
        assert f"● OWN001 {in_tree}\n" in detail, detail
        await on_matrix_row(pilot, app, "i.isolatie")
        finding_line = str(app.query_one("#matrix-finding", Static).render())
        without_count = re.sub(r" \(\+\d+ more\)", "", finding_line)  # "(+1 more)" first
        assert without_count.startswith(f"OWN001 {in_tree}"), finding_line
