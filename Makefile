# lkj — Laporan Kinerja triwulanan. `make help` lists the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PARAMS ?= params/jateng-2025-tw2.yml

.DEFAULT_GOAL := help
.PHONY: help install system-deps quarto report check compute test test-fast lint format clean bench compare

help: ## Show this list of targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	touch $@

install: $(BIN)/.installed ## Create .venv and install pinned dependencies

# Programs the tests drive that PyPI cannot provide: Debian's chromium (real-browser tests,
# driven by playwright without a browser download) and LibreOffice Writer (soffice converts
# the DOCX edition to PDF). Installed only when missing, as root.
SYSTEM_PROGRAMS := chromium:chromium soffice:libreoffice-writer-nogui
system-deps: ## Install Debian programs the tests need (chromium, LibreOffice), when missing
	@for pair in $(SYSTEM_PROGRAMS); do \
	  cmd=$${pair%%:*}; pkg=$${pair#*:}; \
	  if ! command -v $$cmd >/dev/null 2>&1; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	      echo "installing $$pkg (Debian) for the tests"; \
	      { [ -n "$$(find /var/lib/apt/lists -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ] || apt-get update -qq; } && \
	      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$pkg >/dev/null; \
	    else echo "warning: $$cmd missing and cannot be installed here; its tests will be skipped"; fi; \
	  fi; \
	done

# Quarto 1.11 built from source (../shared/quarto, see its README) for machines where its
# installers cannot download; the Quarto tests find it in QUARTO_CACHE/env.sh. Where quarto
# is on PATH (installed the usual way) that one is used and nothing is set up.
QUARTO_SRC   ?= ../shared/quarto
QUARTO_CACHE ?= .cache/quarto
quarto: ## Set up Quarto from QUARTO_SRC into QUARTO_CACHE when quarto is not on PATH
	@if command -v quarto >/dev/null 2>&1; then \
	  echo "quarto: $$(command -v quarto) ($$(quarto --version))"; \
	elif [ -f $(QUARTO_CACHE)/.ready ]; then \
	  echo "quarto: $(QUARTO_CACHE) (sudah disiapkan)"; \
	elif [ -f $(QUARTO_SRC)/setup.sh ]; then \
	  echo "quarto: menyiapkan dari $(QUARTO_SRC) ke $(QUARTO_CACHE) (± 30 detik)"; \
	  rm -rf $(QUARTO_CACHE) && mkdir -p $(QUARTO_CACHE) && \
	  bash $(QUARTO_SRC)/setup.sh $(QUARTO_SRC) $(QUARTO_CACHE) > $(QUARTO_CACHE).log 2>&1 && \
	  touch $(QUARTO_CACHE)/.ready || { echo "quarto: setup gagal, lihat $(QUARTO_CACHE).log"; exit 1; }; \
	else \
	  echo "warning: quarto tidak ada di PATH dan $(QUARTO_SRC) tidak ada; tes Quarto dilewati"; \
	fi

report: install ## Build the default report (Jawa Tengah, 2025, TW II) into _output/
	$(BIN)/lkj build $(PARAMS)

check: install ## Validate the inputs of PARAMS (default: the Jawa Tengah TW II run)
	$(BIN)/lkj check $(PARAMS)

compute: install ## Print every computed value of PARAMS as JSON
	$(BIN)/lkj compute $(PARAMS) --format json

test: install system-deps quarto lint ## Run the whole test suite (lint and type check included)
	$(BIN)/python -m pytest -q

test-fast: install ## Unit tests only (no book builds, no browser): under a minute
	$(BIN)/python -m pytest -q -n 2 -m "not slow and not browser"

lint: install ## ruff lint and format check, mypy type check of src/
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install ## Apply ruff formatting and safe fixes
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install ## Time naive vs lkj build (cold, no-op, one file, batch, 100x data); see docs/performance.md
	$(BIN)/python -m lkj.dev.bench --params $(PARAMS)

BASE ?= origin/main
compare: install ## Build every params file at git revision BASE and here; compare values, PDF and HTML text
	$(BIN)/python -m lkj.dev.compare --base $(BASE)

clean: ## Remove build outputs (never data/)
	rm -rf _build _output
