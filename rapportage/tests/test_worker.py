"""With a real Celery worker against Redis and PostgreSQL, end to end (a worker killed mid-way:
test_vastgelopen.py)."""

import hashlib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from rapportage import secties, services
from rapportage.models import Rapport, Status
from tests.werker import via_wachtrij, wacht_op, werker

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
    # the worker paid the first report's one-time costs when it started (noordwijk_migratie.celery)
    assert "Rapporten: opgewarmd in" in (tmp_path / "werker.log").read_text(errors="replace")
