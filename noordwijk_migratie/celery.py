"""Celery application, configured from Django settings (namespace ``CELERY_``)."""

import logging
import os

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "noordwijk_migratie.settings.dev")

logger = logging.getLogger(__name__)

app = Celery("noordwijk_migratie")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _broker_fouten() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError as KombuOperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (KombuOperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


BROKER_FOUTEN = _broker_fouten()  # what publishing a task raises when Redis is unreachable


@worker_init.connect
def rapporten_opwarmen(**kwargs) -> None:
    """A worker builds the reports: it loads and warms what they need when it starts (about a second: the
    URLconf, WeasyPrint's imports, fonts, templates; ``rapportage.services.opwarmen``), so the first report
    a user requests does not wait for that; what it loaded is then frozen out of the garbage collector.
    ``worker_init`` runs in the worker's main process before the pool starts; prefork children are forked
    from it and inherit the warm state (WeasyPrint starts no threads). A failure is logged and the worker starts anyway: the
    first report then pays the cost itself."""
    from rapportage.services import opwarmen

    try:
        logger.info("Rapporten: opgewarmd in %.2f s", opwarmen())
    except Exception:
        logger.warning("Opwarmen voor de rapporten mislukt; het eerste rapport doet het zelf", exc_info=True)
