import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext as _

from .imports import ImportResultaat, sluit_importtaak, voer_importtaak_uit

logger = logging.getLogger(__name__)


@shared_task(name="kern.opschonen_sessies")
def opschonen_sessies() -> int:
    """Delete expired sessions; returns how many were removed."""
    deleted, _aantal = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


@shared_task(name="kern.importeer", acks_late=True, reject_on_worker_lost=True)
def importeer(taak_id: int) -> str:
    """Run a large import (imports.voer_importtaak_uit); a worker lost mid-run gets it again."""
    try:
        return voer_importtaak_uit(taak_id)
    except SoftTimeLimitExceeded:
        melding = _("De import duurde te lang en is afgebroken; er is niets opgeslagen.")
    except Exception:
        logger.exception("Import %s mislukt", taak_id)
        melding = _("De import is door een storing niet uitgevoerd; er is niets opgeslagen.")
    sluit_importtaak(taak_id, ImportResultaat.met_fout(melding), mislukt=True)
    return "mislukt"
