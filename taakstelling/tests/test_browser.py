"""In real Chromium: an advisor takes a placement through the pipeline and sees the period's
realisatie and saldo change; a raadpleger can look but not edit. axe-core on every page."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser import axe_overtredingen, inloggen

from .factories import PeriodeFactory, PlaatsingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def lopende_periode():
    """The running half year, opening at 0 (the baseline chain ends in 2025-H1)."""
    vandaag = timezone.localdate()
    if vandaag.month <= 6:
        return PeriodeFactory(
            begindatum=date(vandaag.year, 1, 1),
            einddatum=date(vandaag.year, 6, 30),
            netto_taakstelling=20,
            saldo_begin_officieel=0,
        )
    return PeriodeFactory(
        begindatum=date(vandaag.year, 7, 1),
        einddatum=date(vandaag.year, 12, 31),
        netto_taakstelling=20,
        saldo_begin_officieel=0,
    )


def cel(page, periode, kolom):
    return page.locator(f'tr[data-periode="{periode.label}"] [data-kolom="{kolom}"]').inner_text().strip()


def opslaan_en_controleren(page, overtredingen, naam):
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("heading", name="Tijdlijn").wait_for()
    if fouten := axe_overtredingen(page):
        overtredingen[naam] = fouten


def test_adviseur_brengt_plaatsing_tot_gehuisvest_en_ziet_realisatie_stijgen(
    page, live_server, basisgegevens, maak_gebruiker
):
    from noordwijk_migratie.models import Corporatie

    periode = lopende_periode()
    maak_gebruiker("beleidsadviseur", username="adviseur")
    Corporatie.objects.create(naam="Corporatie Noord")  # reference data, kept by the functioneel beheerder
    vandaag = timezone.localdate()
    overtredingen = {}
    inloggen(page, live_server, "adviseur")
    page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Statushouders", exact=True).click()
    page.get_by_role("heading", name="Taakstelling en realisatie").wait_for()
    assert (cel(page, periode, "realisatie"), cel(page, periode, "saldo_eind").split()[0]) == ("0", "−20")
    if fouten := axe_overtredingen(page):
        overtredingen["index"] = fouten

    page.locator("main").get_by_role("link", name="Plaatsingen", exact=True).click()
    page.get_by_role("heading", name="Plaatsingen", level=1).wait_for()
    if fouten := axe_overtredingen(page):
        overtredingen["lijst"] = fouten
    page.get_by_role("link", name="Toevoegen").click()
    page.get_by_label("Koppeldatum COA").fill((vandaag - timedelta(days=30)).isoformat())
    page.get_by_label("Samenstelling").select_option("gezin")
    page.get_by_label("Volwassenen").fill("2")
    page.get_by_label("Minderjarigen").fill("1")
    if fouten := axe_overtredingen(page):
        overtredingen["formulier"] = fouten
    opslaan_en_controleren(page, overtredingen, "detail")

    stappen = [
        {"Woonvorm": ("select", "corporatiewoning"), "Woning aangeboden op": ("fill", vandaag - timedelta(days=20))},
        {
            "Ingang huurovereenkomst": ("fill", vandaag - timedelta(days=5)),
            "Corporatie": ("select", "Corporatie Noord"),
        },
        {"Gehuisvest op": ("fill", vandaag)},
    ]
    for stap in stappen:
        page.get_by_role("link", name="Wijzigen").click()
        for label, (actie, waarde) in stap.items():
            veld = page.get_by_label(label, exact=False).first
            if actie == "select":
                veld.select_option(waarde)
            else:
                veld.fill(waarde.isoformat() if hasattr(waarde, "isoformat") else waarde)
        opslaan_en_controleren(page, overtredingen, "detail")
    assert "Gehuisvest" in page.locator("main").inner_text()
    assert periode.label in page.locator("main").inner_text()  # counts in the running period

    page.goto(live_server.url + reverse("taakstelling:index"))
    assert cel(page, periode, "realisatie") == "3"
    assert cel(page, periode, "saldo_eind").split()[0] == "−17"
    assert cel(page, periode, "bron").startswith("eigen registratie (plaatsingen en nareizigers), stand ")
    assert overtredingen == {}


def test_raadpleger_kan_niet_wijzigen(page, live_server, basisgegevens, maak_gebruiker):
    plaatsing = PlaatsingFactory()
    maak_gebruiker("raadpleger", username="lezer")
    inloggen(page, live_server, "lezer")
    page.goto(live_server.url + plaatsing.get_absolute_url())
    page.get_by_role("heading", name="Tijdlijn").wait_for()
    assert page.get_by_role("link", name="Wijzigen").count() == 0
    assert axe_overtredingen(page) == []
    page.goto(live_server.url + reverse("taakstelling:plaatsing_edit", args=[plaatsing.pk]))
    assert page.get_by_role("heading", level=1).inner_text() == "Geen toegang"
    page.goto(live_server.url + reverse("taakstelling:plaatsing_list"))
    assert page.get_by_role("link", name="Toevoegen").count() == 0
    assert axe_overtredingen(page) == []
