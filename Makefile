# One command each: `make demo` sets up and opens the app on a sample,
# `make test` sets up and runs every check, `make bench` runs the benchmarks,
# `make images` draws the README's pictures again.
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: setup demo test bench images
setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

demo: setup
	$(VENV)/bin/raci demo

test: setup
	bash scripts/test

bench: setup
	$(PY) -m benchmarks.run

images: setup
	bash docs/images/make.sh
