"""Development: SQLite under var/, eager Celery, local-memory cache, demo users allowed."""

from .base import *  # noqa: F403
from .base import EMAIL_URL, VAR_DIR

DEBUG = True
DEMO_GEBRUIKERS_TOEGESTAAN = True
VAR_DIR.mkdir(parents=True, exist_ok=True)

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run`: e-mails (reminders) are printed to the console unless EMAIL_URL names a server.
if not EMAIL_URL:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
