"""In real Chromium: an advisor registers an initiative, judges the criteria, cannot approve it while a
criterion fails without a reason, then approves it with a recorded reason. axe on every page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from internationale_werknemers import models
from tests.browser import axe_overtredingen, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviseur_registreert_en_toetst_initiatief(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("beleidsadviseur", username="adviseur")
    inloggen(page, live_server, "adviseur")
    overtredingen = {}

    def controleer(naam):
        if fouten := axe_overtredingen(page):
            overtredingen[naam] = fouten

    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Internationale werknemers").click()
    page.get_by_role("heading", name="Kerncijfers", exact=False).wait_for()
    controleer("index")
    page.get_by_role("link", name="Huisvestingsinitiatieven").click()
    controleer("lijst")
    page.get_by_role("link", name="Toevoegen").click()
    controleer("nieuw")

    # bad input first: negative beds and a term above 15 years, nothing saved
    page.get_by_label("Naam").fill("Huisvesting Bollenhof")
    page.get_by_label("Locatie (adres)").fill("Bollenweg 12")
    page.get_by_label("Initiatiefnemer").fill("Bollenteelt B.V.")
    page.get_by_label("Geplande bedden").fill("-10")
    page.get_by_label("Termijn (jaren)").fill("20")
    page.get_by_role("button", name="Opslaan").click()
    main = page.locator("main")
    expect(main).to_contain_text("Dit getal kan niet negatief zijn.")
    expect(main).to_contain_text("maximaal 15 jaar")
    controleer("nieuw met fouten")
    assert not models.Huisvestingsinitiatief.objects.exists()

    page.get_by_label("Geplande bedden").fill("60")
    page.get_by_label("Termijn (jaren)").fill("10")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Huisvesting Bollenhof", level=1).wait_for()
    controleer("detail")

    # judge the criteria of the toetsingskader
    page.get_by_role("link", name="Criteria beoordelen").click()
    controleer("beoordelen")
    bed = page.get_by_role("group", name="Bed-voor-bed")
    bed.get_by_role("combobox", name="Oordeel").select_option(label="Voldaan")
    binding = page.get_by_role("group", name="Economische binding")
    binding.get_by_role("combobox", name="Oordeel").select_option(label="Niet voldaan")
    binding.get_by_label("Toelichting").fill("Geen arbeidsovereenkomsten met lokale werkgevers aangetoond")
    page.get_by_role("button", name="Beoordeling opslaan").click()
    page.get_by_role("heading", name="Huisvesting Bollenhof", level=1).wait_for()
    expect(page.get_by_role("row", name="Economische binding")).to_contain_text("Niet voldaan")

    # try to approve without a reason: refused, with the failing criterion named
    page.get_by_role("link", name="Wijzigen").click()
    page.get_by_label("Status").select_option(label="Goedgekeurd")
    page.get_by_role("button", name="Opslaan").click()
    expect(main).to_contain_text("kan niet worden goedgekeurd")
    expect(main).to_contain_text("niet voldaan: Economische binding")
    controleer("goedkeuren geweigerd")
    assert models.Huisvestingsinitiatief.objects.get().status == "aanvraag"

    # with an explicit reason it is approved, and who/when is shown
    page.get_by_label("Reden voor goedkeuring ondanks criteria").fill("Collegebesluit: pilot met werkgeversverklaring")
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Afwijking van het toetsingskader").wait_for()
    tekst = main.inner_text()
    assert "Collegebesluit: pilot met werkgeversverklaring" in tekst and "Vastgelegd door adviseur" in tekst
    controleer("goedgekeurd")
    initiatief = models.Huisvestingsinitiatief.objects.get()
    assert initiatief.status == "goedgekeurd" and initiatief.afwijking_door.username == "adviseur"
    assert overtredingen == {}


def test_pilots_woningen_en_inschrijvingen_zijn_toegankelijk(page, live_server, basisgegevens, maak_gebruiker):
    from . import factories as f

    pilot = models.Pilotlocatie.objects.get(adres="Schippersvaartweg 44")
    f.PilotstandFactory(pilot=pilot, geplande_bedden=None, gerealiseerde_bedden=0)
    f.InspectieFactory()
    f.RegistratiestandFactory()
    f.RegistratiestandFactory(rni=1100)
    maak_gebruiker("raadpleger", username="lezer")
    inloggen(page, live_server, "lezer")
    overtredingen = {}
    for naam in ("pilotstand_list", "woning_list", "registratiestand_list", "actielijn_list", "beleidsplan_list"):
        page.goto(live_server.url + reverse(f"internationale_werknemers:{naam}"))
        if fouten := axe_overtredingen(page):
            overtredingen[naam] = fouten
    page.goto(live_server.url + pilot.get_absolute_url())
    assert "Schippersvaartweg 44" in page.locator("h1").inner_text()
    if fouten := axe_overtredingen(page):
        overtredingen["pilot"] = fouten
    lijn = models.Actielijn.objects.get(nummer=1)
    page.goto(live_server.url + lijn.get_absolute_url())
    page.get_by_role("heading", name="Acties in het programma").wait_for()
    if fouten := axe_overtredingen(page):
        overtredingen["actielijn"] = fouten
    assert overtredingen == {}
