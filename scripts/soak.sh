#!/usr/bin/env bash
# `make soak`: the long fault/load run. The same tests as in `make test`, longer and harder:
# 16 users for 60 s against gunicorn, PostgreSQL restarted and Redis stopped under load, the
# concurrent-save race, the real-worker tests, 60 hypothesis examples per form/import and ten random
# requests per query parameter of every page.
set -euo pipefail
cd "$(dirname "$0")/.."
export LAST_SECONDEN="${LAST_SECONDEN:-60}"
export FUZZ_VOORBEELDEN="${FUZZ_VOORBEELDEN:-60}"
exec bash scripts/test.sh tests/test_last.py tests/test_storingen.py tests/test_fuzz.py tests/test_fuzz_get.py \
  rapportage/tests/test_worker.py --timeout=1800 -q "$@"
