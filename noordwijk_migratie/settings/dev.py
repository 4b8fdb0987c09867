"""Development: SQLite under var/, eager Celery, local-memory cache, demo users allowed."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool, env_mailer

DEBUG = True
DEMO_GEBRUIKERS_TOEGESTAAN = True
# The demo users log in with a password; a second factor is offered, not demanded.
LOKAAL_INLOGGEN_ACTIEF = env_bool("LOKAAL_INLOGGEN_ACTIEF", True)
TWEEDE_FACTOR_VERPLICHT = False
VAR_DIR.mkdir(parents=True, exist_ok=True)

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run`: e-mails (reminders) are printed to the console unless EMAIL_URL or EMAIL_HOST names a server.
MAILERS = {"default": env_mailer("django.core.mail.backends.console.EmailBackend")}
