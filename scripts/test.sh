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
set +e
"$VENV_BIN/python" -m pytest "$@"
rc=$?
set -e
exit $rc
