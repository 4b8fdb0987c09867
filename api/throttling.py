"""Rate limit per token (per user for session calls), counted in the project's cache (Redis in production)."""

from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class PerTokenThrottle(SimpleRateThrottle):
    scope = "api"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"gebruiker-{request.user.pk}"
        else:
            return None  # refused by authentication anyway
        return self.cache_format % {"scope": self.scope, "ident": ident}
