"""Celery tasks: generate one report (idempotent), finalise one, the daily planning of automatic reports, and the
recovery of reports a dead worker left "bezig"."""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as KombuOperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

from . import services

logger = logging.getLogger(__name__)

TIJDELIJKE_FOUTEN = (OperationalError, InterfaceError, RedisConnectionError, KombuOperationalError)
MAX_POGINGEN = 3


@shared_task(
    bind=True,
    name="rapportage.genereer_rapport",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TIJDELIJKE_FOUTEN,
    max_retries=MAX_POGINGEN,
    retry_backoff=True,
    retry_backoff_max=120,
    retry_jitter=True,
    soft_time_limit=settings.RAPPORTAGE_SOFT_TIME_LIMIT,
    time_limit=settings.RAPPORTAGE_TIME_LIMIT,
)
def genereer_rapport(self, rapport_id: int) -> str:
    """Build report ``rapport_id`` (see services.bouw_rapport); safe to run more than once."""
    try:
        return services.bouw_rapport(rapport_id, taak_id=self.request.id or "")
    except TIJDELIJKE_FOUTEN as fout:
        if self.request.retries >= MAX_POGINGEN:
            _mislukt(rapport_id, "Tijdelijke storing (database of wachtrij); het rapport is niet gemaakt.", fout)
        raise
    except SoftTimeLimitExceeded as fout:
        _mislukt(rapport_id, "Het maken van het rapport duurde te lang en is afgebroken.", fout)
        return "mislukt"
    except Exception as fout:
        _mislukt(rapport_id, f"Fout bij het maken van het rapport: {fout}", fout)
        return "mislukt"


@shared_task(
    bind=True,
    name="rapportage.maak_definitief",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TIJDELIJKE_FOUTEN,
    max_retries=MAX_POGINGEN,
    retry_backoff=True,
    retry_jitter=True,
    soft_time_limit=settings.RAPPORTAGE_SOFT_TIME_LIMIT,
    time_limit=settings.RAPPORTAGE_TIME_LIMIT,
)
def maak_rapport_definitief(self, rapport_id: int, door_id: int | None) -> str:
    """Finalise report ``rapport_id`` (services.maak_definitief, which checks everything again)."""
    from .models import Rapport

    try:
        rapport = Rapport.objects.filter(pk=rapport_id).first()
        if rapport is None:
            return "onbekend"
        if rapport.definitief:
            return "definitief"
        door = get_user_model().objects.filter(pk=door_id).first() if door_id else None
        services.maak_definitief(rapport, door)
        return "definitief"
    except ValidationError as fout:
        services.definitief_mislukt(rapport_id, " ".join(fout.messages))
        return "geweigerd"
    except TIJDELIJKE_FOUTEN as fout:
        if self.request.retries >= MAX_POGINGEN:
            logger.error("Rapport %s niet definitief: tijdelijke storing", rapport_id, exc_info=fout)
            services.definitief_mislukt(rapport_id, "Tijdelijke storing; het rapport is niet definitief gemaakt.")
        raise
    except Exception as fout:
        logger.error("Rapport %s niet definitief", rapport_id, exc_info=fout)
        services.definitief_mislukt(rapport_id, f"Fout bij het definitief maken: {fout}")
        return "mislukt"


def _mislukt(rapport_id: int, reden: str, fout: BaseException) -> None:
    logger.error("Rapport %s mislukt: %s", rapport_id, reden, exc_info=fout)
    try:
        services.markeer_mislukt(rapport_id, reden)
    except TIJDELIJKE_FOUTEN:
        logger.exception("Kon status van rapport %s niet bijwerken", rapport_id)


@shared_task(name="rapportage.plan_rapporten")
def plan_rapporten() -> list[int]:
    """Daily (beat): request the automatic concept reports that are due (see services.te_plannen)."""
    return [r.pk for r in services.plan_rapporten()]


@shared_task(name="rapportage.herstel_vastgelopen")
def herstel_vastgelopen() -> list[int]:
    """Every 5 minutes (beat): reports a dead worker left "bezig" become mislukt, requeued once."""
    return services.herstel_vastgelopen()
