"""The mailer from the environment: EMAIL_URL or the usual EMAIL_* variables; the console for `make run`."""

import importlib

import pytest

from noordwijk_migratie.settings.env import SMTP, env_mailer


@pytest.fixture(autouse=True)
def _schone_omgeving(monkeypatch):
    for naam in ("EMAIL_URL", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS"):
        monkeypatch.delenv(naam, raising=False)
        monkeypatch.delenv(f"{naam}_FILE", raising=False)


def test_email_url(monkeypatch, tmp_path):
    monkeypatch.setenv("EMAIL_URL", "submission://noreply%40noordwijk.nl:ge%2Fheim@smtp.noordwijk.nl")
    assert env_mailer() == {
        "BACKEND": SMTP,
        "OPTIONS": {
            "host": "smtp.noordwijk.nl",
            "port": 587,
            "username": "noreply@noordwijk.nl",
            "password": "ge/heim",
            "use_tls": True,
            "use_ssl": False,
            "timeout": 30,
        },
    }
    geheim = tmp_path / "email_url"
    geheim.write_text("smtp://u:p@mail.example.org:465?ssl=1&timeout=5\n")
    monkeypatch.delenv("EMAIL_URL")
    monkeypatch.setenv("EMAIL_URL_FILE", str(geheim))  # a Docker secret
    opties = env_mailer()["OPTIONS"]
    assert (opties["host"], opties["port"], opties["timeout"], opties["password"]) == ("mail.example.org", 465, 5, "p")
    assert opties["use_ssl"] is True and opties["use_tls"] is False
    monkeypatch.setenv("EMAIL_URL_FILE", str(tmp_path / "leeg"))
    (tmp_path / "leeg").write_text("console://")
    assert env_mailer() == {"BACKEND": "django.core.mail.backends.console.EmailBackend", "OPTIONS": {}}


def test_losse_variabelen_en_de_console_voor_make_run(monkeypatch):
    console = "django.core.mail.backends.console.EmailBackend"
    assert env_mailer(console) == {"BACKEND": console}
    assert env_mailer()["OPTIONS"]["host"] == "localhost"
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("EMAIL_PORT", "2525")
    monkeypatch.setenv("EMAIL_USE_TLS", "ja")
    mailer = env_mailer(console)  # a named server wins over the console, also in development
    assert mailer["BACKEND"] == SMTP and mailer["OPTIONS"]["port"] == 2525 and mailer["OPTIONS"]["use_tls"] is True
    dev = importlib.reload(importlib.import_module("noordwijk_migratie.settings.dev"))
    assert dev.MAILERS["default"]["OPTIONS"]["host"] == "smtp.example.org"


def test_links_in_e_mails_in_productie_naar_het_adres_van_de_gebruikers(monkeypatch):
    """Production's e-mail links never point at the development address: BASIS_URL, else the trusted origin,
    else the allowed host; a host pattern alone names no address, and production then refuses to start."""
    from django.core.exceptions import ImproperlyConfigured

    for naam, waarde in {"SECRET_KEY": "x" * 60, "DATABASE_URL": "postgres://a@h/d", "REDIS_URL": "redis://h"}.items():
        monkeypatch.setenv(naam, waarde)
    monkeypatch.delenv("BASIS_URL", raising=False)
    monkeypatch.setenv("ALLOWED_HOSTS", "migratie.noordwijk.nl,localhost")
    monkeypatch.delenv("CSRF_TRUSTED_ORIGINS", raising=False)

    def productie():
        return importlib.reload(importlib.import_module("noordwijk_migratie.settings.production"))

    assert productie().BASIS_URL == "https://migratie.noordwijk.nl"
    monkeypatch.setenv("CSRF_TRUSTED_ORIGINS", "https://migratie.noordwijk.nl:8443")
    assert productie().BASIS_URL == "https://migratie.noordwijk.nl:8443"
    monkeypatch.setenv("BASIS_URL", "https://werk.noordwijk.nl")
    assert productie().BASIS_URL == "https://werk.noordwijk.nl"
    monkeypatch.delenv("BASIS_URL")
    monkeypatch.delenv("CSRF_TRUSTED_ORIGINS")
    monkeypatch.setenv("ALLOWED_HOSTS", ".noordwijk.nl")
    with pytest.raises(ImproperlyConfigured, match="BASIS_URL"):
        productie()
