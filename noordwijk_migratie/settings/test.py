"""Tests: real PostgreSQL and Redis, started by `make test` (scripts/test.sh)."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, REDIS_URL, VAR_DIR
from .env import env_bool

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql" or not REDIS_URL:
    raise ImproperlyConfigured(
        "De tests draaien tegen echte PostgreSQL en Redis: start ze met `make test` "
        "(of zet DATABASE_URL=postgres://… en REDIS_URL=redis://…)."
    )

DEBUG = False
SECRET_KEY = "test-sleutel-niet-geheim"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The suite logs in with passwords (and force_login); the tests of the second factor switch it on.
LOKAAL_INLOGGEN_ACTIEF = True
TWEEDE_FACTOR_VERPLICHT = False
# In-process by default; the worker tests start a real worker with CELERY_EAGER=0.
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_EAGER", True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make test` runs the suite in pytest-xdist workers (gw0, gw1, …). pytest-django gives each its own test
# database; here each gets its own Redis database (cache, Celery queue and results) and media folder, so
# one worker's cached pages, queued tasks and report files are never another's. A Celery worker or
# gunicorn started by a test inherits PYTEST_XDIST_WORKER or is handed these settings.
_XDIST_WERKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _XDIST_WERKER.startswith("gw"):
    REDIS_URL = f"{REDIS_URL.rsplit('/', 1)[0]}/{int(_XDIST_WERKER[2:]) + 1}"
    CACHES["default"]["LOCATION"] = REDIS_URL
    CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL
    if "MEDIA_ROOT" not in os.environ:  # a Celery worker started by a test is handed its test's folder
        MEDIA_ROOT = VAR_DIR / "test-media" / _XDIST_WERKER
