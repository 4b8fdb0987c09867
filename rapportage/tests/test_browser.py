"""In real Chromium with a real Celery worker: request (the page never waits on the task), watch the bar,
download, be refused definitief while the samenvatting is empty, write it with a preview, finalise in the
background; a beleidsadviseur cannot finalise; read-only role."""

import time
from pathlib import Path

import pytest
from django.urls import reverse

from rapportage.models import Rapport
from tests.browser import axe_overtredingen, inloggen
from tests.werker import via_wachtrij, werker

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_opgavemanager_vraagt_aan_schrijft_en_maakt_definitief_adviseur_niet_raadpleger_leest(
    page, browser, live_server, basisgegevens, maak_gebruiker, tmp_path
):
    maak_gebruiker("opgavemanager", username="manager")
    maak_gebruiker("beleidsadviseur", username="adviseur")
    maak_gebruiker("raadpleger", username="lezer")
    overtredingen = {}
    with via_wachtrij():
        inloggen(page, live_server, "manager")
        page.get_by_role("navigation", name="Hoofdnavigatie").get_by_role("link", name="Rapportages").click()
        page.get_by_role("link", name="Rapport aanvragen").click()
        overtredingen["aanvragen"] = axe_overtredingen(page)
        page.get_by_label("Soort rapport").select_option(label="Halfjaarrapportage taakstelling")
        page.get_by_label("Peildatum").fill("2025-06-30")
        page.get_by_role("button", name="Opslaan").click()
        assert "1 januari of 1 juli" in page.locator("main").inner_text()
        page.get_by_label("Peildatum").fill("2025-07-01")
        begin = time.monotonic()
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url("**/rapporten/*/")
        assert time.monotonic() - begin < 3  # the page never waits on the task (no worker runs yet)

        # no worker runs yet: the report waits in the queue at 0 %; then a worker starts and the bar moves
        waarden = [int(page.locator("progress").get_attribute("value"))]
        download_link = page.get_by_role("link", name="PDF downloaden")
        with werker(tmp_path / "werker.log"):
            eind = time.monotonic() + 90
            while not download_link.is_visible():
                assert time.monotonic() < eind, "rapport niet klaar"
                waarden.append(int(page.locator("progress").get_attribute("value")))
                time.sleep(0.25)
        assert min(waarden) < 100, waarden  # the bar was seen before the end ...
        assert page.locator("progress").get_attribute("value") == "100"  # ... and reached the end
        assert waarden == sorted(waarden)
        overtredingen["detail"] = axe_overtredingen(page)

        with page.expect_download() as info:
            download_link.click()
        pad = Path(info.value.path())
        assert pad.read_bytes().startswith(b"%PDF")
        assert info.value.suggested_filename.endswith("-concept.pdf")

        # definitief is refused while the samenvatting is empty; the refusal says what is missing
        page.get_by_role("link", name="Definitief maken").click()
        assert "Samenvatting: de tekst ontbreekt." in page.locator("#nog-nodig").inner_text()
        overtredingen["bevestigen"] = axe_overtredingen(page)
        page.get_by_role("button", name="Definitief maken").click()
        page.get_by_text("Het rapport kan nog niet definitief worden:").wait_for()
        assert "Samenvatting: de tekst ontbreekt." in page.locator("main").inner_text()
        assert not Rapport.objects.get().definitief

        # a beleidsadviseur (own browser session) sees the concept but cannot finalise it
        adviseur = browser.new_context().new_page()
        inloggen(adviseur, live_server, "adviseur")
        adviseur.goto(page.url)
        assert adviseur.get_by_role("link", name="Definitief maken").count() == 0
        assert adviseur.get_by_role("link", name="Toelichting Samenvatting bewerken").count() == 0
        overtredingen["adviseur"] = axe_overtredingen(adviseur)
        definitief_url = live_server.url + reverse("rapportage:rapport_definitief", args=[Rapport.objects.get().pk])
        assert adviseur.goto(definitief_url).status == 403
        adviseur.context.close()

        # the opgavemanager writes the samenvatting, looks at the preview, saves
        page.get_by_role("link", name="Toelichting Samenvatting bewerken").click()
        page.get_by_label("Tekst").fill(
            "Noordwijk haalt de taakstelling van het 1e halfjaar 2025.\n\n- 25 statushouders gehuisvest\n"
            "- <b>geen</b> achterstand"
        )
        page.get_by_role("button", name="Voorbeeld bekijken").click()
        voorbeeld = page.get_by_role("region", name="Voorbeeld (nog niet opgeslagen)")
        assert voorbeeld.get_by_role("listitem").all_inner_texts() == [
            "25 statushouders gehuisvest",
            "<b>geen</b> achterstand",
        ]
        overtredingen["voorbeeld"] = axe_overtredingen(page)
        page.get_by_role("button", name="Opslaan").click()
        page.wait_for_url("**/rapporten/*/")

        # now it can be finalised: the request returns at once, the page follows the worker
        page.get_by_role("link", name="Definitief maken").click()
        assert page.locator("#nog-nodig").count() == 0
        page.get_by_role("button", name="Definitief maken").click()
        page.get_by_text("wordt nu definitief gemaakt").wait_for()
        assert not Rapport.objects.get().definitief  # queued: no worker runs at this moment
        with werker(tmp_path / "werker-definitief.log"):
            page.locator("#rapport-status").get_by_text("Definitief", exact=True).wait_for(timeout=90_000)
        assert page.get_by_role("link", name="Definitief maken").count() == 0
        overtredingen["definitief"] = axe_overtredingen(page)

    rapport = Rapport.objects.get()
    assert rapport.definitief and rapport.definitief_door.username == "manager"

    page.get_by_role("button", name="Uitloggen").click()
    inloggen(page, live_server, "lezer")
    page.goto(live_server.url + rapport.get_absolute_url())
    assert page.get_by_role("link", name="Definitief maken").count() == 0
    assert page.get_by_role("link", name="Opnieuw genereren").count() == 0
    with page.expect_download() as info:
        page.get_by_role("link", name="PDF downloaden").click()
    assert Path(info.value.path()).read_bytes().startswith(b"%PDF")
    assert info.value.suggested_filename.endswith("-definitief.pdf")
    overtredingen["lezer"] = axe_overtredingen(page)
    page.goto(live_server.url + reverse("rapportage:rapport_list"))
    assert page.get_by_role("link", name="Toevoegen").count() == 0
    overtredingen["lijst"] = axe_overtredingen(page)
    response = page.goto(live_server.url + reverse("rapportage:rapport_add"))
    assert response.status == 403
    response = page.goto(live_server.url + reverse("rapportage:rapport_definitief", args=[rapport.pk]))
    assert response.status == 403
    assert {k: v for k, v in overtredingen.items() if v} == {}
