#!/usr/bin/env bash
# `make test`: system packages if missing, a throwaway PostgreSQL cluster and redis-server on free
# loopback ports, ruff, then the whole pytest suite. Both servers stop whatever the outcome;
# the exit code is pytest's (or ruff's when lint fails first).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV_BIN="$PWD/.venv/bin"

need_pkgs=()
command -v redis-server >/dev/null || need_pkgs+=(redis-server)
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v pdftotext >/dev/null || need_pkgs+=(poppler-utils)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || need_pkgs+=(postgresql)
fc-list 2>/dev/null | grep -qi dejavu || need_pkgs+=(fonts-dejavu-core)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Systeempakketten installeren: ${need_pkgs[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  else
    echo "Ontbrekende systeempakketten. Installeer ze met:" >&2
    echo "  sudo apt-get install -y ${need_pkgs[*]}" >&2
    exit 2
  fi
fi

free_port() { "$VENV_BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
TMP=$(mktemp -d /tmp/nw-test.XXXXXX)
chmod 755 "$TMP"
PGDATA="$TMP/pg"; PGSOCK="$TMP/sock"; mkdir -p "$PGDATA" "$PGSOCK"
PGPORT=$(free_port); REDISPORT=$(free_port)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PGDATA" "$PGSOCK"; RUN_AS=(runuser -u postgres --); fi
REDIS_PID=""

cleanup() {
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

"${RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
  -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$TMP/redis.log" 2>&1 &
REDIS_PID=$!
for _ in $(seq 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/noordwijk"
export REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
export DJANGO_SETTINGS_MODULE=noordwijk_migratie.settings.test
export PG_CTL="$PGBIN/pg_ctl" PGDATA_DIR="$PGDATA" PG_RUN_AS="${RUN_AS[*]}"
echo "PostgreSQL op poort $PGPORT, Redis op poort $REDISPORT"

"$VENV_BIN/ruff" check .
set +e
"$VENV_BIN/python" -m pytest "$@"
rc=$?
set -e
exit $rc
