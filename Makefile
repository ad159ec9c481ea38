# Two entry points: `make demo` and `make test`. Both build the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tracker ingest seeds/
	$(BIN)/tracker timeline
	$(BIN)/tracker figures --topic casualties

test: $(STAMP)
	$(BIN)/ruff check dprk_tracker tests benchmarks
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/timeml.py
	$(BIN)/python benchmarks/quantities.py

clean:
	rm -rf $(VENV) data/*.db
