# Two entry points: `make demo` and `make test`. Both build the virtual environment first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench bench-scale bench-scale-full clean

# editable_mode=compat: the editable install is a plain path in a .pth file; the default mode
# imports a finder (and pathlib) at every start of Python (52 ms → 23 ms for `python -c pass`).
$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]' --config-settings editable_mode=compat
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tracker ingest seeds/
	$(BIN)/tracker timeline
	$(BIN)/tracker figures --topic casualties

test: $(STAMP)
	$(BIN)/ruff check dprk_tracker tests benchmarks
	$(BIN)/pytest -q

# Accuracy and speed of the extractors (needs ../shared/dev beside the repository).
bench: $(STAMP)
	$(BIN)/python benchmarks/timeml.py --speed
	$(BIN)/python benchmarks/quantities.py --speed

# Ingest and query at scale (see benchmarks/README.md); the -full target adds 100,000 articles.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/ingest.py --sizes 1000,10000
	$(BIN)/python benchmarks/queries.py

bench-scale-full: $(STAMP)
	$(BIN)/python benchmarks/ingest.py --sizes 100000
	$(BIN)/python benchmarks/queries.py

clean:
	rm -rf $(VENV) data/*.db
