# The two commands a newcomer needs: `make run` and `make test`.
# Both create the virtualenv and install what they need on first use. Neither runs
# npm: the browser tests install their axe-core themselves (tests/browser/conftest.py).

PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
# Where `make run` serves (`make run PORT=8099`). Exported because the settings build
# the default SITE_URL, the base of emailed links, from them.
export HOST ?= 127.0.0.1
export PORT ?= 8000

.PHONY: run test install lint format migrate demo worker beat screenshots smoke bench check-python clean messages compilemessages

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python 3.12 or newer is needed: set PYTHON=/path/to/python3.12")'

$(BIN)/python: | check-python
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall when the dependency list changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The compiled interface translations (.mo, never committed), rebuilt when their
# catalogue changes; GNU gettext's msgfmt (Debian: gettext) compiles them.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/*.po))

%.mo: %.po
	msgfmt --check-format -o $@ $<

install: $(VENV)/.installed $(MO_FILES)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py loaddemo

run: demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The suite runs on every core (pytest-xdist; `make test PYTEST_WORKERS=0` for one
# process), whole test modules handed out longest first (tests/scheduling.py).
PYTEST_WORKERS ?= auto
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

worker: install
	$(BIN)/celery -A ft3portal worker --loglevel=INFO

beat: install
	$(BIN)/celery -A ft3portal beat --loglevel=INFO

# PNGs of the main public pages at desktop and phone width, from a throwaway
# server with demo content, into screenshots/.
screenshots: install
	$(BIN)/python scripts/screenshots.py

# The production configuration served by gunicorn, every public page and static file
# checked (scripts/smoke_production.py; .ci/run runs it on PostgreSQL).
smoke: install
	$(BIN)/python scripts/smoke_production.py

# The portal's pages against a bare Django page on the same gunicorn, same load,
# loopback only (scripts/bench.py; figures in the README). BENCH_ARGS="--seconds 10".
bench: install
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache

# Interface translations. `make messages` refreshes every catalogue from the code
# (file-only locations keep diffs small); translators then fill in locale/<lang>/.
MESSAGE_LANGS := es fr de pt pl it
messages: install
	$(BIN)/python manage.py makemessages $(addprefix -l ,$(MESSAGE_LANGS)) --no-obsolete \
		--add-location file --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*' \
		--ignore 'benchmarks/*' --ignore 'scripts/*' --ignore 'screenshots/*' --ignore 'staticfiles/*'

compilemessages: $(VENV)/.installed
	$(BIN)/python manage.py compilemessages --ignore '.venv/*' --ignore 'node_modules/*'
