"""Fixtures shared by every test: roles, users per role, and Chromium for Playwright."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API with live_server


def pytest_collection_modifyitems(items):
    """Every transactional test restores the post-migrate rows (content types, permissions) after
    its flush. Django inhibits post_migrate on the flush of a serialized-rollback test, so a later
    transactional test without it would find no content types while the audit log still caches
    their ids; making it uniform keeps the suite independent of test order and selection."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker and marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(pytest.mark.django_db(*marker.args, **{**marker.kwargs, "serialized_rollback": True}), False)


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


@pytest.fixture(autouse=True)
def _verse_cacheversie():
    """Each test starts on a new data version: the database is rolled back between tests but Redis is
    not, so a page cached by an earlier test must never be served to the next one."""
    from noordwijk_migratie.cache import verhoog_data_versie

    verhoog_data_versie()


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

