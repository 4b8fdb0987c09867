"""Queries per page: at most 15, and the same on small and on larger (generated) data.

The dashboard counts as users get it (its figures are cached until any data change); its cold build
is held to "independent of data size" only.

This is issue 8's "independent of data size" check for every page `make bench` measures and the
other main lists and overviews. Both data sets come from the synthetic generator.
"""

import pytest

from noordwijk_migratie.cache import verhoog_data_versie
from noordwijk_migratie.testdata.generator import Schaal, genereer
from noordwijk_migratie.testdata.paginas import bench_paginas, overige_paginas

from .queries import geteld, queries_van

BUDGET = 15
KLEIN = Schaal(4, 60, 3, 1, 16, 20, 4, 5, 5, 3)
GROTER = Schaal(10, 1_500, 12, 2, 60, 200, 25, 20, 30, 10)


def _tel(client, pad, *, koud=False):
    """Queries of one request. Warm (the default): as users see it, after a first request has filled the
    per-process caches and the dashboard's figure cache (which every data change invalidates).
    Cold: on a new data version (as after any change), so the dashboard is built from the database."""
    client.get(pad)
    if koud:
        verhoog_data_versie()
    return queries_van(client, pad).aantal


def _tellingen(client, schaal):
    genereer(schaal)
    tellingen = {label: _tel(client, pad) for label, pad in bench_paginas()[1:] + overige_paginas()}
    tellingen["Dashboard (koud, zonder cache)"] = _tel(client, "/", koud=True)
    return tellingen


@pytest.mark.django_db
def test_queries_per_pagina_binnen_budget_en_onafhankelijk_van_omvang(client, maak_gebruiker, basisgegevens):
    client.force_login(maak_gebruiker("opgavemanager"))
    klein = _tellingen(client, KLEIN)
    groter = _tellingen(client, GROTER)
    te_veel = {label: n for label, n in groter.items() if n > BUDGET and "koud" not in label}
    assert te_veel == {}, f"meer dan {BUDGET} queries: {te_veel}"
    verschil = {label: (klein[label], groter[label]) for label in klein if klein[label] != groter[label]}
    assert verschil == {}, f"aantal queries groeit met de gegevens (klein, groter): {verschil}"


def _xlsx(rijen):
    import io

    import openpyxl
    from django.core.files.uploadedfile import SimpleUploadedFile

    from taakstelling.imports import PlaatsingImporter

    kolommen = [naam for naam, _h, _v in PlaatsingImporter().kolommen()]
    werkboek = openpyxl.Workbook()
    werkboek.active.append(kolommen)
    for rij in rijen:
        werkboek.active.append([rij.get(k, "") for k in kolommen])
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return SimpleUploadedFile("plaatsingen.xlsx", buffer.getvalue())


def _rij(i, ref=""):
    return {
        "koppeldatum": f"{1 + i % 28:02d}-03-2024",
        "samenstelling": "overig",  # the changed rows have 2 adults: no alleenstaande
        "volgnummer": 1 + i // 28,
        "volwassenen": 1,
        "coa_referentie": ref,
    }


@pytest.mark.django_db
def test_plaatsingenimport_queries_per_rij_vast_en_coa_referentie_blijft_uniek():
    from taakstelling.imports import PlaatsingImporter
    from taakstelling.models import Plaatsing

    def queries(n, *, bestaand=0):
        Plaatsing.objects.all().delete()
        PlaatsingImporter().importeer(_xlsx([_rij(i) for i in range(bestaand)]))
        rijen = [{**_rij(i), "volwassenen": 2} for i in range(n)]  # the first `bestaand` rows change
        with geteld() as telling:
            resultaat = PlaatsingImporter().importeer(_xlsx(rijen))
        assert (resultaat.aangemaakt, resultaat.bijgewerkt) == (n - bestaand, bestaand)
        return telling.aantal

    # bulk: the same handful of queries for 50 and 500 rows, new or changed (audit entries included)
    queries(5)  # warm: the content type of the audit entries is cached per process
    assert queries(50) == queries(500) <= 12
    assert queries(50, bestaand=20) == queries(500, bestaand=200) <= 15
    Plaatsing.objects.all().delete()

    resultaat = PlaatsingImporter().importeer(_xlsx([_rij(200, "KOP-1"), _rij(201, "KOP-1")]))
    assert [(f.rij, f.kolom) for f in resultaat.fouten] == [(3, "coa_referentie")]
    assert not Plaatsing.objects.filter(coa_referentie="KOP-1").exists()
    assert PlaatsingImporter().importeer(_xlsx([_rij(200, "KOP-1")])).aangemaakt == 1
    fout = PlaatsingImporter().importeer(_xlsx([_rij(202, "KOP-1")])).fouten
    assert [(f.rij, f.kolom) for f in fout] == [(2, "coa_referentie")]
    # the same household again with its own reference is no conflict (and, unchanged, no change)
    opnieuw = PlaatsingImporter().importeer(_xlsx([_rij(200, "KOP-1")]))
    assert (opnieuw.fouten, opnieuw.ongewijzigd) == ([], 1)


@pytest.mark.django_db
def test_plaatsingenimport_zoekt_een_corporatie_eenmaal_op_niet_per_rij():
    """A reference column (the corporation by its name) costs a query per distinct name, not one per row;
    an unknown name is still an error on every row that has it, with the value."""
    from noordwijk_migratie.models import Corporatie
    from taakstelling.imports import PlaatsingImporter
    from taakstelling.models import Plaatsing

    Corporatie.objects.create(naam="Stek")

    def queries(n):
        Plaatsing.objects.all().delete()
        rijen = [{**_rij(i), "corporatie": "Stek"} for i in range(n)]
        with geteld() as telling:
            resultaat = PlaatsingImporter().importeer(_xlsx(rijen))
        assert resultaat.aangemaakt == n
        assert set(Plaatsing.objects.values_list("corporatie__naam", flat=True)) == {"Stek"}
        return telling.aantal

    queries(5)  # warm: the content type of the audit entries is cached per process
    assert queries(20) == queries(200)
    Plaatsing.objects.all().delete()
    fouten = (
        PlaatsingImporter().importeer(_xlsx([{**_rij(i), "corporatie": "Woonstad Nergens"} for i in range(3)])).fouten
    )
    assert [(f.rij, f.kolom) for f in fouten] == [(2, "corporatie"), (3, "corporatie"), (4, "corporatie")]
    assert all("«Woonstad Nergens»" in f.melding for f in fouten)
    assert not Plaatsing.objects.exists()


@pytest.mark.django_db
def test_mijn_werk_binnen_budget_en_onafhankelijk_van_het_aantal_herinneringen(client, maak_gebruiker, basisgegevens):
    """Mijn werk (opgavemanager and beleidsadviseur): warm within the budget; warm and right after a data change
    (every kind the user receives evaluated again, as the dashboard's cold build) the same number of queries on
    small and larger data."""
    pad = "/mijn-werk/"
    gebruikers = [maak_gebruiker("opgavemanager"), maak_gebruiker("beleidsadviseur")]
    tellingen = {}
    for naam, schaal in (("klein", KLEIN), ("groter", GROTER)):
        genereer(schaal)
        for gebruiker in gebruikers:
            client.force_login(gebruiker)
            for koud in (False, True):
                tellingen.setdefault((gebruiker.username, koud), {})[naam] = _tel(client, pad, koud=koud)
    assert all(t["groter"] <= BUDGET for (_g, koud), t in tellingen.items() if not koud), tellingen
    assert all(t["klein"] == t["groter"] for t in tellingen.values()), tellingen
