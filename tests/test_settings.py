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
# Login through the gemeente's identity provider; local login off (production's default).
OIDC_ENV = {
    "OIDC_ISSUER": "https://login.microsoftonline.com/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0/v2.0",
    "OIDC_CLIENT_ID": "migratie-noordwijk",
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


def test_check_deploy_is_schoon_in_productie(tmp_path):
    geheim = tmp_path / "oidc_client_secret"
    geheim.write_text(secrets.token_urlsafe(32))  # a Docker secret: OIDC_CLIENT_SECRET_FILE
    env = {**PRODUCTIE_ENV, **OIDC_ENV, "OIDC_CLIENT_SECRET_FILE": str(geheim)}
    result = _run("noordwijk_migratie.settings.production", env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_productie_zonder_inlogdienst_en_zonder_lokaal_inloggen_waarschuwt():
    result = _run(
        "noordwijk_migratie.settings.production", PRODUCTIE_ENV, "check", "--deploy", "--fail-level", "WARNING"
    )
    assert result.returncode != 0 and "Niemand kan inloggen" in result.stderr


def test_inlogdienst_zonder_clientgeheim_weigert():
    result = _run("noordwijk_migratie.settings.production", {**PRODUCTIE_ENV, **OIDC_ENV}, "check")
    assert result.returncode != 0 and "OIDC_CLIENT_SECRET ontbreekt" in result.stderr


def test_productie_staat_lokaal_inloggen_alleen_toe_als_het_aan_staat(monkeypatch):
    for key, value in PRODUCTIE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("LOKAAL_INLOGGEN_ACTIEF", raising=False)
    module = importlib.reload(importlib.import_module("noordwijk_migratie.settings.production"))
    assert module.LOKAAL_INLOGGEN_ACTIEF is False and module.TWEEDE_FACTOR_VERPLICHT is True
    dev = importlib.reload(importlib.import_module("noordwijk_migratie.settings.dev"))
    assert dev.LOKAAL_INLOGGEN_ACTIEF is True and dev.TWEEDE_FACTOR_VERPLICHT is False


def test_productie_maakt_nooit_demogebruikers():
    result = _run("noordwijk_migratie.settings.production", PRODUCTIE_ENV, "maak_demogebruikers")
    assert result.returncode != 0
    assert "alleen in de ontwikkelomgeving" in result.stderr
