"""`make run` (development settings): a saved or re-shown form waits only for the server. The browser keeps the
style sheets and scripts and fetches none of them again, and a file that changed gets a new URL at once.
(Production: collectstatic's hashed names, immutable in the browser's cache, through WhiteNoise.)"""

import os

import pytest
from django.test import override_settings
from django.urls import reverse

from noordwijk_migratie.statisch import VersieInUrlStorage

from .server import ontwikkelserver

# The static files of the current page that came over the network (a new file, or a 304 after asking again)
# rather than from the browser's cache (transferSize 0).
OPGEHAALD = """() => performance.getEntriesByType('resource')
  .filter((e) => new URL(e.name).pathname.startsWith('/static/') && e.transferSize > 0)
  .map((e) => new URL(e.name).pathname)"""


@pytest.mark.browser
@pytest.mark.server
@pytest.mark.django_db(transaction=True)
def test_formulier_opslaan_haalt_geen_statische_bestanden_opnieuw(page, tmp_path, basisgegevens, maak_gebruiker):
    adviseur = maak_gebruiker("beleidsadviseur")
    with ontwikkelserver(tmp_path) as s:
        cookies = s.gebruiker(adviseur).cookies  # logged in through the gemeente's identity provider
        page.context.add_cookies([{"name": naam, "value": waarde, "url": s.url} for naam, waarde in cookies.items()])
        page.goto(s.url + reverse("taakstelling:plaatsing_add"))
        page.get_by_role("button", name="Opslaan").click()  # nothing filled in: the form comes back with errors
        page.get_by_text("Dit veld is vereist.").first.wait_for()
        assert page.evaluate(OPGEHAALD) == []

        for dag in (10, 11):  # the second save shows a detail page the browser has seen before
            page.goto(s.url + reverse("taakstelling:plaatsing_add"))
            assert page.evaluate(OPGEHAALD) == []
            page.get_by_label("Koppeldatum COA").fill(f"2025-01-{dag}")
            page.get_by_label("Samenstelling").select_option("gezin")
            page.get_by_label("Volwassenen").fill("2")
            page.get_by_label("Minderjarigen").fill("1")
            page.get_by_role("button", name="Opslaan").click()
            page.get_by_role("heading", name="Tijdlijn").wait_for()
        assert page.evaluate(OPGEHAALD) == []


def test_een_gewijzigd_bestand_krijgt_een_nieuwe_url(tmp_path):
    bestand = tmp_path / "nw-proef.css"
    bestand.write_text("p { color: black; }")
    with override_settings(STATICFILES_DIRS=[tmp_path]):
        opslag = VersieInUrlStorage()
        eerst = opslag.url("nw-proef.css")
        assert eerst.startswith("/static/nw-proef.css?v=")
        assert opslag.url("nw-proef.css") == eerst  # unchanged: the same URL, so the browser's copy is used
        bestand.write_text("p { color: navy; }")
        os.utime(bestand, ns=(bestand.stat().st_atime_ns, bestand.stat().st_mtime_ns + 1_000_000))
        assert opslag.url("nw-proef.css") != eerst
