# mediacheck developer tasks. Needs only python3 (3.10+) to start: `make test` builds .venv on first use.
#   make test    tests and doctests            make demo   report on corpora/ into reports/demo/
#   make lint    ruff                          make bench  quality and speed benchmarks (needs ../shared)
#   make .venv   create/refresh the venv       make clean  remove the venv and caches
# Use another interpreter with e.g. `make test PY=python3.12`.

PY ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
PIP := $(VPY) -m pip --disable-pip-version-check

.DEFAULT_GOAL := help
.PHONY: help venv .venv test demo bench lint clean line-model

help:
	@sed -n '1,5p' Makefile | sed 's/^# \{0,1\}//'

venv .venv: $(STAMP)

# Re-installs when pyproject.toml changes (the stamp is older than it) and reuses the venv otherwise.
$(STAMP): pyproject.toml
	@$(PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' || \
	  { echo "error: mediacheck needs Python 3.10+; '$(PY)' is older. Try: make $(MAKECMDGOALS) PY=python3.11" >&2; exit 1; }
	@test -x $(VPY) || $(PY) -m venv $(VENV) || \
	  { rm -rf $(VENV); echo "error: '$(PY) -m venv' failed; on Debian/Ubuntu: apt install python3-venv" >&2; exit 1; }
	$(PIP) install --quiet 'pip>=21.3'
	$(PIP) install --quiet -e '.[dev,parquet,html]'
	@touch $@

$(BENCH_STAMP): $(STAMP)
	$(PIP) install --quiet -e '.[bench]'
	@touch $@

test: $(STAMP)
	$(VPY) -m pytest

demo: $(STAMP)
	$(VPY) -m mediacheck report corpora/demo corpora/allsides/allsides.jsonl --out reports/demo
	@echo "open reports/demo/report.html"

bench: $(BENCH_STAMP)
	$(VPY) benchmarks/clean_quality.py
	$(VPY) benchmarks/clean_speed.py
	$(VPY) benchmarks/score_quality.py
	$(VPY) benchmarks/score_speed.py

SHARED_CLEAN := ../shared/data/clean
# Refit the shipped line model (after a change to the rules, phrase tables, stop words or features).
line-model: $(STAMP)
	$(VPY) -m mediacheck train-cleaner $(SHARED_CLEAN)/scrapinghub.jsonl $(SHARED_CLEAN)/cleaneval.jsonl --split dev \
	  -o mediacheck/data/line_model.json \
	  --data-name "scrapinghub/article-extraction-benchmark (181 pages) + CleanEval 2007 dev split (57 pages), field scraped" \
	  --licence "ScrapingHub: MIT (Zyte); CleanEval: no licence stated, research use; weights only, no text"

lint: $(STAMP)
	$(VPY) -m ruff check .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis build *.egg-info
