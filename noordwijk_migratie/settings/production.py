"""Production: everything from the environment; refuses to start without the essentials."""

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES
from .env import env, env_bool, env_int, env_list, env_required

# base.py already builds the database, cache and Celery settings from these; production only insists
SECRET_KEY = env_required("SECRET_KEY")
env_required("DATABASE_URL")
env_required("REDIS_URL")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in e-mails (the reminders) start with the address users open: BASIS_URL, else the first trusted
# origin, else the first allowed host over HTTPS (a pattern such as "*" or ".noordwijk.nl" names no address).
BASIS_URL = (
    env("BASIS_URL")
    or next(iter(CSRF_TRUSTED_ORIGINS), None)
    or (f"https://{ALLOWED_HOSTS[0]}" if "*" not in ALLOWED_HOSTS[0] and not ALLOWED_HOSTS[0].startswith(".") else None)
    or env_required("BASIS_URL")
)

DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz"]

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
