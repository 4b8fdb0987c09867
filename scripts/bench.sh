#!/usr/bin/env bash
# `make bench`: PostgreSQL + Redis + gunicorn (2 workers, production settings) + a Celery worker,
# the `groot` synthetic dataset, a second gunicorn with the same settings serving the minimal Django
# app (scripts/bench_minimaal.py, the reference), then one measuring run (scripts/bench.py) that
# writes docs/benchmarks.md. Loopback only; every load run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV_BIN="$PWD/.venv/bin"
source scripts/services.sh
BENCH_LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)  # the machine's load (1/5/15 min) before this run starts anything
export BENCH_LOAD_START

ensure_packages redis-server:redis-server wrk:wrk
start_services
WEBPORT=$(free_port)
MINPORT=$(free_port)
export DJANGO_SETTINGS_MODULE=noordwijk_migratie.settings.production
export SECRET_KEY=$("$VENV_BIN/python" -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false DB_CONN_MAX_AGE=60
export MEDIA_ROOT="$SERVICES_TMP/media" STATIC_ROOT="$SERVICES_TMP/static" LOG_LEVEL=WARNING
export BENCH_SCHAAL="${BENCH_SCHAAL:-groot}"

"$VENV_BIN/python" manage.py migrate --noinput -v0
"$VENV_BIN/python" manage.py collectstatic --noinput -v0
"$VENV_BIN/python" manage.py laad_basisgegevens >/dev/null
export BENCH_BASIS_JSON="$SERVICES_TMP/basis.json"
BENCH_URL=none "$VENV_BIN/python" scripts/bench.py --alleen-basis
if "$VENV_BIN/python" manage.py help genereer_testdata >/dev/null 2>&1; then
  echo "Synthetische gegevens laden (schaal $BENCH_SCHAAL)…"
  /usr/bin/time -f "genereer_testdata: %e s, max RSS %M KB" "$VENV_BIN/python" manage.py genereer_testdata --schaal "$BENCH_SCHAAL" --forceer
fi

"$VENV_BIN/gunicorn" noordwijk_migratie.wsgi:application --bind "127.0.0.1:$WEBPORT" --workers 2 \
  --pid "$SERVICES_TMP/gunicorn.pid" --log-level warning >"$SERVICES_TMP/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
"$VENV_BIN/celery" -A noordwijk_migratie worker --concurrency=1 --loglevel=WARNING \
  >"$SERVICES_TMP/celery.log" 2>&1 &
CELERY_PID=$!
# the minimal Django app: same Python, venv and gunicorn settings, its own settings.configure()
env -u DJANGO_SETTINGS_MODULE "$VENV_BIN/gunicorn" bench_minimaal:application --pythonpath scripts \
  --bind "127.0.0.1:$MINPORT" --workers 2 --log-level warning >"$SERVICES_TMP/gunicorn-minimaal.log" 2>&1 &
MINIMAAL_PID=$!
EXTRA_PIDS="$GUNICORN_PID $CELERY_PID $MINIMAAL_PID"
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$WEBPORT/healthz/live" >/dev/null && break; sleep 0.2; done
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$MINPORT/" >/dev/null && break; sleep 0.2; done

export BENCH_URL="http://127.0.0.1:$WEBPORT" BENCH_MINIMAAL_URL="http://127.0.0.1:$MINPORT" GUNICORN_PID CELERY_PID
"$VENV_BIN/python" scripts/bench.py "$@"
