"""The rendered body of a page, cached: a warm request renders only the shell around it.

``base.html`` marks the parts of a page that hold nothing personal (``{% paginadeel "…" %}``: the title,
the extra head, the breadcrumbs and the content). A view
with :class:`PaginaCacheMixin` keeps those parts, as rendered, under

    today · language · the user · the switched-on modules · the full path (query string included),
    with the data version and the user's rights in the value

and on the next request renders ``base.html`` alone with the kept parts in place: the shell (CSRF token,
the user's name and roles, Mijn werk, messages, the navigation) is rendered fresh for every request, the
view's own work (queries, figures, charts, tables) is skipped.

Correct by construction, not by promise:

- any change of project data raises the data version (``cache.data_versie``), so the next request renders
  afresh; the switched-on modules are in the key; the day is in the key, so a figure that becomes stale
  overnight (``actualiteit``) is marked on the first request of that day; other rights (a role change,
  see ``rechten``) don't match the kept value;
- a part that used the CSRF token, the messages or the user while it was rendered is per request: the
  page is then not kept at all (the mixin can be put on a view that turns out to be personal: it just isn't
  cached);
- only a plain ``GET`` that answered 200 with a template is kept (not an htmx fragment, an export, a
  redirect or a form with errors).

Only for views whose content comes from project data (the data version follows nothing else)."""

import hashlib

from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from . import rechten
from .cache import CACHE_SECONDEN, VERSIE_SLEUTEL

DELEN = ("titel", "kop", "kruimels", "inhoud")  # the {% paginadeel %} names in base.html
SJABLOON = "base.html"
PERSOONLIJK = ("csrf_token", "messages", "user")  # context variables that make a part per user
_UIT_CACHE = "_paginadelen_uit_cache"
_VANGEN = "_paginadelen_vangen"
_SLEUTEL = "_paginasleutel"


def rol_sleutel(user) -> str:
    """The same for users with the same rights (what ``perms``/``has_perm`` can tell apart)."""
    toegestaan = sorted(user.get_all_permissions()) if user.is_active else []
    return hashlib.sha256(repr((user.is_superuser, toegestaan)).encode()).hexdigest()[:20]


def sleutel(request) -> str:
    """The page's key, the user's own: it is read in the round trip of the user's rights (``rechten.lees_mee``),
    before they are known, so the rights are checked in the value (with the data version). The switched-on
    modules are in it: a module switched off (a setting, the cache outlives a restart) leaves every page."""
    from . import registry

    if not hasattr(request, _SLEUTEL):
        modules = ",".join(a.label for a in registry.actieve())
        pad = hashlib.sha256(f"{modules}|{request.get_full_path()}".encode()).hexdigest()
        datum = timezone.localdate().isoformat()
        setattr(request, _SLEUTEL, ":".join(["pagina", datum, get_language(), str(request.user.pk), pad]))
    return getattr(request, _SLEUTEL)


def _bewaard(user, naam: str) -> tuple[int, dict | None]:
    """(the data version now, the kept parts if they were rendered on that version with these rights)."""
    rol = rol_sleutel(user)  # reads the rights and with them the keys read along
    gevonden = rechten.uit_cache(user, [VERSIE_SLEUTEL, naam])
    versie = gevonden.get(VERSIE_SLEUTEL) or 0
    bewaard = gevonden.get(naam)
    if bewaard and bewaard[0] == versie and bewaard[1] == rol:
        return versie, bewaard[2]
    return versie, None


def _cachebaar(request) -> bool:
    return request.method == "GET" and request.user.is_authenticated and not getattr(request, "htmx", False)


class PaginaCacheMixin:
    """Put first among a (TemplateResponse) view's bases: its page body comes from the cache while the
    data, the day and the user's rights are the same (see the module docstring)."""

    def dispatch(self, request, *args, **kwargs):
        if _cachebaar(request):  # before the permission check, which reads the rights
            rechten.lees_mee(request.user, VERSIE_SLEUTEL, sleutel(request))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if not _cachebaar(request):
            return super().get(request, *args, **kwargs)
        naam = sleutel(request)
        versie, delen = _bewaard(request.user, naam)
        if delen is not None:
            setattr(request, _UIT_CACHE, delen)
            return TemplateResponse(request, SJABLOON, {})
        rechten.vergeet_meegelezen(request.user)  # the view's own work may change what was read along
        gevangen = {}
        setattr(request, _VANGEN, gevangen)
        response = super().get(request, *args, **kwargs)
        if isinstance(response, TemplateResponse) and response.status_code == 200:
            rol = rol_sleutel(request.user)

            def bewaar(_response):
                if set(gevangen) == set(DELEN):  # every part rendered, none of them personal
                    cache.set(naam, (versie, rol, gevangen), CACHE_SECONDEN)

            response.add_post_render_callback(bewaar)
        return response


def render_deel(naam: str, nodelist, context) -> str:
    """``{% paginadeel naam %}``: the kept part, or the part rendered (and kept when the view caches)."""
    request = context.get("request")
    uit_cache = getattr(request, _UIT_CACHE, None)
    if uit_cache is not None:
        return mark_safe(uit_cache[naam])  # noqa: S308 - rendered (escaped) by this template before
    gevangen = getattr(request, _VANGEN, None)
    if gevangen is None:
        return nodelist.render(context)
    gebruikt = []

    def bewaakt(variabele, echt):
        def waarde():
            gebruikt.append(variabele)
            return echt

        return SimpleLazyObject(waarde)

    with context.push({v: bewaakt(v, context[v]) for v in PERSOONLIJK if v in context}):
        html = nodelist.render(context)
    if gebruikt:
        gevangen.clear()
        setattr(request, _VANGEN, None)  # per user: nothing of this page is kept
    else:
        gevangen[naam] = str(html)
    return html
