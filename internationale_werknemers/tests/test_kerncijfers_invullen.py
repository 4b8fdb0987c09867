"""The IW overview's unknown figures say what to enter and link to that form."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_elk_onbekend_kerncijfer_zegt_wat_in_te_vullen(manager_client):
    html = manager_client.get(reverse("internationale_werknemers:index")).text
    for model, tekst in (
        ("pilotstand", "Voer een stand van de pilots in"),
        ("registratiestand", "Voer de inschrijvingen in de RNI en de BRP in."),
        ("inspectie", "Leg een inspectie van een vergunde woning vast."),
        ("budgetjaar", "Voer het budget van dit jaar in."),
    ):
        url = reverse(f"internationale_werknemers:{model}_add")
        assert f'<a class="utrecht-link" href="{url}">{tekst}' in html
        assert manager_client.get(url).status_code == 200


def test_wie_niets_mag_invoeren_ziet_geen_link(raadpleger_client):
    html = raadpleger_client.get(reverse("internationale_werknemers:index")).text
    assert "Voer de inschrijvingen in de RNI en de BRP in." in html
    assert reverse("internationale_werknemers:registratiestand_add") not in html
