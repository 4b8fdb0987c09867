"""Protection of the login (both the app's and the admin's): who the client is behind trusted proxies,
django-axes' lockout per username + client address with a short cool-off that doubles with every
further lockout, and a guard that refuses a flood from one address before any password is hashed.

- ``client_ip``: REMOTE_ADDR, or — when that is one of ``VERTROUWDE_PROXIES`` — the last address in
  X-Forwarded-For that is not a trusted proxy (each proxy appends the address it got the request
  from, so only the entries our own proxies added can be believed).
- django-axes locks (username, client address) after ``AXES_FAILURE_LIMIT`` failures for
  ``afkoeltijd()``: ``INLOG_AFKOELTIJD``, doubled for every earlier lockout of that pair in the last
  24 hours, at most ``INLOG_AFKOELTIJD_MAX``; a successful login starts again from the short one.
  Attempts during a lockout are refused without a password check and neither extend nor grow it.
- ``InlogbeperkingMiddleware``: per client address at most ``INLOG_MAX_PER_MINUUT`` login attempts a
  minute and ``INLOG_MAX_FOUTEN_PER_UUR`` failed ones an hour, whatever the usernames; beyond that a
  Dutch 429 page, answered from Redis alone (no database, no password hash).

The counters live in the cache (Redis). When Redis is unreachable the guard lets logins through and
the cool-off stays at its shortest; the lockout itself is in the database and keeps working.
"""

import functools
import hashlib
import ipaddress
import math
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.db.models import Max
from django.dispatch import receiver
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

ETMAAL = 24 * 60 * 60


@functools.cache
def _netwerken(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _vertrouwd(adres: str, netwerken) -> bool:
    try:
        ip = ipaddress.ip_address(adres)
    except ValueError:
        return False
    return any(ip in netwerk for netwerk in netwerken)


def client_ip(request) -> str:
    """The client's address (AXES_CLIENT_IP_CALLABLE); see the module docstring."""
    netwerken = _netwerken(tuple(settings.VERTROUWDE_PROXIES))
    adres = request.META.get("REMOTE_ADDR", "")
    keten = [deel.strip() for deel in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    while keten and _vertrouwd(adres, netwerken):
        vorige = keten.pop()
        try:
            ipaddress.ip_address(vorige)
        except ValueError:
            break  # not an address our proxy wrote: stop at the proxy
        adres = vorige
    return adres


# --- growing cool-off of django-axes -------------------------------------------------------------------


def _paar(username, ip) -> str:
    return hashlib.sha256(f"{username}\0{ip}".encode()).hexdigest()


def _afkoeltijd(paar: str) -> timedelta:
    eerdere = min(cache.get(f"inloggen:blokkades:{paar}") or 0, 20)  # 2**20 x is past any maximum
    return min(settings.INLOG_AFKOELTIJD * 2**eerdere, settings.INLOG_AFKOELTIJD_MAX)


def afkoeltijd(request) -> timedelta:
    """AXES_COOLOFF_TIME: the lockout for this (username, client address), doubled per earlier one."""
    return _afkoeltijd(_paar(get_client_username(request), client_ip(request)))


class VerloopHandler(AxesDatabaseHandler):
    """AXES_HANDLER: an attempt counts until its own expiry (the cool-off it was recorded with), not for
    the window of the current request's cool-off, which grows after a lockout."""

    def get_user_attempts(self, request, credentials=None):
        nu = timezone.now()
        return [
            pogingen.filter(expiration__expires_at__gt=nu)
            for pogingen in self.filter_user_attempts(request, credentials)
        ]


@receiver(user_locked_out)
def _blokkade_begonnen(sender, request, username, ip_address, **kwargs):
    """A new lockout makes the next one twice as long; refused attempts during it change nothing."""
    paar = _paar(username, ip_address)
    if cache.add(f"inloggen:geblokkeerd:{paar}", 1, math.ceil(_afkoeltijd(paar).total_seconds())):
        _tel(f"inloggen:blokkades:{paar}", ETMAAL)


@receiver(user_logged_in)
def _ingelogd(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(f"inloggen:blokkades:{_paar(user.get_username(), client_ip(request))}")


def geblokkeerd(request, response, credentials):
    """AXES_LOCKOUT_CALLABLE: the Dutch lockout page with the time the lockout ends."""
    tot = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials), ip_address=client_ip(request)
    ).aggregate(tot=Max("expiration__expires_at"))["tot"]
    return render(request, "registration/geblokkeerd.html", {"tot": tot}, status=429)


# --- per-address guard before the password check ---------------------------------------------------


def _tel(sleutel: str, seconden: int) -> int:
    """Count one more in a window of ``seconden`` that starts with the first; 0 when Redis is away."""
    cache.add(sleutel, 0, seconden)
    try:
        return cache.incr(sleutel) or 0
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, seconden)
        return 1


@receiver(user_login_failed)
def _mislukt(sender, credentials, request=None, **kwargs):
    if request is not None:
        _tel(f"inloggen:fouten:{client_ip(request)}", 60 * 60)


class InlogbeperkingMiddleware:
    """Refuses login POSTs beyond the per-address limits with a 429, before the view (and its password
    hash) runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path in (reverse("login"), reverse("admin:login")):
            ip = client_ip(request)
            fouten = cache.get(f"inloggen:fouten:{ip}") or 0
            if fouten >= settings.INLOG_MAX_FOUTEN_PER_UUR:
                return self.te_veel(request, 60 * 60)
            if _tel(f"inloggen:minuut:{ip}", 60) > settings.INLOG_MAX_PER_MINUUT:
                return self.te_veel(request, 60)
        return self.get_response(request)

    @staticmethod
    def te_veel(request, seconden):
        response = render(request, "registration/te_veel_pogingen.html", status=429)
        response["Retry-After"] = str(seconden)
        return response
