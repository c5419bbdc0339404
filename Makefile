# Helix: the project's vocabulary. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
## Test processes (pytest-xdist; each has its own SQLite file, PostgreSQL database and Redis db).
TEST_WORKERS ?= auto
## Absolute links (feeds, mails, the demo hints) follow the served address unless set.
SERVED := HELIX_PUBLIC_URL="$${HELIX_PUBLIC_URL:-http://$(HOST):$(PORT)}"
export FLASK_APP := app

.PHONY: run test lint translations compile-translations bench bench-scale install install-dev migrate demo

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

## Mozilla's ical.js (the parser Thunderbird uses), for the calendar tests: npm, pinned by the lock file.
ICALJS := tests/calendars/js/node_modules/.package-lock.json
$(ICALJS): tests/calendars/js/package.json tests/calendars/js/package-lock.json
	cd tests/calendars/js && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install-dev: $(VENV)/.installed-dev

compile-translations: install
	$(BIN)/pybabel compile -d translations --statistics

migrate: install
	mkdir -p instance
	$(BIN)/flask db upgrade

demo: migrate
	$(BIN)/flask helix load-demo --if-empty --no-accounts

## Install, migrate, load the demo programme if the database is empty, print the demo accounts
## (organiser, Liuzhou city staff, delegate; new random passwords), serve on 127.0.0.1:5000
## (`make run PORT=5100` for another port), with the background worker (e-mail delivery) beside it;
## stopping make stops both.
run: compile-translations demo
	$(SERVED) $(BIN)/flask helix demo-accounts
	@$(SERVED) $(BIN)/flask helix worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(SERVED) $(BIN)/flask run --host $(HOST) --port $(PORT)

## Install the dev dependencies and run the whole suite (SQLite, plus PostgreSQL when TEST_DATABASE_URL is set).
test: install-dev compile-translations $(ICALJS)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo
	@# pytest exits 5 when it collected no test: that is a failure too, and make stops on it.
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile; status=$$?; [ $$status -ne 5 ] || echo "pytest ran no test" >&2; exit $$status

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-logo

## Extract every translatable string and update the catalogues (no locations: clean merges).
translations: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output --no-wrap \
		--project Helix -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching --no-wrap

## Serve the feed with gunicorn on loopback and load it with wrk (apt: wrk, nginx) beside nginx, the same
## gunicorn serving the bytes statically and Radicale (dev requirement); goals printed beside the figures.
bench: install-dev compile-translations
	$(BIN)/python bench/feeds.py

## Generate 1,000- and 100,000-event programmes (BENCH_SCALE="1000 100000"; PostgreSQL too when
## BENCH_DATABASE_URL or TEST_DATABASE_URL is set); print per page the latency ratio and SQL statements.
bench-scale: install-dev compile-translations
	$(BIN)/python bench/scale.py
