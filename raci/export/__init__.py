"""Drawings, matrices, charts and the review handout: how a model is shown to people.

The app and the command line call the same functions:

- `build_view(model, name)` builds one of `VIEWS` as plain data;
  `focus_view(view, model, focus, depth, hub)` keeps one entity's
  neighbourhood, `highlight_findings(view, findings)` colours nodes by their
  findings, `split_view(view, model, by)` cuts it into one view per unit or
  goal area;
- `to_dot(view, page=, legend=)` gives the Graphviz source and
  `to_mermaid(view)` the Mermaid source; `draw(view, fmt, page=, legend=)`
  draws it (dot, svg, png, pdf, mermaid) made for one of `PAGES` and says
  how it came out on the page (`Drawing.fit`); `export_view(view, fmt,
  path)` draws and writes it, `on_sheets(pdfs, page)` puts PDFs on pages of
  their own, and `render(dot, fmt, path)` runs `dot` on any source;
  `neighbourhood_text(model, view, focus, depth)` previews a neighbourhood
  as text;
- `build_matrix(model, scope)` and `matrix_csv`, `matrix_markdown`,
  `matrix_table` show the RACI matrix; `write_report(...)` writes the handout
  (HTML, PDF or Markdown), whose first page of charts `raci.export.charts` draws.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

HOMES = {
    "dot": ["to_dot"],
    "graph": ["DEFAULT_HUB", "View", "focus_view", "highlight_findings"],
    "matrix": ["GoalArea", "Matrix", "build_matrix", "goal_area_matrices", "matrix_csv",
               "matrix_markdown", "matrix_table"],
    "mermaid": ["to_mermaid"],
    "page": ["DEFAULT_PAGE", "PAGES", "Fit", "Page"],
    "preview": ["PreviewLine", "neighbourhood", "neighbourhood_text"],
    "render": ["MAX_LAYOUT_NODES", "Drawing", "GraphvizMissingError", "LayoutError", "draw",
               "export_view", "fits_page", "on_sheets", "render", "write_drawing"],
    "report": ["RuleHelp", "rule_help", "write_report"],
    "split": ["SPLITS", "check_split_size", "split_view"],
    "views": ["VIEWS", "build_view"],
}
"""Module -> the names this package gives of it. Each is imported when first
asked for: `raci matrix` imports the matrix, not the drawing and the report
(a tenth of a second on every run)."""
HOME_OF = {name: module for module, names in HOMES.items() for name in names}

__all__ = [
    "DEFAULT_HUB",
    "DEFAULT_PAGE",
    "MAX_LAYOUT_NODES",
    "PAGES",
    "SPLITS",
    "VIEWS",
    "Drawing",
    "Fit",
    "GoalArea",
    "GraphvizMissingError",
    "LayoutError",
    "Matrix",
    "Page",
    "PreviewLine",
    "RuleHelp",
    "View",
    "build_matrix",
    "build_view",
    "check_split_size",
    "draw",
    "export_view",
    "fits_page",
    "focus_view",
    "goal_area_matrices",
    "highlight_findings",
    "matrix_csv",
    "matrix_markdown",
    "matrix_table",
    "neighbourhood",
    "neighbourhood_text",
    "on_sheets",
    "render",
    "rule_help",
    "split_view",
    "to_dot",
    "to_mermaid",
    "write_drawing",
    "write_report",
]


def __getattr__(name: str) -> Any:
    if name not in HOME_OF:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{HOME_OF[name]}"), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """This package, whose `render` stays the function, not the module
    `raci.export.render` that Python names after it once imported."""

    def __setattr__(self, name: str, value: Any) -> None:
        if not (name in HOME_OF and isinstance(value, ModuleType)):
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:
    from raci.export.dot import to_dot
    from raci.export.graph import DEFAULT_HUB, View, focus_view, highlight_findings
    from raci.export.matrix import (
        GoalArea,
        Matrix,
        build_matrix,
        goal_area_matrices,
        matrix_csv,
        matrix_markdown,
        matrix_table,
    )
    from raci.export.mermaid import to_mermaid
    from raci.export.page import DEFAULT_PAGE, PAGES, Fit, Page
    from raci.export.preview import PreviewLine, neighbourhood, neighbourhood_text
    from raci.export.render import (
        MAX_LAYOUT_NODES,
        Drawing,
        GraphvizMissingError,
        LayoutError,
        draw,
        export_view,
        fits_page,
        on_sheets,
        render,
        write_drawing,
    )
    from raci.export.report import RuleHelp, rule_help, write_report
    from raci.export.split import SPLITS, check_split_size, split_view
    from raci.export.views import VIEWS, build_view
