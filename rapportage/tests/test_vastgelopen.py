"""A report left "bezig" by a killed worker: found by the beat task, requeued exactly once, finished."""

import hashlib
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db.models import F
from psycopg import sql

from noordwijk_migratie.celery import app as celery_app
from rapportage import secties, services, tasks
from rapportage.models import Rapport, Status, Toelichting
from rapportage.tests.factories import RapportFactory
from tests.werker import Werker, database_url, via_wachtrij, wacht_op, werker

LANGER_DAN_DE_HARDE_LIMIET = timedelta(seconds=settings.RAPPORTAGE_TIME_LIMIT + settings.TAAK_MARGE_SECONDEN + 1)


@contextmanager
def tabel_op_slot(model):
    """Another database session holds an ACCESS EXCLUSIVE lock on the model's table, so every query on
    it — a SELECT too — waits until the block ends: a worker stays busy mid-report, like one that is
    slow, with no test hook in the application."""
    with psycopg.connect(database_url()) as verbinding:
        tabel = sql.Identifier(model._meta.db_table)
        verbinding.execute(sql.SQL("LOCK TABLE {} IN ACCESS EXCLUSIVE MODE").format(tabel))
        yield
        verbinding.rollback()


def wachtende_taken() -> int:
    """Messages waiting in the default Celery queue (AMQP queue_declare; the worker declares it too)."""
    with celery_app.connection_for_read() as verbinding:
        return verbinding.default_channel.queue_declare(celery_app.conf.task_default_queue).message_count


def _status(pk):
    return Rapport.objects.values_list("status", "voortgang").get(pk=pk)


@pytest.mark.storing
@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_gedode_werker_laat_geen_rapport_voor_altijd_bezig(tmp_path):
    with via_wachtrij():
        rapport = services.vraag_aan(secties.HALFJAAR, date(2026, 1, 1), None)  # queued; no worker yet
        # the worker starts the report and then waits on the database (its first read of the snapshot)
        with tabel_op_slot(Toelichting):
            eerste = Werker(tmp_path / "werker1.log")
            try:
                eerste.wacht_tot_klaar_voor_werk()
                wacht_op(lambda: _status(rapport.pk)[0] == Status.BEZIG, melding="rapport bezig")
            finally:
                eerste.kill()  # SIGKILL of the worker's main process, mid-report
        assert _status(rapport.pk) == (Status.BEZIG, 5)

        # within the hard time limit the report may still be running somewhere: left alone
        assert tasks.herstel_vastgelopen() == []
        assert _status(rapport.pk) == (Status.BEZIG, 5)

        # later than the hard time limit: mislukt and requeued, once, however often the check runs
        Rapport.objects.filter(pk=rapport.pk).update(gestart_op=F("gestart_op") - LANGER_DAN_DE_HARDE_LIMIET)
        voor = wachtende_taken()
        assert tasks.herstel_vastgelopen() == [rapport.pk]
        assert tasks.herstel_vastgelopen() == []
        assert wachtende_taken() == voor + 1
        rapport.refresh_from_db()
        assert rapport.status == Status.MISLUKT and rapport.opnieuw_ingepland_op
        assert rapport.foutmelding == services.ONDERBROKEN

        with werker(tmp_path / "werker2.log"):  # a worker is back
            wacht_op(lambda: _status(rapport.pk)[0] == Status.KLAAR, melding="rapport klaar na herstart")
            # the killed worker's own message, redelivered by Redis after the visibility timeout
            assert tasks.genereer_rapport.delay(rapport.pk).get(timeout=60) == "al klaar"

    rapport = Rapport.objects.get(soort=secties.HALFJAAR, peildatum=date(2026, 1, 1))  # one version
    assert rapport.versie == 1 and rapport.status == Status.KLAAR and rapport.voortgang == 100
    assert rapport.foutmelding == ""
    pad = Path(rapport.pdf.path)
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == rapport.sha256
    assert not list(pad.parent.glob(".*.tmp"))  # no half-written files left behind


@pytest.mark.django_db
def test_een_rapport_dat_opnieuw_vastloopt_blijft_mislukt(django_capture_on_commit_callbacks):
    """Requeued once and stuck again (it keeps killing its worker, or hits the hard limit): no loop."""
    lang_geleden = LANGER_DAN_DE_HARDE_LIMIET + timedelta(hours=1)
    rapport = RapportFactory(status=Status.BEZIG, voortgang=30, pdf="", sha256="")
    Rapport.objects.filter(pk=rapport.pk).update(
        gestart_op=F("aangevraagd_op") - lang_geleden, opnieuw_ingepland_op=F("aangevraagd_op") - lang_geleden
    )
    klaar = RapportFactory(versie=rapport.versie + 1)  # not a fixed number: the factory's sequence runs on
    Rapport.objects.filter(pk=klaar.pk).update(gestart_op=F("aangevraagd_op") - lang_geleden)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.herstel_vastgelopen() == []
    rapport.refresh_from_db()
    assert (rapport.status, rapport.foutmelding) == (Status.MISLUKT, services.OPNIEUW_ONDERBROKEN)
    klaar.refresh_from_db()
    assert klaar.status == Status.KLAAR and klaar.foutmelding == ""  # only "bezig" counts


def test_redis_geeft_een_taak_van_een_gedode_werker_na_de_harde_limiet_terug():
    """Above the longest hard time limit (else a running task is delivered twice), well below an hour."""
    langste = max(celery_app.conf.task_time_limit, tasks.genereer_rapport.time_limit)
    zichtbaarheid = celery_app.conf.broker_transport_options["visibility_timeout"]
    assert langste < zichtbaarheid <= langste + 5 * 60
    regel = settings.CELERY_BEAT_SCHEDULE["rapportage-vastgelopen"]
    assert regel["task"] == tasks.herstel_vastgelopen.name
