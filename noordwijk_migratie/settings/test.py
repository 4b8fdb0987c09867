"""Tests: real PostgreSQL and Redis, started by `make test` (scripts/test.sh)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL
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
