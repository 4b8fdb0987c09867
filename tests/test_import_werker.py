"""A large import (25,000 plaatsingen: 41 s in one request before, near the 60 s worker timeout) runs in
a real Celery worker: the upload returns at once, the status page polls itself with htmx (no inline
script under the CSP) and shows the progress, and then the counts or the per-row errors, to the user who
started it only; all or nothing, with that user in the audit trail."""

import re
import time

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from noordwijk_migratie.imports import MAX_RIJEN
from noordwijk_migratie.models import ImportTaak
from taakstelling.models import Plaatsing

from . import bommen
from .werker import via_wachtrij, werker

HTMX = {"HX-Request": "true"}


def _volg(client, url, timeout=180):
    """Poll the status fragment as htmx does until it stops polling; returns (progress seen, last fragment)."""
    gezien = []
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        fragment = client.get(url, headers=HTMX).content.decode()
        if 'hx-trigger="every 1s"' not in fragment:
            return gezien, fragment
        assert f'hx-get="{url}"' in fragment
        gezien.append(int(re.search(r'data-voortgang="(\d+)"', fragment).group(1)))
        time.sleep(0.3)
    raise AssertionError(f"import niet klaar na {timeout} s; gezien: {gezien}")


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_grote_import_loopt_in_de_worker_met_voortgang_en_alles_of_niets(client, maak_gebruiker, tmp_path):
    adviseur = maak_gebruiker("beleidsadviseur")
    client.force_login(adviseur)
    import_url = reverse("taakstelling:plaatsing_import")

    with werker(tmp_path / "werker.log"), via_wachtrij():
        begin = time.monotonic()
        antwoord = client.post(
            import_url, {"bestand": SimpleUploadedFile("plaatsingen.csv", bommen.plaatsingen_csv(MAX_RIJEN))}
        )
        assert antwoord.status_code == 302
        assert time.monotonic() - begin < 5  # the request only checks and stores the file
        url = antwoord["Location"]

        pagina = client.get(url)
        html = pagina.content.decode()
        assert pagina.status_code == 200
        assert f'hx-get="{url}"' in html and 'hx-trigger="every 1s"' in html
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), "inline script"
        csp = pagina.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp

        gezien, fragment = _volg(client, url)
        assert any(0 < p < 100 for p in gezien), gezien  # progress was visible while it ran
        assert gezien == sorted(gezien)
        assert "Import geslaagd: 25.000 nieuw, 0 bijgewerkt, 0 ongewijzigd." in fragment
        assert Plaatsing.objects.count() == MAX_RIJEN
        assert LogEntry.objects.filter(actor=adviseur, action=LogEntry.Action.CREATE).count() >= MAX_RIJEN
        assert bytes(ImportTaak.objects.get(pk=url.rstrip("/").split("/")[-1]).inhoud) == b""

        # all or nothing: one bad row in 5,000 and not one row is written
        fout = bommen.plaatsingen_csv(5_000, fout_in_laatste=True, eerste_volgnummer=100)
        antwoord = client.post(import_url, {"bestand": SimpleUploadedFile("fout.csv", fout)})
        _gezien, fragment = _volg(client, antwoord["Location"])
        assert "Er is 1 fout gevonden. Er is niets opgeslagen." in fragment
        assert "<td>5.001</td><td>koppeldatum</td>" in fragment
        assert Plaatsing.objects.count() == MAX_RIJEN

    client.force_login(maak_gebruiker("opgavemanager"))
    assert client.get(url).status_code == 404
    assert client.get(url, headers=HTMX).status_code == 404
