"""Small helpers to read settings from the environment (after Healthchecks' settings)."""

import os

import dj_email_url
from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str | None = None) -> str | None:
    """Return ``NAME`` or the contents of the file named by ``NAME_FILE`` (Docker secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        with open(file_name, encoding="utf-8") as fh:
            return fh.read().strip()
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    value = env(name)
    if not value:
        raise ImproperlyConfigured(f"De omgevingsvariabele {name} is verplicht in deze omgeving.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_int(name: str, default: int) -> int:
    value = env(name)
    return default if value in (None, "") else int(value)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def env_dagen_per_code(name: str) -> dict[str, tuple[int, ...]]:
    """``code=90,30,7;code=7,0`` → {"code": (90, 30, 7), …} (days per reminder kind)."""
    uit = {}
    for deel in (env(name, "") or "").split(";"):
        if not deel.strip():
            continue
        code, _is, dagen = deel.partition("=")
        try:
            waarden = tuple(int(d) for d in dagen.split(",") if d.strip())
        except ValueError:
            waarden = ()
        if not code.strip() or not waarden or any(d < 0 for d in waarden):
            raise ImproperlyConfigured(
                f"{name}: '{deel.strip()}' is geen 'code=dagen,dagen' met dagen 0 of meer (bijv. opvang.beleidsdatum=90,30,7)."
            )
        uit[code.strip()] = waarden
    return uit


SMTP = "django.core.mail.backends.smtp.EmailBackend"


def env_mailer(standaard_backend: str = SMTP) -> dict:
    """The default mailer (an entry of Django's ``MAILERS``) from ``EMAIL_URL`` (parsed by dj-email-url) or,
    without it, from ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``,
    ``EMAIL_USE_TLS``, ``EMAIL_USE_SSL`` and ``EMAIL_TIMEOUT``; ``standaard_backend`` when neither names a
    server. The timeout defaults to 30 s: an unreachable server is an outage (retried), never a hang."""
    url = env("EMAIL_URL")
    if url:
        d = dj_email_url.parse(url)
        backend, opties = d["EMAIL_BACKEND"], {}
        if backend == SMTP:
            opties = {
                "host": d["EMAIL_HOST"],
                "port": d["EMAIL_PORT"],
                "username": d["EMAIL_HOST_USER"] or "",
                "password": d["EMAIL_HOST_PASSWORD"] or "",
                "use_tls": d["EMAIL_USE_TLS"],
                "use_ssl": d["EMAIL_USE_SSL"],
                "timeout": d["EMAIL_TIMEOUT"] or env_int("EMAIL_TIMEOUT", 30),
            }
        elif d.get("EMAIL_FILE_PATH"):
            opties = {"file_path": d["EMAIL_FILE_PATH"]}
        return {"BACKEND": backend, "OPTIONS": opties}
    backend = SMTP if env("EMAIL_HOST") else standaard_backend
    if backend != SMTP:
        return {"BACKEND": backend}
    return {
        "BACKEND": SMTP,
        "OPTIONS": {
            "host": env("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "use_ssl": env_bool("EMAIL_USE_SSL", False),
            "timeout": env_int("EMAIL_TIMEOUT", 30),
        },
    }
