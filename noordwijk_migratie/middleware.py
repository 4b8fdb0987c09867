"""Middleware of the project package."""

from django.utils.cache import patch_cache_control


class PriveNietBewarenMiddleware:
    """Nothing shown to a logged-in user may be kept by a browser or proxy cache: every such response
    (pages, htmx fragments, CSV/XLSX exports, PDF downloads) gets ``Cache-Control: private, no-store``.
    Static files (WhiteNoise answers them before this middleware) keep their own caching."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
