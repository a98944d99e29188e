#!/usr/bin/env bash
# Draw each view of the energietransitie sample organisation into docs/images/.
# Run from anywhere after changing a view: bash docs/images/make.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
raci="${RACI:-.venv/bin/raci}"
for view in org raci bodies goals decisions; do
  "$raci" diagram sample_orgs/energietransitie.yaml --view "$view" -o "docs/images/$view.svg"
done
"$raci" diagram sample_orgs/energietransitie.yaml --view bodies --highlight-findings \
  -o docs/images/bodies-findings.svg
"${PYTHON:-.venv/bin/python}" docs/images/app_images.py  # the app screens of the README
