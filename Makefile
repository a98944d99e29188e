# One command each: `make demo` sets up and opens the app on a sample,
# `make test` sets up and runs every check, `make bench` runs the benchmarks,
# `make images` draws the pictures of the README and docs/ again, `make docs`
# serves the documentation site on http://127.0.0.1:8000.
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup demo test bench images docs
setup: $(VENV)/.installed

# What the app needs (raci alone), then the tests' and the docs site's extras:
# `make demo` installs only the first.
$(VENV)/.app: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed: $(VENV)/.app
	$(PY) -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.app
	$(VENV)/bin/raci demo

test: setup
	bash scripts/test

bench: setup
	$(PY) -m benchmarks.run

docs: setup
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve

SAMPLE := sample_orgs/energietransitie.yaml
IMAGES := docs/images
images: setup
	for view in org bodies goals decisions; do \
	  $(VENV)/bin/raci diagram $(SAMPLE) --view $$view -o $(IMAGES)/$$view.svg; done
	$(VENV)/bin/raci diagram $(SAMPLE) --view bodies --highlight-findings \
	  -o $(IMAGES)/bodies-findings.svg
	$(VENV)/bin/raci diagram $(SAMPLE) --view raci --focus g.wijkaanpak --depth 2 \
	  -o $(IMAGES)/raci.svg
	$(VENV)/bin/raci diagram $(SAMPLE) --view org --split unit -o $(IMAGES)/org-part.svg \
	  && mv "$$(ls $(IMAGES)/org-part-*.svg | head -n 1)" $(IMAGES)/org-part.svg \
	  && rm -f $(IMAGES)/org-part-*.svg
	report=$$(mktemp -d) && $(VENV)/bin/raci report $(SAMPLE) -o $$report/report.pdf \
	  && pdftoppm -png -r 100 -f 1 -l 1 -singlefile $$report/report.pdf $(IMAGES)/report \
	  && rm -rf $$report
	$(PY) docs/images/app_images.py
