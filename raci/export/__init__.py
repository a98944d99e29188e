"""Drawings, matrices, charts and the review handout: how a model is shown to people.

The app and the command line call the same functions:

- `build_view(model, name)` builds one of `VIEWS` as plain data;
  `focus_view(view, model, focus, depth)` keeps one entity's neighbourhood,
  `highlight_findings(view, findings)` colours nodes by their findings;
- `to_dot(view)` gives the Graphviz source, `export_view(view, fmt, path)`
  draws it (dot, svg, png, pdf) and `render(dot, fmt, path)` runs `dot` on
  any source; `neighbourhood_text(model, view, focus, depth)` previews a
  neighbourhood as text;
- `build_matrix(model, scope)` and `matrix_csv`, `matrix_markdown`,
  `matrix_table` show the RACI matrix; `write_report(...)` writes the handout
  (HTML, PDF or Markdown), whose first page of charts `raci.export.charts` draws.
"""

from raci.export.dot import to_dot
from raci.export.graph import View, focus_view, highlight_findings
from raci.export.matrix import (
    GoalArea,
    Matrix,
    build_matrix,
    goal_area_matrices,
    matrix_csv,
    matrix_markdown,
    matrix_table,
)
from raci.export.preview import PreviewLine, neighbourhood, neighbourhood_text
from raci.export.render import (
    FORMATS,
    MAX_LAYOUT_NODES,
    GraphvizMissingError,
    LayoutError,
    export_view,
    render,
)
from raci.export.report import RuleHelp, rule_help, write_report
from raci.export.views import VIEWS, build_view

__all__ = [
    "FORMATS",
    "MAX_LAYOUT_NODES",
    "VIEWS",
    "GoalArea",
    "GraphvizMissingError",
    "LayoutError",
    "Matrix",
    "PreviewLine",
    "RuleHelp",
    "View",
    "build_matrix",
    "build_view",
    "export_view",
    "focus_view",
    "goal_area_matrices",
    "highlight_findings",
    "matrix_csv",
    "matrix_markdown",
    "matrix_table",
    "neighbourhood",
    "neighbourhood_text",
    "render",
    "rule_help",
    "to_dot",
    "write_report",
]
