# Sourced by scripts/test.sh and scripts/bench.sh: install missing system packages, start a
# throwaway PostgreSQL cluster and redis-server on free loopback ports, stop both on exit.
# After `start_services`: DATABASE_URL, REDIS_URL, PGBIN, PGDATA, PGPORT, REDISPORT are exported.

ensure_packages() {
  local need=("$@")
  local missing=()
  for spec in "${need[@]}"; do
    local cmd=${spec%%:*} pkg=${spec##*:}
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  done
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || missing+=(postgresql)
  fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Systeempakketten installeren: ${missing[*]}"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
      PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
    else
      echo "Ontbrekende systeempakketten. Installeer ze met:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 2
    fi
  fi
  export PGBIN
}

free_port() { "$VENV_BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_services() {
  SERVICES_TMP=$(mktemp -d /tmp/nw-services.XXXXXX)
  chmod 755 "$SERVICES_TMP"
  PGDATA="$SERVICES_TMP/pg"; PGSOCK="$SERVICES_TMP/sock"; mkdir -p "$PGDATA" "$PGSOCK"
  PGPORT=$(free_port); REDISPORT=$(free_port)
  PG_RUN_AS=()
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PGDATA" "$PGSOCK"; PG_RUN_AS=(runuser -u postgres --); fi
  REDIS_PID=""
  trap stop_services EXIT INT TERM
  "${PG_RUN_AS[@]}" "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${PG_RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
    -o "-p $PGPORT -k $PGSOCK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
  "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres noordwijk
  redis-server --port "$REDISPORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no >"$SERVICES_TMP/redis.log" 2>&1 &
  REDIS_PID=$!
  for _ in $(seq 50); do redis-cli -p "$REDISPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/noordwijk"
  export REDIS_URL="redis://127.0.0.1:$REDISPORT/0"
  # for fault tests that restart PostgreSQL or Redis
  export PG_CTL="$PGBIN/pg_ctl" PGDATA_DIR="$PGDATA" PG_RUN_AS="${PG_RUN_AS[*]}" PGPORT REDISPORT
  echo "PostgreSQL op poort $PGPORT, Redis op poort $REDISPORT"
}

stop_services() {
  [ -n "${EXTRA_PIDS:-}" ] && kill $EXTRA_PIDS 2>/dev/null || true
  "${PG_RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$PGDATA" -m immediate stop >/dev/null 2>&1 || true
  [ -n "${REDIS_PID:-}" ] && kill "$REDIS_PID" 2>/dev/null || true
  redis-cli -p "$REDISPORT" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$SERVICES_TMP"
}
