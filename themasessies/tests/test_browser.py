"""In real Chromium: an advisor records a theme session with attendance, a knelpunt and a follow-up linked
to a programme action; the follow-up shows on the programme line, and the indicator page shows the
computed value beside a manual measurement. Every page is checked with axe-core."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from programma.models import Actie
from tests.browser import axe_overtredingen, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COA = "COA (Centraal Orgaan opvang asielzoekers)"
VWN = "Vluchtelingenwerk"


def test_themasessie_vastleggen_tot_en_met_programma_en_indicator(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("beleidsadviseur", username="adviseur")
    inloggen(page, live_server, "adviseur")
    overtredingen = {}

    def controleer(naam):
        if fouten := axe_overtredingen(page):
            overtredingen[naam] = fouten

    sessiedatum = timezone.localdate() - timedelta(days=7)
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Themasessies").click()
    controleer("index")
    page.get_by_role("main").get_by_role("link", name="Themasessies", exact=True).click()
    controleer("sessielijst")
    page.get_by_role("link", name="Toevoegen").click()
    page.get_by_label("Titel").fill("Brede themasessie huisvesting")
    page.get_by_label("Datum").fill(sessiedatum.isoformat())
    page.get_by_label("Plaats").fill("Raadhuis Noordwijk")
    page.locator("#id_themas").get_by_label("De integratie en participatie van statushouders").check()
    page.locator("#id_uitgenodigd").get_by_label(COA).check()
    page.locator("#id_uitgenodigd").get_by_label(VWN).check()
    page.locator("#id_aanwezig").get_by_label(COA).check()
    controleer("sessieformulier")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.locator("#deelnemers")).to_contain_text(f"{COA}: aanwezig")
    expect(page.locator("#deelnemers")).to_contain_text(f"{VWN}: niet aanwezig")
    controleer("sessie")

    page.get_by_role("link", name="Bevinding toevoegen").click()
    page.get_by_label("Invalshoek").select_option(label="Wonen")
    page.get_by_label("Perspectief").select_option(label="Doelgroep zelf")
    page.get_by_label("Huidige knelpunten").fill("Te weinig woningen voor alleenstaande statushouders")
    controleer("bevindingformulier")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("main")).to_contain_text("Te weinig woningen voor alleenstaande statushouders")

    page.get_by_role("link", name="Vervolgactie toevoegen").click()
    page.get_by_label("Omschrijving").fill("Hospitaverhuur verkennen met de corporaties")
    page.get_by_label("Eigenaar").fill("Beleidsadviseur statushouders")
    page.get_by_label("Deadline").fill((sessiedatum + timedelta(days=60)).isoformat())
    actie = Actie.objects.get(code="B1-2-01")
    page.get_by_label("Programma-actie").select_option(value=str(actie.pk))
    controleer("vervolgformulier")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hospitaverhuur verkennen")
    controleer("vervolgactie")

    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Programma").click()
    controleer("programma")
    page.get_by_role("link", name="2. Integrale samenhangende aanpak maatschappelijke partners").click()
    expect(page.locator("#vervolgacties")).to_contain_text("Hospitaverhuur verkennen met de corporaties")
    expect(page.locator("#vervolgacties")).to_contain_text("B1-2-01")
    controleer("programmalijn")

    page.get_by_role("link", name="Goed contact met (maatschappelijke) partners").click()
    page.get_by_role("link", name="Meting toevoegen").click()
    page.get_by_label("Datum").fill(sessiedatum.isoformat())
    page.get_by_label("Waarde (getal)").fill("35,5")
    page.get_by_label("Bron").fill("Gesprekken met partners")
    controleer("metingformulier")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Goed contact met (maatschappelijke) partners")
    reeks = page.locator("#reeks")
    expect(reeks).to_contain_text("handmatig")
    expect(reeks).to_contain_text("35,5 %")
    expect(reeks).to_contain_text("Gesprekken met partners")
    expect(reeks).to_contain_text("berekend")
    expect(reeks).to_contain_text("1 van de 11 partners uit de bestuursopdracht")
    expect(page.locator("#trend")).to_contain_text("Laatste waarde")
    controleer("indicator")
    assert overtredingen == {}
