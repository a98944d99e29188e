"""The benchmark command: generate, import, export and lint each model size
(docs/contributing.md#benchmarks).

    .venv/bin/python -m benchmarks.run [--sizes small,ministry,national] [--seed N]
                                       [--out docs/benchmarks.md] [--profile]

For each size it generates the synthetic model (`raci.generate`) into a
temporary folder and measures, in this process and again through the real
`raci` command in a subprocess (so start-up is counted): import (read the
file, validate it, write it into a fresh SQLite database), export (load the
database, write the file), the time plain `sqlite3` needs to read every row
of every table, and lint (load from the database and run every rule), with
the lint's peak memory measured in a child process; then whole processes
side by side: `raci lint` as text and as JSON against a process that reads
every row with plain sqlite3 (`benchmarks/plain_read.py`), on the model
and on the same model with every Accountable left out (tens of thousands
of findings); each diagram view
drawn as `raci diagram` draws it (and the goals view split per goal area),
and `raci report` to HTML and (where Chromium is installed) to PDF. On the
ministry and national models it also runs the app's own headless
benchmark, `benchmarks/app_bench.py`. `raci matrix` is timed on each
database in every format
(the grid as a table, CSV and Markdown, and the list), with its peak memory.
It then imports a RACI matrix workbook of 3,000 rows × 60 actors (with
title rows and a section heading every 25 rows) into a fresh database, in
process and through `raci import`, and exports it back to a workbook;
`--sizes ""` runs only that. Last, with the national size, it times `raci
import` of the national model once, twice and four times over (`raci
generate --scale`), to show that an import grows in proportion. It prints
a Markdown table; `--out` also writes it, with the machine and the date, to
a file. `--profile` prints where the time of
each in-process step goes (cProfile, top functions by cumulative time).

A benchmark, not a test: it checks no times, it reports them against the
targets (docs/contributing.md, Benchmarks) and says which are missed.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import math
import os
import platform
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from benchmarks.plain_read import read_every_row
from raci.export.page import DEFAULT_PAGE, PAGES
from raci.export.pdf import CHROMIUM_NAMES
from raci.export.render import MAX_LAYOUT_NODES, draw, fits_page
from raci.export.sheets import write_matrix_workbook
from raci.export.split import split_view
from raci.export.views import build_view
from raci.formats import read_model, write_model
from raci.generate import SIZES, generate_model
from raci.importing import import_file
from raci.lint import LintConfig, lint_model, lint_source
from raci.model import Model, referenced_ids
from raci.model.collector import collector_paused
from raci.source import open_lean_model, open_model
from raci.store import open_store

T = TypeVar("T")

APP_BENCH = Path(__file__).with_name("app_bench.py")
PLAIN_READ = Path(__file__).with_name("plain_read.py")
PDF_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
"""A page object of the PDF (Chromium writes them uncompressed)."""
REPEATS = 3
"""Runs of the lint and of the plain read; the best of each is reported."""
TARGET_SIZE = "national"
DIAGRAM_VIEWS = ("org", "raci", "bodies", "goals", "decisions")
APP_SIZES = ("ministry", "national")
SHEET_ROWS, SHEET_ACTORS, SECTION_EVERY = 3_000, 60, 25
GROWTH_SCALES = (1, 2, 4)
"""The national model once, twice and four times over, for the import's growth."""
GROWTH_TARGET = 4.5
"""Import at four times the size takes at most this many times as long as at once."""
MATRIX_RUNS = {
    "table": (), "csv": ("--format", "csv"), "markdown": ("--format", "markdown"),
    "list": ("--layout", "list"),
}

MANY_LABEL = "every A left out"
"""The model with many findings: the same model with every Accountable left
out, so that nearly every item has a finding (OWN001)."""
PEAK_MEMORY_WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if done.returncode not in (0, 1):
    sys.exit(done.stderr.decode(errors="replace").strip() or f"exit {done.returncode}")
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command as its only child, so the peak memory reported is that command's alone."""


@dataclass(frozen=True)
class Measure:
    """One row of the table: what is measured, how it prints, and its target."""

    key: str
    label: str
    fmt: str = "{:.2f}"
    target: float | None = None
    target_size: str = TARGET_SIZE
    target_text: str = ""

    def cell(self, value: Any, size: str) -> str:
        """The value, marked ✓ or ✗ on the size the target is for."""
        if value is None:
            return "–"
        text = self.fmt.format(value)
        verdict = self.misses(value) if size == self.target_size else None
        return text if verdict is None else f"{text} {'✗' if verdict else '✓'}"

    def misses(self, value: Any) -> bool | None:
        if self.target is None or value is None:
            return None
        return bool(value > self.target)


MEASURES = (
    Measure("entities", "entities", "{:,}"),
    Measure("assignments", "assignments", "{:,}"),
    Measure("relations", "relations (references between entities)", "{:,}"),
    Measure("file_mb", "YAML file (MB)", "{:.1f}"),
    Measure("generate_s", "generate and write the file (s)"),
    Measure("read_s", "import: read and validate the file (s)"),
    Measure("store_s", "import: write into a fresh SQLite database (s)"),
    Measure("import_s", "import, in process (s)", target=10, target_text="≤ 10 s"),
    Measure("import_cpu_s", "import, in process, CPU time (s)"),
    Measure("import_cli_s", "`raci import` (s)", target=10, target_text="≤ 10 s"),
    Measure("load_s", "export: load the database (s)"),
    Measure("load_cpu_s", "export: load the database, CPU time (s)"),
    Measure("dump_s", "export: write the file (s)"),
    Measure("export_s", "export, in process (s)", target=10, target_text="≤ 10 s"),
    Measure("export_cpu_s", "export, in process, CPU time (s)"),
    Measure("export_cli_s", "`raci export` (s)", target=10, target_text="≤ 10 s"),
    Measure("raw_read_s", "plain sqlite3 reads every row (s)", "{:.3f}"),
    Measure("raw_read_cpu_s", "plain sqlite3 reads every row, CPU time (s)", "{:.3f}"),
    Measure("rules_s", "lint: run every rule on the loaded model, as `raci lint` does (s)"),
    Measure("lint_s", "lint: load and run every rule, as `raci lint` does (s)"),
    Measure("lint_cpu_s", "lint: load and run every rule, CPU time of both cores (s)"),
    Measure("lint_ratio", "lint ÷ plain sqlite3 read", "{:.2f}", target=2, target_text="≤ 2"),
    Measure("rules_ratio", "lint rules alone ÷ plain sqlite3 read", "{:.1f}"),
    Measure("lint_cpu_ratio", "lint ÷ plain sqlite3 read, in CPU time of both cores", "{:.2f}"),
    Measure("rules_cpu_ratio", "lint rules alone ÷ plain sqlite3 read, in CPU time of both cores",
            "{:.1f}"),
    Measure("read_process_s", "plain sqlite3 reads every row, whole process (s)", "{:.3f}"),
    Measure("read_process_cpu_s", "plain sqlite3 reads every row, whole process, CPU time (s)",
            "{:.3f}"),
    *(Measure(f"{model}_{fmt}_{clock}ratio",
              f"`raci lint{' --format json' if fmt == 'json' else ''}` ÷ plain sqlite3 read, "
              f"whole processes{', ' + MANY_LABEL if model == 'many' else ''}"
              f"{', in CPU time' if clock else ''}",
              "{:.2f}", target=None if clock else 2, target_text="" if clock else "≤ 2")
      for model in ("model", "many") for fmt in ("text", "json") for clock in ("", "cpu_")),
    Measure("many_findings", f"findings, {MANY_LABEL}", "{:,}"),
    Measure("lint_cli_s", "`raci lint` (s)"),
    Measure("lint_peak_mb", "`raci lint` peak memory (MB)", "{:,.0f}", target=1024,
            target_text="≤ 1 GB"),
    Measure("findings", "findings", "{:,}"),
    Measure("matrix_table_s", "`raci matrix` as a table (s)", target=2, target_text="≤ 2 s"),
    Measure("matrix_table_cpu_s", "`raci matrix` as a table, CPU time (s)"),
    Measure("matrix_table_mb", "`raci matrix` as a table, peak memory (MB)", "{:,.0f}"),
    Measure("matrix_csv_s", "`raci matrix --format csv` (s)", target=2, target_text="≤ 2 s"),
    Measure("matrix_csv_cpu_s", "`raci matrix --format csv`, CPU time (s)"),
    Measure("matrix_csv_mb", "`raci matrix --format csv`, peak memory (MB)", "{:,.0f}"),
    Measure("matrix_markdown_s", "`raci matrix --format markdown` (s)", target=2,
            target_text="≤ 2 s"),
    Measure("matrix_markdown_cpu_s", "`raci matrix --format markdown`, CPU time (s)"),
    Measure("matrix_markdown_mb", "`raci matrix --format markdown`, peak memory (MB)",
            "{:,.0f}"),
    Measure("matrix_list_s", "`raci matrix --layout list` (s)", target=2, target_text="≤ 2 s"),
    Measure("matrix_list_cpu_s", "`raci matrix --layout list`, CPU time (s)"),
    Measure("matrix_list_mb", "`raci matrix --layout list`, peak memory (MB)", "{:,.0f}"),
    Measure("report_html_s", "`raci report` to HTML (s)"),
    Measure("report_html_cpu_s", "`raci report` to HTML, CPU time with dot (s)"),
    Measure("report_pdf_s", "`raci report` to PDF, printed by Chromium (s)"),
    Measure("report_pages", "report: printed A4 pages", "{:,}"),
    *(Measure(f"diagram_{view}_s", f"`raci diagram --view {view}`, drawn as SVG on A3 (s)")
      for view in DIAGRAM_VIEWS),
    Measure("split_goals_s", "`raci diagram --view goals --split goal`, every part (s)"),
    Measure("app_paint_s", "app: start to first paint (s)", target=1.5, target_text="≤ 1.5 s"),
    Measure("app_shown_s", "app: start to findings shown (s)", target=1.5, target_text="≤ 1.5 s"),
    Measure("app_shown_cpu_s", "app: start to findings shown, CPU time (s)"),
    Measure("app_expand_ms", "app: expand People (ms)", "{:.0f}", target=200,
            target_text="≤ 200 ms"),
    Measure("app_expand_cpu_ms", "app: expand People, CPU time (ms)", "{:.0f}"),
    Measure("app_search_ms", "app: palette, last key to the person first (ms)", "{:.0f}",
            target=200, target_text="≤ 200 ms"),
    Measure("app_search_cpu_ms", "app: palette, last key to the person first, CPU time (ms)",
            "{:.0f}"),
    Measure("app_jump_ms", "app: palette, enter to the person shown (ms)", "{:.0f}",
            target=200, target_text="≤ 200 ms"),
    Measure("app_jump_cpu_ms", "app: palette, enter to the person shown, CPU time (ms)",
            "{:.0f}"),
    Measure("app_edit_ms", "app: matrix cell edit to updated findings, median (ms)", "{:.0f}",
            target=100, target_text="≤ 100 ms"),
    Measure("app_edit_max_ms", "app: matrix cell edit to updated findings, slowest (ms)",
            "{:.0f}", target=100, target_text="≤ 100 ms"),
    Measure("app_edit_cpu_ms", "app: matrix cell edit, CPU time, median (ms)", "{:.0f}"),
    Measure("app_edit_cpu_max_ms", "app: matrix cell edit, CPU time, slowest (ms)", "{:.0f}"),
    Measure("app_peak_mb", "app: peak memory (MB)", "{:,.0f}", target=500,
            target_text="≤ 500 MB"),
)
SHEET_MEASURES = (
    Measure("sheet_cells", "filled cells", "{:,}"),
    Measure("sheet_mb", "workbook (MB)", "{:.2f}"),
    Measure("sheet_import_s", "import into a fresh database, in process (s)"),
    Measure("sheet_import_cpu_s", "import into a fresh database, in process, CPU time (s)"),
    Measure("sheet_import_cli_s", "`raci import` (s)"),
    Measure("sheet_export_s", "export the matrix as a workbook, with lint (s)"),
)


# ---- measuring ------------------------------------------------------------------------


class Stopwatch:
    """Times steps in this process, optionally under cProfile."""

    def __init__(self, profile: bool) -> None:
        self.profile = profile
        self.cpu_seconds = 0.0
        """The CPU time of the last step: a busy machine stretches wall time, not this."""

    def time(self, label: str, step: Callable[[], T]) -> tuple[T, float]:
        """The step's result and wall time; its CPU time is left in `cpu_seconds`."""
        profiler = cProfile.Profile() if self.profile else None
        start, cpu_start = time.perf_counter(), time.process_time()
        result = profiler.runcall(step) if profiler else step()
        seconds = time.perf_counter() - start
        self.cpu_seconds = time.process_time() - cpu_start
        if profiler is not None:
            print(f"\n## profile: {label} ({seconds:.2f} s)", file=sys.stderr)
            stats = pstats.Stats(profiler, stream=sys.stderr)
            stats.sort_stats("cumulative").print_stats(15)
        return result, seconds


def raci_command() -> list[str]:
    """The installed `raci` script beside this Python, else `python -m raci`."""
    script = Path(sys.executable).with_name("raci")
    return [str(script)] if script.exists() else [sys.executable, "-m", "raci"]


def run_cli(*args: str | Path) -> float:
    """Wall time of one `raci` command in a subprocess; findings (exit 1) are fine."""
    return run_cli_timed(*args)[0]


def run_cli_timed(*args: str | Path) -> tuple[float, float]:
    """Wall and CPU time of one `raci` command: the CPU time is that of the
    command and the programs it waits for (dot), so a busy machine stretches
    the first and not the second."""
    # Output to /dev/null: a national matrix grid is gigabytes, and the
    # benchmark measures raci, not a pipe into this process.
    return process_times([*raci_command(), *map(str, args)])


def peak_memory_mb(*args: str | Path) -> float:
    """Peak resident memory of one `raci` command, read from `ru_maxrss` of its parent."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_WRAPPER, *raci_command(), *map(str, args)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"raci {' '.join(map(str, args))} failed: {done.stderr.strip()}")
    return int(done.stdout.strip()) / 1024  # ru_maxrss is in KiB on Linux


def best_of(times: int, step: Callable[[], object]) -> tuple[float, float]:
    """The wall and CPU time of the fastest of `times` runs."""
    runs = []
    for _ in range(times):
        start, cpu_start = time.perf_counter(), time.process_time()
        step()
        runs.append((time.perf_counter() - start, time.process_time() - cpu_start))
    return min(runs)


def relation_count(model: Model) -> int:
    return sum(1 for entity in model.entities() for _ in referenced_ids(entity))


APP_FIGURES = {"first_paint_s": "app_paint_s", "findings_shown_s": "app_shown_s",
               "findings_shown_cpu_s": "app_shown_cpu_s", "expand_people_ms": "app_expand_ms",
               "palette_search_ms": "app_search_ms", "palette_jump_ms": "app_jump_ms",
               "cell_edit_ms": "app_edit_ms", "cell_edit_max_ms": "app_edit_max_ms",
               "cell_edit_cpu_ms": "app_edit_cpu_ms", "peak_mb": "app_peak_mb",
               "expand_people_cpu_ms": "app_expand_cpu_ms",
               "palette_search_cpu_ms": "app_search_cpu_ms",
               "palette_jump_cpu_ms": "app_jump_cpu_ms",
               "cell_edit_cpu_max_ms": "app_edit_cpu_max_ms"}
"""The app benchmark's figures this table shows, by their keys here."""


def app_benchmark(database: Path) -> dict[str, float]:
    """The app's own headless benchmark (`benchmarks/app_bench.py`), in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.app_bench", str(database), "--json"],
        capture_output=True, text=True, cwd=APP_BENCH.parent.parent,
    )
    if done.returncode != 0:
        print(f"benchmarks/app_bench.py failed: {done.stderr.strip()}", file=sys.stderr)
        return {}
    figures = json.loads(done.stdout)
    return {ours: figures[theirs] for theirs, ours in APP_FIGURES.items() if theirs in figures}


def bench_size(size: str, seed: int, folder: Path, watch: Stopwatch) -> dict[str, Any]:
    """Every measure of one size, in the order the table shows them."""
    results: dict[str, Any] = {}
    model_file, database = folder / f"{size}.yaml", folder / f"{size}.db"

    def generate() -> Model:
        model = generate_model(size, seed)
        write_model(model, model_file)
        return model

    model, results["generate_s"] = watch.time(f"{size}: generate", generate)
    results["entities"], results["assignments"] = len(model), len(model.assignments)
    results["relations"] = relation_count(model)
    results["file_mb"] = model_file.stat().st_size / 1e6
    del model

    results.update(bench_import(size, model_file, database, watch))
    results["import_cli_s"] = run_cli("import", model_file, "--into", folder / f"{size}-cli.db")
    results.update(bench_export(size, folder, database, watch))
    results.update(bench_lint(size, database, watch))
    many = folder / f"{size}-many.db"
    results["many_findings"] = many_findings_database(model_file, many)
    results.update(bench_whole_process(database, many))
    results.update(bench_matrix(database))
    results.update(bench_report(database, folder / f"{size}-report"))
    results.update(bench_diagrams(size, model_file, watch))
    if size in APP_SIZES:
        results.update(app_benchmark(database))
    return results


def bench_import(size: str, model_file: Path, database: Path,
                 watch: Stopwatch) -> dict[str, Any]:
    loaded, read_s = watch.time(f"{size}: read", lambda: read_model(model_file))
    read_cpu_s = watch.cpu_seconds

    def store() -> None:
        with open_store(f"sqlite:///{database}", create=True, name=loaded.model.org.name) as db:
            db.replace_model(loaded.model)

    _, store_s = watch.time(f"{size}: store", store)
    return {"read_s": read_s, "store_s": store_s, "import_s": read_s + store_s,
            "import_cpu_s": read_cpu_s + watch.cpu_seconds}


def bench_export(size: str, folder: Path, database: Path, watch: Stopwatch) -> dict[str, Any]:
    def load() -> Model:
        with open_store(f"sqlite:///{database}") as db:
            return db.load()

    model, load_s = watch.time(f"{size}: load", load)
    load_cpu_s = watch.cpu_seconds
    exported = folder / f"{size}-exported.yaml"
    _, dump_s = watch.time(f"{size}: dump", lambda: write_model(model, exported))
    return {
        "load_s": load_s, "load_cpu_s": load_cpu_s, "dump_s": dump_s,
        "export_s": load_s + dump_s, "export_cpu_s": load_cpu_s + watch.cpu_seconds,
        "export_cli_s": run_cli("export", database, "-o", folder / f"{size}-cli.yaml"),
    }


def bench_lint(size: str, database: Path, watch: Stopwatch) -> dict[str, Any]:
    """Lint against reading the database at all; best of `REPEATS` for both, as
    the two are compared and a busy machine slows whichever runs at the time."""
    raw_read_s, raw_read_cpu_s = best_of(REPEATS, lambda: read_every_row(database))

    config = LintConfig()

    def load_and_lint() -> tuple[int, float, float]:
        # The library call `raci lint` makes (`raci.linting.lint_lean`): read lean,
        # rules on two cores where the model is large, the collector paused as the
        # command pauses it.
        with collector_paused():
            source = open_lean_model(str(database))
            start, cpu_start = time.perf_counter(), cpu_seconds()
            findings = lint_source(source, config, split=True).findings
            return len(findings), time.perf_counter() - start, cpu_seconds() - cpu_start

    runs = []
    for _ in range(REPEATS):
        children = children_cpu_seconds()
        run, lint_s = watch.time(f"{size}: lint", load_and_lint)
        runs.append((lint_s, watch.cpu_seconds + children_cpu_seconds() - children, *run))
    lint_s, lint_cpu_s, findings, rules_s, rules_cpu_s = min(runs)
    lint_args = ("lint", database, "--format", "json", "--fail-on", "never")
    return {
        "raw_read_s": raw_read_s, "raw_read_cpu_s": raw_read_cpu_s,
        "rules_s": rules_s, "lint_s": lint_s, "lint_cpu_s": lint_cpu_s,
        "lint_ratio": lint_s / raw_read_s, "rules_ratio": rules_s / raw_read_s,
        "lint_cpu_ratio": lint_cpu_s / raw_read_cpu_s,
        "rules_cpu_ratio": rules_cpu_s / raw_read_cpu_s,
        "findings": findings,
        "lint_cli_s": run_cli(*lint_args), "lint_peak_mb": peak_memory_mb(*lint_args),
    }


def bench_whole_process(database: Path, many: Path) -> dict[str, Any]:
    """`raci lint` (text and JSON) against a plain sqlite3 read of every row,
    each a whole process, run in turns (so that a busy spell slows all
    alike), best of `REPEATS` each; on the model and on the one with many
    findings."""
    read = [sys.executable, str(PLAIN_READ)]
    commands = {
        (model, fmt): [*raci_command(), "lint", str(path), "--fail-on", "never",
                       *(("--format", "json") if fmt == "json" else ())]
        for model, path in (("model", database), ("many", many)) for fmt in ("text", "json")
    }
    reads = {"model": [*read, str(database)], "many": [*read, str(many)]}
    best: dict[str, tuple[float, float]] = {}
    for _ in range(REPEATS):
        for key, command in [*reads.items(), *commands.items()]:
            name = key if isinstance(key, str) else "_".join(key)
            best[name] = min(best.get(name, (math.inf, math.inf)), process_times(command))
    results: dict[str, Any] = {
        "read_process_s": best["model"][0], "read_process_cpu_s": best["model"][1]}
    for model, fmt in commands:
        (wall, cpu), (read_wall, read_cpu) = best[f"{model}_{fmt}"], best[model]
        results[f"{model}_{fmt}_ratio"] = wall / read_wall
        results[f"{model}_{fmt}_cpu_ratio"] = cpu / read_cpu
    return results


def process_times(command: list[str]) -> tuple[float, float]:
    """Wall and CPU time of one process (output to /dev/null); findings (exit 1) are fine."""
    start, children = time.perf_counter(), children_cpu_seconds()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return seconds, children_cpu_seconds() - children


def children_cpu_seconds() -> float:
    """The user and system time of this process's children that ended so far
    (a subprocess, or the copy a lint forks to check rules on a second core)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def cpu_seconds() -> float:
    """The CPU time of this process and of its children that ended so far."""
    return time.process_time() + children_cpu_seconds()


def many_findings_database(model_file: Path, database: Path) -> int:
    """The model of `model_file` with every Accountable left out, into
    `database`; how many findings it has."""
    model = read_model(model_file).model
    model.assignments[:] = [a for a in model.assignments if a.letter != "A"]
    model.changed()
    open_store(f"sqlite:///{database}", create=True, model=model).close()
    return len(lint_model(open_lean_model(str(database))))


def bench_matrix(database: Path) -> dict[str, Any]:
    """`raci matrix` in every format, whole process: time and peak memory."""
    results: dict[str, Any] = {}
    for name, args in MATRIX_RUNS.items():
        results[f"matrix_{name}_s"], results[f"matrix_{name}_cpu_s"] = run_cli_timed(
            "matrix", database, *args)
        results[f"matrix_{name}_mb"] = peak_memory_mb("matrix", database, *args)
    return results


def bench_import_growth(seed: int, folder: Path) -> dict[int, tuple[float, float]]:
    """`raci import` of the national model at each of `GROWTH_SCALES`: wall and CPU time."""
    results = {}
    for scale in GROWTH_SCALES:
        print(f"benchmarking import at national ×{scale} …", file=sys.stderr)
        model_file = folder / f"national-x{scale}.yaml"
        write_model(generate_model(TARGET_SIZE, seed, scale=scale), model_file)
        results[scale] = run_cli_timed("import", model_file, "--into",
                                       folder / f"national-x{scale}.db")
        model_file.unlink()
    return results


def write_bench_workbook(path: Path, seed: int) -> int:
    """A matrix as a big programme keeps one: title rows, a header of actors,
    a section heading every `SECTION_EVERY` rows, an owner (A or A/R), some R,
    C and I on each row. Returns how many cells are filled."""
    from openpyxl import Workbook

    chance = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Matrix")
    sheet.append([f"RACI-matrix, {SHEET_ROWS} activiteiten"])
    sheet.append([])
    actors = [f"Rol {n:02d}" for n in range(1, SHEET_ACTORS + 1)]
    sheet.append(["Nr", "Activiteit", *actors])
    filled = 0
    for row in range(SHEET_ROWS):
        if row % SECTION_EVERY == 0:
            sheet.append([None, f"Onderdeel {row // SECTION_EVERY + 1}"])
        cells: list[str | None] = [None] * SHEET_ACTORS
        chosen = chance.sample(range(SHEET_ACTORS), 12)
        cells[chosen[0]] = chance.choice(["A", "A/R"])
        for column, letters in zip(chosen[1:], ["R", "R", "C", "C", "C", "C", "I", "I", "I",
                                                "I", "I"], strict=True):
            cells[column] = letters
        filled += sum(1 for cell in cells if cell)
        sheet.append([f"{row + 1}", f"Activiteit {row + 1}", *cells])
    workbook.save(path)
    return filled


def bench_sheet(seed: int, folder: Path, watch: Stopwatch) -> dict[str, Any]:
    """Import the big matrix workbook, in process and through `raci import`; export it back."""
    workbook = folder / "matrix.xlsx"
    results: dict[str, Any] = {"sheet_cells": write_bench_workbook(workbook, seed)}
    results["sheet_mb"] = workbook.stat().st_size / 1e6
    database = folder / "matrix.db"
    _, results["sheet_import_s"] = watch.time(
        "sheet: import", lambda: import_file(workbook, str(database)))
    results["sheet_import_cpu_s"] = watch.cpu_seconds
    results["sheet_import_cli_s"] = run_cli("import", workbook, "--into",
                                            folder / "matrix-cli.db")

    def export() -> None:
        source = open_model(str(database))
        write_matrix_workbook(source.model, lint_model(source), folder / "again.xlsx")

    _, results["sheet_export_s"] = watch.time("sheet: export", export)
    return results


def bench_report(database: Path, stem: Path) -> dict[str, Any]:
    """The handout, as the command writes it: lint, charts, diagrams and page;
    the PDF only where Chromium is installed (its time grows with the pages)."""
    results: dict[str, Any] = {}
    html = run_cli_timed("report", database, "-o", stem.with_suffix(".html"))
    results["report_html_s"], results["report_html_cpu_s"] = html
    if any(shutil.which(name) for name in CHROMIUM_NAMES):
        pdf = stem.with_suffix(".pdf")
        # Wall time only: Chromium's renderer is not among the processes the
        # command waits for, so its CPU time would go uncounted.
        results["report_pdf_s"] = run_cli("report", database, "-o", pdf, "--timeout", "3600")
        results["report_pages"] = len(PDF_PAGE.findall(pdf.read_bytes()))
    return results


def bench_diagrams(size: str, model_file: Path, watch: Stopwatch) -> dict[str, Any]:
    """Each view drawn as `raci diagram` draws it (fitted to an A3 page), and the
    goals view split per goal area; a view over the node limit is refused at
    once and shows no time."""
    model = read_model(model_file).model
    page = PAGES[DEFAULT_PAGE]
    results: dict[str, Any] = {}
    for name in DIAGRAM_VIEWS:
        view = build_view(model, name)
        if view.size <= MAX_LAYOUT_NODES:
            _, results[f"diagram_{name}_s"] = watch.time(
                f"{size}: diagram {name}", partial(draw, view, "svg", page=page))
    goals = build_view(model, "goals")
    if goals.size <= MAX_LAYOUT_NODES:
        def split() -> None:
            for part in split_view(goals, model, "goal", fits_page(page)):
                draw(part, "svg", page=page)

        _, results["split_goals_s"] = watch.time(f"{size}: split goals", split)
    return results


# ---- reporting --------------------------------------------------------------------------


def table(results: dict[str, dict[str, Any]]) -> str:
    sizes = list(results)
    lines = [
        "| measure | " + " | ".join(sizes) + " | target |",
        "|---|" + "---:|" * len(sizes) + "---|",
    ]
    for measure in MEASURES:
        if all(results[s].get(measure.key) is None for s in sizes):
            continue
        cells = [measure.cell(results[s].get(measure.key), s) for s in sizes]
        lines.append(f"| {measure.label} | " + " | ".join(cells) + f" | {measure.target_text} |")
    return "\n".join(lines)


def missed_targets(results: dict[str, dict[str, Any]]) -> list[str]:
    return [
        f"{measure.label} on {measure.target_size}: {measure.fmt.format(value)} "
        f"(target {measure.target_text})"
        for measure in MEASURES
        if measure.target_size in results
        and measure.misses(value := results[measure.target_size].get(measure.key))
    ]


def machine() -> str:
    cpu = "unknown CPU"
    memory = "unknown"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        cpu = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                   if line.startswith("model name"))
        meminfo = Path("/proc/meminfo").read_text()
        kib = int(next(line.split()[1] for line in meminfo.splitlines()
                       if line.startswith("MemTotal")))
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    return (f"{platform.platform()}, Python {platform.python_version()}; {cpu}, "
            f"{os.cpu_count()} cores, {memory} memory")


def load_average() -> str:
    """Other work on the machine slows every step; the report says how much there was."""
    try:
        return ", ".join(f"{load:.1f}" for load in os.getloadavg())
    except OSError:
        return "unknown"


def sheet_table(results: dict[str, Any]) -> list[str]:
    lines = ["", f"Spreadsheet import: a RACI matrix workbook of {SHEET_ROWS:,} rows × "
             f"{SHEET_ACTORS} actors, written by `benchmarks/run.py`.", "",
             "| measure | value |", "|---|---:|"]
    lines += [f"| {m.label} | {m.fmt.format(results[m.key])} |" for m in SHEET_MEASURES]
    return lines


def growth_table(growth: dict[int, tuple[float, float]]) -> list[str]:
    if not growth:
        return []
    lines = ["", "Import growth: `raci import` of the national model once, twice and four "
             "times over (`raci generate --size national --scale N`).", "",
             "| scale | `raci import` (s) | CPU time (s) | × the 1× time | × the 1× CPU time |",
             "|---|---:|---:|---:|---:|"]
    wall_1, cpu_1 = growth[1]
    for scale, (wall, cpu) in growth.items():
        ratio = wall / wall_1
        mark = f" {'✗' if ratio > GROWTH_TARGET else '✓'}" if scale == max(growth) else ""
        lines.append(f"| {scale}× | {wall:.2f} | {cpu:.2f} | {ratio:.2f}{mark} | "
                     f"{cpu / cpu_1:.2f} |")
    lines += ["", f"Target: at {max(growth)}× at most {GROWTH_TARGET} × the 1× time."]
    return lines


def report(results: dict[str, dict[str, Any]], seed: int, load_before: str,
           sheet: dict[str, Any], growth: dict[int, tuple[float, float]]) -> str:
    missed = missed_targets(results)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# raci benchmarks",
        "",
        f"Run with `.venv/bin/python -m benchmarks.run --sizes {','.join(results)}` "
        f"(seed {seed}) on {when}.",
        "",
        f"Machine: {machine()}. Load average (1, 5, 15 min) before the run: {load_before}; "
        f"after: {load_average()}.",
        "",
        table(results) if results else "",
        *sheet_table(sheet),
        *growth_table(growth),
        "",
        "✓ meets and ✗ misses the target ([Benchmarks](contributing.md#benchmarks) lists "
        "them; targets apply to the national model). "
        "In-process steps exclude Python start-up; the `raci …` rows run the real command "
        "in a subprocess, start-up included. "
        "Lint ÷ plain sqlite3 read compares loading the model from the database and "
        "running every rule with reading every row of every table with the standard "
        "`sqlite3` module; the next row leaves the loading out. The lint is the very "
        "library call `raci lint` makes: on a large model it checks the rules of two "
        "groups in a forked copy on the second core (`raci.lint.split`), so its wall time "
        "is less than its CPU time, and its CPU-time rows count both cores (this process "
        "and the copy); the plain read uses one. Lint and the plain read "
        "are the best of three runs each. The whole-process rows are what a user waits "
        "for: `raci lint` (start-up, imports, reading, rules, output to /dev/null) against "
        "a process that only reads every row (`benchmarks/plain_read.py`), run in turns, "
        "best of three each; \"every A left out\" is the same model without its "
        "Accountables, so that nearly every item has a finding. CPU time "
        "(`time.process_time` and that of the forked copy, or the child's user and "
        "system time) is the measured work's alone, so other work on the machine does "
        "not stretch it. "
        "`raci report` runs on the database: lint, charts, diagrams and the page; to PDF "
        "adds Chromium's printing, whose time grows with the pages. `raci matrix` writes "
        "to /dev/null; its grid of every item by every actor is gigabytes on national, "
        "the list names each item's actors.",
        "Diagrams are drawn in process with the real `dot` (its own time included); "
        "a view over the 2,000-node limit is refused at once and shows –.",
        "",
    ]
    if missed:
        lines += ["Targets missed:", "", *(f"- {line}" for line in missed), ""]
    elif TARGET_SIZE in results:
        lines += ["Every target measured is met.", ""]
    return "\n".join(lines)


MEASURED_BY_HAND = "\n## Measured by hand"
"""Where `--out`'s file goes on with sections written by hand, kept when it is written again."""


def measured_by_hand(out: Path) -> str:
    """The sections measured by hand at the end of `out`, if any (else nothing)."""
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    start = old.find(MEASURED_BY_HAND)
    return "" if start < 0 else old[start:]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=",".join(SIZES),
                        help="comma-separated sizes (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the report to this file")
    parser.add_argument("--profile", action="store_true",
                        help="print a cProfile summary of each in-process step to stderr")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    watch = Stopwatch(args.profile)
    load_before = load_average()
    results: dict[str, dict[str, Any]] = {}
    folder = Path(tempfile.mkdtemp(prefix="raci-bench-"))
    try:
        for size in sizes:
            print(f"benchmarking {size} …", file=sys.stderr)
            results[size] = bench_size(size, args.seed, folder, watch)
        print("benchmarking a spreadsheet import …", file=sys.stderr)
        sheet = bench_sheet(args.seed, folder, watch)
        growth = bench_import_growth(args.seed, folder) if TARGET_SIZE in sizes else {}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    text = report(results, args.seed, load_before, sheet, growth)
    print(text)
    if args.out:
        args.out.write_text(text + measured_by_hand(args.out), encoding="utf-8")


if __name__ == "__main__":
    main()
