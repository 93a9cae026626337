# Roundtable: `make run` serves the app with demo data; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench worker clean help

help:
	@echo "make run    set up, load the demo record and serve on http://$(HOST):$(PORT)/ with a Celery worker"
	@echo "make test   the whole test suite (SQLite unless DATABASE_URL is set)"
	@echo "make lint   ruff"
	@echo "make bench  the benchmark: writes bench/RESULTS.md (needs PostgreSQL and wrk; BENCH_SCALE=0.1 is quick)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

run: $(STAMP)
	mkdir -p data/broker/out data/broker/processed data/mail
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo "Serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/; mail is written to data/mail/)"
	@$(BIN)/celery -A config worker --beat --loglevel=INFO --concurrency=2 \
		--schedule=data/celerybeat-schedule & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

worker: $(STAMP)
	$(BIN)/celery -A config worker --beat --loglevel=INFO --schedule=data/celerybeat-schedule

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# BENCH_SCALE=0.1 for a quick run; needs PostgreSQL on 127.0.0.1 (BENCH_PG) and wrk; Redis on 127.0.0.1 if present.
bench: $(STAMP)
	@command -v wrk >/dev/null 2>&1 || { echo "installing wrk (Debian)"; apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python -m bench.run

clean:
	rm -rf data staticfiles test-artifacts
