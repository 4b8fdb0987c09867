"""Audit trail on every change (UI and admin), lost-update protection, login lockout, health check."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from noordwijk_migratie.models import Gemeente

pytestmark = pytest.mark.django_db


def test_wijziging_via_ui_staat_in_audit_trail_met_voor_en_na(client, maak_gebruiker, basisgegevens):
    beheerder = maak_gebruiker("functioneel_beheerder")
    client.force_login(beheerder)
    gemeente = Gemeente.objects.get(cbs_code="GM0575")
    response = client.post(
        reverse("kern:gemeente_edit", args=[gemeente.pk]),
        {
            "cbs_code": "GM0575",
            "naam": "Noordwijk (ZH)",
            "holland_rijnland": "on",
            "duin_en_bollenstreek": "on",
            "veiligheidsregio": "Hollands Midden",
            "geladen_versie": gemeente.versie,
        },
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(gemeente).latest("timestamp")
    assert entry.actor == beheerder
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.changes_dict["naam"] == ["Noordwijk", "Noordwijk (ZH)"]
    detail = client.get(gemeente.get_absolute_url()).content.decode()
    assert "Wijzigingsgeschiedenis" in detail and "Noordwijk (ZH)" in detail and beheerder.username in detail


def test_verwijderen_vraagt_bevestiging_en_wordt_gelogd(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("functioneel_beheerder"))
    gemeente = Gemeente.objects.get(cbs_code="GM0638")
    url = reverse("kern:gemeente_delete", args=[gemeente.pk])
    assert "Weet u zeker" in client.get(url).content.decode()
    assert Gemeente.objects.filter(pk=gemeente.pk).exists()
    client.post(url)
    assert not Gemeente.objects.filter(pk=gemeente.pk).exists()
    assert LogEntry.objects.filter(object_repr="Zoeterwoude", action=LogEntry.Action.DELETE).exists()


def test_wijziging_via_admin_wordt_gelogd(client, django_user_model, basisgegevens):
    admin = django_user_model.objects.create_superuser("beheer", password="x-geheim-123456")
    client.force_login(admin)
    gemeente = Gemeente.objects.get(cbs_code="GM0534")
    client.post(
        reverse("admin:kern_gemeente_change", args=[gemeente.pk]),
        {"cbs_code": "GM0534", "naam": "Hillegom!", "holland_rijnland": "on", "veiligheidsregio": "HM"},
    )
    entry = LogEntry.objects.get_for_object(gemeente).latest("timestamp")
    assert entry.actor == admin and entry.changes_dict["naam"] == ["Hillegom", "Hillegom!"]


def test_tweede_opslag_met_verouderde_versie_wordt_geweigerd(client, maak_gebruiker, basisgegevens):
    eerste, tweede = (
        maak_gebruiker("functioneel_beheerder", "eerste"),
        maak_gebruiker("functioneel_beheerder", "tweede"),
    )
    gemeente = Gemeente.objects.get(cbs_code="GM0547")
    url = reverse("kern:gemeente_edit", args=[gemeente.pk])
    data = {"cbs_code": "GM0547", "holland_rijnland": "on", "veiligheidsregio": "HM", "geladen_versie": gemeente.versie}
    client.force_login(eerste)
    assert client.post(url, {**data, "naam": "Leiderdorp A"}).status_code == 302
    client.force_login(tweede)
    response = client.post(url, {**data, "naam": "Leiderdorp B"})
    assert response.status_code == 200
    assert "niet opgeslagen" in response.content.decode() and "eerste" in response.content.decode()
    gemeente.refresh_from_db()
    assert gemeente.naam == "Leiderdorp A" and gemeente.versie == 2


def test_herhaald_fout_inloggen_blokkeert_account(client, maak_gebruiker, settings):
    maak_gebruiker("raadpleger", "lezer")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "lezer", "password": "fout"})
    response = client.post(reverse("login"), {"username": "lezer", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()


def test_healthz_meldt_database_en_broker(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok"}


def test_beveiligingsheaders(adviseur_client):
    response = adviseur_client.get(reverse("dashboard"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"


def test_basisgegevens_zijn_herhaalbaar(basisgegevens):
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from noordwijk_migratie.models import Doelgroep

    call_command("laad_basisgegevens", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Doelgroep.objects.count() == 4
    assert Gemeente.objects.count() == 13
    assert Gemeente.objects.filter(duin_en_bollenstreek=True).count() == 5
    assert set(Group.objects.values_list("name", flat=True)) == {
        "Beleidsadviseur",
        "Opgavemanager",
        "Raadpleger",
        "Functioneel beheerder",
    }
    raadpleger = Group.objects.get(name="Raadpleger")
    assert not raadpleger.permissions.exclude(codename__startswith="view_").exists()
