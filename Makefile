# The README's two commands: `make run` and `make test`. Both set up .venv from scratch.
# Any Python >= 3.11 named python3 will do; otherwise run e.g. `make run PYTHON=python3.12`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup bench bench-accuracy lint schema clean golden

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "orewire needs Python >= 3.11: $(PYTHON) is " + sys.version.split()[0] + "; run make with PYTHON=/path/to/python3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/orewire extract seeds -o out/facts.jsonl --errors out/facts.errors.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py

bench-accuracy: $(STAMP)
	$(BIN)/python benchmarks/accuracy.py

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests benchmarks
	$(BIN)/mypy

schema: $(STAMP)
	$(BIN)/orewire schema

clean:
	rm -rf $(VENV) out build *.egg-info

golden: $(STAMP)
	$(BIN)/python benchmarks/golden.py --write
