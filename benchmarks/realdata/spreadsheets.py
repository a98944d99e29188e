"""The three spreadsheets: two public RACI charts and the CNCF maintainers list.

They come in as a designer brings them in: through `raci import` (the
library's `import_file`, the one path the command takes), each into a
database of its own, and read back. A RACI chart is a matrix: its rows are
initiatives, its header's actors roles (a chart names no people), a row with
no letters a section heading, a goal the rows below it serve. The
maintainers list is a roster, imported as the README says
(`--column tag=A`: its first, unheaded column is the maturity, a tag): each
project is a body of its maintainers. The import also records in
`org.not_recorded` the facts a sheet cannot hold (chairs, cadence, ...).
The only thing added is the as-of date, the day the data was copied, as in
every other model.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.realdata.build import SNAPSHOT, NamedModel
from raci.importing import ImportOptions, import_file
from raci.model import Model
from raci.store import open_store

SHEETS = {  # model name -> (file in the data folder, its `raci import --column` options)
    "raci-github-devops": ("raci/Stephnrl_my_stuff_raci.csv", ()),
    "raci-ai-governance": ("raci/ammaraltalhi_saudi-public-sector-ai-governance-lab_raci.csv", ()),
    "cncf-maintainers": ("cncf_project-maintainers.csv", ("tag=A",)),
}


def imported(data: Path) -> list[NamedModel]:
    """The spreadsheets as `raci import FILE --into DB` reads them."""
    with tempfile.TemporaryDirectory(prefix="realdata-sheets-") as folder:
        return [NamedModel(name, _import(data / file, Path(folder) / f"{name}.db", columns))
                for name, (file, columns) in SHEETS.items()]


def _import(file: Path, database: Path, columns: tuple[str, ...]) -> Model:
    import_file(file, str(database), ImportOptions(columns=columns))
    with open_store(f"sqlite:///{database}") as store:
        model = store.load()
    model.org.as_of = SNAPSHOT
    return model
