# The two commands in README.md's Quick start: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install lock run test test-fast lint format messages audit services frontend screenshots lighthouse

install: $(VENV)/.installed

# Development installs requirements-dev.lock (the production lock and the test tools); servers
# and the Docker image install requirements.lock only.
$(VENV)/.installed: requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	touch $@

# Both locks from pyproject.toml, hashed; the development one keeps the production versions.
# Add --upgrade-package NAME (or --upgrade) through UPGRADE="..." to move versions.
lock:
	$(BIN)/uv pip compile pyproject.toml -o requirements.lock --no-header --python-version 3.11 \
		--generate-hashes --quiet $(UPGRADE)
	$(BIN)/uv pip compile pyproject.toml --extra dev -c requirements.lock -o requirements-dev.lock \
		--no-header --python-version 3.11 --generate-hashes --quiet

# Links in e-mails and the demo's Wagtail Site follow the address served (network/settings/dev.py).
run: export DEV_SERVER_HOST = $(HOST)
run: export DEV_SERVER_PORT = $(PORT)
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest

# All but the modules marked slow (fuzzing, backups, the static archive, browsers, deployment):
# for a quick run while working; `make test` runs everything, as CI does.
test-fast: install
	$(BIN)/python -m pytest -m "not slow"

# PostgreSQL, Redis and the OpenSearch node on loopback, for the tests that need them (installs
# what is missing with apt-get, so run it as root). `scripts/services.sh stop` stops them.
services:
	bash scripts/services.sh start

# mypy's Django plugin imports the apps without connecting to a database. PYTHONPATH puts this
# directory first: a dependency of opensearch-py installs a top-level `events` module, which would
# stand in for the events app otherwise.
lint: install node_modules
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates
	PYTHONPATH=. $(BIN)/mypy
	npm run lint

node_modules: package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The stylesheet and fonts in static/, from frontend/ (frontend/build.mjs). Run it after
# changing frontend/css/ and commit what it writes: the site itself needs no Node.
frontend: node_modules
	npm run build

# Lighthouse on a page of each kind in both languages, production settings, on a throwaway demo
# site (scripts/lighthouse.py): prints the table README.md records. About 10 minutes.
lighthouse: install node_modules
	$(BIN)/python scripts/lighthouse.py

# Every kind of page at desktop and phone width, in both languages, into screenshots/, from a
# site running on $(HOST):$(PORT) (`make run` in another terminal).
screenshots: install
	$(BIN)/python scripts/screenshots.py --base-url http://$(HOST):$(PORT) --out screenshots

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

# Needs GNU gettext (apt-get install gettext). Updates the catalogue with new strings; translate
# them in locale/es/LC_MESSAGES/django.po, then run `make messages` again to compile.
messages: install
	$(BIN)/python manage.py makemessages -l es --no-location --ignore="$(VENV)/*" --ignore="staticfiles/*"
	$(BIN)/python manage.py compilemessages -l es --ignore="$(VENV)/*"

# Known vulnerabilities in the locked dependencies. Needs PyPI's JSON API (pypi.org/pypi/...) or
# OSV, which the CI machine cannot reach: run it where they are reachable, e.g. before a release.
audit: install
	$(BIN)/pip-audit --strict -r requirements.lock -r requirements-dev.lock
