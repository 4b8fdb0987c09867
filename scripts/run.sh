#!/usr/bin/env bash
# `make run`: migrate, baseline, demo users, then a Celery worker (background, its log in var/celery-worker.log)
# beside the development server on http://127.0.0.1:8000. The worker stops with the server (Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="$PWD/.venv/bin/python"
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-noordwijk_migratie.settings.dev}"
LOGMAP="${VAR_DIR:-var}"; mkdir -p "$LOGMAP"
"$PY" manage.py migrate --noinput
"$PY" manage.py laad_basisgegevens
"$PY" manage.py maak_demogebruikers
"$PY" -m celery -A noordwijk_migratie worker --pool=solo -c 1 --without-heartbeat --without-gossip --without-mingle \
  -l INFO >>"$LOGMAP/celery-worker.log" 2>&1 &
WERKER=$!
trap 'kill "$WERKER" 2>/dev/null || true; wait "$WERKER" 2>/dev/null || true' EXIT INT TERM
echo "Celery-worker gestart (pid $WERKER, log: $LOGMAP/celery-worker.log)"
"$PY" manage.py runserver 127.0.0.1:8000
