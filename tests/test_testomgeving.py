"""The test environment itself: the baseline is loaded once per session, and what a test finds does
not depend on what ran before it. pytest-django runs the non-transactional tests first, then the
transactional ones in file order; the transactional tests below come after one that emptied the
database and check that the next one finds it as before (in `make test` they also run after the
browser tests, where the baseline comes back through the ``basisgegevens`` fixture)."""

import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from noordwijk_migratie import registry
from noordwijk_migratie.models import Doelgroep, Gemeente


def stand() -> dict[str, int]:
    """Row counts of every table of the project apps, and of roles, permissions and content types."""
    modellen = [m for a in registry.apps() for m in apps.get_app_config(a.label).get_models()]
    return {m._meta.label: m._base_manager.count() for m in [*modellen, Group, Permission, ContentType]}


def assert_volledige_basis():
    """The baseline is complete: loading it again adds or changes nothing."""
    voor = stand()
    assert voor["kern.Doelgroep"] and voor["auth.Group"] and voor["contenttypes.ContentType"]
    call_command("laad_basisgegevens", stdout=io.StringIO())
    assert stand() == voor


def assert_leeg_domein():
    domein = {label: n for label, n in stand().items() if not label.startswith(("auth.", "contenttypes."))}
    assert set(domein.values()) == {0}, {label: n for label, n in domein.items() if n}
    assert Permission.objects.exists() and ContentType.objects.exists()


@pytest.mark.django_db
def test_basisgegevens_staan_klaar_zonder_ze_te_laden(basisgegevens):
    assert_volledige_basis()


@pytest.mark.django_db
def test_zonder_basisgegevens_begint_een_test_op_een_leeg_domein():
    assert_leeg_domein()


@pytest.mark.django_db(transaction=True)
def test_een_transactionele_test_mag_de_database_leegmaken(basisgegevens):
    Gemeente.objects.create(cbs_code="T99999", naam="Alleen in deze test")
    tabellen = ", ".join(connection.ops.quote_name(t) for t in connection.introspection.django_table_names())
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tabellen} CASCADE")  # committed: the next test must not see it
    assert not Doelgroep.objects.exists() and not ContentType.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_de_volgende_transactionele_test_heeft_de_basis_terug(basisgegevens):
    assert_volledige_basis()
    assert not Gemeente.objects.filter(cbs_code="T99999").exists()


@pytest.mark.django_db(transaction=True)
def test_een_transactionele_test_zonder_basisgegevens_begint_leeg():
    assert_leeg_domein()


@pytest.mark.django_db(transaction=True)
def test_en_daarna_is_de_basis_er_weer(basisgegevens):
    assert_volledige_basis()
