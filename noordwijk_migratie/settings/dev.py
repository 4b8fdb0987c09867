"""Development: SQLite under var/, eager Celery, local-memory cache, demo users allowed."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = True
DEMO_GEBRUIKERS_TOEGESTAAN = True
VAR_DIR.mkdir(parents=True, exist_ok=True)

WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
