"""In real Chromium: log in, visit every area, and check each page with axe-core (WCAG 2.1 AA)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from .browser import axe_overtredingen, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEBIEDEN = [
    "Dashboard",
    "Statushouders",
    "Opvang",
    "Internationale werknemers",
    "Programma",
    "Themasessies",
    "Rapportages",
    "Beheer",
]


def test_inloggen_navigeren_en_toegankelijkheid(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("functioneel_beheerder", username="beheerder")
    page.goto(live_server.url + reverse("login"))
    assert axe_overtredingen(page) == []
    inloggen(page, live_server, "beheerder")
    overtredingen = {}
    for gebied in GEBIEDEN:
        page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name=gebied, exact=True).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).count() == 1
        assert page.locator('[aria-current="page"]').inner_text() == gebied
        if fouten := axe_overtredingen(page):
            overtredingen[gebied] = fouten
    # the generic list, its filter (htmx) and a detail page with its audit trail
    page.goto(live_server.url + reverse("kern:gemeente_list"))
    page.get_by_label("Zoeken op naam").fill("Noord")
    page.get_by_role("button", name="Filteren").click()
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)  # no eval: the CSP forbids it
    assert "Noordwijk" in page.locator("#resultaten").inner_text()
    if fouten := axe_overtredingen(page):
        overtredingen["gemeenten"] = fouten
    page.get_by_role("link", name="Noordwijk", exact=True).click()
    page.get_by_role("heading", name="Wijzigingsgeschiedenis").wait_for()
    if fouten := axe_overtredingen(page):
        overtredingen["gemeente"] = fouten
    assert overtredingen == {}


def test_verkeerd_wachtwoord_geeft_nederlandse_melding(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("raadpleger", username="lezer")
    inloggen_url = live_server.url + reverse("login")
    page.goto(inloggen_url)
    page.get_by_label("Gebruikersnaam").fill("lezer")
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    assert "Voer een juiste gebruikersnaam en wachtwoord in" in page.locator("main").inner_text()
