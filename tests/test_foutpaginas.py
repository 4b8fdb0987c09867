"""A rejected form (CSRF) and a bad request get a Dutch page in the app's layout, not Django's English one."""

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _in_de_opmaak(html: str) -> bool:
    return 'aria-label="Hoofdnavigatie"' in html and 'href="/static/css/app.css"' in html and 'lang="nl"' in html


def test_verlopen_formulier_geeft_nederlandse_pagina(basisgegevens, maak_gebruiker):
    client = Client(enforce_csrf_checks=True)
    client.force_login(maak_gebruiker("beleidsadviseur"))
    response = client.post(reverse("kern:gemeente_add"), {"cbs_code": "GM9001", "naam": "Nergensdorp"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Formulier verlopen" in html and "Uw gegevens zijn niet opgeslagen" in html
    assert "CSRF verification failed" not in html and "Forbidden" not in html
    assert _in_de_opmaak(html)


def test_ongeldig_verzoek_geeft_nederlandse_pagina(client):
    response = client.get(reverse("login"), HTTP_HOST="niet-toegestaan.example")  # DisallowedHost: 400
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ongeldig verzoek" in html and "Bad Request" not in html
    assert 'href="/static/css/app.css"' in html and 'lang="nl"' in html
