# lawgov-gen: the README's commands. `make examples` and `make test` work on a fresh
# Debian/Ubuntu machine: they install what is missing first.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: setup system-deps examples test lint format template bench clean

$(BIN)/lawgov-gen: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

system-deps:
	bash scripts/install-system-deps.sh

setup: system-deps $(BIN)/lawgov-gen

examples: setup
	$(BIN)/lawgov-gen render examples/ --pdf -o $(OUT)

lint: setup
	$(BIN)/ruff check lawgov_gen tests tools benchmarks
	$(BIN)/ruff format --check lawgov_gen tests tools benchmarks
	$(BIN)/mypy lawgov_gen tests tools

test: lint
	$(BIN)/pytest

format: setup
	$(BIN)/ruff format lawgov_gen tests tools benchmarks
	$(BIN)/ruff check --fix lawgov_gen tests tools benchmarks

template: setup
	$(BIN)/python tools/make_docx_template.py

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(OUT) build dist .pytest_cache .mypy_cache .ruff_cache
