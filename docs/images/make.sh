#!/usr/bin/env bash
# Draw each view of the energietransitie sample organisation into docs/images/,
# and the first page of its report (printed with Chromium, rendered by
# poppler's pdftoppm). Run from anywhere after changing a view or the report:
# make images (or bash docs/images/make.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
raci="${RACI:-.venv/bin/raci}"
for view in org raci bodies goals decisions; do
  "$raci" diagram sample_orgs/energietransitie.yaml --view "$view" -o "docs/images/$view.svg"
done
"$raci" diagram sample_orgs/energietransitie.yaml --view bodies --highlight-findings \
  -o docs/images/bodies-findings.svg
report=$(mktemp -d)
trap 'rm -rf "$report"' EXIT
"$raci" report sample_orgs/energietransitie.yaml -o "$report/report.pdf"
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$report/report.pdf" docs/images/report
"${PYTHON:-.venv/bin/python}" docs/images/app_images.py  # the app screens of the README
