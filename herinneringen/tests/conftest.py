import logging

import pytest

from .smtp import SmtpServer

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd's per-connection chatter


@pytest.fixture
def smtp():
    """A real SMTP server on a free loopback port (started; ``smtp.stop()`` takes it down)."""
    server = SmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def via_smtp(settings, smtp):
    """This process sends its e-mail over SMTP to the test server (pytest-django's default is in memory)."""
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp.poort, "timeout": 10},
        }
    }
    settings.BASIS_URL = "https://migratie.example.org"
    return smtp.postbus


@pytest.fixture
def adviseur(maak_gebruiker):
    user = maak_gebruiker("beleidsadviseur", username="adviseur")
    user.email, user.first_name = "adviseur@example.org", "Anna"
    user.save()
    return user


@pytest.fixture
def manager(maak_gebruiker):
    user = maak_gebruiker("opgavemanager", username="manager")
    user.email = "manager@example.org"
    user.save()
    return user


@pytest.fixture
def zonder_statushouders(settings, monkeypatch):
    """The statushouders module off (here and in worker subprocesses): in an empty database it reminds of
    the missing period of the current half year, which tests about the machinery do not count."""
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    monkeypatch.setenv("MODULE_TAAKSTELLING_ACTIEF", "0")
