"""Fixtures shared by every test: roles, users per role, and Chromium for Playwright."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API with live_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    assert os.path.exists(chromium), "Chromium ontbreekt: `make test` installeert het (apt-get install chromium)."
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}


@pytest.fixture
def rollen(db):
    from noordwijk_migratie.roles import sync_rollen

    return {g.name: g for g in sync_rollen()}


@pytest.fixture
def maak_gebruiker(rollen, django_user_model):
    """Create a user with one role (role code as in noordwijk_migratie.roles, or None)."""
    from noordwijk_migratie.roles import ROLLEN

    def _maak(rol_code=None, username=None, password="geheim-wachtwoord-123"):  # noqa: S107
        username = username or f"test-{rol_code or 'zonder-rol'}"
        user = django_user_model.objects.create_user(username, password=password)
        if rol_code:
            rol = next(r for r in ROLLEN if r.code == rol_code)
            user.groups.add(rollen[rol.naam])
        return user

    return _maak


@pytest.fixture
def adviseur_client(client, maak_gebruiker):
    client.force_login(maak_gebruiker("beleidsadviseur"))
    return client


@pytest.fixture
def manager_client(client, maak_gebruiker):
    client.force_login(maak_gebruiker("opgavemanager"))
    return client


@pytest.fixture
def raadpleger_client(client, maak_gebruiker):
    client.force_login(maak_gebruiker("raadpleger"))
    return client


@pytest.fixture
def basisgegevens(db):
    from django.core.management import call_command

    call_command("laad_basisgegevens", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def celery_worker_proces(transactional_db, tmp_path):
    """A real Celery worker process against the test PostgreSQL database and the test Redis.

    Yields a small handle with ``stop(kill=False)`` and ``start()`` so fault tests can kill it.
    """
    import signal
    import subprocess
    import sys
    import time

    from django.db import connection

    from noordwijk_migratie.celery import app

    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DJANGO_SETTINGS_MODULE": "noordwijk_migratie.settings.test",
        "CELERY_EAGER": "0",
    }

    class Worker:
        proces = None

        def start(self):
            log = open(tmp_path / "worker.log", "a")  # noqa: SIM115
            self.proces = subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "celery", "-A", "noordwijk_migratie", "worker", "--pool=solo",
                 "--concurrency=1", "--loglevel=INFO", "--without-heartbeat", "--without-gossip", "--without-mingle"],
                env=env, stdout=log, stderr=subprocess.STDOUT,
            )
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if app.control.ping(timeout=0.5):
                        return self
                except Exception:  # noqa: BLE001,S110 - broker not answering yet
                    pass
                assert self.proces.poll() is None, (tmp_path / "worker.log").read_text()
            raise AssertionError("Celery-worker startte niet binnen 30 s:\n" + (tmp_path / "worker.log").read_text())

        def stop(self, kill=False):
            if self.proces and self.proces.poll() is None:
                self.proces.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
                self.proces.wait(timeout=30)

        @property
        def log(self):
            return (tmp_path / "worker.log").read_text()

    worker = Worker().start()
    yield worker
    worker.stop()
