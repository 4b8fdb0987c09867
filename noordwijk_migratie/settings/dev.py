"""Development: SQLite under var/, Celery on a filesystem queue (no Redis needed), local-memory cache, demo users allowed."""

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, STORAGES, VAR_DIR
from .env import env_bool, env_mailer

DEBUG = True
DEMO_GEBRUIKERS_TOEGESTAAN = True
# The demo users log in with a password; a second factor is offered, not demanded.
LOKAAL_INLOGGEN_ACTIEF = env_bool("LOKAAL_INLOGGEN_ACTIEF", True)
TWEEDE_FACTOR_VERPLICHT = False
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Static files straight from the apps (no collectstatic), every URL with the file's version: the browser keeps
# them (a day) instead of asking again on every page, and fetches an edited file at once (noordwijk_migratie.statisch).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "noordwijk_migratie.statisch.VersieInUrlStorage"}}
WHITENOISE_MAX_AGE = 24 * 3600

# `make run`: e-mails (reminders) are printed to the console unless EMAIL_URL or EMAIL_HOST names a server.
MAILERS = {"default": env_mailer("django.core.mail.backends.console.EmailBackend")}

# `make run` without Redis: Celery's filesystem transport (part of kombu) keeps the queue in var/celery/ and the
# worker that `make run` starts beside runserver (scripts/run.sh) runs the tasks, so requesting, regenerating
# or finalising a report returns at once and its page shows the progress. CELERY_EAGER=1: in the request, as before.
if not REDIS_URL:
    _WACHTRIJ = VAR_DIR / "celery"
    for _map in ("wachtrij", "verwerkt", "besturing"):
        (_WACHTRIJ / _map).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_WACHTRIJ / "wachtrij"),
        "data_folder_out": str(_WACHTRIJ / "wachtrij"),
        "processed_folder": str(_WACHTRIJ / "verwerkt"),
        "control_folder": str(_WACHTRIJ / "besturing"),
        "store_processed": False,
        "polling_interval": 0.2,
    }
    CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_EAGER", False)
# Web server and worker share the SQLite file: WAL lets the pages read while the worker writes progress.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
