"""The beat task with real Celery workers and a real SMTP server, counting what the server received:
two workers running it at once, a worker killed in the middle of a run, and SMTP outages."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone

from herinneringen import diensten
from herinneringen.models import Melding
from noordwijk_migratie.celery import app as celery_app
from programma.models import ActieStatus
from programma.tests.factories import ActieFactory
from tests.werker import Werker, via_wachtrij, wacht_op, werker

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("zonder_statushouders"),
]

TAAK = "herinneringen.versturen"


@pytest.fixture
def omgeving(smtp, monkeypatch):
    """The workers (subprocesses) deliver to the test's SMTP server; a retry waits 1 s, then 2, 4, …"""
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{smtp.poort}?timeout=30")
    monkeypatch.setenv("HERINNERINGEN_SMTP_WACHTTIJD", "1")
    with via_wachtrij():
        yield smtp.postbus


@pytest.fixture
def adviseurs(maak_gebruiker):
    """Beleidsadviseurs with an overdue action each has to hear about: one e-mail per adviseur."""
    mensen = []
    for i in range(3):
        user = maak_gebruiker("beleidsadviseur", username=f"adviseur-{i}")
        user.email = f"adviseur-{i}@example.org"
        user.save()
        mensen.append(user)
    for i in range(2):
        ActieFactory(gepland_eind=timezone.localdate() - timedelta(days=10 + i), status=ActieStatus.LOOPT)
    return mensen


def _elke_herinnering_een_keer(postbus, adviseurs):
    """Each adviseur received each of their two reminders exactly once, in one e-mail."""
    for user in adviseurs:
        berichten = postbus.aan(user.email)
        teksten = " ".join(b.get_body(("plain",)).get_content() for b in berichten)
        assert teksten.count("Actie over de geplande einddatum") == 2, f"{user.email}: {teksten}"
        assert len(berichten) == 1, f"{user.email}: {len(berichten)} e-mails"
    assert not Melding.objects.filter(verstuurd_op=None).exists()


def test_twee_werkers_tegelijk_sturen_niets_dubbel(omgeving, adviseurs, tmp_path):
    omgeving.vertraging = 0.5  # a slow server, so both workers are busy at the same time
    with werker(tmp_path / "w1.log"), werker(tmp_path / "w2.log"):
        taken = [celery_app.send_task(TAAK), celery_app.send_task(TAAK)]
        resultaten = [t.get(timeout=90) for t in taken]
    assert sum(r["verstuurd"] for r in resultaten) == 2 * len(adviseurs)  # 2 reminders per adviseur, once
    _elke_herinnering_een_keer(omgeving, adviseurs)
    assert len(omgeving.berichten) == len(adviseurs)


@pytest.mark.storing
def test_gedode_werker_stuurt_na_herstart_niets_dubbel(omgeving, adviseurs, tmp_path):
    omgeving.houd_vast_na(1)  # the first e-mail is accepted, the second hangs: the worker waits on the server
    eerste = Werker(tmp_path / "w1.log")
    try:
        eerste.wacht_tot_klaar_voor_werk()
        celery_app.send_task(TAAK)
        assert omgeving.houdt_vast.wait(60), eerste.log.read_text(errors="replace")
    finally:
        eerste.kill()  # SIGKILL in the middle of the run
    omgeving.laat_los()  # the held e-mail is answered 451: not delivered
    assert len(omgeving.berichten) == 1
    verstuurd = Melding.objects.exclude(verstuurd_op=None)
    geclaimd = Melding.objects.filter(verstuurd_op=None).exclude(claim="")
    assert verstuurd.count() == 2 and geclaimd.count() == 2  # the dead worker's claim: the second adviseur

    with werker(tmp_path / "w2.log"):
        # within the hard time limit the dead worker's claim is respected: only the third adviseur
        assert celery_app.send_task(TAAK).get(timeout=60)["verstuurd"] == 2
        assert len(omgeving.berichten) == 2
        # after it, the claim has expired and the next run sends what the dead worker had not
        Melding.objects.exclude(claim="").update(geclaimd_op=F("geclaimd_op") - diensten.claim_duur())
        assert celery_app.send_task(TAAK).get(timeout=60)["verstuurd"] == 2
        assert celery_app.send_task(TAAK).get(timeout=60)["verstuurd"] == 0
    _elke_herinnering_een_keer(omgeving, adviseurs)
    assert len(omgeving.berichten) == len(adviseurs)


@pytest.mark.storing
def test_smtp_storing_wordt_opnieuw_geprobeerd_zonder_verlies_of_dubbel(smtp, omgeving, adviseurs, tmp_path):
    smtp.stop()  # the mail server is down: connection refused
    with werker(tmp_path / "w.log") as w:
        taak = celery_app.send_task(TAAK)
        wacht_op(lambda: w.log.read_text(errors="replace").count("retry: Retry in") >= 1, melding="eerste retry")
        assert omgeving.berichten == [] and not Melding.objects.exclude(claim="").exists()  # claims released
        # back, but it refuses (421) after the first e-mail: an outage in the middle of the run
        omgeving.weiger_na = 1
        smtp.start()
        wacht_op(lambda: w.log.read_text(errors="replace").count("retry: Retry in") >= 2, melding="tweede retry")
        assert len(omgeving.berichten) == 1
        omgeving.weiger_na = None  # all well again
        omgeving.wacht_op(len(adviseurs))
        assert taak.get(timeout=60)["verstuurd"] == 2 * (len(adviseurs) - 1)
        assert celery_app.send_task(TAAK).get(timeout=60)["verstuurd"] == 0
    _elke_herinnering_een_keer(omgeving, adviseurs)
    assert len(omgeving.berichten) == len(adviseurs)
