"""Settings shared by every environment. Environment variables are documented in README.md."""

import ipaddress
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import env, env_bool, env_dagen_per_code, env_int, env_list, env_mailer

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env("SECRET_KEY", "onveilig-alleen-voor-ontwikkeling")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the built-in widget templates, for FORM_RENDERER below
    "django_tables2",
    "django_filters",
    "django_htmx",
    "auditlog",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mozilla_django_oidc",
    "rest_framework",
    "drf_spectacular",
    "noordwijk_migratie.apps.KernConfig",
    "taakstelling",
    "opvang",
    "internationale_werknemers",
    "programma",
    "themasessies",
    "rapportage",
    "herinneringen",
    "api",
]

MIDDLEWARE = [
    "noordwijk_migratie.middleware.LivenessMiddleware",  # /healthz/live answered before the rest runs
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "noordwijk_migratie.middleware.PriveNietBewarenMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "noordwijk_migratie.middleware.SessieVerlengenMiddleware",
    "noordwijk_migratie.tweestaps.TweedeFactorMiddleware",
    "noordwijk_migratie.registry.ModuleSchakelaarMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "noordwijk_migratie.middleware.AuditActeurMiddleware",
    "noordwijk_migratie.inloggen.InlogbeperkingMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "noordwijk_migratie.urls"
WSGI_APPLICATION = "noordwijk_migratie.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "noordwijk_migratie.context_processors.navigatie",
            ],
        },
    },
]

# Widget templates come from TEMPLATES, so templates/django/forms/ can override one (the select).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local accounts (username + password; noordwijk_migratie/tweestaps.py) only where switched on, and the
# gemeente's identity provider (OpenID Connect, noordwijk_migratie/oidc.py) where configured.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "noordwijk_migratie.tweestaps.LokaleBackend",
    "noordwijk_migratie.oidc.InlogdienstBackend",
]
LOKAAL_INLOGGEN_ACTIEF = env_bool("LOKAAL_INLOGGEN_ACTIEF", False)
# A second factor (TOTP, recovery codes) after the password, for every local account that can change
# anything (noordwijk_migratie.roles.tweede_factor_vereist). Only development and the tests relax it.
TWEEDE_FACTOR_VERPLICHT = True
OTP_TOTP_ISSUER = f"{env('GEMEENTE_NAAM', 'Gemeente Noordwijk')} asiel en migratie"
OTP_TOTP_THROTTLE_FACTOR = 1  # 1, 2, 4, 8 … seconds after successive wrong codes
OTP_STATIC_THROTTLE_FACTOR = 1

# OpenID Connect (mozilla-django-oidc): authorization code flow with PKCE. Configured by the environment;
# the endpoints come from the provider's discovery document. Which directory group gives which role is
# kept by the functioneel beheerder (Rolkoppeling).
OIDC_ISSUER = (env("OIDC_ISSUER", "") or "").rstrip("/")
OIDC_RP_CLIENT_ID = env("OIDC_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = env("OIDC_CLIENT_SECRET", "")
OIDC_RP_SCOPES = env("OIDC_SCOPES", "openid email profile")
OIDC_RP_SIGN_ALGO = env("OIDC_SIGN_ALGO", "RS256")
OIDC_ROLLEN_CLAIM = env("OIDC_ROLLEN_CLAIM", "groups")
OIDC_USE_PKCE = True
OIDC_PKCE_CODE_CHALLENGE_METHOD = "S256"
OIDC_USE_NONCE = True
OIDC_STORE_ID_TOKEN = True  # for the provider's logout (id_token_hint)
OIDC_TIMEOUT = env_int("OIDC_TIMEOUT_SECONDEN", 10)
OIDC_OP_LOGOUT_URL_METHOD = "noordwijk_migratie.oidc.uitlog_url"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login protection (noordwijk_migratie/inloggen.py). The client address is REMOTE_ADDR unless that is
# one of these proxies (IP addresses or networks); then X-Forwarded-For as those proxies wrote it.
VERTROUWDE_PROXIES = tuple(str(ipaddress.ip_network(p, strict=False)) for p in env_list("VERTROUWDE_PROXIES"))
# django-axes: lock out (username, client address) after repeated failed logins, for a short cool-off
# that doubles with every further lockout of that pair within 24 hours.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
INLOG_AFKOELTIJD = timedelta(minutes=env_int("INLOG_AFKOELTIJD_MINUTEN", 1))
INLOG_AFKOELTIJD_MAX = timedelta(minutes=env_int("INLOG_AFKOELTIJD_MAX_MINUTEN", 15))
AXES_COOLOFF_TIME = "noordwijk_migratie.inloggen.afkoeltijd"
AXES_USE_ATTEMPT_EXPIRATION = True  # each lockout ends after its own cool-off
AXES_HANDLER = "noordwijk_migratie.inloggen.VerloopHandler"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "noordwijk_migratie.inloggen.client_ip"
AXES_LOCKOUT_CALLABLE = "noordwijk_migratie.inloggen.geblokkeerd"
AXES_RESET_ON_SUCCESS = True
# Per client address, whatever the username, refused before any password check (HTTP 429).
INLOG_MAX_PER_MINUUT = env_int("INLOG_MAX_PER_MINUUT", 10)
INLOG_MAX_FOUTEN_PER_UUR = env_int("INLOG_MAX_FOUTEN_PER_UUR", 20)

# Internationalisation: the UI is Dutch; source strings are Dutch and go through gettext. With one
# language there is nothing to negotiate, so no LocaleMiddleware: Django uses LANGUAGE_CODE for every
# request (whatever the browser's Accept-Language) and responses need no "Vary: Accept-Language".
# A second language would bring LocaleMiddleware back, after SessionMiddleware.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True  # years are shown without one (noordwijk_migratie.historie.is_jaar)
FORMAT_MODULE_PATH = ["noordwijk_migratie.formats"]  # dd-mm-jjjj, decimal comma (see getallen.py)

# django-filter: the empty choice of a filter means "no filter" (forms: KernConfig.ready()).
FILTERS_EMPTY_CHOICE_LABEL = _("Alle")

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = []
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Content Security Policy (Django's built-in middleware): no inline scripts or styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    # logging out redirects the form's POST to the provider's logout (RP-initiated logout)
    "form-action": [CSP.SELF, *([urlsplit(OIDC_ISSUER)._replace(path="").geturl()] if OIDC_ISSUER else [])],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Sessions are read from the cache (Redis), written through to the database: a page no longer reads the
# session row. Logging out (flush) and the idle end (the cache entry expires with the session) hold as
# with the database backend; when Redis is unreachable the database answers.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# A session ends after this much inactivity: requests to pages move the expiry on
# (noordwijk_migratie.middleware.SessieVerlengenMiddleware).
SESSION_COOKIE_AGE = env_int("SESSIE_INACTIEF_MINUTEN", 30) * 60
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie

REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    # django-redis keeps one client per process (Django's own backend builds one per command) and, with
    # IGNORE_EXCEPTIONS, answers a miss when Redis is unreachable, so pages keep rendering (logged).
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "TIMEOUT": 300,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "noordwijk_migratie.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: configured from these settings (namespace CELERY_).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 300)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 360)
# The report task (rapportage.genereer_rapport) has its own, longer limits.
RAPPORTAGE_SOFT_TIME_LIMIT = env_int("RAPPORTAGE_SOFT_TIME_LIMIT", 600)
RAPPORTAGE_TIME_LIMIT = env_int("RAPPORTAGE_TIME_LIMIT", 660)
# Margin above a hard time limit: clock differences between hosts, the kill itself.
TAAK_MARGE_SECONDEN = 60
# acks_late: Redis gives the message of a worker that died (SIGKILL, out of memory) to a worker again
# after the visibility timeout. Longer than the longest hard time limit (or a task that is still
# running is delivered twice), and no longer than that (Celery's default is an hour).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": max(CELERY_TASK_TIME_LIMIT, RAPPORTAGE_TIME_LIMIT) + TAAK_MARGE_SECONDEN
}
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 24 * 60 * 60
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {
    "opschonen-sessies": {
        "task": "kern.opschonen_sessies",
        "schedule": crontab(hour=3, minute=15),
    },
    "rapportage-plannen": {
        "task": "rapportage.plan_rapporten",
        "schedule": crontab(hour=6, minute=30),
    },
    # A report "bezig" for longer than its hard time limit lost its worker: mislukt, requeued once.
    "rapportage-vastgelopen": {
        "task": "rapportage.herstel_vastgelopen",
        "schedule": crontab(minute="*/5"),
        "options": {"expires": 5 * 60},  # no pile-up of these checks while no worker runs
    },
    # Reminders (herinneringen): brought up to date and the due ones e-mailed every working hour; the
    # weekly digest on Monday morning. Both idempotent (a reminder is sent once per kind, object, moment).
    "herinneringen-versturen": {
        "task": "herinneringen.versturen",
        "schedule": crontab(minute=5, hour="7-18", day_of_week="mon-fri"),
        "options": {"expires": 55 * 60},
    },
    "herinneringen-weekoverzicht": {
        "task": "herinneringen.weekoverzicht",
        "schedule": crontab(minute=30, hour=7, day_of_week="mon"),
        "options": {"expires": 12 * 60 * 60},
    },
}

# Audit trail (django-auditlog): every model of the project's apps is logged.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions",
    "contenttypes",
    "admin",
    "auditlog",
    "axes",
    "django_celery_results",
)
AUDITLOG_DISABLE_REMOTE_ADDR = True  # IP addresses of staff are not needed for the trail
# Never in the trail: the values of secrets (every field whose name looks like one, on every model,
# is masked by noordwijk_migratie.audit.scherm_geheimen_af) and of the COA reference (personal data
# kept no longer than the placement, never exported); the trail records only that they changed.
# last_login changes on every login: noise, left out.
AUDITLOG_MASK_TRACKING_FIELDS = ("coa_referentie",)
AUDITLOG_MASK_CALLABLE = "noordwijk_migratie.audit.afschermen"
# Likewise the bookkeeping of every second-factor check (django-otp): the device's last time step, last use
# and throttling; enrolling, confirming and removing a device are in the trail, the key masked.
AUDITLOG_EXCLUDE_TRACKING_FIELDS = (
    "last_login",
    "last_t",
    "drift",
    "last_used_at",
    "throttling_failure_timestamp",
    "throttling_failure_count",
)
# Raw saves are deserialisation (loaddata, a test's serialized rollback): restoring stored rows is
# not a change by a user, and logging it would look up content types while they are being restored.
AUDITLOG_DISABLE_ON_RAW_SAVE = True


# The read-only API (app api): per-consumer tokens with scopes, session login for the browsable API and
# the schema, pages of at most 1000 rows, JSON and CSV, a rate limit per token in the cache (Redis).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.HeeftScope"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "api.renderers.CsvRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Paginering",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": f"{env_int('API_MAX_PER_MINUUT', 120)}/minute"},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Opgave asiel en migratie",
    "DESCRIPTION": "Alleen-lezen: cijfers en referentiegegevens per gebied, nooit persoonsgegevens van nieuwkomers.",
    "VERSION": "1",
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # one name for the action statuses (an action and each of its status changes use the same choices)
    "ENUM_NAME_OVERRIDES": {"ActieStatusEnum": "programma.models.ActieStatus"},
}

GEMEENTE_NAAM = env("GEMEENTE_NAAM", "Gemeente Noordwijk")

# E-mail (the reminders): one mailer (Django's MAILERS) from EMAIL_URL (submission://gebruiker:wachtwoord@host
# for STARTTLS on 587, smtp://…:465?ssl=1, console://) or from the usual variables EMAIL_HOST, EMAIL_PORT,
# EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS, EMAIL_USE_SSL, EMAIL_TIMEOUT (see settings/env.py).
# Links in e-mails start with BASIS_URL (the address users open).
MAILERS = {"default": env_mailer()}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "noreply@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
BASIS_URL = env("BASIS_URL", "http://127.0.0.1:8000")
# Reminders: lead times per kind, overriding each kind's default ("opvang.beleidsdatum=90,30,7;…"), and the
# first wait after an SMTP outage (doubling per retry, at most an hour).
HERINNERINGEN_DAGEN_VOORAF = env_dagen_per_code("HERINNERINGEN_DAGEN_VOORAF")
HERINNERINGEN_SMTP_WACHTTIJD = env_int("HERINNERINGEN_SMTP_WACHTTIJD", 60)
DEMO_GEBRUIKERS_TOEGESTAAN = False

# The statushouders module can be switched off (Kamerstuk 36831 may drop the taakstelling).
MODULE_TAAKSTELLING_ACTIEF = env_bool("MODULE_TAAKSTELLING_ACTIEF", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {"weasyprint": {"level": "ERROR"}, "fontTools": {"level": "ERROR"}},
}

# Statushouders (taakstelling): warn when this many consecutive closed periods ended behind.
TAAKSTELLING_ACHTERSTAND_DREMPEL = env_int("TAAKSTELLING_ACHTERSTAND_DREMPEL", 4)
# Our own gemeente in the regional comparison (CBS code of Noordwijk).
TAAKSTELLING_GEMEENTE_CBS_CODE = env("TAAKSTELLING_GEMEENTE_CBS_CODE", "GM0575")
# A COA stand (or official realisation) older than this many days is verouderd and yields no status.
TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN = env_int("TAAKSTELLING_COA_STAND_VEROUDERD_DAGEN", 45)

# Reports (rapportage): the automatic halfjaarrapportage comes this many days after each peildatum
# (1 January, 1 July; COA figures lag), as concept; the evaluatierapport on this date (ISO).
RAPPORTAGE_HALFJAAR_DAGEN_NA_PEILDATUM = env_int("RAPPORTAGE_HALFJAAR_DAGEN_NA_PEILDATUM", 14)
RAPPORTAGE_EVALUATIE_DATUM = env("RAPPORTAGE_EVALUATIE_DATUM", "2027-06-01")

# Opvang (app opvang): status rule and dashboard signals.
OPVANG_RISICO_MARGE_PROCENT = env_int("OPVANG_RISICO_MARGE_PROCENT", 10)  # tekort t/m dit % van de opgave = risico
OPVANG_SIGNAAL_BEZETTING_PROCENT = env_int("OPVANG_SIGNAAL_BEZETTING_PROCENT", 95)  # bezetting >= % van beschikbaar
OPVANG_SIGNAAL_DAGEN = env_int("OPVANG_SIGNAAL_DAGEN", 90)  # beleidsdatum binnen zoveel dagen = signaal
# Reminders and marks: a count older than this many days is verouderd (the latest occupancy, capacity stand).
OPVANG_BEZETTING_VEROUDERD_DAGEN = env_int("OPVANG_BEZETTING_VEROUDERD_DAGEN", 45)
OPVANG_CAPACITEIT_VEROUDERD_DAGEN = env_int("OPVANG_CAPACITEIT_VEROUDERD_DAGEN", 180)
