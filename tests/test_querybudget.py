"""Queries per page: at most 15, and the same on small and on larger (generated) data.

This is issue 8's "independent of data size" check for every page `make bench` measures and the
other main lists and overviews. Both data sets come from the synthetic generator.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from noordwijk_migratie.testdata.generator import Schaal, genereer
from noordwijk_migratie.testdata.paginas import bench_paginas, overige_paginas

BUDGET = 15
KLEIN = Schaal(4, 60, 3, 1, 16, 20, 4, 5, 5, 3)
GROTER = Schaal(10, 1_500, 12, 2, 60, 200, 25, 20, 30, 10)


def _tel(client, pad):
    cache.clear()  # count the cold page (the dashboard caches its figures)
    client.get(pad)  # first request may fill per-process caches (e.g. content types)
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(pad)
    assert response.status_code == 200, pad
    return len(ctx)


def _tellingen(client, schaal):
    genereer(schaal)
    return {label: _tel(client, pad) for label, pad in bench_paginas()[1:] + overige_paginas()}


@pytest.mark.django_db
def test_queries_per_pagina_binnen_budget_en_onafhankelijk_van_omvang(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("opgavemanager"))
    klein = _tellingen(client, KLEIN)
    groter = _tellingen(client, GROTER)
    te_veel = {label: n for label, n in groter.items() if n > BUDGET}
    assert te_veel == {}, f"meer dan {BUDGET} queries: {te_veel}"
    verschil = {label: (klein[label], groter[label]) for label in klein if klein[label] != groter[label]}
    assert verschil == {}, f"aantal queries groeit met de gegevens (klein, groter): {verschil}"
