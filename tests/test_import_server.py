"""Import bombs against the real server (gunicorn, 2 workers, production settings): each is answered
within seconds with a Dutch error, and /healthz/live stays responsive while they are being sent, two at
a time. (Before the limits, the 5 kB dimension bomb alone took 3.4 GB and a worker timeout.)"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import reverse

from noordwijk_migratie.models import Gemeente

from . import bommen
from .server import verzoek

BOMMEN = {
    "dimensie.xlsx": (bommen.dimensie_bom, "Import geslaagd"),  # harmless once the dimension is ignored
    "cellen.xlsx": (bommen.cellen_bom, "Het bestand bevat te veel cellen"),
    "reuzenrij.xlsx": (bommen.reuzenrij_bom, "Een rij van het XLSX-bestand bevat te veel cellen."),
    "opmaak.xlsx": (bommen.opmaak_bom, "Het XLSX-bestand bevat te veel opmaak"),
    "breed.csv": (bommen.brede_kop_csv, "De kopregel heeft meer dan 50 kolommen"),
    "lang.csv": (bommen.lang_veld_csv, "bevat een veld van meer dan 128 kB"),
}


@pytest.mark.django_db(transaction=True)
def test_importbommen_krijgen_snel_een_nederlandse_fout_en_de_site_blijft_bereikbaar(app_server, maak_gebruiker):
    beheerder = app_server.gebruiker(maak_gebruiker("functioneel_beheerder"))
    pad = reverse("kern:gemeente_import")
    bestanden = {naam: maak() for naam, (maak, _verwacht) in BOMMEN.items()}
    klaar = False
    live = []

    def peil_live():
        while not klaar:
            begin = time.monotonic()
            try:
                status = verzoek(app_server.poort, "GET", "/healthz/live", timeout=10)[0]
            except OSError as exc:
                status = repr(exc)
            live.append((status, time.monotonic() - begin))
            time.sleep(0.1)

    def stuur(naam):
        body, soort = bommen.multipart({}, {"bestand": (naam, bestanden[naam])})
        headers = {"Cookie": beheerder.cookie, "X-CSRFToken": beheerder.csrf, "Content-Type": soort}
        begin = time.monotonic()
        try:
            status, _headers, inhoud = verzoek(app_server.poort, "POST", pad, body=body, headers=headers, timeout=20)
        except OSError as exc:
            return naam, repr(exc), "", time.monotonic() - begin
        return naam, status, inhoud.decode(errors="replace"), time.monotonic() - begin

    with ThreadPoolExecutor(max_workers=3) as pool:
        peiler = pool.submit(peil_live)
        try:
            # two at a time, each bomb twice (the harmless one once: both would create the same gemeente)
            antwoorden = list(pool.map(stuur, [*BOMMEN, *(n for n in BOMMEN if n != "dimensie.xlsx")]))
        finally:
            klaar = True
        peiler.result(timeout=30)

    for naam, status, inhoud, duur in antwoorden:
        verwacht = BOMMEN[naam][1]
        if verwacht == "Import geslaagd":
            assert status == 302, (naam, status, inhoud[:300])
        else:
            assert status == 200, (naam, status, inhoud[:300])
            assert verwacht in inhoud, naam
        assert duur < 5, f"{naam}: {duur:.1f} s"
    assert live and all(status == 200 for status, _duur in live), live
    assert max(duur for _status, duur in live) < 3, live
    assert Gemeente.objects.filter(cbs_code="GM0518").count() == 1
