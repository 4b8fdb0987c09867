"""Celery: configuration from settings, the beat schedule, and a real worker process."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from noordwijk_migratie.celery import app
from tests.werker import werker


def test_celery_is_ingesteld_vanuit_settings():
    assert app.conf.task_acks_late is True
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_soft_time_limit < app.conf.task_time_limit
    assert app.conf.broker_url == settings.REDIS_URL


def test_elke_beat_taak_bestaat():
    app.loader.import_default_modules()
    geregistreerd = set(app.tasks)
    for naam, regel in settings.CELERY_BEAT_SCHEDULE.items():
        assert regel["task"] in geregistreerd, f"Beat-regel {naam} noemt onbekende taak {regel['task']}"


@pytest.mark.worker
@pytest.mark.filterwarnings("ignore:Results are not stored in backend")
@pytest.mark.django_db(transaction=True)
def test_echte_worker_voert_taak_uit(tmp_path):
    verlopen = SessionStore()
    verlopen["x"] = 1
    verlopen.create()
    Session.objects.filter(session_key=verlopen.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(days=1)
    )
    geldig = SessionStore()
    geldig.create()

    with werker(tmp_path / "werker.log"):
        resultaat = app.send_task("kern.opschonen_sessies")
        assert resultaat.get(timeout=30) == 1
    assert not Session.objects.filter(session_key=verlopen.session_key).exists()
    assert Session.objects.filter(session_key=geldig.session_key).exists()
