"""The dashboard shows per doelgroep the status, the key figures of the baseline and the signals,
each linked to its page; it is cached until any data changes."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opvang.models import Bezetting, Opvanglocatie
from rapportage import dashboard

pytestmark = pytest.mark.django_db
PEILDATUM = datetime.date(2025, 7, 15)


def paneel(gegevens, code):
    return next(p for p in gegevens["panelen"] if p["code"] == code)


def cijfers(p):
    return {c["label"]: c["waarde"] for c in p["cijfers"]}


def test_panelen_tonen_de_cijfers_van_de_basisgegevens(basisgegevens):
    gegevens = dashboard.dashboard(PEILDATUM)
    assert [p["code"] for p in gegevens["panelen"]] == [
        "statushouders", "oekraine", "asielzoekers", "internationale-werknemers"]
    oek = cijfers(paneel(gegevens, "oekraine"))
    assert (oek["Opgave"], oek["Beschikbaar"], oek["Bezet"], oek["Overschot (beschikbaar − opgave)"]) == (221, 290, 230, 69)
    asiel = paneel(gegevens, "asielzoekers")
    assert cijfers(asiel)["Opgave"] == "275 (AMV 23)" and cijfers(asiel)["Gerealiseerd"] == 0
    assert asiel["status"] == "achter" and asiel["regel"]
    status = paneel(gegevens, "statushouders")
    assert status["regel"].startswith("Op schema als")
    assert cijfers(status)["Interventieladder"] == "trede 3"
    for p in gegevens["panelen"]:
        assert p["status_label"] and p["url"]


def test_dashboardpagina_linkt_elk_cijfer_en_heeft_grafieken(manager_client, basisgegevens):
    response = manager_client.get(reverse("dashboard"), {"peildatum": "2025-07-15"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="nw-paneel"') == 4
    assert reverse("opvang:oekraine") in html and reverse("taakstelling:index") in html
    assert "<svg" in html and "Gegevens als tabel" in html
    assert "Regel" in html


def test_module_taakstelling_uit_laat_het_dashboard_heel(manager_client, basisgegevens, settings):
    settings.MODULE_TAAKSTELLING_ACTIEF = False
    response = manager_client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert response.content.decode().count('class="nw-paneel"') == 3


def test_cache_vervalt_bij_elke_wijziging(basisgegevens):
    voor = cijfers(paneel(dashboard.dashboard(PEILDATUM), "oekraine"))["Bezet"]
    trampoline = Opvanglocatie.objects.get(naam__icontains="Trampoline")
    bezetting = Bezetting.objects.filter(locatie=trampoline).latest("datum")
    bezetting.aantal = 250
    bezetting.save()
    na = cijfers(paneel(dashboard.dashboard(PEILDATUM), "oekraine"))["Bezet"]
    assert (voor, na) == (230, 250)


def test_dashboard_uit_cache_kost_vaste_queries(manager_client, basisgegevens):
    manager_client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as queries:
        assert manager_client.get(reverse("dashboard")).status_code == 200
    assert len(queries) <= 6


def test_dashboard_zonder_basisgegevens_toont_wat_er_is(manager_client):
    response = manager_client.get(reverse("dashboard"))
    assert response.status_code == 200
    assert "Internationale werknemers" in response.content.decode()
