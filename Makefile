# Two commands set everything up on a fresh Debian machine:
#   make serve   build the site and serve it on http://127.0.0.1:8000 with live reload
#   make test    every test, browser tests included
# Everything else here is a step those two depend on.

SHELL := bash
export NO_MKDOCS_2_WARNING := 1
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# pyenv reads .python-version (3.13); pyodide-build needs Python 3.12 or newer.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
NGINX ?= /usr/sbin/nginx
BROTLI_STATIC := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
PORT ?= 8000
# The site's public address, for its canonical links and sitemap: `make build` needs it.
SITE_URL ?=

.PHONY: help venv node chromium nginx deps site-url build serve preview check-host test test-fast test-js lint types wheel bench lighthouse readability lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || \
	  { echo "Python 3.12+ is needed (pyodide-build); found $$($(PYTHON) --version)" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e calculators -e .
	touch $@

venv: $(BIN)/.installed ## Python tools in .venv from the pinned requirements.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

node: node_modules/.installed ## the pinned npm packages from package-lock.json (Pyodide, Workbox, axe-core, TypeScript)

$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium

chromium: $(CHROMIUM) ## Debian's Chromium for the browser tests (apt-get)

# Debian's package enables the brotli module itself; policy-rc.d keeps apt from starting nginx in
# containers, elsewhere apt starts the system's nginx on port 80 (stop it with systemctl if unwanted).
$(NGINX) $(BROTLI_STATIC):
	@if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  $$SUDO apt-get install -y -qq --no-install-recommends nginx libnginx-mod-http-brotli-static

nginx: $(NGINX) $(BROTLI_STATIC) ## Debian's nginx and its brotli_static module, for preview and the tests (apt-get)

deps: venv node

# Without SITE_URL every page's canonical link and the sitemap would name 127.0.0.1: refuse.
site-url:
	@if [ -z "$(SITE_URL)" ]; then \
	  echo "make build needs the site's public address, for its canonical links and sitemap:" >&2; \
	  echo "  make build SITE_URL=https://your.host/path/" >&2; \
	  echo "  make build SITE_URL=http://127.0.0.1:$(PORT)/   (for make preview on this machine)" >&2; \
	  exit 1; \
	fi

build: site-url deps ## build the self-hostable site into site/ for SITE_URL=https://your.host/path/
	SITE_URL='$(SITE_URL)' $(BIN)/mkdocs build --strict

serve: deps ## build and serve on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

preview: deps nginx ## serve the site/ `make build` wrote, through nginx with deploy/nginx.conf, on 127.0.0.1:PORT (8000)
	$(BIN)/python -m sitebuild.nginx site --port $(PORT)

check-host: venv ## check a running copy of the site from outside: make check-host URL=https://your.host/path/
	@if [ -z "$(URL)" ]; then echo "usage: make check-host URL=https://your.host/path/" >&2; exit 2; fi
	$(BIN)/python -m sitebuild.check_host '$(URL)'

test: deps chromium nginx lint test-js ## every test and check: lint, types, the JS unit tests, calculators, Pyodide, the build, the browser, nginx
	$(BIN)/python -m pytest --durations=15

test-fast: deps lint test-js ## the tests that need no browser
	$(BIN)/python -m pytest -m "not browser"

test-js: node ## unit tests of the JavaScript that needs no browser (tests/js, Node's own test runner)
	node --test tests/js/*.test.mjs

lint: venv types ## ruff (lint and format) over the Python, mypy --strict over calculators/src, tsc over the JavaScript
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Three programs, as the scripts run in three places: the page (DOM), the workers, and Node.
types: node ## the JavaScript's JSDoc types checked by TypeScript's tsc (strict; types/*.json say what each covers)
	node_modules/.bin/tsc -p types/page.json
	node_modules/.bin/tsc -p types/workers.json
	node_modules/.bin/tsc -p types/node.json

wheel: venv ## build the musclecalc wheel into dist/
	$(BIN)/python -m sitebuild.wheel dist

bench: SITE_URL = http://127.0.0.1:8000/
bench: build chromium ## time to first live answer on a calculator page, cold and warm cache
	$(BIN)/python scripts/benchmark_calculator_page.py

LIGHTHOUSE_NODE := scripts/lighthouse/node_modules/.installed
$(LIGHTHOUSE_NODE): scripts/lighthouse/package-lock.json
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: SITE_URL = http://127.0.0.1:8000/
lighthouse: build chromium nginx $(LIGHTHOUSE_NODE) ## Lighthouse mobile scores of the main pages (medians of 3), printed
	$(BIN)/python scripts/lighthouse_figures.py site

readability: venv ## Flesch reading ease of every guide page
	$(BIN)/python scripts/readability.py

lock: ## re-pin requirements.txt from requirements.in
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/pip install --quiet -r requirements.in
	{ echo '# Pinned from requirements.in by `make lock`. Install with `make venv`.'; \
	  /tmp/lock-venv/bin/pip freeze; } > requirements.txt

clean: ## remove build outputs (keeps .venv and node_modules)
	rm -rf site build dist
