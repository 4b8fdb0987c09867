"""Private data is never kept by a cache (issue #12, point 9): every response to a logged-in user —
pages, htmx fragments, CSV/XLSX exports and PDF downloads — says ``Cache-Control: private, no-store``;
static files keep their long caching."""

import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from rapportage.tests.factories import RapportFactory

pytestmark = pytest.mark.django_db


def cache_control(response) -> set[str]:
    return {deel.strip() for deel in response.get("Cache-Control", "").split(",")}


def test_pagina_export_en_pdf_van_ingelogde_gebruiker_worden_niet_bewaard(
    raadpleger_client, basisgegevens, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    rapport = RapportFactory()
    lijst = reverse("kern:gemeente_list")
    antwoorden = {
        "dashboard": raadpleger_client.get(reverse("dashboard")),
        "lijst": raadpleger_client.get(lijst),
        "htmx": raadpleger_client.get(lijst, headers={"HX-Request": "true"}),
        "csv": raadpleger_client.get(lijst, {"export": "csv"}),
        "xlsx": raadpleger_client.get(lijst, {"export": "xlsx"}),
        "pdf": raadpleger_client.get(reverse("rapportage:rapport_download", args=[rapport.pk])),
    }
    for naam, response in antwoorden.items():
        assert response.status_code == 200, naam
        assert {"private", "no-store"} <= cache_control(response), (naam, response.get("Cache-Control"))
    assert antwoorden["pdf"]["Content-Type"] == "application/pdf"

    statisch = raadpleger_client.get("/static/css/app.css")  # served by WhiteNoise, before the middleware
    assert statisch.status_code == 200
    assert "no-store" not in cache_control(statisch) and get_max_age(statisch) > 0
