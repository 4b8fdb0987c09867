from django.conf import settings
from django.urls import NoReverseMatch, reverse

from . import __version__, registry


def navigatie(request):
    items = []
    for item in registry.navigatie():
        try:
            url = reverse(item.url_naam)
        except NoReverseMatch:
            continue
        current = request.path == "/" if url == "/" else request.path.startswith(url)
        items.append({"label": item.label, "url": url, "current": current})
    return {
        "navigatie": items,
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "app_versie": __version__,
    }
