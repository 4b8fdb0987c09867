"""The pages `make bench` measures and tests/test_querybudget.py holds to a query budget."""

from noordwijk_migratie.testdata.generator import MARKER


def bench_paginas() -> list[tuple[str, str]]:
    """(label, path) of the pages measured by `make bench`; the first is the bare baseline."""
    from programma.models import Indicator

    indicator = Indicator.objects.filter(tekst__startswith=MARKER).order_by("pk").first() or Indicator.objects.first()
    return [
        ("Kale view", "/healthz/live"),
        ("Dashboard", "/"),
        ("Plaatsingen (filter, 50 per pagina)", "/statushouders/plaatsingen/?status=gehuisvest&per_page=50"),
        ("Oekraïne-overzicht", "/opvang/oekraine/"),
        ("Indicator", f"/programma/indicatoren/{indicator.pk}/"),
        ("Regiovergelijking", "/statushouders/regio/"),
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
