"""`python -m benchmarks.realdata --out DIR`: write every converted model, one YAML file each."""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.realdata import DEFAULT_DATA, REVISIONS, convert
from raci.formats import write_model


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.realdata", description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="the folder to write into")
    parser.add_argument("--rev", type=int, choices=REVISIONS, default=2,
                        help="the model format revision (1: what raci 0.1 holds; default 2)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA,
                        help=f"the real data folder (default {DEFAULT_DATA})")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"--data {args.data}: no such folder; give the real data's folder")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, model in convert(args.data, args.rev):
        path = args.out / f"{name}.yaml"
        write_model(model, path)
        print(f"{path}: {len(model)} entities, {len(model.assignments)} assignments")


if __name__ == "__main__":
    main()
