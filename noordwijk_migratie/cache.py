"""Cached derived figures, invalidated by every change of project data (the cache itself: django-redis,
which answers a miss when Redis is unreachable; settings.CACHES)."""

import contextlib
from contextvars import ContextVar

VERSIE_SLEUTEL = "data-versie"
CACHE_SECONDEN = 300  # also bounds staleness if a change happened while Redis was unreachable
_per_rij_uitgesteld = ContextVar("versie_per_rij_uitgesteld", default=False)


def is_projectdata(model) -> bool:
    """Changes of this model's data raise the data version (apps registered with projectdata)."""
    from .registry import projectdata_labels

    return model._meta.app_label in projectdata_labels()


def data_versie() -> int:
    """A counter raised on every change of project data; part of every derived-figures key."""
    from django.core.cache import cache

    return cache.get(VERSIE_SLEUTEL) or 0


def verhoog_data_versie() -> None:
    from django.core.cache import cache

    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:  # first change since the cache started
        cache.set(VERSIE_SLEUTEL, 1, None)


def na_wijziging() -> None:
    """Raise the version now (this request sees its own change) and again when the transaction commits
    (so figures another request computed from the not-yet-committed state are not kept)."""
    from django.db import transaction

    verhoog_data_versie()
    transaction.on_commit(verhoog_data_versie)


def bij_wijziging(sender, **kwargs) -> None:
    """post_save/post_delete/m2m_changed receiver (connected in KernConfig.ready)."""
    if is_projectdata(sender) and not _per_rij_uitgesteld.get():
        na_wijziging()


@contextlib.contextmanager
def een_versiesprong():
    """Many writes (an import, bulk_create, which sends no signals) raise the version once, at the end."""
    token = _per_rij_uitgesteld.set(True)
    try:
        yield
    finally:
        _per_rij_uitgesteld.reset(token)
        na_wijziging()


def gecachet(naam: str, delen: tuple, maak, seconden: int = CACHE_SECONDEN):
    """``maak()``'s result for (naam, *delen), cached until project data changes (or ``seconden`` pass)."""
    from django.core.cache import cache

    sleutel = ":".join([naam, str(data_versie()), *(str(d) for d in delen)])
    waarde = cache.get(sleutel)
    if waarde is None:
        waarde = maak()
        cache.set(sleutel, waarde, seconden)
    return waarde
