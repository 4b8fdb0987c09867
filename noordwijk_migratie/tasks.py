from celery import shared_task
from django.contrib.sessions.models import Session
from django.utils import timezone


@shared_task(name="kern.opschonen_sessies")
def opschonen_sessies() -> int:
    """Delete expired sessions; returns how many were removed."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted
