"""Fixtures shared by every test: the baseline, roles, users per role, and Chromium for Playwright.

The baseline (``manage.py laad_basisgegevens``) is loaded once per test session, into the test
database right after its migrations: a non-transactional test rolls back to it, and a
transactional test gets it back after its flush because it is part of the database's serialized
state that Django restores (every transactional test has ``serialized_rollback``, see
``pytest_collection_modifyitems``). A test that asks for the ``basisgegevens`` fixture runs on
it; any other database test starts on an empty domain (``_basisgegevens_alleen_op_verzoek``)."""

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API with live_server


def pytest_collection_modifyitems(items):
    """Every transactional test gets ``serialized_rollback``: after the flush that ends such a test
    Django restores the serialized database (content types, permissions and the baseline) for the
    next one. Django inhibits post_migrate on that flush, so a transactional test without it would
    leave the next one without content types (while the audit log still caches their ids) and
    without the baseline; making it uniform keeps the suite independent of test order and selection."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactioneel = kwargs.get("transaction") or {"transactional_db", "live_server"} & set(item.fixturenames)
        if transactioneel and not kwargs.get("serialized_rollback"):
            args = marker.args if marker else ()
            item.add_marker(
                pytest.mark.django_db(*args, **{**kwargs, "transaction": True, "serialized_rollback": True}), False
            )


BASIS_NA_MIGRATIES = "test-basisgegevens-na-migraties"

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
    not, so a page or a user's rights cached by an earlier test must never be served to the next one."""
    from noordwijk_migratie.cache import verhoog_data_versie
    from noordwijk_migratie.rechten import verhoog_rechten_versie

    verhoog_data_versie()
    verhoog_rechten_versie()
    # every test is a new visitor: the per-address login limits (noordwijk_migratie.inloggen) start at zero
    from django.core.cache import cache

    cache.delete_many([f"inloggen:{soort}:{ip}" for soort in ("minuut", "fouten") for ip in ("127.0.0.1", "::1")])


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


@pytest.fixture(scope="session")
def _basis_na_migraties() -> list[str]:
    """While the test databases are created: load the baseline once the last app has migrated (its
    post_migrate signal comes after the content types and permissions of every app exist), before
    Django serializes the database for the transactional tests. Returns the tables the baseline
    filled (the project apps' models and their m2m tables), filled in at that moment."""
    from django.apps import apps
    from django.core.management import call_command
    from django.db.models.signals import post_migrate

    from noordwijk_migratie import registry

    laatste = [a for a in apps.get_app_configs() if a.models_module is not None][-1]
    tabellen = []

    def laad(sender, **kwargs):
        if sender is laatste:
            call_command("laad_basisgegevens", stdout=open(os.devnull, "w"))  # noqa: SIM115
            modellen = (m for a in registry.apps() for m in apps.get_app_config(a.label).get_models(True))
            tabellen[:] = [m._meta.db_table for m in modellen if m._base_manager.exists()]

    post_migrate.connect(laad, weak=False, dispatch_uid=BASIS_NA_MIGRATIES)
    return tabellen


@pytest.fixture(scope="session")
def django_db_setup(_basis_na_migraties, django_db_setup):
    """pytest-django's test databases, with the baseline in them (see :func:`_basis_na_migraties`)."""
    from django.db import connections
    from django.db.models.signals import post_migrate

    post_migrate.disconnect(dispatch_uid=BASIS_NA_MIGRATIES)  # a later flush must not reload it
    # Django restores the serialized database (serialized_rollback) from the connection object that
    # serialized it. Connections are per context: once Playwright's sync API runs, a test gets another
    # connection object, which would find nothing to restore and leave the next test on an empty
    # database. The serialized state belongs to the test database, not to one connection object.
    for alias in connections:
        verbinding = connections[alias]
        if hasattr(verbinding, "_test_serialized_contents"):
            type(verbinding)._test_serialized_contents = verbinding._test_serialized_contents


def _gebruikt_database(request) -> bool:
    return bool(request.node.get_closest_marker("django_db")) or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )


@pytest.fixture(autouse=True)
def _basisgegevens_alleen_op_verzoek(request):
    """A test that does not ask for ``basisgegevens`` starts on an empty domain, as it was written for:
    the rows of the baseline's tables are deleted, in one transaction (the foreign keys are checked at
    its end); inside a non-transactional test's own transaction, so rolled back with it, and a
    transactional test gets them back after its flush. Users, roles, permissions and content types
    stay. (DELETE in one statement, not TRUNCATE: these tables hold a few hundred rows; a TRUNCATE
    cost every database test some 60 ms, this about 10.)"""
    if "basisgegevens" in request.fixturenames or not _gebruikt_database(request):
        return
    request.getfixturevalue("db")
    from django.db import connection, transaction

    from noordwijk_migratie.cache import verhoog_data_versie

    tabellen = request.getfixturevalue("_basis_na_migraties")
    with transaction.atomic(), connection.cursor() as cursor:  # one round trip; table names from the models
        cursor.execute("; ".join(f"DELETE FROM {connection.ops.quote_name(t)}" for t in tabellen))  # noqa: S608
    verhoog_data_versie()


@pytest.fixture
def basisgegevens(db):
    """The test runs on the baseline (``manage.py laad_basisgegevens``), which is in the database from
    the start (see the module's docstring)."""
