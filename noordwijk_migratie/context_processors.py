from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from . import __version__

# (label, url name, path prefix that marks the item as current)
NAVIGATIE = (
    (_("Dashboard"), "dashboard", "/"),
    (_("Statushouders"), "taakstelling:index", "/statushouders/"),
    (_("Opvang"), "opvang:index", "/opvang/"),
    (_("Internationale werknemers"), "internationale_werknemers:index", "/internationale-werknemers/"),
    (_("Programma"), "programma:index", "/programma/"),
    (_("Themasessies"), "themasessies:index", "/themasessies/"),
    (_("Rapportages"), "rapportage:index", "/rapportages/"),
    (_("Beheer"), "kern:beheer", "/beheer/"),
)


def navigatie(request):
    items = []
    for label, url_name, prefix in NAVIGATIE:
        if url_name == "taakstelling:index" and not settings.MODULE_TAAKSTELLING_ACTIEF:
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = request.path == "/" if prefix == "/" else request.path.startswith(prefix)
        items.append({"label": label, "url": url, "current": current})
    return {
        "navigatie": items,
        "gemeente_naam": settings.GEMEENTE_NAAM,
        "app_versie": __version__,
    }
