"""In real Chromium: an advisor records the occupancy of every location for one date in one screen; the
Oekraïne overview shows the new figures; invalid occupancy is refused with a visible message."""

import pytest
from django.urls import reverse

from opvang.models import Bezetting
from tests.browser import axe_overtredingen, inloggen

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_adviseur_voert_bezetting_in_en_ziet_het_nieuwe_gat(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("beleidsadviseur", username="adviseur")
    inloggen(page, live_server, "adviseur")
    overtredingen = {}

    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Opvang", exact=True).click()
    page.get_by_role("link", name="Bezetting invoeren").click()
    page.get_by_label("Datum van de telling").fill("2025-07-07")
    page.get_by_role("button", name="Locaties tonen").click()
    page.wait_for_url("**datum=2025-07-07**")
    rijen = page.locator("form.nw-invoer tbody tr")
    assert rijen.count() == 3  # Trampoline II (OEK, statushouders) and NH-Hotel Leeuwenhorst
    assert "230 (30-06-2025)" in page.locator("tr", has_text="Oekraïense ontheemden").inner_text()
    if fouten := axe_overtredingen(page):
        overtredingen["invoer"] = fouten

    # above capacity: refused, the message next to the row, nothing saved
    page.get_by_label("Bezetting Trampoline II, Oekraïense ontheemden").fill("301")
    page.get_by_label("Bezetting Trampoline II, Statushouders").fill("4")
    page.get_by_label("Bezetting NH-Hotel Leeuwenhorst, Statushouders").fill("35")
    page.get_by_role("button", name="Bezetting opslaan").click()
    rij = page.locator("tr", has_text="Oekraïense ontheemden")
    assert "De bezetting (301) is hoger dan de capaciteit op die datum (300)." in rij.inner_text()
    assert page.get_by_role("alert").first.is_visible()
    assert Bezetting.objects.count() == 1
    if fouten := axe_overtredingen(page):
        overtredingen["fout"] = fouten

    page.get_by_label("Bezetting Trampoline II, Oekraïense ontheemden").fill("250")
    page.get_by_role("button", name="Bezetting opslaan").click()
    page.get_by_text("Bezetting op 07-07-2025 opgeslagen voor 3 locatie(s).").wait_for()
    assert Bezetting.objects.count() == 4

    page.goto(live_server.url + reverse("opvang:index"))
    page.get_by_role("link", name="Overzicht Oekraïense ontheemden").click()
    page.get_by_label("Peildatum").fill("2025-07-07")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**peildatum=2025-07-07**")
    assert page.locator("#kengetal-opgave").inner_text() == "221"
    assert page.locator("#kengetal-bezet").inner_text() == "250"
    assert page.locator("#kengetal-vrij").inner_text() == "40"
    assert page.locator("#kengetal-gat").inner_text() == "69"  # a surplus, named as such
    assert "Overschot (beschikbaar − opgave)" in page.locator("main").inner_text()
    assert "250" in page.locator("#per-locatie").inner_text()
    if fouten := axe_overtredingen(page):
        overtredingen["oekraine"] = fouten
    assert overtredingen == {}


def test_overzichten_en_lijsten_zijn_toegankelijk(page, live_server, basisgegevens, maak_gebruiker):
    maak_gebruiker("raadpleger", username="lezer")
    inloggen(page, live_server, "lezer")
    overtredingen = {}
    for naam in (
        "opvang:index",
        "opvang:asielzoekers",
        "opvang:statushouders",
        "opvang:opvanglocatie_list",
        "opvang:bezetting_list",
        "opvang:capaciteitsstand_list",
    ):
        page.goto(live_server.url + reverse(naam))
        assert page.get_by_role("heading", level=1).count() == 1
        if fouten := axe_overtredingen(page):
            overtredingen[naam] = fouten
    page.goto(live_server.url + reverse("opvang:opvanglocatie_list"))
    page.get_by_role("link", name="Trampoline II").click()
    page.get_by_role("heading", name="Bezettingsgeschiedenis").wait_for()
    if fouten := axe_overtredingen(page):
        overtredingen["trampoline"] = fouten
    assert overtredingen == {}
