"""With a real Celery worker against Redis and PostgreSQL: end to end, and a worker killed mid-way."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from rapportage import secties, services
from rapportage.models import Rapport, Status
from rapportage.tasks import genereer_rapport
from tests.werker import Werker, via_wachtrij, wacht_op, werker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _status(pk):
    return Rapport.objects.values_list("status", "voortgang").get(pk=pk)


def _controleer_compleet(rapport: Rapport):
    assert rapport.status == Status.KLAAR and rapport.voortgang == 100
    pad = Path(rapport.pdf.path)
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == rapport.sha256
    reader = PdfReader(pad)
    assert len(reader.pages) >= 3 and "/StructTreeRoot" in reader.trailer["/Root"]
    assert not list(pad.parent.glob(".*.tmp"))  # no half-written files left behind


def test_werker_maakt_rapport_van_begin_tot_eind(tmp_path):
    with werker(tmp_path / "werker.log"), via_wachtrij():
        rapport = services.vraag_aan(secties.HALFJAAR, date(2025, 7, 1), None)
        wacht_op(lambda: _status(rapport.pk)[0] in (Status.KLAAR, Status.MISLUKT), melding="rapport klaar")
    rapport.refresh_from_db()
    assert rapport.foutmelding == ""
    _controleer_compleet(rapport)
    assert rapport.taak_id and rapport.gestart_op and rapport.klaar_op >= rapport.gestart_op


def test_gedode_werker_en_opnieuw_uitgevoerde_taak_geven_precies_een_compleet_rapport(tmp_path):
    with via_wachtrij():
        traag = Werker(tmp_path / "werker1.log", pauze=60)
        try:
            traag.wacht_tot_klaar_voor_werk()
            rapport = services.vraag_aan(secties.HALFJAAR, date(2026, 1, 1), None)
            # the worker stored the snapshot (60 %) and is now rendering: kill it
            wacht_op(lambda: _status(rapport.pk) == (Status.BEZIG, 60), melding="rapport bezig op 60 %")
        finally:
            traag.kill()
        assert _status(rapport.pk) == (Status.BEZIG, 60)
        snapshot = Rapport.objects.get(pk=rapport.pk).snapshot
        assert snapshot and not Rapport.objects.get(pk=rapport.pk).pdf

        with werker(tmp_path / "werker2.log"):
            genereer_rapport.delay(rapport.pk)  # the task re-run
            wacht_op(lambda: _status(rapport.pk)[0] == Status.KLAAR, melding="rapport klaar na herstart")
            # and a third delivery of the same task changes nothing
            resultaat = genereer_rapport.delay(rapport.pk)
            assert resultaat.get(timeout=60) == "al klaar"

    rapporten = Rapport.objects.filter(soort=secties.HALFJAAR, peildatum=date(2026, 1, 1))
    assert rapporten.count() == 1
    rapport = rapporten.get()
    assert rapport.versie == 1
    assert rapport.snapshot == snapshot  # the data of the first run, not a second snapshot
    _controleer_compleet(rapport)
