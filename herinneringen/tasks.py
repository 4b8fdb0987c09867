"""Celery beat tasks: bring the reminders up to date and e-mail the due ones; the weekly digest.

Both are idempotent (see diensten): running twice, or again after a worker died, sends nothing twice.
An SMTP outage releases what was not sent and retries later, with a growing wait; what is still
unsent after the last retry goes with the next beat run."""

from celery import shared_task
from django.conf import settings

from . import diensten

MAX_POGINGEN = 8


def wachttijd(poging: int) -> int:
    """Seconds before retry ``poging`` (0, 1, …): doubling from HERINNERINGEN_SMTP_WACHTTIJD, at most an hour."""
    return min(settings.HERINNERINGEN_SMTP_WACHTTIJD * 2**poging, 3600)


@shared_task(
    bind=True, name="herinneringen.versturen", acks_late=True, reject_on_worker_lost=True, max_retries=MAX_POGINGEN
)
def versturen(self) -> dict:
    try:
        uitkomst = diensten.ronde()
    except diensten.SMTP_STORINGEN as fout:
        raise self.retry(exc=fout, countdown=wachttijd(self.request.retries)) from fout
    return {"open": uitkomst.open, "vervallen": uitkomst.vervallen, "verstuurd": uitkomst.verstuurd}


@shared_task(
    bind=True, name="herinneringen.weekoverzicht", acks_late=True, reject_on_worker_lost=True, max_retries=MAX_POGINGEN
)
def weekoverzicht(self) -> int:
    try:
        diensten.bijwerken()
        return diensten.verstuur_overzichten()
    except diensten.SMTP_STORINGEN as fout:
        raise self.retry(exc=fout, countdown=wachttijd(self.request.retries)) from fout
