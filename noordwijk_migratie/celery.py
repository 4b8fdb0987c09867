"""Celery application, configured from Django settings (namespace ``CELERY_``)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "noordwijk_migratie.settings.dev")

app = Celery("noordwijk_migratie")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


def _broker_fouten() -> tuple[type[BaseException], ...]:
    from kombu.exceptions import OperationalError as KombuOperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return (KombuOperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)


BROKER_FOUTEN = _broker_fouten()  # what publishing a task raises when Redis is unreachable
