"""Every settings module imports; production refuses to start without its essentials and passes
`manage.py check --deploy`."""

import importlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTIE_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(64),
    "DATABASE_URL": "postgres://app@127.0.0.1:5432/noordwijk",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ALLOWED_HOSTS": "migratie.noordwijk.nl",
}


def _run(module, env_extra, *args):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTIE_ENV and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"DJANGO_SETTINGS_MODULE": module, **env_extra})
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("module", ["base", "dev", "test"])
def test_settings_module_importeert(module):
    importlib.import_module(f"noordwijk_migratie.settings.{module}")


def test_productie_importeert_met_volledige_omgeving(monkeypatch):
    for key, value in PRODUCTIE_ENV.items():
        monkeypatch.setenv(key, value)
    module = importlib.reload(importlib.import_module("noordwijk_migratie.settings.production"))
    assert module.DEBUG is False
    assert module.SESSION_COOKIE_SECURE and module.CSRF_COOKIE_SECURE
    assert "'unsafe-inline'" not in str(module.SECURE_CSP)


@pytest.mark.parametrize("ontbrekend", sorted(PRODUCTIE_ENV))
def test_productie_weigert_te_starten_zonder(ontbrekend):
    env = {k: v for k, v in PRODUCTIE_ENV.items() if k != ontbrekend}
    result = _run("noordwijk_migratie.settings.production", env, "check")
    assert result.returncode != 0
    assert ontbrekend in result.stderr


def test_check_deploy_is_schoon_in_productie():
    result = _run(
        "noordwijk_migratie.settings.production", PRODUCTIE_ENV, "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_productie_maakt_nooit_demogebruikers():
    result = _run("noordwijk_migratie.settings.production", PRODUCTIE_ENV, "maak_demogebruikers")
    assert result.returncode != 0
    assert "alleen in de ontwikkelomgeving" in result.stderr
