from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_resolver, get_script_prefix, get_urlconf, reverse

from . import __version__, registry


@lru_cache(maxsize=256)
def _url(url_naam: str, resolver, prefix: str) -> str | None:
    """A navigation item's URL, reversed once per URL configuration (every page shows them all)."""
    try:
        return reverse(url_naam, urlconf=resolver.urlconf_name)
    except NoReverseMatch:
        return None


def navigatie(request):
    items = []
    resolver, prefix = get_resolver(get_urlconf()), get_script_prefix()
    for item in registry.navigatie():
        url = _url(item.url_naam, resolver, prefix)
        if url is None:
            continue
        current = request.path == "/" if url == "/" else request.path.startswith(url)
        items.append({"label": item.label, "url": url, "current": current})
    return {
        "navigatie": items,
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "app_versie": __version__,
    }
