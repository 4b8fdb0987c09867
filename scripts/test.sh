#!/usr/bin/env bash
# `make test`: system packages if missing, a throwaway PostgreSQL cluster and redis-server on free
# loopback ports, ruff, then the whole pytest suite. Both servers stop whatever the outcome;
# the exit code is pytest's (or ruff's when lint fails first).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV_BIN="$PWD/.venv/bin"
source scripts/services.sh

ensure_packages redis-server:redis-server chromium:chromium pdftotext:poppler-utils docker-compose:docker-compose
start_services
export DJANGO_SETTINGS_MODULE=noordwijk_migratie.settings.test

"$VENV_BIN/ruff" check .
"$VENV_BIN/ruff" format --check . || { echo "ruff format: run .venv/bin/ruff format . (see above)"; exit 1; }
# Without arguments the whole suite runs in TEST_WERKERS pytest-xdist workers (default 3 on 2 cores: many
# tests wait on Chromium, gunicorn or a worker; each has its own test database, Redis database and media
# folder; the fault tests restart a PostgreSQL or Redis of their own; an idle worker takes tests from a
# busy one, `--dist worksteal`). With arguments (`make test ARGS="taakstelling/tests -x"`) pytest runs
# in one process, unless TEST_WERKERS is set (`make test-snel` sets it).
werkers=${TEST_WERKERS:-$([ $# -eq 0 ] && echo 3 || echo 0)}
parallel=()
[ "$werkers" != 0 ] && parallel=(-n "$werkers" --dist worksteal)
set +e
"$VENV_BIN/python" -m pytest "${parallel[@]}" "$@"
rc=$?
set -e
exit $rc
