# The two commands: `make run` (serve the app on http://127.0.0.1:8000) and `make test`.
SHELL := /bin/bash
PYTHON ?= $(shell command -v pyenv >/dev/null 2>&1 && pyenv which python3 2>/dev/null || command -v python3.12 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)

.PHONY: run test test-snel soak lint install bench clean audit

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else "Python >= 3.12 nodig (zie .python-version)")'
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

run: install
	bash scripts/run.sh

test: install
	bash scripts/test.sh $(ARGS)

# The daily loop: the same services and ruff, without the slow tests that drive real processes
# (Chromium, a Celery worker, gunicorn) or put load and faults on them. `make test` runs everything.
SNEL := not (browser or worker or server or last or storing)
test-snel: install
	TEST_WERKERS=$${TEST_WERKERS:-3} bash scripts/test.sh -m "$(SNEL)" $(ARGS)

# Long fault/load run: 16 users x 60 s against gunicorn, outages, 60 fuzz examples per form/import.
soak: install
	bash scripts/soak.sh $(ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf var/ staticfiles/ .pytest_cache .ruff_cache

bench: install
	bash scripts/bench.sh

# Known vulnerabilities in the pinned dependencies (pip-audit in its own virtualenv, against the
# PyPI/OSV advisory database; needs that database to be reachable, so it is not part of `make test`).
AUDIT_VENV := .venv-audit
audit: | $(PY)
	@test -x $(AUDIT_VENV)/bin/pip-audit || ($(PYTHON) -m venv $(AUDIT_VENV) && $(AUDIT_VENV)/bin/pip install --quiet pip-audit)
	$(AUDIT_VENV)/bin/pip-audit --requirement requirements.lock --no-deps --disable-pip --progress-spinner off --strict
