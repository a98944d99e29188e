"""Drawings, matrices, charts and the review handout: how a model is shown to people.

The app and the command line call the same functions, each imported from
its own module, so that a command imports only what it uses (`raci matrix`
the matrix, not Graphviz and the report):

- `raci.export.views`: `build_view(model, name)` builds one of `VIEWS` as
  plain data (a `raci.export.graph.View`);
- `raci.export.graph`: `focus_view(view, model, focus, depth, hub)` keeps one
  entity's neighbourhood, `highlight_findings(view, findings)` colours nodes
  by their findings;
- `raci.export.split`: `split_view(view, model, by)` cuts a view into one
  view per unit or goal area (`SPLITS`);
- `raci.export.dot` and `raci.export.mermaid`: `to_dot(view, page=, legend=)`
  gives the Graphviz source and `to_mermaid(view)` the Mermaid source;
- `raci.export.render`: `draw(view, fmt, page=, legend=)` draws a view (dot,
  svg, png, pdf, mermaid) made for one of the pages of `raci.export.page`
  (`PAGES`) and says how it came out on the page (`Drawing.fit`);
  `export_view(view, fmt, path)` draws and writes it, `on_sheets(pdfs,
  page)` puts PDFs on pages of their own, and `render(dot, fmt, path)` runs
  `dot` on any source;
- `raci.export.preview`: `neighbourhood_text(model, view, focus, depth)`
  previews a neighbourhood as text;
- `raci.export.matrix`: `build_matrix(model, scope)` and `matrix_csv`,
  `matrix_markdown`, `matrix_table` show the RACI matrix;
- `raci.export.report`: `write_report(...)` writes the handout (HTML, PDF or
  Markdown), whose first page of charts `raci.export.charts` draws.
"""
