# Wijkgeld: two commands on a fresh machine.
#   make run    venv, install, translations, static, migrate, demo, serve on http://127.0.0.1:$(PORT)
#   make test   everything CI runs (lint, checks, SQLite, PostgreSQL, Chromium)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PORT ?= 8000
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test venv static messages fonts migrate demo lint checks test-sqlite test-postgres test-e2e bench bench-tally bench-ledger bench-ballots backup clean help

help:
	@echo "make run   – start the demo on http://127.0.0.1:$(PORT)"
	@echo "make test  – run everything CI runs"
	@echo "make backup – back up the database to var/backups/ (restore: manage.py restore FILE)"

# setup.py builds the counting engine's compiled kernel (optional: without a C compiler it runs in pure Python).
$(VENV)/.installed: pyproject.toml setup.py wijkgeld/pb/rules/_kernel.c
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { scripts/ensure-system-packages.sh python3-venv && $(PYTHON) -m venv $(VENV); }
	@command -v cc >/dev/null || scripts/ensure-system-packages.sh gcc || echo "no C compiler: the counting engine will run in pure Python"
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]' > $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	@touch $@

venv: $(VENV)/.installed

# NL Design System CSS comes from its npm packages (see package.json); npm is only needed at build time.
static: wijkgeld/static/vendor/nlds/components.css
wijkgeld/static/vendor/nlds/components.css: package.json
	@command -v npm >/dev/null || scripts/ensure-system-packages.sh npm
	npm install --no-audit --no-fund --loglevel=error
	mkdir -p wijkgeld/static/vendor/nlds
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css wijkgeld/static/vendor/nlds/theme.css
	cp node_modules/@utrecht/component-library-css/dist/index.css wijkgeld/static/vendor/nlds/components.css

messages: venv
	@command -v msgfmt >/dev/null || scripts/ensure-system-packages.sh gettext
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

# The PDF letters use DejaVu Sans: it has the glyphs of all five languages, Arabic included (docs/languages.md).
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || scripts/ensure-system-packages.sh fonts-dejavu-core

migrate: venv
	$(PY) manage.py migrate --noinput -v 0

demo: migrate
	$(PY) manage.py demo

run: venv static messages fonts demo
	@echo "Wijkgeld runs on http://127.0.0.1:$(PORT)/  (stop with Ctrl+C)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djlint wijkgeld --lint --quiet
	$(BIN)/mypy

checks: venv messages
	$(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 SECRET_KEY="ci-only-$$(printf 'x%.0s' {1..60})" ALLOWED_HOSTS=wijkgeld.example.org \
	  WIJKGELD_VAR_DIR=$$(mktemp -d) $(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: venv static messages fonts
	$(BIN)/pytest -m "not e2e" -q -p no:cacheprovider

# The counting engine (tests/pb) never touches a database, so it runs once, in test-sqlite.
test-postgres: venv static messages fonts
	scripts/with-postgres.sh $(BIN)/pytest -m "not e2e" -q -p no:cacheprovider --ignore=tests/pb

# Also records what was checked (pages, axe-core violations, date, commit) for the accessibility
# statement at /toegankelijkheid/; commit the updated file with the release.
A11Y_RESULTS ?= wijkgeld/public/data/accessibility-results.json
test-e2e: venv static messages
	scripts/ensure-chromium.sh
	WIJKGELD_A11Y_RESULTS=$(A11Y_RESULTS) $(BIN)/pytest -m e2e tests/e2e -q -p no:cacheprovider

test: lint checks test-sqlite test-postgres test-e2e
	@echo "make test: all suites passed"

# Performance targets are checked by these scripts (they print their measurements); not part of make test.
bench: bench-tally bench-ledger bench-ballots

bench-tally: venv
	$(PY) bench/tally.py

bench-ledger: venv static messages
	$(PY) bench/ledger.py

bench-ballots: venv static messages
	$(PY) bench/ballots.py

# One file with the whole database, safe while the site runs (docs/operations.md, "Backups").
backup: venv
	$(PY) manage.py backup

clean:
	rm -rf $(VENV) node_modules wijkgeld/static/vendor staticfiles var
