"""One definitief version per report kind and peildatum, also when two managers click at once."""

import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from rapportage.models import Rapport, Toelichting
from rapportage.tests.factories import RapportFactory
from tests.server import HOST, verzoek
from tests.werker import wacht_op, werker

pytestmark = pytest.mark.django_db(transaction=True)

AL_DEFINITIEF = "Er is al een andere versie van dit rapport definitief."


def _post_en_volg(gebruiker, pad, start: threading.Barrier) -> tuple[int, str]:
    """POST (after all threads reached ``start``), then GET the redirect with the messages cookie the
    POST set: (status of the POST, text of the page the user lands on)."""
    headers = {"Cookie": gebruiker.cookie, "X-CSRFToken": gebruiker.csrf, "Content-Length": "0"}
    verbinding = http.client.HTTPConnection(HOST, gebruiker.poort, timeout=60)
    try:
        start.wait(10)
        verbinding.request("POST", pad, headers=headers)
        antwoord = verbinding.getresponse()
        antwoord.read()
        koekjes = SimpleCookie()
        for regel in antwoord.headers.get_all("Set-Cookie") or []:
            koekjes.load(regel)
        status, locatie = antwoord.status, antwoord.headers.get("Location", "")
    finally:
        verbinding.close()
    if status != 302:
        return status, ""
    cookie = gebruiker.cookie + "".join(f"; {naam}={morsel.coded_value}" for naam, morsel in koekjes.items())
    pagina_status, _h, body = verzoek(gebruiker.poort, "GET", urlsplit(locatie).path, headers={"Cookie": cookie})
    assert pagina_status == 200
    return status, body.decode()


@pytest.mark.server
@pytest.mark.worker
def test_twee_versies_tegelijk_definitief_maken_lukt_voor_precies_een(app_server, maak_gebruiker, tmp_path):
    """Two opgavemanagers finalise version 1 and version 2 of the same report at the same moment, each
    through its own gunicorn worker; both requests return at once (the finalising is queued) and the real
    Celery worker finalises exactly one; the other stays a concept with a Dutch reason on its page (no 500)."""
    v1, v2 = RapportFactory(versie=1), RapportFactory(versie=2)
    Toelichting.objects.create(soort=v1.soort, peildatum=v1.peildatum, sectie="samenvatting", tekst="Op schema.")
    managers = [maak_gebruiker("opgavemanager", username=f"manager-{i}") for i in (1, 2)]
    start = threading.Barrier(2)
    with ThreadPoolExecutor(max_workers=4) as pool:
        # warm up both gunicorn workers (URL conf, templates), so the two POSTs start together
        opwarmen = [pool.submit(app_server.gebruiker(managers[0]).get, r.get_absolute_url()) for r in (v1, v2) * 3]
        assert {t.result(timeout=60)[0] for t in opwarmen} == {200}
        taken = [
            pool.submit(
                _post_en_volg, app_server.gebruiker(m), reverse("rapportage:rapport_definitief", args=[r.pk]), start
            )
            for m, r in zip(managers, (v1, v2), strict=True)
        ]
        uitkomsten = [t.result(timeout=120) for t in taken]
    assert [status for status, _ in uitkomsten] == [302, 302], app_server.log.read_text(errors="replace")

    with werker(tmp_path / "werker.log"):
        wacht_op(
            lambda: not Rapport.objects.filter(definitief=False, definitief_gevraagd_op__isnull=False).exists(),
            melding="beide verzoeken verwerkt",
        )
    definitief = list(Rapport.objects.filter(definitief=True))
    assert len(definitief) == 1
    winnaar = definitief[0]
    verliezer = v2 if winnaar.pk == v1.pk else v1
    verliezer.refresh_from_db()
    assert not verliezer.definitief and verliezer.definitief_door is None
    assert AL_DEFINITIEF in verliezer.foutmelding
    _status, _h, pagina = verzoek(
        app_server.poort,
        "GET",
        verliezer.get_absolute_url(),
        headers={"Cookie": app_server.gebruiker(managers[0]).cookie},
    )
    assert AL_DEFINITIEF in pagina.decode()


def test_database_weigert_een_tweede_definitieve_versie():
    """The rule holds below the application too: PostgreSQL refuses a second definitief version."""
    RapportFactory(versie=1, definitief=True)
    tweede = RapportFactory(versie=2)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rapport.objects.filter(pk=tweede.pk).update(definitief=True)
    # another peildatum or kind is a different report
    RapportFactory(versie=1, peildatum=date(2026, 1, 1), definitief=True)
    assert Rapport.objects.filter(definitief=True).count() == 2
