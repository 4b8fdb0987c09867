"""Middleware of the project package. None of it resolves the session or the user unless the view or a
write needs them: a health check or the login page runs no session or user query."""

import time

from auditlog.cid import set_cid
from auditlog.context import set_actor
from django.conf import settings
from django.utils.cache import patch_cache_control

LIVENESS_PAD = "/healthz/live"
# What the stack's SecurityMiddleware, CSP and clickjacking middleware would add; for a JSON answer
# that loads nothing, the CSP allows nothing.
LIVENESS_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
}


class LivenessMiddleware:
    """First in the stack: ``GET``/``HEAD /healthz/live`` (a liveness probe: docker-compose, Kubernetes) is
    answered before any other middleware runs, so the probe costs what the process itself costs: no
    session, user, CSRF, messages or audit context. The answer is the view's own
    (``views.liveness``, also reachable through the URLconf for any other method), with the security
    headers that still make sense for it. Readiness (``/healthz``, database and broker) goes through the
    whole stack as before. The host is not checked: the answer says nothing but "the process runs", and
    a probe addresses the pod or container, not a name in ALLOWED_HOSTS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == LIVENESS_PAD and request.method in ("GET", "HEAD"):
            from .views import liveness

            response = liveness(request)
            for naam, waarde in LIVENESS_HEADERS.items():
                response.headers.setdefault(naam, waarde)
            response.headers.setdefault("Content-Length", str(len(response.content)))  # as CommonMiddleware
            return response
        return self.get_response(request)


class PriveNietBewarenMiddleware:
    """Nothing shown to a logged-in user may be kept by a browser or proxy cache: every such response
    (pages, htmx fragments, CSV/XLSX exports, PDF downloads) gets ``Cache-Control: private, no-store``.
    Static files (WhiteNoise answers them before this middleware) keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # every response to a request that carries a session is private: decided without loading it
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True, no_store=True)
        return response


class AuditActeurMiddleware:
    """The audit trail's actor and correlation id, as auditlog's own middleware sets them, but with the
    lazy ``request.user``: the session and the user are loaded only when an entry is written (auditlog
    checks the actor then), not on every request. ``set_actor`` and ``set_cid`` are auditlog's
    documented API; an anonymous request's entries get no actor, as with auditlog's middleware.

    ``set_actor`` connects and disconnects a signal receiver each time (a third of a health check's
    time). A reading request without a session cookie (health checks, a first visit) cannot end up
    with a logged-in user, so its entries would get no actor anyway: it runs without the context. A
    write, or any request with a session, keeps it (a login names the new user in its own entries)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        set_cid(request)
        if request.method in ("GET", "HEAD", "OPTIONS") and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)
        with set_actor(request.user):
            return self.get_response(request)


class SessieVerlengenMiddleware:
    """A session ends after ``SESSION_COOKIE_AGE`` of inactivity: a request to a page behind login moves its
    end on. Saving on every request (``SESSION_SAVE_EVERY_REQUEST``) would write the session row on each
    request, health checks included; this saves it only when the last move is older than a tenth of the
    age (at most a minute), so the end is at most that much earlier than exactly idle-time after the
    last request."""

    SLEUTEL = "_verlengd_op"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(view_func, "login_required", True) or not request.user.is_authenticated:
            return None
        nu = int(time.time())
        if nu - request.session.get(self.SLEUTEL, 0) >= min(60, settings.SESSION_COOKIE_AGE // 10):
            request.session[self.SLEUTEL] = nu  # modified: saved with a new expiry, cookie renewed
        return None
