"""The pages `make bench` measures and tests/test_querybudget.py holds to a query budget, and the walk
over every URL pattern that the permission tests, the fuzzer and `make bench` share."""

from django.urls import URLPattern, URLResolver, get_resolver

from noordwijk_migratie.testdata.generator import MARKER


def alle_urls(patterns=None, namespace=None):
    """(name with namespace, pattern) of every named URL of the application (the admin and the API, which
    answers tokens and has its own walk in api/tests, left out)."""
    for p in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(p, URLResolver):
            if p.namespace in ("admin", "api"):
                continue
            ns = f"{namespace}:{p.namespace}" if namespace and p.namespace else (p.namespace or namespace)
            yield from alle_urls(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), p


def view_model(pattern):
    """(view class, init kwargs, model) behind a URL pattern; an import view's model is its importer's."""
    view_class = getattr(pattern.callback, "view_class", None)
    initkwargs = getattr(pattern.callback, "view_initkwargs", {})
    model = initkwargs.get("model") or getattr(view_class, "model", None)
    if isinstance(model, property):
        importer = initkwargs.get("importer_class") or getattr(view_class, "importer_class", None)
        model = importer.model if importer else None
    return view_class, initkwargs, model


def bench_paginas() -> list[tuple[str, str]]:
    """(label, path) of the pages measured by `make bench`; the first is the project's lightest request, the
    liveness check (the whole middleware stack, no session, database or broker): the reference of the
    "% van /healthz/live" ratio."""
    from programma.models import Indicator

    indicator = Indicator.objects.filter(tekst__startswith=MARKER).order_by("pk").first() or Indicator.objects.first()
    return [
        ("Liveness-check", "/healthz/live"),
        ("Dashboard", "/"),
        ("Plaatsingen (filter, 50 per pagina)", "/statushouders/plaatsingen/?status=gehuisvest&per_page=50"),
        ("Oekraïne-overzicht", "/opvang/oekraine/"),
        ("Indicator", f"/programma/indicatoren/{indicator.pk}/"),
        ("Regiovergelijking", "/statushouders/regio/"),
        ("Taakstelling-overzicht", "/statushouders/"),
    ]


def overige_paginas() -> list[tuple[str, str]]:
    """Other main lists and overviews, held to the same budget in the tests."""
    return [
        ("Perioden", "/statushouders/perioden/"),
        ("Nareizigers", "/statushouders/nareizigers/?per_page=50"),
        ("Regiocijfers", "/statushouders/regiocijfers/?per_page=50"),
        ("Statushouders-overzicht", "/statushouders/"),
        ("Opvang-overzicht", "/opvang/"),
        ("Asielzoekers-overzicht", "/opvang/asielzoekers/"),
        ("Bezetting", "/opvang/bezetting/?per_page=50"),
        ("Acties", "/programma/acties/?per_page=50"),
        ("Indicatoren", "/programma/indicatoren/?per_page=50"),
        ("Metingen", "/programma/metingen/?per_page=50"),
        ("Sessies", "/themasessies/sessies/?per_page=50"),
        ("Rapportages", "/rapportages/"),
    ]
