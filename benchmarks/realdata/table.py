"""The findings table of docs/real-data.md: what two versions of raci find in the real data.

    .venv/bin/python -m benchmarks.realdata.table --before RACI [--after RACI]
        [--data PATH] [--write docs/real-data.md] [--samples N]

Converts the real data twice, in format revision 1 for the `--before` raci
(raci 0.1's own `raci` command, installed apart: it cannot read revision 2)
and in revision 2 for the `--after` one, lints every model with each
(`raci lint --format json`, in a subprocess, so each version runs its own
code) and prints Markdown tables of the findings per rule, per dataset, and
per dataset and rule, and of the rules the after run did not run for want
of a fact (`summary.not_run_by_model`). With no `--after` the after column stays empty.
`--write FILE` also puts the tables into FILE between the two markers
below; `--samples N` prints N findings of each rule, taken in turn from
each dataset, to judge by hand against the source.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.realdata import DEFAULT_DATA, convert
from raci.formats import write_model

BEGIN = "<!-- realdata-table:begin -->"
END = "<!-- realdata-table:end -->"


@dataclass
class Run:
    """What one raci found in one revision of every model."""

    counts: dict[str, Counter[str]] = field(default_factory=dict)
    """dataset -> rule code -> findings."""
    entities: dict[str, int] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)
    not_run: dict[str, dict[str, str]] = field(default_factory=dict)
    """dataset -> rule code -> the fact not recorded (raci 0.1 runs every rule)."""

    def total(self, dataset: str | None = None, code: str | None = None) -> int:
        return sum(
            count for name, codes in self.counts.items() if dataset in (None, name)
            for rule, count in codes.items() if code in (None, rule)
        )


def lint_run(raci: Path, rev: int, data: Path) -> Run:
    """Convert the data in revision `rev` and lint every model with `raci`."""
    run = Run()
    with tempfile.TemporaryDirectory(prefix=f"realdata-rev{rev}-") as folder:
        paths = []
        for name, model in convert(data, rev):
            path = Path(folder) / f"{name}.yaml"
            write_model(model, path)
            paths.append(path)
            run.counts[name] = Counter()
            run.entities[name] = len(model)
        done = subprocess.run(
            [str(raci), "lint", *map(str, paths), "--format", "json", "--fail-on", "never"],
            capture_output=True, text=True, check=False,
        )
    if done.returncode != 0:
        raise SystemExit(f"{raci} lint failed (exit {done.returncode}): {done.stderr.strip()}")
    report = json.loads(done.stdout)
    for finding in report["findings"]:
        finding["dataset"] = Path(finding["model"]).stem
        run.counts[finding["dataset"]][finding["code"]] += 1
        run.findings.append(finding)
    for model, rules in report["summary"].get("not_run_by_model", {}).items():
        run.not_run[Path(model).stem] = rules
    return run


def _cell(run: Run | None, dataset: str | None = None, code: str | None = None) -> str:
    if run is None or (dataset is not None and dataset not in run.counts):
        return ""
    return str(run.total(dataset, code))


def tables(before: Run, after: Run | None) -> str:
    """The three Markdown tables: per rule, per dataset, per dataset and rule."""
    datasets = list(dict.fromkeys([*before.counts, *(after.counts if after else {})]))
    codes = sorted({code for run in (before, after) if run
                    for counts in run.counts.values() for code in counts})
    lines = ["Findings per rule, all datasets:", "", "| rule | before | after |", "|---|--:|--:|"]
    lines += [f"| {code} | {_cell(before, code=code)} | {_cell(after, code=code)} |"
              for code in codes]
    lines += [f"| all | {_cell(before)} | {_cell(after)} |", "",
              "Findings per dataset:", "",
              "| dataset | entities | before | after |", "|---|--:|--:|--:|"]
    lines += [f"| {name} | {before.entities.get(name, '')} | {_cell(before, name)} "
              f"| {_cell(after, name)} |" for name in datasets]
    lines += ["", "Findings per dataset and rule:", "",
              "| dataset | rule | before | after |", "|---|---|--:|--:|"]
    for name in datasets:
        found = [code for code in codes
                 if before.total(name, code) or (after and after.total(name, code))]
        lines += [f"| {name} | {code} | {_cell(before, name, code)} "
                  f"| {_cell(after, name, code)} |" for code in found]
    if after and after.not_run:
        lines += ["", "Rules not run after, per dataset, and the fact the data does not record:",
                  "", "| dataset | not run |", "|---|---|"]
        lines += [f"| {name} | {_not_run(after.not_run[name])} |"
                  for name in datasets if after.not_run.get(name)]
    return "\n".join(lines) + "\n"


def _not_run(rules: dict[str, str]) -> str:
    """``BOD007, ORG004 (chairs); STR005 (success_criteria)``: rules by fact, facts in order."""
    by_fact: dict[str, list[str]] = {}
    for code, fact in sorted(rules.items()):
        by_fact.setdefault(fact, []).append(code)
    return "; ".join(f"{', '.join(codes)} ({fact})" for fact, codes in sorted(by_fact.items()))


def samples(run: Run, per_rule: int) -> str:
    """`per_rule` findings of each rule, taken in turn from each dataset that has any."""
    by_rule: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for finding in run.findings:
        by_rule.setdefault(finding["code"], {}).setdefault(finding["dataset"], []).append(finding)
    lines = []
    for code in sorted(by_rule):
        queues = list(by_rule[code].values())
        picked: list[dict[str, Any]] = []
        while len(picked) < per_rule and any(queues):
            picked += [queue.pop(0) for queue in queues if queue][: per_rule - len(picked)]
        lines += [f"{code} {f['dataset']}: {f['message']}" for f in picked]
    return "\n".join(lines) + "\n"


def write_between_markers(path: Path, text: str) -> None:
    document = path.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(document):
        raise SystemExit(f"{path}: no {BEGIN} ... {END} markers to write the tables between")
    path.write_text(pattern.sub(lambda _: f"{BEGIN}\n{text}{END}", document), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realdata.table",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True,
                        help="the raci command of version 0.1 (reads revision 1 models)")
    parser.add_argument("--after", type=Path, help="the raci command with the rev. 2 rules")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the real data folder")
    parser.add_argument("--write", type=Path, help="also write the tables into this file")
    parser.add_argument("--samples", type=int, default=0, metavar="N",
                        help="print N findings of each rule (of the newest run) to judge")
    args = parser.parse_args(argv)
    before = lint_run(args.before, 1, args.data)
    after = lint_run(args.after, 2, args.data) if args.after else None
    text = tables(before, after)
    print(text)
    if args.write:
        write_between_markers(args.write, text)
    if args.samples:
        print(samples(after or before, args.samples))


if __name__ == "__main__":
    main()
